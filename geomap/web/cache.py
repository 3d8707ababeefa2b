"""Answers kept per store version: small ones in memory (with their gzip form), larger ones in files.

A time slider asks for the same few month windows again and again; building a month takes ~30-100 ms on a
100k-event store, handing out kept bytes ~1 ms. Keys are built from parsed values (the filter, the detail,
the store version), never from the raw query, so equivalent queries share one answer, and one build serves
every request that misses at once. Any ingest changes the store version, so nothing stale is served.

Every answer too large for memory, however large, is written whole to a file before it is sent: the store is
read in one short snapshot and is free again (no open read transaction pins the WAL) while the client drains,
and the WSGI server sends the file itself (waitress from its I/O thread), so a slow reader holds no server
thread. The files live in a folder named for the process (`geomap-answers-<pid>-*` in the temp dir); the
serving entry point removes it on SIGTERM/SIGINT and removes the folders of dead processes at start.
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
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Hashable, Iterator

MAX_BYTES = 32 * 1024 * 1024  # memory: the whole budget
MAX_ITEM_BYTES = 1024 * 1024  # memory: larger answers go to files
DISK_BYTES = 512 * 1024 * 1024  # files: the whole budget (the newest file is kept even when larger)
GZIP_LEVEL = 6  # answers in memory are compressed once; JSON shrinks ~6-10x
MIN_GZIP_BYTES = 1024  # smaller answers gain nothing from compression
BUILD_WAIT_SECONDS = 30.0  # a request waits this long at most for another one building the same answer
FOLDER_PREFIX = "geomap-answers-"


@dataclass(frozen=True)
class Answer:
    """A kept answer: bytes in memory (and their gzip form, when worth it), or a file."""

    body: bytes | None = None
    packed: bytes | None = None
    path: Path | None = None


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

    def put(self, key: Hashable, value: object, size: int) -> None:
        """Keep `value` under `key` (replacing what was there), dropping the least recent beyond the budget."""
        self.pop(key)
        self.items[key] = (value, size)
        self.size += size
        while self.size > self.max_bytes and len(self.items) > 1:
            _, (old, old_size) = self.items.popitem(last=False)
            self.size -= old_size
            self._drop(old)

    def pop(self, key: Hashable) -> None:
        item = self.items.pop(key, None)
        if item is not None:
            self.size -= item[1]
            self._drop(item[0])


class AnswerCache:
    """Answers by key: up to `max_item_bytes` in memory, larger ones in files; thread-safe."""

    def __init__(self, max_bytes: int = MAX_BYTES, max_item_bytes: int = MAX_ITEM_BYTES,
                 disk_bytes: int = DISK_BYTES) -> None:
        self.max_item_bytes = max_item_bytes
        self.builds = 0  # answers built (not found kept): for tests and benchmarks
        self._memory = _LRU(max_bytes)
        self._files = _LRU(disk_bytes, drop=_unlink)
        self._folder: Path | None = None  # made on first use, removed with the cache
        self._building: dict[Hashable, threading.Event] = {}  # answers being built, for requests that wait
        self._lock = threading.Lock()

    def get(self, key: Hashable) -> Answer | None:
        with self._lock:
            return self._memory.get(key) or self._files.get(key)  # type: ignore[return-value]

    def get_or_build(self, key: Hashable, build: Callable[[], Iterator[bytes]]) -> Answer:
        """The answer kept for `key`, else `build()`'s chunks kept (one build for concurrent misses)."""
        found = self.get(key)
        if found is not None:
            return found
        with self._lock:
            building = self._building.get(key)
            if building is None:
                self._building[key] = threading.Event()
        if building is not None:  # another request builds this answer: wait for it rather than build it again
            building.wait(BUILD_WAIT_SECONDS)
            return self.get(key) or self._build(key, build)
        try:
            return self._build(key, build)
        finally:
            with self._lock:
                self._building.pop(key).set()

    def forget(self, key: Hashable) -> None:
        """Drop `key` (its file was found missing)."""
        with self._lock:
            self._memory.pop(key)
            self._files.pop(key)

    def _build(self, key: Hashable, build: Callable[[], Iterator[bytes]]) -> Answer:
        with self._lock:
            self.builds += 1
        chunks = build()
        try:
            head: list[bytes] = []
            size = 0
            for chunk in chunks:
                head.append(chunk)
                size += len(chunk)
                if size > self.max_item_bytes:
                    return self._write_file(key, head, chunks)
        finally:
            close = getattr(chunks, "close", None)
            if close is not None:
                close()  # ends the generator, and with it the store snapshot it read from
        body = b"".join(head)
        packed = gzip.compress(body, GZIP_LEVEL, mtime=0) if len(body) >= MIN_GZIP_BYTES else None
        answer = Answer(body=body, packed=packed)
        with self._lock:
            self._memory.put(key, answer, len(body) + len(packed or b""))
        return answer

    def _write_file(self, key: Hashable, head: list[bytes], rest: Iterator[bytes]) -> Answer:
        """Write the whole answer to a file (whole or not at all: a temporary name, then a rename)."""
        path = self.folder() / (hashlib.sha256(repr(key).encode()).hexdigest() + ".json")
        part = path.with_suffix(f".{threading.get_ident()}.part")
        try:
            with open(part, "wb") as out:
                out.writelines(head)
                head.clear()
                out.writelines(rest)
                size = out.tell()
            os.replace(part, path)
        except BaseException:
            _unlink(part)
            raise
        answer = Answer(path=path)
        with self._lock:
            self._files.put(key, answer, size)
        return answer

    def folder(self) -> Path:
        """This cache's private folder (made on first use; removed when the cache goes)."""
        with self._lock:
            if self._folder is None:
                self._folder = Path(tempfile.mkdtemp(prefix=f"{FOLDER_PREFIX}{os.getpid()}-"))
                weakref.finalize(self, shutil.rmtree, self._folder, ignore_errors=True)
            return self._folder


def _unlink(answer: object) -> None:
    path = answer.path if isinstance(answer, Answer) else answer
    if path is None:
        return
    try:
        os.unlink(str(path))
    except FileNotFoundError:
        pass


def answer_folders(pid: int | None = None) -> list[Path]:
    """The answer folders in the temp dir: all of them, or those of process `pid`."""
    pattern = f"{FOLDER_PREFIX}{pid}-*" if pid is not None else f"{FOLDER_PREFIX}*"
    return sorted(Path(tempfile.gettempdir()).glob(pattern))


def remove_own_folders() -> None:
    """Remove this process's answer folders (on SIGTERM/SIGINT: a killed server leaves no files behind)."""
    for folder in answer_folders(os.getpid()):
        shutil.rmtree(folder, ignore_errors=True)


def remove_stale_folders() -> list[Path]:
    """Remove the answer folders of processes that are gone (killed before they could clean up)."""
    removed = []
    for folder in answer_folders():
        try:
            pid = int(folder.name[len(FOLDER_PREFIX):].split("-", 1)[0])
        except ValueError:
            continue
        if pid != os.getpid() and not _alive(pid):
            shutil.rmtree(folder, ignore_errors=True)
            removed.append(folder)
    return removed


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's process
        return True
    return True
