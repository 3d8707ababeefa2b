"""Issue 16: /map.png for a month view of the 100,000-event store, uncached (target <= 1 s) and kept.

    python benchmarks/map_png.py --store /tmp/s100k.sqlite3 [--repeat 7] [--out benchmarks/map_png.txt]

Times the Flask test client in this process; before each uncached request the response cache is emptied, so
every request reads the month's places from the store, draws the picture with Pillow from the offline basemap
and encodes the PNG. One month (2016-06) at 1200x630 (the og:image size) and at 1600x1000 ("Bild herunterladen").
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks.map_perf import build_store  # noqa: E402
from geomap.web import create_app  # noqa: E402
from geomap.web.cache import AnswerCache  # noqa: E402

TARGET_MS = 1000
QUERIES = ("/map.png?from=2016-06&to=2016-06", "/map.png?from=2016-06&to=2016-06&width=1600&height=1000&title=Juni%202016")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--store", type=Path, default=Path(tempfile.gettempdir()) / "geomap-s100k.sqlite3")
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--out", type=Path)
    args = parser.parse_args()
    db = build_store(args.store, args.events)
    app = create_app({"db": str(db), "warm_months": 0})
    client = app.test_client()
    client.get("/map.png?width=200&height=200")  # first use: fonts, country polygons, basemap handle
    lines = [f"# {__doc__.splitlines()[0]}", f"# store {args.store.name}; {args.repeat} runs each; ms", ""]
    worst = 0.0
    for query in QUERIES:
        uncached, kept, size = [], [], 0
        for _ in range(args.repeat):
            app.extensions["geomap_answers"] = AnswerCache()  # a fresh cache: every first request builds
            started = time.perf_counter()
            response = client.get(query)
            uncached.append((time.perf_counter() - started) * 1000)
            size = len(response.data)
            assert response.status_code == 200
            started = time.perf_counter()
            client.get(query)
            kept.append((time.perf_counter() - started) * 1000)
        worst = max(worst, statistics.median(uncached))
        lines.append(f"{query}\n  {size / 1e3:.0f} KB; uncached median {statistics.median(uncached):.0f} ms "
                     f"(min {min(uncached):.0f}, max {max(uncached):.0f}); kept median {statistics.median(kept):.1f} ms"
                     f"\n  uncached runs: {', '.join(f'{t:.0f}' for t in uncached)}")
    lines += ["", f"month view uncached median <= {TARGET_MS} ms: {'met' if worst <= TARGET_MS else 'MISSED'} "
              f"(worst median {worst:.0f} ms)"]
    text = "\n".join(lines) + "\n"
    print(text)
    if args.out:
        args.out.write_text(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
