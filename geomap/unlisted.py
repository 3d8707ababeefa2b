"""Place names the gazetteer does not list, found by German rules (used without a model).

Each finder returns (start, end, kind, key) token spans, where `kind` says which rule found the name and `key`
is the name to resolve ("Düsseldorf" for "Düsseldorf-Gerresheim"; the span's text otherwise):
  - designated: a designator before capitalised words ("Stadt Kafr Nabl", "Grenzübergang Bab al-Hawa");
  - lexicon: a word Wiktionary lists as a toponym and as nothing else ("Böhmen", "Spree", "Münsterland");
  - street: a street, square or embankment ("Schulstraße", "Friedberger Landstraße", "Via Roma" is not);
  - saint: "St. Moritz", "Sankt Peter", "St. Nikolauskapelle";
  - district: a place joined to a district name by a hyphen ("Düsseldorf-Gerresheim", "Köln-Wahn").
The caller drops spans that overlap places already found and runs its usual rejection rules on the rest.
"""

from __future__ import annotations

import re
from typing import Callable, Iterator

from geomap.tokenview import Tokens
from geomap.lexicon import (ARTICLES, LOCATIVE_PREPOSITIONS, PLACE_PREPOSITIONS, PROPER_ADJECTIVE_ENDINGS,
                            has_arabic_prefix)
from geomap.wordclass import is_common_noun, is_stop_word, noun_flags, zipf

Found = tuple[int, int, str, str]

_STREET = re.compile(r"^[A-ZÄÖÜ][\wäöüß-]*(?:straße|strasse|str\.|gasse|allee|chaussee|promenade)$")
# Endings that also end common nouns ("Flugplatz", "Stoffwechselweg"): a street only when no word list knows it.
_STREET_MAYBE = re.compile(r"^([A-ZÄÖÜ][\wäöüß-]*?)(?:platz|weg|damm|ufer|markt|steig)$")
_STREET_WORDS = frozenset("straße strasse allee chaussee damm ufer platz weg gasse landstraße ring".split())
# Heads of named landmarks after a town adjective in -er: "Lehrter Bahnhof", "Tegeler See", "Kölner Dom".
_LANDMARK_WORDS = frozenset(
    "bahnhof hauptbahnhof see berg brücke tor dom flughafen wald tal kanal park schloss hafen bucht becken "
    "stadion arena markt".split()
)
_HOUSE_NUMBER = re.compile(r"^\d{1,4}[a-z]?$")
_SAINT = frozenset({"st.", "sankt", "st"})
RARE_NOUN_ZIPF = 3.5
_COORDINATORS = frozenset({"und", "oder", "sowie"})
_PLACE_CONTEXT = LOCATIVE_PREPOSITIONS | PLACE_PREPOSITIONS | ARTICLES | _COORDINATORS
# Last parts of compounds that make town and district names ("Gerresheim", "Kleinweidelbach").
TOPONYM_ENDINGS = frozenset(
    "heim dorf berg burg hausen feld bach stadt hof au kirchen ingen rode wald see brück brücken furt hafen "
    "mitte nord süd ost west höhe tal thal horst hain holz leben born brunn beuren weiler stein ried".split()
)


def find_unlisted(toks: Tokens, is_designator: Callable[[str], bool], is_place: Callable[[str], bool],
                  places: set[int]) -> Iterator[Found]:
    """Every rule's finds, in text order of the rules above (overlaps are the caller's to resolve);
    `places` are the tokens of places already found, `is_place` says whether a name is a notable place."""
    yield from _designated(toks, is_designator)
    yield from _saints(toks)
    yield from _streets(toks)
    yield from _landmarks(toks)
    yield from _adjective_regions(toks, is_place)
    yield from _districts(toks, is_place)
    yield from _lexicon_toponyms(toks, places)


def _capitalised(text: str) -> bool:
    return text[:1].isupper()


def _designated(t: Tokens, is_designator: Callable[[str], bool]) -> Iterator[Found]:
    for i, text in enumerate(t.text):
        if not _capitalised(text) or not is_designator(text):
            continue
        start = end = i + 1
        while end < len(t) and end - start < 3 and t.sent[end] == t.sent[i] and (
            _capitalised(t.text[end]) and t.alpha[end] or has_arabic_prefix(t.text[end]) and end > start
        ):
            if is_stop_word(t.text[end]) or is_common_noun(t.text[end]):
                break
            end += 1
        if end > start:
            yield start, end, "designated", t.span(start, end)


def _saints(t: Tokens) -> Iterator[Found]:
    """ "St. Moritz", "Sankt Peter"; GermEval's tokenisation splits "St ." too."""
    i = 0
    while i < len(t) - 1:
        nxt = i + 1
        if t.text[i] == "St" and t.text[nxt] == ".":
            nxt += 1
        if t.lower[i] in _SAINT and nxt < len(t) and _capitalised(t.text[nxt]) and t.alpha[nxt]:
            end = nxt + 1
            if end < len(t) and _capitalised(t.text[end]) and t.alpha[end] and not is_stop_word(t.text[end]) \
                    and not is_common_noun(t.text[end]):
                end += 1  # "St. Johann Baptist"
            yield i, end, "saint", t.span(i, end)
            i = end
            continue
        i += 1


def _town_adjective(t: Tokens, i: int | None) -> bool:
    """A capitalised adjective in -er made from a town's name: "Friedberger", "Lehrter", "Tegeler"."""
    return (i is not None and _capitalised(t.text[i]) and t.alpha[i] and t.lower[i].endswith("er")
            and len(t.text[i]) > 4 and not is_stop_word(t.text[i]))


def _streets(t: Tokens) -> Iterator[Found]:
    """ "Schulstraße 5", "Friedberger Landstraße", "Neuendorfer Straße 90c"."""
    for i, text in enumerate(t.text):
        if not _capitalised(text):
            continue
        start = end = None
        prev = t.prev(i)
        if (t.lower[i] in _STREET_WORDS or _STREET.match(text)) and _town_adjective(t, prev):
            start, end = i - 1, i + 1  # "Friedberger Landstraße": a town adjective in -er before it
        elif _STREET.match(text) and len(text) > 7 and not is_common_noun(text):
            start, end = i, i + 1
        elif (m := _STREET_MAYBE.match(text)) and not noun_flags(text) and zipf(text) == 0 \
                and not noun_flags(m.group(1)) and not ends_in_common_noun(m.group(1) + "x"):
            start, end = i, i + 1  # "Knoopweg"; never "Flugplatz" or "Tabellenplatz"
        if start is None:
            continue
        if end < len(t) and _HOUSE_NUMBER.match(t.text[end]) and t.sent[end] == t.sent[i]:
            end += 1
        yield start, end, "street", t.span(start, end)


def _landmarks(t: Tokens) -> Iterator[Found]:
    """ "Lehrter Bahnhof", "Tegeler See": a town adjective in -er (often also a demonym noun) and a landmark."""
    for i, lower in enumerate(t.lower):
        if lower in _LANDMARK_WORDS and _town_adjective(t, t.prev(i)):
            yield i - 1, i + 1, "landmark", t.span(i - 1, i + 1)


def _adjective_regions(t: Tokens, is_place: Callable[[str], bool]) -> Iterator[Found]:
    """ "Sächsische Schweiz", "Fränkischen Schweiz": a capitalised -isch- adjective and a place's name,
    mid-sentence, naming a region of its own (not "Syrische Beobachtungsstelle")."""
    for i, text in enumerate(t.text):
        prev = t.prev(i)
        if prev is None or prev == t.sent[i] or not _capitalised(t.text[prev]) or not _capitalised(text):
            continue
        if t.lower[prev].endswith(PROPER_ADJECTIVE_ENDINGS) and t.alpha[i] and is_place(text):
            yield prev, i + 1, "region", t.span(prev, i + 1)


def _districts(t: Tokens, is_place: Callable[[str], bool]) -> Iterator[Found]:
    """A known place, a hyphen and a capitalised name that is no common noun: a district of the place."""
    for i, text in enumerate(t.text):
        head, dash, rest = text.partition("-")
        if not dash or not _capitalised(rest) or not _capitalised(head) or "-" in rest:
            continue
        if is_common_noun(rest) or zipf(rest) >= 4.0 or rest.isupper() or ends_in_common_noun(rest):
            continue  # "Syrien-Konferenz", "Berlin-Besuch", "UN-Sondergesandte"
        if len(head) > 2 and not head.isupper() and is_place(head):
            yield i, i + 1, "district", head


def _lexicon_toponyms(t: Tokens, places: set[int]) -> Iterator[Found]:
    """Capitalised words that Wiktionary lists as toponyms only ("Böhmen", "Böhmens"), in a place's context:
    after a preposition, an article or a coordinator ("durch Böhmen und Mähren"), never bare ("Kerry sagte")."""
    for i, text in enumerate(t.text):
        if not _capitalised(text) or not t.alpha[i] or len(text) < 4 or text.isupper():
            continue
        prev = t.prev(i)
        if prev is None or t.lower[prev] not in _PLACE_CONTEXT:
            continue
        if t.lower[prev] in _COORDINATORS and (i - 2 not in places):
            continue  # "Böhmen und Mähren", not "Lawrow und Kerry"
        flags = noun_flags(text)
        if not flags and text.endswith("s"):
            flags = noun_flags(text[:-1])
        if "T" in flags and not any(f in flags for f in "VSE") and ("N" not in flags or zipf(text) < RARE_NOUN_ZIPF):
            # "Böhmen" (T, and only an inflected form of a common noun), "Spree"; not "Halle", "Paris"
            yield i, i + 1, "lexicon", text


def ends_in_common_noun(word: str) -> bool:
    """A compound whose last part is an everyday common noun ("Sondergesandte", "Syriengipfel"); endings that
    also end town names ("-heim", "-dorf", "-berg") do not count."""
    lower = word.lower()
    for k in range(1, len(word) - 3):
        tail = lower[k:]
        if tail in TOPONYM_ENDINGS:
            return False
        if is_common_noun(tail.capitalize()) and zipf(tail) >= 3.0:
            return True
    return False
