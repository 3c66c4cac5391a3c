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
   hides a closed drawer from Tab and lets Space on furo's checkbox open it). An opened drawer
   takes the focus, as a menu does; Escape closes it and puts the focus back on its checkbox, and
   so does moving the focus out of it, so no one tabs on through a page hidden behind the
   drawer's shade. */
(function () {
  "use strict";
  var DRAWERS = { __navigation: ".sidebar-drawer", __toc: ".toc-drawer" };
  function opened() {
    return Object.keys(DRAWERS).map(function (id) { return document.getElementById(id); })
      .filter(function (box) { return box && box.checked; });
  }
  document.addEventListener("change", function (e) {
    var box = e.target, drawer = box.checked && DRAWERS[box.id] && document.querySelector(DRAWERS[box.id]);
    var shown = drawer ? Array.prototype.filter.call(drawer.querySelectorAll("a[href], input, button"),
      function (el) { return el.getClientRects().length > 0; }) : []; // furo hides the page's own title in "On this page"
    if (shown.length) shown[0].focus({ preventScroll: true }); // the drawer is still sliding in
  });
  document.addEventListener("keydown", function (e) {
    if (e.key !== "Escape") return;
    opened().forEach(function (box) { box.checked = false; box.focus(); });
  });
  document.addEventListener("focusin", function (e) {
    opened().forEach(function (box) {
      if (e.target !== box && !document.querySelector(DRAWERS[box.id]).contains(e.target)) box.checked = false;
    });
  });
})();
