// @ts-check
/* global Office */
/**
 * Outlook glue of the task pane (message compose): read subject, body and recipients, insert text at the
 * cursor, insert the AI-use notice at the top of the body, tag the message, and remember the server and
 * policy for the on-send check (roaming settings; the send-time runtime cannot read the pane's URL).
 *
 * Outlook compose has no API to select or highlight a range, so findings are listed, not clickable.
 * In e-mail the notice always goes at the top: the bottom of a reply is the quoted original.
 */
(function (root, factory) {
  const node = typeof module === "object" && module.exports;
  const lib = node
    ? Object.assign({}, require("../lib/findings.js"), require("../lib/office.js"))
    : /** @type {any} */ (root).AIGuard;
  const api = factory(lib);
  if (node) {
    module.exports = api;
  } else {
    Office.onReady((info) => {
      if (info.host === Office.HostType.Outlook) /** @type {any} */ (root).AIGuard.startPane(api.createOutlookAdapter());
    });
  }
})(/** @type {any} */ (typeof self !== "undefined" ? self : this), function (/** @type {typeof import("../lib/findings.js") & typeof import("../lib/office.js")} */ lib) {
  const SETTINGS_KEY = "aiguard";
  const AI_PROPERTY = "AIAssisted";
  const AI_HEADER = "X-AIGuard-AI-Assisted";

  const { officeAsync } = lib;

  /** The message being written: the pane is declared for message compose only (manifest MessageComposeCommandSurface). */
  function item() {
    const message = Office.context.mailbox.item;
    if (!message) throw new Error("no message is open");
    return message;
  }

  /**
   * Subject, body text and recipients (to, cc, bcc) of the message being written.
   * @returns {Promise<{text: string, subject: string, recipients: string[]}>}
   */
  async function readMessage() {
    return lib.readMessage(item());
  }

  /** @param {string} text */
  async function insertAtCursor(text) {
    await officeAsync((done) => item().body.setSelectedDataAsync(text, { coercionType: Office.CoercionType.Text }, done));
  }

  /** @param {string} noticeText */
  async function hasNotice(noticeText) {
    const text = await officeAsync((done) => item().body.getAsync(Office.CoercionType.Text, done));
    return lib.containsNotice(text || "", noticeText);
  }

  /** @param {string} text */
  function escapeHtml(text) {
    return text.replace(/[&<>"']/g, (c) => /** @type {Record<string, string>} */ ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);
  }

  /**
   * Prepend the notice to the body (as HTML in an HTML message, as text otherwise) and tag the message.
   * @param {string} noticeText
   */
  async function insertNotice(noticeText) {
    const message = item();
    const bodyType = await officeAsync((done) => message.body.getTypeAsync(done)).catch(() => Office.CoercionType.Text);
    if (bodyType === Office.CoercionType.Html) {
      const html = `<p style="color:#605E5C;font-style:italic">${escapeHtml(noticeText).replace(/\n/g, "<br>")}</p>`;
      await officeAsync((done) => message.body.prependAsync(html, { coercionType: Office.CoercionType.Html }, done));
    } else {
      await officeAsync((done) => message.body.prependAsync(noticeText + "\n\n", { coercionType: Office.CoercionType.Text }, done));
    }
    await tagMessage().catch(() => undefined);
  }

  /** Custom property on the item, and an Internet header (Mailbox 1.8) so recipients' systems can tell too. */
  async function tagMessage() {
    const message = item();
    const properties = await officeAsync((done) => message.loadCustomPropertiesAsync(done));
    properties.set(AI_PROPERTY, "true");
    await officeAsync((done) => properties.saveAsync(done));
    if (message.internetHeaders && Office.context.requirements.isSetSupported("Mailbox", "1.8")) {
      await officeAsync((done) => message.internetHeaders.setAsync({ [AI_HEADER]: "true" }, done));
    }
  }

  /**
   * Store what the on-send check needs: where the server is, whether it needs sign-in, the policy's fail
   * mode and time budget.
   * @param {any} policy
   * @param {{baseUrl: string, clientId: string, signIn: boolean}} connection
   */
  async function rememberPolicy(policy, connection) {
    const outlook = (policy && policy.outlook) || {};
    const settings = Office.context.roamingSettings;
    settings.set(SETTINGS_KEY, {
      baseUrl: connection.baseUrl,
      clientId: connection.clientId,
      signIn: connection.signIn,
      failMode: outlook.fail_mode === "closed" ? "closed" : "open",
      timeoutMs: Number(outlook.timeout_ms) || undefined,
    });
    await officeAsync((done) => settings.saveAsync(done));
  }

  function createOutlookAdapter() {
    return {
      channel: /** @type {"outlook"} */ ("outlook"),
      readDraft: readMessage,
      async readTextForAI() {
        return (await readMessage()).text;
      },
      /** The subject, sent with the body so that what it reveals is redacted in the body too. */
      async readContextForAI() {
        const subject = (await readMessage()).subject;
        return subject.trim() ? [subject] : [];
      },
      insertAtCursor,
      hasNotice,
      /** @param {string} noticeText */
      insertNotice: (noticeText) => insertNotice(noticeText),
      rememberPolicy,
    };
  }

  return {
    SETTINGS_KEY,
    AI_PROPERTY,
    AI_HEADER,
    officeAsync,
    readMessage,
    insertAtCursor,
    hasNotice,
    insertNotice,
    rememberPolicy,
    createOutlookAdapter,
  };
});
