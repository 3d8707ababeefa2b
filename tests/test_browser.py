"""The map in real headless Chromium (Playwright): markers, time filter, slider, XSS, embed, oEmbed, locality.

Two servers on 127.0.0.1: the app, and a "third-party" origin (another port) that serves blank tiles and host
pages for the embed. Nothing leaves the machine: every request is recorded, tiles are answered by a route.
"""

from __future__ import annotations

from typing import Iterator
from urllib.parse import quote, urlsplit

import pytest
from tests.browser_fixtures import serve_app, wait_for_places
from tests.web_fixtures import XSS_IMG, seed_store

pytestmark = pytest.mark.browser

OCTOBER = {"Aleppo", "Genf"}
DECEMBER = {"Aleppo", "Paris", "Syrien", f"Homs {XSS_IMG}"}


@pytest.fixture(scope="module")
def servers(tmp_path_factory) -> Iterator[tuple[str, str]]:
    """(app origin, third-party origin) on 127.0.0.1, the app seeded and using the third party's tiles."""
    db = seed_store(tmp_path_factory.mktemp("browser") / "events.sqlite3")
    with serve_app(db) as origins:
        yield origins


def test_map_shows_markers_for_all_places(page, servers):
    app, _ = servers
    page.goto(app + "/")
    names = wait_for_places(page, OCTOBER | DECEMBER | {"Damaskus"})
    assert {"Aleppo", "Paris", "Genf"} <= set(names)
    page.evaluate("window.geomapView.map.setView([47.5, 4.2], 8)")
    page.wait_for_selector('.gm-marker[title="Paris"]', timeout=5_000)
    page.wait_for_selector('.gm-marker[title="Genf"]', timeout=5_000)
    assert page.locator(".gm-marker-area").count() == 0  # Syrien is off-screen here
    assert sorted(set(page.evaluate("window.__csp"))) == []
    assert page.errors == []


def test_country_is_a_shaded_area_with_a_popup(page, servers):
    app, _ = servers
    page.goto(app + "/?from=2016-12&to=2016-12")
    wait_for_places(page, DECEMBER)
    area = page.locator("path.gm-area")
    area.first.wait_for(timeout=10_000)
    assert area.count() == 1  # Syrien, the one country-level place
    assert page.locator('.gm-marker[title="Syrien"]').count() == 0  # no point at a centroid
    assert float(area.first.get_attribute("fill-opacity")) > 0.1
    box = page.evaluate("window.geomapView.markerNamed('Syrien').getBounds().toBBoxString()")
    west, south, east, north = map(float, box.split(","))
    assert 35.5 < west < 36.5 and 32 < south < 33 and 42 < east < 42.5 and 37 < north < 37.5  # Syria's extent
    page.evaluate("window.geomapView.openPopup('Syrien')")
    popup = page.locator(".gm-popup").filter(has=page.locator(".gm-popup-place", has_text="Syrien"))
    popup.locator(".gm-event").first.wait_for(timeout=10_000)
    assert "Syrien bleibt geteilt." in popup.inner_text()
    assert page.errors == []


def test_window_without_events_shows_an_empty_state(page, servers):
    app, _ = servers
    for path in ("/?from=2010-01&to=2010-02", "/embed?from=2010-01&to=2010-02"):
        page.goto(app + path)
        note = page.locator(".gm-empty")
        note.wait_for(state="visible", timeout=10_000)
        assert note.inner_text() == "Keine Ereignisse in diesem Zeitraum."
        assert page.evaluate("window.geomapView.places()") == []
        assert page.locator(".leaflet-container").is_visible()  # the map stays, only empty
    page.goto(app + "/?from=2016-12&to=2016-12")
    wait_for_places(page, DECEMBER)
    assert page.locator(".gm-empty").is_hidden()
    assert page.errors == []


def test_time_filter_updates_url_and_markers_without_reload(page, servers):
    app, _ = servers
    page.goto(app + "/")
    wait_for_places(page, OCTOBER | DECEMBER | {"Damaskus"})
    page.evaluate("window.__sameDocument = true")
    page.fill("#gm-from", "2016-12")
    page.fill("#gm-to", "2016-12")
    page.click(".gm-apply")
    wait_for_places(page, DECEMBER)
    assert page.evaluate("window.__sameDocument") is True
    assert "from=2016-12" in page.url and "to=2016-12" in page.url
    assert "2016-12" in page.get_attribute("#gm-download-csv", "href")


def test_direct_url_loads_the_filtered_view(page, servers):
    app, _ = servers
    page.goto(app + "/?from=2016-12&to=2016-12")
    assert set(wait_for_places(page, DECEMBER)) == DECEMBER
    page.goto(app + "/?from=2016-12&to=2016-12&include_undated=1")
    wait_for_places(page, DECEMBER | {"Damaskus"})
    assert page.is_checked("#gm-undated")


def test_hostile_article_strings_never_execute(page, servers):
    app, _ = servers
    page.goto(app + "/")
    names = wait_for_places(page, OCTOBER | DECEMBER | {"Damaskus"})
    hostile = f"Homs {XSS_IMG}"
    for name in [hostile] + names:
        page.evaluate("name => window.geomapView.openPopup(name)", name)
        popup = page.locator(".gm-popup").filter(has=page.locator(".gm-popup-place", has_text=name))
        popup.locator(".gm-event").first.wait_for(timeout=10_000)  # the events arrive after the heading
        if name == hostile:
            text = popup.inner_text()
            assert "<script>window.__xss=1</script>" in text
            assert page.locator(".gm-evidence mark").first.inner_text() == hostile
        if name != "Syrien":  # a shaded country, not a marker (test_country_is_a_shaded_area)
            page.hover(f'.gm-marker[title="{name}"]')
    assert page.evaluate("typeof window.__xss") == "undefined"
    assert page.locator(".leaflet-popup-content img, .leaflet-popup-content script").count() == 0
    assert page.dialogs == []
    assert page.errors == []


def test_slider_steps_through_months(page, servers):
    app, _ = servers
    page.goto(app + "/")
    wait_for_places(page, OCTOBER | DECEMBER | {"Damaskus"})
    page.wait_for_selector("#gm-histogram .gm-bar >> nth=2")
    slide = "v => { const s = document.getElementById('gm-slider'); s.value = v; s.dispatchEvent(new Event('input')); }"
    page.evaluate(slide, "0")
    wait_for_places(page, OCTOBER)
    assert "from=2016-10" in page.url and "to=2016-10" in page.url
    page.evaluate(slide, "2")
    wait_for_places(page, DECEMBER)
    assert page.input_value("#gm-from") == "2016-12"
    page.select_option("#gm-window", "3")
    page.evaluate(slide, "0")
    wait_for_places(page, OCTOBER | DECEMBER)


def test_type_checkboxes_filter_markers(page, servers):
    app, _ = servers
    page.goto(app + "/")
    wait_for_places(page, OCTOBER | DECEMBER | {"Damaskus"})
    for box in page.locator('input[name="type"]').all():
        if box.get_attribute("value") != "humanitarian":
            box.uncheck()
    wait_for_places(page, {"Aleppo"})
    assert "type=humanitarian" in page.url


def test_embed_in_a_cross_origin_iframe_renders_and_resizes(page, servers):
    app, other = servers
    page.goto(other + "/host?title=Syrien&from=2016-12&to=2016-12")
    frame_element = page.wait_for_selector("#frame")
    frame = frame_element.content_frame()
    wait_for_places(frame, DECEMBER)
    page.wait_for_function("document.getElementById('frame').getAttribute('height') !== '300'", timeout=5_000)
    height = int(frame_element.get_attribute("height"))
    assert 420 <= height <= 600
    assert frame.inner_text(".gm-embed-title") == "Syrien"
    assert frame.evaluate("window.__csp") == []


def test_oembed_html_works_in_a_blank_page(page, servers):
    app, other = servers
    page.goto(other + "/blank")
    url = quote(app + "/?from=2016-10&to=2016-10", safe="")
    answer = page.evaluate("u => fetch(u).then(r => r.json())", f"{app}/oembed?url={url}&maxwidth=500&maxheight=400")
    assert answer["width"] == 500 and answer["height"] == 400
    page.evaluate("html => { document.body.innerHTML = html; }", answer["html"])
    frame = page.wait_for_selector("iframe").content_frame()
    wait_for_places(frame, OCTOBER)


def test_every_request_stays_on_127_0_0_1(page, servers):
    app, _ = servers
    page.goto(app + "/?from=2016-12")
    wait_for_places(page, DECEMBER)
    page.evaluate("window.geomapView.openPopup('Paris')")
    page.wait_for_selector(".gm-popup")
    page.click("#gm-embed-button")
    page.wait_for_timeout(200)
    hosts = {urlsplit(url).hostname for url in page.requests}
    assert hosts == {"127.0.0.1"}
    assert any("/tiles/" in url for url in page.requests)
    assert "<iframe" in page.input_value("#gm-embed-code")
    assert page.evaluate("window.__csp") == []


def test_play_steps_the_window_forward(page, servers):
    app, _ = servers
    page.goto(app + "/")
    wait_for_places(page, OCTOBER | DECEMBER | {"Damaskus"})
    page.wait_for_selector("#gm-histogram .gm-bar >> nth=2")
    page.click("#gm-play")
    wait_for_places(page, OCTOBER)
    page.wait_for_function("() => new URLSearchParams(location.search).get('from') === '2016-11'", timeout=5_000)
    page.click("#gm-play")  # pause
    assert page.get_attribute("#gm-play", "aria-label") == "Abspielen"


def test_embed_keeps_bbox_and_zoom(page, servers):
    app, _ = servers
    page.goto(app + "/embed?bbox=30,30,45,40&zoom=6&legend=0")
    wait_for_places(page, {"Aleppo", "Syrien", "Damaskus", f"Homs {XSS_IMG}"})
    assert page.evaluate("window.geomapView.map.getZoom()") == 6
    assert page.locator(".gm-embed-legend").count() == 0
