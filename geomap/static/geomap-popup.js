/* geomap place popups: the place's heading at once, its first events (by date, in the current filter) once
 * fetched, each with its German date, type, evidence sentences (the mention highlighted) and source.
 * Extends geomapEvents.EventView (static/geomap-map.js, loaded first). Every article string reaches the DOM
 * through textContent or DOM properties, never innerHTML. */
(function () {
  "use strict";

  var de = window.geomapDe;
  var EventView = window.geomapEvents.EventView;
  var el = window.geomapEvents.el;
  var fetchJson = window.geomapEvents.fetchJson;
  var MAX_POPUP_EVENTS = 25;

  /* A link to an article's page: only http(s) URLs, opened without giving the page a handle on ours. */
  function sourceLink(url, text) {
    var link;
    try { link = new URL(String(url)); } catch (e) { return null; }
    if (link.protocol !== "http:" && link.protocol !== "https:") return null;
    var a = el("a", "gm-event-article", text);
    a.href = link.href;
    a.target = "_blank";
    a.rel = "noopener noreferrer";
    return a;
  }

  /* Dated events in date order first, undated ones after them. */
  function byDate(events) {
    var key = function (e) { return e.date_start || e.date_end || "~"; };
    return events.slice().sort(function (a, b) { return key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0; });
  }

  function highlighted(evidence) {
    var block = el("blockquote", "gm-evidence");
    var text = String(evidence.sentence || "");
    var start = evidence.mention_start - evidence.sent_start;
    var end = evidence.mention_end - evidence.sent_start;
    if (!(start >= 0 && end <= text.length && text.slice(start, end) === evidence.surface)) {
      start = text.indexOf(evidence.surface);
      end = start + String(evidence.surface || "").length;
    }
    if (start < 0 || !evidence.surface) {
      block.textContent = text;
      return block;
    }
    block.appendChild(document.createTextNode(text.slice(0, start)));
    block.appendChild(el("mark", null, text.slice(start, end)));
    block.appendChild(document.createTextNode(text.slice(end)));
    return block;
  }

  /* One popup element per marker and loaded view: Leaflet asks again on every update, which must not refetch. */
  EventView.prototype.popupFor = function (layer, props) {
    if (!layer.gmPopupBox) layer.gmPopupBox = this.popup(props, layer);
    return layer.gmPopupBox;
  };

  /* The place's heading at once; its first events (by date, in the current filter) once fetched. */
  EventView.prototype.popup = function (props, layer) {
    var box = el("div", "gm-popup");
    box.appendChild(el("h3", "gm-popup-place", props.place));
    var meta = [de.count(props.event_count, "Ereignis", "Ereignisse"), de.kind(props.kind)];
    if (props.kind !== "country" && props.country) meta.push(de.country(props.country));
    box.appendChild(el("p", "gm-popup-meta", meta.join(" · ")));
    var status = box.appendChild(el("p", "gm-popup-loading", "Lade Ereignisse …"));
    var params = new URLSearchParams(this.query || "");
    ["bbox", "zoom", "lat", "lon", "limit", "place"].forEach(function (name) { params.delete(name); });
    params.set("place", props.ref);
    params.set("limit", String(MAX_POPUP_EVENTS));
    params.set("detail", "full");
    var self = this;
    fetchJson(this.options.dataUrl + "?" + params.toString(), "application/geo+json")
      .then(function (collection) {
        var feature = collection.features.filter(function (f) { return f.properties.ref === props.ref; })[0];
        var events = feature ? feature.properties.events : [];
        status.remove();
        if (!events.length) {
          box.appendChild(el("p", "gm-popup-empty", "Keine Ereignisse in diesem Zeitraum."));
        } else {
          var list = el("ol", "gm-popup-events");
          byDate(events).forEach(function (e) { list.appendChild(self.eventItem(e)); });
          box.appendChild(list);
        }
        if (props.event_count > events.length && events.length) {
          box.appendChild(el("p", "gm-popup-more", "… und " + de.number(props.event_count - events.length) + " weitere"));
        }
      })
      .catch(function (error) {
        status.remove();
        box.appendChild(el("p", "gm-popup-error", "Ereignisse nicht geladen: " + String(error.message || error)));
      })
      .then(function () {
        var popup = layer && layer.getPopup && layer.getPopup();
        if (popup && popup.isOpen()) popup.update();  // re-measure with the list in it
      });
    return box;
  };

  EventView.prototype.eventItem = function (event) {
    var item = el("li", "gm-event");
    var head = el("div", "gm-event-head");
    head.appendChild(el("span", "gm-event-date", de.eventDate(event)));
    var type = this.typeOf(event.type);
    var badge = el("span", "gm-event-type", type.label);
    badge.style.setProperty("--gm-colour", type.colour);
    head.appendChild(badge);
    item.appendChild(head);
    // An event several articles report lists each of them (event.sources) with its own evidence.
    var sources = event.sources && event.sources.length > 1 ? event.sources : [event];
    if (sources.length > 1) item.appendChild(el("p", "gm-event-sources", sources.length + " Quellen"));
    sources.forEach(function (src) {
      var own = (event.evidence || []).filter(function (ev) {
        return sources.length === 1 || ev.article_id === src.article_id;
      });
      own.slice(0, 2).forEach(function (ev) { item.appendChild(highlighted(ev)); });
      item.appendChild(sourceLine(src));
    });
    return item;
  };

  function sourceLine(src) {
    var source = el("p", "gm-event-source");
    if (src.title) source.appendChild(el("span", "gm-event-title", src.title));
    var label = src.publisher ? src.publisher + " · " + src.article : src.article;
    source.appendChild((src.url && sourceLink(src.url, label)) || el("span", "gm-event-article", label));
    var own = el("a", "gm-event-map", "Karte zu diesem Artikel");
    own.href = "?" + new URLSearchParams({ article: src.article_id }).toString();
    source.appendChild(own);
    return source;
  }

})();
