/* geomap in German: dates ("3. Juni 2024", "Oktober 2016", "seit 1. Oktober 2016"), place kinds, country names,
 * counts and numbers; shared by the map layer, the page controls and the embed. */
(function () {
  "use strict";

  var MONTHS = ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober",
                "November", "Dezember"];
  var KINDS = {
    city: "Stadt", town: "Ort", village: "Dorf", neighbourhood: "Stadtteil", admin_region: "Verwaltungsregion",
    region: "Region", country: "Land", continent: "Kontinent", water: "Gewässer", landmark: "Bauwerk"
  };
  var regions = null;
  try { regions = new Intl.DisplayNames(["de"], { type: "region" }); } catch (e) { regions = null; }

  /* "2024-06-03" -> "3. Juni 2024", "2016-10" -> "Oktober 2016", "2016" -> "2016". */
  function date(iso) {
    var parts = String(iso || "").split("-");
    if (parts.length < 2 || !MONTHS[+parts[1] - 1]) return String(iso || "");
    var month = MONTHS[+parts[1] - 1] + " " + (+parts[0]);
    return parts.length > 2 ? (+parts[2]) + ". " + month : month;
  }

  function lastDayOfMonth(iso) {
    var y = +iso.slice(0, 4), m = +iso.slice(5, 7);
    return new Date(Date.UTC(y, m, 0)).getUTCDate() === +iso.slice(8, 10);
  }

  /* An event's date by its precision: day, week, month, year, an open interval, or a range. */
  function eventDate(e) {
    var start = e.date_start, end = e.date_end, precision = e.date_precision;
    if (precision === "none" || (!start && !end)) return "undatiert";
    if (start && !end) return "seit " + date(start);
    if (!start && end) return "bis " + date(end);
    if (start === end) return date(start);
    if (precision === "month" && start.slice(0, 7) === end.slice(0, 7) && start.slice(8) === "01" && lastDayOfMonth(end)) {
      return date(start.slice(0, 7));
    }
    if (precision === "year" && start.slice(0, 4) === end.slice(0, 4) && start.slice(5) === "01-01" && end.slice(5) === "12-31") {
      return start.slice(0, 4);
    }
    if (precision === "week") return "Woche vom " + date(start);
    return date(start) + " – " + date(end);
  }

  /* A window as the controls and the embed say it: "Oktober 2016", "Oktober 2016 – Dezember 2016", "seit …". */
  function period(from, to) {
    if (from && to) return from === to ? date(from) : date(from) + " – " + date(to);
    if (from) return "seit " + date(from);
    if (to) return "bis " + date(to);
    return "alle Zeiten";
  }

  function number(n) { return Number(n).toLocaleString("de-DE"); }

  function count(n, one, many) { return (n === 1 ? "1 " + one : number(n) + " " + many); }

  function kind(k) { return KINDS[k] || "Ort"; }

  function country(code) {
    if (!code) return "";
    try { return (regions && regions.of(code)) || code; } catch (e) { return code; }
  }

  window.geomapDe = { MONTHS: MONTHS, date: date, eventDate: eventDate, period: period, number: number, count: count,
                      kind: kind, country: country };
})();
