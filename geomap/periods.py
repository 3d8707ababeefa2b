"""A filter's time window in German words, as captions and link previews say it: "Oktober 2016",
"3. Juni 2024", "Oktober – Dezember 2016", "seit 1. Oktober 2016", "bis Dezember 2016", "alle Zeiten"."""

from __future__ import annotations

from geomap.filters import EventFilter
from geomap.lexicon import MONTH_NAMES_DE

ALL_TIME = "alle Zeiten"


def german_date(value: str) -> str:
    """YYYY-MM-DD as "3. Juni 2024", YYYY-MM as "Juni 2024", YYYY as itself."""
    parts = value.split("-")
    if len(parts) == 1:
        return value
    month = f"{MONTH_NAMES_DE[int(parts[1]) - 1]} {int(parts[0])}"
    return f"{int(parts[2])}. {month}" if len(parts) == 3 else month


def period_label(flt: EventFilter) -> str:
    """The filter's window (from/to as given, so a month stays a month) in German."""
    raw = dict(flt.query_items())  # "from"/"to" as canonical parameters: a whole month stays YYYY-MM
    start, end = raw.get("from", ""), raw.get("to", "")
    if start and end:
        if start == end:
            return german_date(start)
        left, right = german_date(start), german_date(end)
        if len(start) == len(end) == 7 and start[:4] == end[:4]:
            left = left.rsplit(" ", 1)[0]  # "Oktober – Dezember 2016"
        return f"{left} – {right}"
    if start:
        return f"seit {german_date(start)}"
    if end:
        return f"bis {german_date(end)}"
    return ALL_TIME
