/* My portfolio's check of supervision against the framework's frequencies, as the Python package
 * makes it (practice.supervision), with the same structured results and the same sentences.
 * Needs hwc-portfolio-read.js first; free of the page, so Node runs the conformance corpus
 * (tests/corpus/portfolio) through it.
 */
(function (HWC) {
  "use strict";

  var P = HWC.portfolioRules;
  var Q = P.Q, mul = P.mul, div = P.div, cmp = P.cmp, ceilQ = P.ceilQ;
  var figure = P.figure, numberWords = P.numberWords;
  var cite = P.cite, rstripDot = P.rstripDot, iso = P.iso, ymd = P.ymd, monthDays = P.monthDays;
  var addMonths = P.addMonths, addInterval = P.addInterval;
  var parseFte = P.parseFte, fteWords = P.fteWords, fteText = P.fteText;
  var spanWords = P.spanWords, fullMonths = P.fullMonths, longDate = P.longDate, monthName = P.monthName;
  var plural = P.plural;

  // --- supervision (practice.supervision) ---------------------------------------------------------
  function finding(topic, kind, text, source, action) {
    return { topic: topic, kind: kind, text: text, source_section: source, action: action || "", sentence: text + " (" + cite(source) + ")." };
  }

  function intervalWords(kind, fte) {
    var low = kind.interval_months_min, high = kind.interval_months;
    var span = low ? numberWords(Q(low)) + " to " + numberWords(Q(high)) + " months" : high === 1 ? "month" : numberWords(Q(high)) + " months";
    var text = "every " + span + " for a full-time coach";
    if (cmp(fte, Q(1)) !== 0) {
      var lowText = low ? figure(div(Q(low), fte)) + " to " : "";
      text += "; pro rata for " + fteWords(fte) + ", that is about every " + lowText + figure(div(Q(high), fte)) + " months";
    }
    return text;
  }

  function gaps(dates, start, end, limit) {
    var before = dates.filter(function (d) { return d <= start; });
    var previous = before.length ? before.sort().slice(-1)[0] : start, fromStart = !before.length, found = [];
    dates.filter(function (d) { return start < d && d <= end; }).sort().forEach(function (day) {
      if (day > addInterval(previous, limit)) found.push([previous, day, fromStart, false]);
      previous = day; fromStart = false;
    });
    if (end > addInterval(previous, limit)) found.push([previous, end, fromStart, true]);
    return found;
  }
  function gapText(name, gap) {
    var since = gap[2] ? "the start of the period on " + longDate(gap[0]) : longDate(gap[0]);
    if (gap[3]) return "No " + name + " since " + since + ": " + spanWords(gap[0], gap[1]) + " by the end of the period (" + longDate(gap[1]) + ")";
    return "No " + name + " for " + spanWords(gap[0], gap[1]) + ", from " + since + " to " + longDate(gap[1]);
  }
  function emptyRuns(dates, months, shortest) {
    var held = {}, runs = [], run = [], last = null;
    dates.forEach(function (d) { held[d.slice(0, 7)] = true; });
    months.forEach(function (ym) {
      if (held[iso(ym[0], ym[1], 1).slice(0, 7)]) return;
      var index = ym[0] * 12 + ym[1];
      if (last !== null && index !== last + 1) { runs.push(run); run = []; }
      run.push(ym); last = index;
    });
    if (run.length) runs.push(run);
    return runs.filter(function (r) { return r.length >= shortest; });
  }
  function monthsWords(run) {
    if (run.length === 1) return monthName(run[0][0], run[0][1]);
    return "the " + plural(run.length, "month") + " from " + monthName(run[0][0], run[0][1]) + " to " + monthName(run[run.length - 1][0], run[run.length - 1][1]);
  }

  function checkSupervision(pd, sessions, start, end, fteValue) {
    if (start > end) throw { where: null, problem: start + " is after --to " + end };
    var fte = parseFte(fteValue), K = pd.supervision_kinds, findings = [], notes = [], summary = [], due = [];
    var known = sessions.filter(function (s) { return s.date <= end; });
    var months = fullMonths(start, end), one = Q(1);
    var datesOf = function (key) { return known.filter(function (s) { return s.kind === key; }).map(function (s) { return s.date; }); };

    var lm = K.line_management;
    if (!months.length) notes.push("The period holds no whole calendar month, so monthly supervision was not checked.");
    else emptyRuns(datesOf("line_management"), months, lm.interval_months).forEach(function (run) {
      findings.push(finding("Line management", "shortfall", "No line management supervision in " + monthsWords(run) + "; recommended " +
        rstripDot(lm.frequency).toLowerCase(), lm.source_section,
        "Book a monthly meeting with a named line manager, and make sure the coach can get support in between."));
    });

    var cl = K.clinical, clFte = cl.pro_rata ? fte : one, advice = intervalWords(cl, clFte);
    gaps(datesOf("clinical"), start, end, div(Q(cl.interval_months), clFte)).forEach(function (gap) {
      findings.push(finding("Clinical supervision", "shortfall", gapText("clinical supervision", gap) + "; recommended " + advice, cl.source_section,
        "Agree a named clinician, such as a GP, senior clinician or advanced practitioner, and book regular clinical supervision at this interval."));
    });
    if (cl.urgent_route_required) {
      findings.push(finding("Clinical supervision", "reminder", "A log cannot show whether there is a way to deal with urgent clinical queries " +
        "as they come up, which the framework asks for", cl.source_section,
        "Make sure there is a route for urgent clinical queries, that it is written down, and that the coach knows it."));
    }

    var hc = K.health_coaching, individual = known.filter(function (s) { return s.kind === "health_coaching_individual"; });
    var windowMonths = Number(ceilQ(div(Q(hc.interval_months), fte))), isFull = cmp(fte, one) === 0;
    var proRata = isFull ? "" : "; the framework gives pro rata for clinical supervision only, and this tool's own choice for " + fteWords(fte) +
      " is at least once in every " + windowMonths + " calendar months";
    emptyRuns(individual.map(function (s) { return s.date; }), months, windowMonths).forEach(function (run) {
      findings.push(finding("Health coaching supervision", "shortfall", "No individual health coaching supervision in " + monthsWords(run) +
        "; full-time coaches should have it at least every " + (hc.interval_months === 1 ? "month" : hc.interval_months + " months") + proRata,
        "4.2.2; appendix 2, section 6",
        "Book individual health coaching supervision at least this often with a supervisor of at least Tier " + hc.provider_min_tier + "."));
    });
    if (hc.minutes_per_month && months.length) {
      var inMonths = {};
      months.forEach(function (ym) { inMonths[iso(ym[0], ym[1], 1).slice(0, 7)] = true; });
      var total = individual.filter(function (s) { return inMonths[s.date.slice(0, 7)]; }).reduce(function (t, s) { return t + s.minutes; }, 0);
      var average = Q(total, months.length), low = hc.minutes_per_month, high = hc.minutes_per_month_max || hc.minutes_per_month;
      if (cmp(average, mul(Q(low), fte)) < 0) {
        var span = months.length === 1 ? monthName(months[0][0], months[0][1]) :
          monthName(months[0][0], months[0][1]) + " to " + monthName(months[months.length - 1][0], months[months.length - 1][1]);
        var pr = isFull ? "" : "; this tool's own choice, pro rata for " + fteWords(fte) + " (the framework gives pro rata for clinical supervision only), is " +
          figure(mul(Q(low), fte)) + " to " + figure(mul(Q(high), fte)) + " minutes";
        findings.push(finding("Health coaching supervision", "shortfall", "Individual health coaching supervision averaged " + figure(average) +
          " minutes a month over " + months.length + " whole month" + (months.length !== 1 ? "s" : "") + " (" + span + "); recommended " +
          numberWords(Q(low, 60)) + " to " + numberWords(Q(high, 60)) + " hours a month for a full-time coach (" + low + " to " + high + " minutes)" + pr,
          "4.2.2", "Plan enough individual health coaching supervision each month to reach at least the lower figure."));
      }
    }
    var inPeriod = function (s) { return start <= s.date && s.date <= end; };
    var group = known.filter(function (s) { return s.kind === "health_coaching_group" && inPeriod(s); });
    if (hc.group_recommended && !group.length) {
      findings.push(finding("Health coaching supervision", "suggestion", "No group health coaching supervision in the period; the framework also " +
        "recommends it as an extra chance to develop", "4.2.2",
        "Offer the coach a place in group health coaching supervision, and access to peer learning networks."));
    }
    var minimum = hc.provider_min_tier || pd.limits.min_tier, seen = {}, order = [];
    known.filter(function (s) { return pd.log_kinds[s.kind] === "health_coaching" && inPeriod(s); }).forEach(function (s) {
      var who = s.supervisor || "the supervisor on row " + s.row;
      if (!seen[who]) { seen[who] = []; order.push(who); }
      if (seen[who].indexOf(s.supervisor_tier) < 0) seen[who].push(s.supervisor_tier);
    });
    order.forEach(function (who) {
      var lowTiers = seen[who].filter(function (t) { return t !== null && t < minimum; }).sort(function (a, b) { return a - b; });
      if (lowTiers.length) {
        findings.push(finding("Who gives health coaching supervision", "shortfall", who + " is recorded as a Tier " + lowTiers[0] + " practitioner; " +
          "health coaching supervision should come from at least a Tier " + minimum + " practitioner", "4.2.3",
          "Arrange health coaching supervision with someone of at least Tier " + minimum + " who meets the minimum standards for supervisors " +
          "(appendix 2, section 6)."));
      } else if (seen[who].indexOf(null) >= 0) {
        findings.push(finding("Who gives health coaching supervision", "reminder", "The tier of " + who + " is not recorded; health coaching " +
          "supervision should come from at least a Tier " + minimum + " practitioner", "4.2.3",
          "Check the supervisor's tier and the minimum standards for supervisors (hwc-selfcheck supervisor-check)."));
      }
    });
    findings.push(finding("Health coaching supervision", "reminder", "A log cannot show whether the coach can join peer learning networks, " +
      "which full-time coaches should have", "Appendix 2, section 6",
      "Tell the coach about local peer learning networks and give them time to take part."));

    Object.keys(pd.log_kinds).forEach(function (key) {
      var period = known.filter(function (s) { return s.kind === key && s.date >= start; });
      var dates = datesOf(key).sort();
      summary.push({ kind: key, title: pd.kind_titles[key], sessions: period.length,
        minutes: period.reduce(function (t, s) { return t + s.minutes; }, 0), last: dates.length ? dates[dates.length - 1] : null });
    });

    [["line_management", lm], ["clinical", cl], ["health_coaching_individual", hc]].forEach(function (pair) {
      var key = pair[0], kind = pair[1], dates = datesOf(key).sort(), title = pd.kind_titles[key];
      if (!dates.length) { due.push({ kind: key, last: null, due_by: null, overdue: true, text: title + ": none recorded, so one is due now." }); return; }
      var last = dates[dates.length - 1], share = kind.pro_rata || key === "health_coaching_individual" ? fte : one, dueBy;
      if (key === "clinical") dueBy = addInterval(last, div(Q(kind.interval_months), share));
      else {
        var following = addMonths(last.slice(0, 8) + "01", Number(ceilQ(div(Q(kind.interval_months), share)))), p = ymd(following);
        dueBy = iso(p[0], p[1], monthDays(p[0], p[1]));
      }
      var overdue = end > dueBy;
      due.push({ kind: key, last: last, due_by: dueBy, overdue: overdue, text: overdue ?
        title + ": the last was on " + longDate(last) + ", and the next was due by " + longDate(dueBy) + ", so it is overdue." :
        title + ": the last was on " + longDate(last) + "; the next is due by " + longDate(dueBy) + "." });
    });
    return { start: start, end: end, fte: fteText(fte), findings: findings, summary: summary, notes: notes, due: due };
  }

  P.checkSupervision = checkSupervision;
})(globalThis.HWC = globalThis.HWC || {});
