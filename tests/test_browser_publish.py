"""A map you can publish (issue 16), in headless Chromium at a phone's and a desktop's size: the offline basemap,
popups and controls within the screen, German throughout, self-explaining controls, the embed builder and embed.

The app serves its own tiles here (no tile_url): every request is recorded and must stay on 127.0.0.1.
"""

from __future__ import annotations

from contextlib import contextmanager
from typing import Iterator
from urllib.parse import parse_qs, urlsplit

import pytest
from tests.browser_fixtures import WATCH_CSP, wait_for_places
from tests.web_fixtures import XSS_IMG, seed_store

from geomap.web import create_app
from tests.devserver import LoopbackServer

pytestmark = pytest.mark.browser

PHONE, DESKTOP = (390, 844), (1400, 900)
VIEWPORTS = pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
DECEMBER = {"Aleppo", "Paris", "Syrien", f"Homs {XSS_IMG}"}
ALL = {"Aleppo", "Genf", "Paris", "Syrien", "Damaskus", f"Homs {XSS_IMG}"}


@pytest.fixture(scope="module")
def app_origin(tmp_path_factory) -> Iterator[str]:
    db = seed_store(tmp_path_factory.mktemp("publish") / "events.sqlite3")
    with LoopbackServer(create_app({"db": str(db)})) as server:
        yield server.origin


@contextmanager
def phone_or_desktop(browser, viewport: tuple[int, int]):  # noqa: F811
    """A page at `viewport` that records every request and refuses (and records) any beyond 127.0.0.1."""
    context = browser.new_context(viewport={"width": viewport[0], "height": viewport[1]},
                                  permissions=["clipboard-read", "clipboard-write"])
    context.add_init_script(WATCH_CSP)
    page = context.new_page()
    page.requests, page.errors, page.offsite = [], [], []  # type: ignore[attr-defined]
    page.on("request", lambda r: page.requests.append(r.url))
    page.on("pageerror", lambda e: page.errors.append(str(e)))

    def refuse(route) -> None:
        page.offsite.append(route.request.url)
        route.abort()

    context.route(lambda url: urlsplit(url).hostname != "127.0.0.1", refuse)
    try:
        yield page
    finally:
        context.close()


def _box(page, selector: str) -> dict:
    box = page.locator(selector).first.bounding_box()
    assert box is not None, selector
    return box


def _overlap(a: dict, b: dict) -> bool:
    return not (a["x"] + a["width"] <= b["x"] or b["x"] + b["width"] <= a["x"]
                or a["y"] + a["height"] <= b["y"] or b["y"] + b["height"] <= a["y"])


def _within(box: dict, viewport: tuple[int, int]) -> bool:
    return box["x"] >= 0 and box["y"] >= 0 and box["x"] + box["width"] <= viewport[0] and box["y"] + box["height"] <= viewport[1]


def _local_only(page) -> None:
    assert page.offsite == []
    assert all(urlsplit(u).hostname == "127.0.0.1" for u in page.requests if not u.startswith("data:"))
    assert page.errors == []
    assert page.evaluate("window.__csp") == []


@VIEWPORTS
def test_offline_basemap_tiles_come_from_the_app(browser, app_origin, viewport):  # noqa: F811
    with phone_or_desktop(browser, viewport) as page:
        responses = []
        page.on("response", lambda r: responses.append(r) if "/tiles/" in r.url else None)
        page.goto(app_origin + "/")
        wait_for_places(page, ALL)
        page.wait_for_load_state("networkidle")
        assert responses and all(r.url.startswith(app_origin + "/tiles/") for r in responses)
        assert all(r.status == 200 and r.headers["content-type"] == "image/png" for r in responses)
        assert "OpenStreetMap" in page.inner_text(".leaflet-control-attribution")
        _local_only(page)


@VIEWPORTS
def test_popup_stays_on_screen_clear_of_the_zoom_buttons_and_esc_closes_it(browser, app_origin, viewport):  # noqa: F811
    with phone_or_desktop(browser, viewport) as page:
        page.goto(app_origin + "/?from=2016-10&to=2016-12")
        wait_for_places(page, DECEMBER | {"Genf"})
        page.evaluate("window.geomapView.openPopup('Aleppo')")
        popup = page.locator(".leaflet-popup")
        page.locator(".gm-popup .gm-event").first.wait_for(timeout=10_000)
        page.wait_for_timeout(600)  # the autopan
        assert _within(_box(page, ".leaflet-popup-content-wrapper"), viewport)
        close = _box(page, ".leaflet-popup-close-button")
        assert _within(close, viewport)
        assert not _overlap(_box(page, ".leaflet-popup-content-wrapper"), _box(page, ".leaflet-control-zoom"))
        assert page.get_attribute(".leaflet-popup-close-button", "aria-label") == "Schließen"
        text = page.inner_text(".gm-popup")
        assert "2 Ereignisse · Stadt · Syrien" in text
        assert "19. Oktober 2016" in text and "Dezember 2016" in text
        page.keyboard.press("Escape")
        popup.wait_for(state="detached", timeout=5_000)
        _local_only(page)


@VIEWPORTS
def test_controls_never_overlap_and_the_phone_panel_is_a_drawer(browser, app_origin, viewport):  # noqa: F811
    with phone_or_desktop(browser, viewport) as page:
        page.goto(app_origin + "/")
        wait_for_places(page, ALL)
        controls = [".leaflet-control-zoom", ".leaflet-control-scale", ".leaflet-control-attribution"]
        toggle = page.locator("#gm-drawer-toggle")
        if viewport == PHONE:
            assert toggle.is_visible() and page.locator("#gm-panel").is_hidden()
            controls.append("#gm-drawer-toggle")
            map_box = _box(page, ".geomap-map")
            assert map_box["width"] == viewport[0] and map_box["height"] >= viewport[1] - 1  # the map fills the phone
        else:
            assert toggle.is_hidden() and page.locator("#gm-panel").is_visible()
        boxes = [_box(page, c) for c in controls]
        for i, a in enumerate(boxes):
            assert _within(a, viewport), controls[i]
            for j in range(i + 1, len(boxes)):
                assert not _overlap(a, boxes[j]), (controls[i], controls[j])
        if viewport == PHONE:
            toggle.click()
            assert page.locator("#gm-panel").is_visible() and toggle.get_attribute("aria-expanded") == "true"
            assert _within(_box(page, "#gm-slider"), viewport)
            toggle.click()
            assert page.locator("#gm-panel").is_hidden()
        _local_only(page)


@VIEWPORTS
def test_german_controls_dates_scale_and_errors(browser, app_origin, viewport):  # noqa: F811
    with phone_or_desktop(browser, viewport) as page:
        page.goto(app_origin + "/?from=2016-10&to=2016-10")
        wait_for_places(page, {"Aleppo", "Genf"})
        assert page.get_attribute(".leaflet-control-zoom-in", "title") == "Hineinzoomen"
        assert page.get_attribute(".leaflet-control-zoom-out", "title") == "Herauszoomen"
        scale = page.inner_text(".leaflet-control-scale")
        assert "km" in scale or " m" in scale
        assert "mi" not in scale and "ft" not in scale
        assert page.get_attribute("#gm-slider", "aria-valuetext") == "Oktober 2016"
        assert page.inner_text("#gm-period") == "Oktober 2016"
        page.evaluate("document.getElementById('gm-from').value = '2016-12'; document.getElementById('gm-to').value = '2016-12';"
                      "window.geomapControls.apply()")
        wait_for_places(page, DECEMBER)
        assert page.get_attribute("#gm-slider", "aria-valuetext") == "Dezember 2016"
        page.evaluate("document.getElementById('gm-from').value = '2016-13'; window.geomapControls.apply()")
        page.locator(".gm-empty", has_text="Fehler").wait_for(timeout=10_000)  # over the map, visible on a phone
        assert page.inner_text(".gm-empty").startswith("Fehler: Ungültiger Parameter „from“")
        assert page.text_content("#gm-status").startswith("Fehler: Ungültiger Parameter „from“")
        _local_only(page)
        page.goto(app_origin + "/?place=" + "x" * 201)
        assert page.inner_text(".gm-error-message").startswith("Ungültiger Parameter „place“")


@VIEWPORTS
def test_clusters_take_the_colour_of_their_dominant_type(browser, app_origin, viewport):  # noqa: F811
    with phone_or_desktop(browser, viewport) as page:
        page.goto(app_origin + "/")
        wait_for_places(page, ALL)
        page.evaluate("window.geomapView.map.setView([35, 37], 3, {animate: false})")
        cluster = page.locator(".gm-cluster").first
        cluster.wait_for(timeout=5_000)
        colours = {t["id"]: t["colour"] for t in page.evaluate("window.geomapView.options.types")}
        kind = cluster.get_attribute("data-type")
        assert kind in colours
        assert page.evaluate("e => e.style.getPropertyValue('--gm-colour')", cluster.element_handle()) == colours[kind]
        assert "Orte" in cluster.get_attribute("aria-label")
        _local_only(page)


@VIEWPORTS
def test_histogram_ticks_window_and_an_undated_toggle_that_means_it(browser, app_origin, viewport):  # noqa: F811
    with phone_or_desktop(browser, viewport) as page:
        page.goto(app_origin + "/")
        wait_for_places(page, ALL)
        assert page.is_checked("#gm-undated") and page.is_disabled("#gm-undated")  # all time: undated are in
        assert page.locator("#gm-undated-note").is_visible() or viewport == PHONE
        page.locator(".gm-tick-label").first.wait_for(state="attached", timeout=5_000)
        labels = page.locator(".gm-tick-label").all_inner_texts()
        assert labels[0].startswith("Okt") and "2016" in labels[0]
        page.evaluate("document.getElementById('gm-from').value = '2016-12'; document.getElementById('gm-to').value = '2016-12';"
                      "window.geomapControls.apply()")
        wait_for_places(page, DECEMBER)
        assert not page.is_checked("#gm-undated") and not page.is_disabled("#gm-undated")
        assert page.locator(".gm-bar.gm-in-window").evaluate_all("bars => bars.map(b => b.dataset.month)") == ["2016-12"]
        _local_only(page)


@VIEWPORTS
def test_empty_type_filter_stays_in_the_url(browser, app_origin, viewport):  # noqa: F811
    with phone_or_desktop(browser, viewport) as page:
        page.goto(app_origin + "/?from=2016-12&to=2016-12")
        wait_for_places(page, DECEMBER)
        page.evaluate("document.querySelectorAll('input[name=type]').forEach(b => { b.checked = false; });"
                      "window.geomapControls.apply()")
        wait_for_places(page, set())
        assert parse_qs(urlsplit(page.url).query, keep_blank_values=True)["type"] == [""]
        page.reload()
        page.wait_for_function("() => window.geomapControls !== undefined")
        wait_for_places(page, set())
        assert page.locator("input[name=type]:checked").count() == 0
        _local_only(page)


@VIEWPORTS
def test_first_fit_includes_shaded_countries_and_areas_are_named(browser, app_origin, viewport):  # noqa: F811
    with phone_or_desktop(browser, viewport) as page:
        page.goto(app_origin + "/?from=2016-12&to=2016-12")
        wait_for_places(page, DECEMBER)
        area = page.locator("path.gm-area")
        area.first.wait_for(timeout=10_000)
        assert area.first.get_attribute("aria-label").startswith("Syrien (Land")
        inside = page.evaluate("""() => {
            const view = window.geomapView;
            return view.map.getBounds().pad(0.01).contains(view.markerNamed('Syrien').getBounds());
        }""")
        assert inside
        _local_only(page)


@VIEWPORTS
def test_place_search_filters_by_name(browser, app_origin, viewport):  # noqa: F811
    with phone_or_desktop(browser, viewport) as page:
        page.goto(app_origin + "/?from=2016-10&to=2016-12")
        wait_for_places(page, DECEMBER | {"Genf"})
        if viewport == PHONE:
            page.click("#gm-drawer-toggle")
        assert page.locator("#gm-place-names option[value='Paris']").count() == 1
        page.fill("#gm-place", "paris")
        page.press("#gm-place", "Enter")
        wait_for_places(page, {"Paris"})
        assert parse_qs(urlsplit(page.url).query)["place"] == ["paris"]
        page.click("#gm-place-clear")
        wait_for_places(page, DECEMBER | {"Genf"})
        _local_only(page)


@VIEWPORTS
def test_embed_builder_previews_and_copies_with_feedback(browser, app_origin, viewport):  # noqa: F811
    with phone_or_desktop(browser, viewport) as page:
        page.goto(app_origin + "/?from=2016-12&to=2016-12")
        wait_for_places(page, DECEMBER)
        if viewport == PHONE:
            page.click("#gm-drawer-toggle")
        page.click("#gm-embed-button")
        page.fill("#gm-embed-title", "Syrien im Dezember")
        page.fill("#gm-embed-source", "Eigene Auswertung")
        page.uncheck("#gm-embed-legend")
        code = page.input_value("#gm-embed-code")
        src = code.split('src="')[1].split('"')[0].replace("&amp;", "&")
        query = parse_qs(urlsplit(src).query)
        assert query["fit"] == ["bounds"] and query["legend"] == ["0"] and query["title"] == ["Syrien im Dezember"]
        assert "lat" not in query and "zoom" not in query
        page.wait_for_function("() => document.getElementById('gm-embed-preview').src.includes('Eigene')", timeout=5_000)
        preview = page.frame_locator("#gm-embed-preview")
        assert preview.locator(".gm-embed-title").inner_text(timeout=10_000) == "Syrien im Dezember"
        assert _within(_box(page, "#gm-embed-dialog"), viewport)
        page.click("#gm-embed-copy")
        page.wait_for_function("() => document.getElementById('gm-embed-copied').textContent.length > 0")
        assert page.inner_text("#gm-embed-copied") == "Kopiert ✓"
        assert page.evaluate("navigator.clipboard.readText()") == code
        _local_only(page)


@VIEWPORTS
def test_embed_shows_its_period_its_types_and_fits_every_marker(browser, app_origin, viewport):  # noqa: F811
    with phone_or_desktop(browser, viewport) as page:
        page.goto(app_origin + "/embed?from=2016-12&to=2016-12&title=Dezember&fit=bounds")
        wait_for_places(page, DECEMBER)
        assert page.inner_text(".gm-embed-period") == "Zeitraum: Dezember 2016"
        page.wait_for_function("() => document.querySelectorAll('.gm-embed-legend li[data-type][hidden]').length > 0")
        shown = page.locator(".gm-embed-legend li[data-type]:visible").evaluate_all("items => items.map(i => i.dataset.type)")
        present = page.evaluate("""() => {
            const types = new Set();
            Object.values(window.geomapView.markers).forEach(m => Object.keys(m.feature.properties.type_counts).forEach(t => types.add(t)));
            return [...types].sort();
        }""")
        assert sorted(shown) == present and "battles" not in shown
        fits = page.evaluate("""() => {
            const view = window.geomapView, bounds = view.map.getBounds().pad(0.01);
            return Object.values(view.markers).every(m => m.getLatLng ? bounds.contains(m.getLatLng())
                                                                  : bounds.intersects(m.getBounds()));
        }""")
        assert fits
        _local_only(page)
