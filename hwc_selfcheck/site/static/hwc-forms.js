/* The rating form on each item card, saved as it changes; the count of items rated. */
(function (HWC) {
  "use strict";

  var cards = document.querySelectorAll("div.hwc-item[id]");
  var check = cards.length ? HWC.selfcheck() : null;
  if (!check) return;
  var el = HWC.el, data = check.data, readOnly = check.readOnly, levelLabel = HWC.rules.levelLabel;

  function cardForm(item) {
    var key = item.id.toLowerCase();
    var saved = check.state.ratings[item.id] || {};
    var form;
    // Seen, not spoken: the live region already speaks each save.
    var seen = el("p", { "class": "hwc-saved", "aria-hidden": "true" });
    // Every change reads the whole form, so nothing typed before a rating is chosen is lost.
    function changed(message) {
      var picked = form.querySelector('input[name="level-' + key + '"]:checked');
      var level = picked && picked.value !== "" ? Number(picked.value) : null;
      if (level === null) {
        var had = Boolean(check.state.ratings[item.id]);
        delete check.state.ratings[item.id];
        check.save(had ? "Cleared your rating for " + item.id + "." : "");
        if (!had) HWC.announce("Choose a rating to save " + item.id + ".");
        seen.textContent = had ? "Rating cleared." : "Choose a rating to save your answers.";
        return;
      }
      var now = new Date();
      seen.textContent = "Saved in this browser at " + String(now.getHours()).padStart(2, "0") + ":" + String(now.getMinutes()).padStart(2, "0") + ".";
      check.state.ratings[item.id] = {
        level: level,
        evidence: form.querySelector("#evidence-" + key).value,
        note: form.querySelector("#note-" + key).value,
        next_step: form.querySelector("#next_step-" + key).value
      };
      check.save(message);
    }
    var radios = [el("label", { "class": "hwc-level" }, [
      el("input", { type: "radio", name: "level-" + key, value: "", checked: saved.level === undefined,
        onchange: function () { changed(); } }), " Not rated"])];
    data.levels.forEach(function (lvl) {
      radios.push(el("label", { "class": "hwc-level", title: lvl.description }, [
        el("input", { type: "radio", name: "level-" + key, value: String(lvl.level), checked: saved.level === lvl.level,
          onchange: function () { changed("Saved: " + item.id + " rated " + levelLabel(data, lvl.level) + "."); } }),
        " " + levelLabel(data, lvl.level)]));
    });
    var evidence = el("select", { id: "evidence-" + key, disabled: readOnly,
      onchange: function () { changed("Saved the evidence for " + item.id + "."); } },
      data.evidence.map(function (opt) {
        return el("option", { value: opt.state, selected: (saved.evidence || "none") === opt.state, text: opt.label });
      }));
    function textField(tag, field, label) {
      var input = el(tag, { id: field + "-" + key, maxlength: data.assessment.note_max, disabled: readOnly,
        onchange: function () { changed("Saved your " + label.toLowerCase() + " for " + item.id + "."); } });
      input.value = saved[field] || "";
      return [el("label", { "for": field + "-" + key, text: label }), input];
    }
    form = el("form", { "class": "hwc-rate", id: "selfcheck-" + key, onsubmit: function (e) { e.preventDefault(); } }, [
      el("fieldset", {}, [
        el("legend", { text: "Rate yourself: " + item.id + " " + item.title }),
        el("fieldset", { "class": "hwc-levels", disabled: readOnly }, [el("legend", { text: "How confident are you?" })].concat(radios)),
        el("label", { "for": "evidence-" + key, text: "Evidence" }), evidence
      ].concat(textField("textarea", "note", "Note"), textField("input", "next_step", "Next step"), [seen]))
    ]);
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
        link.textContent = "rate " + item.id + " in a Jupyter notebook";
        link.parentNode.insertBefore(document.createTextNode("Prefer Jupyter? You can also "), link);
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
    check.notices.forEach(function (text) { box.appendChild(el("p", { "class": "hwc-notice", role: "alert", text: text })); });
  }

  enhanceCards();
  check.redraws.push(refreshProgress);
  refreshProgress();
})(window.HWC);
