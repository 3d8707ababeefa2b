"""Issue 17 item 1: server memory while clients download the full CSV of a 100,000-event store at once.

    python benchmarks/csv_memory.py --store /tmp/s100k.sqlite3 [--clients 8] [--out benchmarks/csv_memory.txt]

Starts the README's production server (waitress, 8 threads, MALLOC_ARENA_MAX=2, MALLOC_MMAP_THRESHOLD_=262144)
in its own process, then in
rounds: 1 client, then `--clients` clients at once, each reading the whole /events.csv (plain, then
dialect=excel) as fast as it can. Peak RSS is the server's VmHWM from /proc (the high-water mark over the whole
run, so each row is the peak so far). The store is built by benchmarks/synthetic_store.py if missing.
"""

from __future__ import annotations

import argparse
import http.client
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks.load import free_port, start_server, wait_until_warm  # noqa: E402
from benchmarks.map_perf import build_store  # noqa: E402

TARGET_MB = 300


def _status_mb(pid: int) -> dict[str, float]:
    status = Path(f"/proc/{pid}/status").read_text()
    return {line.split(":")[0]: int(line.split()[1]) / 1024 for line in status.splitlines()
            if line.startswith(("VmHWM", "VmRSS"))}


def _sample(pid: int, out: list, stop: threading.Event) -> None:
    """RSS every 0.1 s until `stop`: the highest is this round's own peak."""
    while not stop.is_set():
        out.append(_status_mb(pid)["VmRSS"])
        time.sleep(0.1)


def _download(port: int, path: str, out: list) -> None:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=600)
    started = time.perf_counter()
    conn.request("GET", path)
    response = conn.getresponse()
    size, rows = 0, 0
    while block := response.read(256 * 1024):
        size += len(block)
        rows += block.count(b"\r\n")
    out.append((response.status, size, rows, time.perf_counter() - started))
    conn.close()


def _round(port: int, path: str, clients: int) -> list:
    results: list = []
    threads = [threading.Thread(target=_download, args=(port, path, results)) for _ in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return results


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--store", type=Path, default=Path(tempfile.gettempdir()) / "geomap-s100k.sqlite3")
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--out", type=Path)
    args = parser.parse_args()
    db = build_store(args.store, args.events)
    port = free_port()
    lines = [f"# {__doc__.splitlines()[0]}", f"# store {args.store.name}: {args.events} events; server: waitress "
             "--threads=8, MALLOC_ARENA_MAX=2, MALLOC_MMAP_THRESHOLD_=262144; max RSS = sampled every 0.1 s in the round; peak = VmHWM so far", ""]
    lines.append(f"{'round':<44} {'status':>7} {'MB each':>8} {'rows':>8} {'s (max)':>8} {'max RSS':>7} {'peak MB':>8}")
    with tempfile.TemporaryDirectory() as tmp:
        server = start_server(db, port, 8, Path(tmp) / "server.log", arenas="2")
        try:
            idle = _status_mb(server.pid)
            lines.append(f"{'server started':<44} {'':>7} {'':>8} {'':>8} {'':>8} {idle['VmRSS']:>7.0f} "
                         f"{idle['VmHWM']:>8.0f}")
            warm_s = wait_until_warm(port)  # the background build of the month views (README), before the rounds
            warm = _status_mb(server.pid)
            lines.append(f"{f'month views built ({warm_s:.0f} s)':<44} {'':>7} {'':>8} {'':>8} {'':>8} "
                         f"{warm['VmRSS']:>7.0f} {warm['VmHWM']:>8.0f}")
            for path, clients in (("/events.csv", 1), ("/events.csv", args.clients),
                                  ("/events.csv?dialect=excel", args.clients)):
                sampled: list[float] = []
                stop = threading.Event()
                sampler = threading.Thread(target=_sample, args=(server.pid, sampled, stop), daemon=True)
                sampler.start()
                results = _round(port, path, clients)
                stop.set()
                sampler.join()
                mem = _status_mb(server.pid)
                mem["VmRSS"] = max(sampled or [mem["VmRSS"]])
                statuses = ",".join(sorted({str(r[0]) for r in results}))
                lines.append(f"{f'{clients} x {path}':<44} {statuses:>7} {results[0][1] / 1e6:>8.1f} "
                             f"{results[0][2] - 1:>8} {max(r[3] for r in results):>8.1f} {mem['VmRSS']:>7.0f} "
                             f"{mem['VmHWM']:>8.0f}")
        finally:
            server.terminate()
            server.wait(timeout=10)
    peak = mem["VmHWM"]
    lines += ["", f"peak server RSS {peak:.0f} MB, target <= {TARGET_MB} MB: {'met' if peak <= TARGET_MB else 'MISSED'}",
              "before (issue 17, the CSV built whole in memory): 341 MB for 1 download, 2,117 MB for 8 at once"]
    text = "\n".join(lines) + "\n"
    print(text)
    if args.out:
        args.out.write_text(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
