/* Reviews from a coach's supervisor, on the coach's own device: open a review file (checked as
 * the package checks it), keep several, newest first, each removable; and beside the coach's
 * ratings (My self-assessment, the portfolio summary, the evidence map), the newest review's view
 * of each item, what to talk about in supervision, and "changed since review" for any rating the
 * coach changed after it (by fingerprint). Needs hwc-portfolio-boot.js, -fingerprint.js, -review.js and, for
 * opening files, -reviewfile.js.
 */
(function (HWC) {
  "use strict";

  var C = HWC.portfolioPage, R = HWC.review;
  if (!C) return;
  var pd = C.pd, P = C.P, S = C.S, el = C.el, data = C.data, today = C.today, session = C.session;
  var KEY = "hwc-reviews";  // { reviews: { id: { review, added } } } (book/reference/privacy.md)
  var byId = {};
  data.items.forEach(function (i) { byId[i.id] = i; });

  function kept() {
    var doc = HWC.store.read(KEY), out = [];
    Object.keys((doc && doc.reviews) || {}).forEach(function (id) {
      var x = doc.reviews[id];
      if (x && x.review && x.review.items) out.push({ id: id, review: x.review, added: x.added || 0 });
    });
    return out.sort(function (a, b) { return a.review.date < b.review.date ? 1 : a.review.date > b.review.date ? -1 : b.added - a.added; });
  }

  // The coach's record now, as "Save my portfolio to a file" would write it (hwc-portfolio-store.js exportFile).
  function now() {
    var self = C.selfState(), pseudonym = P.strip(self.pseudonym || "") || "Me", ratings = {};
    data.items.forEach(function (item) {
      var r = self.ratings[item.id];
      if (r) ratings[item.id] = { level: r.level, evidence: r.evidence || "none", note: r.note || "", next_step: r.next_step || "" };
    });
    var file = { pseudonym: pseudonym, fte: S.setting(session.state, "fte", "1") };
    S.LISTS.forEach(function (name) { file[name] = S.live(session.state, name).map(function (e) { return e.cells; }); });
    var assessment = Object.keys(ratings).length ? { pseudonym: (self.pseudonym || "").trim() || "Me", tier: self.tier, ratings: ratings } : null;
    return { pseudonym: pseudonym, ratings: ratings, fingerprint: R.recordFingerprint(pd, file, assessment) };
  }
  function levelText(level) { return level === null ? "—" : C.levelLabel(level); }
  function evidenceText(row, rating) {
    var label = data.evidence.filter(function (o) { return o.state === (rating ? rating.evidence || "none" : "none"); })[0].label;
    if (row.evidence_confirmed) return "Confirmed in supervision (this review)";
    return rating && rating.evidence === "confirmed" ? label + ": you marked it; no review confirms it yet" : label;
  }

  // Both views side by side, for the newest review: the part on My self-assessment, the summary and the evidence map.
  function besideView(root) {
    function draw() {
      root.textContent = "";
      var all = kept();
      if (!all.length) {
        root.appendChild(el("p", {}, ["No review from your supervisor yet. When they send you one, open it on ",
          el("a", { href: HWC.root + "book/portfolio/reviews.html", text: "Reviews from your supervisor" }), " to see their view beside yours here."]));
        return;
      }
      var r = all[0].review, mine = now(), match = R.matchReview(r, mine.fingerprint, mine.pseudonym, mine.ratings);
      var rows = R.viewRows(data, mine.ratings, r.items), talk = R.talkAbout(rows);
      root.appendChild(el("p", { "class": match.state === "same" ? "" : "hwc-notice", text: "Newest review: " + r.reviewer + ", " + r.date + ". " + match.text }));
      root.appendChild(el("p", { text: "Your portfolio is a supportive toolkit for reflecting on your practice, not a formal assessment (section 9.2): where your views differ, talk it through." }));
      root.appendChild(C.table("Your rating and your supervisor's view, item by item", ["Item", "Your rating", "Supervisor's view", "Difference", "Evidence", "Comment"],
        rows.map(function (x) {
          return [x.id + " " + x.title, levelText(x.coach_level), levelText(x.supervisor_level),
            R.differenceWords(x) + (x.changed ? " (changed since review)" : ""), evidenceText(x, mine.ratings[x.id]), x.comment || "—"];
        }), "hwc-beside"));
      root.appendChild(el("p", { "class": "hwc-lead", text: "Talk about in supervision" }));
      root.appendChild(talk.length ? el("ol", {}, talk.map(function (x) {
        return el("li", { text: x.id + " " + x.title + ": " + R.differenceWords(x) + (x.changed ? " (changed since review)" : "") + (x.comment ? ". " + x.comment : "") });
      })) : el("p", { text: "Nothing: your views agree on every item your supervisor looked at." }));
      if (r.approvals.length) {
        root.appendChild(el("p", { "class": "hwc-lead", text: "Approvals in this review" }));
        root.appendChild(el("ul", {}, r.approvals.map(function (a) {
          return el("li", { text: "Tier " + a.tier + ", approved by " + a.name + " on " + a.date + " (their own tier: " + a.own_tier + "; " +
            (a.independent ? "independent of your organisation" : "in your organisation") + "), relying on your evidence entries " + a.evidence.join(", ") + "." });
        })));
      }
    }
    draw();
    HWC.store.watch(KEY, draw);
    C.onSelfChange(draw);
    session.redraws.push(draw);
  }

  // Open, keep and remove reviews: My portfolio's Reviews page.
  function reviewsView(root) {
    var message = el("div", { "class": "hwc-message", role: "alert" }), ask = el("div", { "class": "hwc-confirm", hidden: true });
    var input = el("input", { id: "hwc-reviews-open", type: "file", accept: "application/json,.json" }), list = el("div", {});
    function say(text) { message.textContent = text; }
    input.addEventListener("change", function () {
      P.openChosen(input, data.assessment.max_file_bytes, function (file, text, problem) {
        if (problem === "too big") { say("Not added: " + file.name + " is larger than the most a record file can be."); return; }
        if (problem) { say("Not added: " + file.name + " is not UTF-8 text."); return; }
        text = text.replace(/^\ufeff/, "");
        var got = R.checkReview(text, data, today());
        if (got[1]) { say("Not added: " + file.name + ": " + (got[1].where ? got[1].where + ": " : "") + got[1].problem); return; }
        var mine = now(), match = R.matchReview(got[0], mine.fingerprint, mine.pseudonym, mine.ratings);
        if (match.state === "different") { say("Not added: " + match.text); return; }
        var id = R.fingerprint(got[0]).slice(0, 16);
        HWC.store.update(KEY, function (doc) { doc = doc || {}; doc.reviews = doc.reviews || {}; doc.reviews[id] = { review: got[0], added: Date.now() }; return doc; });
        say("Added the review by " + got[0].reviewer + " of " + got[0].date + ". " + match.text);
      });
    });
    function remove(x) {
      C.confirmBox(ask, "Remove the review by " + x.review.reviewer + " of " + x.review.date + " from this browser? The file itself is not touched.", [["Remove the review", function () {
        HWC.store.update(KEY, function (doc) { if (!doc || !doc.reviews) return false; delete doc.reviews[x.id]; return doc; });
        say("Removed the review by " + x.review.reviewer + " of " + x.review.date + ".");
        input.focus();
      }]]);
    }
    function drawList() {
      list.textContent = "";
      var all = kept(), mine = now();
      if (!all.length) { list.appendChild(el("p", { text: "No reviews kept in this browser yet." })); return; }
      list.appendChild(el("ol", { "class": "hwc-reviews" }, all.map(function (x) {
        var r = x.review, match = R.matchReview(r, mine.fingerprint, mine.pseudonym, mine.ratings);
        return el("li", {}, [el("p", {}, [el("strong", { text: "Review by " + r.reviewer + ", " + r.date + ". " }),
          P.plural(Object.keys(r.items).length, "item") + ", " + P.plural(r.approvals.length, "approval") + ". " + match.text]),
        r.comment ? el("p", { text: "Their comment: " + r.comment }) : el("span", {}),
        el("button", { type: "button", text: "Remove the review by " + r.reviewer + " of " + r.date, onclick: function () { remove(x); } })]);
      })));
    }
    root.textContent = "";
    if (HWC.store.refused()) root.appendChild(el("p", { "class": "hwc-notice", text: "This browser is not letting the site keep data, so the reviews you open last only while this page is open." }));
    [el("p", { "class": "hwc-privacy" }, [el("strong", { text: "Private to you. " }), "Reviews are kept in this browser, on this device only. Nothing is sent anywhere."]),
      el("div", { "class": "hwc-import" }, [el("label", { "for": input.id, text: "Open a review from your supervisor (a file like review-2026-04-14.json)" }), input]),
      message, ask, el("p", { "class": "hwc-lead", text: "Reviews kept, newest first" }), list].forEach(function (n) { root.appendChild(n); });
    drawList();
    HWC.store.watch(KEY, drawList);
  }

  C.views.beside = besideView;
  C.views.reviews = reviewsView;
})(window.HWC);
