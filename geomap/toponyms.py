"""German-aware rules that decide whether a gazetteer hit in running text is really a place name.

German capitalises every noun, and GeoNames holds thousands of places named like German words
("Lage", "Halle", "Ende"), first names ("Wladimir", "Riad") or surnames ("Kerry", "Obama"); places also stand
inside the names of clubs ("Werder Bremen"), institutions ("Universität Wien") and persons ("Paris Hilton").
`rejection` names the first rule that rejects a hit, or None: every rejected hit can say why
(`geomap parse --explain`). With a model, its entities confirm or veto hits as well.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Sequence

from geomap.gazetteer import normalise
from geomap.lexicon import (ARTICLES, DESIGNATOR_SUFFIXES, LOCATIVE_PREPOSITIONS, MONTHS, PLACE_PREPOSITIONS,
                            PROPER_ADJECTIVE_ENDINGS, has_arabic_prefix)
from geomap.wordclass import is_common_noun, is_person_name, is_stop_word, is_toponym, noun_flags, zipf

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
EVERYDAY_NOUN_ZIPF = 4.8  # a common noun this frequent ("Mitte", "Zug") is a place only after a designator
# Words that start the name of a sports club before its town: "Werder Bremen", "FC Bayern München".
CLUB_WORDS = frozenset(
    "fc sc sv vfb vfl tsv tsg rb bv bvb spvgg fsv ksc hsv fcn sge vfr ssv sg ec ehc erc ev tus djk "
    "eintracht borussia fortuna union hertha werder bayer dynamo rapid sturm alemannia arminia energie hansa "
    "holstein kickers preußen viktoria lokomotive lok grasshoppers grasshopper stahl chemie motor wacker "
    "admira austria red bull young boys servette olympique racing real atletico inter ajax benfica".split()
)
# Nouns that make a place after them part of an organisation's name: "Universität Wien", "Landgericht Bonn".
# (Courts, police or city utilities "in" a town are located there: "Landgericht Bonn" keeps Bonn.)
INSTITUTION_WORDS = frozenset(
    "universität uni hochschule tu fh lmu bank sparkasse volksbank raiffeisenbank philharmoniker symphoniker "
    "verlag".split()
)


NOTABLE_KINDS = frozenset({"country", "continent", "admin_region", "region", "water", "landmark"})
LOCAL_COUNTRIES = frozenset({"DE", "AT", "CH", "LI", "LU"})  # German-language news names their villages


@lru_cache(maxsize=65536)
def is_notable(c: Candidate, surface: str) -> bool:
    """A candidate that a German news text may name without context: a country, region, capital, large
    city, a German-named place, or a town of the German-speaking countries named by its own name."""
    if c.kind in NOTABLE_KINDS or c.is_capital or c.german or c.historic or c.ref.startswith("curated:"):
        return True
    key = normalise(surface)
    names = (normalise(c.name), normalise(c.name_de or ""))
    # its own name, or the first words of it ("Immenstadt" for "Immenstadt im Allgäu", "Frankfurt" for "Frankfurt
    # am Main"), not an alternate name of another place ("Stalin" for Donetsk)
    own_name = key in names or any(n.startswith(key + " ") for n in names) or c.match == "genitive"
    if c.country in LOCAL_COUNTRIES:
        return c.population >= (2_000 if own_name else 50_000)  # "Frankfurt" for Frankfurt am Main
    return own_name and c.population >= 100_000  # "George" (South Africa); not "Stalin" for Donetsk


@dataclass
class Context:
    """What the rules know beyond one hit: names already seen as persons, tokens that are places."""

    person_words: set[str] = field(default_factory=set)
    place_tokens: set[int] = field(default_factory=set)


def is_designator(word: str) -> bool:
    lower = word.lower()
    return lower == "ort" or lower.endswith(DESIGNATOR_SUFFIXES)


def is_name_word(tok: Token) -> bool:
    """A word that could belong to a multi-word proper name: capitalised, or an Arabic article
    compound ("al-Scham-Front"); not a function word, designator, month or common-noun form."""
    text, lower = tok.text, tok.lower_
    if has_arabic_prefix(text):
        return True
    return (
        text[:1].isupper()
        and any(ch.isalpha() for ch in text)
        and not is_stop_word(lower)
        and lower not in MONTHS
        and not lower.endswith(NOUN_SUFFIXES)
        and not is_designator(text)
        and not (is_common_noun(text) and zipf(text) > 0)  # rare nouns ("Hidschab") may be names
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


def _follows_article(prev: Token | None) -> bool:
    """An article or an inflected adjective before the word: "die Lage", "warmes Essen", "im Osten"."""
    if prev is None:
        return False
    lower = prev.lower_
    if lower in ARTICLES:
        return True
    if is_stop_word(lower) or lower in LOCATIVE_PREPOSITIONS:
        return False  # "über", "aber", "wieder": words in -er that are no adjectives
    # -es/-em/-er never end a German verb form; -e/-en only count on clear adjective stems
    return prev.is_lower and (lower.endswith(("es", "em", "er")) or lower.endswith(ADJECTIVE_ENDINGS))


def _common_word_ok(doc: Doc, start: int, end: int, surface: str, cands: Sequence[Candidate]) -> bool:
    """A name that is also an everyday German word needs support from its context."""
    if zipf(surface) < GERMAN_COMMON_ZIPF:
        return True
    flags = noun_flags(surface)
    lemma_noun, any_noun = "N" in flags, "N" in flags or "n" in flags
    big = any(c.kind == "country" or c.is_capital or c.population >= 500_000 for c in cands)
    if lemma_noun and not big and zipf(surface) >= EVERYDAY_NOUN_ZIPF and not _after_designator(doc, start):
        return False  # "zwischen Mitte und Ende", "der Zug": an everyday noun before it is a place
    prev = doc[start - 1] if start > 0 else None
    if prev is not None and (prev.lower_ in PLACE_PREPOSITIONS or prev.lower_ in ("über", "durch", "via")):
        return True  # "in Halle", "zwischen Halle und Magdeburg", "in Bergen", "über Frankfurt"
    if _follows_article(prev):
        # "die Lage", "den Bergen", "die Marken"; but names that take articles: "die Türkei", "die Alpen"
        natural = ARTICLE_TAKING_KINDS - {"admin_region"}
        return any(c.kind in (natural if any_noun else ARTICLE_TAKING_KINDS) for c in cands)
    if any(c.kind in ("country", "continent") for c in cands):
        return True
    if not lemma_noun and (is_toponym(surface) or is_prominent(cands)):
        return True  # a place name and no common noun: "Passau", "Stuttgart 1990", "Böhmen"
    nxt = doc[end] if end < len(doc) else None
    if nxt is not None and (nxt.lower_ in MONTHS or nxt.like_num):
        return False  # "Mitte Oktober", "Ende 2016"
    return is_prominent(cands)  # "Leipzig", "Essen": large places win; "Lage", "Boden" alone do not


def _after_designator(doc: Doc, start: int) -> bool:
    """ "Kanton Zug", "Bezirk Mitte": a designator right before the name."""
    return start > 0 and is_designator(doc[start - 1].text)


def _fold_ok(surface: str, cands: Sequence[Candidate]) -> bool:
    """A transliteration-fold hit must look like a transliteration, not a German word or a name."""
    if zipf(surface) >= FOLD_MAX_ZIPF:
        return False
    lower = surface.lower()
    return any(marker in lower for marker in TRANSLITERATION_MARKERS) or (
        any(c.german for c in cands) and is_prominent(cands)
    )


def is_surname_position(doc: Doc, start: int) -> bool:
    """The hit follows a name word: "John Kerry" (surname), not "Riad Hidschab" (first name)."""
    return start > doc[start].sent.start and is_name_word(doc[start - 1])


def part_of_other_name(doc: Doc, start: int, end: int, cands: Sequence[Candidate], place_tokens: set[int]) -> bool:
    """True when the hit sits inside a person or organisation name ("John Kerry", "Riad Hidschab",
    "Ahrar al-Scham", "Internationalen Syrien Unterstützungsgruppe")."""
    sent = doc[start].sent
    left = doc[start - 1] if start - 1 >= sent.start else None
    right = doc[end] if end < sent.end else None
    left_name = left is not None and left.i not in place_tokens and is_name_word(left) and left.whitespace_ != ""
    right_name = (right is not None and right.i not in place_tokens and is_name_word(right)
                  and doc[end - 1].whitespace_ != "")
    if right_name and is_toponym(right.text) and not is_person_name(right.text):
        right_name = False  # "Frankfurt Oder", "Regensburg Passau": two place words, not a person
    if is_genitive(cands):
        return False  # "Syriens Präsident", "Initiative Berlins": the genitive marks a place, not a name
    if is_country(cands):
        if not any(c.german for c in cands) and (left_name or right_name):
            return True  # an English country name beside a name word is a person: "Jordan Ryan"
        # a country inside an organisation name: capitalised adjective before, noun after
        return left_name and right_name and left.lower_.endswith(("e", "en", "er", "es")) and left.i > sent.start
    if left_name and left.i == sent.start and zipf(left.lower_) >= 5.0:
        left_name = False  # a frequent sentence-initial word ("Gestern", "Dort") is not a first name
    return left_name or right_name


def _in_club_name(doc: Doc, start: int, end: int) -> bool:
    """ "Werder Bremen", "FC Bayern München", "Hannover 96": a town inside a sports club's name."""
    sent = doc[start].sent
    nxt = doc[end] if end < sent.end else None
    if doc[start:end].text.lower() in CLUB_WORDS and nxt is not None and nxt.text[:1].isupper():
        return True  # the club word itself: "Werder" in "Werder Bremen", "Union" in "Union Berlin"
    for i in range(start - 1, max(sent.start, start - 3) - 1, -1):
        lower = doc[i].lower_
        if lower in CLUB_WORDS or (doc[i].like_num and i == start - 1 and doc[i].text.endswith(".")):
            return True
        if not (doc[i].text[:1].isupper() or doc[i].like_num):
            break
    return nxt is not None and nxt.like_num and len(nxt.text) == 2 and nxt.text.isdigit()


def _in_institution_name(doc: Doc, start: int) -> bool:
    """ "Universität Wien", "Landgericht Bonn": directly after an institution noun, the place is in a name."""
    return start > doc[start].sent.start and doc[start - 1].lower_ in INSTITUTION_WORDS


def _after_proper_adjective(doc: Doc, start: int) -> bool:
    """A capitalised adjective in -isch- right before the name, mid-sentence: the two make one name."""
    if start == 0 or start - 1 < doc[start].sent.start or start - 1 == doc[start].sent.start:
        return False
    prev = doc[start - 1]
    return prev.text[:1].isupper() and prev.lower_.endswith(PROPER_ADJECTIVE_ENDINGS) and prev.whitespace_ != ""


def _speaker_after_quote(doc: Doc, start: int, end: int, cands: Sequence[Candidate]) -> bool:
    """ '"...", sagt Bali.' names a speaker, not a place (countries and capitals excepted)."""
    prev = doc[start - 1] if start > 0 else None
    nxt = doc[end] if end < len(doc) else None
    if prev is None or prev.lower_ not in SPEECH_VERBS or nxt is None or not nxt.is_punct:
        return False
    return not any(c.kind == "country" or c.is_capital for c in cands)


def has_place_context(doc: Doc, start: int, place_tokens: set[int]) -> bool:
    """Words before a name that say a place follows: a preposition ("in Taiskirchen", "aus Kisdorf"), a
    designator ("Gemeinde Bedra"), or a coordination with a place ("Bedra und Braunsdorf")."""
    if start == doc[start].sent.start:
        return False
    prev = doc[start - 1]
    if prev.lower_ in PLACE_PREPOSITIONS or prev.lower_ in ("im", "ins", "zum", "zur", "vom", "am", "über", "durch"):
        return True
    if prev.is_lower and prev.lower_.endswith(("ischen", "ische", "chen")) and len(prev.text) > 5:
        return True  # a regional adjective: "im englischen Hatfield", "im aargauischen Riniken"
    if is_designator(prev.text):
        return True
    return prev.lower_ in ("und", "oder", "sowie", ",", "/") and start - 2 in place_tokens


def person_words(doc: Doc, hits: Sequence[tuple[int, int, Sequence[Candidate]]], place_tokens: set[int]) -> set[str]:
    """Hits that are surnames somewhere in the text ("John Kerry"): a bare "Kerry" elsewhere is that person."""
    return {
        doc[start:end].text
        for start, end, cands in hits
        if cands and part_of_other_name(doc, start, end, cands, place_tokens)
        and is_surname_position(doc, start) and not is_prominent(cands)
    }


def rejection(doc: Doc, start: int, end: int, cands: Sequence[Candidate], context: Context,
              listed: bool = True) -> str | None:
    """The name of the first rule that says doc[start:end] is not a place mention, or None to accept it.
    `listed=False`: a name the gazetteer lacks but a word list knows as a place (no candidates)."""
    surface = doc[start:end].text
    first = doc[start].text
    if not cands and listed:
        return "no-candidates"
    if surface in context.person_words:
        return "person-seen-before"
    if is_stop_word(surface) and not any(c.german and c.kind == "country" for c in cands):
        return "function-word"  # "Aus", "Wir", "Die": never places by themselves
    nxt = doc[end] if end < len(doc) else None
    if surface.lower() in LOCATIVE_PREPOSITIONS and nxt is not None and nxt.lower_ in ARTICLES:
        return "function-word"  # "Nahe der Ortschaft": the preposition, not the river Nahe
    if cands and all(c.match == "fold" for c in cands) and not _fold_ok(surface, cands):
        return "fold-not-transliteration"
    if surface.isupper() and len(surface) <= 4 and not any(c.kind == "country" and c.german for c in cands):
        return "acronym"  # USA and UK only as German country names; IS, UN, EU never
    if not (first[:1].isupper() or has_arabic_prefix(first)):
        return "lowercase"
    if surface.endswith("-"):
        return "truncated-compound"  # "Brand- und Katastrophenschutz"
    notable = [c for c in cands if is_notable(c, surface)]
    if cands and is_common_noun(surface) and zipf(surface) > 0 and not _after_designator(doc, start) and not any(
        c.kind in ("country", "admin_region") or c.is_capital or c.german for c in cands
    ):
        return "common-noun"  # "Straßen", "Spaß", "Bogens": nouns that a village somewhere is named like
    if end - start == 1 and ("E" in noun_flags(surface) or is_person_name(surface)) and not notable:
        return "person-name"  # "Stalin", "Merkel"
    if cands and not notable and not has_place_context(doc, start, context.place_tokens):
        return "minor-place-without-context"  # "Dean Whitehead", "mit Dizzy Gillespie"
    if _in_club_name(doc, start, end):
        return "club-name"
    if _in_institution_name(doc, start):
        return "institution-name"
    if _after_proper_adjective(doc, start):
        return "inside-region-name"  # "Sächsische Schweiz", "Fränkische Schweiz": another region altogether
    if part_of_other_name(doc, start, end, cands, context.place_tokens):
        return "inside-other-name"
    if end - start == 1 and not _common_word_ok(doc, start, end, surface, cands):
        return "common-word"
    if is_genitive(cands) and zipf(surface) >= GERMAN_COMMON_ZIPF and not any(
        c.kind in ARTICLE_TAKING_KINDS for c in cands
    ):
        return "genitive-common-word"  # an inflected form that is itself a common word: "Mitten" is not "Mitte"
    if _speaker_after_quote(doc, start, end, cands):
        return "speaker-after-quote"
    return None
