/* Helpers for the hwc scripts: classic scripts sharing one object, HWC, because
 * ES modules do not load from file:// pages. Without JavaScript, pages read in full.
 * Node loads this file too (tests/js/), where there is no page: only the storage runs there.
 */
(function (HWC) {
  "use strict";

  var page = typeof document !== "undefined";

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (k === "text") node.textContent = attrs[k];
      else if (k.slice(0, 2) === "on") node.addEventListener(k.slice(2), attrs[k]);
      else if (attrs[k] !== null && attrs[k] !== undefined && attrs[k] !== false) node.setAttribute(k, attrs[k]);
    });
    (children || []).forEach(function (c) {
      node.appendChild(typeof c === "string" ? document.createTextNode(c) : c);
    });
    return node;
  }

  // Made at start-up: screen readers only announce changes to a live region already there.
  var liveRegion = null;
  function ensureLiveRegion() {
    if (!liveRegion) {
      liveRegion = el("div", { "class": "hwc-visually-hidden", role: "status", "aria-live": "polite" });
      document.body.appendChild(liveRegion);
    }
  }
  function announce(text) {
    ensureLiveRegion();
    liveRegion.textContent = "";
    window.setTimeout(function () { liveRegion.textContent = text; }, 50);
  }

  /* Site storage that never throws, and saves that merge with other pages.
   *
   * makeStore(backend, env): `backend()` returns the browser's localStorage (and may throw, as
   * a browser refuses it when site data is blocked). Where it refuses, or a write fails (no
   * space), values are kept in this page's memory for the session, and refused() is true.
   * `env`: events, where the window's "storage" events arrive; for tests, now() for the clock
   * and persist() in place of navigator.storage.persist.
   *
   * update(key, mutate) is how a record that other pages also change is saved (the self-check,
   * the knowledge checks, and any list kept the same way). It reads what is stored now, not
   * what this page read earlier; mutate(doc) makes only this page's change, in place or by
   * returning a new object (it must when doc is null, as nothing is stored; returning false
   * writes nothing). Then it stamps each entry that changed with the time, in doc.changed (an
   * entry is a top-level field, "tier", or one key of a top-level object, "ratings/PC-01"),
   * writes, and calls this page's watchers. So two pages saving different entries both keep
   * theirs, and when two change the same entry the later save wins. Keep lists as objects by
   * ID, not arrays, so each entry merges on its own. A stored text that is not a JSON object
   * is first kept aside under "KEY:unreadable:TIME", never written over. Returns
   * { doc, kept, written }: kept is false when the browser did not keep it.
   *
   * watch(key, fn) calls fn(doc, elsewhere) after each update on this page (elsewhere false)
   * and whenever another page of the site saves the key (elsewhere true), so open pages stay
   * current; it returns a function that stops watching. The first save that is kept asks the
   * browser to keep the site's data even when space runs low (navigator.storage.persist).
   */
  function makeStore(backend, env) {
    env = env || {};
    var now = env.now || Date.now;
    var memory = Object.create(null), watchers = [], readable = null, writable = null, asked = false;

    // The browser's storage, or null where it refuses even reading; the first use tries a write too.
    function local() {
      if (readable === null) {
        try {
          var probe = backend();
          if (probe.hwcMemory) throw new Error("a stand-in for refused storage (hwc-theme.js)");
          probe.getItem("hwc-probe");
          readable = true;
          try { probe.setItem("hwc-probe", "1"); probe.removeItem("hwc-probe"); writable = true; } catch (e) { writable = false; }
        } catch (e) { readable = false; writable = false; }
      }
      return readable ? backend() : null;
    }
    function get(key) {
      if (key in memory) return memory[key];
      try { var s = local(); return s ? s.getItem(key) : null; } catch (e) { return null; }
    }
    function set(key, value) {
      value = String(value);
      try {
        var s = local();
        if (s) { s.setItem(key, value); delete memory[key]; return true; }
      } catch (e) { /* full or refused: kept in memory below */ }
      memory[key] = value;
      return false;
    }
    function remove(key) {
      delete memory[key];
      try { var s = local(); if (s) s.removeItem(key); } catch (e) { /* nothing to remove */ }
    }
    function read(key) {
      var text = get(key);
      if (text === null) return null;
      try {
        var doc = JSON.parse(text);
        if (doc && typeof doc === "object" && !Array.isArray(doc)) return doc;
      } catch (e) { /* below */ }
      set(key + ":unreadable:" + now(), text);
      remove(key);
      return null;
    }
    function entries(doc) {
      var out = {};
      Object.keys(doc || {}).forEach(function (field) {
        var value = doc[field];
        if (field === "changed") return;
        if (value && typeof value === "object" && !Array.isArray(value)) {
          out[field] = "{}";
          Object.keys(value).forEach(function (k) { out[field + "/" + k] = JSON.stringify(value[k]); });
        } else {
          out[field] = JSON.stringify(value);
        }
      });
      return out;
    }
    function tell(key, doc, elsewhere) {
      watchers.forEach(function (w) { if (w.key === key) w.fn(doc, elsewhere); });
    }
    function persist() {
      if (asked) return;
      asked = true;
      var ask = env.persist || (typeof navigator !== "undefined" && navigator.storage && navigator.storage.persist &&
        function () { return navigator.storage.persist(); });
      // The answer shows on My self-assessment (navigator.storage.persisted); a refusal changes nothing here.
      try { if (ask) Promise.resolve(ask()).catch(function () { /* not granted */ }); } catch (e) { /* not offered */ }
    }
    function update(key, mutate) {
      var doc = read(key);
      var before = entries(doc);
      var copy = doc ? JSON.parse(JSON.stringify(doc)) : null;
      var result = mutate(copy);
      if (result === false) return { doc: doc, kept: false, written: false };
      var next = result === undefined ? copy : result;
      if (!next || typeof next !== "object") return { doc: doc, kept: false, written: false };
      var after = entries(next), stamp = now();
      next.changed = doc && doc.changed ? JSON.parse(JSON.stringify(doc.changed)) : {};
      Object.keys(after).concat(Object.keys(before)).forEach(function (entry) {
        if (before[entry] !== after[entry]) next.changed[entry] = stamp;
      });
      var kept = set(key, JSON.stringify(next));
      if (kept) persist();
      tell(key, next, false);
      return { doc: next, kept: kept, written: true };
    }
    function watch(key, fn) {
      var w = { key: key, fn: fn };
      watchers.push(w);
      return function () { watchers = watchers.filter(function (x) { return x !== w; }); };
    }
    if (env.events) {
      env.events.addEventListener("storage", function (e) {
        // Another page saved (e.key), or cleared all (null). A key kept in memory is this page's own.
        watchers.forEach(function (w) {
          if ((e.key === w.key || e.key === null) && !(w.key in memory)) w.fn(read(w.key), true);
        });
      });
    }
    return {
      get: get, set: set, remove: remove, read: read, update: update, watch: watch,
      refused: function () { local(); return !writable; }
    };
  }

  function today(d) {
    d = d || new Date();
    return d.getFullYear() + "-" + String(d.getMonth() + 1).padStart(2, "0") + "-" + String(d.getDate()).padStart(2, "0");
  }

  function clock(d) {
    return String(d.getHours()).padStart(2, "0") + ":" + String(d.getMinutes()).padStart(2, "0");
  }

  // A file the person saves from the page (Export), as pretty JSON.
  function download(name, object) {
    var blob = new Blob([JSON.stringify(object, null, 2) + "\n"], { type: "application/json" });
    var a = el("a", { href: URL.createObjectURL(blob), download: name });
    document.body.appendChild(a);
    a.click();
    window.setTimeout(function () { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
  }

  HWC.makeStore = makeStore; HWC.today = today; HWC.clock = clock;
  if (!page) return;
  HWC.el = el; HWC.announce = announce; HWC.download = download;
  HWC.store = makeStore(function () { return window.localStorage; }, { events: window });
  HWC.root = document.documentElement.getAttribute("data-content_root") || "./";
  if (document.querySelector("div.hwc-item[id], [data-hwc-summary], .hwc-quiz, [data-hwc-portfolio]")) ensureLiveRegion();
})(globalThis.HWC = globalThis.HWC || {});
