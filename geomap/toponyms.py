"""German-aware rules that decide whether a gazetteer hit in running text is really a place name.

German capitalises every noun, and GeoNames holds thousands of places named like German words
("Lage", "Halle", "Ende"), first names ("Wladimir", "Riad") or surnames ("Kerry", "Obama").
These rules keep them out without a model; with a model, its entities confirm or veto hits.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING, Sequence

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from geomap.gazetteer import Candidate

# Words before a name that say "this is a place" (Stadt Rakka, Grenzübergang Atme, Provinz Idlib).
DESIGNATOR_SUFFIXES = (
    "stadt", "städtchen", "dorf", "provinz", "region", "viertel", "bezirk", "gebiet", "übergang", "hafen",
    "hochburg", "metropole", "ortschaft", "siedlung", "lager", "gouvernement", "distrikt", "kanton",
    "bundesstaat", "insel", "fluss", "stützpunkt", "vorort", "enklave", "oase", "festung", "camp", "landkreis",
    "gemeinde", "stadtteil", "regierungsbezirk", "küste", "grenzort", "kleinstadt",
)
LOCATIVE_BEFORE = frozenset("in im ins nach aus bei beim nahe um vor nördlich südlich östlich westlich".split())
GERMAN_COMMON_ZIPF = 3.3  # at or above: the lowercase form is an everyday German word


@lru_cache(maxsize=1)
def _stop_words() -> frozenset[str]:
    from spacy.lang.de.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS)


@lru_cache(maxsize=65536)
def german_zipf(word: str) -> float:
    """How common a word is in German (wordfreq Zipf scale, 0-8)."""
    from wordfreq import zipf_frequency

    return zipf_frequency(word, "de")


def warm_up() -> None:
    """Load the word lists once, at pipeline build time rather than on the first article."""
    _stop_words()
    german_zipf("stadt")


def is_designator(word: str) -> bool:
    lower = word.lower()
    return lower == "ort" or lower.endswith(DESIGNATOR_SUFFIXES)


def _is_name_word(tok: Token) -> bool:
    """A capitalised word that could belong to a multi-word proper name."""
    text = tok.text
    return (
        text[:1].isupper()
        and any(ch.isalpha() for ch in text)
        and tok.lower_ not in _stop_words()
        and not is_designator(text)
    )


def is_prominent(cands: Sequence[Candidate]) -> bool:
    """Countries, capitals, large cities and curated entries: names that win over a homograph."""
    return any(
        c.kind in ("country", "admin_region", "continent")
        or c.is_capital
        or (c.population or 0) >= 100_000
        or c.ref.startswith("curated:")
        for c in cands
    )


def is_country(cands: Sequence[Candidate]) -> bool:
    return any(c.kind == "country" for c in cands)


def is_genitive(cands: Sequence[Candidate]) -> bool:
    return bool(cands) and all(c.match == "genitive" for c in cands)


def _acronym_ok(surface: str, cands: Sequence[Candidate]) -> bool:
    """All-caps short names (USA, UK) only as German country names; IS, UN, EU never."""
    return any(c.kind == "country" and c.german for c in cands)


def _common_word_ok(doc: Doc, start: int, surface: str, cands: Sequence[Candidate]) -> bool:
    """A name that is also an everyday German word needs support from its context."""
    if german_zipf(surface.lower()) < GERMAN_COMMON_ZIPF:
        return True
    prev = doc[start - 1] if start > 0 else None
    follows_article = prev is not None and (
        prev.lower_ in ("der", "die", "das", "den", "dem", "des", "ein", "eine", "einer", "einem", "einen")
        or (prev.is_lower and prev.lower_.endswith(("e", "en", "er", "es", "em")) and prev.lower_ not in LOCATIVE_BEFORE)
    )
    if is_country(cands) or any(c.kind == "admin_region" for c in cands):
        return True  # die Türkei, den Niederlanden: German countries take articles
    if follows_article:
        return False  # "die Lage", "das Essen", "der Halle"
    if is_prominent(cands):
        return True
    return prev is not None and prev.lower_ in LOCATIVE_BEFORE


def part_of_other_name(doc: Doc, start: int, end: int, cands: Sequence[Candidate]) -> bool:
    """True when the hit sits inside a person or organisation name ("John Kerry", "Riad Hidschab",
    "Ahrar al-Scham", "Internationalen Syrien Unterstützungsgruppe")."""
    sent = doc[start].sent
    places = doc.user_data.get("geomap_place_tokens", set())
    left = doc[start - 1] if start - 1 >= sent.start else None
    right = doc[end] if end < sent.end else None
    left_name = left is not None and left.i not in places and _is_name_word(left) and left.whitespace_ != ""
    right_name = right is not None and right.i not in places and _is_name_word(right) and doc[end - 1].whitespace_ != ""
    if is_genitive(cands):
        return False  # "Syriens Präsident", "Initiative Berlins": the genitive marks a place, not a name
    if is_country(cands):
        # a country inside an organisation name: capitalised adjective before, noun after
        return left_name and right_name and left.lower_.endswith(("e", "en", "er", "es")) and left.i > sent.start
    if left_name and left.i == sent.start and german_zipf(left.lower_) >= 5.0:
        left_name = False  # a frequent sentence-initial word ("Gestern", "Dort") is not a first name
    return left_name or right_name


def accept_hit(doc: Doc, start: int, end: int, cands: Sequence[Candidate], person_words: set[str]) -> bool:
    """Whether the gazetteer hit doc[start:end] is a place mention."""
    surface = doc[start:end].text
    first = doc[start].text
    if not cands:
        return False
    if surface in person_words:
        return False
    if surface.lower() in _stop_words() and not is_country(cands):
        return False
    if surface.isupper() and len(surface) <= 4 and not _acronym_ok(surface, cands):
        return False
    if not (first[:1].isupper() or first.lower().startswith(("al-", "el-", "ad-", "ar-", "as-", "an-", "at-"))):
        return False
    if end - start == 1 and not _common_word_ok(doc, start, surface, cands):
        return False
    return True
