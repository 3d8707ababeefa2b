"""The event filter shared by the map page, the embed, the GeoJSON API and `geomap export`.

Parsing turns query parameters into an ``EventFilter`` or raises ``FilterError`` with a message
that says which parameter is wrong and why (the web layer answers 400 with it).
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date
from typing import Iterable, Mapping, Sequence

from geomap.datelines import parse_iso_date
from geomap.errors import FilterError

MAX_LIMIT = 100_000
MAX_DIGITS = 30
FILTER_PARAMS = ("from", "to", "include_undated", "type", "role", "bbox", "place", "article", "limit")
VIEW_PARAMS = ("zoom", "lat", "lon")
KNOWN_PARAMS = frozenset(FILTER_PARAMS + VIEW_PARAMS)
MAX_ARTICLE_REF = 2000  # an article id (64 hex digits) or URL
TRUE_VALUES = frozenset({"1", "true", "yes", "on"})
FALSE_VALUES = frozenset({"0", "false", "no", "off", ""})
DEFAULT_ROLES = ("location",)


@dataclass(frozen=True)
class BBox:
    """west, south, east, north in degrees; west > east means the box crosses the antimeridian."""

    west: float
    south: float
    east: float
    north: float

    @property
    def crosses_antimeridian(self) -> bool:
        return self.west > self.east

    def as_param(self) -> str:
        return ",".join(str(v) for v in (self.west, self.south, self.east, self.north))


@dataclass(frozen=True)
class EventFilter:
    """What selects the data: a closed date window, undated events or not, types, roles, area, place, limit.

    Only parsed values, so two queries that ask for the same data are equal (a cache key); where the map
    looks (zoom, centre) is a `ViewState`, not part of it."""

    date_from: date | None = None
    date_to: date | None = None
    include_undated: bool = False
    types: tuple[str, ...] = ()
    roles: tuple[str, ...] = DEFAULT_ROLES
    bbox: BBox | None = None
    place: str | None = None
    article: str | None = None  # one article's events: its id, URL or source name
    limit: int | None = None

    @property
    def bounded(self) -> bool:
        return self.date_from is not None or self.date_to is not None

    @property
    def wants_undated(self) -> bool:
        """Undated events are shown in an unbounded view, and in a bounded one only when asked for."""
        return self.include_undated or not self.bounded

    def query_items(self) -> list[tuple[str, str]]:
        """The filter as canonical query parameters (a whole month as YYYY-MM), for links that keep the view."""
        items: list[tuple[str, str]] = []
        if self.date_from:
            items.append(("from", _date_param(self.date_from, end=False)))
        if self.date_to:
            items.append(("to", _date_param(self.date_to, end=True)))
        if self.include_undated:
            items.append(("include_undated", "1"))
        items += [("type", t) for t in self.types]
        if self.roles != DEFAULT_ROLES:
            items += [("role", r) for r in self.roles]
        if self.bbox:
            items.append(("bbox", self.bbox.as_param()))
        if self.place:
            items.append(("place", self.place))
        if self.article:
            items.append(("article", self.article))
        if self.limit:
            items.append(("limit", str(self.limit)))
        return items


@dataclass(frozen=True)
class ViewState:
    """Where the map looks when it opens: zoom and centre; with neither (and no bbox) it fits the events."""

    zoom: int | None = None
    center: tuple[float, float] | None = None

    def query_items(self) -> list[tuple[str, str]]:
        items = [("zoom", str(self.zoom))] if self.zoom is not None else []
        if self.center is not None:
            items += [("lat", str(self.center[0])), ("lon", str(self.center[1]))]
        return items


def _date_param(day: date, *, end: bool) -> str:
    """YYYY-MM when `day` is the month's first (a start) or last (an end) day, else YYYY-MM-DD."""
    edge = calendar.monthrange(day.year, day.month)[1] if end else 1
    return day.isoformat()[:7] if day.day == edge else day.isoformat()


def _single(args: Mapping[str, Sequence[str]], name: str) -> str | None:
    values = list(args.get(name, ()))
    if not values:
        return None
    if len(values) > 1:
        raise FilterError(f"parameter '{name}' was given {len(values)} times; give it once")
    return values[0].strip()


def parse_date_bound(value: str, name: str, *, end: bool) -> date:
    """Parse YYYY-MM or YYYY-MM-DD (geomap.datelines' one parser); a month stands for its first day (from) or last (to)."""
    try:
        span = parse_iso_date(value)
    except FilterError as exc:
        raise FilterError(f"parameter '{name}': {str(exc)[:120]}") from None
    except ValueError:  # year 0: no such date
        raise FilterError(f"parameter '{name}' is out of range: {value[:40]!r}") from None
    bound = span.end if end else span.start
    if bound is None:  # a header date always has bounds; kept as a clear error rather than an assert
        raise FilterError(f"parameter '{name}' is not a date: {value[:40]!r}")
    return bound


def parse_flag(value: str | None, name: str, default: bool = False) -> bool:
    """A yes/no parameter: 1/true/yes/on or 0/false/no/off (any case); absent: `default`."""
    if value is None:
        return default
    if value.lower() in TRUE_VALUES:
        return True
    if value.lower() in FALSE_VALUES:
        return False
    raise FilterError(f"parameter '{name}' must be 1 or 0, got {value[:40]!r}")


def _parse_float(value: str, name: str) -> float:
    try:
        number = float(value)
    except ValueError:
        raise FilterError(f"parameter '{name}' must be a number, got {value[:40]!r}") from None
    if number != number or number in (float("inf"), float("-inf")):
        raise FilterError(f"parameter '{name}' must be a finite number")
    return number


def parse_bbox(value: str) -> BBox:
    """west,south,east,north; west > east crosses the antimeridian (RFC 7946 section 5.2)."""
    parts = value.split(",")
    if len(parts) != 4:
        raise FilterError("parameter 'bbox' must be west,south,east,north (four numbers)")
    west, south, east, north = (_parse_float(p, "bbox") for p in parts)
    if not (-180 <= west <= 180 and -180 <= east <= 180):
        raise FilterError("parameter 'bbox': longitudes must be within -180..180")
    if not (-90 <= south <= 90 and -90 <= north <= 90):
        raise FilterError("parameter 'bbox': latitudes must be within -90..90")
    if south > north:
        raise FilterError("parameter 'bbox': south must not be greater than north")
    return BBox(west, south, east, north)


def multi_values(args: Mapping[str, Sequence[str]], name: str) -> tuple[str, ...]:
    items: list[str] = []
    for value in args.get(name, ()):
        items.extend(part.strip() for part in value.split(",") if part.strip())
    return tuple(dict.fromkeys(items))


def parse_filter(args: Mapping[str, Sequence[str]], *, known_types: Iterable[str] | None = None) -> EventFilter:
    """Build an EventFilter from query parameters (name -> list of values); raise FilterError when malformed."""
    raw_from, raw_to = _single(args, "from"), _single(args, "to")
    date_from = parse_date_bound(raw_from, "from", end=False) if raw_from else None
    date_to = parse_date_bound(raw_to, "to", end=True) if raw_to else None
    if date_from and date_to and date_from > date_to:
        raise FilterError("parameter 'from' is after 'to'")
    types = tuple(sorted(multi_values(args, "type")))
    if known_types is not None:
        unknown = [t for t in types if t not in set(known_types)]
        if unknown:
            raise FilterError(f"parameter 'type': unknown event type {unknown[0][:40]!r}")
    roles = tuple(sorted(multi_values(args, "role"))) or DEFAULT_ROLES
    for role in roles:
        if role not in ("location", "actor"):
            raise FilterError(f"parameter 'role' must be location or actor, got {role[:40]!r}")
    raw_bbox = _single(args, "bbox")
    raw_limit = _single(args, "limit")
    limit = whole_number(raw_limit, "limit", low=1, high=MAX_LIMIT, clamp=True) if raw_limit else None
    place = _single(args, "place")
    if place is not None and len(place) > 200:
        raise FilterError("parameter 'place' is longer than 200 characters")
    article = _single(args, "article")
    if article is not None and len(article) > MAX_ARTICLE_REF:
        raise FilterError(f"parameter 'article' is longer than {MAX_ARTICLE_REF} characters")
    return EventFilter(
        date_from=date_from,
        date_to=date_to,
        include_undated=parse_flag(_single(args, "include_undated"), "include_undated"),
        types=types,
        roles=roles,
        bbox=parse_bbox(raw_bbox) if raw_bbox else None,
        place=place or None,
        article=article or None,
        limit=limit,
    )


def parse_view(args: Mapping[str, Sequence[str]]) -> ViewState:
    """The map's opening view from query parameters (zoom, lat, lon); FilterError when malformed."""
    raw_zoom = _single(args, "zoom")
    zoom = whole_number(raw_zoom, "zoom", low=0, high=19, clamp=False) if raw_zoom else None
    return ViewState(zoom=zoom, center=_parse_center(_single(args, "lat"), _single(args, "lon")))


def parse_choice(values: Sequence[str], name: str, choices: Sequence[str]) -> str:
    """One of `choices` (the first is the default when the parameter is absent)."""
    value = _single({name: values} if values else {}, name)
    if value is None:
        return choices[0]
    if value not in choices:
        raise FilterError(f"parameter '{name}' must be one of {', '.join(choices)}, got {value[:40]!r}")
    return value


def whole_number(value: str, name: str, *, low: int, high: int, clamp: bool) -> int:
    """A whole-number parameter within [low, high]; above `high` it is clamped or refused.

    ASCII digits only: str.isdigit() also accepts "²", which int() refuses; numbers of more than
    MAX_DIGITS digits are refused rather than converted (int() itself refuses 4,300)."""
    kind = "a positive whole number" if low >= 1 else f"a whole number from {low} to {high}"
    if not (value.isascii() and value.isdigit()):
        raise FilterError(f"parameter '{name}' must be {kind}, got {value[:40]!r}")
    if len(value) > MAX_DIGITS:
        raise FilterError(f"parameter '{name}' has more than {MAX_DIGITS} digits")
    number = int(value)
    if number < low or (number > high and not clamp):
        raise FilterError(f"parameter '{name}' must be {kind}")
    return min(number, high)


def _parse_center(lat: str | None, lon: str | None) -> tuple[float, float] | None:
    if lat is None and lon is None:
        return None
    if lat is None or lon is None:
        raise FilterError("parameters 'lat' and 'lon' go together")
    lat_value, lon_value = _parse_float(lat, "lat"), _parse_float(lon, "lon")
    if not -90 <= lat_value <= 90:
        raise FilterError("parameter 'lat' must be within -90..90")
    if not -180 <= lon_value <= 180:
        raise FilterError("parameter 'lon' must be within -180..180")
    return lat_value, lon_value
