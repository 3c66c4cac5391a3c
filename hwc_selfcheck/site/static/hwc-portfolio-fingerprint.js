/* The fingerprint a supervisor's review names a coach's record by (core/fingerprint.py and
 * records/portfolio_file.record_fingerprint): SHA-256 of the canonical text, in plain JavaScript
 * so it is the same, and synchronous, on a page opened from a folder (file://) or from a server.
 * Free of the page so Node tests it against the package's test vectors (tests/corpus/review/).
 * Needs hwc-portfolio-read.js first.
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

  HWC.review = {
    FORMAT: "hwc-selfcheck/review", SCHEMA_VERSION: 1, sha256: sha256, canonical: canonical, fingerprint: fingerprint,
    ratingFingerprint: ratingFingerprint, recordFingerprint: recordFingerprint
  };
})(globalThis.HWC = globalThis.HWC || {});
