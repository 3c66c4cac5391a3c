/* "My self-assessment": progress, gaps, and export, import, print and clear. */
(function (HWC) {
  "use strict";

  var el = HWC.el, R = HWC.rules, root = document.querySelector("[data-hwc-summary]"), check = root && HWC.selfcheck();
  if (root && !check) root.appendChild(el("p", { role: "alert", text: "The self-check could not load its list of items. Please reload the page." }));
  if (!check) return;
  var data = check.data, readOnly = check.readOnly;

  function download(name, object) {
    var blob = new Blob([JSON.stringify(object, null, 2) + "\n"], { type: "application/json" });
    var a = el("a", { href: URL.createObjectURL(blob), download: name });
    document.body.appendChild(a);
    a.click();
    window.setTimeout(function () { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
  }

  function itemLink(item) {
    return el("a", { href: HWC.root + item.url, text: item.id + " " + item.title });
  }

  var flash = ""; // a message to show once, after the summary is drawn again
  function render() {
    root.setAttribute("data-ready", "1");
    var keepFocus = document.activeElement && document.activeElement.id;
    root.textContent = "";
    var state = check.state, tier = state.tier;
    var message = el("div", { "class": "hwc-message", role: "alert" });
    function say(text) { message.textContent = text; }
    if (flash) { message.textContent = flash; flash = ""; }

    var name = el("input", { id: "hwc-pseudonym", type: "text", maxlength: 80, autocomplete: "off", disabled: readOnly,
      onchange: function (e) { check.state.pseudonym = e.target.value; check.save("Saved your pseudonym."); } });
    name.value = state.pseudonym || "";
    var tierSelect = el("select", { id: "hwc-tier", disabled: readOnly,
      onchange: function (e) { check.state.tier = Number(e.target.value); check.save("Saved: you are at Tier " + check.state.tier + "."); } },
      [1, 2, 3, 4].map(function (n) { return el("option", { value: String(n), selected: n === tier, text: "Tier " + n }); }));

    var rows = R.summary(data, state.ratings, tier);
    var table = el("table", { "class": "hwc-table" }, [
      el("caption", { text: "Your progress at Tier " + tier }),
      el("thead", {}, [el("tr", {}, ["Area", "Items expected", "Rated", "At " + data.target + " or above", "Average"].map(function (h) {
        return el("th", { scope: "col", text: h }); }))]),
      el("tbody", {}, rows.map(function (r) {
        return el("tr", {}, [r.title, r.expected, r.rated, r.atTarget, r.mean === null ? "—" : r.mean.toFixed(1)].map(function (c) {
          return el("td", { text: String(c) }); }));
      }))
    ]);

    var gapItems = R.gaps(data, state.ratings, tier);
    var gapList = gapItems.length ? el("ol", { "class": "hwc-gaps" }, gapItems.map(function (item) {
      var r = state.ratings[item.id];
      return el("li", {}, [itemLink(item), ": rated " + R.levelLabel(data, r.level) + "; " + R.evidenceLabel(data, r.evidence || "none").toLowerCase() +
        (r.next_step ? ". Next step: " + r.next_step : "") + "."]);
    })) : el("p", { text: rows[rows.length - 1].rated ? "No gaps among the items you have rated." :
      "You have not rated any items yet. Start on a competency page, such as Professional competencies, and rate each item on its card." });
    var unrated = R.expected(data, tier).filter(function (i) { return !state.ratings[i.id]; });
    var next = data.items.filter(function (i) { return i.min_tier === tier + 1 && i.kind !== "supervisor_standard"; });
    function foldedList(summaryText, items) {
      return el("details", {}, [el("summary", { text: summaryText }), el("ul", {}, items.map(function (i) { return el("li", {}, [itemLink(i)]); }))]);
    }

    var fileInput = el("input", { id: "hwc-import", type: "file", accept: "application/json,.json" });
    var confirmBox = el("div", { "class": "hwc-confirm", hidden: true });
    function ask(question, yesText, onYes) {
      confirmBox.textContent = "";
      confirmBox.hidden = false;
      var yes = el("button", { type: "button", text: yesText, onclick: function () { confirmBox.hidden = true; onYes(); } });
      confirmBox.appendChild(el("p", { text: question }));
      confirmBox.appendChild(yes);
      confirmBox.appendChild(el("button", { type: "button", text: "Cancel", onclick: function () { confirmBox.hidden = true; say("Nothing was changed."); } }));
      yes.focus();
    }
    fileInput.addEventListener("change", function () {
      var file = fileInput.files && fileInput.files[0];
      if (!file) return;
      file.text().then(function (text) {
        var checked = R.checkImport(text, data, HWC.today());
        fileInput.value = "";
        if (checked[1]) { say("Not imported: " + checked[1] + " Your saved answers are unchanged."); return; }
        var replace = function () {
          check.state.pseudonym = checked[0].pseudonym; check.state.tier = checked[0].tier; check.state.ratings = checked[0].ratings;
          flash = "Imported " + Object.keys(check.state.ratings).length + " answers from " + file.name + ".";
          check.save(flash); // saving draws the summary again, with the flash
        };
        var count = Object.keys(check.state.ratings).length;
        if (count) ask("This will replace the " + count + " answers saved in this browser. Export them first if you want to keep them.", "Replace my answers", replace);
        else replace();
      });
    });

    var asideIds = Object.keys(state.aside || {});
    var parts = [
      el("p", { "class": "hwc-privacy" }, [el("strong", { text: "Private to you. " }),
        "Your answers are kept in this browser, on this device only. Nothing is sent anywhere. " +
        "Use Export to keep a copy or to carry on elsewhere."]),
      message,
      el("p", { "class": "hwc-print-only", text: "Self-assessment of " + ((state.pseudonym || "").trim() || "Me") + ", Tier " + tier + ", printed " + HWC.today() + "." }),
      el("div", { "class": "hwc-details" }, [
        el("label", { "for": "hwc-pseudonym", text: "Pseudonym (any name; it need not be your real name)" }), name,
        el("label", { "for": "hwc-tier", text: "Your tier" }), tierSelect]),
      table,
      el("h2", { text: "Your gaps, most pressing first" }),
      el("p", { text: "Items your tier expects that you rated below " + data.target + " (" + data.levels[data.target].label +
        "): lowest rating first, then essential before desirable, then least evidence." }),
      gapList,
      unrated.length ? foldedList("Not rated yet: " + unrated.length + " items", unrated) : el("p", { text: "You have rated every item your tier expects." }),
      next.length ? foldedList("Coming next at Tier " + (tier + 1) + ": " + next.length + " items (not gaps)", next) : el("span")
    ];
    if (asideIds.length) {
      parts.push(el("h2", { text: "Answers kept aside" }));
      parts.push(el("p", { text: "These answers are for items no longer in the framework: " + asideIds.join(", ") + "." }));
      parts.push(el("button", { type: "button", text: "Download the kept-aside answers", onclick: function () { download("kept-aside-answers.json", check.state.aside); } }));
    }
    parts.push(el("h2", { text: "Keep, move or clear your answers" }));
    parts.push(el("div", { "class": "hwc-actions" }, [
      el("button", { type: "button", text: "Save my answers to a file", onclick: function () {
        download("my-self-assessment.json", R.exportRecord(data, check.state, HWC.today()));
        say("Saved " + Object.keys(check.state.ratings).length + " answers to my-self-assessment.json in your downloads." +
          ((check.state.pseudonym || "").trim() ? "" : " The file names you \"Me\" because the pseudonym box is empty."));
      } }),
      el("button", { type: "button", text: "Print this summary", onclick: function () { window.print(); } }),
      el("button", { type: "button", text: "Clear all my answers", disabled: readOnly, onclick: function () {
        ask("Delete all " + Object.keys(check.state.ratings).length + " answers from this browser? This cannot be undone.", "Yes, delete them", function () {
          check.state = R.fresh(); flash = "All your answers were deleted from this browser."; check.save(flash);
        });
      } })
    ]));
    parts.push(el("div", { "class": "hwc-import" }, [
      el("label", { "for": "hwc-import", text: "Carry on from a saved file: choose my-self-assessment.json" }), fileInput]));
    parts.push(confirmBox);
    parts.forEach(function (p) { root.appendChild(p); });
    if (keepFocus && document.getElementById(keepFocus)) document.getElementById(keepFocus).focus();
    check.notices.forEach(function (text) { root.insertBefore(el("p", { "class": "hwc-notice", text: text }), message); });
  }

  render();
  check.redraws.push(render);
})(window.HWC);
