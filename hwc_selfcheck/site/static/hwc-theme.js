/* The colour scheme the reader chose with the theme's button (light, dark or automatic), set
   before the page is drawn. furo has this line inline; it is a file here so the page's Content
   Security Policy can refuse every inline script. Where the browser refuses site storage (site
   data blocked, some private windows; a file:// page in some browsers), reading localStorage
   throws: the page gets the automatic scheme, and window.localStorage becomes a stand-in kept in
   this page's memory, so the theme's button and Sphinx's search highlighting work for the page
   instead of failing. The stand-in says what it is (hwcMemory), so the self-check still tells
   the person that their answers are not being kept (hwc.js). */
(function () {
  "use strict";
  var theme = "auto";
  try {
    theme = window.localStorage.getItem("theme") || "auto";
  } catch (refused) {
    var kept = {};
    var standIn = {
      hwcMemory: true,
      getItem: function (key) { return Object.prototype.hasOwnProperty.call(kept, key) ? kept[key] : null; },
      setItem: function (key, value) { kept[key] = String(value); },
      removeItem: function (key) { delete kept[key]; },
      clear: function () { kept = {}; },
      key: function (n) { var keys = Object.keys(kept); return n < keys.length ? keys[n] : null; }
    };
    Object.defineProperty(standIn, "length", { get: function () { return Object.keys(kept).length; } });
    try {
      Object.defineProperty(window, "localStorage", { configurable: true, value: standIn });
    } catch (fixed) {
      // A browser that will not let it be replaced: the theme keeps "auto" all the same.
    }
  }
  document.body.dataset.theme = theme;
})();

/* furo's two drawers on a narrow screen, the menu and "On this page", for the keyboard (hwc.css
   hides a closed drawer from Tab). furo opens them with icons that are labels of hidden
   checkboxes, which a keyboard cannot reach: each becomes a <button> with the same classes (so
   furo shows it where it did) saying whether its drawer is open. An opened drawer takes the
   focus, as a menu does; Escape closes it and puts the focus back on its button, and so does
   moving the focus out of it, so no one tabs on through a page hidden behind its shade. */
(function () {
  "use strict";
  var DRAWERS = { __navigation: [".sidebar-drawer", "Menu"], __toc: [".toc-drawer", "Contents of this page"] };
  function $(id) { return document.getElementById(id); }
  function all(selector, root) { return Array.prototype.slice.call((root || document).querySelectorAll(selector)); }
  function shown(nodes) { return nodes.filter(function (n) { return n.getClientRects().length > 0; }); }
  function buttons(id) { return all("button[data-for=" + id + "]"); }
  function drawer(id) { return document.querySelector(DRAWERS[id][0]); }
  function set(id, open, focus) {
    $(id).checked = open;
    buttons(id).forEach(function (b) { b.setAttribute("aria-expanded", String(open)); });
    var target = open ? shown(all("a[href], input, button", drawer(id)))[0] : focus && shown(buttons(id))[0];
    if (target) target.focus({ preventScroll: true }); // an opening drawer is still sliding in
  }
  document.addEventListener("DOMContentLoaded", function () {
    Object.keys(DRAWERS).forEach(function (id) {
      all(".nav-overlay-icon[for=" + id + "], .toc-overlay-icon[for=" + id + "]").forEach(function (label) {
        var button = document.createElement("button");
        button.type = "button";
        button.className = label.className + " hwc-drawer-button";
        button.setAttribute("data-for", id);
        button.setAttribute("aria-label", DRAWERS[id][1]);
        button.setAttribute("aria-expanded", "false");
        while (label.firstChild) button.appendChild(label.firstChild);
        button.onclick = function () { set(id, !$(id).checked, false); };
        label.parentNode.replaceChild(button, label);
      });
    });
  });
  function opened() { return Object.keys(DRAWERS).filter(function (id) { return $(id) && $(id).checked; }); }
  document.addEventListener("change", function (e) { if (DRAWERS[e.target.id]) set(e.target.id, e.target.checked, false); });
  document.addEventListener("keydown", function (e) {
    if (e.key === "Escape") opened().forEach(function (id) { set(id, false, true); });
  });
  document.addEventListener("focusin", function (e) {
    opened().forEach(function (id) {
      if (!drawer(id).contains(e.target) && buttons(id).indexOf(e.target) < 0) set(id, false, false);
    });
  });
})();
