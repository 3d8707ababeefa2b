"""Article-level toponym disambiguation against the bundled gazetteer."""

from __future__ import annotations

import pytest

from geomap.gazetteer import Gazetteer, load_gazetteer
from geomap.resolve import distance_km, population_baseline, resolve_article


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return load_gazetteer()


MUST_RESOLVE = {
    "Aleppo": (36.2028, 37.1586), "Ost-Aleppo": (36.205, 37.19), "Palmyra": (34.5603, 38.2673),
    "Rakka": (35.9528, 39.0079), "Raka": (35.9528, 39.0079), "al-Rakka": (35.9528, 39.0079),
    "Manbidsch": (36.5281, 37.9547), "Deir Essor": (35.3359, 40.1408), "Paris": (48.8566, 2.3522),
    "Genf": (46.2044, 6.1432), "Moskau": (55.7558, 37.6173), "Mossul": (36.34, 43.13),
    "Damaskus": (33.5131, 36.2919), "Washington": (38.9072, -77.0369), "Brüssel": (50.8503, 4.3517),
    "Zürich": (47.3769, 8.5417), "Atme": (36.3111, 36.6864), "Bustan al-Bascha": (36.2267, 37.1676),
    "New York": (40.7128, -74.006), "London": (51.5074, -0.1278), "Berlin": (52.52, 13.405),
    "Kreml": (55.752, 37.6175), "Bahrain": (26.0275, 50.55), "Syrien": (34.8021, 38.9968),
    "Russland": (61.524, 105.3188), "USA": (37.0902, -95.7129), "Frankreich": (46.2276, 2.2137),
    "Deutschland": (51.1657, 10.4515), "Großbritannien": (55.3781, -3.436), "Italien": (41.8719, 12.5674),
    "Australien": (-25.2744, 133.7751), "Niederlande": (52.1326, 5.2913), "Türkei": (38.9637, 35.2433),
    "Saudi-Arabien": (23.8859, 45.0792), "Irak": (33.2232, 43.6793),
}


@pytest.mark.parametrize("key", sorted(MUST_RESOLVE))
def test_resolve_article_must_resolve_alone(gazetteer, key):
    (place,) = resolve_article([key], gazetteer)
    assert place is not None
    assert distance_km(place.lat, place.lon, *MUST_RESOLVE[key]) <= 25


def test_resolve_article_must_resolve_together(gazetteer):
    keys = list(MUST_RESOLVE)
    for key, place in zip(keys, resolve_article(keys, gazetteer)):
        assert place is not None and distance_km(place.lat, place.lon, *MUST_RESOLVE[key]) <= 25, key


def test_resolve_article_tripolis_follows_country_context(gazetteer):
    lebanon = resolve_article(["Libanon", "Beirut", "Tripolis"], gazetteer)[2]
    libya = resolve_article(["Libyen", "Bengasi", "Tripolis"], gazetteer)[2]
    assert lebanon.country == "LB" and lebanon.rule in ("country-context", "proximity", "far-from-article")
    assert libya.country == "LY"


def test_resolve_article_paris_stays_in_france(gazetteer):
    place = resolve_article(["USA", "Washington", "Paris"], gazetteer)[2]
    assert place.country == "FR"


def test_resolve_article_palmyra_in_syria(gazetteer):
    assert resolve_article(["Palmyra"], gazetteer)[0].country == "SY"
    assert resolve_article(["Syrien", "Palmyra", "Homs"], gazetteer)[1].country == "SY"


def test_resolve_article_prefers_city_over_same_named_region(gazetteer):
    for key in ("Aleppo", "Moskau", "New York", "Berlin", "Idlib"):
        assert resolve_article([key], gazetteer)[0].kind == "city", key


def test_resolve_article_fills_place_fields(gazetteer):
    syria, aleppo, north, missing = resolve_article(["Syrien", "Aleppo", "Nordsyrien", "Gesprächsrunde"], gazetteer)
    assert missing is None
    assert syria.source == "gazetteer" and syria.geo_precision == 3 and syria.rule == "single"
    assert syria.ref.startswith("geonames:") and syria.name == "Syria" and syria.country == "SY"
    assert aleppo.geo_precision == 1 and 0 < aleppo.confidence <= 1 and aleppo.candidates >= 1
    assert north.kind == "region" and north.geo_precision == 2


def test_resolve_article_repeated_keys_get_same_place(gazetteer):
    first, second = resolve_article(["Aleppos", "Aleppos"], gazetteer)
    assert first == second


def test_resolve_article_ambiguous_rule_and_confidence(gazetteer):
    place = resolve_article(["Washington"], gazetteer)[0]
    assert place.candidates > 1 and place.rule == "importance"
    assert place.confidence < resolve_article(["Damaskus"], gazetteer)[0].confidence


def test_population_baseline_picks_most_populous(gazetteer):
    assert population_baseline("Tripolis", gazetteer).country == "LY"
    assert population_baseline("Gesprächsrunde", gazetteer) is None


class _Listed:
    """A gazetteer stand-in: resolve_article only asks `lookup`."""

    def __init__(self, entries: dict[str, list]) -> None:
        self.entries = entries

    def lookup(self, name: str) -> list:
        return list(self.entries.get(name, ()))


def _cand(ref, name, lat, lon, country, kind="town", population=10_000, **kw):
    from geomap.gazetteer import Candidate

    return Candidate(ref, name, None, lat, lon, country, kind, population, False, False, **kw)


def test_resolve_article_far_homograph_loses_to_a_near_one():
    listed = _Listed({
        "Deir al-Balah": [_cand("a", "Basel", 47.56, 7.59, "CH", "city", 164_000),
                          _cand("b", "Deir al-Balah", 31.42, 34.35, "PS", "town", 60_000)],
        "Rafah": [_cand("c", "Rafah", 31.29, 34.25, "PS", "city", 150_000)],
    })
    place = resolve_article(["Rafah", "Deir al-Balah"], listed)[1]
    assert place.country == "PS" and place.rule == "far-from-article"


def test_resolve_article_sentence_neighbour_names_the_homonym():
    listed = _Listed({
        "Babenhausen": [_cand("he", "Babenhausen", 49.96, 8.95, "DE", population=16_000),
                        _cand("by", "Babenhausen", 48.14, 10.25, "DE", population=5_500)],
        "Unterallgäu": [_cand("ua", "Landkreis Unterallgäu", 48.03, 10.45, "DE", "admin_region", 0)],
        "Frankfurt": [_cand("f", "Frankfurt am Main", 50.11, 8.68, "DE", "city", 650_000)],
    })
    keys = ["Frankfurt", "Babenhausen", "Unterallgäu"]
    place = resolve_article(keys, listed, sentences=[0, 1, 1])[1]
    assert place.ref == "by"


def test_resolve_article_river_by_water_and_near_its_stretch():
    danube = _cand("dan", "Danube", 47.5, 19.0, None, "water", 0,
                   points=((48.0, 8.5), (48.72, 11.8), (48.57, 13.43), (47.5, 19.0), (45.2, 29.6)))
    listed = _Listed({
        "Donau": [danube],
        "Passau": [_cand("p", "Passau", 48.57, 13.43, "DE", population=50_000)],
        "Dnipro": [_cand("city", "Dnipro", 48.47, 35.04, "UA", "city", 968_000),
                   _cand("river", "Dnieper", 49.0, 33.3, "UA", "water", 0)],
    })
    donau = resolve_article(["Donau", "Passau"], listed)[0]
    assert (donau.lat, donau.lon) == (48.57, 13.43)
    assert resolve_article(["Dnipro"], listed, by_water=[True])[0].kind == "water"
    assert resolve_article(["Dnipro"], listed)[0].kind == "city"
