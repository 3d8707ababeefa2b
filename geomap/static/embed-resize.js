/* geomap embed resizer: include next to a geomap iframe; sets the iframe's height from the embed's message
 * {"geomap-embed-height": h}. Only messages from the iframe's own window and origin count. */
(function () {
  "use strict";

  if (window.__geomapEmbedResize) return;
  window.__geomapEmbedResize = true;

  function frameFor(source) {
    var frames = document.getElementsByTagName("iframe");
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].contentWindow === source) return frames[i];
    }
    return null;
  }

  window.addEventListener("message", function (event) {
    var data = event.data;
    if (!data || typeof data !== "object" || !("geomap-embed-height" in data)) return;
    var height = Number(data["geomap-embed-height"]);
    if (!isFinite(height) || height < 50 || height > 5000) return;
    var frame = frameFor(event.source);
    if (!frame) return;
    try {
      if (new URL(frame.src, location.href).origin !== event.origin) return;
    } catch (e) {
      return;
    }
    frame.style.height = Math.round(height) + "px";
    frame.setAttribute("height", String(Math.round(height)));
  });
})();
