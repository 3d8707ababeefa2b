"""The push API's durable job queue, in the store (table `jobs`, whose SQL is kept here).

A job is queued by the web process and taken by a worker (geomap.worker) in one IMMEDIATE transaction, with a
lease. A job whose worker died is taken over: at once when that worker ran on this machine and its process is
gone, else when its lease runs out. Storing an article is idempotent (its id is its text's hash), so a job
done twice stores it once.
"""

from __future__ import annotations

import os
import socket
import time
import uuid
from dataclasses import dataclass
from typing import Any

import orjson

from geomap.store import Store

MAX_ATTEMPTS = 5  # a job whose workers died this often is failed, not handed to the next one


@dataclass(frozen=True)
class Job:
    id: str
    state: str  # queued, running, done, failed
    payload: dict[str, Any]
    article_id: str | None
    token_name: str | None
    error: str | None
    attempts: int
    created_at: float
    updated_at: float

    def public(self) -> dict[str, Any]:
        """What GET /api/jobs/ID shows (never the payload)."""
        return {"id": self.id, "state": self.state, "article_id": self.article_id, "error": self.error,
                "attempts": self.attempts, "created_at": self.created_at, "updated_at": self.updated_at}


_COLUMNS = "id, state, payload, article_id, token_name, error, attempts, created_at, updated_at"


def _job(row: tuple) -> Job:
    return Job(row[0], row[1], orjson.loads(row[2]), row[3], row[4], row[5], row[6], row[7], row[8])


def worker_id() -> str:
    return f"{socket.gethostname()}:{os.getpid()}"


def enqueue(store: Store, payload: dict[str, Any], article_id: str, token_name: str | None) -> tuple[Job, bool]:
    """Queue a job for an article (True), or return the job already queued or running for it (False)."""
    conn = store.connection
    now = time.time()
    with conn:
        conn.execute("BEGIN IMMEDIATE")
        row = conn.execute(f"SELECT {_COLUMNS} FROM jobs WHERE article_id = ? AND state IN ('queued', 'running')"
                           " ORDER BY created_at LIMIT 1", (article_id,)).fetchone()
        if row:
            return _job(row), False
        job_id = uuid.uuid4().hex
        conn.execute(
            "INSERT INTO jobs (id, state, payload, article_id, token_name, created_at, updated_at)"
            " VALUES (?, 'queued', ?, ?, ?, ?, ?)",
            (job_id, orjson.dumps(payload).decode(), article_id, token_name, now, now),
        )
    return get_job(store, job_id), True  # type: ignore[return-value]


def get_job(store: Store, job_id: str) -> Job | None:
    row = store.connection.execute(f"SELECT {_COLUMNS} FROM jobs WHERE id = ?", (job_id,)).fetchone()
    return _job(row) if row else None


def _dead_here(worker: str | None) -> bool:
    """Whether `worker` ran on this machine and its process is gone."""
    if not worker or ":" not in worker:
        return False
    host, _, pid = worker.rpartition(":")
    if host != socket.gethostname() or not pid.isdigit():
        return False
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return True
    except PermissionError:  # alive, someone else's
        return False
    return False


def claim(store: Store, worker: str, lease: float) -> Job | None:
    """Take the oldest queued job, or one whose worker died; None when there is none."""
    conn = store.connection
    now = time.time()
    with conn:
        conn.execute("BEGIN IMMEDIATE")
        running = conn.execute("SELECT id, worker, lease_until, attempts FROM jobs WHERE state = 'running'").fetchall()
        for job_id, holder, until, attempts in running:
            if (until is not None and until < now) or _dead_here(holder):
                if attempts >= MAX_ATTEMPTS:
                    conn.execute("UPDATE jobs SET state = 'failed', error = ?, updated_at = ? WHERE id = ?",
                                 (f"its worker died {attempts} times while processing it", now, job_id))
                else:
                    conn.execute("UPDATE jobs SET state = 'queued', worker = NULL, updated_at = ? WHERE id = ?",
                                 (now, job_id))
        row = conn.execute("SELECT id FROM jobs WHERE state = 'queued' ORDER BY created_at, rowid LIMIT 1").fetchone()
        if row is None:
            return None
        conn.execute(
            "UPDATE jobs SET state = 'running', worker = ?, lease_until = ?, attempts = attempts + 1, updated_at = ?"
            " WHERE id = ?", (worker, now + lease, now, row[0]))
    return get_job(store, row[0])


def finish(store: Store, job_id: str, *, article_id: str | None = None, error: str | None = None) -> None:
    """Mark a job done (with its article) or failed (with the reason)."""
    conn = store.connection
    with conn:
        conn.execute(
            "UPDATE jobs SET state = ?, article_id = coalesce(?, article_id), error = ?, worker = NULL,"
            " lease_until = NULL, updated_at = ? WHERE id = ?",
            ("failed" if error else "done", article_id, error, time.time(), job_id),
        )


def counts(store: Store) -> dict[str, int]:
    return {state: n for state, n in store.connection.execute("SELECT state, count(*) FROM jobs GROUP BY state")}
