"""The hostile corpus in real headless Chromium: map, embeds, every popup, GeoJSON, CSV and oEmbed; nothing runs.

The store holds the seeds plus every hostile article, ingested once exactly as tests/test_hostile.py does (its
`hostile_run` fixture). Every payload that would run sets `window.__xss` or opens a dialog. The run is made twice:
with the app's CSP enforced (what readers get; an injection the CSP blocks still fails, as a recorded violation)
and with the CSP bypassed, so that escaping alone has to keep the flag unset.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Iterator
from urllib.parse import quote, urlencode

import pytest
from tests.browser_fixtures import recording_page, serve_app
from tests.hostile_corpus import HOSTILE_DIR, PAYLOAD_NAME, SIDECAR_TITLE, HostileRun

from tests.conftest import SEEDS_DIR

pytestmark = [pytest.mark.browser, pytest.mark.slow]

FLAG = "window.__xss"
# Corpus files without a payload that could set the flag, and why.
NO_FLAG = {
    "binary.txt": "binary junk, refused at ingest",
    "empty.txt": "empty, refused at ingest",
    "whitespace_only.txt": "empty, refused at ingest",
    "utf16.txt": "only the encoding is hostile, refused at ingest",
    "control_chars.txt": "terminal escapes and control characters: nothing a browser runs",
    "sql_strings.txt": "SQL injection: checked against the store in test_hostile",
}
# Payloads (one or more a hostile case) that must reach the popups verbatim, as text: proof the run saw them. Some
# cannot set the flag and are caught otherwise: alert() by the dialog check, the script from 127.0.0.1:9 by the
# request check, template syntax by appearing here unevaluated.
SHOWN_AS_TEXT = (
    "<script>window.__xss=1;alert(1)</script>",
    "<SCRIPT SRC=//127.0.0.1:9/x.js></SCRIPT>",
    "<img src=x onerror=\"window.__xss=2\">",
    "<svg onload=window.__xss=2></svg>",
    "<iframe src=javascript:window.__xss=2></iframe>",
    "<a href=\"javascript:window.__xss=3\">",
    "\" onmouseover=\"window.__xss=4\" x=\"",
    "'><svg onload=window.__xss=4>'",
    "'</script><script>window.__xss=5</script>",
    "\u2028window.__xss=5\u2029",
    "{{constructor.constructor('window.__xss=6')()}}",
    "{% for x in range(10) %}{{ x }}{% endfor %}",
    "\u202ewindow.__xss=7\u202c",
    "<script>window.__xss=8</script>",
    PAYLOAD_NAME,
    SIDECAR_TITLE,
)
# Titles for the embed (by URL, framed by another origin, and through oEmbed); each would set the flag if it ran.
TITLE_PAYLOADS = (
    "<script>window.__xss=21</script>",
    "\"><img src=x onerror=window.__xss=22>",
    "</script><script>window.__xss=23</script>",
    "';window.__xss=24;//\u2028{{ 7*7 }}",
)
# Markup that must never appear inside a popup: elements that load or run something, handlers, javascript: URLs.
ACTIVE_IN_POPUP = """root => Array.from(root.querySelectorAll("*")).filter(n =>
    ["script", "img", "iframe", "object", "embed"].includes(n.localName)
    || Array.from(n.attributes).some(a => /^on/i.test(a.name) || /^\\s*javascript:/i.test(a.value))
  ).map(n => n.outerHTML.slice(0, 160))"""
# An open popup headed `name` that holds an element matching `selector` (polled each frame: locators poll slower).
POPUP_WITH = """([name, selector]) => Array.from(document.querySelectorAll(".leaflet-popup-content .gm-popup"))
  .some(popup => {
    const heading = popup.querySelector(".gm-popup-place");
    return heading !== null && heading.textContent === name && popup.querySelector(selector) !== null;
  })"""
POPUP_TIMEOUT = 10_000
MAP_READY = "() => window.geomapView && window.geomapView.places().length > 0"


@dataclass
class Tally:
    """What one browser run visited, and every sign that something of an article's ran or was injected."""

    pages: list[str] = field(default_factory=list)
    downloads: list[str] = field(default_factory=list)
    popup_texts: list[str] = field(default_factory=list)
    executed: list[str] = field(default_factory=list)
    findings: list[str] = field(default_factory=list)

    def check(self, target, where: str) -> None:
        """The flag is unset and the CSP blocked nothing in `target` (a page or a frame)."""
        if target.evaluate("typeof window.__xss") != "undefined":
            self.executed.append(f"{where}: window.__xss = {target.evaluate('String(window.__xss)')}")
        violations = target.evaluate("window.__csp || []")
        if violations:
            self.findings.append(f"{where}: CSP blocked {violations}")


@pytest.fixture(scope="module")
def servers(hostile_run: HostileRun) -> Iterator[tuple[str, str]]:
    """(app origin, third-party origin), the app serving the seeds and the hostile corpus."""
    with serve_app(hostile_run.db) as origins:
        yield origins


def hostile_files(run: HostileRun) -> list[str]:
    """The names of the hostile files the run offered to ingest (everything but the seeds)."""
    seeds = {p.name for p in SEEDS_DIR.glob("*.txt")}
    return sorted(p.name for p in run.folder.iterdir() if p.suffix == ".txt" and p.name not in seeds)


def visit(page, url: str, tally: Tally, *, map_ready: bool) -> None:
    page.goto(url)
    if map_ready:
        page.wait_for_function(MAP_READY, timeout=POPUP_TIMEOUT)
    tally.pages.append(url)


def open_popup(page, name: str, tally: Tally) -> None:
    """Open `name`'s popup and wait for its events (drawn at once or fetched on demand), then inspect it."""
    assert page.evaluate("name => window.geomapView.openPopup(name)", name), name
    page.wait_for_function(POPUP_WITH, arg=[name, ".gm-popup-place"], timeout=POPUP_TIMEOUT)
    page.wait_for_function(POPUP_WITH, arg=[name, ".gm-event, .gm-popup-empty, .gm-popup-error"], timeout=POPUP_TIMEOUT)
    heading = page.locator(".gm-popup-place").filter(has_text=re.compile(f"^{re.escape(name)}$"))
    popup = page.locator(".leaflet-popup-content .gm-popup").filter(has=heading)
    tally.popup_texts.append(popup.inner_text())
    if popup.locator(".gm-popup-error").count():
        tally.findings.append(f"popup {name}: {popup.locator('.gm-popup-error').inner_text()}")
    active = popup.evaluate(ACTIVE_IN_POPUP)
    if active:
        tally.findings.append(f"popup {name}: active markup {active}")
    tally.check(page, f"popup {name}")


def visit_map_and_popups(page, app: str, tally: Tally, places: list[str]) -> None:
    visit(page, app + "/", tally, map_ready=True)
    assert page.evaluate("window.geomapView.places()") == places  # every place of the GeoJSON is on the map
    for name in places:
        open_popup(page, name, tally)
    tally.check(page, "/ after the popups")


def visit_data_urls(page, app: str, tally: Tally) -> list[str]:
    """The GeoJSON opened as a document, the CSV (a download); returns the GeoJSON's place names."""
    visit(page, app + "/events.geojson", tally, map_ready=False)
    collection = page.evaluate("JSON.parse(document.body.innerText)")
    assert FLAG in page.evaluate("document.body.innerText")  # payloads arrive, as text
    tally.check(page, "/events.geojson")
    with page.expect_download() as download:
        try:
            page.goto(app + "/events.csv")
        except Exception as error:  # Playwright reports a navigation that becomes a download as an error
            assert "Download is starting" in str(error), error
    tally.downloads.append(download.value.url)
    tally.check(page, "/events.csv (the page it was opened from)")
    return sorted(feature["properties"]["place"] for feature in collection["features"])


def visit_embeds(page, app: str, other: str, tally: Tally) -> None:
    """/embed plain, with each title payload directly, framed by another origin, and through oEmbed's iframe."""
    visit(page, app + "/embed", tally, map_ready=True)
    tally.check(page, "/embed")
    for title in TITLE_PAYLOADS:
        query = urlencode({"title": title})
        visit(page, f"{app}/embed?{query}", tally, map_ready=True)
        assert page.text_content(".gm-embed-title") == title  # shown as text, verbatim
        tally.check(page, f"/embed?{query}")
        visit(page, f"{other}/host?{query}", tally, map_ready=False)
        frame = page.wait_for_selector("#frame").content_frame()
        frame.wait_for_function(MAP_READY, timeout=POPUP_TIMEOUT)
        tally.check(page, f"host page of /embed?{query}")
        tally.check(frame, f"/embed?{query} framed")
        oembed = f"{app}/oembed?url={quote(f'{app}/embed?{query}', safe='')}"
        visit(page, oembed, tally, map_ready=False)
        answer = page.evaluate("JSON.parse(document.body.innerText)")
        tally.check(page, f"oEmbed JSON for /embed?{query}")
        visit(page, other + "/blank", tally, map_ready=False)
        page.evaluate("html => { document.body.innerHTML = html; }", answer["html"])
        frame = page.wait_for_selector("iframe").content_frame()
        frame.wait_for_function(MAP_READY, timeout=POPUP_TIMEOUT)
        tally.check(page, f"page holding oEmbed html for /embed?{query}")
        tally.check(frame, f"oEmbed iframe for /embed?{query}")


def test_hostile_corpus_payloads_set_the_flag() -> None:
    """A payload that cannot set the flag would make the browser run's zero hollow: each file has one, or a reason."""
    for path in sorted(HOSTILE_DIR.glob("*.txt")):
        assert (FLAG.encode() in path.read_bytes()) != (path.name in NO_FLAG), path.name


@pytest.mark.parametrize("csp", ["enforced", "bypassed"])
def test_hostile_corpus_never_executes_in_a_browser(browser, servers, hostile_run: HostileRun, csp: str) -> None:
    app, other = servers
    tally = Tally()
    with recording_page(browser, bypass_csp=csp == "bypassed") as page:
        places = visit_data_urls(page, app, tally)
        visit_map_and_popups(page, app, tally, places)
        visit_embeds(page, app, other, tally)
        tally.executed += [f"dialog: {message}" for message in page.dialogs]
        tally.findings += [f"page error: {error}" for error in page.errors]
        tally.findings += [f"request off the two servers: {url}" for url in page.requests
                           if not url.startswith((app + "/", other + "/"))]
    files = hostile_files(hostile_run)
    with_payload = sum(FLAG in text for text in tally.popup_texts)
    shown = [payload for payload in SHOWN_AS_TEXT if any(payload in text for text in tally.popup_texts)]
    refused = len(hostile_run.report.errors)
    print(
        f"\nhostile browser run (CSP {csp}): {len(files) + 1 + len(TITLE_PAYLOADS)} hostile cases tried "
        f"({len(files)} files + 1 sidecar title ingested next to the seeds, {refused} refused with reason; "
        f"{len(TITLE_PAYLOADS)} embed titles), "
        f"{len(tally.popup_texts)} popups opened ({with_payload} showing payload text, "
        f"{len(shown)}/{len(SHOWN_AS_TEXT)} payloads verbatim), "
        f"{len(tally.pages)} pages opened + {len(tally.downloads)} download, executed {len(tally.executed)}, "
        f"other findings {len(tally.findings)}"
    )
    assert tally.executed == []
    assert tally.findings == []
    assert len(tally.popup_texts) == len(places)
    assert shown == list(SHOWN_AS_TEXT)
