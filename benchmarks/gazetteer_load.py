#!/usr/bin/env python3
"""Gazetteer cost at start-up and in an ingest: load time, recognizer build time, ingest peak RSS.

Targets (issue 10): pipeline + gazetteer build <= 2 s; `geomap ingest seeds/` process RSS <= 600 MB.

    python benchmarks/gazetteer_load.py [--out benchmarks/gazetteer_load.txt]

Each timing is the best of 3 runs in a fresh subprocess (so nothing is cached between runs); the RSS is GNU
time's "Maximum resident set size" of one `geomap ingest seeds/` into a temporary store, geocoder off.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PY = sys.executable

LOAD = """
import time; t = time.perf_counter()
from geomap.gazetteer import read_gazetteer, resolve_path
g = read_gazetteer(resolve_path())
print(f"{(time.perf_counter() - t) * 1000:.1f} {len(g)}")
"""
RECOGNIZER = """
import time; t = time.perf_counter()
from geomap.nlp import build_recognizer
r = build_recognizer("{model}")
print(f"{{(time.perf_counter() - t) * 1000:.1f}} {{getattr(r, 'name', type(r).__name__)}}")
"""


def best_of(code: str, runs: int = 3) -> tuple[float, str]:
    outs = [subprocess.run([PY, "-c", code], cwd=ROOT, check=True, capture_output=True, text=True).stdout.split()
            for _ in range(runs)]
    best = min(outs, key=lambda o: float(o[0]))
    return float(best[0]), " ".join(best[1:])


def ingest_rss() -> tuple[int, float]:
    """Peak RSS (kB) and wall seconds of `geomap ingest seeds/` in a fresh store."""
    with tempfile.TemporaryDirectory() as tmp:
        env = dict(os.environ, GEOMAP_DB=str(Path(tmp) / "b.sqlite3"), GEOMAP_GEOCODER="off")
        geomap = str(Path(PY).parent / "geomap")
        run = subprocess.run(["/usr/bin/time", "-v", geomap, "ingest", "seeds/"], cwd=ROOT, env=env,
                             capture_output=True, text=True, check=True)
    rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", run.stderr).group(1))
    wall = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (\S+)", run.stderr).group(1)
    minutes, seconds = wall.rsplit(":", 1)
    return rss, float(minutes.split(":")[-1]) * 60 + float(seconds)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "gazetteer_load.txt")
    args = parser.parse_args()
    size = (ROOT / "gazetteer" / "gazetteer.bin").stat().st_size / 1e6
    load_ms, entries = best_of(LOAD)
    lines = [f"gazetteer.bin {size:.1f} MB, {int(entries):,} entries",
             f"read_gazetteer (fresh process, best of 3): {load_ms:.0f} ms"]
    models = ["none"] + (["de_core_news_md"] if importlib.util.find_spec("de_core_news_md") else [])
    for model in models:
        ms, what = best_of(RECOGNIZER.format(model=model))
        lines.append(f"build_recognizer({model!r}) incl. gazetteer (fresh process, best of 3): {ms:.0f} ms [{what}]")
    rss, wall = ingest_rss()
    lines.append(f"geomap ingest seeds/ (geocoder off): peak RSS {rss / 1024:.0f} MB, wall {wall:.1f} s")
    text = "\n".join(["# python benchmarks/gazetteer_load.py  (targets: <= 2 s build, <= 600 MB RSS)", *lines]) + "\n"
    args.out.write_text(text, encoding="utf-8")
    print(text, end="")
    return 0


if __name__ == "__main__":
    sys.exit(main())
