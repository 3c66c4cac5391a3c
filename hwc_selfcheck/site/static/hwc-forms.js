/* The rating form on each item card, and the count of items rated.
 *
 * Each field saves on its own, through HWC.rules' check.change, so a save merges with what
 * other pages saved. Typed text saves as it is typed (after a short pause), when the field is
 * left, and when the page is hidden or closed. When another page saves, the cards show it,
 * except a field with typing not yet saved.
 */
(function (HWC) {
  "use strict";

  var cards = document.querySelectorAll("div.hwc-item[id]");
  var check = cards.length ? HWC.selfcheck() : null;
  if (!check) return;
  var el = HWC.el, R = HWC.rules, data = check.data, levelLabel = R.levelLabel;
  var TYPING_PAUSE = 400; // milliseconds after the last key before typed text is saved
  var unsaved = []; // typed text waiting for its pause: functions that save it now
  var fills = []; // one per card: shows the stored answer in its form

  function saveTyping() { unsaved.slice().forEach(function (save) { save(); }); }

  function cardForm(item) {
    var id = item.id, key = id.toLowerCase();
    var shown = function () { return check.state.ratings[id] || check.state.drafts[id] || {}; };
    // Seen, not spoken: the live region speaks each save as the field is left.
    var seen = el("p", { "class": "hwc-saved", "aria-hidden": "true" });
    function save(mutate, message) {
      var result = check.change(mutate, message);
      if (!result.written) return;
      var rated = Boolean(check.state.ratings[id]), words = Boolean(check.state.drafts[id]);
      seen.textContent = (result.kept ? "Saved in this browser at " + HWC.clock(new Date()) + "." :
        "Kept on this page only: this browser does not let the site save.") +
        (rated || !words ? "" : " Choose a rating to add this item to your summary and file.");
    }

    var radios = [null].concat(data.levels.map(function (lvl) { return lvl.level; })).map(function (level) {
      var input = el("input", { type: "radio", name: "level-" + key, value: level === null ? "" : String(level), onchange: function () {
        saveTyping();
        var had = Boolean(check.state.ratings[id]);
        save(function (s) { R.setLevel(s, id, level); }, level !== null ? "Saved: " + id + " rated " + levelLabel(data, level) + "." :
          had ? "Cleared your rating for " + id + "; anything you wrote on its card is kept." : "");
      } });
      var text = level === null ? " Not rated" : " " + levelLabel(data, level);
      return el("label", { "class": "hwc-level", title: level === null ? null : data.levels[level].description }, [input, text]);
    });
    var evidence = el("select", { id: "evidence-" + key, disabled: check.readOnly, onchange: function () {
      saveTyping();
      save(function (s) { R.setField(s, id, "evidence", evidence.value); }, "Saved the evidence for " + id + ".");
    } }, data.evidence.map(function (opt) { return el("option", { value: opt.state, text: opt.label }); }));

    var texts = [];
    function textField(tag, field, label) {
      var input = el(tag, { id: field + "-" + key, maxlength: data.assessment.note_max, disabled: check.readOnly });
      var timer = null;
      function settle() { // no save left waiting for the typing pause
        if (timer !== null) {
          window.clearTimeout(timer);
          timer = null;
          unsaved.splice(unsaved.indexOf(saveNow), 1);
        }
      }
      function saveNow(message) {
        settle();
        save(function (s) { R.setField(s, id, field, input.value); }, message);
      }
      input.addEventListener("input", function () {
        if (timer === null) unsaved.push(saveNow);
        window.clearTimeout(timer);
        timer = window.setTimeout(function () { saveNow(""); }, TYPING_PAUSE);
      });
      input.addEventListener("change", function () { saveNow("Saved your " + label.toLowerCase() + " for " + id + "."); });
      texts.push({ input: input, field: field, settle: settle, typing: function () { return timer !== null; } });
      return [el("label", { "for": field + "-" + key, text: label }), input];
    }

    // Every field saves as it changes; the Save button (and Enter in a one-line field) saves what is
    // typed at once and says so, for people who expect a button, as most forms have one.
    function saveAll(e) {
      e.preventDefault();
      texts.forEach(function (t) { t.settle(); });
      save(function (s) { texts.forEach(function (t) { R.setField(s, id, t.field, t.input.value); }); },
        "Saved your answers for " + id + ".");
    }
    var form = el("form", { "class": "hwc-rate", id: "selfcheck-" + key, onsubmit: saveAll }, [
      el("fieldset", {}, [
        el("legend", { text: "Rate yourself: " + item.id + " " + item.title }),
        el("fieldset", { "class": "hwc-levels", disabled: check.readOnly }, [el("legend", { text: "How confident are you?" })].concat(radios)),
        el("label", { "for": "evidence-" + key, text: "Evidence" }), evidence
      ].concat(textField("textarea", "note", "Note"), textField("input", "next_step", "Next step"), [
        el("button", { type: "submit", "class": "hwc-save", disabled: check.readOnly },
          ["Save", el("span", { "class": "hwc-visually-hidden", text: " your answers for " + id })]),
        seen]))
    ]);
    fills.push(function () {
      var answer = shown(), level = check.state.ratings[id] ? answer.level : null;
      radios.forEach(function (label) {
        var input = label.querySelector("input");
        input.checked = input.value === (level === null ? "" : String(level));
      });
      evidence.value = answer.evidence || "none";
      texts.forEach(function (t) { if (!t.typing()) t.input.value = answer[t.field] || ""; });
    });
    return form;
  }

  function refreshProgress() {
    document.querySelectorAll("[data-hwc-progress]").forEach(function (box) {
      var ids = box.getAttribute("data-hwc-progress").split(",");
      var done = ids.filter(function (id) { return check.state.ratings[id]; }).length;
      box.querySelector("progress").value = done;
      box.querySelector(".hwc-count").textContent = done + " of " + ids.length;
    });
  }

  // Said once, where storage is refused: the answers last as long as the page, and a file keeps them.
  function refusedNotice() {
    return el("div", { "class": "hwc-notice" }, [
      el("p", { text: "This browser is not letting the site keep data (site data may be blocked, or this may be a private " +
        "window), so your answers here last only while this page is open. To keep them, save them to a file before you " +
        "leave this page; on My self-assessment you can carry on from that file." }),
      el("button", { type: "button", text: "Save my answers to a file", onclick: function () {
        saveTyping();
        HWC.download("my-self-assessment.json", R.exportRecord(data, check.state, HWC.today()));
        HWC.announce(R.words.saved(Object.keys(check.state.ratings).length, "my-self-assessment.json"));
      } })
    ]);
  }

  function enhanceCards() {
    var ids = [];
    cards.forEach(function (card) {
      var item = check.byId[card.id.toUpperCase()];
      if (!item) return;
      ids.push(item.id);
      var body = card.querySelector(".sd-card-body") || card;
      var link = card.querySelector("a.hwc-self-assess");
      body.appendChild(cardForm(item));
      if (link) {
        // The other way to rate, in plain words, as a whole sentence.
        link.textContent = "rate " + item.id + " there";
        link.parentNode.insertBefore(document.createTextNode("If you use Jupyter (a free program for notes and data), you can also "), link);
        link.parentNode.appendChild(document.createTextNode("."));
        body.appendChild(link.parentNode);
      }
    });
    if (!ids.length) return;
    var box = el("div", { "class": "hwc-progress", "data-hwc-progress": ids.join(",") }, [
      el("p", {}, ["You have rated ", el("strong", { "class": "hwc-count", text: "" }), " items on this page. ",
        "Your answers stay in this browser, on this device only. ",
        el("a", { href: HWC.root + "book/self-assessment/my-self-assessment.html", text: "See my self-assessment" }), "."]),
      el("progress", { max: ids.length, value: 0, "aria-label": "Items rated on this page" }),
      el("details", {}, [el("summary", { text: "What the ratings mean" }), el("ul", {}, data.levels.map(function (lvl) {
        return el("li", {}, [el("strong", { text: levelLabel(data, lvl.level) + ": " }), lvl.description]);
      }))])
    ]);
    cards[0].parentNode.insertBefore(box, cards[0]);
    if (check.refused) box.appendChild(refusedNotice());
    check.notices.forEach(function (text) { box.appendChild(el("p", { "class": "hwc-notice", role: "alert", text: text })); });
  }

  enhanceCards();
  fills.forEach(function (fill) { fill(); });
  check.redraws.push(function (elsewhere) {
    refreshProgress();
    if (elsewhere) fills.forEach(function (fill) { fill(); });
  });
  refreshProgress();
  document.addEventListener("visibilitychange", function () { if (document.visibilityState === "hidden") saveTyping(); });
  window.addEventListener("pagehide", saveTyping);
})(window.HWC);
