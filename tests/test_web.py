"""The web app through Flask's test client: health, GeoJSON/CSV API, filters, errors, the page and the embed."""

from __future__ import annotations

import csv
import io
import json
import re
import subprocess
import sys
import textwrap
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from tests.web_fixtures import FIXTURE_PLACES, XSS_IMG, XSS_SCRIPT, seed_store

from geomap.web import create_app

PROJECT_ROOT = Path(__file__).resolve().parent.parent
# Hosts a page may name in plain links (credits), never as a resource: attribution targets only (tiles are our own).
CREDIT_HOSTS = {"www.openstreetmap.org", "leafletjs.com", "www.geonames.org", "creativecommons.org", "localhost"}
CDN_HINTS = ("cdn.", "cdnjs", "jsdelivr", "unpkg", "code.jquery", "bootstrapcdn", "googleapis", "fontawesome")


def places(response) -> set[str]:
    return {f["properties"]["place"] for f in response.get_json(force=True)["features"]}


# --- /healthz ------------------------------------------------------------------------------------


def test_healthz_reports_store_recognizers_and_model(client):
    body = client.get("/healthz").get_json()
    assert body["status"] == "ok"
    assert body["store"]["articles"] == 4
    assert body["store"]["events"] == 7
    assert body["recognizers"] == {"gazetteer": 4}
    assert body["model"]["name"] == "de_core_news_md"
    assert isinstance(body["model"]["installed"], bool)
    assert body["version"]


def test_healthz_model_none_is_not_installed(seeded_db):
    body = create_app({"db": str(seeded_db), "model": "none"}).test_client().get("/healthz").get_json()
    assert body["model"] == {"name": None, "installed": False}


# --- /events.geojson -----------------------------------------------------------------------------


def test_geojson_is_rfc7946_feature_collection(client):
    response = client.get("/events.geojson")
    assert response.status_code == 200
    assert response.mimetype == "application/geo+json"
    body = json.loads(response.data)
    assert body["type"] == "FeatureCollection"
    assert {f["properties"]["place"] for f in body["features"]} == FIXTURE_PLACES
    for feature in body["features"]:
        assert feature["type"] == "Feature"
        assert feature["geometry"]["type"] == "Point"
    assert "Content-Disposition" not in response.headers


def test_geojson_detail_summary_and_full(client):
    summary = client.get("/events.geojson?detail=summary").get_json(force=True)
    full = client.get("/events.geojson?detail=full").get_json(force=True)
    assert summary["geomap"]["detail"] == "summary" and full["geomap"]["detail"] == "full"
    assert [f["id"] for f in summary["features"]] == [f["id"] for f in full["features"]]
    for short, long in zip(summary["features"], full["features"]):
        assert "events" not in short["properties"]
        assert {k: v for k, v in long["properties"].items() if k != "events"} == short["properties"]
    assert full == client.get("/events.geojson").get_json(force=True)  # full is the default


def test_geojson_bad_detail_is_400(client):
    for query in ("detail=all", "detail=summary&detail=full", "detail="):
        response = client.get(f"/events.geojson?{query}")
        assert response.status_code == 400, query
        assert "detail" in response.get_json()["error"]["message"]


def test_geojson_coordinates_are_lon_lat(client):
    feature = next(f for f in client.get("/events.geojson").get_json(force=True)["features"] if f["properties"]["place"] == "Paris")
    assert feature["geometry"]["coordinates"] == [2.3488, 48.8534]


def test_geojson_month_window_keeps_december_places(client):
    assert places(client.get("/events.geojson?from=2016-12&to=2016-12")) == {"Aleppo", "Paris", "Syrien", f"Homs {XSS_IMG}"}


def test_geojson_month_window_keeps_october_places(client):
    assert places(client.get("/events.geojson?from=2016-10&to=2016-10")) == {"Aleppo", "Genf"}


def test_geojson_day_bounds_are_inclusive(client):
    assert "Paris" in places(client.get("/events.geojson?from=2016-12-14&to=2016-12-14"))
    assert "Paris" not in places(client.get("/events.geojson?from=2016-12-15&to=2016-12-31"))


def test_geojson_undated_only_when_asked_in_a_bounded_view(client):
    assert "Damaskus" in places(client.get("/events.geojson"))
    assert "Damaskus" not in places(client.get("/events.geojson?from=2016-12"))
    assert "Damaskus" in places(client.get("/events.geojson?from=2016-12&include_undated=1"))


def test_geojson_type_bbox_place_and_limit_filters(client):
    assert places(client.get("/events.geojson?type=humanitarian,other")) == {"Aleppo", "Paris"}
    assert places(client.get("/events.geojson?type=humanitarian&type=other")) == {"Aleppo", "Paris"}
    assert places(client.get("/events.geojson?bbox=0,40,10,50")) == {"Genf", "Paris"}
    assert places(client.get("/events.geojson?place=aleppo")) == {"Aleppo"}
    body = client.get("/events.geojson?limit=1").get_json(force=True)
    assert body["geomap"]["event_count"] == 1


def test_geojson_download_is_an_attachment(client):
    response = client.get("/events.geojson?download=1&from=2016-12")
    assert response.headers["Content-Disposition"] == "attachment; filename=geomap-ab-2016-12.geojson"


@pytest.mark.parametrize(
    "query, word",
    [
        ("from=2016-13", "from"),
        ("from=Dezember", "from"),
        ("to=2016-02-30", "to"),
        ("from=2016-12&to=2016-10", "from"),
        ("bbox=1,2,3", "bbox"),
        ("bbox=0,50,10,40", "bbox"),
        ("bbox=0,0,200,10", "bbox"),
        ("limit=abc", "limit"),
        ("limit=0", "limit"),
        ("from=2016-10&from=2016-11", "from"),
        ("type=earthquakes", "type"),
        ("include_undated=vielleicht", "include_undated"),
    ],
)
def test_geojson_bad_parameter_is_a_json_400(client, query, word):
    response = client.get(f"/events.geojson?{query}")
    assert response.status_code == 400
    assert response.mimetype == "application/json"
    error = response.get_json()["error"]
    assert error["status"] == 400
    assert word in error["message"]


# --- /events.csv ---------------------------------------------------------------------------------


def test_csv_has_one_row_per_event(client):
    response = client.get("/events.csv?from=2016-12&to=2016-12&download=1")
    assert response.mimetype == "text/csv"
    assert response.headers["Content-Disposition"] == "attachment; filename=geomap-2016-12_2016-12.csv"
    rows = list(csv.DictReader(io.StringIO(response.data.decode())))
    assert {r["place"] for r in rows} == {"Aleppo", "Paris", "Syrien", f"Homs {XSS_IMG}"}


def test_csv_bad_parameter_is_a_json_400(client):
    assert client.get("/events.csv?to=x").status_code == 400


def test_openapi_document_lists_the_api(client):
    body = client.get("/openapi.json").get_json()
    assert body["openapi"].startswith("3.1")
    assert {"/events.geojson", "/events.csv", "/api/histogram", "/healthz", "/oembed"} <= set(body["paths"])


def test_histogram_counts_months_and_undated(client):
    body = client.get("/api/histogram?from=2016-12").get_json()  # the time window is ignored
    assert body == {
        "months": [{"month": "2016-10", "count": 2}, {"month": "2016-12", "count": 4}],
        "undated": 1,
    }
    assert client.get("/api/histogram?type=humanitarian").get_json()["months"] == [{"month": "2016-12", "count": 1}]


# --- errors --------------------------------------------------------------------------------------


def test_unknown_page_is_an_html_404(client):
    response = client.get("/nirgendwo")
    assert response.status_code == 404
    assert response.mimetype == "text/html"
    assert b"Fehler 404" in response.data


def test_unknown_api_path_is_a_json_404(client):
    response = client.get("/api/nirgendwo")
    assert response.status_code == 404
    assert response.get_json()["error"]["status"] == 404


def test_wrong_method_is_a_405(client):
    response = client.post("/events.geojson")
    assert response.status_code == 405
    assert response.get_json()["error"]["status"] == 405


def test_bad_page_parameter_is_an_escaped_html_400(client):
    response = client.get("/?from=<script>alert(1)</script>")
    assert response.status_code == 400
    assert response.mimetype == "text/html"
    assert b"<script>alert" not in response.data
    assert b"&lt;script&gt;" in response.data


def test_unexpected_error_is_a_500_without_traceback(app):
    def boom():
        raise RuntimeError("secret internals")

    app.add_url_rule("/boom", view_func=boom)
    app.add_url_rule("/api/boom", "api_boom", view_func=boom)
    client = app.test_client()
    page, api = client.get("/boom"), client.get("/api/boom")
    assert page.status_code == api.status_code == 500
    assert api.get_json()["error"]["status"] == 500
    for response in (page, api):
        assert b"secret internals" not in response.data
        assert b"Traceback" not in response.data


def test_unopenable_store_is_a_503(tmp_path):
    client = create_app({"db": str(tmp_path)}).test_client()  # a directory is not a database
    response = client.get("/events.geojson")
    assert response.status_code == 503
    assert response.get_json()["error"]["status"] == 503


# --- the page ------------------------------------------------------------------------------------


def test_page_renders_the_map_without_events(client):
    response = client.get("/")
    assert response.status_code == 200
    html = response.data.decode()
    assert 'class="folium-map geomap-map"' in html
    assert "/static/geomap-map.js" in html
    assert "Aleppo" not in html and "Genf" not in html


def test_page_size_does_not_grow_with_the_event_count(tmp_path):
    small = create_app({"db": str(seed_store(tmp_path / "small.sqlite3"))}).test_client()
    large = create_app({"db": str(seed_store(tmp_path / "large.sqlite3", extra_events=500))}).test_client()
    for path in ("/", "/?from=2016-11&to=2016-12", "/embed"):
        assert len(small.get(path).data) == len(large.get(path).data)
    assert len(small.get("/").data) < 20_000


def _hosts(html: str) -> set[str]:
    return {urlsplit(url).hostname or "" for url in re.findall(r"https?://[^\s\"'<>\\)]+", html)}


def _resource_urls(html: str) -> list[str]:
    return re.findall(r"<(?:script|img|iframe)[^>]*\ssrc=\"([^\"]*)\"", html) + re.findall(
        r"<link[^>]*rel=\"stylesheet\"[^>]*href=\"([^\"]*)\"", html
    )


@pytest.mark.parametrize("path", ["/", "/embed", "/?from=2016-12&to=2016-12"])
def test_page_uses_no_cdn(client, path):
    html = client.get(path).data.decode()
    assert _hosts(html) <= CREDIT_HOSTS
    assert not any(hint in html for hint in CDN_HINTS)
    resources = _resource_urls(html)
    assert resources and all(url.startswith("/static/") for url in resources)


def test_page_keeps_the_filter_in_the_form_and_links(client):
    html = client.get("/?from=2016-12&to=2016-12&include_undated=1").data.decode()
    assert 'id="gm-from" name="from" value="2016-12"' in html
    assert 'id="gm-undated" type="checkbox" name="include_undated" value="1" checked' in html
    assert "/events.csv?from=2016-12&amp;to=2016-12&amp;include_undated=1&amp;download=1" in html


def test_page_announces_oembed(client):
    html = client.get("/").data.decode()
    assert re.search(r'<link rel="alternate" type="application/json\+oembed" href="http://localhost/oembed\?', html)


def test_static_vendor_assets_are_served(client):
    for path in ("/static/vendor/leaflet/leaflet.js", "/static/vendor/leaflet.markercluster/leaflet.markercluster.js"):
        response = client.get(path)
        response.close()
        assert response.status_code == 200, f"{path}: run scripts/install_assets.py"


# --- the embed -----------------------------------------------------------------------------------


def test_embed_has_the_map_and_configurable_chrome(client):
    html = client.get("/embed?title=Syrien%202016&legend=0&credit=1&from=2016-12").data.decode()
    assert 'class="folium-map geomap-map"' in html
    assert "Syrien 2016" in html
    assert "gm-embed-legend" not in html
    assert "gm-credit" in html
    assert 'id="gm-filter"' not in html


def test_embed_escapes_its_title(client):
    html = client.get(f"/embed?title={XSS_SCRIPT}").data.decode()
    assert XSS_SCRIPT not in html
    assert "&lt;script&gt;window.__xss=1&lt;/script&gt;" in html


def test_embed_rejects_a_bad_filter(client):
    assert client.get("/embed?to=2016-02-30").status_code == 400


# --- serving stays light -------------------------------------------------------------------------


def test_serving_never_imports_spacy(seeded_db):
    code = textwrap.dedent(
        f"""
        import sys
        from geomap.web import create_app
        client = create_app({{"db": {str(seeded_db)!r}}}).test_client()
        for path in ("/", "/embed", "/events.geojson", "/events.csv", "/healthz", "/api/histogram", "/oembed?url=http://localhost/", "/openapi.json"):
            assert client.get(path).status_code == 200, path
        print("spacy" in sys.modules)
        """
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=PROJECT_ROOT, check=True)
    assert result.stdout.strip() == "False"
