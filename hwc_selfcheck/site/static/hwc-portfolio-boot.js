/* My portfolio's pages: what every part shares (the page's portfolio session, the self-check
 * if the page has it, small helpers) and the start, which draws each [data-hwc-portfolio] box
 * the page's directive made with the view registered for it by hwc-portfolio-lists.js,
 * hwc-portfolio-views.js or hwc-portfolio-file.js. Each page gets one bundle of only the parts
 * it uses (site/portfolio.py), and calls HWC.portfolioStart() at its end.
 */
(function (HWC) {
  "use strict";

  var roots = document.querySelectorAll("[data-hwc-portfolio]");
  var pd = globalThis.HWC_PORTFOLIO;
  if (!roots.length) return;
  var P = HWC.portfolioRules, S = HWC.portfolioStore, el = HWC.el, data = globalThis.HWC_ITEMS || null;
  // The self-check (hwc-rules.js) on the pages that change it; elsewhere its answers are only read.
  var self = HWC.selfcheck ? HWC.selfcheck() : null;
  var SELF_KEY = "hwc-selfcheck";  // where hwc-rules.js keeps the self-check
  var session = S.open(HWC.store, HWC.announce, Date.now());
  var NOUNS = { hours: "hours entry", supervision: "supervision session", training: "course", approvals: "approval", evidence: "piece of evidence" };
  var PLURALS = { hours: "hours entries", supervision: "supervision sessions", training: "courses", approvals: "approvals", evidence: "pieces of evidence" };
  function today() { return HWC.today(); }
  function yes(v) { return pd.yes_words.indexOf(P.strip(v || "").toLowerCase()) >= 0; }
  function yesText(b) { return b === null ? "Not known" : b ? "Yes" : "No"; }
  function download(name, text, type) {
    var a = el("a", { href: URL.createObjectURL(new Blob([text], { type: type })), download: name });
    document.body.appendChild(a);
    a.click();
    window.setTimeout(function () { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
  }
  function table(caption, head, rows, cls) {
    return el("table", { "class": "hwc-table " + (cls || "") }, [el("caption", { text: caption }),
      el("thead", {}, [el("tr", {}, head.map(function (h) { return el("th", { scope: "col", text: h }); }))]),
      el("tbody", {}, rows.map(function (r) {
        return el("tr", {}, r.map(function (c, n) {
          return el("td", { "data-label": head[n] }, [typeof c === "string" || typeof c === "number" ? String(c) : c]);
        }));
      }))]);
  }
  // A question with its choices and Cancel, in `box` (a group named by the question). Escape is
  // Cancel. Afterwards `from`, the control that asked, gets the focus back (or `fallback()` when
  // `from` is gone), and the result is said: each choice says its own, Cancel "Nothing was changed.".
  var asked = 0;
  function focusable(node) { return node && node.isConnected && !node.disabled && node.getClientRects().length > 0; }
  function confirmBox(box, question, choices, from, fallback) {
    var id = "hwc-confirm-" + (++asked), first = null;
    box.textContent = "";
    box.hidden = false;
    box.setAttribute("role", "group");
    box.setAttribute("aria-labelledby", id);
    box.appendChild(el("p", { id: id, text: question }));
    function done(after) {
      return function () {
        box.hidden = true;
        box.textContent = "";
        box.onkeydown = null;
        after();
        var back = focusable(from) ? from : fallback && fallback();
        if (back) back.focus();
      };
    }
    var cancel = done(function () { HWC.announce("Nothing was changed."); });
    choices.concat([["Cancel", null]]).forEach(function (c) {
      var b = el("button", { type: "button", text: c[0], onclick: c[1] ? done(c[1]) : cancel });
      box.appendChild(b);
      first = first || b;
    });
    box.onkeydown = function (e) { if (e.key === "Escape") cancel(); };
    first.focus();
  }

  // Every list, read as the package reads it; an entry the rules now refuse is shown but left out of the views.
  function readAll() {
    var out = { entries: {}, problems: {} };
    S.LISTS.forEach(function (name) {
      out.entries[name] = [];
      S.live(session.state, name).forEach(function (e, n) {
        var got = P.readEntry(pd, name, e.cells, today(), n + 1);
        if (got[0]) { got[0].stored = e; out.entries[name].push(got[0]); } else out.problems[e.id] = got[1].problem;
      });
    });
    return out;
  }

  function selfState() {
    if (self) return self.state;
    var kept = HWC.store.read(SELF_KEY);
    return kept && kept.ratings ? kept : { pseudonym: "", tier: 1, ratings: {} };
  }
  function levelLabel(level) { return level + " " + data.levels[level].label; }
  function onSelfChange(fn) {
    if (self) self.redraws.push(fn); else HWC.store.watch(SELF_KEY, function () { fn(); });
  }

  var C = HWC.portfolioPage = {
    pd: pd, P: P, S: S, F: HWC.portfolioFiles, el: el, data: data, self: self, session: session, NOUNS: NOUNS, PLURALS: PLURALS,
    today: today, yes: yes, yesText: yesText, download: download, table: table, confirmBox: confirmBox, readAll: readAll,
    selfState: selfState, levelLabel: levelLabel, onSelfChange: onSelfChange, views: {}
  };

  HWC.portfolioStart = function () {
    if (!pd) {
      roots.forEach(function (r) { r.appendChild(el("p", { role: "alert", text: "My portfolio could not load its rules. Please reload the page." })); });
      return;
    }
    roots.forEach(function (root) { C.views[root.getAttribute("data-hwc-portfolio")](root); root.setAttribute("data-ready", "1"); });
    var first = roots[0];
    session.notices.concat(self ? self.notices : []).forEach(function (text) { first.insertBefore(el("p", { "class": "hwc-notice", role: "alert", text: text }), first.firstChild); });
    if (S.exampleCount(session.state) && !document.querySelector('[data-hwc-portfolio="file"]')) {
      first.insertBefore(el("p", { "class": "hwc-notice" }, ["You are looking at Sam's example records, a fictional coach. Remove them on ",
        el("a", { href: HWC.root + "book/portfolio/index.html", text: "My portfolio" }), "."]), first.firstChild);
    }
  };
})(window.HWC);
