// @ts-check
/* global Office */
/**
 * Sign-in for the task panes: a bearer token for the AIGuard server, from Microsoft Entra ID.
 *
 * - Nested app authentication (MSAL `createNestablePublicClientApplication`, the UMD build of
 *   @azure/msal-browser served from this origin at /addin/vendor/) where the host supports
 *   `NestedAppAuth 1.1`: silent first, a popup when consent or sign-in is needed.
 * - Elsewhere, MSAL in an Office dialog (`Office.context.ui.displayDialogAsync` opening
 *   /addin/auth/dialog.html), which signs in by redirect and sends the token back with `messageParent`.
 * - No client id (the manifest passes `?client_id=` on the pane's URL) → no token; the server in
 *   development mode needs none. The API client only asks for a token after the server answered 401.
 *
 * The token is for the scope `api://HOST/CLIENT-ID/access_as_user`, the resource of the manifest's
 * WebApplicationInfo.
 */
(function (root, factory) {
  const api = factory();
  if (typeof module === "object" && module.exports) {
    module.exports = api;
  } else {
    root.AIGuard = Object.assign(root.AIGuard || {}, api);
  }
})(/** @type {any} */ (typeof self !== "undefined" ? self : this), function () {
  const AUTHORITY = "https://login.microsoftonline.com/organizations";
  /** Renew a cached token this long before it expires. */
  const EXPIRY_MARGIN_MS = 5 * 60 * 1000;

  /**
   * @param {string} baseUrl  the server's origin, e.g. https://aiguard.example.gov.tw
   * @param {string} clientId
   * @returns {string}
   */
  function apiScope(baseUrl, clientId) {
    return `api://${new URL(baseUrl).host}/${clientId}/access_as_user`;
  }

  /**
   * The client id the manifest put on the page's URL, or "".
   * @param {string} search  location.search
   * @returns {string}
   */
  function clientIdFromUrl(search) {
    const value = new URLSearchParams(search || "").get("client_id") || "";
    return /^[0-9a-fA-F-]{36}$/.test(value) ? value : "";
  }

  /**
   * @typedef {Object} SignInOptions
   * @property {string} clientId
   * @property {string} baseUrl
   * @property {any} office    the Office global
   * @property {any} [msal]    the MSAL UMD global (window.msal)
   */

  /**
   * @param {SignInOptions} options
   * @returns {{method: "none" | "naa" | "dialog", getToken: (request?: {forceRefresh?: boolean}) => Promise<string | null>}}
   */
  function createSignIn(options) {
    const { clientId, baseUrl, office, msal } = options;
    if (!clientId) return { method: "none", getToken: async () => null };
    const scopes = [apiScope(baseUrl, clientId)];
    const naa = Boolean(
      msal &&
        office &&
        office.context &&
        office.context.requirements &&
        office.context.requirements.isSetSupported("NestedAppAuth", "1.1")
    );
    /** @type {{token: string, expiresAt: number} | null} */
    let cached = null;
    /** @type {Promise<any> | null} */
    let app = null;

    /** @param {boolean} forceRefresh */
    async function viaNestedApp(forceRefresh) {
      if (!app) app = msal.createNestablePublicClientApplication({ auth: { clientId, authority: AUTHORITY } });
      const pca = await app;
      let result;
      try {
        result = await pca.acquireTokenSilent({ scopes, forceRefresh });
      } catch (error) {
        result = await pca.acquireTokenPopup({ scopes });
      }
      return { token: result.accessToken, expiresAt: result.expiresOn ? new Date(result.expiresOn).getTime() : Date.now() + 30 * 60 * 1000 };
    }

    function viaDialog() {
      const url = `${baseUrl}/addin/auth/dialog.html?client_id=${encodeURIComponent(clientId)}&scope=${encodeURIComponent(scopes[0])}`;
      return new Promise((resolve, reject) => {
        office.context.ui.displayDialogAsync(url, { height: 60, width: 30, promptBeforeOpen: false }, (/** @type {any} */ opened) => {
          if (opened.status === office.AsyncResultStatus.Failed) {
            reject(new Error("dialog: " + (opened.error && opened.error.message)));
            return;
          }
          const dialog = opened.value;
          dialog.addEventHandler(office.EventType.DialogMessageReceived, (/** @type {any} */ arg) => {
            dialog.close();
            let answer = null;
            try {
              answer = JSON.parse(arg.message);
            } catch (error) {
              answer = null;
            }
            if (answer && answer.token) resolve({ token: answer.token, expiresAt: Number(answer.expiresAt) || Date.now() + 30 * 60 * 1000 });
            else reject(new Error("sign-in: " + (answer && answer.error ? answer.error : "no token")));
          });
          dialog.addEventHandler(office.EventType.DialogEventReceived, (/** @type {any} */ arg) => {
            reject(new Error("sign-in dialog closed (" + arg.error + ")"));
          });
        });
      });
    }

    return {
      method: naa ? "naa" : "dialog",
      async getToken(request) {
        const forceRefresh = Boolean(request && request.forceRefresh);
        if (!forceRefresh && cached && cached.expiresAt - EXPIRY_MARGIN_MS > Date.now()) return cached.token;
        cached = naa ? await viaNestedApp(forceRefresh) : await viaDialog();
        return cached ? cached.token : null;
      },
    };
  }

  return { apiScope, clientIdFromUrl, createSignIn, AUTHORITY };
});
