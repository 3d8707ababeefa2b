"""`geomap geocode --retry`: stored articles are retried as stored (effective title and date), and names left
while the geocoder was off are retried once it is on."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from types import SimpleNamespace

from geomap.models import Article, TimeSpan, Unresolved
from geomap.retry import retry_unresolved
from geomap.store import Store
from tests.web_fixtures import _undated

OFF = "not-in-gazetteer; geocoder off"


@dataclass
class FakeGeoparser:
    """Records the articles it is given; resolves everything (no events, no unresolved names)."""

    geocoder: object | None
    seen: list[Article]
    recognizer: object = field(default_factory=lambda: SimpleNamespace(name="rules"))

    def parse_article(self, article: Article):
        self.seen.append(article)
        return SimpleNamespace(events=(), unresolved=())


def _stored(tmp_path, reason: str) -> tuple[Store, Article]:
    article, events = _undated()
    # What a sidecar gives an article: a title and a date its raw text does not have.
    article = replace(article, title="Titel aus der Sidecar-Datei", date=TimeSpan.day(date(2016, 11, 3)))
    store = Store(tmp_path / "s.sqlite3")
    store.save_article(article, events, [Unresolved(article.id, "Kafr Nabl", "Kafr Nabl", reason)], "rules")
    return store, article


def test_retry_uses_the_stored_title_and_date(tmp_path):
    store, stored = _stored(tmp_path, "geocoder-unavailable: timeout")
    parser = FakeGeoparser(geocoder=object(), seen=[])
    with store:
        result = retry_unresolved(store, parser)
        assert store.unresolved_count(stored.id) == 0
    (seen,) = parser.seen
    assert (seen.id, seen.title, seen.date) == (stored.id, stored.title, stored.date)
    assert (result.articles, result.resolved, result.still_unresolved) == (1, 1, 0)


def test_names_left_while_the_geocoder_was_off_wait_for_one(tmp_path):
    store, stored = _stored(tmp_path, OFF)
    with store:
        off = FakeGeoparser(geocoder=None, seen=[])
        assert retry_unresolved(store, off).articles == 0 and off.seen == []
        on = FakeGeoparser(geocoder=object(), seen=[])
        assert retry_unresolved(store, on).articles == 1 and [a.id for a in on.seen] == [stored.id]
