"""The hostile corpus (tests/hostile/ plus generated cases and the seeds), ingested once for the modules that
test what hostile input does to the store, the API, the pages and the browser (fixture `hostile_run`)."""

from __future__ import annotations

import shutil
import time
from dataclasses import dataclass
from pathlib import Path

import orjson

from geomap.config import load_settings
from geomap.ingest import IngestReport, article_files, ingest_files
from geomap.pipeline import build_geoparser
from geomap.store import Store

HOSTILE_DIR = Path(__file__).resolve().parent / "hostile"
SEEDS_DIR = Path(__file__).resolve().parent.parent / "seeds"
PAYLOAD_NAME = "\"><img src=x onerror=window.__xss=11>.txt"
SIDECAR_TITLE = "Titel </script><script>window.__xss=12</script>"


@dataclass(frozen=True)
class HostileRun:
    db: Path
    folder: Path
    report: IngestReport
    seconds: float


def _write_generated(folder: Path) -> None:
    """The cases too big or too odd to keep in the repository."""
    paragraph = ("In Aleppo wurden am Dienstag Stellungen bombardiert <script>window.__xss=13</script>, "
                 "in Genf wurde verhandelt.\n\n").encode()
    with (folder / "big_20mb.txt").open("wb") as out:
        out.write(b"date 2016-10-20\n\nRiesige Datei aus Aleppo\n\n")
        chunk = paragraph * (1_000_000 // len(paragraph))
        for _ in range(20):
            out.write(chunk)
    # one line longer than spaCy's max_length (1,000,000 characters)
    line = "In Aleppo wurde gekämpft. " * 46_000
    (folder / "spacy_max_length_line.txt").write_text(f"date 2016-10-20\n\nZeile\n\n{line}\n", encoding="utf-8")
    (folder / PAYLOAD_NAME).write_text(
        "date 2016-11-02\n\nDateiname als Angriff\n\nIn Homs wurde am Montag gekämpft.\n", encoding="utf-8")
    (folder / "script_tag.txt.meta.json").write_bytes(orjson.dumps({"title": SIDECAR_TITLE}))


def ingest_hostile_corpus(tmp_path_factory) -> HostileRun:
    """Copy the hostile files, the generated ones and the seeds to a folder and ingest them into a new store."""
    folder = tmp_path_factory.mktemp("hostile")
    for path in sorted(HOSTILE_DIR.glob("*.txt")) + sorted(SEEDS_DIR.glob("*.txt")):
        shutil.copy(path, folder / path.name)
    _write_generated(folder)
    db = tmp_path_factory.mktemp("hostile-store") / "events.sqlite3"  # its own: two modules use this fixture
    files, missing = article_files([folder])
    assert not missing
    geoparser = build_geoparser(load_settings({"model": "none", "geocoder": "off"}, environ={}))
    started = time.monotonic()
    with Store(db) as store:
        report = ingest_files(files, store, geoparser)
    return HostileRun(db, folder, report, time.monotonic() - started)
