"""Shared pieces of the browser tests: headless Chromium, a recording page, and the app behind two loopback servers.

A test module that uses the `page` fixture (tests/conftest.py) defines its own module-scoped `servers` fixture (the
store it serves differs); `serve_app` builds what that fixture yields.
"""

from __future__ import annotations

from contextlib import contextmanager
from pathlib import Path
from typing import Any, Iterator
from urllib.parse import urlsplit

import pytest
from werkzeug.wrappers import Request, Response

from geomap.web import create_app
from tests.devserver import BLANK_TILE, CHROMIUM, CHROMIUM_ARGS, LoopbackServer

VENDOR = Path(__file__).resolve().parent.parent / "geomap" / "static" / "vendor" / "leaflet" / "leaflet.js"
WATCH_CSP = "window.__csp = []; document.addEventListener('securitypolicyviolation', e => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));"


def third_party(app_origin: str):
    """Another origin: blank tiles, a page framing the embed with the resize script, and a blank page."""

    @Request.application
    def serve(request: Request) -> Response:
        if request.path.startswith("/tiles/"):
            return Response(BLANK_TILE, mimetype="image/png")
        if request.path == "/host":
            src = app_origin + "/embed?" + request.query_string.decode()
            html = (
                f'<!doctype html><title>host</title><p>Artikeltext</p><iframe id="frame" src="{src}" width="600" '
                f'height="300" style="border:0"></iframe><script src="{app_origin}/static/embed-resize.js"></script>'
            )
            return Response(html, mimetype="text/html")
        return Response("<!doctype html><title>blank</title>", mimetype="text/html")

    return serve


def third_party_proxy(holder: dict[str, str]):
    """The third-party WSGI app, built once the app's origin is known."""

    def wsgi(environ, start_response):
        return third_party(holder["app"])(environ, start_response)

    return wsgi


@contextmanager
def serve_app(db: Path) -> Iterator[tuple[str, str]]:
    """(app origin, third-party origin) on 127.0.0.1, the app serving `db` and using the third party's tiles."""
    if not VENDOR.exists():
        pytest.fail("front-end assets missing: run `python scripts/install_assets.py`")
    other_holder: dict[str, str] = {}
    with LoopbackServer(third_party_proxy(other_holder)) as other:
        tiles = other.origin + "/tiles/{z}/{x}/{y}.png"
        with LoopbackServer(create_app({"db": str(db), "tile_url": tiles})) as app_server:
            other_holder["app"] = app_server.origin
            yield app_server.origin, other.origin


@contextmanager
def recording_page(browser, **context_options: Any):
    """A fresh page that records every request, refuses anything off 127.0.0.1, and dismisses (and records) dialogs."""
    context = browser.new_context(viewport={"width": 1200, "height": 800}, **context_options)
    context.add_init_script(WATCH_CSP)
    page = context.new_page()
    page.requests = []  # type: ignore[attr-defined]
    page.dialogs = []  # type: ignore[attr-defined]
    page.errors = []  # type: ignore[attr-defined]
    page.on("request", lambda r: page.requests.append(r.url))
    page.on("pageerror", lambda e: page.errors.append(str(e)))

    def on_dialog(dialog) -> None:
        page.dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", on_dialog)
    context.route("**/tiles/**", lambda route: route.fulfill(body=BLANK_TILE, content_type="image/png"))
    context.route(lambda url: urlsplit(url).hostname != "127.0.0.1", lambda route: route.abort())
    try:
        yield page
    finally:
        context.close()


def wait_for_places(target, expected: set[str]) -> list[str]:
    """Wait until the map shows exactly `expected` place names, and return them."""
    target.wait_for_function(
        "names => window.geomapView && JSON.stringify(window.geomapView.places()) === JSON.stringify(names)",
        arg=sorted(expected),
        timeout=10_000,
    )
    return target.evaluate("window.geomapView.places()")
