"""Sources are public names, never server paths; one article's map through the `article` filter."""

from __future__ import annotations

import csv
import io
import shutil

import orjson
import pytest
from click.testing import CliRunner

from geomap.cli import main
from geomap.sources import file_source, public_file_name
from geomap.store import Store
from geomap.web import create_app
from tests.conftest import SEEDS_DIR

PAGES = ("/", "/embed", "/events.geojson", "/events.geojson?detail=summary", "/events.csv", "/api/histogram",
         "/healthz", "/openapi.json", "/?place=Aleppo", "/events.geojson?place=Aleppo&detail=full",
         "/oembed?url=http://localhost/", "/nowhere", "/events.geojson?from=2016-13")


@pytest.fixture(scope="module")
def seeded(tmp_path_factory):
    """The bundled seeds ingested by their absolute path, as `geomap serve` does."""
    db = tmp_path_factory.mktemp("store") / "s.sqlite3"
    result = CliRunner().invoke(main, ["--db", str(db), "--model", "none", "--geocoder", "off", "ingest",
                                       str(SEEDS_DIR.resolve())])
    assert result.exit_code == 0, result.output
    return db


@pytest.fixture(scope="module")
def client(seeded):
    return create_app({"db": str(seeded), "model": "none", "geocoder": "off"}).test_client()


def test_file_source_is_relative_to_the_folder_given(tmp_path):
    (tmp_path / "a" / "b").mkdir(parents=True)
    path = tmp_path / "a" / "b" / "x.txt"
    path.write_text("x")
    assert file_source(path, [tmp_path / "a"]) == "b/x.txt"
    assert file_source(path, [tmp_path / "elsewhere"]) == "x.txt"
    assert file_source(path) == "x.txt"


def test_public_file_name_drops_the_folders_of_absolute_paths():
    assert public_file_name("/srv/geomap/seeds/000_a.txt") == "000_a.txt"
    assert public_file_name("C:\\data\\x.txt") == "x.txt"
    assert public_file_name("https://example.org/a/b.html") == "https://example.org/a/b.html"
    assert public_file_name("sub/x.txt") == "sub/x.txt"


def test_no_response_names_a_server_path(client, seeded):
    """Every page and data answer is scanned for the seeds folder and the store's folder."""
    secrets = [str(SEEDS_DIR.resolve()), str(SEEDS_DIR), str(seeded.parent)]
    for path in PAGES:
        body = client.get(path).get_data(as_text=True)
        for secret in secrets:
            assert secret not in body, (path, secret)


def test_events_carry_the_source_name_title_url_and_publisher(client):
    events = [e for f in orjson.loads(client.get("/events.geojson").data)["features"] for e in f["properties"]["events"]]
    sources = {e["article"] for e in events}
    assert sources <= {p.name for p in SEEDS_DIR.glob("*.txt")} and len(sources) == 5
    assert all({"title", "url", "publisher"} <= set(e) for e in events)
    rows = list(csv.DictReader(io.StringIO(client.get("/events.csv").get_data(as_text=True))))
    assert {r["source"] for r in rows} == sources and "url" in rows[0] and "publisher" in rows[0]


def test_version_5_store_forgets_its_paths(seeded, tmp_path):
    """A store written before version 6 kept absolute paths: opening it keeps only the file names."""
    old = tmp_path / "old.sqlite3"
    shutil.copy(seeded, old)
    with Store(old) as store:
        store.connection.executescript(
            "UPDATE articles SET source = '/srv/private/seeds/' || source;"
            "UPDATE meta SET value = '5' WHERE key = 'schema_version';"
        )
    with Store(old) as store:
        sources = [r[0] for r in store.connection.execute("SELECT source FROM articles")]
        docs = b"".join(r[0] for r in store.connection.execute("SELECT doc FROM event_docs"))
    assert sources and all("/" not in s for s in sources)
    assert b"/srv/private" not in docs


def _places(client, query: str) -> set[str]:
    response = client.get("/events.geojson?" + query)
    assert response.status_code == 200, response.data[:200]
    return {f["properties"]["place"] for f in orjson.loads(response.data)["features"]}


def test_article_filter_by_id_or_source_name(client, seeded):
    with Store(seeded) as store:
        rows = store.connection.execute("SELECT id, source FROM articles ORDER BY source").fetchall()
    everything = _places(client, "")
    all_months = {m["month"]: m["count"] for m in client.get("/api/histogram").json["months"]}
    for article_id, source in rows:
        one = _places(client, "article=" + article_id)
        assert one and one <= everything
        assert _places(client, "article=" + source) == one
        assert _places(client, f"article={article_id}&detail=summary") == one
        events = orjson.loads(client.get(f"/events.geojson?article={article_id}").data)["features"]
        assert {e["article_id"] for f in events for e in f["properties"]["events"]} == {article_id}
        rows_csv = list(csv.DictReader(io.StringIO(client.get(f"/events.csv?article={article_id}").get_data(as_text=True))))
        assert rows_csv and {r["source"] for r in rows_csv} == {source}
        histogram = client.get(f"/api/histogram?article={article_id}").json
        one_months = {m["month"]: m["count"] for m in histogram["months"]}
        assert one_months or histogram["undated"]
        assert all(count <= all_months[month] for month, count in one_months.items())
    assert len({frozenset(_places(client, "article=" + a)) for a, _ in rows}) > 1  # the filter does filter
    assert _places(client, "article=no-such-article") == set()
    assert client.get("/api/histogram?article=no-such-article").json["months"] == []
    for path in ("/", "/embed"):
        assert client.get(f"{path}?article={rows[0][0]}&utm_source=x&fbclid=1").status_code == 200


def test_article_filter_refuses_overlong_values(client):
    response = client.get("/events.geojson?article=" + "x" * 3000)
    assert response.status_code == 400 and "article" in response.json["error"]["message"]
