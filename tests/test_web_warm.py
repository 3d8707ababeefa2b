"""The background build of the month views: which URLs, and that their answers are kept before a visitor asks."""

import time

from geomap import geojson
from geomap.web import create_app
from geomap.web.warm import month_views
from tests.web_fixtures import seed_store


def test_month_views_are_the_latest_months_within_the_extent():
    views = month_views("2015-11-20", "2016-02-03", 3)
    assert views[:2] == ["/events.geojson?detail=summary", "/api/histogram"]
    assert [v.split("from=")[1][:7] for v in views[2:]] == ["2016-02", "2016-01", "2015-12"]
    assert len(month_views("2015-11-20", "2016-02-03", 99)) == 2 + 4
    assert month_views(None, None, 5) == [] and month_views("2016-01-01", "2016-01-31", 0) == []


def test_app_warms_month_views_and_reports_it(tmp_path, monkeypatch):
    builds = []
    build = geojson.from_store
    monkeypatch.setattr(geojson, "from_store", lambda *args: builds.append(args[1]) or build(*args))
    app = create_app({"db": str(seed_store(tmp_path / "s.sqlite3")), "warm_months": 2})
    client = app.test_client()
    deadline = time.monotonic() + 20
    while client.get("/healthz").get_json()["warm"]["state"] != "done" and time.monotonic() < deadline:
        time.sleep(0.05)
    health = client.get("/healthz").get_json()["warm"]
    assert health["state"] == "done" and health["views"] == 4, health  # all, the histogram, two months
    warmed = len(builds)
    response = client.get("/events.geojson?from=2016-12&to=2016-12&detail=summary",
                          headers={"Accept-Encoding": "gzip"})
    assert response.status_code == 200 and response.headers["Content-Encoding"] == "gzip"
    assert len(builds) == warmed == 3, builds  # served from what the warm-up kept: no new build


def test_warming_is_off_when_asked(tmp_path):
    app = create_app({"db": str(seed_store(tmp_path / "s.sqlite3")), "warm_months": 0})
    assert app.test_client().get("/healthz").get_json()["warm"]["state"] == "off"
