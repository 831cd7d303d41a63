// @ts-check
/* global Office, msal */
/**
 * The sign-in dialog of hosts without nested app authentication: MSAL signs in by redirect (the redirect
 * lands on redirect.html, which hands the answer back here), then the token goes to the task pane with
 * `Office.context.ui.messageParent`. The dialog is on the add-in's own origin, as messageParent requires.
 */
(async function signInInDialog() {
  await Office.onReady();
  const params = new URLSearchParams(location.search);
  const clientId = params.get("client_id") || "";
  const scope = params.get("scope") || "";
  /** @param {object} answer */
  const reply = (answer) => Office.context.ui.messageParent(JSON.stringify(answer));
  try {
    const app = new msal.PublicClientApplication({
      auth: {
        clientId,
        authority: "https://login.microsoftonline.com/organizations",
        redirectUri: `${location.origin}/addin/auth/redirect.html`,
      },
      cache: { cacheLocation: "localStorage" },
    });
    await app.initialize();
    const redirected = await app.handleRedirectPromise();
    if (redirected && redirected.accessToken) {
      reply({ token: redirected.accessToken, expiresAt: redirected.expiresOn ? new Date(redirected.expiresOn).getTime() : 0 });
      return;
    }
    const account = app.getAllAccounts()[0];
    if (account) {
      try {
        const silent = await app.acquireTokenSilent({ scopes: [scope], account });
        reply({ token: silent.accessToken, expiresAt: silent.expiresOn ? new Date(silent.expiresOn).getTime() : 0 });
        return;
      } catch (error) {
        // fall through to an interactive sign-in
      }
    }
    await app.acquireTokenRedirect({ scopes: [scope], redirectStartPage: location.href });
  } catch (error) {
    reply({ error: String(error && /** @type {Error} */ (error).message ? /** @type {Error} */ (error).message : error) });
  }
})();
