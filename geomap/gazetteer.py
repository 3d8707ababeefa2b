"""The bundled gazetteer: load the prebuilt index once, normalise names, look them up.

The data file (``gazetteer/gazetteer.bin``) is built by ``scripts/build_gazetteer.py`` (by
``scripts/setup.sh`` when missing), which uses the same ``normalise``/``fold`` functions as the
lookup, so both sides agree. Layout (documented in ``gazetteer/BUILD.md``): one header line
``GEOMAP-GAZETTEER<TAB>format<TAB>{json meta}``, then three sections whose byte lengths the meta
gives: row offsets (uint32 little-endian), entry rows (UTF-8 TSV), and a marisa-trie mapping each
tagged name key to its entry codes in rank order. Rows stay bytes until asked for and the trie is
searched in place, so loading 235,000 places costs a file read, not a parse.
"""

from __future__ import annotations

import array
import logging
import re
import sys
import threading
import unicodedata
import zlib
from dataclasses import dataclass, replace
from pathlib import Path

import marisa_trie
import orjson

from geomap.config import gazetteer_dir
from geomap.errors import GazetteerError
from geomap.lexicon import ARABIC_ARTICLE_FORMS, DIRECTION_PREFIXES, PLACE_DESIGNATORS, REGION_DESIGNATORS

log = logging.getLogger(__name__)

DATA_FILE = "gazetteer.bin"
MAGIC = "GEOMAP-GAZETTEER"
FORMAT = 4
# Index tags: a trie key is one tag character plus a normalised name (or a ref).
INDEXES = {"exact": "=", "bare": "-", "fold": "~", "ref": "#"}
NAME_SEP = "\x1f"  # between names inside one TSV cell
POINT_SEP = ";"  # between "lat,lon" points of a shape cell

# Flags stored per entry.
CAPITAL = 1
ADMIN_SEAT = 2
HISTORIC = 4  # a former state (DDR, Sowjetunion): country holds its successor's code
MINOR = 8  # a small settlement (< 15,000) outside the core countries: hidden unless asked for (load_gazetteer)

_ARTICLES = "|".join(sorted(ARABIC_ARTICLE_FORMS, key=lambda f: (-len(f), f)))
_INNER_FORMS = "|".join(sorted({f[1:] for f in ARABIC_ARTICLE_FORMS if f[0] in "ae"}, key=lambda f: (-len(f), f)))
_APOSTROPHES = re.compile(r"[\u2018\u2019\u02bb\u02bc\u02be\u02bf\u00b4`\u2032]")
_DASHES = re.compile(r"[\u2010-\u2015\u2212]")
_SPACES = re.compile(r"\s+")
_LEADING_ARTICLE = re.compile(rf"^(?:{_ARTICLES})[-\s']+(?=\w{{3}})")
_INNER_ARTICLE = re.compile(rf"(?<=[\s-])[ae](?:{_INNER_FORMS})[-\s']+(?=\w)")
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
_DIRECTION = re.compile(rf"^({'|'.join(DIRECTION_PREFIXES)})(-?)(.{{3,}})$")
REGION_KINDS = frozenset({"admin_region", "region"})
SETTLEMENT_KINDS = frozenset({"city", "town", "village", "neighbourhood", "landmark"})
_PLURAL_KINDS = frozenset({"country", "admin_region", "region", "island", "water"})
# island: a whole island (Lesbos, Sylt); water: sea, lake or river; region: also mountain ranges (Alpen, Harz)
_PRECISION = {"country": 3, "continent": 3, "admin_region": 2, "region": 2, "water": 2, "island": 2}


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
    text = _INNER_ARTICLE.sub("a ", text)  # "Deir al-Balah" / "Deir el-Balah": one inner article
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
    historic: bool = False  # a former state; ``country`` is its successor's code
    points: tuple[tuple[float, float], ...] = ()  # (lat, lon) along a river's course, upstream first

    @property
    def geo_precision(self) -> int:
        return geo_precision(self.kind)


class Gazetteer:
    """Entries plus name indexes (exact, article-stripped, folded) in one trie keyed by normalised strings."""

    def __init__(self, meta: dict, offsets: array.array, rows: bytes, trie: marisa_trie.BytesTrie,
                 source: str = "<memory>", include_minor: bool = True) -> None:
        self.source = source
        # Small settlements outside the core countries (MINOR) multiply false hits of common words and names
        # ("Hilton"); include_minor=False leaves them out of lookups.
        self.include_minor = include_minor
        self.meta = meta
        # Rows stay bytes until asked for: loading must stay well under a second.
        self._offsets = offsets
        self._rows = rows
        self._trie = trie
        self._parsed: dict[int, tuple] = {}
        self.max_name_tokens: int = int(self.meta.get("max_name_tokens", 6))
        self._countries: dict[str, int] = self.meta.get("countries", {})
        self._extents: dict[str, list[float]] = self.meta.get("extents", {})
        self._cache: dict[str, tuple[Candidate, ...]] = {}

    def __len__(self) -> int:
        return len(self._offsets) - 1

    def _cells(self, idx: int) -> list[str]:
        return self._rows[self._offsets[idx]:self._offsets[idx + 1]].decode("utf-8").split("\t")

    def _row(self, idx: int) -> tuple:
        row = self._parsed.get(idx)
        if row is None:
            c = self._cells(idx)
            flags = int(c[8])
            points = tuple(tuple(map(float, p.split(","))) for p in c[11].split(POINT_SEP)) if c[11] else ()
            row = ((c[0], c[1], c[2] or None, float(c[3]), float(c[4]), c[5] or None, c[6], int(c[7]),
                    bool(flags & CAPITAL), bool(flags & ADMIN_SEAT)), bool(flags & HISTORIC), points,
                   bool(flags & MINOR))
            self._parsed[idx] = row
        return row

    def candidate(self, idx: int, german: bool = False, match: str = "exact") -> Candidate:
        """The entry at an index as a Candidate."""
        fields, historic, points, _minor = self._row(idx)
        return Candidate(*fields, german, match, historic, points)

    def _codes(self, tag: str, key: str) -> array.array | None:
        found = self._trie.get(INDEXES[tag] + key)
        if not found:
            return None
        codes = array.array("I")
        codes.frombytes(found[0])
        if sys.byteorder != "little":
            codes.byteswap()
        return codes

    def names(self, ref: str) -> dict[str, list[str]]:
        """All names of an entry by language tag ("de", "other"); empty when the ref is unknown."""
        codes = self._codes("ref", ref)
        if not codes:
            return {}
        cols = self._cells(codes[0] >> 1)
        return {"de": [n for n in cols[9].split(NAME_SEP) if n], "other": [n for n in cols[10].split(NAME_SEP) if n]}

    def country(self, iso2: str) -> Candidate | None:
        """The (current) country entry for an ISO 3166 alpha-2 code, or None."""
        idx = self._countries.get(iso2.upper())
        return None if idx is None else self.candidate(idx, german=False, match="exact")

    def has_key(self, text: str) -> bool:
        """Whether ``lookup(text)`` would find anything (cheap, cached)."""
        return bool(self._lookup_cached(text))

    def lookup(self, name: str) -> list[Candidate]:
        """Every entry the name may denote, best-ranked first, from the best-matching tier only (exact before fold).

        Rank (set at build time): current countries and continents, then regions, then places by population,
        with a German name, a capital or an admin seat counting extra (``Frankfurt``: am Main before Oder)."""
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
        tiers: list[tuple[str, str, str]] = [(key, "exact", "exact")]
        bare = strip_article(key)
        tiers += [(bare, "article", "exact"), (key, "article", "bare"), (bare, "article", "bare")]
        for suffix in ("s", "es", "n"):  # Syriens, Irakes, (den) Niederlanden
            base = key[: -len(suffix)]
            if key.endswith(suffix) and len(base) >= 3 and (suffix != "n" or base.endswith("e")):
                how = "genitive" if suffix != "n" else "dative"
                tiers += [(base, how, "exact"), (strip_article(base), how, "exact")]
        for probe, how, index in tiers:
            codes = self._codes(index, probe)
            found = self._candidates(codes, how) if codes else []
            if how == "dative":  # only plural names take it: (den) Niederlanden, not Böhmen -> Böhme
                found = [c for c in found if c.kind in _PLURAL_KINDS]
            if found:
                return [replace(c, match="genitive") if how == "dative" else c for c in found]
        folded = fold(key)
        if len(folded) >= 4:
            codes = self._codes("fold", folded)
            if not codes and key.endswith("s") and len(folded) > 4:
                codes = self._codes("fold", fold(key[:-1]))
            if codes:
                return self._candidates(codes, "fold")
        return []

    def _candidates(self, codes: array.array, how: str) -> list[Candidate]:
        return [self.candidate(code >> 1, bool(code & 1), how) for code in codes
                if self.include_minor or not self._row(code >> 1)[3]]

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
        """10th-90th percentile latitude and longitude of a country's settlements (computed at build time)."""
        extent = self._extents.get(country)
        return None if not extent else ((extent[0], extent[1]), (extent[2], extent[3]))


_LOADED: dict[tuple[Path, bool], Gazetteer] = {}
_LOCK = threading.Lock()


def resolve_path(path: Path | str | None = None) -> Path:
    """The data file for a path that may be None (bundled), a folder, or the file itself."""
    target = Path(path) if path else gazetteer_dir()
    return target / DATA_FILE if target.is_dir() else target


def parse_gazetteer(data: bytes, source: str = "<memory>") -> Gazetteer:
    """Index the bytes of a gazetteer file; raises ValueError/KeyError/IndexError when it is malformed."""
    end = data.index(b"\n")
    magic, version, header = data[:end].decode("utf-8").split("\t", 2)
    if magic != MAGIC or int(version) != FORMAT:
        raise ValueError(f"not a geomap gazetteer of format {FORMAT}")
    meta = orjson.loads(header)
    sizes = meta["sections"]
    if len(data) != end + 1 + sizes["offsets"] + sizes["rows"] + sizes["trie"]:
        raise ValueError("truncated or padded: size does not match the header")
    pos = end + 1
    offsets = array.array("I")
    offsets.frombytes(data[pos:pos + sizes["offsets"]])
    if sys.byteorder != "little":
        offsets.byteswap()
    pos += sizes["offsets"]
    rows = data[pos:pos + sizes["rows"]]
    pos += sizes["rows"]
    trie_bytes = data[pos:]
    # a damaged trie could crash the native decoder: check it before handing it over
    if zlib.crc32(trie_bytes) != meta["trie_crc32"] or len(offsets) != meta["counts"]["entries"] + 1:
        raise ValueError("checksum mismatch")
    return Gazetteer(meta, offsets, rows, marisa_trie.BytesTrie().frombytes(trie_bytes), source)


def read_gazetteer(path: Path) -> Gazetteer:
    """Read and index one gazetteer file, without caching."""
    try:
        data = path.read_bytes()
    except FileNotFoundError as exc:
        raise GazetteerError(f"gazetteer file not found: {path} (build it: bash scripts/setup.sh, "
                             "or python scripts/build_gazetteer.py)") from exc
    except OSError as exc:
        raise GazetteerError(f"gazetteer file cannot be read: {path}: {exc}") from exc
    try:
        gaz = parse_gazetteer(data, source=str(path))
    except (ValueError, KeyError, IndexError, TypeError, UnicodeDecodeError, orjson.JSONDecodeError) as exc:
        raise GazetteerError(f"gazetteer file is corrupt: {path}: {exc}") from exc
    log.info("gazetteer %s: %d entries", path, len(gaz))
    return gaz


def load_gazetteer(path: Path | None = None, include_minor: bool = True) -> Gazetteer:
    """The gazetteer at ``path`` (default: the bundled one), loaded once per process per path.

    ``include_minor=False``: without small settlements outside the core countries (a view on the same data)."""
    target = resolve_path(path).resolve()
    with _LOCK:
        gaz = _LOADED.get((target, include_minor))
        if gaz is None:
            base = _LOADED.get((target, not include_minor)) or read_gazetteer(target)
            gaz = Gazetteer(base.meta, base._offsets, base._rows, base._trie, base.source, include_minor)
            _LOADED[(target, include_minor)] = gaz
    return gaz
