"""Curated gazetteer rows (every one with a source): places and German aliases no package has."""

from __future__ import annotations

from pathlib import Path

from gazetteer_index import Builder
from gazetteer_inputs import read_tsv

from geomap.resolve import distance_km


def parse_points(cell: str) -> list[tuple[float, float]]:
    """'lat,lon;lat,lon' -> [(lat, lon), ...]."""
    return [tuple(float(v) for v in p.split(",")) for p in cell.split(";") if p.strip()]  # type: ignore[misc]


def add_curated(b: Builder, path: Path) -> tuple[int, int]:
    """Curated places and German aliases; alias coordinates, when given, must agree with the target."""
    new = aliases = 0
    country_refs = {e["country"]: ref for ref, e in b.entries.items() if e["kind"] == "country" and not e["flags"]}
    for row in read_tsv(path):
        names = [n for n in row["aliases_de"].split("|") if n]
        ref = row["ref"]
        if ref.startswith("curated:"):
            if ref in b.entries:
                raise SystemExit(f"{path.name}: duplicate ref {ref}")
            entry = b.add(ref, row["name"], float(row["lat"]), float(row["lon"]), row["country"] or None,
                          row["kind"], int(row["population"] or 0), 0, row["name_de"] or None)
            entry["points"] = parse_points(row.get("points") or "")
            b.add_names(ref, [n for n in (row.get("aliases") or "").split("|") if n], german=False)
            new += 1
        else:
            ref = country_refs[ref.split(":", 1)[1]] if ref.startswith("country:") else ref
            if ref not in b.entries:
                raise SystemExit(f"{path.name}: alias target missing: {row['ref']}")
            target = b.entries[ref]
            if row["lat"] and distance_km(float(row["lat"]), float(row["lon"]), target["lat"], target["lon"]) > 25:
                raise SystemExit(f"{path.name}: alias {row['ref']} is over 25 km from its target")
            target["name_de"] = target["name_de"] or names[0]
            if row["name"]:  # a readable English name instead of GeoNames' transcription ("I‘zāz" -> "Azaz")
                target["name"] = row["name"]
                b.add_names(ref, [row["name"]], german=False)
            aliases += 1
        b.add_names(ref, names, german=True)
    return new, aliases


def read_centroids(path: Path) -> dict[str, tuple[float, float]]:
    out = {}
    for line in path.read_text(encoding="utf-8").splitlines()[1:]:
        cols = line.split("\t")
        if line.startswith("#") or len(cols) < 3 or cols[0] == "iso2" or not cols[1]:
            continue
        out[cols[0]] = (float(cols[1]), float(cols[2]))
    return out
