"""API tokens for the push API: `GEOMAP_API_TOKENS` (comma-separated) and named tokens made by
`geomap token create NAME`, kept in the store as SHA-256 hashes (a token is 256 random bits, so a plain hash
is enough; the token itself is shown once). The name, never the token, is what logs and jobs record."""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
import sqlite3
import time
from dataclasses import dataclass
from datetime import datetime, timezone

from geomap.errors import GeomapError
from geomap.store import Store

_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,63}")
PREFIX = "gm_"


@dataclass(frozen=True)
class TokenInfo:
    name: str
    created: str
    revoked: str | None


def hash_token(secret: str) -> str:
    return hashlib.sha256(secret.encode("utf-8", "surrogatepass")).hexdigest()


def _when(ts: float | None) -> str | None:
    return datetime.fromtimestamp(ts, timezone.utc).isoformat(timespec="seconds") if ts else None


def create_token(store: Store, name: str) -> str:
    """A new token called `name`; returns the token (only its hash is kept)."""
    if not _NAME.fullmatch(name):
        raise GeomapError("a token name is 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit")
    secret = PREFIX + secrets.token_urlsafe(32)
    conn = store.connection
    try:
        with conn:
            conn.execute("INSERT INTO api_tokens (name, token_hash, created_at) VALUES (?, ?, ?)",
                         (name, hash_token(secret), time.time()))
    except sqlite3.IntegrityError:
        raise GeomapError(f"a token named {name!r} exists already (revoke it, or choose another name)") from None
    return secret


def revoke_token(store: Store, name: str) -> None:
    conn = store.connection
    with conn:
        changed = conn.execute("UPDATE api_tokens SET revoked_at = ? WHERE name = ? AND revoked_at IS NULL",
                               (time.time(), name)).rowcount
    if not changed:
        raise GeomapError(f"no active token named {name!r}")


def list_tokens(store: Store) -> list[TokenInfo]:
    rows = store.connection.execute("SELECT name, created_at, revoked_at FROM api_tokens ORDER BY name")
    return [TokenInfo(name, _when(created) or "", _when(revoked)) for name, created, revoked in rows]


def configured_tokens(value: str) -> list[str]:
    """The tokens of GEOMAP_API_TOKENS (comma-separated; blanks ignored)."""
    return [t.strip() for t in (value or "").split(",") if t.strip()]


def token_name(store: Store, configured: list[str], secret: str) -> str | None:
    """The name of the token `secret` (env tokens are "env-1", "env-2", ...); None when it is not valid."""
    if not secret or len(secret) > 200:
        return None
    for number, candidate in enumerate(configured, 1):
        if hmac.compare_digest(candidate.encode(), secret.encode("utf-8", "surrogatepass")):
            return f"env-{number}"
    row = store.connection.execute(
        "SELECT name FROM api_tokens WHERE token_hash = ? AND revoked_at IS NULL", (hash_token(secret),)
    ).fetchone()
    return row[0] if row else None
