/* The self-check's rules and storage, as the Python package has them, free of the page so
 * Node tests them (tests/js/). `data`: the item list; `store`: HWC.makeStore's (hwc.js).
 */
(function (HWC) {
  "use strict";

  var KEY = "hwc-selfcheck";
  var STORAGE_VERSION = 1;
  var EVIDENCE_ORDER = { none: 0, planned: 1, collected: 2, confirmed: 3 };
  // After this many answers changed since the last file copy (or this many rated and no copy yet),
  // My self-assessment suggests saving them to a file.
  var FILE_COPY_AFTER = 10;

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

  /* What this browser keeps under "hwc-selfcheck": pseudonym, tier and ratings as in the file;
   * drafts: what was typed on a card with no rating yet (kept, but not in the file until rated);
   * aside: answers for items no longer in the framework; file: the last save to or load from a
   * file; changed: when each entry last changed (HWC.makeStore's update stamps it). */
  function fresh() {
    return { storage_version: STORAGE_VERSION, pseudonym: "", tier: 1, ratings: {}, drafts: {}, aside: {} };
  }

  function usable(s) {
    return Boolean(s) && typeof s === "object" && !Array.isArray(s) && typeof s.storage_version === "number";
  }

  // Moves answers for renamed items; keeps aside those for removed items and returns their IDs.
  function migrate(s, data, byId) {
    s.ratings = s.ratings || {};
    s.drafts = s.drafts || {};
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
    Object.keys(s.drafts).forEach(function (id) {
      var now = data.renamed[id];
      if (now && byId[now] && !s.drafts[now]) s.drafts[now] = s.drafts[id];
      if (!byId[id]) delete s.drafts[id];
    });
    return moved;
  }

  /* A page's self-check. Unreadable storage is kept aside; a newer version's is read-only.
   * check.change(mutate, message) saves one change through store.update, so it merges with
   * what other pages saved: mutate(state) changes only what this page changed. A kept save is
   * announced; when the browser refuses storage, that is said once instead. Every change,
   * here or on another page, updates check.state and then runs each of check.redraws with
   * `elsewhere` (true when another page saved). */
  function open(store, data, announce, now) {
    var byId = index(data);
    var check = { data: data, byId: byId, state: fresh(), readOnly: false, notices: [], redraws: [], refused: store.refused() };
    var raw = store.get(KEY), s = null, moved = [];
    try { s = JSON.parse(raw); } catch (e) { /* kept aside below */ }
    if (raw && !usable(s)) {
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
      moved = migrate(s, data, byId);
      if (moved.length) {
        check.notices.push("Answers for " + moved.join(", ") + " are for items that are no longer in the framework. " +
          "They are kept aside, not deleted: see My self-assessment.");
      }
    }
    var told = false;
    function redraw(elsewhere) { check.redraws.forEach(function (fn) { fn(elsewhere); }); }
    check.change = function (mutate, message) {
      if (check.readOnly) return { kept: false, written: false };
      var result = store.update(KEY, function (doc) {
        if (doc && !usable(doc)) store.set(KEY + ":unreadable:" + Date.now(), JSON.stringify(doc));
        var t = usable(doc) ? doc : fresh();
        if (t.storage_version > STORAGE_VERSION) return false;
        migrate(t, data, byId);
        t.storage_version = STORAGE_VERSION;
        mutate(t);
        return t;
      });
      if (!result.written) {
        check.readOnly = true;
        return result;
      }
      if (result.kept) {
        if (message) announce(message);
      } else if (!told) {
        told = true;
        announce("Not saved: this browser is not letting the site keep data, so your answers last only while this page is open. Save them to a file to keep them.");
      }
      return result;
    };
    store.watch(KEY, function (doc, elsewhere) {
      if (!usable(doc)) doc = fresh();
      if (doc.storage_version > STORAGE_VERSION) check.readOnly = true;
      migrate(doc, data, byId);
      check.state = doc;
      redraw(elsewhere);
    });
    // Keep what was moved, so the next visit starts from it.
    if (moved.length && !check.readOnly) store.update(KEY, function (doc) { if (usable(doc)) { migrate(doc, data, byId); return doc; } return false; });
    return check;
  }

  // A draft with nothing in it is dropped.
  function tidy(state, id) {
    var d = state.drafts[id];
    if (d && !d.note && !d.next_step && (d.evidence || "none") === "none") delete state.drafts[id];
  }

  // A rating chosen (level) or cleared (null): a draft becomes the rating, and a cleared rating's words its draft.
  function setLevel(state, id, level) {
    var r = state.ratings[id], d = state.drafts[id] || {};
    if (level === null) {
      if (r) state.drafts[id] = { evidence: r.evidence || "none", note: r.note || "", next_step: r.next_step || "" };
      delete state.ratings[id];
      tidy(state, id);
    } else {
      state.ratings[id] = r || { evidence: d.evidence || "none", note: d.note || "", next_step: d.next_step || "" };
      state.ratings[id].level = level;
      delete state.drafts[id];
    }
  }

  // One field of a card (evidence, note or next_step), in its rating, or in its draft while unrated.
  function setField(state, id, field, value) {
    if (state.ratings[id]) {
      state.ratings[id][field] = value;
    } else {
      state.drafts[id] = state.drafts[id] || {};
      state.drafts[id][field] = value;
      tidy(state, id);
    }
  }

  // How many answers changed since they were last saved to or loaded from a file (if never, how many are rated).
  function changesSinceFile(state) {
    var changed = state.changed || {};
    if (!state.file) return Object.keys(state.ratings || {}).length;
    return Object.keys(changed).filter(function (entry) {
      return /^(ratings\/.+|pseudonym|tier)$/.test(entry) && changed[entry] > (changed.file || 0);
    }).length;
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

  /* The record's JSON Schema, as the package publishes it (data.assessment.schema), applied
   * here as the package applies it: the first problem found, as { path, keyword, schema }, or
   * null. Text lengths count characters (code points), as Python does. */
  var ANNOTATIONS = ["$schema", "$comment", "$defs", "title", "description", "default"];
  var KEYWORDS = ["$ref", "type", "const", "enum", "minimum", "maximum", "minLength", "maxLength", "pattern", "format",
    "properties", "required", "additionalProperties", "propertyNames"];

  function isObject(v) { return Boolean(v) && typeof v === "object" && !Array.isArray(v); }

  function realDate(text) {
    var p = text.split("-").map(Number), d = new Date(0);
    d.setUTCFullYear(p[0], p[1] - 1, p[2]);
    return p[0] >= 1 && d.getUTCFullYear() === p[0] && d.getUTCMonth() === p[1] - 1 && d.getUTCDate() === p[2];
  }

  function schemaProblem(schema, value, path, root) {
    if (schema.$ref) schema = schema.$ref.split("/").slice(1).reduce(function (node, part) { return node[part]; }, root);
    function problem(keyword, at) { return { path: at || path, keyword: keyword, schema: schema }; }
    var unknown = Object.keys(schema).filter(function (k) { return KEYWORDS.indexOf(k) < 0 && ANNOTATIONS.indexOf(k) < 0; });
    if (unknown.length) return problem("unknown keyword " + unknown[0]);
    var types = { string: typeof value === "string", integer: Number.isInteger(value), object: isObject(value) };
    if (schema.type && !types[schema.type]) return problem("type");
    if ("const" in schema && value !== schema.const) return problem("const");
    if (schema.enum && schema.enum.indexOf(value) < 0) return problem("enum");
    if (typeof value === "number" && (value < schema.minimum || value > schema.maximum)) return problem("range");
    if (typeof value === "string") {
      var length = Array.from(value).length;
      if (length < schema.minLength || length > schema.maxLength) return problem("length");
      if (schema.pattern && !new RegExp(schema.pattern, "u").test(value)) return problem("pattern");
      if (schema.format === "date" && !realDate(value)) return problem("format");
    }
    if (!isObject(value)) return null;
    var missing = (schema.required || []).filter(function (k) { return !(k in value); });
    if (missing.length) return problem("required", path.concat(missing[0]));
    var keys = Object.keys(value);
    for (var n = 0; n < keys.length; n++) {
      var key = keys[n], at = path.concat(key), found = null;
      if (schema.propertyNames && schemaProblem(schema.propertyNames, key, at, root)) return problem("propertyNames", at);
      if (schema.properties && key in schema.properties) found = schemaProblem(schema.properties[key], value[key], at, root);
      else if (schema.additionalProperties === false) return problem("additionalProperties", at);
      else if (isObject(schema.additionalProperties)) found = schemaProblem(schema.additionalProperties, value[key], at, root);
      if (found) return found;
    }
    return null;
  }

  // The plain words for a schema problem, naming the item and field.
  var PATTERN_WORDS = { date: "must be a date like 2026-03-02.", pseudonym: "must not be blank: give any name, real or made up." };
  function problemWords(p) {
    var s = p.schema, last = p.path[p.path.length - 1];
    var where = p.path[0] === "ratings" && p.path.length > 1
      ? "Item " + p.path[1] + (p.path.length > 2 ? ", field " + p.path.slice(2).join(".") : "")
      : "Field " + p.path.join(".");
    var what;
    if (p.keyword === "required") what = "is missing.";
    else if (p.keyword === "additionalProperties") what = "is not a known field (check the spelling).";
    else if (p.keyword === "propertyNames") what = "is not an item ID like PC-01.";
    else if (p.keyword === "pattern") what = PATTERN_WORDS[last] || "is not written the expected way.";
    else if (p.keyword === "format") what = "is not a real date; write it like 2026-03-02.";
    else if (s.enum) what = "must be " + s.enum.slice(0, -1).join(", ") + " or " + s.enum[s.enum.length - 1] + ".";
    else if (s.type === "integer") what = "must be a whole number from " + s.minimum + " to " + s.maximum + ".";
    else if (s.type === "string" && s.minLength) what = "must be " + s.minLength + " to " + s.maxLength + " characters.";
    else if (s.type === "string") what = "must be text of at most " + s.maxLength + " characters.";
    else if (s.type === "object") what = p.path.length === 2 ? "must be a rating." : "must be a set of ratings by item ID.";
    else what = "is not what this site can read (" + p.keyword + ").";
    return where + ": " + what;
  }

  /* Checks a file's text as hwc_selfcheck.assessment does; returns [record, null] or [null, problem].
   * The record: pseudonym, tier and ratings (each with all four fields), renamed IDs moved. */
  function checkImport(text, data, today) {
    var byId = index(data), format = data.assessment.format, version = data.assessment.schema_version;
    if (!text.trim()) return [null, "This file is empty."];
    var raw;
    try { raw = JSON.parse(text); } catch (e) { return [null, "This is not a file saved by this site, or it is cut short."]; }
    if (!isObject(raw)) return [null, "This file does not hold a self-assessment."];
    if (raw.format !== format) return [null, "This is not a self-assessment file: its format field says otherwise."];
    var v = raw.schema_version;
    if (!("schema_version" in raw)) return [null, "Field schema_version: is missing."];
    if (!Number.isInteger(v) || v < 1) return [null, "Field schema_version: " + JSON.stringify(v) + " is not a version this site knows."];
    if (v > version) return [null, "This file was made by a newer version of hwc-selfcheck (field schema_version is " + v + "). Please update."];
    if (v === 1 && isObject(raw.ratings)) {
      Object.keys(raw.ratings).forEach(function (id) {
        if (!isObject(raw.ratings[id])) raw.ratings[id] = { level: raw.ratings[id] };
      });
    }
    raw.schema_version = version;
    var found = schemaProblem(data.assessment.schema, raw, [], data.assessment.schema);
    if (found) return [null, problemWords(found)];
    if (raw.date > today) return [null, "The file's date is after today."];
    var ratings = {}, ids = Object.keys(raw.ratings || {});
    for (var n = 0; n < ids.length; n++) {
      var id = ids[n], to = data.renamed[id] || id, r = raw.ratings[id];
      if (to !== id && to in raw.ratings) return [null, "Item " + id + ": is the old ID of " + to + ", which the file also rates; keep one of the two."];
      if (!byId[to]) return [null, "Item " + id + ": is not an item of the framework."];
      ratings[to] = { level: r.level, evidence: r.evidence || "none", note: r.note || "", next_step: r.next_step || "" };
    }
    return [{ pseudonym: raw.pseudonym, tier: raw.tier, ratings: ratings }, null];
  }

  /* A file's bytes: at most max_file_bytes, UTF-8 (a byte-order mark allowed), then checkImport. */
  function checkFile(bytes, data, today) {
    var most = data.assessment.max_file_bytes;
    if (bytes.byteLength > most) return [null, tooBig(data)];
    var text;
    try { text = new TextDecoder("utf-8", { fatal: true }).decode(bytes); } catch (e) {
      return [null, "This file is not UTF-8 text. Open it in a text editor and save it again as UTF-8."];
    }
    return checkImport(text, data, today);
  }
  function tooBig(data) {
    return "This file is larger than " + data.assessment.max_file_bytes / 1048576 + " MB, the most a record file can be. Is it the right file?";
  }

  // A count and its noun, right for 0, 1 and many, as core.wording.plural words it in the package.
  function plural(count, singular, pluralForm) { return count + " " + (count === 1 ? singular : pluralForm || singular + "s"); }
  // What the self-check says about a number of answers or items (My self-assessment and the cards).
  var words = {
    imported: function (n, file) { return "Imported " + plural(n, "answer") + " from " + file + "."; },
    saved: function (n, file) { return "Saved " + plural(n, "answer") + " to " + file + " in your downloads."; },
    replace: function (n) {
      return "This will replace " + (n === 1 ? "the answer" : "the " + n + " answers") + " saved in this browser. Export " +
        (n === 1 ? "it" : "them") + " first if you want to keep " + (n === 1 ? "it" : "them") + ".";
    },
    clear: function (n) {
      return (n ? (n === 1 ? "Delete your 1 answer" : "Delete all " + n + " answers") + " and your notes" : "Delete your pseudonym, tier and notes") +
        " from this browser? This cannot be undone.";
    },
    changed: function (n) { return plural(n, "answer") + (n === 1 ? " has" : " have") + " changed since then."; },
    notRated: function (n) { return "Not rated yet: " + plural(n, "item"); },
    comingNext: function (tier, n) { return "Coming next at Tier " + tier + ": " + plural(n, "item") + (n === 1 ? " (not a gap)" : " (not gaps)"); }
  };

  HWC.rules = {
    KEY: KEY, FILE_COPY_AFTER: FILE_COPY_AFTER, plural: plural, words: words,
    levelLabel: levelLabel, evidenceLabel: evidenceLabel, fresh: fresh, open: open,
    setLevel: setLevel, setField: setField, changesSinceFile: changesSinceFile,
    expected: expected, gaps: gaps, summary: summary,
    exportRecord: exportRecord, schemaProblem: schemaProblem, checkImport: checkImport, checkFile: checkFile, tooBig: tooBig
  };

  var opened = null;
  // For hwc-forms.js and hwc-summary.js; null if the item list did not load.
  HWC.selfcheck = function () {
    if (!opened && globalThis.HWC_ITEMS) opened = open(HWC.store, globalThis.HWC_ITEMS, HWC.announce, Date.now());
    return opened;
  };
})(globalThis.HWC = globalThis.HWC || {});
