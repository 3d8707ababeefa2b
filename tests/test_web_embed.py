"""The embed, oEmbed and the security headers, through Flask's test client."""

from __future__ import annotations

import re
from urllib.parse import quote

import pytest

from geomap.web import create_app


def oembed(client, url: str, **params: str):
    query = "&".join(f"{k}={v}" for k, v in params.items())
    return client.get(f"/oembed?url={quote(url, safe='')}&{query}")


# --- oEmbed --------------------------------------------------------------------------------------


def test_oembed_answers_a_rich_iframe_for_the_map(client):
    response = oembed(client, "http://localhost/?from=2016-12&to=2016-12&title=Syrien", format="json")
    assert response.status_code == 200
    body = response.get_json()
    assert body["type"] == "rich" and body["version"] == "1.0"
    assert (body["width"], body["height"]) == (800, 500)
    match = re.fullmatch(r'<iframe src="([^"]+)" width="800" height="500" [^>]*></iframe>', body["html"])
    assert match
    assert match.group(1) == "http://localhost/embed?from=2016-12&amp;to=2016-12&amp;title=Syrien"
    assert response.headers["Access-Control-Allow-Origin"] == "*"


def test_oembed_clamps_to_maxwidth_and_maxheight(client):
    body = oembed(client, "http://localhost/embed", maxwidth="320", maxheight="240").get_json()
    assert (body["width"], body["height"]) == (320, 240)
    assert 'width="320" height="240"' in body["html"]
    body = oembed(client, "http://localhost/", maxwidth="5000").get_json()
    assert body["width"] == 800


@pytest.mark.parametrize(
    "url",
    ["http://example.org/", "http://localhost/events.geojson", "javascript:alert(1)", "http://localhost/?to=2016-02-30"],
)
def test_oembed_is_404_for_urls_that_are_not_our_map(client, url):
    response = oembed(client, url)
    assert response.status_code == 404
    assert response.get_json()["error"]["status"] == 404


def test_oembed_is_501_for_formats_other_than_json(client):
    assert oembed(client, "http://localhost/", format="xml").status_code == 501


@pytest.mark.parametrize("query", ["", "url=http://localhost/&maxwidth=abc", "url=http://localhost/&maxheight=0"])
def test_oembed_is_400_for_bad_parameters(client, query):
    response = client.get(f"/oembed?{query}")
    assert response.status_code == 400
    assert response.get_json()["error"]["status"] == 400


def test_oembed_escapes_what_it_copies_from_the_url(client):
    body = oembed(client, 'http://localhost/?title="><script>alert(1)</script>').get_json()
    assert "<script>" not in body["html"]
    assert body["html"].count('"') == 12  # six quoted attributes, no quote broken out


# --- security headers ----------------------------------------------------------------------------


@pytest.mark.parametrize("path", ["/", "/events.geojson", "/healthz", "/nirgendwo", "/static/geomap.css"])
def test_framing_is_denied_outside_the_embed(client, path):
    response = client.get(path)
    response.close()
    assert response.headers["X-Frame-Options"] == "DENY"
    assert "frame-ancestors 'none'" in response.headers["Content-Security-Policy"]
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"] == "strict-origin-when-cross-origin"


def test_embed_may_be_framed_by_the_configured_ancestors(seeded_db):
    default = create_app({"db": str(seeded_db)}).test_client().get("/embed")
    assert "X-Frame-Options" not in default.headers
    assert "frame-ancestors *" in default.headers["Content-Security-Policy"]
    strict = create_app({"db": str(seeded_db), "frame_ancestors": "https://zeitung.example"}).test_client().get("/embed")
    assert "frame-ancestors https://zeitung.example" in strict.headers["Content-Security-Policy"]


def test_csp_allows_only_self_and_the_tile_server(seeded_db):
    client = create_app({"db": str(seeded_db), "tile_url": "https://{s}.tiles.example:8443/{z}/{x}/{y}.png"}).test_client()
    csp = client.get("/").headers["Content-Security-Policy"]
    directives = dict(d.strip().split(" ", 1) for d in csp.split(";"))
    assert directives["default-src"] == "'self'"
    assert directives["img-src"] == "'self' data: https://*.tiles.example:8443"
    assert directives["connect-src"] == "'self'"
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp


def test_inline_script_carries_the_per_request_nonce(client):
    first, second = client.get("/"), client.get("/")
    nonces = []
    for response in (first, second):
        nonce = re.search(r"'nonce-([^']+)'", response.headers["Content-Security-Policy"]).group(1)
        html = response.data.decode()
        inline = re.findall(r"<script(?![^>]*\bsrc=)([^>]*)>", html)
        assert inline and all(f'nonce="{nonce}"' in attrs for attrs in inline)
        assert "style=" not in html and "<style" not in html
        nonces.append(nonce)
    assert nonces[0] != nonces[1]


# --- embed helpers -------------------------------------------------------------------------------


def test_embed_resize_script_is_served(client):
    response = client.get("/static/embed-resize.js")
    body = response.data.decode()
    response.close()
    assert response.status_code == 200
    assert "geomap-embed-height" in body


def test_embed_posts_its_height_and_takes_a_map_height(client):
    html = client.get("/embed?height=300").data.decode()
    assert 'data-map-height="300"' in html
    assert "/static/geomap-embed.js" in html
    assert 'data-map-height="2000"' in client.get("/embed?height=99999").data.decode()


def test_page_offers_embed_code_and_downloads(client):
    html = client.get("/?type=humanitarian").data.decode()
    assert 'id="gm-embed-button"' in html
    assert 'data-resize-url="http://localhost/static/embed-resize.js"' in html
    assert 'href="/events.geojson?type=humanitarian&amp;download=1"' in html
