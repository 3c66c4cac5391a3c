/* What the browser keeps (HWC.rules.open in hwc-rules.js), over the site's storage on a
 * fake browser: migration of renamed and removed items, unreadable and newer storage,
 * saving, pages open at once, words typed before a rating, and refused storage. */
"use strict";

const test = require("node:test");
const assert = require("node:assert/strict");
const { load, items, fakeBrowser, fakeStore } = require("./helpers.js");

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
  assert.deepEqual(check.state, { storage_version: 1, pseudonym: "", tier: 1, ratings: {}, drafts: {}, aside: {} });
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
  assert.deepEqual(JSON.parse(store.kept.get(KEY)).ratings, { "PC-01": { level: 3 } });
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
    assert.equal(store.kept.has(KEY), false, "nothing is written until a save");
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
  assert.equal(check.change((state) => { state.ratings["PC-02"] = { level: 1 }; }, "Saved.").written, false);
  assert.equal(store.kept.get(KEY), text);
  assert.deepEqual([said, redrawn], [[], 0]);
});

test("a save writes the change, says so, and redraws the page", () => {
  const store = fakeStore();
  const { check, said } = opened(store);
  const redrawn = [];
  check.redraws.push((elsewhere) => redrawn.push(["progress", elsewhere]), (elsewhere) => redrawn.push(["summary", elsewhere]));
  check.change((state) => R.setLevel(state, "PC-05", 2), "Saved: PC-05.");
  assert.deepEqual(JSON.parse(store.kept.get(KEY)).ratings, { "PC-05": { level: 2, evidence: "none", note: "", next_step: "" } });
  assert.deepEqual(check.state.ratings, { "PC-05": { level: 2, evidence: "none", note: "", next_step: "" } });
  assert.deepEqual(said, ["Saved: PC-05."]);
  assert.deepEqual(redrawn, [["progress", false], ["summary", false]]);
  check.change((state) => R.setField(state, "PC-05", "note", "n"), "");
  assert.deepEqual(said, ["Saved: PC-05."], "an empty message says nothing");
});

test("two pages open at once keep each other's answers, and each shows the other's", () => {
  const browser = fakeBrowser();
  const professional = opened(browser.page()).check, communication = opened(browser.page()).check;
  const heard = [];
  professional.redraws.push((elsewhere) => heard.push(elsewhere));
  professional.change((state) => R.setLevel(state, "PC-01", 3), "");
  communication.change((state) => R.setLevel(state, "CE-01", 1), "");
  professional.change((state) => R.setField(state, "PC-01", "note", "Seen by my supervisor"), "");
  communication.change((state) => { state.pseudonym = "Kit"; }, "");
  const kept = JSON.parse(browser.kept.get(KEY));
  assert.deepEqual(Object.keys(kept.ratings).sort(), ["CE-01", "PC-01"]);
  assert.equal(kept.ratings["PC-01"].note, "Seen by my supervisor");
  assert.equal(kept.pseudonym, "Kit");
  assert.deepEqual(professional.state.ratings, kept.ratings, "the other page's save reached this page");
  assert.equal(professional.state.pseudonym, "Kit");
  assert.deepEqual(heard, [false, true, false, true]);
});

test("words typed before a rating are kept as a draft, become the rating's, and stay when it is cleared", () => {
  const store = fakeStore();
  const { check } = opened(store);
  check.change((state) => R.setField(state, "PC-02", "note", "Draft"), "");
  check.change((state) => R.setField(state, "PC-02", "evidence", "planned"), "");
  let kept = JSON.parse(store.kept.get(KEY));
  assert.deepEqual([kept.ratings, kept.drafts], [{}, { "PC-02": { note: "Draft", evidence: "planned" } }]);
  check.change((state) => R.setLevel(state, "PC-02", 3), "");
  kept = JSON.parse(store.kept.get(KEY));
  assert.deepEqual([kept.ratings, kept.drafts], [{ "PC-02": { level: 3, evidence: "planned", note: "Draft", next_step: "" } }, {}]);
  check.change((state) => R.setLevel(state, "PC-02", null), "");
  kept = JSON.parse(store.kept.get(KEY));
  assert.deepEqual([kept.ratings, kept.drafts], [{}, { "PC-02": { evidence: "planned", note: "Draft", next_step: "" } }]);
  check.change((state) => { R.setField(state, "PC-02", "note", ""); R.setField(state, "PC-02", "evidence", "none"); }, "");
  assert.deepEqual(JSON.parse(store.kept.get(KEY)).drafts, {}, "an empty draft goes");
});

test("changes since the answers were last saved to a file are counted", () => {
  const browser = fakeBrowser();
  const { check } = opened(browser.page());
  check.change((state) => { R.setLevel(state, "PC-01", 2); R.setLevel(state, "PC-02", 2); }, "");
  assert.equal(R.changesSinceFile(check.state), 2, "never saved to a file: every rated item");
  browser.tick(1000);
  check.change((state) => { state.file = { how: "saved", name: "my-self-assessment.json", at: 1 }; }, "");
  assert.equal(R.changesSinceFile(check.state), 0);
  browser.tick(1000);
  check.change((state) => { R.setLevel(state, "PC-01", 3); state.tier = 2; R.setField(state, "PC-09", "note", "a draft"); }, "");
  assert.equal(R.changesSinceFile(check.state), 2, "a rating and the tier; a draft is not in the file");
});

test("when the browser keeps nothing, the page still works and says so once", () => {
  const { check, said } = opened(fakeStore({}, true));
  assert.equal(check.refused, true);
  check.change((state) => R.setLevel(state, "PC-01", 2), "Saved.");
  check.change((state) => R.setLevel(state, "PC-02", 2), "Saved.");
  assert.deepEqual(Object.keys(check.state.ratings), ["PC-01", "PC-02"]);
  assert.deepEqual(said, ["Not saved: this browser is not letting the site keep data, so your answers last only while this page is open. " +
    "Save them to a file to keep them."]);
});
