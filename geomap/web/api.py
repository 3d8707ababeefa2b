"""The data API: GeoJSON and CSV of the filtered events, a month histogram, and a health check."""

from __future__ import annotations

import importlib.util
from dataclasses import asdict, replace
from typing import Any, Callable, Iterator

import orjson
from flask import Blueprint, Response, current_app, jsonify, request

from geomap import __version__, geojson
from geomap.errors import FilterError
from geomap.filters import KNOWN_PARAMS, EventFilter, parse_choice
from geomap.openapi import openapi_document
from geomap.store import Store
from geomap.web.answers import answer_key, respond
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


Job = tuple[tuple, Callable[[], Iterator[bytes]]]  # an answer's cache key and how to build it


def geojson_job(store: Store, flt: EventFilter, detail: str) -> Job:
    """The `/events.geojson` answer for `flt` and `detail` (also what the background warm-up builds)."""
    return answer_key("geojson", store, flt, detail), lambda: geojson.from_store(store, flt, detail)


@bp.get("/events.geojson")
def events_geojson() -> Response:
    """The filtered events as an RFC 7946 FeatureCollection, one Point feature per place.

    `detail=full` (the default) lists every event with its evidence; `detail=summary` gives each place's
    counts, types and date range only: what the map draws. Answers are kept per store version; those too
    large for memory are written to a file and sent from it."""
    flt = current_filter()
    detail = parse_choice(request.args.getlist("detail"), "detail", geojson.DETAILS)
    return respond(*geojson_job(get_store(), flt, detail), geojson.MEDIA_TYPE, _download_headers("geojson"))


def month_histogram(counts: dict[str | None, int]) -> dict[str, Any]:
    """Events per month (each month an event's interval overlaps) and the undated count."""
    counts = dict(counts)
    undated = counts.pop(None, 0)
    return {"months": [{"month": m, "count": counts[m]} for m in sorted(counts)], "undated": undated}


def histogram_job(store: Store, flt: EventFilter) -> Job:
    """The `/api/histogram` answer: events per month for `flt` without its time window (the slider's backdrop)."""
    flt = replace(flt, date_from=None, date_to=None, include_undated=True, limit=None)
    return answer_key("histogram", store, flt), lambda: iter([orjson.dumps(month_histogram(store.month_counts(flt)))])


@bp.get("/api/histogram")
def histogram() -> Response:
    """Events per month for the current filter without its time window."""
    return respond(*histogram_job(get_store(), current_filter()), "application/json")


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
