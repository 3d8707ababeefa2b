"""The SQLite event store: articles, places, events with their evidence, unresolved names, geocoder cache.

One transaction per article, WAL so the web server reads while an ingest writes. The schema is created
on first use. This is the only module that speaks SQL.
"""

from __future__ import annotations

import functools
import logging
import os
import sqlite3
import threading
import time
import urllib.parse
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field, replace
from datetime import date, datetime, timedelta, timezone
from itertools import groupby
from operator import itemgetter
from pathlib import Path
from typing import Any, Callable, Iterator, Sequence

import orjson

from geomap import dates, event_types
from geomap.articles import parse_article
from geomap.errors import StoreCorrupt, StoreError, StoreMissing, StoreTooNew
from geomap.eventdoc import event_document
from geomap.filters import EventFilter
from geomap.models import Article, Event, Place, TimeSpan, Unresolved
from geomap.sources import public_file_name

log = logging.getLogger(__name__)

# 5: closed intervals; stored events re-dated whenever dates.RULES_VERSION changes. 6: public sources (url,
# publisher; no server paths), the push API's jobs and tokens, feed state.
SCHEMA_VERSION = 6
# The rules events were derived with (dates.RULES_VERSION.event_types.RULES_VERSION): a store whose events were
# dated or typed by other rules re-derives them on open (`_rederive_events`).
DERIVE_RULES = f"{dates.RULES_VERSION}.{event_types.RULES_VERSION}"
# The length class of an event's date interval: 0 closed and at most 31 days long (day, week, month), 1 at most
# 366 (year), 2 longer (intervals are closed: geomap.dates.OVERLAP_RULE), 3 undated. A window [from, to] then needs only the class-0 events
# starting in [from - 31 days, to], the class-1 ones starting in [from - 366 days, to], and class 2.
SPAN_CLASS = (
    "CASE WHEN dated = 0 THEN 3"
    " WHEN julianday(date_end) - julianday(date_start) <= 31 THEN 0"
    " WHEN julianday(date_end) - julianday(date_start) <= 366 THEN 1 ELSE 2 END"
)
SPAN_DAYS = {0: 31, 1: 366}
DOCUMENT_BATCH = 500  # rows per fetch while streaming event documents
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
    ingested_at TEXT NOT NULL,
    url TEXT, publisher TEXT, author TEXT  -- version 6: where the article is published
);
CREATE INDEX IF NOT EXISTS articles_by_url ON articles (url);
CREATE INDEX IF NOT EXISTS articles_by_source ON articles (source);
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
    evidence_json TEXT NOT NULL,
    span_class INTEGER NOT NULL DEFAULT 3  -- set from SPAN_CLASS when the event is written
);
-- Covers the place summaries and the date/type filters without reading the wide event rows.
CREATE INDEX IF NOT EXISTS events_by_place ON events
    (place_id, role, event_type, dated, date_start, date_end, mention_count);
-- The same columns led by the length class of the date interval, so a time window is a few range scans
-- (see `window_sources`) instead of a pass over every event.
CREATE INDEX IF NOT EXISTS events_by_window ON events
    (role, span_class, date_start, date_end, dated, event_type, place_id, mention_count);
-- Per place, role and type: events, mentions, first/last date, undated events. Kept by every article write
-- for the places it touches, so a view without a time window is summarised without counting 100k rows.
CREATE TABLE IF NOT EXISTS place_totals (
    place_id INTEGER NOT NULL, role TEXT NOT NULL, event_type TEXT NOT NULL,
    events INTEGER NOT NULL, mentions INTEGER NOT NULL, first TEXT, last TEXT, undated INTEGER NOT NULL,
    PRIMARY KEY (place_id, role, event_type)
) WITHOUT ROWID;
-- The same per place and role, the types as a JSON object {type: events}: a whole-store view in one row a place.
CREATE TABLE IF NOT EXISTS place_rollup (
    place_id INTEGER NOT NULL, role TEXT NOT NULL,
    events INTEGER NOT NULL, mentions INTEGER NOT NULL, first TEXT, last TEXT, undated INTEGER NOT NULL,
    type_counts TEXT NOT NULL,
    PRIMARY KEY (place_id, role)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS events_by_article ON events (article_id);
-- Each event's JSON document (geomap.eventdoc), clustered in the order the GeoJSON lists them: place, then
-- date (an open start sorts first), then id. Derived from `events`; rebuilt by the migration to version 2.
CREATE TABLE IF NOT EXISTS event_docs (
    place_id INTEGER NOT NULL,
    sort_key TEXT NOT NULL,
    event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    role TEXT NOT NULL,
    doc BLOB NOT NULL,
    PRIMARY KEY (place_id, sort_key, event_id)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS event_docs_by_event ON event_docs (event_id);
CREATE TABLE IF NOT EXISTS unresolved (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    surface TEXT NOT NULL, key TEXT NOT NULL, reason TEXT NOT NULL,
    PRIMARY KEY (article_id, surface)
);
-- Version 6: the push API's job queue and tokens, and what `geomap follow` has seen of its feeds
-- (geomap.jobs, geomap.tokens, geomap.feeds keep their own SQL on these tables).
CREATE TABLE IF NOT EXISTS jobs (
    id TEXT PRIMARY KEY,
    state TEXT NOT NULL,  -- queued, running, done, failed
    payload TEXT NOT NULL,
    article_id TEXT, token_name TEXT, error TEXT,
    worker TEXT, lease_until REAL, attempts INTEGER NOT NULL DEFAULT 0,
    created_at REAL NOT NULL, updated_at REAL NOT NULL
);
CREATE INDEX IF NOT EXISTS jobs_by_state ON jobs (state, created_at);
CREATE INDEX IF NOT EXISTS jobs_by_article ON jobs (article_id);
CREATE TABLE IF NOT EXISTS api_tokens (
    name TEXT PRIMARY KEY, token_hash TEXT NOT NULL UNIQUE, created_at REAL NOT NULL, revoked_at REAL
);
CREATE TABLE IF NOT EXISTS feeds (
    url TEXT PRIMARY KEY, etag TEXT, last_modified TEXT, checked_at REAL, last_error TEXT
);
CREATE TABLE IF NOT EXISTS feed_items (
    feed_url TEXT NOT NULL, item_key TEXT NOT NULL, link TEXT NOT NULL,
    state TEXT NOT NULL,  -- pending, done, failed (a permanent failure, with its reason)
    article_id TEXT, attempts INTEGER NOT NULL DEFAULT 0, last_error TEXT, seen_at REAL NOT NULL,
    PRIMARY KEY (feed_url, item_key)
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
    article_url: str | None = None
    article_publisher: str | None = None

    @property
    def evidence(self) -> list[dict[str, Any]]:
        return orjson.loads(self.evidence_json)


@dataclass
class PlaceSummary:
    """A place with what the filter shows of it: counts per event type, mentions, first and last date."""

    place_id: int
    ref: str
    name: str  # the German name when known, else the canonical one
    lat: float
    lon: float
    country: str | None
    kind: str
    source: str
    geo_precision: int
    event_count: int = 0
    mention_count: int = 0
    type_counts: dict[str, int] = field(default_factory=dict)
    date_first: str | None = None
    date_last: str | None = None
    undated_count: int = 0

    @property
    def main_type(self) -> str:
        """The type with the most events (ties: the first in name order), which colours the marker."""
        return max(sorted(self.type_counts), key=lambda t: self.type_counts[t], default="other")


@dataclass(frozen=True)
class StoreStats:
    articles: int
    events: int
    places: int
    unresolved: int


# SQLite's primary result codes (sqlite3.Error.sqlite_errorcode & 0xFF) that say why a store failed.
_SQLITE_REASONS = {
    3: "permission denied", 5: "another process holds its write lock (timed out waiting)",
    6: "another connection holds a lock on it", 8: "it is read-only", 10: "disk I/O error",
    13: "the disk is full", 14: "the file cannot be opened",
}
_SQLITE_CORRUPT = {11, 26}  # SQLITE_CORRUPT, SQLITE_NOTADB


def store_failure(action: str, path: str, exc: sqlite3.Error) -> StoreError:
    """sqlite3's error as geomap's type, with the reason in words: StoreCorrupt for a damaged file."""
    code = (getattr(exc, "sqlite_errorcode", None) or 0) & 0xFF
    if code in _SQLITE_CORRUPT:
        return StoreCorrupt(f"store {path} is damaged ({exc}): restore it from a backup, or move it away and"
                            " ingest again")
    reason = _SQLITE_REASONS.get(code)
    if code in (8, 14) and path != ":memory:" and not _writable(path):
        reason = "it is read-only (the file or its folder cannot be written)"
    return StoreError(f"cannot {action} store {path}: {reason} ({exc})" if reason else
                      f"cannot {action} store {path}: {exc}")


def _reads(method: Callable[..., Any]) -> Callable[..., Any]:
    """A reading method whose SQLite failures (a damaged page, a vanished file) raise StoreError."""
    @functools.wraps(method)
    def wrapper(self: Store, *args: Any, **kwargs: Any) -> Any:
        try:
            return method(self, *args, **kwargs)
        except sqlite3.Error as exc:
            raise store_failure("read", self.path, exc) from exc
    return wrapper


def _writable(path: str) -> bool:
    """Whether the store file and its folder (SQLite's -wal and -shm files go there) can be written."""
    folder = os.path.dirname(os.path.abspath(path))
    return os.access(folder, os.W_OK) and (not os.path.exists(path) or os.access(path, os.W_OK))


def _schema_version(path: str, row: tuple | None) -> int | None:
    if row is None:
        return None
    try:
        return int(row[0])
    except (TypeError, ValueError):
        raise StoreCorrupt(f"store {path} has an unreadable schema version {str(row[0])[:40]!r}") from None


def _file_identity(path: str) -> tuple[int, int] | None:
    """(device, inode) of the file, None when it is gone."""
    try:
        st = os.stat(path)
    except OSError:
        return None
    return st.st_dev, st.st_ino


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


class Store:
    """A handle on one SQLite file. Cheap to open; use one per thread (sqlite3 connections are not shared)."""

    def __init__(self, path: str | Path, *, create: bool = True, timeout: float = 30.0) -> None:
        """Open the store at `path`. With `create` (ingest) a missing store and its folder are made; without
        it (every reading command, the server) a missing store raises StoreMissing and nothing is written.
        `timeout`: seconds to wait for another process's write lock before failing."""
        self.path = str(path)
        self._lock = threading.Lock()
        self._identity: tuple[int, int] | None = None
        memory = self.path == ":memory:"
        if not memory and not create and not Path(self.path).is_file():
            raise StoreMissing(f"no store at {self.path}: `geomap ingest` creates one")
        try:
            if not memory and create:
                Path(self.path).parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(f"cannot create the folder of store {self.path}: {exc.strerror or exc}") from exc
        try:
            if memory or create:
                self._conn = sqlite3.connect(self.path, timeout=timeout, check_same_thread=False)
            else:  # mode=rw: SQLite itself never creates the file, even if it vanished since the check above
                uri = "file:" + urllib.parse.quote(str(Path(self.path).resolve())) + "?mode=rw"
                self._conn = sqlite3.connect(uri, uri=True, timeout=timeout, check_same_thread=False)
            if not memory:
                self._identity = _file_identity(self.path)
            self._conn.execute("PRAGMA foreign_keys = ON")
            if create or self._conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
                self._conn.execute("PRAGMA journal_mode = WAL")
            self._conn.execute("PRAGMA synchronous = NORMAL")
            self._prepare_schema(create)
        except sqlite3.Error as exc:
            self._close_quietly()
            raise store_failure("open", self.path, exc) from exc
        except StoreError:
            self._close_quietly()
            raise

    def _close_quietly(self) -> None:
        conn = getattr(self, "_conn", None)
        if conn is not None:
            conn.close()

    def _prepare_schema(self, create: bool = True) -> None:
        """Create the schema on first use (`create`) and bring a store written by an older geomap up to this
        one (events re-dated when the date rules changed); a store written by a newer geomap is refused untouched."""
        row, rules = None, None
        if self._table_exists("meta"):
            row, rules = self._versions()
        elif not create:
            raise StoreMissing(f"{self.path} is not a geomap store (it has no tables): `geomap ingest` creates one")
        found = _schema_version(self.path, row)
        if found == SCHEMA_VERSION and rules == DERIVE_RULES:
            return  # the common case: nothing to write, so opening a store never takes the write lock
        if found is not None and found > SCHEMA_VERSION:
            raise StoreTooNew(
                f"store {self.path} has schema version {found}, newer than this geomap's {SCHEMA_VERSION}:"
                " upgrade geomap to use it (the store is left as it is)")
        with self._conn:
            self._conn.execute("BEGIN IMMEDIATE")  # one process migrates; another waits and finds it done
            row, rules = self._versions() if self._table_exists("meta") else (None, None)
            if _schema_version(self.path, row) == SCHEMA_VERSION and rules == DERIVE_RULES:
                return
            if self._table_exists("events"):  # before the schema's indexes, which need the column
                columns = {r[1] for r in self._conn.execute("PRAGMA table_xinfo(events)")}
                if "span_class" not in columns:
                    self._conn.execute("ALTER TABLE events ADD COLUMN span_class INTEGER NOT NULL DEFAULT 3")
                    self._conn.execute(f"UPDATE events SET span_class = {SPAN_CLASS}")
            self._add_article_source_columns()
            self._create_schema()
            columns = {r[1] for r in self._conn.execute("PRAGMA table_info(places)")}
            if "name_de" not in columns:
                self._conn.execute("ALTER TABLE places ADD COLUMN name_de TEXT")
            old = int(row[0]) if row is not None else SCHEMA_VERSION
            if old < 2:
                for index in ("events_by_date", "events_by_place"):  # version 1's, replaced by the covering one
                    self._conn.execute(f"DROP INDEX IF EXISTS {index}")
                self._create_schema()
                self._backfill_event_docs()
            if old < 3:  # place_rollup is new in version 3
                self._update_place_totals([r[0] for r in self._conn.execute("SELECT id FROM places")])
            if old < 6:
                self._migrate_public_sources()
            if rules != DERIVE_RULES:
                self._rederive_events()
                self._conn.execute(
                    "INSERT OR REPLACE INTO meta (key, value) VALUES ('date_rules', ?)", (DERIVE_RULES,)
                )
            self._conn.execute(
                "INSERT OR REPLACE INTO meta (key, value) VALUES ('schema_version', ?)", (str(SCHEMA_VERSION),)
            )

    def _add_article_source_columns(self) -> None:
        """Version 6's url/publisher/author columns on a store that has articles without them."""
        if not self._table_exists("articles"):
            return
        columns = {r[1] for r in self._conn.execute("PRAGMA table_info(articles)")}
        for column in ("url", "publisher", "author"):
            if column not in columns:
                self._conn.execute(f"ALTER TABLE articles ADD COLUMN {column} TEXT")

    def _migrate_public_sources(self) -> None:
        """Version 6: an article's source is a public name, never a server path. Stores written before kept
        the path given to ingest; keep its file name and rewrite the event documents that carry it."""
        rows = self._conn.execute("SELECT id, source FROM articles").fetchall()
        changed = [(public_file_name(source), article_id) for article_id, source in rows
                   if public_file_name(source) != source]
        self._conn.executemany("UPDATE articles SET source = ? WHERE id = ?", changed)
        self._conn.execute("DELETE FROM event_docs")
        self._backfill_event_docs()

    @property
    def connection(self) -> sqlite3.Connection:
        """The connection, for the modules that keep their own tables in the store (jobs, tokens, feeds)."""
        return self._conn

    def article_ref(self, ref: str) -> str | None:
        """The id of the stored article with this id, URL or source name; None when there is none."""
        row = self._conn.execute(
            "SELECT id FROM articles WHERE id = ? UNION ALL SELECT id FROM articles WHERE url = ?"
            " UNION ALL SELECT id FROM articles WHERE source = ? LIMIT 1", (ref, ref, ref)
        ).fetchone()
        return row[0] if row else None

    def _create_schema(self) -> None:
        """SCHEMA's statements one by one, inside the caller's transaction (executescript would commit it)."""
        statement = ""
        for line in SCHEMA.splitlines(keepends=True):
            statement += line
            if sqlite3.complete_statement(statement):
                self._conn.execute(statement)
                statement = ""

    def check_integrity(self) -> None:
        """Raise StoreCorrupt unless SQLite's quick check passes (every page and b-tree well formed)."""
        try:
            problems = [r[0] for r in self._conn.execute("PRAGMA quick_check(5)")]
        except sqlite3.Error as exc:
            raise store_failure("check", self.path, exc) from exc
        if problems != ["ok"]:
            raise StoreCorrupt(f"store {self.path} is damaged ({'; '.join(problems)[:300]}): restore it from a"
                               " backup, or move it away and ingest again")

    def check_writable(self) -> None:
        """Take the write lock once and let it go: a read-only, locked or full store fails here, before any work."""
        try:
            with self._lock:
                self._conn.execute("BEGIN IMMEDIATE")
                self._conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('write_check', '1')")
                self._conn.rollback()
        except sqlite3.Error as exc:
            if self._conn.in_transaction:
                self._conn.rollback()
            raise store_failure("write", self.path, exc) from exc

    def check_present(self) -> None:
        """Raise StoreMissing when the store file was deleted or replaced since this handle opened it (a
        long-lived handle would otherwise go on reading the deleted file's data)."""
        if self._identity is not None and _file_identity(self.path) != self._identity:
            raise StoreMissing(f"the store at {self.path} was deleted or replaced while in use")

    def _versions(self) -> tuple[tuple | None, str | None]:
        """The stored schema_version row and the rules the events were derived with (None: unknown)."""
        row = self._conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        rules = self._conn.execute("SELECT value FROM meta WHERE key = 'date_rules'").fetchone()
        return row, str(rules[0]) if rules else None

    def _table_exists(self, name: str) -> bool:
        query = "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?"
        return self._conn.execute(query, (name,)).fetchone() is not None

    def _backfill_event_docs(self) -> None:
        """Write the JSON document of every event stored before documents existed (schema version 1)."""
        rows = self._conn.execute(
            "SELECT e.id FROM events e WHERE NOT EXISTS (SELECT 1 FROM event_docs d WHERE d.event_id = e.id)"
        ).fetchall()
        for (event_id,) in rows:
            self._insert_event_doc(event_id)
        if rows:
            log.info("store %s: wrote %d event documents (schema version 2)", self.path, len(rows))

    def _rederive_events(self) -> None:
        """Re-derive every stored event's interval and type from its evidence with today's rules (closed
        intervals, tense-aware years, an undated article's date lines; the event-type lexicon): each evidence
        sentence is dated and typed again; an event whose evidence now falls on different dates or types becomes
        one event per (date, type). Documents and place totals follow."""
        changed: list[int] = []
        articles = self._conn.execute(
            "SELECT id, source, raw, date_start, date_end, date_precision FROM articles"
        ).fetchall()
        for article_id, source, raw, start, end, precision in articles:
            when = TimeSpan(date.fromisoformat(start), date.fromisoformat(end), precision) if start and end else None
            article = parse_article(raw, source)
            if when is None and article.date is not None:  # a date line today's rules read ("Datum: 14.04.2024")
                self._conn.execute(
                    "UPDATE articles SET date_start = ?, date_end = ?, date_precision = ? WHERE id = ?",
                    (_iso(article.date.start), _iso(article.date.end), article.date.precision, article_id),
                )
            else:
                article = replace(article, date=when)
            exprs = dates.find_date_expressions(article)
            rows = self._conn.execute("SELECT id, evidence_json FROM events WHERE article_id = ?", (article_id,))
            for event_id, evidence_json in rows.fetchall():
                groups: dict[tuple[TimeSpan | None, str], tuple[list[dict], list[str]]] = {}
                for item in orjson.loads(evidence_json):
                    span, surface = dates.sentence_date(article, exprs, item["sent_start"], item["sent_end"])
                    event_type, triggers = event_types.classify(item["sentence"])
                    evidence, found = groups.setdefault((span, event_type), ([], []))
                    evidence.append({**item, "date_expression": surface})
                    found.extend(t for t in triggers if t not in found)
                for index, ((span, event_type), (evidence, triggers)) in enumerate(groups.items()):
                    target = event_id if index == 0 else self._copy_event(event_id)
                    self._set_event_date(target, span, evidence)
                    self._conn.execute("UPDATE events SET event_type = ?, triggers_json = ? WHERE id = ?",
                                       (event_type, orjson.dumps(triggers).decode(), target))
                    changed.append(target)
        self._conn.execute("DELETE FROM event_docs WHERE event_id IN (SELECT value FROM json_each(?))",
                           (orjson.dumps(changed).decode(),))
        for event_id in changed:
            self._insert_event_doc(event_id)
        self._update_place_totals([r[0] for r in self._conn.execute("SELECT id FROM places")])
        if changed:
            log.info("store %s: re-derived %d events (rules %s)", self.path, len(changed), DERIVE_RULES)

    def _copy_event(self, event_id: int) -> int:
        """A new event row with the same columns as `event_id` (its date and evidence are set next)."""
        columns = [r[1] for r in self._conn.execute("PRAGMA table_info(events)") if r[1] != "id"]
        listed = ", ".join(columns)
        cursor = self._conn.execute(f"INSERT INTO events ({listed}) SELECT {listed} FROM events WHERE id = ?", (event_id,))
        return int(cursor.lastrowid)

    def _set_event_date(self, event_id: int, when: TimeSpan | None, evidence: list[dict]) -> None:
        dated = when is not None and when.start is not None
        self._conn.execute(
            "UPDATE events SET dated = ?, date_start = ?, date_end = ?, date_precision = ?, date_label = ?,"
            " mention_count = ?, evidence_json = ? WHERE id = ?",
            (int(dated), _iso(when.start) if dated else None, _iso(when.end) if dated else None,
             when.precision if dated else "none", when.label() if dated else "undated", len(evidence),
             orjson.dumps(evidence).decode(), event_id),
        )
        self._conn.execute(f"UPDATE events SET span_class = {SPAN_CLASS} WHERE id = ?", (event_id,))

    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- writing -------------------------------------------------------------------------------

    @_reads
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
                # IMMEDIATE: the write lock before the look, so two ingests of one file cannot both insert it
                self._conn.execute("BEGIN IMMEDIATE")
                if self.has_article(article.id):
                    return False
                self._write_article(article, events, unresolved, recognizer)
        except sqlite3.Error as exc:
            raise store_failure("write", self.path, exc) from exc
        return True

    def replace_article(
        self, article: Article, events: Sequence[Event], unresolved: Sequence[Unresolved], recognizer: str
    ) -> None:
        """Swap an article's events and unresolved names for new ones, atomically (used by retries)."""
        try:
            with self._lock, self._conn:
                old_places = self._article_places(article.id)
                self._conn.execute("DELETE FROM articles WHERE id = ?", (article.id,))
                self._write_article(article, events, unresolved, recognizer, old_places)
        except sqlite3.Error as exc:
            raise store_failure("write", self.path, exc) from exc

    def _write_article(
        self,
        article: Article,
        events: Sequence[Event],
        unresolved: Sequence[Unresolved],
        recognizer: str,
        old_places: Sequence[int] = (),
    ) -> None:
        """The inserts of one article; the caller holds the lock and the transaction."""
        self._insert_article(article, recognizer)
        for event in events:
            self._insert_event_doc(self._insert_event(event))
        self._update_place_totals([*old_places, *self._article_places(article.id)])
        self._conn.execute(
            "INSERT INTO meta (key, value) VALUES ('generation', 1)"
            " ON CONFLICT (key) DO UPDATE SET value = CAST(value AS INTEGER) + 1"
        )
        self._conn.executemany(
            "INSERT OR IGNORE INTO unresolved (article_id, surface, key, reason) VALUES (?, ?, ?, ?)",
            [(u.article_id, u.surface, u.key, u.reason) for u in unresolved],
        )

    @_reads
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
            " warnings_json, recognizer, ingested_at, url, publisher, author) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
            " ?, ?, ?)",
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
                article.url,
                article.publisher,
                article.author,
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

    def _insert_event(self, event: Event) -> int:
        when = event.when
        dated = when is not None and (when.start is not None or when.end is not None)
        cursor = self._conn.execute(
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
        event_id = int(cursor.lastrowid)
        self._conn.execute(f"UPDATE events SET span_class = {SPAN_CLASS} WHERE id = ?", (event_id,))
        return event_id

    def _article_places(self, article_id: str) -> list[int]:
        return [r[0] for r in self._conn.execute("SELECT DISTINCT place_id FROM events WHERE article_id = ?", (article_id,))]

    def _update_place_totals(self, place_ids: Sequence[int]) -> None:
        """Recount `place_totals` for these places from their events."""
        ids = sorted(set(place_ids))
        for start in range(0, len(ids), 500):  # stay far below SQLite's bound on parameters
            batch = ids[start:start + 500]
            marks = ",".join("?" * len(batch))
            self._conn.execute(f"DELETE FROM place_totals WHERE place_id IN ({marks})", batch)
            self._conn.execute(
                "INSERT INTO place_totals (place_id, role, event_type, events, mentions, first, last, undated)"
                " SELECT place_id, role, event_type, count(*), sum(mention_count), min(date_start),"
                "        max(coalesce(date_end, date_start)), sum(dated = 0)"
                f" FROM events WHERE place_id IN ({marks}) GROUP BY place_id, role, event_type",
                batch,
            )
            self._conn.execute(f"DELETE FROM place_rollup WHERE place_id IN ({marks})", batch)
            self._conn.execute(
                "INSERT INTO place_rollup (place_id, role, events, mentions, first, last, undated, type_counts)"
                " SELECT place_id, role, sum(events), sum(mentions), min(first), max(last), sum(undated),"
                "        json_group_object(event_type, events)"
                f" FROM place_totals WHERE place_id IN ({marks}) GROUP BY place_id, role",
                batch,
            )

    def _insert_event_doc(self, event_id: int) -> None:
        """Write an event's JSON document from its stored row (the one source of both: no drift)."""
        r = self._conn.execute(
            "SELECT e.place_id, e.article_id, a.source, a.title, e.event_type, e.triggers_json, e.role, e.date_label,"
            " e.date_start, e.date_end, e.date_precision, e.confidence, e.rule, e.candidates, e.evidence_json,"
            " a.url, a.publisher FROM events e JOIN articles a ON a.id = e.article_id WHERE e.id = ?",
            (event_id,),
        ).fetchone()
        doc = event_document(
            event_id=event_id, article_id=r[1], article_source=r[2], article_title=r[3], event_type=r[4],
            triggers_json=r[5], role=r[6], date_label=r[7], date_start=r[8], date_end=r[9], date_precision=r[10],
            confidence=r[11], rule=r[12], candidates=r[13], evidence_json=r[14], article_url=r[15],
            article_publisher=r[16],
        )
        self._conn.execute(
            "INSERT INTO event_docs (place_id, sort_key, event_id, role, doc) VALUES (?, ?, ?, ?, ?)",
            (r[0], r[8] or "", event_id, r[6], doc),
        )

    def compact(self) -> tuple[int, int]:
        """VACUUM (tables rewritten in key order: a store filled article by article has its event documents
        scattered, and reading them in order costs ~2x) and ANALYZE; the file's bytes before and after."""
        size = lambda: self._conn.execute(  # noqa: E731
            "SELECT page_count * page_size FROM pragma_page_count(), pragma_page_size()").fetchone()[0]
        before = size()
        try:
            with self._lock:
                self._conn.execute("VACUUM")
                self._conn.execute("ANALYZE")
                self._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        except sqlite3.Error as exc:
            raise store_failure("compact", self.path, exc) from exc
        return before, size()

    # --- reading -------------------------------------------------------------------------------

    @contextmanager
    def snapshot(self) -> Iterator[None]:
        """Read in one transaction: every query inside sees the same store, even while an ingest commits."""
        if self._conn.in_transaction:
            self._conn.commit()  # a read transaction left open by an abandoned stream: end it
        self._conn.execute("BEGIN")
        try:
            yield
        finally:
            if self._conn.in_transaction:
                self._conn.commit()

    @_reads
    def version(self) -> int:
        """Changes whenever an article is added or replaced: a cache key for derived answers.

        The `generation` counter in `meta`, bumped in each article's transaction: one index lookup."""
        row = self._conn.execute("SELECT value FROM meta WHERE key = 'generation'").fetchone()
        return int(row[0]) if row else 0

    @_reads
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
        return list(self.iter_events(flt))

    def iter_events(self, flt: EventFilter) -> Iterator[EventRow]:
        """`find_events` streamed in batches: memory stays bounded however many events match (CSV downloads)."""
        where, params = where_clause(flt)
        sql = (
            "SELECT e.id, e.article_id, a.source, a.title, p.ref, coalesce(p.name_de, p.name), p.lat, p.lon, p.country, p.kind,"
            " p.source, p.geo_precision, e.role, e.event_type, e.triggers_json, e.date_start, e.date_end,"
            " e.date_precision, e.date_label, e.confidence, e.rule, e.candidates, e.mention_count, e.evidence_json,"
            " a.url, a.publisher FROM events e JOIN places p ON p.id = e.place_id JOIN articles a ON a.id = e.article_id"
            f" WHERE {where} ORDER BY e.place_id, e.date_start, e.id"
        )
        return map(_event_row, self._stream(sql, params))

    def place_summaries(self, flt: EventFilter) -> list[PlaceSummary]:
        """One summary per place with events in the filter, ordered by place id: counts, types, date range.

        A view without a time window or limit reads the kept `place_rollup` / `place_totals`; any other
        counts its events from the covering index `events_by_place`, never from the wide event rows."""
        if _keeps_whole_places(flt) and len(flt.roles) == 1 and not flt.types:
            # The whole store for one role: one kept row a place.
            clauses, params = _kept_clauses(flt, "t")
            return self._summaries(
                "SELECT p.id, p.ref, coalesce(p.name_de, p.name), p.lat, p.lon, p.country, p.kind, p.source,"
                " p.geo_precision, t.events, t.mentions, t.first, t.last, t.undated, t.type_counts"
                f" FROM place_rollup t JOIN places p ON p.id = t.place_id WHERE {' AND '.join(clauses)}"
                " ORDER BY t.place_id",
                params,
            )
        if _keeps_whole_places(flt) and len(flt.roles) == 1:
            # One role: place_totals already has one row per place and type, in place order (its key).
            clauses, params = _kept_clauses(flt, "t")
            source = f"SELECT * FROM place_totals t WHERE {' AND '.join(clauses)}"
        elif _keeps_whole_places(flt):
            clauses, params = _kept_clauses(flt, "t")
            source = (
                "SELECT place_id, event_type, sum(events) AS events, sum(mentions) AS mentions, min(first) AS first,"
                f" max(last) AS last, sum(undated) AS undated FROM place_totals t WHERE {' AND '.join(clauses)}"
                " GROUP BY place_id, event_type"
            )
        elif _uses_window(flt):
            events, params = window_source(flt, "e.place_id, e.event_type, e.mention_count, e.date_start, e.date_end, e.dated")
            source = (
                "SELECT place_id, event_type, count(*) AS events, sum(mention_count) AS mentions,"
                " min(date_start) AS first, max(coalesce(date_end, date_start)) AS last,"
                f" sum(dated = 0) AS undated FROM ({events}) GROUP BY place_id, event_type"
            )
        else:
            where, params = where_clause(flt)
            source = (
                "SELECT e.place_id, e.event_type, count(*) AS events, sum(e.mention_count) AS mentions,"
                " min(e.date_start) AS first, max(coalesce(e.date_end, e.date_start)) AS last,"
                f" sum(e.dated = 0) AS undated FROM events e WHERE {where} GROUP BY e.place_id, e.event_type"
            )
        sql = (
            "SELECT p.id, p.ref, coalesce(p.name_de, p.name), p.lat, p.lon, p.country, p.kind, p.source,"
            " p.geo_precision, sum(s.events), sum(s.mentions), min(s.first), max(s.last), sum(s.undated),"
            " json_group_object(s.event_type, s.events)"
            f" FROM ({source}) s JOIN places p ON p.id = s.place_id GROUP BY s.place_id ORDER BY s.place_id"
        )
        return self._summaries(sql, params)

    def _summaries(self, sql: str, params: Sequence[Any]) -> list[PlaceSummary]:
        """PlaceSummary rows from a query giving place columns, counts and a JSON object of type counts."""
        return [
            PlaceSummary(
                place_id=r[0], ref=r[1], name=r[2], lat=r[3], lon=r[4], country=r[5], kind=r[6], source=r[7],
                geo_precision=r[8], event_count=r[9], mention_count=r[10], date_first=r[11], date_last=r[12],
                undated_count=r[13], type_counts=orjson.loads(r[14]),
            )
            for r in self._read(sql, params)
        ]

    def event_documents(self, flt: EventFilter) -> Iterator[tuple[int, bytes]]:
        """Per place with events in the filter, by place id: (place id, its events' JSON documents joined
        by commas, by date, then id). Streamed, a place at a time.

        A filter that keeps every event of its places (no window, type or limit) has SQLite join each
        place's documents as it reads the clustered `event_docs` table front to back (its key order is the
        date order, and the scan keeps it); any other filter picks its events through the covering index."""
        if _keeps_whole_places(flt) and not flt.types:
            places, params = _place_clause(flt, column="d.place_id")
            sql = (
                "SELECT d.place_id, CAST(group_concat(d.doc, ',') AS BLOB) FROM event_docs d"
                f" WHERE d.role IN ({','.join('?' * len(flt.roles))}){' AND ' + places if places else ''}"
                " GROUP BY d.place_id ORDER BY d.place_id"
            )
            yield from self._stream(sql, [*flt.roles, *params], batch=1)  # a row can be megabytes
            return
        if _uses_window(flt):
            events, params = window_source(flt, "e.id")
            sql = (  # CROSS JOIN: drive from the window's events, never scan every document
                f"SELECT d.place_id, d.doc FROM ({events}) w CROSS JOIN event_docs d ON d.event_id = w.id"
                " ORDER BY d.place_id, d.sort_key, d.event_id"
            )
        else:
            where, params = where_clause(flt)
            sql = (  # CROSS JOIN: drive from the filtered events, never scan every document
                "SELECT d.place_id, d.doc FROM events e CROSS JOIN event_docs d ON d.event_id = e.id"
                f" WHERE {where} ORDER BY d.place_id, d.sort_key, d.event_id"
            )
        for place_id, group in groupby(self._stream(sql, params), key=itemgetter(0)):
            yield place_id, b",".join([doc for _, doc in group])

    def _stream(self, sql: str, params: Sequence[Any], batch: int = DOCUMENT_BATCH) -> Iterator[tuple]:
        try:
            cursor = self._conn.execute(sql, params)
            while rows := cursor.fetchmany(batch):
                yield from rows
        except sqlite3.Error as exc:
            raise store_failure("read", self.path, exc) from exc

    def month_counts(self, flt: EventFilter) -> dict[str | None, int]:
        """Events per month, an event counted in every month its interval overlaps (the overlap rule, so a
        month's count is what that month's window shows); None: undated. Counted in SQL per (first month,
        last month) pair, without reading the evidence."""
        where, params = where_clause(flt)
        rows = self._read(
            "SELECT substr(e.date_start, 1, 7), substr(e.date_end, 1, 7), count(*)"
            f" FROM events e WHERE {where} GROUP BY 1, 2",
            params,
        )
        counts: dict[str | None, int] = {}
        for first, last, count in rows:
            for month in _months_between(first, last):
                counts[month] = counts.get(month, 0) + count
        return counts

    def _read(self, sql: str, params: Sequence[Any]) -> list[tuple]:
        try:
            return self._conn.execute(sql, params).fetchall()
        except sqlite3.Error as exc:
            raise store_failure("read", self.path, exc) from exc

    @_reads
    def date_extent(self) -> tuple[str | None, str | None]:
        row = self._conn.execute("SELECT min(date_start), max(coalesce(date_end, date_start)) FROM events").fetchone()
        return row[0], row[1]

    @_reads
    def recognizers_used(self) -> dict[str, int]:
        """Which recognizer ingested how many articles (the web app reports it without loading spaCy)."""
        rows = self._conn.execute("SELECT recognizer, count(*) FROM articles GROUP BY recognizer ORDER BY 2 DESC")
        return {r[0]: r[1] for r in rows}

    @_reads
    def unresolved_names(self) -> list[Unresolved]:
        rows = self._conn.execute("SELECT article_id, surface, key, reason FROM unresolved ORDER BY key")
        return [Unresolved(*r) for r in rows]

    @_reads
    def unresolved_count(self, article_id: str) -> int:
        return self._conn.execute("SELECT count(*) FROM unresolved WHERE article_id = ?", (article_id,)).fetchone()[0]

    # --- geocoder cache (geomap.geocode.GeocodeCache protocol) ---------------------------------

    @_reads
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
        try:
            with self._lock, self._conn:
                self._conn.execute(
                    "INSERT OR REPLACE INTO geocode_cache (query, status, place_json, fetched_at) VALUES (?, ?, ?, ?)",
                    (query, answer.status, place_json, answer.fetched_at or time.time()),
                )
        except sqlite3.Error as exc:
            raise store_failure("write", self.path, exc) from exc


def where_clause(flt: EventFilter) -> tuple[str, list[Any]]:
    """SQL WHERE over `events e` for a filter (places are reached through a subquery, never a join).

    Date rule: `geomap.dates.OVERLAP_RULE` (date_end >= from and date_start <= to; intervals are closed).
    A limit keeps the first `limit` events in the GeoJSON's order (place, date, id).
    """
    clauses, params = _kept_clauses(flt, "e")
    dated: list[str] = ["e.dated = 1"]
    if flt.date_from:
        dated.append("e.date_end >= ?")
        params.append(flt.date_from.isoformat())
    if flt.date_to:
        dated.append("e.date_start <= ?")
        params.append(flt.date_to.isoformat())
    date_sql = " AND ".join(dated)
    clauses.append(f"(({date_sql}) OR e.dated = 0)" if flt.wants_undated else f"({date_sql})")
    where = " AND ".join(clauses)
    if flt.limit:
        where = f"e.id IN (SELECT e.id FROM events e WHERE {where} ORDER BY e.place_id, e.date_start, e.id LIMIT ?)"
        params.append(flt.limit)
    return where, params


def _months_between(first: str | None, last: str | None) -> list[str | None]:
    """The YYYY-MM months from `first` to `last`, both included; [None] for an undated event."""
    if first is None or last is None:
        return [None]
    year, month = int(first[:4]), int(first[5:7])
    months = []
    while f"{year:04d}-{month:02d}" <= last:
        months.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def _uses_window(flt: EventFilter) -> bool:
    """A time window without a limit: read through `window_source` (a limit keeps `where_clause`'s order)."""
    return flt.bounded and not flt.limit


def window_source(flt: EventFilter, columns: str) -> tuple[str, list[Any]]:
    """SELECT `columns` of the events in a bounded filter, as a UNION ALL of one range scan of
    `events_by_window` per span class (see SPAN_CLASS). The same events as `where_clause` selects: a closed
    interval of at most N days that ends on or after `from` starts no earlier than `from` - N days."""
    common, common_params = _kept_clauses(flt, "e")
    start = flt.date_from.isoformat() if flt.date_from else None
    end = flt.date_to.isoformat() if flt.date_to else None
    branches = [
        _branch(span_class, [("e.date_start >= ?", _days_before(flt.date_from, days)), ("e.date_start <= ?", end),
                             ("e.date_end >= ?", start)])
        for span_class, days in SPAN_DAYS.items()
    ]
    branches.append(_branch(2, [("e.date_end >= ?", start), ("e.date_start <= ?", end)]))
    if flt.wants_undated:
        branches.append(_branch(3, []))
    sql = " UNION ALL ".join(
        f"SELECT {columns} FROM events e WHERE {' AND '.join(common + conditions)}" for conditions, _ in branches
    )
    return sql, [p for _, params in branches for p in (*common_params, *params)]


def _branch(span_class: int, terms: list[tuple[str, str | None]]) -> tuple[list[str], list[Any]]:
    """One span class's conditions: the terms whose value is given (a window may be open at one end)."""
    given = [(condition, value) for condition, value in terms if value is not None]
    return [f"e.span_class = {span_class}", *(c for c, _ in given)], [v for _, v in given]


def _days_before(day: date | None, days: int) -> str | None:
    if day is None:
        return None
    return (day - timedelta(days=days) if day > date.min + timedelta(days=days) else date.min).isoformat()


def _keeps_whole_places(flt: EventFilter) -> bool:
    """True when the filter takes all or none of a place's events of a role and type (no window, no limit)."""
    return not flt.bounded and not flt.limit and flt.wants_undated and flt.article is None


def _kept_clauses(flt: EventFilter, alias: str) -> tuple[list[str], list[Any]]:
    """The role, type and place conditions on table `alias` (events or place_totals), with their parameters."""
    clauses = [f"{alias}.role IN ({','.join('?' * len(flt.roles))})"]
    params: list[Any] = list(flt.roles)
    if flt.types:
        clauses.append(f"{alias}.event_type IN ({','.join('?' * len(flt.types))})")
        params.extend(flt.types)
    places, place_params = _place_clause(flt, column=f"{alias}.place_id")
    if places:
        clauses.append(places)
        params.extend(place_params)
    if flt.article is not None:  # only on `events` (_keeps_whole_places is False), which has article_id
        clauses.append(f"{alias}.article_id IN (SELECT a.id FROM articles a WHERE a.id = ? OR a.url = ? OR a.source = ?)")
        params.extend([flt.article] * 3)
    return clauses, params


def _place_clause(flt: EventFilter, *, column: str) -> tuple[str, list[Any]]:
    """`column IN (places in the bbox / named so)`, or "" when the filter names no area or place."""
    clauses: list[str] = []
    params: list[Any] = []
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
    if not clauses:
        return "", []
    return f"{column} IN (SELECT p.id FROM places p WHERE {' AND '.join(clauses)})", params


def _event_row(r: tuple) -> EventRow:
    return EventRow(
        id=r[0], article_id=r[1], article_source=r[2], article_title=r[3], place_ref=r[4], place_name=r[5],
        lat=r[6], lon=r[7], country=r[8], kind=r[9], place_source=r[10], geo_precision=r[11], role=r[12],
        event_type=r[13], triggers=orjson.loads(r[14]), date_start=r[15], date_end=r[16], date_precision=r[17],
        date_label=r[18], confidence=r[19], rule=r[20], candidates=r[21], mention_count=r[22],
        evidence_json=r[23], article_url=r[24], article_publisher=r[25],
    )
