"""The background build of the month views: started by the serving entry point, never by the app factory;
which views; and that their answers are kept before a visitor asks."""

import threading
import time

from geomap.filters import parse_filter
from geomap.web import create_app, serving_app
from geomap.web.answers import answer_cache
from geomap.web.warm import month_filters, warm_status
from tests.web_fixtures import seed_store

WAIT_SECONDS = 20  # a bound on waiting, not a claim about speed


def test_month_filters_are_the_latest_months_within_the_extent():
    filters = month_filters("2015-11-20", "2016-02-03", 3)
    assert [f.query_items() for f in filters] == [
        [("from", m), ("to", m)] for m in ("2016-02", "2016-01", "2015-12")
    ]
    assert filters[0] == parse_filter({"from": ["2016-02-01"], "to": ["2016-02-29"]})
    assert len(month_filters("2015-11-20", "2016-02-03", 99)) == 4
    assert month_filters(None, None, 5) == [] and month_filters("2016-01-01", "2016-01-31", 0) == []


def test_create_app_starts_no_thread_and_warms_nothing(tmp_path):
    before = set(threading.enumerate())
    app = create_app({"db": str(seed_store(tmp_path / "s.sqlite3")), "warm_months": 2})
    assert set(threading.enumerate()) == before
    assert warm_status(app)["state"] == "off" and answer_cache(app).builds == 0


def _wait_until_warm(app) -> dict:
    deadline = time.monotonic() + WAIT_SECONDS
    while warm_status(app)["state"] not in ("done", "failed") and time.monotonic() < deadline:
        time.sleep(0.02)
    return warm_status(app)


def test_serving_app_warms_month_views_and_reports_it(tmp_path):
    app = serving_app({"db": str(seed_store(tmp_path / "s.sqlite3")), "warm_months": 2})
    try:
        health = _wait_until_warm(app)
        assert health["state"] == "done" and health["views"] == 4, health  # all, the histogram, two months
        client = app.test_client()
        assert client.get("/healthz").get_json()["warm"]["state"] == "done"
        warmed = answer_cache(app).builds
        assert warmed == 4
        for query in ("from=2016-12&to=2016-12&detail=summary", "detail=summary&to=2016-11&from=2016-11&zoom=5",
                      "detail=summary"):
            assert client.get(f"/events.geojson?{query}").status_code == 200
        assert client.get("/api/histogram").status_code == 200
        assert answer_cache(app).builds == warmed  # all served from what the warm-up kept
    finally:
        app.extensions["geomap_warmer"].stop()


def test_warming_is_off_when_asked(tmp_path):
    app = serving_app({"db": str(seed_store(tmp_path / "s.sqlite3")), "warm_months": 0})
    assert app.test_client().get("/healthz").get_json()["warm"]["state"] == "off"
