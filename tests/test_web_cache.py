"""The GeoJSON response cache never serves stale data and keeps within its budget."""

import gzip
import threading
import time

from geomap.store import Store
from geomap.web.cache import ResponseCache
from tests.web_fixtures import _undated, seed_store


def test_cached_geojson_changes_after_ingest(tmp_path):
    from geomap.web import create_app

    db = tmp_path / "s.sqlite3"
    seed_store(db)
    client = create_app({"db": str(db)}).test_client()
    before = client.get("/events.geojson?place=Damaskus").get_json()
    again = client.get("/events.geojson?place=Damaskus").get_json()
    assert before == again
    with Store(db) as store:
        article, events = _undated()
        replaced = article.__class__(**{**article.__dict__, "id": "other", "raw": article.raw + " "})
        store.save_article(replaced, [e.__class__(**{**e.__dict__, "article_id": "other"}) for e in events], (), "rules")
    after = client.get("/events.geojson?place=Damaskus").get_json()
    assert after["features"][0]["properties"]["event_count"] == before["features"][0]["properties"]["event_count"] + 1


def test_response_cache_evicts_least_recent_within_budget():
    cache = ResponseCache(max_bytes=10, max_item_bytes=6, disk_bytes=0)
    calls = []

    def build(value: bytes):
        calls.append(value)
        yield value[:2]
        yield value[2:]

    def get(key, value):
        body, _ = cache.get_or_stream(key, lambda: build(value))
        return body if isinstance(body, bytes) else b"".join(body)

    get("a", b"aaaa")
    get("b", b"bbbb")
    assert get("a", b"xxxx") == b"aaaa"  # hit: not rebuilt
    get("c", b"cccc")  # evicts b, the least recent
    get("b", b"bbbb")
    assert get("big", b"0123456789") == b"0123456789"  # too large to keep
    get("big", b"0123456789")
    assert calls == [b"aaaa", b"bbbb", b"cccc", b"bbbb", b"0123456789", b"0123456789"]


def test_response_cache_streams_large_answers_and_closes_their_source():
    cache = ResponseCache(max_bytes=100, max_item_bytes=5, disk_bytes=0)
    closed = []

    def chunks():
        try:
            for i in range(10):
                yield b"%d" % i
        finally:
            closed.append(True)

    body, coding = cache.get_or_stream("k", chunks, gzip_ok=True)
    assert coding is None  # streamed answers go out as they are
    assert not isinstance(body, bytes)  # over max_item_bytes: a stream, not kept
    assert next(body) == b"012345"
    body.close()  # the client went away: the source is closed too (its store snapshot ends)
    assert closed == [True]
    assert b"".join(cache.get_or_stream("k", chunks)[0]) == b"0123456789"
    assert cache.get("k") is None


def test_response_cache_keeps_middle_sized_answers_in_files_and_drops_half_ones(tmp_path):
    cache = ResponseCache(max_bytes=100, max_item_bytes=4, disk_bytes=200, max_disk_item_bytes=30)
    calls = []

    def chunks(n: int):
        calls.append(n)
        for i in range(n):
            yield b"%d" % (i % 10)

    streamed, _ = cache.get_or_stream("mid", lambda: chunks(12))
    assert b"".join(streamed) == b"012345678901"
    cache.settle()
    kept, coding = cache.get_or_stream("mid", lambda: chunks(12))  # now a file: not rebuilt
    assert (kept.read(), coding) == (b"012345678901", None)
    kept.close()
    packed, coding = cache.get_or_stream("mid", lambda: chunks(12), gzip_ok=True)
    assert (gzip.decompress(packed.read()), coding) == (b"012345678901", "gzip")
    packed.close()
    assert calls == [12]

    big, _ = cache.get_or_stream("big", lambda: chunks(40))  # beyond max_disk_item_bytes: streamed only
    assert len(b"".join(big)) == 40
    b"".join(cache.get_or_stream("big", lambda: chunks(40))[0])
    assert calls == [12, 40, 40]

    cut, _ = cache.get_or_stream("cut", lambda: chunks(12))
    next(cut)
    cut.close()  # the client went away mid-answer: nothing half is kept
    b"".join(cache.get_or_stream("cut", lambda: chunks(12))[0])
    cache.settle()
    assert calls == [12, 40, 40, 12, 12]
    folder = cache._folder_path()
    kept_files = sorted(p.name.split(".", 1)[1] for p in folder.iterdir())
    assert kept_files == ["json", "json", "json.gz", "json.gz"]  # mid and the second cut, no .part


def test_geojson_download_served_from_a_kept_file_is_the_same(tmp_path, monkeypatch):
    from geomap import geojson
    from geomap.web import create_app

    builds = []
    build = geojson.from_store
    monkeypatch.setattr(geojson, "from_store", lambda *args: builds.append(args) or build(*args))
    app = create_app({"db": str(seed_store(tmp_path / "s.sqlite3"))})
    cache = app.extensions["geomap_response_cache"] = ResponseCache(max_item_bytes=200)  # fixture answers: "large"
    client = app.test_client()
    first = client.get("/events.geojson?download=1")
    assert len(first.data) > 200  # read to the end: only now is the answer's file complete
    cache.settle()
    assert sorted(p.suffix for p in cache._folder_path().iterdir()) == [".gz", ".json"]
    second = client.get("/events.geojson?download=1")
    assert first.data == second.data and len(builds) == 1  # the second came from the kept file
    assert second.mimetype == "application/geo+json"
    assert second.headers["Content-Disposition"].startswith("attachment")
    first.close()
    second.close()


def test_cached_answers_are_gzipped_for_clients_that_accept_it(tmp_path):
    from geomap.web import create_app

    client = create_app({"db": str(seed_store(tmp_path / "s.sqlite3"))}).test_client()
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
    cache, builds = ResponseCache(), []
    chunks = _slow_build(b"answer", builds)
    assert _in_threads(8, lambda: cache.get_or_stream("k", chunks)[0]) == [b"answer"] * 8
    assert builds == [1]


def test_waiters_build_themselves_when_the_answer_is_not_kept():
    cache, builds = ResponseCache(max_item_bytes=2, disk_bytes=0), []
    chunks = _slow_build(b"too large to keep", builds)
    bodies = _in_threads(3, lambda: b"".join(cache.get_or_stream("k", chunks)[0]))
    assert bodies == [b"too large to keep"] * 3 and len(builds) == 3
    assert cache._building == {}
