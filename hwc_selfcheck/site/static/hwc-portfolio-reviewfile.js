/* A supervisor's review file, checked as records/review_file.parse_review checks it: the same files
 * accepted and refused, the same field named (tests/corpus/review/files.json). Free of the page so
 * Node tests it. Needs hwc-portfolio-read.js and -fingerprint.js first.
 */
(function (HWC) {
  "use strict";

  var P = HWC.portfolioRules, R = HWC.review;
  var FORMAT = R.FORMAT, SCHEMA_VERSION = R.SCHEMA_VERSION, NAME_MAX = 80, NOTE_MAX = 2000;
  var HEX64 = /^[0-9a-f]{64}$/, ITEM_ID = /^[A-Z]{2}-[0-9]{2}$/, ISO = /^[0-9]{4}-[0-9]{2}-[0-9]{2}$/;
  var VISIBLE = /[^\t\n\x0b\f\r\x1c-\x1f \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]/u;

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

  R.checkReview = checkReview;
})(globalThis.HWC = globalThis.HWC || {});
