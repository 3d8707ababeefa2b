"""The SQLite store: transactional saves, identity by content, the date-overlap rule, WAL."""

from datetime import date

from geomap.filters import parse_filter
from geomap.models import Unresolved
from geomap.store import SCHEMA_VERSION, Store
from tests.web_fixtures import _december, _october, _undated, seed_store


def _places(store, **args):
    return sorted({r.place_name for r in store.find_events(parse_filter({k: [v] for k, v in args.items()}))})


def test_store_creates_schema_and_uses_wal(tmp_path):
    with Store(tmp_path / "s.sqlite3") as store:
        assert store.stats().articles == 0
        assert store._conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_store_save_article_twice_adds_nothing(tmp_path):
    article, events = _october()
    with Store(tmp_path / "s.sqlite3") as store:
        assert store.save_article(article, events, (), "rules")
        before = store.stats()
        assert not store.save_article(article, events, (), "rules")
        assert store.stats() == before


def test_store_failed_event_rolls_back_whole_article(tmp_path):
    article, events = _october()
    broken = events[0].__class__(**{**events[0].__dict__, "evidence": object()})  # not serialisable
    with Store(tmp_path / "s.sqlite3") as store:
        try:
            store.save_article(article, [events[1], broken], (), "rules")
        except TypeError:
            pass
        assert store.stats().articles == 0 and store.stats().events == 0


def test_store_month_filter_overlaps_intervals(tmp_path):
    with Store(seed_store(tmp_path / "s.sqlite3")) as store:
        assert "Genf" in _places(store, **{"from": "2016-10-15", "to": "2016-11-15"})  # month 2016-10 overlaps
        assert _places(store, **{"from": "2016-12", "to": "2016-12"}) == sorted(
            {"Aleppo", "Paris", "Syrien", "Homs <img src=x onerror=window.__xss=2>"}
        )
        assert "Genf" not in _places(store, **{"from": "2016-12"})


def test_store_undated_only_when_unbounded_or_asked(tmp_path):
    with Store(seed_store(tmp_path / "s.sqlite3")) as store:
        assert "Damaskus" in _places(store)
        assert "Damaskus" not in _places(store, **{"from": "2016-01"})
        assert "Damaskus" in _places(store, **{"from": "2016-01", "include_undated": "1"})


def test_store_bbox_and_place_filters(tmp_path):
    with Store(seed_store(tmp_path / "s.sqlite3")) as store:
        assert _places(store, bbox="0,40,10,50") == ["Genf", "Paris"]
        assert _places(store, place="aleppo") == ["Aleppo"]
        assert _places(store, place="' OR 1=1 --") == []


def test_store_unresolved_and_recognizers(tmp_path):
    article, events = _undated()
    with Store(tmp_path / "s.sqlite3") as store:
        store.save_article(article, events, [Unresolved(article.id, "Kafr Nabl", "Kafr Nabl", "geocoder-unavailable: timeout")], "rules")
        assert store.unresolved_names()[0].reason.startswith("geocoder-unavailable")
        assert store.recognizers_used() == {"rules": 1}
        assert store.articles_to_retry()[0][0] == "undated-damaskus.txt"


def test_store_date_extent(tmp_path):
    with Store(seed_store(tmp_path / "s.sqlite3")) as store:
        first, last = store.date_extent()
        assert first == date(2016, 10, 1).isoformat() and last >= "2016-12-14"


def test_store_replace_article_is_atomic_swap(tmp_path):
    article, events = _december()
    with Store(tmp_path / "s.sqlite3") as store:
        store.save_article(article, events, (), "rules")
        store.replace_article(article, events[:1], (), "rules")
        assert store.stats().events == 1 and store.stats().articles == 1


def _totals(store):
    return store._conn.execute("SELECT * FROM place_totals ORDER BY 1, 2, 3").fetchall()


def _recounted(store):
    return store._conn.execute(
        "SELECT place_id, role, event_type, count(*), sum(mention_count), min(date_start),"
        " max(coalesce(date_end, date_start)), sum(dated = 0) FROM events GROUP BY 1, 2, 3 ORDER BY 1, 2, 3"
    ).fetchall()


def _rollup(store):
    return store._conn.execute(
        "SELECT place_id, role, events, mentions, first, last, undated, type_counts FROM place_rollup ORDER BY 1, 2"
    ).fetchall()


def _rolled_up(store):
    return store._conn.execute(
        "SELECT place_id, role, count(*), sum(mention_count), min(date_start), max(coalesce(date_end, date_start)),"
        " sum(dated = 0), (SELECT json_group_object(event_type, n) FROM (SELECT event_type, count(*) AS n"
        "  FROM events i WHERE i.place_id = o.place_id AND i.role = o.role GROUP BY event_type ORDER BY event_type))"
        " FROM events o GROUP BY 1, 2 ORDER BY 1, 2"
    ).fetchall()


def test_store_keeps_place_totals_and_documents_through_replace(tmp_path):
    from dataclasses import replace

    article, events = _october()
    with Store(tmp_path / "s.sqlite3") as store:
        store.save_article(article, events, (), "rules")
        assert _totals(store) == _recounted(store) and len(_totals(store)) == 2
        assert _rollup(store) == _rolled_up(store)
        store.replace_article(article, [replace(events[0], event_type="battles")], (), "rules")
        assert _totals(store) == _recounted(store) and len(_totals(store)) == 1
        assert _rollup(store) == _rolled_up(store)
        docs = store._conn.execute("SELECT count(*) FROM event_docs").fetchone()[0]
        assert docs == store.stats().events == 1


def test_store_migrates_a_version_1_store(tmp_path):
    """A store written before event documents and totals gets both on open, with the same GeoJSON."""
    from geomap import geojson

    path = seed_store(tmp_path / "s.sqlite3")
    with Store(path) as store:
        expected = b"".join(geojson.from_store(store, parse_filter({})))
        store._conn.executescript(
            "DELETE FROM event_docs; DELETE FROM place_totals; DELETE FROM place_rollup;"
            "UPDATE meta SET value = '1' WHERE key = 'schema_version';"
            "CREATE INDEX events_by_date ON events (role, date_start, date_end);"
        )
    with Store(path) as store:
        assert b"".join(geojson.from_store(store, parse_filter({}))) == expected
        assert _totals(store) == _recounted(store) and _rollup(store) == _rolled_up(store)
        indexes = {r[0] for r in store._conn.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
        assert "events_by_date" not in indexes
        assert store._conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()[0] == str(
            SCHEMA_VERSION)


def test_store_compact_keeps_every_answer(tmp_path):
    from geomap import geojson

    path = seed_store(tmp_path / "s.sqlite3")
    with Store(path) as store:
        before = b"".join(geojson.from_store(store, parse_filter({})))
        month = b"".join(geojson.from_store(store, parse_filter({"from": ["2016-12"], "to": ["2016-12"]})))
        size_before, size_after = store.compact()
        assert size_before > 0 and size_after > 0
        assert b"".join(geojson.from_store(store, parse_filter({}))) == before
        assert b"".join(geojson.from_store(store, parse_filter({"from": ["2016-12"], "to": ["2016-12"]}))) == month
        assert store._conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_store_migration_redates_open_and_future_intervals(tmp_path):
    """A version-4 store kept "seit April" open-ended and put "Im März" (past tense) after the article date;
    opening it re-derives both from the evidence: [2023-04-01, article date] and 2023-03."""
    from geomap import geojson
    from geomap.articles import parse_article
    from geomap.models import Event, Evidence, Place, TimeSpan

    raw = "date 2023-11-15\n\nIm März wurde in Nyala gekämpft. Seit April wird in Nyala gekämpft.\n"
    article = parse_article(raw, "nyala.txt")
    nyala = Place("Nyala", 12.05, 24.88, "SD", "city", "gazetteer", "geonames:nyala")
    first, second = raw.index("Im März"), raw.index("Seit April")
    old = [  # what geomap wrote before the date rules changed
        Event(article.id, nyala, "location", TimeSpan.month(2024, 3), "battles", ("gekämpft",),
              (Evidence(raw[first:second - 1], first, second - 1, first + 17, first + 22, "Nyala", "body", "Im März"),)),
        Event(article.id, nyala, "location", TimeSpan(date(2024, 4, 1), date(2024, 4, 30), "month"), "battles",
              ("gekämpft",), (Evidence(raw[second:-1], second, len(raw) - 1, second + 19, second + 24, "Nyala", "body",
                                       "Seit April"),)),
    ]
    path = tmp_path / "s.sqlite3"
    with Store(path) as store:
        store.save_article(article, old, (), "rules")
        store._conn.executescript(
            "UPDATE events SET date_end = NULL, date_label = '2024-04-01/…' WHERE date_start = '2024-04-01';"
            "UPDATE meta SET value = '4' WHERE key = 'schema_version'; DELETE FROM meta WHERE key = 'date_rules';"
        )
    with Store(path) as store:
        rows = sorted((r.date_start, r.date_end, r.date_precision) for r in store.find_events(parse_filter({})))
        assert rows == [("2023-03-01", "2023-03-31", "month"), ("2023-04-01", "2023-11-15", "month")]
        assert store.find_events(parse_filter({"from": ["2023-12"]})) == []
        assert b'"2024-' not in b"".join(geojson.from_store(store, parse_filter({})))
        assert _totals(store) == _recounted(store) and _rollup(store) == _rolled_up(store)
        assert store._conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()[0] == str(
            SCHEMA_VERSION)


def test_store_migration_reads_date_lines_of_undated_articles(tmp_path):
    """An article stored undated before its "Datum:" line was read gets that date, and so do its events."""
    from dataclasses import replace

    from geomap.articles import parse_article
    from geomap.models import Event, Evidence, Place

    raw = "Datum: 14.04.2024\nIn Leverkusen brannte ein Chemiepark.\n"
    article = replace(parse_article(raw, "lev.txt"), date=None)  # what an older geomap stored
    start = raw.index("In Leverkusen")
    place = Place("Leverkusen", 51.03, 6.98, "DE", "city", "gazetteer", "geonames:lev")
    event = Event(article.id, place, "location", None, "other", (),
                  (Evidence(raw[start:-1], start, len(raw) - 1, start + 3, start + 13, "Leverkusen"),))
    path = tmp_path / "s.sqlite3"
    with Store(path) as store:
        store.save_article(article, [event], (), "rules")
        store._conn.execute("DELETE FROM meta WHERE key = 'date_rules'")
        store._conn.commit()
    with Store(path) as store:
        [row] = store.find_events(parse_filter({"from": ["2024-04-14"], "to": ["2024-04-14"]}))
        assert (row.date_start, row.date_end, row.date_precision) == ("2024-04-14", "2024-04-14", "day")


def test_store_migration_retypes_events_with_the_current_lexicon(tmp_path):
    """Events typed by an older lexicon (a flood as "other") get today's type and triggers on open."""
    from geomap.articles import parse_article
    from geomap.models import Event, Evidence, Place, TimeSpan

    raw = "date 2024-06-02\n\nDas Hochwasser hat in Passau die Altstadt überflutet.\n"
    article = parse_article(raw, "passau.txt")
    start = raw.index("Das Hochwasser")
    place = Place("Passau", 48.57, 13.43, "DE", "city", "gazetteer", "geonames:passau")
    event = Event(article.id, place, "location", TimeSpan.day(date(2024, 6, 2)), "other", (),
                  (Evidence(raw[start:-1], start, len(raw) - 1, start + 26, start + 32, "Passau"),))
    path = tmp_path / "s.sqlite3"
    with Store(path) as store:
        store.save_article(article, [event], (), "rules")
        store._conn.execute("UPDATE meta SET value = '3' WHERE key = 'date_rules'")
        store._conn.commit()
    with Store(path) as store:
        [row] = store.find_events(parse_filter({}))
        assert row.event_type == "disasters" and "Hochwasser" in row.triggers
        assert _totals(store) == _recounted(store)
