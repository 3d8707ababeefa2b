"""One error handler: JSON under the data API, an HTML page elsewhere, never a stack trace."""

from __future__ import annotations

import logging

from flask import Flask, Response, jsonify, make_response, render_template, request
from werkzeug.exceptions import BadHost, HTTPException, InternalServerError

from geomap.errors import FilterError, GeomapError, StoreCorrupt, StoreError, StoreMissing

log = logging.getLogger(__name__)

API_PATHS = ("/events.", "/healthz", "/api/", "/oembed", "/openapi.json")


def wants_json() -> bool:
    """Whether the request is for the data API (JSON errors) rather than a page (HTML errors)."""
    return request.path.startswith(API_PATHS)


def error_response(status: int, message: str) -> Response:
    """The error as JSON `{"error": {"status", "message"}}` under the API, else as an HTML page. Neither
    builds a URL from the request (its Host may be one no URL can be built for)."""
    if wants_json():
        response = jsonify({"error": {"status": status, "message": message}})
        response.status_code = status
        return response
    root = request.environ.get("SCRIPT_NAME", "").rstrip("/")
    return make_response(render_template("error.html", status=status, message=message, root=root), status)


def _status_of(exc: GeomapError) -> int:
    if isinstance(exc, FilterError):
        return 400
    if isinstance(exc, StoreError):
        return 503
    return 500


def _public_reason(exc: GeomapError) -> str:
    """What a client is told about a store failure: its kind, never the server's paths (those go to the log)."""
    if isinstance(exc, StoreMissing):
        return "the event store is missing (not created yet, or deleted)"
    if isinstance(exc, StoreCorrupt):
        return "the event store is damaged"
    return "the event store is unavailable"


def handle_geomap_error(exc: GeomapError):
    """Our own errors: a bad parameter is the client's (400); a store outage is ours (503)."""
    status = _status_of(exc)
    if status >= 500:
        log.error("request %s failed: %s", request.path, exc)
        return error_response(status, _public_reason(exc) if status == 503 else "internal error")
    return error_response(status, str(exc))


def handle_http_error(exc: HTTPException):
    """404, 405 and other HTTP errors with werkzeug's short description, and the exception's own headers
    (a 405's `Allow`)."""
    message = "the Host header is not a valid host name" if isinstance(exc, BadHost) else exc.description or exc.name
    response = error_response(exc.code or 500, message)
    for name, value in exc.get_headers():
        if name.lower() != "content-type":
            response.headers[name] = value
    return response


def handle_unexpected(exc: Exception):
    """Anything else: log it with its traceback, answer a plain 500."""
    if isinstance(exc, HTTPException):
        return handle_http_error(exc)
    log.exception("unhandled error on %s", request.path)
    return error_response(500, InternalServerError.description)


def init_app(app: Flask) -> None:
    """Register the handlers."""
    app.register_error_handler(GeomapError, handle_geomap_error)
    app.register_error_handler(HTTPException, handle_http_error)
    app.register_error_handler(Exception, handle_unexpected)
