/* My portfolio's views, worked out again at every change: tier progress, supervision against
 * the framework's frequencies with what is overdue, the evidence map, and the printable
 * summary. Needs hwc-portfolio-boot.js, and hwc-portfolio-checks.js for tier progress and
 * supervision.
 */
(function (HWC) {
  "use strict";

  var C = HWC.portfolioPage;
  if (!C) return;
  var pd = C.pd, P = C.P, S = C.S, el = C.el, data = C.data, session = C.session, NOUNS = C.NOUNS, PLURALS = C.PLURALS, today = C.today, table = C.table, readAll = C.readAll, selfState = C.selfState, levelLabel = C.levelLabel, onSelfChange = C.onSelfChange;
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
        return el("li", {}, [el("strong", { text: f.topic + ": " }), f.sentence].concat(f.action ? [el("br"), "What your employer should put in place: " + f.action] : []));
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
    var from = el("input", { id: "hwc-period-from", type: "date", value: period[0], max: today(), "aria-describedby": "hwc-period-hint" });
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
      el("label", { "for": "hwc-period-from", text: "Check from" }),
      el("span", { id: "hwc-period-hint", "class": "hwc-hint", text: "Started less than six months ago? Check from your first day." }), from, el("label", { "for": "hwc-period-to", text: "to" }), to,
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
      var state = selfState(), tier = state.tier, all = readAll(), chosen = P.itemsForTier(data, tier);
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
          var item = byId[c.id], r = state.ratings[c.id];
          return [el("a", { href: HWC.root + item.url, text: c.id + " " + item.title }), r ? levelLabel(r.level) : "Not rated",
            el("ul", { "class": "hwc-held" }, c.present.map(function (t) { return el("li", { text: "Held: " + label(t) }); })),
            el("ul", { "class": "hwc-lacking" }, c.missing.map(function (t) { return el("li", { text: "Missing: " + label(t) }); })),
            String(c.entries)];
        }), "hwc-map"));
    }
    [areaSelect, missingOnly].forEach(function (i) { i.addEventListener("change", draw); });
    root.textContent = "";
    root.appendChild(el("div", { "class": "hwc-details hwc-filters" }, [el("label", { "for": "hwc-map-area", text: "Area" }), areaSelect,
      el("div", { "class": "hwc-check" }, [missingOnly, el("label", { "for": "hwc-map-missing", text: " Only items with evidence missing" })])]));
    root.appendChild(el("p", {}, ["Items your tier expects: you are at Tier " + selfState().tier + ". Change your tier on ",
      el("a", { href: HWC.root + "book/self-assessment/my-self-assessment.html", text: "My self-assessment" }), "."]));
    root.appendChild(out);
    draw();
    session.redraws.push(draw);
    onSelfChange(draw);
  }

  function summaryView(root) {
    function draw() {
      var all = readAll(), e = all.entries, state = selfState(), name = P.strip(state.pseudonym || "") || "Me";
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
          return [el("span", { "class": "hwc-nowrap", text: c.id }), r ? levelLabel(r.level) : "Not rated", c.missing.map(function (t) { return pd.evidenced_by[t]; }).join("; ")];
        })));
      }
      root.appendChild(el("h2", { text: "Self-assessment" }));
      root.appendChild(el("p", {}, [P.plural(Object.keys(state.ratings).length, "item") + " rated. Your gaps, most pressing first, are on ",
        el("a", { href: HWC.root + "book/self-assessment/my-self-assessment.html", text: "My self-assessment" }), ", which prints too."]));
      root.appendChild(el("div", { "class": "hwc-actions" }, [el("button", { type: "button", text: "Print this summary", onclick: function () { window.print(); } })]));
    }
    draw();
    session.redraws.push(draw);
    onSelfChange(draw);
  }


  C.views.progress = progressView;
  C.views.supervision = supervisionView;
  C.views["evidence-map"] = evidenceMap;
  C.views.summary = summaryView;
})(window.HWC);
