"""What each cache layer of the web app buys on the 100k-event synthetic store, measured the same way for each:
the same work with the layer and without it, in this process (Flask test client), medians of repeated runs.

    python benchmarks/cache_layers.py --store /tmp/s100k.sqlite3 [--out benchmarks/cache_layers.txt]

Layers (issue 12 counted eight before: memory LRU, file LRU, background gzip of files, single-flight, warm-up
thread, a 512-entry Folium render cache, a per-version /healthz dict, and the store's derived tables, which are
the store's business and not measured here). A layer stays only while its figure shows it pays.
"""

from __future__ import annotations

import argparse
import gzip
import statistics
import sys
import threading
import time
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from geomap.filters import parse_filter  # noqa: E402
from geomap.store import Store  # noqa: E402
from geomap.web import create_app  # noqa: E402
from geomap.web.answers import answer_cache  # noqa: E402
from geomap.web.api import geojson_job  # noqa: E402
from geomap.web.cache import AnswerCache  # noqa: E402
from geomap.web.warm import month_filters  # noqa: E402

MONTH = "/events.geojson?from=2016-06&to=2016-06"
EQUIVALENT = [
    "/events.geojson?from=2016-06&to=2016-06&detail=summary",
    "/events.geojson?to=2016-06&from=2016-06&detail=summary",
    "/events.geojson?from=2016-06-01&to=2016-06-30&detail=summary",
    "/events.geojson?from=2016-06&to=2016-06&detail=summary&zoom=6&lat=36.2&lon=37.1",
    "/events.geojson?detail=summary&from=2016-06&to=2016-06-30&role=location&include_undated=0",
]


def median_ms(fn: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def fresh_cache(client) -> None:
    client.application.extensions["geomap_answers"] = AnswerCache()


def measure(db: Path, repeat: int) -> list[tuple[str, str, str, str]]:
    app = create_app({"db": str(db)})
    client = app.test_client()
    client.get("/healthz")  # open this thread's store handle
    rows = []

    def get(url: str, **kw) -> bytes:
        response = client.get(url, **kw)
        assert response.status_code in (200, 304), (url, response.status_code)
        data = response.data
        response.close()
        return data

    # 1. answers in memory: a month's map view built vs handed out
    def cold_summary() -> None:
        fresh_cache(client)
        get(MONTH + "&detail=summary")

    built = median_ms(cold_summary, repeat)
    get(MONTH + "&detail=summary")
    kept = median_ms(lambda: get(MONTH + "&detail=summary"), repeat)
    rows.append(("answers in memory (month map view)", f"{built:.1f} ms", f"{kept:.2f} ms", "keep"))

    # 2. answers in files: a month download built vs sent from its file
    def cold_full() -> None:
        fresh_cache(client)
        get(MONTH)

    built = median_ms(cold_full, repeat)
    get(MONTH)
    kept = median_ms(lambda: get(MONTH), repeat)
    rows.append(("answers in files (month download, detail=full)", f"{built:.1f} ms", f"{kept:.2f} ms", "keep"))

    # 3. gzip of file answers (was done in the background): what it costs per answer against the bytes it saves
    cache = answer_cache(app)
    path = next(a.path for a in cache._files.items.values() for a in [a[0]] if a.path)
    raw = path.read_bytes()
    gz_ms = median_ms(lambda: gzip.compress(raw, 6, mtime=0), 3)
    rows.append(("gzip of a file answer (month download)", f"{len(raw) / 1e6:.2f} MB",
                 f"{len(gzip.compress(raw, 6, mtime=0)) / 1e6:.2f} MB, {gz_ms:.0f} ms CPU",
                 "removed: saves bytes on the wire only (no server time), costs CPU and disk per answer "
                 "per store version"))

    # 4. single flight: 8 requests missing the same answer at once
    store = Store(db, create=False)
    flt = parse_filter({"from": ["2016-06"], "to": ["2016-06"]})

    def concurrently(call: Callable[[], object], count: int = 8) -> float:
        threads = [threading.Thread(target=call) for _ in range(count)]
        started = time.perf_counter()
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        return (time.perf_counter() - started) * 1000

    def with_single_flight() -> float:
        shared = AnswerCache()
        stores = threading.local()

        def call() -> None:
            s = getattr(stores, "s", None) or Store(db, create=False)
            stores.s = s
            shared.get_or_build(*geojson_job(s, flt, "summary"))
        return concurrently(call)

    def without_single_flight() -> float:
        def call() -> None:
            s = Store(db, create=False)
            AnswerCache().get_or_build(*geojson_job(s, flt, "summary"))  # each its own cache: each builds
            s.close()
        return concurrently(call)

    one = statistics.median(with_single_flight() for _ in range(5))
    each = statistics.median(without_single_flight() for _ in range(5))
    rows.append(("single flight (8 concurrent misses, wall time)", f"{each:.0f} ms (8 builds)",
                 f"{one:.0f} ms (1 build)", "keep"))

    # 5. warm-up: the first visitor's pass over the latest 24 months (map views), cold vs after the warm-up
    months = month_filters(*store.date_extent(), 24)
    urls = [f"/events.geojson?{'&'.join(f'{k}={v}' for k, v in f.query_items())}&detail=summary" for f in months]
    fresh_cache(client)
    started = time.perf_counter()
    for url in urls:
        get(url)
    cold_pass = (time.perf_counter() - started) * 1000
    fresh_cache(client)
    for f in months:
        answer_cache(app).get_or_build(*geojson_job(store, f, "summary"))
    started = time.perf_counter()
    for url in urls:
        get(url)
    warm_pass = (time.perf_counter() - started) * 1000
    rows.append(("warm-up (first pass over 24 month views)", f"{cold_pass:.0f} ms", f"{warm_pass:.0f} ms", "keep"))

    # 6. Folium render cache: the map page with its rendering kept vs rendered each time
    from geomap.web import mapview

    get("/?from=2016-06&to=2016-06")
    kept = median_ms(lambda: get("/?from=2016-06&to=2016-06"), repeat)

    def uncached_page() -> None:
        mapview._rendered_map.cache_clear()
        get("/?from=2016-06&to=2016-06")

    built = median_ms(uncached_page, repeat)
    rows.append(("Folium render cache (map page)", f"{built:.1f} ms", f"{kept:.1f} ms",
                 "keep" if kept < built / 2 else "remove"))

    # 7. /healthz's per-version dict: the store's part counted each time
    health = median_ms(lambda: get("/healthz"), repeat)
    counted = median_ms(lambda: (store.stats(), store.recognizers_used(), store.date_extent()), repeat)
    rows.append(("/healthz store counts per version", f"{counted:.1f} ms counted", f"{health:.1f} ms /healthz",
                 "keep" if health < counted / 2 else "remove"))

    # 8. HTTP validators: five equivalent month queries, then each again with its ETag
    fresh_cache(client)
    etags = []
    for url in EQUIVALENT:
        response = client.get(url)
        etags.append(response.headers["ETag"])
    repeats = [client.get(url, headers={"If-None-Match": etag}).status_code for url, etag in zip(EQUIVALENT, etags)]
    rows.append(("builds for 5 equivalent month queries", f"{answer_cache(app).builds}", f"{len(set(etags))} ETag",
                 f"repeats with If-None-Match: {repeats.count(304)}/5 are 304"))
    store.close()
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--store", type=Path, required=True, help="benchmarks/synthetic_store.py's store")
    parser.add_argument("--repeat", type=int, default=15)
    parser.add_argument("--out", type=Path)
    args = parser.parse_args()
    rows = measure(args.store, args.repeat)
    widths = [max(len(r[i]) for r in rows + [("layer", "without", "with", "verdict")]) for i in range(3)]
    lines = [f"geomap cache layers, {args.store.name}, {time.strftime('%Y-%m-%d')}, median of {args.repeat} unless said",
             "", f"{'layer'.ljust(widths[0])}  {'without'.rjust(widths[1])}  {'with'.rjust(widths[2])}  verdict"]
    lines += [f"{a.ljust(widths[0])}  {b.rjust(widths[1])}  {c.rjust(widths[2])}  {d}" for a, b, c, d in rows]
    text = "\n".join(lines) + "\n"
    print(text, end="")
    if args.out:
        args.out.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
