/* geomap embed: tells the parent page how tall the embed wants to be (chrome + the map height asked for). */
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
    var map = window.geomapView && window.geomapView.map;
    if (map) setTimeout(function () { map.invalidateSize(); }, 0);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
