"""Property-based fuzzing of geomap's API against a live local server, driven by its OpenAPI document.

    python benchmarks/fuzz.py [--requests 10000] [--out benchmarks/fuzz.txt]

Hypothesis generates requests from geomap.openapi: schema-valid values, values at and past the edges
(dates out of range, huge numbers, NaN), repeated parameters, unknown parameters, arbitrary unicode and
bytes that are not UTF-8. Each request goes over real HTTP (keep-alive) to a werkzeug server on 127.0.0.1
serving a seeded store. Checked per response: never a 5xx; every 4xx under the API is JSON
{"error": {"status", "message"}} with the response's status; every 200 parses as its documented type.
tests/test_api_fuzz.py runs the same engine with fewer requests.
"""

from __future__ import annotations

import argparse
import http.client
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import quote

import orjson

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from hypothesis import HealthCheck, Phase, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

Query = list[tuple[str, "str | bytes"]]
JSON_TYPES = ("application/json", "application/geo+json")


# --- the live server --------------------------------------------------------------------------------


# --- generating requests ----------------------------------------------------------------------------

_garbage_text = st.text(st.characters(exclude_categories=("Cs",)), max_size=40)
_garbage = st.one_of(
    _garbage_text,
    st.binary(max_size=12),  # percent-encoded as is: often not UTF-8
    st.sampled_from(["", " ", "null", "-1", "0", "1e309", "NaN", "-inf", "٣", "²", "9" * 5000, "1" * 30,
                     "' OR 1=1 --", "\"; DROP TABLE events; --", "%00", "\x00", "\u2028", "<script>", "../..",
                     "2016-02-30", "0000-01", "2016-13", "99999-01", "2016-1", "１２３"]),
)


def _date_like() -> st.SearchStrategy[str]:
    year, month, day = st.integers(0, 10_000), st.integers(0, 13), st.integers(0, 32)
    return st.one_of(
        st.builds(lambda y, m: f"{y:04d}-{m:02d}", year, month),
        st.builds(lambda y, m, d: f"{y:04d}-{m:02d}-{d:02d}", year, month, day),
    )


def _number_text(schema: dict[str, Any], integer: bool) -> st.SearchStrategy[str]:
    low, high = schema.get("minimum", -10**6), schema.get("maximum", 10**6)
    near = st.integers(int(low) - 3, int(high) + 3).map(str) if integer else st.floats(low - 5, high + 5).map(repr)
    return st.one_of(near, st.integers().map(str), st.floats().map(repr))


def _bbox_like() -> st.SearchStrategy[str]:
    coord = st.one_of(st.integers(-200, 200).map(str), st.floats(-200, 200).map(lambda f: f"{f:.3f}"),
                      st.floats().map(repr))
    return st.lists(coord, min_size=3, max_size=5).map(",".join)


def value_strategy(param: dict[str, Any]) -> st.SearchStrategy[str | bytes]:
    """Values for one documented parameter: mostly plausible, sometimes at the edge, sometimes garbage."""
    schema, name = param["schema"], param["name"]
    if schema.get("type") == "array":
        items = st.sampled_from(schema["items"]["enum"])
        plausible = st.lists(items, min_size=1, max_size=3).map(",".join)
    elif "enum" in schema:
        plausible = st.sampled_from(schema["enum"])
    elif schema.get("pattern", "").startswith("^[0-9]{4}"):
        plausible = _date_like()
    elif name == "bbox":
        plausible = _bbox_like()
    elif schema.get("type") in ("integer", "number"):
        plausible = _number_text(schema, schema["type"] == "integer")
    elif name == "url":
        plausible = st.builds(lambda path, q: f"http://127.0.0.1/{path}?{q}", st.sampled_from(["", "embed", "x"]),
                              _garbage_text)
    else:
        plausible = st.one_of(st.sampled_from(["Aleppo", "Genf", "geonames:170063", "Ḥalab", "حلب"]), _garbage_text)
    return st.one_of(*([plausible] * 5), _garbage)


def query_strategy(parameters: list[dict[str, Any]]) -> st.SearchStrategy[Query]:
    """Some of the parameters (required ones usually), each once or repeated, plus unknown ones."""

    @st.composite
    def build(draw: Callable[..., Any]) -> Query:
        query: Query = []
        for param in parameters:
            wanted = draw(st.integers(0, 9)) < (8 if param.get("required") else 2)
            if not wanted:
                continue
            repeats = draw(st.sampled_from([1] * 7 + [2, 3]))
            query.extend((param["name"], draw(value_strategy(param))) for _ in range(repeats))
        if draw(st.integers(0, 9)) == 0:
            query.append((draw(_garbage_text), draw(_garbage_text)))
        return draw(st.permutations(query)) if len(query) > 1 else query

    return build()


def request_strategy(document: dict[str, Any]) -> st.SearchStrategy[tuple[str, Query]]:
    """(path, query) for any operation in the document, and now and then a path under /api/ that is none."""
    operations = [(path, op["get"].get("parameters", [])) for path, op in sorted(document["paths"].items())
                  if "get" in op and "{" not in path]  # the GET endpoints with fixed paths (not the push API)
    documented = st.sampled_from(operations).flatmap(
        lambda item: st.tuples(st.just(item[0]), query_strategy(item[1])))
    undocumented = st.tuples(_garbage_text.map(lambda s: "/api/" + s), st.just([]))
    return st.one_of(*([documented] * 9), undocumented)


def encode_target(path: str, query: Query) -> str:
    """The request target: every name and value percent-encoded from its UTF-8 (or raw) bytes."""
    def enc(value: str | bytes) -> str:
        return quote(value if isinstance(value, bytes) else value.encode("utf-8"), safe="")

    target = quote(path.encode("utf-8"), safe="/")
    if query:
        target += "?" + "&".join(f"{enc(k)}={enc(v)}" for k, v in query)
    return target


# --- checking responses -----------------------------------------------------------------------------

API_PREFIXES = ("/events.", "/healthz", "/api/", "/oembed")
# oEmbed (https://oembed.com, 2.3.4.6): a provider answers 501 Not Implemented for a format it lacks.
DOCUMENTED_5XX = {(501, "/oembed")}


def problems_with(path: str, status: int, content_type: str, body: bytes) -> list[str]:
    """What is wrong with one response (empty when it is a defined answer)."""
    found: list[str] = []
    media = content_type.split(";")[0].strip()
    if status >= 500 and (status, path) not in DOCUMENTED_5XX:
        found.append(f"{status} server error")
    if path.startswith(API_PREFIXES) and status >= 400:
        if media != "application/json":
            return found + [f"{status} error answered as {media!r}, not JSON"]
        try:
            error = orjson.loads(body)["error"]
            if error["status"] != status or not isinstance(error["message"], str) or not error["message"]:
                found.append(f"error body does not match its status: {body[:200]!r}")
        except (orjson.JSONDecodeError, KeyError, TypeError):
            found.append(f"error body is not {{'error': {{status, message}}}}: {body[:200]!r}")
    if status == 200 and media in JSON_TYPES:
        try:
            data = orjson.loads(body)
        except orjson.JSONDecodeError:
            found.append("200 with invalid JSON")
        else:
            if media == "application/geo+json" and data.get("type") != "FeatureCollection":
                found.append("GeoJSON that is not a FeatureCollection")
    if b"Traceback (most recent call last)" in body:
        found.append("stack trace in the body")
    return found


@dataclass
class FuzzReport:
    requests: int = 0
    statuses: Counter = field(default_factory=Counter)
    by_path: Counter = field(default_factory=Counter)
    failures: list[tuple[str, str]] = field(default_factory=list)  # (request target, problem)
    seconds: float = 0.0

    @property
    def server_errors(self) -> int:
        return sum(n for status, n in self.statuses.items() if status >= 500)


class Client:
    """One keep-alive connection to the live server, reopened after the server closes it."""

    def __init__(self, port: int) -> None:
        self.port = port
        self._conn: http.client.HTTPConnection | None = None

    def get(self, target: str) -> tuple[int, str, bytes]:
        for attempt in (1, 2):
            if self._conn is None:
                self._conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
            try:
                self._conn.request("GET", target)
                response = self._conn.getresponse()
                body = response.read()
                if response.getheader("Connection", "").lower() == "close":
                    self.close()
                return response.status, response.getheader("Content-Type", ""), body
            except (ConnectionError, http.client.HTTPException):
                self.close()
                if attempt == 2:
                    raise
        raise AssertionError("unreachable")

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None


def run_fuzz(port: int, document: dict[str, Any], count: int, *, seed_derandomize: bool = True) -> FuzzReport:
    """Send `count` generated requests to 127.0.0.1:port; collect statuses and every problem found."""
    report = FuzzReport()
    client = Client(port)
    documented = set(document["paths"])

    @settings(max_examples=count, derandomize=seed_derandomize, database=None, deadline=None,
              phases=(Phase.explicit, Phase.generate), print_blob=False,
              suppress_health_check=list(HealthCheck))
    @given(request_strategy(document))
    def one(request: tuple[str, Query]) -> None:
        path, query = request
        target = encode_target(path, query)
        status, content_type, body = client.get(target)
        report.requests += 1
        report.statuses[status] += 1
        report.by_path[path if path in documented else "undocumented /api/..."] += 1
        report.failures.extend((target, p) for p in problems_with(path, status, content_type, body))

    started = time.perf_counter()
    try:
        one()
    finally:
        report.seconds = time.perf_counter() - started
        client.close()
    return report


def format_report(report: FuzzReport) -> str:
    lines = [
        f"requests: {report.requests} in {report.seconds:.1f}s ({report.requests / max(report.seconds, 1e-9):.0f}/s)",
        f"5xx: {report.server_errors} (of which 501 for an unsupported oEmbed format, as oEmbed 2.3.4.6 asks: "
        f"{report.statuses[501]})",
        f"problems: {len(report.failures)}",
        "statuses: " + ", ".join(f"{s}: {n}" for s, n in sorted(report.statuses.items())),
        "paths: " + ", ".join(f"{p}: {n}" for p, n in sorted(report.by_path.items())),
    ]
    distinct: dict[str, str] = {}
    for target, problem in report.failures:
        distinct.setdefault(problem.split(":")[0], target)
    for problem, target in sorted(distinct.items()):
        lines.append(f"  e.g. {problem}: GET {target[:160]}")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--requests", type=int, default=10_000)
    parser.add_argument("--out", default=None)
    args = parser.parse_args()

    import logging

    from geomap.openapi import openapi_document
    from geomap.web import create_app
    from geomap.web.devserver import LoopbackServer
    from tests.web_fixtures import seed_store

    logging.disable(logging.CRITICAL)  # the 500s (if any) are counted here, not logged
    with tempfile.TemporaryDirectory() as tmp:
        db = seed_store(Path(tmp) / "events.sqlite3", extra_events=200)
        app = create_app({"db": str(db)})
        with LoopbackServer(app) as server:
            report = run_fuzz(server.port, openapi_document(app.config["GEOMAP"]), args.requests)
    text = "geomap API fuzzing (benchmarks/fuzz.py): hypothesis, derandomized, against werkzeug on 127.0.0.1\n"
    text += format_report(report) + "\n"
    print(text, end="")
    if args.out:
        Path(args.out).write_text(text, encoding="utf-8")
    return 1 if report.failures else 0


if __name__ == "__main__":
    sys.exit(main())
