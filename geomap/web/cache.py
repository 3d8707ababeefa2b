"""A cache of serialised API answers, keyed by the query and the store's version: small ones in memory,
larger ones in files, the largest only streamed.

A time slider asks for the same few month windows again and again; building a month of events takes
~30-100 ms, serving kept bytes takes ~1 ms. Month downloads (a few MB each) would crowd the summaries out
of a memory budget, so they go to files in a private temporary folder, which the WSGI server sends
without copying them through Python. Any ingest changes the store version, so nothing stale is served.
"""

from __future__ import annotations

import gzip
import hashlib
import os
import shutil
import tempfile
import threading
import weakref
from collections import OrderedDict
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import BinaryIO, Callable, Hashable, Iterator

from flask import Response, current_app, request
from werkzeug.wsgi import wrap_file

MAX_BYTES = 32 * 1024 * 1024  # memory: the whole budget
MAX_ITEM_BYTES = 1024 * 1024  # memory: larger answers go to files
DISK_BYTES = 512 * 1024 * 1024  # files: the whole budget
MAX_DISK_ITEM_BYTES = 16 * 1024 * 1024  # larger answers (the unfiltered 100k set) are streamed, not kept
STREAM_BLOCK = 256 * 1024  # streamed answers are written in blocks of about this size
GZIP_LEVEL = 6  # kept answers are compressed once (files in the background); JSON shrinks ~6-10x
MIN_GZIP_BYTES = 1024  # smaller answers gain nothing from compression
BUILD_WAIT_SECONDS = 30.0  # a request waits this long at most for another one building the same answer


class _LRU:
    """Keys -> values with sizes, least recently used first, within a byte budget; not locked itself."""

    def __init__(self, max_bytes: int, drop: Callable[[object], None] = lambda value: None) -> None:
        self.max_bytes = max_bytes
        self.items: OrderedDict[Hashable, tuple[object, int]] = OrderedDict()
        self.size = 0
        self._drop = drop

    def get(self, key: Hashable) -> object | None:
        item = self.items.get(key)
        if item is None:
            return None
        self.items.move_to_end(key)
        return item[0]

    def put(self, key: Hashable, value: object, size: int) -> bool:
        """Keep `value`; False (and nothing kept) when the key is already there."""
        if key in self.items:
            return False
        self.items[key] = (value, size)
        self.size += size
        while self.size > self.max_bytes and self.items:
            _, (old, old_size) = self.items.popitem(last=False)
            self.size -= old_size
            self._drop(old)
        return True

    def pop(self, key: Hashable) -> None:
        item = self.items.pop(key, None)
        if item is not None:
            self.size -= item[1]


class ResponseCache:
    """Answers by key: bytes up to `max_item_bytes` in memory, files up to `max_disk_item_bytes`; thread-safe."""

    def __init__(
        self,
        max_bytes: int = MAX_BYTES,
        max_item_bytes: int = MAX_ITEM_BYTES,
        disk_bytes: int = DISK_BYTES,
        max_disk_item_bytes: int = MAX_DISK_ITEM_BYTES,
    ) -> None:
        self.max_item_bytes = max_item_bytes
        self.max_disk_item_bytes = max_disk_item_bytes if disk_bytes else 0
        self._memory = _LRU(max_bytes)
        self._files = _LRU(disk_bytes, drop=lambda path: (_unlink(path), _unlink(f"{path}.gz")))
        self._folder: Path | None = None  # made on first use, removed with the cache
        self._building: dict[Hashable, threading.Event] = {}  # answers being built, for requests that wait
        self._pool: ThreadPoolExecutor | None = None  # compresses kept files
        self._lock = threading.Lock()

    def get(self, key: Hashable, gzip_ok: bool = False) -> tuple[bytes, str | None] | None:
        """The answer kept in memory for `key` and its content coding, if any."""
        with self._lock:
            kept = self._memory.get(key)
        if kept is None:
            return None
        raw, packed = kept  # type: ignore[misc]
        return (packed, "gzip") if gzip_ok and packed is not None else (raw, None)

    def put(self, key: Hashable, body: bytes) -> None:
        """Keep `body` (and its gzip form, unless tiny) in memory when it is small enough."""
        if len(body) <= self.max_item_bytes:
            packed = gzip.compress(body, GZIP_LEVEL, mtime=0) if len(body) >= MIN_GZIP_BYTES else None
            with self._lock:
                self._memory.put(key, (body, packed), len(body) + len(packed or b""))

    def get_or_stream(
        self, key: Hashable, chunks: Callable[[], Iterator[bytes]], gzip_ok: bool = False
    ) -> tuple[bytes | BinaryIO | Iterator[bytes], str | None]:
        """The answer and its content coding ("gzip" only when `gzip_ok`, else None): kept bytes or an open
        file; else `chunks()`, gathered into bytes and kept while within `max_item_bytes`, beyond that
        streamed as they come (uncompressed) and written to files on the way."""
        found = self.get(key, gzip_ok) or self._open_file(key, gzip_ok)
        if found is not None:
            return found
        with self._lock:
            building = self._building.get(key)
            if building is None:
                self._building[key] = threading.Event()
        if building is not None:  # another request builds this answer: wait for it rather than build it again
            building.wait(BUILD_WAIT_SECONDS)
            found = self.get(key, gzip_ok) or self._open_file(key, gzip_ok)
            if found is not None:
                return found
            return self._build(key, chunks, gzip_ok, lambda: None)  # not kept (too large) or failed: build
        return self._build(key, chunks, gzip_ok, lambda: self._built(key))

    def _built(self, key: Hashable) -> None:
        """Wake the requests waiting for `key`: its answer is kept now, or will not be."""
        with self._lock:
            building = self._building.pop(key, None)
        if building is not None:
            building.set()

    def _build(
        self, key: Hashable, chunks: Callable[[], Iterator[bytes]], gzip_ok: bool, done: Callable[[], None]
    ) -> tuple[bytes | BinaryIO | Iterator[bytes], str | None]:
        try:
            source = chunks()
            head: list[bytes] = []
            size = 0
            for chunk in source:
                head.append(chunk)
                size += len(chunk)
                if size > self.max_item_bytes:
                    stream = self._stream(key, head, source, done)
                    done = lambda: None  # noqa: E731 - the stream calls it now
                    return stream, None
            body = b"".join(head)
            self.put(key, body)
            return self.get(key, gzip_ok) or (body, None)
        finally:
            done()

    def _open_file(self, key: Hashable, gzip_ok: bool) -> tuple[BinaryIO, str | None] | None:
        with self._lock:
            path = self._files.get(key)
        if path is None:
            return None
        try:
            if gzip_ok and os.path.exists(f"{path}.gz"):  # written shortly after the file itself
                return open(f"{path}.gz", "rb"), "gzip"  # noqa: SIM115 - the WSGI server closes it
            return open(path, "rb"), None  # noqa: SIM115
        except FileNotFoundError:  # dropped by another thread just now
            with self._lock:
                self._files.pop(key)
            return None

    def _stream(
        self, key: Hashable, head: list[bytes], rest: Iterator[bytes], done: Callable[[], None]
    ) -> Iterator[bytes]:
        """Yield the head, then the rest in blocks; keep a copy in a file unless too large (its gzip form
        follows in the background). The blocks are held (not copied) until the end, so an answer too large
        to keep costs no disk writes. `done` runs as soon as it is known whether the answer is kept."""
        kept: list[bytes] | None = [] if self.max_disk_item_bytes else None
        size = 0
        if kept is None:
            done()
        try:
            for block in _blocks(head, rest):
                if kept is not None:
                    size += len(block)
                    if size > self.max_disk_item_bytes:
                        kept = None
                        done()
                    else:
                        kept.append(block)
                yield block
            if kept is not None:
                path = self._folder_path() / (hashlib.sha256(repr(key).encode()).hexdigest() + ".json")
                _write_file(path, kept)
                with self._lock:  # if another thread kept this answer first, its file was the same bytes
                    self._files.put(key, path, size * 2)  # the file, and room for its gzip form
                self._compressor().submit(_compress_file, path)
        finally:
            done()
            close = getattr(rest, "close", None)
            if close is not None:
                close()

    def settle(self) -> None:
        """Wait until the kept files' gzip forms are written (tests and benchmarks)."""
        if self._pool is not None:
            self._pool.submit(lambda: None).result()

    def _compressor(self) -> ThreadPoolExecutor:
        with self._lock:
            if self._pool is None:
                self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="geomap-gzip")
                weakref.finalize(self, self._pool.shutdown, wait=False)
            return self._pool

    def _folder_path(self) -> Path:
        with self._lock:
            if self._folder is None:
                self._folder = Path(tempfile.mkdtemp(prefix="geomap-answers-"))
                weakref.finalize(self, shutil.rmtree, self._folder, ignore_errors=True)
            return self._folder



def _write_file(path: Path, blocks: list[bytes]) -> None:
    """Write the blocks to `path` whole or not at all (a temporary name, then a rename)."""
    part = path.with_suffix(".part")
    with open(part, "wb") as out:
        out.writelines(blocks)
    os.replace(part, path)


def _compress_file(path: Path) -> None:
    """Write `path`.gz next to a kept answer (off the request path: zlib releases the GIL while it works)."""
    try:
        data = path.read_bytes()
        part = Path(f"{path}.gz.part")
        part.write_bytes(gzip.compress(data, GZIP_LEVEL, mtime=0))
        os.replace(part, f"{path}.gz")
        if not path.exists():  # dropped from the cache while this ran: drop the gzip form too
            _unlink(f"{path}.gz")
    except FileNotFoundError:  # dropped from the cache meanwhile
        pass


def _blocks(head: list[bytes], rest: Iterator[bytes]) -> Iterator[bytes]:
    """The head as one block, then the rest: small chunks gathered into blocks, large ones passed on as they are."""
    yield b"".join(head)
    head.clear()
    block: list[bytes] = []
    size = 0
    for chunk in rest:
        if len(chunk) >= STREAM_BLOCK:
            if block:
                yield b"".join(block)
                block, size = [], 0
            yield chunk
            continue
        block.append(chunk)
        size += len(chunk)
        if size >= STREAM_BLOCK:
            yield b"".join(block)
            block, size = [], 0
    if block:
        yield b"".join(block)


def _unlink(path: object) -> None:
    try:
        os.unlink(str(path))
    except FileNotFoundError:
        pass


def answer(name: str, key: Hashable, build: Callable[[], Iterator[bytes]], mimetype: str,
           headers: dict[str, str] | None = None) -> Response:
    """The response for a cached answer: gzip when the client accepts it, kept files to the server's sender."""
    gzip_ok = request.accept_encodings["gzip"] > 0
    body, coding = response_cache().get_or_stream((name, key), build, gzip_ok)
    headers = {**(headers or {}), "Vary": "Accept-Encoding"}
    if coding:
        headers["Content-Encoding"] = coding
    if hasattr(body, "read"):
        return Response(wrap_file(request.environ, body), mimetype=mimetype, headers=headers,  # type: ignore[arg-type]
                        direct_passthrough=True)
    return Response(body, mimetype=mimetype, headers=headers)


def response_cache() -> ResponseCache:
    """The app's cache, made on first use."""
    return current_app.extensions.setdefault("geomap_response_cache", ResponseCache())
