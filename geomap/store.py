"""The SQLite event store: articles, places, events with their evidence, unresolved names, geocoder cache.

One transaction per article, WAL so the web server reads while an ingest writes. The schema is created
on first use. This is the only module that speaks SQL.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
import time
from dataclasses import asdict, dataclass
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Any, Iterator, Sequence

import orjson

from geomap.errors import StoreError
from geomap.filters import EventFilter
from geomap.models import Article, Event, Place, Unresolved

log = logging.getLogger(__name__)

SCHEMA_VERSION = 1
SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS articles (
    id TEXT PRIMARY KEY,
    source TEXT NOT NULL,
    title TEXT,
    date_start TEXT, date_end TEXT, date_precision TEXT NOT NULL,
    raw TEXT NOT NULL,
    removed_json TEXT NOT NULL,
    warnings_json TEXT NOT NULL,
    recognizer TEXT NOT NULL,
    ingested_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS places (
    id INTEGER PRIMARY KEY,
    ref TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    lat REAL NOT NULL, lon REAL NOT NULL,
    country TEXT, kind TEXT NOT NULL, source TEXT NOT NULL, geo_precision INTEGER NOT NULL,
    name_de TEXT
);
CREATE TABLE IF NOT EXISTS events (
    id INTEGER PRIMARY KEY,
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    place_id INTEGER NOT NULL REFERENCES places(id),
    role TEXT NOT NULL,
    event_type TEXT NOT NULL,
    triggers_json TEXT NOT NULL,
    dated INTEGER NOT NULL,
    date_start TEXT, date_end TEXT, date_precision TEXT NOT NULL, date_label TEXT NOT NULL,
    confidence REAL NOT NULL, rule TEXT NOT NULL, candidates INTEGER NOT NULL,
    mention_count INTEGER NOT NULL,
    evidence_json TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS events_by_date ON events (role, date_start, date_end);
CREATE INDEX IF NOT EXISTS events_by_place ON events (place_id);
CREATE INDEX IF NOT EXISTS events_by_article ON events (article_id);
CREATE TABLE IF NOT EXISTS unresolved (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    surface TEXT NOT NULL, key TEXT NOT NULL, reason TEXT NOT NULL,
    PRIMARY KEY (article_id, surface)
);
CREATE TABLE IF NOT EXISTS geocode_cache (
    query TEXT PRIMARY KEY, status TEXT NOT NULL, place_json TEXT, fetched_at REAL NOT NULL
);
"""


@dataclass(frozen=True)
class EventRow:
    """One stored event joined with its place and article, as the GeoJSON and CSV views read it."""

    id: int
    article_id: str
    article_source: str
    article_title: str | None
    place_ref: str
    place_name: str  # the German name when known, else the canonical one
    lat: float
    lon: float
    country: str | None
    kind: str
    place_source: str
    geo_precision: int
    role: str
    event_type: str
    triggers: list[str]
    date_start: str | None
    date_end: str | None
    date_precision: str
    date_label: str
    confidence: float
    rule: str
    candidates: int
    mention_count: int
    evidence_json: str  # kept serialised: GeoJSON embeds it as is (orjson.Fragment), without a parse

    @property
    def evidence(self) -> list[dict[str, Any]]:
        return orjson.loads(self.evidence_json)


@dataclass(frozen=True)
class StoreStats:
    articles: int
    events: int
    places: int
    unresolved: int


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


class Store:
    """A handle on one SQLite file. Cheap to open; use one per thread (sqlite3 connections are not shared)."""

    def __init__(self, path: str | Path) -> None:
        self.path = str(path)
        try:
            if self.path != ":memory:":
                Path(self.path).parent.mkdir(parents=True, exist_ok=True)
            self._conn = sqlite3.connect(self.path, timeout=30, check_same_thread=False)
            self._conn.execute("PRAGMA foreign_keys = ON")
            self._conn.execute("PRAGMA journal_mode = WAL")
            self._conn.execute("PRAGMA synchronous = NORMAL")
            self._conn.executescript(SCHEMA)
            self._migrate()
            self._conn.execute(
                "INSERT OR IGNORE INTO meta (key, value) VALUES ('schema_version', ?)", (str(SCHEMA_VERSION),)
            )
            self._conn.commit()
        except sqlite3.Error as exc:
            raise StoreError(f"cannot open store {self.path}: {exc}") from exc
        self._lock = threading.Lock()

    def _migrate(self) -> None:
        """Bring a store written by an older geomap up to this schema (columns added since)."""
        columns = {row[1] for row in self._conn.execute("PRAGMA table_info(places)")}
        if "name_de" not in columns:
            self._conn.execute("ALTER TABLE places ADD COLUMN name_de TEXT")

    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- writing -------------------------------------------------------------------------------

    def has_article(self, article_id: str) -> bool:
        row = self._conn.execute("SELECT 1 FROM articles WHERE id = ?", (article_id,)).fetchone()
        return row is not None

    def save_article(
        self,
        article: Article,
        events: Sequence[Event],
        unresolved: Sequence[Unresolved],
        recognizer: str,
    ) -> bool:
        """Store an article with its events in one transaction; False when it was already stored."""
        try:
            with self._lock, self._conn:
                if self.has_article(article.id):
                    return False
                self._write_article(article, events, unresolved, recognizer)
        except sqlite3.Error as exc:
            raise StoreError(f"cannot store article {article.source}: {exc}") from exc
        return True

    def replace_article(
        self, article: Article, events: Sequence[Event], unresolved: Sequence[Unresolved], recognizer: str
    ) -> None:
        """Swap an article's events and unresolved names for new ones, atomically (used by retries)."""
        try:
            with self._lock, self._conn:
                self._conn.execute("DELETE FROM articles WHERE id = ?", (article.id,))
                self._write_article(article, events, unresolved, recognizer)
        except sqlite3.Error as exc:
            raise StoreError(f"cannot replace article {article.source}: {exc}") from exc

    def _write_article(
        self, article: Article, events: Sequence[Event], unresolved: Sequence[Unresolved], recognizer: str
    ) -> None:
        """The inserts of one article; the caller holds the lock and the transaction."""
        self._insert_article(article, recognizer)
        for event in events:
            self._insert_event(event)
        self._conn.executemany(
            "INSERT OR IGNORE INTO unresolved (article_id, surface, key, reason) VALUES (?, ?, ?, ?)",
            [(u.article_id, u.surface, u.key, u.reason) for u in unresolved],
        )

    def articles_to_retry(self) -> list[tuple[str, str, str | None]]:
        """(source, raw, stored date label) of articles with names the geocoder could not answer."""
        rows = self._conn.execute(
            "SELECT a.source, a.raw, a.date_start, a.date_precision FROM articles a WHERE a.id IN"
            " (SELECT article_id FROM unresolved WHERE reason LIKE 'geocoder-unavailable%')"
        ).fetchall()
        out = []
        for source, raw, start, precision in rows:
            label = None
            if start and precision == "day":
                label = start
            elif start and precision == "month":
                label = start[:7]
            out.append((source, raw, label))
        return out

    def _insert_article(self, article: Article, recognizer: str) -> None:
        when = article.date
        self._conn.execute(
            "INSERT INTO articles (id, source, title, date_start, date_end, date_precision, raw, removed_json,"
            " warnings_json, recognizer, ingested_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                article.id,
                article.source,
                article.title,
                _iso(when.start) if when else None,
                _iso(when.end) if when else None,
                when.precision if when else "none",
                article.raw,
                orjson.dumps([asdict(s) for s in article.removed]).decode(),
                orjson.dumps(list(article.warnings)).decode(),
                recognizer,
                datetime.now(timezone.utc).isoformat(timespec="seconds"),
            ),
        )

    def _place_id(self, place: Place) -> int:
        self._conn.execute(
            "INSERT OR IGNORE INTO places (ref, name, lat, lon, country, kind, source, geo_precision, name_de)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (place.ref, place.name, place.lat, place.lon, place.country, place.kind, place.source, place.geo_precision,
             place.name_de),
        )
        return self._conn.execute("SELECT id FROM places WHERE ref = ?", (place.ref,)).fetchone()[0]

    def _insert_event(self, event: Event) -> None:
        when = event.when
        dated = when is not None and (when.start is not None or when.end is not None)
        self._conn.execute(
            "INSERT INTO events (article_id, place_id, role, event_type, triggers_json, dated, date_start, date_end,"
            " date_precision, date_label, confidence, rule, candidates, mention_count, evidence_json)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                event.article_id,
                self._place_id(event.place),
                event.role,
                event.event_type,
                orjson.dumps(list(event.triggers)).decode(),
                int(dated),
                _iso(when.start) if dated and when else None,
                _iso(when.end) if dated and when else None,
                when.precision if dated and when else "none",
                when.label() if dated and when else "undated",
                event.place.confidence,
                event.place.rule,
                event.place.candidates,
                len(event.evidence),
                orjson.dumps([asdict(e) for e in event.evidence]).decode(),
            ),
        )

    # --- reading -------------------------------------------------------------------------------

    def version(self) -> tuple[int, int]:
        """Changes whenever an article is added or replaced: a cache key for derived answers."""
        row = self._conn.execute("SELECT coalesce(max(rowid), 0), count(*) FROM articles").fetchone()
        return row[0], row[1]

    def stats(self) -> StoreStats:
        one = lambda sql: self._conn.execute(sql).fetchone()[0]  # noqa: E731
        return StoreStats(
            articles=one("SELECT count(*) FROM articles"),
            events=one("SELECT count(*) FROM events"),
            places=one("SELECT count(*) FROM places"),
            unresolved=one("SELECT count(*) FROM unresolved"),
        )

    def find_events(self, flt: EventFilter) -> list[EventRow]:
        """Events matching the filter, ordered by place then date. See `where_clause` for the date rule."""
        where, params = where_clause(flt)
        sql = (
            "SELECT e.id, e.article_id, a.source, a.title, p.ref, coalesce(p.name_de, p.name), p.lat, p.lon, p.country, p.kind,"
            " p.source, p.geo_precision, e.role, e.event_type, e.triggers_json, e.date_start, e.date_end,"
            " e.date_precision, e.date_label, e.confidence, e.rule, e.candidates, e.mention_count, e.evidence_json"
            " FROM events e JOIN places p ON p.id = e.place_id JOIN articles a ON a.id = e.article_id"
            f" WHERE {where} ORDER BY p.id, e.date_start, e.id"
        )
        if flt.limit:
            sql += " LIMIT ?"
            params.append(flt.limit)
        try:
            rows = self._conn.execute(sql, params).fetchall()
        except sqlite3.Error as exc:
            raise StoreError(f"cannot read events from {self.path}: {exc}") from exc
        return [_event_row(r) for r in rows]

    def month_counts(self, flt: EventFilter) -> dict[str | None, int]:
        """Events per month (YYYY-MM of the start, or of the end for an open start; None when undated),
        counted in SQL without reading the evidence."""
        where, params = where_clause(flt)
        rows = self._conn.execute(
            "SELECT substr(coalesce(e.date_start, e.date_end), 1, 7) AS month, count(*)"
            " FROM events e JOIN places p ON p.id = e.place_id"
            f" WHERE {where} GROUP BY month",
            params,
        ).fetchall()
        return {month: count for month, count in rows}

    def event_types_present(self) -> list[str]:
        return [r[0] for r in self._conn.execute("SELECT DISTINCT event_type FROM events ORDER BY 1")]

    def date_extent(self) -> tuple[str | None, str | None]:
        row = self._conn.execute("SELECT min(date_start), max(coalesce(date_end, date_start)) FROM events").fetchone()
        return row[0], row[1]

    def recognizers_used(self) -> dict[str, int]:
        """Which recognizer ingested how many articles (the web app reports it without loading spaCy)."""
        rows = self._conn.execute("SELECT recognizer, count(*) FROM articles GROUP BY recognizer ORDER BY 2 DESC")
        return {r[0]: r[1] for r in rows}

    def unresolved_names(self) -> list[Unresolved]:
        rows = self._conn.execute("SELECT article_id, surface, key, reason FROM unresolved ORDER BY key")
        return [Unresolved(*r) for r in rows]

    def unresolved_count(self, article_id: str) -> int:
        return self._conn.execute("SELECT count(*) FROM unresolved WHERE article_id = ?", (article_id,)).fetchone()[0]

    def article_ids(self) -> Iterator[str]:
        yield from (r[0] for r in self._conn.execute("SELECT id FROM articles"))

    # --- geocoder cache (geomap.geocode.GeocodeCache protocol) ---------------------------------

    def get(self, query: str):  # -> CachedAnswer | None
        from geomap.geocode import CachedAnswer

        row = self._conn.execute(
            "SELECT status, place_json, fetched_at FROM geocode_cache WHERE query = ?", (query,)
        ).fetchone()
        if row is None:
            return None
        place = Place(**orjson.loads(row[1])) if row[1] else None
        return CachedAnswer(status=row[0], place=place, fetched_at=row[2])

    def put(self, query: str, answer) -> None:
        place_json = orjson.dumps(asdict(answer.place)).decode() if answer.place else None
        with self._lock, self._conn:
            self._conn.execute(
                "INSERT OR REPLACE INTO geocode_cache (query, status, place_json, fetched_at) VALUES (?, ?, ?, ?)",
                (query, answer.status, place_json, answer.fetched_at or time.time()),
            )


def where_clause(flt: EventFilter) -> tuple[str, list[Any]]:
    """SQL WHERE for a filter.

    Date rule: an event's interval [date_start, date_end] (either end may be open) is shown when it
    overlaps the filter's closed window [from, to]: date_end >= from and date_start <= to, an open end
    counting as unbounded. Undated events are shown only when the view is unbounded or include_undated=1.
    """
    clauses: list[str] = []
    params: list[Any] = []
    clauses.append(f"e.role IN ({','.join('?' * len(flt.roles))})")
    params.extend(flt.roles)
    dated: list[str] = ["e.dated = 1"]
    if flt.date_from:
        dated.append("(e.date_end IS NULL OR e.date_end >= ?)")
        params.append(flt.date_from.isoformat())
    if flt.date_to:
        dated.append("(e.date_start IS NULL OR e.date_start <= ?)")
        params.append(flt.date_to.isoformat())
    date_sql = " AND ".join(dated)
    clauses.append(f"(({date_sql}) OR e.dated = 0)" if flt.wants_undated else f"({date_sql})")
    if flt.types:
        clauses.append(f"e.event_type IN ({','.join('?' * len(flt.types))})")
        params.extend(flt.types)
    if flt.bbox:
        box = flt.bbox
        clauses.append("p.lat BETWEEN ? AND ?")
        params.extend([box.south, box.north])
        if box.crosses_antimeridian:
            clauses.append("(p.lon >= ? OR p.lon <= ?)")
        else:
            clauses.append("p.lon BETWEEN ? AND ?")
        params.extend([box.west, box.east])
    if flt.place:
        clauses.append("(p.name = ? COLLATE NOCASE OR p.name_de = ? COLLATE NOCASE OR p.ref = ?)")
        params.extend([flt.place, flt.place, flt.place])
    return " AND ".join(clauses), params


def _event_row(r: tuple) -> EventRow:
    return EventRow(
        id=r[0], article_id=r[1], article_source=r[2], article_title=r[3], place_ref=r[4], place_name=r[5],
        lat=r[6], lon=r[7], country=r[8], kind=r[9], place_source=r[10], geo_precision=r[11], role=r[12],
        event_type=r[13], triggers=orjson.loads(r[14]), date_start=r[15], date_end=r[16], date_precision=r[17],
        date_label=r[18], confidence=r[19], rule=r[20], candidates=r[21], mention_count=r[22],
        evidence_json=r[23],
    )
