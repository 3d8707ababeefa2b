"""Feeds in: RSS 2.0 and Atom items' pages ingested once; conditional GET; failures retried, never lost;
one feed's failure never stops another; the per-host delay and the user agent."""

from __future__ import annotations

import sqlite3
from dataclasses import replace

import pytest
from click.testing import CliRunner

from geomap.cli import main
from geomap.feeds import FeedReport, follow, parse_feed, poll_feed
from geomap.fetch import Fetcher
from geomap.ingest import IngestReport
from geomap.remote import PageStorer
from geomap.store import Store
from tests.news_pages import ALEPPO, LAYOUTS
from tests.site_server import Route, SiteServer


def _story(n: int):
    return replace(ALEPPO, slug=f"s{n}", title=f"{ALEPPO.title} ({n})",
                   paragraphs=(*ALEPPO.paragraphs, f"Dies ist Meldung {n} des Tages."))


def rss(site, paths: list[str]) -> bytes:
    items = "".join(f"<item><title>Meldung {p}</title><link>{site.url(p)}</link><guid>{site.url(p)}</guid></item>"
                    for p in paths)
    return (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Tagesblatt</title>'
            f"<link>{site.url('/')}</link><description>Nachrichten</description>{items}</channel></rss>").encode()


def atom(site, paths: list[str]) -> bytes:
    entries = "".join(f'<entry><title>Meldung {p}</title><id>urn:x:{p}</id><link href="{site.url(p)}"/>'
                      f"<updated>2016-10-19T10:00:00Z</updated></entry>" for p in paths)
    return (f'<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Kurier</title>'
            f"<id>urn:x:feed</id><updated>2016-10-19T10:00:00Z</updated>{entries}</feed>").encode()


@pytest.fixture
def site():
    with SiteServer() as server:
        for n in range(1, 6):
            layout = list(LAYOUTS.values())[n % len(LAYOUTS)]
            server.routes[f"/a{n}.html"] = Route(layout(_story(n), server.url("")).encode())
        yield server


class FakeGeoparser:
    """Just enough of Geoparser for storing pages without NLP: no events, the article is still stored."""

    class recognizer:  # noqa: N801 - mirrors the attribute
        name = "fake"

    geocoder = None

    def parse_article(self, article):
        from geomap.pipeline import ParsedArticle

        return ParsedArticle(article, (), (), (), ())


def _poll(site, store, feed="/feed.xml", fetcher=None):
    fetcher = fetcher or Fetcher("geomap-test/1", timeout=0.5, min_delay=0)
    storer = PageStorer(store, FakeGeoparser(), IngestReport(), "fake")
    return poll_feed(site.url(feed), store, fetcher, storer)


def _stored(store) -> int:
    return store.connection.execute("SELECT count(*) FROM articles").fetchone()[0]


def test_parse_feed_reads_rss_and_atom(site):
    assert [i.link for i in parse_feed(rss(site, ["/a1.html", "/a2.html"]), "f")] == [site.url("/a1.html"), site.url("/a2.html")]
    items = parse_feed(atom(site, ["/a3.html"]), "f")
    assert items[0].key == "urn:x:/a3.html" and items[0].link == site.url("/a3.html")


def test_feed_items_ingested_once_with_conditional_get(site, tmp_path):
    site.routes["/feed.xml"] = Route(rss(site, ["/a1.html", "/a2.html", "/gone.html"]), etag='"v1"',
                                     content_type="application/rss+xml")
    with Store(tmp_path / "s.sqlite3") as store:
        first = _poll(site, store)
        assert first.new_items == 3 and len(first.ingested) == 2
        assert first.failed == [(site.url("/gone.html"), "HTTP 404")]  # reported once, not retried
        second = _poll(site, store)
        assert second.status == "not-modified" and second.new_items == 0 and not second.failed
        assert site.hits("/feed.xml")[-1].headers["if-none-match"] == '"v1"'
        site.routes["/feed.xml"] = Route(rss(site, ["/a3.html", "/a1.html", "/a2.html", "/gone.html"]), etag='"v2"',
                                         content_type="application/rss+xml")
        third = _poll(site, store)
        assert third.new_items == 1 and len(third.ingested) == 1
        assert len(site.hits("/a1.html")) == 1 and len(site.hits("/gone.html")) == 1
        assert _stored(store) == 3


def test_atom_feed_and_last_modified(site, tmp_path):
    stamp = "Wed, 19 Oct 2016 10:00:00 GMT"
    site.routes["/atom.xml"] = Route(atom(site, ["/a4.html"]), last_modified=stamp, content_type="application/atom+xml")
    with Store(tmp_path / "s.sqlite3") as store:
        assert len(_poll(site, store, "/atom.xml").ingested) == 1
        assert _poll(site, store, "/atom.xml").status == "not-modified"
    assert site.hits("/atom.xml")[-1].headers["if-modified-since"] == stamp


def test_network_failures_are_retried_later_and_never_lose_an_item(site, tmp_path):
    site.routes["/feed.xml"] = Route(rss(site, ["/a1.html", "/a2.html"]), etag='"v1"')
    site.routes["/a1.html"].fail_times = 1  # a 503 that passes
    site.routes["/a2.html"].delay = 1.5  # longer than the timeout
    with Store(tmp_path / "s.sqlite3") as store:
        first = _poll(site, store)
        assert {link for link, _ in first.retry_later} == {site.url("/a1.html"), site.url("/a2.html")}
        assert not first.ingested
        site.routes["/a2.html"].delay = 0
        second = _poll(site, store)  # the feed answers 304; the pending items are fetched all the same
        assert second.status == "not-modified" and len(second.ingested) == 2
        assert _stored(store) == 2


def test_follow_keeps_polling_when_one_feed_is_down(site, tmp_path):
    site.routes["/feed.xml"] = Route(rss(site, ["/a5.html"]))
    down = "http://127.0.0.1:9/feed.xml"  # discard port: connection refused
    reports: list[FeedReport] = []
    with Store(tmp_path / "s.sqlite3") as store:
        storer = PageStorer(store, FakeGeoparser(), IngestReport(), "fake")
        rounds = follow([down, site.url("/feed.xml")], store, Fetcher("t", timeout=0.5, min_delay=0), storer,
                        interval=0, rounds=2, on_report=reports.append, sleep=lambda s: None)
        assert rounds == 2 and _stored(store) == 1
    assert [r.error is not None for r in reports] == [True, False, True, False]


def test_fetcher_waits_between_requests_to_one_host(site):
    now = [0.0]
    sleeps: list[float] = []

    def sleep(seconds: float) -> None:
        sleeps.append(seconds)
        now[0] += seconds

    fetcher = Fetcher("geomap-test/1", min_delay=2.0, clock=lambda: now[0], sleep=sleep, honour_robots=False)
    for _ in range(3):
        fetcher.get(site.url("/a1.html"))
    assert sleeps == [2.0, 2.0]
    assert {h.headers["user-agent"] for h in site.hits("/a1.html")} == {"geomap-test/1"}


def test_geomap_follow_command_ingests_a_feed(site, tmp_path):
    site.routes["/feed.xml"] = Route(rss(site, ["/a1.html", "/a2.html"]))
    db = tmp_path / "s.sqlite3"
    result = CliRunner().invoke(main, ["--db", str(db), "--model", "none", "--geocoder", "off", "follow",
                                       site.url("/feed.xml"), "--interval", "1", "--rounds", "1"],
                                env={"GEOMAP_FETCH_MIN_DELAY": "0"})
    assert result.exit_code == 0, result.output
    assert "2 new items, 2 stored" in result.output
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT count(*) FROM articles WHERE url IS NOT NULL").fetchone()[0] == 2
