// @ts-check
/* global Office */
/**
 * Outlook Smart Alerts: the OnMessageSend check.
 *
 * Classic Outlook on Windows loads one file into its JavaScript-only runtime (manifest
 * `Override type="javascript"`); Outlook on the web, new Outlook and Mac load onsend.html, which loads
 * office.js and the same file. The server serves this script with the lib modules it requires in front of
 * it (server/addin_files.py): the promise helper, the draft and recipient reader and the silent token
 * (lib/office.js). It must finish well inside Outlook's ~5 s send budget,
 * which includes the time to load this script (OfficeDev/office-js#6816), so:
 *
 * - everything the check does (read the draft, get a token, POST /api/v1/scan) runs under one hard
 *   deadline: the policy's `outlook.timeout_ms`, at most {@link MAX_BUDGET_MS}, {@link DEFAULT_BUDGET_MS}
 *   when unknown;
 * - when the check fails (server unreachable, slow, refusing) the policy's `outlook.fail_mode` decides:
 *   "open" lets the author send after a warning (Smart Alerts "Send anyway"), "closed" holds the message
 *   until the server answers again. Unknown → "open", so an outage never stops a whole organisation's mail
 *   (OfficeDev/office-js#6303);
 * - a classification or restriction marking blocks sending, with no override (第肆章第7條);
 * - personal data going to recipients outside the organisation's domains → a warning the author can
 *   override, with a button that opens the AIGuard pane;
 * - an AI-use notice in the message → the final-judgment reminder (第肆章第1條), which the author confirms
 *   by sending anyway.
 *
 * Where the server is and how to sign in come from the add-in's roaming settings, written by the task pane
 * each time it opens (the JavaScript-only runtime has no page URL), or from this page's own URL.
 */
(function (root, factory) {
  const node = typeof module === "object" && module.exports;
  const api = factory(node ? require("../lib/office.js") : /** @type {any} */ (root).AIGuard);
  if (node) module.exports = api;
  if (typeof Office !== "undefined") Office.actions.associate("onMessageSendHandler", api.onMessageSendHandler);
})(/** @type {any} */ (typeof self !== "undefined" ? self : this), function (/** @type {typeof import("../lib/office.js")} */ lib) {
  /** Budget for the whole check when the policy is not known, in milliseconds. */
  const DEFAULT_BUDGET_MS = 3000;
  /** Upper bound whatever the policy says: Outlook's send budget is about 5 s, script load included. */
  const MAX_BUDGET_MS = 4000;
  /** Roaming-settings key under which the task pane stores what this script needs. */
  const SETTINGS_KEY = "aiguard";
  /** The id of the task-pane button in the manifest; Smart Alerts opens it from the dialog. */
  const OPEN_PANE_COMMAND_ID = "aiguardOpenPaneButton";
  /** Smart Alerts shows at most 500 characters. */
  const MAX_MESSAGE_LENGTH = 500;

  const SEND_MESSAGES = {
    "zh-TW": {
      blocked:
        "AIGuard：本郵件標有機密或限閱等標示，不能寄出。依據《新北市政府使用人工智慧作業指引》{article}。請確認郵件內容與收件者，依機密文書規定處理。",
      personalExternal:
        "AIGuard：本郵件含個人資料（{types}），將寄給機關外部收件者（{recipients}）。請確認有寄送必要，或開啟 AIGuard 查看並遮蔽。",
      reminder:
        "AIGuard：本郵件含 AI 生成聲明。AI 產出僅為草稿，寄出前請確認內容正確，並由您做最終判斷（第肆章第1條）。",
      failOpen:
        "AIGuard 無法在時限內完成寄送前檢查（{reason}）。請自行確認郵件不含機密標示或未遮蔽的個人資料後再寄出。",
      failClosed:
        "AIGuard 無法完成寄送前檢查（{reason}），依機關政策暫不寄出。請稍後再試；如持續發生，請聯絡資訊中心。",
      openPane: "開啟 AIGuard",
      timeout: "伺服器回應逾時",
      unreachable: "無法連線到伺服器",
      refused: "伺服器拒絕檢查",
      notConfigured: "增益集尚未設定，請先開啟一次 AIGuard 窗格",
      separator: "、",
    },
    en: {
      blocked:
        "AIGuard: this message carries a classification or restriction marking and cannot be sent ({article} of the New Taipei City AI guideline). Check the content and recipients and handle it as a classified document.",
      personalExternal:
        "AIGuard: this message contains personal data ({types}) and goes to recipients outside the organisation ({recipients}). Make sure it has to, or open AIGuard to review and redact it.",
      reminder:
        "AIGuard: this message carries an AI-use notice. AI output is only a draft: check it is correct before sending; the final judgment is yours (Ch. IV art. 1).",
      failOpen:
        "AIGuard could not finish its send check ({reason}). Make sure the message carries no classification marking or unredacted personal data before sending.",
      failClosed:
        "AIGuard could not finish its send check ({reason}); under your organisation's policy the message is held. Try again shortly; if it keeps happening, contact IT.",
      openPane: "Open AIGuard",
      timeout: "the server took too long",
      unreachable: "the server cannot be reached",
      refused: "the server refused the check",
      notConfigured: "the add-in is not set up yet; open the AIGuard pane once",
      separator: ", ",
    },
  };

  /**
   * @typedef {"zh-TW" | "en"} Lang
   * @typedef {{kind: "timeout" | "network" | "http" | "auth" | "config", status?: number}} CheckFailure
   * @typedef {Object} SendSettings
   * @property {string} [baseUrl]
   * @property {string} [clientId]
   * @property {boolean} [signIn]       false: the server runs without sign-in (development mode)
   * @property {"open" | "closed"} [failMode]
   * @property {number} [timeoutMs]
   * @typedef {Object} SendDecision
   * @property {boolean} allowEvent
   * @property {string} [errorMessage]
   * @property {string} [cancelLabel]
   * @property {string} [commandId]
   * @property {boolean} [promptUser]   let the author "Send anyway" (sendModeOverride PromptUser)
   * @property {string} reason          why: allow | block | personal_external | reminder | fail_open | fail_closed
   */

  /**
   * The language of the messages: English when Office's display language is English, else zh-TW.
   * @param {string | undefined} displayLanguage
   * @returns {Lang}
   */
  function sendLanguage(displayLanguage) {
    return typeof displayLanguage === "string" && /^en\b/i.test(displayLanguage) ? "en" : "zh-TW";
  }

  /**
   * @param {Lang} lang
   * @param {keyof SEND_MESSAGES["en"]} key
   * @param {Record<string, string>} [params]
   * @returns {string}
   */
  function sendMessage(lang, key, params) {
    const template = SEND_MESSAGES[lang][key];
    return template.replace(/\{(\w+)\}/g, (whole, name) => (params && name in params ? params[name] : whole));
  }

  /**
   * Shorten a message to Smart Alerts' limit.
   * @param {string} text
   * @returns {string}
   */
  function clip(text) {
    return text.length <= MAX_MESSAGE_LENGTH ? text : text.slice(0, MAX_MESSAGE_LENGTH - 1) + "…";
  }

  /**
   * The budget for one check: the policy's timeout within [500, MAX_BUDGET_MS], the default when unknown.
   * @param {SendSettings} settings
   * @returns {number}
   */
  function checkBudget(settings) {
    const wanted = Number(settings && settings.timeoutMs);
    if (!Number.isFinite(wanted) || wanted <= 0) return DEFAULT_BUDGET_MS;
    return Math.max(500, Math.min(wanted, MAX_BUDGET_MS));
  }

  /**
   * Decide what Smart Alerts does with a message. Pure: no Office, no network.
   *
   * @param {Object} input
   * @param {any} [input.scanResult]          the answer of /api/v1/scan, when the check finished
   * @param {CheckFailure} [input.failure]    why the check did not finish
   * @param {"open" | "closed"} [input.failMode]
   * @param {Lang} input.lang
   * @param {{[type: string]: {"zh-TW"?: string, en?: string}}} [input.typeLabels]
   * @returns {SendDecision}
   */
  function decideOnSend(input) {
    const lang = input.lang;
    const scanResult = input.scanResult;
    if (!scanResult) {
      const failure = input.failure || { kind: "network" };
      /** @type {Record<string, keyof SEND_MESSAGES["en"]>} */
      const reasons = { timeout: "timeout", network: "unreachable", http: "refused", auth: "refused", config: "notConfigured" };
      const reason = sendMessage(lang, reasons[failure.kind] || "unreachable");
      if (input.failMode === "closed") {
        return { allowEvent: false, errorMessage: clip(sendMessage(lang, "failClosed", { reason })), reason: "fail_closed" };
      }
      return {
        allowEvent: false,
        promptUser: true,
        errorMessage: clip(sendMessage(lang, "failOpen", { reason })),
        reason: "fail_open",
      };
    }
    if (scanResult.verdict === "block") {
      const article = (scanResult.basis && scanResult.basis.article) || "第肆章第7條";
      return {
        allowEvent: false,
        errorMessage: clip(sendMessage(lang, "blocked", { article })),
        cancelLabel: sendMessage(lang, "openPane"),
        commandId: OPEN_PANE_COMMAND_ID,
        reason: "block",
      };
    }
    const personal = (scanResult.findings || []).filter(
      (/** @type {any} */ finding) => finding.personal && finding.action !== "ignore"
    );
    const external = scanResult.external_recipients || [];
    /** @type {string[]} */
    const parts = [];
    let reason = "allow";
    if (personal.length && external.length) {
      const types = Array.from(new Set(personal.map((/** @type {any} */ f) => f.type)))
        .map((type) => {
          const labels = input.typeLabels && input.typeLabels[type];
          return (labels && labels[lang]) || type;
        })
        .join(SEND_MESSAGES[lang].separator);
      const shown = external.slice(0, 3).join(SEND_MESSAGES[lang].separator) + (external.length > 3 ? "…" : "");
      parts.push(sendMessage(lang, "personalExternal", { types, recipients: shown }));
      reason = "personal_external";
    }
    if (scanResult.notice_present) {
      parts.push(sendMessage(lang, "reminder"));
      if (reason === "allow") reason = "reminder";
    }
    if (!parts.length) return { allowEvent: true, reason: "allow" };
    /** @type {SendDecision} */
    const decision = { allowEvent: false, promptUser: true, errorMessage: clip(parts.join("\n\n")), reason };
    if (reason === "personal_external") {
      decision.cancelLabel = sendMessage(lang, "openPane");
      decision.commandId = OPEN_PANE_COMMAND_ID;
    }
    return decision;
  }

  /**
   * The options for `event.completed`. Features of Mailbox 1.14 (open-pane button, "Send anyway") are used
   * only where the client supports them; without them a warning that could not be overridden would block,
   * so a warning then lets the message go.
   * @param {SendDecision} decision
   * @param {boolean} supports114
   * @param {any} [sendModeOverrideEnum]  Office.MailboxEnums.SendModeOverride
   * @returns {{allowEvent: boolean, errorMessage?: string, cancelLabel?: string, commandId?: string, sendModeOverride?: any}}
   */
  function completionOptions(decision, supports114, sendModeOverrideEnum) {
    if (decision.allowEvent) return { allowEvent: true };
    if (decision.promptUser && !supports114) return { allowEvent: true };
    /** @type {{allowEvent: boolean, errorMessage?: string, cancelLabel?: string, commandId?: string, sendModeOverride?: any}} */
    const options = { allowEvent: false, errorMessage: decision.errorMessage };
    if (supports114) {
      if (decision.cancelLabel && decision.commandId) {
        options.cancelLabel = decision.cancelLabel;
        options.commandId = decision.commandId;
      }
      if (decision.promptUser) {
        options.sendModeOverride = (sendModeOverrideEnum && sendModeOverrideEnum.PromptUser) || "promptUser";
      }
    }
    return options;
  }

  /**
   * What the task pane stored, completed with this page's own origin when there is a page.
   * @returns {SendSettings}
   */
  function readSendSettings() {
    /** @type {SendSettings} */
    let settings = {};
    try {
      const stored = Office.context.roamingSettings && Office.context.roamingSettings.get(SETTINGS_KEY);
      if (stored && typeof stored === "object") settings = Object.assign({}, stored);
    } catch (error) {
      settings = {};
    }
    const { origin, page } = lib.serverOrigin();
    if (origin) settings.baseUrl = origin;
    if (page) {
      const clientId = new URLSearchParams(page.search).get("client_id");
      if (clientId && !settings.clientId) settings.clientId = clientId;
    }
    return settings;
  }

  /**
   * Read the draft, ask the server, return its scan result (or throw a {@link CheckFailure}).
   * @param {any} item  Office.context.mailbox.item
   * @param {SendSettings} settings
   * @param {(policy: any) => void} [onPolicy]  receives the policy if it arrives while the scan runs
   * @param {AbortSignal} [signal]  aborts the requests when the budget is spent
   * @returns {Promise<any>}
   */
  async function checkMessage(item, settings, onPolicy, signal) {
    if (!settings.baseUrl) throw { kind: "config" };
    const { text, subject, recipients } = await lib.readMessage(item);
    const token = settings.signIn === false ? null : await lib.silentToken(settings);
    if (!token && settings.signIn) throw { kind: "auth" };
    /** @type {Record<string, string>} */
    const headers = { "Content-Type": "application/json", Accept: "application/json" };
    if (token) headers.Authorization = "Bearer " + token;
    if (onPolicy) {
      fetch(settings.baseUrl + "/api/v1/policy", { headers, credentials: "omit", signal })
        .then((response) => (response.ok ? response.json() : null))
        .then((policy) => policy && onPolicy(policy))
        .catch(() => undefined);
    }
    let response;
    try {
      response = await fetch(settings.baseUrl + "/api/v1/scan", {
        method: "POST",
        headers,
        credentials: "omit",
        signal,
        body: JSON.stringify({ text, subject, channel: "outlook", recipients }),
      });
    } catch (error) {
      throw { kind: "network" };
    }
    if (!response.ok) throw { kind: response.status === 401 || response.status === 403 ? "auth" : "http", status: response.status };
    return response.json();
  }

  /**
   * The OnMessageSend handler. Always completes the event, whatever happens.
   * @param {any} event
   */
  async function onMessageSendHandler(event) {
    const lang = sendLanguage(Office.context && Office.context.displayLanguage);
    /** @type {SendSettings} */
    let settings = {};
    /** @type {any} */
    let policy = null;
    /** @type {SendDecision} */
    let decision = { allowEvent: true, reason: "allow" };
    try {
      settings = readSendSettings();
      const controller = typeof AbortController === "function" ? new AbortController() : null;
      const scanResult = await lib.withinBudget(
        checkMessage(
          Office.context.mailbox.item,
          settings,
          (answer) => {
            policy = answer;
          },
          controller ? controller.signal : undefined
        ),
        checkBudget(settings),
        () => controller && controller.abort()
      );
      decision = decideOnSend({ scanResult, lang, typeLabels: policy ? policy.types : undefined });
    } catch (error) {
      /** @type {CheckFailure} */
      const failure = error && typeof error === "object" && "kind" in error ? /** @type {CheckFailure} */ (error) : { kind: "network" };
      const failMode = policy && policy.outlook ? policy.outlook.fail_mode : settings.failMode;
      decision = decideOnSend({ failure, failMode, lang });
    } finally {
      let supports114 = false;
      try {
        supports114 = Boolean(Office.context.requirements.isSetSupported("Mailbox", "1.14"));
      } catch (error) {
        supports114 = false;
      }
      const enums = Office.MailboxEnums && Office.MailboxEnums.SendModeOverride;
      event.completed(completionOptions(decision, supports114, enums));
    }
  }

  return {
    DEFAULT_BUDGET_MS,
    MAX_BUDGET_MS,
    OPEN_PANE_COMMAND_ID,
    SETTINGS_KEY,
    sendLanguage,
    decideOnSend,
    completionOptions,
    checkBudget,
    readSendSettings,
    checkMessage,
    onMessageSendHandler,
  };
});
