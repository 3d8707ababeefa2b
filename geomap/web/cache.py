"""A small in-process cache of serialised GeoJSON responses, keyed by the query and the store's version.

A time slider asks for the same few month windows again and again; building a month of events takes
~100 ms, serving cached bytes takes none. Any ingest changes the store version, so nothing stale is served.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from typing import Callable, Hashable, Iterator

from flask import current_app

MAX_BYTES = 32 * 1024 * 1024  # the whole cache
MAX_ITEM_BYTES = 8 * 1024 * 1024  # larger answers (the unfiltered 100k set) are not kept


class ResponseCache:
    """Least-recently-used bytes within a byte budget; safe across threads."""

    def __init__(self, max_bytes: int = MAX_BYTES, max_item_bytes: int = MAX_ITEM_BYTES) -> None:
        self.max_bytes = max_bytes
        self.max_item_bytes = max_item_bytes
        self._items: OrderedDict[Hashable, bytes] = OrderedDict()
        self._size = 0
        self._lock = threading.Lock()

    def get(self, key: Hashable) -> bytes | None:
        with self._lock:
            body = self._items.get(key)
            if body is not None:
                self._items.move_to_end(key)
            return body

    def put(self, key: Hashable, body: bytes) -> None:
        if len(body) > self.max_item_bytes:
            return
        with self._lock:
            if key in self._items:
                return
            self._items[key] = body
            self._size += len(body)
            while self._size > self.max_bytes and self._items:
                _, old = self._items.popitem(last=False)
                self._size -= len(old)

    def get_or_stream(self, key: Hashable, chunks: Callable[[], Iterator[bytes]]) -> bytes | Iterator[bytes]:
        """Cached bytes; else the chunks, gathered into bytes (and kept) while they stay within
        `max_item_bytes`, streamed as they come beyond that (the whole 100k store is never held at once)."""
        body = self.get(key)
        if body is not None:
            return body
        source = chunks()
        head: list[bytes] = []
        size = 0
        for chunk in source:
            head.append(chunk)
            size += len(chunk)
            if size > self.max_item_bytes:
                return _chain(head, source)
        body = b"".join(head)
        self.put(key, body)
        return body


STREAM_BLOCK = 256 * 1024  # streamed answers are written in blocks of about this size


def _chain(head: list[bytes], rest: Iterator[bytes]) -> Iterator[bytes]:
    try:
        yield b"".join(head)
        head.clear()
        block: list[bytes] = []
        size = 0
        for chunk in rest:
            block.append(chunk)
            size += len(chunk)
            if size >= STREAM_BLOCK:
                yield b"".join(block)
                block, size = [], 0
        if block:
            yield b"".join(block)
    finally:
        close = getattr(rest, "close", None)
        if close is not None:
            close()


def response_cache() -> ResponseCache:
    """The app's cache, made on first use."""
    return current_app.extensions.setdefault("geomap_response_cache", ResponseCache())
