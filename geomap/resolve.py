"""Toponym disambiguation: pick one gazetteer candidate per mention, using the whole article as context."""

from __future__ import annotations

import logging
import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace

from geomap.gazetteer import Candidate, Gazetteer, normalise
from geomap.models import Place

log = logging.getLogger(__name__)

SETTLEMENTS = frozenset({"city", "town", "village"})
KIND_WEIGHT = {"country": 3.0, "continent": 2.5, "admin_region": 0.8, "region": 0.6}
# What a feature without a population is worth, as if it had one: a state, a river, a range or an island that
# news names outranks a village of the same name ("Sachsen", "Elbe", "Alpen"), never a large city.
UNPEOPLED_WEIGHT = {"admin_region": 2.0, "water": 2.4, "region": 1.8, "island": 1.8, "landmark": 1.2}
CAPITAL_BONUS = 1.0
ADMIN_SEAT_BONUS = 0.5
GERMAN_BONUS = 0.3
MATCH_PENALTY = {"exact": 0.0, "genitive": 0.0, "article": 0.1, "direction": 0.2, "fold": 0.4}
COUNTRY_CONTEXT = 1.5  # a candidate inside a country the article names
PROXIMITY = 1.0  # a candidate next to the article's other places
PROXIMITY_KM = 300.0
SENTENCE_PROXIMITY = 1.5  # a candidate next to a place of the same sentence ("Babenhausen im Landkreis Unterallgäu")
SENTENCE_PROXIMITY_KM = 60.0
FAR_KM = 1500.0  # farther than this from every other place of the article: loses unless nothing else fits
FAR_PENALTY = 2.5
MATCH_CONFIDENCE = {"exact": 0.95, "genitive": 0.93, "article": 0.9, "direction": 0.8, "fold": 0.75}


@dataclass(frozen=True)
class _Scored:
    candidate: Candidate
    base: float  # importance, population, name match: what the name alone says
    context: float  # country named in the article
    proximity: float  # near the article's other places
    nearest_km: float = math.inf  # distance to the nearest other place of the article


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 12742.0 * math.asin(min(1.0, math.sqrt(a)))


def prune(candidates: Sequence[Candidate], key: str | None = None) -> list[Candidate]:
    """Drop an admin region when a settlement of the same name lies in the same country ("Aleppo", "Moskau");
    with `key`, only a settlement named exactly so counts ("Brandenburg" stays the state, not the town whose
    full name is "Brandenburg an der Havel")."""
    wanted = normalise(key) if key else None
    towns = {c.country for c in candidates if c.kind in SETTLEMENTS
             and (wanted is None or wanted in (normalise(c.name), normalise(c.name_de or "")) or c.match == "genitive")}
    return [c for c in candidates if not (c.kind == "admin_region" and c.country in towns)]


def base_score(c: Candidate) -> float:
    """What the candidate is worth without context: feature importance, population, German name, match quality."""
    people = math.log10(c.population + 1) / 2
    score = KIND_WEIGHT.get(c.kind, 0.0) + (people if c.population else UNPEOPLED_WEIGHT.get(c.kind, 0.0))
    score += CAPITAL_BONUS * c.is_capital + ADMIN_SEAT_BONUS * c.is_admin_seat
    score += GERMAN_BONUS * c.german - MATCH_PENALTY.get(c.match, 0.5)
    return score


def importance(c: Candidate) -> float:
    """Feature rank alone: country > continent > capital > admin seat > the rest."""
    return KIND_WEIGHT.get(c.kind, 0.0) + CAPITAL_BONUS * c.is_capital + ADMIN_SEAT_BONUS * c.is_admin_seat


def _score(c: Candidate, countries: Counter, anchors: list[tuple[float, float]],
           near: list[tuple[float, float]]) -> _Scored:
    """Score a candidate against the article's countries, its other places (`anchors`) and the places of the
    same sentences (`near`)."""
    context = COUNTRY_CONTEXT if c.kind != "country" and c.country in countries else 0.0
    proximity, nearest = 0.0, math.inf
    if anchors and c.kind not in ("country", "continent"):
        nearest = min(distance_km(c.lat, c.lon, lat, lon) for lat, lon in anchors)
        proximity = PROXIMITY * math.exp(-nearest / PROXIMITY_KM)
    if near and c.kind not in ("country", "continent"):
        closest = min(distance_km(c.lat, c.lon, lat, lon) for lat, lon in near)
        proximity += SENTENCE_PROXIMITY * math.exp(-closest / SENTENCE_PROXIMITY_KM)
    return _Scored(c, base_score(c), context, proximity, nearest)


def _penalise_far(scored: list[_Scored]) -> list[_Scored]:
    """When some candidate lies near the article's other places, those thousands of kilometres away lose
    ("Deir al-Balah" among Gaza places is no homograph in Switzerland); when none does, nothing changes
    ("Paris" in an article about Syria is still Paris, France)."""
    if not any(s.nearest_km <= FAR_KM for s in scored):
        return scored
    return [s if s.nearest_km <= FAR_KM or _world_city(s.candidate) else replace(s, proximity=s.proximity - FAR_PENALTY)
            for s in scored]


def _world_city(c: Candidate) -> bool:
    """Capitals and cities of a million: the reading of their name wherever the article is set."""
    return c.is_capital or c.population >= 1_000_000


def _pick(scored: list[_Scored]) -> tuple[_Scored, str, float]:
    """The best candidate, the rule that decided, and a confidence from the score margin."""
    total = [s.base + s.context + s.proximity for s in scored]
    best = max(range(len(scored)), key=total.__getitem__)
    chosen = scored[best]
    if len(scored) == 1:
        return chosen, "single", MATCH_CONFIDENCE.get(chosen.candidate.match, 0.7)
    plain = max(scored, key=lambda s: s.base)
    if plain is not chosen:
        rule = "country-context" if chosen.context > plain.context else "proximity"
        if plain.proximity < 0:
            rule = "far-from-article"
    elif importance(chosen.candidate) > max(importance(s.candidate) for s in scored if s is not chosen):
        rule = "importance"
    else:
        rule = "population"
    top = max(total)
    share = 1.0 / sum(math.exp(t - top) for t in total)
    confidence = min(MATCH_CONFIDENCE.get(chosen.candidate.match, 0.7), max(0.2, share))
    return chosen, rule, round(confidence, 3)


def to_place(c: Candidate, rule: str, confidence: float, candidates: int) -> Place:
    """A Place from a gazetteer candidate."""
    return Place(name=c.name, lat=c.lat, lon=c.lon, country=c.country, kind=c.kind, source="gazetteer", ref=c.ref,
                 geo_precision=c.geo_precision, confidence=confidence, rule=rule, candidates=candidates,
                 name_de=c.name_de)


def _article_countries(cands: dict[str, list[Candidate]]) -> Counter:
    """Countries the article names, and countries of its unambiguous places."""
    countries: Counter = Counter()
    for found in cands.values():
        named = [c.country for c in found if c.kind == "country"]
        if named:
            countries[named[0]] += 1
        elif len(found) == 1 and found[0].country:
            countries[found[0].country] += 1
    return countries


def resolve_article(keys: Sequence[str], gazetteer: Gazetteer, sentences: Sequence[int] | None = None,
                    strict: Sequence[bool] | None = None, by_water: Sequence[bool] | None = None) -> list[Place | None]:
    """Resolve every mention key of one article together; None where the gazetteer has nothing.

    `sentences` gives each key's sentence (any id), so that places named together anchor each other more
    strongly; `strict` marks keys found by a rule rather than the gazetteer, which take no folded matches."""
    unique = list(dict.fromkeys(keys))
    strict_keys = {k for k, s in zip(keys, strict or ()) if s}
    water_keys = {k for k, w in zip(keys, by_water or ()) if w}
    cands = {k: _candidates(k, gazetteer, k in strict_keys, k in water_keys) for k in unique}
    companions: dict[str, set[str]] = {k: set() for k in unique}
    if sentences is not None:
        by_sentence: dict[int, set[str]] = {}
        for key, sent in zip(keys, sentences):
            by_sentence.setdefault(sent, set()).add(key)
        for group in by_sentence.values():
            for key in group:
                companions[key] |= group - {key}
    countries = _article_countries(cands)
    fixed = {k: (f[0].lat, f[0].lon) for k, f in cands.items() if len(f) == 1 and f[0].geo_precision < 3}
    chosen: dict[str, tuple[_Scored, str, float]] = {}
    for _ in range(2):  # second pass: the first pass's picks become anchors for each other
        for key, found in cands.items():
            if not found:
                continue
            anchors = [p for k, p in fixed.items() if k != key]
            near = [p for k, p in fixed.items() if k in companions[key]]
            chosen[key] = _pick(_penalise_far([_score(c, countries, anchors, near) for c in found]))
        fixed = {k: (s.candidate.lat, s.candidate.lon) for k, (s, _, _) in chosen.items()
                 if s.candidate.geo_precision < 3}
    places: dict[str, Place | None] = {}
    for key in unique:
        if key not in chosen:
            places[key] = None
            continue
        scored, rule, confidence = chosen[key]
        candidate = _nearest_stretch(scored.candidate, [p for k, p in fixed.items() if k != key])
        places[key] = to_place(candidate, rule, confidence, len(cands[key]))
        log.debug("%s -> %s (%s, %.2f)", key, scored.candidate.ref, rule, confidence)
    return [places[k] for k in keys]


def _nearest_stretch(c: Candidate, anchors: list[tuple[float, float]]) -> Candidate:
    """A river at the point of its course nearest the article's other places ("die Donau ... in Regensburg und
    Passau" is the Danube at Passau, not at Budapest); its representative point when the article has none."""
    if not c.points or not anchors:
        return c
    lat, lon = min(c.points, key=lambda p: min(distance_km(p[0], p[1], a, b) for a, b in anchors))
    return replace(c, lat=lat, lon=lon)


def _candidates(key: str, gazetteer: Gazetteer, strict: bool, by_water: bool) -> list[Candidate]:
    found = prune(gazetteer.lookup(key), key)
    if strict:
        # a name found by a rule ("Böhmen" as a toponym) is not a folded or inflected form of another place
        found = [c for c in found if c.match not in ("fold", "genitive")]
    if by_water and any(c.kind == "water" for c in found):
        found = [c for c in found if c.kind == "water"]  # "am Dnipro" is the river, not the city
    return found


def population_baseline(key: str, gazetteer: Gazetteer) -> Place | None:
    """The most populous candidate, ignoring context (a baseline for the evaluation)."""
    found = gazetteer.lookup(key)
    if not found:
        return None
    best = max(found, key=lambda c: c.population)
    return to_place(best, "population", 0.5 if len(found) > 1 else 0.9, len(found))
