"""Country areas: the bundled gazetteer/countries.geojson, its loader (geomap.areas) and /api/areas.geojson."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import textwrap
from pathlib import Path

import orjson
import pytest
import shapely
from hypothesis import given, settings
from hypothesis import strategies as st
from shapely.geometry import Point, shape

from geomap.areas import DATA_FILE, MAX_CODES, load_areas, parse_areas, parse_country_codes, read_areas
from geomap.config import gazetteer_dir
from geomap.errors import FilterError, GazetteerError
from geomap.openapi import openapi_document
from geomap.web import create_app
from tests.web_fixtures import seed_store

DATA_PATH = gazetteer_dir() / DATA_FILE
MAX_BYTES = 1_200_000  # tolerance 0.02 gives 0.91 MB; 0.01 (1.24 MB) or no simplification (1.68 MB) trips this
NEWS_COUNTRIES = {"SY", "IQ", "DE", "RU", "FR", "TR", "LB", "JO", "IR", "US", "GB", "XK"}


@pytest.fixture(scope="module")
def collection() -> dict:
    return json.loads(DATA_PATH.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def shapes(collection) -> dict:
    return {f["id"]: shape(f["geometry"]) for f in collection["features"]}


@pytest.fixture(scope="module")
def app(tmp_path_factory):
    return create_app({"db": str(seed_store(tmp_path_factory.mktemp("areas") / "events.sqlite3"))})


@pytest.fixture(scope="module")
def client(app):
    return app.test_client()


def codes_in(response) -> list[str]:
    assert response.status_code == 200, response.data[:300]
    return [f["id"] for f in orjson.loads(response.data)["features"]]


# --- the data file --------------------------------------------------------------------------------


def test_data_file_is_a_sorted_collection_of_countries(collection) -> None:
    assert collection["type"] == "FeatureCollection"
    ids = [f["id"] for f in collection["features"]]
    assert ids == sorted(set(ids)) and len(ids) > 240
    for feature in collection["features"]:
        assert feature["type"] == "Feature"
        assert re.fullmatch("[A-Z]{2}", feature["id"])
        assert feature["properties"]["code"] == feature["id"] and feature["properties"]["name"]
        assert feature["geometry"]["type"] in ("Polygon", "MultiPolygon")


def test_data_file_polygons_are_valid_and_counter_clockwise(shapes) -> None:
    for code, geometry in shapes.items():
        assert geometry.is_valid, (code, shapely.is_valid_reason(geometry))
        for polygon in shapely.get_parts(geometry):
            assert polygon.exterior.is_ccw, code  # RFC 7946 3.1.6: exterior rings counter-clockwise
            assert not any(ring.is_ccw for ring in polygon.interiors), code


def test_data_file_stays_on_the_map_and_is_cut_at_the_antimeridian(shapes) -> None:
    for code, geometry in shapes.items():
        west, south, east, north = geometry.bounds
        assert -180 <= west <= east <= 180 and -90 <= south <= north <= 90, code
    russia = shapely.get_parts(shapes["RU"])
    assert any(p.bounds[0] == -180 for p in russia) and any(p.bounds[2] == 180 for p in russia)
    assert not any(p.bounds[2] - p.bounds[0] > 180 for p in russia)  # no ring runs across the whole map


def test_data_file_neighbours_do_not_overlap(shapes) -> None:
    codes, geometries = list(shapes), list(shapes.values())
    left, right = shapely.STRtree(geometries).query(geometries, predicate="overlaps")
    assert [(codes[a], codes[b]) for a, b in zip(left, right) if a < b] == []


def test_data_file_has_the_countries_the_news_names(shapes) -> None:
    assert NEWS_COUNTRIES <= set(shapes)


@pytest.mark.parametrize(("code", "lat", "lon"), [
    ("SY", 33.51, 36.29),  # Damascus
    ("SY", 36.20, 37.16),  # Aleppo
    ("IQ", 36.34, 43.13),  # Mosul
    ("DE", 52.52, 13.40),  # Berlin
    ("SO", 9.56, 44.065),  # Hargeisa: Somaliland counts to Somalia
    ("CY", 35.336, 33.317),  # Kyrenia: Northern Cyprus counts to Cyprus
    ("XK", 42.673, 21.167),  # Pristina
    ("GF", 4.94, -52.33),  # Cayenne: French Guiana has its own code, as in the gazetteer
    ("SJ", 78.223, 15.647),  # Longyearbyen
])
def test_data_file_places_lie_in_their_country(shapes, code: str, lat: float, lon: float) -> None:
    point = Point(lon, lat)  # shapely, like GeoJSON, is x = longitude, y = latitude
    assert shapes[code].contains(point)
    assert [c for c, g in shapes.items() if g.contains(point)] == [code]


def test_data_file_france_is_europe_only(shapes) -> None:
    west, south, east, north = shapes["FR"].bounds  # overseas departments are their own codes
    assert -6 < west and east < 10 and 41 < south and north < 52


def test_data_file_size_is_bounded() -> None:
    assert DATA_PATH.stat().st_size < MAX_BYTES, "rebuild with scripts/build_countries.py at the default tolerance"


def test_data_file_has_three_decimals_at_most() -> None:
    assert not re.search(rb"\.\d{4}", DATA_PATH.read_bytes())


# --- geomap.areas -----------------------------------------------------------------------------------


@pytest.mark.parametrize(("values", "expected"), [
    ([], ()),
    ([""], ()),
    (["SY,IQ"], ("SY", "IQ")),
    (["sy", "IQ,Sy"], ("SY", "IQ")),  # repeated: the codes add up, once each, in the order given
    ([" SY , ,iq "], ("SY", "IQ")),
])
def test_parse_country_codes_splits_like_type(values: list[str], expected: tuple[str, ...]) -> None:
    assert parse_country_codes(values) == expected


@pytest.mark.parametrize("value", ["S", "SYR", "S1", "Syrien", "ÄÖ", "ＳＹ", "S\x00", "SY;IQ", "9" * 5000])
def test_parse_country_codes_refuses_what_is_no_code(value: str) -> None:
    with pytest.raises(FilterError, match="countries"):
        parse_country_codes([value])


def test_parse_country_codes_bounds_the_count() -> None:
    all_pairs = [a + b for a in "ABCDEFGHIJKLMNOPQRSTUVWXYZ" for b in "ABCDEFGHIJKLMNOPQRSTUVWXYZ"]
    assert len(parse_country_codes([",".join(all_pairs[:MAX_CODES])])) == MAX_CODES
    assert len(parse_country_codes(["SY"] * 1000)) == 1
    with pytest.raises(FilterError, match=str(MAX_CODES)):
        parse_country_codes([",".join(all_pairs[:MAX_CODES + 1])])


def test_collection_keeps_known_codes_sorted() -> None:
    areas = load_areas()
    body = orjson.loads(areas.collection(["SY", "ZZ", "DE", "SY"]))
    assert body["type"] == "FeatureCollection"
    assert [f["id"] for f in body["features"]] == ["DE", "SY"]
    assert orjson.loads(areas.collection([])) == {"type": "FeatureCollection", "features": []}


def test_load_areas_reads_once() -> None:
    assert load_areas() is load_areas() is load_areas(DATA_PATH)


@pytest.mark.parametrize("text", [b"", b"{", b'{"type": "Feature"}', b'{"type": "FeatureCollection"}',
                                  b'{"type": "FeatureCollection", "features": [{"id": "syr"}]}',
                                  b'{"type": "FeatureCollection", "features": [{"id": "SY", "geometry": '
                                  b'{"type": "Point", "coordinates": [36, 33]}}]}'])
def test_read_areas_refuses_a_corrupt_file(tmp_path: Path, text: bytes) -> None:
    path = tmp_path / DATA_FILE
    path.write_bytes(text)
    with pytest.raises(GazetteerError, match="corrupt"):
        read_areas(path)


def test_read_areas_missing_file(tmp_path: Path) -> None:
    with pytest.raises(GazetteerError, match="cannot be read"):
        read_areas(tmp_path / DATA_FILE)


def test_parse_areas_etag_depends_on_data_and_codes() -> None:
    one = parse_areas(b'{"type":"FeatureCollection","features":[]}')
    other = parse_areas(b'{"type": "FeatureCollection", "features": []}')
    assert one.etag(["SY"]) == one.etag(["SY", "SY"]) != one.etag(["SY", "IQ"])
    assert one.etag(["SY"]) != other.etag(["SY"])


def test_serving_imports_no_shapely_and_reads_nothing_at_start() -> None:
    code = textwrap.dedent("""
        import sys
        import geomap.areas
        from geomap.web import create_app
        create_app({"db": ":memory:"})
        assert "shapely" not in sys.modules, "serving must not need shapely"
        assert not geomap.areas._LOADED, "the areas file is read on first use"
    """)
    subprocess.run([sys.executable, "-c", code], check=True, cwd=Path(__file__).resolve().parent.parent)


# --- /api/areas.geojson ---------------------------------------------------------------------------


def test_endpoint_answers_exactly_the_asked_codes(client) -> None:
    response = client.get("/api/areas.geojson?countries=SY,IQ")
    assert response.mimetype == "application/geo+json"
    assert codes_in(response) == ["IQ", "SY"]
    features = orjson.loads(response.data)["features"]
    assert {f["properties"]["code"] for f in features} == {"IQ", "SY"}
    assert all(f["geometry"]["type"] in ("Polygon", "MultiPolygon") for f in features)


def test_endpoint_leaves_unknown_codes_out(client) -> None:
    assert codes_in(client.get("/api/areas.geojson?countries=SY,ZZ,QQ")) == ["SY"]
    assert codes_in(client.get("/api/areas.geojson?countries=ZZ")) == []


def test_endpoint_repeated_parameter_and_case_are_a_union(client) -> None:
    repeated = codes_in(client.get("/api/areas.geojson?countries=sy&countries=IQ,de"))
    assert repeated == codes_in(client.get("/api/areas.geojson?countries=DE,IQ,SY")) == ["DE", "IQ", "SY"]


@pytest.mark.parametrize("query", ["", "?countries=", "?countries=,", "?other=SY"])
def test_endpoint_without_codes_is_an_empty_collection(client, query: str) -> None:
    assert codes_in(client.get(f"/api/areas.geojson{query}")) == []


TOO_MANY = ",".join(a + b for a in "ABCDEFGHIJKLMN" for b in "ABCDEFGHIJKLMNOPQRSTUVWXYZ")  # 364 codes


@pytest.mark.parametrize("query", ["countries=Syrien", "countries=S1", "countries=SYR", "countries=%FF",
                                   "countries=S%C3%BC", "countries=SY&countries=X", "countries=" + "9" * 5000,
                                   "countries=" + TOO_MANY, "countries=SY%00", "countries=%27%20OR%201=1--"],
                         ids=lambda q: q[:40])
def test_endpoint_bad_codes_are_a_json_400(client, query: str) -> None:
    response = client.get(f"/api/areas.geojson?{query}")
    assert response.status_code == 400, response.data[:200]
    assert response.mimetype == "application/json"
    body = response.get_json()
    assert body["error"]["status"] == 400 and "countries" in body["error"]["message"]


def test_endpoint_is_cacheable_and_revalidates(client) -> None:
    first = client.get("/api/areas.geojson?countries=SY")
    assert "max-age=604800" in first.headers["Cache-Control"] and "public" in first.headers["Cache-Control"]
    etag = first.headers["ETag"]
    again = client.get("/api/areas.geojson?countries=sy", headers={"If-None-Match": etag})
    assert again.status_code == 304 and not again.data
    assert client.get("/api/areas.geojson?countries=SY,IQ", headers={"If-None-Match": etag}).status_code == 200


def test_endpoint_serves_every_code_in_the_file(client, collection) -> None:
    codes = [f["id"] for f in collection["features"]]
    assert codes_in(client.get("/api/areas.geojson", query_string={"countries": ",".join(codes)})) == codes


def test_endpoint_is_in_the_openapi_document() -> None:
    operation = openapi_document({})["paths"]["/api/areas.geojson"]["get"]
    (param,) = operation["parameters"]
    assert param["name"] == "countries" and not param["required"]
    pattern = re.compile(param["schema"]["pattern"])
    assert pattern.match("SY,IQ") and pattern.match("sy") and not pattern.match("S1") and not pattern.match("SYR")
    assert set(operation["responses"]) == {"200", "304", "400"}
    assert "application/geo+json" in operation["responses"]["200"]["content"]


_code_like = st.one_of(st.text(st.sampled_from("SYIQsy1 ,Ä"), max_size=6), st.text(max_size=4),
                       st.sampled_from(["SY", "IQ", "ZZ", "de", "", ","]))


@settings(max_examples=150, derandomize=True, deadline=None)
@given(values=st.lists(_code_like, max_size=4))
def test_endpoint_never_fails_on_odd_input(client, values: list[str]) -> None:
    response = client.get("/api/areas.geojson", query_string=[("countries", v) for v in values])
    try:
        expected = parse_country_codes(values)
    except FilterError:
        assert response.status_code == 400 and response.get_json()["error"]["status"] == 400
    else:
        assert codes_in(response) == sorted(c for c in expected if c in load_areas())
