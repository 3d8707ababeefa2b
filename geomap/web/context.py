"""Per-request helpers: the store handle, the parsed filter and map view, and the event-type table."""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import Any

from flask import Flask, current_app, g, request

from geomap.event_types import EVENT_TYPES
from geomap.errors import StoreError
from geomap.filters import EventFilter, ViewState, parse_filter, parse_view
from geomap.store import Store

@dataclass(frozen=True)
class EventType:
    """One event category as the legend and the markers show it."""

    id: str
    label: str
    colour: str


def event_types() -> tuple[EventType, ...]:
    """The ordered event-type table (geomap.event_types.EVENT_TYPES) as the legend shows it."""
    return tuple(EventType(*row) for row in EVENT_TYPES)


def settings() -> dict[str, Any]:
    """The app's settings table (see geomap.config.SETTINGS)."""
    return current_app.config["GEOMAP"]


def get_store() -> Store:
    """This thread's handle on the app's store: opened on first use (schema check) and kept, since
    sqlite3 connections are cheap to reuse and costly to open per request."""
    local = current_app.extensions["geomap_stores"]
    store = getattr(local, "store", None)
    if store is not None:
        try:
            store.check_present()  # a deleted store is a 503 in every thread, not old data in some
        except StoreError:
            store.close()
            store = local.store = None
    if store is None:
        # Never created here: a missing store is StoreMissing (503) until `geomap ingest` makes one.
        store = local.store = Store(settings()["db"], create=False)
    return store


def current_filter() -> EventFilter:
    """The request's query parameters as an EventFilter; FilterError (-> 400) when any is malformed,
    the map-view ones too (every endpoint answers a bad `zoom` alike)."""
    if "event_filter" not in g:
        args = request.args.to_dict(flat=False)
        g.event_filter = parse_filter(args, known_types=[t.id for t in event_types()])
        g.map_view = parse_view(args)
    return g.event_filter


def current_view() -> ViewState:
    """Where the request's map opens (zoom, centre), parsed with the filter."""
    current_filter()
    return g.map_view


def init_app(app: Flask) -> None:
    """A store handle per server thread (see `get_store`)."""
    app.extensions["geomap_stores"] = threading.local()
