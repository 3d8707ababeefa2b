"""A realistic 100,000-event store for load tests: 2,000 places (8 of them countries), 24 months, every event
type, evidence.

    python benchmarks/synthetic_store.py OUT.sqlite3 [--events 100000] [--places 2000] [--seed 7]

Built through geomap.store.Store.save_article with geomap.models objects (one transaction per article,
20 events each), so it has exactly the shape an ingest leaves, then compacted as `geomap compact` does. Deterministic for a seed.
"""

from __future__ import annotations

import argparse
import hashlib
import random
import sys
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from geomap.event_types import EVENT_TYPES  # noqa: E402
from geomap.models import Article, Event, Evidence, Place, Segment, TimeSpan  # noqa: E402
from geomap.store import Store  # noqa: E402

FIRST_MONTH = date(2015, 1, 1)
MONTHS = 24
EVENTS_PER_ARTICLE = 20
_TRIGGERS = {
    "battles": ["Gefechte", "kämpften", "Offensive"],
    "explosions_remote_violence": ["Luftangriff", "bombardiert", "Granaten"],
    "violence_against_civilians": ["Massaker", "getötet", "Zivilisten"],
    "strategic_developments": ["Waffenruhe", "Abkommen", "Truppen verlegt"],
    "humanitarian": ["Hilfskonvoi", "Flüchtlinge", "Evakuierung"],
    "protests": ["Demonstration", "Kundgebung", "Protest"],
    "riots": ["Ausschreitungen", "Krawalle", "Plünderungen"],
    "disasters": ["Hochwasser", "Erdbeben", "Waldbrand"],
    "other": ["Pressekonferenz", "Besuch", "Erklärung"],
}
_SENTENCES = (
    "In {place} meldeten Aktivisten am {day}. {month} {trigger}, mindestens {n} Menschen seien betroffen.",
    "Nach Angaben der Beobachtungsstelle kam es in {place} zu {trigger}; die Lage bleibt unübersichtlich.",
    "Aus {place} berichteten Helfer von {trigger} und einer angespannten Versorgungslage.",
    "Regierungstruppen und Rebellen lieferten sich nahe {place} {trigger}, hieß es am {day}. {month}.",
)
_MONTH_NAMES = ("Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober",
                "November", "Dezember")
_SYLLABLES = ("al", "bab", "tell", "kafr", "dar", "ain", "jis", "ma", "ra", "sa", "mun", "dschi", "har", "ze", "no")


def make_places(count: int, rng: random.Random) -> list[Place]:
    """Places clustered like news geography: most in the Levant, some in Europe, a few far away."""
    places = []
    for i in range(count):
        name = "".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 3))).title() + f" {i}"
        region = rng.random()
        if region < 0.7:
            lat, lon, country = rng.uniform(32, 37.5), rng.uniform(35.5, 42), "SY"
        elif region < 0.9:
            lat, lon, country = rng.uniform(40, 55), rng.uniform(-5, 25), "DE"
        else:
            lat, lon, country = rng.uniform(-40, 60), rng.uniform(-170, 170), "XX"
        kind = rng.choice(("city", "city", "town", "village", "neighbourhood", "admin_region"))
        places.append(Place(name, round(lat, 5), round(lon, 5), country, kind, "gazetteer", f"synthetic:{i}",
                            geo_precision=2 if kind == "admin_region" else 1,
                            confidence=round(rng.uniform(0.5, 1.0), 2), rule="single"))
    return places


# Countries named as places (drawn as shaded areas), put among the most mentioned places as in real news.
_COUNTRIES = (
    (1, "Syrien", "SY", 35.0, 38.0), (3, "Irak", "IQ", 33.0, 44.0), (6, "Türkei", "TR", 39.0, 35.0),
    (10, "Russland", "RU", 60.0, 100.0), (20, "Deutschland", "DE", 51.0, 9.0), (35, "USA", "US", 39.8, -98.6),
    (60, "Iran", "IR", 32.0, 53.0), (100, "Libanon", "LB", 33.9, 35.9),
)


def with_countries(places: list[Place]) -> list[Place]:
    """The place list with some slots taken by countries (kind country, geo_precision 3)."""
    places = list(places)
    for index, name, code, lat, lon in _COUNTRIES:
        if index < len(places):
            places[index] = Place(name, lat, lon, code, "country", "gazetteer", f"synthetic:country:{code}",
                                  geo_precision=3, confidence=1.0, rule="single")
    return places


def _when(rng: random.Random) -> TimeSpan | None:
    """Mostly day-precise, some month/year ranges, a few undated."""
    roll = rng.random()
    month_start = FIRST_MONTH + timedelta(days=int(rng.uniform(0, MONTHS) * 30.44))
    if roll < 0.03:
        return None
    if roll < 0.18:
        return TimeSpan.month(month_start.year, month_start.month)
    if roll < 0.21:
        return TimeSpan.year(month_start.year)
    return TimeSpan.day(month_start.replace(day=rng.randint(1, 28)))


def make_article(index: int, places: list[Place], rng: random.Random) -> tuple[Article, list[Event]]:
    """One article whose body has one sentence per event; evidence offsets point into it."""
    types = [t[0] for t in EVENT_TYPES]
    title = f"Lagebericht {index}: Kämpfe und Hilfe in der Region"
    body_parts: list[str] = []
    pending: list[tuple[Place, str, TimeSpan | None, str, int, int]] = []
    offset = len(title) + 2
    for _ in range(EVENTS_PER_ARTICLE):
        place = rng.choice(places) if rng.random() < 0.5 else places[min(int(rng.paretovariate(1.2)) - 1, len(places) - 1)]
        event_type = rng.choice(types)
        when = _when(rng)
        trigger = rng.choice(_TRIGGERS.get(event_type, ["Meldung"]))
        day = when.start if when and when.start else FIRST_MONTH
        sentence = rng.choice(_SENTENCES).format(place=place.name, trigger=trigger, n=rng.randint(1, 90),
                                                 day=day.day, month=_MONTH_NAMES[day.month - 1])
        pending.append((place, event_type, when, trigger, offset, offset + len(sentence)))
        body_parts.append(sentence)
        offset += len(sentence) + 1
    raw = title + "\n\n" + "\n".join(body_parts)
    article_date = TimeSpan.day(FIRST_MONTH + timedelta(days=rng.randint(0, MONTHS * 30)))
    article = Article(
        id=hashlib.sha256(raw.encode("utf-8")).hexdigest(), source=f"synthetic/{index:06d}.txt", raw=raw,
        date=article_date, title=title, content=(Segment(0, len(title), "title"), Segment(len(title) + 2, len(raw), "body")),
    )
    events = []
    for place, event_type, when, trigger, start, end in pending:
        mention = raw.index(place.name, start)
        evidence = Evidence(raw[start:end], start, end, mention, mention + len(place.name), place.name)
        events.append(Event(article.id, place, "location", when, event_type, (trigger,), (evidence,)))
    return article, events


def build_store(path: str | Path, events: int = 100_000, places: int = 2_000, seed: int = 7) -> Path:
    """Write the synthetic store at `path` (which must not exist yet)."""
    path = Path(path)
    if path.exists():
        raise SystemExit(f"{path} exists; pick a new path")
    rng = random.Random(seed)
    place_list = with_countries(make_places(places, rng))
    with Store(path) as store:
        index = 0
        while store.stats().events < events:  # reports of one place, type and day merge: write until N events
            article, article_events = make_article(index, place_list, rng)
            store.save_article(article, article_events, (), "synthetic")
            index += 1
        store.compact()  # as `geomap compact` after a bulk ingest (README)
    return path


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out")
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--places", type=int, default=2_000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    started = time.perf_counter()
    build_store(args.out, args.events, args.places, args.seed)
    with Store(args.out) as store:
        print(f"{store.stats()} built in {time.perf_counter() - started:.1f}s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
