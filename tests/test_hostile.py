"""Hostile articles (tests/hostile/*.txt plus a few made here) ingested next to the seeds.

Each hostile file puts an attack payload next to real place names, so the payload lands in stored titles,
evidence sentences and sources, and from there in the GeoJSON and the popups. Every payload that would run
sets `window.__xss`. Broken files are reported with their reason and skipped; the rest are stored verbatim
(escaping happens on output, never by mangling the data). The HTML pages never carry a payload unescaped.
"""

from __future__ import annotations

import re
from pathlib import Path

import orjson
import pytest

from geomap.filters import EventFilter
from geomap.ingest import article_files
from geomap.store import Store
from geomap.web import create_app
from tests.hostile_corpus import HOSTILE_DIR, PAYLOAD_NAME, SIDECAR_TITLE, HostileRun

INGEST_BOUND = 60.0

# file name -> words its rejection reason must contain
REJECTED = {
    "binary.txt": "binary",
    "empty.txt": "empty",
    "whitespace_only.txt": "empty",
    "non_utf8.txt": "not UTF-8",
    "nul_bytes.txt": "NUL",
    "utf16.txt": "NUL",
    "big_20mb.txt": "too large",
    "spacy_max_length_line.txt": "too large",
}
# Raw payload fragments that must never appear in an HTML page as markup (escaped text is fine).
RAW_PAYLOADS = (
    "<script>window.__xss", "<SCRIPT SRC", "</script><script>", "<img src=x onerror", "<svg onload",
    "<iframe src=javascript", "\" onmouseover=\"", "'><svg", "\"><img", "{{constructor", "{{ config }}",
    "\u2028window.__xss", "\u202ewindow.__xss",
)
JS_URL_ATTRIBUTE = re.compile(r"""(href|src|action|formaction)\s*=\s*["']?\s*javascript:""", re.IGNORECASE)


@pytest.fixture(scope="module")
def client(hostile_run: HostileRun):
    return create_app({"db": str(hostile_run.db)}).test_client()


def _stored_sources(db: Path) -> dict[str, int]:
    """Stored article file name -> its event count."""
    with Store(db) as store:
        rows = store.find_events(EventFilter(roles=("location", "actor")))
    counts: dict[str, int] = {}
    for row in rows:
        name = Path(row.article_source).name
        counts[name] = counts.get(name, 0) + 1
    return counts


def test_hostile_ingest_finishes_in_bounded_time(hostile_run: HostileRun) -> None:
    assert hostile_run.seconds < INGEST_BOUND


def test_hostile_broken_files_are_reported_with_reason(hostile_run: HostileRun) -> None:
    errors = {Path(path).name: reason for path, reason in hostile_run.report.errors}
    assert set(errors) == set(REJECTED)
    for name, words in REJECTED.items():
        assert words in errors[name], (name, errors[name])


def test_hostile_other_files_are_stored_with_events(hostile_run: HostileRun) -> None:
    files, _ = article_files([hostile_run.folder])
    expected = {p.name for p in files} - set(REJECTED)
    assert hostile_run.report.new_articles == len(expected)
    stored = _stored_sources(hostile_run.db)
    assert set(stored) == expected  # every stored hostile article became at least one event
    with Store(hostile_run.db) as store:
        assert store.stats().articles == len(expected)


def test_hostile_sql_strings_are_data(hostile_run: HostileRun) -> None:
    with Store(hostile_run.db) as store:
        rows = store.find_events(EventFilter(place="' OR 1=1 --"))
        assert rows == []
        everything = store.find_events(EventFilter(roles=("location", "actor")))
    sentences = [e["sentence"] for r in everything for e in r.evidence]
    assert any("'; DROP TABLE events; --" in s for s in sentences)


def test_hostile_geojson_is_valid_and_keeps_payloads_as_text(client) -> None:
    response = client.get("/events.geojson")
    assert response.status_code == 200
    data = orjson.loads(response.data)  # raises on invalid JSON (\u2028, NUL, RTL marks included)
    assert data["type"] == "FeatureCollection"
    text = response.data.decode("utf-8")
    assert "<script>window.__xss=1;alert(1)</script>" in text  # stored verbatim, escaped only on output
    assert "\u2028window.__xss=5\u2029" in text
    titles = {e["title"] for f in data["features"] for e in f["properties"]["events"]}
    assert SIDECAR_TITLE in titles
    sources = {Path(e["article"]).name for f in data["features"] for e in f["properties"]["events"]}
    assert PAYLOAD_NAME in sources
    assert response.headers["X-Content-Type-Options"] == "nosniff"


@pytest.mark.parametrize(
    "url",
    [
        "/",
        "/embed",
        "/?place=%3Cscript%3Ewindow.__xss%3D1%3C%2Fscript%3E",
        "/embed?title=%3Cscript%3Ewindow.__xss%3D1%3C%2Fscript%3E&legend=1",
        "/embed?title=%22%3E%3Cimg%20src%3Dx%20onerror%3Dwindow.__xss%3D2%3E",
        "/embed?title=%3C%2Fscript%3E%3Cscript%3Ewindow.__xss%3D5%3C%2Fscript%3E",
        "/?place=%E2%80%A8window.__xss%3D5&from=2016-10",
        "/?type=%3Csvg%20onload%3Dwindow.__xss%3D4%3E",
        "/?from=%27%3E%3Csvg%20onload%3Dwindow.__xss%3D4%3E",
        "/embed?place=%7B%7B%20config%20%7D%7D",
        "/?title=javascript%3Awindow.__xss%3D3",
        "/nowhere%3Cscript%3Ewindow.__xss%3D1%3C%2Fscript%3E",
    ],
)
def test_hostile_pages_never_contain_a_raw_payload(client, url: str) -> None:
    response = client.get(url)
    assert response.status_code in (200, 400, 404)
    assert response.mimetype == "text/html"
    html = response.data.decode("utf-8")
    for payload in RAW_PAYLOADS:
        assert payload not in html, payload
    assert not JS_URL_ATTRIBUTE.search(html)
    assert "Traceback" not in html


def test_hostile_oembed_escapes_its_iframe(client) -> None:
    url = "http://localhost/embed?title=%22%3E%3Cscript%3Ewindow.__xss%3D1%3C%2Fscript%3E"
    response = client.get("/oembed", query_string={"url": url})
    assert response.status_code == 200
    html = response.get_json()["html"]
    assert html.startswith("<iframe ") and html.count("<") == 2  # <iframe ...></iframe>, nothing injected
    assert "<script" not in html


def test_hostile_csv_neutralises_formulas(client) -> None:
    response = client.get("/events.csv")
    assert response.status_code == 200
    for line in response.data.decode("utf-8").splitlines():
        for cell in line.split(","):
            assert not cell.startswith(("=", "+", "@")), cell
