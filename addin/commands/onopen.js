// @ts-check
/* global Office */
/**
 * Word's event-based activation (OnDocumentOpened, admin-deployed add-ins only): when the agency's policy sets
 * `[addin] scan_on_open`, scan the document as it opens and open the AIGuard pane if it holds a marking or
 * personal data. Nothing is shown for a clean document. Completes its event in `finally`.
 *
 * Classic Word loads one file for an event: the server serves this script with the lib modules it requires
 * in front of it (server/addin_files.py), and the page commands.html gets the same file. It reads the
 * document with the pane's reader (lib/word-document.js) and talks to the server with the pane's client
 * (lib/api.js), with a silent token only (lib/office.js).
 */
(function (root, factory) {
  const node = typeof module === "object" && module.exports;
  const lib = node
    ? Object.assign({}, require("../lib/office.js"), require("../lib/api.js"), require("../lib/word-document.js"))
    : /** @type {any} */ (root).AIGuard;
  const api = factory(lib);
  if (node) module.exports = api;
  Office.actions.associate("onDocumentOpenedHandler", api.onDocumentOpenedHandler);
})(/** @type {any} */ (typeof self !== "undefined" ? self : this), function (/** @type {typeof import("../lib/office.js") & typeof import("../lib/api.js") & typeof import("../lib/word-document.js")} */ lib) {
  /** Hard limit for the whole check: opening a document must never wait on the server. */
  const OPEN_CHECK_TIMEOUT_MS = 4000;

  /**
   * Decide from the policy and the scan result whether the pane should open.
   * @param {any} policy  GET /api/v1/policy
   * @param {any} result  POST /api/v1/scan, or null when not scanned
   * @returns {boolean}
   */
  function shouldOpenPane(policy, result) {
    return Boolean(policy && policy.addin && policy.addin.scan_on_open && result && result.verdict && result.verdict !== "allow");
  }

  /**
   * Ask the policy, read and scan the document, open the pane when the verdict is not "allow".
   * @param {string} origin
   */
  async function checkDocument(origin) {
    const api = lib.createApiClient({ baseUrl: origin, getToken: () => lib.silentToken(), timeoutMs: OPEN_CHECK_TIMEOUT_MS });
    const policy = await api.policy();
    if (!policy || !policy.addin || !policy.addin.scan_on_open) return;
    const { text } = await lib.readDocument();
    if (!text.trim()) return;
    const result = await api.scan({ text, channel: "word" });
    if (shouldOpenPane(policy, result) && Office.addin && typeof Office.addin.showAsTaskpane === "function") {
      await Office.addin.showAsTaskpane();
    }
  }

  /**
   * The OnDocumentOpened handler named in the Word manifest.
   * @param {{ completed: () => void }} event
   */
  async function onDocumentOpenedHandler(event) {
    try {
      const { origin } = lib.serverOrigin();
      if (origin) await lib.withinBudget(checkDocument(origin), OPEN_CHECK_TIMEOUT_MS);
    } catch (error) {
      // Opening a document never fails because of the check; the pane scans again when the author opens it.
    } finally {
      event.completed();
    }
  }

  return { onDocumentOpenedHandler, shouldOpenPane, OPEN_CHECK_TIMEOUT_MS };
});
