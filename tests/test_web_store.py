"""The server and its store on a bad day: missing, deleted while serving, damaged, newer; and requests no URL can
be built for. The server never creates a store; a store it cannot use is a 503 (JSON under the API, /healthz
included), the same from every server thread; a damaged stream never ends as a complete 200.
"""

from __future__ import annotations

import http.client
import logging
import os
import shutil
import socket
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Iterator

import orjson
import pytest

from geomap.web import create_app
from tests.conftest import PROJECT_ROOT
from tests.web_fixtures import seed_store

API = ("/healthz", "/events.geojson", "/events.geojson?detail=summary", "/api/histogram", "/events.csv")


def _env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("GEOMAP_")}
    env.update(extra)
    return env


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Waitress:
    """The production server (waitress-serve: a fixed pool of threads that keep their store handles) on
    127.0.0.1, in its own process, as an operator runs it."""

    def __init__(self, db: Path, threads: int = 4) -> None:
        self.port = _free_port()
        self._args = [str(Path(sys.executable).with_name("waitress-serve")), "--host", "127.0.0.1", "--port",
                      str(self.port), "--threads", str(threads), "--call", "geomap.web:create_app"]
        self._env = _env(GEOMAP_DB=str(db), GEOMAP_WARM_MONTHS="0")
        self._proc: subprocess.Popen | None = None

    def __enter__(self) -> Waitress:
        self._proc = subprocess.Popen(self._args, env=self._env, cwd=PROJECT_ROOT, stdout=subprocess.DEVNULL,
                                      stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 60
        while True:
            assert self._proc.poll() is None, "waitress-serve ended"
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=1).close()
                return self
            except OSError:
                assert time.monotonic() < deadline, "waitress-serve did not come up"
                time.sleep(0.1)

    def __exit__(self, *exc: object) -> None:
        assert self._proc is not None
        self._proc.terminate()
        self._proc.wait(timeout=30)

    def get(self, path: str, headers: dict[str, str] | None = None) -> tuple[int, bytes | None]:
        """Status and body; None as the body when the answer was cut off (an unterminated chunked body)."""
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        try:
            conn.request("GET", path, headers=headers or {})
            response = conn.getresponse()
            try:
                return response.status, response.read()
            except http.client.IncompleteRead:
                return response.status, None
        finally:
            conn.close()


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return seed_store(tmp_path / "store" / "events.sqlite3")


def _assert_503(status: int, body: bytes | None, path: str) -> None:
    assert status == 503, (path, status, body[:200] if body else body)
    error = orjson.loads(body)["error"]
    assert error["status"] == 503 and "event store" in error["message"]


# --- a missing store -------------------------------------------------------------------------------


def test_web_missing_store_is_503_everywhere_and_never_created(tmp_path: Path) -> None:
    db = tmp_path / "nothing-mounted-here" / "events.sqlite3"
    client = create_app({"db": str(db)}).test_client()
    for path in API:
        response = client.get(path)
        _assert_503(response.status_code, response.data, path)
        assert "missing" in response.get_json()["error"]["message"]
        assert str(tmp_path) not in response.get_data(as_text=True)  # no server path in public answers
    assert client.get("/").status_code in (200, 503)
    assert not db.exists() and not db.parent.exists()


def test_web_store_deleted_while_serving_is_503_from_every_thread(db: Path) -> None:
    with Waitress(db, threads=4) as server:
        with ThreadPoolExecutor(8) as pool:  # every server thread opens (and keeps) its store handle
            assert set(pool.map(lambda _: server.get("/events.geojson?from=2016-10&to=2016-10")[0], range(16))) == {200}
        for suffix in ("", "-wal", "-shm"):
            Path(f"{db}{suffix}").unlink(missing_ok=True)
        with ThreadPoolExecutor(8) as pool:
            answers = list(pool.map(lambda i: (API[i % len(API)], *server.get(API[i % len(API)])), range(40)))
        for path, status, body in answers:
            _assert_503(status, body, path)
        assert not db.exists()
        seed_store(db)  # a new store at the path: served from then on, by every thread
        with ThreadPoolExecutor(8) as pool:
            assert set(pool.map(lambda _: server.get("/healthz")[0], range(16))) == {200}


# --- a damaged store -------------------------------------------------------------------------------


def _damage(db: Path, *, header: bool) -> None:
    size = db.stat().st_size
    with open(db, "r+b") as out:
        out.seek(0 if header else (size // 2) // 4096 * 4096)
        out.write(bytes(range(256)) * 64)


def test_web_damaged_store_is_503_on_healthz(db: Path) -> None:
    _damage(db, header=True)
    client = create_app({"db": str(db)}).test_client()
    for path in API:
        response = client.get(path)
        _assert_503(response.status_code, response.data, path)
        assert "damaged" in response.get_json()["error"]["message"]


@pytest.mark.slow
def test_web_damaged_store_never_streams_a_complete_200(tmp_path: Path) -> None:
    db = seed_store(tmp_path / "events.sqlite3", extra_events=6_000)  # the full set streams (> 1 MB)
    _damage(db, header=False)
    with Waitress(db) as server:
        for path in ("/events.geojson", "/events.csv"):
            status, body = server.get(path)
            # Either refused up front (503), or cut off so the client sees it: never a 200 that looks whole.
            assert status == 503 or body is None, (path, status, len(body or b""))


# --- requests no URL can be built for, methods not allowed -----------------------------------------


def test_web_host_with_a_64_character_label_is_a_400_not_a_500(db: Path, caplog) -> None:
    client = create_app({"db": str(db)}).test_client()
    host = "a" * 64 + ".example"
    with caplog.at_level(logging.INFO):
        for path in ("/", "/embed", "/nope", "/healthz", "/events.geojson"):
            response = client.get(path, headers={"Host": host})
            assert response.status_code == 400, (path, response.status_code)
            assert "Host header" in response.get_data(as_text=True)
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]


def test_web_405_says_which_methods_are_allowed(db: Path) -> None:
    client = create_app({"db": str(db)}).test_client()
    for path in ("/events.geojson", "/", "/healthz"):
        response = client.post(path)
        assert response.status_code == 405
        assert "GET" in response.headers["Allow"]


# --- starting the server ---------------------------------------------------------------------------


@pytest.mark.parametrize("name,value", [("WARM_MONTHS", "abc"), ("GEOCODER_TIMEOUT", "soon")])
def test_web_bad_setting_is_one_clear_line_under_waitress(name: str, value: str) -> None:
    waitress = Path(sys.executable).with_name("waitress-serve")
    done = subprocess.run([str(waitress), "--host", "127.0.0.1", "--port", "0", "--call", "geomap.web:create_app"],
                          env=_env(**{f"GEOMAP_{name}": value}), capture_output=True, timeout=60, cwd=PROJECT_ROOT)
    assert done.returncode != 0
    stderr = done.stderr.decode()
    assert f"GEOMAP_{name} must be" in stderr and repr(value) in stderr
    assert "Traceback" not in stderr


def _geomap(db: Path, *args: str, timeout: float = 60) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "geomap.cli", "--db", str(db), "--model", "none", "--geocoder", "off",
                           *args], env=_env(), capture_output=True, timeout=timeout, cwd=PROJECT_ROOT)


def test_serve_missing_store_is_an_error_and_creates_nothing(tmp_path: Path) -> None:
    done = _geomap(tmp_path / "events.sqlite3", "serve", "--port", "1")
    assert done.returncode == 2
    assert b"no store at" in done.stderr and b"serve --init" in done.stderr and b"Traceback" not in done.stderr
    assert not (tmp_path / "events.sqlite3").exists()
    done = _geomap(tmp_path / "unmounted" / "events.sqlite3", "serve", "--init", "--port", "1")
    assert done.returncode == 2 and b"does not exist" in done.stderr
    assert not (tmp_path / "unmounted").exists()


@pytest.mark.slow
def test_serve_init_creates_seeds_and_serves_a_new_store(tmp_path: Path) -> None:
    """What `make serve` does on a fresh machine."""
    db, port = tmp_path / "events.sqlite3", _free_port()
    proc = subprocess.Popen([sys.executable, "-m", "geomap.cli", "--db", str(db), "--model", "none", "--geocoder",
                             "off", "serve", "--init", "--port", str(port)], env=_env(GEOMAP_WARM_MONTHS="0"),
                            cwd=PROJECT_ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 120
        while True:
            assert proc.poll() is None, proc.communicate()[1].decode()[-2000:]
            assert time.monotonic() < deadline, "serve --init did not come up"
            try:
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
                conn.request("GET", "/healthz")
                health = orjson.loads(conn.getresponse().read())
                conn.close()
                break
            except OSError:
                time.sleep(0.5)
        assert health["store"]["articles"] == 5
    finally:
        proc.terminate()
        proc.communicate(timeout=30)


def test_reading_commands_never_create_a_store(tmp_path: Path) -> None:
    db = tmp_path / "events.sqlite3"
    for args in (("export",), ("compact",), ("geocode", "--retry")):
        done = _geomap(db, *args)
        assert done.returncode == 2, args
        assert b"no store at" in done.stderr and b"Traceback" not in done.stderr
    assert not db.exists()
    shutil.rmtree(tmp_path, ignore_errors=True)
