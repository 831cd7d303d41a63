// @ts-check
/* global msal */
/**
 * IT's dashboard page (GET /admin): sign the admin in with MSAL.js, then fetch the figures.
 *
 * - The page holds no figures. Its <body> carries the sign-in settings as data attributes (client id,
 *   authority, the API's access_as_user scope) and the URLs of the admin-only routes.
 * - Sign-in: MSAL's PublicClientApplication (the UMD build served from this origin at
 *   /addin/vendor/msal-browser.min.js), redirect flow back to /admin, tokens kept in sessionStorage.
 * - The dashboard fragment (server-drawn SVG charts) and the CSV are fetched with
 *   `Authorization: Bearer …`; the CSV is saved through a Blob. 401 → sign in again; 403 → the account
 *   lacks the AIGuard.Admin role, said in zh-TW and en.
 * - Development mode (data-dev-mode="1"): no MSAL, the routes are fetched without a token.
 */
(function () {
  "use strict";

  const shell = /** @type {HTMLElement} */ (document.getElementById("admin-shell"));
  const settings = shell.dataset;
  const devMode = settings.devMode === "1";
  const status = /** @type {HTMLElement} */ (document.getElementById("status"));
  const dashboard = /** @type {HTMLElement} */ (document.getElementById("dashboard"));
  const exportButton = /** @type {HTMLButtonElement} */ (document.getElementById("export-csv"));
  const switchButton = /** @type {HTMLButtonElement} */ (document.getElementById("switch-account"));
  const accountName = /** @type {HTMLElement} */ (document.getElementById("account-name"));
  const periodButtons = /** @type {HTMLButtonElement[]} */ (Array.from(document.querySelectorAll("button[data-days]")));
  const scopes = [settings.scope || ""];

  const MESSAGES = {
    loading: ["載入中…", "Loading…"],
    signingIn: ["正在前往 Microsoft 登入…", "Going to the Microsoft sign-in…"],
    exporting: ["正在準備 CSV…", "Preparing the CSV…"],
    exported: ["CSV 已下載。", "CSV downloaded."],
    forbidden: [
      "此帳號沒有 AIGuard 管理者角色（AIGuard.Admin），無法檢視儀表板。請 IT 在 Entra 系統管理中心「企業應用程式 → AIGuard → 使用者和群組」指派角色，或改用其他帳號登入。",
      "This account does not have the AIGuard admin role (AIGuard.Admin), so it cannot see the dashboard. Ask IT to assign the role in the Entra admin center (Enterprise applications → AIGuard → Users and groups), or sign in with another account.",
    ],
    unauthenticated: ["登入已失效，請重新登入。", "The sign-in is no longer valid; sign in again."],
    offline: ["無法連線到 AIGuard 伺服器，請稍後再試。", "Could not reach the AIGuard server; try again later."],
    noMsal: [
      "找不到登入元件（/addin/vendor/msal-browser.min.js）：請在伺服器上執行 npm install。",
      "The sign-in library (/addin/vendor/msal-browser.min.js) is missing: run npm install on the server.",
    ],
    noClientId: ["伺服器未設定 AIGUARD_CLIENT_ID。", "The server has no AIGUARD_CLIENT_ID."],
    signInFailed: ["登入失敗：", "Sign-in failed: "],
  };

  /** An error from the server's JSON envelope, or one of ours, with the HTTP status. */
  class DashboardError extends Error {
    /**
     * @param {number} status
     * @param {string} zh
     * @param {string} en
     */
    constructor(status, zh, en) {
      super(en);
      this.status = status;
      this.zh = zh;
      this.en = en;
    }
  }

  /**
   * Show a status line, zh-TW first. Text only: messages never become markup.
   * @param {string[]} message  [zh-TW, en]
   * @param {"info" | "error"} [kind]
   * @param {string} [detail]
   */
  function say(message, kind, detail) {
    status.className = "status " + (kind || "info");
    status.setAttribute("role", kind === "error" ? "alert" : "status");
    status.textContent = "";
    const zh = document.createElement("span");
    zh.lang = "zh-TW";
    zh.textContent = message[0] + (detail || "");
    const en = document.createElement("span");
    en.lang = "en";
    en.textContent = message[1] + (detail || "");
    status.append(zh, document.createElement("br"), en);
    status.hidden = false;
  }

  function quiet() {
    status.hidden = true;
    status.textContent = "";
  }

  /** @returns {number} the period asked for on the URL, or the default */
  function daysFromUrl() {
    const raw = new URLSearchParams(location.search).get("days") || "";
    const max = Number(settings.maxDays || 366);
    const days = /^\d+$/.test(raw) ? Number(raw) : Number(settings.defaultDays || 30);
    return days >= 1 && days <= max ? days : Number(settings.defaultDays || 30);
  }

  /** @param {number} days */
  function markPeriod(days) {
    for (const button of periodButtons) {
      button.setAttribute("aria-pressed", String(Number(button.dataset.days) === days));
    }
  }

  /** @type {() => Promise<string | null>} */
  let getToken = async () => null;
  /** @type {any} */
  let msalApp = null;
  let days = daysFromUrl();

  /**
   * GET an admin route; throw a DashboardError for anything but 200.
   * @param {string} url
   * @returns {Promise<Response>}
   */
  async function fetchAdmin(url) {
    const token = await getToken();
    /** @type {Record<string, string>} */
    const headers = {};
    if (token) headers.Authorization = "Bearer " + token;
    let response;
    try {
      response = await fetch(url, { headers, credentials: "same-origin", cache: "no-store" });
    } catch (error) {
      throw new DashboardError(0, MESSAGES.offline[0], MESSAGES.offline[1]);
    }
    if (response.ok) return response;
    let zh = "";
    let en = "";
    try {
      const body = await response.json();
      zh = body.error.message["zh-TW"];
      en = body.error.message.en;
    } catch (error) {
      zh = `伺服器回應 ${response.status}`;
      en = `The server answered ${response.status}`;
    }
    throw new DashboardError(response.status, zh, en);
  }

  /** @param {unknown} error */
  function showError(error) {
    if (error instanceof DashboardError && error.status === 403 && !devMode) {
      say(MESSAGES.forbidden, "error");
      switchButton.hidden = false;
    } else if (error instanceof DashboardError && error.status === 401 && !devMode) {
      say(MESSAGES.unauthenticated, "error");
      switchButton.hidden = false;
    } else if (error instanceof DashboardError) {
      say([error.zh, error.en], "error");
    } else {
      const text = error instanceof Error ? error.message : String(error);
      say(MESSAGES.signInFailed, "error", text);
    }
  }

  /** @param {number} period */
  async function loadDashboard(period) {
    days = period;
    markPeriod(days);
    say(MESSAGES.loading);
    exportButton.disabled = true;
    try {
      const response = await fetchAdmin(`${settings.dashboardUrl}?days=${days}`);
      const fragment = await response.text();
      // Our own server's fragment: escaped by Jinja, charts drawn by server/admin/charts.py.
      dashboard.innerHTML = fragment;
      dashboard.setAttribute("aria-busy", "false");
      exportButton.disabled = false;
      quiet();
      const url = new URL(location.href);
      url.searchParams.set("days", String(days));
      history.replaceState(null, "", url.pathname + url.search);
    } catch (error) {
      dashboard.textContent = "";
      showError(error);
    }
  }

  /** @param {string | null} header  Content-Disposition */
  function filenameOf(header) {
    const match = /filename="?([^";]+)"?/.exec(header || "");
    return match ? match[1] : "aiguard.csv";
  }

  async function exportCsv() {
    exportButton.disabled = true;
    say(MESSAGES.exporting);
    try {
      const response = await fetchAdmin(`${settings.exportUrl}?days=${days}`);
      const blob = await response.blob();
      const href = URL.createObjectURL(blob);
      const link = document.createElement("a");
      link.href = href;
      link.download = filenameOf(response.headers.get("Content-Disposition"));
      link.hidden = true;
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(href), 60 * 1000);
      say(MESSAGES.exported);
    } catch (error) {
      showError(error);
    } finally {
      exportButton.disabled = false;
    }
  }

  /** Sign in (or finish a sign-in redirect); resolve true when a token can be had without leaving. */
  async function signIn() {
    if (!settings.clientId) throw new DashboardError(0, MESSAGES.noClientId[0], MESSAGES.noClientId[1]);
    if (typeof msal === "undefined") throw new DashboardError(0, MESSAGES.noMsal[0], MESSAGES.noMsal[1]);
    msalApp = new msal.PublicClientApplication({
      auth: {
        clientId: settings.clientId,
        authority: settings.authority,
        redirectUri: location.origin + (settings.redirectPath || "/admin"),
      },
      cache: { cacheLocation: "sessionStorage" },
    });
    await msalApp.initialize();
    const redirected = await msalApp.handleRedirectPromise();
    const account = (redirected && redirected.account) || msalApp.getActiveAccount() || msalApp.getAllAccounts()[0];
    if (!account) {
      say(MESSAGES.signingIn);
      await msalApp.loginRedirect({ scopes, redirectStartPage: location.href });
      return false;
    }
    msalApp.setActiveAccount(account);
    accountName.textContent = account.username || account.name || "";
    switchButton.hidden = false;
    getToken = async () => {
      try {
        const result = await msalApp.acquireTokenSilent({ scopes, account });
        return result.accessToken;
      } catch (error) {
        if (error instanceof msal.InteractionRequiredAuthError) {
          say(MESSAGES.signingIn);
          await msalApp.acquireTokenRedirect({ scopes, account, redirectStartPage: location.href });
          return new Promise(() => {}); // the page is leaving for the sign-in
        }
        throw error;
      }
    };
    return true;
  }

  async function switchAccount() {
    if (!msalApp) return;
    say(MESSAGES.signingIn);
    await msalApp.loginRedirect({ scopes, prompt: "select_account", redirectStartPage: location.href });
  }

  async function start() {
    for (const button of periodButtons) {
      button.addEventListener("click", () => loadDashboard(Number(button.dataset.days)));
    }
    exportButton.addEventListener("click", exportCsv);
    switchButton.addEventListener("click", () => switchAccount().catch(showError));
    markPeriod(days);
    if (!devMode) {
      try {
        if (!(await signIn())) return;
      } catch (error) {
        showError(error);
        return;
      }
    }
    await loadDashboard(days);
  }

  start();
})();
