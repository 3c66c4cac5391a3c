/* What the browser keeps (HWC.rules.open in hwc-rules.js), over a fake
 * storage: migration of renamed and removed items, unreadable and newer
 * storage, and saving. */
"use strict";

const test = require("node:test");
const assert = require("node:assert/strict");
const { load, items, fakeStore } = require("./helpers.js");

const R = load("hwc-rules.js").rules;
const KEY = "hwc-selfcheck";
const NOW = 1767225600000;

function opened(store, list) {
  const said = [];
  const check = R.open(store, list || items(), (text) => said.push(text), NOW);
  return { check, said };
}

function stored(ratings, more) {
  return JSON.stringify({ storage_version: 1, pseudonym: "Kit", tier: 1, ratings, aside: {}, ...more });
}

test("nothing stored: a fresh start, and nothing written", () => {
  const store = fakeStore();
  const { check } = opened(store);
  assert.deepEqual(check.state, { storage_version: 1, pseudonym: "", tier: 1, ratings: {}, aside: {} });
  assert.equal(check.readOnly, false);
  assert.deepEqual(check.notices, []);
  assert.equal(store.kept.size, 0);
});

test("stored answers load as they were, and nothing is rewritten", () => {
  const text = stored({ "PC-01": { level: 3, evidence: "none", note: "", next_step: "" } });
  const store = fakeStore({ [KEY]: text });
  const { check } = opened(store);
  assert.equal(check.state.pseudonym, "Kit");
  assert.deepEqual(Object.keys(check.state.ratings), ["PC-01"]);
  assert.deepEqual(check.notices, []);
  assert.equal(store.kept.get(KEY), text);
});

test("answers for a removed item are kept aside, said once, and saved so", () => {
  const store = fakeStore({ [KEY]: stored({ "PC-01": { level: 3 }, "XX-99": { level: 2 } }) });
  const { check } = opened(store);
  assert.deepEqual(check.state.ratings, { "PC-01": { level: 3 } });
  assert.deepEqual(check.state.aside, { "XX-99": { level: 2 } });
  assert.deepEqual(check.notices, ["Answers for XX-99 are for items that are no longer in the framework. " +
    "They are kept aside, not deleted: see My self-assessment."]);
  assert.deepEqual(JSON.parse(store.kept.get(KEY)).aside, { "XX-99": { level: 2 } });
  assert.deepEqual(opened(store).check.notices, [], "the next visit has nothing new to say");
});

test("answers under a renamed ID move to the new ID", () => {
  const list = items();
  list.renamed = { "PC-91": "PC-01", "PC-92": "PC-02" };
  const store = fakeStore({ [KEY]: stored({ "PC-91": { level: 1 }, "PC-92": { level: 2 }, "PC-02": { level: 4 } }) });
  const { check } = opened(store, list);
  assert.deepEqual(check.state.ratings["PC-01"], { level: 1 }, "moved");
  assert.deepEqual(check.state.ratings["PC-02"], { level: 4 }, "an answer already under the new ID is kept");
  assert.deepEqual(check.state.aside, { "PC-92": { level: 2 } }, "and the old one kept aside, not lost");
});

test("unreadable storage is kept aside under another key, and a fresh start begins", () => {
  for (const text of ["{not json", "null", "[1]", JSON.stringify({ ratings: {} })]) {
    const store = fakeStore({ [KEY]: text });
    const { check } = opened(store);
    const aside = `${KEY}:unreadable:${NOW}`;
    assert.equal(store.kept.get(aside), text, text);
    assert.deepEqual(check.state.ratings, {});
    assert.deepEqual(JSON.parse(store.kept.get(KEY)).ratings, {});
    assert.deepEqual(check.notices, [`Your saved answers could not be read, so they were kept aside in this browser (${aside}) and you can start again.`]);
  }
});

test("answers saved by a newer version are shown but never changed", () => {
  const text = stored({ "PC-01": { level: 3 }, "XX-99": { level: 2 } }, { storage_version: 2 });
  const store = fakeStore({ [KEY]: text });
  const { check, said } = opened(store);
  assert.equal(check.readOnly, true);
  assert.equal(check.notices[0], "Your answers were saved by a newer version of this site. They are shown but will not be changed here.");
  assert.equal(check.notices.length, 2, "and the kept-aside answer is still reported");
  let redrawn = 0;
  check.redraws.push(() => { redrawn += 1; });
  check.state.ratings["PC-02"] = { level: 1 };
  check.save("Saved.");
  assert.equal(store.kept.get(KEY), text);
  assert.deepEqual([said, redrawn], [[], 0]);
});

test("a save writes the answers, says so, and redraws the page", () => {
  const store = fakeStore();
  const { check, said } = opened(store);
  const redrawn = [];
  check.redraws.push(() => redrawn.push("progress"), () => redrawn.push("summary"));
  check.state.ratings["PC-05"] = { level: 2, evidence: "none", note: "", next_step: "" };
  check.save("Saved: PC-05.");
  assert.deepEqual(JSON.parse(store.kept.get(KEY)).ratings, { "PC-05": { level: 2, evidence: "none", note: "", next_step: "" } });
  assert.deepEqual(said, ["Saved: PC-05."]);
  assert.deepEqual(redrawn, ["progress", "summary"]);
  check.save("");
  assert.deepEqual(said, ["Saved: PC-05."], "an empty message says nothing");
});

test("when the browser keeps nothing, a save says so", () => {
  const { check, said } = opened(fakeStore({}, true));
  check.save("Saved.");
  assert.deepEqual(said, ["Could not save: this browser is not letting the site keep data."]);
});
