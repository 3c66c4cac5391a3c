/* The self-check's rules (hwc-rules.js) against the Python package: gap order,
 * area summaries, the file Export writes, and the checks on an imported file. */
"use strict";

const test = require("node:test");
const assert = require("node:assert/strict");
const { fixtures, load, items } = require("./helpers.js");

const R = load("hwc-rules.js").rules;
const data = fixtures.items;
const today = fixtures.today;

function imported(text, list) {
  const [record, problem] = R.checkImport(text, list || data, today);
  assert.equal(problem, null);
  return record;
}

function refusal(text) {
  const [record, problem] = R.checkImport(text, data, today);
  assert.equal(record, null);
  return problem;
}

const example = fixtures.records[0];
const good = JSON.parse(example.text);

test("gaps come in the package's order", () => {
  for (const record of fixtures.records) {
    const { tier, ratings } = imported(record.text);
    assert.deepEqual(R.gaps(data, ratings, tier).map((item) => item.id), record.gaps, record.name);
  }
});

test("the made-up records reach every tie-break of the gap order", () => {
  const byId = Object.fromEntries(data.items.map((item) => [item.id, item]));
  const ties = new Set();
  for (const record of fixtures.records) {
    const { ratings } = imported(record.text);
    record.gaps.slice(1).forEach((id, n) => {
      const a = ratings[record.gaps[n]], b = ratings[id];
      if (a.level !== b.level) ties.add("level");
      else if (byId[record.gaps[n]].essential !== byId[id].essential) ties.add("essential");
      else if (a.evidence !== b.evidence) ties.add("evidence");
      else ties.add("position");
    });
  }
  assert.deepEqual([...ties].sort(), ["essential", "evidence", "level", "position"]);
});

test("area summaries match the package's, then all areas", () => {
  for (const record of fixtures.records) {
    const { tier, ratings } = imported(record.text);
    const rows = R.summary(data, ratings, tier);
    assert.deepEqual(rows.map((r) => [r.title, r.expected, r.rated, r.atTarget]),
      record.summary.map((s) => [s.title, s.expected, s.rated, s.at_target]), record.name);
    rows.forEach((row, n) => {
      const theirs = record.summary[n].mean;
      if (theirs === null) assert.equal(row.mean, null);
      else assert.ok(Math.abs(row.mean - theirs) < 0.005, `${record.name}, ${row.title}: ${row.mean} and ${theirs}`);
    });
  }
});

test("nothing rated: every expected area, nothing rated, no mean, no gaps", () => {
  const rows = R.summary(data, {}, 1);
  assert.equal(rows.at(-1).title, "All areas");
  assert.equal(rows.at(-1).expected, R.expected(data, 1).length);
  assert.ok(rows.every((r) => r.rated === 0 && r.mean === null));
  assert.deepEqual(R.gaps(data, {}, 1), []);
});

test("the export is the package's format and imports again unchanged", () => {
  const state = { pseudonym: "  Kit ", tier: 2, ratings: { "PC-03": { level: 4 }, "PC-01": { level: 1, evidence: "planned", note: "n" } } };
  const record = R.exportRecord(data, state, today);
  assert.deepEqual(record, {
    format: "hwc-selfcheck/assessment", schema_version: 2, pseudonym: "Kit", date: today, tier: 2,
    ratings: { "PC-01": { level: 1, evidence: "planned", note: "n", next_step: "" },
      "PC-03": { level: 4, evidence: "none", note: "", next_step: "" } }
  });
  assert.deepEqual(Object.keys(record.ratings), ["PC-01", "PC-03"], "in framework order");
  assert.deepEqual(imported(JSON.stringify(record)), { pseudonym: "Kit", tier: 2, ratings: record.ratings });
  assert.equal(R.exportRecord(data, { tier: 1, ratings: {} }, today).pseudonym, "Me");
});

test("a good file is imported, with ratings filled in", () => {
  const record = imported(example.text);
  assert.equal(record.pseudonym, "Sam (example)");
  assert.equal(record.tier, 1);
  assert.equal(Object.keys(record.ratings).length, 47);
  assert.deepEqual(record.ratings["PC-04"], { level: 0, evidence: "planned", note: "I keep a journal after most sessions.", next_step: "" });
  const brief = imported(JSON.stringify({ ...good, ratings: { "PC-01": { level: 3 } } }));
  assert.deepEqual(brief.ratings, { "PC-01": { level: 3, evidence: "none", note: "", next_step: "" } });
});

test("a version 1 file is upgraded", () => {
  const old = { ...good, schema_version: 1, ratings: { "PC-01": 2, "PC-02": 4 } };
  assert.deepEqual(imported(JSON.stringify(old)).ratings, {
    "PC-01": { level: 2, evidence: "none", note: "", next_step: "" },
    "PC-02": { level: 4, evidence: "none", note: "", next_step: "" }
  });
});

test("an answer under a renamed ID is imported under the new one", () => {
  const list = items();
  list.renamed = { "PC-91": "PC-01" };
  const record = imported(JSON.stringify({ ...good, ratings: { "PC-91": { level: 2 } } }), list);
  assert.deepEqual(Object.keys(record.ratings), ["PC-01"]);
});

test("a bad file is refused with the message the page shows", () => {
  const rating = (fields) => JSON.stringify({ ...good, ratings: { ...good.ratings, "PC-02": { ...good.ratings["PC-02"], ...fields } } });
  const cases = [
    [example.text.slice(0, 200), "This file is not valid JSON. Is it cut short?"],
    ["[]", "This file does not hold a self-assessment."],
    [JSON.stringify({ name: "not ours" }), "This is not a hwc-selfcheck self-assessment file (field format)."],
    [JSON.stringify({ ...good, schema_version: 3 }), "This file was made by a newer version of hwc-selfcheck (schema version 3). Please update."],
    [JSON.stringify({ ...good, schema_version: "2" }), "Field schema_version: \"2\" is not a version this site knows."],
    [JSON.stringify({ ...good, pseudonym: " " }), "Field pseudonym: must be 1 to 80 characters."],
    [JSON.stringify({ ...good, date: "2026-02-30x" }), "Field date: must be a date like 2026-03-02."],
    [JSON.stringify({ ...good, date: "2026-06-02" }), "Field date: 2026-06-02 is in the future."],
    [JSON.stringify({ ...good, tier: 0 }), "Field tier: must be 1, 2, 3 or 4."],
    [JSON.stringify({ ...good, ratings: [] }), "Field ratings: must be a set of ratings by item ID."],
    [JSON.stringify({ ...good, ratings: { "XX-99": { level: 1 } } }), "Item XX-99: is not an item of the framework."],
    [JSON.stringify({ ...good, ratings: { "PC-01": 2 } }), "Item PC-01: must be a rating."],
    [rating({ score: 1 }), "Item PC-02, field score: is not a known field."],
    [rating({ level: 9 }), "Item PC-02, field level: must be a whole number from 0 to 4."],
    [rating({ level: 5 }), "Item PC-02, field level: must be a whole number from 0 to 4."],
    [rating({ level: -1 }), "Item PC-02, field level: must be a whole number from 0 to 4."],
    [rating({ evidence: "lots" }), "Item PC-02, field evidence: must be none, planned, collected or confirmed."],
    [rating({ next_step: "x".repeat(2001) }), "Item PC-02, field next_step: must be text of at most 2000 characters."]
  ];
  for (const [text, message] of cases) assert.equal(refusal(text), message);
});

test("files are accepted or refused as the package does", () => {
  for (const file of fixtures.imports) {
    const [record, problem] = R.checkImport(file.text, data, today);
    assert.equal(problem === null, file.accepted, `${file.name}: ${problem}`);
    assert.equal(record !== null, file.accepted, file.name);
  }
});

test("labels for levels and evidence come from the item list", () => {
  assert.equal(R.levelLabel(data, 2), "2 " + data.levels[2].label);
  assert.equal(R.evidenceLabel(data, "planned"), data.evidence.find((e) => e.state === "planned").label);
  assert.equal(R.evidenceLabel(data, "unknown"), "unknown");
});
