// @ts-check
/* global Office, Excel */
/**
 * Excel glue of the task pane: read the used range of every sheet (or the selection) in blocks, with sheet
 * names and comments/notes; scan it header-aware through POST /api/v1/documents/table in chunks with a
 * progress bar; select a finding's cell; copy the selection redacted as tab-separated text (one placeholder
 * per value across the selection); write a restored answer from the selected cell on, never over data.
 *
 * APIs (checked against the ExcelApi d.ts): worksheets, getUsedRangeOrNullObject(valuesOnly) (1.4),
 * getRangeByIndexes (1.7, the manifest's minimum), getSelectedRange, Range.select/text/values (1.1),
 * workbook.comments + Comment.getLocation (1.10), workbook.notes + Note.getLocation (1.18). In node (tests)
 * the functions are exported and nothing starts.
 */
(function (root, factory) {
  const node = typeof module === "object" && module.exports;
  const lib = node ? Object.assign({}, require("../lib/table.js")) : /** @type {any} */ (root).AIGuard;
  const api = factory(lib);
  if (node) {
    module.exports = api;
  } else {
    Office.onReady((info) => {
      if (info.host === Office.HostType.Excel) {
        const scope = () => {
          const checked = /** @type {HTMLInputElement | null} */ (document.querySelector("input[name=scope]:checked"));
          return checked && checked.value === "selection" ? "selection" : "all";
        };
        /** @type {any} */ (root).AIGuard.startPane(api.createExcelAdapter({ scope }));
      }
    });
  }
})(/** @type {any} */ (typeof self !== "undefined" ? self : this), function (/** @type {typeof import("../lib/table.js")} */ tableLib) {
  /** Cells read from Excel per call: keeps each answer far below Excel's 5 MB payload limit. */
  const READ_CELLS = 20000;
  /** The name of the table that carries a sheet's comments and notes in a request (never a sheet's own). */
  const NOTES_TABLE = " (註解 comments)";

  /**
   * @typedef {Object} Sheet  What was read of one worksheet.
   * @property {string} name
   * @property {number} firstRow     0-based row of rows[0] in the worksheet
   * @property {number} firstColumn  0-based column of rows[i][0]
   * @property {string[][]} rows
   * @property {Array<{cell: string, text: string}>} notes  comments and notes on its cells
   * @property {number} order        its place in the workbook
   */

  /** @param {string} name @param {string} version */
  function supported(name, version) {
    return Boolean(Office.context && Office.context.requirements && Office.context.requirements.isSetSupported(name, version));
  }

  /**
   * Read the cells of a range in blocks of rows, reporting progress.
   * @param {any} context
   * @param {any} sheet       the worksheet object
   * @param {{rowIndex: number, columnIndex: number, rowCount: number, columnCount: number}} area
   * @param {(rows: number) => void} [progress]  rows read so far
   * @returns {Promise<string[][]>}
   */
  async function readCells(context, sheet, area, progress) {
    const step = Math.max(1, Math.floor(READ_CELLS / Math.max(area.columnCount, 1)));
    /** @type {string[][]} */
    const rows = [];
    for (let offset = 0; offset < area.rowCount; offset += step) {
      const count = Math.min(step, area.rowCount - offset);
      const block = sheet.getRangeByIndexes(area.rowIndex + offset, area.columnIndex, count, area.columnCount);
      block.load("text,values");
      await context.sync();
      const values = block.values;
      block.text.forEach((/** @type {unknown[]} */ row, /** @type {number} */ r) => {
        rows.push(row.map((text, c) => tableLib.cellText(text, values[r][c])));
      });
      if (progress) progress(rows.length);
    }
    return rows;
  }

  /**
   * Comments (ExcelApi 1.10) and notes (1.18) of the workbook, by sheet name; [] where the host has neither.
   * @param {any} context
   * @returns {Promise<Record<string, Array<{cell: string, text: string}>>>}
   */
  async function readNotes(context) {
    /** @type {Array<{collection: any}>} */
    const sources = [];
    if (supported("ExcelApi", "1.10") && context.workbook.comments) sources.push({ collection: context.workbook.comments });
    if (supported("ExcelApi", "1.18") && context.workbook.notes) sources.push({ collection: context.workbook.notes });
    /** @type {Record<string, Array<{cell: string, text: string}>>} */
    const bySheet = {};
    if (!sources.length) return bySheet;
    for (const source of sources) source.collection.load("items/content");
    await context.sync();
    const located = [];
    for (const source of sources) {
      for (const item of source.collection.items) {
        const where = item.getLocation();
        where.load("address");
        located.push({ item, where });
      }
    }
    await context.sync();
    for (const { item, where } of located) {
      if (!item.content || !String(item.content).trim()) continue;
      const [sheetPart, cellPart] = splitAddress(where.address);
      (bySheet[sheetPart] = bySheet[sheetPart] || []).push({ cell: cellPart, text: String(item.content) });
    }
    return bySheet;
  }

  /**
   * "'名冊 (2)'!B7" → ["名冊 (2)", "B7"].
   * @param {string} address
   * @returns {[string, string]}
   */
  function splitAddress(address) {
    const cut = address.lastIndexOf("!");
    let sheet = cut === -1 ? "" : address.slice(0, cut);
    if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
    return [sheet, address.slice(cut + 1).split(":")[0].replace(/\$/g, "")];
  }

  /**
   * Read the workbook: every sheet's used range (values only) or the selection, with comments and notes.
   * @param {"all" | "selection"} scope
   * @param {(done: number, total: number) => void} [progress]  rows read of all rows
   * @returns {Promise<Sheet[]>}
   */
  async function readWorkbook(scope, progress) {
    return Excel.run(async (context) => {
      /** @type {Array<{name: string, sheet: any, area: any, order: number}>} */
      const areas = [];
      const worksheets = context.workbook.worksheets;
      worksheets.load("items/name");
      await context.sync();
      if (scope === "selection") {
        const selected = context.workbook.getSelectedRange();
        selected.load("rowIndex,columnIndex,rowCount,columnCount");
        const owner = selected.worksheet;
        owner.load("name");
        await context.sync();
        const order = worksheets.items.findIndex((/** @type {any} */ sheet) => sheet.name === owner.name);
        areas.push({ name: owner.name, sheet: owner, area: selected, order });
      } else {
        const used = worksheets.items.map((/** @type {any} */ sheet) => {
          const range = sheet.getUsedRangeOrNullObject(true);
          range.load("rowIndex,columnIndex,rowCount,columnCount");
          return { sheet, range };
        });
        await context.sync();
        used.forEach(({ sheet, range }, order) => {
          areas.push({ name: sheet.name, sheet, area: range.isNullObject ? null : range, order });
        });
      }
      const notes = await readNotes(context);
      const total = areas.reduce((sum, entry) => sum + (entry.area ? entry.area.rowCount : 0), 0);
      let before = 0;
      /** @type {Sheet[]} */
      const sheets = [];
      for (const entry of areas) {
        const rows = entry.area ? await readCells(context, entry.sheet, entry.area, (n) => progress && progress(before + n, total)) : [];
        before += entry.area ? entry.area.rowCount : 0;
        sheets.push({
          name: entry.name,
          firstRow: entry.area ? entry.area.rowIndex : 0,
          firstColumn: entry.area ? entry.area.columnIndex : 0,
          rows,
          notes: notes[entry.name] || [],
          order: entry.order,
        });
      }
      return sheets;
    });
  }

  /**
   * The requests a list of sheets needs: each sheet cut into chunks; comments and notes ride with the
   * sheet's first chunk as a second table without a header row.
   * @param {Sheet[]} sheets
   * @returns {Array<{sheet: Sheet, chunk: import("../lib/table.js").Chunk, request: any[]}>}
   */
  function planRequests(sheets) {
    const plan = [];
    for (const sheet of sheets) {
      for (const chunk of tableLib.planChunks(sheet.name, sheet.rows)) {
        /** @type {Array<{name: string, rows: string[][], origin: number[], header_row?: number}>} */
        const tables = [{ name: sheet.name, rows: tableLib.chunkRows(chunk, sheet.rows), origin: [0, sheet.firstColumn] }];
        if (chunk.start === 0 && sheet.notes.length) {
          tables.push({ name: sheet.name + NOTES_TABLE, rows: sheet.notes.map((note) => [note.text]), origin: [0, 0], header_row: -1 });
        }
        plan.push({ sheet, chunk, request: tables });
      }
    }
    return plan;
  }

  /**
   * Scan sheets header-aware, chunk by chunk, and merge the answers into one scan result.
   * @param {any} api  the pane's API client (lib/api.js)
   * @param {Sheet[]} sheets
   * @param {(done: number, total: number) => void} [progress]  requests answered of all requests
   * @returns {Promise<any | null>}  null when no sheet has any text
   */
  async function scanSheets(api, sheets, progress) {
    if (!sheets.some((sheet) => sheet.name.trim() || sheet.rows.some((row) => row.some((cell) => cell.trim())))) return null;
    const plan = planRequests(sheets);
    const answers = [];
    const findings = [];
    for (const [index, step] of plan.entries()) {
      const answer = await api.table({ sheets: step.request, action: "scan", channel: "excel" });
      answers.push(answer);
      for (const finding of answer.findings || []) {
        const inNotes = placeNoteFinding(finding, step);
        const placed = inNotes === undefined ? tableLib.placeFinding(finding, step.chunk, step.sheet.firstRow, step.sheet.order) : inNotes;
        if (placed) findings.push(placed);
      }
      if (progress) progress(index + 1, plan.length);
    }
    return tableLib.mergeScans(answers, findings);
  }

  /**
   * A finding in the comments table of a request: placed on the commented cell. Its name line repeats the
   * sheet's name, so a finding there is dropped (the sheet's own name line reports it).
   * @param {any} finding
   * @param {{sheet: Sheet, chunk: any, request: any[]}} step
   * @returns {any | null | undefined}  undefined when the finding is not in the comments table
   */
  function placeNoteFinding(finding, step) {
    const location = finding.location || {};
    if (step.request.length < 2 || location.sheet !== step.request[1].name) return undefined;
    const note = typeof location.row === "number" ? step.sheet.notes[location.row - 1] : null;
    if (!note) return null;
    return Object.assign({}, finding, { location: { sheet: step.sheet.name, cell: note.cell, note: true, order: step.sheet.order } });
  }

  /**
   * Redact sheets chunk by chunk and put the copy together (one placeholder per value across the chunks).
   * A marking anywhere makes the server refuse (422 blocked), and nothing is copied.
   * @param {any} api
   * @param {Sheet[]} sheets
   * @param {"mask" | "placeholder"} mode
   * @returns {Promise<{text: string, placeholder_map: {[placeholder: string]: string}}>}
   */
  async function redactSheets(api, sheets, mode) {
    const texts = [];
    /** @type {Array<{rows: string[][], placeholder_map?: any}>} */
    const answers = [];
    const chunks = [];
    for (const sheet of sheets) {
      for (const chunk of tableLib.planChunks(sheet.name, sheet.rows)) {
        const rows = tableLib.chunkRows(chunk, sheet.rows);
        const answer = await api.table({ sheets: [{ name: sheet.name, rows, origin: [0, sheet.firstColumn] }], action: "redact", mode, channel: "excel" });
        answers.push({ rows: answer.rows[0], placeholder_map: answer.placeholder_map });
        chunks.push(chunk);
      }
    }
    const merged = tableLib.mergeRedactions(answers, chunks);
    texts.push(merged.text);
    return { text: texts.join("\n\n"), placeholder_map: merged.placeholder_map };
  }

  /**
   * Select a finding's cell (or activate its sheet, for a finding in the sheet name).
   * @param {any} finding
   * @returns {Promise<boolean>}
   */
  async function selectFinding(finding) {
    const location = finding.location || {};
    if (!location.sheet) return false;
    return Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItemOrNullObject(location.sheet);
      await context.sync();
      if (sheet.isNullObject) return false;
      sheet.activate();
      if (location.cell) sheet.getRange(location.cell).select();
      await context.sync();
      return true;
    });
  }

  /**
   * Write a restored answer from the selected cell on: one line a row, tabs between cells. Nothing is
   * overwritten: when any target cell holds something, returns false and changes nothing.
   * @param {string} text
   * @returns {Promise<boolean>}
   */
  async function insertAtCursor(text) {
    const rows = tableLib.parseTsv(text);
    return Excel.run(async (context) => {
      const anchor = context.workbook.getSelectedRange().getCell(0, 0);
      const target = anchor.getResizedRange(rows.length - 1, rows[0].length - 1);
      target.load("values");
      await context.sync();
      const occupied = target.values.some((/** @type {unknown[]} */ row) => row.some((value) => value !== "" && value !== null));
      if (occupied) return false;
      target.values = rows;
      await context.sync();
      return true;
    });
  }

  /**
   * The adapter the shared pane (pane.js) drives.
   * @param {{scope?: () => "all" | "selection"}} [options]
   */
  function createExcelAdapter(options) {
    const scope = (options && options.scope) || (() => /** @type {"all"} */ ("all"));
    return {
      channel: /** @type {"excel"} */ ("excel"),
      words: { scanHint: "scanHintExcel", findingsHint: "findingsHintCells", restored: "restoredCells" },
      /**
       * @param {any} api
       * @param {(key: string, done: number, total: number) => void} progress
       */
      async scan(api, progress) {
        const sheets = await readWorkbook(scope(), (done, total) => progress("readingProgress", done, total));
        return scanSheets(api, sheets, (done, total) => progress("scanningProgress", done, total));
      },
      /**
       * The selection (or, when one cell is selected, its sheet's used range), redacted.
       * @param {"mask" | "placeholder"} mode
       * @param {any} api
       */
      async redactForAI(mode, api) {
        let sheets = await readWorkbook("selection");
        if (sheets.length === 1 && sheets[0].rows.length <= 1 && (sheets[0].rows[0] || []).length <= 1) {
          const name = sheets[0].name;
          sheets = (await readWorkbook("all")).filter((sheet) => sheet.name === name);
        }
        return redactSheets(api, sheets.map((sheet) => Object.assign({}, sheet, { notes: [] })), mode);
      },
      async readDraft() {
        return { text: "" };
      },
      async readTextForAI() {
        return "";
      },
      insertAtCursor,
      selectFinding,
      /**
       * @param {any} finding
       * @param {(key: string, params?: Record<string, string | number>) => string} t
       */
      findingPlace(finding, t) {
        const location = finding.location || {};
        if (location.part === "sheet_name") return t("placeSheetName") + " " + location.sheet;
        if (location.note) return location.sheet + "!" + t("placeComment", { cell: location.cell });
        return location.cell ? location.sheet + "!" + location.cell : "";
      },
    };
  }

  return { READ_CELLS, NOTES_TABLE, readWorkbook, readNotes, splitAddress, planRequests, scanSheets, redactSheets, selectFinding, insertAtCursor, createExcelAdapter };
});
