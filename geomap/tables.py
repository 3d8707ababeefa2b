"""Stored events as tables for people and tools: CSV (plain or for German Excel) and the download file names.

One row per event, streamed: rows arrive from `Store.iter_events` in batches and leave as UTF-8 chunks, so a
download of 100,000 events never sits in memory whole. The "excel" dialect is what German Excel opens with a
double click: semicolons, a UTF-8 byte order mark, decimal commas and German column names.
"""

from __future__ import annotations

import csv
import io
import re
from typing import Any, Callable, Iterable, Iterator

from geomap.filters import EventFilter
from geomap.store import EventRow

DIALECTS = ("plain", "excel")
EVIDENCE_SEPARATOR = " | "  # between an event's evidence sentences in one cell
ROWS_PER_CHUNK = 500

# (column id, German header, value of an event row): the one list both dialects write.
COLUMNS: tuple[tuple[str, str, Callable[[EventRow], Any]], ...] = (
    ("event_id", "Ereignis-ID", lambda r: r.id),
    ("place", "Ort", lambda r: r.place_name),
    ("country", "Land", lambda r: r.country),
    ("lat", "Breite", lambda r: r.lat),
    ("lon", "Länge", lambda r: r.lon),
    ("kind", "Ortsart", lambda r: r.kind),
    ("geo_precision", "Ortsgenauigkeit", lambda r: r.geo_precision),
    ("type", "Ereignistyp", lambda r: r.event_type),
    ("role", "Rolle", lambda r: r.role),
    ("date", "Datum", lambda r: r.date_label),
    ("date_start", "Beginn", lambda r: r.date_start),
    ("date_end", "Ende", lambda r: r.date_end),
    ("date_precision", "Datumsgenauigkeit", lambda r: r.date_precision),
    ("confidence", "Konfidenz", lambda r: r.confidence),
    ("source", "Quelle", lambda r: r.article_source),
    ("title", "Titel", lambda r: r.article_title),
    ("url", "URL", lambda r: r.article_url),
    ("publisher", "Medium", lambda r: r.article_publisher),
    ("sentences", "Belegsätze", lambda r: EVIDENCE_SEPARATOR.join(e["sentence"] for e in r.evidence)),
    ("triggers", "Auslöser", lambda r: " ".join(r.triggers)),
)
CSV_COLUMNS = tuple(name for name, _, _ in COLUMNS)


def _csv_safe(value: Any) -> Any:
    """Neutralise spreadsheet formula injection (OWASP CSV injection) in text cells."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


def _german_number(value: Any) -> Any:
    """A decimal comma for floats (German Excel reads "36,2" as a number, "36.2" as a date or text)."""
    return str(value).replace(".", ",") if isinstance(value, float) else value


def csv_chunks(rows: Iterable[EventRow], dialect: str = "plain") -> Iterator[bytes]:
    """The events as CSV in UTF-8 chunks of ROWS_PER_CHUNK rows, one row per event with every evidence sentence."""
    excel = dialect == "excel"
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";" if excel else ",", lineterminator="\r\n")
    writer.writerow([german if excel else name for name, german, _ in COLUMNS])
    head = out.getvalue().encode()
    yield (b"\xef\xbb\xbf" + head) if excel else head  # the BOM tells Excel the file is UTF-8
    number = _german_number if excel else (lambda v: v)
    pending = 0
    for row in rows:
        if pending == 0:
            out.seek(0)
            out.truncate()
        writer.writerow([_csv_safe(number(value(row))) for _, _, value in COLUMNS])
        pending += 1
        if pending == ROWS_PER_CHUNK:
            yield out.getvalue().encode()
            pending = 0
    if pending:
        yield out.getvalue().encode()


def download_name(flt: EventFilter, extension: str) -> str:
    """A file name that says the filter: geomap-2016-10_2016-12.csv, geomap-ab-2016-10-battles.csv, geomap-alle.csv."""
    raw = dict(flt.query_items())
    start, end = raw.get("from", ""), raw.get("to", "")
    if start and end:
        parts = [f"{start}_{end}"]
    elif start or end:
        parts = [f"ab-{start}" if start else f"bis-{end}"]
    else:
        parts = ["alle"]
    parts += list(flt.types)
    if flt.place:
        parts.append(flt.place)
    name = re.sub(r"[^A-Za-z0-9_.-]+", "-", "-".join(parts)).strip("-.")[:100]
    return f"geomap-{name or 'alle'}.{extension}"
