/* The self-check's rules and storage, as the Python package has them, free of the page so
 * Node tests them (tests/js/). `data`: the item list; `store`: get, set, remove.
 */
(function (HWC) {
  "use strict";

  var KEY = "hwc-selfcheck";
  var STORAGE_VERSION = 1;
  var EVIDENCE_ORDER = { none: 0, planned: 1, collected: 2, confirmed: 3 };

  function index(data) {
    var byId = {};
    data.items.forEach(function (item) { byId[item.id] = item; });
    return byId;
  }

  function levelLabel(data, level) {
    return level + " " + data.levels[level].label;
  }

  function evidenceLabel(data, stateName) {
    for (var i = 0; i < data.evidence.length; i++) if (data.evidence[i].state === stateName) return data.evidence[i].label;
    return stateName;
  }

  function fresh() {
    return { storage_version: STORAGE_VERSION, pseudonym: "", tier: 1, ratings: {}, aside: {} };
  }

  // Moves answers for renamed items; keeps aside those for removed items and returns their IDs.
  function migrate(s, data, byId) {
    s.ratings = s.ratings || {};
    s.aside = s.aside || {};
    var moved = [];
    Object.keys(s.ratings).forEach(function (id) {
      var now = data.renamed[id];
      if (now && byId[now] && !s.ratings[now]) {
        s.ratings[now] = s.ratings[id];
        delete s.ratings[id];
      } else if (!byId[id]) {
        s.aside[id] = s.ratings[id];
        delete s.ratings[id];
        moved.push(id);
      }
    });
    return moved;
  }

  // A page's self-check: unreadable storage is kept aside, a newer version's is
  // read-only. A save is announced, then `redraws` run.
  function open(store, data, announce, now) {
    var check = { data: data, byId: index(data), state: fresh(), readOnly: false, notices: [], redraws: [] };
    var raw = store.get(KEY), s = null;
    try { s = JSON.parse(raw); } catch (e) { /* kept aside below */ }
    if (raw && (!s || typeof s !== "object" || typeof s.storage_version !== "number")) {
      var aside = KEY + ":unreadable:" + now;
      store.set(aside, raw);
      store.remove(KEY);
      check.notices.push("Your saved answers could not be read, so they were kept aside in this browser (" + aside + ") and you can start again.");
    } else if (raw) {
      check.state = s;
      if (s.storage_version > STORAGE_VERSION) {
        check.readOnly = true;
        check.notices.push("Your answers were saved by a newer version of this site. They are shown but will not be changed here.");
      }
      var moved = migrate(s, data, check.byId);
      if (moved.length) {
        check.notices.push("Answers for " + moved.join(", ") + " are for items that are no longer in the framework. " +
          "They are kept aside, not deleted: see My self-assessment.");
      }
    }
    // Keep what was moved, so the next visit starts from it.
    if (!check.readOnly && check.notices.length) store.set(KEY, JSON.stringify(check.state));
    check.save = function (message) {
      if (check.readOnly) return;
      check.state.storage_version = STORAGE_VERSION;
      if (store.set(KEY, JSON.stringify(check.state))) {
        if (message) announce(message);
      } else {
        announce("Could not save: this browser is not letting the site keep data.");
      }
      check.redraws.forEach(function (redraw) { redraw(); });
    };
    return check;
  }

  function expected(data, tier) {
    return data.items.filter(function (i) { return i.min_tier <= tier && i.kind !== "supervisor_standard"; });
  }

  function gaps(data, ratings, tier) {
    var position = {};
    data.items.forEach(function (item, n) { position[item.id] = n; });
    return expected(data, tier).filter(function (i) {
      var r = ratings[i.id];
      return r && r.level < data.target;
    }).sort(function (a, b) {
      var ra = ratings[a.id], rb = ratings[b.id];
      return (ra.level - rb.level) ||
        ((a.essential ? 0 : 1) - (b.essential ? 0 : 1)) ||
        (EVIDENCE_ORDER[ra.evidence || "none"] - EVIDENCE_ORDER[rb.evidence || "none"]) ||
        (position[a.id] - position[b.id]);
    });
  }

  // Rows { title, expected, rated, atTarget, mean } as analysis.summarise, then "All areas".
  function summary(data, ratings, tier) {
    var groups = [];
    data.areas.forEach(function (area) {
      if (area.key === "supervision") return;
      groups.push([area.title, function (i) { return i.area === area.key && i.kind !== "general_capability"; }]);
      if (area.key === "professional") groups.push(["General capabilities", function (i) { return i.kind === "general_capability"; }]);
    });
    groups.push(["All areas", function () { return true; }]);
    return groups.map(function (group) {
      var items = expected(data, tier).filter(group[1]), rated = items.filter(function (i) { return ratings[i.id]; });
      var sum = 0, atTarget = 0;
      rated.forEach(function (i) { sum += ratings[i.id].level; if (ratings[i.id].level >= data.target) atTarget++; });
      return { title: group[0], expected: items.length, rated: rated.length, atTarget: atTarget, mean: rated.length ? sum / rated.length : null };
    }).filter(function (row, n, rows) { return row.expected || n === rows.length - 1; });
  }

  function exportRecord(data, state, today) {
    var ratings = {};
    data.items.forEach(function (item) {
      var r = state.ratings[item.id];
      if (r) ratings[item.id] = { level: r.level, evidence: r.evidence || "none", note: r.note || "", next_step: r.next_step || "" };
    });
    return { format: data.assessment.format, schema_version: data.assessment.schema_version,
      pseudonym: (state.pseudonym || "").trim() || "Me", date: today, tier: state.tier, ratings: ratings };
  }

  // Checks a file as hwc_selfcheck.assessment does; returns [record, null] or [null, problem].
  function checkImport(text, data, today) {
    var byId = index(data);
    var raw;
    try { raw = JSON.parse(text); } catch (e) { return [null, "This file is not valid JSON. Is it cut short?"]; }
    if (!raw || typeof raw !== "object" || Array.isArray(raw)) return [null, "This file does not hold a self-assessment."];
    if (raw.format !== data.assessment.format) return [null, "This is not a hwc-selfcheck self-assessment file (field format)."];
    var v = raw.schema_version;
    if (v === 1 && raw.ratings && typeof raw.ratings === "object") {
      Object.keys(raw.ratings).forEach(function (id) {
        if (typeof raw.ratings[id] === "number") raw.ratings[id] = { level: raw.ratings[id] };
      });
    } else if (typeof v === "number" && v > data.assessment.schema_version) {
      return [null, "This file was made by a newer version of hwc-selfcheck (schema version " + v + "). Please update."];
    } else if (v !== data.assessment.schema_version) {
      return [null, "Field schema_version: " + JSON.stringify(v) + " is not a version this site knows."];
    }
    if (typeof raw.pseudonym !== "string" || !raw.pseudonym.trim() || raw.pseudonym.length > 80) return [null, "Field pseudonym: must be 1 to 80 characters."];
    if (typeof raw.date !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(raw.date) || isNaN(Date.parse(raw.date))) return [null, "Field date: must be a date like 2026-03-02."];
    if (raw.date > today) return [null, "Field date: " + raw.date + " is in the future."];
    if ([1, 2, 3, 4].indexOf(raw.tier) < 0) return [null, "Field tier: must be 1, 2, 3 or 4."];
    if (!raw.ratings || typeof raw.ratings !== "object" || Array.isArray(raw.ratings)) return [null, "Field ratings: must be a set of ratings by item ID."];
    var allowed = ["level", "evidence", "note", "next_step"];
    var ratings = {};
    var ids = Object.keys(raw.ratings);
    for (var n = 0; n < ids.length; n++) {
      var id = data.renamed[ids[n]] || ids[n], r = raw.ratings[ids[n]];
      if (!byId[id]) return [null, "Item " + ids[n] + ": is not an item of the framework."];
      if (!r || typeof r !== "object") return [null, "Item " + id + ": must be a rating."];
      var extra = Object.keys(r).filter(function (k) { return allowed.indexOf(k) < 0; });
      if (extra.length) return [null, "Item " + id + ", field " + extra[0] + ": is not a known field."];
      if (!Number.isInteger(r.level) || r.level < 0 || r.level > data.levels.length - 1) return [null, "Item " + id + ", field level: must be a whole number from 0 to " + (data.levels.length - 1) + "."];
      var ev = r.evidence === undefined ? "none" : r.evidence;
      if (!(ev in EVIDENCE_ORDER)) return [null, "Item " + id + ", field evidence: must be none, planned, collected or confirmed."];
      var bad = ["note", "next_step"].filter(function (k) { return r[k] !== undefined && (typeof r[k] !== "string" || r[k].length > data.assessment.note_max); });
      if (bad.length) return [null, "Item " + id + ", field " + bad[0] + ": must be text of at most " + data.assessment.note_max + " characters."];
      ratings[id] = { level: r.level, evidence: ev, note: r.note || "", next_step: r.next_step || "" };
    }
    return [{ pseudonym: raw.pseudonym, tier: raw.tier, ratings: ratings }, null];
  }

  HWC.rules = {
    levelLabel: levelLabel, evidenceLabel: evidenceLabel, fresh: fresh, open: open,
    expected: expected, gaps: gaps, summary: summary,
    exportRecord: exportRecord, checkImport: checkImport
  };

  var opened = null;
  // For hwc-forms.js and hwc-summary.js; null if the item list did not load.
  HWC.selfcheck = function () {
    if (!opened && globalThis.HWC_ITEMS) opened = open(HWC.store, globalThis.HWC_ITEMS, HWC.announce, Date.now());
    return opened;
  };
})(globalThis.HWC = globalThis.HWC || {});
