"""The API against its own OpenAPI document: schemathesis sends generated requests to a live local server (no
5xx, documented statuses, types and schemas, invalid requests rejected and valid ones accepted). Plus inputs at
the edges that a schema cannot describe (bytes that are not UTF-8, unknown paths), each with a defined answer.

benchmarks/fuzz.py runs the same with >= 20,000 cases; this suite with >= 2,000.
"""

from __future__ import annotations

import re

import hashlib
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import orjson
import pytest

from benchmarks.fuzz import run_schemathesis
from benchmarks.fuzz_hooks import joint_rules_hold
from tests.devserver import LoopbackServer
from geomap.filters import MAX_LIMIT
from geomap.models import Article, Event, Evidence, Place, Segment, TimeSpan
from geomap.openapi import openapi_document
from geomap.store import Store
from geomap.web import create_app
from tests.web_fixtures import seed_store

FUZZ_CASES = 2_000
FUZZ_EXAMPLES = 260  # per operation and phase: ~2,400 test cases

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
    api_rules = {re.sub(r"<(?:\w+:)?(\w+)>", r"{\1}", r.rule) for r in client.application.url_map.iter_rules()
                 if r.rule.startswith(("/events.", "/api/", "/healthz", "/oembed"))}
    assert api_rules <= set(document["paths"]), api_rules - set(document["paths"])


def test_openapi_document_lists_every_filter_parameter() -> None:
    from geomap.filters import KNOWN_PARAMS

    from geomap.openapi import PAGE_PARAMETERS

    document = openapi_document({})
    for path in ("/events.geojson", "/events.csv", "/api/histogram"):
        names = {p["name"] for p in document["paths"][path]["get"]["parameters"]}
        assert KNOWN_PARAMS - PAGE_PARAMETERS <= names, KNOWN_PARAMS - PAGE_PARAMETERS - names


def test_openapi_error_schema_matches_the_error_handler(client) -> None:
    error = openapi_document({})["components"]["schemas"]["Error"]
    body = client.get("/events.geojson?from=nonsense").get_json()
    assert set(body) == set(error["required"])
    assert set(body["error"]) == set(error["properties"]["error"]["required"])


# --- fuzzing ----------------------------------------------------------------------------------------


@pytest.mark.slow
def test_schemathesis_finds_no_disagreement_between_api_and_document(live: LoopbackServer) -> None:
    run = run_schemathesis(live.port, FUZZ_EXAMPLES, seed=5, timeout=1800)
    assert run.cases >= FUZZ_CASES, run.summary
    assert run.returncode == 0 and run.failures == 0, run.output[-6000:]


def test_fuzz_hooks_drop_only_requests_that_break_a_joint_rule() -> None:
    assert not joint_rules_hold({"from": "2016-12", "to": "2016-10"})
    assert not joint_rules_hold({"bbox": "0,10,5,5"})
    assert joint_rules_hold({"from": "2016-10", "to": "2016-10"})  # one month: first day <= last day
    assert joint_rules_hold({"from": "2016-10-31", "to": "2016-10"})
    assert joint_rules_hold({"bbox": "170,-30,-170,0"})  # crossing the antimeridian is fine
    assert joint_rules_hold({}) and joint_rules_hold(None)


def test_openapi_patterns_accept_what_the_api_accepts(client) -> None:
    """The document's date, bbox and number patterns against the parser, on values either side of the edge."""
    import re

    params = {p["name"]: p["schema"] for p in openapi_document({})["paths"]["/events.geojson"]["get"]["parameters"]}
    cases = {
        "from": ["2016-10", "2016-02-29", "2015-02-29", "2016-02-30", "0000-01", "0001-01", "2016-13", "9999-12-31",
                 "2016-04-31", "2000-02-29", "1900-02-29", ""],
        "bbox": ["35,32,42,38", "-180,-90,180,90", "181,0,0,0", "1.5,2,3.25,4", "0,91,0,0", ""],
        "limit": ["1", "0", "007", "9" * 30, "9" * 31, "-1", "1.5", ""],
    }
    for name, values in cases.items():
        schema = params[name]
        for value in values:
            documented = re.search(schema["pattern"], value) is not None and len(value) <= schema.get("maxLength", 99)
            status = client.get("/events.geojson", query_string={name: value}).status_code
            assert documented == (status == 200), (name, value, status)


def test_page_only_parameters_are_not_in_the_api_document() -> None:
    from geomap.openapi import PAGE_PARAMETERS

    names = {p["name"] for p in openapi_document({})["paths"]["/events.geojson"]["get"]["parameters"]}
    assert not names & PAGE_PARAMETERS


def test_undocumented_api_paths_and_bytes_that_are_not_utf8_get_json_errors(client) -> None:
    for target in ("/api/nope", "/api/%FF", "/events.geojson?place=%FF", "/events.geojson?from=%FF",
                   "/events.geojson?%FF=%FF"):
        response = client.get(target)
        assert response.status_code in (200, 400, 404), (target, response.status_code)
        if response.status_code != 200:
            assert response.get_json()["error"]["status"] == response.status_code


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
