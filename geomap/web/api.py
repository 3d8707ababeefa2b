"""The data API: GeoJSON and CSV of the filtered events, a month histogram, and a health check."""

from __future__ import annotations

import importlib.util
from dataclasses import asdict, replace
from typing import Any, Callable

import orjson
from flask import Blueprint, Response, current_app, jsonify, request

from geomap import __version__, geojson
from geomap.errors import FilterError
from geomap.filters import KNOWN_PARAMS, parse_choice
from geomap.openapi import openapi_document
from geomap.web.cache import answer
from geomap.web.context import current_filter, get_store, settings
from geomap.web.downloads import download_headers as _download_headers
from geomap.web.warm import warm_status

bp = Blueprint("api", __name__)

# The data endpoints' parameters beyond the filter's; anything else is a 400 (a typo such as `form=` must not
# silently answer the whole store). Pages ignore unknown parameters: shared links carry utm_* and fbclid.
EXTRA_PARAMS = {
    "api.events_geojson": {"detail", "download"},
    "api.histogram": set(),
    "downloads.events_csv": {"download", "dialect"},
    "downloads.events_gpkg": {"download"},
}


@bp.before_app_request
def refuse_unknown_parameters() -> None:
    """400 for a query parameter a data endpoint does not know."""
    extra = EXTRA_PARAMS.get(request.endpoint or "")
    if extra is None:
        return
    unknown = sorted(set(request.args) - KNOWN_PARAMS - extra)
    if unknown:
        raise FilterError(f"unknown parameter {unknown[0][:40]!r}; known: {', '.join(sorted(KNOWN_PARAMS | extra))}")


@bp.get("/events.geojson")
def events_geojson() -> Response:
    """The filtered events as an RFC 7946 FeatureCollection, one Point feature per place.

    `detail=full` (the default) lists every event with its evidence; `detail=summary` gives each place's
    counts, types and date range only: what the map draws. Answers up to a few MB are cached per store
    version; larger ones stream."""
    flt = current_filter()
    detail = parse_choice(request.args.getlist("detail"), "detail", geojson.DETAILS)
    store = get_store()
    key = (store.path, store.version(), detail, tuple(sorted(flt.raw)))
    return answer("geojson", key, lambda: geojson.from_store(store, flt, detail), geojson.MEDIA_TYPE,
                  _download_headers("geojson"))


def month_histogram(counts: dict[str | None, int]) -> dict[str, Any]:
    """Events per month (each month an event's interval overlaps) and the undated count."""
    counts = dict(counts)
    undated = counts.pop(None, 0)
    return {"months": [{"month": m, "count": counts[m]} for m in sorted(counts)], "undated": undated}


def _cached_json(name: str, key: tuple, build: Callable[[], Any]) -> Response:
    """A JSON answer computed from the store once per store version and key."""
    store = get_store()
    return answer(name, (store.path, store.version(), key), lambda: iter([orjson.dumps(build())]), "application/json")


@bp.get("/api/histogram")
def histogram() -> Response:
    """Events per month for the current filter without its time window (the slider's backdrop)."""
    flt = replace(current_filter(), date_from=None, date_to=None, include_undated=True, limit=None)
    key = (flt.types, flt.roles, flt.bbox, flt.place, flt.article)
    return _cached_json("histogram", key, lambda: month_histogram(get_store().month_counts(flt)))


def _model_status() -> dict[str, Any]:
    name = str(settings()["model"] or "")
    if name.lower() in ("", "none"):
        return {"name": None, "installed": False}
    # find_spec looks the package up without importing it: serving never loads spaCy.
    try:
        installed = importlib.util.find_spec(name) is not None
    except (ImportError, ValueError):  # a dotted name whose parent is missing, or an empty module name
        installed = False
    return {"name": name, "installed": installed}


@bp.get("/healthz")
def healthz() -> Response:
    """Liveness plus what the store holds, which recognizers filled it, whether the model is installed, and
    how far the background build of the month views has come (`warm.state` "done": ready for traffic)."""
    store = get_store()
    kept = current_app.extensions.setdefault("geomap_health", {})
    key = (store.path, store.version())
    if key not in kept:  # the store's part, counted once per store version
        first, last = store.date_extent()
        kept.clear()
        kept[key] = {
            "store": {**asdict(store.stats()), "date_first": first, "date_last": last},
            "recognizers": store.recognizers_used(),
        }
    return jsonify({"status": "ok", "version": __version__, **kept[key], "model": _model_status(),
                    "warm": warm_status(current_app)})


@bp.get("/openapi.json")
def openapi() -> Response:
    """The OpenAPI 3.1 description of the endpoints above."""
    return jsonify(openapi_document(settings()))
