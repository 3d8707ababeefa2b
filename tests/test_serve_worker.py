"""`geomap serve` runs a worker beside the server: a pushed article is stored without any other process, and
the worker goes when the server goes (even when the server is killed)."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from geomap.store import Store

pytestmark = pytest.mark.slow
TOKEN = "serve-test-token"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _request(url: str, body: dict | None = None) -> dict:
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(url, data=data, method="POST" if data else "GET",
                                     headers={"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=10) as response:
        return json.loads(response.read())


def _children(pid: int) -> list[int]:
    out = subprocess.run(["ps", "-o", "pid=", "--ppid", str(pid)], capture_output=True, text=True).stdout
    return [int(p) for p in out.split()]


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"  # a zombie has died; only its exit status is left


def test_serve_runs_a_worker_that_stores_pushed_articles_and_dies_with_it(tmp_path):
    db = tmp_path / "s.sqlite3"
    Store(db).close()
    port = _free_port()
    env = {**os.environ, "GEOMAP_API_TOKENS": TOKEN, "GEOMAP_WARM_MONTHS": "0"}
    server = subprocess.Popen(
        [sys.executable, "-c", "from geomap.cli import main; main()", "--db", str(db), "--model", "none",
         "--geocoder", "off", "serve", "--port", str(port), "--no-seed"], env=env,
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                job = _request(base + "/api/articles", {"text": "Kämpfe in Aleppo\n\nIn Aleppo wurde gekämpft."})
                break
            except (urllib.error.URLError, ConnectionError):
                assert time.monotonic() < deadline, "the server did not start"
                time.sleep(0.5)
        for _ in range(240):  # the worker builds its recognizer first: up to a minute on a busy machine
            state = _request(base + job["url"])
            if state["state"] in ("done", "failed"):
                break
            time.sleep(0.5)
        assert state["state"] == "done", state
        workers = _children(server.pid)
        assert len(workers) == 1
    finally:
        server.send_signal(signal.SIGKILL)  # no cleanup in the server: the worker must still go
        server.wait(30)
    for _ in range(40):
        if not _alive(workers[0]):
            break
        time.sleep(0.25)
    assert not _alive(workers[0])
