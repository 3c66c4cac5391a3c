/* My portfolio's files, free of the page so Node tests them (tests/js/):
 * - the portfolio file, checked as records.portfolio_file.parse_portfolio checks it (the same
 *   files accepted and refused, the same words for a bad entry);
 * - CSV files of each list, read as core.csv_records reads them (a spreadsheet's rows and
 *   columns in the messages) and written for a spreadsheet.
 * Needs hwc-portfolio-read.js first (and hwc-rules.js for a self-assessment inside a file).
 */
(function (HWC) {
  "use strict";

  var P = HWC.portfolioRules;
  var LISTS = ["hours", "supervision", "training", "approvals", "evidence"];
  var TOP = ["format", "schema_version", "pseudonym", "date", "fte", "assessment"].concat(LISTS);

  function isObject(v) { return v !== null && typeof v === "object" && !Array.isArray(v); }
  function problem(where, text) { return [null, { where: where, problem: text }]; }
  function valueRepr(v) { return v === undefined || v === null ? "None" : typeof v === "string" ? P.repr(v) : JSON.stringify(v); }

  // A date as pydantic reads one into a `date` field: ISO, midnight datetimes, or Unix time at midnight.
  function modelDate(v) {
    var seconds = null;
    if (typeof v === "number") seconds = v;
    else if (typeof v === "string") {
      var m = /^(\d{4})-(\d{2})-(\d{2})(?:[Tt _](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?(?:[Zz]|[+-]\d{2}(?::?\d{2})?)?)?$/.exec(v);
      if (m) {
        var day = P.iso(Number(m[1]), Number(m[2]), Number(m[3]));
        if (P.toDate(day) !== day) return null;
        if (m[4] !== undefined && (Number(m[4]) || Number(m[5]) || Number(m[6] || 0) || /[1-9]/.test(m[7] || ""))) return null;
        return day;
      }
      if (/^\d+(\.\d+)?$/.test(v)) seconds = Number(v);
    }
    if (seconds === null || !isFinite(seconds)) return null;
    if (Math.abs(seconds) > 2e10) seconds /= 1000;
    if (seconds % 86400 !== 0) return null;
    var n = P.ordinal("1970-01-01") + seconds / 86400;
    return n >= 1 && n <= P.ordinal("9999-12-31") ? P.fromOrdinal(n) : null;
  }

  // The shape the file's model asks for (PortfolioRecord), before any entry is read.
  function shapeProblem(raw, pd) {
    var extra = Object.keys(raw).filter(function (k) { return TOP.indexOf(k) < 0; });
    if (extra.length) return ["field " + extra[0], "is not a known field (check the spelling)"];
    if ("schema_version" in raw && raw.schema_version !== pd.schema_version && raw.schema_version !== true) {
      return ["field schema_version", "must be " + pd.schema_version];
    }
    if (typeof raw.pseudonym !== "string" || !P.strip(raw.pseudonym) || P.strip(raw.pseudonym).length > 80) {
      return ["field pseudonym", "must be text of 1 to 80 characters"];
    }
    if (modelDate(raw.date) === null) return ["field date", "must be a date like 2026-03-31"];
    if ("fte" in raw && typeof raw.fte !== "string") return ["field fte", "must be text, such as \"0.6\""];
    if ("assessment" in raw && raw.assessment !== null && !isObject(raw.assessment)) return ["field assessment", "must be a self-assessment or null"];
    for (var n = 0; n < LISTS.length; n++) {
      var name = LISTS[n], list = raw[name];
      if (!(name in raw)) continue;
      if (!Array.isArray(list)) return ["field " + name, "must be a list"];
      for (var i = 0; i < list.length; i++) {
        if (!isObject(list[i])) return ["field " + name + "." + i, "must be a set of fields"];
        var bad = Object.keys(list[i]).filter(function (k) { return typeof list[i][k] !== "string"; });
        if (bad.length) return ["field " + name + "." + i + "." + bad[0], "must be text"];
      }
    }
    return null;
  }

  // records.portfolio_file.parse_portfolio: [portfolio, null] or [null, { where, problem }].
  function checkFile(text, data, pd, today) {
    var raw;
    try { raw = JSON.parse(text); } catch (e) { return problem(null, "this is not a file saved by this site, or it is cut short"); }
    if (!isObject(raw)) return problem(null, "must hold a JSON object (a portfolio)");
    if (raw.format !== pd.format) return problem(null, raw.format === data.assessment.format ? "this is a self-assessment file, not a portfolio file" : "this is not a portfolio file saved by hwc-selfcheck");
    var v = raw.schema_version;
    if (typeof v === "number" && Number.isInteger(v) && v > pd.schema_version) {
      return problem("field schema_version", "is " + v + ", made by a newer hwc-selfcheck; this one reads up to " + pd.schema_version + ". Please update.");
    }
    var shape = shapeProblem(raw, pd);
    if (shape) return problem(shape[0], shape[1]);
    var day = modelDate(raw.date);
    if (day > today) return problem("field date", day + " is in the future");
    var fteText = P.strip("fte" in raw ? raw.fte : "1"), fte;
    try { fte = P.parseFte(fteText); } catch (e) { return problem("field fte", e.problem); }
    var assessment = null;
    if (isObject(raw.assessment)) {
      var checked = HWC.rules.checkImport(JSON.stringify(raw.assessment), data, today);
      if (checked[1]) return problem("assessment", checked[1]);
      assessment = checked[0];
    }
    var lists = {}, read = {}, tooLong = [];
    for (var n = 0; n < LISTS.length; n++) {
      var name = LISTS[n];
      lists[name] = raw[name] || [];
      try { read[name] = P.readList(pd, name, lists[name], today); } catch (e) {
        if (!e || !("problem" in e)) throw e;
        return problem(e.where, e.problem);
      }
      if (name === "supervision") tooLong = P.dayProblems(pd, "hours", read.hours, "hours entries").concat(P.dayProblems(pd, name, read[name], "supervision entries"));
      if (tooLong.length) return [null, { where: tooLong[0].where, problem: tooLong[0].problem, problems: tooLong }];
    }
    return [{ pseudonym: P.strip(raw.pseudonym), date: day, fte: fteText, fteValue: fte, assessment: assessment, lists: lists, read: read }, null];
  }

  // --- CSV, as Python's csv module (excel dialect) and core.csv_records read it -------------------
  var LINE_ENDS = /(\r\n|[\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029])/;

  function csvRecords(text) {
    var parts = text.split(LINE_ENDS), lines = [];
    for (var i = 0; i < parts.length; i += 2) {
      var line = parts[i] + (parts[i + 1] || "");
      if (line) lines.push(line);
    }
    var records = [], fields = [], field = "", state = "start_record";
    function save() { fields.push(field); field = ""; }
    function feed(c) {  // c === null is the end of a line
      var newline = c === "\n" || c === "\r";
      switch (state) {
        case "start_record":
          if (c === null) return;
          if (newline) { state = "eat_crnl"; return; }
          state = "start_field";
          /* falls through */
        case "start_field":
          if (newline || c === null) { save(); state = c === null ? "start_record" : "eat_crnl"; } else if (c === '"') state = "in_quoted"; else if (c === ",") save(); else { field += c; state = "in_field"; }
          return;
        case "in_field":
          if (newline || c === null) { save(); state = c === null ? "start_record" : "eat_crnl"; } else if (c === ",") { save(); state = "start_field"; } else field += c;
          return;
        case "in_quoted":
          if (c === null) return;
          if (c === '"') state = "quote_in_quoted"; else field += c;
          return;
        case "quote_in_quoted":
          if (c === '"') { field += c; state = "in_quoted"; } else if (c === ",") { save(); state = "start_field"; } else if (newline || c === null) { save(); state = c === null ? "start_record" : "eat_crnl"; } else { field += c; state = "in_field"; }
          return;
        case "eat_crnl":
          if (newline) return;
          if (c === null) { state = "start_record"; return; }
          throw new Error("new-line character seen in unquoted field");
      }
    }
    lines.forEach(function (line) {
      Array.from(line).forEach(feed);
      feed(null);
      if (state === "start_record") { records.push(fields); fields = []; }
    });
    if (field.length || state === "in_quoted") { save(); records.push(fields); }
    return records;
  }

  // core.csv_records.read_records with the list's reader: [entries (cells by column), null], or
  // [null, { where, problem, problems }]: the first problem, and every problem of the file in the package's order.
  function readCsv(text, pd, name, today) {
    var fmt = pd.lists[name], read = P.readers(pd)[name];
    function one(where, words) { return [null, { where: where, problem: words, problems: [{ where: where, problem: words }] }]; }
    if (text.charAt(0) === "\ufeff") text = text.slice(1);  // as Python's utf-8-sig
    if (!P.strip(text)) return one(null, "the file is empty");
    var records = csvRecords(text);
    var header = (records[0] || []).map(P.headingKey);
    var required = fmt.columns.filter(function (c) { return fmt.optional.indexOf(c) < 0; });
    for (var r = 0; r < required.length; r++) {
      if (header.indexOf(required[r]) < 0) {
        return one("row 1", "the column " + P.repr(required[r]) + " is missing; " + P.aOrAn(fmt.record) + " has the columns " + fmt.columns.join(", "));
      }
    }
    for (var h = 0; h < header.length; h++) {
      var column = header[h];
      if (fmt.columns.indexOf(column) < 0) {
        var near = P.closeMatches(column, fmt.columns, 1, 0.6);
        return one("row 1", "column " + (column || "number " + (h + 1) + ", which has no heading,") + " is not a column of " + P.aOrAn(fmt.record) +
          (near.length ? " (did you mean " + near[0] + "?)" : "") + "; the columns are " + fmt.columns.join(", "));
      }
      if (header.indexOf(column) !== h) return one("row 1", "the column " + P.repr(column) + " appears more than once");
    }
    // Every bad row is found (its first problem), then the rule across rows, as core.csv_records.read_records does.
    var entries = [], problems = [], amounts = [], day = pd.day_limits[name];
    for (var n = 1; n < records.length; n++) {
      var cells = records[n], number = n + 1;
      if (!cells.some(function (c) { return P.strip(c); })) continue;
      if (cells.length > header.length) {
        problems.push({ where: "row " + number, problem: "has " + P.plural(cells.length, "cell") + " but the header has " + P.plural(header.length, "column") +
          "; is there a comma that should be inside quotes?" });
        continue;
      }
      var byColumn = {}, got;
      cells.forEach(function (c, i) { byColumn[header[i]] = c; });
      try { got = read(new P.Row(number, byColumn, null, pd), today); } catch (e) {
        if (!e || !("problem" in e)) throw e;
        problems.push({ where: e.where, problem: e.problem });
        continue;
      }
      if (day) amounts.push({ row: number, date: got.date, amount: typeof got[day.column] === "number" ? P.Q(got[day.column]) : got[day.column] });
      var entry = {};
      fmt.columns.forEach(function (c) { entry[c] = byColumn[c] || ""; });
      entries.push(entry);
    }
    if (day) problems = problems.concat(P.mostInADay(amounts, day.limit, day.unit));
    if (problems.length) return [null, { where: problems[0].where, problem: problems[0].problem, problems: problems }];
    return [entries, null];
  }

  // A list as a CSV file a spreadsheet opens (UTF-8 with a byte-order mark, as Excel wants).
  function writeCsv(pd, name, entries) {
    var columns = pd.lists[name].columns;
    var cell = function (v) { v = v || ""; return /[",\r\n]/.test(v) ? '"' + v.replace(/"/g, '""') + '"' : v; };
    return "\ufeff" + [columns.join(",")].concat(entries.map(function (e) { return columns.map(function (c) { return cell(e[c]); }).join(","); })).join("\r\n") + "\r\n";
  }

  // A place and a problem as a sentence for the site: "Hours entry 1, date: 30 February 2026 does not exist."
  function sentence(where, problem) {
    var text = (where ? where.replace(/\bfield /, "") + ": " : "") + problem;
    return text.charAt(0).toUpperCase() + text.slice(1) + (/[.?!]$/.test(text) ? "" : ".");
  }
  // My self-assessment's import of a portfolio file: its self-assessment, after every check of the file.
  function assessmentOf(buffer, name, data) {
    var got = checkFile(new TextDecoder().decode(buffer), data, globalThis.HWC_PORTFOLIO, HWC.today()), no = name + " is a portfolio file ";
    if (got[1]) return [null, no + "with a problem. " + sentence(got[1].where, got[1].problem)];
    return got[0].assessment ? [got[0].assessment] : [null, no + "with no self-assessment in it. Open it on My portfolio to use its records."];
  }

  HWC.portfolioFiles = { sentence: sentence, assessmentOf: assessmentOf, checkFile: checkFile, modelDate: modelDate, csvRecords: csvRecords, readCsv: readCsv, writeCsv: writeCsv };
})(globalThis.HWC = globalThis.HWC || {});
