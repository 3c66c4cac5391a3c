/* A supervisor's review beside the coach's ratings, free of the page so Node tests it
 * (tests/js/review.test.js), with the package's answers in the conformance corpus (tests/corpus/review/):
 * - the fingerprint (core/fingerprint.py): SHA-256 of the canonical text, in plain JavaScript
 *   so it is the same, and synchronous, on a page opened from a folder (file://) or a server;
 * - both views side by side, what to talk about, and whether a review is of this record
 *   (assessment/review_views.py, records/review_file.match_review).
 * hwc-portfolio-reviewfile.js checks a review file; hwc-portfolio-approval.js the conditions for
 * an approval. Needs hwc-portfolio-read.js first.
 */
(function (HWC) {
  "use strict";

  var P = HWC.portfolioRules;
  var LISTS = ["hours", "supervision", "training", "approvals", "evidence"];

  // --- SHA-256 (FIPS 180-4) of an ASCII text --------------------------------------------------
  var K = [];
  (function () {
    var n = 2, found = 0;
    function frac(x) { return ((x - Math.floor(x)) * 4294967296) >>> 0; }
    while (found < 64) {
      var prime = true;
      for (var d = 2; d * d <= n; d++) if (n % d === 0) { prime = false; break; }
      if (prime) K[found++] = frac(Math.cbrt(n));
      n++;
    }
  })();
  function sha256(text) {
    var bytes = [], i;
    for (i = 0; i < text.length; i++) bytes.push(text.charCodeAt(i) & 0xff);
    var bits = bytes.length * 8;
    bytes.push(0x80);
    while (bytes.length % 64 !== 56) bytes.push(0);
    for (i = 7; i >= 0; i--) bytes.push(i >= 4 ? Math.floor(bits / Math.pow(2, 8 * i)) & 0xff : (bits >>> (8 * i)) & 0xff);
    var h = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19], w = new Array(64);
    function rot(x, n) { return (x >>> n) | (x << (32 - n)); }
    for (var off = 0; off < bytes.length; off += 64) {
      for (i = 0; i < 16; i++) w[i] = (bytes[off + 4 * i] << 24) | (bytes[off + 4 * i + 1] << 16) | (bytes[off + 4 * i + 2] << 8) | bytes[off + 4 * i + 3];
      for (i = 16; i < 64; i++) {
        var s0 = rot(w[i - 15], 7) ^ rot(w[i - 15], 18) ^ (w[i - 15] >>> 3), s1 = rot(w[i - 2], 17) ^ rot(w[i - 2], 19) ^ (w[i - 2] >>> 10);
        w[i] = (w[i - 16] + s0 + w[i - 7] + s1) | 0;
      }
      var a = h[0], b = h[1], c = h[2], d = h[3], e = h[4], f = h[5], g = h[6], hh = h[7];
      for (i = 0; i < 64; i++) {
        var t1 = (hh + (rot(e, 6) ^ rot(e, 11) ^ rot(e, 25)) + ((e & f) ^ (~e & g)) + K[i] + w[i]) | 0;
        var t2 = ((rot(a, 2) ^ rot(a, 13) ^ rot(a, 22)) + ((a & b) ^ (a & c) ^ (b & c))) | 0;
        hh = g; g = f; f = e; e = (d + t1) | 0; d = c; c = b; b = a; a = (t1 + t2) | 0;
      }
      h = [h[0] + a, h[1] + b, h[2] + c, h[3] + d, h[4] + e, h[5] + f, h[6] + g, h[7] + hh].map(function (x) { return x | 0; });
    }
    return h.map(function (x) { return ("00000000" + (x >>> 0).toString(16)).slice(-8); }).join("");
  }

  // --- the canonical text (keys sorted by code point, pure ASCII) and the fingerprint ------------
  function byCodePoint(a, b) {
    var x = Array.from(a), y = Array.from(b);
    for (var i = 0; i < Math.min(x.length, y.length); i++) {
      if (x[i] !== y[i]) return x[i].codePointAt(0) - y[i].codePointAt(0);
    }
    return x.length - y.length;
  }
  function asciiText(s) {
    return JSON.stringify(s).replace(/[^\x20-\x7e]/g, function (c) { return "\\u" + ("0000" + c.charCodeAt(0).toString(16)).slice(-4); });
  }
  function canonical(v) {
    if (v === null || typeof v === "boolean") return String(v);
    if (typeof v === "number") {
      if (!Number.isInteger(v)) throw new Error(v + " is not a whole number");
      return String(v);
    }
    if (typeof v === "string") return asciiText(v);
    if (Array.isArray(v)) return "[" + v.map(canonical).join(",") + "]";
    return "{" + Object.keys(v).sort(byCodePoint).map(function (k) { return asciiText(k) + ":" + canonical(v[k]); }).join(",") + "}";
  }
  function fingerprint(v) { return sha256(canonical(v)); }

  function ratingFingerprint(id, r) {
    return fingerprint({ id: id, level: r.level, evidence: r.evidence || "none", note: r.note || "", next_step: r.next_step || "" });
  }
  /* records.portfolio_file.record_fingerprint, from a portfolio file's JSON (as saved, or as read):
   * the self-assessment is the one checked (hwc-rules.js checkImport) or exported (exportRecord). */
  function recordFingerprint(pd, file, assessment) {
    var value = { pseudonym: P.strip(file.pseudonym), fte: P.strip("fte" in file ? file.fte : "1"), assessment: null };
    if (assessment) {
      var ratings = {};
      Object.keys(assessment.ratings).forEach(function (id) {
        var r = assessment.ratings[id];
        ratings[id] = { level: r.level, evidence: r.evidence || "none", note: r.note || "", next_step: r.next_step || "" };
      });
      value.assessment = { pseudonym: assessment.pseudonym, tier: assessment.tier, ratings: ratings };
    }
    LISTS.forEach(function (name) {
      value[name] = (file[name] || []).map(function (entry) {
        var cells = {};
        pd.lists[name].columns.forEach(function (c) { cells[c] = P.strip(entry[c] || ""); });
        return cells;
      });
    });
    return fingerprint(value);
  }

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

  HWC.review = {
    FORMAT: "hwc-selfcheck/review", SCHEMA_VERSION: 1, sha256: sha256, canonical: canonical, fingerprint: fingerprint, ratingFingerprint: ratingFingerprint,
    recordFingerprint: recordFingerprint, viewRows: viewRows, talkAbout: talkAbout, differenceWords: differenceWords,
    matchReview: matchReview
  };
})(globalThis.HWC = globalThis.HWC || {});
