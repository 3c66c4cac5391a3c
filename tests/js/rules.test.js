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
    [example.text.slice(0, 200), "This is not a file saved by this site, or it is cut short."],
    ["[]", "This file does not hold a self-assessment."],
    [JSON.stringify({ name: "not ours" }), "This is not a self-assessment file: its format field says otherwise."],
    [JSON.stringify({ ...good, schema_version: 3 }), "This file was made by a newer version of hwc-selfcheck (field schema_version is 3). Please update."],
    [JSON.stringify({ ...good, schema_version: "2" }), "Field schema_version: \"2\" is not a version this site knows."],
    [JSON.stringify({ format: good.format, pseudonym: "Kit" }), "Field schema_version: is missing."],
    [JSON.stringify({ ...good, date: undefined }), "Field date: is missing."],
    [JSON.stringify({ ...good, pseudonym: "x".repeat(81) }), "Field pseudonym: must be 1 to 80 characters."],
    [JSON.stringify({ ...good, date: "2026-02-30x" }), "Field date: must be a date like 2026-03-02."],
    [JSON.stringify({ ...good, date: "2026-02-30" }), "Field date: is not a real date; write it like 2026-03-02."],
    [JSON.stringify({ ...good, date: "2026-06-02" }), "The file's date is after today."],
    [JSON.stringify({ ...good, tier: 0 }), "Field tier: must be a whole number from 1 to 4."],
    [JSON.stringify({ ...good, tier: "2" }), "Field tier: must be a whole number from 1 to 4."],
    [JSON.stringify({ ...good, colour: "blue" }), "Field colour: is not a known field (check the spelling)."],
    [JSON.stringify({ ...good, ratings: [] }), "Field ratings: must be a set of ratings by item ID."],
    [JSON.stringify({ ...good, ratings: { "XX-99": { level: 1 } } }), "Item XX-99: is not an item of the framework."],
    [JSON.stringify({ ...good, ratings: { "pc-01": { level: 1 } } }), "Item pc-01: is not an item ID like PC-01."],
    [JSON.stringify({ ...good, ratings: { "PC-01": 2 } }), "Item PC-01: must be a rating."],
    [JSON.stringify({ ...good, ratings: { "PC-01": {} } }), "Item PC-01, field level: is missing."],
    [rating({ score: 1 }), "Item PC-02, field score: is not a known field (check the spelling)."],
    [rating({ level: 9 }), "Item PC-02, field level: must be a whole number from 0 to 4."],
    [rating({ level: 5 }), "Item PC-02, field level: must be a whole number from 0 to 4."],
    [rating({ level: -1 }), "Item PC-02, field level: must be a whole number from 0 to 4."],
    [rating({ level: 1.5 }), "Item PC-02, field level: must be a whole number from 0 to 4."],
    [rating({ level: "2" }), "Item PC-02, field level: must be a whole number from 0 to 4."],
    [rating({ level: true }), "Item PC-02, field level: must be a whole number from 0 to 4."],
    [rating({ evidence: "lots" }), "Item PC-02, field evidence: must be none, planned, collected or confirmed."],
    [rating({ note: 5 }), "Item PC-02, field note: must be text of at most 2000 characters."],
    [rating({ next_step: "x".repeat(2001) }), "Item PC-02, field next_step: must be text of at most 2000 characters."],
    ["  \n", "This file is empty."]
  ];
  for (const [text, message] of cases) assert.equal(refusal(text), message);
});

test("text is kept as typed, lengths count characters, and 2.0 is the whole number 2", () => {
  const smile = "\u{1F600}"; // one character, two UTF-16 units
  const record = imported(JSON.stringify({ ...good, pseudonym: " Kit ", tier: 2.0,
    ratings: { "PC-01": { level: 3.0, note: smile.repeat(2000), next_step: "  tab\t" } } }));
  assert.deepEqual([record.pseudonym, record.tier], [" Kit ", 2]);
  assert.deepEqual(record.ratings["PC-01"], { level: 3, evidence: "none", note: smile.repeat(2000), next_step: "  tab\t" });
  assert.equal(refusal(JSON.stringify({ ...good, ratings: { "PC-01": { level: 3, note: smile.repeat(2001) } } })),
    "Item PC-01, field note: must be text of at most 2000 characters.");
});

test("a file's bytes: a byte-order mark is allowed; text that is not UTF-8, or too big, is refused", () => {
  const bytes = (text) => new TextEncoder().encode(text);
  const withMark = new Uint8Array([0xef, 0xbb, 0xbf, ...bytes(example.text)]);
  assert.equal(R.checkFile(withMark, data, today)[1], null);
  const latin1 = bytes(example.text.replace("Sam (example)", "Sam (exampl?)"));
  latin1[latin1.indexOf("?".charCodeAt(0))] = 0xe9; // é in Latin-1: not UTF-8
  assert.deepEqual(R.checkFile(latin1, data, today), [null, "This file is not UTF-8 text. Open it in a text editor and save it again as UTF-8."]);
  const utf16 = new Uint8Array([0xff, 0xfe, ...[...example.text].flatMap((c) => [c.charCodeAt(0), 0])]);
  assert.equal(R.checkFile(utf16, data, today)[0], null);
  const most = data.assessment.max_file_bytes;
  const padded = (size) => { const b = new Uint8Array(size).fill(0x20); b.set(bytes(example.text)); return b; };
  assert.equal(R.checkFile(padded(most), data, today)[1], null, "exactly the limit is allowed");
  assert.deepEqual(R.checkFile(padded(most + 1), data, today), [null, "This file is larger than 5 MB, the most a record file can be. Is it the right file?"]);
});

test("the checks come from the package's JSON Schema, whose every keyword the site applies", () => {
  const schema = data.assessment.schema;
  // The package's schema with its words for people taken out (site/selfcheck.py rules_only).
  assert.equal(schema.properties.format.const, "hwc-selfcheck/assessment");
  assert.equal(schema.title, undefined);
  const seen = new Set();
  (function walk(node) {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== "object") return;
    for (const [key, value] of Object.entries(node)) {
      seen.add(key);
      if (!["properties", "$defs"].includes(key)) walk(value);
      else Object.values(value).forEach(walk);
    }
  })(schema);
  assert.ok(seen.has("additionalProperties") && seen.has("pattern") && seen.has("$ref"));
  for (const keyword of seen) {
    const problem = R.schemaProblem({ [keyword]: schema[keyword] ?? null }, "x", [], schema);
    assert.ok(!problem || !problem.keyword.startsWith("unknown"), keyword);
  }
  assert.match(R.schemaProblem({ ifThen: 1 }, "x", [], schema).keyword, /^unknown keyword ifThen/, "an unknown keyword is never ignored");
  const stricter = structuredClone(data);
  stricter.assessment.schema.properties.tier.maximum = 2;
  assert.equal(R.checkImport(JSON.stringify({ ...good, tier: 3 }), stricter, today)[1], "Field tier: must be a whole number from 1 to 2.",
    "a change to the schema changes what the site accepts");
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
