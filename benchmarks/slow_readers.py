"""Slow readers against the production server (waitress, 8 threads) on a copy of the 100k-event store: 16 clients
read the full GeoJSON (~67 MB) at 1 KB every 0.5 s while /healthz is timed and an ingest writes articles.

    python benchmarks/slow_readers.py --store /tmp/s100k.sqlite3 [--seconds 30] [--code DIR] [--out FILE]

Reported: /healthz latency (p50, p99, max, timeouts at 2 s) while the readers read, and the WAL: its size and
whether checkpoints complete (`PRAGMA wal_checkpoint(TRUNCATE)` returns busy=0) during the ingest. `--code DIR`
runs the server from another checkout (the code before the change, for the "before" column). Loopback only,
bounded in time; the store is copied first, so the given one is never written.
"""

from __future__ import annotations

import argparse
import http.client
import random
import shutil
import socket
import sqlite3
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks import load  # noqa: E402
from benchmarks.synthetic_store import make_article, make_places, with_countries  # noqa: E402
from geomap.store import Store  # noqa: E402

READERS = 16
READ_BYTES = 1024
READ_PAUSE = 0.5
HEALTH_TIMEOUT = 2.0


def slow_reader(port: int, stop: threading.Event, got: list[int]) -> None:
    """Ask for the full GeoJSON and read 1 KB every 0.5 s until told to stop."""
    try:
        sock = socket.create_connection(("127.0.0.1", port), timeout=60)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)  # a small window, as a slow link has
        sock.sendall(b"GET /events.geojson HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        total = 0
        while not stop.is_set():
            data = sock.recv(READ_BYTES)
            if not data:
                break
            total += len(data)
            stop.wait(READ_PAUSE)
        got.append(total)
        sock.close()
    except OSError:
        got.append(-1)


def time_health(port: int, stop: threading.Event, times: list[float]) -> None:
    while not stop.is_set():
        started = time.perf_counter()
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=HEALTH_TIMEOUT)
            conn.request("GET", "/healthz")
            conn.getresponse().read()
            conn.close()
            times.append((time.perf_counter() - started) * 1000)
        except OSError:
            times.append(float("inf"))
        stop.wait(0.25)


def ingest(db: Path, stop: threading.Event, wal: list[tuple[float, int, int]]) -> None:
    """Write synthetic articles one a second; after each, try a TRUNCATE checkpoint and note the WAL's size."""
    rng = random.Random(99)
    places = with_countries(make_places(2000, rng))
    started = time.monotonic()
    index = 10_000_000
    with Store(db, create=False) as store:
        while not stop.is_set():
            article, events = make_article(index, places, rng)
            store.save_article(article, events, (), "synthetic")
            index += 1
            conn = sqlite3.connect(db, timeout=5)
            busy, _, _ = conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
            conn.close()
            size = Path(f"{db}-wal").stat().st_size if Path(f"{db}-wal").exists() else 0
            wal.append((time.monotonic() - started, busy, size))
            stop.wait(1.0)


def run(store: Path, seconds: float, code: Path) -> str:
    with tempfile.TemporaryDirectory(prefix="geomap-slow-") as tmp:
        db = Path(tmp) / "s.sqlite3"
        shutil.copy(store, db)
        port = load.free_port()
        load.ROOT = code  # the server runs this checkout's code
        has_entry = "def serving_app" in (code / "geomap" / "web" / "__init__.py").read_text()
        factory = "geomap.web:serving_app" if has_entry else "geomap.web:create_app"  # older code: the factory
        server = load.start_server(db, port, 8, Path(tmp) / "server.log", factory=factory)
        try:
            stop = threading.Event()
            health: list[float] = []
            baseline_stop = threading.Event()
            baseline = threading.Thread(target=time_health, args=(port, baseline_stop, health))
            baseline.start()
            time.sleep(3)
            baseline_stop.set()
            baseline.join()
            idle = list(health)
            health.clear()
            got: list[int] = []
            wal: list[tuple[float, int, int]] = []
            threads = [threading.Thread(target=slow_reader, args=(port, stop, got)) for _ in range(READERS)]
            for thread in threads:
                thread.start()
            time.sleep(2)  # the readers have asked and the server has begun answering
            helpers = [threading.Thread(target=time_health, args=(port, stop, health)),
                       threading.Thread(target=ingest, args=(db, stop, wal))]
            for thread in helpers:
                thread.start()
            time.sleep(seconds)
            stop.set()
            for thread in threads + helpers:
                thread.join(30)
        finally:
            server.terminate()
            server.wait(10)
    return report(idle, health, wal, got, seconds, code)


def _pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def report(idle: list[float], health: list[float], wal: list, got: list[int], seconds: float, code: Path) -> str:
    timeouts = sum(1 for t in health if t == float("inf"))
    done = [t for t in health if t != float("inf")] or [float("nan")]
    busy = sum(1 for _, b, _ in wal if b)
    lines = [
        f"geomap slow readers (benchmarks/slow_readers.py), code {code}, {time.strftime('%Y-%m-%d')}: waitress 8 threads, "
        f"{READERS} readers of the full GeoJSON at {READ_BYTES} B / {READ_PAUSE} s for {seconds:.0f} s, an ingest writing",
        f"/healthz idle: p50 {statistics.median(idle):.1f} ms ({len(idle)} requests)",
        f"/healthz with the readers: {len(health)} requests, {timeouts} timed out (> {HEALTH_TIMEOUT:.0f} s); answered: "
        f"p50 {statistics.median(done):.1f} ms, p99 {_pct(done, 0.99):.1f} ms, max {max(done):.1f} ms",
        f"ingest: {len(wal)} articles written; checkpoints busy (blocked by a reader) {busy}/{len(wal)}; "
        f"WAL after each checkpoint: max {max((s for _, _, s in wal), default=0) / 1e6:.2f} MB, "
        f"last {(wal[-1][2] if wal else 0) / 1e6:.2f} MB",
        f"bytes each reader got: min {min(got)}, max {max(got)} ({len(got)} readers)",
    ]
    return "\n".join(lines) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--store", type=Path, required=True)
    parser.add_argument("--seconds", type=float, default=30)
    parser.add_argument("--code", type=Path, default=ROOT, help="checkout whose server to run")
    parser.add_argument("--out", type=Path, help="file to append the report to")
    args = parser.parse_args()
    text = run(args.store, args.seconds, args.code.resolve())
    print(text, end="")
    if args.out:
        with args.out.open("a", encoding="utf-8") as out:
            out.write(text + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
