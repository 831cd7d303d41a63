// Excel glue against office-addin-mock, and the table helpers: sheets read in blocks, chunked requests with the
// head repeated, findings moved back to their cells, placeholders renumbered across chunks, cell selection.
const test = require("node:test");
const assert = require("node:assert/strict");
const { OfficeMockObject } = require("office-addin-mock");

const excel = require("../../addin/taskpane/excel.js");
const table = require("../../addin/lib/table.js");

/**
 * A workbook of sheets `{name, origin: [row, column], rows, text?}` (rows of cell values; `text` overrides what
 * Excel shows), comments `[{sheet, cell, content}]`, a selection `{sheet, row, column, rows, columns}`.
 */
function workbook(sheets, { comments = [], selection = null, sets = "1.10" } = {}) {
  const log = { reads: [], activated: null, selected: null, written: null };
  const grid = {};
  for (const sheet of sheets) {
    grid[sheet.name] = {};
    sheet.rows.forEach((row, r) =>
      row.forEach((value, c) => {
        grid[sheet.name][`${sheet.origin[0] + r},${sheet.origin[1] + c}`] = { value, text: sheet.text && sheet.text[r] ? sheet.text[r][c] : String(value) };
      })
    );
  }
  const rangeAt = (name, rowIndex, columnIndex, rowCount, columnCount) => {
    const cells = (field) =>
      Array.from({ length: rowCount }, (_, r) =>
        Array.from({ length: columnCount }, (_, c) => {
          const cell = grid[name][`${rowIndex + r},${columnIndex + c}`];
          return cell ? cell[field] : "";
        })
      );
    const range = {
      rowIndex,
      columnIndex,
      rowCount,
      columnCount,
      load() {
        log.reads.push({ name, rowIndex, rowCount });
      },
      get text() {
        return cells("text");
      },
      get values() {
        return cells("value");
      },
      set values(rows) {
        log.written = { name, rowIndex, columnIndex, rows };
      },
      getCell: (r, c) => rangeAt(name, rowIndex + r, columnIndex + c, 1, 1),
      getResizedRange: (dr, dc) => rangeAt(name, rowIndex, columnIndex, rowCount + dr, columnCount + dc),
      worksheet: null,
    };
    return range;
  };
  const worksheetObjects = sheets.map((sheet) => {
    const worksheet = {
      name: sheet.name,
      load() {},
      getUsedRangeOrNullObject: () =>
        sheet.rows.length ? rangeAt(sheet.name, sheet.origin[0], sheet.origin[1], sheet.rows.length, Math.max(...sheet.rows.map((r) => r.length))) : { isNullObject: true, load() {} },
      getRangeByIndexes: (r, c, rows, columns) => rangeAt(sheet.name, r, c, rows, columns),
      getRange(address) {
        return {
          select() {
            log.selected = { sheet: sheet.name, address };
          },
        };
      },
      activate() {
        log.activated = sheet.name;
      },
    };
    return worksheet;
  });
  const mock = new OfficeMockObject({ context: { workbook: {} }, run: async function (callback) { return callback(this.context); } });
  Object.assign(mock.context.workbook, {
    worksheets: {
      items: worksheetObjects,
      load() {},
      getItemOrNullObject: (name) => worksheetObjects.find((w) => w.name === name) || { isNullObject: true },
    },
    getSelectedRange() {
      const range = rangeAt(selection.sheet, selection.row, selection.column, selection.rows, selection.columns);
      range.worksheet = worksheetObjects.find((w) => w.name === selection.sheet);
      return range;
    },
    comments: {
      items: comments.map((comment) => ({
        content: comment.content,
        getLocation: () => ({ address: `'${comment.sheet}'!${comment.cell}`, load() {} }),
      })),
      load() {},
    },
  });
  global.Excel = mock;
  global.Office = { context: { requirements: { isSetSupported: (name, version) => name === "ExcelApi" && Number(version) <= Number(sets) } } };
  return log;
}

/** An API client that answers like POST /api/v1/documents/table and records the requests. */
function fakeApi(answer) {
  const requests = [];
  return {
    requests,
    table: async (request) => {
      requests.push(request);
      return answer(request, requests.length - 1);
    },
  };
}

test("column letters and addresses", () => {
  assert.deepEqual([1, 26, 27, 52, 16384].map(table.columnLetters), ["A", "Z", "AA", "AZ", "XFD"]);
  assert.equal(table.cellAddress(6, 1), "B7");
});

test("a cell says what Excel shows, or its value when the column is too narrow", () => {
  assert.equal(table.cellText("1980/1/2", 29222), "1980/1/2");
  assert.equal(table.cellText("#####", 912345678), "912345678");
  assert.equal(table.cellText("", ""), "");
});

test("rows are cut into chunks under the limits, each later chunk repeating the head", () => {
  const rows = [["姓名", "電話"], ...Array.from({ length: 25 }, (_, i) => [`林${i}`, "0912345678"])];
  const chunks = table.planChunks("名冊", rows, { maxRows: 10, headRows: 2 });
  assert.deepEqual(chunks.map((c) => [c.headLength, c.start, c.end]), [[0, 0, 10], [2, 10, 20], [2, 20, 26]]);
  assert.deepEqual(table.chunkRows(chunks[1], rows)[0], ["姓名", "電話"]);
  assert.equal(table.chunkRows(chunks[1], rows)[2][0], "林9");
  const bySize = table.planChunks("名冊", rows, { maxChars: 100, headRows: 1 });
  assert.ok(bySize.length > 3 && bySize.every((c) => c.end > c.start));
  assert.deepEqual(table.planChunks("空", []), [{ sheet: "空", headLength: 0, start: 0, end: 0 }]);
});

test("a chunk's findings go back to their cells; findings in the repeated head are dropped", () => {
  const chunk = { sheet: "名冊", headLength: 2, start: 10, end: 20 };
  const inHead = { type: "PERSON", location: { sheet: "名冊", row: 2, column: 1, cell: "A2" } };
  const inRows = { type: "PERSON", location: { sheet: "名冊", row: 4, column: 2, cell: "B4" } };
  const sheetName = { type: "CLASSIFIED", location: { sheet: "名冊", part: "sheet_name" } };
  assert.equal(table.placeFinding(inHead, chunk, 3), null);
  assert.deepEqual(table.placeFinding(inRows, chunk, 3).location, { sheet: "名冊", row: 3 + 10 + 1 + 1, column: 2, cell: "B15", order: 0 });
  assert.equal(table.placeFinding(sheetName, chunk, 3), null);
  assert.equal(table.placeFinding(sheetName, { headLength: 0, start: 0, end: 9 }, 0).type, "CLASSIFIED");
});

test("chunks' answers: the strongest verdict, counts added up, findings in sheet and cell order", () => {
  const merged = table.mergeScans(
    [{ verdict: "redact", basis: { article: "第肆章第7條第2款" } }, { verdict: "block", basis: { article: "第肆章第7條第1款" } }],
    [
      { type: "PERSON", location: { row: 9, column: 1, order: 1 } },
      { type: "PHONE", location: { row: 2, column: 2, order: 0 } },
      { type: "CLASSIFIED", location: { part: "sheet_name", order: 1 } },
    ]
  );
  assert.equal(merged.verdict, "block");
  assert.equal(merged.basis.article, "第肆章第7條第1款");
  assert.deepEqual(merged.counts, { PERSON: 1, PHONE: 1, CLASSIFIED: 1 });
  assert.deepEqual(merged.findings.map((f) => [f.type, f.start]), [["PHONE", 0], ["CLASSIFIED", 1], ["PERSON", 2]]);
});

test("placeholders renumbered across chunks: one value one placeholder, two values never one", () => {
  const chunks = [{ headLength: 0 }, { headLength: 1 }];
  const merged = table.mergeRedactions(
    [
      { rows: [["姓名"], ["〔姓名1〕"], ["〔姓名2〕"]], placeholder_map: { "〔姓名1〕": "林美", "〔姓名2〕": "王小明" } },
      { rows: [["姓名"], ["〔姓名1〕"], ["〔姓名2〕"], ["〔姓名1〕 與 〔姓名3〕"]], placeholder_map: { "〔姓名1〕": "陳大同", "〔姓名2〕": "林美", "〔姓名3〕": "李四" } },
    ],
    chunks
  );
  assert.deepEqual(merged.rows, [["姓名"], ["〔姓名1〕"], ["〔姓名2〕"], ["〔姓名3〕"], ["〔姓名1〕"], ["〔姓名3〕 與 〔姓名4〕"]]);
  assert.deepEqual(merged.placeholder_map, { "〔姓名1〕": "林美", "〔姓名2〕": "王小明", "〔姓名3〕": "陳大同", "〔姓名4〕": "李四" });
  assert.equal(merged.text.split("\n").length, 6);
});

test("tab-separated answers become rows of equal width", () => {
  assert.deepEqual(table.parseTsv("a\tb\r\nc\n"), [["a", "b"], ["c", ""]]);
});

test("every sheet's used range is read in blocks, with comments, and scanned chunk by chunk", async () => {
  const roster = [["114年度補助名冊"], ["姓名", "電話"], ...Array.from({ length: 30 }, (_, i) => [`林${i}`, `09123456${String(i).padStart(2, "0")}`])];
  const log = workbook(
    [
      { name: "名冊", origin: [2, 1], rows: roster },
      { name: "空白", origin: [0, 0], rows: [] },
    ],
    { comments: [{ sheet: "名冊", cell: "C5", content: "聯絡人王小明 0912-345-678" }] }
  );
  const sheets = await excel.readWorkbook("all");
  assert.deepEqual(sheets.map((s) => [s.name, s.firstRow, s.firstColumn, s.rows.length]), [["名冊", 2, 1, 32], ["空白", 0, 0, 0]]);
  assert.deepEqual(sheets[0].notes, [{ cell: "C5", text: "聯絡人王小明 0912-345-678" }]);
  assert.equal(log.reads.filter((r) => r.name === "名冊" && r.rowCount === 32).length >= 1, true);
  const api = fakeApi((request) => ({
    verdict: "redact",
    findings: [
      ...(request.sheets[0].rows.length ? [{ type: "PERSON", text: request.sheets[0].rows.at(-1)[0], location: { sheet: "名冊", row: request.sheets[0].rows.length, column: 2, cell: "?" } }] : []),
      ...(request.sheets[1] ? [{ type: "PHONE", text: "0912-345-678", location: { sheet: request.sheets[1].name, row: 1, column: 1, cell: "A1" } }] : []),
    ],
  }));
  const progress = [];
  const result = await excel.scanSheets(api, sheets.map((s) => Object.assign({}, s, { rows: s.rows })), (done, total) => progress.push([done, total]));
  assert.equal(api.requests.length, 2); // one per sheet: the roster fits in one request, the empty sheet has its name
  assert.deepEqual(api.requests[0].sheets[0].origin, [0, 1]);
  assert.equal(api.requests[0].sheets[1].header_row, -1);
  assert.deepEqual(progress.at(-1), [2, 2]);
  const cells = result.findings.map((f) => f.location.cell);
  assert.ok(cells.includes("B34"), cells); // last roster row: worksheet rows 3–34; the server counts columns from the origin (B)
  assert.ok(result.findings.some((f) => f.location.note && f.location.cell === "C5"));
});

test("a large sheet goes in several requests with the head repeated, and findings keep their real rows", async () => {
  const rows = [["姓名", "電話"], ...Array.from({ length: 4999 }, (_, i) => [`林${i}`, "0912345678"])];
  workbook([{ name: "名冊", origin: [0, 0], rows }]);
  const sheets = await excel.readWorkbook("all");
  const api = fakeApi((request) => ({
    verdict: "redact",
    findings: [{ type: "PERSON", text: request.sheets[0].rows.at(-1)[0], location: { sheet: "名冊", row: request.sheets[0].rows.length, column: 1 } }],
  }));
  const result = await excel.scanSheets(api, sheets);
  assert.ok(api.requests.length >= 3);
  assert.deepEqual(api.requests[1].sheets[0].rows[0], ["姓名", "電話"]);
  const last = result.findings.at(-1);
  assert.equal(last.text, "林4998");
  assert.equal(last.location.cell, "A5000");
});

test("the selection is read with its place on the sheet", async () => {
  workbook([{ name: "名冊", origin: [0, 0], rows: [["姓名", "電話"], ["林美", "0912345678"], ["王小明", "0922333444"]] }], {
    selection: { sheet: "名冊", row: 1, column: 0, rows: 2, columns: 2 },
  });
  const [sheet] = await excel.readWorkbook("selection");
  assert.equal(sheet.name, "名冊");
  assert.equal(sheet.firstRow, 1);
  assert.deepEqual(sheet.rows, [["林美", "0912345678"], ["王小明", "0922333444"]]);
});

test("copy redacted: the selection as tab-separated text, one placeholder per value across chunks", async () => {
  workbook([{ name: "名冊", origin: [0, 0], rows: [["姓名"], ["林美"], ["林美"]] }], { selection: { sheet: "名冊", row: 0, column: 0, rows: 3, columns: 1 } });
  const adapter = excel.createExcelAdapter();
  const api = fakeApi((request) => ({
    rows: [request.sheets[0].rows.map((row) => row.map((cell) => (cell === "林美" ? "〔姓名1〕" : cell)))],
    placeholder_map: { "〔姓名1〕": "林美" },
    verdict: "redact",
  }));
  const copy = await adapter.redactForAI("placeholder", api);
  assert.equal(copy.text, "姓名\n〔姓名1〕\n〔姓名1〕");
  assert.deepEqual(copy.placeholder_map, { "〔姓名1〕": "林美" });
  assert.equal(api.requests[0].action, "redact");
  assert.equal(api.requests[0].mode, "placeholder");
});

test("one selected cell copies its sheet's used range", async () => {
  workbook([{ name: "名冊", origin: [0, 0], rows: [["姓名"], ["林美"]] }], { selection: { sheet: "名冊", row: 5, column: 5, rows: 1, columns: 1 } });
  const api = fakeApi((request) => ({ rows: [request.sheets[0].rows], placeholder_map: {}, verdict: "allow" }));
  const copy = await excel.createExcelAdapter().redactForAI("mask", api);
  assert.equal(copy.text, "姓名\n林美");
});

test("clicking a finding selects its cell on its sheet", async () => {
  const log = workbook([{ name: "名冊", origin: [0, 0], rows: [["a"]] }, { name: "附表", origin: [0, 0], rows: [["b"]] }]);
  const adapter = excel.createExcelAdapter();
  assert.equal(await adapter.selectFinding({ location: { sheet: "附表", cell: "C9" } }), true);
  assert.equal(log.activated, "附表");
  assert.deepEqual(log.selected, { sheet: "附表", address: "C9" });
  assert.equal(await adapter.selectFinding({ location: { sheet: "不存在", cell: "A1" } }), false);
  const t = (key, params) => key + (params ? JSON.stringify(params) : "");
  assert.equal(adapter.findingPlace({ location: { sheet: "附表", cell: "C9" } }, t), "附表!C9");
  assert.equal(adapter.findingPlace({ location: { sheet: "機密名冊", part: "sheet_name" } }, t), "placeSheetName 機密名冊");
});

test("a restored answer is written from the selected cell on, never over data", async () => {
  const log = workbook([{ name: "名冊", origin: [0, 0], rows: [["姓名"], ["林美"]] }], { selection: { sheet: "名冊", row: 0, column: 3, rows: 1, columns: 1 } });
  assert.equal(await excel.insertAtCursor("王小明\t0912345678\n林美\t0922333444"), true);
  assert.deepEqual(log.written, { name: "名冊", rowIndex: 0, columnIndex: 3, rows: [["王小明", "0912345678"], ["林美", "0922333444"]] });
  log.written = null;
  workbook([{ name: "名冊", origin: [0, 0], rows: [["姓名"], ["林美"]] }], { selection: { sheet: "名冊", row: 0, column: 0, rows: 1, columns: 1 } });
  assert.equal(await excel.insertAtCursor("王小明"), false);
});

test("comment addresses with quoted sheet names", () => {
  assert.deepEqual(excel.splitAddress("'名冊 (2)'!$B$7"), ["名冊 (2)", "B7"]);
  assert.deepEqual(excel.splitAddress("Sheet1!C3:D4"), ["Sheet1", "C3"]);
});
