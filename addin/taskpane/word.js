// @ts-check
/* global Office, Word */
/**
 * Word glue of the task pane: read the document (body, headers, footers), find a finding again and
 * highlight it, insert text at the cursor, insert the AI-use notice and tag the document.
 *
 * Offsets of `body.text` do not map to Word ranges, so a finding is found again by searching its text
 * in the part it came from and taking the n-th match (see lib/findings.js). Each function opens its own
 * `Word.run` and awaits it. In node (tests) the functions are exported and nothing starts.
 */
(function (root, factory) {
  const lib = typeof module === "object" && module.exports ? require("../lib/findings.js") : /** @type {any} */ (root).AIGuard;
  const api = factory(lib);
  if (typeof module === "object" && module.exports) {
    module.exports = api;
  } else {
    Office.onReady((info) => {
      if (info.host === Office.HostType.Word || info.host === "Word") /** @type {any} */ (root).AIGuard.startPane(api.createWordAdapter());
    });
  }
})(typeof self !== "undefined" ? self : this, function (findingsLib) {
  /** @typedef {import("../lib/findings.js").Finding} Finding */
  /** @typedef {{text: string, segments: import("../lib/findings.js").Segment[]}} Scanned */

  const HIGHLIGHT = "Yellow";
  const AI_PROPERTY = "AIAssisted";
  const HEADER_FOOTER_KINDS = ["primary", "firstPage", "evenPages"];
  /** Word's enum values, for hosts where the enum object is missing. */
  const KIND_VALUES = { primary: "Primary", firstPage: "FirstPage", evenPages: "EvenPages" };

  /** @param {string} kind */
  function headerFooterType(kind) {
    const enums = typeof Word !== "undefined" && Word.HeaderFooterType ? /** @type {any} */ (Word.HeaderFooterType) : null;
    return (enums && enums[kind]) || /** @type {any} */ (KIND_VALUES)[kind];
  }

  /** @param {"start" | "end"} where */
  function insertLocation(where) {
    const enums = typeof Word !== "undefined" && Word.InsertLocation ? /** @type {any} */ (Word.InsertLocation) : null;
    return (enums && enums[where]) || (where === "start" ? "Start" : "End");
  }

  /**
   * The Word object (body or header/footer body) of a part key: "body", "header:0:primary", "footer:1:evenPages",
   * or the body of a text box in one of them: "shape:body:0", "shape:header:0:primary:1".
   * @param {any} context
   * @param {any} sections  loaded `context.document.sections`
   * @param {string} key
   * @param {Record<string, any>} [shapes]  loaded shape collections by the key of the part holding them
   */
  function partBody(context, sections, key, shapes = {}) {
    if (key.startsWith("shape:")) {
      const cut = key.lastIndexOf(":");
      const collection = shapes[key.slice("shape:".length, cut)];
      const shape = collection && collection.items[Number(key.slice(cut + 1))];
      return shape ? shape.body : null;
    }
    if (key === "body") return context.document.body;
    const [kind, index, which] = key.split(":");
    const section = sections.items[Number(index)];
    if (!section) return null;
    return kind === "header" ? section.getHeader(headerFooterType(which)) : section.getFooter(headerFooterType(which));
  }

  /**
   * Read the document's text: headers first (a classification marking often sits there), each followed by its
   * text boxes, the body's text boxes, the body, then the footers, joined as lib/findings.js joinParts says.
   * Word hands paragraphs over ending in "\r" and table cells with its cell marks; the engine reads every
   * convention as lines and cells, so the text is sent exactly as Word gives it (offsets stay Word's).
   * @returns {Promise<Scanned>}
   */
  async function readDocument() {
    return Word.run(async (context) => {
      const body = context.document.body;
      body.load("text");
      const sections = context.document.sections;
      sections.load("items");
      await context.sync();
      /** @type {Array<{key: string, range: any}>} */
      const headers = [];
      /** @type {Array<{key: string, range: any}>} */
      const footers = [];
      sections.items.forEach((/** @type {any} */ section, /** @type {number} */ index) => {
        for (const kind of HEADER_FOOTER_KINDS) {
          const header = section.getHeader(headerFooterType(kind));
          header.load("text");
          headers.push({ key: `header:${index}:${kind}`, range: header });
          const footer = section.getFooter(headerFooterType(kind));
          footer.load("text");
          footers.push({ key: `footer:${index}:${kind}`, range: footer });
        }
      });
      const boxes = loadTextBoxes([...headers, { key: "body", range: body }]);
      await context.sync();
      /** @param {string} key */
      const boxParts = (key) =>
        boxes[key] ? boxes[key].items.map((/** @type {any} */ shape, /** @type {number} */ index) => ({ key: `shape:${key}:${index}`, text: textOfBox(shape) })) : [];
      const parts = [
        ...headers.flatMap((part) => [{ key: part.key, text: part.range.text || "" }, ...boxParts(part.key)]),
        ...boxParts("body"),
        { key: "body", text: body.text || "" },
        ...footers.map((part) => ({ key: part.key, text: part.range.text || "" })),
      ];
      return findingsLib.joinParts(parts);
    });
  }

  /**
   * Queue loading the shapes (text boxes, where stamps and 密等 boxes often sit) of each part, where the host has
   * them (WordApiDesktop 1.2); the caller syncs.
   * @param {Array<{key: string, range: any}>} parts
   * @returns {Record<string, any>}  shape collections by part key
   */
  function loadTextBoxes(parts) {
    /** @type {Record<string, any>} */
    const boxes = {};
    if (!Office.context.requirements.isSetSupported("WordApiDesktop", "1.2")) return boxes;
    for (const part of parts) {
      if (!part.range.shapes) continue;
      boxes[part.key] = part.range.shapes;
      boxes[part.key].load("items/type,items/body/text");
    }
    return boxes;
  }

  /** @param {any} shape */
  function textOfBox(shape) {
    return shape.body && typeof shape.body.text === "string" ? shape.body.text : "";
  }

  /**
   * Search each finding in its part and return the matching ranges (null where not found), in one sync.
   * @param {any} context
   * @param {Finding[]} findings
   * @param {Scanned} scanned
   * @returns {Promise<any[]>}
   */
  async function findRanges(context, findings, scanned) {
    const sections = context.document.sections;
    sections.load("items");
    await context.sync();
    const locations = findings.map((finding) => findingsLib.locateFinding(finding, scanned.text, scanned.segments));
    const boxHosts = [...new Set(locations.filter((l) => l && l.segmentKey.startsWith("shape:")).map((l) => /** @type {any} */ (l).segmentKey.slice(6, l.segmentKey.lastIndexOf(":"))))];
    const boxes = loadTextBoxes(boxHosts.map((key) => ({ key, range: partBody(context, sections, key) })).filter((part) => part.range));
    if (boxHosts.length) await context.sync();
    const searches = locations.map((location) => {
      if (!location) return null;
      const target = partBody(context, sections, location.segmentKey, boxes);
      if (!target) return null;
      const results = target.search(location.needle, { matchCase: true });
      results.load("items");
      return { results, occurrence: location.occurrence };
    });
    await context.sync();
    return searches.map((search) => (search && search.results.items[search.occurrence]) || null);
  }

  /**
   * Select a finding in the document and highlight it.
   * @param {Finding} finding
   * @param {Scanned} scanned
   * @returns {Promise<boolean>} false when it is no longer there
   */
  async function selectFinding(finding, scanned) {
    return Word.run(async (context) => {
      const [range] = await findRanges(context, [finding], scanned);
      if (!range) return false;
      range.font.highlightColor = HIGHLIGHT;
      range.select();
      await context.sync();
      return true;
    });
  }

  /**
   * Highlight (color "Yellow") or clear (color null) every finding; returns how many were found.
   * @param {Finding[]} findings
   * @param {Scanned} scanned
   * @param {string | null} color
   * @returns {Promise<number>}
   */
  async function highlightFindings(findings, scanned, color) {
    return Word.run(async (context) => {
      const ranges = await findRanges(context, findings.filter((finding) => finding.action !== "ignore"), scanned);
      let count = 0;
      for (const range of ranges) {
        if (!range) continue;
        range.font.highlightColor = color;
        count += 1;
      }
      await context.sync();
      return count;
    });
  }

  /**
   * Insert text at the cursor (after the selection, never replacing it).
   * @param {string} text
   */
  async function insertAtCursor(text) {
    await Word.run(async (context) => {
      const selection = context.document.getSelection();
      selection.insertText(text, insertLocation("end"));
      await context.sync();
    });
  }

  /**
   * Whether the document (any part) already carries the notice.
   * @param {string} noticeText
   * @returns {Promise<boolean>}
   */
  async function hasNotice(noticeText) {
    const scanned = await readDocument();
    return findingsLib.containsNotice(scanned.text, noticeText);
  }

  /**
   * Insert the notice as its own paragraph at the top or bottom of the body, and tag the document
   * AI-assisted (custom property, WordApi 1.3).
   * @param {string} noticeText
   * @param {"top" | "bottom"} position
   */
  async function insertNotice(noticeText, position) {
    const canTag = Office.context.requirements.isSetSupported("WordApi", "1.3");
    await Word.run(async (context) => {
      const paragraph = context.document.body.insertParagraph(noticeText, insertLocation(position === "bottom" ? "end" : "start"));
      paragraph.font.italic = true;
      paragraph.font.color = "#605E5C";
      if (canTag) context.document.properties.customProperties.add(AI_PROPERTY, "true");
      await context.sync();
    });
  }

  /**
   * The adapter the shared pane (pane.js) drives; it remembers the last scanned text for locating.
   */
  function createWordAdapter() {
    /** @type {Scanned} */
    let scanned = { text: "", segments: [] };
    return {
      channel: /** @type {"word"} */ ("word"),
      async readDraft() {
        scanned = await readDocument();
        return { text: scanned.text };
      },
      async readTextForAI() {
        return Word.run(async (context) => {
          const body = context.document.body;
          body.load("text");
          await context.sync();
          return body.text;
        });
      },
      /** Headers and footers, sent with the body so that what they reveal is redacted in it too. */
      async readContextForAI() {
        return findingsLib.otherParts(await readDocument());
      },
      insertAtCursor,
      hasNotice,
      insertNotice,
      /** @param {Finding} finding */
      selectFinding: (finding) => selectFinding(finding, scanned),
      /** @param {Finding[]} findings */
      highlightAll: (findings) => highlightFindings(findings, scanned, HIGHLIGHT),
      /** @param {Finding[]} findings */
      clearHighlights: async (findings) => {
        await highlightFindings(findings, scanned, null);
      },
    };
  }

  return {
    AI_PROPERTY,
    HIGHLIGHT,
    readDocument,
    selectFinding,
    highlightFindings,
    insertAtCursor,
    hasNotice,
    insertNotice,
    createWordAdapter,
  };
});
