/* A supervisor's review beside the coach's ratings: both views side by side, what to talk about in
 * supervision, and whether a review is of this record (assessment/review_views.py,
 * records/review_file.match_review), free of the page so Node tests it against the package's
 * answers (tests/corpus/review/views.json). Needs hwc-portfolio-read.js and -fingerprint.js first.
 */
(function (HWC) {
  "use strict";

  var P = HWC.portfolioRules, R = HWC.review, ratingFingerprint = R.ratingFingerprint;

  // --- both views side by side (assessment/review_views.py) ------------------------------------
  function viewRows(data, ratings, views) {
    var rows = [];
    data.items.forEach(function (item) {
      var view = views[item.id];
      if (!view) return;
      var r = ratings[item.id];
      rows.push({ id: item.id, title: item.title, coach_level: r ? r.level : null, supervisor_level: view.level,
        comment: view.comment, evidence_confirmed: view.evidence_confirmed,
        changed: !r || ratingFingerprint(item.id, r) !== view.seen });
    });
    rows.forEach(function (row) {
      row.difference = row.coach_level === null || row.supervisor_level === null ? null : row.supervisor_level - row.coach_level;
      row.state = row.difference === null ? "no view of the level" : row.difference === 0 ? "agree" : row.difference > 0 ? "supervisor higher" : "supervisor lower";
    });
    return rows;
  }
  function talkAbout(rows) {
    var differ = rows.filter(function (r) { return r.difference; }).map(function (r, n) { return [r, n]; });
    differ.sort(function (a, b) { return Math.abs(b[0].difference) - Math.abs(a[0].difference) || a[1] - b[1]; });
    return differ.map(function (x) { return x[0]; }).concat(rows.filter(function (r) { return !r.difference && P.strip(r.comment); }));
  }
  function differenceWords(row) {
    var d = row.difference;
    if (d === null) return row.supervisor_level === null ? "no level given" : "you no longer rate it";
    if (d === 0) return "the same";
    return "supervisor " + Math.abs(d) + " " + (d > 0 ? "higher" : "lower");
  }

  /* records.review_file.match_review: { state: same | changed | different, text }. */
  function matchReview(review, fingerprintNow, pseudonym, ratings) {
    var by = "the review by " + review.reviewer + " (" + review.date + ")";
    if (fingerprintNow !== null && review.fingerprint === fingerprintNow) return { state: "same", text: "This record is the one " + by + " looked at, unchanged since." };
    if (review.coach !== pseudonym) {
      return { state: "different", text: "This is not the record " + by + " looked at: that was " + P.repr(review.coach) + "'s record, this is " + P.repr(pseudonym) + "'s. Check you have the right files." };
    }
    var changed = Object.keys(review.items).filter(function (id) { return !ratings[id] || ratingFingerprint(id, ratings[id]) !== review.items[id].seen; });
    if (changed.length) {
      return { state: "changed", text: "This record has changed since " + by + ": " + P.plural(changed.length, "item") + " it looked at changed since (" + changed.join(", ") + ")." };
    }
    if (fingerprintNow === null) return { state: "same", text: "No item " + by + " looked at has changed since." };
    return { state: "changed", text: "This record has changed since " + by + ", but no item it looked at has changed." };
  }

  R.viewRows = viewRows;
  R.talkAbout = talkAbout;
  R.differenceWords = differenceWords;
  R.matchReview = matchReview;
})(globalThis.HWC = globalThis.HWC || {});
