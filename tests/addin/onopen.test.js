// Word's document-open check: it scans only when the policy asks, opens the pane only for a draft that is not
// clean, and always completes its event (even when the server is down), within its own time limit.
const test = require("node:test");
const assert = require("node:assert/strict");

const associated = {};
let paneOpened = 0;

/** A Word stand-in: a body, one section with a header and a footer. */
function word({ body = "", header = "", footer = "" }) {
  const part = (text) => ({ text: undefined, load() { this.text = text; } });
  return {
    run: async (batch) =>
      batch({
        document: {
          body: Object.assign(part(body), {}),
          sections: {
            items: [],
            load() {
              this.items = [
                {
                  getHeader: (kind) => part(kind === "Primary" ? header : ""),
                  getFooter: (kind) => part(kind === "Primary" ? footer : ""),
                },
              ];
            },
          },
        },
        sync: async () => undefined,
      }),
  };
}

global.self = { location: { protocol: "https:", origin: "https://aiguard.example.gov.tw" } };
global.Office = {
  actions: { associate: (name, handler) => { associated[name] = handler; } },
  addin: { showAsTaskpane: async () => { paneOpened += 1; } },
  auth: { getAccessToken: async () => "token-from-office" },
};
const onopen = require("../../addin/commands/onopen.js");

/** Run the handler against a fake server; returns the requests made and whether the pane opened. */
async function open({ scanOnOpen = true, verdict = "allow", document = {}, failing = false, needsToken = false }) {
  global.Word = word(document);
  paneOpened = 0;
  const requests = [];
  global.fetch = async (url, init) => {
    requests.push({ url, init });
    if (failing) throw new TypeError("Failed to fetch");
    const authorised = !needsToken || (init.headers.Authorization || "") === "Bearer token-from-office";
    if (!authorised) return { ok: false, status: 401, json: async () => ({}) };
    if (url.endsWith("/api/v1/policy")) return { ok: true, status: 200, json: async () => ({ addin: { scan_on_open: scanOnOpen } }) };
    return { ok: true, status: 200, json: async () => ({ verdict }) };
  };
  let completed = 0;
  await onopen.onDocumentOpenedHandler({ completed: () => { completed += 1; } });
  return { requests, completed, paneOpened };
}

test("the script registers its handler under the manifest's function name", () => {
  assert.equal(associated.onDocumentOpenedHandler, onopen.onDocumentOpenedHandler);
});

test("without scan_on_open in the policy nothing is read or sent", async () => {
  const run = await open({ scanOnOpen: false, verdict: "block", document: { body: "密等：機密" } });
  assert.deepEqual(run.requests.map((r) => r.url), ["https://aiguard.example.gov.tw/api/v1/policy"]);
  assert.equal(run.paneOpened, 0);
  assert.equal(run.completed, 1);
});

test("a classified draft opens the pane; header, body and footer are scanned together, as the pane reads them", async () => {
  const run = await open({ verdict: "block", document: { body: "主旨：測試", header: "密等：機密", footer: "第1頁" } });
  const scan = run.requests.find((r) => r.url.endsWith("/api/v1/scan"));
  assert.deepEqual(JSON.parse(scan.init.body), { text: "密等：機密\n\n主旨：測試\n\n第1頁", channel: "word" });
  assert.equal(run.paneOpened, 1);
  assert.equal(run.completed, 1);
});

test("personal data opens the pane, a clean draft does not", async () => {
  assert.equal((await open({ verdict: "redact", document: { body: "承辦人：王小明" } })).paneOpened, 1);
  assert.equal((await open({ verdict: "allow", document: { body: "會議於下午召開" } })).paneOpened, 0);
});

test("an empty document is not sent", async () => {
  const run = await open({ verdict: "block", document: { body: "   " } });
  assert.equal(run.requests.filter((r) => r.url.endsWith("/api/v1/scan")).length, 0);
  assert.equal(run.paneOpened, 0);
});

test("a signed-in server gets a silent Office token after its 401", async () => {
  const run = await open({ verdict: "block", needsToken: true, document: { body: "密" } });
  assert.equal(run.paneOpened, 1);
  assert.ok(run.requests.some((r) => r.init.headers.Authorization === "Bearer token-from-office"));
});

test("a server that cannot be reached never stops the document from opening", async () => {
  const run = await open({ failing: true, document: { body: "密" } });
  assert.equal(run.completed, 1);
  assert.equal(run.paneOpened, 0);
});

test("the decision needs the policy switch and a verdict other than allow", () => {
  assert.equal(onopen.shouldOpenPane({ addin: { scan_on_open: true } }, { verdict: "block" }), true);
  assert.equal(onopen.shouldOpenPane({ addin: { scan_on_open: false } }, { verdict: "block" }), false);
  assert.equal(onopen.shouldOpenPane({ addin: { scan_on_open: true } }, null), false);
  assert.ok(onopen.OPEN_CHECK_TIMEOUT_MS <= 5000);
});
