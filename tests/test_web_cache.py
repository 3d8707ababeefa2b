"""Kept answers: keyed by the parsed filter and the store version, never stale, within budget, 304 on repeat."""

import gzip
import threading
import time

import pytest

from geomap.store import Store
from geomap.web import create_app
from geomap.web.answers import answer_cache
from geomap.web.cache import AnswerCache
from tests.web_fixtures import _undated, seed_store


def _add_undated_copy(db) -> None:
    with Store(db) as store:
        article, events = _undated()
        replaced = article.__class__(**{**article.__dict__, "id": "other", "raw": article.raw + " "})
        store.save_article(replaced, [e.__class__(**{**e.__dict__, "article_id": "other"}) for e in events], (), "rules")


def test_cached_geojson_changes_after_ingest(seeded_db, client):
    before = client.get("/events.geojson?place=Damaskus").get_json()
    assert client.get("/events.geojson?place=Damaskus").get_json() == before
    _add_undated_copy(seeded_db)
    after = client.get("/events.geojson?place=Damaskus").get_json()
    assert after["features"][0]["properties"]["event_count"] == before["features"][0]["properties"]["event_count"] + 1


def test_equivalent_month_queries_build_once(app, client):
    queries = [
        "from=2016-12&to=2016-12&detail=summary",
        "to=2016-12&from=2016-12&detail=summary",
        "from=2016-12-01&to=2016-12-31&detail=summary",
        "from=2016-12&to=2016-12&detail=summary&zoom=6&lat=36.2&lon=37.1",
        "detail=summary&from=2016-12&to=2016-12-31&role=location&include_undated=0",
    ]
    bodies = {client.get(f"/events.geojson?{q}").data for q in queries}
    assert len(bodies) == 1 and answer_cache(app).builds == 1
    client.get("/events.geojson?from=2016-11&to=2016-12&detail=summary")
    assert answer_cache(app).builds == 2  # a different window is a different answer


@pytest.mark.parametrize("path", ["/events.geojson?from=2016-12&to=2016-12", "/events.csv", "/api/histogram"])
def test_repeat_requests_are_304_until_the_store_changes(seeded_db, client, path):
    first = client.get(path)
    assert first.status_code == 200 and first.headers["Cache-Control"] == "no-cache"
    etag = first.headers["ETag"]
    again = client.get(path, headers={"If-None-Match": etag})
    assert again.status_code == 304 and again.data == b"" and again.headers["ETag"] == etag
    _add_undated_copy(seeded_db)
    changed = client.get(path, headers={"If-None-Match": etag})
    assert changed.status_code == 200 and changed.headers["ETag"] != etag


def test_equivalent_queries_share_one_etag(client):
    one = client.get("/events.geojson?from=2016-12&to=2016-12&zoom=4").headers["ETag"]
    two = client.get("/events.geojson?to=2016-12-31&from=2016-12-01").headers["ETag"]
    other = client.get("/events.geojson?from=2016-12&to=2016-12&detail=summary").headers["ETag"]
    assert one == two != other


def test_answer_cache_evicts_least_recent_within_budget():
    cache = AnswerCache(max_bytes=10, max_item_bytes=6)
    calls = []

    def get(key, value: bytes) -> bytes:
        def build():
            calls.append(value)
            yield value[:2]
            yield value[2:]
        return cache.get_or_build(key, build).body

    get("a", b"aaaa")
    get("b", b"bbbb")
    assert get("a", b"xxxx") == b"aaaa"  # hit: not rebuilt
    get("c", b"cccc")  # evicts b, the least recent
    get("b", b"bbbb")
    assert calls == [b"aaaa", b"bbbb", b"cccc", b"bbbb"] and cache.builds == 4


def test_answer_cache_writes_large_answers_whole_to_files_and_closes_their_source():
    cache = AnswerCache(max_item_bytes=4, disk_bytes=25)
    closed = []

    def chunks(n: int):
        try:
            for i in range(n):
                yield b"%d" % (i % 10)
        finally:
            closed.append(n)

    mid = cache.get_or_build("mid", lambda: chunks(12))
    assert mid.body is None and mid.path.read_bytes() == b"012345678901" and closed == [12]
    assert cache.get_or_build("mid", lambda: chunks(12)) == mid and cache.builds == 1
    big = cache.get_or_build("big", lambda: chunks(40))  # larger than the whole budget: kept while newest
    assert big.path.read_bytes() == b"0123456789" * 4
    assert not mid.path.exists() and cache.get("mid") is None  # dropped for it
    files = sorted(p.name for p in cache.folder().iterdir())
    assert files == [big.path.name]  # no .part left


def test_answer_cache_keeps_nothing_of_a_failed_build():
    cache = AnswerCache(max_item_bytes=2)

    def failing():
        yield b"0123"
        raise OSError("disk full")

    with pytest.raises(OSError):
        cache.get_or_build("k", failing)
    assert cache.get("k") is None and list(cache.folder().iterdir()) == []
    assert cache.get_or_build("k", lambda: iter([b"ok"])).body == b"ok"


def test_geojson_download_served_from_a_kept_file_is_the_same(seeded_db):
    app = create_app({"db": str(seeded_db)})
    cache = app.extensions["geomap_answers"] = AnswerCache(max_item_bytes=200)  # fixture answers are "large"
    client = app.test_client()
    first = client.get("/events.geojson?download=1")
    assert len(first.data) > 200 and [p.suffix for p in cache.folder().iterdir()] == [".json"]
    second = client.get("/events.geojson?download=1")
    assert first.data == second.data and cache.builds == 1  # the second came from the kept file
    assert second.mimetype == "application/geo+json"
    assert second.headers["Content-Disposition"].startswith("attachment")
    for path in cache.folder().iterdir():  # dropped behind the cache's back: built again, not a 500
        path.unlink()
    third = client.get("/events.geojson?download=1")
    assert third.status_code == 200 and third.data == first.data and cache.builds == 2
    for response in (first, second, third):
        response.close()


def test_cached_answers_are_gzipped_for_clients_that_accept_it(client):
    plain = client.get("/events.geojson")
    packed = client.get("/events.geojson", headers={"Accept-Encoding": "gzip, deflate, br"})
    assert "Content-Encoding" not in plain.headers and plain.headers["Vary"] == "Accept-Encoding"
    assert packed.headers["Content-Encoding"] == "gzip"
    assert gzip.decompress(packed.data) == plain.data
    refused = client.get("/events.geojson", headers={"Accept-Encoding": "gzip;q=0"})
    assert refused.data == plain.data


def _slow_build(answer: bytes, builds: list):
    def chunks():
        builds.append(1)
        time.sleep(0.15)
        yield answer
    return chunks


def _in_threads(count: int, call) -> list:
    """`call()` in `count` threads at once; their results."""
    results: list = []
    threads = [threading.Thread(target=lambda: results.append(call())) for _ in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(5)
    return results


def test_concurrent_misses_build_an_answer_once():
    cache, builds = AnswerCache(), []
    chunks = _slow_build(b"answer", builds)
    assert [a.body for a in _in_threads(8, lambda: cache.get_or_build("k", chunks))] == [b"answer"] * 8
    assert builds == [1]


def test_concurrent_misses_of_a_file_answer_build_it_once():
    cache, builds = AnswerCache(max_item_bytes=2), []
    chunks = _slow_build(b"larger than memory allows", builds)
    answers = _in_threads(3, lambda: cache.get_or_build("k", chunks))
    assert {a.path.read_bytes() for a in answers} == {b"larger than memory allows"} and builds == [1]
    assert cache._building == {}
