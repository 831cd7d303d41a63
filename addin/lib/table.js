// @ts-check
/**
 * Sheets of cells as the Excel pane sends them to POST /api/v1/documents/table: cell texts, requests cut
 * into chunks that fit the server's text limit, and the chunks' answers put back together.
 *
 * A chunk after the first repeats the sheet's head (its first rows, where the header row is), so the server
 * reads every chunk's columns by the same headers. Findings in a repeated head are dropped (the first chunk
 * reported them); the rest are moved back to their real rows. Placeholders are numbered per request by the
 * server, so a redacted copy made of several chunks is renumbered here: the same value keeps one
 * placeholder across the whole selection, different values never share one.
 *
 * Works as a browser script (attaches to `window.AIGuard`) and as a node module.
 */
/**
 * @typedef {Object} Chunk  One request's rows of one sheet.
 * @property {string} sheet
 * @property {number} headLength  rows repeated from the sheet's head before `start`
 * @property {number} start       first row of the chunk, 0-based within the sheet's rows
 * @property {number} end         one past its last row
 */

(function (root, factory) {
  const api = factory();
  if (typeof module === "object" && module.exports) {
    module.exports = api;
  } else {
    root.AIGuard = Object.assign(root.AIGuard || {}, api);
  }
})(/** @type {any} */ (typeof self !== "undefined" ? self : this), function () {
  /** Rows above a chunk that the server searches for the header row (nlp/table.py HEADER_SEARCH_ROWS). */
  const HEAD_ROWS = 10;
  /** Characters per request: well under the server's default AIGUARD_MAX_TEXT_CHARS (200,000). */
  const MAX_REQUEST_CHARS = 120000;
  /** Rows per request, whatever their size: keeps each answer quick and the progress bar moving. */
  const MAX_REQUEST_ROWS = 2000;
  const RANK = { allow: 0, redact: 1, block: 2 };

  /**
   * A 1-based column number in spreadsheet letters (1 → A, 27 → AA).
   * @param {number} column
   * @returns {string}
   */
  function columnLetters(column) {
    let letters = "";
    let rest = column;
    while (rest > 0) {
      const remainder = (rest - 1) % 26;
      letters = String.fromCharCode(65 + remainder) + letters;
      rest = Math.floor((rest - 1) / 26);
    }
    return letters;
  }

  /**
   * A1 address of a 0-based row and column.
   * @param {number} row
   * @param {number} column
   * @returns {string}
   */
  function cellAddress(row, column) {
    return columnLetters(column + 1) + String(row + 1);
  }

  /**
   * What a cell says: the text Excel shows (dates and leading zeros as formatted), or its value when the
   * column is too narrow and Excel shows ###.
   * @param {unknown} text   from `range.text`
   * @param {unknown} value  from `range.values`
   * @returns {string}
   */
  function cellText(text, value) {
    const shown = text === null || text === undefined ? "" : String(text);
    if (shown && !/^#+$/.test(shown)) return shown;
    if (value === null || value === undefined || value === "") return shown;
    return String(value);
  }


  /**
   * Cut a sheet's rows into chunks under the limits; every chunk after the first repeats the head.
   * @param {string} sheet
   * @param {string[][]} rows
   * @param {{maxChars?: number, maxRows?: number, headRows?: number}} [limits]
   * @returns {Chunk[]}
   */
  function planChunks(sheet, rows, limits) {
    const maxChars = (limits && limits.maxChars) || MAX_REQUEST_CHARS;
    const maxRows = (limits && limits.maxRows) || MAX_REQUEST_ROWS;
    const headRows = Math.min((limits && limits.headRows) || HEAD_ROWS, rows.length);
    const size = (/** @type {string[]} */ row) => row.reduce((sum, cell) => sum + cell.length + 1, 1);
    const headSize = rows.slice(0, headRows).reduce((sum, row) => sum + size(row), 0);
    /** @type {Chunk[]} */
    const chunks = [];
    let start = 0;
    while (start < rows.length || (start === 0 && chunks.length === 0)) {
      const headLength = start === 0 ? 0 : headRows;
      let used = sheet.length + 1 + (headLength ? headSize : 0);
      let end = start;
      while (end < rows.length && end - start < maxRows) {
        const next = size(rows[end]);
        if (end > start && used + next > maxChars) break;
        used += next;
        end += 1;
      }
      chunks.push({ sheet, headLength, start, end });
      if (end >= rows.length) break;
      start = end;
    }
    return chunks;
  }

  /**
   * The rows a chunk sends: the head (when repeated), then its own rows.
   * @param {Chunk} chunk
   * @param {string[][]} rows
   * @returns {string[][]}
   */
  function chunkRows(chunk, rows) {
    return [...rows.slice(0, chunk.headLength), ...rows.slice(chunk.start, chunk.end)];
  }

  /**
   * Move a finding of a chunk's answer back to its real row, or drop it (null) when it lies in a repeated
   * head. `location.row` from the server is 1-based within the rows sent (the request's origin row is 0).
   * @param {any} finding
   * @param {Chunk} chunk
   * @param {number} firstRow  the sheet's first row in the worksheet, 0-based (the used range's rowIndex)
   * @param {number} [order]    the sheet's place in the workbook, for sorting
   * @returns {any | null}
   */
  function placeFinding(finding, chunk, firstRow, order = 0) {
    const location = finding.location || {};
    if (typeof location.row !== "number") {
      return chunk.start === 0 ? Object.assign({}, finding, { location: Object.assign({}, location, { order }) }) : null;
    }
    const sent = location.row - 1;
    if (sent < chunk.headLength) return null;
    const row = firstRow + chunk.start + (sent - chunk.headLength);
    const column = location.column - 1;
    return Object.assign({}, finding, {
      location: { sheet: location.sheet, row: row + 1, column: column + 1, cell: cellAddress(row, column), order },
    });
  }

  /**
   * One scan result out of the chunks' answers: the strongest verdict (with its basis and messages),
   * counts added up, findings in sheet and cell order. A finding's start/end become its place in that order
   * (the offsets of separate requests cannot be compared).
   * @param {any[]} answers
   * @param {any[]} findings  already placed with {@link placeFinding}
   * @returns {any}
   */
  function mergeScans(answers, findings) {
    let strongest = answers[0];
    for (const answer of answers) {
      if ((RANK[/** @type {"allow"} */ (answer.verdict)] || 0) > (RANK[/** @type {"allow"} */ (strongest.verdict)] || 0)) strongest = answer;
    }
    /** @type {Record<string, number>} */
    const counts = {};
    for (const finding of findings) counts[finding.type] = (counts[finding.type] || 0) + 1;
    const ordered = findings.slice().sort(compareLocations).map((finding, index) => Object.assign({}, finding, { start: index, end: index }));
    return Object.assign({}, strongest, { findings: ordered, counts });
  }

  /** @param {any} a @param {any} b */
  function compareLocations(a, b) {
    const la = a.location || {};
    const lb = b.location || {};
    return (la.order || 0) - (lb.order || 0) || (la.part === "sheet_name" ? -1 : 0) - (lb.part === "sheet_name" ? -1 : 0) || (la.row || 0) - (lb.row || 0) || (la.column || 0) - (lb.column || 0);
  }

  /**
   * Split a placeholder such as 〔姓名12〕 into its label and number.
   * @param {string} placeholder
   * @returns {{prefix: string, number: number, suffix: string} | null}
   */
  function splitPlaceholder(placeholder) {
    const match = /^(.*?)(\d+)(\D*)$/.exec(placeholder);
    return match ? { prefix: match[1], number: Number(match[2]), suffix: match[3] } : null;
  }

  /**
   * Put the chunks of a redacted copy together: drop repeated heads, renumber placeholders so that one value
   * has one placeholder across every chunk and two values never share one.
   * @param {Array<{rows: string[][], placeholder_map?: {[placeholder: string]: string}}>} answers
   * @param {Chunk[]} chunks  in the same order
   * @returns {{rows: string[][], text: string, placeholder_map: {[placeholder: string]: string}}}
   */
  function mergeRedactions(answers, chunks) {
    /** @type {{[placeholder: string]: string}} */
    const merged = {};
    /** @type {Map<string, string>} */
    const byValue = new Map();
    /** @type {Map<string, number>} */
    const highest = new Map();
    /** @type {string[][]} */
    const rows = [];
    answers.forEach((answer, index) => {
      /** @type {Map<string, string>} */
      const rename = new Map();
      for (const [placeholder, value] of Object.entries(answer.placeholder_map || {})) {
        let target = byValue.get(value);
        if (!target) {
          target = placeholder;
          const parts = splitPlaceholder(placeholder);
          if (placeholder in merged && parts) {
            const key = parts.prefix + "\u0000" + parts.suffix;
            const next = Math.max(highest.get(key) || 0, parts.number) + 1;
            target = parts.prefix + next + parts.suffix;
          }
          byValue.set(value, target);
          merged[target] = value;
          const parts2 = splitPlaceholder(target);
          if (parts2) {
            const key = parts2.prefix + "\u0000" + parts2.suffix;
            highest.set(key, Math.max(highest.get(key) || 0, parts2.number));
          }
        }
        if (target !== placeholder) rename.set(placeholder, target);
      }
      const pattern = rename.size
        ? new RegExp(Array.from(rename.keys()).sort((a, b) => b.length - a.length).map(escapeRegExp).join("|"), "g")
        : null;
      for (const row of answer.rows.slice(chunks[index].headLength)) {
        rows.push(pattern ? row.map((cell) => cell.replace(pattern, (found) => /** @type {string} */ (rename.get(found)))) : row.slice());
      }
    });
    return { rows, text: rows.map((row) => row.join("\t")).join("\n"), placeholder_map: merged };
  }

  /** @param {string} text */
  function escapeRegExp(text) {
    return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  }

  /**
   * Tab-separated text (an AI's answer in table form) as rows of cells, all rows as wide as the widest.
   * @param {string} text
   * @returns {string[][]}
   */
  function parseTsv(text) {
    const lines = text.replace(/\r\n?/g, "\n").replace(/\n+$/, "").split("\n");
    const rows = lines.map((line) => line.split("\t"));
    const width = Math.max(...rows.map((row) => row.length));
    return rows.map((row) => row.concat(Array(width - row.length).fill("")));
  }

  return {
    HEAD_ROWS,
    MAX_REQUEST_CHARS,
    MAX_REQUEST_ROWS,
    columnLetters,
    cellAddress,
    cellText,
    planChunks,
    chunkRows,
    placeFinding,
    mergeScans,
    splitPlaceholder,
    mergeRedactions,
    parseTsv,
  };
});
