"""German-aware rules that decide whether a gazetteer hit in running text is really a place name.

German capitalises every noun, and GeoNames holds thousands of places named like German words
("Lage", "Halle", "Ende"), first names ("Wladimir", "Riad") or surnames ("Kerry", "Obama").
These rules keep them out without a model; with a model, its entities confirm or veto hits.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING, Sequence

from geomap.errors import GazetteerError
from geomap.lexicon import ARTICLES, DESIGNATOR_SUFFIXES, MONTHS, PLACE_PREPOSITIONS, has_arabic_prefix

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from geomap.gazetteer import Candidate

ADJECTIVE_ENDINGS = ("ische", "ischen", "liche", "lichen", "ige", "igen", "ale", "alen", "ene", "enen")
SPEECH_VERBS = frozenset("sagt sagte sagten sagen erklärt erklärte betont betonte meint meinte so schreibt schrieb".split())
ARTICLE_TAKING_KINDS = frozenset({"country", "admin_region", "region", "landmark", "water", "continent"})
FOLD_MAX_ZIPF = 3.0
# Letter groups of German transliteration that the fold maps to English spellings (Dscharabulus ~ Jarabulus).
TRANSLITERATION_MARKERS = ("dsch", "sch", "ch", "ss", "ou", "kh", "j", "z", "w", "ä", "ö", "ü", "q", "'", "-")
# Endings of German common nouns: "am Donnerstag Moskau" is no first name before a surname.
NOUN_SUFFIXES = ("tag", "ung", "heit", "keit", "schaft", "tion", "ismus", "tät", "nis", "ium", "chen", "ment",
                 "enz", "anz", "ik", "ur", "ei", "woche", "monat", "jahr", "ende", "mittwoch")
GERMAN_COMMON_ZIPF = 3.3  # at or above: the lowercase form is an everyday German word


@lru_cache(maxsize=1)
def _stop_words() -> frozenset[str]:
    from spacy.lang.de.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS)


def is_stop_word(word: str) -> bool:
    return word.lower() in _stop_words()


@lru_cache(maxsize=1)
def _german_words() -> dict[str, float]:
    from geomap.config import gazetteer_dir

    path = gazetteer_dir() / "german_words.tsv"
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise GazetteerError(f"cannot read German word list {path}: {exc}") from exc
    words: dict[str, float] = {}
    for line in lines:
        if line and not line.startswith("#"):
            word, _, zipf = line.partition("\t")
            words[word] = float(zipf)
    return words


def german_zipf(word: str) -> float:
    """How common a word is in German (wordfreq Zipf scale; 0 for words rarer than 2.5)."""
    return _german_words().get(word.lower(), 0.0)


def warm_up() -> None:
    """Load the word lists once, at pipeline build time rather than on the first article."""
    _stop_words()
    german_zipf("stadt")


def is_designator(word: str) -> bool:
    lower = word.lower()
    return lower == "ort" or lower.endswith(DESIGNATOR_SUFFIXES)


def _is_name_word(tok: Token) -> bool:
    """A word that could belong to a multi-word proper name: capitalised, or an Arabic article
    compound ("al-Scham-Front"); not a function word, designator, month or common-noun form."""
    text, lower = tok.text, tok.lower_
    if has_arabic_prefix(text):
        return True
    return (
        text[:1].isupper()
        and any(ch.isalpha() for ch in text)
        and lower not in _stop_words()
        and lower not in MONTHS
        and not lower.endswith(NOUN_SUFFIXES)
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


def _follows_article(prev: Token | None) -> bool:
    """An article or an inflected adjective before the word: "die Lage", "warmes Essen", "im Osten"."""
    if prev is None:
        return False
    lower = prev.lower_
    if lower in ARTICLES:
        return True
    # -es/-em/-er never end a German verb form; -e/-en only count on clear adjective stems
    return prev.is_lower and (lower.endswith(("es", "em", "er")) or lower.endswith(ADJECTIVE_ENDINGS))


def _common_word_ok(doc: Doc, start: int, end: int, surface: str, cands: Sequence[Candidate]) -> bool:
    """A name that is also an everyday German word needs support from its context."""
    if german_zipf(surface.lower()) < GERMAN_COMMON_ZIPF:
        return True
    if any(c.kind in ARTICLE_TAKING_KINDS for c in cands):
        return True  # die Türkei, den Niederlanden, der Kreml: these names take articles
    prev = doc[start - 1] if start > 0 else None
    if _follows_article(prev):
        return False  # "die Lage", "das Essen", "im Osten", "am Ende"
    nxt = doc[end] if end < len(doc) else None
    if nxt is not None and (nxt.lower_ in MONTHS or nxt.like_num):
        return False  # "Mitte Oktober", "Ende 2016"
    if prev is not None and prev.lower_ in PLACE_PREPOSITIONS:
        return True  # "in Halle", "zwischen Halle und Magdeburg"
    return is_prominent(cands)  # "Leipzig", "Essen": large places win; "Lage", "Boden" alone do not


def _fold_ok(surface: str, cands: Sequence[Candidate]) -> bool:
    """A transliteration-fold hit must look like a transliteration, not a German word or a name."""
    if german_zipf(surface.lower()) >= FOLD_MAX_ZIPF:
        return False
    lower = surface.lower()
    return any(marker in lower for marker in TRANSLITERATION_MARKERS) or (
        any(c.german for c in cands) and is_prominent(cands)
    )


def is_surname_position(doc: Doc, start: int) -> bool:
    """The hit follows a name word: "John Kerry" (surname), not "Riad Hidschab" (first name)."""
    return start > doc[start].sent.start and _is_name_word(doc[start - 1])


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
        if not any(c.german for c in cands) and (left_name or right_name):
            return True  # an English country name beside a name word is a person: "Jordan Ryan"
        # a country inside an organisation name: capitalised adjective before, noun after
        return left_name and right_name and left.lower_.endswith(("e", "en", "er", "es")) and left.i > sent.start
    if left_name and left.i == sent.start and german_zipf(left.lower_) >= 5.0:
        left_name = False  # a frequent sentence-initial word ("Gestern", "Dort") is not a first name
    return left_name or right_name


def _speaker_after_quote(doc: Doc, start: int, end: int, cands: Sequence[Candidate]) -> bool:
    """ '"...", sagt Bali.' names a speaker, not a place (countries and capitals excepted)."""
    prev = doc[start - 1] if start > 0 else None
    nxt = doc[end] if end < len(doc) else None
    if prev is None or prev.lower_ not in SPEECH_VERBS or nxt is None or not nxt.is_punct:
        return False
    return not any(c.kind == "country" or c.is_capital for c in cands)


def accept_hit(doc: Doc, start: int, end: int, cands: Sequence[Candidate], person_words: set[str]) -> bool:
    """Whether the gazetteer hit doc[start:end] is a place mention."""
    surface = doc[start:end].text
    first = doc[start].text
    if not cands:
        return False
    if surface in person_words:
        return False
    if surface.lower() in _stop_words() and not any(c.german and c.kind == "country" for c in cands):
        return False  # "Aus", "Wir", "Die": never places by themselves
    if all(c.match == "fold" for c in cands) and not _fold_ok(surface, cands):
        return False
    if surface.isupper() and len(surface) <= 4 and not _acronym_ok(surface, cands):
        return False
    if not (first[:1].isupper() or has_arabic_prefix(first)):
        return False
    if end - start == 1 and not _common_word_ok(doc, start, end, surface, cands):
        return False
    if is_genitive(cands) and german_zipf(surface) >= GERMAN_COMMON_ZIPF and not any(
        c.kind in ARTICLE_TAKING_KINDS for c in cands
    ):
        return False  # an inflected form that is itself a common word: "Mitten" is not "Mitte"
    if _speaker_after_quote(doc, start, end, cands):
        return False
    return True
