// A stand-in for office.js, served in place of https://appsforoffice.microsoft.com/lib/1/hosted/office.js
// by the end-to-end tests. It plays Word (a document with a body, one section's headers and footers,
// search, ranges, highlight, selection, custom properties), Outlook (a message being composed, roaming
// settings, Smart Alerts' Office.actions), PowerPoint (slides of text shapes, tables and groups, slide, shape
// and text selection, text boxes, custom properties) or Excel (sheets of cells, comments, selection, writes). What the add-in did is kept in window.__officeState for the
// tests to read. The test sets window.__officeStandIn (host, language, document or message) beforehand.
(function () {
  "use strict";
  const config = window.__officeStandIn || { host: "Word" };
  const state = (window.__officeState = {
    highlights: {},
    selection: null,
    customProperties: {},
    roaming: Object.assign({}, config.roaming || {}),
    roamingSaved: 0,
    mailProperties: {},
    internetHeaders: {},
    dialogs: [],
  });
  window.__officeActions = {};

  const done = (callback, value) => setTimeout(() => callback && callback({ status: "succeeded", value }), 0);

  const Office = {
    HostType: { Word: "Word", Outlook: "Outlook", Excel: "Excel", PowerPoint: "PowerPoint" },
    AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
    CoercionType: { Text: "text", Html: "html" },
    EventType: { DialogMessageReceived: "dialogMessageReceived", DialogEventReceived: "dialogEventReceived" },
    MailboxEnums: { SendModeOverride: { PromptUser: "promptUser" } },
    context: {
      displayLanguage: config.displayLanguage || "zh-TW",
      requirements: {
        isSetSupported(name, version) {
          const supported = config.sets || { WordApi: "1.3", Mailbox: "1.14", NestedAppAuth: "0", PowerPointApi: "1.8", ExcelApi: "1.10" };
          if (!(name in supported)) return false;
          const have = supported[name].split(".").map(Number);
          const want = String(version || "1.1").split(".").map(Number);
          return have[0] > want[0] || (have[0] === want[0] && (have[1] || 0) >= (want[1] || 0));
        },
      },
      roamingSettings: {
        get: (key) => state.roaming[key],
        set: (key, value) => {
          state.roaming[key] = value;
        },
        remove: (key) => {
          delete state.roaming[key];
        },
        saveAsync: (callback) => {
          state.roamingSaved += 1;
          done(callback);
        },
      },
      ui: {
        displayDialogAsync(url, options, callback) {
          state.dialogs.push(url);
          setTimeout(() => callback({ status: "failed", error: { code: 12007, message: "no dialogs in the stand-in" } }), 0);
        },
      },
    },
    onReady(callback) {
      const info = { host: config.host, platform: "PC" };
      const ready = new Promise((resolve) => setTimeout(() => resolve(info), 0));
      if (callback) ready.then(callback);
      return ready;
    },
    actions: {
      associate(name, handler) {
        window.__officeActions[name] = handler;
      },
    },
  };
  window.Office = Office;

  // ---- Word ----------------------------------------------------------------------------------------
  if (config.host === "Word") {
    const doc = (state.document = {
      body: config.body || "",
      headers: config.headers || { Primary: "" },
      footers: config.footers || { Primary: "" },
      cursor: null,
    });
    doc.boxes = config.textBoxes || {};  // {"body": ["機密"], "header:Primary": [...]}: text boxes per part
    const partText = (part) => {
      if (part.startsWith("shape:")) {
        const cut = part.lastIndexOf(":");
        return (doc.boxes[part.slice(6, cut)] || [])[Number(part.slice(cut + 1))] || "";
      }
      if (part === "body") return doc.body;
      const [kind, type] = part.split(":");
      return (kind === "header" ? doc.headers : doc.footers)[type] || "";
    };
    const makeRange = (part, start, end) => {
      const key = `${part}:${start}:${end}`;
      return {
        text: partText(part).slice(start, end),
        font: {
          get highlightColor() {
            return state.highlights[key] ? state.highlights[key].color : null;
          },
          set highlightColor(color) {
            if (color) state.highlights[key] = { part, start, end, text: partText(part).slice(start, end), color };
            else delete state.highlights[key];
          },
        },
        load() {},
        select() {
          state.selection = { part, start, end, text: partText(part).slice(start, end) };
          if (part === "body") doc.cursor = end;
        },
      };
    };
    const searchable = (part) => ({
      get text() {
        return partText(part);
      },
      get shapes() {
        const items = (doc.boxes[part] || []).map((_, index) => ({ type: "TextBox", body: searchable(`shape:${part}:${index}`) }));
        return { items, load() {} };
      },
      load() {},
      search(needle, options) {
        if (needle.length > 255) throw new Error("SearchStringInvalidOrTooLong");
        const literal = needle.replace(/\^\^/g, "^");
        const text = partText(part);
        const items = [];
        const matchCase = options && options.matchCase;
        const haystack = matchCase ? text : text.toLowerCase();
        const wanted = matchCase ? literal : literal.toLowerCase();
        let at = wanted ? haystack.indexOf(wanted) : -1;
        while (at !== -1) {
          items.push(makeRange(part, at, at + wanted.length));
          at = haystack.indexOf(wanted, at + wanted.length);
        }
        return { items, load() {} };
      },
    });
    const body = Object.assign(searchable("body"), {
      insertParagraph(text, location) {
        const paragraph = { font: {} };
        if (location === "Start") doc.body = text + "\n" + doc.body;
        else doc.body = doc.body + "\n" + text;
        state.lastParagraph = { text, location, font: paragraph.font };
        return paragraph;
      },
    });
    const section = {
      getHeader: (type) => searchable(`header:${type}`),
      getFooter: (type) => searchable(`footer:${type}`),
    };
    const context = {
      document: {
        body,
        sections: { items: [section], load() {} },
        getSelection() {
          return {
            insertText(text, location) {
              const at = doc.cursor === null ? doc.body.length : doc.cursor;
              doc.body = doc.body.slice(0, at) + text + doc.body.slice(at);
              doc.cursor = at + text.length;
              state.lastInsert = { text, location };
            },
          };
        },
        properties: {
          customProperties: {
            add(key, value) {
              state.customProperties[key] = value;
            },
            load() {},
          },
        },
      },
      sync: () => new Promise((resolve) => setTimeout(resolve, 0)),
    };
    window.Word = {
      run: async (callback) => callback(context),
      HeaderFooterType: { primary: "Primary", firstPage: "FirstPage", evenPages: "EvenPages" },
      InsertLocation: { start: "Start", end: "End", replace: "Replace", before: "Before", after: "After" },
    };
  }

  // ---- Outlook -------------------------------------------------------------------------------------
  if (config.host === "Outlook") {
    const message = (state.message = {
      subject: config.subject || "",
      body: config.body || "",
      bodyType: config.bodyType || "html",
      to: config.to || [],
      cc: config.cc || [],
      bcc: config.bcc || [],
      prepended: [],
      atCursor: [],
    });
    const recipients = (field) => ({ getAsync: (callback) => done(callback, message[field]) });
    Office.context.mailbox = {
      item: {
        itemType: "message",
        subject: { getAsync: (callback) => done(callback, message.subject) },
        body: {
          getAsync(coercion, options, callback) {
            done(typeof options === "function" ? options : callback, message.body);
          },
          getTypeAsync: (callback) => done(callback, message.bodyType),
          prependAsync(data, options, callback) {
            message.prepended.push({ data, coercionType: options && options.coercionType });
            const text = options && options.coercionType === "html" ? data.replace(/<[^>]+>/g, "").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&") : data;
            message.body = text + "\n" + message.body;
            done(callback);
          },
          setSelectedDataAsync(data, options, callback) {
            message.atCursor.push(data);
            message.body = message.body + data;
            done(callback);
          },
        },
        to: recipients("to"),
        cc: recipients("cc"),
        bcc: recipients("bcc"),
        loadCustomPropertiesAsync: (callback) =>
          done(callback, {
            set: (key, value) => {
              state.mailProperties[key] = value;
            },
            saveAsync: (cb) => done(cb),
          }),
        internetHeaders: {
          setAsync(headers, callback) {
            Object.assign(state.internetHeaders, headers);
            done(callback);
          },
        },
      },
    };
  }
  // ---- PowerPoint ----------------------------------------------------------------------------------
  // config.slides: [[{id, type: "Placeholder"|"TextBox"|…, text} | {id, type: "Table", values} | {id, type: "Group", shapes}]]
  if (config.host === "PowerPoint") {
    const deck = (state.presentation = {
      slides: (config.slides || []).map((shapes, index) => ({ id: `${256 + index}#`, shapes })),
      selectedSlides: (config.selectedSlides || [0]).map((index) => `${256 + index}#`),
      selectedShapes: null,
      selectedText: null,
      boxes: [],
      properties: {},
      tags: {},
    });
    const collection = (items) => ({
      items,
      load() {},
      getItem(id) {
        const found = items.find((item) => item.id === id);
        if (!found) throw new Error("ItemNotFound");
        return found;
      },
      getItemOrNullObject(id) {
        return items.find((item) => item.id === id) || { isNullObject: true };
      },
    });
    const shapeObject = (slide, shape) => ({
      id: shape.id,
      name: shape.name || `Shape ${shape.id}`,
      type: shape.type,
      textFrame: {
        textRange: {
          get text() {
            if (!("text" in shape)) throw new Error("GeneralException: the shape has no text frame");
            return shape.text;
          },
          load() {},
          font: {},
          getSubstring(start, length) {
            return {
              text: shape.text.slice(start, start + length),
              load() {},
              setSelected() {
                deck.selectedText = { slide: slide.id, shape: shape.id, start, length, text: shape.text.slice(start, start + length) };
              },
            };
          },
        },
      },
      getTable() {
        if (shape.type !== "Table") throw new Error("InvalidArgument: not a table");
        return { values: shape.values, load() {} };
      },
      group: { shapes: collection((shape.shapes || []).map((inner) => shapeObject(slide, inner))) },
    });
    const slideObject = (slide) => {
      const shapes = collection(slide.shapes.map((shape) => shapeObject(slide, shape)));
      shapes.addTextBox = (text, options) => {
        const box = { id: `box${deck.boxes.length + 1}`, type: "TextBox", text, slide: slide.id, options, font: {} };
        deck.boxes.push(box);
        slide.shapes.push(box);
        const made = shapeObject(slide, box);
        made.textFrame.textRange.font = box.font;
        Object.defineProperty(made, "name", { set: (value) => (box.name = value), get: () => box.name });
        return made;
      };
      return {
        id: slide.id,
        shapes,
        setSelectedShapes(ids) {
          deck.selectedShapes = { slide: slide.id, ids };
        },
      };
    };
    const slides = () => collection(deck.slides.map(slideObject));
    const context = {
      presentation: {
        get slides() {
          return slides();
        },
        getSelectedSlides: () => collection(deck.slides.filter((slide) => deck.selectedSlides.includes(slide.id)).map(slideObject)),
        setSelectedSlides(ids) {
          deck.selectedSlides = ids;
        },
        properties: { customProperties: { add: (key, value) => (deck.properties[key] = value) } },
        tags: { add: (key, value) => (deck.tags[key] = value) },
      },
      sync: () => new Promise((resolve) => setTimeout(resolve, 0)),
    };
    window.PowerPoint = { run: async (callback) => callback(context) };
  }

  // ---- Excel ---------------------------------------------------------------------------------------
  // config.sheets: [{name, origin: [row, column], rows: [[value]], text?: [[shown]]}], config.comments:
  // [{sheet, cell, content}], config.selection: {sheet, row, column, rows, columns}
  if (config.host === "Excel") {
    const book = (state.workbook = { cells: {}, selected: null, activated: null, written: [], reads: 0 });
    const sheets = config.sheets || [];
    const key = (sheet, row, column) => `${sheet}!${row},${column}`;
    for (const sheet of sheets) {
      const origin = sheet.origin || [0, 0];
      sheet.rows.forEach((row, r) =>
        row.forEach((value, c) => {
          const shown = sheet.text && sheet.text[r] && sheet.text[r][c] !== undefined ? sheet.text[r][c] : String(value);
          book.cells[key(sheet.name, origin[0] + r, origin[1] + c)] = { value, text: shown };
        })
      );
    }
    const letters = (column) => {
      let out = "";
      for (let n = column + 1; n > 0; n = Math.floor((n - 1) / 26)) out = String.fromCharCode(65 + ((n - 1) % 26)) + out;
      return out;
    };
    const parseCell = (address) => {
      const match = /^([A-Z]+)(\d+)$/.exec(address.replace(/\$/g, ""));
      let column = 0;
      for (const ch of match[1]) column = column * 26 + (ch.charCodeAt(0) - 64);
      return [Number(match[2]) - 1, column - 1];
    };
    const rangeAt = (sheet, rowIndex, columnIndex, rowCount, columnCount) => {
      const cache = {};
      const grid = (field) =>
        (cache[field] = cache[field] || Array.from({ length: rowCount }, (_, r) =>
          Array.from({ length: columnCount }, (_, c) => {
            const cell = book.cells[key(sheet, rowIndex + r, columnIndex + c)];
            return cell ? cell[field] : "";
          })
        ));
      return {
        rowIndex,
        columnIndex,
        rowCount,
        columnCount,
        address: `'${sheet}'!${letters(columnIndex)}${rowIndex + 1}`,
        load() {
          book.reads += 1;
        },
        get text() {
          return grid("text");
        },
        get values() {
          return grid("value");
        },
        set values(rows) {
          rows.forEach((row, r) =>
            row.forEach((value, c) => {
              book.cells[key(sheet, rowIndex + r, columnIndex + c)] = { value, text: String(value) };
            })
          );
          book.written.push({ sheet, row: rowIndex, column: columnIndex, rows });
        },
        getCell: (r, c) => rangeAt(sheet, rowIndex + r, columnIndex + c, 1, 1),
        getResizedRange: (dr, dc) => rangeAt(sheet, rowIndex, columnIndex, rowCount + dr, columnCount + dc),
        select() {
          book.selected = { sheet, cell: `${letters(columnIndex)}${rowIndex + 1}` };
        },
      };
    };
    const worksheet = (sheet) => ({
      name: sheet.name,
      load() {},
      getUsedRangeOrNullObject() {
        const origin = sheet.origin || [0, 0];
        const width = Math.max(0, ...sheet.rows.map((row) => row.length));
        if (!sheet.rows.length || !width) return { isNullObject: true, load() {} };
        return rangeAt(sheet.name, origin[0], origin[1], sheet.rows.length, width);
      },
      getRangeByIndexes: (r, c, rows, columns) => rangeAt(sheet.name, r, c, rows, columns),
      getRange(address) {
        const [row, column] = parseCell(address);
        return rangeAt(sheet.name, row, column, 1, 1);
      },
      activate() {
        book.activated = sheet.name;
      },
    });
    const worksheets = sheets.map(worksheet);
    const context = {
      workbook: {
        worksheets: {
          items: worksheets,
          load() {},
          getItemOrNullObject: (name) => worksheets.find((w) => w.name === name) || { isNullObject: true },
        },
        getSelectedRange() {
          const selection = config.selection || { sheet: sheets[0].name, row: 0, column: 0, rows: 1, columns: 1 };
          const range = rangeAt(selection.sheet, selection.row, selection.column, selection.rows, selection.columns);
          range.worksheet = worksheets.find((w) => w.name === selection.sheet);
          return range;
        },
        comments: {
          items: (config.comments || []).map((comment) => ({
            content: comment.content,
            getLocation: () => ({ address: `'${comment.sheet}'!${comment.cell}`, load() {} }),
          })),
          load() {},
        },
      },
      sync: () => new Promise((resolve) => setTimeout(resolve, 0)),
    };
    window.Excel = { run: async (callback) => callback(context) };
  }
})();
