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
from typing import TYPE_CHECKING, Callable, Iterator

from geomap.lexicon import ARTICLES, LOCATIVE_PREPOSITIONS, PLACE_PREPOSITIONS, has_arabic_prefix
from geomap.wordclass import is_common_noun, is_stop_word, noun_flags, zipf

if TYPE_CHECKING:
    from spacy.tokens import Doc

Found = tuple[int, int, str, str]

_STREET = re.compile(r"^[A-ZÄÖÜ][\wäöüß-]*(?:straße|strasse|str\.|gasse|allee|chaussee|promenade)$")
# Endings that also end common nouns ("Flugplatz", "Stoffwechselweg"): a street only when no word list knows it.
_STREET_MAYBE = re.compile(r"^([A-ZÄÖÜ][\wäöüß-]*?)(?:platz|weg|damm|ufer|markt|steig)$")
_STREET_WORDS = frozenset("straße strasse allee chaussee damm ufer platz weg gasse landstraße ring".split())
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


def find_unlisted(doc: Doc, is_designator: Callable[[str], bool], is_place: Callable[[str], bool],
                  places: set[int]) -> Iterator[Found]:
    """Every rule's finds, in text order of the rules above (overlaps are the caller's to resolve);
    `places` are the tokens of places already found."""
    yield from _designated(doc, is_designator)
    yield from _saints(doc)
    yield from _streets(doc)
    yield from _districts(doc, is_place)
    yield from _lexicon_toponyms(doc, places)


def _designated(doc: Doc, is_designator: Callable[[str], bool]) -> Iterator[Found]:
    for tok in doc:
        if not tok.text[:1].isupper() or not is_designator(tok.text):
            continue
        start = end = tok.i + 1
        while end < len(doc) and end - start < 3 and doc[end].sent.start == tok.sent.start and (
            doc[end].text[:1].isupper() and doc[end].is_alpha or has_arabic_prefix(doc[end].text) and end > start
        ):
            if is_stop_word(doc[end].text) or is_common_noun(doc[end].text):
                break
            end += 1
        if end > start:
            yield start, end, "designated", doc[start:end].text


def _saints(doc: Doc) -> Iterator[Found]:
    """ "St. Moritz", "Sankt Peter"; GermEval's tokenisation splits "St ." too."""
    i = 0
    while i < len(doc) - 1:
        tok = doc[i]
        nxt = i + 1
        if tok.text == "St" and doc[nxt].text == ".":
            nxt += 1
        if tok.lower_ in _SAINT and nxt < len(doc) and doc[nxt].text[:1].isupper() and doc[nxt].is_alpha:
            end = nxt + 1
            if end < len(doc) and doc[end].text[:1].isupper() and doc[end].is_alpha and not is_stop_word(doc[end].text) \
                    and not is_common_noun(doc[end].text):
                end += 1  # "St. Johann Baptist"
            yield i, end, "saint", doc[i:end].text
            i = end
            continue
        i += 1


def _streets(doc: Doc) -> Iterator[Found]:
    """ "Schulstraße 5", "Friedberger Landstraße", "Neuendorfer Straße 90c"."""
    for tok in doc:
        start = end = None
        prev = doc[tok.i - 1] if tok.i > tok.sent.start else None
        if (tok.lower_ in _STREET_WORDS or _STREET.match(tok.text)) and prev is not None and \
                prev.text[:1].isupper() and prev.lower_.endswith("er") and prev.is_alpha and len(prev.text) > 4:
            start, end = tok.i - 1, tok.i + 1  # "Friedberger Landstraße": a town adjective in -er before it
        elif _STREET.match(tok.text) and len(tok.text) > 7 and not is_common_noun(tok.text):
            start, end = tok.i, tok.i + 1
        elif (m := _STREET_MAYBE.match(tok.text)) and not noun_flags(tok.text) and zipf(tok.text) == 0 \
                and not noun_flags(m.group(1)) and not ends_in_common_noun(m.group(1) + "x"):
            start, end = tok.i, tok.i + 1  # "Knoopweg"; never "Flugplatz" or "Tabellenplatz"
        if start is None:
            continue
        if end < len(doc) and _HOUSE_NUMBER.match(doc[end].text) and doc[end].sent.start == tok.sent.start:
            end += 1
        yield start, end, "street", doc[start:end].text


def _districts(doc: Doc, is_place: Callable[[str], bool]) -> Iterator[Found]:
    """A known place, a hyphen and a capitalised name that is no common noun: a district of the place."""
    for tok in doc:
        head, dash, rest = tok.text.partition("-")
        if not dash or not rest[:1].isupper() or not head[:1].isupper() or "-" in rest:
            continue
        if is_common_noun(rest) or zipf(rest) >= 4.0 or rest.isupper() or ends_in_common_noun(rest):
            continue  # "Syrien-Konferenz", "Berlin-Besuch", "UN-Sondergesandte"
        if len(head) > 2 and not head.isupper() and is_place(head):
            yield tok.i, tok.i + 1, "district", head


def _lexicon_toponyms(doc: Doc, places: set[int]) -> Iterator[Found]:
    """Capitalised words that Wiktionary lists as toponyms only ("Böhmen", "Böhmens"), in a place's context:
    after a preposition, an article or a coordinator ("durch Böhmen und Mähren"), never bare ("Kerry sagte")."""
    for tok in doc:
        text = tok.text
        if not text[:1].isupper() or not tok.is_alpha or len(text) < 4 or text.isupper():
            continue
        prev = doc[tok.i - 1] if tok.i > tok.sent.start else None
        if prev is None or prev.lower_ not in _PLACE_CONTEXT:
            continue
        if prev.lower_ in _COORDINATORS and (tok.i - 2 not in places):
            continue  # "Böhmen und Mähren", not "Lawrow und Kerry"
        flags = noun_flags(text)
        if not flags and text.endswith("s"):
            flags = noun_flags(text[:-1])
        if "T" in flags and not any(f in flags for f in "VSE") and ("N" not in flags or zipf(text) < RARE_NOUN_ZIPF):
            # "Böhmen" (T, and only an inflected form of a common noun), "Spree"; not "Halle", "Paris"
            yield tok.i, tok.i + 1, "lexicon", text  # "Böhmen" is also "the Bohemians", rarely said


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
