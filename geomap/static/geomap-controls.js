/* geomap page controls: time fields, month slider with play, histogram, type filter, downloads, embed code.
 * The URL query is the state: applying a filter rewrites it (history.replaceState) and refetches, no reload. */
(function () {
  "use strict";

  var MANAGED = ["from", "to", "include_undated", "type"];
  var PLAY_MS = 1200;
  var DATE_RE = /^\d{4}-\d{2}(-\d{2})?$/;

  function $(id) { return document.getElementById(id); }

  /* Escape a value for a double-quoted HTML attribute in the copy-ready embed code. */
  function attr(value) {
    return String(value).replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  }

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
  }

  Controls.prototype.typeBoxes = function () {
    return Array.prototype.slice.call(this.form.querySelectorAll('input[name="type"]'));
  };

  /* Initial state from the URL query (the server rendered the same values; this keeps them in sync). */
  Controls.prototype.readUrl = function () {
    var params = new URLSearchParams(location.search);
    $("gm-from").value = params.get("from") || "";
    $("gm-to").value = params.get("to") || "";
    $("gm-undated").checked = ["1", "true", "yes", "on"].indexOf(params.get("include_undated") || "") >= 0;
    var types = params.getAll("type").join(",").split(",").filter(Boolean);
    this.typeBoxes().forEach(function (box) { box.checked = !types.length || types.indexOf(box.value) >= 0; });
  };

  Controls.prototype.selectedTypes = function () {
    var boxes = this.typeBoxes();
    var on = boxes.filter(function (b) { return b.checked; }).map(function (b) { return b.value; });
    return on.length === boxes.length ? null : on;
  };

  /* The filter as query parameters: the managed fields plus whatever else the URL carried (bbox, place, ...). */
  Controls.prototype.query = function () {
    var params = new URLSearchParams(this.base);
    if ($("gm-from").value.trim()) params.set("from", $("gm-from").value.trim());
    if ($("gm-to").value.trim()) params.set("to", $("gm-to").value.trim());
    if ($("gm-undated").checked) params.set("include_undated", "1");
    var types = this.selectedTypes();
    if (types && types.length) params.set("type", types.join(","));
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
    this.updateLinks();
    this.highlight();
  };

  Controls.prototype.updateLinks = function () {
    var params = this.query();
    params.set("download", "1");
    $("gm-download-geojson").href = this.form.dataset.geojsonUrl + "?" + params.toString();
    $("gm-download-csv").href = this.form.dataset.csvUrl + "?" + params.toString();
  };

  Controls.prototype.status = function (text, isError) {
    var node = $("gm-status");
    node.textContent = text;
    node.classList.toggle("gm-error-text", !!isError);
  };

  Controls.prototype.bind = function () {
    var self = this;
    this.form.addEventListener("submit", function (e) { e.preventDefault(); self.stop(); self.apply(); });
    $("gm-undated").addEventListener("change", function () { self.apply(); });
    this.typeBoxes().forEach(function (box) {
      box.addEventListener("change", function () { self.apply(); self.loadHistogram(); });
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
    $("gm-embed-button").addEventListener("click", function () { self.showEmbed(); });
    $("gm-embed-copy").addEventListener("click", function () { self.copyEmbed(); });
    $("gm-embed-article").addEventListener("input", function () { $("gm-embed-code").value = self.embedCode(); });
    document.addEventListener("geomap:loaded", function (e) {
      var d = e.detail;
      self.status(d.places + (d.places === 1 ? " Ort" : " Orte") + " · " + d.events + (d.events === 1 ? " Ereignis" : " Ereignisse"));
    });
    document.addEventListener("geomap:error", function (e) { self.status("Fehler: " + e.detail.message, true); });
  };

  /* --- histogram and slider ------------------------------------------------------------------ */

  Controls.prototype.loadHistogram = function () {
    var params = new URLSearchParams(this.base);
    var types = this.selectedTypes();
    if (types && types.length) params.set("type", types.join(","));
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
      bar.title = month + ": " + (counts[month] || 0);
      bar.style.height = Math.round(100 * (counts[month] || 0) / max) + "%";
      box.appendChild(bar);
    });
    var slider = $("gm-slider");
    slider.max = String(Math.max(0, this.months.length - 1));
    slider.disabled = this.months.length < 2;
    $("gm-play").disabled = this.months.length < 2;
    this.highlight();
  };

  Controls.prototype.windowWidth = function () { return +$("gm-window").value || 1; };

  Controls.prototype.highlight = function () {
    var from = $("gm-from").value.slice(0, 7), to = $("gm-to").value.slice(0, 7);
    var index = this.months.indexOf(from);
    if (index >= 0) $("gm-slider").value = String(index);
    Array.prototype.forEach.call($("gm-histogram").children, function (bar) {
      var m = bar.dataset.month;
      bar.classList.toggle("gm-in-window", (!from || m >= from) && (!to || m <= to) && !!(from || to));
    });
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

  /* --- embed code ------------------------------------------------------------------------------ */

  Controls.prototype.embedCode = function () {
    var params = this.query();
    var article = $("gm-embed-article").value.trim();
    if (article) {  // "Karte zu diesem Artikel": that article's places, framed by the embed itself
      ["zoom", "lat", "lon", "bbox", "place", "from", "to", "include_undated"].forEach(function (k) { params.delete(k); });
      params.set("article", article);
    } else {
      var center = this.view.map.getCenter();
      params.set("zoom", String(this.view.map.getZoom()));
      params.set("lat", center.lat.toFixed(4));
      params.set("lon", center.lng.toFixed(4));
    }
    var src = this.form.dataset.embedUrl + "?" + params.toString();
    return (
      '<iframe src="' + attr(src) + '" width="100%" height="500" title="geomap – Ereigniskarte" loading="lazy" ' +
      'style="border:0" data-geomap-embed></iframe>\n' +
      '<script src="' + attr(this.form.dataset.resizeUrl) + '" async></' + 'script>'
    );
  };

  Controls.prototype.showEmbed = function () {
    $("gm-embed-code").value = this.embedCode();
    $("gm-embed-dialog").showModal();
    $("gm-embed-code").select();
  };

  Controls.prototype.copyEmbed = function () {
    var code = $("gm-embed-code");
    code.select();
    if (navigator.clipboard) navigator.clipboard.writeText(code.value).catch(function () {});
  };

  function start() {
    var form = $("gm-filter");
    if (!form || !window.geomapView) return;
    window.geomapControls = new Controls(window.geomapView, form);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
