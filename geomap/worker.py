"""`geomap worker`: takes jobs from the push queue (geomap.jobs), parses each article and stores it.

The one process besides `geomap ingest` / `follow` that loads the NLP pipeline: the web server only queues.
"""

from __future__ import annotations

import logging
import time
from typing import Callable

from geomap import jobs
from geomap.errors import ArticleError, StoreError
from geomap.html_input import Page, page_article
from geomap.ingest import IngestReport, store_article
from geomap.pipeline import Geoparser
from geomap.store import Store

log = logging.getLogger(__name__)

PAGE_FIELDS = ("text", "title", "date", "url", "publisher", "author")


def process(store: Store, geoparser: Geoparser, job: jobs.Job) -> None:
    """Parse and store one job's article; the job ends done or failed, with the reason."""
    payload = job.payload
    page = Page(**{k: payload.get(k) for k in PAGE_FIELDS})
    try:
        article = page_article(page, payload["source"])
        store_article(article, store, geoparser, IngestReport(), geoparser.recognizer.name)
    except ArticleError as exc:
        jobs.finish(store, job.id, error=exc.reason)
        log.warning("job %s (token %s) failed: %s", job.id, job.token_name, exc.reason)
        return
    jobs.finish(store, job.id, article_id=article.id)
    log.info("job %s (token %s) stored article %s", job.id, job.token_name, article.id)


def run_worker(store: Store, geoparser: Geoparser, *, lease: float, poll: float = 1.0, once: bool = False,
               sleep: Callable[[float], None] = time.sleep) -> int:
    """Process jobs until stopped (or, `once`, until the queue is empty); returns how many were done."""
    me = jobs.worker_id()
    done = 0
    while True:
        job = jobs.claim(store, me, lease)
        if job is None:
            if once:
                return done
            sleep(poll)
            continue
        try:
            process(store, geoparser, job)
        except StoreError:
            raise  # the job stays running and is taken over once this worker is gone
        except Exception as exc:  # noqa: BLE001 - one article's bug must not stop the queue
            log.exception("job %s failed", job.id)
            jobs.finish(store, job.id, error=f"unexpected error: {type(exc).__name__}: {exc}")
        done += 1
