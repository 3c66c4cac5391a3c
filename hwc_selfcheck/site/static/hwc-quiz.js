/* Knowledge checks: immediate feedback on the questions at the end of each
 * chapter, scores kept in this browser only, and the printable summary.
 *
 * Works on the markup of hwc_selfcheck/site/questions.py: each question
 * is a form.hwc-quiz whose data-correct lists the right option letters, and
 * whose <details> block holds every option's feedback (also the no-JS view).
 * An answer is right only when exactly the right options are chosen, as
 * hwc_selfcheck.quiz.bank.grade() decides. A try that is not right is told why
 * for the options chosen, and may try again; the right answer comes after a
 * right try, after the form's data-tries tries, or on "Show the answer", as
 * hwc_selfcheck.quiz.tries decides (with the same words). With the script the
 * <details> answer block is hidden: the button asks for it instead. The score
 * counts first attempts only, so the printed summary shows what they knew.
 * Uses hwc.js's helpers; the grading, the feedback's words and the score need
 * no page, so Node's test runner checks them too (tests/js/).
 */
(function (HWC) {
  "use strict";

  // Each answer's verdict: "right" (exactly the right options), "partly" or "wrong".
  function grade(correct, chosen) {
    var right = chosen.filter(function (c) { return correct.indexOf(c) >= 0; }).length;
    if (right === correct.length && chosen.length === correct.length) return "right";
    return right > 0 ? "partly" : "wrong";
  }
  var VERDICT = { right: "Right.", partly: "Partly right.", wrong: "Not right." };
  var SHOW = "Show the answer";
  var CHECK = "Check answer", ANSWERED = "Answer shown"; // site/questions.py CHECK_LABEL

  // A list as people write it: "a", "a and b", "a, b and c" (core.wording.join_words).
  function joinWords(words) {
    return words.length < 2 ? words.join("") : words.slice(0, -1).join(", ") + " and " + words[words.length - 1];
  }
  function keySentence(correct) {
    return "The right " + (correct.length === 1 ? "answer is " : "answers are ") + joinWords(correct) + ".";
  }

  // What a learner is told after `tries` tries, the last choosing `chosen`; `asked` when they
  // asked for the answer, `limit` the tries before it is shown (quiz.tries.Tries).
  function feedback(correct, chosen, tries, asked, limit) {
    var verdict = grade(correct, chosen);
    var revealed = verdict === "right" || Boolean(asked) || tries >= limit;
    var headline = verdict === "right" ? VERDICT.right
      : VERDICT[verdict] + " " + (revealed ? keySentence(correct) : "Try again, or select " + SHOW + ".");
    var explained = chosen.slice().sort().map(function (c) { return [c, c + "."]; });
    if (revealed) {
      correct.filter(function (c) { return chosen.indexOf(c) < 0; }).forEach(function (c) {
        explained.push([c, c + (correct.length === 1 ? " is the right answer." : " is a right answer.")]);
      });
    }
    return { verdict: verdict, revealed: revealed, headline: headline, explained: explained };
  }

  // The questions answered, and how many were right at the first attempt.
  function score(answers, ids) {
    var answered = ids.filter(function (id) { return answers[id]; });
    var right = answered.filter(function (id) { return (answers[id].first || answers[id].verdict) === "right"; });
    return { checked: answered.length, right: right.length, total: ids.length };
  }

  // The score as a sentence, or nothing before any question is checked (quiz.tries.score_line).
  function scoreLine(s) {
    if (!s.checked) return "";
    return "You got " + s.right + " of " + s.checked + " right first time. " + s.total + " question" + (s.total === 1 ? "" : "s") + " in this set.";
  }

  HWC.quiz = { grade: grade, VERDICT: VERDICT, score: score, scoreLine: scoreLine, joinWords: joinWords, keySentence: keySentence, feedback: feedback };
  if (typeof document === "undefined" || !HWC.el || !document.querySelector(".hwc-quiz, .hwc-quiz-summary")) return;

  // Answers are kept by question ID and saved through HWC.store.update, so pages open at
  // once merge their answers, and each shows what the others save.
  var KEY = "hwc-quiz";
  function fresh() { return { version: 1, answers: {} }; }
  function usable(s) { return Boolean(s) && typeof s.answers === "object" && s.answers !== null && !Array.isArray(s.answers); }
  var state = HWC.store.read(KEY);
  if (!usable(state)) state = fresh();

  function change(mutate) {
    HWC.store.update(KEY, function (doc) {
      var s = usable(doc) ? doc : fresh();
      mutate(s);
      return s;
    });
  }

  function why(form, letter) {
    var li = form.querySelector('li[data-option="' + letter + '"] .hwc-quiz-feedback-text');
    return li ? li.textContent : "";
  }

  // The feedback box is an ARIA live region, so screen readers hear it as it fills.
  // `saved` is a stored answer: chosen, tries so far and whether the answer was asked for
  // (answers saved before there were second tries have no count: theirs was shown).
  function show(form, saved) {
    var correct = form.getAttribute("data-correct").split(" ");
    var tries = typeof saved.tries === "number" ? saved.tries : Infinity;
    var said = feedback(correct, saved.chosen, tries, saved.asked, Number(form.getAttribute("data-tries")));
    var box = form.querySelector(".hwc-quiz-feedback");
    box.textContent = "";
    box.setAttribute("data-verdict", said.verdict);
    var verdictWords = VERDICT[said.verdict];
    box.appendChild(HWC.el("p", {}, [HWC.el("strong", { text: verdictWords }), said.headline.slice(verdictWords.length)]));
    said.explained.forEach(function (pair) {
      box.appendChild(HWC.el("p", {}, [HWC.el("strong", { text: pair[1] + " " }), why(form, pair[0])]));
    });
    var more = form.querySelector(".hwc-quiz-read-more");
    if (more) box.appendChild(more.cloneNode(true));
    form.querySelectorAll(".hwc-quiz-option").forEach(function (opt) {
      var input = opt.querySelector("input");
      // The mark ends the label's words, so it wraps with them on a narrow screen and is read with the option.
      var mark = opt.querySelector(".hwc-quiz-mark") || opt.querySelector("label").appendChild(HWC.el("span", { "class": "hwc-quiz-mark" }));
      var isRight = correct.indexOf(input.value) >= 0, chosen = saved.chosen.indexOf(input.value) >= 0;
      var state = said.revealed ? (isRight ? "right" : (chosen ? "wrong" : "")) : (chosen ? (isRight ? "right" : "wrong") : "");
      mark.textContent = state === "right" ? (said.revealed ? " (right answer)" : " (right)") : (state === "wrong" ? " (not right)" : "");
      opt.setAttribute("data-mark", state);
    });
    form.querySelector(".hwc-quiz-show").hidden = said.revealed;
    // Once the answer is shown, checking again would change nothing: the button says so and is
    // turned off (the focus, if it was there, goes to the answer) until the questions start again.
    var check = form.querySelector(".hwc-quiz-check");
    if (said.revealed && document.activeElement === check) box.focus();
    check.disabled = said.revealed;
    check.textContent = said.revealed ? ANSWERED : CHECK;
    return said;
  }

  function updateScores() {
    document.querySelectorAll(".hwc-quiz-set").forEach(function (set) {
      set.querySelector(".hwc-quiz-score").textContent = scoreLine(score(state.answers, set.getAttribute("data-questions").split(" ")));
    });
    document.querySelectorAll("table.hwc-quiz-summary").forEach(fillSummary);
  }

  function enhanceForms() {
    document.querySelectorAll("form.hwc-quiz").forEach(function (form) {
      var id = form.getAttribute("data-question");
      form.addEventListener("submit", function (e) {
        e.preventDefault();
        var chosen = Array.prototype.map.call(form.querySelectorAll("input:checked"), function (i) { return i.value; });
        if (!chosen.length) {
          form.querySelector(".hwc-quiz-feedback").textContent = "Choose an answer first.";
          return;
        }
        var before = state.answers[id];
        var answer = { chosen: chosen, verdict: grade(form.getAttribute("data-correct").split(" "), chosen),
          first: "", chapter: form.getAttribute("data-chapter"),
          tries: before ? (typeof before.tries === "number" ? before.tries : Infinity) + 1 : 1, asked: Boolean(before && before.asked) };
        answer.first = before ? before.first || before.verdict : answer.verdict;
        if (answer.tries === Infinity) answer.tries = Number(form.getAttribute("data-tries"));
        save(form, answer);
      });
      // With the script the answer is asked for with a button, after a try that is not right;
      // the <details> block, the answer without the script, is hidden.
      var answerBlock = form.querySelector(".hwc-quiz-answer");
      if (answerBlock) answerBlock.hidden = true;
      var feedbackBox = form.querySelector(".hwc-quiz-feedback");
      feedbackBox.setAttribute("tabindex", "-1");
      var showButton = HWC.el("button", { type: "button", "class": "hwc-quiz-show", hidden: true, text: SHOW, onclick: function () {
        var before = state.answers[id];
        if (!before) return;
        save(form, Object.assign({}, before, { asked: true }));
        feedbackBox.focus(); // the button is gone; the answer it showed is where the reader goes next
      } });
      form.querySelector(".hwc-quiz-check").insertAdjacentElement("afterend", showButton);
      restore(form);
    });
    document.querySelectorAll(".hwc-quiz-set").forEach(function (set) {
      var ids = set.getAttribute("data-questions").split(" ");
      set.appendChild(HWC.el("button", { type: "button", "class": "hwc-quiz-reset", text: "Start these questions again", onclick: function () {
        change(function (s) { ids.forEach(function (id) { delete s.answers[id]; }); });
        set.querySelectorAll("form.hwc-quiz").forEach(restore);
        HWC.announce("Your answers to these questions were cleared.");
      } }));
    });
  }

  // Shows an answer and keeps it, so other pages show it too.
  function save(form, answer) {
    var id = form.getAttribute("data-question");
    state.answers[id] = answer;
    show(form, answer);
    shownAnswer[id] = JSON.stringify(answer);
    change(function (s) { s.answers[id] = answer; });
  }

  // A form shows its stored answer, or none; only when that answer changed, so choices being made stay.
  var shownAnswer = {};
  function restore(form) {
    var id = form.getAttribute("data-question"), saved = state.answers[id];
    var now = saved && Array.isArray(saved.chosen) ? JSON.stringify(saved) : "";
    if (shownAnswer[id] === now) return;
    shownAnswer[id] = now;
    form.querySelectorAll("input").forEach(function (input) { input.checked = Boolean(now) && saved.chosen.indexOf(input.value) >= 0; });
    if (now) { show(form, saved); return; }
    form.querySelector(".hwc-quiz-show").hidden = true;
    form.querySelector(".hwc-quiz-check").disabled = false;
    form.querySelector(".hwc-quiz-check").textContent = CHECK;
    form.querySelector(".hwc-quiz-feedback").textContent = "";
    form.querySelectorAll(".hwc-quiz-mark").forEach(function (m) { m.textContent = ""; });
    form.querySelectorAll(".hwc-quiz-option").forEach(function (o) { o.removeAttribute("data-mark"); });
  }

  function fillSummary(table) {
    table.querySelectorAll("tr[data-chapter]").forEach(function (row) {
      var s = score(state.answers, row.getAttribute("data-questions").split(" "));
      row.querySelector(".hwc-quiz-right").textContent = s.checked ? String(s.right) : "—";
      row.querySelector(".hwc-quiz-checked").textContent = s.checked + " of " + s.total;
    });
  }

  function enhanceSummary() {
    document.querySelectorAll("table.hwc-quiz-summary").forEach(function (table) {
      var who = "";
      try { who = (JSON.parse(HWC.store.get("hwc-selfcheck") || "{}").pseudonym || "").trim(); } catch (e) { who = ""; }
      var stamp = HWC.today();
      table.parentNode.insertBefore(HWC.el("p", { "class": "hwc-quiz-who",
        text: "Knowledge checks" + (who ? " of " + who : "") + ", as kept in this browser on " + stamp + "." }), table);
      table.parentNode.insertBefore(HWC.el("div", { "class": "hwc-actions" }, [
        HWC.el("button", { type: "button", text: "Print this summary", onclick: function () { window.print(); } }),
        HWC.el("button", { type: "button", text: "Clear all my knowledge-check answers", onclick: function () {
          change(function (s) { s.answers = {}; });
          HWC.announce("All your knowledge-check answers were cleared.");
        } })
      ]), table.nextSibling);
    });
  }

  // Said once, where storage is refused.
  function refusedNotice() {
    var first = document.querySelector(".hwc-quiz-set, table.hwc-quiz-summary");
    if (!first || !HWC.store.refused()) return;
    first.parentNode.insertBefore(HWC.el("p", { "class": "hwc-notice", text: "This browser is not letting the site keep data " +
      "(site data may be blocked, or this may be a private window), so your answers to the knowledge checks last only while this page is open." }), first);
  }

  enhanceForms();
  enhanceSummary();
  refusedNotice();
  updateScores();
  HWC.store.watch(KEY, function (doc, elsewhere) {
    state = usable(doc) ? doc : fresh();
    if (elsewhere) document.querySelectorAll("form.hwc-quiz").forEach(restore);
    updateScores();
  });
})(globalThis.HWC = globalThis.HWC || {});
