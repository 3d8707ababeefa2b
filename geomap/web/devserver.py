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
