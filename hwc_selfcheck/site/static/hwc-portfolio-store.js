/* What the browser keeps of My portfolio, free of the page so Node tests it (tests/js/): every
 * entry with a stable id and the time of its last change, saved through the site's store
 * (hwc.js), so saves from several tabs each keep their own entries, and a deletion is kept as
 * a marker, never undone by another tab's older copy. Also the portfolio file to save.
 */
(function (HWC) {
  "use strict";

  var P = HWC.portfolioRules;
  var KEY = "hwc-portfolio";
  var STORAGE_VERSION = 1;
  var LISTS = ["hours", "supervision", "training", "approvals", "evidence"];

  function isObject(v) { return v !== null && typeof v === "object" && !Array.isArray(v); }

  // --- what the browser keeps ------------------------------------------------------------------------
  function fresh() {
    var lists = {};
    LISTS.forEach(function (n) { lists[n] = []; });
    return { storage_version: STORAGE_VERSION, lists: lists, settings: {}, drafts: {} };
  }

  function normalise(s) {
    if (!isObject(s) || typeof s.storage_version !== "number" || !isObject(s.lists)) return null;
    var out = fresh();
    out.storage_version = s.storage_version;
    LISTS.forEach(function (n) { out.lists[n] = Array.isArray(s.lists[n]) ? s.lists[n].filter(function (e) { return isObject(e) && e.id; }) : []; });
    out.settings = isObject(s.settings) ? s.settings : {};
    out.drafts = isObject(s.drafts) ? s.drafts : {};
    return out;
  }

  var counter = 0;
  function newId(now) { counter += 1; return "e" + now.toString(36) + "-" + counter.toString(36) + "-" + Math.random().toString(36).slice(2, 8); }

  function live(state, name) { return state.lists[name].filter(function (e) { return !e.deleted; }); }
  function addEntry(state, name, cells, now, example) {
    var entry = { id: newId(now), changed: now, cells: cells };
    if (example) entry.example = true;
    state.lists[name].push(entry);
    return entry.id;
  }
  function editEntry(state, name, id, cells, now) {
    state.lists[name].forEach(function (e) { if (e.id === id && !e.deleted) { e.cells = cells; e.changed = now; } });
  }
  function deleteEntry(state, name, id, now) {
    state.lists[name] = state.lists[name].map(function (e) { return e.id === id ? { id: id, changed: now, deleted: true } : e; });
  }
  function setting(state, key, fallback) { var s = state.settings[key]; return s && s.value !== undefined ? s.value : fallback; }
  function setSetting(state, key, value, now) { state.settings[key] = { value: value, changed: now }; }
  function draft(state, name) { var d = state.drafts[name]; return d && d.value ? d.value : null; }
  function setDraft(state, name, value, now) { state.drafts[name] = { value: value, changed: now }; }

  // Everything in a portfolio file; the self-assessment comes from the self-check's own storage.
  function exportFile(pd, data, state, selfState, today) {
    var file = { format: pd.format, schema_version: pd.schema_version, pseudonym: P.strip(selfState.pseudonym || "") || "Me",
      date: today, fte: setting(state, "fte", "1"),
      assessment: Object.keys(selfState.ratings || {}).length ? HWC.rules.exportRecord(data, selfState, today) : null };
    LISTS.forEach(function (name) {
      file[name] = live(state, name).map(function (e) {
        var cells = {};
        pd.lists[name].columns.forEach(function (c) { cells[c] = e.cells[c] || ""; });
        return cells;
      });
    });
    return file;
  }

  // Replace the lists with a file's (deleting what was there, so other tabs delete it too).
  function replaceLists(state, lists, now, example) {
    LISTS.forEach(function (name) {
      if (!lists[name]) return;
      live(state, name).forEach(function (e) { deleteEntry(state, name, e.id, now); });
      lists[name].forEach(function (cells) { addEntry(state, name, cells, now, example); });
    });
  }
  function addLists(state, lists, now, example) {
    LISTS.forEach(function (name) { (lists[name] || []).forEach(function (cells) { addEntry(state, name, cells, now, example); }); });
  }
  function exampleCount(state) {
    return LISTS.reduce(function (n, name) { return n + live(state, name).filter(function (e) { return e.example; }).length; }, 0);
  }
  function removeExample(state, now) {
    LISTS.forEach(function (name) {
      live(state, name).forEach(function (e) { if (e.example) deleteEntry(state, name, e.id, now); });
    });
  }

  /* A page's portfolio. Unreadable storage is kept aside; a newer version's is read-only.
   * session.change(mutate, message) saves one change through the site's store.update (hwc.js):
   * mutate(state, now) is applied to what is stored now, so it merges with what other pages
   * saved meanwhile, and every entry keeps its id. Every change, here or on another page,
   * updates session.state and runs session.redraws. When the browser refuses storage, the
   * portfolio lasts while the page is open, and that is said once. */
  function open(store, announce, now) {
    var session = { state: fresh(), readOnly: false, notices: [], redraws: [], refused: store.refused() };
    var raw = store.get(KEY), s = null, told = false;
    try { s = normalise(JSON.parse(raw)); } catch (e) { /* kept aside below */ }
    if (raw && !s) {
      var aside = KEY + ":unreadable:" + now;
      store.set(aside, raw);
      store.remove(KEY);
      session.notices.push("Your saved portfolio could not be read, so it was kept aside in this browser (" + aside + ") and you can start again.");
    } else if (s) {
      session.state = s;
      if (s.storage_version > STORAGE_VERSION) {
        session.readOnly = true;
        session.notices.push("Your portfolio was saved by a newer version of this site. It is shown but will not be changed here.");
      }
    }
    session.redraw = function () { session.redraws.forEach(function (f) { f(); }); };
    // A change: `mutate` edits the state; returns whether this browser kept it.
    session.change = function (mutate, message) {
      if (session.readOnly) { announce("Not changed: your portfolio was saved by a newer version of this site."); return false; }
      var result = store.update(KEY, function (doc) {
        var t = normalise(doc);
        if (doc && !t) store.set(KEY + ":unreadable:" + Date.now(), JSON.stringify(doc));
        t = t || fresh();
        if (t.storage_version > STORAGE_VERSION) return false;
        mutate(t, Date.now());
        t.storage_version = STORAGE_VERSION;
        return t;
      });
      if (!result.written) { session.readOnly = true; return false; }
      session.refused = !result.kept;
      if (!result.kept && !told) {
        told = true;
        announce("Not saved: this browser is not letting the site keep data, so your portfolio lasts only while this page is open. Save it to a file to keep it.");
      } else if (result.kept && message) announce(message);
      return result.kept;
    };
    store.watch(KEY, function (doc) {
      var kept = normalise(doc);
      if (kept && kept.storage_version > STORAGE_VERSION) session.readOnly = true;
      session.state = kept || fresh();
      session.redraw();
    });
    return session;
  }

  HWC.portfolioStore = {
    KEY: KEY, LISTS: LISTS, fresh: fresh, live: live, addEntry: addEntry, editEntry: editEntry, deleteEntry: deleteEntry,
    setting: setting, setSetting: setSetting, draft: draft, setDraft: setDraft, exportFile: exportFile,
    replaceLists: replaceLists, addLists: addLists, exampleCount: exampleCount, removeExample: removeExample, open: open
  };
})(globalThis.HWC = globalThis.HWC || {});
