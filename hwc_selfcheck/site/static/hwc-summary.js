/* "My self-assessment": progress, gaps, and export, import, print and clear.
 *
 * The controls are made once and stay put, so focus stays where the person is; only the
 * results below them are drawn again when answers change, here or on another page.
 */
(function (HWC) {
  "use strict";

  var el = HWC.el, R = HWC.rules, root = document.querySelector("[data-hwc-summary]"), check = root && HWC.selfcheck();
  if (root && !check) root.appendChild(el("p", { role: "alert", text: "The self-check could not load its list of items. Please reload the page." }));
  if (!check) return;
  var data = check.data, readOnly = check.readOnly;
  var TYPING_PAUSE = 400;

  // On paper a link cannot be followed, so the print style shows its full address (data-print-href).
  function itemLink(item) {
    var link = el("a", { href: HWC.root + item.url, text: item.id + " " + item.title });
    link.setAttribute("data-print-href", link.href);
    return link;
  }
  // A sentence a person wrote, ending in one full stop, not two.
  function sentence(text) {
    var t = String(text).trim();
    return /[.!?…]["'”’)]*$/.test(t) ? t : t + ".";
  }
  function pseudonymOf(state) { return (state.pseudonym || "").trim(); }
  function when(ms) { var d = new Date(ms); return HWC.today(d) + " at " + HWC.clock(d); }

  // What the page says after an action; a live region, so it is heard as well as seen.
  var message = el("div", { "class": "hwc-message", role: "alert" });
  function say(text) { message.textContent = text; }

  var name = el("input", { id: "hwc-pseudonym", type: "text", maxlength: 80, autocomplete: "off", disabled: readOnly });
  var nameTimer = null;
  function saveName(announce) {
    window.clearTimeout(nameTimer);
    nameTimer = null;
    check.change(function (s) { s.pseudonym = name.value; }, announce ? "Saved your name." : "");
  }
  name.addEventListener("input", function () {
    window.clearTimeout(nameTimer);
    nameTimer = window.setTimeout(function () { saveName(false); }, TYPING_PAUSE);
  });
  name.addEventListener("change", function () { saveName(true); });
  function saveTyping() { if (nameTimer !== null) saveName(false); }
  document.addEventListener("visibilitychange", function () { if (document.visibilityState === "hidden") saveTyping(); });
  window.addEventListener("pagehide", saveTyping);

  var tierSelect = el("select", { id: "hwc-tier", disabled: readOnly, onchange: function () {
    var tier = Number(tierSelect.value);
    check.change(function (s) { s.tier = tier; }, "Saved: you are at Tier " + tier + ".");
  } }, [1, 2, 3, 4].map(function (n) { return el("option", { value: String(n), text: "Tier " + n }); }));

  // A question with two buttons. Afterwards focus goes back to `from`, the control that asked.
  var confirmBox = el("div", { "class": "hwc-confirm", role: "group", "aria-labelledby": "hwc-confirm-question", hidden: true });
  function ask(question, yesText, from, onYes) {
    confirmBox.textContent = "";
    confirmBox.hidden = false;
    function done(after) { return function () { confirmBox.hidden = true; confirmBox.textContent = ""; after(); from.focus(); }; }
    var no = done(function () { say("Nothing was changed."); });
    var yes = el("button", { type: "button", text: yesText, onclick: done(onYes) });
    confirmBox.appendChild(el("p", { id: "hwc-confirm-question", text: question }));
    confirmBox.appendChild(yes);
    confirmBox.appendChild(el("button", { type: "button", text: "Cancel", onclick: no }));
    confirmBox.onkeydown = function (e) { if (e.key === "Escape") no(); };
    yes.focus();
  }

  var fileInput = el("input", { id: "hwc-import", type: "file", accept: "application/json,.json", disabled: readOnly });
  function refuse(problem) { say("Not imported: " + problem + " Your saved answers are unchanged."); }
  fileInput.addEventListener("change", function () {
    var file = fileInput.files && fileInput.files[0];
    if (!file) return;
    fileInput.value = ""; // so the same file can be chosen again
    if (file.size > data.assessment.max_file_bytes) { refuse(R.tooBig(data)); return; }
    file.arrayBuffer().then(function (buffer) {
      var checked = R.checkFile(new Uint8Array(buffer), data, HWC.today());
      if (checked[0]) use(checked[0]);
      // A file saved by My portfolio holds a self-assessment too: taken after the checks My portfolio
      // makes of the whole file (hwc-portfolio-files.js, loaded when first needed).
      else if (!/hwc-selfcheck\/portfolio"/.test(new TextDecoder().decode(buffer))) refuse(checked[1]);
      else document.head.appendChild(el("script", { src: HWC.root + "_static/hwc-portfolio-files.js", onload: function () {
        var got = HWC.portfolioFiles.assessmentOf(buffer, file.name, data);
        got[0] ? use(got[0]) : refuse(got[1]);
      } }));
    }, function () { refuse("the file could not be read."); });
    function use(record) {
      function replace() {
        saveTyping();
        check.change(function (s) {
          s.pseudonym = record.pseudonym; s.tier = record.tier; s.ratings = record.ratings;
          Object.keys(record.ratings).forEach(function (id) { delete s.drafts[id]; });
          s.file = { how: "loaded", name: file.name, at: Date.now() };
        }, "");
        name.value = check.state.pseudonym;
        say(R.words.imported(Object.keys(record.ratings).length, file.name));
      }
      var count = Object.keys(check.state.ratings).length;
      if (count) ask(R.words.replace(count), "Replace my answers", fileInput, replace);
      else replace();
    }
  });

  var clearButton = el("button", { type: "button", text: "Clear all my answers", disabled: readOnly, onclick: function () {
    ask(R.words.clear(Object.keys(check.state.ratings).length), "Yes, delete them", clearButton, function () {
      window.clearTimeout(nameTimer);
      nameTimer = null;
      check.change(function (s) {
        var empty = R.fresh();
        Object.keys(empty).forEach(function (k) { s[k] = empty[k]; });
      }, "");
      name.value = "";
      say("All your answers were deleted from this browser.");
    });
  } });

  var saveButton = el("button", { type: "button", text: "Save my answers to a file", onclick: function () {
    saveTyping();
    var file = "my-self-assessment.json";
    HWC.download(file, R.exportRecord(data, check.state, HWC.today()));
    if (!readOnly) check.change(function (s) { s.file = { how: "saved", name: file, at: Date.now() }; }, "");
    say(R.words.saved(Object.keys(check.state.ratings).length, file) +
      (pseudonymOf(check.state) ? "" : " The file names you \"Me\" because the name box is empty."));
  } });

  // When the answers were last saved to a file, and a nudge after many changes since.
  var fileLine = el("p", { "class": "hwc-file-status" });
  var persistLine = el("p", { "class": "hwc-persist" });
  function fileStatus() {
    var f = check.state.file, changes = R.changesSinceFile(check.state);
    var text = f ? "Your answers were last " + (f.how === "loaded" ? "loaded from " : "saved to ") + "a file (" + f.name + ") on " + when(f.at) + "."
      : "Your answers have not been saved to a file from this browser yet.";
    if (changes >= R.FILE_COPY_AFTER) {
      text += (f ? " " + R.words.changed(changes) : "") +
        " Save them to a file now, so a copy is kept even if this browser's data is cleared.";
    }
    fileLine.textContent = text;
  }
  if (!check.refused && typeof navigator !== "undefined" && navigator.storage && navigator.storage.persisted) {
    navigator.storage.persisted().then(function (kept) {
      persistLine.textContent = kept ? "This browser has agreed to keep your answers until you clear them."
        : "This browser may clear the site's data when the device runs low on space (and some browsers after weeks " +
          "without a visit), so keep a copy in a file.";
    }, function () { /* nothing to say */ });
  }

  // A table wider than the screen scrolls in its box; while it does, a line says so, or the last
  // columns could pass unseen on a phone. One watcher, moved to each new table.
  var watcher = null;
  function scrollHint(box) {
    var hint = el("p", { "class": "hwc-scroll-hint", hidden: true, text: "Scroll sideways to see every column." });
    function update() { hint.hidden = box.scrollWidth <= box.clientWidth + 1; }
    if (typeof ResizeObserver !== "function") { window.addEventListener("resize", update); setTimeout(update, 0); return hint; }
    if (watcher) watcher.disconnect();
    watcher = new ResizeObserver(update);
    watcher.observe(box);
    return hint;
  }

  var printLine = el("p", { "class": "hwc-print-only" });
  var results = el("div", { "class": "hwc-results" });

  function drawResults() {
    var state = check.state, tier = state.tier;
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
    // On a narrow screen the table scrolls in its own box, which the keyboard can reach and which is named after it.
    var caption = "Your progress at Tier " + tier;
    var tableBox = el("div", { "class": "hwc-table-box", tabindex: "0", role: "region", "aria-label": "Table: " + caption }, [table]);
    var hint = scrollHint(tableBox);
    var gapItems = R.gaps(data, state.ratings, tier);
    var gapList = gapItems.length ? el("ol", { "class": "hwc-gaps" }, gapItems.map(function (item) {
      var r = state.ratings[item.id];
      return el("li", {}, [itemLink(item), ": rated " + R.levelLabel(data, r.level) + "; " + R.evidenceLabel(data, r.evidence || "none").toLowerCase() +
        (r.next_step ? ". Next step: " + sentence(r.next_step) : ".")]);
    })) : el("p", { text: rows[rows.length - 1].rated ? "No gaps among the items you have rated." :
      "You have not rated any items yet. Start on a competency page, such as Professional competencies, and rate each item on its card." });
    var unrated = R.expected(data, tier).filter(function (i) { return !state.ratings[i.id]; });
    var next = data.items.filter(function (i) { return i.min_tier === tier + 1 && i.kind !== "supervisor_standard"; });
    // Folded on screen; printed open (see openForPrint).
    function foldedList(summaryText, items, line) {
      return el("details", { "class": "hwc-fold" }, [el("summary", { text: summaryText }),
        el("ul", {}, items.map(function (i) { return el("li", {}, [itemLink(i)].concat(line ? line(i) : [])); }))]);
    }
    var noted = data.items.filter(function (i) { var r = state.ratings[i.id]; return r && (r.note || r.next_step); });
    var parts = [
      hint,
      tableBox,
      el("h2", { text: "Your gaps, most pressing first" }),
      el("p", { text: "Items your tier expects that you rated below " + data.target + " (" + data.levels[data.target].label +
        "): lowest rating first, then essential before desirable, then least evidence." }),
      gapList,
      unrated.length ? foldedList(R.words.notRated(unrated.length), unrated) : el("p", { text: "You have rated every item your tier expects." }),
      next.length ? foldedList(R.words.comingNext(tier + 1, next.length), next) : el("span"),
      noted.length ? foldedList("Notes and next steps you wrote: " + R.plural(noted.length, "item"), noted, function (i) {
        var r = state.ratings[i.id];
        return [": " + (r.note ? sentence(r.note) : "") + (r.note && r.next_step ? " " : "") + (r.next_step ? "Next step: " + sentence(r.next_step) : "")];
      }) : el("span")
    ];
    var asideIds = Object.keys(state.aside || {});
    if (asideIds.length) {
      parts.push(el("h2", { text: "Answers kept aside" }));
      parts.push(el("p", { text: "These answers are for items no longer in the framework: " + asideIds.join(", ") + "." }));
      parts.push(el("button", { type: "button", text: "Download the kept-aside answers", onclick: function () { HWC.download("kept-aside-answers.json", check.state.aside); } }));
    }
    // Focus inside the results (a link, a summary, a button) comes back to its match once they are drawn again.
    var focused = document.activeElement, mark = null;
    if (focused && results.contains(focused)) mark = [focused.tagName, focused.getAttribute("href"), focused.textContent];
    results.textContent = "";
    parts.forEach(function (p) { results.appendChild(p); });
    if (mark) {
      var again = Array.prototype.filter.call(results.querySelectorAll(mark[0]), function (n) {
        return n.getAttribute("href") === mark[1] && n.textContent === mark[2];
      })[0];
      if (again) again.focus();
    }
  }

  // Whose self-assessment a printed page is. Every page carries it in its top margin: a CSS page
  // margin box, whose words must be in a style sheet, so one is made here (a made style sheet is
  // not an inline style, which the page's security policy refuses). Where a browser cannot, the
  // first page still says it.
  function printHeading() {
    return "Self-assessment of " + (pseudonymOf(check.state) || "Me") + ", Tier " + check.state.tier + ", printed " + HWC.today();
  }
  var pageHead = null;
  function headEveryPage(text) {
    if (typeof CSSStyleSheet !== "function" || !Array.isArray(document.adoptedStyleSheets)) return;
    var quoted = '"' + text.replace(/[^\w ,.()-]/gu, function (c) { return "\\" + c.codePointAt(0).toString(16) + " "; }) + '"';
    try {
      if (!pageHead) {
        pageHead = new CSSStyleSheet();
        document.adoptedStyleSheets = document.adoptedStyleSheets.concat([pageHead]);
      }
      pageHead.replaceSync("@page { @top-left { content: " + quoted + "; } }");
    } catch (e) { /* the first page's line is enough */ }
  }
  // A folded list prints open, and folds again afterwards if it was folded.
  var foldedForPrint = [];
  window.addEventListener("beforeprint", function () {
    saveTyping();
    printLine.textContent = printHeading() + ".";
    headEveryPage(printHeading());
    foldedForPrint = Array.prototype.filter.call(results.querySelectorAll("details"), function (d) { return !d.open; });
    foldedForPrint.forEach(function (d) { d.open = true; });
  });
  window.addEventListener("afterprint", function () {
    foldedForPrint.forEach(function (d) { d.open = false; });
    foldedForPrint = [];
  });

  function refresh(elsewhere) {
    var state = check.state;
    if (elsewhere && nameTimer === null) name.value = state.pseudonym || "";
    tierSelect.value = String(state.tier);
    printLine.textContent = printHeading() + ".";
    headEveryPage(printHeading());
    fileStatus();
    drawResults();
  }

  root.setAttribute("data-ready", "1");
  root.textContent = "";
  var parts = [
    el("p", { "class": "hwc-privacy" }, [el("strong", { text: "Private to you. " }),
      "Your answers are kept in this browser, on this device only. Nothing is sent anywhere. " +
      "To keep a copy or to carry on elsewhere, save your answers to a file with the button below."])
  ];
  if (check.refused) {
    parts.push(el("p", { "class": "hwc-notice", text: "This browser is not letting the site keep data (site data may be blocked, " +
      "or this may be a private window), so answers last only while this page is open, and answers given on other pages are " +
      "not here. Carry on from a saved file below, and save your answers to a file before you close this page." }));
  }
  check.notices.forEach(function (text) { parts.push(el("p", { "class": "hwc-notice", text: text })); });
  parts = parts.concat([
    message, printLine,
    el("div", { "class": "hwc-details" }, [
      el("label", { "for": "hwc-pseudonym", text: "Your name on this summary (any name you like; it need not be your real one)" }), name,
      el("label", { "for": "hwc-tier", text: "Your tier" }), tierSelect]),
    results,
    el("h2", { "class": "hwc-keep", text: "Keep, move or clear your answers" }),
    el("div", { "class": "hwc-keep" }, [fileLine, persistLine]),
    el("div", { "class": "hwc-actions" }, [saveButton,
      el("button", { type: "button", text: "Print this summary", onclick: function () { window.print(); } }), clearButton]),
    el("div", { "class": "hwc-import" }, [
      el("label", { "for": "hwc-import", text: "Carry on from a saved file: choose my-self-assessment.json" }), fileInput]),
    confirmBox
  ]);
  parts.forEach(function (p) { root.appendChild(p); });
  name.value = check.state.pseudonym || "";
  refresh(false);
  check.redraws.push(refresh);
})(window.HWC);
