/* The framework's conditions for a supervisor's approval to move a coach up a tier, as
 * practice/review_approvals.py gives them (tests/corpus/review/conditions.json). Free of the page
 * so Node tests it. Needs hwc-portfolio-read.js, -checks.js and -fingerprint.js first.
 */
(function (HWC) {
  "use strict";

  var P = HWC.portfolioRules, R = HWC.review;

  // --- the conditions for an approval (practice/review_approvals.py) -----------------------------
  function asApproval(view) {
    return { date: view.date, tier: view.tier, approved_by: view.name, independent: view.independent, competency_evidence: view.evidence.length > 0, note: view.note || "" };
  }
  /* What is still missing before `view` can be recorded, as [{ text, source_section, source }]. `read` holds
   * the coach's hours, training and approvals as read (hwc-portfolio-read.js), `earlier` approvals this review records. */
  function approvalConditions(pd, view, read, earlier, evidenceCount) {
    var out = [], lowest = pd.supervision_kinds.health_coaching.provider_min_tier || pd.limits.min_tier;
    function add(text, source) { out.push({ text: text, source_section: source, source: P.cite(source) }); }
    if (view.own_tier < lowest) add("A health coaching supervisor is at Tier " + lowest + " or above; your own tier is " + view.own_tier + ".", "4.2.3");
    var tier = pd.tiers[view.tier - 1];
    if (tier.progression_approval && !view.independent) add("Tier " + view.tier + " is approved by a supervisor from outside the coach's own organisation; you said you are not.", "8.2.1");
    if (!view.evidence.length) add("Tier " + view.tier + " asks for evidence of the coach's level of competency; tick the pieces of their evidence you relied on.", "8.2");
    var beyond = view.evidence.filter(function (n) { return n > evidenceCount; });
    if (beyond.length) add("Evidence entry " + beyond[0] + " is not in the coach's portfolio, which holds " + evidenceCount + ".", "9.1");
    var progress = P.tierProgress(pd, read.hours, read.training, read.approvals.concat(earlier), view.date);
    progress.requirements.forEach(function (r) {
      if (r.tier > view.tier || r.met || (r.tier === view.tier && (r.what === "competency" || r.what === "approval"))) return;
      add("Tier " + r.tier + ", in the coach's records: " + r.text + ".", r.source_section);
    });
    return out;
  }
  function conditionText(c) { return c.text + " (" + c.source + ")"; }

  R.asApproval = asApproval;
  R.approvalConditions = approvalConditions;
  R.conditionText = conditionText;
})(globalThis.HWC = globalThis.HWC || {});
