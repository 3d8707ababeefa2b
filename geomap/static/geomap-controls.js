/* geomap page controls: place search, time fields, month slider with play, histogram, type filter, downloads,
 * the phone drawer. The URL query is the state: applying a filter rewrites it (history.replaceState) and
 * refetches, no reload. The embed builder (geomap-builder.js) reads the filter from here. */
(function () {
  "use strict";

  var MANAGED = ["from", "to", "include_undated", "type", "place"];
  var PLAY_MS = 1200;
  var DATE_RE = /^\d{4}-\d{2}(-\d{2})?$/;
  var MAX_SUGGESTIONS = 500;
  var de = window.geomapDe;

  function $(id) { return document.getElementById(id); }

  function monthKey(year, month) { return year + "-" + String(month).padStart(2, "0"); }

  function monthRange(first, last) {
    var out = [];
    var y = +first.slice(0, 4), m = +first.slice(5, 7);
    while (monthKey(y, m) <= last) {
      out.push(monthKey(y, m));
      m += 1;
      if (m > 12) { m = 1; y += 1; }
    }
    return out;
  }

  function Controls(view, form) {
    this.view = view;
    this.form = form;
    this.months = [];
    this.counts = {};
    this.timer = null;
    // The filter as the server parsed it: parameters it does not know (utm_*, fbclid) never reach the API.
    this.base = new URLSearchParams(form.dataset.query || "");
    MANAGED.forEach(function (k) { this.base.delete(k); }, this);
    this.readUrl();
    this.bind();
    this.loadHistogram();
    this.updateLinks();
    this.showUndated();
    this.highlight();
    if (this.selectedTypes() && !this.selectedTypes().length) this.view.clear();  // type= in the URL: none chosen
  }

  Controls.prototype.typeBoxes = function () {
    return Array.prototype.slice.call(this.form.querySelectorAll('input[name="type"]'));
  };

  /* Initial state from the URL query (the server rendered the same values; this keeps them in sync). */
  Controls.prototype.readUrl = function () {
    var params = new URLSearchParams(location.search);
    $("gm-from").value = params.get("from") || "";
    $("gm-to").value = params.get("to") || "";
    $("gm-place").value = params.get("place") || "";
    this.undatedWanted = ["1", "true", "yes", "on"].indexOf(params.get("include_undated") || "") >= 0;
    var types = params.getAll("type").join(",").split(",").filter(Boolean);
    var none = params.has("type") && !types.length;  // kept in the URL even when empty
    this.typeBoxes().forEach(function (box) { box.checked = !none && (!types.length || types.indexOf(box.value) >= 0); });
  };

  Controls.prototype.bounded = function () { return !!($("gm-from").value.trim() || $("gm-to").value.trim()); };

  /* The undated toggle says what the view does: without a window undated events are always in (checked, fixed). */
  Controls.prototype.showUndated = function () {
    var box = $("gm-undated"), bounded = this.bounded();
    box.disabled = !bounded;
    box.checked = bounded ? this.undatedWanted : true;
    $("gm-undated-note").hidden = bounded;
  };

  Controls.prototype.selectedTypes = function () {
    var boxes = this.typeBoxes();
    var on = boxes.filter(function (b) { return b.checked; }).map(function (b) { return b.value; });
    return on.length === boxes.length ? null : on;
  };

  /* The filter as query parameters: the managed fields plus whatever else the URL carried (bbox, ...). */
  Controls.prototype.query = function () {
    var params = new URLSearchParams(this.base);
    if ($("gm-from").value.trim()) params.set("from", $("gm-from").value.trim());
    if ($("gm-to").value.trim()) params.set("to", $("gm-to").value.trim());
    if (this.bounded() && this.undatedWanted) params.set("include_undated", "1");
    var types = this.selectedTypes();
    if (types) params.set("type", types.join(","));
    if ($("gm-place").value.trim()) params.set("place", $("gm-place").value.trim());
    return params;
  };

  Controls.prototype.valid = function () {
    return [$("gm-from"), $("gm-to")].every(function (input) {
      var value = input.value.trim();
      return !value || DATE_RE.test(value);
    });
  };

  Controls.prototype.apply = function () {
    if (!this.valid()) {
      this.status("Datum bitte als JJJJ-MM oder JJJJ-MM-TT angeben.", true);
      return;
    }
    var params = this.query();
    var qs = params.toString();
    history.replaceState(null, "", location.pathname + (qs ? "?" + qs : ""));
    var types = this.selectedTypes();
    if (types && !types.length) this.view.clear();
    else this.view.load(params);
    this.showUndated();
    this.updateLinks();
    this.highlight();
  };

  Controls.prototype.updateLinks = function () {
    var data = this.form.dataset;
    var params = this.query();
    params.set("download", "1");
    var excel = new URLSearchParams(params);
    excel.set("dialect", "excel");
    var picture = new URLSearchParams(params);
    picture.set("width", "1600");
    picture.set("height", "1000");
    $("gm-download-geojson").href = data.geojsonUrl + "?" + params.toString();
    $("gm-download-csv").href = data.csvUrl + "?" + params.toString();
    $("gm-download-excel").href = data.csvUrl + "?" + excel.toString();
    $("gm-download-gpkg").href = data.gpkgUrl + "?" + params.toString();
    $("gm-download-png").href = data.pngUrl + "?" + picture.toString();
  };

  Controls.prototype.status = function (text, isError) {
    var node = $("gm-status");
    node.textContent = text;
    node.classList.toggle("gm-error-text", !!isError);
  };

  Controls.prototype.bind = function () {
    var self = this;
    this.form.addEventListener("submit", function (e) { e.preventDefault(); self.stop(); self.apply(); });
    $("gm-undated").addEventListener("change", function () { self.undatedWanted = $("gm-undated").checked; self.apply(); });
    this.typeBoxes().forEach(function (box) {
      box.addEventListener("change", function () { self.apply(); self.loadHistogram(); });
    });
    $("gm-place").addEventListener("change", function () { self.apply(); self.loadHistogram(); });
    $("gm-place-clear").addEventListener("click", function () {
      $("gm-place").value = "";
      self.apply();
      self.loadHistogram();
    });
    $("gm-slider").addEventListener("input", function () { self.stop(); self.fromSlider(); });
    $("gm-window").addEventListener("change", function () { if ($("gm-from").value) self.fromSlider(); });
    $("gm-play").addEventListener("click", function () { if (self.timer) self.stop(); else self.play(); });
    $("gm-all-time").addEventListener("click", function () {
      self.stop();
      $("gm-from").value = "";
      $("gm-to").value = "";
      self.apply();
    });
    $("gm-drawer-toggle").addEventListener("click", function () { self.drawer(); });
    document.addEventListener("geomap:loaded", function (e) {
      var d = e.detail;
      self.status(de.count(d.places, "Ort", "Orte") + " · " + de.count(d.events, "Ereignis", "Ereignisse"));
      if (d.names && !$("gm-place").value) self.suggest(d.names);
    });
    document.addEventListener("geomap:error", function (e) { self.status("Fehler: " + e.detail.message, true); });
  };

  /* Phones: the panel is a drawer over the map, closed at first. */
  Controls.prototype.drawer = function (open) {
    var layout = document.querySelector(".gm-layout");
    var show = open === undefined ? !layout.classList.contains("gm-drawer-open") : open;
    layout.classList.toggle("gm-drawer-open", show);
    $("gm-drawer-toggle").setAttribute("aria-expanded", String(show));
    $("gm-drawer-toggle").textContent = show ? "Karte zeigen" : "Filter & Legende";
    setTimeout(function () { window.geomapView.map.invalidateSize(); }, 0);
  };

  /* The place names of the loaded view as search suggestions. */
  Controls.prototype.suggest = function (names) {
    var list = $("gm-place-names");
    list.replaceChildren();
    names.slice().sort(function (a, b) { return a.localeCompare(b, "de"); }).slice(0, MAX_SUGGESTIONS).forEach(function (name) {
      var option = document.createElement("option");
      option.value = name;
      list.appendChild(option);
    });
  };

  /* --- histogram and slider ------------------------------------------------------------------ */

  Controls.prototype.loadHistogram = function () {
    var params = new URLSearchParams(this.base);
    var types = this.selectedTypes();
    if (types && types.length) params.set("type", types.join(","));
    if ($("gm-place").value.trim()) params.set("place", $("gm-place").value.trim());
    var self = this;
    fetch(this.form.dataset.histogramUrl + "?" + params.toString())
      .then(function (r) { return r.ok ? r.json() : { months: [], undated: 0 }; })
      .then(function (data) { self.drawHistogram(data); })
      .catch(function () { self.drawHistogram({ months: [], undated: 0 }); });
  };

  Controls.prototype.drawHistogram = function (data) {
    var counts = {};
    data.months.forEach(function (m) { counts[m.month] = m.count; });
    this.counts = counts;
    var keys = Object.keys(counts).sort();
    if (!this.months.length && keys.length) this.months = monthRange(keys[0], keys[keys.length - 1]);
    var box = $("gm-histogram");
    box.replaceChildren();
    var max = Math.max.apply(null, [1].concat(this.months.map(function (m) { return counts[m] || 0; })));
    this.months.forEach(function (month) {
      var bar = document.createElement("div");
      bar.className = "gm-bar";
      bar.dataset.month = month;
      bar.title = de.date(month) + ": " + de.count(counts[month] || 0, "Ereignis", "Ereignisse");
      bar.style.height = Math.round(100 * (counts[month] || 0) / max) + "%";
      box.appendChild(bar);
    });
    this.drawTicks();
    var slider = $("gm-slider");
    slider.max = String(Math.max(0, this.months.length - 1));
    slider.disabled = this.months.length < 2;
    $("gm-play").disabled = this.months.length < 2;
    this.highlight();
  };

  /* Labels under the bars: every year at its January (and the first month); month names when few months. */
  Controls.prototype.drawTicks = function () {
    var ticks = $("gm-ticks"), months = this.months;
    ticks.replaceChildren();
    var few = months.length <= 8;
    months.forEach(function (month, i) {
      var label = "";
      if (few) label = de.MONTHS[+month.slice(5, 7) - 1].slice(0, 3) + (i === 0 || month.slice(5) === "01" ? " " + month.slice(0, 4) : "");
      else if (i === 0 || month.slice(5) === "01") label = month.slice(0, 4);
      var tick = document.createElement("span");
      tick.className = "gm-tick" + (label ? " gm-tick-label" : "");
      tick.dataset.month = month;
      tick.textContent = label;
      ticks.appendChild(tick);
    });
  };

  Controls.prototype.windowWidth = function () { return +$("gm-window").value || 1; };

  /* The window on the histogram, the slider's spoken value and the period line, all in German. */
  Controls.prototype.highlight = function () {
    var from = $("gm-from").value.trim(), to = $("gm-to").value.trim();
    var fromMonth = from.slice(0, 7), toMonth = to.slice(0, 7);
    var index = this.months.indexOf(fromMonth);
    if (index >= 0) $("gm-slider").value = String(index);
    Array.prototype.forEach.call($("gm-histogram").children, function (bar) {
      var m = bar.dataset.month;
      bar.classList.toggle("gm-in-window", (!fromMonth || m >= fromMonth) && (!toMonth || m <= toMonth) && !!(from || to));
    });
    var period = de.period(from, to);
    $("gm-slider").setAttribute("aria-valuetext", from || to ? period : "alle Zeiten");
    $("gm-period").textContent = from || to ? period : "Alle Zeiten";
  };

  Controls.prototype.fromSlider = function () {
    if (!this.months.length) return;
    var i = +$("gm-slider").value;
    var last = Math.min(this.months.length - 1, i + this.windowWidth() - 1);
    $("gm-from").value = this.months[i];
    $("gm-to").value = this.months[last];
    this.apply();
  };

  Controls.prototype.play = function () {
    var slider = $("gm-slider");
    var self = this;
    var end = Math.max(0, this.months.length - this.windowWidth());
    if (!$("gm-from").value || +slider.value >= end) slider.value = "0";
    this.fromSlider();
    $("gm-play").textContent = "⏸";
    $("gm-play").setAttribute("aria-label", "Anhalten");
    this.timer = setInterval(function () {
      if (+slider.value >= end) { self.stop(); return; }
      slider.value = String(+slider.value + 1);
      self.fromSlider();
    }, PLAY_MS);
  };

  Controls.prototype.stop = function () {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    $("gm-play").textContent = "▶";
    $("gm-play").setAttribute("aria-label", "Abspielen");
  };

  function start() {
    var form = $("gm-filter");
    if (!form || !window.geomapView) return;
    window.geomapControls = new Controls(window.geomapView, form);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
