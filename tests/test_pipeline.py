"""Article -> events: evidence, dates with precision, types, deduplication, actors kept off the map."""

from __future__ import annotations

import pytest

from geomap.articles import parse_article
from geomap.config import load_settings
from geomap.pipeline import build_geoparser


@pytest.fixture(scope="module")
def geoparser():
    return build_geoparser(load_settings({"model": "none", "geocoder": "off"}))


def _events(geoparser, text):
    return geoparser.parse_article(parse_article(text, "test.txt")).events


def test_parse_article_one_event_per_place_type_date_with_all_evidence(geoparser):
    text = "date 2016-10\nIn Aleppo gab es Luftangriffe. Auch in Aleppo fielen Bomben."
    events = [e for e in _events(geoparser, text) if e.place.name == "Aleppo"]
    assert len(events) == 1
    assert len(events[0].evidence) == 2
    assert events[0].event_type == "explosions_remote_violence"
    assert events[0].when.label() == "2016-10" and events[0].when.precision == "month"


def test_parse_article_uses_day_from_sentence(geoparser):
    text = "date 2016-10\nAm 19. Oktober reist Putin nach Frankreich. In Aleppo wurde gekämpft."
    by_place = {e.place.name: e for e in _events(geoparser, text)}
    assert by_place["France"].when.label() == "2016-10-19"
    assert by_place["France"].evidence[0].date_expression == "Am 19. Oktober"
    assert by_place["Aleppo"].when.precision == "month"


def test_parse_article_undated_stays_undated(geoparser):
    events = _events(geoparser, "In Damaskus fielen am Montag Schüsse.")
    assert events and all(e.when is None for e in events)


def test_parse_article_actor_is_kept_but_marked(geoparser):
    events = _events(geoparser, "date 2016-10\nRussland wies dies zurück. In Syrien wird gekämpft.")
    roles = {(e.place.country, e.role) for e in events}
    assert ("RU", "actor") in roles and ("SY", "location") in roles


def test_parse_article_boilerplate_gives_no_events(geoparser):
    text = "date 2016-10\nIn Aleppo wurde gekämpft.\n\nZum selben Thema\nNeue Gespräche in Damaskus\n"
    names = {e.place.name for e in _events(geoparser, text)}
    assert "Aleppo" in names and "Damascus" not in names


def test_parse_article_evidence_offsets_point_into_raw(geoparser):
    text = "date 2016-12\nDie Teilnehmer der Syrien-Konferenz in Paris forderten eine Feuerpause für Aleppo."
    article = parse_article(text, "t.txt")
    for event in geoparser.parse_article(article).events:
        for ev in event.evidence:
            assert article.raw[ev.mention_start:ev.mention_end] == ev.surface
            assert article.raw[ev.sent_start:ev.sent_end] == ev.sentence


def test_parse_article_unknown_designated_place_is_unresolved_without_geocoder(geoparser):
    parsed = geoparser.parse_article(parse_article("In der Stadt Kafrzibla wurde gekämpft.", "t.txt"))
    assert [u.surface for u in parsed.unresolved] == ["Kafrzibla"]
    assert "geocoder off" in parsed.unresolved[0].reason
