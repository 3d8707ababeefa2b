"""The time-window read path (one range scan per interval-length class) selects exactly the events that the
plain overlap rule (`where_clause`) does, for every kind of date interval, window and filter."""

import hashlib
import random
from datetime import date, timedelta

import orjson
import pytest

from geomap.dates import overlaps
from geomap.filters import parse_filter
from geomap.models import Article, Event, Evidence, Place, Segment, TimeSpan
from geomap.store import Store

TYPES = ("battles", "humanitarian", "other")


def _span(rng: random.Random) -> TimeSpan | None:
    day = date(2015, 1, 1) + timedelta(days=rng.randrange(800))
    kind = rng.randrange(8)
    if kind == 0:
        return None  # undated
    if kind == 1:
        return TimeSpan.month(day.year, day.month)
    if kind == 2:
        return TimeSpan.year(day.year)
    if kind == 3:
        return TimeSpan(date(day.year - 3, 1, 1), day, "year")  # "seit 2013": to the article's date
    if kind == 4:
        return TimeSpan(day - timedelta(days=14), day, "week")  # "seit Wochen"
    if kind == 5:
        return TimeSpan(day, day + timedelta(days=rng.choice((31, 32, 366, 367, 700))), "day")  # the class edges
    if kind == 6:
        return TimeSpan(day, day + timedelta(days=6), "week")
    return TimeSpan.day(day)


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    rng = random.Random(11)
    places = [Place(f"Ort {i}", 30 + i / 10, 35 + i / 10, "SY", "city", "gazetteer", f"test:{i}") for i in range(12)]
    store = Store(tmp_path_factory.mktemp("window") / "s.sqlite3")
    for a in range(60):
        raw = f"Artikel {a}\n\n" + "In Ort gab es Kämpfe. " * 8
        article = Article(hashlib.sha256(raw.encode()).hexdigest(), f"a{a}.txt", raw, TimeSpan.day(date(2016, 1, 1)),
                          f"Artikel {a}", (Segment(0, len(raw), "body"),))
        events = []
        for _ in range(8):
            evidence = (Evidence("In Ort gab es Kämpfe.", 12, 33, 15, 18, "Ort"),)
            role = "actor" if rng.random() < 0.2 else "location"
            events.append(Event(article.id, rng.choice(places), role, _span(rng), rng.choice(TYPES), (), evidence))
        store.save_article(article, events, (), "test")
    yield store
    store.close()


def _random_filter(rng: random.Random) -> dict:
    args: dict[str, list[str]] = {}
    start = date(2014, 11, 1) + timedelta(days=rng.randrange(900))
    end = start + timedelta(days=rng.choice((0, 3, 30, 90, 400)))
    fmt = (lambda d: d.isoformat()) if rng.random() < 0.5 else (lambda d: d.isoformat()[:7])
    which = rng.randrange(3)
    if which in (0, 1):
        args["from"] = [fmt(start)]
    if which in (0, 2):
        args["to"] = [fmt(end if which == 0 else start)]
    if rng.random() < 0.3:
        args["include_undated"] = ["1"]
    if rng.random() < 0.3:
        args["type"] = [rng.choice(TYPES)]
    if rng.random() < 0.2:
        args["role"] = ["location,actor"]
    if rng.random() < 0.2:
        args["bbox"] = ["35,30,36,31"]
    return args


def test_window_reads_match_the_overlap_rule(store):
    rng = random.Random(5)
    checked = 0
    for _ in range(150):
        args = _random_filter(rng)
        flt = parse_filter(args)
        if "from" in args and "to" in args and flt.date_from > flt.date_to:
            continue
        expected = store.find_events(flt)  # where_clause: the plain rule
        by_place: dict[int, list[int]] = {}
        documents = list(store.event_documents(flt))
        for _place, joined in documents:
            ids = [d["id"] for d in orjson.loads(b"[" + joined + b"]")]
            by_place.setdefault(_place, []).extend(ids)
        assert sorted(i for ids in by_place.values() for i in ids) == sorted(r.id for r in expected), args
        summaries = {s.ref: s.event_count for s in store.place_summaries(flt)}
        counts: dict[str, int] = {}
        for row in expected:
            counts[row.place_ref] = counts.get(row.place_ref, 0) + 1
        assert summaries == counts, args
        checked += 1
    assert checked > 100


def test_window_at_the_calendar_edges(store):
    for args in ({"from": ["0001-01"], "to": ["0001-02"]}, {"from": ["0001-01-01"]}, {"to": ["9999-12"]},
                 {"from": ["9999-12-31"], "to": ["9999-12-31"]}):
        flt = parse_filter(args)
        assert sorted(r.id for r in store.find_events(flt)) == sorted(
            d["id"] for _, joined in store.event_documents(flt) for d in orjson.loads(b"[" + joined + b"]")
        ), args


def _stored_span(row) -> TimeSpan | None:
    if row.date_start is None:
        return None
    return TimeSpan(date.fromisoformat(row.date_start), date.fromisoformat(row.date_end), row.date_precision)


def test_store_filter_and_histogram_follow_the_one_overlap_rule(store):
    """`where_clause` (map, GeoJSON, CSV) and `month_counts` (histogram) select what `dates.overlaps` says."""
    every = store.find_events(parse_filter({"role": ["location,actor"]}))
    rng = random.Random(7)
    for _ in range(60):
        args = _random_filter(rng)
        args.pop("type", None)
        args.pop("bbox", None)
        args["role"] = ["location,actor"]
        flt = parse_filter(args)
        if flt.date_from and flt.date_to and flt.date_from > flt.date_to:
            continue
        expected = {r.id for r in every if (_stored_span(r) is None and flt.wants_undated)
                    or (_stored_span(r) is not None and overlaps(_stored_span(r), flt.date_from, flt.date_to))}
        assert {r.id for r in store.find_events(flt)} == expected, args
    counts = store.month_counts(parse_filter({"role": ["location,actor"]}))
    for month in ("2015-03", "2016-01", "2016-12", "2017-02"):
        window = parse_filter({"from": [month], "to": [month], "role": ["location,actor"]})
        assert counts.get(month, 0) == len(store.find_events(window)), month
