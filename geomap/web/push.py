"""The push API: POST /api/articles (a CMS hands over an article) and GET /api/jobs/ID.

Bearer tokens (geomap.tokens): 401 without a valid one. The body is JSON with `text` or `html` and optional
`url`, `title`, `date`, `publisher`; 413 when larger than `push_max_bytes`, 400 with a message when malformed.
HTML is read here (trafilatura), so a page without article text is a 400 at once; the NLP runs in
`geomap worker`, never in the web process. An accepted article is queued (202 with the job); one already
stored (same text, or same URL) answers 200 with its id.
"""

from __future__ import annotations

import logging
from typing import Any

import orjson
from flask import Blueprint, Response, jsonify, request, url_for

from geomap import jobs
from geomap.datelines import parse_iso_date
from geomap.errors import ArticleError, GeomapError
from geomap.html_input import MAX_META_CHARS, Page, extract_page, page_article
from geomap.tokens import configured_tokens, token_name
from geomap.web.context import get_store, settings
from geomap.web.errors import error_response

log = logging.getLogger(__name__)

bp = Blueprint("push", __name__)

FIELDS = {"text", "html", "url", "title", "date", "publisher", "author"}
MAX_URL = 2000


class BadPush(GeomapError, ValueError):
    """The pushed body is not a valid article."""


def _unauthorized() -> Response:
    response = error_response(401, "a valid API token is required: Authorization: Bearer <token>")
    response.headers["WWW-Authenticate"] = 'Bearer realm="geomap"'
    return response


def _caller() -> str | None:
    """The name of the request's valid token, or None."""
    header = request.headers.get("Authorization", "")
    scheme, _, secret = header.partition(" ")
    if scheme.lower() != "bearer":
        return None
    return token_name(get_store(), configured_tokens(settings()["api_tokens"]), secret.strip())


def _string(body: dict[str, Any], name: str, limit: int) -> str | None:
    value = body.get(name)
    if value is None:
        return None
    if not isinstance(value, str):
        raise BadPush(f"field '{name}' must be a string, got {type(value).__name__}")
    value = value.strip()
    if len(value) > limit:
        raise BadPush(f"field '{name}' is longer than {limit:,} characters")
    return value or None


def _page(body: Any) -> Page:
    """The pushed article as a Page (HTML read by trafilatura); BadPush when malformed."""
    if not isinstance(body, dict):
        raise BadPush("the body must be a JSON object")
    unknown = sorted(set(body) - FIELDS)
    if unknown:
        raise BadPush(f"unknown field {unknown[0][:40]!r}; fields: {', '.join(sorted(FIELDS))}")
    limit = int(settings()["push_max_bytes"])
    text, html = _string(body, "text", limit), _string(body, "html", limit)
    if (text is None) == (html is None):
        raise BadPush("give the article as 'text' or as 'html' (one of them)")
    url = _string(body, "url", MAX_URL)
    if url is not None and not url.lower().startswith(("http://", "https://")):
        raise BadPush("field 'url' must be an http or https URL")
    when = _string(body, "date", 10)
    if when is not None:
        try:
            parse_iso_date(when)
        except GeomapError as exc:
            raise BadPush(f"field 'date' must be YYYY-MM or YYYY-MM-DD: {exc}") from None
    meta = {k: _string(body, k, MAX_META_CHARS) for k in ("title", "publisher", "author")}
    if html is not None:
        page = extract_page(html, url or "pushed HTML", url=url)
        return Page(page.text, meta["title"] or page.title, when or page.date, url or page.url,
                    meta["publisher"] or page.publisher, meta["author"] or page.author)
    return Page(text.replace("\r\n", "\n").replace("\r", "\n"), meta["title"], when, url, meta["publisher"],
                meta["author"])


def _read_body(limit: int) -> bytes | None:
    """The request body, or None when it is larger than `limit` (read no further than that)."""
    if request.content_length is not None and request.content_length > limit:
        return None
    data = request.stream.read(limit + 1)
    return None if len(data) > limit else data


@bp.post("/api/articles")
def push_article() -> Response:
    """Queue an article for the worker (202 + job), or name the stored one (200)."""
    caller = _caller()
    if caller is None:
        return _unauthorized()
    limit = int(settings()["push_max_bytes"])
    data = _read_body(limit)
    if data is None:
        return error_response(413, f"the body is larger than {limit:,} bytes")
    try:
        page = _page(orjson.loads(data))
        article = page_article(page, page.url or "")
    except orjson.JSONDecodeError as exc:
        return error_response(400, f"the body is not JSON: {exc}")
    except (BadPush, ArticleError) as exc:
        return error_response(400, getattr(exc, "reason", None) or str(exc))
    if not article.content:
        return error_response(400, "no article text left after removing boilerplate")
    store = get_store()
    known = article.id if store.has_article(article.id) else (store.article_ref(page.url) if page.url else None)
    if known:
        return jsonify({"state": "stored", "article_id": known})
    source = page.url or f"api/{caller}/{article.id[:12]}"
    payload = {"source": source, "text": page.text, "title": page.title, "date": page.date, "url": page.url,
               "publisher": page.publisher, "author": page.author}
    job, created = jobs.enqueue(store, payload, article.id, caller)
    if created:
        log.info("token %s queued job %s (article %s)", caller, job.id, article.id)
    location = url_for("push.job_state", job_id=job.id)
    response = jsonify({**job.public(), "job": job.id, "url": location})
    response.status_code = 202
    response.headers["Location"] = location
    return response


@bp.get("/api/jobs/<job_id>")
def job_state(job_id: str) -> Response:
    """A job's state: queued, running, done (with its article_id) or failed (with the error)."""
    if _caller() is None:
        return _unauthorized()
    job = jobs.get_job(get_store(), job_id[:64])
    if job is None:
        return error_response(404, "no such job")
    return jsonify(job.public())
