"""Date arithmetic for resolving expressions against an article date (the anchor): amounts, offsets, the span
that certainly holds a range of days, which year a yearless date falls in, and bounded "seit"/"ab"/"bis".

Direction of a yearless date ("im März", "am Montag", "am 20. November"):
``past`` the latest candidate on or before the anchor, ``future`` the next on or after it, ``present`` the
nearest, ``before``/``after`` strictly before/after the anchor ("am vergangenen Mittwoch", "am kommenden Montag").
"""

from __future__ import annotations

import calendar
import math
import re
from datetime import date, timedelta
from typing import Literal

from geomap.models import TimeSpan

Direction = Literal["past", "future", "present", "before", "after"]
FEW_DAYS = 7  # offsets up to this many days keep a month-dated article's month (gold convention)
NONE_SPAN = TimeSpan(None, None, "none")
NUMBER_WORDS = {
    "ein": 1, "eine": 1, "einem": 1, "einen": 1, "einer": 1, "eines": 1, "zwei": 2, "drei": 3, "vier": 4, "fünf": 5,
    "sechs": 6, "sieben": 7, "acht": 8, "neun": 9, "zehn": 10, "elf": 11, "zwölf": 12, "dreizehn": 13,
    "vierzehn": 14, "fünfzehn": 15, "zwanzig": 20, "dreißig": 30, "anderthalb": 1.5, "eineinhalb": 1.5,
    "zweieinhalb": 2.5, "dreieinhalb": 3.5,
}
VAGUE = ("wenige", "wenigen", "einige", "einigen", "mehrere", "mehreren", "ein paar")


def number(word: str) -> tuple[float, float]:
    """(low, high) value of a German number word, digit string or vague quantifier."""
    word = " ".join(word.casefold().split())
    if word in VAGUE:
        return 2, 6
    if word in NUMBER_WORDS:
        value = float(NUMBER_WORDS[word])
        return value, value
    value = float(word.replace(",", "."))
    return value, value


def quantity(match: re.Match[str]) -> tuple[float, float]:
    """The counted amount of a match with groups ``qual``, ``num`` and optional ``alt``."""
    lo, hi = number(match.group("num"))
    qual = " ".join((match.group("qual") or "").casefold().split())
    if qual in ("gut", "mehr als", "über"):
        hi = max(hi, lo * 1.25)
    elif qual in ("knapp", "fast", "beinahe", "weniger als"):
        lo = lo * 0.85
    elif qual in ("rund", "etwa", "ungefähr"):
        lo, hi = lo * 0.9, hi * 1.1
    alt = match.groupdict().get("alt")
    if alt:
        hi = max(hi, number(alt)[1])
    return lo, hi


def unit_kind(unit: str) -> str:
    return unit.casefold()[:3]  # "tag", "woc", "mon", "jah"


def shift_month(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def containing(lo: date, hi: date) -> TimeSpan:
    """The finest certain span holding every day in [lo, hi]: day, week (<= 7 days), month, year(s)."""
    if lo == hi:
        return TimeSpan.day(lo)
    if (hi - lo).days < 7:
        return TimeSpan(lo, hi, "week")
    if (lo.year, lo.month) == (hi.year, hi.month):
        return TimeSpan.month(lo.year, lo.month)
    return TimeSpan(date(lo.year, 1, 1), date(hi.year, 12, 31), "year")


def by_days(anchor: TimeSpan, lo: int, hi: int) -> TimeSpan:
    """A day offset range [lo, hi] from the report day, with the month convention for a few days."""
    if anchor.precision != "day" and max(abs(lo), abs(hi)) <= FEW_DAYS:
        return anchor
    return containing(anchor.start + timedelta(days=lo), anchor.end + timedelta(days=hi))


def by_months(anchor: TimeSpan, lo: int, hi: int) -> TimeSpan:
    """A whole-month offset range [lo, hi] from the report month."""
    y1, m1 = shift_month(anchor.start.year, anchor.start.month, lo)
    y2, m2 = shift_month(anchor.start.year, anchor.start.month, hi)
    return containing(date(y1, m1, 1), date(y2, m2, calendar.monthrange(y2, m2)[1]))


def by_amount(anchor: TimeSpan, unit: str, lo: float, hi: float, sign: int) -> TimeSpan:
    """Resolve "<amount> <unit>" before (sign -1) or after (sign +1) the report date."""
    kind = unit_kind(unit)
    if kind in ("mon", "jah"):
        factor = 12 if kind == "jah" else 1
        a, b = sorted((sign * math.floor(lo * factor), sign * math.floor(hi * factor)))
        return by_months(anchor, a, b)
    factor = 7 if kind == "woc" else 1
    a, b = sorted((sign * round(lo * factor), sign * round(hi * factor)))
    return by_days(anchor, a, b)


def since_vague(anchor: TimeSpan, unit: str) -> TimeSpan:
    """ "seit Tagen/Wochen/Monaten/Jahren": from at least two such units before the report date to it, at the
    precision the unit gives (a few days in a month-dated article keep the month)."""
    kind = unit_kind(unit)
    if kind == "tag":
        if anchor.precision != "day":
            return anchor
        return TimeSpan(anchor.start - timedelta(days=2), anchor.end, "week")
    if kind == "woc":
        return TimeSpan(anchor.start - timedelta(weeks=2), anchor.end, "week")
    if kind == "mon":
        year, month = shift_month(anchor.start.year, anchor.start.month, -2)
        return TimeSpan(date(year, month, 1), anchor.end, "month")
    return TimeSpan(date(anchor.start.year - 2, 1, 1), anchor.end, "year")


def choose(candidates: list[TimeSpan], anchor: TimeSpan, direction: Direction) -> TimeSpan:
    """The candidate a yearless date means, seen from the anchor in ``direction`` (module docstring)."""
    if direction == "past":
        return max((c for c in candidates if c.start <= anchor.end), key=lambda c: c.start)
    if direction == "before":
        return max((c for c in candidates if c.start < anchor.start), key=lambda c: c.start)
    if direction == "future":
        return min((c for c in candidates if c.end >= anchor.start), key=lambda c: c.start)
    if direction == "after":
        return min((c for c in candidates if c.end > anchor.end), key=lambda c: c.start)

    def gap(c: TimeSpan) -> tuple[int, int]:
        days = max(0, (c.start - anchor.end).days, (anchor.start - c.end).days)
        return days, abs(c.start.year - anchor.start.year)

    return min(candidates, key=gap)


def in_year(anchor: TimeSpan, direction: Direction, make) -> TimeSpan:
    """``make(year)`` for the year around the anchor that ``direction`` picks (``make`` may raise ValueError)."""
    candidates = []
    for year in range(anchor.start.year - 1, anchor.start.year + 2):
        try:
            candidates.append(make(year))
        except ValueError:
            continue  # 29 February in a common year
    return choose(candidates, anchor, direction) if candidates else NONE_SPAN


def weekday(anchor: TimeSpan, target: int, direction: Direction) -> TimeSpan:
    """The day with weekday ``target`` (Monday 0) that ``direction`` picks around a day-precise anchor."""
    days = [anchor.start + timedelta(days=k) for k in range(-8, 9)]
    return choose([TimeSpan.day(d) for d in days if d.weekday() == target], anchor, direction)


def bounded(span: TimeSpan, prep: str | None, anchor: TimeSpan) -> TimeSpan:
    """Close the interval a preposition opens: "seit X" runs from X to the report date, "bis X" from the
    report date to X, "ab X" is X (or, when X lies before the report, X to the report date)."""
    word = (prep or "").casefold().split()[:1]
    if not word or span.start is None or word[0] not in ("seit", "ab", "bis"):
        return span
    if word[0] in ("seit", "ab") and span.start <= anchor.end and not (word[0] == "ab" and span.start >= anchor.start):
        return TimeSpan(span.start, anchor.end, span.precision)
    if word[0] == "bis" and span.end >= anchor.start:
        return TimeSpan(min(anchor.start, span.start), span.end, span.precision)
    return span


def direction_of(prep: str | None, tense: str) -> Direction:
    """Which way a yearless date points: the preposition or modifier first, then the sentence's tense."""
    words = (prep or "").casefold().split()
    if any(w.startswith(("vergangen", "letzt", "vorig")) for w in words):
        return "before"
    if any(w.startswith(("kommend", "nächst")) for w in words):
        return "after"
    if words[:1] == ["seit"]:
        return "past"
    if words[:1] in (["ab"], ["bis"]):
        return "past" if tense == "past" else "future"
    return tense  # type: ignore[return-value]
