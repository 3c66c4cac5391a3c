/* My portfolio's tier progress, as the Python package makes it (practice.tiers), with the same
 * structured results and the same sentences. Needs hwc-portfolio-read.js first; free of the
 * page, so Node runs the conformance corpus (tests/corpus/portfolio) through it. The check of
 * supervision is in hwc-portfolio-supervision.js, so a page that needs only tiers loads less.
 */
(function (HWC) {
  "use strict";

  var P = HWC.portfolioRules;
  var Q = P.Q, ZERO = P.ZERO, sum = P.sum, sub = P.sub, mul = P.mul, div = P.div, cmp = P.cmp, ceilQ = P.ceilQ;
  var fixed = P.fixed, hoursText = P.hoursText;
  var cite = P.cite, rstripDot = P.rstripDot;
  var addDays = P.addDays, daysBetween = P.daysBetween;
  var longDate = P.longDate;

  // --- tier progress (practice.tiers) -------------------------------------------------------------
  var plural = P.plural;
  // tiers.hours_words: an amount and what it counts ("1 NHS coaching hour", "1.5 NHS coaching hours").
  function hoursWords(value, words) { return hoursText(value) + " " + (cmp(value, Q(1)) === 0 ? words.replace(/s$/, "") : words); }
  function countsWords(tier) { return tier.hours_must_be_supervised ? "supervised NHS coaching hours" : "NHS coaching hours"; }
  function counted(tier, entries) { return entries.filter(function (e) { return e.nhs && (e.supervised || !tier.hours_must_be_supervised); }); }
  function hoursOf(list) { return sum(list.map(function (e) { return e.hours; })); }
  function requirement(tier, what, met, text, source, checked) {
    checked = checked !== false;
    return { tier: tier, what: what, met: met, checked: checked, state: met ? "yes" : checked ? "not yet" : "not checked",
      text: text, source_section: source, source: cite(source) };
  }

  function requirements(pd, tier, entries, training, approvals) {
    var have = hoursOf(counted(tier, entries)), need = Q(tier.nhs_coaching_hours), out = [];
    var gap = cmp(have, need) >= 0 ? "" : ", " + hoursText(sub(need, have)) + " still to go";
    out.push(requirement(tier.tier, "hours", cmp(have, need) >= 0,
      tier.nhs_coaching_hours + " " + countsWords(tier) + ": " + hoursText(have) + " logged" + gap, "8.2"));
    var notGiven = function (name) { return pd.not_given.replace("{record}", name); };
    if (tier.training) {
      var minimum = pd.minimum_training, status;
      var done = (training || []).filter(function (t) { return t.pci_accredited && t.days >= minimum.days; });
      if (training === null) status = notGiven(pd.lists.training.record);
      else if (done.length) status = "done on " + longDate(done[0].date) + " (" + done[0].course + ")";
      else status = "not in your training record (it needs a PCI-accredited course of at least " + minimum.days + " days)";
      out.push(requirement(tier.tier, "training", done.length > 0, minimum.course + ": " + status, minimum.source_section, training !== null));
    }
    var rows = (approvals || []).filter(function (a) { return a.tier === tier.tier; });
    var missingRecord = notGiven(pd.lists.approvals.record);
    if (tier.evidence_of_competency) {
      var agreed = rows.filter(function (a) { return a.competency_evidence; });
      var said = approvals === null ? missingRecord : agreed.length ? "agreed by " + agreed[0].approved_by + ", " + longDate(agreed[0].date) : "not recorded yet";
      out.push(requirement(tier.tier, "competency", agreed.length > 0, rstripDot(tier.evidence_of_competency) + ": " + said, "8.2", approvals !== null));
    }
    if (tier.progression_approval) {
      var independent = rows.filter(function (a) { return a.independent; }), said2;
      if (approvals === null) said2 = missingRecord;
      else if (independent.length) said2 = "approved by " + independent[0].approved_by + ", " + longDate(independent[0].date);
      else if (rows.length) said2 = "the approval recorded from " + rows[0].approved_by + " is not marked as independent of your organisation, so it does not count yet";
      else said2 = "not recorded yet";
      out.push(requirement(tier.tier, "approval", independent.length > 0, rstripDot(tier.progression_approval) + ": " + said2, "8.2.1", approvals !== null));
    }
    return out;
  }

  function projection(pd, tier, entries, asOf) {
    var list = counted(tier, entries), have = hoursOf(list), need = Q(tier.nhs_coaching_hours), weeks = pd.limits.recent_weeks;
    if (cmp(have, need) >= 0) return null;
    var what = countsWords(tier), still = hoursText(sub(need, have));
    function result(start, recent, reached, text) {
      return { tier: tier.tier, counted: what, still_needed: still, window_start: start, recent_hours: hoursText(recent), reached_on: reached, text: text };
    }
    if (!list.length) return result(asOf, ZERO, null, "No " + what + " logged yet, so no date can be projected for Tier " + tier.tier + ".");
    var first = list.reduce(function (m, e) { return e.date < m ? e.date : m; }, list[0].date);
    var windowStart = addDays(asOf, -weeks * 7 + 1), start = windowStart > first ? windowStart : first;
    var recent = hoursOf(list.filter(function (e) { return e.date >= start; }));
    var days = daysBetween(start, asOf) + 1;
    var period = days === weeks * 7 ? "the " + weeks + " weeks" : "the " + plural(days, "day");
    if (recent.n === 0n) {
      return result(start, recent, null, "No " + what + " in " + period + " to " + longDate(asOf) + ", so no date can be projected for Tier " +
        tier.tier + "'s " + tier.nhs_coaching_hours + ".");
    }
    var daysNeeded = Number(ceilQ(div(mul(sub(need, have), Q(days)), recent)));
    var reached = addDays(asOf, daysNeeded), weekly = div(mul(recent, Q(7)), Q(days));
    return result(start, recent, reached, "At your recent rate (" + hoursWords(recent, what) + " in " + period + " to " + longDate(asOf) +
      ", about " + fixed(weekly, 1) + " a week) you would reach Tier " + tier.tier + "'s " + tier.nhs_coaching_hours + " around " +
      longDate(reached) + ". This is a guide for planning, not a promise.");
  }

  // tiers.tier_progress, in the shape of tiers.progress_as_dict. Training or approvals null: not given.
  function tierProgress(pd, entries, training, approvals, asOf) {
    var before = function (x) { return x.date <= asOf; };
    entries = entries.filter(before);
    training = training === null ? null : training.filter(before);
    approvals = approvals === null ? null : approvals.filter(before);
    var byTier = {}, supported = 0, stopped = false, maxTier = pd.limits.max_tier;
    pd.tiers.forEach(function (t) { byTier[t.tier] = requirements(pd, t, entries, training, approvals); });
    pd.tiers.forEach(function (t) {
      if (stopped) return;
      if (!byTier[t.tier].every(function (r) { return r.met; })) stopped = true; else supported = t.tier;
    });
    var nhs = hoursOf(entries.filter(function (e) { return e.nhs; }));
    var supervised = hoursOf(entries.filter(function (e) { return e.nhs && e.supervised; }));
    var other = hoursOf(entries.filter(function (e) { return !e.nhs; }));
    var nextTier = supported < maxTier ? supported + 1 : null;
    var notes = [];
    if (other.n) {
      var one = cmp(other, Q(1)) === 0;
      notes.push(hoursText(other) + " " + (one ? "hour was" : "hours were") + " not in the NHS, so " + (one ? "it does" : "they do") +
        " not count towards a tier (appendix 2 introduction; section 8.2).");
    }
    var minimumDays = pd.minimum_training.days, course = null;
    (training || []).forEach(function (t) {
      if (t.pci_accredited && t.days >= minimumDays && (!course || t.date < course.date)) course = t;
    });
    if (course) {
      var early = hoursOf(entries.filter(function (e) { return e.nhs && e.date < course.date; }));
      if (early.n) {
        var single = cmp(early, Q(1)) === 0;
        notes.push(hoursText(early) + " NHS coaching " + (single ? "hour is" : "hours are") + " dated before your training ended on " +
          longDate(course.date) + ". The framework expects the training before you take referrals, or at the start of the job (section 4.1). " +
          "Check with your supervisor how to count " + (single ? "it" : "them") + ".");
      }
    }
    var all = [], missing = [], unchecked = [];
    Object.keys(byTier).map(Number).sort(function (a, b) { return a - b; }).forEach(function (t) {
      byTier[t].forEach(function (r) {
        all.push(r);
        if (nextTier !== null && t <= nextTier && !r.met) missing.push(r);
        if (t <= (nextTier || supported) && !r.checked) unchecked.push(r);
      });
    });
    var now = supported ? "support Tier " + supported : "do not yet support Tier 1";
    return {
      as_of: asOf, tier: supported, next_tier: nextTier, nhs_hours: hoursText(nhs), supervised_nhs_hours: hoursText(supervised),
      other_hours: hoursText(other),
      summary: "On " + longDate(asOf) + " your records " + now + ". You have logged " + hoursWords(nhs, "NHS coaching hours") + ", " +
        hoursText(supervised) + " of them supervised.",
      requirements: all, missing: missing, unchecked: unchecked,
      projection: nextTier ? projection(pd, pd.tiers[supported], entries, asOf) : null, notes: notes
    };
  }

  P.tierProgress = tierProgress;
})(globalThis.HWC = globalThis.HWC || {});
