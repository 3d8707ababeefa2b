"""Stored events as an OGC GeoPackage for GIS users, written with Fiona (GDAL's OGR): one Point a event.

The attributes are the CSV's columns (geomap.tables.COLUMNS), so both downloads say the same about an event.
A GeoPackage is an SQLite file, written to disk and then sent; rows are written as they stream from the store.
"""

from __future__ import annotations

from pathlib import Path
from typing import Iterable

from geomap.store import EventRow
from geomap.tables import COLUMNS

MEDIA_TYPE = "application/geopackage+sqlite3"
LAYER = "events"
_SKIPPED = ("lat", "lon")  # the geometry carries them
_FIELD_TYPES = {"event_id": "int", "geo_precision": "int", "confidence": "float"}


def write_gpkg(rows: Iterable[EventRow], path: Path) -> int:
    """Write the events to a new GeoPackage at `path` (WGS 84); return how many were written."""
    import fiona  # GDAL is loaded only for this download, not with the app

    schema = {
        "geometry": "Point",
        "properties": {name: _FIELD_TYPES.get(name, "str") for name, _, _ in COLUMNS if name not in _SKIPPED},
    }
    count = 0
    with fiona.open(path, "w", driver="GPKG", layer=LAYER, schema=schema, crs="EPSG:4326") as sink:
        batch = []
        for row in rows:
            properties = {name: value(row) for name, _, value in COLUMNS if name not in _SKIPPED}
            # GeoJSON-like geometry for Fiona: [longitude, latitude], as in geomap.geojson.
            batch.append({"geometry": {"type": "Point", "coordinates": (row.lon, row.lat)}, "properties": properties})
            if len(batch) == 1000:
                sink.writerecords(batch)
                count += len(batch)
                batch = []
        if batch:
            sink.writerecords(batch)
            count += len(batch)
    return count
