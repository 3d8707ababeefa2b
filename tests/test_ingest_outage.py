"""Geocoder outages during ingest: every article is kept, the names it could not place are recorded with
the reason, and `geomap geocode --retry` places them once the service is back, never faster than min_delay.

The geocoder is the local Nominatim look-alike (tests/nominatim_server.py) in each of its failure modes.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from geomap.cli import main
from geomap.config import load_settings
from geomap.geocode import make_geocoder
from geomap.ingest import article_files, ingest_files
from geomap.nlp import Recognizer, build_recognizer
from geomap.pipeline import Geoparser
from geomap.retry import retry_unresolved
from geomap.store import Store
from tests.conftest import SEEDS_DIR
from tests.nominatim_server import KNOWN_PLACES, NominatimServer, _place

MIN_DELAY = 0.2
TIMEOUT = 0.5
COOLDOWN = 0.3
INGEST_BOUND = 20.0  # seconds: an outage may slow an ingest down, never stall it

# Names the gazetteer lacks, found by the rule path (designator + capitalised name), known to the server.
UNKNOWN = {
    "zawiyat brumana": _place(201, ("node", 9000001), "35.7021", "36.6012", "Zawiyat Brumana",
                              "Zawiyat Brumana, Gouvernement Idlib, Syrien", "place", "village", "village", 0.2, "sy"),
    "bab qaltunya": _place(202, ("node", 9000002), "36.2461", "36.6770", "Bab Qaltunya",
                           "Bab Qaltunya, Gouvernement Idlib, Syrien", "place", "hamlet", "hamlet", 0.1, "sy"),
    "tell marduch": _place(203, ("node", 9000003), "36.0040", "37.1120", "Tell Marduch",
                           "Tell Marduch, Gouvernement Aleppo, Syrien", "place", "village", "village", 0.2, "sy"),
}
ARTICLES = {
    "brumana.txt": "date 2016-10-20\n\nAngriff bei Idlib\n\nNahe der Ortschaft Zawiyat Brumana griffen Kämpfer "
                   "am Dienstag einen Kontrollpunkt an. In Aleppo wurde weiter gekämpft.\n",
    "qaltunya.txt": "date 2016-11-03\n\nGrenze geschlossen\n\nDer Grenzübergang Bab Qaltunya wurde am Mittwoch "
                    "geschlossen. Aus Idlib flohen Hunderte.\n",
    "marduch.txt": "date 2016-12-01\n\nDorf beschossen\n\nDas Dorf Tell Marduch wurde am Donnerstag beschossen, "
                   "meldeten Aktivisten aus Aleppo.\n",
}
NAMES = {"Zawiyat Brumana", "Bab Qaltunya", "Tell Marduch"}
# mode -> the reason an unresolved name carries (after the first failure the breaker answers for the service)
REASONS = {
    "timeout": "timeout",
    "hang": "timeout",
    "429": "http 429",
    "503": "http 503",
    "500": "http 500",
    "bad-json": "bad json",
    "reset": "connection reset",
}


@pytest.fixture(scope="module")
def recognizer() -> Recognizer:
    """The rule-based recognizer, built once for the module (what `--model none` builds)."""
    return build_recognizer("none")


@pytest.fixture
def server() -> Iterator[NominatimServer]:
    # "timeout" answers after 3 s: far beyond the client's 0.5 s, short enough for a quick teardown
    nominatim = NominatimServer(places={**KNOWN_PLACES, **UNKNOWN}, slow_seconds=3.0).start()
    try:
        yield nominatim
    finally:
        nominatim.stop()
    if nominatim.errors:
        raise RuntimeError(f"test Nominatim server crashed: {nominatim.errors!r}")


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "articles"
    folder.mkdir()
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def settings_for(server: NominatimServer, db: Path) -> dict:
    return load_settings(
        {
            "db": str(db), "model": "none", "geocoder": "nominatim", "geocoder_scheme": "http",
            "geocoder_domain": server.domain, "geocoder_timeout": TIMEOUT, "geocoder_min_delay": MIN_DELAY,
            "geocoder_cooldown": COOLDOWN, "geocoder_budget": 10.0, "user_agent": "geomap-tests/1.0 (outage suite)",
        },
        environ={},
    )


def geoparser_for(settings: dict, store: Store, recognizer: Recognizer) -> Geoparser:
    from geomap.gazetteer import load_gazetteer

    return Geoparser(recognizer, load_gazetteer(None), make_geocoder(settings, store))


def unresolved_rows(db: Path) -> dict[str, str]:
    conn = sqlite3.connect(db)
    try:
        return dict(conn.execute("SELECT surface, reason FROM unresolved"))
    finally:
        conn.close()


def geocoded_places(db: Path) -> set[str]:
    conn = sqlite3.connect(db)
    try:
        return {r[0] for r in conn.execute(
            "SELECT DISTINCT p.name FROM events e JOIN places p ON p.id = e.place_id WHERE p.source = 'geocoder'")}
    finally:
        conn.close()


def assert_spaced(server: NominatimServer) -> None:
    """Nominatim policy: requests never closer together than min_delay (arrival times at the server)."""
    times = [r.at for r in server.requests]
    gaps = [b - a for a, b in zip(times, times[1:])]
    assert all(gap >= MIN_DELAY - 0.01 for gap in gaps), gaps


@pytest.mark.parametrize("mode", sorted(REASONS))
def test_outage_loses_no_article_and_retry_resolves(
    mode: str, server: NominatimServer, corpus: Path, tmp_path: Path, recognizer: Recognizer
) -> None:
    db = tmp_path / "events.sqlite3"
    settings = settings_for(server, db)
    files, _ = article_files([corpus, SEEDS_DIR])
    server.set_mode(mode)
    with Store(db) as store:
        started = time.monotonic()
        report = ingest_files(files, store, geoparser_for(settings, store, recognizer))
        elapsed = time.monotonic() - started
        stats = store.stats()
    assert elapsed < INGEST_BOUND
    assert report.errors == []
    assert report.new_articles == stats.articles == len(files)  # articles lost: 0
    unresolved = unresolved_rows(db)
    assert NAMES <= set(unresolved)
    for name in NAMES:
        reason = unresolved[name]
        assert reason.startswith("geocoder-unavailable: "), reason
        assert REASONS[mode] in reason, reason  # "http 429" or "circuit open (http 429)"
    assert geocoded_places(db) == set()
    assert server.requests, "the geocoder was asked at least once"

    server.set_mode("ok")
    time.sleep(COOLDOWN)
    asked_before = len(server.requests)
    with Store(db) as store:
        result = retry_unresolved(store, geoparser_for(settings, store, recognizer))
        after = store.stats()
    assert result.articles == len(ARTICLES)
    assert result.resolved >= len(NAMES)
    assert not any(r.startswith("geocoder-unavailable") for r in unresolved_rows(db).values())
    assert geocoded_places(db) == NAMES
    assert after.articles == stats.articles
    assert after.events > stats.events
    assert len(server.requests) - asked_before == len(NAMES)  # one request per name, no retries
    assert_spaced(server)


def test_geocode_retry_command_resolves_after_outage(
    server: NominatimServer, corpus: Path, tmp_path: Path
) -> None:
    """The whole path through the CLI: ingest during a 503 outage, then `geomap geocode --retry`."""
    db = tmp_path / "events.sqlite3"
    env = {
        "GEOMAP_GEOCODER_SCHEME": "http", "GEOMAP_GEOCODER_DOMAIN": server.domain,
        "GEOMAP_GEOCODER_TIMEOUT": str(TIMEOUT), "GEOMAP_GEOCODER_MIN_DELAY": str(MIN_DELAY),
        "GEOMAP_GEOCODER_COOLDOWN": str(COOLDOWN), "GEOMAP_GEOCODER_BUDGET": "10",
    }
    args = ["--db", str(db), "--model", "none", "--geocoder", "nominatim"]
    runner = CliRunner()
    server.set_mode("503")
    ingested = runner.invoke(main, [*args, "ingest", "--json", str(corpus)], env=env)
    assert ingested.exit_code == 0, ingested.output
    assert all(r.startswith("geocoder-unavailable") for r in unresolved_rows(db).values())

    server.set_mode("ok")
    time.sleep(COOLDOWN)
    retried = runner.invoke(main, [*args, "geocode", "--retry"], env=env)
    assert retried.exit_code == 0, retried.output
    assert f"retried {len(ARTICLES)} articles: {len(NAMES)} names resolved, 0 still unresolved" in retried.output
    assert geocoded_places(db) == NAMES
    assert_spaced(server)


def test_second_retry_after_success_asks_nothing(
    server: NominatimServer, corpus: Path, tmp_path: Path, recognizer: Recognizer
) -> None:
    """Once placed, names are cached in the store: a later retry finds nothing to do."""
    db = tmp_path / "events.sqlite3"
    settings = settings_for(server, db)
    files, _ = article_files([corpus])
    server.set_mode("429")
    with Store(db) as store:
        ingest_files(files, store, geoparser_for(settings, store, recognizer))
    server.set_mode("ok")
    time.sleep(COOLDOWN)
    with Store(db) as store:
        retry_unresolved(store, geoparser_for(settings, store, recognizer))
        asked = len(server.requests)
        again = retry_unresolved(store, geoparser_for(settings, store, recognizer))
    assert again.articles == 0
    assert len(server.requests) == asked
