#!/usr/bin/env python3
"""The README's screenshots: the map with a popup open, and the embed, from the seeds in headless Chromium.

    python scripts/screenshots.py [--out docs]

Ingests seeds/ with the rule-based recognizer into a temporary store, serves the app on 127.0.0.1 and drives
Debian's chromium with Playwright. Tiles are answered with a plain land colour (nothing leaves the machine),
so the pictures show geomap's own layers: clusters, markers, the shaded country, the popup.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from geomap.config import load_settings  # noqa: E402
from geomap.ingest import article_files, ingest_files  # noqa: E402
from geomap.pipeline import build_geoparser  # noqa: E402
from geomap.store import Store  # noqa: E402
from geomap.web import create_app  # noqa: E402
from tests.devserver import CHROMIUM, CHROMIUM_ARGS, LoopbackServer, solid_tile  # noqa: E402

TILE = solid_tile(0xEE, 0xF0, 0xE8)  # a light land colour for every tile


def seeded_store(folder: Path) -> Path:
    db = folder / "seeds.sqlite3"
    settings = load_settings({"db": str(db), "model": "none", "geocoder": "off"}, environ={})
    files, _ = article_files([Path(os.path.relpath(ROOT / "seeds"))])  # sources read "seeds/…", not a local path
    with Store(db) as store:
        ingest_files(files, store, build_geoparser(settings))
    return db


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp:
        db = seeded_store(Path(tmp))
        app = create_app({"db": str(db), "tile_url": "http://127.0.0.1:9/tiles/{z}/{x}/{y}.png", "warm_months": 0})
        with LoopbackServer(app) as server, sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            page = browser.new_page(viewport={"width": 1280, "height": 760}, bypass_csp=True)  # for wait_for_function
            page.route("**/tiles/**", lambda route: route.fulfill(body=TILE, content_type="image/png"))
            page.goto(server.origin + "/?from=2016-10&to=2016-12")
            page.wait_for_function("window.geomapView && window.geomapView.places().length > 3")
            page.wait_for_selector("path.gm-area", timeout=10_000)
            page.evaluate("window.geomapView.map.setView([35.4, 38.2], 6, {animate: false})")
            page.wait_for_timeout(600)
            page.evaluate("window.geomapView.openPopup('Aleppo')")
            page.locator(".gm-popup .gm-event").first.wait_for(timeout=10_000)
            page.wait_for_timeout(400)
            page.screenshot(path=str(args.out / "map.png"))

            embed = browser.new_page(viewport={"width": 760, "height": 520}, bypass_csp=True)
            embed.route("**/tiles/**", lambda route: route.fulfill(body=TILE, content_type="image/png"))
            embed.goto(server.origin + "/embed?from=2016-12&to=2016-12&title=Syrien%20im%20Dezember%202016")
            embed.wait_for_function("window.geomapView && window.geomapView.places().length > 1")
            embed.wait_for_timeout(800)
            embed.screenshot(path=str(args.out / "embed.png"))
            browser.close()
    print(f"wrote {args.out / 'map.png'} and {args.out / 'embed.png'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
