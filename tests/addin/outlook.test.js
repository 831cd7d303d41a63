// Outlook glue against office-addin-mock: read the draft, notice at the top, tag, remember the policy.
const test = require("node:test");
const assert = require("node:assert/strict");
const { OfficeMockObject } = require("office-addin-mock");

const outlook = require("../../addin/taskpane/outlook.js");

function compose({ body = "", bodyType = "html", subject = "", to = [], cc = [], bcc = [] } = {}) {
  const calls = [];
  const stored = {};
  const ok = (callback, value) => callback({ status: "succeeded", value });
  const customProperties = { values: {}, set(key, value) { this.values[key] = value; }, saveAsync: (callback) => ok(callback) };
  const mock = new OfficeMockObject(
    {
      context: {
        requirements: { isSetSupported: (name, version) => name === "Mailbox" && Number(version.split(".")[1]) <= 14 },
        roamingSettings: {
          set: (key, value) => { stored[key] = value; },
          saveAsync: (callback) => { calls.push(["saveSettings"]); ok(callback); },
        },
        mailbox: {
          item: {
            body: {
              getAsync: (coercion, callback) => ok(callback, body),
              getTypeAsync: (callback) => ok(callback, bodyType),
              prependAsync: (data, options, callback) => { calls.push(["prepend", data, options.coercionType]); ok(callback); },
              setSelectedDataAsync: (data, options, callback) => { calls.push(["atCursor", data, options.coercionType]); ok(callback); },
            },
            subject: { getAsync: (callback) => ok(callback, subject) },
            to: { getAsync: (callback) => ok(callback, to) },
            cc: { getAsync: (callback) => ok(callback, cc) },
            bcc: { getAsync: (callback) => ok(callback, bcc) },
            loadCustomPropertiesAsync: (callback) => ok(callback, customProperties),
            internetHeaders: { setAsync: (headers, callback) => { calls.push(["headers", headers]); ok(callback); } },
          },
        },
      },
      actions: { associate() {} },
    },
    "outlook"
  );
  mock.AsyncResultStatus = { Succeeded: "succeeded", Failed: "failed" };
  mock.CoercionType = { Text: "text", Html: "html" };
  global.Office = mock;
  return { calls, stored, customProperties };
}

test("the draft is subject, body text and de-duplicated recipients of to, cc and bcc", async () => {
  compose({
    body: "王小明 0912345678",
    subject: "個案資料",
    to: [{ displayName: "A", emailAddress: "a@ntpc.gov.tw" }],
    cc: [{ displayName: "B", emailAddress: "b@gmail.com" }, { displayName: "A again", emailAddress: "A@ntpc.gov.tw" }],
    bcc: [{ displayName: "C", emailAddress: "c@example.com" }],
  });
  assert.deepEqual(await outlook.readMessage(), {
    text: "王小明 0912345678",
    subject: "個案資料",
    recipients: ["a@ntpc.gov.tw", "b@gmail.com", "c@example.com"],
  });
});

test("a failed Office call rejects instead of hanging", async () => {
  compose();
  global.Office.context.mailbox.item.subject.getAsync = (callback) => callback({ status: "failed", error: { code: 9002 } });
  await assert.rejects(outlook.readMessage(), (error) => error.code === 9002);
});

test("the notice goes at the top of an HTML body, escaped, and the message is tagged", async () => {
  const { calls, customProperties } = compose({ bodyType: "html" });
  await outlook.insertNotice("本郵件部分內容由 AI 生成 <請審閱>");
  assert.deepEqual(calls[0], ["prepend", '<p style="color:#605E5C;font-style:italic">本郵件部分內容由 AI 生成 &lt;請審閱&gt;</p>', "html"]);
  assert.equal(customProperties.values.AIAssisted, "true");
  assert.deepEqual(calls[1], ["headers", { "X-AIGuard-AI-Assisted": "true" }]);
});

test("in a plain-text body the notice is prepended as text", async () => {
  const { calls } = compose({ bodyType: "text" });
  await outlook.insertNotice("聲明");
  assert.deepEqual(calls[0], ["prepend", "聲明\n\n", "text"]);
});

test("restored text is inserted at the cursor", async () => {
  const { calls } = compose();
  await outlook.insertAtCursor("王小明您好");
  assert.deepEqual(calls[0], ["atCursor", "王小明您好", "text"]);
});

test("the pane remembers server, sign-in and fail mode for the on-send check", async () => {
  const { stored, calls } = compose();
  await outlook.rememberPolicy(
    { outlook: { fail_mode: "closed", timeout_ms: 2500, internal_domains: ["ntpc.gov.tw"] } },
    { baseUrl: "https://aiguard.example", clientId: "", signIn: false }
  );
  assert.deepEqual(stored.aiguard, { baseUrl: "https://aiguard.example", clientId: "", signIn: false, failMode: "closed", timeoutMs: 2500 });
  assert.deepEqual(calls, [["saveSettings"]]);
});

test("the on-send script reads what the pane stored", () => {
  compose();
  global.Office.context.roamingSettings.get = (key) => (key === outlook.SETTINGS_KEY ? { baseUrl: "https://aiguard.example", failMode: "closed" } : undefined);
  const onsend = require("../../addin/commands/onsend.js");
  assert.equal(onsend.SETTINGS_KEY, outlook.SETTINGS_KEY);
  assert.deepEqual(onsend.readSendSettings(), { baseUrl: "https://aiguard.example", failMode: "closed" });
});

test("a redacted copy of the body carries the subject as its context", async () => {
  compose({ body: "王小明來電", subject: "陳情人王小明" });
  const adapter = outlook.createOutlookAdapter();
  assert.equal(await adapter.readTextForAI(), "王小明來電");
  assert.deepEqual(await adapter.readContextForAI(), ["陳情人王小明"]);
  compose({ body: "王小明來電", subject: "  " });
  assert.deepEqual(await outlook.createOutlookAdapter().readContextForAI(), []);
});
