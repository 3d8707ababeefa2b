"""German temporal expressions: find them in an article's content and resolve them against the article date.

Resolution rules (shared with the gold annotation, ``shared/gold/README.md``):

* An explicit day ("am 19. Oktober", "19.10.2016") has ``day`` precision; a month name without a year takes
  the year that puts it nearest to the article's month.
* A weekday, a part of the day or an offset of at most a few (<= 7) days keeps the article's month when the
  article is dated only to the month; against a day-dated article it resolves to the day (or a short range).
* Larger day/week offsets get the coarsest precision that is certain: the range of possible days is
  computed and reported as the one month or year that contains it. Month and year offsets ("seit einem
  Jahr", "in zwei Monaten") shift the article month by whole months and keep ``month`` precision.
* "seit …"/"ab …" leave the interval open at the end (``end=None``), "bis …" open at the start.
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

from geomap.errors import FilterError
from geomap.models import PRECISION_RANK, Article, DateExpression, TimeSpan

_HEADER_DATE = re.compile(r"(\d{4})-(\d{2})(?:-(\d{2}))?")
FEW_DAYS = 7  # offsets up to this many days keep a month-dated article's month (gold convention)
NONE_SPAN = TimeSpan(None, None, "none")

MONTHS = {
    "januar": 1, "jänner": 1, "februar": 2, "märz": 3, "april": 4, "mai": 5, "juni": 6, "juli": 7,
    "august": 8, "september": 9, "oktober": 10, "november": 11, "dezember": 12,
    "jan.": 1, "feb.": 2, "febr.": 2, "mrz.": 3, "apr.": 4, "jun.": 6, "jul.": 7, "aug.": 8, "sep.": 9, "sept.": 9,
    "okt.": 10, "nov.": 11, "dez.": 12,
}
WEEKDAYS = {"montag": 0, "dienstag": 1, "mittwoch": 2, "donnerstag": 3, "freitag": 4, "samstag": 5, "sonnabend": 5,
            "sonntag": 6}
_NUMBER_WORDS = {
    "ein": 1, "eine": 1, "einem": 1, "einen": 1, "einer": 1, "eines": 1, "zwei": 2, "drei": 3, "vier": 4, "fünf": 5,
    "sechs": 6, "sieben": 7, "acht": 8, "neun": 9, "zehn": 10, "elf": 11, "zwölf": 12, "dreizehn": 13,
    "vierzehn": 14, "fünfzehn": 15, "zwanzig": 20, "dreißig": 30, "anderthalb": 1.5, "eineinhalb": 1.5,
    "zweieinhalb": 2.5, "dreieinhalb": 3.5,
}
_VAGUE = ("wenige", "wenigen", "einige", "einigen", "mehrere", "mehreren", "ein paar")
_PARTS = {"anfang": (1, 10), "mitte": (11, 20), "ende": (21, 31)}

# Regex fragments: word alternations built from the tables above, longest first so "einem" beats "ein".
_MONTH = "(?:" + "|".join(re.escape(m) if m.endswith(".") else m + r"\b" for m in sorted(MONTHS, key=len, reverse=True)) + ")"
_FULL_MONTH = "(?:" + "|".join(m for m in MONTHS if not m.endswith(".")) + r")\b"
_WEEKDAY = "(?:" + "|".join(WEEKDAYS) + ")"
_NUM = "(?:\\d{1,3}(?:,\\d)?|" + "|".join(sorted(list(_NUMBER_WORDS) + [v.replace(" ", r"\s+") for v in _VAGUE],
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


@dataclass(frozen=True)
class _Rule:
    name: str
    pattern: re.Pattern[str]
    resolve: Callable[[re.Match[str], TimeSpan], TimeSpan]


def parse_header_date(value: str) -> TimeSpan:
    """Parse ``YYYY-MM`` (month precision) or ``YYYY-MM-DD`` (day precision); FilterError when malformed."""
    match = _HEADER_DATE.fullmatch(value.strip())
    if not match:
        raise FilterError(f"date must be YYYY-MM or YYYY-MM-DD, got {value!r}")
    year, month, day = int(match.group(1)), int(match.group(2)), match.group(3)
    if not 1 <= month <= 12:
        raise FilterError(f"month out of range in {value!r}")
    if day is None:
        return TimeSpan.month(year, month)
    try:
        return TimeSpan.day(date(year, month, int(day)))
    except ValueError as exc:
        raise FilterError(f"no such day {value!r}: {exc}") from exc


def find_date_expressions(article: Article) -> list[DateExpression]:
    """Temporal expressions in the article's content segments, in text order, resolved against its date."""
    found: list[DateExpression] = []
    for seg in article.content:
        text = article.raw[seg.start:seg.end]
        for start, end, rule, match in _matches(text):
            span = rule.resolve(match, article.date) if article.date else NONE_SPAN
            found.append(DateExpression(seg.start + start, seg.start + end, text[start:end], span))
    return found


def expression_for_sentence(exprs: list[DateExpression], sent_start: int, sent_end: int) -> DateExpression | None:
    """The most specific expression inside [sent_start, sent_end) (finest precision, then first), or None."""
    inside = [e for e in exprs if sent_start <= e.start and e.end <= sent_end]
    if not inside:
        return None
    return min(inside, key=lambda e: (PRECISION_RANK[e.span.precision], e.start))


def overlaps(span: TimeSpan, start: date | None, end: date | None) -> bool:
    """Whether ``span`` meets the closed query window [start, end].

    Both intervals are closed; a None bound on either side is unbounded. A span of precision "none"
    (unknown date) only meets a window that is unbounded on both sides, i.e. no date filter at all.
    """
    if span.precision == "none" or (span.start is None and span.end is None):
        return start is None and end is None
    if start is not None and span.end is not None and span.end < start:
        return False
    if end is not None and span.start is not None and span.start > end:
        return False
    return True


def _matches(text: str) -> list[tuple[int, int, _Rule, re.Match[str]]]:
    """Non-overlapping rule matches: the longest wins, then the earliest."""
    candidates = [(m.start(), m.end(), rule, m) for rule in _rules() for m in rule.pattern.finditer(text)]
    candidates.sort(key=lambda c: (-(c[1] - c[0]), c[0]))
    kept: list[tuple[int, int, _Rule, re.Match[str]]] = []
    for cand in candidates:
        if all(cand[1] <= k[0] or cand[0] >= k[1] for k in kept):
            kept.append(cand)
    return sorted(kept, key=lambda c: c[0])


# ---------------------------------------------------------------- resolution helpers


def _number(word: str) -> tuple[float, float]:
    """(low, high) value of a German number word, digit string or vague quantifier."""
    word = " ".join(word.casefold().split())
    if word in _VAGUE:
        return 2, 6
    if word in _NUMBER_WORDS:
        value = float(_NUMBER_WORDS[word])
        return value, value
    value = float(word.replace(",", "."))
    return value, value


def _quantity(match: re.Match[str]) -> tuple[float, float]:
    """The counted amount of a match with groups ``qual``, ``num`` and optional ``alt``."""
    lo, hi = _number(match.group("num"))
    qual = " ".join((match.group("qual") or "").casefold().split())
    if qual in ("gut", "mehr als", "über"):
        hi = max(hi, lo * 1.25)
    elif qual in ("knapp", "fast", "beinahe", "weniger als"):
        lo = lo * 0.85
    elif qual in ("rund", "etwa", "ungefähr"):
        lo, hi = lo * 0.9, hi * 1.1
    alt = match.groupdict().get("alt")
    if alt:
        hi = max(hi, _number(alt)[1])
    return lo, hi


def _unit_kind(unit: str) -> str:
    return unit.casefold()[:3]  # "tag", "woc", "mon", "jah"


def _shift_month(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def _containing(lo: date, hi: date) -> TimeSpan:
    """The finest certain span holding every day in [lo, hi]: day, week (<= 7 days), month, year(s)."""
    if lo == hi:
        return TimeSpan.day(lo)
    if (hi - lo).days < 7:
        return TimeSpan(lo, hi, "week")
    if (lo.year, lo.month) == (hi.year, hi.month):
        return TimeSpan.month(lo.year, lo.month)
    return TimeSpan(date(lo.year, 1, 1), date(hi.year, 12, 31), "year")


def _by_days(anchor: TimeSpan, lo: int, hi: int) -> TimeSpan:
    """A day offset range [lo, hi] from the report day, with the month convention for a few days."""
    if anchor.precision != "day" and max(abs(lo), abs(hi)) <= FEW_DAYS:
        return anchor
    return _containing(anchor.start + timedelta(days=lo), anchor.end + timedelta(days=hi))


def _by_months(anchor: TimeSpan, lo: int, hi: int) -> TimeSpan:
    """A whole-month offset range [lo, hi] from the report month."""
    y1, m1 = _shift_month(anchor.start.year, anchor.start.month, lo)
    y2, m2 = _shift_month(anchor.start.year, anchor.start.month, hi)
    return _containing(date(y1, m1, 1), date(y2, m2, calendar.monthrange(y2, m2)[1]))


def _by_amount(anchor: TimeSpan, unit: str, lo: float, hi: float, sign: int) -> TimeSpan:
    """Resolve "<amount> <unit>" before (sign -1) or after (sign +1) the report date."""
    kind = _unit_kind(unit)
    if kind in ("mon", "jah"):
        factor = 12 if kind == "jah" else 1
        a, b = sorted((sign * math.floor(lo * factor), sign * math.floor(hi * factor)))
        return _by_months(anchor, a, b)
    factor = 7 if kind == "woc" else 1
    a, b = sorted((sign * round(lo * factor), sign * round(hi * factor)))
    return _by_days(anchor, a, b)


def _opened(span: TimeSpan, prefix: str | None) -> TimeSpan:
    """Open the interval for "seit"/"ab" (no end) and "bis" (no start)."""
    word = (prefix or "").casefold().split()[:1]
    if word and word[0] in ("seit", "ab"):
        return TimeSpan(span.start, None, span.precision)
    if word and word[0] == "bis":
        return TimeSpan(None, span.end, span.precision)
    return span


def _infer_year(anchor: TimeSpan, month: int) -> int:
    """The year that puts ``month`` nearest to the anchor month (ties: the anchor's year)."""
    base = anchor.start.year * 12 + anchor.start.month - 1
    years = (anchor.start.year, anchor.start.year - 1, anchor.start.year + 1)
    return min(years, key=lambda y: abs(y * 12 + month - 1 - base))


def _month_number(name: str) -> int:
    return MONTHS[name.casefold()]


def _month_part(anchor: TimeSpan, month: int, year: int | None, first: str | None, last: str | None) -> TimeSpan:
    """A month, or the part of it between ``first`` and ``last`` (Anfang/Mitte/Ende), at month precision."""
    year = year or _infer_year(anchor, month)
    span = TimeSpan.month(year, month)
    if not first:
        return span
    lo = _PARTS[first.casefold()][0]
    hi = min(_PARTS[(last or first).casefold()][1], span.end.day)
    return TimeSpan(date(year, month, lo), date(year, month, hi), "month")


# ---------------------------------------------------------------- rule resolvers


def _r_ago(m: re.Match[str], anchor: TimeSpan) -> TimeSpan:
    lo, hi = _quantity(m)
    return _opened(_by_amount(anchor, m.group("unit"), lo, hi, -1), m.group("prep"))


def _r_since_vague(m: re.Match[str], anchor: TimeSpan) -> TimeSpan:
    lo, hi = _number("einige")
    return _opened(_by_amount(anchor, m.group("unit"), lo, hi, -1), "seit")


def _r_in(m: re.Match[str], anchor: TimeSpan) -> TimeSpan:
    lo, hi = _quantity(m)
    return _by_amount(anchor, m.group("unit"), lo, hi, +1)


def _r_recent(m: re.Match[str], anchor: TimeSpan) -> TimeSpan:
    kind = _unit_kind(m.group("unit"))
    hi = _quantity(m)[1] if m.group("num") else {"tag": 6, "woc": 4, "mon": 6, "jah": 5}[kind]
    sign = -1 if m.group("dir").casefold() in ("vergangenen", "letzten", "zurückliegenden") else +1
    if kind in ("mon", "jah"):
        months = math.floor(hi * (12 if kind == "jah" else 1))
        return _by_months(anchor, *sorted((sign, sign * months)))
    days = round(hi * (7 if kind == "woc" else 1))
    return _by_days(anchor, *sorted((sign, sign * days)))


def _r_event_relative(m: re.Match[str], anchor: TimeSpan) -> TimeSpan:
    lo, hi = _quantity(m)
    days = hi * {"tag": 1, "woc": 7}.get(_unit_kind(m.group("unit")), 31)
    return _by_days(anchor, -FEW_DAYS, 0) if days <= FEW_DAYS else NONE_SPAN


def _r_weekday(m: re.Match[str], anchor: TimeSpan) -> TimeSpan:
    prep = (m.group("prep") or "").casefold()
    forward = prep.split()[:1] in (["ab"],) or any(w in prep for w in ("kommend", "nächst"))
    if anchor.precision != "day":
        return _opened(anchor, prep)
    target = WEEKDAYS[m.group("day").casefold()]
    delta = (target - anchor.start.weekday()) % 7
    day = anchor.start + timedelta(days=delta or 7) if forward else anchor.start - timedelta(days=(7 - delta) % 7)
    return _opened(TimeSpan.day(day), prep)


def _r_today(m: re.Match[str], anchor: TimeSpan) -> TimeSpan:
    word = m.group("word").casefold()
    offset = {"vorgestern": -2, "gestern": -1, "heute": 0, "morgen": 1, "übermorgen": 2}.get(word, 0)
    return _opened(_by_days(anchor, offset, offset), m.groupdict().get("prep"))


def _r_daypart(m: re.Match[str], anchor: TimeSpan) -> TimeSpan:
    return _by_days(anchor, 0, 0)


def _r_explicit(m: re.Match[str], anchor: TimeSpan) -> TimeSpan:
    month = _month_number(m.group("month")) if not m.group("month").isdigit() else int(m.group("month"))
    year_text = m.group("year")
    if year_text:
        year = int(year_text) + (2000 if len(year_text) == 2 else 0)
    else:
        year = _infer_year(anchor, month)
    try:
        return _opened(TimeSpan.day(date(year, month, int(m.group("day")))), m.group("prep"))
    except ValueError:
        return NONE_SPAN


def _r_day_range(m: re.Match[str], anchor: TimeSpan) -> TimeSpan:
    last_month = _month_number(m.group("m2"))
    first_month = _month_number(m.group("m1")) if m.group("m1") else last_month
    year = int(m.group("year")) if m.group("year") else _infer_year(anchor, last_month)
    first_year = year - 1 if first_month > last_month else year
    try:
        return _containing(date(first_year, first_month, int(m.group("d1"))), date(year, last_month, int(m.group("d2"))))
    except ValueError:
        return NONE_SPAN


def _r_month(m: re.Match[str], anchor: TimeSpan) -> TimeSpan:
    year = int(m.group("year")) if m.group("year") else None
    span = _month_part(anchor, _month_number(m.group("month")), year, m.group("first"), m.groupdict().get("last"))
    return _opened(span, m.group("prep"))


def _r_month_range(m: re.Match[str], anchor: TimeSpan) -> TimeSpan:
    year = int(m.group("year")) if m.group("year") else None
    first = _month_part(anchor, _month_number(m.group("m1")), year, None, None)
    last = _month_part(anchor, _month_number(m.group("m2")), year or first.start.year, None, None)
    return _containing(first.start, last.end)


def _r_year(m: re.Match[str], anchor: TimeSpan) -> TimeSpan:
    year = int(m.group("year"))
    span = TimeSpan.year(year)
    if m.group("first"):
        lo, hi = {"anfang": (1, 4), "mitte": (5, 8), "ende": (9, 12)}[m.group("first").casefold()]
        span = TimeSpan(date(year, lo, 1), date(year, hi, calendar.monthrange(year, hi)[1]), "year")
    return _opened(span, m.group("prep"))


def _r_year_range(m: re.Match[str], anchor: TimeSpan) -> TimeSpan:
    return TimeSpan(date(int(m.group("y1")), 1, 1), date(int(m.group("y2")), 12, 31), "year")


def _r_named_week(m: re.Match[str], anchor: TimeSpan) -> TimeSpan:
    which = m.group("which").casefold()
    weeks = -1 if which.startswith(("vergangen", "letzt", "vorig")) else 1 if which.startswith(("nächst", "kommend")) else 0
    if anchor.precision != "day":
        return _opened(anchor, m.group("prep"))
    monday = anchor.start - timedelta(days=anchor.start.weekday()) + timedelta(weeks=weeks)
    return _opened(TimeSpan(monday, monday + timedelta(days=6), "week"), m.group("prep"))


def _r_named_period(m: re.Match[str], anchor: TimeSpan) -> TimeSpan:
    which = m.group("which").casefold()
    step = -1 if which.startswith(("vergangen", "letzt", "vorig")) else 1 if which.startswith(("nächst", "kommend")) else 0
    if m.group("unit").casefold().startswith("jahr"):
        span = TimeSpan.year(anchor.start.year + step)
    else:
        span = _by_months(anchor, step, step)
    return _opened(span, m.group("prep"))


def _compile(pattern: str, flags: int = re.IGNORECASE) -> re.Pattern[str]:
    return re.compile(pattern, flags)


_PREP_OPEN = r"(?P<prep>(?:seit|ab|bis)\s+)?"
_RULE_SPECS: tuple[tuple[str, str, Callable[[re.Match[str], TimeSpan], TimeSpan]], ...] = (
    ("ago", rf"\b(?P<prep>vor|seit)\s+(?P<qual>{_QUAL})(?P<num>{_NUM}){_ALT}\s+(?P<unit>{_UNIT_DAT})", _r_ago),
    ("since-vague", rf"\bseit\s+(?P<unit>Tagen|Wochen|Monaten)\b", _r_since_vague),
    ("in", rf"\bin\s+(?P<qual>{_QUAL})(?P<num>{_NUM}){_ALT}\s+(?P<unit>{_UNIT_DAT})", _r_in),
    ("recent", rf"\bin\s+den\s+(?P<dir>vergangenen|letzten|zurückliegenden|kommenden|nächsten|folgenden)\s+"
               rf"(?:(?P<qual>{_QUAL})(?P<num>{_NUM})\s+)?(?P<unit>Tagen|Wochen|Monaten|Jahren)\b", _r_recent),
    ("event-relative", rf"\b(?P<qual>{_QUAL})(?P<num>{_NUM})\s+(?P<unit>{_UNIT_ACC})\s+(?:nach|vor|später|zuvor|davor|danach|darauf)\b",
     _r_event_relative),
    ("weekday", rf"\b(?P<prep>(?:(?:am|seit|ab|bis|vom|von|zum|in\s+der\s+Nacht\s+(?:zu|zum|auf)(?:\s+den)?)\s+)?"
                rf"(?:(?:vergangenen|letzten|vorigen|kommenden|nächsten|diesen|frühen|späten)\s+)?)"
                rf"(?P<day>{_WEEKDAY}){_DAYPART}?\b", _r_weekday),
    ("today", rf"\b(?P<prep>(?:seit|ab|bis)\s+)?(?P<word>vorgestern|gestern|heute|übermorgen)(?:\s*{_DAYPART})?\b", _r_today),
    ("tomorrow", rf"(?<!\w)(?<!am\s)(?<!Guten\s)(?P<word>morgen)(?:\s*(?:früh|abend|nachmittag|vormittag|mittag))?\b",
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
    ("named-week", r"\b(?P<prep>(?:seit|ab|bis)\s+)?(?:in\s+der\s+|(?:Anfang|Mitte|Ende)\s+(?:der\s+)?)?"
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


def _make_rule(name: str, pattern: str, resolve: Callable[[re.Match[str], TimeSpan], TimeSpan]) -> _Rule:
    # "morgen" is only the adverb in lowercase ("der Morgen" is the noun); the year rule's noun check is case-sensitive.
    flags = 0 if name in ("tomorrow", "year") else re.IGNORECASE
    return _Rule(name, _compile(pattern, flags), resolve)

