// PowerPoint glue against office-addin-mock: slides, text shapes, tables, groups, selection, notice, property.
const test = require("node:test");
const assert = require("node:assert/strict");
const { OfficeMockObject } = require("office-addin-mock");

const powerpoint = require("../../addin/taskpane/powerpoint.js");

/**
 * A deck: slides of shapes `{id, type, text}` or `{id, type: "Table", values}` or `{id, type: "Group", shapes}`.
 * Collections are plain objects with functions (office-addin-mock cannot mock collections).
 */
function deck(slides, { sets = "1.8", selected = [] } = {}) {
  const log = { selectedSlides: null, selectedShapes: null, selectedText: null, boxes: [], properties: {}, tags: {} };
  const textRange = (shape) => ({
    get text() {
      return shape.text;
    },
    load() {},
    font: {},
    getSubstring(start, length) {
      return {
        text: shape.text.slice(start, start + length),
        load() {},
        setSelected() {
          log.selectedText = { shapeId: shape.id, start, length, text: shape.text.slice(start, start + length) };
        },
      };
    },
  });
  const shapeObject = (shape) => ({
    id: shape.id,
    name: shape.name || shape.id,
    type: shape.type,
    textFrame: { textRange: textRange(shape) },
    getTable() {
      if (shape.type !== "Table") throw new Error("not a table");
      return { values: shape.values, load() {} };
    },
    group: { shapes: collection((shape.shapes || []).map(shapeObject)) },
  });
  function collection(items) {
    return {
      items,
      load() {},
      getItem(id) {
        const found = items.find((item) => item.id === id);
        if (!found) throw new Error("ItemNotFound");
        return found;
      },
    };
  }
  const slideObjects = slides.map((shapes, index) => {
    const shapeItems = collection(shapes.map(shapeObject));
    shapeItems.addTextBox = (text, options) => {
      const box = { text, options, slide: index, textFrame: { textRange: { font: {} } } };
      log.boxes.push(box);
      return box;
    };
    return {
      id: `${256 + index}#`,
      shapes: shapeItems,
      setSelectedShapes(ids) {
        log.selectedShapes = { slide: index, ids };
      },
    };
  });
  const slideCollection = collection(slideObjects);
  slideCollection.getItemOrNullObject = (id) => slideObjects.find((slide) => slide.id === id) || { isNullObject: true };
  const mock = new OfficeMockObject({
    context: { presentation: {} },
    run: async function (callback) {
      return callback(this.context);
    },
  });
  // Arrays seeded into a mock stop being arrays: the presentation is attached after construction.
  Object.assign(mock.context.presentation, {
        slides: slideCollection,
        getSelectedSlides: () => collection(selected.map((index) => slideObjects[index])),
        setSelectedSlides(ids) {
          log.selectedSlides = ids;
        },
        properties: { customProperties: { add: (key, value) => (log.properties[key] = value) } },
        tags: { add: (key, value) => (log.tags[key] = value) },
  });
  global.PowerPoint = mock;
  global.Office = {
    context: { requirements: { isSetSupported: (name, version) => name === "PowerPointApi" && Number(version) <= Number(sets) } },
  };
  return log;
}

const TITLE = { id: "2", type: "Placeholder", text: "114年度資安稽核結果" };

test("every slide's text shapes, tables and grouped shapes are read in slide order", async () => {
  deck([
    [TITLE, { id: "3", type: "Image" }, { id: "4", type: "TextBox", text: "承辦人王小明" }],
    [
      { id: "5", type: "Table", values: [["姓名", "電話"], ["林美", "0912345678"]] },
      { id: "6", type: "Group", shapes: [{ id: "7", type: "GeometricShape", text: "限閱" }] },
    ],
  ]);
  const read = await powerpoint.readDeck();
  assert.equal(read.text, "114年度資安稽核結果\n\n承辦人王小明\n\n姓名\t電話\n林美\t0912345678\n\n限閱");
  assert.deepEqual(
    read.segments.map((segment) => [segment.key, read.parts[segment.key].slide, read.parts[segment.key].kind]),
    [["slide0:2", 0, "text"], ["slide0:4", 0, "text"], ["slide1:5", 1, "table"], ["slide1:6/7", 1, "text"]]
  );
});

test("the same text on two slides is kept on both (a stamp on every slide is found on every slide)", async () => {
  deck([[{ id: "2", type: "TextBox", text: "限閱" }], [{ id: "2", type: "TextBox", text: "限閱" }]]);
  const read = await powerpoint.readDeck();
  assert.equal(read.segments.length, 2);
});

test("without PowerPointApi 1.8 tables and groups are left out, text shapes still read", async () => {
  deck([[TITLE, { id: "5", type: "Table", values: [["機密"]] }, { id: "6", type: "Group", shapes: [] }]], { sets: "1.5" });
  const read = await powerpoint.readDeck();
  assert.equal(read.text, TITLE.text);
});

test("clicking a finding selects its slide, its shape and its characters (after a non-BMP character)", async () => {
  const log = deck([[TITLE], [{ id: "9", type: "TextBox", text: "聯絡人林𡘙與王小明" }]]);
  const adapter = powerpoint.createPowerPointAdapter();
  const { text } = await adapter.readDraft();
  // Server offsets are code points: 𡘙 is one code point, two UTF-16 units.
  const codePoints = Array.from(text);
  const start = codePoints.indexOf("王");
  assert.equal(await adapter.selectFinding({ type: "PERSON", start, end: start + 3, text: "王小明" }), true);
  assert.deepEqual(log.selectedSlides, ["257#"]);
  assert.deepEqual(log.selectedShapes, { slide: 1, ids: ["9"] });
  assert.equal(log.selectedText.text, "王小明");
  assert.equal(adapter.findingPlace({ type: "PERSON", start, end: start + 3, text: "王小明" }, (key, p) => `${key}:${p.n}`), "placeSlide:2");
});

test("a finding in a table selects the table shape; one in a group selects the group", async () => {
  const log = deck([
    [{ id: "5", type: "Table", values: [["姓名"], ["林美"]] }],
    [{ id: "6", type: "Group", shapes: [{ id: "7", type: "TextBox", text: "機密" }] }],
  ]);
  const adapter = powerpoint.createPowerPointAdapter();
  const { text } = await adapter.readDraft();
  const name = text.indexOf("林美");
  assert.equal(await adapter.selectFinding({ type: "PERSON", start: name, end: name + 2, text: "林美" }), true);
  assert.deepEqual(log.selectedShapes, { slide: 0, ids: ["5"] });
  assert.equal(adapter.findingPlace({ start: name, end: name + 2 }, (key, p) => `${key}:${p.n}`), "placeSlideTable:1");
  const marking = text.indexOf("機密");
  assert.equal(await adapter.selectFinding({ type: "CLASSIFIED", start: marking, end: marking + 2, text: "機密" }), true);
  assert.deepEqual(log.selectedShapes, { slide: 1, ids: ["6"] });
  assert.equal(log.selectedText.text, "機密");
});

test("a finding whose text has changed since the check is reported, not selected wrongly", async () => {
  const shapes = [{ id: "9", type: "TextBox", text: "王小明" }];
  deck([shapes]);
  const adapter = powerpoint.createPowerPointAdapter();
  await adapter.readDraft();
  shapes[0].text = "李大華";
  assert.equal(await adapter.selectFinding({ type: "PERSON", start: 0, end: 3, text: "王小明" }), false);
});

test("copy redacted takes the selected slides, with the other slides as context", async () => {
  deck([[TITLE], [{ id: "4", type: "TextBox", text: "陳情人王小明" }], [{ id: "4", type: "TextBox", text: "王小明來電" }]], { selected: [2] });
  const adapter = powerpoint.createPowerPointAdapter({ scope: () => "selection" });
  assert.equal(await adapter.readTextForAI(), "王小明來電");
  assert.deepEqual(await adapter.readContextForAI(), [TITLE.text, "陳情人王小明"]);
  const whole = powerpoint.createPowerPointAdapter({ scope: () => "all" });
  assert.equal(await whole.readTextForAI(), `${TITLE.text}\n\n陳情人王小明\n\n王小明來電`);
  assert.deepEqual(await whole.readContextForAI(), []);
});

test("a restored answer goes in as a text box on the current slide", async () => {
  const log = deck([[TITLE], [TITLE]], { selected: [1] });
  await powerpoint.insertAtCursor("王小明您好");
  assert.equal(log.boxes.length, 1);
  assert.equal(log.boxes[0].slide, 1);
  assert.equal(log.boxes[0].text, "王小明您好");
});

test("the notice is a text box on the first slide; the deck is tagged AI-assisted", async () => {
  const log = deck([[TITLE], [TITLE]], { sets: "1.8", selected: [1] });
  await powerpoint.insertNotice("本簡報部分內容由生成式 AI 產出。", "top");
  assert.equal(log.boxes[0].slide, 0);
  assert.equal(log.boxes[0].options.top, 8);
  assert.equal(log.boxes[0].name, powerpoint.NOTICE_NAME);
  assert.equal(log.boxes[0].textFrame.textRange.font.italic, true);
  assert.deepEqual(log.properties, { AIAssisted: "true" });
  await powerpoint.insertNotice("聲明", "bottom");
  assert.ok(log.boxes[1].options.top > 400);
});

test("without custom properties (PowerPointApi 1.5) the deck gets a tag instead", async () => {
  const log = deck([[TITLE]], { sets: "1.5" });
  await powerpoint.insertNotice("聲明", "top");
  assert.deepEqual(log.properties, {});
  assert.deepEqual(log.tags, { AIASSISTED: "TRUE" });
});

test("a notice already in the deck is found, so it is not inserted twice", async () => {
  deck([[TITLE, { id: "8", type: "TextBox", text: "本簡報部分內容由生成式 AI 產出。" }]]);
  assert.equal(await powerpoint.hasNotice("本簡報部分內容由生成式AI產出。"), true);
  assert.equal(await powerpoint.hasNotice("另一段聲明"), false);
});

test("one shape the host cannot read does not hide the others", async () => {
  deck([[{ id: "2", type: "Placeholder", get text() { throw new Error("GeneralException"); } }, { id: "3", type: "TextBox", text: "機密" }]]);
  const read = await powerpoint.readDeck();
  assert.equal(read.text, "機密");
});
