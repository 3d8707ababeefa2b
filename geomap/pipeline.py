"""Article -> mentions -> places -> dated, typed events with evidence. No Flask, no SQL.

`Geoparser` holds what is built once per process (spaCy pipeline, gazetteer, optional fallback geocoder).
"""

from __future__ import annotations

import logging
from collections import Counter
from pathlib import Path
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Sequence

from geomap import dates, event_types
from geomap.errors import GeocoderUnavailable
from geomap.models import Article, DateExpression, Event, Evidence, Mention, Place, Unresolved
from geomap.nlp import Recognizer, extract_mentions

if TYPE_CHECKING:
    from geomap.gazetteer import Gazetteer
    from geomap.geocode import FallbackGeocoder

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ResolvedMention:
    mention: Mention
    place: Place | None
    unresolved_reason: str | None = None


@dataclass(frozen=True)
class ParsedArticle:
    """Everything geomap learned from one article."""

    article: Article
    mentions: tuple[ResolvedMention, ...]
    dates: tuple[DateExpression, ...]
    events: tuple[Event, ...]
    unresolved: tuple[Unresolved, ...] = field(default=())


class Geoparser:
    """Recognise, resolve and date the places of German news articles."""

    def __init__(self, recognizer: Recognizer, gazetteer: Gazetteer, geocoder: FallbackGeocoder | None = None) -> None:
        self.recognizer = recognizer
        self.gazetteer = gazetteer
        self.geocoder = geocoder

    # --- places ------------------------------------------------------------------------------

    def resolve(self, mentions: Sequence[Mention]) -> list[ResolvedMention]:
        """Resolve one article's mentions together (context disambiguation), then fall back to the geocoder."""
        from geomap.resolve import resolve_article

        places = resolve_article([m.key for m in mentions], self.gazetteer, [m.sent_start for m in mentions],
                                 [m.source.startswith("rule:") for m in mentions], [m.by_water for m in mentions])
        context = Counter(p.country for p in places if p is not None and p.country)
        hint = context.most_common(1)[0][0] if context else None
        resolved: list[ResolvedMention] = []
        fallback_cache: dict[str, tuple[Place | None, str | None]] = {}
        for mention, place in zip(mentions, places):
            if place is not None:
                resolved.append(ResolvedMention(mention, place))
                continue
            if mention.source == "rule:street":
                # a street name alone ("Schulstraße") names a street in hundreds of towns: never geocoded
                resolved.append(ResolvedMention(mention, None, "street-without-town"))
                continue
            if mention.key not in fallback_cache:
                fallback_cache[mention.key] = self._geocode(mention.key, hint)
            place, reason = fallback_cache[mention.key]
            resolved.append(ResolvedMention(mention, place, reason))
        return resolved

    def _geocode(self, name: str, country_hint: str | None) -> tuple[Place | None, str | None]:
        if self.geocoder is None:
            return None, "not-in-gazetteer; geocoder off"
        try:
            place = self.geocoder.geocode(name, country_hint)
        except GeocoderUnavailable as exc:
            log.warning("geocoder unavailable for %s: %s", name, exc.reason)
            return None, f"geocoder-unavailable: {exc.reason}"
        return (place, None) if place is not None else (None, "not-found")

    # --- events ------------------------------------------------------------------------------

    def parse_article(self, article: Article) -> ParsedArticle:
        """The full path for one article: mentions, places, dates, events."""
        resolved = self.resolve(extract_mentions(self.recognizer, article))
        expressions = dates.find_date_expressions(article)
        events = build_events(article, resolved, expressions)
        unresolved = tuple(
            Unresolved(article.id, r.mention.surface, r.mention.key, r.unresolved_reason or "not-found")
            for r in resolved
            if r.place is None
        )
        return ParsedArticle(article, tuple(resolved), tuple(expressions), tuple(events), unresolved)


def build_events(
    article: Article, resolved: Sequence[ResolvedMention], expressions: Sequence[DateExpression]
) -> list[Event]:
    """One event per place, role, type and date; every mention becomes evidence of its event."""
    grouped: dict[tuple, dict] = {}
    types: dict[str, tuple[str, tuple[str, ...]]] = {}  # one classification per sentence
    for item in resolved:
        if item.place is None:
            continue
        m = item.mention
        sentence = article.raw[m.sent_start:m.sent_end]
        when, date_surface = dates.sentence_date(article, list(expressions), m.sent_start, m.sent_end)
        if sentence not in types:
            types[sentence] = event_types.classify(sentence)
        event_type, triggers = types[sentence]
        key = (item.place.ref, m.role, event_type, when)
        entry = grouped.setdefault(key, {"place": item.place, "triggers": [], "evidence": []})
        entry["triggers"].extend(t for t in triggers if t not in entry["triggers"])
        entry["evidence"].append(
            Evidence(
                sentence=sentence,
                sent_start=m.sent_start,
                sent_end=m.sent_end,
                mention_start=m.start,
                mention_end=m.end,
                surface=m.surface,
                zone=article.zone_at(m.start) or "body",
                date_expression=date_surface,
            )
        )
    return [
        Event(
            article_id=article.id,
            place=entry["place"],
            role=role,
            when=when,
            event_type=event_type,
            triggers=tuple(entry["triggers"]),
            evidence=tuple(entry["evidence"]),
        )
        for (_, role, event_type, when), entry in grouped.items()
    ]


def build_geoparser(settings: dict, cache=None) -> Geoparser:
    """Build the recognizer, gazetteer and fallback geocoder from settings (once per process)."""
    from geomap.gazetteer import load_gazetteer
    from geomap.geocode import MemoryGeocodeCache, make_geocoder
    from geomap.nlp import build_recognizer

    gazetteer_path = Path(settings["gazetteer"]) if settings.get("gazetteer") else None
    gazetteer = load_gazetteer(gazetteer_path)
    recognizer = build_recognizer(settings["model"], str(gazetteer_path) if gazetteer_path else None)
    geocoder = make_geocoder(settings, cache if cache is not None else MemoryGeocodeCache())
    return Geoparser(recognizer, gazetteer, geocoder)
