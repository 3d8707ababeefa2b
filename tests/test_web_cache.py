"""The GeoJSON response cache never serves stale data and keeps within its budget."""

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
    cache = ResponseCache(max_bytes=10, max_item_bytes=6)
    calls = []

    def build(value: bytes):
        calls.append(value)
        yield value[:2]
        yield value[2:]

    def get(key, value):
        body = cache.get_or_stream(key, lambda: build(value))
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
    cache = ResponseCache(max_bytes=100, max_item_bytes=5)
    closed = []

    def chunks():
        try:
            for i in range(10):
                yield b"%d" % i
        finally:
            closed.append(True)

    body = cache.get_or_stream("k", chunks)
    assert not isinstance(body, bytes)  # over max_item_bytes: a stream, not kept
    assert next(body) == b"012345"
    body.close()  # the client went away: the source is closed too (its store snapshot ends)
    assert closed == [True]
    assert b"".join(cache.get_or_stream("k", chunks)) == b"0123456789"
    assert cache.get("k") is None
