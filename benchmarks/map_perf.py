"""Issue 5's map targets on a synthetic 100,000-event store: page size, GeoJSON speed, memory, browser timings.

    python benchmarks/map_perf.py --events 100000 --out benchmarks/map_perf.txt [--store PATH] [--profile]

Server times use the Flask test client in this process, with the response cache emptied before each timed
request (cached answers are listed apart); server memory is the peak RSS of a separate waitress process. Browser figures (only if /usr/bin/chromium exists)
run the same app under werkzeug's make_server in a thread and drive Debian's chromium with Playwright; tile
requests are answered with a 1x1 PNG. The store is built by benchmarks/synthetic_store.py in a subprocess (so
its memory does not count as the server's) and reused from --store if it already exists.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import json
import logging
import pstats
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any, Callable

import orjson

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from geomap.web import create_app  # noqa: E402
from geomap.web.cache import AnswerCache  # noqa: E402
from tests.devserver import BLANK_TILE, CHROMIUM, CHROMIUM_ARGS, LoopbackServer  # noqa: E402

MONTH_QUERY = "/events.geojson?from=2016-06&to=2016-06"  # detail=full, the default
MARKER_SELECTOR = ".leaflet-marker-icon, .marker-cluster"


def build_store(path: Path, events: int) -> Path:
    """The synthetic store at `path`, built once by benchmarks/synthetic_store.py in a child process."""
    if not path.exists():
        started = time.perf_counter()
        subprocess.run([sys.executable, str(ROOT / "benchmarks" / "synthetic_store.py"), str(path),
                        "--events", str(events)], check=True)
        print(f"built {path} ({events} events) in {time.perf_counter() - started:.0f}s", file=sys.stderr)
    return path


def timed(fn: Callable[[], Any], repeat: int) -> tuple[list[float], Any]:
    """Wall times in ms of `repeat` calls, and the last result."""
    times, result = [], None
    for _ in range(repeat):
        started = time.perf_counter()
        result = fn()
        times.append((time.perf_counter() - started) * 1000)
    return times, result


def server_figures(big_db: Path, small_db: Path, repeat_full: int, profile: bool) -> tuple[list, list[str]]:
    """Rows (name, value, target, ok) measured with the Flask test client, plus notes."""
    rows, notes = [], []
    big = create_app({"db": str(big_db)}).test_client()
    big.get("/healthz")  # open this thread's store handle before timing
    small = create_app({"db": str(small_db)}).test_client()

    page_big, page_small = big.get("/"), small.get("/")
    assert page_big.status_code == page_small.status_code == 200
    size_big, size_small = len(page_big.data), len(page_small.data)
    rows.append(("map page HTML, 100k store", f"{size_big / 1024:.1f} KB", "<= 100 KB", size_big <= 100 * 1024))
    rows.append(("map page HTML, 10-event store", f"{size_small / 1024:.1f} KB", "= 100k page",
                 size_big == size_small))
    if size_big != size_small:
        notes.append(f"page sizes differ by {size_big - size_small} bytes")

    def cold(client, url: str) -> Callable[[], bytes]:
        """A request that finds the response cache empty: server time to build the answer."""
        def call() -> bytes:
            client.application.extensions["geomap_answers"] = AnswerCache()
            response = client.get(url)
            assert response.status_code == 200, response.status_code
            return response.data
        return call

    for label, url in (("map view, detail=summary", MONTH_QUERY + "&detail=summary"),
                       ("download, detail=full", MONTH_QUERY)):
        month_times, month_body = timed(cold(big, url), 21)
        month_doc = orjson.loads(month_body)
        median = statistics.median(month_times)
        rows.append((f"one month GeoJSON, {label}, uncached (median of 21)", f"{median:.0f} ms", "<= 100 ms",
                     median <= 100))
        notes.append(f"{url}: {month_doc['geomap']['feature_count']} places, {month_doc['geomap']['event_count']} "
                     f"events, {len(month_body) / 1e6:.2f} MB; min {min(month_times):.0f} ms, "
                     f"max {max(month_times):.0f} ms")
    big.get(MONTH_QUERY)
    warm_times, _ = timed(lambda: big.get(MONTH_QUERY).data, 21)
    rows.append(("one month GeoJSON, detail=full, cached (median of 21)", f"{statistics.median(warm_times):.1f} ms",
                 "-", None))

    def full() -> list[bytes]:
        """The uncached full set as the server hands it to the WSGI server: written whole to its answer file,
        then read back in blocks by the file wrapper (a real server sends the file itself)."""
        big.application.extensions["geomap_answers"] = AnswerCache()
        response = big.get("/events.geojson", buffered=False)
        assert response.status_code == 200, response.status_code
        chunks = list(response.response)
        response.close()
        return chunks

    full_times, full_chunks = timed(full, repeat_full)
    full_body = b"".join(full_chunks)
    del full_chunks
    full_doc = json.loads(full_body)
    dump_times, _ = timed(lambda: orjson.dumps(full_doc), max(repeat_full, 5))
    endpoint_ms, dump_ms = statistics.median(full_times), statistics.median(dump_times)
    ratio = dump_ms / endpoint_ms
    rows.append((f"full /events.geojson (median of {repeat_full})", f"{endpoint_ms:.0f} ms", "-", None))
    rows.append(("orjson.dumps of the same features", f"{dump_ms:.0f} ms", "-", None))
    rows.append(("speed vs orjson (orjson / endpoint)", f"{ratio:.3f}x", ">= 0.5x", ratio >= 0.5))
    notes.append(f"full set: {full_doc['geomap']['feature_count']} places, {full_doc['geomap']['event_count']} "
                 f"events, {len(full_body) / 1e6:.1f} MB; endpoint runs {', '.join(f'{t:.0f}' for t in full_times)} ms; "
                 f"orjson runs {', '.join(f'{t:.0f}' for t in dump_times)} ms")
    del full_doc, full_body

    peak_mb, note = server_process_rss(big_db, arenas="2")
    rows.append(("server RSS peak (README's waitress command, VmHWM)", f"{peak_mb:.0f} MB", "<= 300 MB",
                 peak_mb <= 300))
    notes.append(note)
    uncapped_mb, note = server_process_rss(big_db, arenas=None)
    rows.append(("server RSS peak without MALLOC_ARENA_MAX=2", f"{uncapped_mb:.0f} MB", "-", None))
    notes.append(note)

    if profile:
        profiler = cProfile.Profile()
        profiler.runcall(full)  # an uncached full-set request
        out = io.StringIO()
        pstats.Stats(profiler, stream=out).sort_stats("tottime").print_stats(12)
        notes.append("profile of one full /events.geojson, top functions by own time:\n"
                     + _trim_profile(out.getvalue()))
    return rows, notes


def server_process_rss(db: Path, arenas: str | None) -> tuple[float, str]:
    """Peak RSS of the production server (waitress, its own process) after a full-set download, every month
    in both details and a round of popups; VmHWM read from /proc."""
    import http.client

    from benchmarks.load import free_port, start_server

    port = free_port()
    with tempfile.TemporaryDirectory() as tmp:
        server = start_server(db, port, 8, Path(tmp) / "server.log", arenas=arenas)
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
            sizes = []
            paths = ["/events.geojson", "/events.geojson"]
            paths += [f"/events.geojson?from={m}&to={m}{d}" for m in MONTHS for d in ("", "&detail=summary")]
            paths += [f"/events.geojson?place=synthetic:{i}&detail=full&limit=25" for i in range(0, 2000, 20)]
            for path in paths:
                conn.request("GET", path)
                response = conn.getresponse()
                sizes.append(len(response.read()))
                assert response.status == 200, (path, response.status)
            status = Path(f"/proc/{server.pid}/status").read_text()
            fields = {line.split(":")[0]: int(line.split()[1]) / 1024 for line in status.splitlines()
                      if line.startswith(("VmHWM", "VmRSS", "RssAnon", "RssFile"))}
        finally:
            server.terminate()
            server.wait(timeout=10)
    note = (f"server process (MALLOC_ARENA_MAX={arenas or 'unset'}) after {len(paths)} requests "
            f"({sum(sizes) / 1e6:.0f} MB served): " + ", ".join(f"{k} {v:.0f} MB" for k, v in fields.items()))
    return fields["VmHWM"], note


MONTHS = [f"{2015 + i // 12}-{i % 12 + 1:02d}" for i in range(24)]


def _trim_profile(text: str) -> str:
    lines = text.splitlines()
    start = next((i for i, line in enumerate(lines) if line.strip().startswith("ncalls")), 0)
    return "\n".join("    " + line.replace(str(ROOT) + "/", "") for line in lines[start:] if line.strip())


# Back to the first month, so the steps below never run off the slider's end.
SLIDER_RESET_JS = """async () => {
  const slider = document.getElementById('gm-slider');
  const loaded = new Promise(r => document.addEventListener('geomap:loaded', r, {once: true}));
  slider.value = '0';
  slider.dispatchEvent(new Event('input', {bubbles: true}));
  await loaded;
  return +slider.max;
}"""

# One slider step: fires the slider's input event and resolves at the first paint after geomap:loaded.
SLIDER_STEP_JS = """async () => {
  const slider = document.getElementById('gm-slider');
  const loaded = new Promise(r => document.addEventListener('geomap:loaded', e => r(e.detail), {once: true}));
  const t0 = performance.now();
  slider.value = String(+slider.value + 1);
  slider.dispatchEvent(new Event('input', {bubbles: true}));
  const detail = await loaded;
  const tLoaded = performance.now();
  await new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)));
  const fetches = performance.getEntriesByType('resource').filter(e => e.name.includes('/events.geojson'));
  const last = fetches[fetches.length - 1];
  performance.clearResourceTimings();
  return {ms: performance.now() - t0, loadedMs: tLoaded - t0, fetchMs: last ? last.responseEnd - last.startTime : NaN,
          places: detail.places, events: detail.events};
}"""


def browser_figures(big_db: Path) -> tuple[list, list[str]]:
    """First markers after navigation and one-month slider redraws in headless chromium."""
    from playwright.sync_api import sync_playwright

    logging.getLogger("werkzeug").setLevel(logging.WARNING)  # no request log lines in the report run

    rows, notes = [], []
    app = create_app({"db": str(big_db)})
    with LoopbackServer(app) as server, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 800})
            foreign: list[str] = []

            def route(r) -> None:
                if r.request.url.startswith(server.origin):
                    r.continue_()
                else:  # tiles (and anything else off-host) get the blank PNG; nothing leaves the machine
                    foreign.append(r.request.url)
                    r.fulfill(status=200, content_type="image/png", body=BLANK_TILE)

            page.route("**/*", route)
            for label, path in (("all events (default view)", "/"), ("one month", "/?from=2016-06&to=2016-06")):
                started = time.perf_counter()
                page.goto(server.origin + path, wait_until="commit")
                page.wait_for_selector(MARKER_SELECTOR, state="visible", timeout=120_000)
                first_ms = (time.perf_counter() - started) * 1000
                rows.append((f"first marker drawn, {label}", f"{first_ms:.0f} ms", "<= 2000 ms", first_ms <= 2000))
            non_tiles = [u for u in foreign if not u.endswith(".png")]
            if non_tiles:
                notes.append(f"off-host requests other than tiles: {non_tiles[:5]}")

            page.wait_for_function("() => !document.getElementById('gm-slider').disabled", timeout=30_000)
            page.wait_for_timeout(500)  # let the first month's chunked cluster load settle
            last_index = page.evaluate(SLIDER_RESET_JS)
            page.wait_for_timeout(500)
            steps = [page.evaluate(SLIDER_STEP_JS) for _ in range(min(8, last_index))]
            step_ms = statistics.median(s["ms"] for s in steps)
            rows.append((f"slider +1 month redraw (median of {len(steps)})", f"{step_ms:.0f} ms", "<= 300 ms",
                         step_ms <= 300))
            notes.append("slider steps, ms to paint / to geomap:loaded / of which the GeoJSON fetch, places: "
                         + ", ".join(f"{s['ms']:.0f}/{s['loadedMs']:.0f}/{s['fetchMs']:.0f} {s['places']}"
                                     for s in steps))
        finally:
            browser.close()
    return rows, notes


def format_table(rows: list, notes: list[str], header: str) -> str:
    width = max(len(r[0]) for r in rows)
    lines = [header, "", f"{'figure'.ljust(width)}  {'value':>10}  {'target':>12}  result",
             f"{'-' * width}  {'-' * 10}  {'-' * 12}  ------"]
    for name, value, target, ok in rows:
        verdict = "" if ok is None else ("pass" if ok else "MISS")
        lines.append(f"{name.ljust(width)}  {value:>10}  {target:>12}  {verdict}")
    lines += ["", "notes:"] + [f"- {n}" for n in notes]
    return "\n".join(lines) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--out", type=Path)
    parser.add_argument("--store", type=Path, help="store path (built if missing); default: a temp dir")
    parser.add_argument("--repeat-full", type=int, default=3, help="full-set requests to time")
    parser.add_argument("--profile", action="store_true", help="add a cProfile of one full-set request")
    parser.add_argument("--no-browser", action="store_true")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="geomap-perf-") as tmp:
        big_db = build_store(args.store or Path(tmp) / "big.sqlite3", args.events)
        from tests.web_fixtures import seed_store  # the web tests' 10-event store (4 articles + filler)

        small_db = seed_store(Path(tmp) / "small.sqlite3", extra_events=3)
        rows, notes = server_figures(big_db, small_db, args.repeat_full, args.profile)
        if args.no_browser:
            notes.append("browser figures skipped (--no-browser)")
        elif not Path(CHROMIUM).exists():
            notes.append(f"browser figures skipped: {CHROMIUM} not found")
        else:
            browser_rows, browser_notes = browser_figures(big_db)
            rows += browser_rows
            notes += browser_notes

    header = (f"geomap map performance, {args.events} synthetic events "
              f"(benchmarks/synthetic_store.py), {time.strftime('%Y-%m-%d')}, Python {sys.version.split()[0]}")
    table = format_table(rows, notes, header)
    print(table, end="")
    if args.out:
        args.out.write_text(table, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
