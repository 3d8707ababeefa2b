"""One error handler: JSON under the data API, an HTML page elsewhere, never a stack trace."""

from __future__ import annotations

import logging

from flask import Flask, Response, jsonify, render_template, request
from werkzeug.exceptions import HTTPException, InternalServerError

from geomap.errors import FilterError, GeomapError, StoreError

log = logging.getLogger(__name__)

API_PATHS = ("/events.", "/healthz", "/api/", "/oembed", "/openapi.json")


def wants_json() -> bool:
    """Whether the request is for the data API (JSON errors) rather than a page (HTML errors)."""
    return request.path.startswith(API_PATHS)


def error_response(status: int, message: str) -> Response | tuple[str, int]:
    """The error as JSON `{"error": {"status", "message"}}` under the API, else as an HTML page."""
    if wants_json():
        response = jsonify({"error": {"status": status, "message": message}})
        response.status_code = status
        return response
    return render_template("error.html", status=status, message=message), status


def _status_of(exc: GeomapError) -> int:
    if isinstance(exc, FilterError):
        return 400
    if isinstance(exc, StoreError):
        return 503
    return 500


def handle_geomap_error(exc: GeomapError):
    """Our own errors: a bad parameter is the client's (400); a store outage is ours (503)."""
    status = _status_of(exc)
    if status >= 500:
        log.error("request %s failed: %s", request.path, exc)
        return error_response(status, "the event store is unavailable" if status == 503 else "internal error")
    return error_response(status, str(exc))


def handle_http_error(exc: HTTPException):
    """404, 405 and other HTTP errors with werkzeug's short description."""
    return error_response(exc.code or 500, exc.description or exc.name)


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
