"""Build the map's month views in the background, so the first visitors' slider steps are served from cache.

A month's map view (`/events.geojson?from=M&to=M&detail=summary`) takes 30-50 ms to build on a 100k-event
store and ~1 ms to serve once kept. After start, and whenever the store's version changes (an ingest), one
daemon thread requests the latest `warm_months` months through the app itself, the way a browser would
(same URLs, same cache keys, gzip offered). `/healthz` reports its progress as `warm`, which a load
balancer can use as a readiness check.
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

from geomap.store import Store

log = logging.getLogger(__name__)

POLL_SECONDS = 5.0  # how often the thread looks for a new store version
BROWSER_HEADERS = {"Accept-Encoding": "gzip, deflate, br"}


def month_views(first: str | None, last: str | None, count: int) -> list[str]:
    """The map-view URLs of the latest `count` months between the store's first and last dates."""
    if not first or not last or count <= 0:
        return []
    start, end = date.fromisoformat(first[:10]), date.fromisoformat(last[:10])
    months: list[str] = []
    year, month = end.year, end.month
    while (year, month) >= (start.year, start.month) and len(months) < count:
        months.append(f"{year:04d}-{month:02d}")
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    return ["/events.geojson?detail=summary", "/api/histogram"] + [
        f"/events.geojson?from={m}&to={m}&detail=summary" for m in months
    ]


class Warmer:
    """The background thread and what it has done, for /healthz."""

    def __init__(self, app: Flask) -> None:
        self._app = weakref.ref(app)  # the thread ends once the app is gone (tests make many apps)
        self.db = Path(app.config["GEOMAP"]["db"])
        self.months = app.config["GEOMAP"]["warm_months"]
        self.state = "waiting"
        self.views = 0
        self.seconds = 0.0
        self.version: int | None = None
        self._thread = threading.Thread(target=self._run, name="geomap-warm", daemon=True)

    def start(self) -> Warmer:
        self._thread.start()
        return self

    def status(self) -> dict[str, Any]:
        return {"state": self.state, "views": self.views, "seconds": round(self.seconds, 2)}

    def _run(self) -> None:
        while self._app() is not None:
            try:
                if self.db.exists():  # never create a store just to look at it
                    with Store(self.db, create=False) as store:
                        version = store.version()
                        extent = store.date_extent()
                    if version != self.version:
                        self._warm(month_views(*extent, self.months))
                        self.version = version
            except Exception:  # noqa: BLE001 - a failed warm-up must never take the server down
                log.exception("warming the map views failed; the views are built on request instead")
                self.state = "failed"
            time.sleep(POLL_SECONDS)

    def _warm(self, paths: list[str]) -> None:
        app = self._app()
        if app is None:
            return
        self.state, self.views = "warming", 0
        started = time.perf_counter()
        client = app.test_client()
        for path in paths:
            response = client.get(path, headers=BROWSER_HEADERS)
            response.close()
            self.views += 1
        self.seconds = time.perf_counter() - started
        self.state = "done"
        log.info("warmed %d map views in %.1f s", self.views, self.seconds)


def init_app(app: Flask) -> None:
    """Start warming unless `warm_months` is 0."""
    if app.config["GEOMAP"]["warm_months"] > 0:
        app.extensions["geomap_warmer"] = Warmer(app).start()


def warm_status(app: Flask) -> dict[str, Any]:
    warmer: Warmer | None = app.extensions.get("geomap_warmer")
    return warmer.status() if warmer else {"state": "off", "views": 0, "seconds": 0.0}
