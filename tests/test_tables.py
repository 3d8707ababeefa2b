"""CSV downloads (plain and German Excel), their file names, the GeoPackage, and the offline basemap tiles."""

from __future__ import annotations

import csv
import io
import sqlite3
from dataclasses import replace

import orjson
import pytest

from geomap.basemap import Basemap, bundled_basemap
from geomap.filters import parse_filter
from geomap.store import Store
from geomap.tables import CSV_COLUMNS, csv_chunks, download_name
from geomap.web import create_app
from tests.web_fixtures import seed_store


@pytest.fixture(scope="module")
def seeded(tmp_path_factory):
    return seed_store(tmp_path_factory.mktemp("tables") / "events.sqlite3")


@pytest.fixture
def client(seeded):
    return create_app({"db": str(seeded)}).test_client()


def _rows(seeded, **args):
    with Store(seeded) as store:
        return store.find_events(parse_filter({k: [v] for k, v in args.items()}))


def _table(chunks, delimiter=","):
    return list(csv.reader(io.StringIO(b"".join(chunks).decode("utf-8-sig")), delimiter=delimiter))


def test_csv_chunks_neutralise_formulas(seeded):
    rows = _rows(seeded)
    rows = [replace(rows[0], place_name='=HYPERLINK("http://x")')] + rows[1:]
    table = _table(csv_chunks(rows))
    assert table[0] == list(CSV_COLUMNS)
    assert table[1][1].startswith("'=")


def test_csv_chunks_carry_confidence_source_and_every_evidence_sentence(seeded):
    row = _rows(seeded)[0]
    evidence = [{"sentence": "Erster Satz."}, {"sentence": "Zweiter Satz über Aleppo."}]
    row = replace(row, evidence_json=orjson.dumps(evidence).decode(), confidence=0.75)
    record = dict(zip(CSV_COLUMNS, _table(csv_chunks([row]))[1]))
    assert record["sentences"] == "Erster Satz. | Zweiter Satz über Aleppo."
    assert record["confidence"] == "0.75"
    assert record["source"] == row.article_source


def test_csv_excel_dialect_is_what_german_excel_opens(seeded):
    rows = _rows(seeded)
    data = b"".join(csv_chunks(rows, "excel"))
    assert data.startswith(b"\xef\xbb\xbf")  # UTF-8 byte order mark
    table = _table([data], delimiter=";")
    assert table[0][:5] == ["Ereignis-ID", "Ort", "Land", "Breite", "Länge"]
    record = dict(zip(table[0], table[1]))
    assert "," in record["Breite"] and "." not in record["Breite"]  # decimal comma
    assert float(record["Breite"].replace(",", ".")) == pytest.approx(rows[0].lat)
    assert len(table) == len(rows) + 1


def test_csv_is_the_same_whatever_the_chunking(seeded, monkeypatch):
    rows = _rows(seeded)
    whole = b"".join(csv_chunks(rows))
    monkeypatch.setattr("geomap.tables.ROWS_PER_CHUNK", 1)
    chunks = list(csv_chunks(rows))
    assert len(chunks) == len(rows) + 1 and b"".join(chunks) == whole


@pytest.mark.parametrize(("query", "name"), [
    ({"from": "2016-10", "to": "2016-12"}, "geomap-2016-10_2016-12.csv"),
    ({"from": "2016-10"}, "geomap-ab-2016-10.csv"),
    ({"to": "2016-12-31"}, "geomap-bis-2016-12.csv"),  # the whole month, named canonically
    ({"to": "2016-12-30"}, "geomap-bis-2016-12-30.csv"),
    ({}, "geomap-alle.csv"),
    ({"from": "2016-12", "to": "2016-12", "type": "battles,humanitarian"}, "geomap-2016-12_2016-12-battles-humanitarian.csv"),
    ({"place": "Homs <img src=x>"}, "geomap-alle-Homs-img-src-x.csv"),
])
def test_download_name_says_the_filter(query, name):
    assert download_name(parse_filter({k: [v] for k, v in query.items()}), "csv") == name


def test_csv_view_streams_both_dialects_with_a_filter_name(client):
    response = client.get("/events.csv?from=2016-10&to=2016-12&dialect=excel&download=1")
    assert response.status_code == 200
    assert response.is_streamed
    assert response.mimetype == "text/csv"
    assert response.headers["Content-Disposition"] == "attachment; filename=geomap-2016-10_2016-12.csv"
    table = _table([response.data], delimiter=";")
    assert table[0][0] == "Ereignis-ID" and len(table) > 2
    plain = _table([client.get("/events.csv?from=2016-10&to=2016-12").data])
    assert [r[0] for r in plain[1:]] == [r[0] for r in table[1:]]


def test_csv_view_refuses_an_unknown_dialect(client):
    response = client.get("/events.csv?dialect=lotus")
    assert response.status_code == 400
    assert "dialect" in response.get_json()["error"]["message"]


def test_gpkg_download_is_a_point_layer_with_every_event(client, seeded, tmp_path):
    fiona = pytest.importorskip("fiona")
    response = client.get("/events.gpkg?from=2016-12&to=2016-12")
    assert response.status_code == 200
    assert response.headers["Content-Disposition"] == "attachment; filename=geomap-2016-12_2016-12.gpkg"
    path = tmp_path / "x.gpkg"
    path.write_bytes(response.data)
    response.close()  # closes the sent file, as a WSGI server does
    with fiona.open(path, layer="events") as layer:
        features = list(layer)
        assert layer.crs.to_epsg() == 4326
    rows = _rows(seeded, **{"from": "2016-12", "to": "2016-12"})
    assert len(features) == len(rows)
    aleppo = next(f for f in features if f.properties["place"] == "Aleppo")
    lon, lat = aleppo.geometry.coordinates
    assert (round(lat, 2), round(lon, 2)) == (36.20, 37.13)


# --- the offline basemap --------------------------------------------------------------------------


def test_basemap_is_installed_with_geomap():
    assert bundled_basemap() is not None


def test_tiles_are_served_with_the_tms_row_flipped(client):
    path = bundled_basemap()
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as db:
        def tms(z, x, row):
            return bytes(db.execute("SELECT tile_data FROM tiles WHERE zoom_level=? AND tile_column=? AND tile_row=?",
                                    (z, x, row)).fetchone()[0])
        north_west = client.get("/tiles/1/0/0.png")
        assert north_west.status_code == 200 and north_west.mimetype == "image/png"
        assert north_west.data == tms(1, 0, 1)  # XYZ row 0 (north) is TMS row 1 at zoom 1
        assert north_west.data != tms(1, 0, 0)
        assert client.get("/tiles/6/10/20.png").data == tms(6, 10, 63 - 20)
    assert north_west.headers["Cache-Control"].startswith("public")
    again = client.get("/tiles/1/0/0.png", headers={"If-None-Match": north_west.headers["ETag"]})
    assert again.status_code == 304


@pytest.mark.parametrize("path", ["/tiles/7/0/0.png", "/tiles/2/4/0.png", "/tiles/2/0/4.png", "/tiles/-1/0/0.png"])
def test_tiles_outside_the_basemap_are_404(client, path):
    assert client.get(path).status_code == 404


def test_basemap_reads_a_tile_by_xyz(tmp_path):
    basemap = Basemap(bundled_basemap())
    assert basemap.tile(0, 0, 0)[:8] == b"\x89PNG\r\n\x1a\n"
    assert basemap.tile(7, 0, 0) is None


def test_pages_use_the_offline_basemap_by_default(client):
    html = client.get("/").get_data(as_text=True)
    assert "/tiles/{z}/{x}/{y}.png" in html
    assert "tile.openstreetmap.org" not in html
    assert "OpenStreetMap" in html
    assert '"maxNativeZoom": 6' in html
