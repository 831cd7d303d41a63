// The API client: hard timeout, sign-in only after a 401, error envelopes, and the sign-in choices.
const test = require("node:test");
const assert = require("node:assert/strict");

const { createApiClient, ApiFailure, failureMessage } = require("../../addin/lib/api.js");
const { createSignIn, apiScope, clientIdFromUrl } = require("../../addin/auth.js");
const i18n = require("../../addin/lib/i18n.js");

/** A fetch stand-in answering from a list of [status, body, headers]. */
function fakeFetch(answers) {
  const calls = [];
  const fetchImpl = async (url, init) => {
    calls.push({ url, init });
    const [status, body, headers] = answers.shift();
    return {
      status,
      ok: status >= 200 && status < 300,
      headers: new Map(Object.entries(headers || {})),
      json: async () => body,
    };
  };
  return { fetchImpl, calls };
}

test("a call that does not answer in time fails as a timeout, and the request is aborted", async () => {
  let aborted = false;
  const fetchImpl = (url, init) =>
    new Promise((resolve, reject) => {
      init.signal.addEventListener("abort", () => {
        aborted = true;
        reject(new Error("aborted"));
      });
    });
  const client = createApiClient({ baseUrl: "https://h", timeoutMs: 30, fetchImpl });
  await assert.rejects(client.scan({ text: "x", channel: "word" }), (error) => error instanceof ApiFailure && error.kind === "timeout");
  assert.ok(aborted);
});

test("no connection fails as a network failure", async () => {
  const client = createApiClient({ fetchImpl: async () => { throw new TypeError("Failed to fetch"); } });
  await assert.rejects(client.policy(), (error) => error.kind === "network");
});

test("a development server answers without a token and is noticed", async () => {
  const { fetchImpl, calls } = fakeFetch([[200, { version: "1" }, { "X-AIGuard-Dev-Mode": "1" }]]);
  let asked = 0;
  const client = createApiClient({ baseUrl: "https://h/", fetchImpl, getToken: async () => { asked += 1; return "t"; } });
  assert.deepEqual(await client.policy(), { version: "1" });
  assert.equal(calls[0].url, "https://h/api/v1/policy");
  assert.equal(calls[0].init.headers.Authorization, undefined);
  assert.equal(asked, 0);
  assert.equal(client.state.devMode, true);
});

test("after a 401 the client signs in, retries with the bearer token and keeps sending it", async () => {
  const { fetchImpl, calls } = fakeFetch([
    [401, { error: { code: "unauthenticated", message: { "zh-TW": "需要登入", en: "Sign in" } } }],
    [200, { verdict: "allow", findings: [] }],
    [200, { text: "x", restored: 0 }],
  ]);
  const client = createApiClient({ fetchImpl, getToken: async () => "token-1" });
  assert.equal((await client.scan({ text: "x", channel: "word" })).verdict, "allow");
  assert.equal(calls[1].init.headers.Authorization, "Bearer token-1");
  assert.equal(JSON.parse(calls[1].init.body).channel, "word");
  await client.restore({ text: "x", map: {} });
  assert.equal(calls[2].init.headers.Authorization, "Bearer token-1");
});

test("a 401 without a way to sign in says the add-in is not configured", async () => {
  const { fetchImpl } = fakeFetch([[401, { error: { code: "unauthenticated", message: {} } }]]);
  const client = createApiClient({ fetchImpl });
  const failure = await client.policy().catch((error) => error);
  assert.equal(failure.kind, "auth");
  assert.equal(failureMessage(failure, (k, p) => i18n.translate("zh-TW", k, p), "zh-TW"), i18n.STRINGS["zh-TW"].errorNotConfigured);
});

test("an error envelope becomes a failure carrying the server's messages", async () => {
  const { fetchImpl } = fakeFetch([[422, { error: { code: "blocked", message: { "zh-TW": "不予遮蔽", en: "Not prepared" } } }]]);
  const client = createApiClient({ fetchImpl });
  const failure = await client.redact({ text: "x", mode: "mask" }).catch((error) => error);
  assert.equal(failure.kind, "http");
  assert.equal(failure.status, 422);
  assert.equal(failure.code, "blocked");
  const t = (k, p) => i18n.translate("en", k, p);
  assert.equal(failureMessage(failure, t, "en"), i18n.STRINGS.en.errorBlockedRedact);
  assert.equal(failureMessage(new ApiFailure("http", "x", { status: 429, code: "rate_limited", messages: { en: "Slow down" } }), t, "en"), "Slow down");
});

test("sign-in: scope and client id from the manifest's URL", () => {
  assert.equal(apiScope("https://aiguard.ntpc.gov.tw:8443", "11111111-2222-3333-4444-555555555555"), "api://aiguard.ntpc.gov.tw:8443/11111111-2222-3333-4444-555555555555/access_as_user");
  assert.equal(clientIdFromUrl("?client_id=11111111-2222-3333-4444-555555555555"), "11111111-2222-3333-4444-555555555555");
  assert.equal(clientIdFromUrl("?client_id=<script>"), "");
  assert.equal(clientIdFromUrl(""), "");
});

test("sign-in: no client id → no token; nested app authentication when supported, silent then popup", async () => {
  assert.equal(await createSignIn({ clientId: "", baseUrl: "https://h", office: {} }).getToken(), null);
  const office = { context: { requirements: { isSetSupported: (name, version) => name === "NestedAppAuth" && version === "1.1" } } };
  const requests = [];
  const msal = {
    createNestablePublicClientApplication: async (config) => {
      requests.push(["create", config.auth.clientId]);
      return {
        acquireTokenSilent: async (request) => {
          requests.push(["silent", request.scopes[0]]);
          throw new Error("interaction_required");
        },
        acquireTokenPopup: async () => {
          requests.push(["popup"]);
          return { accessToken: "naa-token", expiresOn: new Date(Date.now() + 3600e3) };
        },
      };
    },
  };
  const signIn = createSignIn({ clientId: "11111111-2222-3333-4444-555555555555", baseUrl: "https://h", office, msal });
  assert.equal(signIn.method, "naa");
  assert.equal(await signIn.getToken(), "naa-token");
  assert.equal(await signIn.getToken(), "naa-token");
  assert.deepEqual(requests.map((r) => r[0]), ["create", "silent", "popup"]);
  assert.equal(requests[1][1], "api://h/11111111-2222-3333-4444-555555555555/access_as_user");
});

test("sign-in: without NestedAppAuth 1.1 an Office dialog returns the token", async () => {
  const handlers = {};
  let openedUrl = "";
  const office = {
    AsyncResultStatus: { Failed: "failed", Succeeded: "succeeded" },
    EventType: { DialogMessageReceived: "message", DialogEventReceived: "event" },
    context: {
      requirements: { isSetSupported: () => false },
      ui: {
        displayDialogAsync(url, options, callback) {
          openedUrl = url;
          const dialog = { addEventHandler: (type, handler) => (handlers[type] = handler), close() { dialog.closed = true; } };
          callback({ status: "succeeded", value: dialog });
          setTimeout(() => handlers.message({ message: JSON.stringify({ token: "dialog-token", expiresAt: Date.now() + 3600e3 }) }), 5);
        },
      },
    },
  };
  const signIn = createSignIn({ clientId: "11111111-2222-3333-4444-555555555555", baseUrl: "https://h", office, msal: { createNestablePublicClientApplication() {} } });
  assert.equal(signIn.method, "dialog");
  assert.equal(await signIn.getToken(), "dialog-token");
  assert.match(openedUrl, /^https:\/\/h\/addin\/auth\/dialog\.html\?client_id=/);
});
