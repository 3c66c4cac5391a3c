/* The site's storage (HWC.makeStore in hwc.js): saves from pages open at once merge, open
 * pages hear of each other's saves, and nothing throws or is lost when the browser refuses
 * storage, runs out of space, or holds something unreadable. */
"use strict";

const test = require("node:test");
const assert = require("node:assert/strict");
const { fakeBrowser, load } = require("./helpers.js");

const KEY = "hwc-list";

function stored(browser) {
  return JSON.parse(browser.kept.get(KEY));
}

function rate(id, level) {
  return (doc) => {
    doc = doc || { items: {} };
    doc.items[id] = { level };
    return doc;
  };
}

test("two pages saving different entries keep both, though each read the record before the other saved", () => {
  const browser = fakeBrowser();
  const professional = browser.page(), communication = browser.page();
  professional.update(KEY, rate("PC-01", 3));
  const readEarlier = communication.read(KEY); // what a page holds in memory, now out of date
  professional.update(KEY, rate("PC-02", 1));
  communication.update(KEY, rate("CE-01", 2));
  assert.deepEqual(stored(browser).items, { "PC-01": { level: 3 }, "PC-02": { level: 1 }, "CE-01": { level: 2 } });
  assert.deepEqual(Object.keys(readEarlier.items), ["PC-01"]);
});

test("each changed entry is stamped with the time, and the later change to an entry wins", () => {
  const browser = fakeBrowser();
  const one = browser.page(), two = browser.page();
  one.update(KEY, rate("PC-01", 3));
  const first = browser.now;
  browser.tick(1000);
  two.update(KEY, rate("PC-02", 1));
  browser.tick(1000);
  one.update(KEY, rate("PC-02", 4));
  const doc = stored(browser);
  assert.deepEqual(doc.items["PC-02"], { level: 4 });
  assert.deepEqual(doc.changed, { items: first, "items/PC-01": first, "items/PC-02": first + 2000 });
  browser.tick(1000);
  one.update(KEY, (d) => { delete d.items["PC-01"]; d.owner = "Kit"; });
  assert.deepEqual(stored(browser).changed, { items: first, "items/PC-01": first + 3000, "items/PC-02": first + 2000, owner: first + 3000 },
    "a deletion is stamped too, and a top-level field is one entry");
  assert.deepEqual(Object.keys(stored(browser).items), ["PC-02"]);
});

test("watchers hear this page's saves and other pages' saves, and can stop", () => {
  const browser = fakeBrowser();
  const one = browser.page(), two = browser.page();
  const heardOne = [], heardTwo = [];
  const stop = one.watch(KEY, (doc, elsewhere) => heardOne.push([Object.keys(doc.items), elsewhere]));
  two.watch(KEY, (doc, elsewhere) => heardTwo.push([Object.keys(doc.items), elsewhere]));
  one.watch("other-key", () => heardOne.push("wrong key"));
  one.update(KEY, rate("PC-01", 3));
  two.update(KEY, rate("PC-02", 1));
  assert.deepEqual(heardOne, [[["PC-01"], false], [["PC-01", "PC-02"], true]]);
  assert.deepEqual(heardTwo, [[["PC-01"], true], [["PC-01", "PC-02"], false]]);
  stop();
  two.update(KEY, rate("PC-03", 1));
  assert.equal(heardOne.length, 2);
});

test("storage cleared on another page reaches watchers as nothing stored", () => {
  const browser = fakeBrowser();
  const one = browser.page(), two = browser.page();
  one.update(KEY, rate("PC-01", 3));
  const heard = [];
  one.watch(KEY, (doc, elsewhere) => heard.push([doc, elsewhere]));
  two.remove(KEY);
  assert.deepEqual(heard, [[null, true]]);
});

test("mutate returning false writes nothing and tells no one", () => {
  const browser = fakeBrowser({ [KEY]: JSON.stringify({ items: {} }) });
  const page = browser.page();
  let heard = 0;
  page.watch(KEY, () => { heard += 1; });
  const result = page.update(KEY, () => false);
  assert.equal(result.written, false);
  assert.equal(browser.kept.get(KEY), JSON.stringify({ items: {} }));
  assert.equal(heard, 0);
});

test("a stored text that is not a JSON object is kept aside, never written over", () => {
  for (const text of ["{not json", "[1, 2]", "7"]) {
    const browser = fakeBrowser({ [KEY]: text });
    const page = browser.page();
    page.update(KEY, rate("PC-01", 2));
    assert.equal(browser.kept.get(`${KEY}:unreadable:${browser.now}`), text);
    assert.deepEqual(stored(browser).items, { "PC-01": { level: 2 } });
  }
});

test("when the browser refuses storage, nothing throws and the page keeps its values for the session", () => {
  const browser = fakeBrowser({}, { refuse: true });
  const page = browser.page();
  assert.equal(page.refused(), true);
  assert.equal(page.get(KEY), null);
  const heard = [];
  page.watch(KEY, (doc) => heard.push(Object.keys(doc.items)));
  const result = page.update(KEY, rate("PC-01", 2));
  assert.deepEqual([result.kept, result.written], [false, true]);
  assert.deepEqual(page.update(KEY, rate("PC-02", 3)).doc.items, { "PC-01": { level: 2 }, "PC-02": { level: 3 } });
  assert.deepEqual(page.read(KEY).items, { "PC-01": { level: 2 }, "PC-02": { level: 3 } });
  assert.deepEqual(heard, [["PC-01"], ["PC-01", "PC-02"]]);
  assert.equal(browser.kept.size, 0);
  page.remove(KEY);
  assert.equal(page.get(KEY), null);
  assert.equal(browser.asked, 0, "a browser that refuses storage is not asked to keep it");
});

test("a write that fails (no space left) is kept on the page and said to be not kept", () => {
  const browser = fakeBrowser({ [KEY]: JSON.stringify({ items: { "PC-01": { level: 1 } } }) }, { full: true });
  const page = browser.page();
  assert.equal(page.refused(), true, "a browser that cannot write at all counts as refusing");
  const result = page.update(KEY, rate("PC-02", 2));
  assert.equal(result.kept, false);
  assert.deepEqual(page.read(KEY).items, { "PC-01": { level: 1 }, "PC-02": { level: 2 } }, "what was stored is still read");
  assert.deepEqual(JSON.parse(browser.kept.get(KEY)).items, { "PC-01": { level: 1 } });
});

test("the first save that is kept asks the browser to keep the site's data, once", () => {
  const browser = fakeBrowser();
  const page = browser.page();
  page.read(KEY);
  assert.equal(browser.asked, 0, "reading asks nothing");
  page.update(KEY, rate("PC-01", 2));
  page.update(KEY, rate("PC-02", 2));
  assert.equal(browser.asked, 1);
});

test("the theme's stand-in for refused storage (hwc-theme.js) counts as refused", () => {
  const kept = {};
  const standIn = { hwcMemory: true, getItem: (k) => kept[k] ?? null, setItem: (k, v) => { kept[k] = v; }, removeItem: (k) => { delete kept[k]; } };
  const page = load("hwc.js").makeStore(() => standIn, {});
  assert.equal(page.refused(), true);
  assert.equal(page.update(KEY, rate("PC-01", 1)).kept, false);
  assert.deepEqual(kept, {}, "answers are not put where the theme keeps its setting");
});
