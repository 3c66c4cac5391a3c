/* My portfolio's lists: for each list, a form to add or change an entry (checked as the package
 * checks it, the draft kept as typed), a table with change and delete (and undo), and CSV in
 * and out. Needs hwc-portfolio-boot.js.
 */
(function (HWC) {
  "use strict";

  var C = HWC.portfolioPage;
  if (!C) return;
  var pd = C.pd, P = C.P, S = C.S, F = C.F, el = C.el, session = C.session, NOUNS = C.NOUNS, PLURALS = C.PLURALS, today = C.today, yes = C.yes, yesText = C.yesText, download = C.download, table = C.table, confirmBox = C.confirmBox, readAll = C.readAll;
  function options(pairs) { return pairs; }
  // The two lists with no sensible default start on a prompt, which is refused if left so.
  var kinds = [["", "Choose a kind"]].concat(Object.keys(pd.log_kinds).map(function (k) { return [k, pd.kind_titles[k]]; }));
  var types = [["", "Choose a type"]].concat(Object.keys(pd.entry_types).map(function (k) { return [k, pd.entry_types[k].label]; }));
  var WHO = { approved_by: "who approved it" };
  // A refusal of one field as a sentence: "Enter the date.", "Hours of coaching must be more than 0."
  function fieldSentence(f, problem) {
    var label = f[1], low = label.charAt(0).toLowerCase() + label.slice(1);
    if (problem === "is empty") return (f[2] === "select" ? "Choose " : "Enter ") + (WHO[f[0]] || (/^how /i.test(label) ? low : "the " + low)) + ".";
    return F.sentence(null, label + (/^(must|is) /.test(problem) ? " " : ": ") + problem);
  }
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

  // --- a list: its table, its form, CSV in and out ----------------------------------------------
  function listView(root) {
    var name = root.getAttribute("data-list"), fields = FIELDS[name], noun = NOUNS[name], editing = null, timer = null;
    var form, inputs = {}, errorBox = el("div", { "class": "hwc-message", role: "alert" }), tableBox = el("div", { "class": "hwc-list" });
    // A refused Add says why beside the field at fault, which it describes; a CSV import's result shows beside its picker.
    var fieldError = el("div", { id: "hwc-" + name + "-error", "class": "hwc-message hwc-field-error", role: "alert" });
    var csvMessage = el("div", { "class": "hwc-message hwc-csv-message", role: "alert" }), hints = {}, emptyItemsOk = false;
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
      });
      clearError();
    }
    function clearError() {
      if (fieldError.parentNode) fieldError.parentNode.removeChild(fieldError);
      fieldError.textContent = "";
      fields.forEach(function (f) {
        var input = inputs[f[0]];
        input.removeAttribute("aria-invalid");
        if (hints[f[0]]) input.setAttribute("aria-describedby", hints[f[0]]); else input.removeAttribute("aria-describedby");
      });
    }
    function showError(column, text, extra) {
      clearError();
      var input = inputs[column], box = input.parentNode;
      box.insertBefore(fieldError, input.type === "checkbox" ? box.firstChild : input);
      fieldError.appendChild(el("span", { text: text }));
      if (extra) fieldError.appendChild(extra);
      input.setAttribute("aria-invalid", "true");
      input.setAttribute("aria-describedby", (hints[column] ? hints[column] + " " : "") + fieldError.id);
      input.focus({ preventScroll: true });
      box.scrollIntoView({ block: "nearest" });
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
      legend.textContent = editing ? "Change the " + noun + " of " + editing.when : "Add " + P.aOrAn(noun);
      submit.textContent = editing ? "Save the change" : "Add";
      cancel.hidden = !editing;
    }
    function submitted(e) {
      e.preventDefault();
      window.clearTimeout(timer);
      var cells = cellsOfForm(), got = P.readEntry(pd, name, cells, today(), 1), anyway = emptyItemsOk;
      emptyItemsOk = false;
      if (got[1]) {
        var column = got[1].where.split("field ")[1], f = fields.filter(function (x) { return x[0] === column; })[0];
        keepDraft();
        showError(inputs[column] ? column : fields[0][0], "Not saved. " + (f ? fieldSentence(f, got[1].problem) : F.sentence(column, got[1].problem)));
        return;
      }
      if (name === "evidence") {
        if (!got[0].items.length && !anyway) {
          keepDraft();
          showError("items", "This entry shows no items: add the item IDs it shows, like PC-01, or save it anyway. ",
            el("button", { type: "button", text: "Save it anyway", onclick: function () { emptyItemsOk = true; form.requestSubmit(); } }));
          return;
        }
        cells.items = got[0].items.join("; ");  // saved as the package reads them: PC-01, not pc1
      }
      var over = tooLongDays([got[0]], editing ? editing.id : null);
      if (over.length) {
        keepDraft();
        showError(pd.day_limits[name].column, "Not saved. With this " + noun + ", " + over[0].problem);
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
    // The rule across rows (hours, supervision): `added` with the entries kept (but the one being
    // changed) may not add up to more than a day, or the list's CSV export would be refused.
    function tooLongDays(added, skipId) {
      if (!pd.day_limits[name]) return [];
      var kept = readAll().entries[name].filter(function (e) { return e.stored.id !== skipId; });
      return P.dayProblems(pd, name, kept.concat(added), "entries");
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
        // Focus goes to the entry put back (its Delete button), or else to the form.
        var back = Array.prototype.filter.call(tableBox.querySelectorAll("button"), function (b) {
          return b.getAttribute("aria-label") === "Delete the " + noun + " of " + when; })[0];
        (back || inputs[fields[0][0]]).focus();
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
        evidence: function () {  // an item ID never wraps at its hyphen
          var ids = el("span", {}, e.items.reduce(function (out, id, n) { return out.concat(n ? [", "] : [], [el("span", { "class": "hwc-nowrap", text: id })]); }, []));
          return [date, pd.entry_types[e.type].label, ids, e.note, e.where_kept];
        }
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
      if (pd.day_limits[name]) P.dayProblems(pd, name, list, "entries").forEach(function (p) {
        tableBox.appendChild(el("p", { "class": "hwc-notice", text: "Please check the " + PLURALS[name] + " of one day: " + p.problem +
          " Until you change or delete one, a saved portfolio file will be refused." }));
      });
      broken.forEach(function (e) {
        tableBox.appendChild(el("p", { "class": "hwc-notice" }, ["An entry needs fixing and is left out of the checks: " + all.problems[e.id] + " ",
          el("button", { type: "button", text: "Delete it", onclick: function () {
            session.change(function (s, now) { S.deleteEntry(s, name, e.id, now); }, "Deleted the entry that needed fixing.");
            inputs[fields[0][0]].focus();
          } })]));
      });
    }

    var rows = fields.map(function (f) {
      var id = "hwc-" + name + "-" + f[0], hintId = id + "-hint", input;
      var described = f[3] ? hintId : null;
      hints[f[0]] = described;
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

    // Every problem of a refused file, as the command lists them, so all can be fixed at once.
    function refused(fileName, problems) {
      var place = function (p) { return F.sentence(p.where, p.problem); }, errorBox = csvMessage;
      errorBox.textContent = "";
      if (problems.length === 1) { errorBox.textContent = "Not imported: " + fileName + ". " + place(problems[0]) + " Nothing was changed."; return; }
      var shown = problems.slice(0, pd.max_problems_shown).map(place);
      if (problems.length > shown.length) shown.push("... and " + (problems.length - shown.length) + " more");
      errorBox.appendChild(el("p", { text: "Not imported: " + fileName + " has " + P.plural(problems.length, "problem") + "; fix them and import it again. Nothing was changed." }));
      errorBox.appendChild(el("ul", {}, shown.map(function (t) { return el("li", { text: t }); })));
    }
    var csvInput = el("input", { id: "hwc-" + name + "-csv", type: "file", accept: ".csv,text/csv" });
    csvInput.addEventListener("change", function () {
      P.openChosen(csvInput, null, function (file, text, problem) {
        var errorBox = csvMessage;
        if (problem) {
          errorBox.textContent = "Not imported: " + file.name + " is not UTF-8 text; save it from your spreadsheet as 'CSV UTF-8'. Nothing was changed.";
          return;
        }
        var got = F.readCsv(text, pd, name, today());
        if (got[1]) { refused(file.name, got[1].problems); return; }
        var rowsIn = got[0], have = S.live(session.state, name).length, lists = {};
        if (name === "evidence") rowsIn.forEach(function (cells) { cells.items = P.readEntry(pd, name, cells, today())[0].items.join("; "); });
        lists[name] = rowsIn;
        var said = "Imported " + P.plural(rowsIn.length, "row") + " from " + file.name + ".";
        var addAll = function () {
          var over = tooLongDays(rowsIn.map(function (cells) { return P.readEntry(pd, name, cells, today())[0]; }), null);
          if (over.length) {
            errorBox.textContent = "Not added: with the " + PLURALS[name] + " you have, " + over.map(function (p) { return p.problem; }).join(" ") + " Nothing was changed.";
            HWC.announce("Nothing was changed.");
            return;
          }
          session.change(function (s, now) { S.addLists(s, lists, now); }, said);
          errorBox.textContent = said;
        };
        if (!have) { addAll(); return; }
        confirmBox(ask, file.name + " has " + P.plural(rowsIn.length, "row") + ". You have " + have + " " + (have === 1 ? noun : PLURALS[name]) + " already.", [
          ["Add them to mine", addAll],
          ["Replace mine with them", function () { session.change(function (s, now) { S.replaceLists(s, lists, now); }, said); errorBox.textContent = said; }]], csvInput);
      });
    });
    var csvBox = el("details", { "class": "hwc-csv" }, [el("summary", { text: "Use a spreadsheet: CSV files" }),
      el("p", { text: "The columns are " + pd.lists[name].columns.join(", ") + ", as the hwc-selfcheck command reads them. " +
        "Dates are written 2026-03-31 or 31/03/2026, and yes or no columns take yes or no (y and n, true and false, 1 and 0 work too)." }),
      el("div", { "class": "hwc-actions" }, [el("button", { type: "button", text: "Export this list as CSV", onclick: function () {
        var cells = S.live(session.state, name).map(function (e) { return e.cells; });
        download("my-" + name + ".csv", F.writeCsv(pd, name, cells), "text/csv");
        HWC.announce("Saved " + P.plural(cells.length, "row") + " to my-" + name + ".csv in your downloads.");
      } })]),
      el("div", { "class": "hwc-import" }, [el("label", { "for": csvInput.id, text: "Import a CSV file into this list" }), csvInput])]);

    root.textContent = "";
    [form, errorBox, tableBox, csvBox, csvMessage, ask].forEach(function (n) { root.appendChild(n); });
    fill(S.draft(session.state, name));
    label();
    drawTable();
    session.redraws.push(drawTable);
  }


  C.views.lists = listView;
})(window.HWC);
