"""The `geomap parse` contract: JSON lines in ({id, text, date?}), one JSON line of places out per input."""

from __future__ import annotations

import logging
from typing import IO, Any

import orjson

from geomap.articles import parse_article
from geomap.errors import ArticleError
from geomap.nlp import Rejection, extract_mentions
from geomap.pipeline import Geoparser, ResolvedMention

log = logging.getLogger(__name__)


def place_record(item: ResolvedMention, explain: bool = False) -> dict[str, Any]:
    """One mention in the contract's shape; unresolved mentions carry null coordinates. With `explain`,
    also which recognizer found it, which rule chose the place, or why it stayed unresolved."""
    m, place = item.mention, item.place
    record = {
        "start": m.start,
        "end": m.end,
        "surface": m.surface,
        "name": place.name if place else None,
        "lat": place.lat if place else None,
        "lon": place.lon if place else None,
        "country": place.country if place else None,
        "role": m.role,
        "source": place.source if place else None,
    }
    if explain:
        record.update(found_by=m.source, rule=place.rule if place else None, candidates=place.candidates if place else 0,
                      confidence=place.confidence if place else None, unresolved=item.unresolved_reason)
    return record


def explain_text(geoparser: Geoparser, text_id: str, text: str, date: str | None = None) -> dict[str, Any]:
    """Places in one text with how each was found and resolved, and every rejected gazetteer hit with its rule."""
    try:
        article = parse_article(text, text_id, date_override=date)
    except ArticleError:
        return {"places": [], "rejected": []}
    rejections: list[Rejection] = []
    mentions = extract_mentions(geoparser.recognizer, article, rejections)
    return {
        "places": [place_record(item, explain=True) for item in geoparser.resolve(mentions)],
        "rejected": [{"start": r.start, "end": r.end, "surface": r.surface, "rule": r.rule} for r in rejections],
    }


def parse_one(geoparser: Geoparser, text_id: str, text: str, date: str | None = None) -> list[dict[str, Any]]:
    """Places in one text. The text is cleaned first, so boilerplate (paywall, teasers) yields no places."""
    try:
        article = parse_article(text, text_id, date_override=date)
    except ArticleError:
        return []  # empty or binary text: a valid, empty result
    mentions = extract_mentions(geoparser.recognizer, article)
    return [place_record(item) for item in geoparser.resolve(mentions)]


def parse_jsonl(geoparser: Geoparser, source: IO[str], out: IO[str], explain: bool = False) -> int:
    """Read JSON lines from `source`, write one result line per input line to `out`; returns the count.
    With `explain`, each result also says how its places were found and which hits were rejected, and why."""
    count = 0
    for lineno, line in enumerate(source, 1):
        if not line.strip():
            continue
        count += 1
        try:
            item = orjson.loads(line)
            text_id, text = item["id"], item["text"]
            if not isinstance(text, str):
                raise TypeError("text must be a string")
        except (orjson.JSONDecodeError, KeyError, TypeError) as exc:
            log.error("input line %s is not {id, text}: %s", lineno, exc)
            out.write(orjson.dumps({"id": None, "places": [], "error": f"line {lineno}: {exc}"}).decode() + "\n")
            continue
        date = item.get("date") if isinstance(item.get("date"), str) else None
        if explain:
            result = {"id": text_id, **explain_text(geoparser, str(text_id), text, date)}
        else:
            result = {"id": text_id, "places": parse_one(geoparser, str(text_id), text, date)}
        out.write(orjson.dumps(result).decode() + "\n")
        out.flush()
    return count
