"""Load test: the production server (waitress) on 127.0.0.1 over the 100k-event synthetic store.

    python benchmarks/load.py [--clients 50] [--seconds 60] [--db STORE] [--out benchmarks/load.txt]

50 client threads with keep-alive connections drive a realistic mix for a bounded time (and a bounded
number of requests): the map page, the map's GeoJSON for one month (some with a type), popups, month
downloads, the histogram, the embed and oEmbed (see MIX).
Reports requests per second, p50/p99 per endpoint and errors. Loopback only. Target: 0 errors and
p99 <= 200 ms for GeoJSON month queries. The clients run in this Python process, so on a small machine
they compete with the server for CPU; the report says how many CPUs there were and what each side used.
LOAD_SERVER=gunicorn (with gunicorn installed; LOAD_WORKERS processes) compares a multi-process server.
"""

from __future__ import annotations

import argparse
import http.client
import os
import random
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import defaultdict
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

MAX_REQUESTS = 1_000_000
# As a browser asks. The clients read each body as sent and do not decompress it: a browser would do that on
# its own machine, not on the server's two cores that these clients share.
HEADERS = {"Accept-Encoding": "gzip, deflate, br"}
SERVER = os.environ.get("LOAD_SERVER", "waitress")
WORKERS = int(os.environ.get("LOAD_WORKERS", "2"))
WARM_UP = 10.0  # seconds after which the report also gives p99 alone (every month's answer built once by then)
MIX = (  # (label, weight): what browsers on the map and embeds ask for, plus some downloads
    ("page /", 8),
    ("geojson month map", 35),  # the map's own request: detail=summary
    ("geojson month+type map", 8),
    ("geojson popup", 15),  # a popup: one place's first 25 events in the window, detail=full
    ("geojson month download", 5),  # the download link: detail=full
    ("histogram", 5),
    ("embed", 12),
    ("oembed", 7),
    ("healthz", 5),
)
MONTH_LABELS = tuple(label for label, _ in MIX if label.startswith("geojson"))
PLACES = 2000  # benchmarks/synthetic_store.py's default


def _month(rng: random.Random) -> str:
    index = rng.randrange(24)
    return f"{2015 + index // 12}-{index % 12 + 1:02d}"


def target_for(label: str, rng: random.Random, port: int) -> str:
    month = _month(rng)
    window = f"from={month}&to={month}"
    if label == "page /":
        return f"/?{window}"
    if label == "geojson month map":
        return f"/events.geojson?{window}&detail=summary"
    if label == "geojson month+type map":
        return f"/events.geojson?{window}&type={rng.choice(['battles', 'humanitarian'])}&detail=summary"
    if label == "geojson popup":
        place = int(rng.paretovariate(1.2)) - 1 if rng.random() < 0.5 else rng.randrange(PLACES)
        return f"/events.geojson?{window}&place=synthetic:{min(place, PLACES - 1)}&limit=25&detail=full"
    if label == "geojson month download":
        return f"/events.geojson?{window}&download=1"
    if label == "histogram":
        return "/api/histogram"
    if label == "embed":
        return f"/embed?{window}&title=Lage"
    if label == "oembed":
        return "/oembed?format=json&url=" + quote(f"http://127.0.0.1:{port}/?{window}", safe="")
    return "/healthz"


def start_server(db: Path, port: int, threads: int, log: Path, arenas: str | None = "2",
                 factory: str = "geomap.web:serving_app") -> subprocess.Popen:
    """The README's production command (waitress, glibc's malloc arenas capped unless `arenas` is None)."""
    env = {**os.environ, "GEOMAP_DB": str(db), "PYTHONPATH": str(ROOT)}
    env.pop("MALLOC_ARENA_MAX", None)
    if arenas is not None:
        env["MALLOC_ARENA_MAX"] = arenas
    if SERVER == "gunicorn":
        command = [sys.executable, "-m", "gunicorn", "-b", f"127.0.0.1:{port}", "-w", str(WORKERS), "-k", "gthread",
                   "--threads", str(threads), f"{factory}()"]
    else:
        command = [sys.executable, "-m", "waitress", f"--listen=127.0.0.1:{port}", f"--threads={threads}",
                   "--call", factory]
    # the server's log goes to a file: a pipe nobody reads fills up and blocks the server
    with log.open("wb") as err:
        proc = subprocess.Popen(command, env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=err)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            conn.request("GET", "/healthz")
            if conn.getresponse().status == 200:
                conn.close()
                return proc
        except OSError:
            time.sleep(0.2)
    proc.kill()
    raise SystemExit("server did not come up: " + log.read_text(errors="replace")[-2000:])


def wait_until_warm(port: int, limit: float = 120.0) -> float:
    """Seconds until /healthz says the month views are built (a load balancer's readiness check)."""
    import json

    started = time.monotonic()
    while time.monotonic() - started < limit:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
        conn.request("GET", "/healthz")
        state = json.loads(conn.getresponse().read())["warm"]["state"]
        conn.close()
        if state in ("done", "off", "failed"):
            break
        time.sleep(0.2)
    return time.monotonic() - started


def free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def client_loop(port: int, seed: int, stop: threading.Event, results: dict, lock: threading.Lock,
                budget: list[int]) -> None:
    rng = random.Random(seed)
    labels, weights = zip(*MIX)
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    local: dict[str, list[float]] = defaultdict(list)
    errors: dict[str, int] = defaultdict(int)
    while not stop.is_set():
        with lock:
            if budget[0] <= 0:
                break
            budget[0] -= 1
        label = rng.choices(labels, weights)[0]
        target = target_for(label, rng, port)
        started = time.perf_counter()
        try:
            conn.request("GET", target, headers=HEADERS)
            response = conn.getresponse()
            response.read()
            ok = response.status == 200
        except (OSError, http.client.HTTPException):
            ok = False
            conn.close()
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        local[label].append((started, time.perf_counter() - started))
        if not ok:
            errors[label] += 1
    conn.close()
    with lock:
        for label, times in local.items():
            results["times"][label].extend(times)
        for label, n in errors.items():
            results["errors"][label] += n


def _cpu_seconds(pid: int) -> float:
    """User + system CPU seconds a process has used so far (/proc/PID/stat fields 14 and 15)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def run_load(db: Path, clients: int, seconds: float, threads: int, log: Path) -> str:
    port = free_port()
    server = start_server(db, port, threads, log)
    ready_seconds = wait_until_warm(port)
    results = {"times": defaultdict(list), "errors": defaultdict(int)}
    lock, stop, budget = threading.Lock(), threading.Event(), [MAX_REQUESTS]
    workers = [threading.Thread(target=client_loop, args=(port, i, stop, results, lock, budget)) for i in range(clients)]
    started = time.perf_counter()
    try:
        for worker in workers:
            worker.start()
        stop.wait(seconds)
        stop.set()
        for worker in workers:
            worker.join(timeout=60)
        elapsed = time.perf_counter() - started
        server_cpu = _cpu_seconds(server.pid)
    finally:
        server.terminate()
        server.wait(timeout=10)
    warm_from = started + WARM_UP
    samples = results["times"]
    results["times"] = {label: [d for _, d in values] for label, values in samples.items()}
    warm = [d for label in MONTH_LABELS for t0, d in samples.get(label, []) if t0 >= warm_from]
    total = sum(len(t) for t in results["times"].values())
    errors = sum(results["errors"].values())
    lines = [
        f"geomap load test (benchmarks/load.py): waitress --threads={threads} on 127.0.0.1, {clients} keep-alive clients, "
        f"{elapsed:.0f}s, {os.cpu_count()} CPUs shared by server and clients",
        f"store: {db.name}; load started once /healthz reported the month views built ({ready_seconds:.1f} s after "
        "the server answered)",
        f"requests: {total}  rps: {total / elapsed:.1f}  errors: {errors}",
        f"CPU seconds: server {server_cpu:.1f}, clients (this process) {_cpu_seconds(os.getpid()):.1f}, "
        f"of {elapsed * (os.cpu_count() or 1):.0f} available",
        f"{'endpoint':<22}{'requests':>9}{'errors':>8}{'p50 ms':>9}{'p99 ms':>9}{'max ms':>9}",
    ]
    for label, _ in MIX:
        times = results["times"].get(label, [])
        if not times:
            continue
        lines.append(f"{label:<22}{len(times):>9}{results['errors'][label]:>8}{percentile(times, .5) * 1e3:>9.0f}"
                     f"{percentile(times, .99) * 1e3:>9.0f}{max(times) * 1e3:>9.0f}")
    month = [t for label in MONTH_LABELS for t in results["times"].get(label, [])]
    if month:
        p99 = percentile(month, .99) * 1e3
        lines.append(f"target p99 <= 200 ms for GeoJSON month queries (all {len(month)} of the geojson rows): "
                     f"{'met' if p99 <= 200 else 'MISSED'} ({p99:.1f} ms); mean {statistics.mean(month) * 1e3:.0f} ms")
    if warm:
        lines.append(f"the same after the first {WARM_UP:.0f} s (caches warm): {len(warm)} requests, "
                     f"p50 {percentile(warm, .5) * 1e3:.0f} ms, p99 {percentile(warm, .99) * 1e3:.0f} ms")
    return "\n".join(lines) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--threads", type=int, default=8, help="waitress worker threads")
    parser.add_argument("--db", default=None, help="an existing store (default: build the 100k synthetic store)")
    parser.add_argument("--out", default=None)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(args.db) if args.db else None
        if db is None:
            from benchmarks.synthetic_store import build_store

            db = build_store(Path(tmp) / "synthetic-100k.sqlite3")
        log = Path(tmp) / "server.log"
        text = run_load(db, args.clients, min(args.seconds, 600.0), args.threads, log)
        errors = [line for line in log.read_text(errors="replace").splitlines() if "ERROR" in line or "Traceback" in line]
        text += f"server log: {len(errors)} error lines" + (f"; first: {errors[0][:200]}" if errors else "") + "\n"
    print(text, end="")
    if args.out:
        Path(args.out).write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
