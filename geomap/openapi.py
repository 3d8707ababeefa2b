"""The OpenAPI 3.1 document of geomap's JSON, GeoJSON and CSV endpoints, served at /openapi.json.

Query parameters follow geomap.filters (the one parser every endpoint uses); the fuzz tests generate
requests from this document, so a parameter added to the filter and not here goes untested.
"""

from __future__ import annotations

from typing import Any, Mapping

from geomap import __version__
from geomap.areas import MAX_CODES
from geomap.dates import OVERLAP_RULE
from geomap.event_types import EVENT_TYPES
from geomap.filters import MAX_DIGITS, MAX_LIMIT

# The values parse_filter accepts, exactly, so that generated requests (schemathesis) and the API agree: a real
# month or day of the years 0001-9999 (29 February only in leap years), or empty (an empty parameter is absent).
_YEAR = r"(?!0000)[0-9]{4}"
_LEAP_YEAR = r"(?!0000)([0-9]{2}(0[48]|[2468][048]|[13579][26])|([02468][048]|[13579][26])00)"
_DATE_PATTERN = (
    rf"^({_YEAR}-(0[1-9]|1[0-2])(-(0[1-9]|1[0-9]|2[0-8]))?|{_YEAR}-(0[13-9]|1[0-2])-(29|30)"
    rf"|{_YEAR}-(0[13578]|1[02])-31|{_LEAP_YEAR}-02-29)?$"
)
_LON = r"-?(180(\.0+)?|(1[0-7][0-9]|[1-9]?[0-9])(\.[0-9]+)?)"
_LAT = r"-?(90(\.0+)?|[1-8]?[0-9](\.[0-9]+)?)"
_BBOX_PATTERN = rf"^({_LON},{_LAT},{_LON},{_LAT})?$"
# A positive whole number of at most MAX_DIGITS digits (geomap.filters.whole_number), or empty (absent).
_POSITIVE = {"type": "string", "pattern": "^(0*[1-9][0-9]*)?$", "maxLength": MAX_DIGITS, "examples": ["25"]}
_BOOL_VALUES = ["1", "0", "true", "false", "yes", "no", "on", "off", ""]  # empty: absent (false)


def _param(name: str, schema: dict[str, Any], description: str, *, required: bool = False,
           explode: bool | None = None) -> dict[str, Any]:
    param: dict[str, Any] = {"name": name, "in": "query", "required": required, "description": description,
                             "schema": schema}
    if explode is not None:
        param["style"], param["explode"] = "form", explode
    return param


# Parameters of the pages only (the map's initial view): parse_filter checks them everywhere, the data API
# ignores them, and `lat` needs `lon`, a dependency OpenAPI cannot state, so the API document leaves them out.
PAGE_PARAMETERS = frozenset({"zoom", "lat", "lon"})


def filter_parameters() -> list[dict[str, Any]]:
    """The query parameters of geomap.filters.parse_filter that the data API uses (all but PAGE_PARAMETERS);
    each may be given once (type and role: many)."""
    types = [t[0] for t in EVENT_TYPES]
    return [
        _param("from", {"type": "string", "pattern": _DATE_PATTERN, "examples": ["2016-10", "2016-10-19"]},
               "First day shown (YYYY-MM means the month's first day). " + OVERLAP_RULE),
        _param("to", {"type": "string", "pattern": _DATE_PATTERN, "examples": ["2016-12", "2016-12-31"]},
               "Last day shown (YYYY-MM means the month's last day); must not be before `from`."),
        _param("include_undated", {"type": "string", "enum": _BOOL_VALUES},
               "Show undated events in a bounded window too (they are always shown when unbounded)."),
        _param("type", {"type": "array", "items": {"type": "string", "enum": [*types, ""]}},
               "Event types to keep; repeat the parameter or separate with commas (empty values are ignored).",
               explode=True),
        _param("role", {"type": "array", "items": {"type": "string", "enum": ["location", "actor", ""]}},
               "Place roles to keep (default: location; empty values are ignored).", explode=True),
        _param("bbox", {"type": "string", "pattern": _BBOX_PATTERN, "examples": ["35,32,42,38"]},
               "west,south,east,north in degrees; west > east crosses the antimeridian (RFC 7946 5.2); south must "
               "not be greater than north."),
        _param("place", {"type": "string", "maxLength": 200}, "A place name (case-insensitive) or ref."),
        _param("article", {"type": "string", "maxLength": 2000},
               "One article's events only: its id (article_id), URL or source name."),
        _param("limit", _POSITIVE,
               f"Most events to return; larger values are clamped to {MAX_LIMIT}; at most {MAX_DIGITS} digits."),
    ]


def _download_parameter(extension: str) -> dict[str, Any]:
    return _param("download", {"type": "string"},
                  f"1: answer as an attachment named for the filter (geomap-2016-10_2016-12.{extension}); any other "
                  "value: inline.")


def _error_responses(*codes: int) -> dict[str, Any]:
    reasons = {400: "A parameter is malformed; the message says which and why.", 404: "Not found.",
               401: "No valid API token (Authorization: Bearer <token>).", 413: "The body is too large.",
               501: "Not implemented.", 503: "The event store is unavailable."}
    return {str(code): {"description": reasons[code], "content": {"application/json": {
        "schema": {"$ref": "#/components/schemas/Error"}}}} for code in codes}


def _schemas() -> dict[str, Any]:
    nullable_string = {"type": ["string", "null"]}
    event = {
        "type": "object",
        "required": ["id", "article_id", "type", "role", "date", "evidence"],
        "properties": {
            "id": {"type": "integer"}, "article_id": {"type": "string"},
            "article": {"type": "string", "description": "the article's public source name: its URL, or a file"
                        " name relative to the folder given to ingest (never a server path)"},
            "title": nullable_string, "url": nullable_string, "publisher": nullable_string, "type": {"type": "string"}, "triggers": {"type": "array", "items": {"type": "string"}},
            "role": {"type": "string", "enum": ["location", "actor"]}, "date": {"type": "string"},
            "date_start": nullable_string, "date_end": nullable_string, "date_precision": {"type": "string"},
            "confidence": {"type": "number"}, "rule": {"type": "string"}, "candidates": {"type": "integer"},
            "evidence": {"type": "array", "items": {"type": "object"}},
        },
    }
    feature = {
        "type": "object",
        "required": ["type", "geometry", "properties"],
        "properties": {
            "type": {"const": "Feature"},
            "id": {"type": "string"},
            "geometry": {"type": "object", "required": ["type", "coordinates"], "properties": {
                "type": {"const": "Point"},
                "coordinates": {"type": "array", "items": {"type": "number"}, "minItems": 2, "maxItems": 2,
                                "description": "[longitude, latitude] (RFC 7946 3.1.1)"}}},
            "properties": {"type": "object", "required": ["place", "ref", "event_count", "mention_count",
                                                          "type_counts", "main_type"], "properties": {
                "place": {"type": "string"}, "ref": {"type": "string"}, "country": nullable_string,
                "kind": {"type": "string"}, "geo_precision": {"type": "integer"},
                "event_count": {"type": "integer"}, "mention_count": {"type": "integer"},
                "types": {"type": "array", "items": {"type": "string"}},
                "type_counts": {"type": "object", "additionalProperties": {"type": "integer"}},
                "main_type": {"type": "string", "description": "the type with most events (ties: first by name)"},
                "date_first": nullable_string, "date_last": nullable_string, "undated_count": {"type": "integer"},
                "events": {"type": "array", "items": {"$ref": "#/components/schemas/Event"},
                           "description": "only with detail=full: the place's events by date, with evidence"}}},
        },
    }
    return {
        "Error": {
            "type": "object",
            "required": ["error"],
            "properties": {"error": {"type": "object", "required": ["status", "message"], "properties": {
                "status": {"type": "integer"}, "message": {"type": "string"}}}},
        },
        "Event": event,
        "Feature": feature,
        "FeatureCollection": {
            "type": "object",
            "required": ["type", "features"],
            "properties": {"type": {"const": "FeatureCollection"},
                           "features": {"type": "array", "items": {"$ref": "#/components/schemas/Feature"}},
                           "geomap": {"type": "object"}},
        },
        "AreaCollection": {
            "type": "object",
            "required": ["type", "features"],
            "properties": {"type": {"const": "FeatureCollection"}, "features": {"type": "array", "items": {
                "type": "object",
                "required": ["type", "id", "geometry", "properties"],
                "properties": {
                    "type": {"const": "Feature"},
                    "id": {"type": "string", "pattern": "^[A-Z]{2}$", "description": "ISO 3166-1 alpha-2"},
                    "geometry": {"type": "object", "required": ["type", "coordinates"], "properties": {
                        "type": {"enum": ["Polygon", "MultiPolygon"]}, "coordinates": {"type": "array"}}},
                    "properties": {"type": "object", "required": ["code", "name"], "properties": {
                        "code": {"type": "string"}, "name": {"type": "string"}}},
                },
            }}},
        },
        "Histogram": {
            "type": "object",
            "required": ["months", "undated"],
            "properties": {"months": {"type": "array", "items": {"type": "object", "required": ["month", "count"],
                                      "properties": {"month": {"type": "string"}, "count": {"type": "integer"}}}},
                           "undated": {"type": "integer"}},
        },
        "Health": {"type": "object", "required": ["status", "store"], "properties": {
            "status": {"const": "ok"}, "version": {"type": "string"}, "store": {"type": "object"},
            "recognizers": {"type": "object"}, "model": {"type": "object"}}},
        "OEmbed": {"type": "object", "required": ["type", "version", "html", "width", "height"], "properties": {
            "type": {"const": "rich"}, "version": {"const": "1.0"}, "title": {"type": "string"},
            "provider_name": {"type": "string"}, "provider_url": {"type": "string"}, "html": {"type": "string"},
            "width": {"type": "integer"}, "height": {"type": "integer"}}},
    }


def _ok(media_type: str, schema: dict[str, Any] | None, description: str) -> dict[str, Any]:
    content: dict[str, Any] = {media_type: {"schema": schema} if schema else {}}
    return {"200": {"description": description, "content": content}}


def _ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/components/schemas/{name}"}


def _push_paths() -> dict[str, Any]:
    """POST /api/articles and GET /api/jobs/{job_id} (geomap.web.push): bearer tokens, a durable queue."""
    job = {"type": "object", "required": ["id", "state"], "properties": {
        "id": {"type": "string"}, "state": {"type": "string", "enum": ["queued", "running", "done", "failed"]},
        "article_id": {"type": ["string", "null"]}, "error": {"type": ["string", "null"]},
        "attempts": {"type": "integer"}, "created_at": {"type": "number"}, "updated_at": {"type": "number"}}}
    text = {"type": "string", "maxLength": 300}
    article = {"type": "object", "additionalProperties": False, "properties": {
        "text": {"type": "string", "description": "the article as plain text (first line `date YYYY-MM[-DD]` optional)"},
        "html": {"type": "string", "description": "the article page; main text and metadata read by trafilatura"},
        "url": {"type": "string", "format": "uri", "maxLength": 2000}, "title": text, "publisher": text, "author": text,
        "date": {"type": "string", "pattern": _DATE_PATTERN}}}
    security = [{"bearer": []}]
    return {
        "/api/articles": {"post": {
            "operationId": "pushArticle",
            "summary": "Queue an article (`text` or `html`) for the worker; 202 with its job, or 200 when it is stored.",
            "security": security,
            "requestBody": {"required": True, "content": {"application/json": {"schema": article}}},
            "responses": {
                "200": {"description": "Stored already (same text or URL).", "content": {"application/json": {
                    "schema": {"type": "object", "properties": {"state": {"const": "stored"},
                                                                "article_id": {"type": "string"}}}}}},
                "202": {"description": "Queued; the Location header and `url` name the job.",
                        "content": {"application/json": {"schema": job}}},
                **_error_responses(400, 401, 413, 503)},
        }},
        "/api/jobs/{job_id}": {"get": {
            "operationId": "jobState",
            "summary": "A pushed article's job: queued, running, done (with article_id) or failed (with error).",
            "security": security,
            "parameters": [{"name": "job_id", "in": "path", "required": True, "schema": {"type": "string"}}],
            "responses": {**_ok("application/json", job, "The job."), **_error_responses(401, 404, 503)},
        }},
    }


def openapi_document(settings: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """The OpenAPI 3.1 description of /events.geojson, /events.csv, /api/histogram, /api/areas.geojson, /healthz
    and /oembed.

    `settings` is the app's settings table; the document is server-relative and needs none of it yet.
    """
    filters = filter_parameters()
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "geomap API",
            "version": __version__,
            "description": "Events found in German news articles: places, dates and evidence, as GeoJSON or CSV. "
                           "Every error under the API is JSON: {\"error\": {\"status\", \"message\"}}.",
            "license": {"name": "MIT", "identifier": "MIT"},
        },
        "servers": [{"url": "/"}],
        "paths": {
            "/events.geojson": {"get": {
                "operationId": "eventsGeoJSON",
                "summary": "The filtered events, one Point feature per place (RFC 7946).",
                "parameters": [*filters, _download_parameter("geojson"), _param(
                    "detail", {"type": "string", "enum": ["full", "summary"], "default": "full"},
                    "full: each feature lists its events with their evidence; summary: counts, types and date "
                    "range per place only (what the map loads; a popup asks for its place with detail=full).")],
                "responses": {**_ok("application/geo+json", _ref("FeatureCollection"), "A FeatureCollection."),
                              **_error_responses(400, 503)},
            }},
            "/events.csv": {"get": {
                "operationId": "eventsCSV",
                "summary": "The filtered events as CSV, one row per event (confidence, every evidence sentence, source).",
                "parameters": [*filters, _download_parameter("csv"), _param(
                    "dialect", {"type": "string", "enum": ["plain", "excel"], "default": "plain"},
                    "plain: comma-separated, English column names; excel: for German Excel (semicolons, UTF-8 "
                    "byte order mark, decimal commas, German column names).")],
                "responses": {**_ok("text/csv", {"type": "string"}, "CSV with a header row."),
                              **_error_responses(400, 503)},
            }},
            "/events.gpkg": {"get": {
                "operationId": "eventsGeoPackage",
                "summary": "The filtered events as an OGC GeoPackage: one Point layer `events` (WGS 84), the CSV's columns.",
                "parameters": filters,
                "responses": {**_ok("application/geopackage+sqlite3", {"type": "string", "format": "binary"},
                                    "A GeoPackage file."),
                              **_error_responses(400, 503)},
            }},
            "/api/histogram": {"get": {
                "operationId": "histogram",
                "summary": "Events per month for the filter without its time window; an event counts in every month "
                           "its date interval overlaps (the overlap rule of `from`).",
                "parameters": filters,
                "responses": {**_ok("application/json", _ref("Histogram"), "Counts per month."),
                              **_error_responses(400, 503)},
            }},
            "/api/areas.geojson": {"get": {
                "operationId": "areasGeoJSON",
                "summary": "Country polygons (Natural Earth 1:50m, simplified) to shade country-level places.",
                "parameters": [_param(
                    "countries", {"type": "string", "pattern": "^([A-Za-z]{2}(,[A-Za-z]{2})*)?$", "examples": ["SY,IQ"]},
                    "ISO 3166-1 alpha-2 codes, either case, separated by commas; the parameter may be repeated "
                    f"(the codes add up, as for `type`). At most {MAX_CODES} distinct codes. Codes without an area "
                    "are left out of the answer; no codes give an empty collection.")],
                "responses": {
                    **_ok("application/geo+json", _ref("AreaCollection"),
                          "One feature per known code, sorted by code; cacheable for a week, then revalidated "
                          "by its ETag."),
                    "304": {"description": "Not modified: If-None-Match named the current ETag."},
                    **_error_responses(400),
                },
            }},
            **_push_paths(),
            "/healthz": {"get": {
                "operationId": "health",
                "summary": "Liveness and what the store holds.",
                "responses": {**_ok("application/json", _ref("Health"), "The app is up."), **_error_responses(503)},
            }},
            "/oembed": {"get": {
                "operationId": "oembed",
                "summary": "oEmbed (https://oembed.com) for map and embed URLs of this site.",
                "parameters": [
                    _param("url", {"type": "string", "format": "uri"}, "A map (/) or embed (/embed) URL of this site.",
                           required=True),
                    _param("format", {"type": "string", "enum": ["json"]}, "Only json."),
                    _param("maxwidth", _POSITIVE, "Largest iframe width wanted (larger values are clamped)."),
                    _param("maxheight", _POSITIVE, "Largest iframe height wanted (larger values are clamped)."),
                ],
                "responses": {**_ok("application/json", _ref("OEmbed"), "A rich oEmbed answer."),
                              **_error_responses(400, 404, 501)},
            }},
        },
        "components": {"schemas": _schemas(), "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"}}},
    }
