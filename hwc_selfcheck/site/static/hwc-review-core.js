/* A supervisor's review, free of the page so Node tests it (tests/js/review.test.js):
 * - the fingerprint (core/fingerprint.py): SHA-256 of the canonical text, in plain JavaScript
 *   so it is the same, and synchronous, on a page opened from a folder (file://) or a server;
 * - the review file, checked as records/review_file.parse_review checks it (the same files
 *   accepted and refused, the same field named);
 * - both views side by side and what to talk about (assessment/review_views.py);
 * - the framework's conditions for an approval (practice/review_approvals.py).
 * The conformance corpus (tests/corpus/review/) holds the package's answers to compare.
 * Needs hwc-portfolio-read.js (and hwc-portfolio-checks.js for the approval conditions).
 */
(function (HWC) {
  "use strict";

  var P = HWC.portfolioRules;
  var FORMAT = "hwc-selfcheck/review", SCHEMA_VERSION = 1, NAME_MAX = 80, NOTE_MAX = 2000;
  var LISTS = ["hours", "supervision", "training", "approvals", "evidence"];
  var HEX64 = /^[0-9a-f]{64}$/, ITEM_ID = /^[A-Z]{2}-[0-9]{2}$/, ISO = /^[0-9]{4}-[0-9]{2}-[0-9]{2}$/;
  var VISIBLE = /[^\t\n\x0b\f\r\x1c-\x1f \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]/u;

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

  // --- the review file (records/review_file.parse_review) ---------------------------------------
  function isObject(v) { return v !== null && typeof v === "object" && !Array.isArray(v); }
  function has(o, k) { return Object.prototype.hasOwnProperty.call(o, k); }
  function length(s) { return Array.from(s).length; }
  function realDate(v) { return typeof v === "string" && ISO.test(v) && P.toDate(v) === v; }
  function fraction(v) {
    if (typeof v === "number") return Number.isInteger(v) ? null : v;
    if (Array.isArray(v)) { for (var i = 0; i < v.length; i++) { var f = fraction(v[i]); if (f !== null) return f; } return null; }
    if (isObject(v)) { var ks = Object.keys(v); for (var j = 0; j < ks.length; j++) { var g = fraction(v[ks[j]]); if (g !== null) return g; } }
    return null;
  }
  function whole(v, low, high) { return typeof v === "number" && Number.isInteger(v) && v >= low && v <= high; }
  function text(v, low, high) { return typeof v === "string" && length(v) >= low && length(v) <= high; }

  /* Fields of one model in order: [name, required, check(value) -> problem or null]; then unknown fields. */
  function model(obj, fields, where) {
    if (!isObject(obj)) return [where.slice(0, -1).replace(/[.,] ?$/, ""), "should be a group of fields in curly brackets { }"];
    for (var i = 0; i < fields.length; i++) {
      var f = fields[i];
      if (!has(obj, f[0])) { if (f[1]) return [where + f[0], "is missing; add it"]; continue; }
      var found = f[2](obj[f[0]], where + f[0]);
      if (found) return typeof found === "string" ? [where + f[0], found] : found;
    }
    var names = fields.map(function (x) { return x[0]; });
    var extra = Object.keys(obj).filter(function (k) { return names.indexOf(k) < 0; });
    return extra.length ? [where + extra[0], "is not a known field; check the spelling, or remove it"] : null;
  }
  function levelCheck(nullable) {
    return function (v) { return (nullable && v === null) || whole(v, 0, 4) ? null : "must be a whole number from 0 to 4" + (nullable ? ", or null" : ""); };
  }
  var ITEM_FIELDS = [
    ["coach_level", true, levelCheck(false)], ["level", true, levelCheck(true)],
    ["comment", false, function (v) { return text(v, 0, NOTE_MAX) ? null : "must be text of at most " + NOTE_MAX + " characters"; }],
    ["evidence_confirmed", false, function (v) { return typeof v === "boolean" ? null : "should be true or false"; }],
    ["seen", true, function (v) { return typeof v === "string" && HEX64.test(v) ? null : "must be a fingerprint: 64 hex digits"; }]
  ];
  function approvalFields(maxTier) {
    return [
      ["tier", true, function (v) { return whole(v, 2, maxTier) ? null : "must be a whole number from 2 to " + maxTier; }],
      ["date", true, function (v) { return realDate(v) ? null : "must be a date like 2026-03-31"; }],
      ["name", true, function (v) { return text(v, 1, NAME_MAX) ? null : "must be text of 1 to " + NAME_MAX + " characters"; }],
      ["own_tier", true, function (v) { return whole(v, 1, maxTier) ? null : "must be a whole number from 1 to " + maxTier; }],
      ["independent", true, function (v) { return typeof v === "boolean" ? null : "should be true or false"; }],
      ["evidence", false, function (v, at) {
        if (!Array.isArray(v)) return "should be a list in square brackets [ ]";
        for (var i = 0; i < v.length; i++) if (!(typeof v[i] === "number" && Number.isInteger(v[i]))) return [at + ", entry " + (i + 1), "is not a whole number"];
        if (v.some(function (n) { return n < 1; })) return "entry numbers start at 1";
        if (new Set(v).size !== v.length) return "names an entry twice";
        return null;
      }],
      ["note", false, function (v) { return text(v, 0, NOTE_MAX) ? null : "must be text of at most " + NOTE_MAX + " characters"; }]
    ];
  }
  function person(v) { return !text(v, 1, NAME_MAX) ? "must be text of 1 to " + NAME_MAX + " characters" : VISIBLE.test(v) ? null : "must not be blank"; }

  /* [review, null] or [null, { where, problem }], as the package reads the same JSON text. */
  function checkReview(json, data, today) {
    var raw, maxTier = 4, byId = {};
    data.items.forEach(function (i) { byId[i.id] = i; });
    try { raw = JSON.parse(json); } catch (e) { return [null, { where: null, problem: "is not valid JSON; is the file cut short?" }]; }
    if (!isObject(raw)) return [null, { where: null, problem: "must hold a JSON object (a review)" }];
    if (raw.format !== FORMAT) return [null, { where: "field format", problem: "is " + (has(raw, "format") ? JSON.stringify(raw.format) : "missing") + "; this is not a hwc-selfcheck review" }];
    var v = raw.schema_version;
    if (typeof v === "number" && v > SCHEMA_VERSION) return [null, { where: "field schema_version", problem: "is " + v + ", made by a newer hwc-selfcheck; this one reads up to " + SCHEMA_VERSION + ". Please update." }];
    var f = fraction(raw);
    if (f !== null) return [null, { where: null, problem: f + " is not a whole number; write it like 2" }];
    var found = model(raw, [
      ["format", true, function () { return null; }],
      ["schema_version", true, function (x) { return x === SCHEMA_VERSION || x === true ? null : "must be " + SCHEMA_VERSION; }],
      ["reviewer", true, person],
      ["date", true, function (x) { return realDate(x) ? null : "must be a date like 2026-03-31"; }],
      ["coach", true, person],
      ["fingerprint", true, function (x) { return typeof x === "string" && HEX64.test(x) ? null : "must be a fingerprint: 64 hex digits"; }],
      ["comment", false, function (x) { return text(x, 0, NOTE_MAX) ? null : "must be text of at most " + NOTE_MAX + " characters"; }],
      ["items", false, function (x) {
        if (!isObject(x)) return "should be a group of fields in curly brackets { }";
        var ids = Object.keys(x);
        for (var i = 0; i < ids.length; i++) {
          var inner = model(x[ids[i]], ITEM_FIELDS, "field items." + ids[i] + ".");
          if (inner) return inner;
        }
        var bad = ids.filter(function (id) { return !ITEM_ID.test(id); });
        return bad.length ? JSON.stringify(bad[0]) + " is not an item ID like PC-01" : null;
      }],
      ["approvals", false, function (x) {
        if (!Array.isArray(x)) return "should be a list in square brackets [ ]";
        for (var i = 0; i < x.length; i++) {
          var inner = model(x[i], approvalFields(maxTier), "field approvals, entry " + (i + 1) + ", ");
          if (inner) return inner;
        }
        return null;
      }]
    ], "field ");
    if (found) return [null, { where: found[0], problem: found[1] }];
    if (raw.date > today) return [null, { where: "field date", problem: raw.date + " is in the future" }];
    var items = raw.items || {}, ids = Object.keys(items);
    for (var n = 0; n < ids.length; n++) {
      if (!byId[ids[n]]) return [null, { where: "item " + ids[n], problem: "is not an item of the framework" }];
    }
    var approvals = raw.approvals || [];
    for (var a = 0; a < approvals.length; a++) {
      if (approvals[a].date > raw.date) return [null, { where: "approvals, entry " + (a + 1) + ", field date", problem: approvals[a].date + " is after the review's date, " + raw.date }];
    }
    var views = {};
    ids.forEach(function (id) {
      var x = items[id];
      views[id] = { coach_level: x.coach_level, level: x.level, comment: x.comment || "", evidence_confirmed: x.evidence_confirmed === true, seen: x.seen };
    });
    return [{ format: FORMAT, schema_version: SCHEMA_VERSION, reviewer: raw.reviewer, date: raw.date, coach: raw.coach,
      fingerprint: raw.fingerprint, comment: raw.comment || "", items: views,
      approvals: approvals.map(function (x) {
        return { tier: x.tier, date: x.date, name: x.name, own_tier: x.own_tier, independent: x.independent, evidence: (x.evidence || []).slice(), note: x.note || "" };
      }) }, null];
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

  // --- the conditions for an approval (practice/review_approvals.py) -----------------------------
  function asApproval(view) {
    return { date: view.date, tier: view.tier, approved_by: view.name, independent: view.independent, competency_evidence: view.evidence.length > 0, note: view.note || "" };
  }
  /* What is still missing before `view` can be recorded, as [{ text, source_section, source }]. `read` holds
   * the coach's hours, training and approvals as read (hwc-portfolio-read.js), `earlier` approvals this review records. */
  function approvalConditions(pd, view, read, earlier, evidenceCount) {
    var out = [], lowest = pd.supervision_kinds.health_coaching.provider_min_tier || pd.limits.min_tier;
    function add(text, source) { out.push({ text: text, source_section: source, source: P.cite(source) }); }
    if (view.own_tier < lowest) add("A health coaching supervisor is at Tier " + lowest + " or above; your own tier is " + view.own_tier + ".", "4.2.3");
    var tier = pd.tiers[view.tier - 1];
    if (tier.progression_approval && !view.independent) add("Tier " + view.tier + " is approved by a supervisor from outside the coach's own organisation; you said you are not.", "8.2.1");
    if (!view.evidence.length) add("Tier " + view.tier + " asks for evidence of the coach's level of competency; tick the pieces of their evidence you relied on.", "8.2");
    var beyond = view.evidence.filter(function (n) { return n > evidenceCount; });
    if (beyond.length) add("Evidence entry " + beyond[0] + " is not in the coach's portfolio, which holds " + evidenceCount + ".", "9.1");
    var progress = P.tierProgress(pd, read.hours, read.training, read.approvals.concat(earlier), view.date);
    progress.requirements.forEach(function (r) {
      if (r.tier > view.tier || r.met || (r.tier === view.tier && (r.what === "competency" || r.what === "approval"))) return;
      add("Tier " + r.tier + ", in the coach's records: " + r.text + ".", r.source_section);
    });
    return out;
  }
  function conditionText(c) { return c.text + " (" + c.source + ")"; }

  HWC.review = {
    FORMAT: FORMAT, SCHEMA_VERSION: SCHEMA_VERSION, sha256: sha256, canonical: canonical, fingerprint: fingerprint,
    ratingFingerprint: ratingFingerprint, recordFingerprint: recordFingerprint, checkReview: checkReview,
    viewRows: viewRows, talkAbout: talkAbout, differenceWords: differenceWords, matchReview: matchReview,
    asApproval: asApproval, approvalConditions: approvalConditions, conditionText: conditionText
  };
})(globalThis.HWC = globalThis.HWC || {});
