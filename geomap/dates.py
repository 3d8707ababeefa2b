"""German temporal expressions: find them in an article's content and resolve them against the article date.

Resolution rules (shared with the gold annotation, ``shared/gold/README.md``; arithmetic in
``geomap.date_resolve``, tense in ``geomap.tense``):

* An explicit day ("am 19. Oktober", "19.10.2016") has ``day`` precision. A month, weekday or day named without
  a year follows the sentence's tense: past -> the latest such date on or before the article date, future ->
  the next on or after it, present -> the nearest ("vergangenen"/"kommenden" look strictly back/forward).
* A weekday, a part of the day or an offset of at most a few (<= 7) days keeps the article's month when the
  article is dated only to the month; against a day-dated article it resolves to the day (or a short range).
* Larger day/week offsets get the coarsest precision that is certain: the range of possible days is
  computed and reported as the one month or year that contains it. Month and year offsets ("seit einem
  Jahr", "in zwei Monaten") shift the article month by whole months and keep ``month`` precision.
* Nothing is open-ended: "seit X" runs from X to the article date, "bis X" from the article date to X,
  "ab X" is X. "seit Wochen" starts two weeks before the article date (week precision).
* In an undated article every expression is listed with precision ``none`` (start and end None).

Bare adverbs ("derzeit", "jüngst") and pure durations ("über Wochen", "nach sieben Tagen", "in 24 Stunden")
are not temporal anchors and are not matched.
"""

from __future__ import annotations

import calendar
import math
import re
from dataclasses import dataclass
from functools import cache
from datetime import date, timedelta
from typing import Callable

from geomap.date_resolve import (
    FEW_DAYS, NONE_SPAN, NUMBER_WORDS, VAGUE, Direction, bounded, by_amount, by_days, by_months, containing,
    direction_of, in_year, number, quantity, since_vague, unit_kind, weekday,
)
from geomap import lexicon
from geomap.models import PRECISION_RANK, Article, DateExpression, TimeSpan
from geomap.tense import sentence_bounds, tense_at


# Month names with their abbreviations ("Okt."), weekdays: from the one lexicon.
MONTHS = {**lexicon.MONTHS, **{abbr + ".": number for abbr, number in lexicon.MONTH_ABBREVIATIONS.items()}}
WEEKDAYS = lexicon.WEEKDAYS
_PARTS = {"anfang": (1, 10), "mitte": (11, 20), "ende": (21, 31)}

# Regex fragments: word alternations built from the tables above, longest first so "einem" beats "ein".
_MONTH = "(?:" + "|".join(re.escape(m) if m.endswith(".") else m + r"\b" for m in sorted(MONTHS, key=len, reverse=True)) + ")"
_FULL_MONTH = "(?:" + "|".join(m for m in MONTHS if not m.endswith(".")) + r")\b"
_WEEKDAY = "(?:" + "|".join(WEEKDAYS) + ")"
_NUM = "(?:\\d{1,3}(?:,\\d)?|" + "|".join(sorted(list(NUMBER_WORDS) + [v.replace(" ", r"\s+") for v in VAGUE],
                                                    key=len, reverse=True)) + ")"
_QUAL = r"(?:(?:gut|knapp|rund|etwa|fast|beinahe|ungefähr|mehr\s+als|über|weniger\s+als|nur|erst|bereits|schon)\s+)?"
_ALT = rf"(?:\s*,?\s*(?:maximal|höchstens|spätestens|oder|bis(?:\s+zu)?|-|–)\s*(?P<alt>{_NUM}))?"
_UNIT_DAT = r"(?:Tag(?:en)?|Wochen?|Monat(?:en)?|Jahr(?:en)?)\b"
_UNIT_ACC = r"(?:Tage?|Wochen?|Monate?|Jahre?)\b"
_DAYPART = r"(?:abend|morgen|mittag|nachmittag|vormittag|nacht|früh)"
_YEAR = r"(?:1[89]\d\d|20\d\d)(?![\d.,]\d)"
_PART = r"(?:Anfang|Mitte|Ende)"
_DAY = r"(?:0?[1-9]|[12]\d|3[01])"
_MONTH_NUM = r"(?:0?[1-9]|1[0-2])"
# Bumped whenever a rule changes how an expression resolves: stores re-date their events on open (geomap.store).
RULES_VERSION = 3  # 2: closed intervals, tense-aware years; 3: date lines (geomap.datelines)
# The one date-overlap rule: the store's filter, the histogram, GeoJSON/CSV, the OpenAPI text and the README.
OVERLAP_RULE = (
    "An event's date interval [date_start, date_end] is closed (both days included, never open-ended: \"seit X\" "
    "ends on the article's date) and it is shown when it overlaps the closed window [from, to], i.e. when "
    "date_end >= from and date_start <= to; an event dated 2016-10 (month precision) is in the window "
    "2016-10-15..2016-11-15. The histogram counts an event in every month its interval overlaps, so a month's "
    "bar is what the window of that month shows. Undated events have no interval: they are shown when the "
    "window is unbounded, and in a bounded one only with include_undated=1."
)


@dataclass(frozen=True)
class _Ctx:
    """What an expression is resolved against: the article date and its sentence's tense."""

    anchor: TimeSpan
    tense: str


@dataclass(frozen=True)
class _Rule:
    name: str
    pattern: re.Pattern[str]
    resolve: Callable[[re.Match[str], _Ctx], TimeSpan]


def find_date_expressions(article: Article) -> list[DateExpression]:
    """Temporal expressions in the article's content segments, in text order, resolved against its date and the
    tense of their sentence."""
    found: list[DateExpression] = []
    for seg in article.content:
        text = article.raw[seg.start:seg.end]
        for start, end, rule, match in _matches(text):
            span = NONE_SPAN
            if article.date:
                lo, hi = sentence_bounds(text, start)
                span = rule.resolve(match, _Ctx(article.date, tense_at(text[lo:hi], start - lo, end - lo)))
            found.append(DateExpression(seg.start + start, seg.start + end, text[start:end], span))
    return found


def expression_for_sentence(exprs: list[DateExpression], sent_start: int, sent_end: int) -> DateExpression | None:
    """The most specific expression inside [sent_start, sent_end) (finest precision, then first), or None."""
    inside = [e for e in exprs if sent_start <= e.start and e.end <= sent_end]
    if not inside:
        return None
    return min(inside, key=lambda e: (PRECISION_RANK[e.span.precision], e.start))


def sentence_date(
    article: Article, exprs: list[DateExpression], sent_start: int, sent_end: int
) -> tuple[TimeSpan | None, str | None]:
    """When a sentence's event happened: its most specific resolvable expression (with its surface), else the
    article's own date. The one rule for the pipeline and for re-dating stored events."""
    expr = expression_for_sentence(exprs, sent_start, sent_end)
    if expr is not None and expr.span.precision != "none":
        return expr.span, expr.surface
    return article.date, None


def overlaps(span: TimeSpan | None, start: date | None, end: date | None) -> bool:
    """Whether ``span`` is shown in the closed window [start, end] (None: unbounded side); see OVERLAP_RULE."""
    if span is None or span.start is None or span.end is None:
        return start is None and end is None
    return (start is None or span.end >= start) and (end is None or span.start <= end)


def _matches(text: str) -> list[tuple[int, int, _Rule, re.Match[str]]]:
    """Non-overlapping rule matches: the longest wins, then the earliest."""
    candidates = [(m.start(), m.end(), rule, m) for rule in _rules() for m in rule.pattern.finditer(text)]
    candidates.sort(key=lambda c: (-(c[1] - c[0]), c[0]))
    kept: list[tuple[int, int, _Rule, re.Match[str]]] = []
    for cand in candidates:
        if all(cand[1] <= k[0] or cand[0] >= k[1] for k in kept):
            kept.append(cand)
    return sorted(kept, key=lambda c: c[0])


# ---------------------------------------------------------------- rule resolvers
# Each takes the match and the context (article date, sentence tense) and returns a closed span.

Resolver = Callable[[re.Match[str], _Ctx], TimeSpan]


def _month_number(name: str) -> int:
    return MONTHS[name.casefold()]


def _month_part(ctx: _Ctx, month: int, year: int | None, first: str | None, last: str | None,
                direction: Direction) -> TimeSpan:
    """A month, or the part of it between ``first`` and ``last`` (Anfang/Mitte/Ende), at month precision."""

    def make(y: int) -> TimeSpan:
        span = TimeSpan.month(y, month)
        if not first:
            return span
        lo = _PARTS[first.casefold()][0]
        hi = min(_PARTS[(last or first).casefold()][1], span.end.day)
        return TimeSpan(date(y, month, lo), date(y, month, hi), "month")

    return make(year) if year else in_year(ctx.anchor, direction, make)


def _r_ago(m: re.Match[str], ctx: _Ctx) -> TimeSpan:
    lo, hi = quantity(m)
    return bounded(by_amount(ctx.anchor, m.group("unit"), lo, hi, -1), m.group("prep"), ctx.anchor)


def _r_since_vague(m: re.Match[str], ctx: _Ctx) -> TimeSpan:
    return since_vague(ctx.anchor, m.group("unit"))


def _r_in(m: re.Match[str], ctx: _Ctx) -> TimeSpan:
    lo, hi = quantity(m)
    return by_amount(ctx.anchor, m.group("unit"), lo, hi, +1)


def _r_recent(m: re.Match[str], ctx: _Ctx) -> TimeSpan:
    kind = unit_kind(m.group("unit"))
    hi = quantity(m)[1] if m.group("num") else {"tag": 6, "woc": 4, "mon": 6, "jah": 5}[kind]
    sign = -1 if m.group("dir").casefold() in ("vergangenen", "letzten", "zurückliegenden") else +1
    if kind in ("mon", "jah"):
        months = math.floor(hi * (12 if kind == "jah" else 1))
        return by_months(ctx.anchor, *sorted((sign, sign * months)))
    days = round(hi * (7 if kind == "woc" else 1))
    return by_days(ctx.anchor, *sorted((sign, sign * days)))


def _r_event_relative(m: re.Match[str], ctx: _Ctx) -> TimeSpan:
    lo, hi = quantity(m)
    days = hi * {"tag": 1, "woc": 7}.get(unit_kind(m.group("unit")), 31)
    return by_days(ctx.anchor, -FEW_DAYS, 0) if days <= FEW_DAYS else NONE_SPAN


def _r_weekday(m: re.Match[str], ctx: _Ctx) -> TimeSpan:
    prep = m.group("prep")
    if ctx.anchor.precision != "day":
        return bounded(ctx.anchor, prep, ctx.anchor)
    target = WEEKDAYS[m.group("day").casefold()]
    return bounded(weekday(ctx.anchor, target, direction_of(prep, ctx.tense)), prep, ctx.anchor)


def _r_today(m: re.Match[str], ctx: _Ctx) -> TimeSpan:
    word = m.group("word").casefold()
    offset = {"vorgestern": -2, "gestern": -1, "heute": 0, "morgen": 1, "übermorgen": 2}.get(word, 0)
    return bounded(by_days(ctx.anchor, offset, offset), m.groupdict().get("prep"), ctx.anchor)


def _r_daypart(m: re.Match[str], ctx: _Ctx) -> TimeSpan:
    return by_days(ctx.anchor, 0, 0)


def _r_explicit(m: re.Match[str], ctx: _Ctx) -> TimeSpan:
    month = _month_number(m.group("month")) if not m.group("month").isdigit() else int(m.group("month"))
    day, prep, year_text = int(m.group("day")), m.group("prep"), m.group("year")
    try:
        if year_text:
            span = TimeSpan.day(date(int(year_text) + (2000 if len(year_text) == 2 else 0), month, day))
        else:
            span = in_year(ctx.anchor, direction_of(prep, ctx.tense), lambda y: TimeSpan.day(date(y, month, day)))
    except ValueError:
        return NONE_SPAN
    return bounded(span, prep, ctx.anchor)


def _r_day_range(m: re.Match[str], ctx: _Ctx) -> TimeSpan:
    last_month = _month_number(m.group("m2"))
    first_month = _month_number(m.group("m1")) if m.group("m1") else last_month
    d1, d2 = int(m.group("d1")), int(m.group("d2"))

    def make(year: int) -> TimeSpan:
        return containing(date(year - (first_month > last_month), first_month, d1), date(year, last_month, d2))

    try:
        return make(int(m.group("year"))) if m.group("year") else in_year(ctx.anchor, ctx.tense, make)
    except ValueError:
        return NONE_SPAN


def _r_month(m: re.Match[str], ctx: _Ctx) -> TimeSpan:
    year = int(m.group("year")) if m.group("year") else None
    prep = m.group("prep")
    span = _month_part(ctx, _month_number(m.group("month")), year, m.group("first"), m.groupdict().get("last"),
                       direction_of(prep, ctx.tense))
    return bounded(span, prep, ctx.anchor)


def _r_month_range(m: re.Match[str], ctx: _Ctx) -> TimeSpan:
    year = int(m.group("year")) if m.group("year") else None
    m1, m2 = _month_number(m.group("m1")), _month_number(m.group("m2"))

    def make(y: int) -> TimeSpan:
        return containing(TimeSpan.month(y - (m1 > m2), m1).start, TimeSpan.month(y, m2).end)

    return make(year) if year else in_year(ctx.anchor, ctx.tense, make)


def _r_year(m: re.Match[str], ctx: _Ctx) -> TimeSpan:
    year = int(m.group("year"))
    span = TimeSpan.year(year)
    if m.group("first"):
        lo, hi = {"anfang": (1, 4), "mitte": (5, 8), "ende": (9, 12)}[m.group("first").casefold()]
        span = TimeSpan(date(year, lo, 1), date(year, hi, calendar.monthrange(year, hi)[1]), "year")
    return bounded(span, m.group("prep"), ctx.anchor)


def _r_year_range(m: re.Match[str], ctx: _Ctx) -> TimeSpan:
    return TimeSpan(date(int(m.group("y1")), 1, 1), date(int(m.group("y2")), 12, 31), "year")


def _r_named_week(m: re.Match[str], ctx: _Ctx) -> TimeSpan:
    which = m.group("which").casefold()
    weeks = -1 if which.startswith(("vergangen", "letzt", "vorig")) else 1 if which.startswith(("nächst", "kommend")) else 0
    anchor = ctx.anchor
    if anchor.precision != "day":
        return bounded(anchor, m.group("prep"), anchor)
    monday = anchor.start - timedelta(days=anchor.start.weekday()) + timedelta(weeks=weeks)
    return bounded(TimeSpan(monday, monday + timedelta(days=6), "week"), m.group("prep"), anchor)


def _r_named_period(m: re.Match[str], ctx: _Ctx) -> TimeSpan:
    which = m.group("which").casefold()
    step = -1 if which.startswith(("vergangen", "letzt", "vorig")) else 1 if which.startswith(("nächst", "kommend")) else 0
    if m.group("unit").casefold().startswith("jahr"):
        span = TimeSpan.year(ctx.anchor.start.year + step)
    else:
        span = by_months(ctx.anchor, step, step)
    return bounded(span, m.group("prep"), ctx.anchor)


def _compile(pattern: str, flags: int = re.IGNORECASE) -> re.Pattern[str]:
    return re.compile(pattern, flags)


_PREP_OPEN = r"(?P<prep>(?:seit|ab|bis)\s+)?"
_RULE_SPECS: tuple[tuple[str, str, Resolver], ...] = (
    ("ago", rf"\b(?P<prep>vor|seit)\s+(?P<qual>{_QUAL})(?P<num>{_NUM}){_ALT}\s+(?P<unit>{_UNIT_DAT})", _r_ago),
    ("since-vague", rf"\bseit\s+(?P<unit>Tagen|Wochen|Monaten|Jahren)\b", _r_since_vague),
    ("in", rf"\bin\s+(?P<qual>{_QUAL})(?P<num>{_NUM}){_ALT}\s+(?P<unit>{_UNIT_DAT})", _r_in),
    ("recent", rf"\bin\s+den\s+(?P<dir>vergangenen|letzten|zurückliegenden|kommenden|nächsten|folgenden)\s+"
               rf"(?:(?P<qual>{_QUAL})(?P<num>{_NUM})\s+)?(?P<unit>Tagen|Wochen|Monaten|Jahren)\b", _r_recent),
    ("event-relative", rf"\b(?P<qual>{_QUAL})(?P<num>{_NUM})\s+(?P<unit>{_UNIT_ACC})\s+(?:nach|vor|später|zuvor|davor|danach|darauf)\b",
     _r_event_relative),
    ("weekday", rf"\b(?P<prep>(?:(?:am|seit|ab|bis|vom|von|zum|in\s+der\s+Nacht\s+(?:zu|zum|auf)(?:\s+den)?)\s+)?"
                rf"(?:(?:vergangenen|letzten|vorigen|kommenden|nächsten|diesen|frühen|späten)\s+)?)"
                rf"(?P<day>{_WEEKDAY}){_DAYPART}?\b", _r_weekday),
    ("today", rf"\b(?P<prep>(?:seit|ab|bis)\s+)?(?P<word>vorgestern|gestern|heute|übermorgen)(?:\s*{_DAYPART})?\b", _r_today),
    ("tomorrow", rf"(?<!\w)(?<!am\s)(?<!Guten\s)(?P<word>morgen|(?:^|(?<=[.!?]\s))Morgen(?=\s+[a-zäöü]))(?:\s*(?:früh|abend|nachmittag|vormittag|mittag))?\b",
     _r_today),
    ("daypart", r"\b(?:am|gegen|in\s+der)\s+(?:(?:frühen|späten)\s+)?(?:Vormittag|Nachmittag|Abend|Morgen|Mittag|Nacht)\b",
     _r_daypart),
    ("explicit-date", rf"\b(?P<prep>(?:am|vom|zum|seit\s+dem|ab\s+dem|bis\s+(?:zum|spätestens\s+zum))\s+)?"
                      rf"(?:{_WEEKDAY},?\s+(?:den\s+)?)?(?P<day>{_DAY})\.\s*(?P<month>{_MONTH})(?:\s+(?P<year>{_YEAR}))?",
     _r_explicit),
    ("day-range", rf"\b(?:vom|zwischen\s+dem)\s+(?P<d1>{_DAY})\.\s*(?:(?P<m1>{_MONTH})\s*)?(?:bis(?:\s+zum)?|und(?:\s+dem)?|-|–)"
                  rf"\s*(?P<d2>{_DAY})\.\s*(?P<m2>{_MONTH})(?:\s+(?P<year>{_YEAR}))?", _r_day_range),
    ("numeric-date", rf"(?P<prep>(?:am|vom|zum|seit\s+dem|ab\s+dem|bis\s+zum)\s+)?(?<![\d.])(?P<day>{_DAY})\."
                     rf"(?P<month>{_MONTH_NUM})\.(?P<year>\d{{4}}|\d{{2}}(?!\d))?(?![\d])", _r_explicit),
    ("iso-date", rf"(?P<prep>)(?<![\d-])(?P<year>\d{{4}})-(?P<month>\d{{2}})-(?P<day>\d{{2}})(?![\d-])", _r_explicit),
    ("month-part", rf"\b(?:(?P<prep>seit|ab|bis|zwischen|von)\s+)?(?P<first>{_PART})\s+(?:(?:und|bis)\s+(?P<last>{_PART})\s+)?"
                   rf"(?P<month>{_FULL_MONTH})(?:\s+(?P<year>{_YEAR}))?", _r_month),
    ("month", rf"\b(?P<prep>im|seit|ab|bis|für|auf|vor|bis\s+zum)\s+(?P<first>)(?P<month>{_FULL_MONTH})"
              rf"(?:\s+(?P<year>{_YEAR}))?", _r_month),
    ("month-year", rf"\b(?P<prep>)(?P<first>)(?P<month>{_FULL_MONTH})\s+(?P<year>{_YEAR})", _r_month),
    ("month-range", rf"\b(?:zwischen|von)\s+(?P<m1>{_FULL_MONTH})\s+(?:und|bis)\s+(?P<m2>{_FULL_MONTH})(?:\s+(?P<year>{_YEAR}))?",
     _r_month_range),
    # A bare year after seit/ab/bis must not be a count ("bis 2000 Menschen"): no capitalised noun may follow.
    ("year", rf"\b(?P<prep>(?i:seit|ab|bis))\s+(?P<first>)(?P<year>{_YEAR})(?!\s+[A-ZÄÖÜ][a-zäöüß])", _r_year),
    ("year-noun", rf"\b(?P<prep>(?:seit|ab|bis)\s+(?:dem\s+)?|im\s+)?Jahr(?:e)?\s+(?P<first>)(?P<year>{_YEAR})", _r_year),
    ("year-part", rf"\b(?P<prep>(?:seit|ab|bis)\s+)?(?P<first>{_PART})\s+(?P<year>{_YEAR})", _r_year),
    ("year-range", rf"\b(?:zwischen|von)\s+(?P<y1>{_YEAR})\s+(?:und|bis)\s+(?P<y2>{_YEAR})", _r_year_range),
    ("named-week", r"\b(?P<prep>(?:seit|ab|bis)\s+(?:der\s+)?)?(?:in\s+der\s+|(?:Anfang|Mitte|Ende)\s+(?:der\s+)?)?"
                   r"(?P<which>vergangenen|vergangene|letzten|letzte|vorigen|vorige|nächsten|nächste|kommenden|kommende|"
                   r"dieser|diese)\s+Woche\b", _r_named_week),
    ("named-period", r"\b(?P<prep>(?:seit|ab|bis)\s+)?(?:im\s+|in\s+|(?:Anfang|Mitte|Ende)\s+(?:des\s+)?)?"
                     r"(?P<which>vergangenen|vergangenes|letzten|letztes|vorigen|voriges|nächsten|nächstes|kommenden|"
                     r"kommendes|laufenden|diesem|dieses|diesen)\s+(?P<unit>Monat|Monats|Jahr|Jahres)\b", _r_named_period),
)


@cache
def _rules() -> tuple[_Rule, ...]:
    """The compiled rule table (built on first use, then cached)."""
    return tuple(_make_rule(name, pattern, resolve) for name, pattern, resolve in _RULE_SPECS)


def _make_rule(name: str, pattern: str, resolve: Resolver) -> _Rule:
    # "morgen" is only the adverb in lowercase ("der Morgen" is the noun); the year rule's noun check is case-sensitive.
    flags = 0 if name in ("tomorrow", "year") else re.IGNORECASE
    return _Rule(name, _compile(pattern, flags), resolve)

