// The add-in's HTML pages: office.js from Microsoft's CDN, nothing inline (the server's CSP forbids it),
// every local script and stylesheet present, app scripts deferred so they run after <body> exists.
// The task panes are checked as the server serves them: rendered from addin/taskpane/pane.jinja per host
// (server/addin_files.py render_pane, run with the project's Python: .venv, or AIGUARD_PYTHON).
const test = require("node:test");
const assert = require("node:assert/strict");
const fs = require("node:fs");
const path = require("node:path");
const { execFileSync } = require("node:child_process");

const REPO = path.join(__dirname, "..", "..");
const ADDIN = path.join(REPO, "addin");
const PYTHON = process.env.AIGUARD_PYTHON || path.join(REPO, ".venv", "bin", "python");
const OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
const TASK_PANES = ["taskpane/word.html", "taskpane/outlook.html", "taskpane/powerpoint.html", "taskpane/excel.html"];
const OFFICE_PAGES = [...TASK_PANES, "commands/onsend.html", "commands/commands.html", "auth/dialog.html"];
const VENDOR = new Set(["vendor/msal-browser.min.js", "vendor/msal-redirect-bridge.min.js"]); // copied by npm postinstall

/** @returns {Record<string, string>} page path -> HTML of every task pane, as the server renders it */
function renderedPanes() {
  const render = "import json, sys; from pathlib import Path; from server.addin_files import PANE_HOSTS, render_pane; "
    + "json.dump({f'taskpane/{h}.html': render_pane(Path(sys.argv[1]), h) for h in PANE_HOSTS}, sys.stdout)";
  return JSON.parse(execFileSync(PYTHON, ["-c", render, ADDIN], { cwd: REPO, encoding: "utf8" }));
}

const RENDERED = renderedPanes();

/** @param {string} dir @param {string} prefix @returns {string[]} the static .html files below ``dir`` */
function staticPages(dir = ADDIN, prefix = "") {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const relative = prefix + entry.name;
    if (entry.isDirectory()) return entry.name === "vendor" ? [] : staticPages(path.join(dir, entry.name), relative + "/");
    return entry.name.endsWith(".html") ? [relative] : [];
  });
}

/** @param {string} page @returns {string} */
function pageHtml(page) {
  return RENDERED[page] ?? fs.readFileSync(path.join(ADDIN, page), "utf8");
}

test("the server renders one task pane per host, and no static page stands in for one", () => {
  assert.deepEqual(Object.keys(RENDERED).sort(), [...TASK_PANES].sort());
  for (const page of TASK_PANES) assert.ok(!fs.existsSync(path.join(ADDIN, page)), `${page} is rendered, not a file`);
});

for (const page of [...staticPages(), ...TASK_PANES]) {
  test(`${page}: no inline script or style, local files exist`, () => {
    const html = pageHtml(page);
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
    const html = pageHtml(page);
    const scripts = Array.from(html.matchAll(/<script[^>]*src="([^"]+)"[^>]*>/g));
    assert.equal(scripts[0][1], OFFICE_JS);
    assert.doesNotMatch(scripts[0][0], /\b(defer|async)\b/, "office.js must load synchronously, first");
  });
}

test("task panes defer their own scripts", () => {
  for (const page of TASK_PANES) {
    const html = pageHtml(page);
    for (const [tag, src] of html.matchAll(/<script[^>]*src="([^"]+)"[^>]*>/g)) {
      if (src !== OFFICE_JS) assert.match(tag, /\bdefer\b/, `${page}: ${src}`);
    }
  }
});
