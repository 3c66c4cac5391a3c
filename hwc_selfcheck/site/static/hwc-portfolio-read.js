/* My portfolio's reading rules, as the Python package has them: exact numbers, Python's ways
 * with text and dates, each list's entries read as core.csv_records.Row reads a cell, and the
 * evidence coverage of practice.portfolio. Free of the page, so Node runs the conformance
 * corpus (tests/corpus/portfolio) through it. hwc-portfolio-checks.js adds tier progress and
 * the supervision check on the same object.
 *
 * `items` is the item list (hwc-items.js); `pd` the rule data written from the package at
 * build time (the start of each hwc-portfolio-*.js bundle): no figure of the framework is typed
 * here. Exact arithmetic throughout (BigInt fractions), as the package uses Decimal and
 * Fraction, so 0.1 + 0.2 hours is 0.3 and a pace of 0.25 a week rounds as Python rounds it.
 */
(function (HWC) {
  "use strict";

  // --- exact fractions ---------------------------------------------------------------------------
  function gcd(a, b) { a = a < 0n ? -a : a; b = b < 0n ? -b : b; while (b) { var t = a % b; a = b; b = t; } return a; }
  function Q(n, d) {
    n = BigInt(n); d = d === undefined ? 1n : BigInt(d);
    if (d < 0n) { n = -n; d = -d; }
    var g = gcd(n, d) || 1n;
    return { n: n / g, d: d / g };
  }
  var ZERO = Q(0);
  function add(a, b) { return Q(a.n * b.d + b.n * a.d, a.d * b.d); }
  function sub(a, b) { return Q(a.n * b.d - b.n * a.d, a.d * b.d); }
  function mul(a, b) { return Q(a.n * b.n, a.d * b.d); }
  function div(a, b) { return Q(a.n * b.d, a.d * b.n); }
  function cmp(a, b) { var x = a.n * b.d, y = b.n * a.d; return x < y ? -1 : x > y ? 1 : 0; }
  function floorQ(a) { var q = a.n / a.d; return (a.n % a.d !== 0n && a.n < 0n) ? q - 1n : q; }
  function ceilQ(a) { return -floorQ(Q(-a.n, a.d)); }
  function sum(list) { return list.reduce(add, ZERO); }
  function isInt(a) { return a.d === 1n; }

  // The value rounded half to even at `places` decimals, as Python formats Decimal and float.
  function fixed(a, places) {
    var scale = 10n ** BigInt(places), neg = a.n < 0n, n = neg ? -a.n : a.n;
    var whole = (n * scale) / a.d, rest = (n * scale) % a.d;
    if (rest * 2n > a.d || (rest * 2n === a.d && whole % 2n === 1n)) whole += 1n;
    var text = whole.toString().padStart(places + 1, "0");
    var out = places ? text.slice(0, -places) + "." + text.slice(-places) : text;
    return (neg && whole !== 0n ? "-" : "") + out;
  }

  // Hours without needless zeros (tiers.hours_text): an exact decimal, as Decimal writes it.
  function hoursText(a) {
    var d = a.d, twos = 0, fives = 0;
    while (d % 2n === 0n) { d /= 2n; twos++; }
    while (d % 5n === 0n) { d /= 5n; fives++; }
    var text = fixed(a, d === 1n ? Math.max(twos, fives) : 28);
    return text.indexOf(".") >= 0 ? text.replace(/0+$/, "").replace(/\.$/, "") : text;
  }

  var WORDS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"];
  function numberWords(a) {
    if (isInt(a) && a.n >= 0n && a.n < BigInt(WORDS.length)) return WORDS[Number(a.n)];
    var text = fixed(a, 1);
    return text.slice(-2) === ".0" ? text.slice(0, -2) : text;
  }
  function figure(a) { return isInt(a) ? a.n.toString() : fixed(a, 1); }

  // Python's "%g" of a float: six significant figures, no trailing zeros.
  function gText(a) {
    if (a.n === 0n) return "0";
    var exp = 0, m = a.n < 0n ? Q(-a.n, a.d) : a;
    while (cmp(m, Q(10)) >= 0) { m = div(m, Q(10)); exp++; }
    while (cmp(m, Q(1)) < 0) { m = mul(m, Q(10)); exp--; }
    var rounded = fixed(m, 5);
    if (rounded === "10.00000") { rounded = "1.00000"; exp++; }
    var digits = rounded.replace(".", ""), sign = a.n < 0n ? "-" : "", out;
    var trim = function (t) { return t.indexOf(".") >= 0 ? t.replace(/0+$/, "").replace(/\.$/, "") : t; };
    if (exp < -4 || exp >= 6) {
      return sign + trim(digits.charAt(0) + "." + digits.slice(1)) + "e" + (exp < 0 ? "-" : "+") + String(Math.abs(exp)).padStart(2, "0");
    }
    if (exp >= 0) out = digits.slice(0, exp + 1) + "." + digits.slice(exp + 1);
    else out = "0." + "0".repeat(-exp - 1) + digits;
    return sign + trim(out);
  }

  // A Decimal as Python reads one (underscores ignored); null for what it refuses or cannot use.
  // Returns "nan" for infinities and NaNs, which Decimal reads but are not finite.
  function parseDecimal(raw) {
    var s = raw.replace(/_/g, "");
    if (/^[+-]?(inf|infinity|s?nan\d*)$/i.test(s)) return "nan";
    var m = /^([+-]?)(\d+)?(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(s);
    if (!m || (m[2] === undefined && !m[3])) return null;
    var digits = (m[2] || "") + (m[3] || ""), exp = Number(m[4] || 0) - (m[3] || "").length;
    if (exp > 400 && /[1-9]/.test(digits)) return Q(10n ** 400n);  // far beyond any limit, as Decimal would say
    if (Math.abs(exp) > 400) return /[1-9]/.test(digits) ? null : ZERO;
    var n = BigInt(digits || "0") * (m[1] === "-" ? -1n : 1n);
    return exp >= 0 ? Q(n * 10n ** BigInt(exp)) : Q(n, 10n ** BigInt(-exp));
  }

  // A Fraction as Python 3.11 reads one from text ("0.6", "3/5", "5e-1"); null when it does not.
  function parseFraction(raw) {
    var m = /^\s*([-+]?)(?=\d|\.\d)(\d*|\d+(?:_\d+)*)(?:(?:\/(\d+(?:_\d+)*))?|(?:\.(\d+(?:_\d+)*)?)?(?:[eE]([-+]?\d+(?:_\d+)*))?)\s*$/.exec(raw);
    if (!m) return null;
    var sign = m[1] === "-" ? -1n : 1n, num = BigInt((m[2] || "0").replace(/_/g, ""));
    if (m[3] !== undefined) {
      var den = BigInt(m[3].replace(/_/g, ""));
      return den === 0n ? "zero" : Q(sign * num, den);
    }
    var dec = (m[4] || "").replace(/_/g, ""), exp = Number((m[5] || "0").replace(/_/g, "")) - dec.length;
    var n = sign * BigInt((m[2] || "").replace(/_/g, "") + dec || "0");
    return exp >= 0 ? Q(n * 10n ** BigInt(exp)) : Q(n, 10n ** BigInt(-exp));
  }

  // --- text as Python has it -----------------------------------------------------------------------
  var SPACE = "\\t\\n\\v\\f\\r\\x1c-\\x1f \\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000";
  var EDGES = new RegExp("^[" + SPACE + "]+|[" + SPACE + "]+$", "g");
  var RUNS = new RegExp("[" + SPACE + "-]+", "g");
  var SPLIT = new RegExp("[" + SPACE + "]+");
  function strip(s) { return s.replace(EDGES, ""); }
  function headingKey(s) { return strip(s).toLowerCase().replace(RUNS, "_"); }
  function words(s) { return strip(s).split(SPLIT).filter(Boolean); }

  // Python's repr() of a string, as the package quotes a cell in its messages.
  function repr(s) {
    var quote = s.indexOf("'") >= 0 && s.indexOf('"') < 0 ? '"' : "'";
    var out = "";
    Array.from(s).forEach(function (ch) {
      var c = ch.codePointAt(0);
      if (ch === "\\") out += "\\\\";
      else if (ch === quote) out += "\\" + ch;
      else if (ch === "\n") out += "\\n";
      else if (ch === "\r") out += "\\r";
      else if (ch === "\t") out += "\\t";
      else if (c < 0x20 || (c >= 0x7f && c <= 0xa0) || c === 0xad) out += "\\x" + c.toString(16).padStart(2, "0");
      else out += ch;
    });
    return quote + out + quote;
  }

  // core.wording.join_words: a list as people write it ("a", "a and b", "a, b and c").
  function joinWords(list, last) {
    return list.length < 2 ? list.join("") : list.slice(0, -1).join(", ") + " " + (last || "and") + " " + list[list.length - 1];
  }
  function plural(count, singular, pluralForm) { return count + " " + (count === 1 ? singular : pluralForm || singular + "s"); }
  function aOrAn(phrase) {
    var w = strip(phrase).toLowerCase();
    var vowel = "aeiou".indexOf(w.charAt(0)) >= 0 && w.length > 0 || /^(hour|honest|honour|heir)/.test(w);
    return (vowel ? "an " : "a ") + phrase;
  }

  // difflib.get_close_matches: the same scores and the same order.
  function ratio(a, b) {
    var b2j = {};
    b.forEach(function (ch, j) { (b2j[ch] = b2j[ch] || []).push(j); });
    function longest(alo, ahi, blo, bhi) {
      var bi = alo, bj = blo, size = 0, j2len = {};
      for (var i = alo; i < ahi; i++) {
        var next = {}, js = b2j[a[i]] || [];
        for (var n = 0; n < js.length; n++) {
          var j = js[n];
          if (j < blo) continue;
          if (j >= bhi) break;
          var k = next[j] = (j2len[j - 1] || 0) + 1;
          if (k > size) { bi = i - k + 1; bj = j - k + 1; size = k; }
        }
        j2len = next;
      }
      while (bi > alo && bj > blo && a[bi - 1] === b[bj - 1]) { bi--; bj--; size++; }
      while (bi + size < ahi && bj + size < bhi && a[bi + size] === b[bj + size]) size++;
      return [bi, bj, size];
    }
    var matches = 0, queue = [[0, a.length, 0, b.length]];
    while (queue.length) {
      var q = queue.pop(), m = longest(q[0], q[1], q[2], q[3]);
      if (m[2]) {
        matches += m[2];
        if (q[0] < m[0] && q[2] < m[1]) queue.push([q[0], m[0], q[2], m[1]]);
        if (m[0] + m[2] < q[1] && m[1] + m[2] < q[3]) queue.push([m[0] + m[2], q[1], m[1] + m[2], q[3]]);
      }
    }
    var total = a.length + b.length;
    return total ? 2.0 * matches / total : 1.0;
  }
  function closeMatches(word, possibilities, n, cutoff) {
    var w = Array.from(word);
    var scored = [];
    possibilities.forEach(function (x) {
      var s = ratio(Array.from(x), w);
      if (s >= cutoff) scored.push([s, x]);
    });
    scored.sort(function (p, q) { return q[0] - p[0] || (q[1] > p[1] ? 1 : q[1] < p[1] ? -1 : 0); });
    return scored.slice(0, n).map(function (p) { return p[1]; });
  }

  // --- calendar dates (ISO text, and days from 1 January of year 1 as Python's toordinal) --------
  var MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
  function leap(y) { return y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0); }
  function monthDays(y, m) { return [31, leap(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]; }
  function iso(y, m, d) { return String(y).padStart(4, "0") + "-" + String(m).padStart(2, "0") + "-" + String(d).padStart(2, "0"); }
  function ymd(day) { return [Number(day.slice(0, 4)), Number(day.slice(5, 7)), Number(day.slice(8, 10))]; }
  function validDate(y, m, d) { return y >= 1 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 && d <= monthDays(y, m); }
  function ordinal(day) {
    var p = ymd(day), y = p[0] - 1, n = y * 365 + Math.floor(y / 4) - Math.floor(y / 100) + Math.floor(y / 400);
    for (var m = 1; m < p[1]; m++) n += monthDays(p[0], m);
    return n + p[2];
  }
  function fromOrdinal(n) {
    var y = Math.floor((n - 1) / 365.2425) + 1;
    while (ordinal(iso(y, 1, 1)) > n) y--;
    while (ordinal(iso(y + 1, 1, 1)) <= n) y++;
    var rest = n - ordinal(iso(y, 1, 1)) + 1, m = 1;
    while (rest > monthDays(y, m)) { rest -= monthDays(y, m); m++; }
    return iso(y, m, rest);
  }
  function addDays(day, n) { return fromOrdinal(ordinal(day) + n); }
  function daysBetween(a, b) { return ordinal(b) - ordinal(a); }
  function addMonths(day, months) {
    var p = ymd(day), index = p[0] * 12 + p[1] - 1 + months, y = Math.floor(index / 12), m = index - y * 12 + 1;
    return iso(y, m, Math.min(p[2], monthDays(y, m)));
  }
  var AVERAGE_MONTH_DAYS = Q(36525, 1200);
  function addInterval(day, months) {
    var whole = floorQ(months), rest = floorQ(mul(sub(months, Q(whole)), AVERAGE_MONTH_DAYS));
    return addDays(addMonths(day, Number(whole)), Number(rest));
  }
  function monthsAndDays(start, end) {
    var a = ymd(start), b = ymd(end), months = (b[0] - a[0]) * 12 + b[1] - a[1];
    if (addMonths(start, months) > end) months--;
    return [months, daysBetween(addMonths(start, months), end)];
  }
  function spanWords(start, end) {
    var md = monthsAndDays(start, end), parts = [];
    if (md[0]) parts.push(md[0] + " month" + (md[0] !== 1 ? "s" : ""));
    if (md[1] || !md[0]) parts.push(md[1] + " day" + (md[1] !== 1 ? "s" : ""));
    return parts.join(" and ");
  }
  function fullMonths(start, end) {
    var p = ymd(start), y = p[0], m = p[1], found = [];
    if (p[2] !== 1) { m++; if (m > 12) { m = 1; y++; } }
    for (;;) {
      if (iso(y, m, monthDays(y, m)) > end) return found;
      found.push([y, m]);
      m++; if (m > 12) { m = 1; y++; }
    }
  }
  function longDate(day) { var p = ymd(day); return p[2] + " " + MONTHS[p[1] - 1] + " " + p[0]; }
  function monthName(y, m) { return MONTHS[m - 1] + " " + y; }

  // core.csv_records.to_date: 2026-03-31 (as strptime reads %Y-%m-%d) or 31/03/2026.
  function toDate(raw) { var p = dateParts(raw); return p && validDate(p[0], p[1], p[2]) ? iso(p[0], p[1], p[2]) : null; }
  function dateParts(raw) {
    var s = strip(raw), uk = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(s), p = /^(\d{4})-(\d{1,2})-( ?\d|\d\d)$/.exec(s);
    return uk ? [+uk[3], +uk[2], +uk[1]] : p ? [+p[1], +p[2], +p[3]] : null;
  }
  // core.dates.missing_day: "30 February 2026" for a date written right but not on the calendar.
  function missingDay(raw) {
    var p = dateParts(raw);
    return p && p[0] && p[1] > 0 && p[1] < 13 && p[2] > monthDays(p[0], p[1]) && p[2] < 32 ? p[2] + " " + MONTHS[p[1] - 1] + " " + p[0] : null;
  }


  // --- one entry, read as core.csv_records.Row reads a cell --------------------------------------
  // A problem is thrown as { where, problem }, the two halves of the package's InputError.
  function Row(number, cells, listName, pd) {
    this.number = number; this.cells = cells; this.listName = listName;
    this.words = { yes: pd.yes_words, no: pd.no_words };
  }
  Row.prototype.where = function (column) {
    return this.listName ? this.listName + " entry " + this.number + ", field " + column : "row " + this.number + ", column " + column;
  };
  Row.prototype.error = function (column, problem) { return { where: this.where(column), problem: problem }; };
  Row.prototype.text = function (column, required) {
    var value = strip(Object.prototype.hasOwnProperty.call(this.cells, column) ? this.cells[column] : "");
    if (required && !value) throw this.error(column, "is empty");
    return value;
  };
  Row.prototype.date = function (column, today) {
    var raw = this.text(column, true), value = toDate(raw);
    if (!value) { var missing = missingDay(raw); throw this.error(column, missing ? missing + " does not exist" : repr(raw) + " is not a date; write it like 31/03/2026 or 2026-03-31"); }
    if (value > today) throw this.error(column, longDate(value) + " is after today");
    return value;
  };
  Row.prototype.decimal = function (column, maximum, unit) {
    var raw = this.text(column, true), value = parseDecimal(raw);
    if (value === null || value === "nan") throw this.error(column, repr(raw) + " is not a number; write it like 1.5");
    if (cmp(value, ZERO) <= 0) throw this.error(column, "must be more than 0");
    if (cmp(value, maximum) > 0) throw this.error(column, raw + " is more than " + hoursText(maximum) + unit + "; is it a typing mistake?");
    return value;
  };
  Row.prototype.wholeNumber = function (column, low, high, required) {
    var raw = this.text(column, required !== false);
    if (!raw) return null;
    if (!/^\d+$/.test(raw)) throw this.error(column, repr(raw) + " is not a whole number from " + low + " to " + high);
    var value = BigInt(raw);
    if (value < BigInt(low) || value > BigInt(high)) throw this.error(column, value + " must be from " + low + " to " + high);
    return Number(value);
  };
  // The words for yes and no are the package's (core.csv_records.YES and NO: yes, y, true, 1 ...).
  Row.prototype.yesNo = function (column, required) {
    var raw = this.text(column, required !== false), low = raw.toLowerCase();
    if (!raw) return null;
    if (this.words.yes.indexOf(low) >= 0) return true;
    if (this.words.no.indexOf(low) >= 0) return false;
    throw this.error(column, repr(raw) + " should be yes or no");
  };
  Row.prototype.choice = function (column, choices) {
    var raw = this.text(column, true), key = headingKey(raw);
    if (choices.indexOf(key) >= 0) return key;
    var near = closeMatches(key, choices, 1, 0.6);
    throw this.error(column, repr(raw) + " is not one of: " + choices.join(", ") + (near.length ? "; did you mean " + near[0] + "?" : ""));
  };

  // Item IDs as framework.loader reads them: exact, or loosely written (pc1, PC 01).
  function itemIndex(pd) {
    var ids = Object.keys(pd.item_evidence);
    function normalise(text) {
      var t = strip(text), m = /^([A-Za-z]{2})[\s_-]*(\d{1,2})$/.exec(t);
      return m ? m[1].toUpperCase() + "-" + String(Number(m[2])).padStart(2, "0") : t.toUpperCase();
    }
    function get(id) {
      if (Object.prototype.hasOwnProperty.call(pd.item_evidence, id)) return id;
      var n = normalise(id);
      return Object.prototype.hasOwnProperty.call(pd.item_evidence, n) ? n : null;
    }
    function suggest(id) {
      var wanted = normalise(id), look = { O: "0", I: "1", L: "1", S: "5", B: "8" };
      var digits = wanted.slice(0, 3) + wanted.slice(3).replace(/[OILSB]/g, function (c) { return look[c]; });
      var close = closeMatches(wanted, ids, 3, 0.5);
      if (ids.indexOf(digits) >= 0) close = [digits].concat(close.filter(function (i) { return i !== digits; }).slice(0, 2));
      if (!close.length && wanted.length >= 2) close = ids.filter(function (i) { return i.slice(0, 2) === wanted.slice(0, 2); }).slice(0, 3);
      return close;
    }
    return { get: get, suggest: suggest };
  }

  // The readers of each list, as tiers, supervision and portfolio have them.
  function readers(pd) {
    var L = pd.limits, index = itemIndex(pd), types = Object.keys(pd.entry_types), kinds = Object.keys(pd.log_kinds);
    var maxHours = parseDecimal(L.max_hours_per_row);
    return {
      hours: function (row, today) {
        return { date: row.date("date", today), hours: row.decimal("hours", maxHours, " hours"), setting: row.text("setting"),
          nhs: Boolean(row.yesNo("nhs")), supervised: Boolean(row.yesNo("supervised")), note: row.text("note") };
      },
      supervision: function (row, today) {
        return { row: row.number, date: row.date("date", today), kind: row.choice("kind", kinds),
          minutes: row.wholeNumber("minutes", 1, L.max_minutes) || 0, supervisor: row.text("supervisor"),
          supervisor_tier: row.wholeNumber("supervisor_tier", L.min_tier, L.max_tier, false), note: row.text("note") };
      },
      training: function (row, today) {
        return { date: row.date("date", today), course: row.text("course", true), pci_accredited: Boolean(row.yesNo("pci_accredited")),
          days: row.wholeNumber("days", 1, L.max_course_days) || 0, note: row.text("note") };
      },
      approvals: function (row, today) {
        return { date: row.date("date", today), tier: row.wholeNumber("tier", 2, L.max_tier) || 0, approved_by: row.text("approved_by", true),
          independent: row.yesNo("independent", false), competency_evidence: Boolean(row.yesNo("competency_evidence")), note: row.text("note") };
      },
      evidence: function (row, today) {
        if (headingKey(row.text("type")) === "supervision") {
          throw row.error("type", "'supervision' does not say which kind; use " + pd.supervision_types.join(", "));
        }
        var kind = row.choice("type", types), ids = [];
        row.text("items").split(/[;,]/).map(strip).forEach(function (part) {
          var raws = index.get(part) || part.indexOf(" ") < 0 ? [part] : words(part);
          raws.forEach(function (raw) {
            var id = raw ? index.get(raw) : null;
            if (raw && id === null) {
              var near = index.suggest(raw);
              throw row.error("items", repr(raw) + " is not an item ID of the framework" + (near.length ? "; did you mean " + near.join(", ") + "?" : ""));
            }
            if (id && ids.indexOf(id) < 0) ids.push(id);
          });
        });
        return { date: row.date("date", today), type: kind, items: ids, note: row.text("note"), where_kept: row.text("where_kept") };
      }
    };
  }

  // core.csv_records.most_in_a_day, the rule across the rows of a CSV file (or the entries of a
  // portfolio file's list, `label` "hours entries"): the rows of one day may not add up to more than
  // a day. `read` holds { row, date, amount } of each row read; gives the problems ({ where, problem }),
  // one for each such day, in date order, naming every row of it.
  function mostInADay(read, limitText, unit, label) {
    var limit = parseDecimal(limitText), byDay = {}, out = [], one = label ? "an entry" : "a row";
    read.forEach(function (r) { (byDay[r.date] = byDay[r.date] || []).push(r); });
    Object.keys(byDay).sort().forEach(function (day) {
      var rows = byDay[day], total = sum(rows.map(function (r) { return r.amount; }));
      if (cmp(total, limit) <= 0 || rows.length < 2) return;
      var numbers = rows.map(function (r) { return r.row; }).sort(function (a, b) { return a - b; }).map(String);
      out.push({ where: (label || "rows") + " " + joinWords(numbers), problem: hoursText(total) + " " + unit + " on " + longDate(day) +
        " add up to more than the " + limitText + " " + unit + " in a day; is " + one + " there twice, or one dated wrongly?" });
    });
    return out;
  }

  // The rule across rows for each list it applies to (hours, supervision), over entries already read.
  function dayProblems(pd, name, entries, label) {
    var day = pd.day_limits[name];
    if (!day) return [];
    return mostInADay(entries.map(function (e, n) {
      var v = e[day.column];
      return { row: e.row || n + 1, date: e.date, amount: typeof v === "number" ? Q(v) : v };
    }), day.limit, day.unit, label);
  }

  // A portfolio file's list: fields checked for every entry first, then each entry read (records.portfolio_file).
  function readList(pd, name, entries, today) {
    var fmt = pd.lists[name], read = readers(pd)[name];
    var rows = entries.map(function (cells, n) {
      Object.keys(cells).forEach(function (column) {
        if (fmt.columns.indexOf(column) < 0) {
          throw { where: name + " entry " + (n + 1) + ", field " + column, problem: "is not a field of " + name + " entries; the fields are " + fmt.columns.join(", ") };
        }
      });
      fmt.columns.forEach(function (column) {
        if (fmt.optional.indexOf(column) < 0 && !Object.prototype.hasOwnProperty.call(cells, column)) {
          throw { where: name + " entry " + (n + 1) + ", field " + column, problem: "is missing" };
        }
      });
      return new Row(n + 1, cells, name, pd);
    });
    return rows.map(function (row) { return read(row, today); });
  }

  // One entry typed on the page, read as the package reads an entry of a portfolio file.
  function readEntry(pd, name, cells, today, number) {
    try { return [readers(pd)[name](new Row(number || 1, cells, name, pd), today), null]; } catch (e) {
      if (e && e.problem) return [null, e];
      throw e;
    }
  }

  function rstripDot(s) { return s.replace(/\.+$/, ""); }
  function lowerFirst(s) { return s.charAt(0).toLowerCase() + s.slice(1); }

  function cite(source) {
    var out = [], numbers = [];
    source.split(";").map(function (p) { return p.trim(); }).concat([""]).forEach(function (part) {
      if (/^\d/.test(part)) { numbers.push(part); return; }
      if (numbers.length) {
        out.push(numbers.length === 1 ? "section " + numbers[0] : "sections " + numbers.slice(0, -1).join(", ") + " and " + numbers[numbers.length - 1]);
        numbers = [];
      }
      if (part) out.push(lowerFirst(part));
    });
    return out.join("; ");
  }

  // A working pattern as records.portfolio_file and practice.supervision read it (parse_fte, fte_words).
  function parseFte(value) {
    var fte = parseFraction(String(value));
    if (fte === null || fte === "zero") throw { where: null, problem: repr(String(value)) + " is not a number; write it like 0.6" };
    if (cmp(fte, ZERO) <= 0 || cmp(fte, Q(1)) > 0) throw { where: null, problem: value + " must be more than 0 and at most 1 (1 is full time)" };
    return fte;
  }
  function fteWords(fte) { return cmp(fte, Q(1)) === 0 ? "a full-time coach" : gText(fte) + " of full time"; }
  function fteText(fte) { return fte.d === 1n ? fte.n.toString() : fte.n + "/" + fte.d; }

  // --- evidence coverage (practice.portfolio) -------------------------------------------------------
  function itemsForTier(items, tier) {
    return items.items.filter(function (i) { return i.kind !== "supervisor_standard" && (tier === null || i.min_tier <= tier); });
  }
  function coverage(pd, entries, chosen) {
    var states = { complete: 0, partly: 0, "none yet": 0 };
    var out = chosen.map(function (item) {
      var linked = entries.filter(function (e) { return e.items.indexOf(item.id) >= 0; }), shown = {};
      linked.forEach(function (e) { pd.entry_types[e.type].evidences.forEach(function (t) { shown[t] = true; }); });
      if (linked.length) shown[pd.portfolio_term] = true;
      var expected = pd.item_evidence[item.id];
      var present = expected.filter(function (t) { return shown[t]; }), missing = expected.filter(function (t) { return !shown[t]; });
      var state = !missing.length ? "complete" : present.length ? "partly" : "none yet";
      states[state]++;
      return { id: item.id, present: present, missing: missing, entries: linked.length, state: state };
    });
    function has(state) { return states[state] + (states[state] === 1 ? " has" : " have"); }
    return { summary: "Of " + plural(out.length, "item") + ", " + has("complete") + " every kind of evidence the framework expects, " +
      has("partly") + " some, and " + has("none yet") + " none yet.", items: out };
  }

  /* The file a person chose in `input`, read as the package reads a record file: strict UTF-8,
   * and at most `most` bytes when `most` is given. `use(file, text, problem)` gets the text, or the
   * problem ("too big", "not UTF-8") for the page to word. The input is cleared, so choosing the
   * same file again reads it again. */
  function openChosen(input, most, use) {
    var file = input.files && input.files[0];
    if (!file) return;
    file.arrayBuffer().then(function (buffer) {
      input.value = "";
      if (most && buffer.byteLength > most) { use(file, null, "too big"); return; }
      var text;
      try { text = new TextDecoder("utf-8", { fatal: true }).decode(buffer); } catch (e) { use(file, null, "not UTF-8"); return; }
      use(file, text, null);
    });
  }

  HWC.portfolioRules = {
    Q: Q, ZERO: ZERO, add: add, sub: sub, mul: mul, div: div, cmp: cmp, floorQ: floorQ, ceilQ: ceilQ, sum: sum, isInt: isInt,
    fixed: fixed, hoursText: hoursText, figure: figure, numberWords: numberWords, gText: gText,
    parseDecimal: parseDecimal, parseFraction: parseFraction, repr: repr, strip: strip, headingKey: headingKey,
    plural: plural, joinWords: joinWords, aOrAn: aOrAn, closeMatches: closeMatches, cite: cite, rstripDot: rstripDot,
    iso: iso, ymd: ymd, monthDays: monthDays, ordinal: ordinal, fromOrdinal: fromOrdinal, addDays: addDays, daysBetween: daysBetween,
    addMonths: addMonths, addInterval: addInterval, spanWords: spanWords, fullMonths: fullMonths, longDate: longDate,
    monthName: monthName, toDate: toDate, missingDay: missingDay,
    Row: Row, readers: readers, readList: readList, mostInADay: mostInADay, dayProblems: dayProblems, readEntry: readEntry, itemIndex: itemIndex,
    parseFte: parseFte, fteWords: fteWords, fteText: fteText, itemsForTier: itemsForTier, coverage: coverage, openChosen: openChosen
  };
})(globalThis.HWC = globalThis.HWC || {});
