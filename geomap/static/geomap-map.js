/* geomap events layer: fetches /events.geojson?detail=summary for a filter (one small feature per place) and
 * draws clustered place markers; a popup fetches its place's events (detail=full, same filter) when it opens
 * (static/geomap-popup.js).
 * Every article string reaches the DOM through textContent or DOM properties, never innerHTML. */
(function () {
  "use strict";

  var de = window.geomapDe;
  var POPUP_WIDTH = 360;
  var UNCLUSTERED_ZOOM = 7;
  var CLUSTER_SETTLE_MS = 350;

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
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

  /* A cluster bubble in the colour of its places' dominant event type (by events), sized by events. */
  var ClusterIcon = L.DivIcon.extend({
    createIcon: function (oldIcon) {
      var div = L.DivIcon.prototype.createIcon.call(this, oldIcon);
      div.style.setProperty("--gm-colour", this.options.colour);
      div.dataset.type = this.options.type;
      div.title = this.options.label;
      div.setAttribute("aria-label", this.options.label);
      return div;
    }
  });

  function fetchJson(url, accept) {
    return fetch(url, { headers: { Accept: accept } }).then(function (response) {
      return response.json().then(function (body) {
        var error = body.error || {};
        if (!response.ok) throw new Error(error.message_de || error.message || response.statusText);
        return body;
      });
    });
  }

  function markerSize(mentions) {
    return Math.min(44, Math.round(16 + 6 * Math.sqrt(Math.max(1, mentions) - 1)));
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
    this.order = (options.types || []).map(function (t) { return t.id; });
    this.cluster = L.markerClusterGroup({
      showCoverageOnHover: false,
      maxClusterRadius: 40,
      disableClusteringAtZoom: UNCLUSTERED_ZOOM,
      chunkedLoading: true,
      iconCreateFunction: this.clusterIcon.bind(this)
    }).addTo(map);
    this.bindKeys();
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

  /* The dominant type of a cluster's places (most events; ties in the legend's order) gives its colour. */
  EventView.prototype.clusterIcon = function (cluster) {
    var weights = {}, events = 0, places = 0;
    cluster.getAllChildMarkers().forEach(function (marker) {
      var props = marker.feature.properties;
      Object.keys(props.type_counts || {}).forEach(function (t) { weights[t] = (weights[t] || 0) + props.type_counts[t]; });
      events += props.event_count;
      places += 1;
    });
    var order = this.order;
    var best = Object.keys(weights).sort(function (a, b) {
      return weights[b] - weights[a] || order.indexOf(a) - order.indexOf(b);
    })[0];
    var type = this.typeOf(best);
    var size = events < 10 ? 30 : events < 100 ? 36 : events < 1000 ? 42 : 48;
    return new ClusterIcon({
      html: "<span>" + (events >= 10000 ? Math.round(events / 1000) + " Tsd." : de.number(events)) + "</span>",
      className: "marker-cluster gm-cluster",
      iconSize: L.point(size, size),
      colour: type.colour,
      type: type.id,
      label: de.count(places, "Ort", "Orte") + ", " + de.count(events, "Ereignis", "Ereignisse") + ", meist " + type.label
    });
  };

  /* Esc closes an open popup wherever the focus is; the popup's close button is named in German. */
  EventView.prototype.bindKeys = function () {
    var map = this.map;
    document.addEventListener("keydown", function (e) {
      if (e.key === "Escape" && map.closePopup) map.closePopup();
    });
    map.on("popupopen", function (e) {
      var button = e.popup.getElement() && e.popup.getElement().querySelector(".leaflet-popup-close-button");
      if (button) {
        button.setAttribute("aria-label", "Schließen");
        button.title = "Schließen (Esc)";
      }
    });
  };

  /* Popups fit the map: at most 360 px, less on a phone; kept clear of the zoom buttons at the top left. */
  EventView.prototype.popupOptions = function () {
    var size = this.map.getSize();
    return {
      // the content's width; the popup adds ~40 px of frame, the zoom buttons' padding 52 px on the left
      maxWidth: Math.max(160, Math.min(POPUP_WIDTH, size.x - 110)),
      minWidth: Math.min(200, size.x - 110),
      maxHeight: Math.max(160, Math.min(320, size.y - 90)),
      autoPanPaddingTopLeft: L.point(52, 12),
      autoPanPaddingBottomRight: L.point(12, 12),
      keepInView: true
    };
  };

  /* The extent of everything drawn: markers and shaded countries. */
  EventView.prototype.bounds = function () {
    var bounds = L.latLngBounds([]);
    if (this.cluster.getLayers().length) bounds.extend(this.cluster.getBounds());
    if (this.areaLayer.getLayers().length) bounds.extend(this.areaLayer.getBounds());
    return bounds;
  };

  /* Show every marker and shaded country (the first view, and the embed at any size). */
  EventView.prototype.fitAll = function () {
    var bounds = this.bounds();
    if (!bounds.isValid()) return false;
    var small = Math.min(this.map.getSize().x, this.map.getSize().y) < 400;
    this.map.fitBounds(bounds, { padding: small ? [16, 16] : [30, 30], maxZoom: 6, animate: false });
    return true;
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
        if (ticket !== self.request) return;
        self.showEmpty("Fehler: " + String(error.message || error));  // on the map too: a phone's panel is closed
        self.emit("geomap:error", { message: String(error.message || error) });
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
    if (!this.fitted && this.fitAll()) {
      this.applyZoom();
      this.fitted = true;
    }
    var events = 0, types = {};
    collection.features.forEach(function (f) {
      events += f.properties.event_count;
      Object.keys(f.properties.type_counts || {}).forEach(function (t) { types[t] = true; });
    });
    this.showEmpty(collection.features.length ? null : "Keine Ereignisse in diesem Zeitraum.");
    this.emit("geomap:loaded", { places: collection.features.length, events: events, types: Object.keys(types),
                                 names: collection.features.map(function (f) { return f.properties.place; }) });
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
    var name = props.place + " (" + de.kind(props.kind) + ", " + de.count(props.event_count, "Ereignis", "Ereignisse") + ")";
    layer.eachLayer(function (path) {  // shaded areas are focusable: give them a name and a role
      var node = path.getElement && path.getElement();
      if (!node) return;
      node.setAttribute("aria-label", name);
      node.setAttribute("role", "button");
      node.addEventListener("keydown", function (e) {
        if (e.key === "Enter" || e.key === " ") { e.preventDefault(); layer.openPopup(L.latLng(feature.geometry.coordinates[1], feature.geometry.coordinates[0])); }
      });
    });
    this.markers[props.ref || props.place] = layer;
    return null;
  };

  /* The place's popup (its events, fetched on opening) and tooltip, for a marker or a shaded area alike. */
  EventView.prototype.bindPlace = function (layer, props, tooltipOptions) {
    var self = this;
    layer.bindPopup(function () { return self.popupFor(layer, props); }, this.popupOptions());
    layer.on("popupopen", function (e) {  // the map may have been resized since: fit the popup to it now
      L.setOptions(e.popup, self.popupOptions());
      e.popup.update();
    });
    layer.bindTooltip(el("span", "gm-tooltip", props.place), tooltipOptions);
  };

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
    el: el,
    fetchJson: fetchJson,  // for static/geomap-popup.js, which adds the popups to EventView
    attach: function (map, options) { return new EventView(map, options); }
  };
})();
