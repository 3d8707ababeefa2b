"""Build the map's month views in the background, so the first visitors' slider steps are served kept answers.

A month's map view (`/events.geojson?from=M&to=M&detail=summary`) takes 30-70 ms to build on a 100k-event
store and ~1 ms to hand out once kept. The serving entry point (`geomap.web.serving_app`) starts one daemon
thread once the app is complete; at start, and whenever the store's version changes (an ingest), it builds
the whole-store view, the histogram and the latest `warm_months` months through the same builders as the
views (same cache keys). `/healthz` reports its progress as `warm`: a readiness check for a load balancer.
"""

from __future__ import annotations

import logging
import threading
import time
import weakref
from datetime import date
from pathlib import Path
from typing import Any

from flask import Flask

from geomap.filters import EventFilter, parse_filter
from geomap.store import Store

log = logging.getLogger(__name__)

POLL_SECONDS = 5.0  # how often the thread looks for a new store version


def month_filters(first: str | None, last: str | None, count: int) -> list[EventFilter]:
    """Filters of the latest `count` whole months between the store's first and last dates, latest first."""
    if not first or not last or count <= 0:
        return []
    start, end = date.fromisoformat(first[:10]), date.fromisoformat(last[:10])
    filters: list[EventFilter] = []
    year, month = end.year, end.month
    while (year, month) >= (start.year, start.month) and len(filters) < count:
        name = f"{year:04d}-{month:02d}"
        filters.append(parse_filter({"from": [name], "to": [name]}))
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    return filters


class Warmer:
    """The background thread and what it has done, for /healthz."""

    def __init__(self, app: Flask) -> None:
        self._app = weakref.ref(app)  # the thread ends once the app is gone
        self.db = Path(app.config["GEOMAP"]["db"])
        self.months = app.config["GEOMAP"]["warm_months"]
        self.state = "waiting"
        self.views = 0
        self.seconds = 0.0
        self.version: int | None = None
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="geomap-warm", daemon=True)

    def start(self) -> Warmer:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(10)

    def status(self) -> dict[str, Any]:
        return {"state": self.state, "views": self.views, "seconds": round(self.seconds, 2)}

    def _run(self) -> None:
        while not self._stop.is_set():
            app = self._app()
            if app is None:
                return
            try:
                if self.db.exists():  # never create a store just to look at it
                    with Store(self.db, create=False) as store:
                        version = store.version()
                        if version != self.version:
                            self._warm(app, store)
                            self.version = version
            except Exception:  # noqa: BLE001 - a failed warm-up must never take the server down
                log.exception("warming the map views failed; the views are built on request instead")
                self.state = "failed"
            del app
            self._stop.wait(POLL_SECONDS)

    def _warm(self, app: Flask, store: Store) -> None:
        from geomap.web.answers import answer_cache
        from geomap.web.api import geojson_job, histogram_job

        cache = answer_cache(app)
        self.state, self.views = "warming", 0
        started = time.perf_counter()
        jobs = [geojson_job(store, EventFilter(), "summary"), histogram_job(store, EventFilter())]
        jobs += [geojson_job(store, flt, "summary") for flt in month_filters(*store.date_extent(), self.months)]
        for key, build in jobs:
            if self._stop.is_set():
                return
            cache.get_or_build(key, build)
            self.views += 1
        self.seconds = time.perf_counter() - started
        self.state = "done"
        log.info("warmed %d map views in %.1f s", self.views, self.seconds)


def start_warming(app: Flask) -> Warmer | None:
    """Start warming unless `warm_months` is 0; call once the app is complete."""
    if app.config["GEOMAP"]["warm_months"] <= 0:
        return None
    warmer = app.extensions["geomap_warmer"] = Warmer(app).start()
    return warmer


def warm_status(app: Flask) -> dict[str, Any]:
    warmer: Warmer | None = app.extensions.get("geomap_warmer")
    return warmer.status() if warmer else {"state": "off", "views": 0, "seconds": 0.0}
