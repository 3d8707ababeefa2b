"""GDAL's ogrinfo reads the downloaded GeoJSON: right feature count, Point geometry (issue 5's interop check)."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from geomap.web import create_app
from tests.web_fixtures import seed_store

OGRINFO = shutil.which("ogrinfo")
pytestmark = pytest.mark.skipif(OGRINFO is None, reason="ogrinfo (Debian gdal-bin) is not installed")


def _ogrinfo_summary(path: Path) -> str:
    result = subprocess.run([OGRINFO, "-ro", "-al", "-so", str(path)], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    return result.stdout


@pytest.mark.parametrize("query", ["", "&from=2016-12&to=2016-12", "&include_undated=1"])
def test_ogrinfo_reads_downloaded_geojson(tmp_path: Path, query: str) -> None:
    app = create_app({"db": str(seed_store(tmp_path / "events.sqlite3", extra_events=30))})
    response = app.test_client().get(f"/events.geojson?download=1{query}")
    assert response.status_code == 200
    assert response.mimetype == "application/geo+json"
    assert "attachment" in response.headers["Content-Disposition"]
    features = json.loads(response.data)["features"]
    assert features, "the fixture view should not be empty"
    path = tmp_path / "geomap-events.geojson"
    path.write_bytes(response.data)

    summary = _ogrinfo_summary(path)

    count = re.search(r"^Feature Count: (\d+)$", summary, re.MULTILINE)
    assert count is not None, summary
    assert int(count.group(1)) == len(features)
    assert re.search(r"^Geometry: Point$", summary, re.MULTILINE), summary
