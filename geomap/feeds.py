"""RSS and Atom feeds: each item's article page ingested once, politely, and no item ever lost.

What `geomap follow` has seen lives in the store (tables `feeds` and `feed_items`, whose SQL is kept here):
each feed's validators for a conditional GET (ETag, Last-Modified) and each item with its state. An item is
recorded before its page is fetched. A page that fails for a reason that may pass (a timeout, a 5xx, a
robots.txt that cannot be read) stays `pending` and is tried again on every later poll, even when the feed
itself answers 304; a permanent failure (404, a page too large, no article text) is kept as `failed` with
its reason and reported once.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass, field
from typing import Callable

from geomap.errors import ArticleError, FetchError, GeomapError, StoreError
from geomap.fetch import Fetched, Fetcher
from geomap.store import Store

log = logging.getLogger(__name__)

FEED_TYPES = ("rss", "atom", "xml")
MAX_ATTEMPTS = 20  # a page still failing after this many polls is given up (reported as failed)


@dataclass(frozen=True)
class FeedItem:
    key: str  # the item's guid/id, else its link
    link: str
    title: str | None = None


@dataclass
class FeedReport:
    """One poll of one feed."""

    feed: str
    status: str = "fetched"  # fetched, not-modified, error
    new_items: int = 0
    ingested: list[str] = field(default_factory=list)  # article ids stored by this poll
    already_stored: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)  # (link, reason): given up
    retry_later: list[tuple[str, str]] = field(default_factory=list)  # (link, reason): pending
    error: str | None = None  # the feed itself could not be fetched or read

    def summary(self) -> str:
        if self.error:
            return f"{self.feed}: error: {self.error} (trying again next time)"
        return (f"{self.feed}: {self.status}, {self.new_items} new items, {len(self.ingested)} stored, "
                f"{self.already_stored} already stored, {len(self.failed)} failed, {len(self.retry_later)} to retry")


def looks_like_feed(answer: Fetched) -> bool:
    """Whether an answer is an RSS/Atom feed rather than an article page."""
    kind = answer.content_type.split(";")[0].strip().lower()
    if any(t in kind for t in FEED_TYPES) and "html" not in kind:
        return True
    head = answer.body[:1000].lstrip().lower()
    return head.startswith(b"<?xml") and (b"<rss" in head or b"<feed" in head or b"<rdf" in head)


def parse_feed(body: bytes, url: str) -> list[FeedItem]:
    """The items of an RSS 2.0 / Atom feed (feedparser), in feed order; FetchError when it is no feed."""
    import feedparser

    parsed = feedparser.parse(body)
    if not parsed.get("version") and not parsed.entries:
        reason = str(parsed.get("bozo_exception") or "not an RSS or Atom feed")
        raise FetchError(url, f"cannot read the feed: {reason[:200]}", permanent=True)
    items = []
    for entry in parsed.entries:
        link = entry.get("link")
        if not link or not link.lower().startswith(("http://", "https://")):
            continue
        items.append(FeedItem(key=str(entry.get("id") or link)[:2000], link=link[:2000], title=entry.get("title")))
    return items


class FeedState:
    """The feeds' validators and their items' states, in the store."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.conn = store.connection

    def validators(self, feed: str) -> tuple[str | None, str | None]:
        row = self.conn.execute("SELECT etag, last_modified FROM feeds WHERE url = ?", (feed,)).fetchone()
        return (row[0], row[1]) if row else (None, None)

    def checked(self, feed: str, answer: Fetched | None, error: str | None) -> None:
        etag = answer.headers.get("etag") if answer else None
        modified = answer.headers.get("last-modified") if answer else None
        with self.conn:
            self.conn.execute(
                "INSERT INTO feeds (url, etag, last_modified, checked_at, last_error) VALUES (?, ?, ?, ?, ?)"
                " ON CONFLICT (url) DO UPDATE SET etag = coalesce(excluded.etag, etag),"
                " last_modified = coalesce(excluded.last_modified, last_modified),"
                " checked_at = excluded.checked_at, last_error = excluded.last_error",
                (feed, etag, modified, time.time(), error),
            )

    def add(self, feed: str, items: list[FeedItem]) -> int:
        """Record the items not seen before (as pending); how many were new."""
        with self.conn:
            before = self.conn.total_changes
            self.conn.executemany(
                "INSERT OR IGNORE INTO feed_items (feed_url, item_key, link, state, seen_at)"
                " VALUES (?, ?, ?, 'pending', ?)",
                [(feed, item.key, item.link, time.time()) for item in items],
            )
            return self.conn.total_changes - before

    def pending(self, feed: str) -> list[tuple[str, str]]:
        return self.conn.execute(
            "SELECT item_key, link FROM feed_items WHERE feed_url = ? AND state = 'pending' ORDER BY seen_at, rowid",
            (feed,),
        ).fetchall()

    def finish(self, feed: str, key: str, state: str, *, article_id: str | None = None, error: str | None = None) -> None:
        with self.conn:
            self.conn.execute(
                "UPDATE feed_items SET state = ?, article_id = ?, last_error = ?, attempts = attempts + 1"
                " WHERE feed_url = ? AND item_key = ?",
                (state, article_id, error, feed, key),
            )

    def retry(self, feed: str, key: str, error: str) -> bool:
        """Count a failed attempt; False when the item has now been given up (MAX_ATTEMPTS)."""
        with self.conn:
            self.conn.execute(
                "UPDATE feed_items SET attempts = attempts + 1, last_error = ?,"
                " state = CASE WHEN attempts + 1 >= ? THEN 'failed' ELSE 'pending' END"
                " WHERE feed_url = ? AND item_key = ?",
                (error, MAX_ATTEMPTS, feed, key),
            )
        row = self.conn.execute("SELECT state FROM feed_items WHERE feed_url = ? AND item_key = ?", (feed, key)).fetchone()
        return row is not None and row[0] == "pending"


# store_page(link, answer) -> (article id, new?) ; raises ArticleError when the page holds no article
StorePage = Callable[[str, Fetched], tuple[str, bool]]


def poll_feed(feed: str, store: Store, fetcher: Fetcher, store_page: StorePage,
              answer: Fetched | None = None) -> FeedReport:
    """Fetch a feed (conditionally), record its new items, and fetch and store every pending item's page.
    Never raises for the network or a page: what failed is in the report. A store failure does raise."""
    state = FeedState(store)
    report = FeedReport(feed)
    try:
        if answer is None:
            etag, modified = state.validators(feed)
            answer = fetcher.get(feed, etag=etag, last_modified=modified)
        if answer.status == 304:
            report.status = "not-modified"
        else:
            report.new_items = state.add(feed, parse_feed(answer.body, feed))
        state.checked(feed, answer, None)
    except FetchError as exc:
        report.status, report.error = "error", exc.reason
        state.checked(feed, None, exc.reason)
        log.warning("feed %s: %s", feed, exc.reason)
    for key, link in state.pending(feed):  # pending items of earlier polls too: nothing is lost
        _item(feed, key, link, state, store, fetcher, store_page, report)
    return report


def _item(feed: str, key: str, link: str, state: FeedState, store: Store, fetcher: Fetcher,
          store_page: StorePage, report: FeedReport) -> None:
    known = store.article_ref(link)
    if known:
        state.finish(feed, key, "done", article_id=known)
        report.already_stored += 1
        return
    try:
        article_id, new = store_page(link, fetcher.get(link))
    except StoreError:
        raise
    except FetchError as exc:
        if exc.permanent:
            state.finish(feed, key, "failed", error=exc.reason)
            report.failed.append((link, exc.reason))
        elif state.retry(feed, key, exc.reason):
            report.retry_later.append((link, exc.reason))
        else:
            report.failed.append((link, f"{exc.reason} ({MAX_ATTEMPTS} attempts)"))
        log.warning("feed item %s: %s", link, exc.reason)
        return
    except ArticleError as exc:
        state.finish(feed, key, "failed", error=exc.reason)
        report.failed.append((link, exc.reason))
        return
    except GeomapError as exc:  # e.g. the geocoder: may pass
        if state.retry(feed, key, str(exc)):
            report.retry_later.append((link, str(exc)))
        return
    state.finish(feed, key, "done", article_id=article_id)
    if new:
        report.ingested.append(article_id)
    else:
        report.already_stored += 1


def follow(feeds: list[str], store: Store, fetcher: Fetcher, store_page: StorePage, *, interval: float,
           rounds: int | None = None, on_report: Callable[[FeedReport], None] = lambda r: None,
           sleep: Callable[[float], None] = time.sleep) -> int:
    """Poll every feed, then wait `interval` seconds, until stopped (or `rounds` polls); one feed's failure
    never stops the others. Returns the number of rounds done."""
    done = 0
    while rounds is None or done < rounds:
        for feed in feeds:
            try:
                on_report(poll_feed(feed, store, fetcher, store_page))
            except StoreError:
                raise  # the store, not the feed: every other feed would fail the same way
            except Exception as exc:  # noqa: BLE001 - a bug met by one feed must not stop the others
                log.exception("feed %s failed", feed)
                on_report(FeedReport(feed, status="error", error=f"unexpected error: {type(exc).__name__}: {exc}"))
        done += 1
        if rounds is None or done < rounds:
            sleep(interval)
    return done
