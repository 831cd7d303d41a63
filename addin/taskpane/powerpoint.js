// @ts-check
/* global Office, PowerPoint */
/**
 * PowerPoint glue of the task pane: read every slide's shapes (titles and other placeholders, text boxes,
 * geometric shapes, tables, the shapes inside groups), go to a finding (its slide, its shape, its text),
 * give the text of the selected slides or the whole deck for a redacted copy (the other slides as context),
 * insert a restored answer as a text box on the current slide, and insert the AI-use notice as a text box on
 * the first slide with the AIAssisted custom property.
 *
 * APIs (checked against the PowerPointApi d.ts, 1.1–1.10 and preview): slides and shapes (1.3), shape type
 * and textFrame.textRange.text (1.4), getSelectedSlides / setSelectedSlides / Slide.setSelectedShapes /
 * TextRange.setSelected (1.5, the manifest's minimum), custom properties (1.7), tables (getTable().values)
 * and groups (shape.group.shapes) (1.8), pageSetup (1.10). Speaker notes have no API in any release or
 * preview set, so they are not read here (the file check, `aiguard scan` / POST /api/v1/documents, reads them).
 * In node (tests) the functions are exported and nothing starts.
 */
(function (root, factory) {
  const node = typeof module === "object" && module.exports;
  const lib = node ? require("../lib/findings.js") : /** @type {any} */ (root).AIGuard;
  const api = factory(lib);
  if (node) {
    module.exports = api;
  } else {
    Office.onReady((info) => {
      if (info.host === Office.HostType.PowerPoint) {
        const scope = () => {
          const checked = /** @type {HTMLInputElement | null} */ (document.querySelector("input[name=scope]:checked"));
          return checked && checked.value === "selection" ? "selection" : "all";
        };
        /** @type {any} */ (root).AIGuard.startPane(api.createPowerPointAdapter({ scope }));
      }
    });
  }
})(/** @type {any} */ (typeof self !== "undefined" ? self : this), function (/** @type {typeof import("../lib/findings.js")} */ findingsLib) {
  /** @typedef {import("../lib/findings.js").Finding} Finding */
  /**
   * @typedef {Object} ShapePart  Where one part of the scanned text lives in the deck.
   * @property {number} slide        0-based slide index
   * @property {string} slideId
   * @property {string} shapeId      the shape holding the text
   * @property {string[]} path       ids from the slide's top-level shape down to the shape (groups between)
   * @property {"text" | "table"} kind
   */
  /** @typedef {{text: string, segments: import("../lib/findings.js").Segment[], parts: Record<string, ShapePart>}} Deck */

  const AI_PROPERTY = "AIAssisted";
  const NOTICE_NAME = "AIGuard AI-use notice";
  /** Shape types that carry a text frame. */
  const TEXT_TYPES = new Set(["GeometricShape", "TextBox", "Placeholder", "Callout"]);
  /** Groups inside groups are read this deep. */
  const MAX_GROUP_DEPTH = 4;
  /** Slide size in points when the host cannot say (PowerPointApi 1.10 pageSetup): 16:9. */
  const DEFAULT_SLIDE = { width: 960, height: 540 };

  /** @param {string} version */
  function supported(version) {
    return Boolean(Office.context && Office.context.requirements && Office.context.requirements.isSetSupported("PowerPointApi", version));
  }

  /**
   * Queue reads, sync once; when the batch fails (a shape that says it has text but has none, a table the
   * host cannot read), run each read alone so that one bad shape does not hide the others.
   * @param {any} context
   * @param {Array<() => () => any>} reads  each queues its loads and returns a getter for after the sync
   * @returns {Promise<any[]>}  the getters' values; null for reads that failed
   */
  async function syncEach(context, reads) {
    const getters = reads.map((read) => read());
    try {
      await context.sync();
      return getters.map((get) => get());
    } catch (batchError) {
      const values = [];
      for (const read of reads) {
        try {
          const get = read();
          await context.sync();
          values.push(get());
        } catch (error) {
          values.push(null);
        }
      }
      return values;
    }
  }

  /**
   * A table's text as the engine reads tables: one line a row, tabs between cells.
   * @param {string[][]} values
   */
  function tableText(values) {
    return (values || []).map((row) => row.map((cell) => String(cell == null ? "" : cell)).join("\t")).join("\n");
  }

  /**
   * Read the deck: each slide's shapes in order, the shapes inside groups where they stand.
   * @param {{slideIds?: string[]}} [only]  read only these slides (ids)
   * @returns {Promise<Deck>}
   */
  async function readDeck(only) {
    return PowerPoint.run(async (context) => {
      const slides = context.presentation.slides;
      slides.load("items/id");
      await context.sync();
      const canTables = supported("1.8");
      /** @type {Array<{slide: number, slideId: string, shapes: any, path: string[], place: number[]}>} */
      let collections = [];
      slides.items.forEach((/** @type {any} */ slide, /** @type {number} */ index) => {
        if (only && only.slideIds && !only.slideIds.includes(slide.id)) return;
        slide.shapes.load("items/id,items/name,items/type");
        collections.push({ slide: index, slideId: slide.id, shapes: slide.shapes, path: [], place: [index] });
      });
      await context.sync();
      /** @type {Array<{key: string, part: ShapePart, place: number[], read: () => () => string}>} */
      const reads = [];
      while (collections.length) {
        /** @type {typeof collections} */
        const groups = [];
        for (const holder of collections) {
          for (const [position, shape] of holder.shapes.items.entries()) {
            const path = [...holder.path, shape.id];
            const place = [...holder.place, position];
            const key = `slide${holder.slide}:${path.join("/")}`; // "slide3:…": repeats on other slides are kept (joinParts)
            /** @type {ShapePart} */
            const part = { slide: holder.slide, slideId: holder.slideId, shapeId: shape.id, path, kind: "text" };
            if (shape.type === "Group" && canTables && path.length <= MAX_GROUP_DEPTH) {
              shape.group.shapes.load("items/id,items/name,items/type");
              groups.push({ slide: holder.slide, slideId: holder.slideId, shapes: shape.group.shapes, path, place });
            } else if (shape.type === "Table" && canTables) {
              part.kind = "table";
              reads.push({ key, part, place, read: () => {
                const table = shape.getTable();
                table.load("values");
                return () => tableText(table.values);
              } });
            } else if (TEXT_TYPES.has(shape.type)) {
              reads.push({ key, part, place, read: () => {
                const range = shape.textFrame.textRange;
                range.load("text");
                return () => range.text || "";
              } });
            }
          }
        }
        if (groups.length) await context.sync();
        collections = groups;
      }
      const texts = await syncEach(context, reads.map((entry) => entry.read));
      // Slide by slide, shapes in the order they stand on the slide, a group's shapes where the group stands.
      const entries = reads.map((entry, index) => Object.assign({}, entry, { text: texts[index] || "" }));
      entries.sort((a, b) => comparePlaces(a.place, b.place));
      /** @type {Record<string, ShapePart>} */
      const parts = {};
      for (const entry of entries) parts[entry.key] = entry.part;
      const joined = findingsLib.joinParts(entries.map((entry) => ({ key: entry.key, text: entry.text })));
      return { text: joined.text, segments: joined.segments, parts };
    });
  }

  /**
   * Order of two shapes by [slide, position, position inside the group, …].
   * @param {number[]} a @param {number[]} b
   */
  function comparePlaces(a, b) {
    for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i] - b[i];
    return a.length - b.length;
  }

  /**
   * The slide (1-based) and whether in a table, for the findings list.
   * @param {Finding} finding
   * @param {Deck} deck
   * @returns {ShapePart | null}
   */
  function partOf(finding, deck) {
    const range = findingsLib.partRange(finding, deck.text, deck.segments);
    return range ? deck.parts[range.segmentKey] || null : null;
  }

  /**
   * Go to a finding: select its slide and shape, and its text where the shape has a text frame.
   * @param {Finding} finding
   * @param {Deck} deck
   * @returns {Promise<boolean>} false when it is no longer there
   */
  async function selectFinding(finding, deck) {
    const range = findingsLib.partRange(finding, deck.text, deck.segments);
    const part = range && deck.parts[range.segmentKey];
    if (!range || !part) return false;
    const expected = deck.text.slice(findingsLib.utf16Index(deck.text, finding.start), findingsLib.utf16Index(deck.text, finding.end));
    return PowerPoint.run(async (context) => {
      const slide = context.presentation.slides.getItemOrNullObject(part.slideId);
      await context.sync();
      if (slide.isNullObject) return false;
      context.presentation.setSelectedSlides([part.slideId]);
      slide.setSelectedShapes([part.path[0]]);
      if (part.kind === "text") {
        let shape = slide.shapes.getItem(part.path[0]);
        for (const id of part.path.slice(1)) shape = shape.group.shapes.getItem(id);
        const found = shape.textFrame.textRange.getSubstring(range.start, range.end - range.start);
        found.load("text");
        await context.sync();
        if (found.text !== expected) return false;
        found.setSelected();
      }
      await context.sync();
      return true;
    }).catch(() => false);
  }

  /**
   * Ids of the selected slides ([] when none).
   * @returns {Promise<string[]>}
   */
  async function selectedSlideIds() {
    return PowerPoint.run(async (context) => {
      const selected = context.presentation.getSelectedSlides();
      selected.load("items/id");
      await context.sync();
      return selected.items.map((/** @type {any} */ slide) => slide.id);
    });
  }

  /** @returns {Promise<{width: number, height: number}>} */
  async function slideSize() {
    if (!supported("1.10")) return DEFAULT_SLIDE;
    return PowerPoint.run(async (context) => {
      const setup = context.presentation.pageSetup;
      setup.load("slideWidth,slideHeight");
      await context.sync();
      return { width: setup.slideWidth || DEFAULT_SLIDE.width, height: setup.slideHeight || DEFAULT_SLIDE.height };
    }).catch(() => DEFAULT_SLIDE);
  }

  /**
   * Insert text as a text box on the current (first selected) slide, or the first slide.
   * @param {string} text
   */
  async function insertAtCursor(text) {
    const size = await slideSize();
    await PowerPoint.run(async (context) => {
      const selected = context.presentation.getSelectedSlides();
      selected.load("items/id");
      const slides = context.presentation.slides;
      slides.load("items/id");
      await context.sync();
      const slide = selected.items[0] || slides.items[0];
      if (!slide) throw new Error("the presentation has no slide");
      slide.shapes.addTextBox(text, { left: size.width * 0.05, top: size.height * 0.15, width: size.width * 0.9, height: size.height * 0.7 });
      await context.sync();
    });
  }

  /**
   * Whether the deck already carries the notice.
   * @param {string} noticeText
   */
  async function hasNotice(noticeText) {
    const deck = await readDeck();
    return findingsLib.containsNotice(deck.text, noticeText);
  }

  /**
   * The notice as a text box across the top (or bottom) of the first slide, italic grey; the presentation
   * tagged AI-assisted: a custom document property (PowerPointApi 1.7), else a tag (1.3).
   * @param {string} noticeText
   * @param {"top" | "bottom"} position
   */
  async function insertNotice(noticeText, position) {
    const size = await slideSize();
    const canProperty = supported("1.7");
    await PowerPoint.run(async (context) => {
      const slides = context.presentation.slides;
      slides.load("items/id");
      await context.sync();
      const first = slides.items[0];
      if (!first) throw new Error("the presentation has no slide");
      const height = 40;
      const box = first.shapes.addTextBox(noticeText, {
        left: size.width * 0.04,
        top: position === "bottom" ? size.height - height - 8 : 8,
        width: size.width * 0.92,
        height,
      });
      box.name = NOTICE_NAME;
      box.textFrame.textRange.font.italic = true;
      box.textFrame.textRange.font.color = "#605E5C";
      box.textFrame.textRange.font.size = 12;
      if (canProperty) context.presentation.properties.customProperties.add(AI_PROPERTY, "true");
      else context.presentation.tags.add(AI_PROPERTY.toUpperCase(), "TRUE");
      await context.sync();
    });
  }

  /**
   * The adapter the shared pane (pane.js) drives; it remembers the last scanned deck for locating.
   * @param {{scope?: () => "all" | "selection"}} [options]  what "copy redacted" takes: the selected slides or all
   */
  function createPowerPointAdapter(options) {
    const scope = (options && options.scope) || (() => /** @type {"all"} */ ("all"));
    /** @type {Deck} */
    let deck = { text: "", segments: [], parts: {} };
    /** @type {string[] | null} the slides "copy redacted" took, null for all */
    let takenSlides = null;
    return {
      channel: /** @type {"powerpoint"} */ ("powerpoint"),
      words: { scanHint: "scanHintPowerPoint", findingsHint: "findingsHintSlides", noticeInserted: "noticeInsertedSlides", restored: "restoredSlide" },
      async readDraft() {
        deck = await readDeck();
        return { text: deck.text };
      },
      /** The selected slides' text (or the whole deck's). */
      async readTextForAI() {
        takenSlides = null;
        if (scope() === "selection") {
          const ids = await selectedSlideIds();
          if (ids.length) takenSlides = ids;
        }
        const taken = await readDeck(takenSlides ? { slideIds: takenSlides } : undefined);
        return taken.text;
      },
      /** The other slides, so that what they reveal is redacted in the copy too. */
      async readContextForAI() {
        if (!takenSlides) return [];
        const taken = new Set(takenSlides);
        const all = await readDeck();
        const others = all.segments.filter((segment) => !taken.has(all.parts[segment.key].slideId));
        return others.map((segment) => all.text.slice(segment.start, segment.end));
      },
      insertAtCursor,
      hasNotice,
      insertNotice,
      /** @param {Finding} finding */
      selectFinding: (finding) => selectFinding(finding, deck),
      /**
       * @param {Finding} finding
       * @param {(key: string, params?: Record<string, string | number>) => string} t
       */
      findingPlace(finding, t) {
        const part = partOf(finding, deck);
        if (!part) return "";
        return t(part.kind === "table" ? "placeSlideTable" : "placeSlide", { n: part.slide + 1 });
      },
    };
  }

  return { AI_PROPERTY, NOTICE_NAME, TEXT_TYPES, readDeck, tableText, selectFinding, selectedSlideIds, insertAtCursor, hasNotice, insertNotice, createPowerPointAdapter };
});
