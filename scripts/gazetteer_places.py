"""Packaged places for the gazetteer: GeoNames cities500, countries (current, alternative and historic names),
continents, first-level regions, and CLDR's German city names."""

from __future__ import annotations

import logging
import re
import statistics
import unicodedata
from collections import defaultdict
from functools import lru_cache
from pathlib import Path

from gazetteer_index import Builder
from gazetteer_inputs import load_json

from geomap.gazetteer import ADMIN_SEAT, CAPITAL, HISTORIC, MINOR

log = logging.getLogger("build_gazetteer")

# Countries whose every cities500 place is looked up by default; elsewhere settlements under MINOR_POPULATION
# carry the MINOR flag (looked up only with include_minor): German-language news, and the Syria/Iraq coverage.
CORE_COUNTRIES = frozenset({"DE", "AT", "CH", "LI", "SY", "IQ", "TR", "LB", "JO"})
MINOR_POPULATION = 15_000
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


@lru_cache(maxsize=None)
def common_german_word(name: str) -> bool:
    """A very frequent German word ("Von", "Ende", "Lage"): as someone else's alternate name it only adds noise."""
    from wordfreq import zipf_frequency

    if not name.isalpha():
        return False  # wordfreq scores "New York" by its words
    return zipf_frequency(name.lower(), "de") >= COMMON_ZIPF


def short_form(name: str, primary: str) -> bool:
    """"Frankfurt" of "Frankfurt am Main" / "Frankfurt (Oder)": kept even though it is a frequent German word
    (only as the start of the place's own name: "Tell" of some "Tell ..." alternate is not At Tall's name)."""
    return primary.startswith((name + " ", name + " (", name + "/"))


def strip_admin_designator(name: str) -> str:
    """'Aleppo Governorate' / 'Provinz Idlib' -> the bare name."""
    return _ADMIN_AFFIX.sub("", name).strip()


def settlement_kind(fcode: str, population: int) -> str:
    if fcode == "PPLX":
        return "neighbourhood"
    if fcode == "PPLC" or population >= 100_000:
        return "city"
    return "town" if population >= 10_000 else "village"


def add_cities(b: Builder, c500: dict, c1000: dict[int, list[str]], de_names: dict[str, str]) -> None:
    """Every cities500 place with its filtered alternates; kinds from the cities1000 feature codes."""
    for gid, c in c500.items():
        fcode = c1000[int(gid)][7] if int(gid) in c1000 else ""
        flags = (CAPITAL if fcode == "PPLC" else 0) | (ADMIN_SEAT if fcode == "PPLA" else 0)
        if c["countrycode"] not in CORE_COUNTRIES and c["population"] < MINOR_POPULATION and not flags:
            flags |= MINOR
        ref = f"geonames:{gid}"
        entry = b.add(ref, c["name"], c["latitude"], c["longitude"], c["countrycode"],
                      settlement_kind(fcode, c["population"]), c["population"], flags, de_names.get(str(gid)))
        entry["tz"] = c["timezone"]  # build-time only: matches CLDR exemplar cities
        alternates = [n for n in c["alternatenames"] if keep_alternate(n)
                      and (not common_german_word(n) or short_form(n, c["name"]))]
        b.add_names(ref, alternates, german=False)


def add_babel_cities(b: Builder) -> int:
    """CLDR German exemplar-city names, matched to the GeoNames city of the same time zone."""
    from babel import Locale

    by_tz: dict[str, list[dict]] = defaultdict(list)
    for e in b.entries.values():
        if "tz" in e:
            by_tz[e["tz"]].append(e)
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


def add_countries(b: Builder, data_dir: Path, centroids: dict, de_mo: dict, i18n_de: dict,
                  cldr_de: dict[str, str]) -> dict[str, str]:
    """Countries with a central point (else their capital's) and German names (CLDR incl. its alternates,
    i18n-iso-countries, libgeonames); returns ISO2 -> ref."""
    from babel import Locale

    capitals = {(e["country"], e["name"]): (e["lat"], e["lon"]) for e in b.entries.values() if e["flags"] & CAPITAL}
    de_terr, en_terr = Locale("de").territories, Locale("en").territories
    refs = {}
    for iso, c in load_json(data_dir / "countries.json").items():
        point = centroids.get(iso) or capitals.get((iso, c.get("capital", "")))
        if point is None:
            log.warning("no point for %s, skipped", iso)
            continue
        name_de = de_terr.get(iso) or de_mo.get(iso)
        entry = b.add(f"geonames:{c['geonameid']}", c["name"], point[0], point[1], iso, "country",
                      c["population"], 0, name_de)
        refs[iso] = entry["ref"]
        german = [de_mo.get(iso, "")]
        i18n = i18n_de.get(iso, [])
        german += [i18n] if isinstance(i18n, str) else i18n
        german += [v for k, v in cldr_de.items() if k.split("-alt-")[0] == iso and v.upper() != v]
        b.add_names(entry["ref"], german, german=True)
        b.add_names(entry["ref"], [en_terr.get(iso, ""), c.get("iso3", "")], german=False)
    return refs


def add_country_aliases(b: Builder, rows: list[dict], country_refs: dict[str, str]) -> int:
    """Curated German country-name strings (Mazedonien, Birma): the code from PyPI countrynames, cross-checked
    against the row's code; countrynames is asked only about these strings, known to be country names."""
    import countrynames

    added = 0
    for row in rows:
        if row["type"] != "alias":
            continue
        code = countrynames.to_code(row["key"])
        if code and row["country"] and code != row["country"]:
            raise SystemExit(f"curated_countries.tsv: countrynames maps {row['key']} to {code}, row says {row['country']}")
        code = row["country"] or code
        if code not in country_refs:
            raise SystemExit(f"curated_countries.tsv: no country {code} for {row['key']}")
        b.add_names(country_refs[code], [row["key"], *filter(None, row["names_de"].split("|"))], german=True)
        added += 1
    return added


def add_historic_countries(b: Builder, rows: list[dict], country_refs: dict[str, str]) -> int:
    """Former states (ISO 3166-3, German names from pycountry): kind country, flag HISTORIC, the successor's
    country code, and a representative point (the row's, else the successor's)."""
    import gettext

    import pycountry

    de3 = gettext.translation("iso3166-3", pycountry.LOCALES_DIR, languages=["de"])
    added = 0
    for row in rows:
        if row["type"] != "historic":
            continue
        former = pycountry.historic_countries.get(alpha_3=row["key"])
        if former is None:
            raise SystemExit(f"curated_countries.tsv: {row['key']} is not an ISO 3166-3 code")
        successor = b.entries[country_refs[row["country"]]]
        lat = float(row["lat"]) if row["lat"] else successor["lat"]
        lon = float(row["lon"]) if row["lon"] else successor["lon"]
        official_de = de3.gettext(former.name)
        short = [part.strip() for part in official_de.split(",")]
        names = [n for n in row["names_de"].split("|") if n]
        ref = f"iso3166-3:{former.alpha_3}"
        b.add(ref, former.name.split(",")[0], lat, lon, row["country"], "country", 0, HISTORIC, names[0] if names else short[0])
        b.add_names(ref, names + short, german=True)
        b.add_names(ref, [part.strip() for part in former.name.split(",")], german=False)
        added += 1
    return added


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


def unmark_german_minor(b: Builder) -> None:
    """A small foreign place with a German name (libgeonames, CLDR, curated) is one German news names."""
    for e in b.entries.values():
        if e["de"]:
            e["flags"] &= ~MINOR
