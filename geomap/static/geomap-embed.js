/* geomap embed: tells the parent page how tall the embed wants to be (chrome + the map height asked for); with
 * fit=bounds keeps every marker and shaded country in view at any size; the legend lists only the types shown. */
(function () {
  "use strict";

  function wantedHeight() {
    var chrome = Array.prototype.reduce.call(document.querySelectorAll(".gm-embed-chrome"), function (sum, node) {
      var style = getComputedStyle(node);
      return sum + node.offsetHeight + parseFloat(style.marginTop) + parseFloat(style.marginBottom);
    }, 0);
    return Math.ceil(chrome + (+document.body.dataset.mapHeight || 400));
  }

  var last = 0;
  function post() {
    var h = wantedHeight();
    if (h === last || window.parent === window) return;
    last = h;
    window.parent.postMessage({ "geomap-embed-height": h }, "*");
  }

  function start() {
    post();
    window.addEventListener("resize", post);
    if (window.ResizeObserver) {
      var observer = new ResizeObserver(post);
      document.querySelectorAll(".gm-embed-chrome").forEach(function (node) { observer.observe(node); });
    }
    var view = window.geomapView;
    if (!view) return;
    var fitBounds = document.body.dataset.fit === "bounds";
    document.addEventListener("geomap:loaded", function (e) {
      showLegend(e.detail.types || []);
      if (fitBounds) view.fitAll();
    });
    var refit = null;
    window.addEventListener("resize", function () {
      view.map.invalidateSize();
      if (!fitBounds) return;
      clearTimeout(refit);
      refit = setTimeout(function () { view.fitAll(); }, 100);
    });
    setTimeout(function () { view.map.invalidateSize(); if (fitBounds) view.fitAll(); }, 0);
  }

  /* Only the legend entries of types the map shows (the shapes' entries always). */
  function showLegend(types) {
    document.querySelectorAll(".gm-embed-legend li[data-type]").forEach(function (item) {
      item.hidden = types.indexOf(item.dataset.type) < 0;
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
