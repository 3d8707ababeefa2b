#!/usr/bin/env python3
"""Install geomap's front-end libraries from package-lock.json and copy their dist files into geomap/static/vendor/.

Run from anywhere: `python scripts/install_assets.py` (needs node/npm). `--no-npm` copies from an
existing node_modules/ without running `npm ci`.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENDOR = ROOT / "geomap" / "static" / "vendor"

# package -> files (relative to the package folder) served at /static/vendor/<package>/<basename or subpath>
ASSETS: dict[str, tuple[str, ...]] = {
    "leaflet": (
        "dist/leaflet.js",
        "dist/leaflet.css",
        "dist/images/layers.png",
        "dist/images/layers-2x.png",
        "dist/images/marker-icon.png",
        "dist/images/marker-icon-2x.png",
        "dist/images/marker-shadow.png",
        "LICENSE",
    ),
    "leaflet.markercluster": (
        "dist/leaflet.markercluster.js",
        "dist/MarkerCluster.css",
        "dist/MarkerCluster.Default.css",
        "MIT-LICENCE.txt",
    ),
}


def run_npm_ci() -> None:
    """Install exactly the versions in package-lock.json."""
    npm = shutil.which("npm")
    if npm is None:
        sys.exit("npm not found: install Node.js, or pass --no-npm with an existing node_modules/")
    subprocess.run([npm, "ci", "--no-audit", "--no-fund"], cwd=ROOT, check=True)


def copy_assets() -> list[Path]:
    """Copy the listed dist files, keeping leaflet's images/ next to its CSS (the CSS refers to them)."""
    copied: list[Path] = []
    for package, files in ASSETS.items():
        for rel in files:
            source = ROOT / "node_modules" / package / rel
            if not source.exists():
                sys.exit(f"missing {source}: run without --no-npm")
            target = VENDOR / package / rel.removeprefix("dist/")
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target)
            copied.append(target)
    return copied


def main(argv: list[str] | None = None) -> int:
    """Entry point."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-npm", action="store_true", help="copy from node_modules/ without running npm ci")
    args = parser.parse_args(argv)
    if not args.no_npm:
        run_npm_ci()
    for path in copy_assets():
        print(path.relative_to(ROOT))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
