"""One article's map in real headless Chromium: the `article` filter in the embed (cross-origin iframe), the
Einbetten choice "Karte zu diesem Artikel", popup source links (http(s) only, rel="noopener noreferrer"), and
shared links with utm_*/fbclid still loading the map."""

from __future__ import annotations

from dataclasses import replace
from typing import Iterator
from urllib.parse import quote

import pytest

from tests.browser_fixtures import serve_app, wait_for_places
from geomap.store import Store
from tests.web_fixtures import _december, _october, _undated

pytestmark = pytest.mark.browser

OCTOBER = {"Aleppo", "Genf"}
DECEMBER = {"Aleppo", "Paris", "Syrien"}
OCTOBER_URL = "https://tagesblatt.example/politik/aleppo-123.html"


@pytest.fixture(scope="module")
def articles(tmp_path_factory):
    october, october_events = _october()
    december, december_events = _december()
    october = replace(october, url=OCTOBER_URL, publisher="Tagesblatt")
    december = replace(december, url="javascript:alert(1)", publisher="Böse Seite")  # never a link
    db = tmp_path_factory.mktemp("browser-article") / "events.sqlite3"
    with Store(db) as store:
        for article, events in ((october, october_events), (december, december_events), _undated()):
            store.save_article(article, events, (), "gazetteer")
    return db, october.id, december.id


@pytest.fixture(scope="module")
def servers(articles) -> Iterator[tuple[str, str]]:
    with serve_app(articles[0]) as origins:
        yield origins


def test_one_article_embed_in_a_cross_origin_iframe(page, servers, articles):
    app, other = servers
    _, october_id, december_id = articles
    page.goto(other + f"/host?article={october_id}&utm_source=newsletter&fbclid=abc")
    frame = page.wait_for_selector("#frame").content_frame()
    wait_for_places(frame, OCTOBER)
    page.goto(other + f"/host?article={quote(OCTOBER_URL, safe='')}")  # by its URL too
    wait_for_places(page.wait_for_selector("#frame").content_frame(), OCTOBER)
    page.goto(other + f"/host?article={december_id}")
    wait_for_places(page.wait_for_selector("#frame").content_frame(), DECEMBER)
    assert page.errors == []


def test_einbetten_karte_zu_diesem_artikel(page, servers):
    app, _ = servers
    page.goto(app + "/?utm_campaign=x&fbclid=y")  # a shared link: the page ignores what it does not know
    wait_for_places(page, OCTOBER | DECEMBER | {"Damaskus"})
    page.click("#gm-embed-button")
    page.fill("#gm-embed-article", OCTOBER_URL)
    code = page.input_value("#gm-embed-code")
    assert "article=" + quote(OCTOBER_URL, safe="") in code.replace("&amp;", "&")
    src = code.split('src="', 1)[1].split('"', 1)[0].replace("&amp;", "&")
    assert "zoom=" not in src  # the article's places frame the embed
    page.goto(src)
    wait_for_places(page, OCTOBER)
    assert page.evaluate("window.__csp") == [] and page.errors == []


def test_popup_links_only_http_sources(page, servers, articles):
    app, _ = servers
    page.goto(app + "/")
    wait_for_places(page, OCTOBER | DECEMBER | {"Damaskus"})
    page.evaluate("window.geomapView.openPopup('Genf')")
    link = page.locator(".gm-popup a.gm-event-article").first
    link.wait_for(timeout=10_000)
    assert link.get_attribute("href") == OCTOBER_URL
    assert link.get_attribute("rel") == "noopener noreferrer" and link.get_attribute("target") == "_blank"
    assert "Tagesblatt" in link.inner_text()
    page.evaluate("window.geomapView.openPopup('Paris')")  # December's URL is javascript: — shown, never linked
    popup = page.locator(".gm-popup").filter(has=page.locator(".gm-popup-place", has_text="Paris"))
    popup.locator(".gm-event").first.wait_for(timeout=10_000)
    assert popup.locator("a.gm-event-article").count() == 0
    hrefs = popup.locator("a").evaluate_all("links => links.map(a => a.getAttribute('href'))")
    assert hrefs and not any(h.lower().startswith("javascript") for h in hrefs)
    assert "Böse Seite · 2016-12-aleppo.txt" in popup.inner_text()  # the source shown as text, never linked
    own = popup.locator("a.gm-event-map").first.get_attribute("href")
    assert own == f"?article={articles[2]}"
    assert page.dialogs == [] and page.errors == []
