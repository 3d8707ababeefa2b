"""The geopy fallback for names the gazetteer lacks: Nominatim behind a cache, a rate limit,
a circuit breaker and a time budget.

"Not found" (returns None, cached) and "could not ask" (raises ``GeocoderUnavailable``, never
cached) are kept apart everywhere: an outage must not turn into a negative cache entry.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from functools import partial
from typing import Any, Literal, NoReturn, Protocol

from geomap.errors import GeocoderUnavailable, GeomapError
from geomap.models import Place

logger = logging.getLogger(__name__)

Status = Literal["found", "not-found"]

DEFAULT_COOLDOWN = 60.0  # seconds the breaker stays open; settings may add "geocoder_cooldown"

# Nominatim addresstype (or type) -> (geomap kind, geo_precision). Checked before class/type.
_ADDRESSTYPE_KINDS: dict[str, tuple[str, int]] = {
    "continent": ("continent", 3),
    "country": ("country", 3),
    "state": ("admin_region", 2),
    "province": ("admin_region", 2),
    "region": ("admin_region", 2),
    "state_district": ("admin_region", 2),
    "county": ("admin_region", 2),
    "district": ("admin_region", 2),
    "city": ("city", 1),
    "town": ("town", 1),
    "municipality": ("town", 1),
    "village": ("village", 1),
    "hamlet": ("village", 1),
    "isolated_dwelling": ("village", 1),
    "suburb": ("neighbourhood", 1),
    "quarter": ("neighbourhood", 1),
    "neighbourhood": ("neighbourhood", 1),
    "city_district": ("neighbourhood", 1),
    "borough": ("neighbourhood", 1),
}
_WATER_TYPES = frozenset({"water", "bay", "strait", "sea", "ocean", "lake", "river", "reservoir", "coastline"})
_REGION_TYPES = frozenset({"island", "archipelago", "islet", "region", "locality", "valley", "mountain_range", "peninsula"})


@dataclass(frozen=True)
class CachedAnswer:
    """What the geocoder said about one query: a place, or a remembered "not found"."""

    status: Status
    place: Place | None  # set exactly when status == "found"
    fetched_at: float  # wall-clock seconds (time.time()) when the answer came from the service


class GeocodeCache(Protocol):
    """Where geocoder answers are kept between calls and runs.

    Keys are ``cache_key(name, country_hint)``. Both found and not-found answers are stored;
    outages never are. ``get`` returns None for a key never stored.
    """

    def get(self, query: str) -> CachedAnswer | None:
        """The stored answer for a query, or None when it was never asked."""
        ...

    def put(self, query: str, answer: CachedAnswer) -> None:
        """Store (or replace) the answer for a query."""
        ...


class MemoryGeocodeCache:
    """A dict-backed ``GeocodeCache`` for tests and one-off runs."""

    def __init__(self) -> None:
        self.answers: dict[str, CachedAnswer] = {}

    def get(self, query: str) -> CachedAnswer | None:
        """The stored answer for a query, or None."""
        return self.answers.get(query)

    def put(self, query: str, answer: CachedAnswer) -> None:
        """Store the answer for a query."""
        self.answers[query] = answer


def cache_key(name: str, country_hint: str | None = None) -> str:
    """The cache key for a lookup: the name, plus ``|CC`` when a country hint narrowed it."""
    name = " ".join(name.split())
    return f"{name}|{country_hint.upper()}" if country_hint else name


class RateLimiter:
    """At most one request per ``min_delay`` seconds, counted from the end of the previous one.

    Counting from the end (not the start, as geopy's RateLimiter does) keeps the gap between
    two requests *arriving* at the server ≥ min_delay even when the first was slow to connect.
    The lock also serialises requests, so concurrent callers queue instead of bursting.
    """

    def __init__(
        self,
        min_delay: float,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.min_delay = min_delay
        self._clock = clock
        self._sleep = sleep
        self._lock = threading.Lock()
        self._last_done: float | None = None

    @contextmanager
    def slot(self) -> Iterator[None]:
        """Wait until a request may go out, run the body as that request, note when it ended."""
        with self._lock:
            if self._last_done is not None:
                wait = self._last_done + self.min_delay - self._clock()
                if wait > 0:
                    logger.debug("rate limit: sleeping %.3fs", wait)
                    self._sleep(wait)
            try:
                yield
            finally:
                self._last_done = self._clock()


_shared_limiters: dict[tuple[str, float], RateLimiter] = {}
_shared_lock = threading.Lock()


def shared_rate_limiter(domain: str, min_delay: float) -> RateLimiter:
    """The process-wide limiter for one geocoder host, so every geocoder instance shares the quota."""
    with _shared_lock:
        key = (domain, min_delay)
        if key not in _shared_limiters:
            _shared_limiters[key] = RateLimiter(min_delay)
        return _shared_limiters[key]


def _classify(raw: Mapping[str, Any]) -> tuple[str, int]:
    """Map Nominatim's class/type/addresstype to a geomap kind and ACLED-like geo_precision."""
    osm_class = str(raw.get("class") or raw.get("category") or "")
    osm_type = str(raw.get("type") or "")
    addresstype = str(raw.get("addresstype") or "")
    if osm_class == "place" and osm_type in _REGION_TYPES:  # informal regions, islands: no admin level
        return "region", 2
    if addresstype in _ADDRESSTYPE_KINDS:
        return _ADDRESSTYPE_KINDS[addresstype]
    if osm_class in ("place", "boundary") and osm_type in _ADDRESSTYPE_KINDS:
        return _ADDRESSTYPE_KINDS[osm_type]
    if osm_class in ("waterway", "water") or osm_type in _WATER_TYPES or addresstype in _WATER_TYPES:
        return "water", 2
    if osm_type in _REGION_TYPES or addresstype in _REGION_TYPES or osm_class == "boundary":
        return "region", 2
    return "landmark", 1


def _confidence(raw: Mapping[str, Any]) -> float:
    """Nominatim's importance scaled into 0.4..0.9: one free-text hit is never as sure as the gazetteer."""
    try:
        importance = float(raw.get("importance") or 0.0)
    except (TypeError, ValueError):
        importance = 0.0
    return round(min(0.9, 0.4 + 0.5 * max(0.0, importance)), 2)


def place_from_nominatim(name: str, raw: Mapping[str, Any]) -> Place | None:
    """A Place from one Nominatim search result, or None when the result lacks ids or coordinates."""
    try:
        lat, lon = float(raw["lat"]), float(raw["lon"])
        ref = f"nominatim:{raw['osm_type']}/{int(raw['osm_id'])}"
    except (KeyError, TypeError, ValueError):
        return None
    kind, precision = _classify(raw)
    address = raw.get("address") if isinstance(raw.get("address"), Mapping) else {}
    country = str(address.get("country_code") or "").upper() or None
    display = str(raw.get("display_name") or "")
    return Place(
        name=str(raw.get("name") or display.split(",")[0].strip() or name),
        lat=lat,
        lon=lon,
        country=country,
        kind=kind,
        source="geocoder",
        ref=ref,
        geo_precision=precision,
        confidence=_confidence(raw),
        rule="geocoder",
        candidates=1,
    )


def _chain(error: BaseException) -> list[BaseException]:
    """The error and its causes: geopy raises its own exception "from" the adapter's or the socket's."""
    chain: list[BaseException] = []
    seen: BaseException | None = error
    while seen is not None and seen not in chain:
        chain.append(seen)
        seen = seen.__cause__ or seen.__context__
    return chain


def classify_failure(error: BaseException) -> tuple[str, bool]:
    """(reason, opens the breaker) for a failed request, decided by exception classes (geopy's, then the
    standard ones on its cause chain), never by message text. Only a query the service refuses (geopy's
    GeocoderQueryError: HTTP 400) leaves the breaker closed: that name is bad, the service is not down."""
    from geopy import exc as geopy_exc
    from geopy.adapters import AdapterHTTPError

    chain = _chain(error)
    status = next((e.status_code for e in chain if isinstance(e, AdapterHTTPError)), None)
    http = f"http {status}" if status is not None else None
    if isinstance(error, geopy_exc.GeocoderQueryError):
        return http or "bad query", False
    # geopy parses the JSON itself: a reply of the wrong shape surfaces as a plain lookup error.
    if isinstance(error, (geopy_exc.GeocoderParseError, AttributeError, IndexError, KeyError, TypeError, ValueError)):
        return "bad json", True
    if http:
        return http, True
    for cause, reason in ((ConnectionRefusedError, "connection refused"), (ConnectionResetError, "connection reset"),
                          (TimeoutError, "timeout")):
        if any(isinstance(e, cause) for e in chain):
            return reason, True
    if isinstance(error, geopy_exc.GeocoderTimedOut):
        return "timeout", True
    if isinstance(error, geopy_exc.GeocoderUnavailable) or isinstance(error, OSError):
        return "connection error", True
    return "service error", True


class FallbackGeocoder:
    """Nominatim lookups for names the gazetteer lacks: cache first, then one rate-limited request.

    Returns a Place or None (not found, cached); raises GeocoderUnavailable on outages (not cached),
    while the circuit breaker is open after an outage, and once the run's time budget is spent.
    Not thread-safe apart from the (process-wide) rate limiter; use one instance per run.
    """

    def __init__(
        self,
        nominatim: Any,
        cache: GeocodeCache,
        *,
        limiter: RateLimiter,
        timeout: float,
        budget: float,
        cooldown: float = DEFAULT_COOLDOWN,
        clock: Callable[[], float] = time.monotonic,
        wall_clock: Callable[[], float] = time.time,
    ) -> None:
        self._nominatim = nominatim
        self.cache = cache
        self.limiter = limiter
        self.timeout = timeout
        self.budget = budget
        self.cooldown = cooldown
        self._clock = clock
        self._wall_clock = wall_clock
        self.spent = 0.0  # seconds of this run spent waiting for and talking to the service
        self._open_until: float | None = None
        self._open_reason = ""

    def geocode(self, name: str, country_hint: str | None = None) -> Place | None:
        """The place a name refers to, or None when the service knows no such place."""
        key = cache_key(name, country_hint)
        cached = self.cache.get(key)
        if cached is not None:
            return cached.place if cached.status == "found" else None
        self._check_may_ask(key)
        raw = self._ask(key, " ".join(name.split()), country_hint)
        place = place_from_nominatim(name, raw) if raw is not None else None
        if raw is not None and place is None:
            self._trip(key, "bad json")
        answer = CachedAnswer("found" if place else "not-found", place, self._wall_clock())
        self.cache.put(key, answer)
        logger.info("geocoded %r: %s", key, place.ref if place else "not found")
        return place

    @property
    def is_open(self) -> bool:
        """True while the circuit breaker refuses requests after an outage."""
        return self._open_until is not None and self._clock() < self._open_until

    def reset_budget(self) -> None:
        """Start a new run's time budget."""
        self.spent = 0.0

    def close(self) -> None:
        """Close the HTTP connections the geocoder keeps open."""
        self._nominatim.__exit__(None, None, None)

    def __enter__(self) -> FallbackGeocoder:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def _check_may_ask(self, key: str) -> None:
        """Raise instead of asking while the breaker is open or the budget is spent."""
        if self.is_open:
            raise GeocoderUnavailable(key, f"circuit open ({self._open_reason})")
        if self.spent >= self.budget:
            raise GeocoderUnavailable(key, "budget")

    def _ask(self, key: str, query: str, country_hint: str | None) -> Mapping[str, Any] | None:
        """One request; the raw first result or None. The one place geopy's exceptions are translated."""
        started = self._clock()
        try:
            with self.limiter.slot():
                location = self._nominatim.geocode(
                    query,
                    exactly_one=True,
                    addressdetails=True,
                    language="de",
                    timeout=self.timeout,
                    country_codes=country_hint.lower() if country_hint else None,
                )
        except Exception as error:  # every failure to ask becomes GeocoderUnavailable, never None
            logger.debug("geocoder request for %r failed", key, exc_info=True)
            reason, opens = classify_failure(error)
            self._trip(key, reason, error, opens=opens)
        finally:
            self.spent += self._clock() - started
        self._open_until = None
        if location is None:
            return None
        raw = getattr(location, "raw", None)
        return raw if isinstance(raw, Mapping) else {}

    def _trip(self, key: str, reason: str, error: BaseException | None = None, *, opens: bool = True) -> NoReturn:
        """Open the breaker (unless the query itself was bad) and raise GeocoderUnavailable."""
        if opens:
            self._open_until = self._clock() + self.cooldown
            self._open_reason = reason
            logger.warning("geocoder unavailable (%s); not asking again for %.0fs", reason, self.cooldown)
        raise GeocoderUnavailable(key, reason) from error


def _adapter_factory() -> Callable[..., Any] | None:
    """requests without its own retries: a retry would slip past the rate limiter and the budget."""
    from geopy.adapters import RequestsAdapter

    return partial(RequestsAdapter, max_retries=0) if RequestsAdapter.is_available else None


def make_geocoder(
    settings: Mapping[str, Any],
    cache: GeocodeCache,
    *,
    clock: Callable[[], float] = time.monotonic,
) -> FallbackGeocoder | None:
    """The fallback geocoder the settings ask for, or None when ``geocoder`` is "off".

    ``clock`` drives the circuit breaker and the budget (tests pass a fake one); the rate limit
    is process-wide per host and always runs on the real monotonic clock.
    """
    if str(settings["geocoder"]).lower() == "off":
        return None
    if settings["geocoder"] != "nominatim":
        raise GeomapError(f"unknown geocoder {settings['geocoder']!r}; use 'nominatim' or 'off'")
    from geopy.exc import ConfigurationError
    from geopy.geocoders import Nominatim

    timeout = float(settings["geocoder_timeout"])
    try:
        nominatim = Nominatim(
            user_agent=settings["user_agent"],
            domain=settings["geocoder_domain"],
            scheme=settings["geocoder_scheme"],
            timeout=timeout,
            adapter_factory=_adapter_factory(),
        )
    except ConfigurationError as exc:
        raise GeomapError(f"geocoder configuration: {exc}") from exc
    return FallbackGeocoder(
        nominatim,
        cache,
        limiter=shared_rate_limiter(settings["geocoder_domain"], float(settings["geocoder_min_delay"])),
        timeout=timeout,
        budget=float(settings["geocoder_budget"]),
        cooldown=float(settings.get("geocoder_cooldown", DEFAULT_COOLDOWN)),
        clock=clock,
    )
