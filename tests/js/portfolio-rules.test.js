/* My portfolio's rules (hwc-portfolio-read.js, hwc-portfolio-checks.js, hwc-portfolio-supervision.js) against the conformance corpus the package
 * made (tests/corpus/portfolio): every case must give exactly the package's results, words
 * and all. */
"use strict";

const test = require("node:test");
const assert = require("node:assert/strict");
const fs = require("node:fs");
const path = require("node:path");
const { fixtures, load, items } = require("./helpers.js");

load("hwc-portfolio-read.js");
load("hwc-portfolio-checks.js");
const P = load("hwc-portfolio-supervision.js").portfolioRules;
const pd = fixtures.portfolio;
const corpus = (name) => JSON.parse(fs.readFileSync(path.join(fixtures.corpus, name), "utf8")).cases;
const LISTS = ["hours", "supervision", "training", "approvals", "evidence"];

function withoutRow(entry) {
  const copy = { ...entry };
  delete copy.row;
  return copy;
}

function parsed(value) {
  if (value && typeof value === "object" && "n" in value && "d" in value) return P.hoursText(value);
  return value;
}

test("the corpus is big enough and covers what the issue lists", () => {
  const names = corpus("cases.json").map((c) => c.name.toLowerCase());
  assert.ok(names.length >= 40, `${names.length} cases`);
  for (const word of ["year end", "leap day", "part-time", "urgent", "same day", "after the day", "empty", "tier 2",
    "tier 3", "tier 4", "months of different lengths"]) {
    assert.ok(names.some((n) => n.includes(word)), word);
  }
});

for (const c of corpus("cases.json")) {
  test(`case: ${c.name}`, () => {
    const read = {};
    for (const name of LISTS) read[name] = c[name] === null ? null : P.readList(pd, name, c[name], c.today);
    const progress = P.tierProgress(pd, read.hours, read.training, read.approvals, c.as_of);
    assert.deepEqual(progress, c.expected.tier_progress);
    if (c.period) {
      let got;
      try {
        got = P.checkSupervision(pd, read.supervision, c.period[0], c.period[1], c.fte);
      } catch (e) {
        if (!e || !("problem" in e)) throw e;
        got = { error: { where: e.where, problem: e.problem } };
      }
      assert.deepEqual(got, c.expected.supervision);
    }
    if (c.tier !== null) {
      assert.deepEqual(P.coverage(pd, read.evidence, P.itemsForTier(items(), c.tier)), c.expected.coverage);
    }
  });
}

test("every single entry is read, or refused with the package's own words", () => {
  for (const c of corpus("rows.json")) {
    let got;
    try {
      const entry = P.readList(pd, c.list, [c.entry], c.today)[0];
      got = { entry: Object.fromEntries(Object.entries(withoutRow(entry)).map(([k, v]) => [k, parsed(v)])) };
    } catch (e) {
      if (!e || !("problem" in e)) throw e;
      got = { error: { where: e.where, problem: e.problem } };
    }
    assert.deepEqual(got, c.expected, `${c.list}: ${JSON.stringify(c.entry)}`);
  }
});
