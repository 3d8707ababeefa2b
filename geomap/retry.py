"""`geomap geocode --retry`: re-parse articles whose names the geocoder could not answer before."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from geomap.pipeline import Geoparser
from geomap.store import Store

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class RetryResult:
    articles: int
    resolved: int
    still_unresolved: int


def retry_unresolved(store: Store, geoparser: Geoparser) -> RetryResult:
    """Re-run the pipeline on each stored article (its effective title and date) with names the geocoder could
    not answer, or that were left while it was off when it is on now, and replace its events atomically."""
    articles = resolved = still = 0
    for article in store.articles_to_retry(geocoder_off_too=geoparser.geocoder is not None):
        before = store.unresolved_count(article.id)
        parsed = geoparser.parse_article(article)
        store.replace_article(article, parsed.events, parsed.unresolved, geoparser.recognizer.name)
        articles += 1
        resolved += max(0, before - len(parsed.unresolved))
        still += len(parsed.unresolved)
    return RetryResult(articles, resolved, still)
