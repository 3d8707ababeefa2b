"""The geopy fallback, over real HTTP against a local Nominatim look-alike (tests/nominatim_server.py)."""

from __future__ import annotations

import socket
from collections.abc import Callable, Iterator

import pytest

from geomap.config import load_settings
from geomap.errors import GeocoderUnavailable, GeomapError
from geomap.geocode import (
    DEFAULT_COOLDOWN,
    CachedAnswer,
    FallbackGeocoder,
    MemoryGeocodeCache,
    RateLimiter,
    cache_key,
    make_geocoder,
    place_from_nominatim,
)
from geomap.models import Place
from tests.nominatim_server import KNOWN_PLACES, NominatimServer

TIMEOUT = 0.3
MIN_DELAY = 0.2


class FakeClock:
    """A monotonic clock the test moves by hand; ``step`` advances it on every read."""

    def __init__(self, step: float = 0.0) -> None:
        self.now = 1000.0
        self.step = step

    def __call__(self) -> float:
        self.now += self.step
        return self.now


def _settings(domain: str, **overrides: object) -> dict[str, object]:
    values = {
        "geocoder_domain": domain,
        "geocoder_scheme": "http",
        "geocoder_timeout": TIMEOUT,
        "geocoder_min_delay": MIN_DELAY,
        "user_agent": "geomap-tests/1.0 (geocode suite)",
        **overrides,
    }
    return load_settings(values, environ={})


@pytest.fixture
def cache() -> MemoryGeocodeCache:
    return MemoryGeocodeCache()


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def make(nominatim_server: NominatimServer, cache: MemoryGeocodeCache, clock: FakeClock) -> Iterator[Callable[..., FallbackGeocoder]]:
    """Build geocoders against the test server (settings overridable); all closed after the test."""
    made: list[FallbackGeocoder] = []

    def build(domain: str | None = None, **overrides: object) -> FallbackGeocoder:
        geocoder = make_geocoder(_settings(domain or nominatim_server.domain, **overrides), cache, clock=clock)
        assert geocoder is not None
        made.append(geocoder)
        return geocoder

    yield build
    for geocoder in made:
        geocoder.close()


@pytest.fixture
def geocoder(make: Callable[..., FallbackGeocoder]) -> FallbackGeocoder:
    return make()


@pytest.fixture
def closed_port() -> int:
    """A loopback port nothing listens on."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_geocode_found_returns_geocoder_place(geocoder: FallbackGeocoder, nominatim_server: NominatimServer) -> None:
    place = geocoder.geocode("Kafr Nabl")
    assert place == Place(
        name="Kafr Nabl", lat=35.6138, lon=36.5606, country="SY", kind="village", source="geocoder",
        ref="nominatim:node/2293424577", geo_precision=1, confidence=0.56, rule="geocoder", candidates=1,
    )
    [request] = nominatim_server.requests
    assert request.path == "/search"
    assert request.query["q"] == "Kafr Nabl"
    assert request.query["format"] == "json"
    assert request.query["addressdetails"] == "1"
    assert request.query["accept-language"] == "de"
    assert "countrycodes" not in request.query


def test_geocode_sends_user_agent(geocoder: FallbackGeocoder, nominatim_server: NominatimServer) -> None:
    geocoder.geocode("Aleppo")
    assert nominatim_server.requests[0].headers["User-Agent"] == "geomap-tests/1.0 (geocode suite)"


def test_geocode_not_found_is_cached(geocoder: FallbackGeocoder, nominatim_server: NominatimServer, cache: MemoryGeocodeCache) -> None:
    assert geocoder.geocode("Nirgendwo") is None
    answer = cache.get("Nirgendwo")
    assert answer is not None and answer.status == "not-found" and answer.place is None
    assert geocoder.geocode("Nirgendwo") is None
    assert len(nominatim_server.requests) == 1


def test_geocode_found_is_cached(geocoder: FallbackGeocoder, nominatim_server: NominatimServer, cache: MemoryGeocodeCache) -> None:
    first = geocoder.geocode("Aleppo")
    second = geocoder.geocode(" Aleppo ")
    assert first is not None and first == second
    assert len(nominatim_server.requests) == 1
    answer = cache.get("Aleppo")
    assert answer is not None and answer.status == "found" and answer.place == first


def test_geocode_country_hint_filters_and_keys_cache(geocoder: FallbackGeocoder, nominatim_server: NominatimServer, cache: MemoryGeocodeCache) -> None:
    assert geocoder.geocode("Aleppo", country_hint="DE") is None
    place = geocoder.geocode("Aleppo", country_hint="sy")
    assert place is not None and place.country == "SY"
    assert [r.query["countrycodes"] for r in nominatim_server.requests] == ["de", "sy"]
    assert set(cache.answers) == {"Aleppo|DE", "Aleppo|SY"}


def test_geocode_waits_min_delay_between_requests(geocoder: FallbackGeocoder, nominatim_server: NominatimServer) -> None:
    for name in ("Aleppo", "Idlib", "Nirgendwo", "Euphrat"):
        geocoder.geocode(name)
    times = [r.at for r in nominatim_server.requests]
    assert len(times) == 4
    assert all(later - earlier >= MIN_DELAY for earlier, later in zip(times, times[1:]))


@pytest.mark.parametrize(
    ("mode", "reason"),
    [
        ("timeout", "timeout"),
        ("hang", "timeout"),
        ("429", "http 429"),
        ("503", "http 503"),
        ("500", "http 500"),
        ("bad-json", "bad json"),
        ("reset", "connection reset"),
    ],
)
def test_geocode_outage_raises_and_is_not_cached(
    mode: str, reason: str, geocoder: FallbackGeocoder, nominatim_server: NominatimServer, cache: MemoryGeocodeCache
) -> None:
    nominatim_server.set_mode(mode)
    with pytest.raises(GeocoderUnavailable) as caught:
        geocoder.geocode("Aleppo")
    assert caught.value.reason == reason
    assert caught.value.query == "Aleppo"
    assert cache.answers == {}
    assert len(nominatim_server.requests) == 1  # no hidden retries past the rate limiter


def test_geocode_result_without_coordinates_is_bad_json(geocoder: FallbackGeocoder, nominatim_server: NominatimServer, cache: MemoryGeocodeCache) -> None:
    nominatim_server.places["kaputt"] = {"place_id": 1, "display_name": "Kaputt"}
    with pytest.raises(GeocoderUnavailable, match="bad json"):
        geocoder.geocode("Kaputt")
    assert cache.answers == {}


def test_geocode_connection_refused(make: Callable[..., FallbackGeocoder], closed_port: int, cache: MemoryGeocodeCache) -> None:
    geocoder = make(domain=f"127.0.0.1:{closed_port}")
    with pytest.raises(GeocoderUnavailable) as caught:
        geocoder.geocode("Aleppo")
    assert caught.value.reason == "connection refused"
    assert cache.answers == {}


def test_breaker_skips_requests_during_cooldown(geocoder: FallbackGeocoder, nominatim_server: NominatimServer, clock: FakeClock) -> None:
    nominatim_server.set_mode("503")
    with pytest.raises(GeocoderUnavailable):
        geocoder.geocode("Aleppo")
    nominatim_server.set_mode("ok")
    for name in ("Aleppo", "Idlib", "Syrien"):
        with pytest.raises(GeocoderUnavailable) as caught:
            geocoder.geocode(name)
        assert caught.value.reason == "circuit open (http 503)"
    clock.now += DEFAULT_COOLDOWN - 1
    with pytest.raises(GeocoderUnavailable, match="circuit open"):
        geocoder.geocode("Aleppo")
    assert geocoder.is_open
    assert len(nominatim_server.requests) == 1


def test_breaker_closes_when_server_recovers(geocoder: FallbackGeocoder, nominatim_server: NominatimServer, clock: FakeClock) -> None:
    nominatim_server.set_mode("timeout")
    with pytest.raises(GeocoderUnavailable, match="timeout"):
        geocoder.geocode("Aleppo")
    nominatim_server.set_mode("ok")
    clock.now += DEFAULT_COOLDOWN
    assert not geocoder.is_open
    place = geocoder.geocode("Aleppo")
    assert place is not None and place.ref == "nominatim:relation/9341316"
    assert geocoder.geocode("Idlib") is not None
    assert len(nominatim_server.requests) == 3


def test_breaker_reopens_when_retry_fails(geocoder: FallbackGeocoder, nominatim_server: NominatimServer, clock: FakeClock) -> None:
    nominatim_server.set_mode("429")
    with pytest.raises(GeocoderUnavailable, match="http 429"):
        geocoder.geocode("Aleppo")
    clock.now += DEFAULT_COOLDOWN
    with pytest.raises(GeocoderUnavailable, match="http 429"):
        geocoder.geocode("Aleppo")
    with pytest.raises(GeocoderUnavailable, match="circuit open"):
        geocoder.geocode("Aleppo")
    assert len(nominatim_server.requests) == 2


def test_breaker_cooldown_from_settings(make: Callable[..., FallbackGeocoder], nominatim_server: NominatimServer, clock: FakeClock) -> None:
    geocoder = make()
    geocoder.cooldown = 5.0
    nominatim_server.set_mode("503")
    with pytest.raises(GeocoderUnavailable):
        geocoder.geocode("Aleppo")
    nominatim_server.set_mode("ok")
    clock.now += 5.0
    assert geocoder.geocode("Aleppo") is not None


def test_budget_spent_defers_without_request(make: Callable[..., FallbackGeocoder], nominatim_server: NominatimServer, cache: MemoryGeocodeCache) -> None:
    cache.put("Aleppo", CachedAnswer("not-found", None, 0.0))
    geocoder = make(geocoder_budget=0.0)
    assert geocoder.geocode("Aleppo") is None  # the cache still answers
    with pytest.raises(GeocoderUnavailable) as caught:
        geocoder.geocode("Idlib")
    assert caught.value.reason == "budget"
    assert nominatim_server.requests == []
    geocoder.budget = 10.0
    assert geocoder.geocode("Idlib") is not None


def test_budget_counts_time_spent_asking(make: Callable[..., FallbackGeocoder], nominatim_server: NominatimServer, clock: FakeClock) -> None:
    clock.step = 3.0  # every request "takes" 3 s on the geocoder's clock
    geocoder = make(geocoder_budget=5.0)
    assert geocoder.geocode("Aleppo") is not None
    assert geocoder.geocode("Idlib") is not None
    assert geocoder.spent == pytest.approx(6.0)
    with pytest.raises(GeocoderUnavailable, match="budget"):
        geocoder.geocode("Syrien")
    assert len(nominatim_server.requests) == 2
    geocoder.reset_budget()
    assert geocoder.geocode("Syrien") is not None


def test_make_geocoder_off_returns_none(cache: MemoryGeocodeCache) -> None:
    assert make_geocoder(load_settings({"geocoder": "off"}, environ={}), cache) is None


def test_make_geocoder_unknown_service_raises(cache: MemoryGeocodeCache) -> None:
    with pytest.raises(GeomapError, match="unknown geocoder"):
        make_geocoder(load_settings({"geocoder": "google"}, environ={}), cache)


def test_rate_limiter_sleeps_remaining_delay_and_propagates_errors() -> None:
    clock = FakeClock()
    slept: list[float] = []

    def sleep(seconds: float) -> None:
        slept.append(seconds)
        clock.now += seconds

    limiter = RateLimiter(1.0, clock=clock, sleep=sleep)
    with limiter.slot():
        pass
    clock.now += 0.25
    with pytest.raises(RuntimeError, match="boom"), limiter.slot():
        raise RuntimeError("boom")
    assert slept == [pytest.approx(0.75)]
    with limiter.slot():  # the failed request still counts against the delay
        pass
    assert slept == [pytest.approx(0.75), pytest.approx(1.0)]


@pytest.mark.parametrize(
    ("key", "kind", "precision"),
    [("kafr nabl", "village", 1), ("aleppo", "city", 1), ("syrien", "country", 3), ("idlib", "admin_region", 2), ("euphrat", "water", 2)],
)
def test_place_from_nominatim_maps_kind(key: str, kind: str, precision: int) -> None:
    place = place_from_nominatim(key, KNOWN_PLACES[key])
    assert place is not None
    assert (place.kind, place.geo_precision) == (kind, precision)


@pytest.mark.parametrize(
    ("cls", "typ", "addresstype", "kind"),
    [
        ("place", "town", "town", "town"),
        ("place", "suburb", "suburb", "neighbourhood"),
        ("place", "island", "island", "region"),
        ("natural", "water", "water", "water"),
        ("amenity", "hospital", "amenity", "landmark"),
        ("place", "continent", "continent", "continent"),
    ],
)
def test_place_from_nominatim_maps_other_kinds(cls: str, typ: str, addresstype: str, kind: str) -> None:
    raw = {**KNOWN_PLACES["aleppo"], "class": cls, "type": typ, "addresstype": addresstype}
    place = place_from_nominatim("x", raw)
    assert place is not None and place.kind == kind


def test_cache_key_normalises_space_and_hint() -> None:
    assert cache_key("  Kafr   Nabl ") == "Kafr Nabl"
    assert cache_key("Aleppo", "sy") == "Aleppo|SY"


def test_a_refused_query_does_not_open_the_breaker(geocoder: FallbackGeocoder, nominatim_server: NominatimServer) -> None:
    nominatim_server.set_mode("400")  # geopy's GeocoderQueryError: this name is bad, the service is up
    with pytest.raises(GeocoderUnavailable, match="http 400"):
        geocoder.geocode("Aleppo")
    assert not geocoder.is_open
    nominatim_server.set_mode("ok")
    assert geocoder.geocode("Idlib") is not None


@pytest.mark.parametrize(("error", "expected"), [
    (ConnectionRefusedError(), ("connection refused", True)),
    (TimeoutError(), ("timeout", True)),
    (KeyError("lat"), ("bad json", True)),
    (RuntimeError("connection refused"), ("service error", True)),  # the class decides, never the message
])
def test_classify_failure_by_exception_class(error: BaseException, expected: tuple[str, bool]) -> None:
    from geomap.geocode import classify_failure

    assert classify_failure(error) == expected
