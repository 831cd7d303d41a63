// @ts-check
/**
 * The client of the AIGuard server's /api/v1, with a hard timeout on every call.
 *
 * A call either resolves with the JSON answer or rejects with an {@link ApiFailure} whose `kind` says what
 * went wrong: "timeout" (no answer in time), "network" (no connection), "http" (an error envelope
 * `{"error": {"code", "message": {"zh-TW", "en"}}}`), "auth" (no token could be had).
 *
 * Sign-in: the first call goes without a token. A server in development mode answers it; a server that
 * requires sign-in answers 401, and from then on the client asks `getToken` for a bearer token and sends it
 * with every call (once more with a fresh token after another 401).
 */
(function (root, factory) {
  const api = factory();
  if (typeof module === "object" && module.exports) {
    module.exports = api;
  } else {
    root.AIGuard = Object.assign(root.AIGuard || {}, api);
  }
})(/** @type {any} */ (typeof self !== "undefined" ? self : this), function () {
  const DEFAULT_TIMEOUT_MS = 10000;
  const DEV_MODE_HEADER = "X-AIGuard-Dev-Mode";

  class ApiFailure extends Error {
    /**
     * @param {"timeout" | "network" | "http" | "auth"} kind
     * @param {string} message
     * @param {{status?: number, code?: string, messages?: {"zh-TW"?: string, en?: string}}} [detail]
     */
    constructor(kind, message, detail) {
      super(message);
      this.name = "ApiFailure";
      this.kind = kind;
      this.status = (detail && detail.status) || 0;
      this.code = (detail && detail.code) || kind;
      this.messages = (detail && detail.messages) || null;
    }
  }

  /**
   * Run `fetch` with a hard deadline: abort the request and reject with a "timeout" failure.
   * @param {typeof fetch} fetchImpl
   * @param {string} url
   * @param {RequestInit} init
   * @param {number} timeoutMs
   * @returns {Promise<Response>}
   */
  function fetchWithTimeout(fetchImpl, url, init, timeoutMs) {
    const controller = typeof AbortController === "function" ? new AbortController() : null;
    /** @type {ReturnType<typeof setTimeout> | undefined} */
    let timer;
    const deadline = new Promise((_, reject) => {
      timer = setTimeout(() => {
        if (controller) controller.abort();
        reject(new ApiFailure("timeout", `no answer within ${timeoutMs} ms`));
      }, timeoutMs);
    });
    const request = fetchImpl(url, Object.assign({}, init, controller ? { signal: controller.signal } : {})).catch(
      (error) => {
        throw new ApiFailure("network", String(error && error.message ? error.message : error));
      }
    );
    return /** @type {Promise<Response>} */ (Promise.race([request, deadline])).finally(() => clearTimeout(timer));
  }

  /**
   * @typedef {Object} ApiClientOptions
   * @property {string} [baseUrl]  the server's origin; "" for the page's own origin
   * @property {(options: {forceRefresh: boolean}) => Promise<string | null>} [getToken]
   * @property {number} [timeoutMs]
   * @property {typeof fetch} [fetchImpl]
   */

  /**
   * @param {ApiClientOptions} [options]
   */
  function createApiClient(options) {
    const settings = options || {};
    const baseUrl = (settings.baseUrl || "").replace(/\/$/, "");
    const timeoutMs = settings.timeoutMs || DEFAULT_TIMEOUT_MS;
    const fetchImpl = settings.fetchImpl || ((input, init) => fetch(input, init));
    const state = { signInRequired: false, devMode: false, token: /** @type {string | null} */ (null) };

    /** @param {boolean} forceRefresh */
    async function token(forceRefresh) {
      if (!settings.getToken) throw new ApiFailure("auth", "sign-in required but no sign-in is configured", { code: "not_configured" });
      try {
        state.token = await settings.getToken({ forceRefresh });
      } catch (error) {
        throw new ApiFailure("auth", String(error && /** @type {Error} */ (error).message ? /** @type {Error} */ (error).message : error), { code: "sign_in_failed" });
      }
      if (!state.token) throw new ApiFailure("auth", "no token", { code: "not_configured" });
      return state.token;
    }

    /**
     * @param {"GET" | "POST"} method
     * @param {string} path
     * @param {unknown} [body]
     * @param {boolean} [retried]
     * @returns {Promise<any>}
     */
    async function call(method, path, body, retried) {
      /** @type {Record<string, string>} */
      const headers = { Accept: "application/json" };
      if (body !== undefined) headers["Content-Type"] = "application/json";
      if (state.signInRequired) headers.Authorization = "Bearer " + (state.token || (await token(false)));
      const response = await fetchWithTimeout(
        fetchImpl,
        baseUrl + path,
        { method, headers, body: body === undefined ? undefined : JSON.stringify(body), credentials: "omit" },
        timeoutMs
      );
      if (response.headers && response.headers.get && response.headers.get(DEV_MODE_HEADER) === "1") state.devMode = true;
      if (response.status === 401 && !retried) {
        const firstTime = !state.signInRequired;
        state.signInRequired = true;
        if (!firstTime) state.token = null;
        if (!firstTime) await token(true);
        return call(method, path, body, true);
      }
      /** @type {any} */
      let payload = null;
      try {
        payload = await response.json();
      } catch (error) {
        payload = null;
      }
      if (!response.ok) {
        const envelope = payload && payload.error ? payload.error : {};
        throw new ApiFailure("http", envelope.code || "http_" + response.status, {
          status: response.status,
          code: envelope.code || "http_" + response.status,
          messages: envelope.message || null,
        });
      }
      return payload;
    }

    return {
      state,
      /** @returns {Promise<any>} */
      policy: () => call("GET", "/api/v1/policy"),
      /** @param {{text: string, channel: "word" | "outlook", subject?: string, recipients?: string[]}} request */
      scan: (request) => call("POST", "/api/v1/scan", request),
      /** @param {{text: string, mode: "mask" | "placeholder", channel?: string, context?: string[]}} request */
      redact: (request) => call("POST", "/api/v1/redact", request),
      /** @param {{text: string, map: {[placeholder: string]: string}, channel?: string}} request */
      restore: (request) => call("POST", "/api/v1/restore", request),
      /** @param {{channel: "word" | "outlook" | "powerpoint" | "excel", lang?: "zh-TW" | "en"}} request */
      notice: (request) => call("POST", "/api/v1/notice", request),
      /**
       * Sheets of cells (the Excel pane): scan header-aware, or redact to tab-separated text.
       * @param {{sheets: Array<{name: string, rows: Array<Array<string | number | boolean | null>>, origin?: number[], header_row?: number | null}>, action?: "scan" | "redact", mode?: "mask" | "placeholder", channel?: string}} request
       */
      table: (request) => call("POST", "/api/v1/documents/table", request),
    };
  }

  /**
   * The message to show for a failed call, in the pane's language.
   * @param {unknown} error
   * @param {(key: string, params?: Record<string, string | number>) => string} t
   * @param {"zh-TW" | "en"} lang
   * @returns {string}
   */
  function failureMessage(error, t, lang) {
    if (error instanceof ApiFailure) {
      if (error.kind === "timeout") return t("errorTimeout");
      if (error.kind === "network") return t("errorUnreachable");
      if (error.kind === "auth") return t(error.code === "not_configured" ? "errorNotConfigured" : "errorSignIn");
      if (error.code === "blocked") return t("errorBlockedRedact");
      if (error.messages) return error.messages[lang] || error.messages["zh-TW"] || error.message;
    }
    return t("errorGeneric", { message: String(error && /** @type {Error} */ (error).message ? /** @type {Error} */ (error).message : error) });
  }

  return { ApiFailure, createApiClient, fetchWithTimeout, failureMessage, DEV_MODE_HEADER };
});
