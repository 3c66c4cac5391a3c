/* My portfolio's whole file: save it, import it (or a self-assessment file), and try the pages
 * with Sam's example records, marked and removed in one step. Needs hwc-portfolio-boot.js,
 * hwc-portfolio-files.js and the self-check (hwc-rules.js).
 */
(function (HWC) {
  "use strict";

  var C = HWC.portfolioPage, R = HWC.rules;
  if (!C) return;
  var pd = C.pd, P = C.P, S = C.S, F = C.F, el = C.el, data = C.data, self = C.self, session = C.session, NOUNS = C.NOUNS, PLURALS = C.PLURALS, today = C.today, download = C.download, confirmBox = C.confirmBox;
  // --- the whole file, and the example ----------------------------------------------------------------
  function fileView(root) {
    var message = el("div", { "class": "hwc-message", role: "alert" }), ask = el("div", { "class": "hwc-confirm", hidden: true });
    var counts = el("p", {}), exampleBox = el("div", {});
    var input = el("input", { id: "hwc-portfolio-import", type: "file", accept: "application/json,.json" });
    function say(text) { message.textContent = text; }
    function countText() {
      return S.LISTS.map(function (l) { var n = S.live(session.state, l).length; return n + " " + (n === 1 ? NOUNS[l] : PLURALS[l]); }).join(", ");
    }
    function draw() {
      counts.textContent = "In this browser: " + countText() + ", and " + P.plural(Object.keys(self.state.ratings).length, "self-assessment answer") + ".";
      exampleBox.textContent = "";
      var n = S.exampleCount(session.state);
      exampleBox.appendChild(n ? el("div", { "class": "hwc-notice" }, [el("p", { text: "Your portfolio has " + P.plural(n, "example entry", "example entries") +
        " from Sam, a fictional coach. They are marked example in each list." }),
        el("button", { type: "button", text: "Remove the example data", onclick: function () {
          session.change(function (s, now) { S.removeExample(s, now); }, "Removed " + P.plural(n, "example entry", "example entries") + ". Your own entries are unchanged.");
          say("Removed the example data.");
          focusExample();
        } })]) : el("button", { type: "button", text: "Try with example data", onclick: tryExample }));
    }
    // The example's button is drawn again after each change: focus goes to the one now in its place.
    function focusExample() { var b = exampleBox.querySelector("button"); if (b) b.focus(); }
    function tryExample() {
      function add() {
        var ex = globalThis.HWC_PORTFOLIO_EXAMPLE;
        session.change(function (s, now) { S.addLists(s, ex, now, true); }, "Added Sam's example records. They are marked example and you can remove them in one step.");
        say("Added Sam's example records: " + S.LISTS.map(function (l) { return P.plural(ex[l].length, NOUNS[l], PLURALS[l]); }).join(", ") + ".");
        focusExample();
      }
      if (globalThis.HWC_PORTFOLIO_EXAMPLE) { add(); return; }
      var script = el("script", { src: HWC.root + "_static/hwc-portfolio-example.js" });
      script.addEventListener("load", add);
      script.addEventListener("error", function () { say("The example could not be loaded. Please reload the page."); });
      document.head.appendChild(script);
    }
    input.addEventListener("change", function () {
      P.openChosen(input, data.assessment.max_file_bytes, function (file, text, problem) {
        if (problem === "too big") { say("Not imported: " + R.tooBig(data) + " Nothing was changed."); return; }
        if (problem) {
          say("Not imported: " + file.name + " is not UTF-8 text. Open it in a text editor and save it again as UTF-8. Nothing was changed.");
          return;
        }
        var raw = null;
        try { raw = JSON.parse(text); } catch (e) { /* checkFile says so */ }
        var have = S.LISTS.reduce(function (n, l) { return n + S.live(session.state, l).length; }, 0), rated = Object.keys(self.state.ratings).length;
        if (raw && raw.format === data.assessment.format) {
          var checked = R.checkImport(text, data, today());
          if (checked[1]) { say("Not imported: " + checked[1] + " Nothing was changed."); return; }
          var useIt = function () {
            self.change(function (t) { t.pseudonym = checked[0].pseudonym; t.tier = checked[0].tier; t.ratings = checked[0].ratings; t.drafts = {}; },
              "Imported your self-assessment.");
            say("Imported " + P.plural(Object.keys(checked[0].ratings).length, "self-assessment answer") + " from " + file.name + ". Your lists are unchanged.");
          };
          if (rated) confirmBox(ask, "This will replace " + (rated === 1 ? "the self-assessment answer" : "the " + rated + " self-assessment answers") + " in this browser.", [["Replace my answers", useIt]], input);
          else useIt();
          return;
        }
        var got = F.checkFile(text, data, pd, today());
        if (got[1]) { say("Not imported: " + file.name + ". " + F.sentence(got[1].where, got[1].problem) + " Nothing was changed."); return; }
        var held = got[0];
        var restore = function () {
          session.change(function (s, now) { S.replaceLists(s, held.lists, now); S.setSetting(s, "fte", held.fte, now); });
          self.change(function (t) {
            if (held.assessment) { t.pseudonym = held.assessment.pseudonym; t.tier = held.assessment.tier; t.ratings = held.assessment.ratings; t.drafts = {}; } else t.pseudonym = held.pseudonym;
          }, "Imported your portfolio.");
          say("Imported " + file.name + ": " + countText() + (held.assessment ? ", and your self-assessment." : ". It has no self-assessment, so yours is unchanged."));
        };
        if (have || (rated && held.assessment)) {
          var replaced = (have ? [have === 1 ? "the entry in your portfolio" : "the " + have + " entries in your portfolio"] : [])
            .concat(held.assessment && rated ? ["your self-assessment"] : []);
          confirmBox(ask, "This will replace " + P.joinWords(replaced) + ". Save your portfolio to a file first if you want to keep a copy.",
            [["Replace my portfolio", restore]], input);
        } else restore();
      });
    });
    root.textContent = "";
    [el("p", { "class": "hwc-privacy" }, [el("strong", { text: "Private to you. " }), "Your portfolio is kept in this browser, on this device only. " +
      "Nothing is sent anywhere. Save it to a file to keep a copy, to move to another computer, or to check it with the hwc-selfcheck command."]),
    counts, message, ask, exampleBox,
    el("div", { "class": "hwc-actions" }, [el("button", { type: "button", text: "Save my portfolio to a file", onclick: function () {
      var file = S.exportFile(pd, data, session.state, self.state, today());
      download("my-portfolio.json", JSON.stringify(file, null, 2) + "\n", "application/json");
      say("Saved your portfolio to my-portfolio.json in your downloads: " + countText() + (file.assessment ? ", and your self-assessment." : ".") +
        (S.exampleCount(session.state) ? " It includes Sam's example entries: remove them first if you do not want them." : ""));
    } })]),
    el("div", { "class": "hwc-import" }, [el("label", { "for": input.id, text: "Carry on from a saved file: choose my-portfolio.json (or a self-assessment file)" }), input])
    ].forEach(function (n) { root.appendChild(n); });
    draw();
    session.redraws.push(draw);
    C.onSelfChange(draw);
  }


  C.views.file = fileView;
})(window.HWC);
