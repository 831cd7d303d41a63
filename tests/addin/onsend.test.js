// Smart Alerts: the decision table, and the handler run against an office-addin-mock mailbox.
const test = require("node:test");
const assert = require("node:assert/strict");
const { OfficeMockObject } = require("office-addin-mock");

/** An Outlook mock: a message being written, roaming settings, requirement sets. */
function mailbox({ body = "", subject = "", to = [], cc = [], settings = undefined, displayLanguage = "zh-TW", sets = ["Mailbox 1.14"] } = {}) {
  const reply = (value) => (callback) => callback({ status: "succeeded", value });
  const mock = new OfficeMockObject(
    {
      context: {
        displayLanguage,
        requirements: { isSetSupported: (name, version) => sets.includes(`${name} ${version}`) },
        roamingSettings: { get: (key) => (key === "aiguard" ? settings : undefined) },
        mailbox: {
          item: {
            body: { getAsync: (coercion, callback) => reply(body)(callback) },
            subject: { getAsync: (callback) => reply(subject)(callback) },
            to: { getAsync: (callback) => reply(to)(callback) },
            cc: { getAsync: (callback) => reply(cc)(callback) },
            bcc: { getAsync: (callback) => reply([])(callback) },
          },
        },
      },
      actions: { associate: (name, handler) => { associated[name] = handler; } },
    },
    "outlook"
  );
  mock.AsyncResultStatus = { Succeeded: "succeeded", Failed: "failed" };
  mock.CoercionType = { Text: "text", Html: "html" };
  mock.MailboxEnums = { SendModeOverride: { PromptUser: "promptUser" } };
  return mock;
}

const associated = {};
global.Office = mailbox();
const onsend = require("../../addin/commands/onsend.js");

test("the script registers its handler under the manifest's function name", () => {
  assert.equal(associated.onMessageSendHandler, onsend.onMessageSendHandler);
});

/** Run the handler once: fake server answer (or failure), and the options it completed the event with. */
async function send({ answer, status = 200, delayMs = 0, fail = false, ...message }) {
  global.Office = mailbox(message);
  const requests = [];
  global.fetch = async (url, init) => {
    requests.push({ url, init });
    if (url.endsWith("/api/v1/policy")) return { ok: false, status: 503, json: async () => ({}) };
    if (fail) throw new TypeError("Failed to fetch");
    if (delayMs) await new Promise((resolve) => setTimeout(resolve, delayMs));
    return { ok: status < 300, status, json: async () => answer };
  };
  let completedWith = null;
  await onsend.onMessageSendHandler({ completed: (options) => { completedWith = options; } });
  return { completedWith, requests };
}

const SERVER = { baseUrl: "https://aiguard.example", signIn: false, failMode: "open", timeoutMs: 300 };

test("a classified message is blocked with the article and no way to send anyway", async () => {
  const { completedWith, requests } = await send({
    settings: SERVER,
    body: "密等及解密條件或保密期限：機密",
    to: [{ displayName: "A", emailAddress: "a@ntpc.gov.tw" }],
    answer: { verdict: "block", basis: { article: "第肆章第7條第1款", "zh-TW": "", en: "" }, findings: [], notice_present: false },
  });
  assert.equal(completedWith.allowEvent, false);
  assert.match(completedWith.errorMessage, /第肆章第7條第1款/);
  assert.equal(completedWith.sendModeOverride, undefined);
  assert.equal(completedWith.commandId, onsend.OPEN_PANE_COMMAND_ID);
  const scan = requests.find((r) => r.url.endsWith("/api/v1/scan"));
  assert.deepEqual(JSON.parse(scan.init.body), { text: "密等及解密條件或保密期限：機密", subject: "", channel: "outlook", recipients: ["a@ntpc.gov.tw"] });
  assert.equal(scan.init.headers.Authorization, undefined);
});

test("personal data to an external recipient warns, can be sent anyway, and opens the pane", async () => {
  const { completedWith } = await send({
    settings: SERVER,
    displayLanguage: "en-US",
    answer: {
      verdict: "redact",
      findings: [{ type: "TW_NATIONAL_ID", personal: true, action: "redact" }],
      notice_present: false,
      external_recipients: ["someone@gmail.com"],
    },
  });
  assert.equal(completedWith.allowEvent, false);
  assert.equal(completedWith.sendModeOverride, "promptUser");
  assert.equal(completedWith.cancelLabel, "Open AIGuard");
  assert.equal(completedWith.commandId, "aiguardOpenPaneButton");
  assert.match(completedWith.errorMessage, /someone@gmail\.com/);
});

test("personal data to internal recipients only is allowed", async () => {
  const { completedWith } = await send({
    settings: SERVER,
    answer: { verdict: "redact", findings: [{ type: "PHONE", personal: true, action: "redact" }], notice_present: false, external_recipients: [] },
  });
  assert.deepEqual(completedWith, { allowEvent: true });
});

test("a message with an AI-use notice gets the final-judgment reminder", async () => {
  const { completedWith } = await send({ settings: SERVER, answer: { verdict: "allow", findings: [], notice_present: true } });
  assert.equal(completedWith.allowEvent, false);
  assert.equal(completedWith.sendModeOverride, "promptUser");
  assert.match(completedWith.errorMessage, /最終判斷/);
});

test("server unreachable: fail-open warns and lets the author send anyway", async () => {
  const { completedWith } = await send({ settings: SERVER, fail: true });
  assert.equal(completedWith.allowEvent, false);
  assert.equal(completedWith.sendModeOverride, "promptUser");
  assert.match(completedWith.errorMessage, /無法連線/);
});

test("server unreachable: fail-closed holds the message", async () => {
  const { completedWith } = await send({ settings: { ...SERVER, failMode: "closed" }, fail: true });
  assert.equal(completedWith.allowEvent, false);
  assert.equal(completedWith.sendModeOverride, undefined);
  assert.match(completedWith.errorMessage, /暫不寄出/);
});

test("a slow server is cut off at the policy's budget", async () => {
  const started = Date.now();
  const { completedWith } = await send({ settings: { ...SERVER, timeoutMs: 200 }, delayMs: 2000, answer: { verdict: "allow", findings: [] } });
  assert.ok(Date.now() - started < 1000, "the handler must not wait for the slow server");
  assert.match(completedWith.errorMessage, /逾時/);
});

test("never set up (no server known) falls back to fail-open and says so", async () => {
  const { completedWith, requests } = await send({});
  assert.equal(requests.length, 0);
  assert.equal(completedWith.sendModeOverride, "promptUser");
  assert.match(completedWith.errorMessage, /開啟一次 AIGuard/);
});

test("without Mailbox 1.14 a warning cannot offer Send anyway, so the message goes; a block still blocks", () => {
  const warning = onsend.decideOnSend({ failure: { kind: "timeout" }, failMode: "open", lang: "zh-TW" });
  assert.deepEqual(onsend.completionOptions(warning, false), { allowEvent: true });
  const block = onsend.decideOnSend({ scanResult: { verdict: "block", findings: [] }, lang: "en" });
  assert.equal(onsend.completionOptions(block, false).allowEvent, false);
  assert.equal(onsend.completionOptions(block, false).commandId, undefined);
});

test("budget: the policy's timeout, kept within Outlook's send window", () => {
  assert.equal(onsend.checkBudget({}), onsend.DEFAULT_BUDGET_MS);
  assert.equal(onsend.checkBudget({ timeoutMs: 10000 }), onsend.MAX_BUDGET_MS);
  assert.equal(onsend.checkBudget({ timeoutMs: 10 }), 500);
  assert.ok(onsend.MAX_BUDGET_MS <= 4000);
});

test("messages stay within Smart Alerts' 500 characters", () => {
  const many = Array.from({ length: 50 }, (_, i) => `person${i}@some-very-long-external-domain.example.com`);
  const decision = onsend.decideOnSend({
    scanResult: { verdict: "redact", findings: [{ type: "PHONE", personal: true }], notice_present: true, external_recipients: many },
    lang: "en",
  });
  assert.ok(decision.errorMessage.length <= 500);
});
