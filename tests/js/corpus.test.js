/* The shared corpus of self-assessment files (tests/corpus/assessment/): the site's
 * importer (HWC.rules.checkFile in hwc-rules.js) gives every file the verdict the
 * manifest records, which is the package's (tests/assessment/test_corpus.py). */
"use strict";

const test = require("node:test");
const assert = require("node:assert/strict");
const fs = require("node:fs");
const path = require("node:path");
const { load, items } = require("./helpers.js");

load("hwc.js");
const HWC = load("hwc-rules.js");
const R = HWC.rules;
const CORPUS = path.join(__dirname, "..", "corpus", "assessment");
const MANIFEST = JSON.parse(fs.readFileSync(path.join(CORPUS, "manifest.json"), "utf8"));

/* A case's bytes: the stored file, or the one its recipe makes (see the corpus README). */
function bytesOf(c) {
  if (!c.generated) return new Uint8Array(fs.readFileSync(path.join(CORPUS, c.file)));
  const r = c.recipe;
  if (r.base) {
    const base = fs.readFileSync(path.join(CORPUS, r.base));
    const out = Buffer.alloc(r.total_bytes, r.pad_with);
    base.copy(out);
    return new Uint8Array(out);
  }
  return new TextEncoder().encode(r.prefix + r.repeat[0].repeat(r.depth) + r.repeat[1].repeat(r.depth) + r.suffix);
}

test("the site's limit is the corpus's", () => {
  assert.equal(items().assessment.max_file_bytes, MANIFEST.max_file_bytes);
  assert.ok(MANIFEST.cases.length >= 40);
  assert.deepEqual(new Set(MANIFEST.cases.map((c) => c.verdict)), new Set(["accepted", "refused"]));
});

for (const c of MANIFEST.cases) {
  test(`${c.file}: ${c.verdict}`, () => {
    const data = items();
    if (c.renamed) data.renamed = c.renamed;
    const [record, problem] = R.checkFile(bytesOf(c), data, HWC.today());
    if (c.verdict === "accepted") {
      assert.equal(problem, null, c.about);
      if (c.record) {
        const { pseudonym, tier, ratings } = c.record;
        assert.deepEqual(record, { pseudonym, tier, ratings }, "the site keeps what the package reads");
      }
    } else {
      assert.equal(record, null, c.about);
      if (c.field) assert.ok(problem.includes(c.field.split(".").pop()), `${problem} names ${c.field}`);
    }
  });
}
