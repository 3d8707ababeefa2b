"""`geomap geocode --retry`: re-parse articles whose names the geocoder could not answer before."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from geomap.articles import parse_article
from geomap.pipeline import Geoparser
from geomap.store import Store

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class RetryResult:
    articles: int
    resolved: int
    still_unresolved: int


def retry_unresolved(store: Store, geoparser: Geoparser) -> RetryResult:
    """Re-run the pipeline on each article with geocoder outages and replace its events atomically."""
    articles = resolved = still = 0
    for source, raw, stored_date in store.articles_to_retry():
        article = parse_article(raw, source)
        if article.date is None and stored_date:
            article = parse_article(raw, source, date_override=stored_date)
        before = store.unresolved_count(article.id)
        parsed = geoparser.parse_article(article)
        store.replace_article(article, parsed.events, parsed.unresolved, geoparser.recognizer.name)
        articles += 1
        resolved += max(0, before - len(parsed.unresolved))
        still += len(parsed.unresolved)
    return RetryResult(articles, resolved, still)
