"""The geomap command: ingest (summary, errors reported, idempotent), export, parse contract, eval."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from geomap.cli import main
from tests.conftest import GOLD_PATH, SEEDS_DIR


@pytest.fixture
def runner():
    return CliRunner()


def _invoke(runner, db, *args, input=None):
    return runner.invoke(main, ["--db", str(db), "--model", "none", "--geocoder", "off", *args], input=input)


def test_cli_ingest_reports_and_skips_broken_files(runner, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text("date 2016-10\nIn Aleppo wurde gekämpft.", encoding="utf-8")
    (folder / "latin1.txt").write_bytes("In K\xf6ln".encode("latin-1"))
    (folder / "empty.txt").write_text("", encoding="utf-8")
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02PNG\x00")
    result = _invoke(runner, tmp_path / "s.sqlite3", "ingest", str(folder))
    assert result.exit_code == 1, result.output  # some inputs failed
    assert "4 files: 1 new articles" in result.output
    assert "3 errors" in result.output
    assert "recognizer: rules" in result.output


def test_cli_ingest_twice_adds_nothing(runner, tmp_path):
    db = tmp_path / "s.sqlite3"
    first = _invoke(runner, db, "ingest", "--json", str(SEEDS_DIR))
    second = _invoke(runner, db, "ingest", "--json", str(SEEDS_DIR))
    one = json.loads(first.output.strip().splitlines()[-1])
    two = json.loads(second.output.strip().splitlines()[-1])
    assert one["new_articles"] == 5 and one["events"] > 20
    assert two["new_articles"] == 0 and two["already_stored"] == 5 and two["events"] == 0


def test_cli_export_filters_by_month(runner, tmp_path):
    db = tmp_path / "s.sqlite3"
    _invoke(runner, db, "ingest", str(SEEDS_DIR))
    out = tmp_path / "dec.geojson"
    result = _invoke(runner, db, "export", "--from", "2016-12", "--to", "2016-12", "-o", str(out))
    assert result.exit_code == 0, result.output
    places = {f["properties"]["place"] for f in json.loads(out.read_text())["features"]}
    assert {"Aleppo", "Paris", "Palmyra"} <= places
    assert "Geneva" not in places  # Genf is October's (and the undated articles')


def test_cli_export_bad_date_is_a_clear_error(runner, tmp_path):
    result = _invoke(runner, tmp_path / "s.sqlite3", "export", "--from", "2016-13")
    assert result.exit_code != 0 and "out of range" in result.output


def test_cli_parse_contract(runner, tmp_path):
    lines = [
        {"id": "a", "text": "Russland wies dies zurück. In Aleppo wurde gekämpft."},
        {"id": "b", "text": ""},
        {"id": "c", "text": "Keine Orte hier.", "date": "2016-10"},
    ]
    data = "\n".join(json.dumps(x, ensure_ascii=False) for x in lines) + "\nnot json\n"
    result = _invoke(runner, tmp_path / "s.sqlite3", "parse", "--jsonl", "-", input=data)
    out = [json.loads(line) for line in result.stdout.strip().splitlines()]
    assert [o["id"] for o in out] == ["a", "b", "c", None]
    places = out[0]["places"]
    text = lines[0]["text"]
    for p in places:
        assert text[p["start"]:p["end"]] == p["surface"]
        assert set(p) == {"start", "end", "surface", "name", "lat", "lon", "country", "role", "source"}
    assert [(p["surface"], p["role"], p["source"]) for p in places] == [
        ("Russland", "actor", "gazetteer"), ("Aleppo", "location", "gazetteer")
    ]
    assert out[1]["places"] == [] and out[2]["places"] == []


@pytest.mark.skipif(not GOLD_PATH.exists(), reason="shared gold not beside the project")
def test_cli_eval_on_seed_gold_meets_targets(runner, tmp_path):
    result = _invoke(runner, tmp_path / "s.sqlite3", "eval", "--json", str(GOLD_PATH))
    report = json.loads(result.stdout)
    assert report["recognition_exact"]["f1"] >= 0.95
    assert report["resolution"]["acc@161"] >= 0.98
    assert report["resolution"]["median_km"] == 0
    assert report["actor"]["f1"] >= 0.85
    assert report["boilerplate_leaks"] == 0


def test_cli_compact_reports_sizes_and_keeps_the_events(runner, tmp_path):
    db = tmp_path / "s.sqlite3"
    _invoke(runner, db, "ingest", str(SEEDS_DIR))
    before = _invoke(runner, db, "export").output
    result = _invoke(runner, db, "compact")
    assert result.exit_code == 0, result.output
    assert "compacted" in result.output and "MB ->" in result.output
    assert _invoke(runner, db, "export").output == before
