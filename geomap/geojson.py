"""Stored events -> an RFC 7946 FeatureCollection: one Point feature per place in the filter window.

Two levels of detail over the same features: "summary" (counts, types, date range: what the map draws)
and "full" (the summary plus every event with its evidence: the download, and a popup's contents).
Events arrive as ready JSON documents (geomap.eventdoc) and are spliced in as bytes.
This is the one place where geomap's lat/lon become GeoJSON's [lon, lat].
"""

from __future__ import annotations

from typing import Any, Iterable, Iterator, Sequence

import orjson

from geomap.filters import EventFilter
from geomap.store import PlaceSummary, Store

MEDIA_TYPE = "application/geo+json"
DETAILS = ("full", "summary")


def place_properties(place: PlaceSummary) -> dict[str, Any]:
    """What a feature says of its place and of the events the filter shows there."""
    return {
        "place": place.name,
        "ref": place.ref,
        "country": place.country,
        "kind": place.kind,
        "geo_precision": place.geo_precision,
        "source": place.source,
        "event_count": place.event_count,
        "mention_count": place.mention_count,
        "types": sorted(place.type_counts),
        "type_counts": place.type_counts,
        "main_type": place.main_type,
        "date_first": place.date_first,
        "date_last": place.date_last,
        "undated_count": place.undated_count,
    }


def _feature(place: PlaceSummary) -> bytes:
    return orjson.dumps({
        "type": "Feature",
        "id": place.ref,
        # RFC 7946 3.1.1: position is [longitude, latitude]; everywhere else geomap says lat/lon.
        "geometry": {"type": "Point", "coordinates": [round(place.lon, 6), round(place.lat, 6)]},
        "properties": place_properties(place),  # last: the events are spliced in before its closing brace
    })


def _members(places: Sequence[PlaceSummary], flt: EventFilter | None, detail: str) -> dict[str, Any]:
    if flt is None:
        return {}
    return {
        "geomap": {
            "filter": {
                "from": flt.date_from.isoformat() if flt.date_from else None,
                "to": flt.date_to.isoformat() if flt.date_to else None,
                "include_undated": flt.wants_undated,
                "types": list(flt.types),
                "roles": list(flt.roles),
            },
            "detail": detail,
            "feature_count": len(places),
            "event_count": sum(p.event_count for p in places),
        }
    }


def collection_chunks(
    places: Sequence[PlaceSummary],
    documents: Iterable[tuple[int, bytes]] | None,
    flt: EventFilter | None = None,
) -> Iterator[bytes]:
    """The FeatureCollection as UTF-8 JSON chunks: each place's summary feature, and with `documents`
    ((place id, its events' JSON joined by commas) in place order, as Store.event_documents gives them)
    its events, spliced in as bytes."""
    head = orjson.dumps({"type": "FeatureCollection", **_members(places, flt, "summary" if documents is None else "full")})
    yield head[:-1] + b',"features":['
    events = iter(documents) if documents is not None else None
    current = next(events, None) if events is not None else None
    for i, place in enumerate(places):
        feature = _feature(place)
        if i:
            yield b","
        if events is None:
            yield feature
            continue
        yield feature[:-2] + b',"events":['
        while current is not None and current[0] < place.place_id:  # a place the summary did not list
            current = next(events, None)
        if current is not None and current[0] == place.place_id:
            yield current[1]
            current = next(events, None)
        yield b"]}}"
    yield b"]}"


def from_store(store: Store, flt: EventFilter, detail: str = "full") -> Iterator[bytes]:
    """A filter's FeatureCollection as chunks, read from one snapshot of the store (see `DETAILS`)."""
    with store.snapshot():
        places = store.place_summaries(flt)
        documents = store.event_documents(flt) if detail == "full" else None
        yield from collection_chunks(places, documents, flt)

