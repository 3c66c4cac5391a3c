/* My portfolio's files and storage (hwc-portfolio-store.js): the same files accepted and
 * refused as the package (tests/corpus/portfolio/files.json, csv.json), and saves from
 * several tabs merged entry by entry. */
"use strict";

const test = require("node:test");
const assert = require("node:assert/strict");
const fs = require("node:fs");
const path = require("node:path");
const { fixtures, load, items, fakeStore } = require("./helpers.js");

load("hwc-rules.js");
load("hwc-portfolio-rules.js");
const S = load("hwc-portfolio-store.js").portfolioStore;
const P = globalThis.HWC.portfolioRules;
const pd = fixtures.portfolio;
const corpus = (name) => JSON.parse(fs.readFileSync(path.join(fixtures.corpus, name), "utf8")).cases;
// Where the package passes on pydantic's words (the shape of the file) or the self-assessment
// reader's, the site says the same thing in its own words; everywhere else, word for word.
const PYDANTIC = new RegExp("^(Input should|String should|Datetimes provided|is missing|is not a known field" +
  // ... and the same findings as the package now words them (hwc_selfcheck/core/errors.py, plain_message)
  "|is empty; fill it in|is \\d+ characters? long; the most is|.* should be text, in quotes|.* is not allowed; use " +
  "|.* is not a date|.* is not a whole number; write it|.* is not a number; write it|.* is too (big|small); it must be" +
  "|.* should be true or false|.* should be a group of fields|.* should be a list in square brackets)");

test("portfolio files: the same accepted and refused as the package, with the same words for a bad entry", () => {
  for (const c of corpus("files.json")) {
    const [held, problem] = S.checkFile(c.text, items(), pd, c.today);
    assert.equal(problem === null, c.accepted, `${c.name}: ${JSON.stringify(problem)}`);
    if (c.accepted || c.where === undefined) continue;
    const exact = c.where === null || !(c.where.startsWith("field ") && PYDANTIC.test(c.problem)) && !c.where.startsWith("assessment");
    if (exact) assert.deepEqual(problem, { where: c.where, problem: c.problem }, c.name);
    else assert.ok(problem.where.split(",")[0].startsWith(c.where.split(/[.,]/)[0]), `${c.name}: ${problem.where} for ${c.where}`);
    assert.equal(held, null);
  }
});

test("Sam's example file is read in full", () => {
  const [held] = S.checkFile(JSON.stringify(fixtures.example), items(), pd, "2026-06-01");
  assert.equal(held.pseudonym, "Sam (example)");
  assert.deepEqual(Object.fromEntries(S.LISTS.map((n) => [n, held.read[n].length])),
    Object.fromEntries(S.LISTS.map((n) => [n, fixtures.example[n].length])));
  assert.equal(Object.keys(held.assessment.ratings).length, Object.keys(fixtures.example.assessment.ratings).length);
});

test("CSV files: read and refused as the package reads them, row and column named", () => {
  for (const c of corpus("csv.json")) {
    const [entries, problem] = S.readCsv(c.text, pd, c.list, c.today);
    if (c.accepted) {
      assert.equal(problem, null, `${JSON.stringify(c.text)}: ${JSON.stringify(problem)}`);
      const read = entries.map((cells, n) => {
        const entry = P.readList(pd, c.list, [cells], c.today)[0];
        delete entry.row;
        return Object.fromEntries(Object.entries(entry).map(([k, v]) => [k, v && v.d !== undefined ? P.hoursText(v) : v]));
      });
      assert.deepEqual(read, c.entries, JSON.stringify(c.text));
    } else {
      assert.deepEqual(problem, { where: c.where, problem: c.problem }, JSON.stringify(c.text));
    }
  }
});

test("a list written as CSV reads back the same", () => {
  const entries = [{ date: "2026-03-02", hours: "1.5", setting: "Hub, north", nhs: "yes", supervised: "no", note: "a \"quoted\"\nnote" }];
  const [back, problem] = S.readCsv(S.writeCsv(pd, "hours", entries), pd, "hours", "2026-06-01");
  assert.equal(problem, null);
  assert.deepEqual(back, entries);
});

function state(change) {
  const s = S.fresh();
  change(s);
  return s;
}

test("two tabs' saves merge entry by entry, the latest change winning, deletions kept", () => {
  const base = state((s) => { S.addEntry(s, "hours", { date: "2026-03-02", hours: "1" }, 1000); });
  const id = base.lists.hours[0].id;
  const tabA = JSON.parse(JSON.stringify(base)), tabB = JSON.parse(JSON.stringify(base));
  S.editEntry(tabA, "hours", id, { date: "2026-03-02", hours: "2" }, 2000);
  S.addEntry(tabB, "supervision", { date: "2026-03-03", kind: "clinical" }, 1500);
  S.setSetting(tabB, "fte", "0.6", 1500);
  const merged = S.merge(tabA, tabB);
  assert.equal(S.live(merged, "hours")[0].cells.hours, "2");
  assert.equal(S.live(merged, "supervision").length, 1);
  assert.equal(S.setting(merged, "fte"), "0.6");
  assert.deepEqual(S.merge(tabB, tabA), merged, "the same whichever tab saves last");
  S.deleteEntry(tabB, "hours", id, 3000);
  assert.deepEqual(S.live(S.merge(tabA, tabB), "hours"), [], "a deletion is not undone by an older edit");
  assert.deepEqual(S.live(S.merge(S.merge(tabA, tabB), base), "hours"), [], "nor by an old copy");
});

test("a change merges with what another tab saved meanwhile, and says so when storage is refused", () => {
  const store = fakeStore();
  const said = [];
  const one = S.open(store, (t) => said.push(t), 1);
  const two = S.open(store, (t) => said.push(t), 2);
  one.change((s, now) => S.addEntry(s, "hours", { date: "2026-03-02", hours: "1" }, now), "Added.");
  two.change((s, now) => S.addEntry(s, "hours", { date: "2026-03-03", hours: "2" }, now), "Added.");
  assert.equal(S.live(JSON.parse(store.kept.get(S.KEY)), "hours").length, 2, "neither tab lost the other's entry");
  one.merge(store.kept.get(S.KEY));
  assert.equal(S.live(one.state, "hours").length, 2, "the first tab sees the second's entry");

  const refusing = S.open(fakeStore({}, true), (t) => said.push(t), 3);
  assert.equal(refusing.change((s, now) => S.addEntry(s, "hours", { date: "2026-03-02", hours: "1" }, now)), false);
  assert.equal(S.live(refusing.state, "hours").length, 1, "kept on the page");
  assert.match(said[said.length - 1], /^Could not save in this browser/);
});

test("unreadable storage is kept aside; a newer version's is read-only", () => {
  const store = fakeStore({ [S.KEY]: "{broken" });
  const session = S.open(store, () => {}, 42);
  assert.equal(store.kept.get(`${S.KEY}:unreadable:42`), "{broken");
  assert.match(session.notices[0], /kept aside/);
  const newer = JSON.stringify({ ...S.fresh(), storage_version: 9 });
  const later = S.open(fakeStore({ [S.KEY]: newer }), () => {}, 1);
  assert.equal(later.readOnly, true);
  assert.equal(later.change(() => {}), false);
});

test("export writes a file the checks accept, and example entries can be removed", () => {
  const s = S.fresh();
  S.addLists(s, fixtures.example, 5, true);
  S.addEntry(s, "hours", { date: "2026-03-02", hours: "1", setting: "", nhs: "yes", supervised: "yes", note: "" }, 6);
  const file = S.exportFile(pd, items(), s, { pseudonym: " ", tier: 1, ratings: {} }, "2026-06-01");
  assert.equal(file.pseudonym, "Me");
  assert.equal(file.assessment, null);
  assert.equal(file.hours.length, fixtures.example.hours.length + 1);
  assert.equal(S.checkFile(JSON.stringify(file), items(), pd, "2026-06-01")[1], null);
  assert.equal(S.exampleCount(s), S.LISTS.reduce((n, l) => n + fixtures.example[l].length, 0));
  S.removeExample(s, 7);
  assert.deepEqual(S.live(s, "hours").map((e) => e.cells.date), ["2026-03-02"]);
});
