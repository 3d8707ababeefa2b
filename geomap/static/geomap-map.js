/* geomap events layer: fetches /events.geojson?detail=summary for a filter (one small feature per place) and
 * draws clustered place markers; a popup fetches its place's events (detail=full, same filter) when it opens.
 * Every article string reaches the DOM through textContent or DOM properties, never innerHTML. */
(function () {
  "use strict";

  var PRECISION = { day: "Tag", week: "Woche", month: "Monat", year: "Jahr", none: "undatiert" };
  var MAX_POPUP_EVENTS = 25;
  var UNCLUSTERED_ZOOM = 7;
  var CLUSTER_SETTLE_MS = 350;

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

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

  /* A round DivIcon whose colour comes in through a CSS custom property (CSSOM, allowed by the CSP). */
  var PlaceIcon = L.DivIcon.extend({
    createIcon: function (oldIcon) {
      var div = L.DivIcon.prototype.createIcon.call(this, oldIcon);
      div.style.setProperty("--gm-colour", this.options.colour);
      div.dataset.place = this.options.place;
      div.dataset.type = this.options.type;
      return div;
    }
  });

  /* Dated events in date order first, undated ones after them. */
  function byDate(events) {
    var key = function (e) { return e.date_start || e.date_end || "~"; };
    return events.slice().sort(function (a, b) { return key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0; });
  }

  function fetchJson(url, accept) {
    return fetch(url, { headers: { Accept: accept } }).then(function (response) {
      return response.json().then(function (body) {
        if (!response.ok) throw new Error((body.error && body.error.message) || response.statusText);
        return body;
      });
    });
  }

  function markerSize(mentions) {
    return Math.min(44, Math.round(16 + 6 * Math.sqrt(Math.max(1, mentions) - 1)));
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

  function EventView(map, options) {
    this.map = map;
    this.options = options;
    this.types = {};
    (options.types || []).forEach(function (t) { this.types[t.id] = t; }, this);
    this.markers = {};
    this.fitted = !options.fit;
    this.request = 0;
    this.areas = {};  // country code -> its polygon feature (null: the atlas has none)
    this.areaLayer = L.featureGroup().addTo(map);  // shaded countries, in the overlay pane under the markers
    this.cluster = L.markerClusterGroup({
      showCoverageOnHover: false,
      maxClusterRadius: 40,
      disableClusteringAtZoom: UNCLUSTERED_ZOOM,
      chunkedLoading: true
    }).addTo(map);
    if (options.bbox) {
      var b = options.bbox;  // [west, south, east, north]
      map.fitBounds([[b[1], b[0]], [b[3], b[2]]], { animate: false });
      this.applyZoom();
      this.fitted = true;
    }
    this.load(options.query || []);
  }

  /* A zoom from the URL wins over the zoom a fit chose (the centre still comes from the fit). */
  EventView.prototype.applyZoom = function () {
    var zoom = this.options.zoom;
    if (zoom !== null && zoom !== undefined) this.map.setZoom(zoom, { animate: false });
  };

  EventView.prototype.typeOf = function (id) {
    return this.types[id] || { id: id, label: id, colour: "#7f8c8d" };
  };

  EventView.prototype.load = function (query) {
    var params = new URLSearchParams(query);
    var ticket = ++this.request;
    var self = this;
    this.query = params.toString();  // the filter the popups ask their events for
    this.emit("geomap:loading", { query: this.query });
    params.set("detail", "summary");
    return fetchJson(this.options.dataUrl + "?" + params.toString(), "application/geo+json")
      .then(function (collection) { return self.loadAreas(collection).then(function () { return collection; }); })
      .then(function (collection) {
        if (ticket === self.request) self.render(collection);
      })
      .catch(function (error) {
        if (ticket === self.request) self.emit("geomap:error", { message: String(error.message || error) });
      });
  };

  /* Fetch the polygons of the countries in `collection` not fetched before; without them (an old server,
   * a failed request) those countries are drawn as hollow markers instead. */
  EventView.prototype.loadAreas = function (collection) {
    var areas = this.areas;
    var wanted = {};
    collection.features.forEach(function (f) {
      var code = f.properties.country;
      if (f.properties.kind === "country" && code && !(code in areas)) wanted[code] = true;
    });
    var codes = Object.keys(wanted);
    if (!codes.length || !this.options.areasUrl) return Promise.resolve();
    var params = new URLSearchParams({ countries: codes.join(",") });
    return fetchJson(this.options.areasUrl + "?" + params.toString(), "application/geo+json")
      .then(function (answer) {
        codes.forEach(function (code) { areas[code] = null; });
        answer.features.forEach(function (f) { areas[f.id] = f; });
      })
      .catch(function () { /* keep the markers */ });
  };

  EventView.prototype.clear = function () {
    this.request++;
    this.areaLayer.clearLayers();
    this.cluster.clearLayers();
    this.markers = {};
    this.showEmpty("Keine Ereignistypen gewählt.");
    this.emit("geomap:loaded", { places: 0, events: 0 });
  };

  /* A note over the map when the window holds nothing (the map itself stays usable); null hides it. */
  EventView.prototype.showEmpty = function (message) {
    if (!this.emptyNote) {
      this.emptyNote = el("div", "gm-empty");
      this.emptyNote.setAttribute("role", "status");
      this.map.getContainer().appendChild(this.emptyNote);
    }
    this.emptyNote.textContent = message || "";
    this.emptyNote.hidden = !message;
  };

  EventView.prototype.render = function (collection) {
    this.markers = {};
    this.areaLayer.clearLayers();
    var layers = collection.features.map(this.createMarker, this).filter(function (layer) { return layer; });
    this.cluster.clearLayers();
    this.cluster.addLayers(layers);
    if (!this.fitted && layers.length) {
      this.map.fitBounds(this.cluster.getBounds(), { padding: [30, 30], maxZoom: 6, animate: false });
      this.applyZoom();
      this.fitted = true;
    }
    var events = collection.features.reduce(function (n, f) { return n + f.properties.event_count; }, 0);
    this.showEmpty(collection.features.length ? null : "Keine Ereignisse in diesem Zeitraum.");
    this.emit("geomap:loaded", { places: collection.features.length, events: events });
  };

  EventView.prototype.createMarker = function (feature) {
    var props = feature.properties;
    var coords = feature.geometry.coordinates;  // GeoJSON order is [lon, lat]
    var type = this.typeOf(props.main_type);
    var size = markerSize(props.mention_count);
    var country = props.kind === "country" || props.geo_precision >= 3;
    var icon = new PlaceIcon({
      className: "gm-marker" + (country ? " gm-marker-area" : ""),
      iconSize: [size, size],
      html: "",
      colour: type.colour,
      place: props.place,
      type: type.id
    });
    var marker = L.marker(L.latLng(coords[1], coords[0]), { icon: icon, title: props.place, alt: props.place });
    this.bindPlace(marker, props, {});
    marker.feature = feature;
    this.markers[props.ref || props.place] = marker;  // by ref: two places may share a name
    var area = props.kind === "country" && this.areas[props.country];
    return area ? this.drawArea(feature, area, type) : marker;
  };

  /* A country named as a place: its polygon shaded in the colour of its main type, more opaque with more
   * mentions; the same tooltip and popup as a marker. Goes to the area layer, not the cluster (returns null). */
  EventView.prototype.drawArea = function (feature, area, type) {
    var props = feature.properties;
    var opacity = 0.12 + 0.28 * Math.min(1, Math.log(1 + props.mention_count) / Math.log(1000));
    var layer = L.geoJSON(area, {
      style: { color: type.colour, weight: 1.5, opacity: 0.9, fillColor: type.colour, fillOpacity: opacity,
               className: "gm-area" }
    });
    layer.options.title = props.place;
    layer.feature = feature;
    this.bindPlace(layer, props, { sticky: true });
    layer.addTo(this.areaLayer);
    this.markers[props.ref || props.place] = layer;
    return null;
  };

  /* The place's popup (its events, fetched on opening) and tooltip, for a marker or a shaded area alike. */
  EventView.prototype.bindPlace = function (layer, props, tooltipOptions) {
    var self = this;
    layer.bindPopup(function () { return self.popupFor(layer, props); }, { maxWidth: 360, maxHeight: 320 });
    layer.bindTooltip(el("span", "gm-tooltip", props.place), tooltipOptions);
  };

  /* One popup element per marker and loaded view: Leaflet asks again on every update, which must not refetch. */
  EventView.prototype.popupFor = function (layer, props) {
    if (!layer.gmPopupBox) layer.gmPopupBox = this.popup(props, layer);
    return layer.gmPopupBox;
  };

  /* The place's heading at once; its first events (by date, in the current filter) once fetched. */
  EventView.prototype.popup = function (props, layer) {
    var box = el("div", "gm-popup");
    box.appendChild(el("h3", "gm-popup-place", props.place));
    var count = props.event_count === 1 ? "1 Ereignis" : props.event_count + " Ereignisse";
    box.appendChild(el("p", "gm-popup-meta", count + " · " + (props.country || "–") + " · " + props.kind));
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
          box.appendChild(el("p", "gm-popup-more", "… und " + (props.event_count - events.length) + " weitere"));
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
    var precision = PRECISION[event.date_precision] || event.date_precision;
    var dated = event.date_precision !== "none";
    head.appendChild(el("span", "gm-event-date", dated ? event.date + " (" + precision + ")" : PRECISION.none));
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

  EventView.prototype.emit = function (name, detail) {
    this.map.getContainer().dispatchEvent(new CustomEvent(name, { detail: detail, bubbles: true }));
  };

  /* For tests and the page controls: which places are on the map, and open one's popup. */
  EventView.prototype.places = function () {
    var markers = this.markers;
    return Object.keys(markers).map(function (key) { return markers[key].options.title; }).sort();
  };

  EventView.prototype.markerNamed = function (name) {
    var markers = this.markers;
    var key = Object.keys(markers).filter(function (k) { return markers[k].options.title === name; })[0];
    return key === undefined ? null : markers[key];
  };

  EventView.prototype.openPopup = function (name) {
    var marker = this.markerNamed(name);
    var cluster = this.cluster;
    if (!marker) return false;
    if (!marker.getLatLng) {  // a shaded country: open at its place point (its bounds may span the globe)
      var point = marker.feature.geometry.coordinates;
      var at = L.latLng(point[1], point[0]);
      this.map.setView(at, Math.min(this.map.getZoom(), 5), { animate: false });
      marker.openPopup(at);
      return true;
    }
    // Centre on the marker at a zoom where clustering is off; open once the cluster layer has re-drawn.
    this.map.setView(marker.getLatLng(), Math.max(this.map.getZoom(), UNCLUSTERED_ZOOM), { animate: false });
    setTimeout(function () {
      if (cluster.getVisibleParent(marker) === marker) marker.openPopup();
      else cluster.zoomToShowLayer(marker, function () { marker.openPopup(); });
    }, CLUSTER_SETTLE_MS);
    return true;
  };

  window.geomapEvents = {
    EventView: EventView,
    attach: function (map, options) { return new EventView(map, options); }
  };
})();
