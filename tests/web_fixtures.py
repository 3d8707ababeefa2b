"""A small seeded event store for the web tests: built from geomap.models objects, no NLP."""

from __future__ import annotations

import hashlib
from datetime import date
from pathlib import Path

import pytest

from geomap.models import Article, Event, Evidence, Place, Segment, TimeSpan
from geomap.store import Store
from geomap.web import create_app

XSS_SCRIPT = "<script>window.__xss=1</script>"
XSS_IMG = "<img src=x onerror=window.__xss=2>"

ALEPPO = Place("Aleppo", 36.2021, 37.1343, "SY", "city", "gazetteer", "geonames:170063")
GENF = Place("Genf", 46.2022, 6.1457, "CH", "city", "gazetteer", "geonames:2660646")
PARIS = Place("Paris", 48.8534, 2.3488, "FR", "city", "gazetteer", "geonames:2988507")
DAMASKUS = Place("Damaskus", 33.5102, 36.2913, "SY", "city", "gazetteer", "geonames:170654")
SYRIEN = Place("Syrien", 35.0, 38.0, "SY", "country", "gazetteer", "geonames:163843", geo_precision=3)
HOSTILE = Place(f"Homs {XSS_IMG}", 34.7308, 36.7094, "SY", "city", "gazetteer", "curated:hostile")


def _article(source: str, title: str, text: str, when: TimeSpan | None) -> Article:
    raw = f"{title}\n\n{text}"
    return Article(
        id=hashlib.sha256(raw.encode()).hexdigest(),
        source=source,
        raw=raw,
        date=when,
        title=title,
        content=(Segment(0, len(title), "title"), Segment(len(title) + 2, len(raw), "body")),
    )


def _event(article: Article, place: Place, surface: str, when: TimeSpan | None, event_type: str) -> Event:
    """An event whose evidence is the body line (one sentence per line here) that contains `surface`."""
    start = article.raw.index(surface, article.content[-1].start)
    sent_start = article.raw.rfind("\n", 0, start) + 1
    sent_end = article.raw.find("\n", start)
    sent_end = len(article.raw) if sent_end == -1 else sent_end
    sentence = article.raw[sent_start:sent_end]
    evidence = Evidence(sentence, sent_start, sent_end, start, start + len(surface), surface)
    return Event(article.id, place, "location", when, event_type, ("Angriff",), (evidence,))


def _october() -> tuple[Article, list[Event]]:
    text = "In Aleppo wurden am 19. Oktober Stellungen bombardiert.\nIn Genf verhandelten Diplomaten über eine Waffenruhe."
    art = _article("2016-10-aleppo.txt", "Kämpfe um Aleppo", text, TimeSpan.day(date(2016, 10, 20)))
    day = TimeSpan.day(date(2016, 10, 19))
    return art, [
        _event(art, ALEPPO, "Aleppo", day, "explosions_remote_violence"),
        _event(art, GENF, "Genf", TimeSpan.month(2016, 10), "strategic_developments"),
    ]


def _december() -> tuple[Article, list[Event]]:
    text = "Die Evakuierung von Aleppo begann im Dezember.\nIn Paris protestierten Tausende gegen die Angriffe.\nSyrien bleibt geteilt."
    art = _article("2016-12-aleppo.txt", "Evakuierung Aleppos", text, TimeSpan.day(date(2016, 12, 15)))
    month = TimeSpan.month(2016, 12)
    return art, [
        _event(art, ALEPPO, "Aleppo", month, "humanitarian"),
        _event(art, PARIS, "Paris", TimeSpan.day(date(2016, 12, 14)), "other"),
        _event(art, SYRIEN, "Syrien", month, "strategic_developments"),
    ]


def _undated() -> tuple[Article, list[Event]]:
    text = "In Damaskus fielen Schüsse."
    art = _article("undated-damaskus.txt", "Schüsse in Damaskus", text, None)
    return art, [_event(art, DAMASKUS, "Damaskus", None, "battles")]


def _hostile() -> tuple[Article, list[Event]]:
    text = f"Bei Homs {XSS_IMG} geschah {XSS_SCRIPT} etwas Merkwürdiges."
    art = _article(f"hostile-{XSS_SCRIPT}.txt", f"Titel {XSS_SCRIPT}", text, TimeSpan.day(date(2016, 12, 2)))
    return art, [_event(art, HOSTILE, f"Homs {XSS_IMG}", TimeSpan.day(date(2016, 12, 1)), "violence_against_civilians")]


FIXTURE_PLACES = {"Aleppo", "Genf", "Paris", "Damaskus", "Syrien", HOSTILE.name}


def seed_store(path: str | Path, *, extra_events: int = 0) -> Path:
    """Write the fixture articles (plus `extra_events` filler events) into a new store at `path`."""
    store = Store(path)
    try:
        for article, events in (_october(), _december(), _undated(), _hostile()):
            store.save_article(article, events, (), "gazetteer")
        if extra_events:
            article, events = _filler(extra_events)
            store.save_article(article, events, (), "gazetteer")
    finally:
        store.close()
    return Path(path)


def _filler(count: int) -> tuple[Article, list[Event]]:
    """Many events in one article, to show that the page size does not grow with the event count."""
    text = "In Aleppo wurde gekämpft."
    art = _article("filler.txt", "Viele Ereignisse", text, TimeSpan.day(date(2016, 11, 1)))
    events = []
    for i in range(count):
        place = Place(f"Ort {i}", 30 + (i % 50) / 10, 30 + (i // 50) / 10, "SY", "city", "gazetteer", f"test:{i}")
        events.append(_event(art, place, "Aleppo", TimeSpan.day(date(2016, 11, 1 + i % 28)), "battles"))
    return art, events
