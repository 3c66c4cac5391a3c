/* Shared by the Node tests: the fixtures the Python package made, and the
 * browser's own scripts loaded into this process.
 *
 * The fixtures come from the file HWC_JS_FIXTURES names (tests/test_js.py sets
 * it); without it they are made by running fixtures.py with HWC_PYTHON, or
 * else the project's .venv. The scripts are classic browser scripts: loading
 * one runs it, and it hangs its functions on globalThis.HWC.
 */
"use strict";

const fs = require("node:fs");
const path = require("node:path");
const { execFileSync } = require("node:child_process");

function readFixtures() {
  if (process.env.HWC_JS_FIXTURES) return JSON.parse(fs.readFileSync(process.env.HWC_JS_FIXTURES, "utf8"));
  const python = process.env.HWC_PYTHON || path.join(__dirname, "..", "..", ".venv", "bin", "python");
  const out = execFileSync(python, [path.join(__dirname, "fixtures.py")], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  return JSON.parse(out);
}

const fixtures = readFixtures();

function load(script) {
  require(path.join(fixtures.static, script));
  return globalThis.HWC;
}

/* A copy of the item list, so a test may change it (e.g. rename an item). */
function items() {
  return JSON.parse(JSON.stringify(fixtures.items));
}

/* A browser's site storage shared by the pages a test opens on it: page() gives one page's
 * storage, HWC.makeStore (hwc.js) over a Map the test can read (kept). A save on one page
 * reaches the others as a "storage" event, as in a browser. With refuse, the browser refuses
 * storage (as when site data is blocked); with full, every write fails (no space left). Time
 * stands still unless the test moves it on with tick(ms); asked counts requests to persist. */
function fakeBrowser(entries, { refuse = false, full = false } = {}) {
  const kept = new Map(Object.entries(entries || {}));
  const pages = [];
  const browser = { kept, now: 1767225600000, asked: 0, tick: (ms) => { browser.now += ms; } };
  function told(from, key) {
    for (const events of pages) {
      if (events === from) continue;
      const event = new Event("storage");
      event.key = key;
      events.dispatchEvent(event);
    }
  }
  browser.page = () => {
    const events = new EventTarget();
    pages.push(events);
    const local = {
      getItem: (key) => (kept.has(key) ? kept.get(key) : null),
      setItem: (key, value) => {
        if (full) throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
        kept.set(key, String(value));
        told(events, key);
      },
      removeItem: (key) => { kept.delete(key); told(events, key); }
    };
    const store = load("hwc.js").makeStore(() => {
      if (refuse) throw new DOMException("Access is denied for this document.", "SecurityError");
      return local;
    }, { events, now: () => browser.now, persist: () => { browser.asked += 1; return Promise.resolve(true); } });
    store.kept = kept;
    return store;
  };
  return browser;
}

/* One page's storage on a browser of its own (see fakeBrowser). */
function fakeStore(entries, refuse) {
  return fakeBrowser(entries, { refuse }).page();
}

module.exports = { fixtures, load, items, fakeBrowser, fakeStore };
