"""The API against its own OpenAPI document: generated requests to a live local server never get a 5xx,
and every error under the API is JSON. Plus inputs at the edges, each with a defined answer.

The generator (hypothesis, derandomized) lives in benchmarks/fuzz.py, which runs ≥ 10,000 requests.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import orjson
import pytest

from benchmarks.fuzz import encode_target, problems_with, run_fuzz
from geomap.web.devserver import LoopbackServer
from geomap.filters import MAX_LIMIT
from geomap.models import Article, Event, Evidence, Place, Segment, TimeSpan
from geomap.openapi import openapi_document
from geomap.store import Store
from geomap.web import create_app
from tests.web_fixtures import seed_store

FUZZ_REQUESTS = 2_000

FIJI = Place("Suva", -18.1416, 178.4415, "FJ", "city", "gazetteer", "geonames:2198148")
SAMOA = Place("Apia", -13.8333, -171.7667, "WS", "city", "gazetteer", "geonames:4035413")
UNICODE = Place("Ḥalab حلب", 36.2, 37.16, "SY", "city", "gazetteer", "test:unicode")


def _add_edge_places(db: Path) -> None:
    """Places either side of the antimeridian and one with a non-Latin name."""
    text = "Suva meldete Sturm.\nIn Apia fiel Strom aus.\nIn Ḥalab حلب wurde gekämpft."
    raw = f"Pazifik\n\n{text}"
    article = Article(hashlib.sha256(raw.encode()).hexdigest(), "pazifik.txt", raw, TimeSpan.day(date(2016, 11, 5)),
                      "Pazifik", (Segment(0, 7, "title"), Segment(9, len(raw), "body")))
    events = []
    for place, surface in ((FIJI, "Suva"), (SAMOA, "Apia"), (UNICODE, "Ḥalab حلب")):
        start = raw.index(surface, 9)
        line_start, line_end = raw.rfind("\n", 0, start) + 1, (raw.find("\n", start) + 1 or len(raw) + 1) - 1
        evidence = Evidence(raw[line_start:line_end], line_start, line_end, start, start + len(surface), surface)
        events.append(Event(article.id, place, "location", TimeSpan.day(date(2016, 11, 5)), "other", (), (evidence,)))
    with Store(db) as store:
        store.save_article(article, events, (), "gazetteer")


@pytest.fixture(scope="module")
def app(tmp_path_factory):
    db = seed_store(tmp_path_factory.mktemp("fuzz") / "events.sqlite3", extra_events=50)
    _add_edge_places(db)
    return create_app({"db": str(db)})


@pytest.fixture(scope="module")
def live(app) -> Iterator[LoopbackServer]:
    with LoopbackServer(app) as server:
        yield server


@pytest.fixture
def client(app):
    return app.test_client()


def places_in(response) -> set[str]:
    assert response.status_code == 200, response.data[:300]
    return {f["properties"]["place"] for f in orjson.loads(response.data)["features"]}


# --- the document -----------------------------------------------------------------------------------


def test_openapi_document_is_served_and_describes_every_api_endpoint(client) -> None:
    response = client.get("/openapi.json")
    assert response.status_code == 200
    document = response.get_json()
    assert document["openapi"].startswith("3.1")
    assert {"/events.geojson", "/events.csv", "/api/histogram", "/healthz", "/oembed"} <= set(document["paths"])
    api_rules = {r.rule for r in client.application.url_map.iter_rules()
                 if r.rule.startswith(("/events.", "/api/", "/healthz", "/oembed"))}
    assert api_rules <= set(document["paths"]), api_rules - set(document["paths"])


def test_openapi_document_lists_every_filter_parameter() -> None:
    from geomap.filters import KNOWN_PARAMS

    document = openapi_document({})
    for path in ("/events.geojson", "/events.csv", "/api/histogram"):
        names = {p["name"] for p in document["paths"][path]["get"]["parameters"]}
        assert KNOWN_PARAMS <= names, KNOWN_PARAMS - names


def test_openapi_error_schema_matches_the_error_handler(client) -> None:
    error = openapi_document({})["components"]["schemas"]["Error"]
    body = client.get("/events.geojson?from=nonsense").get_json()
    assert set(body) == set(error["required"])
    assert set(body["error"]) == set(error["properties"]["error"]["required"])


# --- fuzzing ----------------------------------------------------------------------------------------


@pytest.mark.slow
def test_fuzzed_requests_get_no_5xx_and_json_errors(live: LoopbackServer) -> None:
    report = run_fuzz(live.port, openapi_document({}), FUZZ_REQUESTS)
    assert report.requests >= FUZZ_REQUESTS
    assert report.failures == [], report.failures[:10]
    assert report.statuses[200] > FUZZ_REQUESTS // 10  # not only rejections: valid requests are generated too


def test_problems_with_catches_what_the_fuzzer_must_catch() -> None:
    assert problems_with("/events.geojson", 500, "application/json", b'{"error": {"status": 500, "message": "x"}}')
    assert problems_with("/events.geojson", 400, "text/html", b"<p>bad</p>")
    assert problems_with("/api/histogram", 400, "application/json", b'{"error": {"status": 404, "message": "x"}}')
    assert problems_with("/events.geojson", 200, "application/geo+json", b"{")
    assert not problems_with("/events.geojson", 400, "application/json", b'{"error": {"status": 400, "message": "x"}}')
    assert not problems_with("/oembed", 501, "application/json", b'{"error": {"status": 501, "message": "x"}}')


def test_encode_target_keeps_bytes_that_are_not_utf8() -> None:
    assert encode_target("/events.geojson", [("place", b"\xff"), ("from", "2016-10")]) == \
        "/events.geojson?place=%FF&from=2016-10"


# --- inputs at the edges ----------------------------------------------------------------------------

BAD_REQUESTS = [
    # dates out of range or not dates
    "from=0000-01", "from=2016-13", "from=2016-00", "to=2016-02-30", "from=99999-01", "from=2016-1",
    "from=2016-12&to=2016-10", "from=%FF", "from=2016-10-01T00:00",
    # lat/lon and bbox out of range
    "lat=91&lon=0", "lat=0&lon=181", "lat=-90.0001&lon=0", "lat=10", "lat=nan&lon=0", "lat=inf&lon=0",
    "bbox=0,-91,10,10", "bbox=-181,0,10,10", "bbox=0,20,10,10", "bbox=1,2,3", "bbox=a,b,c,d", "bbox=1e999,0,1,1",
    # limit and zoom
    "limit=0", "limit=-1", "limit=1.5", "limit=abc", "limit=%C2%B2", "limit=" + "9" * 5000, "zoom=20", "zoom=%C2%B2",
    # repeated single-valued parameters
    "from=2016-10&from=2016-12", "limit=1&limit=2", "bbox=0,0,1,1&bbox=0,0,2,2", "place=Aleppo&place=Genf",
    # SQL-looking strings where the value is checked
    "type=battles'--", "type=battles%20OR%201=1", "role=location'%20OR%20'1'='1", "from=2016-10'%20OR%201=1--",
    # too long
    "place=" + "x" * 201,
]


@pytest.mark.parametrize("path", ["/events.geojson", "/events.csv", "/api/histogram"])
@pytest.mark.parametrize("query", BAD_REQUESTS, ids=lambda q: q[:40])
def test_edge_input_is_a_json_400(client, path: str, query: str) -> None:
    response = client.get(f"{path}?{query}")
    assert response.status_code == 400, response.data[:200]
    body = response.get_json()
    assert body["error"]["status"] == 400 and body["error"]["message"]


@pytest.mark.parametrize("query", ["height=%C2%B2", "height=" + "9" * 5000, "zoom=%C2%B2", "limit=%C2%B2"],
                         ids=lambda q: q[:40])
def test_edge_input_on_pages_is_no_server_error(client, query: str) -> None:
    for path in ("/", "/embed"):
        response = client.get(f"{path}?{query}")
        assert response.status_code in (200, 400), (path, query, response.status_code)


@pytest.mark.parametrize("query", ["maxwidth=%C2%B2", "maxheight=" + "9" * 5000, "maxwidth=0", "maxwidth=-5"],
                         ids=lambda q: q[:40])
def test_edge_input_on_oembed_is_a_json_400(client, query: str) -> None:
    response = client.get(f"/oembed?url=http://localhost/&{query}")
    assert response.status_code == 400, response.data[:200]
    assert response.get_json()["error"]["status"] == 400


def test_edge_dates_far_out_give_empty_results(client) -> None:
    assert places_in(client.get("/events.geojson?from=9999-12")) == set()
    assert places_in(client.get("/events.geojson?to=0001-01")) == set()
    assert places_in(client.get("/events.geojson?from=0001-01-01&to=9999-12-31")) >= {"Aleppo", "Suva"}


def test_edge_bbox_crossing_the_antimeridian(client) -> None:
    assert places_in(client.get("/events.geojson?bbox=170,-30,-170,0")) == {"Suva", "Apia"}
    assert places_in(client.get("/events.geojson?bbox=175,-30,180,0")) == {"Suva"}
    assert places_in(client.get("/events.geojson?bbox=-180,-30,-170,0")) == {"Apia"}
    # the complement of the crossing box: everything but the Pacific pair
    inside = places_in(client.get("/events.geojson?bbox=-170,-90,170,90"))
    assert "Aleppo" in inside and not inside & {"Suva", "Apia"}


def test_edge_huge_limit_is_clamped(client) -> None:
    everything = client.get("/events.geojson").get_json()["geomap"]["event_count"]
    for limit in (str(MAX_LIMIT), str(MAX_LIMIT + 1), "99999999999999999999999999"):
        body = client.get(f"/events.geojson?limit={limit}").get_json()
        assert body["geomap"]["event_count"] == everything
    assert client.get("/events.geojson?limit=1").get_json()["geomap"]["event_count"] == 1


def test_edge_repeated_multi_valued_parameters_are_a_union(client) -> None:
    one = places_in(client.get("/events.geojson?type=battles"))
    other = places_in(client.get("/events.geojson?type=humanitarian"))
    both = places_in(client.get("/events.geojson?type=battles&type=humanitarian"))
    assert both == one | other == places_in(client.get("/events.geojson?type=battles,humanitarian"))


def test_edge_unicode_place_filters(client) -> None:
    assert places_in(client.get("/events.geojson", query_string={"place": "Ḥalab حلب"})) == {"Ḥalab حلب"}
    assert places_in(client.get("/events.geojson", query_string={"place": "ḥalab حلب"})) == set()  # NOCASE is ASCII-only
    assert places_in(client.get("/events.geojson", query_string={"place": "genf"})) == {"Genf"}
    for odd in ("\u202eoppelA", "\x00", "🙂", "A" * 200):
        assert places_in(client.get("/events.geojson", query_string={"place": odd})) == set()
    everything = places_in(client.get("/events.geojson"))
    assert places_in(client.get("/events.geojson", query_string={"place": "\u2028 \t"})) == everything  # blank: no filter


@pytest.mark.parametrize("value", ["' OR 1=1 --", "Aleppo' OR '1'='1", "\"; DROP TABLE events; --",
                                   "Aleppo%", "_leppo", "') UNION SELECT sql FROM sqlite_master --"])
def test_edge_sql_looking_place_is_just_a_name(client, value: str) -> None:
    assert places_in(client.get("/events.geojson", query_string={"place": value})) == set()
    assert places_in(client.get("/events.geojson?place=Aleppo")) == {"Aleppo"}  # the store is intact


def test_edge_unknown_parameters_are_refused_by_data_endpoints_and_ignored_by_pages(client) -> None:
    for path in ("/events.geojson", "/events.csv", "/api/histogram"):
        response = client.get(path + "?foo=bar&%FF=%FF")
        assert response.status_code == 400 and "unknown parameter" in response.json["error"]["message"], path
    assert client.get("/events.csv?form=2016-10").status_code == 400  # a typo never answers the whole store
    for path in ("/", "/embed"):
        assert client.get(path + "?utm_source=x&fbclid=abc&%FF=%FF").status_code == 200
