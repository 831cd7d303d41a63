// @ts-check
/* global msalRedirectBridge */
/** Redirect URI of the sign-in dialog: MSAL's bridge hands the answer back to dialog.html. */
msalRedirectBridge.broadcastResponseToMainFrame().catch(() => {
  document.body.textContent = "登入失敗，請關閉此視窗再試一次。Sign-in failed; close this window and try again.";
});
