// Word glue against office-addin-mock: read parts, find the n-th match, highlight, notice, property.
const test = require("node:test");
const assert = require("node:assert/strict");
const { OfficeMockObject } = require("office-addin-mock");

const word = require("../../addin/taskpane/word.js");

/** A range as Word's search returns it. */
function range(label) {
  return { label, font: {}, selected: false, select() { this.selected = true; } };
}

/**
 * A Word mock with a body, one section's headers and footers, selection and custom properties.
 * Search results are plain functions (office-addin-mock cannot mock collections).
 */
function document({ body, header = "", footer = "", properties = [] }) {
  const searches = [];
  const ranges = {};
  const searchIn = (partName, text) => (needle, options) => {
    searches.push({ partName, needle, options });
    const count = needle ? text.split(needle).length - 1 : 0;
    const key = `${partName}:${needle}`;
    ranges[key] = ranges[key] || Array.from({ length: count }, (_, i) => range(`${partName}#${i}`));
    return { items: ranges[key], load() {} };
  };
  // Objects returned by seeded functions are plain (not mocks): give them their own load().
  const headerFooter = (partName, text) => ({ text, load() {}, search: searchIn(partName, text) });
  const inserted = [];
  const mock = new OfficeMockObject({
    context: {
      document: {
        body: {
          text: body,
          search: searchIn("body", body),
          insertParagraph(text, location) {
            const paragraph = { text, location, font: {} };
            inserted.push(paragraph);
            return paragraph;
          },
        },
        sections: {
          items: [
            {
              getHeader: (type) => headerFooter(`header-${type}`, type === "Primary" ? header : ""),
              getFooter: (type) => headerFooter(`footer-${type}`, type === "Primary" ? footer : ""),
            },
          ],
        },
        getSelection() {
          return { insertText: (text, location) => inserted.push({ text, location, atCursor: true }) };
        },
        properties: {
          customProperties: {
            items: properties,
            add(key, value) {
              properties.push({ key, value });
            },
          },
        },
      },
    },
    run: async function (callback) {
      return callback(this.context);
    },
  });
  // Enums read as "not loaded" when seeded: assign them after construction.
  mock.HeaderFooterType = { primary: "Primary", firstPage: "FirstPage", evenPages: "EvenPages" };
  mock.InsertLocation = { start: "Start", end: "End", replace: "Replace" };
  global.Word = mock;
  global.Office = { context: { requirements: { isSetSupported: (name, version) => name === "WordApi" && Number(version) <= 1.3 } } };
  return { mock, searches, ranges, inserted, properties };
}

test("the document is read header first, then body, then footer", async () => {
  document({ body: "承辦人：王小明", header: "密等：機密", footer: "第1頁" });
  const scanned = await word.readDocument();
  assert.equal(scanned.text, "密等：機密\n\n承辦人：王小明\n\n第1頁");
  assert.deepEqual(scanned.segments.map((s) => s.key), ["header:0:primary", "body", "footer:0:primary"]);
});

test("clicking a finding selects and highlights the right occurrence in the right part", async () => {
  const doc = document({ body: "王小明、李大華、王小明", header: "王小明" });
  const scanned = await word.readDocument();
  const offset = scanned.text.lastIndexOf("王小明");
  const found = await word.selectFinding({ type: "PERSON", start: offset, end: offset + 3, text: "王小明" }, scanned);
  assert.equal(found, true);
  const hits = doc.ranges["body:王小明"];
  assert.equal(hits[1].selected, true);
  assert.equal(hits[1].font.highlightColor, "Yellow");
  assert.equal(hits[0].selected, false);
  assert.deepEqual(doc.searches.at(-1).options, { matchCase: true });
});

test("a finding in the header is searched in the header", async () => {
  const doc = document({ body: "內文", header: "密等：機密" });
  const scanned = await word.readDocument();
  assert.equal(await word.selectFinding({ type: "CLASSIFIED", start: 3, end: 5, text: "機密" }, scanned), true);
  assert.equal(doc.searches.at(-1).partName, "header-Primary");
});

test("a finding no longer in the document is reported, not thrown", async () => {
  document({ body: "已修改的內文" });
  const scanned = { text: "王小明", segments: [{ key: "body", start: 0, end: 3 }] };
  assert.equal(await word.selectFinding({ type: "PERSON", start: 0, end: 3, text: "王小明" }, scanned), false);
});

test("highlight all and clear all", async () => {
  const doc = document({ body: "王小明 0912345678" });
  const scanned = await word.readDocument();
  const findings = [
    { type: "PERSON", start: 0, end: 3, text: "王小明" },
    { type: "PHONE", start: 4, end: 14, text: "0912345678" },
    { type: "EMAIL", start: 0, end: 1, text: "王", action: "ignore" },
  ];
  assert.equal(await word.highlightFindings(findings, scanned, "Yellow"), 2);
  assert.equal(doc.ranges["body:0912345678"][0].font.highlightColor, "Yellow");
  await word.highlightFindings(findings, scanned, null);
  assert.equal(doc.ranges["body:0912345678"][0].font.highlightColor, null);
});

test("the notice is inserted as a paragraph at the policy's position and the document is tagged", async () => {
  const doc = document({ body: "內文" });
  await word.insertNotice("本文件部分內容由生成式 AI 產出，經承辦人審核。", "top");
  assert.equal(doc.inserted[0].location, "Start");
  assert.equal(doc.inserted[0].font.italic, true);
  assert.deepEqual(doc.properties, [{ key: "AIAssisted", value: "true" }]);
  await word.insertNotice("聲明", "bottom");
  assert.equal(doc.inserted[1].location, "End");
});

test("a notice already in the document is found, so it is not inserted twice", async () => {
  document({ body: "內文\n本文件部分內容由生成式 AI 產出，經承辦人審核。" });
  assert.equal(await word.hasNotice("本文件部分內容由生成式AI產出，經承辦人審核。"), true);
  assert.equal(await word.hasNotice("另一段聲明"), false);
});

test("restored text goes in at the cursor, after the selection", async () => {
  const doc = document({ body: "" });
  await word.insertAtCursor("王小明您好");
  assert.deepEqual(doc.inserted[0], { text: "王小明您好", location: "End", atCursor: true });
});

test("the adapter remembers what it scanned to find findings later", async () => {
  const doc = document({ body: "電話 0912345678，再撥 0912345678" });
  const adapter = word.createWordAdapter();
  assert.equal(adapter.channel, "word");
  const { text } = await adapter.readDraft();
  const second = text.lastIndexOf("0912345678");
  assert.equal(await adapter.selectFinding({ type: "PHONE", start: second, end: second + 10, text: "0912345678" }), true);
  assert.equal(doc.ranges["body:0912345678"][1].selected, true);
});

test("a redacted copy of the body carries the headers and footers as its context", async () => {
  document({ body: "王小明來電", header: "陳情人：王小明", footer: "承辦人李美華" });
  const adapter = word.createWordAdapter();
  assert.equal(await adapter.readTextForAI(), "王小明來電");
  assert.deepEqual(await adapter.readContextForAI(), ["陳情人：王小明", "承辦人李美華"]);
});
