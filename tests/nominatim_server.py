"""A small Nominatim-compatible HTTP server on loopback, with switchable failure modes, for geocoder tests."""

from __future__ import annotations

import json
import socket
import struct
import sys
import threading
import time
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest

MODES = ("ok", "timeout", "400", "429", "503", "500", "bad-json", "hang", "reset")


def _place(place_id: int, osm: tuple[str, int], lat: str, lon: str, name: str, display: str,
           cls: str, typ: str, addresstype: str, importance: float, country_code: str) -> dict[str, Any]:
    """One search result shaped like Nominatim's format=json (coordinates are strings there)."""
    return {
        "place_id": place_id,
        "licence": "Data © OpenStreetMap contributors, ODbL 1.0. http://osm.org/copyright",
        "osm_type": osm[0],
        "osm_id": osm[1],
        "lat": lat,
        "lon": lon,
        "class": cls,
        "type": typ,
        "place_rank": 16,
        "importance": importance,
        "addresstype": addresstype,
        "name": name,
        "display_name": display,
        "address": {addresstype: name, "country": display.rsplit(", ", 1)[-1], "country_code": country_code},
        "boundingbox": [lat, lat, lon, lon],
    }


KNOWN_PLACES: dict[str, dict[str, Any]] = {
    "kafr nabl": _place(101, ("node", 2293424577), "35.6138", "36.5606", "Kafr Nabl",
                        "Kafr Nabl, Gouvernement Idlib, Syrien", "place", "village", "village", 0.31, "sy"),
    "aleppo": _place(102, ("relation", 9341316), "36.1988", "37.1631", "Aleppo",
                     "Aleppo, Gouvernement Aleppo, Syrien", "boundary", "administrative", "city", 0.69, "sy"),
    "syrien": _place(103, ("relation", 184840), "34.6401", "39.0494", "Syrien",
                     "Syrien", "boundary", "administrative", "country", 0.84, "sy"),
    "idlib": _place(104, ("relation", 2624451), "35.8333", "36.6333", "Gouvernement Idlib",
                    "Gouvernement Idlib, Syrien", "boundary", "administrative", "state", 0.5, "sy"),
    "euphrat": _place(105, ("relation", 5765364), "36.8272", "38.0169", "Euphrat",
                      "Euphrat, Syrien", "waterway", "river", "river", 0.55, "sy"),
}


@dataclass(frozen=True)
class RecordedRequest:
    """One request as the server saw it."""

    path: str
    query: dict[str, str]
    headers: dict[str, str]
    at: float  # time.monotonic() when the request line had been read


class _Handler(BaseHTTPRequestHandler):
    server: _Server
    protocol_version = "HTTP/1.0"  # one request per connection: nothing lingers in client pools

    def do_GET(self) -> None:
        """Record the request, then answer (or fail to) as the server's current mode says."""
        owner = self.server.owner
        split = urlsplit(self.path)
        query = {k: v[0] for k, v in parse_qs(split.query).items()}
        owner.record(RecordedRequest(split.path, query, dict(self.headers.items()), time.monotonic()))
        mode = owner.mode
        if mode == "hang":
            owner.stopping.wait()
            self.close_connection = True
            return
        if mode == "timeout" and owner.stopping.wait(owner.slow_seconds):
            return
        if mode == "reset":
            # SO_LINGER 0 and close now (before the server's orderly FIN): the client sees an RST.
            self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            self.connection.close()
            self.close_connection = True
            return
        try:
            if mode in ("400", "429", "503", "500"):
                self._reply(int(mode), b"<html><body>Service unavailable</body></html>", "text/html",
                            {"Retry-After": "1"} if mode == "429" else {})
            elif mode == "bad-json":
                self._reply(200, b'[{"place_id": 1, "lat": "35.', "application/json")
            elif split.path != "/search":
                self._reply(404, b'{"error": "not found"}', "application/json")
            else:
                body = json.dumps(owner.search(query.get("q", ""), query.get("countrycodes"))).encode()
                self._reply(200, body, "application/json; charset=utf-8")
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True  # the client gave up (timeout) before we answered

    def _reply(self, status: int, body: bytes, content_type: str, headers: Mapping[str, str] | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:
        """Quiet: tests assert on ``NominatimServer.requests`` instead."""


class _Server(ThreadingHTTPServer):
    # Join handler threads on close, so no thread or socket outlives the fixture.
    daemon_threads = False
    block_on_close = True

    def __init__(self, owner: NominatimServer) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.owner = owner

    def handle_error(self, request: Any, client_address: Any) -> None:
        """Clients hanging up mid-reply are part of the failure modes; anything else is kept for the fixture."""
        error = sys.exc_info()[1]
        if not isinstance(error, OSError):
            self.owner.errors.append(error)


class NominatimServer:
    """A Nominatim look-alike on 127.0.0.1:<ephemeral port>, serving ``places`` in a thread.

    Set ``mode`` to one of MODES to make it fail; ``requests`` records every request.
    """

    def __init__(self, places: Mapping[str, dict[str, Any]] | None = None, slow_seconds: float = 5.0) -> None:
        self.places = dict(KNOWN_PLACES if places is None else places)
        self.slow_seconds = slow_seconds  # "timeout" mode answers this late (or at shutdown)
        self.mode = "ok"
        self.requests: list[RecordedRequest] = []
        self.errors: list[BaseException | None] = []  # handler crashes: the fixture fails on any
        self.stopping = threading.Event()
        self._lock = threading.Lock()
        self._httpd: _Server | None = None
        self._thread: threading.Thread | None = None

    @property
    def port(self) -> int:
        """The port the server listens on."""
        if self._httpd is None:
            raise RuntimeError("server not started")
        return self._httpd.server_address[1]

    @property
    def domain(self) -> str:
        """host:port, as geopy's ``domain`` wants it."""
        return f"127.0.0.1:{self.port}"

    def set_mode(self, mode: str) -> None:
        """Switch how the server answers from the next request on."""
        if mode not in MODES:
            raise ValueError(f"unknown mode {mode!r}; one of {MODES}")
        self.mode = mode

    def record(self, request: RecordedRequest) -> None:
        """Keep one request for assertions."""
        with self._lock:
            self.requests.append(request)

    def search(self, q: str, countrycodes: str | None) -> list[dict[str, Any]]:
        """Results for a free-text query: the known place with that name, if its country is allowed."""
        place = self.places.get(" ".join(q.lower().split()))
        if place is None:
            return []
        allowed = {c.strip().lower() for c in countrycodes.split(",")} if countrycodes else None
        if allowed is not None and place["address"]["country_code"] not in allowed:
            return []
        return [place]

    def start(self) -> NominatimServer:
        """Bind and serve in a background thread."""
        self._httpd = _Server(self)
        # A short poll interval keeps shutdown() (and so every test's teardown) quick.
        self._thread = threading.Thread(
            target=self._httpd.serve_forever, kwargs={"poll_interval": 0.02}, name="nominatim-test-server"
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        """Release hanging handlers, stop serving, close the socket and join every thread."""
        self.stopping.set()
        if self._httpd is not None:
            self._httpd.shutdown()
            self._httpd.server_close()
        if self._thread is not None:
            self._thread.join()
