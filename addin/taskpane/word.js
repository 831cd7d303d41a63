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
  const node = typeof module === "object" && module.exports;
  const lib = node ? Object.assign({}, require("../lib/findings.js"), require("../lib/word-document.js")) : /** @type {any} */ (root).AIGuard;
  const api = factory(lib);
  if (node) {
    module.exports = api;
  } else {
    Office.onReady((info) => {
      if (info.host === Office.HostType.Word) /** @type {any} */ (root).AIGuard.startPane(api.createWordAdapter());
    });
  }
})(/** @type {any} */ (typeof self !== "undefined" ? self : this), function (/** @type {typeof import("../lib/findings.js") & typeof import("../lib/word-document.js")} */ lib) {
  /** @typedef {import("../lib/findings.js").Finding} Finding */
  /** @typedef {import("../lib/word-document.js").Scanned} Scanned */
  const { readDocument, partBody, loadTextBoxes } = lib;

  const HIGHLIGHT = "Yellow";
  const AI_PROPERTY = "AIAssisted";

  /** @param {"start" | "end"} where */
  function insertLocation(where) {
    const enums = typeof Word !== "undefined" && Word.InsertLocation ? /** @type {any} */ (Word.InsertLocation) : null;
    return (enums && enums[where]) || (where === "start" ? "Start" : "End");
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
    const locations = findings.map((finding) => lib.locateFinding(finding, scanned.text, scanned.segments));
    const boxKeys = locations.flatMap((location) => (location && location.segmentKey.startsWith("shape:") ? [location.segmentKey] : []));
    const boxHosts = [...new Set(boxKeys.map((key) => key.slice("shape:".length, key.lastIndexOf(":"))))];
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
    return lib.containsNotice(scanned.text, noticeText);
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
        return lib.otherParts(await readDocument());
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
