// @ts-check
/* global Office, Word */
/**
 * The Word reader, used by the pane (taskpane/word.js) and by the document-open check (commands/onopen.js):
 * the document's parts in one reading order, with one spelling of header and footer kinds.
 *
 * Reading order, as the engine reads a .docx (nlp/documents/docx.py): the headers of every section (a
 * classification marking often sits there), each followed by its text boxes, then the body's text boxes and
 * the body, then the footers. Kinds are Word's `HeaderFooterType` names: "primary", "firstPage", "evenPages".
 * A part's key says where it is: "body", "header:0:primary", "footer:1:evenPages", or a text box in one of them:
 * "shape:body:0", "shape:header:0:primary:1".
 */
/** @typedef {{text: string, segments: import("./findings.js").Segment[]}} Scanned  the parts joined, and where each lies */

(function (root, factory) {
  if (typeof module === "object" && module.exports) {
    module.exports = factory(require("./findings.js"));
  } else {
    root.AIGuard = Object.assign(root.AIGuard || {}, factory(root.AIGuard));
  }
})(/** @type {any} */ (typeof self !== "undefined" ? self : this), function (/** @type {typeof import("./findings.js")} */ findingsLib) {
  /** Header and footer kinds in reading order; the same names as nlp/documents/docx.py reports. */
  const HEADER_FOOTER_KINDS = ["primary", "firstPage", "evenPages"];
  /** Word's enum values, for hosts where the enum object is missing. */
  const KIND_VALUES = { primary: "Primary", firstPage: "FirstPage", evenPages: "EvenPages" };

  /** @param {string} kind */
  function headerFooterType(kind) {
    const enums = typeof Word !== "undefined" && Word.HeaderFooterType ? /** @type {any} */ (Word.HeaderFooterType) : null;
    return (enums && enums[kind]) || /** @type {any} */ (KIND_VALUES)[kind];
  }

  /**
   * The Word object (body or header/footer body) of a part key, or the body of a text box in one of them.
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
   * Queue loading the shapes (text boxes, where stamps and 密等 boxes often sit) of each part, where the host has
   * them (WordApiDesktop 1.2); the caller syncs.
   * @param {Array<{key: string, range: any}>} parts
   * @returns {Record<string, any>}  shape collections by part key
   */
  function loadTextBoxes(parts) {
    /** @type {Record<string, any>} */
    const boxes = {};
    const requirements = typeof Office !== "undefined" && Office.context ? Office.context.requirements : null;
    if (!requirements || !requirements.isSetSupported("WordApiDesktop", "1.2")) return boxes;
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
   * Read the document's text in the reading order above, joined as lib/findings.js joinParts says.
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

  return { HEADER_FOOTER_KINDS, headerFooterType, partBody, loadTextBoxes, readDocument };
});
