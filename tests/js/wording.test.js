/* Counts in what the site says read right for 0, 1 and many ("1 answer", never "1 answers"),
 * as the package's core.wording does for the command line (tests/core/test_wording.py). */
"use strict";

const test = require("node:test");
const assert = require("node:assert/strict");
const fs = require("node:fs");
const path = require("node:path");
const { fixtures, load } = require("./helpers.js");

load("hwc.js");
const R = load("hwc-rules.js").rules;
const P = load("hwc-portfolio-read.js").portfolioRules;
const F = load("hwc-portfolio-files.js").portfolioFiles;

test("a count and its noun, at its boundaries", () => {
  for (const plural of [R.plural, P.plural]) {
    assert.deepEqual([0, 1, 2].map((n) => plural(n, "answer")), ["0 answers", "1 answer", "2 answers"]);
    assert.equal(plural(1, "piece of evidence", "pieces of evidence"), "1 piece of evidence");
    assert.equal(plural(3, "piece of evidence", "pieces of evidence"), "3 pieces of evidence");
  }
});

test("lists read as people write them", () => {
  assert.deepEqual([[], ["2"], ["2", "3"], ["2", "3", "4"]].map((l) => P.joinWords(l)), ["", "2", "2 and 3", "2, 3 and 4"]);
});

test("My self-assessment's sentences with a count, for 0, 1 and many", () => {
  const w = R.words;
  assert.deepEqual([0, 1, 47].map((n) => w.imported(n, "a.json")),
    ["Imported 0 answers from a.json.", "Imported 1 answer from a.json.", "Imported 47 answers from a.json."]);
  assert.deepEqual([1, 2].map((n) => w.saved(n, "a.json")),
    ["Saved 1 answer to a.json in your downloads.", "Saved 2 answers to a.json in your downloads."]);
  assert.equal(w.replace(1), "This will replace the answer saved in this browser. Export it first if you want to keep it.");
  assert.equal(w.replace(5), "This will replace the 5 answers saved in this browser. Export them first if you want to keep them.");
  assert.equal(w.clear(0), "Delete your pseudonym, tier and notes from this browser? This cannot be undone.");
  assert.equal(w.clear(1), "Delete your 1 answer and your notes from this browser? This cannot be undone.");
  assert.equal(w.clear(9), "Delete all 9 answers and your notes from this browser? This cannot be undone.");
  assert.deepEqual([1, 10].map(w.changed), ["1 answer has changed since then.", "10 answers have changed since then."]);
  assert.deepEqual([1, 3].map(w.notRated), ["Not rated yet: 1 item", "Not rated yet: 3 items"]);
  assert.equal(w.comingNext(2, 1), "Coming next at Tier 2: 1 item (not a gap)");
  assert.equal(w.comingNext(2, 12), "Coming next at Tier 2: 12 items (not gaps)");
});

test("the evidence coverage summary, for one item and for many", () => {
  const pd = fixtures.portfolio;
  const item = (id) => ({ id, kind: "competency", min_tier: 1 });
  const one = P.coverage(pd, [], [item("PC-01")]).summary;
  assert.equal(one, "Of 1 item, 0 have every kind of evidence the framework expects, 0 have some, and 1 has none yet.");
});

// A count joined straight onto a plural noun ('n.length + " items"') reads "1 items" for one:
// every such sentence goes through a plural helper or says the one case apart.
const BARE_COUNT = /\.length\s*\+\s*" (?:[a-z-]+ )?[a-z]+s\b/;

test("no script joins a count onto a plural noun", () => {
  const found = [];
  for (const name of fs.readdirSync(fixtures.static).filter((n) => n.endsWith(".js"))) {
    fs.readFileSync(path.join(fixtures.static, name), "utf8").split("\n").forEach((line, n) => {
      if (BARE_COUNT.test(line)) found.push(`${name}:${n + 1}: ${line.trim().slice(0, 120)}`);
    });
  }
  assert.deepEqual(found, []);
  assert.ok(BARE_COUNT.test('say("Imported " + Object.keys(record.ratings).length + " answers from " + file.name);'));
  assert.ok(!BARE_COUNT.test('say(R.words.imported(Object.keys(record.ratings).length, file.name));'));
});

test("a or an before each list's noun, as the forms' headings use it", () => {
  const nouns = { hours: "hours entry", supervision: "supervision session", training: "course", approvals: "approval", evidence: "piece of evidence" };
  assert.deepEqual(Object.values(nouns).map(P.aOrAn),
    ["an hours entry", "a supervision session", "a course", "an approval", "a piece of evidence"]);
});

test("a place and a problem read as one sentence, with one full stop", () => {
  assert.equal(F.sentence("hours entry 1, field date", "30 February 2026 does not exist"), "Hours entry 1, date: 30 February 2026 does not exist.");
  assert.equal(F.sentence(null, "this is a self-assessment file, not a portfolio file"), "This is a self-assessment file, not a portfolio file.");
  assert.equal(F.sentence("row 3, column hours", "25 is more than 24 hours; is it a typing mistake?"), "Row 3, column hours: 25 is more than 24 hours; is it a typing mistake?");
  assert.equal(F.sentence(null, "Ends with one."), "Ends with one.");
  assert.equal(P.missingDay("2026-02-30"), "30 February 2026");
  assert.equal(P.missingDay("29/02/2028"), null, "a real day (a leap year)");
  assert.equal(P.missingDay("2026-13-01"), null, "not a month: not a day that is missing");
});
