// The add-in's HTML pages: office.js from Microsoft's CDN, nothing inline (the server's CSP forbids it),
// every local script and stylesheet present, app scripts deferred so they run after <body> exists.
const test = require("node:test");
const assert = require("node:assert/strict");
const fs = require("node:fs");
const path = require("node:path");

const ADDIN = path.join(__dirname, "..", "..", "addin");
const OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
const OFFICE_PAGES = ["taskpane/word.html", "taskpane/outlook.html", "taskpane/powerpoint.html", "taskpane/excel.html", "commands/onsend.html", "commands/commands.html", "auth/dialog.html"];
const VENDOR = new Set(["vendor/msal-browser.min.js", "vendor/msal-redirect-bridge.min.js"]); // copied by npm postinstall

function pages(dir = ADDIN, prefix = "") {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const relative = prefix + entry.name;
    if (entry.isDirectory()) return entry.name === "vendor" ? [] : pages(path.join(dir, entry.name), relative + "/");
    return entry.name.endsWith(".html") ? [relative] : [];
  });
}

for (const page of pages()) {
  test(`${page}: no inline script or style, local files exist`, () => {
    const html = fs.readFileSync(path.join(ADDIN, page), "utf8");
    assert.doesNotMatch(html, /<script(?![^>]*\bsrc=)[^>]*>/, "inline <script>");
    assert.doesNotMatch(html, /\sstyle=/, "style attribute");
    assert.doesNotMatch(html, /<style/, "<style> element");
    assert.doesNotMatch(html, /\son[a-z]+=/, "inline event handler");
    for (const [, reference] of html.matchAll(/(?:src|href)="([^"]+)"/g)) {
      if (/^https?:/.test(reference)) {
        assert.equal(reference, OFFICE_JS, `only office.js may come from outside: ${reference}`);
        continue;
      }
      const target = path.normalize(path.join(path.dirname(page), reference.split("?")[0]));
      if (VENDOR.has(target)) continue;
      assert.ok(fs.existsSync(path.join(ADDIN, target)), `${page} refers to missing ${reference}`);
    }
  });
}

for (const page of OFFICE_PAGES) {
  test(`${page}: loads office.js from the CDN before the add-in's scripts`, () => {
    const html = fs.readFileSync(path.join(ADDIN, page), "utf8");
    const scripts = Array.from(html.matchAll(/<script[^>]*src="([^"]+)"[^>]*>/g));
    assert.equal(scripts[0][1], OFFICE_JS);
    assert.doesNotMatch(scripts[0][0], /\b(defer|async)\b/, "office.js must load synchronously, first");
  });
}

test("task panes defer their own scripts", () => {
  for (const page of ["taskpane/word.html", "taskpane/outlook.html", "taskpane/powerpoint.html", "taskpane/excel.html"]) {
    const html = fs.readFileSync(path.join(ADDIN, page), "utf8");
    for (const [tag, src] of html.matchAll(/<script[^>]*src="([^"]+)"[^>]*>/g)) {
      if (src !== OFFICE_JS) assert.match(tag, /\bdefer\b/, `${page}: ${src}`);
    }
  }
});
