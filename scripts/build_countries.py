#!/usr/bin/env python3
"""Build gazetteer/countries.geojson: one simplified polygon feature per ISO 3166-1 alpha-2 code.

Inputs (npm devDependencies pinned in package.json; `npm ci` installs them into node_modules/):
  world-atlas 2.0.2 countries-50m.json (Natural Earth 1:50m admin-0 units, public domain; ISC wrapper),
  topojson-client 3.1.0 (`topo2geo`, run with `node` to check this script's TopoJSON decoder),
  i18n-iso-countries 7.14.0 codes.json and langs/en.json (numeric -> alpha-2; the package and version
  scripts/build_gazetteer.py takes its German country names from).
Needs shapely >= 2.1 (orient_polygons).

Steps: decode the TopoJSON (checked bit for bit against topo2geo); simplify the arcs, not the countries, so that
a border stays one line for both neighbours (no gaps, no overlaps); put the polygons together; cut rings that
cross the antimeridian (RFC 7946 3.1.9) and close the ring round the South Pole; give each polygon its alpha-2
code (tables below for units without one, and for islands the gazetteer files under their own code); dissolve
per code; snap to a 0.001 degree grid; orient exterior rings counter-clockwise (RFC 7946 3.1.6); write one
feature per line, sorted by code, so a rebuild gives the same bytes. Sizes and counts go into gazetteer/BUILD.md.

Usage: python scripts/build_countries.py [--out gazetteer] [--node-modules node_modules] [--tolerance 0.02]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import logging
import shutil
import subprocess
import sys
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import shapely
import shapely.affinity
from shapely.geometry import Polygon, box, mapping
from shapely.validation import make_valid

ROOT = Path(__file__).resolve().parent.parent
OUT_FILE = "countries.geojson"
NPM_PINS = {"world-atlas": "2.0.2", "topojson-client": "3.1.0", "i18n-iso-countries": "7.14.0"}
ATLAS = "world-atlas/countries-50m.json"
# Douglas-Peucker distance in degrees. A 256-pixel tile at zoom 7 spans 2.8 degrees, 0.011 a pixel: 0.02 moves a
# border by at most 2 pixels at zoom 7 and half a pixel at zoom 5, and halves the file (BUILD.md has the table).
TOLERANCE = 0.02
COMPARED = (0.0, 0.01, 0.04)  # tolerances measured next to the chosen one for BUILD.md
GRID = 0.001  # about 110 m; far below a pixel at zoom 7
DECIMALS = 3

# Natural Earth units without a numeric ISO id, by their name in world-atlas. None: left out on purpose.
NAME_CODES: dict[str, str | None] = {
    "Kosovo": "XK",  # user-assigned code; GeoNames, i18n-iso-countries and the gazetteer (Pristina) use it
    "Somaliland": "SO",  # not recognised; ISO and the gazetteer (Hargeisa) count it to Somalia
    "N. Cyprus": "CY",  # likewise: Kyrenia is CY
    "Indian Ocean Ter.": "CX",  # Christmas Island; the Cocos (Keeling) Islands are carved out below
    "Siachen Glacier": None,  # disputed between India and Pakistan, no ISO code: no area rather than a side
}

# Parts of a unit that ISO and the gazetteer file under their own code (Cayenne is GF, Longyearbyen SJ, ...):
# (unit's code, code of the part, box west, south, east, north that holds the part's representative point).
# Without these, "Frankreich" would also shade South America and the Indian Ocean.
CARVED: tuple[tuple[str, str, tuple[float, float, float, float]], ...] = (
    ("FR", "GF", (-55.0, 1.0, -51.0, 6.0)),  # French Guiana
    ("FR", "GP", (-62.0, 15.8, -61.0, 16.6)),  # Guadeloupe
    ("FR", "MQ", (-61.3, 14.3, -60.7, 15.0)),  # Martinique
    ("FR", "RE", (55.0, -21.5, 56.0, -20.8)),  # Réunion
    ("FR", "YT", (44.9, -13.1, 45.4, -12.5)),  # Mayotte
    ("NO", "SJ", (10.0, 74.0, 35.0, 81.0)),  # Svalbard and Bear Island
    ("NO", "SJ", (-10.0, 70.5, -7.0, 71.5)),  # Jan Mayen
    ("NL", "BQ", (-69.0, 11.5, -62.0, 18.0)),  # Bonaire, Sint Eustatius, Saba
    ("NZ", "TK", (-173.0, -10.0, -171.0, -8.0)),  # Tokelau
    ("CX", "CC", (96.0, -13.0, 97.5, -11.5)),  # Cocos (Keeling) Islands
)

log = logging.getLogger("build_countries")


class BuildError(Exception):
    """The inputs are not what this script was written for."""


@dataclass
class Inputs:
    atlas: Path
    topo2geo: Path
    codes: Path
    names_en: Path
    versions: dict[str, str]


def find_inputs(node_modules: Path) -> Inputs:
    """The pinned npm packages in node_modules; refuse other versions, so a rebuild gives the same bytes."""
    versions = {}
    for package, pinned in NPM_PINS.items():
        manifest = node_modules / package / "package.json"
        if not manifest.exists():
            raise BuildError(f"{manifest} is missing: run `npm ci` in {ROOT}")
        versions[package] = json.loads(manifest.read_text(encoding="utf-8"))["version"]
        if versions[package] != pinned:
            raise BuildError(f"{package} {versions[package]} installed, {pinned} expected: run `npm ci`")
    return Inputs(node_modules / ATLAS, node_modules / "topojson-client" / "bin" / "topo2geo",
                  node_modules / "i18n-iso-countries" / "codes.json",
                  node_modules / "i18n-iso-countries" / "langs" / "en.json", versions)


def topo2geo_features(inputs: Inputs) -> list[dict]:
    """The atlas's `countries` object as GeoJSON features, decoded by topojson-client's topo2geo."""
    node = shutil.which("node")
    if node is None:
        raise BuildError("node not found: topo2geo (topojson-client) needs Node.js")
    done = subprocess.run([node, str(inputs.topo2geo), "-i", str(inputs.atlas), "countries=-"],
                          check=True, capture_output=True)
    return json.loads(done.stdout, parse_int=float)["features"]  # JavaScript writes 60.0 as 60


class Topology:
    """A TopoJSON topology whose arcs can be simplified before the polygons are put together from them.

    Simplifying the shared arcs, not each country, keeps a border the same line for both neighbours.
    """

    def __init__(self, topology: dict) -> None:
        (kx, ky), (dx, dy) = topology["transform"]["scale"], topology["transform"]["translate"]
        self.arcs: list[list[tuple[float, float]]] = []
        for arc in topology["arcs"]:
            x = y = 0
            points = []
            for qx, qy in arc:  # delta-encoded, quantised (TopoJSON spec 2.1.2 / 2.2)
                x, y = x + qx, y + qy
                points.append((x * kx + dx, y * ky + dy))
            self.arcs.append(points)
        self.original = self.arcs
        self.geometries: list[dict] = topology["objects"]["countries"]["geometries"]

    def simplify(self, tolerance: float) -> None:
        """Douglas-Peucker on every arc at once, keeping the arcs' ends and not letting arcs cross each other."""
        if tolerance <= 0:
            return
        lines = shapely.simplify(shapely.multilinestrings([shapely.linestrings(a) for a in self.arcs]), tolerance,
                                 preserve_topology=True)
        simplified = [list(map(tuple, shapely.get_coordinates(line))) for line in shapely.get_parts(lines)]
        if len(simplified) != len(self.arcs):
            raise BuildError("simplification lost arcs")
        self.original, self.arcs = self.arcs, simplified

    def ring(self, indices: list[int]) -> list[tuple[float, float]]:
        """A ring from its arcs (a negative index ~i is arc i reversed), as topojson-client joins them.

        A ring that simplification flattened (an islet of two-point arcs) keeps its original points instead.
        """
        points = self._join(self.arcs, indices)
        if len(set(points)) < 3:
            points = self._join(self.original, indices)
        while len(points) < 4:
            points.append(points[0])
        return points

    @staticmethod
    def _join(arcs: list[list[tuple[float, float]]], indices: list[int]) -> list[tuple[float, float]]:
        points: list[tuple[float, float]] = []
        for i in indices:
            points = points[:-1] + (arcs[i] if i >= 0 else arcs[~i][::-1])
        return points

    def features(self) -> list[dict]:
        """GeoJSON-like features (id, properties, geometry) as topojson-client's feature() builds them."""
        out = []
        for g in self.geometries:
            polygons = g["arcs"] if g["type"] == "MultiPolygon" else [g["arcs"]]
            coordinates = [[self.ring(r) for r in polygon] for polygon in polygons]
            feature = {"type": "Feature", "properties": g.get("properties") or {},
                       "geometry": {"type": "MultiPolygon" if g["type"] == "MultiPolygon" else "Polygon",
                                    "coordinates": coordinates if g["type"] == "MultiPolygon" else coordinates[0]}}
            if g.get("id") is not None:
                feature["id"] = g["id"]
            out.append(feature)
        return out


def check_decoder(ours: list[dict], reference: list[dict]) -> None:
    """Our unsimplified decoding must equal topo2geo's to the last bit, or the arc simplification rests on sand."""
    def plain(features: list[dict]) -> str:
        return json.dumps([[f.get("id"), f["properties"], f["geometry"]] for f in features])

    if plain(ours) != plain(reference):
        raise BuildError("the TopoJSON decoder disagrees with topojson-client's topo2geo")


def _unwrap(ring: list[list[float]]) -> tuple[list[tuple[float, float]], bool]:
    """The ring with longitudes made continuous (no jump of more than 180 degrees); whether it circles a pole."""
    out = [(ring[0][0], ring[0][1])]
    shift = 0.0
    for lon, lat in ring[1:]:
        lon += shift
        step = lon - out[-1][0]
        if step > 180:
            shift, lon = shift - 360, lon - 360
        elif step < -180:
            shift, lon = shift + 360, lon + 360
        out.append((lon, lat))
    return out, shift != 0


def _ring_area(ring: list[list[float]]):
    """The planar area a ring encloses: crossing the antimeridian is unwrapped; a ring round a pole closes over it."""
    points, polar = _unwrap(ring)
    if polar:
        pole = -90.0 if sum(lat for _, lat in points) < 0 else 90.0
        points = [*points, (points[-1][0], pole), (points[0][0], pole)]
    area = make_valid(Polygon(points))
    # The unwrapped ring may reach beyond +-180: move each 360-degree window back onto the map.
    pieces = [shapely.affinity.translate(area.intersection(box(-180 + 360 * k, -90, 180 + 360 * k, 90)), xoff=-360 * k)
              for k in (-1, 0, 1)]
    return shapely.union_all(pieces)


def polygon_parts(coordinates: list[list[list[float]]]) -> list[Polygon]:
    """One TopoJSON polygon (exterior, holes...) as planar polygons within -180..180.

    The exclusive-or of the rings' areas is the polygon for holes inside an exterior and also for Antarctica,
    whose exterior circles the pole at -89.999 and whose coast comes as a hole.
    """
    area = _ring_area(coordinates[0])
    for hole in coordinates[1:]:
        area = area.symmetric_difference(_ring_area(hole))
    return polygons_of(area)


def polygons_of(geometry) -> list[Polygon]:
    """The non-empty polygons in any geometry (make_valid may return collections with lines in them)."""
    found: list[Polygon] = []
    for part in shapely.get_parts(geometry):
        if part.geom_type == "Polygon" and not part.is_empty:
            found.append(part)
        elif part.geom_type in ("MultiPolygon", "GeometryCollection"):
            found += polygons_of(part)
    return found


def _inside(point, bounds: tuple[float, float, float, float]) -> bool:
    west, south, east, north = bounds
    return west <= point.x <= east and south <= point.y <= north


@dataclass
class Assignment:
    parts: dict[str, list[Polygon]]
    names: dict[str, str]
    left_out: list[str]
    by_name: list[str]
    carved: dict[str, int]


def assign_codes(features: list[dict], codes_json: list[list[str]], names_en: dict) -> Assignment:
    """Polygons grouped by alpha-2 code, with a name per code; every exception to the numeric id is counted."""
    alpha2 = {row[2]: row[0] for row in codes_json}
    parts: dict[str, list[Polygon]] = defaultdict(list)
    largest: dict[str, tuple[float, str]] = {}
    left_out, by_name, carved = [], [], defaultdict(int)
    for feature in features:
        name = feature["properties"]["name"]
        numeric = feature.get("id")
        if numeric in alpha2:
            code = alpha2[numeric]
        elif name in NAME_CODES:
            code = NAME_CODES[name]
            by_name.append(f"{name} ({numeric or 'no id'}) -> {code or 'left out'}")
        else:
            raise BuildError(f"unit {name!r} has id {numeric!r}, no ISO 3166-1 numeric code: extend NAME_CODES")
        if code is None:
            left_out.append(name)
            continue
        geometry = feature["geometry"]
        polygons = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
        unit_parts = [p for coordinates in polygons for p in polygon_parts(coordinates)]
        for part in unit_parts:
            point = part.representative_point()
            target = next((c for source, c, bounds in CARVED if source == code and _inside(point, bounds)), code)
            if target != code:
                carved[target] += 1
            parts[target].append(part)
        if numeric in alpha2:  # the name of the largest unit that carries the code (Australia, not Ashmore)
            size = sum(p.area for p in unit_parts)
            if size > largest.get(code, (-1.0, ""))[0]:
                largest[code] = (size, name)
    missing = {c for _, c, _ in CARVED} - set(carved)
    if missing:
        raise BuildError(f"no part found for carved codes {sorted(missing)}: the atlas changed, check CARVED")
    names = {code: largest[code][1] if code in largest else _english_name(names_en, code) for code in parts}
    return Assignment(dict(parts), names, left_out, by_name, dict(carved))


def _english_name(names_en: dict, code: str) -> str:
    name = names_en[code]
    return name[0] if isinstance(name, list) else name


def dissolve(parts: dict[str, list[Polygon]]) -> dict[str, object]:
    """One valid geometry per code, snapped to the grid, exterior rings counter-clockwise (RFC 7946 3.1.6)."""
    codes = sorted(parts)
    merged = [shapely.multipolygons(polygons_of(make_valid(shapely.union_all(parts[c])))) for c in codes]
    snapped = shapely.set_precision(merged, GRID)  # keeps the result valid; neighbours snap their shared points alike
    result = {}
    for code, geometry in zip(codes, snapped):
        polygons = polygons_of(geometry if geometry.is_valid else make_valid(geometry))
        if not polygons:
            raise BuildError(f"{code} vanished on the {GRID:g} degree grid")
        single = polygons[0] if len(polygons) == 1 else shapely.multipolygons(polygons)
        result[code] = shapely.orient_polygons(single, exterior_cw=False)
    if not shapely.coverage_is_valid(list(result.values())):
        bad = [c for c, e in zip(result, shapely.coverage_invalid_edges(list(result.values()))) if not e.is_empty]
        log.warning("neighbours overlap or do not match along their borders: %s", bad)
    return result


def _rounded(coordinates):
    if isinstance(coordinates[0], float):
        return [round(coordinates[0], DECIMALS), round(coordinates[1], DECIMALS)]
    return [_rounded(c) for c in coordinates]


def feature_collection_text(geometries: dict[str, object], names: dict[str, str]) -> str:
    """The GeoJSON text: one feature per line, sorted by code, compact, deterministic."""
    lines = []
    for code in sorted(geometries):
        plain = mapping(geometries[code])
        geometry = {"type": plain["type"], "coordinates": _rounded(plain["coordinates"])}
        feature = {"type": "Feature", "id": code, "properties": {"code": code, "name": names[code]},
                   "geometry": geometry}
        lines.append(json.dumps(feature, ensure_ascii=False, separators=(",", ":")))
    return '{"type":"FeatureCollection","features":[\n' + ",\n".join(lines) + "\n]}\n"


SECTION_START = "<!-- countries.geojson: written by scripts/build_countries.py -->"
SECTION_END = "<!-- /countries.geojson -->"


def write_manifest_section(manifest: Path, lines: list[str]) -> None:
    """Replace (or append) this script's section of BUILD.md; the rest of the file belongs to build_gazetteer.py."""
    text = manifest.read_text(encoding="utf-8") if manifest.exists() else ""
    section = "\n".join([SECTION_START, *lines, SECTION_END])
    if SECTION_START in text and SECTION_END in text:
        head, rest = text.split(SECTION_START, 1)
        text = head + section + rest.split(SECTION_END, 1)[1]
    else:
        text = text.rstrip("\n") + "\n\n" + section + "\n"
    manifest.write_text(text, encoding="utf-8")


@dataclass
class Built:
    tolerance: float
    assignment: Assignment
    geometries: dict[str, object]
    text: str

    @property
    def vertices(self) -> int:
        return int(sum(shapely.get_num_coordinates(g) for g in self.geometries.values()))


def build(atlas: dict, tolerance: float, codes_json: list[list[str]], names_en: dict) -> Built:
    """The whole pipeline for one tolerance (0: unsimplified)."""
    topology = Topology(atlas)
    topology.simplify(tolerance)
    assignment = assign_codes(topology.features(), codes_json, names_en)
    geometries = dissolve(assignment.parts)
    return Built(tolerance, assignment, geometries, feature_collection_text(geometries, assignment.names))


def measurement_rows(builds: list[Built]) -> list[str]:
    """Size, vertices and the largest distance any border moved (Hausdorff, against tolerance 0) per tolerance."""
    reference = next(b for b in builds if b.tolerance == 0).geometries
    rows = ["| tolerance (degrees) | size | vertices | largest border shift (degrees) |", "|---|---|---|---|"]
    for b in sorted(builds, key=lambda b: b.tolerance):
        shift = max(shapely.hausdorff_distance(reference[c], g) for c, g in b.geometries.items())
        rows.append(f"| {b.tolerance:g} | {len(b.text.encode()) / 1000:,.0f} kB | {b.vertices:,} | {shift:.4f} |")
    return rows


def manifest_lines(built: Built, builds: list[Built], atlas_sha: str, versions: dict[str, str]) -> list[str]:
    """The BUILD.md section: command, inputs, decisions, counts, size and the tolerances compared."""
    a = built.assignment
    carved = ", ".join(f"{code} {n}" for code, n in sorted(a.carved.items()))
    return [
        "## Country polygons (`countries.geojson`)",
        "",
        "Generated by `scripts/build_countries.py`; do not edit by hand. Served by `/api/areas.geojson`",
        "(geomap.areas).",
        "",
        "```",
        "npm ci --no-audit --no-fund   # installs the devDependencies below",
        f"python scripts/build_countries.py --out gazetteer --tolerance {built.tolerance:g}",
        "```",
        "",
        "| input | version | what is used | sha256 (16) |",
        "|---|---|---|---|",
        f"| npm world-atlas | {versions['world-atlas']} | {ATLAS.split('/')[1]} (Natural Earth 1:50m admin-0) "
        f"| {atlas_sha} |",
        f"| npm topojson-client | {versions['topojson-client']} | `topo2geo`, to check the decoder | - |",
        f"| npm i18n-iso-countries | {versions['i18n-iso-countries']} | codes.json (numeric to alpha-2), "
        "langs/en.json (names of carved-out codes) | - |",
        f"| PyPI shapely | {shapely.__version__} (GEOS {shapely.geos_version_string}) | simplification, dissolving, "
        "grid, orientation | - |",
        "",
        f"- `{OUT_FILE}`: **{len(built.text.encode()) / 1000:,.0f} kB**, {len(built.geometries)} features "
        f"(id = alpha-2; properties `code`, `name`), {built.vertices:,} vertices",
        f"- Douglas-Peucker on the shared arcs (GEOS topology-preserving simplifier over all arcs at once), "
        f"tolerance {built.tolerance:g} degrees; coordinates on a {GRID:g} degree grid; exterior rings "
        "counter-clockwise; rings crossing the antimeridian cut there; neighbours neither overlap nor leave gaps",
        "- units without a numeric ISO id: " + "; ".join(a.by_name),
        f"- left out: {', '.join(a.left_out) or 'none'}; Ashmore and Cartier Is. (also 036) merged into AU",
        f"- parts carved out of FR, NO, NL, NZ, CX under their own code (polygons): {carved}",
        "- names: Natural Earth's short name of the unit with the ISO id; i18n-iso-countries English name for "
        "codes without a unit of their own",
        "- not in the 50m atlas (no area): Gibraltar (GI), Tuvalu (TV), Bouvet Island (BV), the obsolete AN",
        "",
        *measurement_rows(builds),
        "",
        "A 256-pixel tile spans 0.011 degrees a pixel at zoom 7 and 0.044 at zoom 5.",
        "",
        "Licences: Natural Earth data public domain; world-atlas and topojson-client ISC; i18n-iso-countries MIT.",
    ]


def main(argv: list[str] | None = None) -> int:
    """Build countries.geojson and its BUILD.md section."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "gazetteer")
    parser.add_argument("--node-modules", type=Path, default=ROOT / "node_modules")
    parser.add_argument("--tolerance", type=float, default=TOLERANCE, help="Douglas-Peucker distance in degrees")
    parser.add_argument("--no-manifest", action="store_true", help="write only the GeoJSON (for trying tolerances)")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    try:
        inputs = find_inputs(args.node_modules)
        atlas_bytes = inputs.atlas.read_bytes()
        atlas = json.loads(atlas_bytes)
        check_decoder(Topology(atlas).features(), topo2geo_features(inputs))
        codes_json = json.loads(inputs.codes.read_text(encoding="utf-8"))
        names_en = json.loads(inputs.names_en.read_text(encoding="utf-8"))["countries"]
        tolerances = [args.tolerance] if args.no_manifest else sorted({args.tolerance, *COMPARED})
        builds = [build(atlas, t, codes_json, names_en) for t in tolerances]
    except (BuildError, subprocess.CalledProcessError) as exc:
        log.error("build_countries: %s", exc)
        return 1
    built = next(b for b in builds if b.tolerance == args.tolerance)
    out_file = args.out / OUT_FILE
    out_file.write_bytes(built.text.encode("utf-8"))
    if not args.no_manifest:
        sha = hashlib.sha256(atlas_bytes).hexdigest()[:16]
        write_manifest_section(args.out / "BUILD.md", manifest_lines(built, builds, sha, inputs.versions))
    a = built.assignment
    log.info("wrote %s: %d features, %d bytes; by name: %s; carved: %s", out_file, len(built.geometries),
             out_file.stat().st_size, a.by_name, a.carved)
    return 0


if __name__ == "__main__":
    sys.exit(main())
