// Pure functions of addin/lib: language, grouping, locating findings in Word, verdict view, recipients.
const test = require("node:test");
const assert = require("node:assert/strict");

const i18n = require("../../addin/lib/i18n.js");
const findings = require("../../addin/lib/findings.js");
const { verdictView } = require("../../addin/lib/verdict.js");
const recipients = require("../../addin/lib/recipients.js");

test("language: English only for an English display language", () => {
  assert.equal(i18n.pickLanguage("en-US"), "en");
  assert.equal(i18n.pickLanguage("EN-gb"), "en");
  for (const other of ["zh-TW", "zh-HK", "ja-JP", "", undefined, null]) assert.equal(i18n.pickLanguage(other), "zh-TW");
});

test("every pane string exists in both languages, with the same parameters", () => {
  const zh = i18n.STRINGS["zh-TW"];
  const en = i18n.STRINGS.en;
  assert.deepEqual(Object.keys(zh).sort(), Object.keys(en).sort());
  for (const key of Object.keys(zh)) {
    const params = (text) => (text.match(/\{\w+\}/g) || []).sort().join();
    assert.equal(params(zh[key]), params(en[key]), key);
  }
  assert.equal(i18n.translate("zh-TW", "findingsCount", { n: 3 }), "共 3 項");
  assert.equal(i18n.translate("en", "no.such.key"), "no.such.key");
});

test("type labels: the policy's first, the fallback table second", () => {
  assert.equal(i18n.typeLabel("PHONE", "zh-TW"), "電話號碼");
  assert.equal(i18n.typeLabel("PHONE", "en", { PHONE: { "zh-TW": "電話", en: "Tel." } }), "Tel.");
  assert.equal(i18n.typeLabel("NEW_TYPE", "en"), "NEW_TYPE");
});

test("findings are grouped by type: markings first, document order inside, ignored ones left out", () => {
  const groups = findings.groupFindings([
    { type: "PHONE", start: 30, end: 40, text: "0912345678" },
    { type: "PERSON", start: 5, end: 8, text: "王小明" },
    { type: "CLASSIFIED", start: 0, end: 2, text: "機密" },
    { type: "PHONE", start: 10, end: 20, text: "02-2960-3456" },
    { type: "EMAIL", start: 50, end: 60, text: "a@b.tw", action: "ignore" },
  ]);
  assert.deepEqual(groups.map((g) => g.type), ["CLASSIFIED", "PERSON", "PHONE"]);
  assert.deepEqual(groups[2].items.map((item) => [item.start, item.index]), [[10, 3], [30, 0]]);
});

test("findings are grouped in the order the policy sends (the engine's table), the fallback before it arrives", () => {
  const found = [
    { type: "PHONE", start: 30, end: 40, text: "0912345678" },
    { type: "PERSON", start: 5, end: 8, text: "王小明" },
    { type: "NEW_TYPE", start: 50, end: 52, text: "xx" },
  ];
  const policyTypes = { PHONE: { order: 0 }, PERSON: { order: 1 }, NEW_TYPE: { order: 2 } };
  assert.deepEqual(findings.groupFindings(found, policyTypes).map((g) => g.type), ["PHONE", "PERSON", "NEW_TYPE"]);
  assert.deepEqual(findings.groupFindings(found).map((g) => g.type), ["PERSON", "PHONE", "NEW_TYPE"]);
});

test("parts are joined with their places remembered; repeated headers count once", () => {
  const joined = findings.joinParts([
    { key: "header:0:primary", text: "密等：機密" },
    { key: "header:0:firstPage", text: "" },
    { key: "body", text: "承辦人王小明" },
    { key: "header:1:primary", text: "密等：機密" },
    { key: "footer:0:primary", text: "第1頁" },
  ]);
  assert.equal(joined.text, "密等：機密\n\n承辦人王小明\n\n第1頁");
  assert.deepEqual(joined.segments.map((s) => [s.key, s.start, s.end]), [
    ["header:0:primary", 0, 5],
    ["body", 7, 13],
    ["footer:0:primary", 15, 18],
  ]);
});

test("the parts other than the body go with a redaction request as its context", () => {
  const joined = findings.joinParts([
    { key: "header:0:primary", text: "陳情人王小明" },
    { key: "body", text: "王小明來電" },
    { key: "footer:0:primary", text: "承辦人李美華 分機5123" },
  ]);
  assert.deepEqual(findings.otherParts(joined), ["陳情人王小明", "承辦人李美華 分機5123"]);
  assert.deepEqual(findings.otherParts(findings.joinParts([{ key: "body", text: "王小明" }])), []);
});

test("a finding is located as the n-th match of its text in its own part", () => {
  const joined = findings.joinParts([
    { key: "header:0:primary", text: "王小明" },
    { key: "body", text: "王小明打給王小明，再打給王小明" },
  ]);
  const third = joined.text.lastIndexOf("王小明");
  assert.deepEqual(findings.locateFinding({ type: "PERSON", start: third, end: third + 3, text: "王小明" }, joined.text, joined.segments), {
    segmentKey: "body",
    needle: "王小明",
    occurrence: 2,
  });
  assert.deepEqual(findings.locateFinding({ type: "PERSON", start: 0, end: 3, text: "王小明" }, joined.text, joined.segments).segmentKey, "header:0:primary");
});

test("code-point offsets from the server select the right characters after a non-BMP character", () => {
  // 𡘙 (U+21619) is one code point (Python's offsets) but two UTF-16 units (JavaScript's).
  const text = "申請人：林𡘙與王小明，電話0912-345-678";
  const codePoints = Array.from(text);
  const start = codePoints.indexOf("王");
  assert.equal(findings.utf16Index(text, start), text.indexOf("王小明"));
  assert.equal(findings.utf16Index(text, codePoints.length), text.length);
  const joined = findings.joinParts([{ key: "body", text }]);
  const location = findings.locateFinding({ type: "PERSON", start, end: start + 3, text: "王小明" }, joined.text, joined.segments);
  assert.deepEqual(location, { segmentKey: "body", needle: "王小明", occurrence: 0 });
  const name = codePoints.indexOf("林");
  assert.equal(findings.locateFinding({ type: "PERSON", start: name, end: name + 2, text: "林𡘙" }, joined.text, joined.segments).needle, "林𡘙");
});

test("search needles: first line only, at most 255 characters, carets escaped", () => {
  assert.equal(findings.searchNeedle("新北市板橋區\n中山路一段161號"), "新北市板橋區");
  assert.equal(findings.searchNeedle("x".repeat(300)).length, 255);
  assert.equal(findings.escapeWordSearch("a^b"), "a^^b");
  assert.equal(findings.occurrencesBefore("aaaa", "aa", 3), 2);
  assert.equal(findings.occurrencesBefore("abc", "", 3), 0);
});

test("a notice is recognised whatever the white space", () => {
  assert.ok(findings.containsNotice("前文\n本文件部分內容由 AI 生成 ，已經人工審閱。", "本文件部分內容由AI生成，已經人工審閱。"));
  assert.ok(!findings.containsNotice("本文件", "本文件部分內容由AI生成"));
  assert.ok(!findings.containsNotice("anything", ""));
});

const BLOCKED = {
  verdict: "block",
  basis: { article: "第肆章第7條第1款", "zh-TW": "第肆章第7條第1款：機密文書不得使用生成式 AI", en: "Ch. IV art. 7(1): classified documents must not be used with generative AI" },
  findings: [{ type: "CLASSIFIED", start: 10, end: 12, text: "機密", personal: false, action: "block", level: "機密" }],
  counts: { CLASSIFIED: 1 },
  notice_present: false,
  warnings: [],
  messages: { "zh-TW": "本文件標有機密等級。", en: "This document carries a classification marking." },
};

test("verdict view: block is red, cites the article, offers no redaction", () => {
  const view = verdictView(BLOCKED, "zh-TW");
  assert.equal(view.tone, "block");
  assert.equal(view.title, "禁止提供予生成式 AI");
  assert.equal(view.article, "第肆章第7條第1款");
  assert.equal(view.canRedact, false);
  assert.match(view.note, /無法略過/);
  assert.equal(view.groups[0].label, "機密等級標示");
  assert.equal(verdictView(BLOCKED, "en").message, "This document carries a classification marking.");
});

test("verdict view: redact lists findings grouped with labels; allow reminds of final judgment", () => {
  const view = verdictView(
    {
      verdict: "redact",
      basis: { article: "第肆章第7條第2款", "zh-TW": "…", en: "…" },
      findings: [
        { type: "PERSON", start: 0, end: 3, text: "王小明", personal: true, action: "redact" },
        { type: "PHONE", start: 5, end: 15, text: "0912345678", personal: true, action: "redact", field: "subject" },
      ],
      messages: { "zh-TW": "含個資", en: "Personal data" },
      external_recipients: ["x@gmail.com"],
    },
    "zh-TW",
    { types: { PERSON: { "zh-TW": "人名", en: "Name" } } }
  );
  assert.equal(view.tone, "redact");
  assert.equal(view.total, 2);
  assert.deepEqual(view.groups.map((g) => g.label), ["人名", "電話號碼"]);
  assert.equal(view.groups[1].items[0].fieldLabel, "主旨");
  assert.deepEqual(view.externalRecipients, ["x@gmail.com"]);
  const allow = verdictView({ verdict: "allow", findings: [] }, "en");
  assert.equal(allow.tone, "allow");
  assert.equal(allow.canRedact, true);
  assert.match(allow.note, /final judgment/);
});

test("an unknown verdict is shown as blocked, never as allowed", () => {
  assert.equal(verdictView({ verdict: "maybe", findings: [] }, "zh-TW").tone, "block");
});

test("recipients: internal domains and their subdomains; lookalikes are external", () => {
  const domains = ["ntpc.gov.tw"];
  assert.ok(recipients.isInternal("a@ntpc.gov.tw", domains));
  assert.ok(recipients.isInternal("a@mail.NTPC.gov.tw", domains));
  assert.ok(!recipients.isInternal("a@evil-ntpc.gov.tw", domains));
  assert.ok(!recipients.isInternal("no-at-sign", domains));
  assert.deepEqual(recipients.externalRecipients(["a@ntpc.gov.tw", "b@gmail.com"], domains), ["b@gmail.com"]);
  assert.deepEqual(
    recipients.recipientAddresses([[{ emailAddress: "A@x.tw" }, { emailAddress: "a@x.tw" }], undefined, [{ emailAddress: "bad" }, { displayName: "no address" }]]),
    ["A@x.tw"]
  );
});

test("the banner's message leaves out the article and wording shown on the basis line", () => {
  const { withoutBasis } = require("../../addin/lib/verdict.js");
  assert.equal(withoutBasis("不可送出。 發現：機密等級標示 1 筆。 （第肆章第7條第1款）機密文書不得使用。", "第肆章第7條第1款", "機密文書不得使用。"), "不可送出。 發現：機密等級標示 1 筆。");
  assert.equal(withoutBasis("Do not send. (第肆章第7條第1款) Classified.", "第肆章第7條第1款", "Classified."), "Do not send.");
  assert.equal(withoutBasis("只有依據", "", "只有依據"), "只有依據");
});
