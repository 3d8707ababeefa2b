"""Ingest is idempotent and crash-safe: SIGKILL mid-run loses nothing, half-stores nothing, and readers
see consistent data while an ingest writes (WAL).

Every ingest here is the real command (`python -m geomap.cli ... ingest DIR`) in a subprocess, so a kill
is a real kill: no finally blocks, no atexit, no flush.
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import shutil

import orjson
import pytest

from geomap.filters import EventFilter
from geomap.store import Store
from tests.conftest import PROJECT_ROOT, SEEDS_DIR

pytestmark = pytest.mark.slow

COPIES = 12  # 5 seeds x 12 = 60 articles
KILL_SEEDS = (1, 2, 3, 4, 5)
RUN_TIMEOUT = 120.0


@dataclass(frozen=True)
class Snapshot:
    """What a store holds, per article and in total."""

    events_per_article: dict[str, int]
    unresolved_per_article: dict[str, int]
    places: int

    @property
    def articles(self) -> int:
        return len(self.events_per_article)

    @property
    def events(self) -> int:
        return sum(self.events_per_article.values())


def snapshot(db: Path) -> Snapshot:
    """Per-article event and unresolved counts (articles without events count 0)."""
    conn = sqlite3.connect(db)
    try:
        events = {a: 0 for (a,) in conn.execute("SELECT id FROM articles")}
        unresolved = dict(events)
        for article_id, n in conn.execute("SELECT article_id, count(*) FROM events GROUP BY article_id"):
            events[article_id] = n
        for article_id, n in conn.execute("SELECT article_id, count(*) FROM unresolved GROUP BY article_id"):
            unresolved[article_id] = n
        places = conn.execute("SELECT count(*) FROM places").fetchone()[0]
    finally:
        conn.close()
    return Snapshot(events, unresolved, places)


def integrity(db: Path) -> str:
    conn = sqlite3.connect(db)
    try:
        return conn.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        conn.close()


def article_count(db: Path) -> int:
    """Committed articles, read from a short-lived connection (0 while the store does not exist yet)."""
    if not db.exists():
        return 0
    conn = sqlite3.connect(db, timeout=5)
    try:
        return conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    except sqlite3.OperationalError:  # schema not created yet
        return 0
    finally:
        conn.close()


@pytest.fixture(scope="module")
def code(tmp_path_factory) -> Path:
    """A frozen copy of the package: every run in this module uses the same pipeline, even while the
    working tree is being edited (a changed recognizer would change the per-article event counts)."""
    root = tmp_path_factory.mktemp("code")
    shutil.copytree(PROJECT_ROOT / "geomap", root / "geomap", ignore=shutil.ignore_patterns("__pycache__"))
    (root / "gazetteer").symlink_to(PROJECT_ROOT / "gazetteer", target_is_directory=True)
    return root


def ingest_command(db: Path, corpus: Path) -> list[str]:
    return [sys.executable, "-m", "geomap.cli", "--db", str(db), "--model", "none", "--geocoder", "off",
            "ingest", "--json", str(corpus)]


def _env(code: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("GEOMAP_")}
    env["PYTHONPATH"] = str(code)
    return env


def run_ingest(code: Path, db: Path, corpus: Path) -> dict:
    """One uninterrupted ingest; its JSON report."""
    done = subprocess.run(ingest_command(db, corpus), cwd=code, env=_env(code), capture_output=True,
                          timeout=RUN_TIMEOUT, check=True)
    return orjson.loads(done.stdout)


def start_ingest(code: Path, db: Path, corpus: Path) -> subprocess.Popen:
    return subprocess.Popen(ingest_command(db, corpus), cwd=code, env=_env(code),
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def kill_mid_ingest(code: Path, db: Path, corpus: Path, rng: random.Random, total: int) -> int:
    """Start an ingest, SIGKILL it once `target` articles are committed plus a random delay; the target."""
    target = rng.randint(1, total - 8)
    delay = rng.uniform(0.0, 0.08)  # lands anywhere in the next article: parsing, or inside its transaction
    proc = start_ingest(code, db, corpus)
    try:
        deadline = time.monotonic() + RUN_TIMEOUT
        while article_count(db) < target:
            if proc.poll() is not None:
                pytest.fail(f"ingest ended (rc {proc.returncode}) before {target} articles were stored")
            if time.monotonic() > deadline:
                pytest.fail("ingest too slow to reach the kill point")
            time.sleep(0.005)
        time.sleep(delay)
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=10)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert proc.returncode == -signal.SIGKILL
    return target


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    """The seeds, each copied COPIES times with a unique last line (identity is content)."""
    folder = tmp_path_factory.mktemp("corpus")
    for i in range(COPIES):
        for seed in sorted(SEEDS_DIR.glob("*.txt")):
            text = seed.read_text(encoding="utf-8")
            (folder / f"{seed.stem}_{i:02d}.txt").write_text(f"{text}\n\nKopie {i}.\n", encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def baseline(code: Path, corpus: Path, tmp_path_factory) -> tuple[Path, Snapshot]:
    """An uninterrupted ingest of the corpus: the counts every other run must reach."""
    db = tmp_path_factory.mktemp("baseline") / "events.sqlite3"
    report = run_ingest(code, db, corpus)
    assert report["errors"] == []
    snap = snapshot(db)
    assert snap.articles == report["new_articles"] == len(list(corpus.glob("*.txt")))
    assert snap.events > snap.articles  # the corpus really produces events
    return db, snap


def test_ingest_twice_adds_no_rows(code: Path, baseline: tuple[Path, Snapshot], corpus: Path) -> None:
    db, before = baseline
    report = run_ingest(code, db, corpus)
    assert report["new_articles"] == 0
    assert report["already_stored"] == before.articles
    assert snapshot(db) == before


@pytest.mark.parametrize("seed", KILL_SEEDS)
def test_sigkill_mid_ingest_loses_and_half_stores_nothing(
    seed: int, code: Path, baseline: tuple[Path, Snapshot], corpus: Path, tmp_path: Path
) -> None:
    _, expected = baseline
    db = tmp_path / "events.sqlite3"
    rng = random.Random(seed)
    target = kill_mid_ingest(code, db, corpus, rng, expected.articles)

    assert integrity(db) == "ok"
    killed = snapshot(db)
    assert target <= killed.articles < expected.articles
    for article_id, events in killed.events_per_article.items():
        # an article row is there only with all of its events and unresolved names: one transaction each
        assert events == expected.events_per_article[article_id], article_id
        assert killed.unresolved_per_article[article_id] == expected.unresolved_per_article[article_id]

    report = run_ingest(code, db, corpus)
    assert report["errors"] == []
    assert report["already_stored"] == killed.articles
    assert report["new_articles"] == expected.articles - killed.articles
    assert integrity(db) == "ok"
    assert snapshot(db) == expected


def test_sigkill_repeatedly_then_rerun_matches_baseline(
    code: Path, baseline: tuple[Path, Snapshot], corpus: Path, tmp_path: Path
) -> None:
    """Several kills on the same store in a row (each run resumes the last), then one run to the end."""
    _, expected = baseline
    db = tmp_path / "events.sqlite3"
    rng = random.Random(99)
    for _ in range(3):
        if article_count(db) >= expected.articles - 3:
            break
        kill_mid_ingest(code, db, corpus, rng, expected.articles)
        assert integrity(db) == "ok"
    run_ingest(code, db, corpus)
    assert integrity(db) == "ok"
    assert snapshot(db) == expected


def test_readers_see_consistent_data_while_ingest_runs(
    code: Path, baseline: tuple[Path, Snapshot], corpus: Path, tmp_path: Path
) -> None:
    """A reader (as the web server is) never sees an article without all its events, nor counts going back."""
    _, expected = baseline
    db = tmp_path / "events.sqlite3"
    Store(db).close()  # create the schema first, as `geomap serve` does
    seen: list[tuple[int, int]] = []
    errors: list[BaseException] = []
    stop = threading.Event()
    everything = EventFilter(roles=("location", "actor"))

    def read() -> None:
        store = Store(db)
        try:
            while not stop.is_set():
                rows = store.find_events(everything)
                per_article = Counter(r.article_id for r in rows)
                for article_id, n in per_article.items():
                    if n != expected.events_per_article[article_id]:
                        raise AssertionError(f"article {article_id} seen with {n} of its events")
                seen.append((len(per_article), len(rows)))
        except BaseException as exc:  # noqa: BLE001 - reported by the test thread
            errors.append(exc)
        finally:
            store.close()

    reader = threading.Thread(target=read, name="reader")
    reader.start()
    try:
        run_ingest(code, db, corpus)
    finally:
        stop.set()
        reader.join(timeout=30)
    assert not errors, errors
    assert len(seen) > 10  # the reader really read while the ingest ran
    assert all(a[0] <= b[0] and a[1] <= b[1] for a, b in zip(seen, seen[1:])), "counts went backwards"
    assert len({s for s in seen}) > 2  # it saw the store grow, not just empty and full
    assert snapshot(db) == expected


def test_concurrent_ingests_of_the_same_files_report_already_stored(
    code: Path, baseline: tuple[Path, Snapshot], corpus: Path, tmp_path: Path
) -> None:
    """Two ingests of one folder at once: each article is stored once, by one of them; the other reports it
    as already stored, never as an error (issue 17, case 9: "UNIQUE constraint failed")."""
    _, expected = baseline
    db = tmp_path / "events.sqlite3"
    procs = [subprocess.Popen(ingest_command(db, corpus), cwd=code, env=_env(code), stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE) for _ in range(2)]
    outputs = [proc.communicate(timeout=RUN_TIMEOUT) for proc in procs]
    assert [proc.returncode for proc in procs] == [0, 0], [err.decode()[-500:] for _, err in outputs]
    reports = [orjson.loads(out) for out, _ in outputs]
    assert all(r["errors"] == [] for r in reports), [r["errors"][:3] for r in reports]
    assert not any(b"UNIQUE" in err for _, err in outputs)
    assert sum(r["new_articles"] for r in reports) == expected.articles
    assert sum(r["already_stored"] for r in reports) == expected.articles
    assert snapshot(db) == expected
