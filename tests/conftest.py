"""Shared fixtures. Every test is offline: an autouse fixture refuses connections beyond loopback."""

from __future__ import annotations

import ipaddress
import os
import socket
from pathlib import Path

import pytest

# Apps made in tests do not warm month views in the background (tests/test_web_warm.py turns it on).
os.environ["GEOMAP_WARM_MONTHS"] = "0"

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
