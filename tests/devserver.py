"""A WSGI app served from a background thread on 127.0.0.1, for browser tests, fuzzing and benchmarks.

Not a production server (use waitress, see the README): werkzeug's threaded server on an ephemeral port.
"""

from __future__ import annotations

import threading
from typing import Any


class LoopbackServer:
    """Serve `app` on 127.0.0.1 at a free port while the `with` block runs."""

    def __init__(self, app: Any) -> None:
        from werkzeug.serving import make_server

        self._server = make_server("127.0.0.1", 0, app, threaded=True)
        self.port: int = self._server.server_port
        self.origin = f"http://127.0.0.1:{self.port}"
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, name="geomap-loopback", daemon=True
        )

    def __enter__(self) -> LoopbackServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(5)


# Headless Chromium for the browser tests, benchmarks and screenshots: Debian's build, driven by Playwright with
# the flags that keep it off the network and quiet.
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
    "--disable-sync", "--disable-quic", "--no-first-run",
]


def solid_tile(red: int, green: int, blue: int, alpha: int = 255) -> bytes:
    """A 1x1 PNG of one colour: what the tile routes answer, so no tile request leaves the machine."""
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", 1, 1, 8, 6, 0, 0, 0)  # 1x1, 8-bit RGBA
    pixels = zlib.compress(bytes([0, red, green, blue, alpha]))
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")


BLANK_TILE = solid_tile(0, 0, 0, 0)


def free_port() -> int:
    """A loopback port nobody listens on (for a server started in a subprocess)."""
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def http_get(port: int, path: str, timeout: float = 30) -> tuple[int, bytes]:
    """(status, body) of one GET to 127.0.0.1:`port`."""
    import http.client

    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        conn.request("GET", path)
        response = conn.getresponse()
        return response.status, response.read()
    finally:
        conn.close()
