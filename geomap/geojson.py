"""Stored events -> an RFC 7946 FeatureCollection: one Point feature per place in the filter window.

This is the one place where geomap's lat/lon become GeoJSON's [lon, lat].
"""

from __future__ import annotations

import csv
import io
from itertools import groupby
from typing import Any, Iterable, Sequence

import orjson

from geomap.filters import EventFilter
from geomap.store import EventRow

MEDIA_TYPE = "application/geo+json"


def _event_properties(row: EventRow) -> dict[str, Any]:
    return {
        "id": row.id,
        "article_id": row.article_id,
        "article": row.article_source,
        "title": row.article_title,
        "type": row.event_type,
        "triggers": row.triggers,
        "role": row.role,
        "date": row.date_label,
        "date_start": row.date_start,
        "date_end": row.date_end,
        "date_precision": row.date_precision,
        "confidence": row.confidence,
        "rule": row.rule,
        "candidates": row.candidates,
        "evidence": orjson.Fragment(row.evidence_json),
    }


def _feature(rows: Sequence[EventRow]) -> dict[str, Any]:
    first = rows[0]
    starts = [r.date_start for r in rows if r.date_start]
    ends = [r.date_end or r.date_start for r in rows if r.date_start or r.date_end]
    return {
        "type": "Feature",
        "id": first.place_ref,
        # RFC 7946 3.1.1: position is [longitude, latitude]; everywhere else geomap says lat/lon.
        "geometry": {"type": "Point", "coordinates": [round(first.lon, 6), round(first.lat, 6)]},
        "properties": {
            "place": first.place_name,
            "ref": first.place_ref,
            "country": first.country,
            "kind": first.kind,
            "geo_precision": first.geo_precision,
            "source": first.place_source,
            "event_count": len(rows),
            "mention_count": sum(r.mention_count for r in rows),
            "types": sorted({r.event_type for r in rows}),
            "date_first": min(starts) if starts else None,
            "date_last": max(ends) if ends else None,
            "undated_count": sum(1 for r in rows if r.date_precision == "none"),
            "events": [_event_properties(r) for r in rows],
        },
    }


def feature_collection(rows: Iterable[EventRow], flt: EventFilter | None = None) -> dict[str, Any]:
    """Group event rows (ordered by place) into one feature per place."""
    features = [_feature(list(group)) for _, group in groupby(rows, key=lambda r: r.place_ref)]
    collection: dict[str, Any] = {"type": "FeatureCollection", "features": features}
    if flt is not None:
        collection["geomap"] = {
            "filter": {
                "from": flt.date_from.isoformat() if flt.date_from else None,
                "to": flt.date_to.isoformat() if flt.date_to else None,
                "include_undated": flt.wants_undated,
                "types": list(flt.types),
                "roles": list(flt.roles),
            },
            "feature_count": len(features),
            "event_count": sum(f["properties"]["event_count"] for f in features),
        }
    return collection


def dumps(collection: dict[str, Any]) -> bytes:
    """Serialise to UTF-8 JSON bytes (non-ASCII kept as is, per RFC 8259)."""
    return orjson.dumps(collection)


CSV_COLUMNS = (
    "event_id", "place", "country", "lat", "lon", "kind", "geo_precision", "type", "role",
    "date", "date_start", "date_end", "date_precision", "article", "title", "sentence", "triggers",
)


def _csv_safe(value: Any) -> Any:
    """Neutralise spreadsheet formula injection (OWASP CSV injection) in text cells."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


def events_csv(rows: Iterable[EventRow]) -> str:
    """One CSV row per event, with its first evidence sentence."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    for r in rows:
        evidence = r.evidence
        sentence = evidence[0]["sentence"] if evidence else ""
        writer.writerow([_csv_safe(v) for v in (
            r.id, r.place_name, r.country, r.lat, r.lon, r.kind, r.geo_precision, r.event_type, r.role,
            r.date_label, r.date_start, r.date_end, r.date_precision, r.article_source, r.article_title,
            sentence, " ".join(r.triggers),
        )])
    return out.getvalue()
