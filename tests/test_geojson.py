"""Event rows -> RFC 7946 FeatureCollection (lon/lat order, one feature per place) and CSV."""

import csv
import io
import json

from geomap import geojson
from geomap.filters import parse_filter
from geomap.store import Store
from tests.web_fixtures import seed_store


def _collection(tmp_path, **args):
    flt = parse_filter({k: [v] for k, v in args.items()})
    with Store(seed_store(tmp_path / "s.sqlite3")) as store:
        return json.loads(geojson.dumps(geojson.feature_collection(store.find_events(flt), flt)))


def test_feature_collection_one_feature_per_place_lon_lat(tmp_path):
    fc = _collection(tmp_path, **{"from": "2016-10", "to": "2016-12"})
    names = [f["properties"]["place"] for f in fc["features"]]
    assert len(names) == len(set(names))
    aleppo = next(f for f in fc["features"] if f["properties"]["place"] == "Aleppo")
    lon, lat = aleppo["geometry"]["coordinates"]
    assert (round(lat, 2), round(lon, 2)) == (36.20, 37.13)
    assert aleppo["properties"]["event_count"] == 2
    assert {e["date"] for e in aleppo["properties"]["events"]} == {"2016-10-19", "2016-12"}


def test_feature_collection_carries_evidence_and_filter(tmp_path):
    fc = _collection(tmp_path, **{"from": "2016-12"})
    assert fc["geomap"]["filter"]["from"] == "2016-12-01"
    event = fc["features"][0]["properties"]["events"][0]
    evidence = event["evidence"][0]
    assert evidence["sentence"][evidence["mention_start"] - evidence["sent_start"]:][:3] == evidence["surface"][:3]
    assert event["date_precision"] in {"day", "month"}


def test_dumps_is_utf8_json(tmp_path):
    with Store(seed_store(tmp_path / "s.sqlite3")) as store:
        data = geojson.dumps(geojson.feature_collection(store.find_events(parse_filter({}))))
    assert "Kämpfe".encode() in data and b"\\u00e4" not in data


def test_events_csv_neutralises_formulas(tmp_path):
    from dataclasses import replace

    with Store(seed_store(tmp_path / "s.sqlite3")) as store:
        rows = store.find_events(parse_filter({}))
    rows = [replace(rows[0], place_name="=HYPERLINK(\"http://x\")")] + rows[1:]
    table = list(csv.reader(io.StringIO(geojson.events_csv(rows))))
    assert table[0][0] == "event_id"
    assert table[1][1].startswith("'=")
