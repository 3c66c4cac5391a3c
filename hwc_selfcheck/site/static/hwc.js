/* hwc-selfcheck in the browser.
 *
 * Rate each competency on its own card; see progress and a prioritised list
 * of gaps on "My self-assessment"; export and import the package's own JSON
 * format. Answers live in this browser's localStorage and nowhere else.
 * The item list comes from _static/hwc-items.js, generated from the Python
 * package at build time, so the browser and Python always agree.
 * Without JavaScript nothing here runs and every page still reads in full.
 */
(function () {
  "use strict";

  var KEY = "hwc-selfcheck";
  var STORAGE_VERSION = 1;
  var EVIDENCE_ORDER = { none: 0, planned: 1, collected: 2, confirmed: 3 };
  var ROOT = document.documentElement.getAttribute("data-content_root") || "./";

  var data = null; // the items file
  var byId = {};
  var state = null; // what this browser keeps
  var readOnly = false; // stored by a newer version: never overwrite it
  var notices = []; // messages about stored answers, shown on load

  // ---- small helpers ---------------------------------------------------------

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (k === "text") node.textContent = attrs[k];
      else if (k.slice(0, 2) === "on") node.addEventListener(k.slice(2), attrs[k]);
      else if (attrs[k] !== null && attrs[k] !== undefined && attrs[k] !== false) node.setAttribute(k, attrs[k]);
    });
    (children || []).forEach(function (c) {
      node.appendChild(typeof c === "string" ? document.createTextNode(c) : c);
    });
    return node;
  }

  // Created at start-up: screen readers only announce changes to a live
  // region that was already in the page.
  var liveRegion = null;
  function ensureLiveRegion() {
    if (!liveRegion) {
      liveRegion = el("div", { "class": "hwc-visually-hidden", role: "status", "aria-live": "polite" });
      document.body.appendChild(liveRegion);
    }
  }
  function announce(text) {
    ensureLiveRegion();
    liveRegion.textContent = "";
    window.setTimeout(function () { liveRegion.textContent = text; }, 50);
  }

  var store = {
    get: function (key) {
      try { return window.localStorage.getItem(key); } catch (e) { return null; }
    },
    set: function (key, value) {
      try { window.localStorage.setItem(key, value); return true; } catch (e) { return false; }
    },
    remove: function (key) {
      try { window.localStorage.removeItem(key); } catch (e) { /* nothing stored */ }
    }
  };

  function today() {
    var d = new Date();
    return d.getFullYear() + "-" + String(d.getMonth() + 1).padStart(2, "0") + "-" + String(d.getDate()).padStart(2, "0");
  }

  function levelLabel(level) {
    return level + " " + data.levels[level].label;
  }

  function evidenceLabel(stateName) {
    for (var i = 0; i < data.evidence.length; i++) if (data.evidence[i].state === stateName) return data.evidence[i].label;
    return stateName;
  }

  // ---- storage: load, migrate, save -----------------------------------------

  function fresh() {
    return { storage_version: STORAGE_VERSION, pseudonym: "", tier: 1, ratings: {}, aside: {} };
  }

  function migrate(s) {
    s.ratings = s.ratings || {};
    s.aside = s.aside || {};
    var moved = [];
    Object.keys(s.ratings).forEach(function (id) {
      var now = data.renamed[id];
      if (now && byId[now] && !s.ratings[now]) {
        s.ratings[now] = s.ratings[id];
        delete s.ratings[id];
      } else if (!byId[id]) {
        s.aside[id] = s.ratings[id];
        delete s.ratings[id];
        moved.push(id);
      }
    });
    if (moved.length) {
      notices.push("Answers for " + moved.join(", ") + " are for items that are no longer in the framework. " +
        "They are kept aside, not deleted: see My self-assessment.");
    }
    return s;
  }

  function loadState() {
    var raw = store.get(KEY);
    if (!raw) return fresh();
    var s;
    try {
      s = JSON.parse(raw);
    } catch (e) {
      s = null;
    }
    if (!s || typeof s !== "object" || typeof s.storage_version !== "number") {
      var aside = KEY + ":unreadable:" + Date.now();
      store.set(aside, raw);
      store.remove(KEY);
      notices.push("Your saved answers could not be read, so they were kept aside in this browser (" + aside + ") and you can start again.");
      return fresh();
    }
    if (s.storage_version > STORAGE_VERSION) {
      readOnly = true;
      notices.push("Your answers were saved by a newer version of this site. They are shown but will not be changed here.");
    }
    return migrate(s);
  }

  function save(message) {
    if (readOnly) return;
    state.storage_version = STORAGE_VERSION;
    if (store.set(KEY, JSON.stringify(state))) {
      if (message) announce(message);
    } else {
      announce("Could not save: this browser is not letting the site keep data.");
    }
    refreshProgress();
  }

  // ---- the rules, as in hwc_selfcheck.analysis ---------------------------------

  function expected(tier) {
    return data.items.filter(function (i) { return i.min_tier <= tier && i.kind !== "supervisor_standard"; });
  }

  function gaps(tier) {
    var position = {};
    data.items.forEach(function (item, n) { position[item.id] = n; });
    return expected(tier).filter(function (i) {
      var r = state.ratings[i.id];
      return r && r.level < data.target;
    }).sort(function (a, b) {
      var ra = state.ratings[a.id], rb = state.ratings[b.id];
      return (ra.level - rb.level) ||
        ((a.essential ? 0 : 1) - (b.essential ? 0 : 1)) ||
        (EVIDENCE_ORDER[ra.evidence || "none"] - EVIDENCE_ORDER[rb.evidence || "none"]) ||
        (position[a.id] - position[b.id]);
    });
  }

  // ---- a form on every item card --------------------------------------------

  function cardForm(item) {
    var key = item.id.toLowerCase();
    var saved = state.ratings[item.id] || {};
    var form;
    // Seen, not spoken: the live region already speaks each save.
    var seen = el("p", { "class": "hwc-saved", "aria-hidden": "true" });
    // Every change reads the whole form, so nothing typed before a rating is chosen is lost.
    function changed(message) {
      var picked = form.querySelector('input[name="level-' + key + '"]:checked');
      var level = picked && picked.value !== "" ? Number(picked.value) : null;
      if (level === null) {
        var had = Boolean(state.ratings[item.id]);
        delete state.ratings[item.id];
        save(had ? "Cleared your rating for " + item.id + "." : "");
        if (!had) announce("Choose a rating to save " + item.id + ".");
        seen.textContent = had ? "Rating cleared." : "Choose a rating to save your answers.";
        return;
      }
      var now = new Date();
      seen.textContent = "Saved in this browser at " + String(now.getHours()).padStart(2, "0") + ":" + String(now.getMinutes()).padStart(2, "0") + ".";
      state.ratings[item.id] = {
        level: level,
        evidence: form.querySelector("#evidence-" + key).value,
        note: form.querySelector("#note-" + key).value,
        next_step: form.querySelector("#next_step-" + key).value
      };
      save(message);
    }
    var radios = [el("label", { "class": "hwc-level" }, [
      el("input", { type: "radio", name: "level-" + key, value: "", checked: saved.level === undefined,
        onchange: function () { changed(); } }), " Not rated"])];
    data.levels.forEach(function (lvl) {
      radios.push(el("label", { "class": "hwc-level", title: lvl.description }, [
        el("input", { type: "radio", name: "level-" + key, value: String(lvl.level), checked: saved.level === lvl.level,
          onchange: function () { changed("Saved: " + item.id + " rated " + levelLabel(lvl.level) + "."); } }),
        " " + levelLabel(lvl.level)]));
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
      var done = ids.filter(function (id) { return state.ratings[id]; }).length;
      box.querySelector("progress").value = done;
      box.querySelector(".hwc-count").textContent = done + " of " + ids.length;
    });
    var summary = document.querySelector("[data-hwc-summary]");
    if (summary && summary.getAttribute("data-ready")) renderSummary(summary);
  }

  function enhanceCards() {
    var cards = document.querySelectorAll("div.hwc-item[id]");
    var ids = [];
    cards.forEach(function (card) {
      var item = byId[card.id.toUpperCase()];
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
        el("a", { href: ROOT + "book/self-assessment/my-self-assessment.html", text: "See my self-assessment" }), "."]),
      el("progress", { max: ids.length, value: 0, "aria-label": "Items rated on this page" }),
      el("details", {}, [el("summary", { text: "What the ratings mean" }), el("ul", {}, data.levels.map(function (lvl) {
        return el("li", {}, [el("strong", { text: levelLabel(lvl.level) + ": " }), lvl.description]);
      }))])
    ]);
    cards[0].parentNode.insertBefore(box, cards[0]);
    notices.forEach(function (text) { box.appendChild(el("p", { "class": "hwc-notice", role: "alert", text: text })); });
  }

  // ---- the summary page ------------------------------------------------------

  function exportRecord() {
    var ratings = {};
    data.items.forEach(function (item) {
      var r = state.ratings[item.id];
      if (r) ratings[item.id] = { level: r.level, evidence: r.evidence || "none", note: r.note || "", next_step: r.next_step || "" };
    });
    return { format: data.assessment.format, schema_version: data.assessment.schema_version,
      pseudonym: (state.pseudonym || "").trim() || "Me", date: today(), tier: state.tier, ratings: ratings };
  }

  function download(name, object) {
    var blob = new Blob([JSON.stringify(object, null, 2) + "\n"], { type: "application/json" });
    var a = el("a", { href: URL.createObjectURL(blob), download: name });
    document.body.appendChild(a);
    a.click();
    window.setTimeout(function () { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
  }

  // Checks a file as hwc_selfcheck.assessment does; returns [record, null] or [null, problem].
  function checkImport(text) {
    var raw;
    try { raw = JSON.parse(text); } catch (e) { return [null, "This file is not valid JSON. Is it cut short?"]; }
    if (!raw || typeof raw !== "object" || Array.isArray(raw)) return [null, "This file does not hold a self-assessment."];
    if (raw.format !== data.assessment.format) return [null, "This is not a hwc-selfcheck self-assessment file (field format)."];
    var v = raw.schema_version;
    if (v === 1 && raw.ratings && typeof raw.ratings === "object") {
      Object.keys(raw.ratings).forEach(function (id) {
        if (typeof raw.ratings[id] === "number") raw.ratings[id] = { level: raw.ratings[id] };
      });
    } else if (typeof v === "number" && v > data.assessment.schema_version) {
      return [null, "This file was made by a newer version of hwc-selfcheck (schema version " + v + "). Please update."];
    } else if (v !== data.assessment.schema_version) {
      return [null, "Field schema_version: " + JSON.stringify(v) + " is not a version this site knows."];
    }
    if (typeof raw.pseudonym !== "string" || !raw.pseudonym.trim() || raw.pseudonym.length > 80) return [null, "Field pseudonym: must be 1 to 80 characters."];
    if (typeof raw.date !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(raw.date) || isNaN(Date.parse(raw.date))) return [null, "Field date: must be a date like 2026-03-02."];
    if (raw.date > today()) return [null, "Field date: " + raw.date + " is in the future."];
    if ([1, 2, 3, 4].indexOf(raw.tier) < 0) return [null, "Field tier: must be 1, 2, 3 or 4."];
    if (!raw.ratings || typeof raw.ratings !== "object" || Array.isArray(raw.ratings)) return [null, "Field ratings: must be a set of ratings by item ID."];
    var allowed = ["level", "evidence", "note", "next_step"];
    var ratings = {};
    var ids = Object.keys(raw.ratings);
    for (var n = 0; n < ids.length; n++) {
      var id = data.renamed[ids[n]] || ids[n], r = raw.ratings[ids[n]];
      if (!byId[id]) return [null, "Item " + ids[n] + ": is not an item of the framework."];
      if (!r || typeof r !== "object") return [null, "Item " + id + ": must be a rating."];
      var extra = Object.keys(r).filter(function (k) { return allowed.indexOf(k) < 0; });
      if (extra.length) return [null, "Item " + id + ", field " + extra[0] + ": is not a known field."];
      if (!Number.isInteger(r.level) || r.level < 0 || r.level > data.levels.length - 1) return [null, "Item " + id + ", field level: must be a whole number from 0 to " + (data.levels.length - 1) + "."];
      var ev = r.evidence === undefined ? "none" : r.evidence;
      if (!(ev in EVIDENCE_ORDER)) return [null, "Item " + id + ", field evidence: must be none, planned, collected or confirmed."];
      var bad = ["note", "next_step"].filter(function (k) { return r[k] !== undefined && (typeof r[k] !== "string" || r[k].length > data.assessment.note_max); });
      if (bad.length) return [null, "Item " + id + ", field " + bad[0] + ": must be text of at most " + data.assessment.note_max + " characters."];
      ratings[id] = { level: r.level, evidence: ev, note: r.note || "", next_step: r.next_step || "" };
    }
    return [{ pseudonym: raw.pseudonym, tier: raw.tier, ratings: ratings }, null];
  }

  function itemLink(item) {
    return el("a", { href: ROOT + item.url, text: item.id + " " + item.title });
  }

  var flash = ""; // a message to show once, after the summary is drawn again
  function renderSummary(root) {
    root.setAttribute("data-ready", "1");
    var keepFocus = document.activeElement && document.activeElement.id;
    root.textContent = "";
    var tier = state.tier;
    var message = el("div", { "class": "hwc-message", role: "alert" });
    function say(text) { message.textContent = text; }
    if (flash) { message.textContent = flash; flash = ""; }

    var name = el("input", { id: "hwc-pseudonym", type: "text", maxlength: 80, autocomplete: "off", disabled: readOnly,
      onchange: function (e) { state.pseudonym = e.target.value; save("Saved your pseudonym."); } });
    name.value = state.pseudonym || "";
    var tierSelect = el("select", { id: "hwc-tier", disabled: readOnly,
      onchange: function (e) { state.tier = Number(e.target.value); save("Saved: you are at Tier " + state.tier + "."); } },
      [1, 2, 3, 4].map(function (n) { return el("option", { value: String(n), selected: n === tier, text: "Tier " + n }); }));

    var rows = [];
    var allExpected = expected(tier), allRated = 0, allAtTarget = 0, allSum = 0;
    // As hwc_selfcheck.analysis.summary_groups: general capabilities get their own row.
    var groups = [];
    data.areas.forEach(function (area) {
      if (area.key === "supervision") return;
      groups.push({ title: area.title, test: function (i) { return i.area === area.key && i.kind !== "general_capability"; } });
      if (area.key === "professional") groups.push({ title: "General capabilities", test: function (i) { return i.kind === "general_capability"; } });
    });
    groups.forEach(function (area) {
      var items = allExpected.filter(area.test);
      if (!items.length) return;
      var rated = items.filter(function (i) { return state.ratings[i.id]; });
      var atTarget = rated.filter(function (i) { return state.ratings[i.id].level >= data.target; }).length;
      var mean = rated.length ? rated.reduce(function (s, i) { return s + state.ratings[i.id].level; }, 0) / rated.length : null;
      allRated += rated.length; allAtTarget += atTarget;
      allSum += rated.reduce(function (s, i) { return s + state.ratings[i.id].level; }, 0);
      rows.push([area.title, items.length, rated.length, atTarget, mean === null ? "—" : mean.toFixed(1)]);
    });
    rows.push(["All areas", allExpected.length, allRated, allAtTarget, allRated ? (allSum / allRated).toFixed(1) : "—"]);
    var table = el("table", { "class": "hwc-table" }, [
      el("caption", { text: "Your progress at Tier " + tier }),
      el("thead", {}, [el("tr", {}, ["Area", "Items expected", "Rated", "At " + data.target + " or above", "Average"].map(function (h) {
        return el("th", { scope: "col", text: h }); }))]),
      el("tbody", {}, rows.map(function (r) { return el("tr", {}, r.map(function (c) { return el("td", { text: String(c) }); })); }))
    ]);

    var gapItems = gaps(tier);
    var gapList = gapItems.length ? el("ol", { "class": "hwc-gaps" }, gapItems.map(function (item) {
      var r = state.ratings[item.id];
      return el("li", {}, [itemLink(item), ": rated " + levelLabel(r.level) + "; " + evidenceLabel(r.evidence || "none").toLowerCase() +
        (r.next_step ? ". Next step: " + r.next_step : "") + "."]);
    })) : el("p", { text: allRated ? "No gaps among the items you have rated." :
      "You have not rated any items yet. Start on a competency page, such as Professional competencies, and rate each item on its card." });
    var unrated = allExpected.filter(function (i) { return !state.ratings[i.id]; });
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
        var checked = checkImport(text);
        fileInput.value = "";
        if (checked[1]) { say("Not imported: " + checked[1] + " Your saved answers are unchanged."); return; }
        var replace = function () {
          state.pseudonym = checked[0].pseudonym; state.tier = checked[0].tier; state.ratings = checked[0].ratings;
          flash = "Imported " + Object.keys(state.ratings).length + " answers from " + file.name + ".";
          save(flash); // saving draws the summary again, with the flash
        };
        var count = Object.keys(state.ratings).length;
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
      el("p", { "class": "hwc-print-only", text: "Self-assessment of " + ((state.pseudonym || "").trim() || "Me") + ", Tier " + tier + ", printed " + today() + "." }),
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
      parts.push(el("button", { type: "button", text: "Download the kept-aside answers", onclick: function () { download("kept-aside-answers.json", state.aside); } }));
    }
    parts.push(el("h2", { text: "Keep, move or clear your answers" }));
    parts.push(el("div", { "class": "hwc-actions" }, [
      el("button", { type: "button", text: "Save my answers to a file", onclick: function () {
        download("my-self-assessment.json", exportRecord());
        say("Saved " + Object.keys(state.ratings).length + " answers to my-self-assessment.json in your downloads." +
          ((state.pseudonym || "").trim() ? "" : " The file names you \"Me\" because the pseudonym box is empty."));
      } }),
      el("button", { type: "button", text: "Print this summary", onclick: function () { window.print(); } }),
      el("button", { type: "button", text: "Clear all my answers", disabled: readOnly, onclick: function () {
        ask("Delete all " + Object.keys(state.ratings).length + " answers from this browser? This cannot be undone.", "Yes, delete them", function () {
          state = fresh(); flash = "All your answers were deleted from this browser."; save(flash);
        });
      } })
    ]));
    parts.push(el("div", { "class": "hwc-import" }, [
      el("label", { "for": "hwc-import", text: "Carry on from a saved file: choose my-self-assessment.json" }), fileInput]));
    parts.push(confirmBox);
    parts.forEach(function (p) { root.appendChild(p); });
    if (keepFocus && document.getElementById(keepFocus)) document.getElementById(keepFocus).focus();
    notices.forEach(function (text) { root.insertBefore(el("p", { "class": "hwc-notice", text: text }), message); });
  }

  // ---- start -----------------------------------------------------------------

  function start(items) {
    data = items;
    data.items.forEach(function (item) { byId[item.id] = item; });
    state = loadState();
    if (!readOnly && notices.length) store.set(KEY, JSON.stringify(state));
    enhanceCards();
    var summary = document.querySelector("[data-hwc-summary]");
    if (summary) renderSummary(summary);
    refreshProgress();
  }

  window.HWC = { announce: announce, store: store, el: el };
  if (document.querySelector("div.hwc-item[id], [data-hwc-summary], .hwc-quiz")) ensureLiveRegion();
  if (document.querySelector("div.hwc-item[id], [data-hwc-summary]")) {
    if (window.HWC_ITEMS) {
      start(window.HWC_ITEMS);
    } else {
      var box = document.querySelector("[data-hwc-summary]");
      if (box) box.appendChild(el("p", { role: "alert", text: "The self-check could not load its list of items. Please reload the page." }));
    }
  }
})();
