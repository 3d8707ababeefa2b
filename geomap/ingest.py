"""Ingesting files into the store: read, skip what is stored, parse, save one article per transaction.

Every input is either stored (or found already stored) or reported with its reason, and nothing in one input
stops the others. A failure of the store itself (full disk, read-only, locked, damaged) stops the run at once:
every later article would fail the same way.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Callable, Iterable, Sequence

from geomap.articles import read_article, source_name
from geomap.errors import ArticleError, GeomapError, StoreError
from geomap.fetch import MAX_PAGE_BYTES
from geomap.html_input import HTML_SUFFIXES, extract_page, page_article
from geomap.models import Article
from geomap.pipeline import Geoparser
from geomap.sources import file_source
from geomap.store import Store

log = logging.getLogger(__name__)

ARTICLE_SUFFIXES = (".txt", ".text", ".md", *HTML_SUFFIXES)
# News articles are tens of KB. A bigger file is not an article, would hold up the run for minutes and,
# above spaCy's max_length (1,000,000 characters), make the recognizer raise.
MAX_ARTICLE_BYTES = 1_000_000


@dataclass
class IngestReport:
    """What one ingest run did, every case counted."""

    files: int = 0
    new_articles: int = 0
    already_stored: int = 0
    events: int = 0
    actor_mentions: int = 0
    unresolved: int = 0
    errors: list[tuple[str, str]] = field(default_factory=list)
    warnings: list[tuple[str, str]] = field(default_factory=list)
    stopped: str | None = None  # why the store could not be written; the run stopped there

    def summary(self) -> str:
        text = (
            f"{self.files} files: {self.new_articles} new articles, {self.already_stored} already stored, "
            f"{len(self.errors)} errors; {self.events} events, {self.actor_mentions} actor events, "
            f"{self.unresolved} unresolved names, {len(self.warnings)} warnings"
        )
        if self.stopped:
            done = self.new_articles + self.already_stored + len(self.errors)
            text += f"\nstopped after {done} of {self.files} files: {self.stopped}"
        return text

    @property
    def exit_code(self) -> int:
        """0: every input stored or already stored; 1: some inputs failed; 2: the store could not be written."""
        return 2 if self.stopped else 1 if self.errors else 0

    def as_dict(self) -> dict[str, Any]:
        return {
            "files": self.files, "new_articles": self.new_articles, "already_stored": self.already_stored,
            "events": self.events, "actor_events": self.actor_mentions, "unresolved": self.unresolved,
            "errors": [{"path": p, "reason": r} for p, r in self.errors],
            "warnings": [{"path": p, "message": m} for p, m in self.warnings],
            "stopped": self.stopped, "exit_code": self.exit_code,
        }


def article_files(paths: Iterable[str | Path]) -> tuple[list[Path], list[tuple[str, str]]]:
    """Expand files and folders into article files (sorted); report paths that do not exist and folders
    without any article file (an unmounted volume looks like that)."""
    files: list[Path] = []
    missing: list[tuple[str, str]] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found = sorted(p for p in path.rglob("*") if p.suffix.lower() in ARTICLE_SUFFIXES and p.is_file())
            if not found:
                missing.append((source_name(path), f"no article files ({', '.join(ARTICLE_SUFFIXES)}) in this folder"))
            files.extend(found)
        elif path.is_file():
            files.append(path)
        else:
            missing.append((source_name(path), "no such file or folder"))
    return files, missing


def ingest_files(
    files: Sequence[Path],
    store: Store,
    geoparser: Geoparser,
    *,
    date_override: str | None = None,
    on_file: Callable[[Path], None] | None = None,
    recognizer_name: str | None = None,
    roots: Sequence[Path] = (),
) -> IngestReport:
    """Ingest each file in its own transaction; an input's errors are collected, never raised. The store is
    checked first (intact, writable); a store failure at any point stops the run (`report.stopped`)."""
    report = IngestReport(files=len(files))
    if geoparser.geocoder is not None:
        geoparser.geocoder.reset_budget()  # each run gets its own geocoder time budget
    name = recognizer_name or geoparser.recognizer.name
    try:
        store.check_integrity()
        store.check_writable()
    except StoreError as exc:
        report.stopped = str(exc)
        return report
    for path in files:
        source = source_name(path)
        try:
            _ingest_one(path, store, geoparser, report, date_override, name, roots)
        except StoreError as exc:  # the store, not this input: every later article would fail the same way
            report.stopped = str(exc)
            log.error("stopped at %s: %s", source, exc)
            return report
        except ArticleError as exc:
            report.errors.append((source, exc.reason))
            log.warning("skipped %s: %s", source, exc.reason)
        except GeomapError as exc:
            report.errors.append((source, str(exc)))
            log.error("failed %s: %s", source, exc)
        except Exception as exc:  # noqa: BLE001 - a bug met by one odd input must not stop the others
            report.errors.append((source, f"unexpected error: {type(exc).__name__}: {exc}"))
            log.exception("unexpected error on %s", source)
        if on_file:
            on_file(path)
    return report


def _check_size(path: Path, limit: int = MAX_ARTICLE_BYTES) -> None:
    """Refuse files too large to be an article (or an article page), before reading them."""
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise ArticleError(source_name(path), f"cannot read file: {exc.strerror or exc}") from exc
    if size > limit:
        raise ArticleError(source_name(path), f"file too large ({size:,} bytes; an article has at most {limit:,})")


def _read_page_file(path: Path, source: str, date_override: str | None) -> Article:
    """An HTML article page saved as a file: its main text and metadata (geomap.html_input)."""
    _check_size(path, MAX_PAGE_BYTES)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ArticleError(source, f"cannot read file: {exc.strerror or exc}") from exc
    return page_article(extract_page(data, source), source, date_override)


def _ingest_one(
    path: Path, store: Store, geoparser: Geoparser, report: IngestReport, date_override: str | None, name: str,
    roots: Sequence[Path] = (),
) -> None:
    # The stored source is public (events, GeoJSON, CSV): relative to the folder given to ingest, never a path.
    source = file_source(path, roots)
    if path.suffix.lower() in HTML_SUFFIXES:
        article = _read_page_file(path, source, date_override)
    else:
        _check_size(path)
        article = replace(read_article(path, date_override=date_override), source=source)
    store_article(article, store, geoparser, report, name)


def store_article(article: Article, store: Store, geoparser: Geoparser, report: IngestReport, name: str) -> bool:
    """Parse and store one article unless it is stored already (counted in `report` either way); True when
    new. The one path files, pages, feed items and pushed articles take into the store."""
    for warning in article.warnings:
        report.warnings.append((article.source, warning))
    if store.has_article(article.id):
        report.already_stored += 1
        return False
    if not article.content:
        raise ArticleError(article.source, "no article text left after removing boilerplate")
    parsed = geoparser.parse_article(article)
    if store.save_article(article, parsed.events, parsed.unresolved, name):
        report.new_articles += 1
        report.events += sum(1 for e in parsed.events if e.role == "location")
        report.actor_mentions += sum(1 for e in parsed.events if e.role == "actor")
        report.unresolved += len(parsed.unresolved)
        return True
    report.already_stored += 1
    return False
