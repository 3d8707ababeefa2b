"""geomap.maps: the Folium map without CDN assets, with the GeoNames credit and escaped layer options."""

from __future__ import annotations

from geomap.maps import GEONAMES_CREDIT, GeomapMap, MapView, build_map, render_parts

VIEW = MapView(
    tile_url="https://tile.example/{z}/{x}/{y}.png",
    tile_attribution="&copy; Beispiel",
    layer_options={"query": [("place", "</script><script>alert(1)</script>")]},
)


def test_map_links_only_self_hosted_assets():
    parts = render_parts(build_map(VIEW, static_base="/assets"))
    links = [line for line in parts.header.splitlines() if line.strip()]
    assert links and all('"/assets/' in line for line in links)
    for name in ("jquery", "bootstrap", "awesome", "cdn", "https://"):
        assert name not in parts.header


def test_map_does_not_change_folium_defaults_for_other_maps():
    build_map(VIEW)
    assert GeomapMap.default_js is not build_map(VIEW).default_js
    assert any("cdn" in url for _, url in GeomapMap.__mro__[1].default_js)


def test_map_credits_tiles_and_geonames():
    script = render_parts(build_map(VIEW)).script
    assert "tile.example/{z}/{x}/{y}.png" in script
    assert "GeoNames" in script and "CC BY 4.0" in script
    assert "\\u003ca href=\\\"https://www.geonames.org/\\\"\\u003e" in script
    assert "GeoNames" in GEONAMES_CREDIT


def test_map_escapes_layer_options_in_its_script():
    script = render_parts(build_map(VIEW)).script
    assert "</script>" not in script
    assert "geomapEvents.attach(" in script


def test_map_starts_at_the_requested_view():
    script = render_parts(build_map(MapView("https://t/{z}/{x}/{y}.png", "t", center=(36.2, 37.1), zoom=9))).script
    assert "[36.2, 37.1]" in script
    assert '"zoom": 9' in script
