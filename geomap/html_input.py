"""Article pages in: main text and metadata (title, date, canonical URL, site name, author) from `trafilatura`.

trafilatura is the maintained news main-text extractor (German included); geomap never scrapes HTML itself.
The extracted text becomes the article's `raw`, so every offset (mentions, sentences, evidence) is an offset
into exactly the text extracted, and the same text saved as a file parses to the same events. Page furniture
that trafilatura keeps anyway (a teaser list, a credit line) still meets geomap.articles' line cleaning.
The web process imports this module (the push API takes HTML) but never the NLP pipeline.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, replace
from datetime import date

from geomap.articles import parse_article
from geomap.errors import ArticleError
from geomap.models import Article

log = logging.getLogger(__name__)

HTML_SUFFIXES = (".html", ".htm")
MAX_META_CHARS = 300  # titles, site names and authors longer than this are not metadata


@dataclass(frozen=True)
class Page:
    """What trafilatura found in one article page."""

    text: str
    title: str | None = None
    date: str | None = None  # YYYY-MM-DD
    url: str | None = None  # the canonical URL when the page names one, else the URL it was fetched from
    publisher: str | None = None
    author: str | None = None


def _meta(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    text = " ".join(value.split())
    return text[:MAX_META_CHARS] if text else None


def _http_url(value: str | None) -> str | None:
    """Only http(s) URLs are kept: a page's canonical link is its author's text, not to be trusted further."""
    if value and value.lower().startswith(("http://", "https://")) and len(value) <= 2000:
        return value
    return None


def extract_page(html: str | bytes, source: str, url: str | None = None) -> Page:
    """The main text and metadata of an article page; ArticleError when the page holds no article text."""
    import trafilatura  # imported on first use: a few hundred ms, and only ingest paths need it

    try:
        document = trafilatura.bare_extraction(
            html, url=url, with_metadata=True, include_comments=False, include_tables=False,
            deduplicate=False,
        )
    except (ValueError, TypeError) as exc:  # trafilatura's own parse failures
        raise ArticleError(source, f"cannot read the HTML page: {exc}") from exc
    text = (document.text or "").strip() if document is not None else ""
    if not text:
        raise ArticleError(source, "no article text found in the HTML page")
    published = _meta(document.date)
    try:
        published = date.fromisoformat(published).isoformat() if published else None
    except ValueError:
        published = None
    return Page(
        text=text.replace("\r\n", "\n").replace("\r", "\n"),
        title=_meta(document.title),
        date=published,
        url=_http_url(document.url) or _http_url(url),
        publisher=_meta(document.sitename) or _meta(document.hostname),
        author=_meta(document.author),
    )


def page_article(page: Page, source: str, date_override: str | None = None) -> Article:
    """The Article of an extracted page: the headline, then the main text, is `raw` (as in an article file: a
    headline names places too, and trafilatura leaves it out of the text in some layouts); the page's date
    dates it unless overridden."""
    text = page.text
    if page.title and text.split("\n", 1)[0].strip() != page.title:
        text = f"{page.title}\n{text}"
    article = parse_article(text, source, date_override or page.date)
    return replace(article, title=page.title or article.title, url=page.url, publisher=page.publisher,
                   author=page.author)


def decode_html(data: bytes, content_type: str | None = None) -> str | bytes:
    """HTML as text when the charset is declared in the HTTP header, else the bytes (trafilatura detects it)."""
    if content_type and "charset=" in content_type.lower():
        charset = content_type.lower().split("charset=", 1)[1].split(";")[0].strip().strip('"')
        try:
            return data.decode(charset)
        except (LookupError, UnicodeDecodeError):
            log.info("declared charset %r does not decode the page; detecting", charset)
    return data
