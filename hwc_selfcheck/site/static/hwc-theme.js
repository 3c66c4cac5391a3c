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
   checkboxes, which a keyboard cannot reach: here the icons become buttons (Enter or Space),
   saying whether their drawer is open. An opened drawer takes the focus, as a menu does; Escape
   closes it and puts the focus back on its button, and so does moving the focus out of it, so
   no one tabs on through a page hidden behind the drawer's shade. */
(function () {
  "use strict";
  var DRAWERS = { __navigation: [".sidebar-drawer", "Menu"], __toc: [".toc-drawer", "Contents of this page"] };
  function box(id) { return document.getElementById(id); }
  function drawer(id) { return document.querySelector(DRAWERS[id][0]); }
  function buttons(id) {
    return document.querySelectorAll("label.nav-overlay-icon[for='" + id + "'], label.toc-overlay-icon[for='" + id + "'], button[data-for='" + id + "']");
  }
  function shown(nodes) { return Array.prototype.filter.call(nodes, function (n) { return n.getClientRects().length > 0; }); }
  function opened() { return Object.keys(DRAWERS).filter(function (id) { return box(id) && box(id).checked; }); }
  function sayState(id) {
    Array.prototype.forEach.call(buttons(id), function (b) { b.setAttribute("aria-expanded", String(box(id).checked)); });
  }
  function close(id, focus) {
    box(id).checked = false;
    sayState(id);
    var button = shown(buttons(id))[0];
    if (focus && button) button.focus();
  }
  // Each icon, a <label>, is swapped for a <button> with the same classes (so furo still shows
  // it only where its drawer is closed off) and the same picture.
  document.addEventListener("DOMContentLoaded", function () {
    Object.keys(DRAWERS).forEach(function (id) {
      if (!box(id)) return;
      Array.prototype.forEach.call(buttons(id), function (label) {
        var button = document.createElement("button");
        button.type = "button";
        button.className = label.className + " hwc-drawer-button";
        button.setAttribute("data-for", id);
        button.setAttribute("aria-label", DRAWERS[id][1]);
        while (label.firstChild) button.appendChild(label.firstChild);
        button.addEventListener("click", function () { box(id).click(); }); // toggles the checkbox and tells "change"
        label.parentNode.replaceChild(button, label);
      });
      sayState(id);
    });
  });
  document.addEventListener("change", function (e) {
    var id = e.target.id;
    if (!DRAWERS[id]) return;
    sayState(id);
    var first = e.target.checked && shown(drawer(id).querySelectorAll("a[href], input, button"))[0];
    if (first) first.focus({ preventScroll: true }); // the drawer is still sliding in
  });
  document.addEventListener("keydown", function (e) {
    if (e.key === "Escape") opened().forEach(function (id) { close(id, true); });
  });
  document.addEventListener("focusin", function (e) {
    opened().forEach(function (id) {
      if (!drawer(id).contains(e.target) && !Array.prototype.some.call(buttons(id), function (b) { return b === e.target; })) close(id, false);
    });
  });
})();
