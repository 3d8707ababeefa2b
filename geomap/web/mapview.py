"""The map both the page and the embed show: a Folium map for the request's filter, split for a template."""

from __future__ import annotations

from dataclasses import asdict
from functools import lru_cache
from typing import Any

import orjson
from flask import url_for

from geomap.filters import EventFilter, ViewState
from geomap.maps import MapParts, MapView, build_map, render_parts
from geomap.web.context import current_view, event_types, settings

RENDERED_MAPS = 512  # map renderings kept (a few KB each)


def layer_options(flt: EventFilter, view: ViewState) -> dict[str, Any]:
    """What the events layer's JavaScript needs: where the data is, the initial query, the type table."""
    box = flt.bbox
    return {
        "dataUrl": url_for("api.events_geojson"),
        "areasUrl": url_for("areas.areas_geojson"),
        "query": flt.query_items(),
        "types": [asdict(t) for t in event_types()],
        "fit": view.center is None and box is None,
        "zoom": view.zoom,
        "bbox": [box.west, box.south, box.east, box.north] if box else None,
    }


def map_parts(flt: EventFilter) -> MapParts:
    """Build and render the request's map; the events are fetched by the browser, not embedded.

    The map depends on the settings and the view's state only (never on the store), so renderings are
    kept per view: rendering a Folium map costs ~10 ms, a page without it ~2 ms."""
    conf, view = settings(), current_view()
    parts = {
        "tile_url": conf["tile_url"] or url_for("tiles.tile", z=0, x=0, y=0).replace("/0/0/0.png", "/{z}/{x}/{y}.png"),
        "offline_tiles": not conf["tile_url"],
        "tile_attribution": conf["tile_attribution"],
        "center": view.center,
        "zoom": view.zoom,
        "layer_options": layer_options(flt, view),
    }
    return _rendered_map(orjson.dumps(parts), url_for("static", filename="").rstrip("/"))


@lru_cache(maxsize=RENDERED_MAPS)
def _rendered_map(view_json: bytes, static_base: str) -> MapParts:
    view = orjson.loads(view_json)
    return render_parts(build_map(MapView(**view), static_base=static_base))
