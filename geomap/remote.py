"""Articles from the web: `geomap ingest URL` and `geomap follow FEED`. A URL is an article page or an
RSS/Atom feed (then its items' pages are ingested, see geomap.feeds); pages are fetched politely
(geomap.fetch), read by trafilatura (geomap.html_input) and stored like files (geomap.ingest.store_article).
"""

from __future__ import annotations

import logging
from typing import Any, Callable

from geomap.errors import ArticleError, FetchError, GeomapError, StoreError
from geomap.feeds import FeedReport, follow, looks_like_feed, poll_feed
from geomap.fetch import Fetched, Fetcher
from geomap.html_input import decode_html, extract_page, page_article
from geomap.ingest import IngestReport, store_article
from geomap.pipeline import Geoparser
from geomap.store import Store

log = logging.getLogger(__name__)


def is_url(value: str) -> bool:
    return value.lower().startswith(("http://", "https://"))


def make_fetcher(settings: dict[str, Any]) -> Fetcher:
    """The polite fetcher the settings describe (user agent, timeout, per-host delay, size limit)."""
    return Fetcher(settings["user_agent"], timeout=float(settings["fetch_timeout"]),
                   min_delay=float(settings["fetch_min_delay"]), max_bytes=int(settings["fetch_max_bytes"]))


class PageStorer:
    """Store fetched article pages through geomap.ingest, counting into one report."""

    def __init__(self, store: Store, geoparser: Geoparser, report: IngestReport, recognizer: str,
                 date_override: str | None = None) -> None:
        self.store, self.geoparser, self.report = store, geoparser, report
        self.recognizer, self.date_override = recognizer, date_override

    def __call__(self, link: str, answer: Fetched) -> tuple[str, bool]:
        """(article id, new?) of a fetched page; ArticleError when it holds no article text."""
        page = extract_page(decode_html(answer.body, answer.content_type), link, url=answer.url)
        if page.url and page.url != link:
            known = self.store.article_ref(page.url)
            if known:  # the canonical URL is stored already (the feed linked a tracking variant)
                self.report.already_stored += 1
                return known, False
        article = page_article(page, page.url or answer.url, self.date_override)
        self.report.files += 1
        return article.id, store_article(article, self.store, self.geoparser, self.report, self.recognizer)


def ingest_urls(urls: list[str], store: Store, geoparser: Geoparser, fetcher: Fetcher, report: IngestReport,
                recognizer: str, date_override: str | None = None,
                on_feed: Callable[[FeedReport], None] = lambda r: None) -> None:
    """Ingest article page and feed URLs into `report`; an URL's failure is reported, never raised (except
    the store's own, which stops the run)."""
    storer = PageStorer(store, geoparser, report, recognizer, date_override)
    for url in urls:
        try:
            if store.article_ref(url):
                report.files += 1
                report.already_stored += 1
                continue
            answer = fetcher.get(url)
            if looks_like_feed(answer):
                feed = poll_feed(url, store, fetcher, storer, answer=answer)
                report.errors.extend(feed.failed)
                report.errors.extend((link, f"{reason} (will be retried by `geomap follow`)")
                                     for link, reason in feed.retry_later)
                on_feed(feed)
            else:
                storer(url, answer)
        except StoreError:
            raise
        except FetchError as exc:
            report.errors.append((url, exc.reason))
        except ArticleError as exc:
            report.files += 1
            report.errors.append((url, exc.reason))
        except GeomapError as exc:
            report.errors.append((url, str(exc)))


def follow_feeds(feeds: list[str], store: Store, geoparser: Geoparser, fetcher: Fetcher, recognizer: str, *,
                 interval: float, rounds: int | None, on_report: Callable[[FeedReport], None]) -> int:
    """`geomap follow`: poll the feeds until stopped; see geomap.feeds.follow."""
    storer = PageStorer(store, geoparser, IngestReport(), recognizer)
    return follow(feeds, store, fetcher, storer, interval=interval, rounds=rounds, on_report=on_report)
