/* The search page's count. Sphinx ends a search with "found 56 page(s) matching the search
   query"; its own words are looked up in Documentation.TRANSLATIONS (doctools.js), so the site
   gives them words that read right for 1 page and for 56. Loaded on the search page only
   (templates/search.html), after doctools.js. */
(function () {
  "use strict";
  if (typeof Documentation === "undefined") return;
  Documentation.TRANSLATIONS["Search finished, found ${resultCount} page(s) matching the search query."] =
    "Search finished. Pages that match: ${resultCount}.";
})();
