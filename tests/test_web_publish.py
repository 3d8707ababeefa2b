"""The picture of a view (/map.png), link previews (og:/twitter: tags), the embed's captions and German errors."""

from __future__ import annotations

import io
import re

import pytest
from PIL import Image
from tests.web_fixtures import seed_store

from geomap.mapimage import marker_size, world_xy
from geomap.web import create_app


@pytest.fixture(scope="module")
def seeded(tmp_path_factory):
    return seed_store(tmp_path_factory.mktemp("publish") / "events.sqlite3")


@pytest.fixture
def client(seeded):
    return create_app({"db": str(seeded)}).test_client()


def _png(response) -> Image.Image:
    assert response.status_code == 200 and response.mimetype == "image/png"
    return Image.open(io.BytesIO(response.data))


def test_map_png_has_the_asked_size_and_shows_markers_in_their_type_colour(client):
    from geomap.event_types import EVENT_TYPES

    image = _png(client.get("/map.png?from=2016-10&to=2016-10&width=800&height=500")).convert("RGB")
    assert image.size == (800, 500)
    colours = {image.getpixel((x, y)) for x in range(0, 800, 2) for y in range(0, 500, 2)}
    summary = client.get("/events.geojson?from=2016-10&to=2016-10&detail=summary").get_json()
    aleppo = next(f for f in summary["features"] if f["properties"]["place"] == "Aleppo")
    hex_colour = dict((tid, colour) for tid, _, colour in EVENT_TYPES)[aleppo["properties"]["main_type"]]
    want = tuple(int(hex_colour[i:i + 2], 16) for i in (1, 3, 5))
    assert any(all(abs(c[k] - want[k]) < 30 for k in range(3)) for c in colours)  # Aleppo's marker


def test_map_png_is_kept_per_store_version_and_names_its_download(client):
    first = client.get("/map.png?from=2016-12&to=2016-12&title=Dezember&download=1")
    again = client.get("/map.png?from=2016-12&to=2016-12&title=Dezember")
    assert first.data == again.data
    assert first.headers["Content-Disposition"] == "attachment; filename=geomap-2016-12_2016-12.png"
    other = client.get("/map.png?from=2016-12&to=2016-12")
    assert other.data != first.data  # the title band


@pytest.mark.parametrize("query", ["width=abc", "height=-3", "from=2016-13", "type=nonsense"])
def test_map_png_bad_parameters_are_400(client, query):
    response = client.get(f"/map.png?{query}")
    assert response.status_code == 400
    error = response.get_json()["error"]
    assert error["code"] == "bad_parameter" and error["message_de"].startswith("Ungültiger Parameter")


def test_map_png_size_is_clamped(client):
    assert _png(client.get("/map.png?width=9999&height=10")).size == (2400, 100)


def test_world_xy_is_web_mercator():
    assert world_xy(0, 0, 0) == pytest.approx((128, 128))
    x, y = world_xy(85.05112878, 180, 1)
    assert (x, y) == pytest.approx((512, 0), abs=1e-6)
    assert marker_size(1) == 16 and marker_size(10_000) == 44


@pytest.mark.parametrize("path", ["/?from=2016-10&to=2016-12", "/embed?from=2016-10&to=2016-12&title=Herbst"])
def test_pages_carry_link_previews_of_their_view(client, path):
    html = client.get(path).get_data(as_text=True)
    tags = dict(re.findall(r'<meta (?:property|name)="([^"]+)" content="([^"]*)"', html))
    assert tags["twitter:card"] == "summary_large_image"
    assert tags["og:image"].startswith("http://localhost/map.png?from=2016-10")
    assert "Oktober – Dezember 2016" in tags["og:description"]
    if "embed" in path:
        assert tags["og:title"] == "Herbst" and "title=Herbst" in tags["og:image"]
    image_path = tags["og:image"].replace("http://localhost", "").replace("&amp;", "&")
    assert _png(client.get(image_path)).size == (1200, 630)


def test_map_page_offers_every_download_named_for_its_filter(client):
    html = client.get("/?from=2016-12&to=2016-12").get_data(as_text=True)
    for link in ("dialect=excel", "/events.gpkg?", "/map.png?", "Bild herunterladen", "CSV für Excel", "GeoPackage"):
        assert link in html


def test_embed_shows_period_subtitle_source_and_only_filtered_types(client):
    html = client.get("/embed?from=2016-12&to=2016-12&type=humanitarian&subtitle=Unterzeile&source=Agenturen").get_data(as_text=True)
    assert "Zeitraum: <span>Dezember 2016</span>" in html
    assert "Unterzeile" in html and "Quelle: Agenturen" in html
    assert 'data-type="humanitarian"' in html and 'data-type="battles"' not in html
    assert 'data-fit="bounds"' in html
    assert "gm-embed-period" not in client.get("/embed?period=0").get_data(as_text=True)
    assert 'data-fit="view"' in client.get("/embed?lat=36&lon=37&zoom=6").get_data(as_text=True)
    assert client.get("/embed?fit=nowhere").status_code == 400


def test_api_errors_carry_a_code_and_a_german_message(client):
    error = client.get("/events.geojson?from=2016-13").get_json()["error"]
    assert error["code"] == "bad_parameter"
    assert "out of range" in error["message"]
    assert error["message_de"].startswith("Ungültiger Parameter „from“")
    missing = client.get("/nowhere.json").get_data(as_text=True)
    assert "Nicht gefunden." in missing
