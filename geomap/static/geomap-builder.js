/* geomap embed builder: the "Einbetten" dialog sets title, subtitle, source line, period caption, height, legend
 * and fit, previews the embed in an iframe and copies the code with feedback. The filter comes from the page
 * controls (window.geomapControls); new codes fit the markers' bounds (fit=bounds) unless asked for the view. */
(function () {
  "use strict";

  var PREVIEW_DELAY_MS = 400;

  function $(id) { return document.getElementById(id); }

  /* Escape a value for a double-quoted HTML attribute in the copy-ready embed code. */
  function attr(value) {
    return String(value).replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  }

  function Builder(controls, form) {
    this.controls = controls;
    this.form = form;
    this.timer = null;
    var self = this;
    $("gm-embed-button").addEventListener("click", function () { self.open(); });
    $("gm-embed-copy").addEventListener("click", function () { self.copy(); });
    ["gm-embed-article", "gm-embed-title", "gm-embed-subtitle", "gm-embed-source", "gm-embed-height", "gm-embed-period", "gm-embed-legend"]
      .forEach(function (id) { $(id).addEventListener("input", function () { self.update(); }); });
    Array.prototype.forEach.call(document.querySelectorAll('input[name="gm-embed-fit"]'), function (radio) {
      radio.addEventListener("change", function () { self.update(); });
    });
  }

  Builder.prototype.fit = function () {
    var chosen = document.querySelector('input[name="gm-embed-fit"]:checked');
    return chosen ? chosen.value : "bounds";
  };

  Builder.prototype.height = function () {
    var value = Math.round(+$("gm-embed-height").value || 400);
    return Math.max(150, Math.min(2000, value));
  };

  /* The /embed URL for the current filter and the dialog's choices. */
  Builder.prototype.src = function () {
    var params = this.controls.query();
    ["title", "subtitle", "source"].forEach(function (name) {
      var value = $("gm-embed-" + name).value.trim();
      if (value) params.set(name, value);
    });
    if (!$("gm-embed-period").checked) params.set("period", "0");
    if (!$("gm-embed-legend").checked) params.set("legend", "0");
    params.set("height", String(this.height()));
    var article = $("gm-embed-article").value.trim();
    if (article) {  // "Karte zu diesem Artikel": that article's places, framed by the embed itself
      ["zoom", "lat", "lon", "bbox", "place", "from", "to", "include_undated"].forEach(function (k) { params.delete(k); });
      params.set("article", article);
    }
    params.set("fit", article ? "bounds" : this.fit());
    if (params.get("fit") === "view") {
      var map = this.controls.view.map, center = map.getCenter();
      params.set("zoom", String(map.getZoom()));
      params.set("lat", center.lat.toFixed(4));
      params.set("lon", center.lng.toFixed(4));
    }
    return this.form.dataset.embedUrl + "?" + params.toString();
  };

  Builder.prototype.code = function (src) {
    var title = $("gm-embed-title").value.trim() || "geomap – Ereigniskarte";
    return (
      '<iframe src="' + attr(src) + '" width="100%" height="' + (this.height() + 100) + '" title="' + attr(title) +
      '" loading="lazy" style="border:0;max-width:100%" data-geomap-embed></iframe>\n' +
      '<script src="' + attr(this.form.dataset.resizeUrl) + '" async></' + 'script>'
    );
  };

  Builder.prototype.update = function () {
    var src = this.src();
    $("gm-embed-code").value = this.code(src);
    $("gm-embed-copied").textContent = "";
    var preview = $("gm-embed-preview");
    clearTimeout(this.timer);
    this.timer = setTimeout(function () { if (preview.src !== src) preview.src = src; }, PREVIEW_DELAY_MS);
  };

  Builder.prototype.open = function () {
    this.update();
    $("gm-embed-dialog").showModal();
    $("gm-embed-title").focus();
  };

  Builder.prototype.copy = function () {
    var code = $("gm-embed-code"), note = $("gm-embed-copied");
    code.select();
    function done(ok) {
      note.textContent = ok ? "Kopiert ✓" : "Bitte mit Strg+C kopieren (der Code ist markiert).";
      note.classList.toggle("gm-error-text", !ok);
    }
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(code.value).then(function () { done(true); }, function () { done(document.execCommand("copy")); });
    } else {
      var ok = false;
      try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
      done(ok);
    }
  };

  function start() {
    var form = document.getElementById("gm-filter");
    if (!form || !window.geomapControls) return;
    window.geomapBuilder = new Builder(window.geomapControls, form);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
