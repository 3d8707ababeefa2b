"""Large answers as files (issue 17, items 2 and 8): a slow reader holds no store snapshot, so the WAL checkpoints
during an ingest; SIGTERM and SIGINT leave no answer files; folders of killed servers are removed at start."""

from __future__ import annotations

import json
import os
import signal
import socket
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from geomap.store import Store
from geomap.web import create_app
from geomap.web.answers import answer_cache
from geomap.web.cache import FOLDER_PREFIX, remove_stale_folders
from tests.devserver import LoopbackServer, free_port, http_get
from tests.web_fixtures import _undated, seed_store

ROOT = Path(__file__).resolve().parent.parent
WAIT_SECONDS = 30  # bounds on waiting, not claims about speed


def _wait_for(condition, what: str) -> None:
    deadline = time.monotonic() + WAIT_SECONDS
    while not condition():
        if time.monotonic() > deadline:
            pytest.fail(f"gave up waiting for {what}")
        time.sleep(0.05)


def _add_article(db: Path) -> None:
    article, events = _undated()
    other = article.__class__(**{**article.__dict__, "id": "written-meanwhile", "raw": article.raw + "  "})
    with Store(db, create=False) as store:
        store.save_article(other, [e.__class__(**{**e.__dict__, "article_id": other.id}) for e in events], (), "rules")


@pytest.mark.slow
def test_a_slow_reader_holds_no_snapshot_so_the_wal_checkpoints(tmp_path):
    db = seed_store(tmp_path / "s.sqlite3", extra_events=20_000)  # full GeoJSON ~18 MB: more than socket buffers
    app = create_app({"db": str(db)})
    with LoopbackServer(app) as server:
        reader = socket.create_connection(("127.0.0.1", server.port), timeout=WAIT_SECONDS)
        reader.sendall(b"GET /events.geojson HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n")  # 1.0: never chunked
        first = reader.recv(1024)
        assert first.startswith(b"HTTP/1.1 200")
        _wait_for(lambda: answer_cache(app).builds == 1 and any(answer_cache(app).folder().glob("*.json")),
                  "the answer file")
        _add_article(db)  # an ingest while the reader has read 1 KB of ~18 MB
        with sqlite3.connect(db) as conn:
            busy, _, _ = conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
        assert busy == 0  # no reader's snapshot kept the checkpoint from finishing
        assert Path(f"{db}-wal").stat().st_size == 0
        rest = [first]
        while chunk := reader.recv(1 << 20):
            rest.append(chunk)
        reader.close()
    body = b"".join(rest).split(b"\r\n\r\n", 1)[1]
    doc = json.loads(body)  # whole, and from one snapshot: the article written meanwhile is not in it
    assert doc["geomap"]["event_count"] == 20_000 + 7


def _healthy(port: int) -> bool:
    try:
        return http_get(port, "/healthz")[0] == 200
    except OSError:
        return False


@pytest.mark.slow
@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT])
def test_a_stopped_server_leaves_no_answer_files(tmp_path, signum):
    db = seed_store(tmp_path / "s.sqlite3", extra_events=3000)  # full GeoJSON > 1 MB: kept in a file
    temp = tmp_path / "tmp"
    temp.mkdir()
    stale = temp / f"{FOLDER_PREFIX}999999999-left"  # a pid above any pid_max: a server killed long ago
    stale.mkdir()
    (stale / "answer.json").write_bytes(b"{}")
    port = free_port()
    env = {**os.environ, "GEOMAP_DB": str(db), "TMPDIR": str(temp), "GEOMAP_WARM_MONTHS": "0"}
    command = [sys.executable, "-m", "waitress", f"--listen=127.0.0.1:{port}", "--call", "geomap.web:serving_app"]
    server = subprocess.Popen(command, env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        _wait_for(lambda: _healthy(port) or server.poll() is not None, "the server")
        assert server.poll() is None, server.stderr.read().decode()[-2000:]
        assert not stale.exists()  # removed at start
        status, body = http_get(port, "/events.geojson")
        assert status == 200 and len(body) > 1024 * 1024
        assert list(temp.glob(f"{FOLDER_PREFIX}{server.pid}-*/*.json"))
        server.send_signal(signum)
        server.wait(WAIT_SECONDS)
    finally:
        if server.poll() is None:
            server.kill()
            server.wait()
        server.stderr.close()
    assert list(temp.glob(f"{FOLDER_PREFIX}*")) == []


def test_only_dead_servers_folders_count_as_stale(tmp_path, monkeypatch):
    monkeypatch.setenv("TMPDIR", str(tmp_path))
    import tempfile

    monkeypatch.setattr(tempfile, "tempdir", None)  # gettempdir() reads TMPDIR again
    mine = tmp_path / f"{FOLDER_PREFIX}{os.getpid()}-a"
    dead = tmp_path / f"{FOLDER_PREFIX}999999999-b"
    odd = tmp_path / f"{FOLDER_PREFIX}not-a-pid"
    for folder in (mine, dead, odd):
        folder.mkdir()
    assert remove_stale_folders() == [dead]
    assert mine.exists() and odd.exists() and not dead.exists()
