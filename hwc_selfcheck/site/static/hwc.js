/* Helpers for the hwc scripts: classic scripts sharing one object, HWC, because
 * ES modules do not load from file:// pages. Without JavaScript, pages read in full.
 */
(function (HWC) {
  "use strict";

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

  // localStorage that never throws, as a browser may refuse it.
  var store = {
    get: function (key) {
      try { return window.localStorage.getItem(key); } catch (e) { return null; }
    },
    set: function (key, value) {
      try { window.localStorage.setItem(key, value); return true; } catch (e) { return false; }
    },
    remove: function (key) {
      try { window.localStorage.removeItem(key); } catch (e) { /* nothing stored */ }
    }
  };

  function today() {
    var d = new Date();
    return d.getFullYear() + "-" + String(d.getMonth() + 1).padStart(2, "0") + "-" + String(d.getDate()).padStart(2, "0");
  }

  HWC.el = el; HWC.announce = announce; HWC.store = store; HWC.today = today;
  HWC.root = document.documentElement.getAttribute("data-content_root") || "./";
  if (document.querySelector("div.hwc-item[id], [data-hwc-summary], .hwc-quiz, [data-hwc-portfolio]")) ensureLiveRegion();
})(window.HWC = window.HWC || {});
