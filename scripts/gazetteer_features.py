"""Natural features for the gazetteer: Natural Earth lakes (npm mapeo-offline-map) at a representative point."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from gazetteer_index import Builder
from gazetteer_inputs import load_json


def slug(name: str) -> str:
    """'Lake Geneva' -> 'lake-geneva' (refs of packaged features)."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")


def add_lakes(b: Builder, lakes_json: Path) -> int:
    """Every named lake polygon, as water at a point inside its largest part (refs ne-lake:<slug>)."""
    from shapely.geometry import shape

    best: dict[str, tuple[float, str, object]] = {}
    for feature in load_json(lakes_json)["features"]:
        name = (feature["properties"].get("name") or "").strip()
        if not name:
            continue
        geom = shape(feature["geometry"])
        if name not in best or geom.area > best[name][0]:
            best[name] = (geom.area, name, geom)
    for _area, name, geom in best.values():
        point = geom.representative_point()
        b.add(f"ne-lake:{slug(name)}", name, point.y, point.x, None, "water")
    return len(best)
