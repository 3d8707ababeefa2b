"""An article's own date, from the lines newsrooms and scrapers write: one date-string parser for all of them.

Recognised, best first: the ``date …`` header on the first line (geomap's own format); a publication line
("Veröffentlicht am …", "Erschienen am …", "Datum: …"); a line that is only a date ("Montag, 14. April 2024,
10:15 Uhr"); a dateline opening a paragraph ("Leverkusen, 14.04.2024 – …", "Leverkusen (dpa), 14.04.2024 – …");
an update line ("Aktualisiert am …", "Stand: …"), used only when nothing says when the article was published.
Values: ISO ``2024-04-14`` (a time may follow), ``2024-04``, ``14.04.2024``, ``14.04.24``, ``14. April 2024``,
``April 2024``. A line that looks like a date line but cannot be read gets a warning naming the line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from geomap import lexicon
from geomap.errors import FilterError
from geomap.models import TimeSpan

_MONTH = "(?:" + lexicon.alternation([*lexicon.MONTHS, *lexicon.MONTH_ABBREVIATIONS]) + r")\b\.?"
_WEEKDAY = "(?:" + lexicon.alternation(lexicon.WEEKDAYS) + ")"
_TIME = r"(?:(?:,|\||um|-|–)?\s*\d{1,2}[:.]\d{2}(?::\d{2})?\s*(?:uhr|h)?\s*(?:mez|mesz|cet|cest|utc)?)"
_ISO = r"(?P<iy>\d{4})-(?P<im>\d{2})(?:-(?P<id>\d{2}))?(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?"
_NUMERIC = r"(?P<nd>\d{1,2})\.\s?(?P<nm>\d{1,2})\.\s?(?P<ny>\d{4}|\d{2})"
_NAMED = rf"(?:(?P<wd>\d{{1,2}})\.\s*)?(?P<wm>{_MONTH})\s*(?P<wy>\d{{4}})"
_VALUE = rf"(?:(?:{_WEEKDAY}),?\s+(?:den\s+)?)?(?:{_ISO}|{_NUMERIC}|{_NAMED})"
_VALUE_RE = re.compile(rf"\s*{_VALUE}\s*{_TIME}?\s*[.,;]?\s*", re.IGNORECASE)
# A labelled line: the label says what the date is; a colon or "am" makes the line date-looking.
_PUBLISHED = r"veröffentlicht|erschienen|publiziert|erstveröffentlichung|datum|date|published"
_UPDATED = r"zuletzt\s+aktualisiert|aktualisiert|stand|update|updated|geändert"
_LABELLED = re.compile(rf"(?P<label>{_PUBLISHED}|{_UPDATED})(?:\s+am|\s*:)\s*(?P<value>.{{0,60}})", re.IGNORECASE)
_UPDATE_LABEL = re.compile(_UPDATED, re.IGNORECASE)
_DATE_WORDS = re.compile(rf"\d|\b(?:{_MONTH}|{_WEEKDAY}|gestern|heute|vorgestern)", re.IGNORECASE)
# A dateline: a capitalised place (up to four words, "Frankfurt am Main"), an agency, the date, a dash.
# Not a sentence opening ("Am Sonntag, 14.04.2024 - so die Polizei -"): no article, preposition or weekday.
_NOT_PLACE = rf"(?!(?i:{lexicon.alternation(lexicon.ARTICLES)}|seit|ab|bis|{lexicon.alternation(lexicon.WEEKDAYS)})\b)"
_PLACE = rf"(?-i:{_NOT_PLACE}[A-ZÄÖÜ][\w.'/-]*(?:\s+(?:am\s+|an\s+der\s+|im\s+)?{_NOT_PLACE}[A-ZÄÖÜ][\w.'/-]*){{0,3}})"
_AGENCY = r"(?:\s*\([\w/ .-]{1,20}\))"
_DATELINE = re.compile(rf"{_PLACE}{_AGENCY}?,?\s+(?P<value>{_VALUE}){_AGENCY}?\s*[–—-]\s", re.IGNORECASE)
# Digits that look like a date but might not be one ("31.02.2024", "2024-13-01"): warned, never silently dropped.
_DATE_SHAPED = re.compile(r"(?:[\w]+,?\s+)?\d{1,4}[.-]\s?\d{1,2}[.-]\s?\d{2,4}\W*", re.IGNORECASE)
_HEADER = re.compile(rf"\A\s*date:?[ \t]+(?P<value>{_VALUE}|\S+)", re.IGNORECASE)

PUBLISHED, PLAIN, DATELINE, UPDATED = 1, 2, 3, 4  # rank of a date line: the lowest found wins


@dataclass(frozen=True)
class DateLine:
    """A line that gives the article's date: its rank (PUBLISHED … UPDATED) and the date."""

    rank: int
    date: TimeSpan
    line: str


def parse_date_text(value: str) -> TimeSpan:
    """A date string in any form above (weekday and time allowed) -> day or month span; FilterError if not."""
    match = _VALUE_RE.fullmatch(value)
    if not match:
        raise FilterError(f"not a date (YYYY-MM[-DD], DD.MM.YYYY, DD.MM.YY, '14. April 2024'): {value.strip()!r}")
    return _span(match, value)


_ISO_ONLY = re.compile(r"(?P<iy>\d{4})-(?P<im>\d{2})(?:-(?P<id>\d{2}))?")


def parse_iso_date(value: str) -> TimeSpan:
    """``YYYY-MM`` (month precision) or ``YYYY-MM-DD`` (day precision) only: the API's and the push API's
    date fields; the same reading as every other date string. FilterError when malformed."""
    match = _ISO_ONLY.fullmatch(value.strip())
    if not match:
        raise FilterError(f"date must be YYYY-MM or YYYY-MM-DD, got {value.strip()[:40]!r}")
    return _span(match, value)


def read_header(raw: str) -> tuple[str, int] | None:
    """The value of a ``date …`` header on the first line and where the header ends, or None."""
    match = _HEADER.match(raw)
    if not match:
        return None
    return match.group("value"), match.end()


def read_date_line(text: str) -> DateLine | None:
    """The date a line gives, or None when it is no date line; FilterError naming the line when it looks like
    a date line but cannot be read."""
    flat = " ".join(text.split())
    labelled = _LABELLED.fullmatch(flat)
    if labelled and _DATE_WORDS.search(labelled.group("value")):
        rank = UPDATED if _UPDATE_LABEL.fullmatch(labelled.group("label")) else PUBLISHED
        return DateLine(rank, _read(labelled.group("value"), flat), flat)
    if _VALUE_RE.fullmatch(flat):
        return DateLine(PLAIN, _read(flat, flat), flat)
    dateline = _DATELINE.match(flat)
    if dateline:
        return DateLine(DATELINE, _read(dateline.group("value"), flat), flat)
    if _DATE_SHAPED.fullmatch(flat):
        _read(flat, flat)  # a date-shaped line that is no date: raises, naming it
    return None


def is_date_line(text: str) -> bool:
    """Whether a whole line only gives a date (labelled or plain; not a dateline, whose paragraph goes on)."""
    try:
        found = read_date_line(text)
    except FilterError:
        return _LABELLED.fullmatch(" ".join(text.split())) is not None or _DATE_SHAPED.fullmatch(text) is not None
    return found is not None and found.rank != DATELINE


def best_date_line(lines: list[str], warnings: list[str]) -> DateLine | None:
    """The best-ranked date line (first in text order among equals); unreadable date lines become warnings."""
    best: DateLine | None = None
    for text in lines:
        try:
            found = read_date_line(text)
        except FilterError as exc:
            warnings.append(f"ignored unreadable date line {' '.join(text.split())[:80]!r}: {exc}")
            continue
        if found is not None and (best is None or found.rank < best.rank):
            best = found
    return best


def _read(value: str, line: str) -> TimeSpan:
    try:
        return parse_date_text(value)
    except FilterError as exc:
        raise FilterError(f"{exc} (line {line[:80]!r})") from exc


def _span(match: re.Match[str], value: str) -> TimeSpan:
    groups = match.groupdict()
    if groups["iy"]:
        year, month, day = int(groups["iy"]), int(groups["im"]), groups["id"]
    elif groups["ny"]:
        year, month, day = int(groups["ny"]), int(groups["nm"]), groups["nd"]
        year += 2000 if len(groups["ny"]) == 2 else 0
    else:
        name = groups["wm"].casefold().rstrip(".")
        month = lexicon.MONTHS.get(name) or lexicon.MONTH_ABBREVIATIONS[name]
        year, day = int(groups["wy"]), groups["wd"]
    if not 1 <= month <= 12:
        raise FilterError(f"month out of range in {value.strip()!r}")
    if day is None:
        return TimeSpan.month(year, month)
    try:
        return TimeSpan.day(date(year, month, int(day)))
    except ValueError as exc:
        raise FilterError(f"no such day {value.strip()!r}: {exc}") from exc
