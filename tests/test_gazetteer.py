"""Gazetteer loading, normalisation and lookup (offline, against the bundled data file)."""

from __future__ import annotations

import math
import sys
from pathlib import Path

import pytest

from geomap.errors import GazetteerError
from geomap.gazetteer import DATA_FILE, Candidate, Gazetteer, fold, load_gazetteer, normalise, read_gazetteer


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 12742 * math.asin(math.sqrt(a))


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return load_gazetteer()


def _near(cands: list[Candidate], lat: float, lon: float, km: float = 25) -> bool:
    return any(_km(c.lat, c.lon, lat, lon) <= km for c in cands)


def test_load_gazetteer_reads_bundled_file(gazetteer):
    assert len(gazetteer) > 234_000  # every GeoNames cities500 place, plus countries, regions and features
    assert 2 <= gazetteer.max_name_tokens <= 6


def test_load_gazetteer_is_cached_per_path(gazetteer):
    assert load_gazetteer() is gazetteer


def test_load_gazetteer_accepts_folder_and_file(gazetteer):
    source = Path(gazetteer.source)
    assert load_gazetteer(source) is gazetteer
    assert load_gazetteer(source.parent) is gazetteer


def test_load_gazetteer_missing_file_names_it(tmp_path):
    missing = tmp_path / "nope.tsv"
    with pytest.raises(GazetteerError, match="nope.tsv"):
        load_gazetteer(missing)


def test_read_gazetteer_corrupt_file_raises(tmp_path):
    bad = tmp_path / DATA_FILE
    bad.write_bytes(b"\x1f\x8b garbage \xff\xfe")
    with pytest.raises(GazetteerError, match=DATA_FILE):
        read_gazetteer(bad)


def test_read_gazetteer_truncated_file_raises(gazetteer, tmp_path):
    data = Path(gazetteer.source).read_bytes()
    cut = tmp_path / DATA_FILE
    cut.write_bytes(data[: len(data) // 2])
    with pytest.raises(GazetteerError, match="corrupt"):
        read_gazetteer(cut)


def test_read_gazetteer_damaged_index_raises(gazetteer, tmp_path):
    data = bytearray(Path(gazetteer.source).read_bytes())
    data[-100] ^= 0xFF  # inside the trie: the checksum must catch it before the native decoder sees it
    bad = tmp_path / DATA_FILE
    bad.write_bytes(bytes(data))
    with pytest.raises(GazetteerError, match="checksum"):
        read_gazetteer(bad)


def test_read_gazetteer_wrong_header_raises(tmp_path):
    other = tmp_path / DATA_FILE
    other.write_text("name\tlat\tlon\nParis\t48.8\t2.3\n", encoding="utf-8")
    with pytest.raises(GazetteerError):
        read_gazetteer(other)


@pytest.mark.parametrize(
    ("name", "lat", "lon"),
    [
        ("Aleppo", 36.2028, 37.1586), ("Ost-Aleppo", 36.205, 37.19), ("Palmyra", 34.5603, 38.2673),
        ("Rakka", 35.9528, 39.0079), ("Raka", 35.9528, 39.0079), ("al-Rakka", 35.9528, 39.0079),
        ("Manbidsch", 36.5281, 37.9547), ("Deir Essor", 35.3359, 40.1408), ("Paris", 48.8566, 2.3522),
        ("Genf", 46.2044, 6.1432), ("Moskau", 55.7558, 37.6173), ("Mossul", 36.34, 43.13),
        ("Damaskus", 33.5131, 36.2919), ("Washington", 38.9072, -77.0369), ("Brüssel", 50.8503, 4.3517),
        ("Zürich", 47.3769, 8.5417), ("Atme", 36.3111, 36.6864), ("Bustan al-Bascha", 36.2267, 37.1676),
        ("New York", 40.7128, -74.006), ("London", 51.5074, -0.1278), ("Berlin", 52.52, 13.405),
        ("Kreml", 55.752, 37.6175), ("Bahrain", 26.0275, 50.55),
    ],
)
def test_lookup_finds_must_resolve_places(gazetteer, name, lat, lon):
    assert _near(gazetteer.lookup(name), lat, lon)


@pytest.mark.parametrize(
    ("name", "iso2"),
    [("Syrien", "SY"), ("Russland", "RU"), ("USA", "US"), ("Frankreich", "FR"), ("Deutschland", "DE"),
     ("Großbritannien", "GB"), ("Italien", "IT"), ("Australien", "AU"), ("Niederlande", "NL"),
     ("Türkei", "TR"), ("Saudi-Arabien", "SA"), ("Irak", "IQ"), ("Bahrain", "BH")],
)
def test_lookup_finds_german_country_names(gazetteer, name, iso2):
    countries = [c for c in gazetteer.lookup(name) if c.kind == "country"]
    assert [c.country for c in countries] == [iso2]
    assert countries[0].german


@pytest.mark.parametrize(
    ("name", "base"),
    [("Syriens", "Syrien"), ("Aleppos", "Aleppo"), ("Russlands", "Russland"), ("Berlins", "Berlin"),
     ("Frankreichs", "Frankreich"), ("Moskaus", "Moskau"), ("Niederlanden", "Niederlande")],
)
def test_lookup_strips_genitive(gazetteer, name, base):
    found = gazetteer.lookup(name)
    assert found and {c.ref for c in found} == {c.ref for c in gazetteer.lookup(base)}
    assert all(c.match == "genitive" for c in found)


@pytest.mark.parametrize("name", ["Paris", "Damaskus", "Moskau"])
def test_lookup_keeps_names_ending_in_s(gazetteer, name):
    assert all(c.match == "exact" for c in gazetteer.lookup(name))


@pytest.mark.parametrize("name", ["Al-Rakka", "al-Rakka", "ar-Rakka", "Rakka", "el-Rakka", "AL-RAKKA"])
def test_lookup_handles_arabic_article(gazetteer, name):
    assert any(c.ref == "geonames:172955" for c in gazetteer.lookup(name))


@pytest.mark.parametrize("name", ["Deir Essor", "Deir-es-Sor", "Deir ez-Zor", "Deir as-Saur"])
def test_lookup_folds_transliterations(gazetteer, name):
    assert any(c.ref == "geonames:170794" for c in gazetteer.lookup(name))


def test_fold_unifies_german_and_english_spellings():
    assert fold(normalise("Dschisr asch-Schughur")) == fold(normalise("Jisr ash Shughūr"))
    assert fold(normalise("Chan Tuman")) == fold(normalise("Khan Tuman"))
    assert fold(normalise("Zürich")) == fold(normalise("Zurich"))
    assert fold(normalise("Mossul")) == fold(normalise("Mosul"))


def test_fold_keeps_vowels():
    assert fold("homs") != fold("hama")
    assert fold("homs") != fold("mosul")
    assert set(fold(normalise("Deir Essor"))) >= {"e", "i", "o"}


def test_lookup_homs_is_not_mosul(gazetteer):
    assert all(c.country != "IQ" for c in gazetteer.lookup("Homs"))


@pytest.mark.parametrize(("name", "iso2"), [("Nordsyrien", "SY"), ("Südtürkei", "TR"), ("Nordirak", "IQ")])
def test_lookup_derives_direction_regions(gazetteer, name, iso2):
    found = gazetteer.lookup(name)
    assert found and found[0].kind == "region" and found[0].country == iso2
    assert found[0].match == "direction" and found[0].geo_precision == 2


def test_lookup_prefers_curated_direction_entries(gazetteer):
    assert [c.ref for c in gazetteer.lookup("Ost-Aleppo")] == ["curated:east-aleppo"]
    assert [c.ref for c in gazetteer.lookup("Ost-Ghuta")] == ["curated:eastern-ghouta"]
    assert gazetteer.lookup("Westjordanland")[0].match == "exact"


def test_lookup_designator_prefers_region(gazetteer):
    found = gazetteer.lookup("Provinz Idlib")
    assert found and all(c.kind == "admin_region" and c.country == "SY" for c in found)


def test_lookup_unknown_returns_empty(gazetteer):
    assert gazetteer.lookup("Gesprächsrunde") == []
    assert gazetteer.lookup("") == []
    assert not gazetteer.has_key("Gesprächsrunde")
    assert gazetteer.has_key("Aleppo")


def test_lookup_tags_german_names(gazetteer):
    assert any(c.german for c in gazetteer.lookup("Genf"))
    assert not any(c.german for c in gazetteer.lookup("Geneva"))


def test_country_returns_country_entry(gazetteer):
    syria = gazetteer.country("sy")
    assert syria is not None and syria.kind == "country" and syria.name_de == "Syrien"
    assert gazetteer.country("ZZ") is None


def test_candidate_carries_importance_flags(gazetteer):
    paris = next(c for c in gazetteer.lookup("Paris") if c.country == "FR")
    assert paris.is_capital and paris.kind == "city" and paris.population > 1_000_000
    aleppo = next(c for c in gazetteer.lookup("Aleppo") if c.kind == "city")
    assert aleppo.is_admin_seat and not aleppo.is_capital


def test_names_are_language_tagged(gazetteer):
    names = gazetteer.names("geonames:170063")
    assert "Aleppo" in names["de"] + names["other"]
    assert all(n.isascii() or n[0].isupper() for n in names["other"])
    assert gazetteer.names("geonames:0") == {}


# --- the world's news (issue 10): every cities500 place, alternate names, country names old and new ----------

@pytest.mark.parametrize(
    ("name", "iso2", "kind"),
    [("Düsseldorf", "DE", "city"), ("Omdurman", "SD", "city"), ("asch-Schaddadi", "SY", None),
     ("Zermatt", "CH", None), ("Lostallo", "CH", None), ("Altenahr", "DE", None), ("Lampedusa", "IT", None),
     ("Deir al-Balah", "PS", None), ("Deir el-Balah", "PS", None), ("Regensburg", "DE", "city"),
     ("Passau", "DE", None), ("Mazedonien", "MK", "country"), ("Birma", "MM", "country"),
     ("Weißrussland", "BY", "country"), ("Swasiland", "SZ", "country"), ("Elfenbeinküste", "CI", "country"),
     ("Holland", "NL", "country"), ("England", "GB", "admin_region"), ("Schottland", "GB", "admin_region")],
)
def test_lookup_finds_news_places_first(gazetteer, name, iso2, kind):
    found = gazetteer.lookup(name)
    assert found, name
    assert found[0].country == iso2
    assert kind is None or found[0].kind == kind


def test_lookup_frankfurt_ranks_main_before_oder(gazetteer):
    found = gazetteer.lookup("Frankfurt")
    assert found[0].name == "Frankfurt am Main" and found[0].match == "exact"
    assert any(c.name == "Frankfurt (Oder)" for c in found)


def test_lookup_ranks_home_namesake_before_bigger_foreign_one(gazetteer):
    assert gazetteer.lookup("Werder")[0].country == "DE"


@pytest.mark.parametrize(
    ("name", "successor"),
    [("DDR", "DE"), ("Sowjetunion", "RU"), ("UdSSR", "RU"), ("Jugoslawien", "RS"), ("Tschechoslowakei", "CZ"),
     ("Zaire", "CD")],
)
def test_lookup_finds_historic_states_with_successor(gazetteer, name, successor):
    found = gazetteer.lookup(name)
    assert found[0].historic and found[0].kind == "country" and found[0].country == successor
    assert found[0].german


def test_country_skips_historic_states(gazetteer):
    germany = gazetteer.country("DE")
    assert germany is not None and not germany.historic and germany.name_de == "Deutschland"


def test_candidate_carries_population_and_german_flag(gazetteer):
    duesseldorf = gazetteer.lookup("Düsseldorf")[0]
    assert duesseldorf.population > 500_000 and duesseldorf.german and duesseldorf.points == ()


# --- the writer (scripts/gazetteer_index.py) on a tiny table: round trip and rank order ----------------------

@pytest.fixture()
def tiny(tmp_path) -> Gazetteer:
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))
    try:
        from gazetteer_index import Builder
    finally:
        sys.path.pop(0)
    b = Builder()
    b.add("t:oder", "Frankfurt (Oder)", 52.34, 14.55, "DE", "town", 57_000)
    b.add("t:main", "Frankfurt am Main", 50.11, 8.68, "DE", "city", 650_000)
    b.add_names("t:oder", ["Frankfurt"], german=False)
    b.add_names("t:main", ["Frankfurt", "Francfort"], german=False)
    b.add("t:rhine", "Rhine", 50.0, 7.6, "DE", "water", name_de="Rhein")["points"] = [(47.6, 9.4), (51.8, 6.1)]
    path = tmp_path / DATA_FILE
    meta = b.write(path, inputs_sha="test")
    assert meta["counts"]["entries"] == 3 and meta["inputs_sha"] == "test"
    return read_gazetteer(path)


def test_writer_round_trip_keeps_fields(tiny):
    rhine = tiny.lookup("Rhein")[0]
    assert (rhine.name, rhine.name_de, rhine.kind, rhine.german) == ("Rhine", "Rhein", "water", True)
    assert rhine.points == ((47.6, 9.4), (51.8, 6.1))
    assert tiny.names("t:main") == {"de": [], "other": ["Frankfurt am Main", "Frankfurt", "Francfort"]}


def test_writer_orders_candidates_by_rank(tiny):
    assert [c.ref for c in tiny.lookup("Frankfurt")] == ["t:main", "t:oder"]


def test_lookup_can_leave_out_minor_foreign_places(gazetteer):
    assert any(c.country == "US" for c in gazetteer.lookup("Hilton"))
    core = load_gazetteer(include_minor=False)
    assert core.lookup("Hilton") == []  # a US village of 5,900
    assert load_gazetteer(include_minor=False) is core and len(core) == len(gazetteer)


def test_lookup_dative_plural_only_for_plural_names(gazetteer):
    assert gazetteer.lookup("Niederlanden")[0].country == "NL"
    assert all(c.name != "Böhme" for c in gazetteer.lookup("Böhmen"))


@pytest.mark.parametrize(
    ("name", "iso2", "kind"),
    [("Lesbos", "GR", "island"), ("Samos", "GR", "island"), ("Lampedusa", "IT", "island"),
     ("Sylt", "DE", "island"), ("Mallorca", "ES", "island"),
     ("Idomeni", "GR", "village"), ("Ahrtal", "DE", "region"), ("Darfur", "SD", "region"),
     ("Alpen", None, "region"), ("Harz", "DE", "region"), ("Schwarzwald", "DE", "region")],
)
def test_lookup_finds_islands_ranges_and_regions(gazetteer, name, iso2, kind):
    first = gazetteer.lookup(name)[0]
    assert (first.country, first.kind) == (iso2, kind)
    assert first.geo_precision == (1 if kind == "village" else 2)


# --- administrative regions, lakes and rivers ------------------------------------------------------------------

@pytest.mark.parametrize(
    ("name", "iso2"),
    [("Graubünden", "CH"), ("Kanton Graubünden", "CH"), ("Wallis", "CH"), ("Tessin", "CH"), ("Bayern", "DE"),
     ("Nordrhein-Westfalen", "DE"), ("Vorarlberg", "AT"), ("Tirol", "AT"), ("Schottland", "GB"), ("Tigray", "ET")],
)
def test_lookup_finds_first_level_regions_in_german(gazetteer, name, iso2):
    regions = [c for c in gazetteer.lookup(name) if c.kind == "admin_region"]
    assert regions and regions[0].country == iso2


@pytest.mark.parametrize(
    ("name", "lat", "lon"),
    [("Unterallgäu", 48.05, 10.45), ("Landkreis Unterallgäu", 48.05, 10.45), ("Landkreis Ahrweiler", 50.5, 7.0),
     ("Rhein-Sieg-Kreis", 50.8, 7.3), ("Landkreis Rosenheim", 47.85, 12.1), ("Region Moesa", 46.3, 9.15),
     ("Bezirk Kitzbühel", 47.45, 12.35)],
)
def test_lookup_finds_districts_near_their_places(gazetteer, name, lat, lon):
    found = [c for c in gazetteer.lookup(name) if c.kind == "admin_region"]
    assert found and _km(found[0].lat, found[0].lon, lat, lon) < 40, found[:1]
    assert found[0].geo_precision == 2


@pytest.mark.parametrize(("name", "lat", "lon"), [("Bodensee", 47.6, 9.4), ("Genfer See", 46.45, 6.55),
                                                  ("Totes Meer", 31.5, 35.5), ("Plattensee", 46.8, 17.7)])
def test_lookup_finds_lakes(gazetteer, name, lat, lon):
    first = gazetteer.lookup(name)[0]
    assert first.kind == "water" and _km(first.lat, first.lon, lat, lon) < 60


@pytest.mark.parametrize(("name", "near"), [("Rhein", "Köln"), ("Donau", "Regensburg"), ("Donau", "Budapest"),
                                            ("Elbe", "Dresden"), ("Oder", "Frankfurt (Oder)"), ("Dnipro", "Kiew")])
def test_rivers_carry_points_along_their_course(gazetteer, name, near):
    river = next(c for c in gazetteer.lookup(name) if c.kind == "water")
    town = gazetteer.lookup(near)[0]
    assert len(river.points) >= 3
    assert min(_km(lat, lon, town.lat, town.lon) for lat, lon in river.points) < 30
