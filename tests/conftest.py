"""Shared fixtures. Every test is offline: an autouse fixture refuses connections beyond loopback."""

from __future__ import annotations

import ipaddress
import socket
from pathlib import Path

import pytest

PROJECT_ROOT = Path(__file__).resolve().parent.parent
SEEDS_DIR = PROJECT_ROOT / "seeds"
GOLD_PATH = PROJECT_ROOT.parent / "shared" / "gold" / "seeds.jsonl"

_real_connect = socket.socket.connect
_real_create_connection = socket.create_connection


def _is_loopback(address) -> bool:
    host = address[0] if isinstance(address, tuple) else address
    if isinstance(host, bytes):
        host = host.decode()
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


@pytest.fixture(autouse=True)
def refuse_network(monkeypatch):
    """Tests never leave the machine: any connection beyond loopback fails loudly."""

    def guarded_connect(sock, address):
        if sock.family in (socket.AF_INET, socket.AF_INET6) and not _is_loopback(address):
            raise OSError(f"network access refused in tests: {address!r}")
        return _real_connect(sock, address)

    def guarded_create_connection(address, *args, **kwargs):
        if not _is_loopback(address):
            raise OSError(f"network access refused in tests: {address!r}")
        return _real_create_connection(address, *args, **kwargs)

    monkeypatch.setattr(socket.socket, "connect", guarded_connect)
    monkeypatch.setattr(socket, "create_connection", guarded_create_connection)


@pytest.fixture
def seeds_dir() -> Path:
    return SEEDS_DIR


# --- the web app on a small seeded store (tests/web_fixtures.py builds it) ----------------------


@pytest.fixture
def seeded_db(tmp_path: Path) -> Path:
    """A store with the October, December, undated and hostile articles."""
    from tests.web_fixtures import seed_store

    return seed_store(tmp_path / "events.sqlite3")


@pytest.fixture
def app(seeded_db: Path):
    """The app on the seeded store."""
    from geomap.web import create_app

    return create_app({"db": str(seeded_db)})


@pytest.fixture
def client(app):
    """A Flask test client for the seeded app."""
    return app.test_client()


# --- a Nominatim look-alike on loopback (tests/nominatim_server.py) -----------------------------


@pytest.fixture
def nominatim_server():
    """A running NominatimServer in "ok" mode; stopped (threads joined) after the test."""
    from tests.nominatim_server import NominatimServer

    server = NominatimServer().start()
    try:
        yield server
    finally:
        server.stop()
    if server.errors:
        raise RuntimeError(f"test Nominatim server crashed: {server.errors!r}")


# --- headless Chromium (tests/browser_fixtures.py); a module using `page` defines `servers` -----


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    from tests.devserver import CHROMIUM, CHROMIUM_ARGS

    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser, servers):
    """A recording page (see `recording_page`) once the module's `servers` run."""
    from tests.browser_fixtures import recording_page

    with recording_page(browser) as recorded:
        yield recorded


# --- the hostile corpus ingested once per module (tests/hostile_corpus.py) ----------------------


@pytest.fixture(scope="module")
def hostile_run(tmp_path_factory):
    from tests.hostile_corpus import ingest_hostile_corpus

    return ingest_hostile_corpus(tmp_path_factory)
