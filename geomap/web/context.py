"""Per-request helpers: the store handle, the parsed filter, and the event-type table."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from flask import Flask, current_app, g, request

from geomap.event_types import EVENT_TYPES
from geomap.filters import EventFilter, parse_filter
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
    """The request's store handle, opened on first use and closed at teardown."""
    if "store" not in g:
        g.store = Store(settings()["db"])
    return g.store


def current_filter() -> EventFilter:
    """The request's query parameters as an EventFilter; FilterError (-> 400) when malformed."""
    if "event_filter" not in g:
        g.event_filter = parse_filter(request.args.to_dict(flat=False), known_types=[t.id for t in event_types()])
    return g.event_filter


def _close_store(exc: BaseException | None) -> None:
    store = g.pop("store", None)
    if store is not None:
        store.close()


def init_app(app: Flask) -> None:
    """Close the request's store handle when the request ends."""
    app.teardown_appcontext(_close_store)
