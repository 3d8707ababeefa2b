"""The Folium map behind the page and the embed: self-hosted Leaflet, no CDN, and no events in the HTML.

The events layer is a small MacroElement whose JavaScript (static/geomap-map.js) fetches
/events.geojson for the current filter, so the page stays the same size whatever the event count.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Sequence

import folium
from branca.element import Figure, MacroElement
from folium.elements import JSCSSMixin
from folium.template import Template

from geomap.basemap import ATTRIBUTION as OSM_ATTRIBUTION
from geomap.basemap import MAX_ZOOM as OFFLINE_MAX_ZOOM

GEONAMES_CREDIT = (
    'Orte: <a href="https://www.geonames.org/">GeoNames</a> '
    '(<a href="https://creativecommons.org/licenses/by/4.0/">CC BY 4.0</a>)'
)
DEFAULT_CENTER = (35.0, 20.0)
DEFAULT_ZOOM = 3


@dataclass(frozen=True)
class MapView:
    """What the map starts with: tiles, centre and zoom, and the options handed to the events layer."""

    tile_url: str
    tile_attribution: str
    center: tuple[float, float] | None = None
    zoom: int | None = None
    layer_options: dict[str, Any] = field(default_factory=dict)
    offline_tiles: bool = False  # tile_url is the app's own basemap (zoom 0-6, scaled up beyond)


@dataclass(frozen=True)
class MapParts:
    """A rendered map split for a page template: <head> links, the map <div>, and the setup script."""

    header: str
    html: str
    script: str


def _static(base: str, path: str) -> str:
    return f"{base.rstrip('/')}/{path}"


class GeomapMap(folium.Map):
    """folium.Map without CDN links, jQuery, Bootstrap or inline styles: Leaflet comes from /static/vendor."""

    _template = Template(
        """
        {% macro html(this, kwargs) %}
            <div class="folium-map geomap-map" id={{ this.get_name()|tojson }}></div>
        {% endmacro %}

        {% macro script(this, kwargs) %}
            var {{ this.get_name() }} = L.map(
                {{ this.get_name()|tojson }},
                {center: {{ this.location|tojson }}, crs: L.CRS.{{ this.crs }}, ...{{ this.options|tojavascript }},
                 zoomControl: false}
            );
            L.control.zoom({{ this.zoom_texts|tojson }}).addTo({{ this.get_name() }});
            {{ this.get_name() }}.attributionControl.setPrefix({{ this.attribution_prefix|tojson }});
            {%- if this.control_scale %}
            L.control.scale({imperial: false}).addTo({{ this.get_name() }});
            {%- endif %}
        {% endmacro %}
        """
    )

    zoom_texts = {"zoomInText": "+", "zoomInTitle": "Hineinzoomen", "zoomOutText": "&#x2212;", "zoomOutTitle": "Herauszoomen"}
    attribution_prefix = '<a href="https://leafletjs.com" title="Bibliothek für interaktive Karten">Leaflet</a>'

    def __init__(self, static_base: str, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        # Set on the instance: folium's add_js_link mutates the (class-level) list in place.
        self.default_js = [("leaflet", _static(static_base, "vendor/leaflet/leaflet.js"))]
        self.default_css = [("leaflet_css", _static(static_base, "vendor/leaflet/leaflet.css"))]


class EventLayer(JSCSSMixin, MacroElement):
    """Clustered markers fetched from /events.geojson by static/geomap-map.js; options go in as JSON."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
            window.geomapView = geomapEvents.attach({{ this._parent.get_name() }}, {{ this.options|tojson }});
        {% endmacro %}
        """
    )

    def __init__(self, static_base: str, options: dict[str, Any]) -> None:
        super().__init__()
        self._name = "EventLayer"
        self.options = options
        self.default_js = [
            ("markercluster", _static(static_base, "vendor/leaflet.markercluster/leaflet.markercluster.js")),
            ("geomap_de", _static(static_base, "geomap-de.js")),
            ("geomap_map", _static(static_base, "geomap-map.js")),
            ("geomap_popup", _static(static_base, "geomap-popup.js")),
        ]
        self.default_css = [
            ("markercluster_css", _static(static_base, "vendor/leaflet.markercluster/MarkerCluster.css")),
            ("markercluster_default_css", _static(static_base, "vendor/leaflet.markercluster/MarkerCluster.Default.css")),
        ]


def build_map(view: MapView, static_base: str = "/static") -> GeomapMap:
    """A GeomapMap with the configured tiles (plus the GeoNames credit) and the events layer."""
    fmap = GeomapMap(
        static_base,
        location=list(view.center or DEFAULT_CENTER),
        zoom_start=view.zoom if view.zoom is not None else DEFAULT_ZOOM,
        tiles=None,
        control_scale=True,
    )
    attribution = f"{view.tile_attribution or OSM_ATTRIBUTION} | {GEONAMES_CREDIT}"
    if view.offline_tiles:
        # Beyond the basemap's zoom 6 Leaflet scales its tiles up: blurry, but the map goes on working offline.
        limits = {"max_native_zoom": OFFLINE_MAX_ZOOM, "max_zoom": OFFLINE_MAX_ZOOM + 4}
    else:
        limits = {"max_zoom": 19}
    folium.TileLayer(tiles=view.tile_url, attr=attribution, name="tiles", **limits).add_to(fmap)
    EventLayer(static_base, view.layer_options).add_to(fmap)
    return fmap


def _rendered(children: Sequence[Any]) -> str:
    return "\n".join(child.render() for child in children)


def render_parts(fmap: folium.Map) -> MapParts:
    """Render the map's figure once and hand back its three parts for our own page template."""
    figure = fmap.get_root()
    if not isinstance(figure, Figure):
        raise TypeError("the map is not attached to a Figure")
    figure.render()
    header = [c for name, c in figure.header._children.items() if name != "meta_http"]
    return MapParts(
        header=_rendered(header),
        html=figure.html.render(),
        script=figure.script.render(),
    )
