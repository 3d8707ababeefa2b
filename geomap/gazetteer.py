"""The bundled gazetteer: load the prebuilt index once, normalise names, look them up.

The data file (``gazetteer/gazetteer.tsv``) is built by ``scripts/build_gazetteer.py``,
which uses the same ``normalise``/``fold`` functions as the lookup, so both sides agree.
It is plain UTF-8 lines (a JSON header, entry rows, then each index as a block of keys and
a block of codes), uncompressed: decompressing cost more than half the load-time budget.
"""

from __future__ import annotations

import logging
import re
import threading
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import orjson

from geomap.config import gazetteer_dir
from geomap.errors import GazetteerError

log = logging.getLogger(__name__)

DATA_FILE = "gazetteer.tsv"
MAGIC = "GEOMAP-GAZETTEER"
FORMAT = 3
INDEXES = ("exact", "bare", "fold")
NAME_SEP = "\x1f"  # between names inside one TSV cell

# Flags stored per entry.
CAPITAL = 1
ADMIN_SEAT = 2

_APOSTROPHES = re.compile(r"[\u2018\u2019\u02bb\u02bc\u02be\u02bf\u00b4`\u2032]")
_DASHES = re.compile(r"[\u2010-\u2015\u2212]")
_SPACES = re.compile(r"\s+")
_LEADING_ARTICLE = re.compile(r"^(?:al|el|ar|as|ad|an|at|az|ash|asch|esch|es|ez|et|ed|en|er|ath|ech)[-\s']+(?=\w{3})")
_INNER_ARTICLE = re.compile(r"(?<=[\s-])([ae])(?:l|r|s|d|n|t|z|sh|sch|th|dh)[-\s']+(?=\w)")
_FOLD_RULES = (
    ("dsch", "j"), ("tsch", "ch"), ("sch", "sh"), ("dj", "j"), ("kh", "ch"), ("ph", "f"),
    ("ou", "u"), ("ck", "k"), ("q", "k"), ("w", "v"), ("y", "i"), ("z", "s"), ("dh", "d"),
)
_C_NOT_H = re.compile(r"c(?!h)")
_FINAL_H = re.compile(r"(?<=[aeiou])h\b")
_NON_ALNUM = re.compile(r"[\W_]+")
_DOUBLES = re.compile(r"(.)\1+")

DIRECTIONS = {
    "nordost": "North-eastern", "nordwest": "North-western", "südost": "South-eastern",
    "südwest": "South-western", "nord": "Northern", "süd": "Southern", "ost": "Eastern",
    "west": "Western", "zentral": "Central", "mittel": "Central",
}
DIRECTION_VECTORS = {
    "nordost": (0.7, 0.7), "nordwest": (0.7, -0.7), "südost": (-0.7, 0.7), "südwest": (-0.7, -0.7),
    "nord": (1.0, 0.0), "süd": (-1.0, 0.0), "ost": (0.0, 1.0), "west": (0.0, -1.0), "zentral": (0.0, 0.0),
    "mittel": (0.0, 0.0),
}
_DIRECTION = re.compile(r"^(nordost|nordwest|südost|südwest|nord|süd|ost|west|zentral|mittel)(-?)(.{3,})$")
# Words that say what kind of place follows; context, not part of the name.
REGION_DESIGNATORS = frozenset(
    "provinz region gouvernement gouvernorat bezirk distrikt kanton bundesstaat bundesland "
    "oblast departement präfektur landkreis kreis emirat".split()
)
PLACE_DESIGNATORS = frozenset("stadt hauptstadt grenzübergang grenzort ort dorf ortschaft gemeinde metropole".split())
REGION_KINDS = frozenset({"admin_region", "region"})
SETTLEMENT_KINDS = frozenset({"city", "town", "village", "neighbourhood", "landmark"})
_PRECISION = {"country": 3, "continent": 3, "admin_region": 2, "region": 2, "water": 2}


def normalise(name: str) -> str:
    """Exact-match key: NFC, casefolded, one kind of apostrophe/dash/space, no trailing punctuation."""
    text = unicodedata.normalize("NFC", name)
    text = _APOSTROPHES.sub("'", _DASHES.sub("-", text))
    text = _SPACES.sub(" ", text).strip(" .,;:!?\"'()[]").casefold()
    return text.replace(" - ", "-")


def strip_article(key: str) -> str:
    """A normalised key without a leading Arabic article (al-/el-/ar-/asch- ...)."""
    return _LEADING_ARTICLE.sub("", key)


def fold(key: str) -> str:
    """German/English transliteration fold of a normalised key; keeps every vowel."""
    text = strip_article(key)
    text = _INNER_ARTICLE.sub(lambda m: m.group(1) + " ", text)
    text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    text = text.replace("'", "").replace("ß", "ss")
    for old, new in _FOLD_RULES[:7]:
        text = text.replace(old, new)
    text = _C_NOT_H.sub("k", text)
    for old, new in _FOLD_RULES[7:]:
        text = text.replace(old, new)
    text = _FINAL_H.sub("", text)
    return _DOUBLES.sub(r"\1", _NON_ALNUM.sub("", text))


def geo_precision(kind: str) -> int:
    """ACLED-like precision of a feature kind: 1 point, 2 region, 3 country/continent."""
    return _PRECISION.get(kind, 1)


@dataclass(frozen=True)
class Candidate:
    """One gazetteer entry that a looked-up name may denote, and how the name matched."""

    ref: str
    name: str
    name_de: str | None
    lat: float
    lon: float
    country: str | None
    kind: str
    population: int
    is_capital: bool
    is_admin_seat: bool
    german: bool = False
    match: str = "exact"

    @property
    def geo_precision(self) -> int:
        return geo_precision(self.kind)


class Gazetteer:
    """Entries plus three name indexes (exact, article-stripped, folded), all keyed by normalised strings."""

    def __init__(self, meta: dict, rows: list[str], indexes: dict[str, dict[str, str]], source: str = "<memory>") -> None:
        self.source = source
        self.meta = meta
        # Rows stay unparsed TSV until asked for: loading must stay well under a second.
        self._rows = rows
        self._parsed: dict[int, tuple] = {}
        self._exact, self._bare, self._fold = (indexes[name] for name in INDEXES)
        self.max_name_tokens: int = int(self.meta.get("max_name_tokens", 6))
        self._countries: dict[str, int] = self.meta.get("countries", {})
        self._refs: dict[str, int] | None = None
        self._cache: dict[str, tuple[Candidate, ...]] = {}
        self._extents: dict[str, tuple[tuple[float, float], tuple[float, float]] | None] = {}

    def __len__(self) -> int:
        return len(self._rows)

    def _row(self, idx: int) -> tuple:
        row = self._parsed.get(idx)
        if row is None:
            c = self._rows[idx].split("\t")
            row = (c[0], c[1], c[2] or None, float(c[3]), float(c[4]), c[5] or None, c[6], int(c[7]),
                   bool(int(c[8]) & CAPITAL), bool(int(c[8]) & ADMIN_SEAT))
            self._parsed[idx] = row
        return row

    def candidate(self, idx: int, german: bool = False, match: str = "exact") -> Candidate:
        """The entry at an index as a Candidate."""
        return Candidate(*self._row(idx), german, match)

    def names(self, ref: str) -> dict[str, list[str]]:
        """All names of an entry by language tag ("de", "other"); empty when the ref is unknown."""
        if self._refs is None:
            self._refs = {row.split("\t", 1)[0]: i for i, row in enumerate(self._rows)}
        idx = self._refs.get(ref)
        if idx is None:
            return {}
        cols = self._rows[idx].split("\t")
        return {"de": [n for n in cols[9].split(NAME_SEP) if n], "other": [n for n in cols[10].split(NAME_SEP) if n]}

    def country(self, iso2: str) -> Candidate | None:
        """The country entry for an ISO 3166 alpha-2 code, or None."""
        idx = self._countries.get(iso2.upper())
        return None if idx is None else self.candidate(idx, german=False, match="exact")

    def has_key(self, text: str) -> bool:
        """Whether ``lookup(text)`` would find anything (cheap, cached)."""
        return bool(self._lookup_cached(text))

    def lookup(self, name: str) -> list[Candidate]:
        """Every entry the name may denote, from the best-matching tier only (exact before fold)."""
        return list(self._lookup_cached(name))

    def _lookup_cached(self, name: str) -> tuple[Candidate, ...]:
        hit = self._cache.get(name)
        if hit is None:
            hit = tuple(self._lookup(name))
            if len(self._cache) > 200_000:
                self._cache.clear()
            self._cache[name] = hit
        return hit

    def _lookup(self, name: str) -> list[Candidate]:
        key = normalise(name)
        if len(key) < 2:
            return []
        found = self._match(key)
        if found:
            return found
        words = key.split(" ")
        if len(words) > 1 and words[0] in REGION_DESIGNATORS | PLACE_DESIGNATORS:
            wanted = REGION_KINDS if words[0] in REGION_DESIGNATORS else SETTLEMENT_KINDS
            rest = self._match(" ".join(words[1:])) or self._direction(" ".join(words[1:]))
            preferred = [c for c in rest if c.kind in wanted]
            return preferred or rest
        return self._direction(key)

    def _match(self, key: str) -> list[Candidate]:
        """Exact, article, genitive, then folded matches of a normalised key."""
        tiers: list[tuple[str, str, dict[str, str]]] = [(key, "exact", self._exact)]
        bare = strip_article(key)
        tiers += [(bare, "article", self._exact), (key, "article", self._bare), (bare, "article", self._bare)]
        for suffix in ("s", "es", "n"):  # Syriens, Irakes, (den) Niederlanden
            base = key[: -len(suffix)]
            if key.endswith(suffix) and len(base) >= 3 and (suffix != "n" or base.endswith("e")):
                tiers += [(base, "genitive", self._exact), (strip_article(base), "genitive", self._exact)]
        for probe, how, index in tiers:
            codes = index.get(probe)
            if codes:
                return self._candidates(codes, how)
        folded = fold(key)
        if len(folded) >= 4:
            codes = self._fold.get(folded)
            if not codes and key.endswith("s") and len(folded) > 4:
                codes = self._fold.get(fold(key[:-1]))
            if codes:
                return self._candidates(codes, "fold")
        return []

    def _candidates(self, codes: str, how: str) -> list[Candidate]:
        out = []
        for code in map(int, codes.split(",")):
            out.append(self.candidate(code >> 1, bool(code & 1), how))
        return out

    def _direction(self, key: str) -> list[Candidate]:
        """"Nordsyrien", "Ost-Aleppo": a derived region of the base place."""
        m = _DIRECTION.match(key)
        if not m:
            return []
        direction, hyphen, rest = m.groups()
        allowed = {"country", "admin_region", "region", "continent"}
        if hyphen:
            allowed |= {"city", "town"}
        out = []
        for base in self._match(rest):
            if base.kind not in allowed:
                continue
            label = DIRECTIONS[direction]
            de = f"{direction.capitalize()}{hyphen}{base.name_de or base.name}"
            lat, lon = self._direction_point(base, direction)
            out.append(Candidate(f"derived:{direction}:{base.ref}", f"{label} {base.name}", de, lat, lon,
                                 base.country, "region", 0, False, False, base.german, "direction"))
        return out

    def _direction_point(self, base: Candidate, direction: str) -> tuple[float, float]:
        """A point in the named part of the base: for a country or region, part-way from the middle of
        its settlements towards that side; for a city, a few kilometres off its centre."""
        dlat, dlon = DIRECTION_VECTORS[direction]
        if base.kind in ("city", "town") or not base.country:
            return round(base.lat + dlat * 0.03, 4), round(base.lon + dlon * 0.04, 4)
        extent = self._extent(base.country) if base.kind == "country" else None
        if extent is None:
            return base.lat, base.lon
        (lat_lo, lat_hi), (lon_lo, lon_hi) = extent
        mid_lat, mid_lon = (lat_lo + lat_hi) / 2, (lon_lo + lon_hi) / 2
        return (round(mid_lat + dlat * (lat_hi - lat_lo) * 0.3, 4), round(mid_lon + dlon * (lon_hi - lon_lo) * 0.3, 4))

    def _extent(self, country: str) -> tuple[tuple[float, float], tuple[float, float]] | None:
        """10th-90th percentile latitude and longitude of a country's settlements (cached)."""
        if country in self._extents:
            return self._extents[country]
        lats, lons = [], []
        for row in self._rows:
            cols = row.split("\t", 8)
            if len(cols) > 7 and cols[5] == country and cols[6] in ("city", "town", "village"):
                lats.append(float(cols[3]))
                lons.append(float(cols[4]))
        extent = None
        if len(lats) >= 5:
            lats.sort()
            lons.sort()
            lo, hi = len(lats) // 10, len(lats) - 1 - len(lats) // 10
            extent = ((lats[lo], lats[hi]), (lons[lo], lons[hi]))
        self._extents[country] = extent
        return extent


_LOADED: dict[Path, Gazetteer] = {}
_LOCK = threading.Lock()


def resolve_path(path: Path | str | None = None) -> Path:
    """The data file for a path that may be None (bundled), a folder, or the file itself."""
    target = Path(path) if path else gazetteer_dir()
    return target / DATA_FILE if target.is_dir() else target


def parse_gazetteer(text: str, source: str = "<memory>") -> Gazetteer:
    """Index the text of a gazetteer file; raises ValueError/KeyError/IndexError when it is malformed."""
    lines = text.split("\n")
    magic, version, header = lines[0].split("\t", 2)
    meta = orjson.loads(header)
    if magic != MAGIC or int(version) != FORMAT:
        raise ValueError(f"not a geomap gazetteer of format {FORMAT}")
    counts = meta["counts"]
    if len(lines) != 1 + counts["entries"] + 2 * sum(counts[name] for name in INDEXES):
        raise ValueError("truncated or padded: line count does not match the header")
    pos = 1 + counts["entries"]
    rows = lines[1:pos]
    indexes = {}
    for name in INDEXES:
        n = counts[name]
        indexes[name] = dict(zip(lines[pos:pos + n], lines[pos + n:pos + 2 * n]))
        pos += 2 * n
    return Gazetteer(meta, rows, indexes, source)


def read_gazetteer(path: Path) -> Gazetteer:
    """Read and index one gazetteer file, without caching."""
    try:
        text = path.read_bytes().decode("utf-8")
    except FileNotFoundError as exc:
        raise GazetteerError(f"gazetteer file not found: {path}") from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise GazetteerError(f"gazetteer file cannot be read: {path}: {exc}") from exc
    try:
        gaz = parse_gazetteer(text, source=str(path))
    except (ValueError, KeyError, IndexError, TypeError) as exc:
        raise GazetteerError(f"gazetteer file is corrupt: {path}: {exc}") from exc
    log.info("gazetteer %s: %d entries", path, len(gaz))
    return gaz


def load_gazetteer(path: Path | None = None) -> Gazetteer:
    """The gazetteer at ``path`` (default: the bundled one), loaded once per process per path."""
    target = resolve_path(path).resolve()
    with _LOCK:
        gaz = _LOADED.get(target)
        if gaz is None:
            gaz = _LOADED[target] = read_gazetteer(target)
    return gaz
