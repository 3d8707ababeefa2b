"""`geomap ingest` on a bad day: every input stored or reported with its reason, nothing in one input stops the
others, and a store that cannot be written (full, read-only, locked, damaged, newer) stops the run at once
with one message. Exit codes: 0 all stored or already stored, 1 some inputs failed, 2 the store failed.

The full disk and the read-only store are real: a small tmpfs mounted here (root only; marked slow).
"""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
import subprocess
from pathlib import Path
from typing import Iterator

import pytest
from click.testing import CliRunner

from geomap.articles import MAX_TITLE_CHARS
from geomap.cli import main
from geomap.errors import StoreTooNew
from geomap.store import SCHEMA_VERSION, Store
from tests.conftest import SEEDS_DIR

GOOD = "date 2016-10-20\n\nKämpfe in Aleppo\n\nIn Aleppo wurde am Dienstag gekämpft.\n"


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def ingest(runner: CliRunner, db: Path, *paths: str | Path, env: dict[str, str] | None = None) -> tuple[int, dict, str]:
    """Run `geomap ingest --json`; (exit code, JSON report or {}, stderr)."""
    result = runner.invoke(main, ["--db", str(db), "--model", "none", "--geocoder", "off", "ingest", "--json",
                                  *map(str, paths)], env=env)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exc_info
    assert "Traceback" not in result.output
    lines = [line for line in result.stdout.splitlines() if line.startswith("{")]
    return result.exit_code, (json.loads(lines[-1]) if lines else {}), result.stderr


def article_copies(folder: Path, copies: int) -> Path:
    """The seeds `copies` times over, each copy a distinct article (identity is content)."""
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(copies):
        for seed in sorted(SEEDS_DIR.glob("*.txt")):
            text = seed.read_text(encoding="utf-8")
            (folder / f"{seed.stem}_{i:02d}.txt").write_text(f"{text}\n\nKopie {i}.\n", encoding="utf-8")
    return folder


def stored_articles(db: Path, *, immutable: bool = False) -> int:
    """Articles in the store (`immutable`: on a read-only file system, where SQLite cannot make its -shm file)."""
    conn = sqlite3.connect(f"file:{db}?immutable=1", uri=True) if immutable else sqlite3.connect(db)
    try:
        return conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    finally:
        conn.close()


# --- case 3: one bad input never stops the others -----------------------------------------------------


def _hostile_inputs(folder: Path) -> dict[str, str]:
    """Files whose sidecar or name is hostile, each next to a good article; name -> words of its reason."""
    folder.mkdir()
    reasons = {}
    for name, sidecar, reason in (
        ("a_date_number.txt", b'{"date": 20161020}', "'date' must be a string, got int"),
        ("b_date_true.txt", b'{"date": true}', "'date' must be a string, got bool"),
        ("c_date_object.txt", b'{"date": {}}', "'date' must be a string, got dict"),
        ("d_nested.txt", b"[" * 200_000 + b"]" * 200_000, "nested too deeply"),
        ("d_too_large.txt", b"[" + b"0," * 600_000 + b"0]", "larger than 1,000,000 bytes"),
        ("e_nested_small.txt", b"[" * 30_000 + b"]" * 30_000, "nested too deeply"),
        ("f_title_long.txt", json.dumps({"title": "T" * 200_000}).encode(), "'title' is 200,000 characters"),
        ("g_title_surrogate.txt", b'{"title": "\\ud800"}', "surrogate"),
        ("h_not_json.txt", b"{date: 2016}", "not valid JSON"),
    ):
        (folder / name).write_text(GOOD.replace("Dienstag", name), encoding="utf-8")
        (folder / f"{name}.meta.json").write_bytes(sidecar)
        reasons[name] = reason
    (folder / "z_good.txt").write_text(GOOD.replace("Dienstag", "Mittwoch"), encoding="utf-8")
    # a file name that is not UTF-8 (Latin-1 "München"): stored, under a name that can be printed and stored
    with open(os.path.join(os.fsencode(folder), b"M\xfcnchen.txt"), "w", encoding="utf-8") as out:
        out.write(GOOD.replace("Dienstag", "Donnerstag"))
    return reasons


def test_ingest_bad_sidecars_and_file_names_are_reported_and_the_rest_stored(runner, tmp_path) -> None:
    reasons = _hostile_inputs(tmp_path / "in")
    db = tmp_path / "s.sqlite3"
    code, report, stderr = ingest(runner, db, tmp_path / "in")
    assert code == 1  # some inputs failed
    errors = {Path(e["path"]).name: e["reason"] for e in report["errors"]}
    assert set(errors) == set(reasons)
    for name, words in reasons.items():
        assert words in errors[name], (name, errors[name])
    assert report["new_articles"] == 2 == stored_articles(db)  # z_good.txt and M\xfcnchen.txt
    warnings = [w["message"] for w in report["warnings"]]
    assert any("not UTF-8" in w and "M\\xfcnchen.txt" in w for w in warnings), warnings


def test_ingest_fixed_sidecar_is_applied_on_the_next_run(runner, tmp_path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("Kämpfe\n\nIn Aleppo wurde gekämpft.\n", encoding="utf-8")
    (folder / "a.txt.meta.json").write_text('{"date": 20161020}', encoding="utf-8")
    db = tmp_path / "s.sqlite3"
    assert ingest(runner, db, folder)[0] == 1
    (folder / "a.txt.meta.json").write_text('{"date": "2016-10-20"}', encoding="utf-8")
    code, report, _ = ingest(runner, db, folder)
    assert code == 0 and report["new_articles"] == 1
    with Store(db, create=False) as store:
        assert store.date_extent()[0] == "2016-10-20"


def test_ingest_title_at_the_limit_is_stored(runner, tmp_path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(GOOD, encoding="utf-8")
    (folder / "a.txt.meta.json").write_text(json.dumps({"title": "T" * MAX_TITLE_CHARS}), encoding="utf-8")
    code, report, _ = ingest(runner, tmp_path / "s.sqlite3", folder)
    assert code == 0 and report["new_articles"] == 1


# --- case 6: exit codes ------------------------------------------------------------------------------


def test_ingest_exit_codes_for_inputs(runner, tmp_path) -> None:
    db = tmp_path / "s.sqlite3"
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "empty.txt").write_text("", encoding="utf-8")
    (bad / "latin1.txt").write_bytes("In K\xf6ln".encode("latin-1"))
    assert ingest(runner, db, bad)[0] == 1  # every file failed
    code, report, _ = ingest(runner, db, tmp_path / "missing")
    assert code == 1 and report["errors"] == [{"path": str(tmp_path / "missing"), "reason": "no such file or folder"}]
    (tmp_path / "empty_dir").mkdir()
    code, report, _ = ingest(runner, db, tmp_path / "empty_dir")
    assert code == 1 and "no article files" in report["errors"][0]["reason"]
    assert ingest(runner, db, SEEDS_DIR)[:2][0] == 0  # all stored
    code, report, _ = ingest(runner, db, SEEDS_DIR)
    assert code == 0 and report["already_stored"] == 5  # all already stored


def test_ingest_locked_store_stops_at_once_with_exit_2(runner, tmp_path) -> None:
    db = tmp_path / "s.sqlite3"
    ingest(runner, db, SEEDS_DIR)
    holder = sqlite3.connect(db)
    try:
        holder.execute("BEGIN EXCLUSIVE")
        code, report, stderr = ingest(runner, db, article_copies(tmp_path / "more", 1),
                                      env={"GEOMAP_BUSY_TIMEOUT": "0.2"})
    finally:
        holder.rollback()
        holder.close()
    assert code == 2
    assert report["errors"] == [] and report["new_articles"] == 0
    assert "write lock" in report["stopped"]
    assert stderr.count("Error:") == 1 and "could not be written" in stderr


def test_ingest_newer_schema_is_refused_and_left_as_is(runner, tmp_path) -> None:
    db = tmp_path / "s.sqlite3"
    ingest(runner, db, SEEDS_DIR)
    conn = sqlite3.connect(db)
    with conn:
        conn.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", (str(SCHEMA_VERSION + 1),))
    conn.close()
    before = db.read_bytes()
    with pytest.raises(StoreTooNew, match="newer than this geomap"):
        Store(db)
    code, report, stderr = ingest(runner, db, SEEDS_DIR)
    assert code == 2 and "newer than this geomap" in stderr
    assert db.read_bytes() == before
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()[0] == str(SCHEMA_VERSION + 1)
    conn.close()


def test_ingest_store_folder_that_cannot_be_created_is_a_clear_error(runner, tmp_path) -> None:
    (tmp_path / "file").write_text("not a folder", encoding="utf-8")
    code, _, stderr = ingest(runner, tmp_path / "file" / "sub" / "s.sqlite3", SEEDS_DIR)
    assert code == 2 and "cannot create the folder of store" in stderr


# --- case 10: a damaged store ------------------------------------------------------------------------


def damage(db: Path, *, header: bool = False) -> None:
    """Overwrite bytes of the store: its header page, or pages in the middle."""
    size = db.stat().st_size
    offset = 0 if header else (size // 2) // 4096 * 4096
    with open(db, "r+b") as out:
        out.seek(offset)
        out.write(bytes(range(256)) * 32)


@pytest.mark.parametrize("header", [False, True], ids=["pages", "header"])
def test_ingest_into_a_damaged_store_is_refused_with_exit_2(runner, tmp_path, header: bool) -> None:
    db = tmp_path / "s.sqlite3"
    ingest(runner, db, article_copies(tmp_path / "in", 4))
    damage(db, header=header)
    before = db.read_bytes()
    code, report, stderr = ingest(runner, db, article_copies(tmp_path / "more", 1))
    assert code == 2
    assert "damaged" in stderr and stderr.count("Error:") == 1
    assert report.get("new_articles", 0) == 0
    assert db.read_bytes() == before  # nothing written into it


# --- disk full and read-only, for real (a tmpfs of our own) ------------------------------------------


@contextlib.contextmanager
def small_tmpfs(path: Path, size: str) -> Iterator[Path]:
    path.mkdir()
    if os.geteuid() != 0:
        pytest.skip("mounting a tmpfs needs root")
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(path)], capture_output=True)
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.decode(errors='replace').strip()}")
    try:
        yield path
    finally:
        subprocess.run(["umount", "-l", str(path)], check=False)


@pytest.mark.slow
def test_ingest_on_a_full_disk_stops_at_once_with_exit_2(runner, tmp_path) -> None:
    corpus = article_copies(tmp_path / "in", 40)  # 200 articles: far more than fit
    with small_tmpfs(tmp_path / "disk", "600k") as disk:
        db = disk / "s.sqlite3"
        code, report, stderr = ingest(runner, db, corpus)
        assert code == 2
        assert "disk is full" in report["stopped"]
        assert report["errors"] == []  # one message, not one per later article
        assert 0 < report["new_articles"] < report["files"]
        assert stderr.count("Error:") == 1
        assert report["new_articles"] == stored_articles(db)  # what was reported stored is stored, whole
        conn = sqlite3.connect(db)
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        conn.close()


@pytest.mark.slow
def test_ingest_on_a_read_only_store_stops_at_once_with_exit_2(runner, tmp_path) -> None:
    with small_tmpfs(tmp_path / "disk", "8m") as disk:
        db = disk / "s.sqlite3"
        assert ingest(runner, db, SEEDS_DIR)[0] == 0
        subprocess.run(["mount", "-o", "remount,ro", str(disk)], check=True)
        code, report, stderr = ingest(runner, db, article_copies(tmp_path / "more", 2))
        assert code == 2, stderr
        assert report.get("new_articles", 0) == 0, report
        assert "read-only" in stderr and stderr.count("Error:") == 1
        assert stored_articles(db, immutable=True) == 5
