"""/map.png: any map view as a picture (print pages, link previews, "Bild herunterladen"), kept per store version."""

from __future__ import annotations

from typing import Iterator

import orjson
from flask import Blueprint, Response, request

from geomap.areas import load_areas
from geomap.filters import EventFilter, whole_number
from geomap.mapimage import Area, area_opacity, render_png, rings_of
from geomap.store import PlaceSummary
from geomap.tables import download_name
from geomap.web.answers import answer_key, respond
from geomap.web.context import current_filter, event_types, get_store
from geomap.web.tiles import basemap

bp = Blueprint("image", __name__)

DEFAULT_WIDTH, DEFAULT_HEIGHT = 1200, 630  # the size link previews (og:image) ask for
MIN_SIZE, MAX_SIZE = 100, 2400
MAX_TITLE = 120


def _size(name: str, default: int) -> int:
    raw = request.args.get(name, "")
    if not raw:
        return default
    return max(MIN_SIZE, whole_number(raw, name, low=0, high=MAX_SIZE, clamp=True))


def _areas(places: list[PlaceSummary], colours: dict[str, str]) -> dict[str, Area]:
    """Countries named as places, by place ref, shaded as on the map; those without a polygon stay markers."""
    countries = load_areas()
    shaded: dict[str, Area] = {}
    for place in places:
        if place.kind != "country" or not place.country or place.country not in countries:
            continue
        feature = orjson.loads(countries.collection([place.country]))["features"][0]
        colour = colours.get(place.main_type, "#7f7f7f")
        shaded[place.ref] = Area(rings_of(feature["geometry"]), colour, area_opacity(place.mention_count))
    return shaded


def _render(flt: EventFilter, width: int, height: int, title: str | None) -> Iterator[bytes]:
    store = get_store()
    places = store.place_summaries(flt)
    colours = {t.id: t.colour for t in event_types()}
    yield render_png(places, _areas(places, colours), colours, basemap(), width, height, title)


@bp.get("/map.png")
def map_png() -> Response:
    """The filtered view as a PNG (`width`, `height` in pixels, optional `title`), from the offline basemap."""
    flt = current_filter()
    width, height = _size("width", DEFAULT_WIDTH), _size("height", DEFAULT_HEIGHT)
    title = request.args.get("title", "").strip()[:MAX_TITLE] or None
    key = answer_key("map.png", get_store(), flt, width, height, title)
    headers = {}
    if request.args.get("download") == "1":
        headers["Content-Disposition"] = f"attachment; filename={download_name(flt, 'png')}"
    return respond(key, lambda: _render(flt, width, height, title), "image/png", headers)
