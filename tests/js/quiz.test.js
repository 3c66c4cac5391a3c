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

test("after every try the learner is told what the package tells them, in the same words", () => {
  let runs = 0;
  for (const q of fixtures.questions) {
    assert.equal(quiz.keySentence(q.correct), q.key, q.id);
    for (const t of q.tries) {
      const last = t.tries[t.tries.length - 1];
      const said = quiz.feedback(q.correct, last, t.tries.length, t.asked, fixtures.tries_before_answer);
      const where = `${q.id} ${JSON.stringify(t.tries)}${t.asked ? " asked" : ""}`;
      assert.deepEqual({ revealed: said.revealed, headline: said.headline, explained: said.explained },
        { revealed: t.revealed, headline: t.headline, explained: t.explained }, where);
      assert.equal(quiz.grade(q.correct, t.tries[0]) === "right", t.first_right, where);
      runs += 1;
    }
  }
  assert.ok(runs > fixtures.questions.length * 4);
  assert.ok(fixtures.questions.some((q) => q.tries.some((t) => !t.revealed)));
  assert.ok(fixtures.questions.some((q) => q.correct.length > 2));
});

test("lists are written as people write them", () => {
  assert.equal(quiz.joinWords([]), "");
  assert.equal(quiz.joinWords(["a"]), "a");
  assert.equal(quiz.joinWords(["a", "b"]), "a and b");
  assert.equal(quiz.joinWords(["a", "b", "c", "d"]), "a, b, c and d");
  assert.equal(quiz.keySentence(["c"]), "The right answer is c.");
  assert.equal(quiz.keySentence(["a", "b", "c", "d"]), "The right answers are a, b, c and d.");
});

test("a wrong first try keeps the answer back until the second try or asking for it", () => {
  const first = quiz.feedback(["b", "c"], ["a", "b"], 1, false, 2);
  assert.deepEqual(first, { verdict: "partly", revealed: false, headline: "Partly right. Try again, or select Show the answer.",
    explained: [["a", "a."], ["b", "b."]] });
  const asked = quiz.feedback(["b", "c"], ["a", "b"], 1, true, 2);
  assert.deepEqual(asked.explained, [["a", "a."], ["b", "b."], ["c", "c is a right answer."]]);
  assert.equal(asked.headline, "Partly right. The right answers are b and c.");
  assert.equal(quiz.feedback(["b", "c"], ["a"], 2, false, 2).headline, "Not right. The right answers are b and c.");
  assert.equal(quiz.feedback(["b", "c"], ["c", "b"], 1, false, 2).headline, "Right.");
});

test("the score line is the package's sentence for every count", () => {
  assert.ok(fixtures.score_lines.length > 50);
  for (const [right, checked, total, words] of fixtures.score_lines) {
    assert.equal(quiz.scoreLine({ right, checked, total }), words, `${right} ${checked} ${total}`);
  }
});
