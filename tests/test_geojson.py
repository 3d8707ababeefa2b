"""Event rows -> RFC 7946 FeatureCollection (lon/lat order, one feature per place)."""

import json

from geomap import geojson
from geomap.filters import parse_filter
from geomap.store import Store
from tests.web_fixtures import seed_store


def _collection(tmp_path, detail="full", **args):
    flt = parse_filter({k: [v] for k, v in args.items()})
    with Store(seed_store(tmp_path / "s.sqlite3")) as store:
        return json.loads(b"".join(geojson.from_store(store, flt, detail)))


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
        data = b"".join(geojson.from_store(store, parse_filter({})))
    assert "Kämpfe".encode() in data and b"\\u00e4" not in data


def test_summary_detail_has_counts_and_no_events(tmp_path):
    fc = _collection(tmp_path, detail="summary")
    assert fc["geomap"]["detail"] == "summary"
    aleppo = next(f for f in fc["features"] if f["properties"]["place"] == "Aleppo")
    props = aleppo["properties"]
    assert "events" not in props
    assert props["type_counts"] == {"explosions_remote_violence": 1, "humanitarian": 1}
    assert props["event_count"] == sum(props["type_counts"].values()) == 2
    assert props["main_type"] in props["type_counts"]
    assert (props["date_first"], props["date_last"]) == ("2016-10-19", "2016-12-31")


def test_full_detail_lists_as_many_events_as_counted_in_date_order(tmp_path):
    for args in ({}, {"from": "2016-12"}, {"type": "humanitarian"}, {"limit": "3"}, {"role": "location,actor"}):
        fc = _collection(tmp_path / str(len(args)) / "x", **args)
        assert fc["geomap"]["event_count"] == sum(len(f["properties"]["events"]) for f in fc["features"])
        for feature in fc["features"]:
            events = feature["properties"]["events"]
            assert len(events) == feature["properties"]["event_count"], args
            starts = [e["date_start"] or "" for e in events]
            assert starts == sorted(starts)
    limited = _collection(tmp_path / "limit", limit="2")
    assert limited["geomap"]["event_count"] == 2


def test_whole_place_and_filtered_reads_give_the_same_events(tmp_path):
    """No filter reads the clustered documents; listing every type goes through the filtered events."""
    from geomap.event_types import EVENT_TYPES

    plain = _collection(tmp_path / "a", **{"include_undated": "1"})
    every_type = _collection(tmp_path / "b", type=",".join(row[0] for row in EVENT_TYPES))
    strip = lambda fc: [(f["id"], f["properties"]["events"]) for f in fc["features"]]  # noqa: E731
    assert strip(plain) == strip(every_type)
