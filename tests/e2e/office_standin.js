// A stand-in for office.js, served in place of https://appsforoffice.microsoft.com/lib/1/hosted/office.js
// by the end-to-end tests. It plays Word (a document with a body, one section's headers and footers,
// search, ranges, highlight, selection, custom properties) or Outlook (a message being composed, roaming
// settings, Smart Alerts' Office.actions). What the add-in did is kept in window.__officeState for the
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
    HostType: { Word: "Word", Outlook: "Outlook", Excel: "Excel" },
    AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
    CoercionType: { Text: "text", Html: "html" },
    EventType: { DialogMessageReceived: "dialogMessageReceived", DialogEventReceived: "dialogEventReceived" },
    MailboxEnums: { SendModeOverride: { PromptUser: "promptUser" } },
    context: {
      displayLanguage: config.displayLanguage || "zh-TW",
      requirements: {
        isSetSupported(name, version) {
          const supported = config.sets || { WordApi: "1.3", Mailbox: "1.14", NestedAppAuth: "0" };
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
})();
