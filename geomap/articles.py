"""Read an article file, find its date header and title, and split its text into content and boilerplate.

Every offset is a character offset into ``Article.raw``. ``raw`` is the file decoded as UTF-8 (a BOM is
dropped) with universal newlines, i.e. exactly what ``open(path, encoding="utf-8").read()`` returns for a
BOM-less file, so offsets agree with annotations made that way. Cleaning never edits ``raw``: it only labels
line regions as content (with a zone) or as removed boilerplate (with a kind and a reason).

Boilerplate is recognised by general line classifiers (widget phrases, navigation words, paywall phrases,
credit patterns, a "related articles" marker followed by teaser lines), not by position in a known site.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import re
import unicodedata
from dataclasses import dataclass, replace
from pathlib import Path

from geomap.datelines import best_date_line, is_date_line, parse_date_text, read_header
from geomap.errors import ArticleError, GeomapError
from geomap.lexicon import MONTHS, WEEKDAYS, alternation
from geomap.models import Article, Segment, TimeSpan

log = logging.getLogger(__name__)

_CLOSING_QUOTES = "\"'“”„«»‹›‘’)"
_SENTENCE_END = ".!?…"
_MAX_CONTROL_SHARE = 0.1

_WIDGET_PHRASES = (
    r"diesen\s+artikel\s+\w+", r"artikel\s+(teilen|drucken|merken|versenden|anhören|vorlesen)", r"teilen", r"kommentare",
    r"kommentieren", r"drucken", r"merken", r"vorlesen", r"close\s+button", r"schließen", r"copy\s+to\s+clipboard",
    r"copied", r"kopiert", r"link\s+kopieren", r"den\s+link\s+zum\s+einbetten(\s+des\s+videos)?\s+kopieren", r"facebook",
    r"twitter", r"whatsapp", r"e-mail", r"linkedin", r"pinterest", r"telegram", r"messenger", r"flipboard", r"xing",
    r"reddit", r"zur\s+merkliste(\s+hinzufügen)?",
)
_WEEKDAY_NAMES = alternation(WEEKDAYS)
_MONTH_NAMES = alternation(MONTHS)

# Whole-line boilerplate: (kind, reason, pattern). A line is removed when a pattern matches it in full
# (``fullmatch`` on the stripped line), so article sentences that merely mention these words survive.
_LINE_RULES: tuple[tuple[str, str, re.Pattern[str]], ...] = tuple(
    (kind, reason, re.compile(pattern, re.IGNORECASE))
    for kind, reason, pattern in (
        ("paywall", "paywall prompt", r"jetzt\s+(weiter)?lesen\W*|jetzt\s+(abonnieren|registrieren|anmelden|testen)\W*"),
        ("paywall", "paywall price", r".{0,40}\d+,\d\d\s*(€|euro\b).{0,60}(artikel|lesen|erwerben|kaufen|abo).{0,30}"),
        ("paywall", "paywall login", r"sie\s+sind\s+bereits\s+(kunde|abonnent(in)?|registriert)\W*|(bereits\s+)?abonnent\?.{0,30}"),
        ("paywall", "paywall prompt", r"(artikel\s+freischalten|abo\s+abschließen|weiterlesen\s+mit\s+\w+.{0,30}|\w*plus[- ]artikel)\W*"),
        ("advertisement", "advertisement marker", r"(werbung|anzeige|advertisement|sponsored)\W*"),
        ("share-widget", "share/copy widget", r"(?:\s*(?:" + "|".join(_WIDGET_PHRASES) + r")\b\W*)+"),
        ("share-widget", "embed widget", r"den\s+link\s+zum\s+einbetten.*"),
        ("accessibility", "accessibility link", r"(zu\s+den\s+\w+|zum\s+\w+|zur\s+\w+)\s+springen\W*|skip\s+to\s+\w+"),
        ("credit", "agency credit", r"\(?\s*(ap|dpa|afp|reuters|epd|kna|apa|sda|rtr|ddp|sid)(\s*[/,]\s*\w+)*\s*\)?"),
        ("credit", "copyright line", r"(©|\(c\)|copyright\b).{0,80}"),
        ("credit", "photo credit", r"(fotos?|bild(er)?|photo|quelle|grafik|video)\s*:.{0,80}"),
        ("credit", "publication time", r"(zuerst\s+)?(veröffentlicht|aktualisiert|publiziert|stand)(\s+am)?\s*:?"
                                       r"([\s\d.:,/-]|uhr\b|um\b|" + _MONTH_NAMES + r")*"),
        ("credit", "byline", r"(von|autor(in)?:?|ein\s+beitrag\s+von)\s+.{0,120}(\b(dpa|ap|afp|reuters|kna|epd)\b"
                             r"|\w\.(net|de|com|at|ch)\b|redaktion|redaction).{0,60}(?<![.!?])"),
        # "Von Max Mustermann und Erika Muster": two to four capitalised names (case-sensitive inside).
        ("credit", "byline", r"von\s+(?-i:[A-ZÄÖÜ][\w.-]+(\s+[A-ZÄÖÜ][\w.-]+){1,3}"
                             r"((\s*,\s*|\s+und\s+)[A-ZÄÖÜ][\w.-]+(\s+[A-ZÄÖÜ][\w.-]+){1,3})*)"),
        ("credit", "date line", r"((" + _WEEKDAY_NAMES + r"),?\s*)?\d{1,2}\.\s*(\d{1,2}\.|" + _MONTH_NAMES + r")[\s\d.,:/|-]*(uhr)?\W*"),
        ("navigation", "site navigation", r"(loader|finden\s+sie\s+uns.{0,30}|folgen\s+sie\s+uns.{0,30}|menü|suche|startseite"
                                          r"|impressum|datenschutz|kontakt|login|anmelden|abmelden|mehr\s+anzeigen|zurück)\W*"),
    )
)
_NAV_WORDS = frozenset(
    "newsletter newsletters events veranstaltungen podcasts podcast videos video mediathek ressorts home startseite "
    "politik wirtschaft sport kultur panorama wissen meinung regional international lokales live ticker menü suche "
    "login anmelden abo abonnieren e-paper epaper archiv service kontakt impressum datenschutz".split()
)
_RELATED_MARKER = re.compile(
    r"(zum\s+selben\s+thema|mehr\s+zum\s+thema.{0,40}|das\s+könnte\s+sie\s+(auch\s+)?interessieren|lesen\s+sie\s+auch"
    r"|auch\s+interessant|weitere\s+(artikel|nachrichten|themen)|verwandte\s+(artikel|themen)|mehr\s+dazu"
    r"|empfehlungen|top-?themen|meistgelesen|das\s+könnte\s+sie\s+auch\s+interessieren)\W*",
    re.IGNORECASE,
)
_TEASER_MAX_CHARS = 200
_PROSE_MIN_WORDS = 8
_INLINE_CREDIT = re.compile(
    r"\s*(?:©|\(c\)|\bcopyright\b)\s*(?:fotos?|bild|photo)?\s*:?[^.!?©]{0,80}\Z"
    r"|\s*\(?\b(?:fotos?|bild|photo)\s*:\s*[^.!?]{1,80}\)?\Z",
    re.IGNORECASE,
)
# Lowercase words that may appear in a verbless caption ("Die Minister X und Y am 22. September beim Treffen in Z.").
_FUNCTION_WORDS = frozenset(
    "der die das den dem des ein eine einer eines einem einen und oder sowie mit ohne in im am an auf aus bei beim "
    "von vom vor zu zum zur über unter für gegen durch um bis seit während zwischen neben nahe hinter nach nach "
    "al el de da van von der the of and".split()
)
_ADJECTIVE_ENDINGS = ("e", "en", "er", "es", "em")
_HEADING_MAX_CHARS = 150
_HEADING_MAX_WORDS = 16


@dataclass(frozen=True)
class _Line:
    start: int
    end: int  # stripped: no surrounding whitespace
    text: str


def read_article(path: Path, date_override: str | None = None) -> Article:
    """Read one article file (and its optional ``<file>.meta.json`` sidecar) into an Article.

    A sidecar that cannot be used (not JSON, nested too deep, a date that is not a string, a title too long)
    refuses the article with the reason: stored without it, a fixed sidecar could never be applied later
    (an article is stored once)."""
    path = Path(path)
    source = source_name(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ArticleError(source, f"cannot read file: {exc.strerror or exc}") from exc
    raw = decode_article_bytes(data, source)
    meta = _read_sidecar(path, source)
    override = date_override if date_override is not None else meta.get("date")
    article = parse_article(raw, source, override)
    if meta.get("title"):
        article = _with_title(article, meta["title"].strip())
    if source != str(path):
        article = replace(article, warnings=(*article.warnings, f"file name is not UTF-8; stored as {source}"))
    return article


def source_name(path: Path | str) -> str:
    """The path as text that can be stored and printed: a file name that is not UTF-8 (``M\\xfcnchen.txt``)
    keeps its odd bytes as ``\\xfc`` escapes instead of failing every write and print."""
    return os.fsencode(path).decode("utf-8", "backslashreplace")


def decode_article_bytes(data: bytes, source: str) -> str:
    """Decode file bytes as UTF-8 (BOM dropped, universal newlines) or raise ArticleError."""
    if b"\x00" in data:
        raise ArticleError(source, "binary file (contains NUL bytes)")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ArticleError(source, f"not UTF-8 (invalid byte at position {exc.start})") from exc
    return text.replace("\r\n", "\n").replace("\r", "\n")


def parse_article(raw: str, source: str, date_override: str | None = None) -> Article:
    """Build an Article from decoded text: identity, date header, title, content and boilerplate segments."""
    _check_text(raw, source)
    warnings: list[str] = []
    header_date, header_end = _parse_header(raw, warnings)
    removed: list[Segment] = []
    if header_end:
        removed.append(Segment(_skip_space(raw, 0), _rstrip_end(raw, 0, header_end), "header", "date header"))
    content, cleaned, title = _clean(raw, header_end)
    article_date = header_date
    if article_date is None:
        found = best_date_line([line.text for line in _lines(raw, header_end)], warnings)
        article_date = found.date if found else None
    if date_override is not None:
        article_date = _apply_override(article_date, date_override, warnings)
    return Article(
        id=hashlib.sha256(raw.encode("utf-8")).hexdigest(),
        source=source,
        raw=raw,
        date=article_date,
        title=title,
        content=tuple(content),
        removed=tuple(sorted(removed + cleaned, key=lambda s: s.start)),
        warnings=tuple(warnings),
    )


def masked_text(article: Article) -> str:
    """``raw`` with every non-content character blanked (newlines kept), so NLP offsets stay raw offsets."""
    chars = [c if c == "\n" else " " for c in article.raw]
    for seg in article.content:
        chars[seg.start:seg.end] = article.raw[seg.start:seg.end]
    return "".join(chars)


def content_text_ranges(article: Article) -> list[tuple[int, int]]:
    """The (start, end) ranges of article content in raw, in order."""
    return [(seg.start, seg.end) for seg in article.content]


def display_title(article: Article, max_chars: int = 120) -> str:
    """The headline, else the start of the first lead/body segment, else the source."""
    if article.title:
        return article.title
    for seg in article.content:
        if seg.kind in ("lead", "body"):
            text = " ".join(article.raw[seg.start:seg.end].split())
            return text if len(text) <= max_chars else text[: max_chars - 1].rsplit(" ", 1)[0] + "…"
    return article.source


def _check_text(raw: str, source: str) -> None:
    """Refuse empty, whitespace-only and binary-looking text."""
    if not raw or not raw.strip():
        raise ArticleError(source, "empty article")
    if "\x00" in raw:
        raise ArticleError(source, "binary text (contains NUL characters)")
    controls = sum(1 for c in raw if unicodedata.category(c) == "Cc" and c not in "\n\t\r\f")
    if controls > _MAX_CONTROL_SHARE * len(raw):
        raise ArticleError(source, "binary text (mostly control characters)")


def _parse_header(raw: str, warnings: list[str]) -> tuple[TimeSpan | None, int]:
    """The ``date …`` header's date (None if absent or bad) and where the header ends (0 if absent)."""
    header = read_header(raw)
    if header is None:
        return None, 0
    value, end = header
    try:
        return parse_date_text(value), end
    except GeomapError as exc:
        warnings.append(f"ignored bad date header {value!r}: {exc}")
        log.warning("ignored bad date header %r", value)
        return None, end


def _apply_override(header: TimeSpan | None, value: str, warnings: list[str]) -> TimeSpan | None:
    """The article's own date (header or date line) wins over an override; the override dates an undated article."""
    try:
        override = parse_date_text(value)
    except GeomapError as exc:
        warnings.append(f"ignored bad date override {value!r}: {exc}")
        return header
    if header is None:
        return override
    if header != override:
        warnings.append(f"article date {header.label()} kept; override {value!r} ignored")
    return header


MAX_SIDECAR_BYTES = 1_000_000  # a sidecar holds a date and a title; articles have the same bound
MAX_TITLE_CHARS = 300  # headlines run to ~150 characters; _HEADING_MAX_CHARS bounds the ones found in the text


def _read_sidecar(path: Path, source: str) -> dict:
    """The ``<file>.meta.json`` sidecar, checked: {} when absent; ArticleError when it cannot be used."""
    sidecar = path.with_name(path.name + ".meta.json")
    if not sidecar.is_file():
        return {}
    name = f"sidecar {source_name(sidecar.name)}"
    try:
        size = sidecar.stat().st_size
        data = sidecar.read_bytes() if size <= MAX_SIDECAR_BYTES else b""
    except OSError as exc:
        raise ArticleError(source, f"cannot read {name}: {exc.strerror or exc}") from exc
    if size > MAX_SIDECAR_BYTES:
        raise ArticleError(source, f"{name} is larger than {MAX_SIDECAR_BYTES:,} bytes")
    try:
        meta = json.loads(data.decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        raise ArticleError(source, f"{name} is not UTF-8 (invalid byte at position {exc.start})") from exc
    except RecursionError:
        raise ArticleError(source, f"{name} is nested too deeply") from None
    except ValueError as exc:
        raise ArticleError(source, f"{name} is not valid JSON: {exc}") from exc
    if not isinstance(meta, dict):
        raise ArticleError(source, f"{name} must be a JSON object, got {type(meta).__name__}")
    for key in ("date", "title"):
        value = meta.get(key)
        if value is not None and not isinstance(value, str):
            raise ArticleError(source, f"{name}: {key!r} must be a string, got {type(value).__name__} {_short(value)}")
        if isinstance(value, str) and not _is_utf8(value):
            raise ArticleError(source, f"{name}: {key!r} holds a lone surrogate escape, not text")
    title = (meta.get("title") or "").strip()
    if len(title) > MAX_TITLE_CHARS:
        raise ArticleError(source, f"{name}: 'title' is {len(title):,} characters long; at most {MAX_TITLE_CHARS}")
    return meta


def _short(value: object) -> str:
    if isinstance(value, (dict, list)):
        return "{…}" if isinstance(value, dict) else "[…]"
    text = json.dumps(value)
    return text if len(text) <= 40 else text[:39] + "…"


def _is_utf8(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _with_title(article: Article, title: str) -> Article:
    """A copy of the article with a caller-supplied title."""
    return replace(article, title=title or article.title)


def _skip_space(raw: str, pos: int) -> int:
    while pos < len(raw) and raw[pos].isspace():
        pos += 1
    return pos


def _rstrip_end(raw: str, start: int, end: int) -> int:
    while end > start and raw[end - 1].isspace():
        end -= 1
    return end


def _lines(raw: str, begin: int) -> list[_Line]:
    """Non-empty lines from ``begin`` on, with surrounding whitespace (incl. NBSP) excluded from their span."""
    lines = []
    pos = begin
    for piece in raw[begin:].split("\n"):
        start = pos + (len(piece) - len(piece.lstrip()))
        end = _rstrip_end(raw, start, pos + len(piece))
        if end > start:
            lines.append(_Line(start, end, raw[start:end]))
        pos += len(piece) + 1
    return lines


def _norm(text: str) -> str:
    """Whitespace- and quote-insensitive form for duplicate detection."""
    return " ".join(text.strip(_CLOSING_QUOTES + " ").split()).casefold()


def _classify_line(text: str) -> tuple[str, str] | None:
    """(kind, reason) when a whole line is boilerplate, else None."""
    flat = " ".join(text.split())
    for kind, reason, pattern in _LINE_RULES:
        if pattern.fullmatch(flat):
            return kind, reason
    if is_date_line(flat):
        return "credit", "date line"
    words = [w.strip(".,:;|·•»«-").casefold() for w in flat.split()]
    words = [w for w in words if w]
    if len(words) >= 3 and not _has_sentence_end(flat) and sum(w in _NAV_WORDS for w in words) * 2 >= len(words):
        return "navigation", "site navigation"
    return None


def _has_sentence_end(text: str) -> bool:
    return text.rstrip(_CLOSING_QUOTES + " ")[-1:] in _SENTENCE_END


def _is_heading(text: str) -> bool:
    """A short single line that does not end like a sentence: headline or subheading."""
    core = text.rstrip(_CLOSING_QUOTES + " ")
    if len(text) > _HEADING_MAX_CHARS or len(text.split()) > _HEADING_MAX_WORDS or not core:
        return False
    if core[-1] in ".,;:":
        return False
    if core[-1] in "!?…":
        return not re.search(r"[.!?]\s+\S", core)  # one short question/exclamation
    return True


def _is_verbless_caption(text: str) -> bool:
    """A single sentence whose lowercase words are all function words or attributive adjectives."""
    if not text.endswith(".") or re.search(r"(?<!\d)[.!?]\s+[A-ZÄÖÜ]", text[:-1]) or len(text.split()) < 5:
        return False
    if any(q in text for q in "\"“”„«»:"):
        return False
    tokens = re.findall(r"[\wÄÖÜäöüß-]+", text)
    for i, tok in enumerate(tokens):
        if not tok[0].islower() or tok.casefold() in _FUNCTION_WORDS:
            continue
        following = tokens[i + 1] if i + 1 < len(tokens) else ""
        if tok.endswith(_ADJECTIVE_ENDINGS) and following[:1].isupper():
            continue  # attributive adjective before its noun
        return False
    return True


def _clean(raw: str, begin: int) -> tuple[list[Segment], list[Segment], str | None]:
    """Classify each line from ``begin`` on: (content segments, removed segments, title)."""
    content: list[Segment] = []
    removed: list[Segment] = []
    title: str | None = None
    seen_paragraphs: set[str] = set()
    in_related = False
    lines = _lines(raw, begin)
    for index, line in enumerate(lines):
        if in_related and _is_teaser(line.text):
            removed.append(Segment(line.start, line.end, "related", "related-article teaser"))
            continue
        in_related = False
        if _RELATED_MARKER.fullmatch(" ".join(line.text.split())):
            removed.append(Segment(line.start, line.end, "related", "related-articles block"))
            in_related = True
            continue
        verdict = _classify_line(line.text)
        if verdict:
            removed.append(Segment(line.start, line.end, verdict[0], verdict[1]))
            continue
        key = _norm(line.text)
        if title is not None and key == _norm(title):
            removed.append(Segment(line.start, line.end, "duplicate-headline", "headline repeated"))
            continue
        if key in seen_paragraphs and len(key) > _HEADING_MAX_CHARS:
            removed.append(Segment(line.start, line.end, "duplicate-paragraph", "paragraph repeated verbatim"))
            continue
        seen_paragraphs.add(key)
        line, credit = _split_inline_credit(raw, line)
        if credit:
            removed.append(credit)
        if line is None:
            continue
        zone = _zone(line, credit is not None, not content, lines[index + 1:])
        if zone == "title":
            title = " ".join(line.text.split())
        content.append(Segment(line.start, line.end, zone))
    return content, removed, title


def _is_teaser(text: str) -> bool:
    """A related-article teaser: a short headline-like line, not a prose sentence ending in a period."""
    prose = text.rstrip(_CLOSING_QUOTES + " ").endswith(".") and len(text.split()) >= _PROSE_MIN_WORDS
    return len(text) <= _TEASER_MAX_CHARS and not prose


def _split_inline_credit(raw: str, line: _Line) -> tuple[_Line | None, Segment | None]:
    """Cut a trailing photo credit ("… © Foto: AP Photo") off a content line; None when nothing is left."""
    match = _INLINE_CREDIT.search(line.text)
    if not match:
        return line, None
    if match.start() == 0:
        return None, Segment(line.start, line.end, "credit", "photo credit")
    credit_start = line.start + match.start() + (len(match.group()) - len(match.group().lstrip()))
    end = _rstrip_end(raw, line.start, line.start + match.start())
    return _Line(line.start, end, raw[line.start:end]), Segment(credit_start, line.end, "credit", "photo credit")


def _zone(line: _Line, had_credit: bool, first: bool, rest: list[_Line]) -> str:
    """The content zone of a line that survived cleaning."""
    if had_credit or _is_verbless_caption(line.text):
        return "caption"
    if _is_heading(line.text):
        return "title" if first and rest else "subheading"
    if _repeated_as_lead(line.text, rest):
        return "lead"
    return "body"


def _repeated_as_lead(text: str, rest: list[_Line]) -> bool:
    """A standfirst whose text opens the next long paragraph again (the gold keeps both copies)."""
    key = _norm(text)
    for nxt in rest:
        if _classify_line(nxt.text) or _is_heading(nxt.text):
            continue
        other = _norm(nxt.text)
        return len(other) > len(key) and other.startswith(key)
    return False
