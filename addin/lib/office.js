// @ts-check
/* global Office */
/**
 * Office calls the panes and the event scripts (on-send, on-open) share: the promise helper for `*Async`
 * calls, where the server is, a bearer token without any prompt, and the Outlook draft as the server reads it.
 *
 * The event scripts load no other file at run time (classic Outlook and Word run one JavaScript file); the
 * server serves each one with the lib modules it requires in front of it (server/addin_files.py).
 */
(function (root, factory) {
  if (typeof module === "object" && module.exports) {
    module.exports = factory(require("./recipients.js"));
  } else {
    root.AIGuard = Object.assign(root.AIGuard || {}, factory(root.AIGuard));
  }
})(/** @type {any} */ (typeof self !== "undefined" ? self : this), function (/** @type {typeof import("./recipients.js")} */ recipientsLib) {
  const AUTHORITY = "https://login.microsoftonline.com/organizations";

  /**
   * The one promise helper for Office's `*Async` calls: resolves with `result.value`, rejects with
   * `result.error` when Office reports a failure.
   * @param {(callback: (result: any) => void) => void} invoke
   * @returns {Promise<any>}
   */
  function officeAsync(invoke) {
    return new Promise((resolve, reject) => {
      invoke((result) => {
        if (result && result.status === Office.AsyncResultStatus.Failed) reject(result.error);
        else resolve(result ? result.value : undefined);
      });
    });
  }

  /**
   * Where the server is: the page's origin (a pane, or an event run in a page), or the origin the server
   * wrote in front of an event script when it served it (classic Office's JavaScript-only runtime has no
   * page); "" when neither is known.
   * @returns {{origin: string, page: Location | null}}
   */
  function serverOrigin() {
    const global = /** @type {any} */ (typeof self !== "undefined" ? self : undefined);
    const page = global && global.location && /^https?:$/.test(global.location.protocol) ? global.location : null;
    if (page) return { origin: page.origin, page };
    const served = global ? global.AIGUARD_BASE_URL : undefined;
    return { origin: typeof served === "string" && /^https?:\/\//.test(served) ? served : "", page: null };
  }

  /**
   * A bearer token for the AIGuard server without any prompt (nothing may pop up while a document opens or
   * a message is sent), or null. Nested app authentication when MSAL is loaded, a client id is known and the
   * host supports it; otherwise Office SSO (`getAccessToken` without sign-in or consent prompts).
   * @param {{clientId?: string, baseUrl?: string}} [options]
   * @returns {Promise<string | null>}
   */
  async function silentToken(options) {
    const { clientId, baseUrl } = options || {};
    const msal = typeof self !== "undefined" ? /** @type {any} */ (self).msal : undefined;
    const requirements = Office.context && Office.context.requirements;
    try {
      if (msal && clientId && baseUrl && requirements && requirements.isSetSupported("NestedAppAuth", "1.1")) {
        const app = await msal.createNestablePublicClientApplication({ auth: { clientId, authority: AUTHORITY } });
        const scopes = [`api://${new URL(baseUrl).host}/${clientId}/access_as_user`];
        return (await app.acquireTokenSilent({ scopes })).accessToken || null;
      }
      if (Office.auth && typeof Office.auth.getAccessToken === "function") {
        return await Office.auth.getAccessToken({ allowSignInPrompt: false, allowConsentPrompt: false });
      }
    } catch (error) {
      return null;
    }
    return null;
  }

  /**
   * The Outlook message being written as the server reads it: body text, subject, and the addresses of
   * to, cc and bcc (valid ones, once each).
   * @param {any} item  Office.context.mailbox.item
   * @returns {Promise<{text: string, subject: string, recipients: string[]}>}
   */
  async function readMessage(item) {
    const [text, subject, to, cc, bcc] = await Promise.all([
      officeAsync((done) => item.body.getAsync(Office.CoercionType.Text, done)),
      officeAsync((done) => item.subject.getAsync(done)),
      officeAsync((done) => item.to.getAsync(done)),
      officeAsync((done) => item.cc.getAsync(done)),
      item.bcc ? officeAsync((done) => item.bcc.getAsync(done)) : Promise.resolve([]),
    ]);
    return { text: text || "", subject: subject || "", recipients: recipientsLib.recipientAddresses([to, cc, bcc]) };
  }

  /**
   * Settle with the promise, or reject with `{kind: "timeout"}` after `ms` (calling `onTimeout` first).
   * @template T
   * @param {Promise<T>} promise
   * @param {number} ms
   * @param {() => void} [onTimeout]
   * @returns {Promise<T>}
   */
  function withinBudget(promise, ms, onTimeout) {
    /** @type {ReturnType<typeof setTimeout> | undefined} */
    let timer;
    const deadline = new Promise((_, reject) => {
      timer = setTimeout(() => {
        if (onTimeout) onTimeout();
        reject({ kind: "timeout" });
      }, ms);
    });
    return /** @type {Promise<T>} */ (Promise.race([promise, deadline])).finally(() => clearTimeout(timer));
  }

  return { officeAsync, serverOrigin, silentToken, readMessage, withinBudget };
});
