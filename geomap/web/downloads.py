"""Downloads for people and GIS tools: the filtered events as CSV (plain or for German Excel) and GeoPackage.

The CSV streams from one snapshot of the store in chunks of a few hundred rows: a server's memory does not
grow with the number of events or of concurrent downloads (benchmarks/csv_memory.py). A GeoPackage is a file
by nature: written to a temporary file, sent, then removed.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Iterator

from flask import Blueprint, Response, request
from werkzeug.wsgi import wrap_file

from geomap.filters import EventFilter, parse_choice
from geomap.gpkg import MEDIA_TYPE as GPKG_TYPE
from geomap.gpkg import write_gpkg
from geomap.store import Store
from geomap.tables import DIALECTS, csv_chunks, download_name
from geomap.web.answers import answer_key, respond
from geomap.web.context import current_filter, get_store

bp = Blueprint("downloads", __name__)


def download_headers(extension: str) -> dict[str, str]:
    """An attachment named for the filter when `download=1`, so one click saves the current view."""
    if request.args.get("download") == "1":
        return {"Content-Disposition": f"attachment; filename={download_name(current_filter(), extension)}"}
    return {}


def _csv_stream(store: Store, flt: EventFilter, dialect: str) -> Iterator[bytes]:
    with store.snapshot():
        yield from csv_chunks(store.iter_events(flt), dialect)


@bp.get("/events.csv")
def events_csv() -> Response:
    """The filtered events as CSV, one row per event; `dialect=excel` for German Excel (see geomap.tables).
    Kept per store version like every answer (geomap.web.answers): a large one is written whole to a file
    first, so a failing store is an error answer, never a cut body, and a slow reader holds no snapshot."""
    flt, store = current_filter(), get_store()
    dialect = parse_choice(request.args.getlist("dialect"), "dialect", DIALECTS)
    return respond(answer_key("csv", store, flt, dialect), lambda: _csv_stream(store, flt, dialect),
                   "text/csv; charset=utf-8", download_headers("csv"))


@bp.get("/events.gpkg")
def events_gpkg() -> Response:
    """The filtered events as a GeoPackage (one Point layer `events`, WGS 84), for QGIS and other GIS tools."""
    flt = current_filter()
    store = get_store()
    handle, name = tempfile.mkstemp(prefix="geomap-", suffix=".gpkg")
    os.close(handle)
    path = Path(name)
    path.unlink()  # GDAL makes the file itself
    try:
        with store.snapshot():
            write_gpkg(store.iter_events(flt), path)
        stream = open(path, "rb")  # noqa: SIM115 - the WSGI server closes it
    finally:
        path.unlink(missing_ok=True)  # the open handle keeps the data readable until it is sent
    headers = {"Content-Disposition": f"attachment; filename={download_name(flt, 'gpkg')}"}
    return Response(wrap_file(request.environ, stream), mimetype=GPKG_TYPE, headers=headers, direct_passthrough=True)
