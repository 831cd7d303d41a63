// @ts-check
/* global Office, Word, self */
/**
 * Word's event-based activation (OnDocumentOpened, admin-deployed add-ins only): when the agency's policy sets
 * `[addin] scan_on_open`, scan the document as it opens and open the AIGuard pane if it holds a marking or
 * personal data. Nothing is shown for a clean document. A plain script (classic Word loads only this file):
 * no imports, ends with Office.actions.associate, completes its event in `finally`.
 */

/** Hard limit for the whole check: opening a document must never wait on the server. */
const OPEN_CHECK_TIMEOUT_MS = 4000;

/**
 * Where the server is: the page's origin (Office on the web), or the origin the server wrote in front of this
 * script when it served it (classic Word's JavaScript-only runtime has no page).
 * @returns {string}
 */
function serverOrigin() {
  const page = typeof self !== "undefined" && self.location && /^https?:$/.test(self.location.protocol) ? self.location : null;
  if (page) return page.origin;
  const served = typeof self !== "undefined" ? /** @type {any} */ (self).AIGUARD_BASE_URL : undefined;
  return typeof served === "string" && /^https?:\/\//.test(served) ? served : "";
}

/**
 * A bearer token without any prompt, or null (a development server needs none).
 * @returns {Promise<string | null>}
 */
async function silentToken() {
  try {
    if (Office.auth && typeof Office.auth.getAccessToken === "function") {
      return await Office.auth.getAccessToken({ allowSignInPrompt: false, allowConsentPrompt: false });
    }
  } catch (error) {
    return null;
  }
  return null;
}

/**
 * GET or POST JSON to the server; a 401 is retried once with a silent token.
 * @param {string} url
 * @param {any} body
 * @param {AbortSignal | undefined} signal
 */
async function callServer(url, body, signal) {
  const send = (/** @type {string | null} */ token) =>
    fetch(url, {
      method: body === undefined ? "GET" : "POST",
      headers: Object.assign(
        { Accept: "application/json" },
        body === undefined ? {} : { "Content-Type": "application/json" },
        token ? { Authorization: "Bearer " + token } : {}
      ),
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: "omit",
      signal,
    });
  let response = await send(null);
  if (response.status === 401) {
    const token = await silentToken();
    if (!token) return null;
    response = await send(token);
  }
  return response.ok ? response.json() : null;
}

/**
 * The document's text: body, then headers and footers of every section. The pane's readDocument (word.js)
 * does the same and also keeps where each part is; this script cannot share it, because classic Word loads
 * an event script alone, without the pane's files — and the verdict needs only the text.
 * @returns {Promise<string>}
 */
async function documentText() {
  return Word.run(async (context) => {
    const body = context.document.body;
    body.load("text");
    const sections = context.document.sections;
    sections.load("items");
    await context.sync();
    const parts = [];
    for (const section of sections.items) {
      for (const kind of ["Primary", "FirstPage", "EvenPages"]) {
        const header = section.getHeader(kind);
        const footer = section.getFooter(kind);
        header.load("text");
        footer.load("text");
        parts.push(header, footer);
      }
    }
    await context.sync();
    return [body.text].concat(parts.map((part) => part.text).filter(Boolean)).join("\n");
  });
}

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
 * The OnDocumentOpened handler named in the Word manifest.
 * @param {{ completed: () => void }} event
 */
async function onDocumentOpenedHandler(event) {
  const controller = typeof AbortController === "function" ? new AbortController() : null;
  const timer = setTimeout(() => controller && controller.abort(), OPEN_CHECK_TIMEOUT_MS);
  try {
    const origin = serverOrigin();
    if (!origin) return;
    const signal = controller ? controller.signal : undefined;
    const policy = await callServer(origin + "/api/v1/policy", undefined, signal);
    if (!policy || !policy.addin || !policy.addin.scan_on_open) return;
    const text = await documentText();
    if (!text.trim()) return;
    const result = await callServer(origin + "/api/v1/scan", { text, channel: "word" }, signal);
    if (shouldOpenPane(policy, result) && Office.addin && typeof Office.addin.showAsTaskpane === "function") {
      await Office.addin.showAsTaskpane();
    }
  } catch (error) {
    // Opening a document never fails because of the check; the pane scans again when the author opens it.
  } finally {
    clearTimeout(timer);
    event.completed();
  }
}

if (typeof module === "object" && module.exports) {
  module.exports = { onDocumentOpenedHandler, shouldOpenPane, serverOrigin, OPEN_CHECK_TIMEOUT_MS };
}

Office.actions.associate("onDocumentOpenedHandler", onDocumentOpenedHandler);
