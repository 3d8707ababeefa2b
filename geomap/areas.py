"""Country areas: the polygons of gazetteer/countries.geojson, looked up by ISO 3166-1 alpha-2 code.

The file is built by ``scripts/build_countries.py`` (Natural Earth 1:50m via npm world-atlas, simplified;
see gazetteer/BUILD.md). Serving needs no shapely: the file is read once, each feature is kept as its JSON
bytes, and a request joins the features it asks for.
"""

from __future__ import annotations

import hashlib
import logging
import threading
from pathlib import Path
from typing import Iterable, Sequence

import orjson

from geomap.config import gazetteer_dir
from geomap.errors import FilterError, GazetteerError
from geomap.filters import multi_values  # the same splitting as `type`: commas or repeats, trimmed, once

log = logging.getLogger(__name__)

DATA_FILE = "countries.geojson"
PARAMETER = "countries"
MAX_CODES = 300  # there are 249 ISO 3166-1 codes; more distinct codes than this is no real request
_POLYGONAL = ("Polygon", "MultiPolygon")


class CountryAreas:
    """The features of the data file by alpha-2 code, each as serialised RFC 7946 JSON."""

    def __init__(self, features: dict[str, bytes], digest: str) -> None:
        self._features = features
        self.digest = digest

    def __len__(self) -> int:
        return len(self._features)

    def __contains__(self, code: object) -> bool:
        return code in self._features

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(sorted(self._features))

    def collection(self, codes: Iterable[str]) -> bytes:
        """A FeatureCollection of the known codes among `codes`, sorted by code; unknown codes are left out."""
        known = sorted({c for c in codes if c in self._features})
        return b'{"type":"FeatureCollection","features":[' + b",".join(self._features[c] for c in known) + b"]}"

    def etag(self, codes: Iterable[str]) -> str:
        """A validator for one answer: changes when the data file or the set of codes does."""
        key = self.digest + ":" + ",".join(sorted(set(codes)))
        return hashlib.sha256(key.encode("ascii")).hexdigest()[:32]


def parse_areas(data: bytes) -> CountryAreas:
    """Index the data file's bytes; raises ValueError/KeyError/TypeError when it is not what the build writes."""
    collection = orjson.loads(data)
    if collection["type"] != "FeatureCollection":
        raise ValueError("not a FeatureCollection")
    features: dict[str, bytes] = {}
    for feature in collection["features"]:
        code = feature["id"]
        if not (isinstance(code, str) and is_country_code(code) and code.isupper()) or code in features:
            raise ValueError(f"feature id {code!r} is not a distinct upper-case alpha-2 code")
        if feature["geometry"]["type"] not in _POLYGONAL:
            raise ValueError(f"feature {code} is not polygonal")
        features[code] = orjson.dumps(feature)
    return CountryAreas(features, hashlib.sha256(data).hexdigest())


def read_areas(path: Path) -> CountryAreas:
    """Read and index one data file, without caching."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise GazetteerError(f"country areas file cannot be read: {path}: {exc}") from exc
    try:
        areas = parse_areas(data)
    except (ValueError, KeyError, TypeError) as exc:  # orjson.JSONDecodeError is a ValueError
        raise GazetteerError(f"country areas file is corrupt: {path}: {exc}") from exc
    log.info("country areas %s: %d features", path, len(areas))
    return areas


_LOADED: dict[Path, CountryAreas] = {}
_LOCK = threading.Lock()


def load_areas(path: Path | None = None) -> CountryAreas:
    """The areas at `path` (default: the bundled gazetteer/countries.geojson), read once per process per path."""
    target = (Path(path) if path else gazetteer_dir() / DATA_FILE).resolve()
    with _LOCK:
        areas = _LOADED.get(target)
        if areas is None:
            areas = _LOADED[target] = read_areas(target)
    return areas


def is_country_code(code: str) -> bool:
    """Whether `code` has the shape of an ISO 3166-1 alpha-2 code: two ASCII letters, either case."""
    return len(code) == 2 and code.isascii() and code.isalpha()


def parse_country_codes(values: Sequence[str]) -> tuple[str, ...]:
    """The `countries` parameter's values as distinct upper-case codes, in the order given; FilterError if malformed.

    Like `type`: comma-separated, and a repeated parameter adds its codes. No codes at all is no error."""
    codes: dict[str, None] = {}
    for item in multi_values({PARAMETER: values}, PARAMETER):
        if not is_country_code(item):
            raise FilterError(f"parameter '{PARAMETER}' takes ISO 3166-1 alpha-2 codes (two letters), "
                              f"got {item[:40]!r}")
        codes[item.upper()] = None
        if len(codes) > MAX_CODES:
            raise FilterError(f"parameter '{PARAMETER}' takes at most {MAX_CODES} codes")
    return tuple(codes)
