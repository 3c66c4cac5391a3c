/* A supervisor's review in the browser (hwc-portfolio-fingerprint.js, -review.js, -reviewfile.js, -approval.js) against the conformance corpus the
 * package made (tests/corpus/review): the same fingerprints (shared test vectors), the same
 * review files accepted and refused at the same field, the same views side by side and the
 * same conditions for an approval, words and all. */
"use strict";

const test = require("node:test");
const assert = require("node:assert/strict");
const crypto = require("node:crypto");
const fs = require("node:fs");
const path = require("node:path");
const { fixtures, load, items } = require("./helpers.js");

load("hwc-rules.js");
load("hwc-portfolio-read.js");
load("hwc-portfolio-checks.js");
load("hwc-portfolio-files.js");
load("hwc-portfolio-fingerprint.js");
const HWC = load("hwc-portfolio-review.js");
load("hwc-portfolio-reviewfile.js");
load("hwc-portfolio-approval.js");
const R = HWC.review, P = HWC.portfolioRules, F = HWC.portfolioFiles;
const pd = fixtures.portfolio;
const data = items();
const corpus = (name) => JSON.parse(fs.readFileSync(path.join(__dirname, "..", "corpus", "review", name), "utf8")).cases;

test("SHA-256 in plain JavaScript agrees with Node's own on texts of every length around a block", () => {
  for (let n = 0; n < 140; n++) {
    const text = "abc~ \\\"".repeat(20).slice(0, n);
    assert.equal(R.sha256(text), crypto.createHash("sha256").update(text, "ascii").digest("hex"), `length ${n}`);
  }
  assert.equal(R.sha256("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
});

for (const c of corpus("vectors.json")) {
  if ("value" in c) {
    test(`vector: ${JSON.stringify(c.value).slice(0, 40)}`, () => {
      assert.equal(R.canonical(c.value), c.canonical);
      assert.equal(R.fingerprint(c.value), c.fingerprint);
    });
  } else {
    test(`record fingerprint: ${c.name}`, () => {
      const [read, problem] = F.checkFile(JSON.stringify(c.portfolio), data, pd, "2026-06-01");
      assert.equal(problem, null);
      assert.equal(R.recordFingerprint(pd, c.portfolio, read.assessment), c.fingerprint);
      const ratings = read.assessment ? read.assessment.ratings : {};
      for (const id of Object.keys(c.ratings)) assert.equal(R.ratingFingerprint(id, ratings[id]), c.ratings[id], id);
    });
  }
}

for (const c of corpus("files.json")) {
  test(`review file: ${c.name}`, () => {
    const [review, problem] = R.checkReview(c.text, data, c.today);
    if (c.accepted) {
      assert.equal(problem, null, problem && `${problem.where}: ${problem.problem}`);
      assert.equal(review.reviewer, JSON.parse(c.text).reviewer);
    } else {
      assert.equal(review, null);
      assert.equal(problem.where, c.where, `${c.where}: ${c.problem} / site: ${problem.problem}`);
    }
  });
}

for (const c of corpus("views.json")) {
  test(`both views: ${c.name}`, () => {
    const [read] = F.checkFile(JSON.stringify(c.portfolio), data, pd, "2026-06-01");
    const [review] = R.checkReview(JSON.stringify(c.review), data, "2026-06-01");
    const rows = R.viewRows(data, read.assessment.ratings, review.items);
    assert.deepEqual(rows.map((r) => ({ id: r.id, coach_level: r.coach_level, supervisor_level: r.supervisor_level,
      difference: r.difference, state: r.state, changed: r.changed, words: R.differenceWords(r) })), c.rows);
    assert.deepEqual(R.talkAbout(rows).map((r) => r.id), c.talk);
    const now = R.recordFingerprint(pd, c.portfolio, read.assessment);
    assert.deepEqual(R.matchReview(review, now, read.pseudonym, read.assessment.ratings), c.match);
  });
}

for (const c of corpus("conditions.json")) {
  test(`approval conditions: ${c.name}`, () => {
    const [read, problem] = F.checkFile(JSON.stringify(c.portfolio), data, pd, "2026-06-01");
    assert.equal(problem, null);
    const earlier = c.earlier.map(R.asApproval);
    const missing = R.approvalConditions(pd, c.approval, read.read, earlier, read.read.evidence.length);
    assert.deepEqual(missing.map(R.conditionText), c.missing);
  });
}
