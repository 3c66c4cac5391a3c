/* My portfolio's pages: each list (add, change, delete, CSV in and out), the views worked out
 * from them (tier progress, supervision, evidence map, summary), and the whole file (save,
 * import, example data). Every place is a [data-hwc-portfolio] box the page's directive made.
 */
(function (HWC) {
  "use strict";

  var roots = document.querySelectorAll("[data-hwc-portfolio]");
  var pd = globalThis.HWC_PORTFOLIO, self = roots.length ? HWC.selfcheck() : null;
  if (!roots.length) return;
  if (!pd || !self) {
    roots.forEach(function (r) { r.appendChild(HWC.el("p", { role: "alert", text: "My portfolio could not load its rules. Please reload the page." })); });
    return;
  }
  var P = HWC.portfolioRules, S = HWC.portfolioStore, R = HWC.rules, el = HWC.el, data = self.data;
  var session = S.open(HWC.store, HWC.announce, Date.now());
  window.addEventListener("storage", function (e) { if (e.key === S.KEY && e.newValue) session.merge(e.newValue); });
  var YES = ["yes", "y", "true"];
  var NOUNS = { hours: "hours entry", supervision: "supervision session", training: "course", approvals: "approval", evidence: "piece of evidence" };
  var PLURALS = { hours: "hours entries", supervision: "supervision sessions", training: "courses", approvals: "approvals", evidence: "pieces of evidence" };
  function options(pairs) { return pairs; }
  var kinds = Object.keys(pd.log_kinds).map(function (k) { return [k, pd.kind_titles[k]]; });
  var types = Object.keys(pd.entry_types).map(function (k) { return [k, pd.entry_types[k].label]; });
  var tiers = [["", "Not known, or not a coach"], ["1", "Tier 1"], ["2", "Tier 2"], ["3", "Tier 3"], ["4", "Tier 4"]];
  // Each list's fields: [column, label, input, hint, choices]. Labels say what a spreadsheet column holds.
  var FIELDS = {
    hours: [["date", "Date", "date"], ["hours", "Hours of coaching", "number", "For example 1.5 for an hour and a half. At most 24."],
      ["setting", "Setting", "text", "Where, in your own words, such as GP practice."], ["nhs", "This coaching was in the NHS", "check"],
      ["supervised", "This coaching was supervised", "check"], ["note", "Note", "text"]],
    supervision: [["date", "Date", "date"], ["kind", "Kind of supervision", "select", "", options(kinds)],
      ["minutes", "Minutes", "number", "A whole number, such as 60."], ["supervisor", "Supervisor", "text", "A name or a role."],
      ["supervisor_tier", "The supervisor's tier", "select", "", tiers], ["note", "Note", "text"]],
    training: [["date", "Date the course ended", "date"], ["course", "Course", "text"],
      ["pci_accredited", "Accredited by the Personalised Care Institute (PCI)", "check"], ["days", "How many days it lasted", "number"], ["note", "Note", "text"]],
    approvals: [["date", "Date", "date"], ["tier", "Tier approved", "select", "", [["2", "Tier 2"], ["3", "Tier 3"], ["4", "Tier 4"]]],
      ["approved_by", "Approved by", "text", "The supervisor's name."],
      ["independent", "Is the supervisor from outside your organisation?", "select", "", [["", "Not known"], ["yes", "Yes"], ["no", "No"]]],
      ["competency_evidence", "They agreed my evidence of competency for this tier", "check"], ["note", "Note", "text"]],
    evidence: [["date", "Date", "date"], ["type", "Type of evidence", "select", "", options(types)],
      ["items", "Items it shows", "text", "Item IDs, such as PC-01; CE-03."], ["note", "What it is", "text"],
      ["where_kept", "Where it is kept", "text", "A reference only, such as 'my supervisor's file'. Never the recording or document itself."]]
  };

  function today() { return HWC.today(); }
  function yes(v) { return YES.indexOf(P.strip(v || "").toLowerCase()) >= 0; }
  function yesText(b) { return b === null ? "Not known" : b ? "Yes" : "No"; }
  function download(name, text, type) {
    var a = el("a", { href: URL.createObjectURL(new Blob([text], { type: type })), download: name });
    document.body.appendChild(a);
    a.click();
    window.setTimeout(function () { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
  }
  function table(caption, head, rows, cls) {
    return el("table", { "class": "hwc-table " + (cls || "") }, [el("caption", { text: caption }),
      el("thead", {}, [el("tr", {}, head.map(function (h) { return el("th", { scope: "col", text: h }); }))]),
      el("tbody", {}, rows.map(function (r) {
        return el("tr", {}, r.map(function (c, n) {
          return el("td", { "data-label": head[n] }, [typeof c === "string" || typeof c === "number" ? String(c) : c]);
        }));
      }))]);
  }
  function confirmBox(box, question, choices) {
    box.textContent = "";
    box.hidden = false;
    box.appendChild(el("p", { text: question }));
    var first = null;
    choices.concat([["Cancel", function () { HWC.announce("Nothing was changed."); }]]).forEach(function (c) {
      var b = el("button", { type: "button", text: c[0], onclick: function () { box.hidden = true; c[1](); } });
      box.appendChild(b);
      first = first || b;
    });
    first.focus();
  }

  // Every list, read as the package reads it; an entry the rules now refuse is shown but left out of the views.
  function readAll() {
    var out = { entries: {}, problems: {} };
    S.LISTS.forEach(function (name) {
      out.entries[name] = [];
      S.live(session.state, name).forEach(function (e, n) {
        var got = P.readEntry(pd, name, e.cells, today(), n + 1);
        if (got[0]) { got[0].stored = e; out.entries[name].push(got[0]); } else out.problems[e.id] = got[1].problem;
      });
    });
    return out;
  }

  // --- a list: its table, its form, CSV in and out ----------------------------------------------
  function listView(root) {
    var name = root.getAttribute("data-list"), fields = FIELDS[name], noun = NOUNS[name], editing = null, timer = null;
    var form, inputs = {}, errorBox = el("div", { "class": "hwc-message", role: "alert" }), tableBox = el("div", { "class": "hwc-list" });
    var ask = el("div", { "class": "hwc-confirm", hidden: true }), legend = el("legend", {}), submit = el("button", { type: "submit" });
    var cancel = el("button", { type: "button", text: "Cancel the change", hidden: true, onclick: function () { stopEditing(); HWC.announce("Change cancelled."); } });

    function cellsOfForm() {
      var cells = {};
      fields.forEach(function (f) {
        var input = inputs[f[0]];
        cells[f[0]] = f[2] === "check" ? (input.checked ? "yes" : "no") : input.value;
      });
      return cells;
    }
    function fill(cells) {
      fields.forEach(function (f) {
        var input = inputs[f[0]], v = (cells && cells[f[0]]) || "";
        if (f[2] === "check") input.checked = cells ? yes(v) : f[0] === "nhs";
        else if (f[2] === "date") input.value = P.toDate(v) || (cells ? v : "");
        else if (f[2] === "select") {
          var key = f[0] === "independent" ? (v ? (yes(v) ? "yes" : "no") : "") : f[0] === "kind" || f[0] === "type" ? P.headingKey(v) : P.strip(v);
          input.value = key;
          if (input.value !== key) input.selectedIndex = 0;
        } else input.value = v;
        input.removeAttribute("aria-invalid");
      });
    }
    function keepDraft() {
      if (editing) return;
      var cells = cellsOfForm();
      session.change(function (s, now) { S.setDraft(s, name, cells, now); });
    }
    function saveDraft() {  // what is typed is kept as it is typed, before it is added
      window.clearTimeout(timer);
      timer = window.setTimeout(keepDraft, 400);
    }
    function stopEditing() {
      editing = null;
      fill(S.draft(session.state, name));
      errorBox.textContent = "";
      label();
    }
    function label() {
      legend.textContent = editing ? "Change the " + noun + " of " + editing.when : "Add a " + noun;
      submit.textContent = editing ? "Save the change" : "Add";
      cancel.hidden = !editing;
    }
    function submitted(e) {
      e.preventDefault();
      window.clearTimeout(timer);
      var cells = cellsOfForm(), got = P.readEntry(pd, name, cells, today(), 1);
      fields.forEach(function (f) { inputs[f[0]].removeAttribute("aria-invalid"); });
      if (got[1]) {
        var column = got[1].where.split("field ")[1], f = fields.filter(function (x) { return x[0] === column; })[0];
        errorBox.textContent = "Not saved. " + (f ? f[1] : column) + ": " + got[1].problem;
        keepDraft();
        if (inputs[column]) { inputs[column].setAttribute("aria-invalid", "true"); inputs[column].focus(); }
        return;
      }
      var when = P.longDate(got[0].date);
      if (editing) {
        var id = editing.id;
        editing = null;
        session.change(function (s, now) { S.editEntry(s, name, id, cells, now); }, "Saved the change to the " + noun + " of " + when + ".");
      } else {
        session.change(function (s, now) { S.addEntry(s, name, cells, now); S.setDraft(s, name, null, now); },
          "Added the " + noun + " of " + when + ".");
      }
      stopEditing();
      inputs[fields[0][0]].focus();
    }
    function edit(entry) {
      editing = { id: entry.stored.id, when: P.longDate(entry.date) };
      fill(entry.stored.cells);
      label();
      errorBox.textContent = "";
      form.scrollIntoView({ block: "nearest" });
      inputs[fields[0][0]].focus();
    }
    function remove(entry) {
      var cells = entry.stored.cells, id = entry.stored.id, when = P.longDate(entry.date);
      session.change(function (s, now) { S.deleteEntry(s, name, id, now); }, "Deleted the " + noun + " of " + when + ".");
      errorBox.textContent = "";
      errorBox.appendChild(el("span", { text: "Deleted the " + noun + " of " + when + ". " }));
      var undo = el("button", { type: "button", text: "Undo", onclick: function () {
        session.change(function (s, now) { S.addEntry(s, name, cells, now, entry.stored.example); }, "Put back the " + noun + " of " + when + ".");
        errorBox.textContent = "";
      } });
      errorBox.appendChild(undo);
      undo.focus();
    }
    function shown(entry) {
      var e = entry;
      var when = [P.longDate(e.date)].concat(e.stored.example ? [el("span", { "class": "hwc-tag", text: " example" })] : []);
      var date = el("span", {}, when);
      var row = {
        hours: function () { return [date, P.hoursText(e.hours), e.setting, yesText(e.nhs), yesText(e.supervised), e.note]; },
        supervision: function () {
          return [date, pd.kind_titles[e.kind], String(e.minutes), e.supervisor, e.supervisor_tier ? "Tier " + e.supervisor_tier : "Not known", e.note];
        },
        training: function () { return [date, e.course, yesText(e.pci_accredited), String(e.days), e.note]; },
        approvals: function () { return [date, "Tier " + e.tier, e.approved_by, yesText(e.independent), yesText(e.competency_evidence), e.note]; },
        evidence: function () { return [date, pd.entry_types[e.type].label, e.items.join(", "), e.note, e.where_kept]; }
      }[name]();
      var what = noun + " of " + P.longDate(e.date);
      return row.concat([el("span", { "class": "hwc-row-actions" }, [
        el("button", { type: "button", text: "Change", "aria-label": "Change the " + what, onclick: function () { edit(e); } }),
        el("button", { type: "button", text: "Delete", "aria-label": "Delete the " + what, onclick: function () { remove(e); } })])]);
    }
    var HEADS = {
      hours: ["Date", "Hours", "Setting", "NHS", "Supervised", "Note"], supervision: ["Date", "Kind", "Minutes", "Supervisor", "Their tier", "Note"],
      training: ["Date", "Course", "PCI accredited", "Days", "Note"], approvals: ["Date", "Tier", "Approved by", "Independent", "Evidence agreed", "Note"],
      evidence: ["Date", "Type", "Items", "What it is", "Where it is kept"]
    };
    function drawTable() {
      var all = readAll(), list = all.entries[name].slice().sort(function (a, b) { return a.date < b.date ? 1 : a.date > b.date ? -1 : 0; });
      tableBox.textContent = "";
      var broken = S.live(session.state, name).filter(function (e) { return all.problems[e.id]; });
      if (!list.length && !broken.length) { tableBox.appendChild(el("p", { text: "No " + PLURALS[name] + " yet." })); return; }
      if (list.length) tableBox.appendChild(table("Your " + PLURALS[name] + ": " + list.length + ", newest first", HEADS[name].concat(["Actions"]), list.map(shown), "hwc-records"));
      broken.forEach(function (e) {
        tableBox.appendChild(el("p", { "class": "hwc-notice" }, ["An entry needs fixing and is left out of the checks: " + all.problems[e.id] + " ",
          el("button", { type: "button", text: "Delete it", onclick: function () { session.change(function (s, now) { S.deleteEntry(s, name, e.id, now); }, "Deleted."); } })]));
      });
    }

    var rows = fields.map(function (f) {
      var id = "hwc-" + name + "-" + f[0], hintId = id + "-hint", input;
      var described = f[3] ? hintId : null;
      if (f[2] === "select") input = el("select", { id: id, "aria-describedby": described }, f[4].map(function (o) { return el("option", { value: o[0], text: o[1] }); }));
      else if (f[2] === "check") input = el("input", { id: id, type: "checkbox" });
      else input = el("input", { id: id, type: f[2] === "date" ? "date" : "text", max: f[2] === "date" ? today() : null,
        inputmode: f[2] === "number" ? "decimal" : null, autocomplete: "off", "aria-describedby": described });
      inputs[f[0]] = input;
      input.addEventListener(f[2] === "text" || f[2] === "number" ? "input" : "change", saveDraft);
      var hint = f[3] ? el("span", { id: hintId, "class": "hwc-hint", text: f[3] }) : null;
      if (f[2] === "check") return el("div", { "class": "hwc-field hwc-check" }, [input, el("label", { "for": id, text: " " + f[1] })]);
      return el("div", { "class": "hwc-field" }, [el("label", { "for": id, text: f[1] })].concat(hint ? [hint] : [], [input]));
    });
    form = el("form", { "class": "hwc-entry-form", novalidate: "novalidate", onsubmit: submitted },
      [el("fieldset", {}, [legend].concat(rows, [el("div", { "class": "hwc-actions" }, [submit, cancel])]))]);

    var csvInput = el("input", { id: "hwc-" + name + "-csv", type: "file", accept: ".csv,text/csv" });
    csvInput.addEventListener("change", function () {
      var file = csvInput.files && csvInput.files[0];
      if (!file) return;
      file.arrayBuffer().then(function (buffer) {
        csvInput.value = "";
        var text;
        try { text = new TextDecoder("utf-8", { fatal: true }).decode(buffer); } catch (e) {
          errorBox.textContent = "Not imported: " + file.name + " is not UTF-8 text; save it from your spreadsheet as 'CSV UTF-8'. Nothing was changed.";
          return;
        }
        var got = S.readCsv(text, pd, name, today());
        if (got[1]) {
          errorBox.textContent = "Not imported: " + file.name + ": " + (got[1].where ? got[1].where + ": " : "") + got[1].problem + " Nothing was changed.";
          return;
        }
        var rowsIn = got[0], have = S.live(session.state, name).length, lists = {};
        lists[name] = rowsIn;
        var said = "Imported " + P.plural(rowsIn.length, "row") + " from " + file.name + ".";
        var addAll = function () { session.change(function (s, now) { S.addLists(s, lists, now); }, said); errorBox.textContent = said; };
        if (!have) { addAll(); return; }
        confirmBox(ask, file.name + " has " + P.plural(rowsIn.length, "row") + ". You have " + have + " " + (have === 1 ? noun : PLURALS[name]) + " already.", [
          ["Add them to mine", addAll],
          ["Replace mine with them", function () { session.change(function (s, now) { S.replaceLists(s, lists, now); }, said); errorBox.textContent = said; }]]);
      });
    });
    var csvBox = el("details", { "class": "hwc-csv" }, [el("summary", { text: "Use a spreadsheet: CSV files" }),
      el("p", { text: "The columns are " + pd.lists[name].columns.join(", ") + ", as the hwc-selfcheck command reads them. " +
        "Dates are written 2026-03-31 or 31/03/2026, and yes or no columns take yes or no." }),
      el("div", { "class": "hwc-actions" }, [el("button", { type: "button", text: "Export this list as CSV", onclick: function () {
        var cells = S.live(session.state, name).map(function (e) { return e.cells; });
        download("my-" + name + ".csv", S.writeCsv(pd, name, cells), "text/csv");
        HWC.announce("Saved " + P.plural(cells.length, "row") + " to my-" + name + ".csv in your downloads.");
      } })]),
      el("div", { "class": "hwc-import" }, [el("label", { "for": csvInput.id, text: "Import a CSV file into this list" }), csvInput])]);

    root.textContent = "";
    [form, errorBox, ask, tableBox, csvBox].forEach(function (n) { root.appendChild(n); });
    fill(S.draft(session.state, name));
    label();
    drawTable();
    session.redraws.push(drawTable);
  }

  // --- the views ----------------------------------------------------------------------------------
  function progressView(root) {
    function draw() {
      var all = readAll(), e = all.entries, p = P.tierProgress(pd, e.hours, e.training, e.approvals, today());
      root.textContent = "";
      root.appendChild(el("p", { "class": "hwc-lead", text: p.summary }));
      if (p.next_tier) {
        var hours = p.requirements.filter(function (r) { return r.tier === p.next_tier && r.what === "hours"; })[0];
        var tierRule = pd.tiers[p.next_tier - 1], have = Number(tierRule.hours_must_be_supervised ? p.supervised_nhs_hours : p.nhs_hours);
        root.appendChild(el("p", {}, [el("label", { "for": "hwc-hours-bar", text: "Hours that count for Tier " + p.next_tier + ": " }),
          el("progress", { id: "hwc-hours-bar", max: tierRule.nhs_coaching_hours, value: Math.min(have, tierRule.nhs_coaching_hours) }),
          " " + hours.text]));
        root.appendChild(el("h3", { text: "What Tier " + p.next_tier + " still needs" }));
        root.appendChild(p.missing.length ? el("ul", { "class": "hwc-missing" }, p.missing.map(function (r) {
          return el("li", {}, [el("strong", { text: "Tier " + r.tier + ", " + r.state + ": " }), r.text + " (" + r.source + ")."]);
        })) : el("p", { text: "Nothing: your records show everything Tier " + p.next_tier + " asks for." }));
      } else root.appendChild(el("p", { text: "Tier 4 is the highest tier." }));
      var last = p.next_tier || p.tier;
      root.appendChild(table("Everything up to Tier " + last + ", and where your records stand", ["Tier", "What it asks for", "Met?", "Source"],
        p.requirements.filter(function (r) { return r.tier <= last; }).map(function (r) {
          return [String(r.tier), r.text, r.met ? "Yes" : r.checked ? "Not yet" : "Not checked", r.source];
        })));
      if (p.projection) root.appendChild(el("p", { "class": "hwc-projection", text: p.projection.text }));
      p.notes.forEach(function (n) { root.appendChild(el("p", { "class": "hwc-notice", text: "Note: " + n })); });
    }
    draw();
    session.redraws.push(draw);
  }

  function fteNow() { return S.setting(session.state, "fte", "1"); }
  function periodNow() {
    return [S.setting(session.state, "from", P.addDays(P.addMonths(today(), -6), 1)), S.setting(session.state, "to", today())];
  }
  function supervisionResult() {
    var period = periodNow(), result;
    if (P.toDate(period[0]) !== period[0] || P.toDate(period[1]) !== period[1]) return [null, "choose the first and the last day of the period."];
    try { result = P.checkSupervision(pd, readAll().entries.supervision, period[0], period[1], fteNow()); } catch (e) {
      if (!e || !e.problem) throw e;
      return [null, e.problem.replace("--to", "the end date")];
    }
    return [result, null];
  }
  function findingsList(result, kinds, heading) {
    return el("div", {}, Object.keys(pd.finding_labels).filter(function (k) { return kinds.indexOf(k) >= 0; }).map(function (kind) {
      var chosen = result.findings.filter(function (f) { return f.kind === kind; });
      if (!chosen.length) return el("span");
      return el("div", {}, [el(heading, { text: pd.finding_labels[kind] }), el("ul", {}, chosen.map(function (f) {
        return el("li", {}, [el("strong", { text: f.topic + ": " }), f.sentence].concat(f.action ? [el("br"), "What to put in place: " + f.action] : []));
      }))]);
    }));
  }
  function dueList(result) {
    return el("ul", { "class": "hwc-due" }, result.due.map(function (d) {
      return el("li", {}, [el("strong", { text: d.overdue ? "Overdue. " : "On time. " }), d.text]);
    }));
  }
  function supervisionView(root) {
    var period = periodNow();
    var from = el("input", { id: "hwc-period-from", type: "date", value: period[0], max: today() });
    var to = el("input", { id: "hwc-period-to", type: "date", value: period[1], max: today() });
    var fte = el("input", { id: "hwc-fte", type: "text", inputmode: "decimal", value: fteNow(), autocomplete: "off", "aria-describedby": "hwc-fte-hint hwc-fte-problem" });
    var out = el("div", { "aria-live": "polite" }), fteProblem = el("span", { id: "hwc-fte-problem", "class": "hwc-hint" });
    function changed() {
      var share = P.strip(fte.value), problem = "";
      try { P.parseFte(share); } catch (e) { problem = "Not used: " + e.problem + "."; }
      fteProblem.textContent = problem;
      if (problem) fte.setAttribute("aria-invalid", "true"); else fte.removeAttribute("aria-invalid");
      session.change(function (s, now) {
        S.setSetting(s, "from", from.value, now); S.setSetting(s, "to", to.value, now);
        if (!problem) S.setSetting(s, "fte", share, now);  // the file never holds a working pattern the package would refuse
      });
    }
    [from, to].forEach(function (i) { i.addEventListener("change", changed); });
    fte.addEventListener("input", changed);
    function draw() {
      var got = supervisionResult();
      out.textContent = "";
      if (got[1]) { out.appendChild(el("p", { "class": "hwc-notice", text: "Cannot check: " + got[1] })); return; }
      var r = got[0];
      out.appendChild(el("h3", { text: "When each kind is next due" }));
      out.appendChild(dueList(r));
      out.appendChild(table("Supervision from " + P.longDate(r.start) + " to " + P.longDate(r.end) + ", for " + P.fteWords(P.parseFte(r.fte)),
        ["Kind of supervision", "Sessions in the period", "Minutes", "Last session"],
        r.summary.map(function (k) { return [k.title, String(k.sessions), String(k.minutes), k.last ? P.longDate(k.last) : "none recorded"]; })));
      out.appendChild(el("h3", { text: "Against the framework's frequencies" }));
      out.appendChild(findingsList(r, Object.keys(pd.finding_labels), "h4"));
      r.notes.forEach(function (n) { out.appendChild(el("p", { text: n })); });
    }
    root.textContent = "";
    root.appendChild(el("div", { "class": "hwc-details hwc-period" }, [
      el("label", { "for": "hwc-period-from", text: "Check from" }), from, el("label", { "for": "hwc-period-to", text: "to" }), to,
      el("label", { "for": "hwc-fte", text: "Your working pattern, as a share of full time" }),
      el("span", { id: "hwc-fte-hint", "class": "hwc-hint", text: "1 for full time; 0.6 for three days a week out of five." }), fte, fteProblem]));
    root.appendChild(out);
    draw();
    session.redraws.push(function () {
      if (document.activeElement !== fte) fte.value = fteNow();
      draw();
    });
  }

  function evidenceMap(root) {
    var areaSelect = el("select", { id: "hwc-map-area" }, [el("option", { value: "", text: "All areas" })].concat(
      data.areas.map(function (a) { return el("option", { value: a.key, text: a.title }); })));
    var missingOnly = el("input", { id: "hwc-map-missing", type: "checkbox" });
    var out = el("div", {});
    function label(t) { return pd.evidenced_by[t]; }
    function draw() {
      var tier = self.state.tier, all = readAll(), chosen = P.itemsForTier(data, tier);
      var cov = P.coverage(pd, all.entries.evidence, chosen), byId = {};
      data.items.forEach(function (i) { byId[i.id] = i; });
      var rows = cov.items.filter(function (c) {
        return (!areaSelect.value || byId[c.id].area === areaSelect.value) && (!missingOnly.checked || c.missing.length);
      });
      out.textContent = "";
      out.appendChild(el("p", { "class": "hwc-lead", text: "At Tier " + tier + ": " + cov.summary }));
      if (!rows.length) { out.appendChild(el("p", { text: "No items match these filters." })); return; }
      out.appendChild(table("Evidence for " + P.plural(rows.length, "item") + (areaSelect.value ? " in " + areaSelect.options[areaSelect.selectedIndex].text : ""),
        ["Item", "Your rating", "In your portfolio", "Still to collect", "Entries"], rows.map(function (c) {
          var item = byId[c.id], r = self.state.ratings[c.id];
          return [el("a", { href: HWC.root + item.url, text: c.id + " " + item.title }), r ? R.levelLabel(data, r.level) : "Not rated",
            el("ul", { "class": "hwc-held" }, c.present.map(function (t) { return el("li", { text: "Held: " + label(t) }); })),
            el("ul", { "class": "hwc-lacking" }, c.missing.map(function (t) { return el("li", { text: "Missing: " + label(t) }); })),
            String(c.entries)];
        }), "hwc-map"));
    }
    [areaSelect, missingOnly].forEach(function (i) { i.addEventListener("change", draw); });
    root.textContent = "";
    root.appendChild(el("div", { "class": "hwc-details hwc-filters" }, [el("label", { "for": "hwc-map-area", text: "Area" }), areaSelect,
      el("div", { "class": "hwc-check" }, [missingOnly, el("label", { "for": "hwc-map-missing", text: " Only items with evidence missing" })])]));
    root.appendChild(el("p", {}, ["Items your tier expects: you are at Tier " + self.state.tier + ". Change your tier on ",
      el("a", { href: HWC.root + "book/self-assessment/my-self-assessment.html", text: "My self-assessment" }), "."]));
    root.appendChild(out);
    draw();
    session.redraws.push(draw);
    self.redraws.push(draw);
  }

  function summaryView(root) {
    function draw() {
      var all = readAll(), e = all.entries, state = self.state, name = P.strip(state.pseudonym || "") || "Me";
      var p = P.tierProgress(pd, e.hours, e.training, e.approvals, today()), sup = supervisionResult();
      var cov = P.coverage(pd, e.evidence, P.itemsForTier(data, state.tier));
      root.textContent = "";
      root.appendChild(el("p", { "class": "hwc-lead", text: "Portfolio of " + name + ", Tier " + state.tier + " in the self-assessment, on " + P.longDate(today()) + "." }));
      if (S.exampleCount(session.state)) root.appendChild(el("p", { "class": "hwc-notice", text: "This includes Sam's example records." }));
      root.appendChild(el("p", { text: "Records: " + S.LISTS.map(function (l) { return P.plural(e[l].length, NOUNS[l], PLURALS[l]); }).join(", ") + "." }));
      root.appendChild(el("h2", { text: "Tier progress" }));
      root.appendChild(el("p", { text: p.summary }));
      if (p.missing.length) root.appendChild(el("ul", {}, p.missing.map(function (r) { return el("li", { text: "Tier " + r.tier + ", " + r.state + ": " + r.text + "." }); })));
      if (p.projection) root.appendChild(el("p", { text: p.projection.text }));
      root.appendChild(el("h2", { text: "Supervision" }));
      if (sup[0]) {
        root.appendChild(el("p", { text: "From " + P.longDate(sup[0].start) + " to " + P.longDate(sup[0].end) + ", for " + P.fteWords(P.parseFte(sup[0].fte)) + "." }));
        root.appendChild(dueList(sup[0]));
        root.appendChild(findingsList(sup[0], ["shortfall", "suggestion"], "h3"));
      } else root.appendChild(el("p", { text: "Cannot check: " + sup[1] }));
      root.appendChild(el("h2", { text: "Evidence" }));
      root.appendChild(el("p", { text: cov.summary }));
      var gaps = cov.items.filter(function (c) { return c.missing.length; });
      if (gaps.length) {
        root.appendChild(table("Evidence still to collect", ["Item", "Your rating", "Still to collect"], gaps.map(function (c) {
          var r = state.ratings[c.id];
          return [c.id, r ? R.levelLabel(data, r.level) : "Not rated", c.missing.map(function (t) { return pd.evidenced_by[t]; }).join("; ")];
        })));
      }
      var selfGaps = R.gaps(data, state.ratings, state.tier);
      root.appendChild(el("h2", { text: "Self-assessment gaps" }));
      root.appendChild(selfGaps.length ? el("ol", {}, selfGaps.map(function (i) {
        return el("li", { text: i.id + " " + i.title + ": rated " + R.levelLabel(data, state.ratings[i.id].level) + "." });
      })) : el("p", { text: "No gaps among the items you have rated." }));
      root.appendChild(el("div", { "class": "hwc-actions" }, [el("button", { type: "button", text: "Print this summary", onclick: function () { window.print(); } })]));
    }
    draw();
    session.redraws.push(draw);
    self.redraws.push(draw);
  }

  // --- the whole file, and the example ----------------------------------------------------------------
  function fileView(root) {
    var message = el("div", { "class": "hwc-message", role: "alert" }), ask = el("div", { "class": "hwc-confirm", hidden: true });
    var counts = el("p", {}), exampleBox = el("div", {});
    var input = el("input", { id: "hwc-portfolio-import", type: "file", accept: "application/json,.json" });
    function say(text) { message.textContent = text; }
    function countText() {
      return S.LISTS.map(function (l) { var n = S.live(session.state, l).length; return n + " " + (n === 1 ? NOUNS[l] : PLURALS[l]); }).join(", ");
    }
    function draw() {
      counts.textContent = "In this browser: " + countText() + ", and " + P.plural(Object.keys(self.state.ratings).length, "self-assessment answer") + ".";
      exampleBox.textContent = "";
      var n = S.exampleCount(session.state);
      exampleBox.appendChild(n ? el("div", { "class": "hwc-notice" }, [el("p", { text: "Your portfolio has " + P.plural(n, "example entry", "example entries") +
        " from Sam, a fictional coach. They are marked example in each list." }),
        el("button", { type: "button", text: "Remove the example data", onclick: function () {
          session.change(function (s, now) { S.removeExample(s, now); }, "Removed " + P.plural(n, "example entry", "example entries") + ". Your own entries are unchanged.");
          say("Removed the example data.");
        } })]) : el("button", { type: "button", text: "Try with example data", onclick: tryExample }));
    }
    function tryExample() {
      function add() {
        var ex = globalThis.HWC_PORTFOLIO_EXAMPLE;
        session.change(function (s, now) { S.addLists(s, ex, now, true); }, "Added Sam's example records. They are marked example and you can remove them in one step.");
        say("Added Sam's example records: " + S.LISTS.map(function (l) { return P.plural(ex[l].length, NOUNS[l], PLURALS[l]); }).join(", ") + ".");
      }
      if (globalThis.HWC_PORTFOLIO_EXAMPLE) { add(); return; }
      var script = el("script", { src: HWC.root + "_static/hwc-portfolio-example.js" });
      script.addEventListener("load", add);
      script.addEventListener("error", function () { say("The example could not be loaded. Please reload the page."); });
      document.head.appendChild(script);
    }
    // An imported self-assessment replaces the one kept in this browser (saved through HWC.rules, so it merges with other tabs).
    function useAssessment(s, record) {
      s.pseudonym = record.pseudonym; s.tier = record.tier; s.ratings = record.ratings;
      Object.keys(record.ratings).forEach(function (id) { delete s.drafts[id]; });
    }
    input.addEventListener("change", function () {
      var file = input.files && input.files[0];
      if (!file) return;
      file.arrayBuffer().then(function (buffer) {
        input.value = "";
        // Read as the package reads a record file: at most max_file_bytes of UTF-8 (a byte-order mark allowed).
        var bytes = new Uint8Array(buffer), text;
        if (bytes.byteLength > data.assessment.max_file_bytes) { say("Not imported: " + R.tooBig(data) + " Nothing was changed."); return; }
        try { text = new TextDecoder("utf-8", { fatal: true }).decode(bytes); } catch (e) {
          say("Not imported: " + file.name + " is not UTF-8 text. Open it in a text editor and save it again as UTF-8. Nothing was changed.");
          return;
        }
        var raw = null;
        try { raw = JSON.parse(text); } catch (e) { /* checkFile says so */ }
        var have = S.LISTS.reduce(function (n, l) { return n + S.live(session.state, l).length; }, 0), rated = Object.keys(self.state.ratings).length;
        if (raw && raw.format === data.assessment.format) {
          var checked = R.checkFile(bytes, data, today());
          if (checked[1]) { say("Not imported: " + checked[1] + " Nothing was changed."); return; }
          var useIt = function () {
            self.change(function (s) { useAssessment(s, checked[0]); }, "Imported your self-assessment.");
            say("Imported " + P.plural(Object.keys(checked[0].ratings).length, "self-assessment answer") + " from " + file.name + ". Your lists are unchanged.");
          };
          if (rated) confirmBox(ask, "This will replace the " + rated + " self-assessment answers in this browser.", [["Replace my answers", useIt]]);
          else useIt();
          return;
        }
        var got = S.checkFile(text, data, pd, today());
        if (got[1]) { say("Not imported: " + file.name + ": " + (got[1].where ? got[1].where + ": " : "") + got[1].problem + " Nothing was changed."); return; }
        var held = got[0];
        var restore = function () {
          session.change(function (s, now) { S.replaceLists(s, held.lists, now); S.setSetting(s, "fte", held.fte, now); });
          self.change(function (s) {
            if (held.assessment) useAssessment(s, held.assessment);
            else s.pseudonym = held.pseudonym;
          }, "Imported your portfolio.");
          say("Imported " + file.name + ": " + countText() + (held.assessment ? ", and your self-assessment." : ". It has no self-assessment, so yours is unchanged."));
        };
        if (have || (rated && held.assessment)) {
          confirmBox(ask, "This will replace the " + P.plural(have, "entry", "entries") + " in your portfolio" + (held.assessment && rated ? " and your self-assessment" : "") +
            ". Save your portfolio to a file first if you want to keep them.", [["Replace my portfolio", restore]]);
        } else restore();
      });
    });
    root.textContent = "";
    [el("p", { "class": "hwc-privacy" }, [el("strong", { text: "Private to you. " }), "Your portfolio is kept in this browser, on this device only. " +
      "Nothing is sent anywhere. Save it to a file to keep a copy, to move to another computer, or to check it with the hwc-selfcheck command."]),
    counts, message, ask, exampleBox,
    el("div", { "class": "hwc-actions" }, [el("button", { type: "button", text: "Save my portfolio to a file", onclick: function () {
      var file = S.exportFile(pd, data, session.state, self.state, today());
      download("my-portfolio.json", JSON.stringify(file, null, 2) + "\n", "application/json");
      say("Saved your portfolio to my-portfolio.json in your downloads: " + countText() + (file.assessment ? ", and your self-assessment." : ".") +
        (S.exampleCount(session.state) ? " It includes Sam's example entries: remove them first if you do not want them." : ""));
    } })]),
    el("div", { "class": "hwc-import" }, [el("label", { "for": input.id, text: "Carry on from a saved file: choose my-portfolio.json (or a self-assessment file)" }), input])
    ].forEach(function (n) { root.appendChild(n); });
    draw();
    session.redraws.push(draw);
    self.redraws.push(draw);
  }

  var VIEWS = { lists: listView, progress: progressView, supervision: supervisionView, "evidence-map": evidenceMap, summary: summaryView, file: fileView };
  roots.forEach(function (root) { VIEWS[root.getAttribute("data-hwc-portfolio")](root); root.setAttribute("data-ready", "1"); });
  var first = roots[0];
  session.notices.concat(self.notices).forEach(function (text) { first.insertBefore(el("p", { "class": "hwc-notice", role: "alert", text: text }), first.firstChild); });
  if (S.exampleCount(session.state) && !document.querySelector('[data-hwc-portfolio="file"]')) {
    first.insertBefore(el("p", { "class": "hwc-notice" }, ["You are looking at Sam's example records, a fictional coach. Remove them on ",
      el("a", { href: HWC.root + "book/portfolio/index.html", text: "My portfolio" }), "."]), first.firstChild);
  }
})(window.HWC);
