// @ts-check
/**
 * What the pane shows for a scan result: a verdict banner (tone, title, explanation, guideline article)
 * and the findings grouped by type with their labels. Pure data; the pane turns it into DOM.
 */
(function (root, factory) {
  if (typeof module === "object" && module.exports) {
    module.exports = factory(require("./i18n.js"), require("./findings.js"));
  } else {
    const ns = root.AIGuard || {};
    root.AIGuard = Object.assign(ns, factory(ns, ns));
  }
})(/** @type {any} */ (typeof self !== "undefined" ? self : this), function (/** @type {typeof import("./i18n.js")} */ i18n, /** @type {typeof import("./findings.js")} */ findingsLib) {
  /**
   * @typedef {import("./findings.js").Finding} Finding
   * @typedef {"zh-TW" | "en"} Lang
   * @typedef {{article: string, "zh-TW": string, en: string}} Basis
   *
   * @typedef {Object} ScanResult  The answer of POST /api/v1/scan.
   * @property {"block" | "redact" | "allow"} verdict
   * @property {Basis} [basis]
   * @property {Finding[]} findings
   * @property {{[type: string]: number}} [counts]
   * @property {boolean} [notice_present]
   * @property {Basis[]} [warnings]
   * @property {{"zh-TW": string, en: string}} [messages]
   * @property {string[]} [external_recipients]
   *
   * @typedef {Object} VerdictView
   * @property {"block" | "redact" | "allow"} tone
   * @property {string} title
   * @property {string} message      the server's explanation in the pane's language
   * @property {string} article      e.g. 第肆章第7條第1款 (empty when the verdict has none)
   * @property {string} basisText    the article's wording in the pane's language
   * @property {string} note         what the author can do (or that there is no override)
   * @property {boolean} canRedact   redaction and copying are offered
   * @property {string[]} warnings
   * @property {Array<{type: string, label: string, count: number, items: Array<Finding & {index: number, display: string, fieldLabel: string}>}>} groups
   * @property {number} total
   * @property {string[]} externalRecipients
   */

  /**
   * Turn a scan result into what the pane renders.
   * @param {ScanResult} scanResult
   * @param {Lang} lang
   * @param {{types?: {[type: string]: {"zh-TW"?: string, en?: string, order?: number}}}} [policy]
   * @returns {VerdictView}
   */
  function verdictView(scanResult, lang, policy) {
    const verdict = ["block", "redact", "allow"].includes(scanResult.verdict) ? scanResult.verdict : "block";
    const basis = scanResult.basis || null;
    const groups = findingsLib.groupFindings(scanResult.findings || [], policy && policy.types).map((group) => ({
      type: group.type,
      label: i18n.typeLabel(group.type, lang, policy && policy.types),
      count: group.items.length,
      items: group.items.map((item) => ({
        ...item,
        display: findingsLib.displayText(item.text),
        fieldLabel: item.field === "subject" ? i18n.translate(lang, "fieldSubject") : "",
      })),
    }));
    const total = groups.reduce((sum, group) => sum + group.count, 0);
    /** @type {Record<string, string>} */
    const notes = {
      block: i18n.translate(lang, "blockNoOverride"),
      redact: "",
      allow: i18n.translate(lang, "allowReminder"),
    };
    const article = basis && basis.article ? basis.article : "";
    const basisText = basis ? i18n.pickText(basis, lang) : "";
    return {
      tone: verdict,
      title: i18n.translate(lang, "verdict." + verdict),
      message: withoutBasis(i18n.pickText(scanResult.messages, lang), article, basisText),
      article,
      basisText,
      note: notes[verdict],
      canRedact: verdict !== "block",
      warnings: (scanResult.warnings || []).map((warning) => i18n.pickText(warning, lang)).filter(Boolean),
      groups,
      total,
      externalRecipients: scanResult.external_recipients || [],
    };
  }

  /**
   * The server's message without the article and its wording, which the banner shows on its own line.
   * @param {string} message
   * @param {string} article
   * @param {string} basisText
   * @returns {string}
   */
  function withoutBasis(message, article, basisText) {
    let shorter = message;
    if (basisText) shorter = shorter.split(basisText).join("");
    if (article) shorter = shorter.split("（" + article + "）").join("").split("(" + article + ")").join("");
    shorter = shorter.replace(/\s+/g, " ").trim();
    return shorter || message;
  }

  return { verdictView, withoutBasis };
});
