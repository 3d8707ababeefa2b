"""German function words, calendar words, designators and Arabic article prefixes: one copy of each list.

Every module that needs one of these lists imports it from here, so that a list cannot drift between two
copies (an older copy of the Arabic prefixes lacked "asch-", so "asch-Schaddadi" was never found).
Plain data, no imports beyond the standard library: importing it costs nothing.
"""

from __future__ import annotations

import re

# --- calendar --------------------------------------------------------------------------------------------

MONTHS: dict[str, int] = {
    "januar": 1, "jänner": 1, "februar": 2, "feber": 2, "märz": 3, "april": 4, "mai": 5, "juni": 6,
    "juli": 7, "august": 8, "september": 9, "oktober": 10, "november": 11, "dezember": 12,
}
MONTH_ABBREVIATIONS: dict[str, int] = {
    "jan": 1, "feb": 2, "mär": 3, "mrz": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
    "okt": 10, "nov": 11, "dez": 12,
}
WEEKDAYS: dict[str, int] = {
    "montag": 0, "dienstag": 1, "mittwoch": 2, "donnerstag": 3, "freitag": 4, "samstag": 5, "sonnabend": 5,
    "sonntag": 6,
}
MONTH_NAMES_DE = ("Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober",
                  "November", "Dezember")


def alternation(words) -> str:
    """A regex alternation of the words, longest first (so "sonnabend" is tried before "sonn...")."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


# --- function words --------------------------------------------------------------------------------------

# Articles and preposition-article contractions: a word after one of these is a noun phrase head.
ARTICLES = frozenset(
    "der die das den dem des ein eine einer einem einen eines im am zum zur vom beim ins ans aufs".split()
)
# Prepositions that put a place name after them as the place where something is, goes or comes from.
LOCATIVE_PREPOSITIONS = frozenset(
    "in im ins nach aus bei beim nahe um über zu zur zum an am auf für durch gen bis innerhalb außerhalb "
    "nördlich südlich östlich westlich nordöstlich nordwestlich südöstlich südwestlich vor hinter unweit "
    "rund entlang jenseits diesseits".split()
)
# The narrow set that, right before a capitalised word, says "a place follows" ("in Halle", "bei Passau").
PLACE_PREPOSITIONS = frozenset(
    "in nach aus bei nahe um vor zwischen nördlich südlich östlich westlich nordöstlich nordwestlich "
    "südöstlich südwestlich unweit via gen".split()
)
# Endings of capitalised adjectives made from place names that start a region's own name ("Sächsische Schweiz").
PROPER_ADJECTIVE_ENDINGS = ("ische", "ischen", "ischer", "isches")
COORDINATORS = frozenset({",", "und", "oder", "sowie", "bzw.", "wie", "auch", "–", "-"})

# --- place designators -----------------------------------------------------------------------------------

# Words (or word endings) before a name that say "a place follows": Stadt Rakka, Grenzübergang Atme.
DESIGNATOR_SUFFIXES = (
    "stadt", "städtchen", "dorf", "provinz", "region", "viertel", "bezirk", "gebiet", "übergang", "hafen",
    "hochburg", "metropole", "ortschaft", "siedlung", "lager", "gouvernement", "distrikt", "kanton",
    "bundesstaat", "insel", "fluss", "stützpunkt", "vorort", "enklave", "oase", "festung", "camp", "landkreis",
    "gemeinde", "stadtteil", "regierungsbezirk", "küste", "grenzort", "kleinstadt", "bundesland", "kreis",
    "ortsteil", "markt", "urlaubsort", "badeort", "skiort", "ferienort", "kurort",
)
# Designators of administrative units: the name after them is a region, not its seat ("Kanton Zug").
REGION_DESIGNATORS = frozenset(
    "provinz region gouvernement gouvernorat bezirk distrikt kanton bundesstaat bundesland oblast departement "
    "präfektur landkreis kreis emirat regierungsbezirk".split()
)
# Designators of settlements: the name after them is a town ("Stadt Zug", "Gemeinde Lostallo").
PLACE_DESIGNATORS = frozenset(
    "stadt hauptstadt grenzübergang grenzort ort dorf ortschaft gemeinde metropole kleinstadt großstadt "
    "kreisstadt marktgemeinde".split()
)

# --- Arabic article prefixes (German and English transliteration) -----------------------------------------

# "al-Rakka", "asch-Schaddadi", "ad-Dana", "as-Suwaida", "esch-Scheich": the article, without its hyphen.
ARABIC_ARTICLE_FORMS = (
    "al", "el", "ar", "as", "ad", "an", "at", "az", "ash", "asch", "esch", "es", "ez", "et", "ed", "en", "er",
    "ath", "ech", "adh", "ach",
)
ARABIC_PREFIXES = tuple(f"{form}-" for form in ARABIC_ARTICLE_FORMS)


def has_arabic_prefix(word: str) -> bool:
    """Whether a word starts with an Arabic article and a hyphen ("al-Rakka", "asch-Schaddadi")."""
    lower = word.lower()
    return lower.startswith(ARABIC_PREFIXES) and len(lower) > lower.index("-") + 2


# --- directions in compounds ("Nordsyrien", "Ost-Aleppo") -------------------------------------------------

DIRECTION_PREFIXES = ("nordost", "nordwest", "südost", "südwest", "nord", "süd", "ost", "west", "zentral",
                      "mittel")
