"""Polite HTTP fetching of article pages, feeds and robots.txt: a real user agent, timeouts, a size limit,
a per-host delay, conditional GET (ETag / Last-Modified) and robots.txt honoured.

Failures are `FetchError`s that say whether asking again may help (`permanent`): a timeout or a 503 is retried
later by the caller, a 404 or a page larger than the limit is not.
"""

from __future__ import annotations

import logging
import threading
import time
import urllib.error
import urllib.request
import urllib.robotparser
from dataclasses import dataclass, field
from typing import Callable, Mapping
from urllib.parse import urlsplit, urlunsplit

from geomap.errors import FetchError

log = logging.getLogger(__name__)

MAX_PAGE_BYTES = 5_000_000  # news pages are 50-500 KB; a bigger answer is not an article page
CHUNK = 64 * 1024
RETRYABLE_STATUS = frozenset({408, 425, 429, 500, 502, 503, 504})


@dataclass(frozen=True)
class Fetched:
    """One answer: status 200 with a body, or 304 (not modified) without one."""

    url: str  # after redirects
    status: int
    body: bytes = b""
    headers: Mapping[str, str] = field(default_factory=dict)

    @property
    def content_type(self) -> str:
        return self.headers.get("content-type", "")


class Fetcher:
    """One per process (or per follow loop): remembers each host's last request and robots.txt."""

    def __init__(
        self,
        user_agent: str,
        *,
        timeout: float = 10.0,
        max_bytes: int = MAX_PAGE_BYTES,
        min_delay: float = 1.0,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
        honour_robots: bool = True,
    ) -> None:
        self.user_agent = user_agent
        self.timeout = timeout
        self.max_bytes = max_bytes
        self.min_delay = min_delay
        self._clock = clock
        self._sleep = sleep
        self.honour_robots = honour_robots
        self._last: dict[str, float] = {}
        self._robots: dict[str, urllib.robotparser.RobotFileParser | None] = {}
        self._lock = threading.Lock()
        self._opener = urllib.request.build_opener()  # redirects followed; 304 and errors as HTTPError

    # --- politeness ------------------------------------------------------------------------------

    def _wait_for(self, host: str) -> None:
        """Sleep until `min_delay` has passed since this host's last request."""
        with self._lock:
            last = self._last.get(host)
            now = self._clock()
            wait = 0.0 if last is None else last + self.min_delay - now
            self._last[host] = now + max(wait, 0.0)
        if wait > 0:
            self._sleep(wait)

    def allowed(self, url: str) -> bool:
        """Whether robots.txt lets our user agent fetch `url`. A missing robots.txt (4xx) allows all; one
        that cannot be read (timeout, 5xx) raises a retryable FetchError: the page waits for a readable one."""
        if not self.honour_robots:
            return True
        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}"
        if origin not in self._robots:
            robots_url = urlunsplit((parts.scheme, parts.netloc, "/robots.txt", "", ""))
            try:
                answer = self._request(robots_url, {}, max_bytes=500_000)
                parser = urllib.robotparser.RobotFileParser(robots_url)
                parser.parse(answer.body.decode("utf-8", "replace").splitlines())
                self._robots[origin] = parser
            except FetchError as exc:
                if not exc.permanent:
                    raise FetchError(url, f"robots.txt unreadable ({exc.reason}); trying later") from exc
                self._robots[origin] = None  # no robots.txt: everything is allowed
        parser = self._robots[origin]
        return parser is None or parser.can_fetch(self.user_agent, url)

    # --- requests -----------------------------------------------------------------------------------

    def get(self, url: str, *, etag: str | None = None, last_modified: str | None = None) -> Fetched:
        """GET `url` politely: robots.txt checked, per-host delay, conditional headers; 304 is an answer."""
        if urlsplit(url).scheme not in ("http", "https"):
            raise FetchError(url, "only http and https URLs are fetched", permanent=True)
        if not self.allowed(url):
            raise FetchError(url, "robots.txt disallows fetching it", permanent=True)
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        return self._request(url, headers)

    def _request(self, url: str, headers: dict[str, str], max_bytes: int | None = None) -> Fetched:
        limit = self.max_bytes if max_bytes is None else max_bytes
        self._wait_for(urlsplit(url).netloc.lower())
        request = urllib.request.Request(url, headers={
            "User-Agent": self.user_agent, "Accept-Encoding": "identity",
            "Accept": "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/xml;q=0.9,*/*;q=0.5",
            **headers})
        try:
            with self._opener.open(request, timeout=self.timeout) as response:
                length = response.headers.get("Content-Length")
                if length and length.isdigit() and int(length) > limit:
                    raise FetchError(url, f"too large ({int(length):,} bytes; at most {limit:,})", permanent=True)
                body = self._read(response, url, limit)
                return Fetched(response.geturl(), response.status, body,
                               {k.lower(): v for k, v in response.headers.items()})
        except urllib.error.HTTPError as exc:
            with exc:
                if exc.code == 304:
                    return Fetched(url, 304, b"", {k.lower(): v for k, v in exc.headers.items()})
                raise FetchError(url, f"HTTP {exc.code}", permanent=exc.code not in RETRYABLE_STATUS) from None
        except urllib.error.URLError as exc:
            raise FetchError(url, f"cannot connect: {exc.reason}") from None
        except TimeoutError:
            raise FetchError(url, f"timed out after {self.timeout:g} s") from None
        except OSError as exc:  # connection reset mid-body and the like
            raise FetchError(url, f"network error: {exc}") from None

    def _read(self, response, url: str, limit: int) -> bytes:
        """The body, refused beyond `limit` bytes and when it takes longer than a few timeouts in all."""
        deadline = self._clock() + 3 * self.timeout
        chunks: list[bytes] = []
        size = 0
        while chunk := response.read(CHUNK):
            size += len(chunk)
            if size > limit:
                raise FetchError(url, f"too large (more than {limit:,} bytes)", permanent=True)
            if self._clock() > deadline:
                raise FetchError(url, "timed out reading the body")
            chunks.append(chunk)
        return b"".join(chunks)
