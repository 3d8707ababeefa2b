"""schemathesis hooks for geomap's API (loaded by benchmarks/schemathesis.toml).

Two rules join parameters, which OpenAPI cannot state: `from` must not be after `to`, and a bbox's south must not
be greater than its north. The API answers both with a 400 that says so; generated requests that break them are
dropped here, so that "a schema-valid request was rejected" means a real disagreement.
"""

from __future__ import annotations

from typing import Any

import schemathesis


def _one(query: dict[str, Any], name: str) -> str | None:
    value = query.get(name)
    if isinstance(value, list):
        value = value[0] if len(value) == 1 else None
    return value if isinstance(value, str) else None


def joint_rules_hold(query: dict[str, Any] | None) -> bool:
    """False for a query whose parameters break a rule that joins two of them."""
    query = query or {}
    start, end = _one(query, "from"), _one(query, "to")
    if start and end:
        # a month stands for its first day (from) or its last (to): compare as such
        if (start if len(start) == 10 else start + "-01") > (end if len(end) == 10 else end + "-31"):
            return False
    bbox = _one(query, "bbox")
    if bbox and bbox.count(",") == 3:
        try:
            _, south, _, north = (float(part) for part in bbox.split(","))
        except ValueError:
            return True
        if south > north:
            return False
    return True


@schemathesis.hook
def filter_query(ctx: Any, query: dict[str, Any] | None) -> bool:
    return joint_rules_hold(query)
