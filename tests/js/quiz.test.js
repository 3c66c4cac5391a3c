/* Knowledge-check grading and scores (hwc-quiz.js) against the package's grade(). */
"use strict";

const test = require("node:test");
const assert = require("node:assert/strict");
const { fixtures, load } = require("./helpers.js");

const quiz = load("hwc-quiz.js").quiz;

test("every answer to every question gets the package's verdict", () => {
  let answers = 0;
  for (const q of fixtures.questions) {
    for (const a of q.answers) {
      assert.equal(quiz.VERDICT[quiz.grade(q.correct, a.chosen)], a.verdict, `${q.id} ${a.chosen.join(" ")}`);
      answers += 1;
    }
  }
  assert.ok(fixtures.questions.length > 50 && answers > fixtures.questions.length * 2);
});

test("the score counts questions answered and those right at the first attempt", () => {
  const answers = {
    "KC-AAA-01": { chosen: ["a"], verdict: "right", first: "right" },
    "KC-AAA-02": { chosen: ["b"], verdict: "right", first: "wrong" },
    "KC-AAA-03": { chosen: ["c"], verdict: "partly", first: "partly" },
    "KC-AAA-04": { chosen: ["a"], verdict: "right" },
    "KC-BBB-01": { chosen: ["a"], verdict: "right", first: "right" }
  };
  const ids = ["KC-AAA-01", "KC-AAA-02", "KC-AAA-03", "KC-AAA-04", "KC-AAA-05"];
  assert.deepEqual(quiz.score(answers, ids), { checked: 4, right: 2, total: 5 });
  assert.deepEqual(quiz.score({}, ids), { checked: 0, right: 0, total: 5 });
});
