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
        return value

    cache.get_or_build("a", lambda: build(b"aaaa"))
    cache.get_or_build("b", lambda: build(b"bbbb"))
    cache.get_or_build("a", lambda: build(b"xxxx"))  # hit: not rebuilt
    cache.get_or_build("c", lambda: build(b"cccc"))  # evicts b, the least recent
    cache.get_or_build("b", lambda: build(b"bbbb"))
    cache.get_or_build("big", lambda: build(b"0123456789"))  # too large to keep
    cache.get_or_build("big", lambda: build(b"0123456789"))
    assert calls == [b"aaaa", b"bbbb", b"cccc", b"bbbb", b"0123456789", b"0123456789"]
