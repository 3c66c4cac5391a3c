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

/* Storage with HWC.store's get, set and remove, over a Map the test can read;
 * with refuse, it keeps nothing, as a browser that blocks storage. */
function fakeStore(entries, refuse) {
  const kept = new Map(Object.entries(entries || {}));
  return {
    kept,
    get: (key) => (kept.has(key) ? kept.get(key) : null),
    set: (key, value) => {
      if (refuse) return false;
      kept.set(key, String(value));
      return true;
    },
    remove: (key) => { kept.delete(key); }
  };
}

module.exports = { fixtures, load, items, fakeStore };
