"""A small in-process cache of serialised GeoJSON responses, keyed by the query and the store's version.

A time slider asks for the same few month windows again and again; building a month of events takes
~100 ms, serving cached bytes takes none. Any ingest changes the store version, so nothing stale is served.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from typing import Callable, Hashable

from flask import current_app

MAX_BYTES = 48 * 1024 * 1024  # the whole cache
MAX_ITEM_BYTES = 8 * 1024 * 1024  # larger answers (the unfiltered 100k set) are not kept


class ResponseCache:
    """Least-recently-used bytes within a byte budget; safe across threads."""

    def __init__(self, max_bytes: int = MAX_BYTES, max_item_bytes: int = MAX_ITEM_BYTES) -> None:
        self.max_bytes = max_bytes
        self.max_item_bytes = max_item_bytes
        self._items: OrderedDict[Hashable, bytes] = OrderedDict()
        self._size = 0
        self._lock = threading.Lock()

    def get_or_build(self, key: Hashable, build: Callable[[], bytes]) -> bytes:
        with self._lock:
            body = self._items.get(key)
            if body is not None:
                self._items.move_to_end(key)
                return body
        body = build()
        if len(body) <= self.max_item_bytes:
            with self._lock:
                if key not in self._items:
                    self._items[key] = body
                    self._size += len(body)
                while self._size > self.max_bytes and self._items:
                    _, old = self._items.popitem(last=False)
                    self._size -= len(old)
        return body


def response_cache() -> ResponseCache:
    """The app's cache, made on first use."""
    return current_app.extensions.setdefault("geomap_response_cache", ResponseCache())
