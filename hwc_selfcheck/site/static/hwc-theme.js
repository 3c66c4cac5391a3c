/* The colour scheme the reader chose with the theme's button (light, dark or
   automatic), set before the page is drawn. furo has this line inline; it is a
   file here so the page's Content Security Policy can refuse every inline
   script. A browser that refuses storage gets the automatic scheme. */
(function () {
  "use strict";
  var theme = "auto";
  try {
    theme = window.localStorage.getItem("theme") || "auto";
  } catch (refused) {
    // Storage is refused (a privacy setting, or a file:// page in some browsers): keep "auto".
  }
  document.body.dataset.theme = theme;
})();
