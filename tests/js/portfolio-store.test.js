/* My portfolio's files and storage (hwc-portfolio-files.js, hwc-portfolio-store.js): the same files accepted and
 * refused as the package (tests/corpus/portfolio/files.json, csv.json), and saves from
 * several pages each keeping their entries. */
"use strict";

const test = require("node:test");
const assert = require("node:assert/strict");
const fs = require("node:fs");
const path = require("node:path");
const { fixtures, load, items, fakeBrowser, fakeStore } = require("./helpers.js");

load("hwc-rules.js");
load("hwc-portfolio-read.js");
const F = load("hwc-portfolio-files.js").portfolioFiles;
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
    const [held, problem] = F.checkFile(c.text, items(), pd, c.today);
    assert.equal(problem === null, c.accepted, `${c.name}: ${JSON.stringify(problem)}`);
    if (c.accepted || c.where === undefined) continue;
    const exact = c.where === null || !(c.where.startsWith("field ") && PYDANTIC.test(c.problem)) && !c.where.startsWith("assessment");
    if (exact) assert.deepEqual(problem, { where: c.where, problem: c.problem, ...(c.problems ? { problems: c.problems } : {}) }, c.name);
    else assert.ok(problem.where.split(",")[0].startsWith(c.where.split(/[.,]/)[0]), `${c.name}: ${problem.where} for ${c.where}`);
    assert.equal(held, null);
  }
});

test("Sam's example file is read in full", () => {
  const [held] = F.checkFile(JSON.stringify(fixtures.example), items(), pd, "2026-06-01");
  assert.equal(held.pseudonym, "Sam (example)");
  assert.deepEqual(Object.fromEntries(S.LISTS.map((n) => [n, held.read[n].length])),
    Object.fromEntries(S.LISTS.map((n) => [n, fixtures.example[n].length])));
  assert.equal(Object.keys(held.assessment.ratings).length, Object.keys(fixtures.example.assessment.ratings).length);
});

test("CSV files: read and refused as the package reads them, row and column named", () => {
  for (const c of corpus("csv.json")) {
    const [entries, problem] = F.readCsv(c.text, pd, c.list, c.today);
    if (c.accepted) {
      assert.equal(problem, null, `${JSON.stringify(c.text)}: ${JSON.stringify(problem)}`);
      const read = entries.map((cells, n) => {
        const entry = P.readList(pd, c.list, [cells], c.today)[0];
        delete entry.row;
        return Object.fromEntries(Object.entries(entry).map(([k, v]) => [k, v && v.d !== undefined ? P.hoursText(v) : v]));
      });
      assert.deepEqual(read, c.entries, JSON.stringify(c.text));
    } else {
      assert.deepEqual(problem, { where: c.where, problem: c.problem, problems: c.problems }, JSON.stringify(c.text));
    }
  }
});

test("CSV files: the corpus has files the package refuses for a day of more than 24 hours, and for several rows at once", () => {
  const refused = corpus("csv.json").filter((c) => !c.accepted);
  assert.ok(refused.some((c) => c.list === "hours" && / hours on .* in a day/.test(c.problem) && c.where.startsWith("rows ")));
  assert.ok(refused.some((c) => c.list === "supervision" && / minutes on .* in a day/.test(c.problem)));
  assert.ok(refused.some((c) => c.problems.length > pd.max_problems_shown));
  assert.ok(corpus("csv.json").some((c) => c.accepted && /,1,0\n/.test(c.text)), "1 and 0 for yes and no");
});

test("a list written as CSV reads back the same", () => {
  const entries = [{ date: "2026-03-02", hours: "1.5", setting: "Hub, north", nhs: "yes", supervised: "no", note: "a \"quoted\"\nnote" }];
  const [back, problem] = F.readCsv(F.writeCsv(pd, "hours", entries), pd, "hours", "2026-06-01");
  assert.equal(problem, null);
  assert.deepEqual(back, entries);
});

test("two pages' saves each keep their entries; a change, a deletion and an undo reach the other page", () => {
  const browser = fakeBrowser();
  const one = S.open(browser.page(), () => {}, 1);
  const two = S.open(browser.page(), () => {}, 2);
  one.change((s, now) => S.addEntry(s, "hours", { date: "2026-03-02", hours: "1" }, now), "Added.");
  two.change((s, now) => S.addEntry(s, "hours", { date: "2026-03-03", hours: "2" }, now), "Added.");
  two.change((s, now) => S.setSetting(s, "fte", "0.6", now));
  assert.equal(S.live(JSON.parse(browser.kept.get(S.KEY)), "hours").length, 2, "neither page lost the other's entry");
  assert.equal(S.live(one.state, "hours").length, 2, "the first page sees the second's entry");
  assert.equal(S.setting(one.state, "fte"), "0.6");
  const id = S.live(one.state, "hours")[0].id;
  assert.ok(S.live(one.state, "hours").every((e) => e.id && e.changed), "every entry has an id and a change time");
  one.change((s, now) => S.editEntry(s, "hours", id, { date: "2026-03-02", hours: "1.5" }, now));
  assert.equal(S.live(two.state, "hours").find((e) => e.id === id).cells.hours, "1.5");
  two.change((s, now) => S.deleteEntry(s, "hours", id, now));
  assert.deepEqual(S.live(one.state, "hours").map((e) => e.cells.date), ["2026-03-03"], "deleted on both pages");
  assert.ok(one.state.lists.hours.some((e) => e.id === id && e.deleted), "the deletion is kept as a marker");
});

test("when the browser refuses storage, the portfolio lasts on the page and that is said once", () => {
  const said = [];
  const refusing = S.open(fakeStore({}, true), (t) => said.push(t), 3);
  assert.equal(refusing.change((s, now) => S.addEntry(s, "hours", { date: "2026-03-02", hours: "1" }, now), "Added."), false);
  refusing.change((s, now) => S.addEntry(s, "hours", { date: "2026-03-03", hours: "1" }, now), "Added.");
  assert.equal(S.live(refusing.state, "hours").length, 2, "kept on the page");
  assert.equal(said.length, 1);
  assert.match(said[0], /^Not saved: this browser is not letting the site keep data/);
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
  assert.equal(F.checkFile(JSON.stringify(file), items(), pd, "2026-06-01")[1], null);
  assert.equal(S.exampleCount(s), S.LISTS.reduce((n, l) => n + fixtures.example[l].length, 0));
  S.removeExample(s, 7);
  assert.deepEqual(S.live(s, "hours").map((e) => e.cells.date), ["2026-03-02"]);
});
