"""Security headers: a per-request CSP nonce for Folium's inline script, no framing except /embed."""

from __future__ import annotations

import secrets
from urllib.parse import urlsplit

from flask import Flask, Response, g, request

from geomap.web.context import settings

EMBED_PATH = "/embed"


def csp_nonce() -> str:
    """A fresh random nonce per request, for the one inline script (Folium's map setup)."""
    if "csp_nonce" not in g:
        g.csp_nonce = secrets.token_urlsafe(18)
    return g.csp_nonce


def tile_origin(tile_url: str) -> str:
    """The CSP source for the tile server: scheme://host[:port], Leaflet's {s} subdomains as a wildcard."""
    parts = urlsplit(tile_url.replace("{s}", "*"))
    if not parts.scheme or not parts.netloc:
        return ""
    return f"{parts.scheme}://{parts.netloc}"


def content_security_policy(nonce: str, frame_ancestors: str) -> str:
    """Only our own origin, plus the tile server for images; scripts need our nonce or come from files."""
    tiles = tile_origin(settings()["tile_url"])
    return "; ".join(
        (
            "default-src 'self'",
            f"script-src 'self' 'nonce-{nonce}'",
            "style-src 'self'",
            # data: only for images: Leaflet blanks tiles it unloads with a data: GIF.
            f"img-src 'self' data: {tiles}".strip(),
            "connect-src 'self'",
            "object-src 'none'",
            "base-uri 'none'",
            "form-action 'self'",
            f"frame-ancestors {frame_ancestors}",
        )
    )


def _set_headers(response: Response) -> Response:
    embeddable = request.path == EMBED_PATH
    ancestors = settings()["frame_ancestors"] if embeddable else "'none'"
    response.headers["Content-Security-Policy"] = content_security_policy(csp_nonce(), ancestors)
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Referrer-Policy"] = "strict-origin-when-cross-origin"
    if not embeddable:
        response.headers["X-Frame-Options"] = "DENY"
    return response


def init_app(app: Flask) -> None:
    """Add the headers to every response and make `csp_nonce()` available to templates."""
    app.after_request(_set_headers)
    app.jinja_env.globals["csp_nonce"] = csp_nonce
