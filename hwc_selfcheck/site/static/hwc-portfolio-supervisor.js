/* The page for health coaching supervisors: open a coach's portfolio file (read on this device,
 * never uploaded), give a view of each item the coach rated beside theirs, record an approval to
 * move up a tier once the framework's conditions are met, and save a review file
 * (records/review_file.py). What the supervisor types is kept in this browser as it is typed,
 * under the record's fingerprint, so opening the same file again brings it back. It keeps no
 * portfolio of its own, so it starts the page itself rather than through hwc-portfolio-boot.js,
 * which keeps the page within its budget. Needs hwc-portfolio-read.js, -checks.js, -files.js,
 * -review.js, -approval.js, the item list and the self-check's file checks (hwc-rules.js).
 */
(function (HWC) {
  "use strict";

  var R = HWC.review, pd = globalThis.HWC_PORTFOLIO, data = globalThis.HWC_ITEMS, P = HWC.portfolioRules, F = HWC.portfolioFiles, el = HWC.el;
  if (!data) return;
  function today() { return HWC.today(); }
  function levelLabel(level) { return level + " " + data.levels[level].label; }
  function download(name, text) {
    var a = el("a", { href: URL.createObjectURL(new Blob([text], { type: "application/json" })), download: name });
    document.body.appendChild(a);
    a.click();
    window.setTimeout(function () { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
  }
  var KEY = "hwc-review-draft";  // the supervisor's own words, by record and item (book/reference/privacy.md)
  var byId = {};
  data.items.forEach(function (i) { byId[i.id] = i; });

  function evidenceLabel(state) { return data.evidence.filter(function (o) { return o.state === state; })[0].label; }
  function field(label, control, hint) {
    var kids = [el("label", { "for": control.id, text: label })];
    if (hint) { var h = el("span", { "class": "hwc-hint", id: control.id + "-hint", text: hint }); control.setAttribute("aria-describedby", h.id); kids.push(h); }
    kids.push(control);
    return el("div", { "class": "hwc-field" }, kids);
  }
  function select(id, options, value) {
    var s = el("select", { id: id });
    options.forEach(function (o) { var opt = el("option", { value: String(o[0]), text: o[1] }); if (String(o[0]) === String(value)) opt.selected = true; s.appendChild(opt); });
    return s;
  }
  function tiers(from) { var out = []; for (var t = from; t <= pd.limits.max_tier; t++) out.push([t, "Tier " + t]); return out; }

  function supervisorView(root) {
    var message = el("div", { "class": "hwc-message", role: "alert" });
    var input = el("input", { id: "hwc-review-open", type: "file", accept: "application/json,.json" });
    var work = el("div", {});
    var opened = null;  // { raw, read, fingerprint, name }
    function say(text) { message.textContent = text; }
    function draft() { return HWC.store.read(KEY) || {}; }
    function save(mutate) { HWC.store.update(KEY, function (doc) { doc = doc || {}; doc.views = doc.views || {}; doc.approvals = doc.approvals || {}; mutate(doc); return doc; }); }
    function key(id) { return opened.fingerprint + "|" + id; }

    input.addEventListener("change", function () {
      P.openChosen(input, data.assessment.max_file_bytes, function (file, text, problem) {
        if (problem === "too big") { say("Not opened: " + HWC.rules.tooBig(data)); return; }
        if (problem) { say("Not opened: " + file.name + " is not UTF-8 text."); return; }
        var got = F.checkFile(text, data, pd, today());
        if (got[1]) { say("Not opened: " + file.name + ": " + (got[1].where ? got[1].where + ": " : "") + got[1].problem); return; }
        var raw = JSON.parse(text.replace(/^\ufeff/, ""));
        opened = { raw: raw, read: got[0], name: file.name, fingerprint: R.recordFingerprint(pd, raw, got[0].assessment) };
        say("Opened " + file.name + ": " + got[0].pseudonym + "'s portfolio. It stays on this device; nothing was uploaded.");
        draw();
      });
    });

    function itemBox(id, rating, view) {
      var item = byId[id], base = "hwc-rv-" + id;
      var choice = view.level === undefined || view.level === null ? "none" : view.level === rating.level ? "agree" : "own";
      var own = select(base + "-level", data.levels.map(function (l) { return [l.level, l.level + " " + l.label]; }), view.level === null || view.level === undefined ? rating.level : view.level);
      var comment = el("textarea", { id: base + "-comment", rows: "2", maxlength: "2000" });
      comment.value = view.comment || "";
      var confirmed = el("input", { id: base + "-confirmed", type: "checkbox" });
      confirmed.checked = Boolean(view.evidence_confirmed);
      function radio(value, label) {
        var r = el("input", { type: "radio", name: base + "-view", id: base + "-" + value, value: value });
        r.checked = choice === value;
        r.addEventListener("change", keep);
        return el("div", { "class": "hwc-check" }, [r, " ", el("label", { "for": r.id, text: label })]);
      }
      function keep() {
        var picked = root.querySelector('input[name="' + base + '-view"]:checked');
        var v = picked ? picked.value : "none";
        own.disabled = v !== "own";
        save(function (doc) {
          doc.views[key(id)] = { coach_level: rating.level, level: v === "agree" ? rating.level : v === "own" ? Number(own.value) : null,
            comment: comment.value, evidence_confirmed: confirmed.checked, seen: R.ratingFingerprint(id, rating) };
        });
      }
      own.disabled = choice !== "own";
      [own, confirmed].forEach(function (c) { c.addEventListener("change", keep); });
      comment.addEventListener("input", keep);
      var linked = opened.read.read.evidence.map(function (e, n) { return [e, n + 1]; }).filter(function (x) { return x[0].items.indexOf(id) >= 0; });
      return el("fieldset", { "class": "hwc-review-item" }, [
        el("legend", { text: id + " " + item.title }),
        el("p", {}, [el("strong", { text: "The coach's rating: " }), levelLabel(rating.level) + ". Evidence: " + evidenceLabel(rating.evidence) + "."]),
        rating.note ? el("p", {}, [el("strong", { text: "Their note: " }), rating.note]) : el("span", {}),
        rating.next_step ? el("p", {}, [el("strong", { text: "Their next step: " }), rating.next_step]) : el("span", {}),
        el("p", { text: linked.length ? "In their portfolio for it: " + linked.map(function (x) { return "entry " + x[1] + " (" + pd.entry_types[x[0].type].label + ", " + x[0].date + ")"; }).join("; ") + "." : "No evidence in their portfolio names this item yet." }),
        el("div", { role: "group", "aria-label": "Your view of " + id }, [radio("none", "No view of the level yet"), radio("agree", "I agree with their rating"), radio("own", "My own level:")]),
        field("Your own level of " + id, own),
        field("Your comment on " + id, comment),
        el("div", { "class": "hwc-check" }, [confirmed, " ", el("label", { "for": confirmed.id, text: "Evidence confirmed in supervision" })])
      ]);
    }

    function approvalsBox(who) {
      var box = el("section", { "aria-labelledby": "hwc-rv-approve" }), result = el("div", { role: "alert" });
      var list = el("div", {});
      var tier = select("hwc-ap-tier", tiers(2), Math.min(pd.limits.max_tier, ((opened.read.assessment || {}).tier || 1) + 1));
      var day = el("input", { id: "hwc-ap-date", type: "date", value: today(), max: today() });
      var independent = select("hwc-ap-independent", [["", "Choose"], ["yes", "Yes: I am from outside the coach's organisation"], ["no", "No: I am in the same organisation"]], "");
      var note = el("textarea", { id: "hwc-ap-note", rows: "2", maxlength: "2000" });
      var evidence = opened.read.read.evidence.map(function (e, n) {
        var c = el("input", { type: "checkbox", id: "hwc-ap-ev-" + (n + 1), value: String(n + 1) });
        return el("div", { "class": "hwc-check" }, [c, " ", el("label", { "for": c.id, text: "Entry " + (n + 1) + ": " + pd.entry_types[e.type].label + ", " + e.date + (e.note ? ", " + e.note : "") })]);
      });
      function stored() {
        var d = draft(), out = [];
        Object.keys(d.approvals || {}).forEach(function (k) { if (k.indexOf(opened.fingerprint + "|") === 0) out.push([k, d.approvals[k]]); });
        return out.sort(function (a, b) { return a[1].tier - b[1].tier || (a[1].date < b[1].date ? -1 : 1); });
      }
      function drawList() {
        list.textContent = "";
        var kept = stored();
        if (!kept.length) { list.appendChild(el("p", { text: "No approval recorded in this review." })); return; }
        list.appendChild(el("ul", {}, kept.map(function (x) {
          var a = x[1];
          return el("li", {}, ["Tier " + a.tier + ", " + a.date + ", by " + a.name + " (Tier " + a.own_tier + (a.independent ? ", independent" : "") + "), relying on evidence entries " + a.evidence.join(", ") + ". ",
            el("button", { type: "button", text: "Remove the approval of Tier " + a.tier, onclick: function () { save(function (doc) { delete doc.approvals[x[0]]; }); drawList(); HWC.announce("Removed the approval of Tier " + a.tier + "."); } })]);
        })));
      }
      function add() {
        var name = P.strip(who.name.value), ownTier = Number(who.tier.value);
        var view = { tier: Number(tier.value), date: day.value, name: name, own_tier: ownTier, independent: independent.value === "yes",
          evidence: evidence.map(function (b) { return b.querySelector("input"); }).filter(function (c) { return c.checked; }).map(function (c) { return Number(c.value); }), note: note.value };
        var before = [];
        if (!name) before.push("Give your name, under About you.");
        if (!independent.value) before.push("Say whether you are from outside the coach's organisation.");
        if (!/^\d{4}-\d{2}-\d{2}$/.test(view.date) || P.toDate(view.date) !== view.date || view.date > today()) before.push("Give the date of the approval: today or earlier.");
        var earlier = stored().map(function (x) { return R.asApproval(x[1]); }).filter(function (a) { return a.tier < view.tier; });
        var missing = before.length ? [] : R.approvalConditions(pd, view, opened.read.read, earlier, opened.read.read.evidence.length).map(R.conditionText);
        result.textContent = "";
        var all = before.concat(missing);
        if (all.length) {
          result.appendChild(el("p", { "class": "hwc-lead", text: "Not recorded yet. Before this approval can be recorded:" }));
          result.appendChild(el("ul", { "class": "hwc-missing" }, all.map(function (t) { return el("li", { text: t }); })));
          return;
        }
        save(function (doc) { doc.approvals[opened.fingerprint + "|tier-" + view.tier] = view; });
        result.appendChild(el("p", { text: "Recorded the approval of Tier " + view.tier + ". It goes into the review file when you save it." }));
        drawList();
      }
      [el("h2", { id: "hwc-rv-approve", text: "Approve a move up a tier" }),
        el("p", { text: "Only when you are ready to. The page checks what the framework asks for first, and says what is still missing." }),
        field("Tier approved", tier), field("Date of the approval", day),
        field("Are you from outside the coach's own organisation?", independent, "The move from Tier 1 to Tier 2 is approved by a supervisor from outside it (section 8.2.1)."),
        el("fieldset", {}, [el("legend", { text: "The coach's evidence you relied on" })].concat(evidence.length ? evidence : [el("p", { text: "Their portfolio holds no evidence yet." })])),
        field("Note on the approval (optional)", note),
        el("button", { type: "button", text: "Check and record this approval", onclick: add }), result,
        el("h2", { text: "Approvals in this review" }), list
      ].forEach(function (n) { box.appendChild(n); });
      drawList();
      return box;
    }

    function saveReview(who, overall) {
      var name = P.strip(who.name.value);
      if (!name) { say("Not saved: give your name, under About you."); who.name.focus(); return; }
      var d = draft(), held = opened.read, ratings = held.assessment ? held.assessment.ratings : {}, items = {};
      Object.keys(ratings).forEach(function (id) {
        var v = (d.views || {})[key(id)];
        if (v && v.seen === R.ratingFingerprint(id, ratings[id]) && (v.level !== null || P.strip(v.comment) || v.evidence_confirmed)) items[id] = v;
      });
      var approvals = [];
      Object.keys(d.approvals || {}).forEach(function (k) { if (k.indexOf(opened.fingerprint + "|") === 0) approvals.push(d.approvals[k]); });
      approvals.sort(function (a, b) { return a.tier - b.tier; });
      var review = { format: R.FORMAT, schema_version: R.SCHEMA_VERSION, reviewer: name, date: today(), coach: held.pseudonym,
        fingerprint: opened.fingerprint, comment: overall.value, items: items, approvals: approvals };
      var text = JSON.stringify(review, null, 2) + "\n", fileName = "review-" + today() + ".json";
      download(fileName, text);
      say("Saved your review to " + fileName + " in your downloads: " + P.plural(Object.keys(items).length, "item") + " and " + P.plural(approvals.length, "approval") +
        ". Give it to the coach; they open it on My portfolio's Reviews page.");
    }

    function draw() {
      work.textContent = "";
      if (!opened) return;
      var held = opened.read, ratings = held.assessment ? held.assessment.ratings : {}, d = draft();
      var ids = data.items.map(function (i) { return i.id; }).filter(function (id) { return ratings[id]; });
      var who = { name: el("input", { id: "hwc-rv-name", type: "text", maxlength: "80", autocomplete: "name" }), tier: select("hwc-rv-tier", tiers(1), d.own_tier || 3) };
      who.name.value = d.reviewer || "";
      who.name.addEventListener("input", function () { save(function (doc) { doc.reviewer = who.name.value; }); });
      who.tier.addEventListener("change", function () { save(function (doc) { doc.own_tier = Number(who.tier.value); }); });
      var overall = el("textarea", { id: "hwc-rv-comment", rows: "3", maxlength: "2000" });
      overall.value = (d.comments || {})[opened.fingerprint] || "";
      overall.addEventListener("input", function () { save(function (doc) { doc.comments = doc.comments || {}; doc.comments[opened.fingerprint] = overall.value; }); });
      var items = el("div", {}, ids.map(function (id) { return itemBox(id, ratings[id], (d.views || {})[key(id)] || {}); }));
      [el("h2", { text: "About you" }),
        field("Your name", who.name, "It goes into the review file, so the coach knows whose view it is."),
        field("Your own tier", who.tier, "Health coaching supervision is given by someone at Tier 3 or above (section 4.2.3)."),
        field("Your comment on the portfolio as a whole (optional)", overall),
        el("h2", { text: "Each item " + held.pseudonym + " rated (" + ids.length + ")" }),
        el("p", { text: ids.length ? "Agree, or give your own level, and a comment where it helps. Your view sits beside theirs: it is for talking about in supervision, not a mark." : "This file has no self-assessment, so there are no ratings to give a view of." }),
        items, approvalsBox(who),
        el("h2", { text: "Save my review" }),
        el("button", { type: "button", text: "Save my review", onclick: function () { saveReview(who, overall); } })
      ].forEach(function (n) { work.appendChild(n); });
    }

    root.textContent = "";
    if (HWC.store.refused()) root.appendChild(el("p", { "class": "hwc-notice", text: "This browser is not letting the site keep data, so what you type lasts only while this page is open. Save your review before you close it." }));
    [el("p", { "class": "hwc-privacy" }, [el("strong", { text: "Nothing is uploaded. " }), "The coach's file is read on this device only, and only while this page is open. " +
      "What you type is kept in this browser until you save your review."]),
    el("div", { "class": "hwc-import" }, [el("label", { "for": input.id, text: "Open the coach's portfolio file (my-portfolio.json)" }), input]),
    message, work].forEach(function (n) { root.appendChild(n); });
  }

  HWC.portfolioStart = function () {
    document.querySelectorAll('[data-hwc-portfolio="supervisor"]').forEach(function (root) {
      if (pd) supervisorView(root);
      else root.appendChild(el("p", { role: "alert", text: "This page could not load its rules. Please reload the page." }));
      root.setAttribute("data-ready", "1");
    });
  };
})(window.HWC);
