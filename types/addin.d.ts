// Globals the add-in's pages get from script tags rather than imports (tsc reads this through jsconfig.json).

/** @azure/msal-browser's UMD build (addin/vendor/msal-browser.min.js): the add-in calls it through its own JSDoc. */
declare const msal: any;
/** MSAL's redirect bridge (addin/vendor/msal-redirect-bridge.min.js), loaded by addin/auth/redirect.html. */
declare const msalRedirectBridge: any;
