"""Value objects that flow one way: Article -> Mention -> Place -> Event.

All offsets are Python character offsets into the article's *raw* text (``Article.raw``),
so ``raw[start:end] == surface`` holds everywhere.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass, field
from datetime import date
from typing import Literal

Precision = Literal["day", "week", "month", "year", "none"]
Role = Literal["location", "actor"]
Zone = Literal["body", "lead", "title", "subheading", "caption"]

PRECISION_RANK: dict[str, int] = {"day": 0, "week": 1, "month": 2, "year": 3, "none": 4}


@dataclass(frozen=True)
class TimeSpan:
    """A closed date interval with the precision it is known to.

    ``start``/``end`` are inclusive and both given, or both None (precision "none": unresolvable). Never
    open-ended: "seit Ende September" runs from 21 September to the article's date.
    """

    start: date | None
    end: date | None
    precision: Precision

    def __post_init__(self) -> None:
        if (self.start is None) != (self.end is None):
            raise ValueError(f"a TimeSpan is closed: both bounds or neither, got {self.start}..{self.end}")
        if self.start is not None and self.end is not None and self.end < self.start:
            raise ValueError(f"a TimeSpan ends after it starts, got {self.start}..{self.end}")

    @classmethod
    def day(cls, d: date) -> TimeSpan:
        return cls(d, d, "day")

    @classmethod
    def month(cls, year: int, month: int) -> TimeSpan:
        last = calendar.monthrange(year, month)[1]
        return cls(date(year, month, 1), date(year, month, last), "month")

    @classmethod
    def year(cls, year: int) -> TimeSpan:
        return cls(date(year, 1, 1), date(year, 12, 31), "year")

    def label(self) -> str:
        """A short human label: 2016-10-19, 2016-10, 2016, or a range."""
        if self.start is None and self.end is None:
            return "undated"
        if self.precision == "day" and self.start == self.end and self.start:
            return self.start.isoformat()
        if self.precision == "month" and self.start and self.end and self.start.day == 1:
            if (self.start.year, self.start.month) == (self.end.year, self.end.month):
                return self.start.strftime("%Y-%m")
        if self.precision == "year" and self.start and self.end and self.start.year == self.end.year:
            return str(self.start.year)
        left = self.start.isoformat() if self.start else "…"
        right = self.end.isoformat() if self.end else "…"
        return f"{left}/{right}"


@dataclass(frozen=True)
class Segment:
    """A region of the raw text: article content (with its zone) or removed boilerplate (with a reason)."""

    start: int
    end: int
    kind: str  # content zone (body, lead, title, subheading, caption) or boilerplate label
    reason: str = ""


@dataclass(frozen=True)
class Article:
    """One input file: raw text, identity, date, title, and which parts are article content."""

    id: str  # sha256 hex of the raw text: identity is content
    source: str  # public name: a path relative to the folder given to ingest, a URL, or a caller-supplied name
    raw: str
    date: TimeSpan | None  # None: the article is undated
    title: str | None = None
    content: tuple[Segment, ...] = ()  # article's own text, in order
    removed: tuple[Segment, ...] = ()  # boilerplate dropped, each with a reason
    warnings: tuple[str, ...] = ()  # e.g. a bad date header line
    url: str | None = None  # where the article is published (canonical URL), when known
    publisher: str | None = None  # the site or newspaper ("tagesschau.de", "Süddeutsche Zeitung")
    author: str | None = None

    def zone_at(self, offset: int) -> str | None:
        """The content zone an offset lies in, or None when it is boilerplate."""
        for seg in self.content:
            if seg.start <= offset < seg.end:
                return seg.kind
        return None


@dataclass(frozen=True)
class DateExpression:
    """A temporal expression found in the text and its resolution against the article date."""

    start: int
    end: int
    surface: str
    span: TimeSpan  # precision "none" when it cannot be resolved (e.g. undated article)


@dataclass(frozen=True)
class Mention:
    """A place-name mention in the text, before resolution."""

    start: int
    end: int
    surface: str
    key: str  # the name to look up: surface with inflection/designators stripped ("Aleppos" -> "Aleppo")
    sent_start: int
    sent_end: int
    role: Role = "location"
    source: str = "gazetteer"  # which recognizer found it: "gazetteer", "model", "rule"
    by_water: bool = False  # named as a river or shore ("am Dnipro", "an der Elbe"): prefer water candidates


@dataclass(frozen=True)
class Place:
    """A resolved place: where it is, what it is, and how sure we are."""

    name: str
    lat: float
    lon: float
    country: str | None  # ISO 3166 alpha-2
    kind: str  # country, admin_region, city, neighbourhood, region, landmark, water, continent
    source: Literal["gazetteer", "geocoder"]
    ref: str  # stable id: "geonames:170063", "curated:east-aleppo", "nominatim:..."
    geo_precision: int = 1  # ACLED-like: 1 town/point, 2 region/near, 3 country/large area
    confidence: float = 1.0
    rule: str = ""  # why this candidate: "single", "country-context", "population", ...
    candidates: int = 1
    name_de: str | None = None  # German name for display ("Genf" for Geneva), when the gazetteer has one


@dataclass(frozen=True)
class Evidence:
    """One sentence that supports an event."""

    sentence: str
    sent_start: int
    sent_end: int
    mention_start: int
    mention_end: int
    surface: str
    zone: str = "body"
    date_expression: str | None = None  # surface of the date expression that dated this sentence


@dataclass(frozen=True)
class Event:
    """Evidence that something happened at a place and time, as reported by one article."""

    article_id: str
    place: Place
    role: Role
    when: TimeSpan | None  # None: undated
    event_type: str = "other"
    triggers: tuple[str, ...] = ()
    evidence: tuple[Evidence, ...] = field(default_factory=tuple)


@dataclass(frozen=True)
class Unresolved:
    """A mention whose name could not be placed, kept so it can be retried."""

    article_id: str
    surface: str
    key: str
    reason: str  # "not-found", "geocoder-unavailable: timeout", "geocoder-disabled"
