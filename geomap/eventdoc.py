"""The JSON document of one stored event: the object the GeoJSON API lists under a place's `events`.

Written once when the event is stored (geomap.store keeps it next to the event), so serving a month or
the whole store copies bytes instead of building Python objects per event. Everything in it comes from
the event's own columns; `geomap.store` rebuilds the documents of stores written before they existed.
"""

from __future__ import annotations

from typing import Any

import orjson

def event_document(
    *,
    event_id: int,
    article_id: str,
    article_source: str,
    article_title: str | None,
    event_type: str,
    triggers_json: str,
    role: str,
    date_label: str,
    date_start: str | None,
    date_end: str | None,
    date_precision: str,
    confidence: float,
    rule: str,
    candidates: int,
    evidence_json: str,
    article_url: str | None = None,
    article_publisher: str | None = None,
) -> bytes:
    """UTF-8 JSON bytes of one event; `triggers_json` and `evidence_json` are embedded without a parse."""
    document: dict[str, Any] = {
        "id": event_id,
        "article_id": article_id,
        "article": article_source,
        "title": article_title,
        "url": article_url,
        "publisher": article_publisher,
        "type": event_type,
        "triggers": orjson.Fragment(triggers_json),
        "role": role,
        "date": date_label,
        "date_start": date_start,
        "date_end": date_end,
        "date_precision": date_precision,
        "confidence": confidence,
        "rule": rule,
        "candidates": candidates,
        "evidence": orjson.Fragment(evidence_json),
    }
    return orjson.dumps(document)
