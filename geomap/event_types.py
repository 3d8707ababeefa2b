"""An explainable event-type classifier for German sentences: a lexicon of stems with an ACLED-like taxonomy.

Each type has trigger patterns (word stems with word boundaries, covering inflection and compounds such as
"Großoffensive" or "Selbstmordanschlag"). A sentence gets the type with the most trigger hits; ties are broken
by ``PRIORITY`` (more specific and more violent types first: an airstrike that kills civilians is
"explosions_remote_violence", as in ACLED). A trigger directly negated ("keine Luftangriffe", "ohne Kämpfe")
does not count. The triggers returned are the words as written in the sentence.
"""

from __future__ import annotations

import re
from functools import lru_cache

# (id, German label, colour hex), in display order.
EVENT_TYPES: tuple[tuple[str, str, str], ...] = (
    ("battles", "Kämpfe", "#d62728"),
    ("explosions_remote_violence", "Explosionen und Fernangriffe", "#ff7f0e"),
    ("violence_against_civilians", "Gewalt gegen Zivilisten", "#9467bd"),
    ("strategic_developments", "Strategische Entwicklungen", "#1f77b4"),
    ("humanitarian", "Humanitäre Lage", "#2ca02c"),
    ("other", "Sonstiges", "#7f7f7f"),
)
PRIORITY: tuple[str, ...] = (
    "explosions_remote_violence",
    "violence_against_civilians",
    "battles",
    "humanitarian",
    "strategic_developments",
)

# Single-word triggers per type. ``\w*`` before a stem admits compounds; the patterns are case-insensitive
# unless marked with (?-i:) (the noun "Treffen" must not match the verb "treffen"/"trafen" = to hit).
_LEXICON: dict[str, tuple[str, ...]] = {
    "battles": (
        r"\w*gefecht\w*", r"kämpfe", r"kämpfen", r"kämpft", r"kämpfte", r"kämpften", r"gekämpft", r"kampfhandlung\w*",
        r"\w*offensive\w*", r"zurückerober\w*", r"zurückzuerober\w*", r"erobert\w*", r"eroberung\w*", r"vorstoß\w*",
        r"vorstöße\w*", r"rückten", r"rückte", r"vorgerückt", r"vorrücken", r"\w*zusammenstöße\w*", r"\w*zusammenstoß\w*",
        r"schusswechsel\w*", r"belager\w*", r"umzingelt\w*", r"bodentruppen", r"bodenoffensive\w*",
    ),
    "explosions_remote_violence": (
        r"\w*luftangriff\w*", r"\w*luftschl[äa]g\w*", r"bombardier\w*", r"\w*bombe\w*",
        r"\w*anschlag\w*", r"\w*anschläge\w*", r"explosion\w*", r"explodiert\w*", r"\w*rakete\w*",
        r"\w*granat\w*", r"\w*beschuss\w*", r"beschossen", r"artillerie\w*", r"drohnenangriff\w*", r"sprengsatz\w*",
        r"selbstmordattentat\w*", r"\w*attentat\w*",
    ),
    "violence_against_civilians": (
        r"geisel\w*", r"verschlepp\w*", r"entführ\w*", r"massaker\w*", r"hingerichtet", r"hinrichtung\w*",
        r"folter\w*", r"vergewaltig\w*", r"ermordet\w*",
    ),
    "strategic_developments": (
        r"waffenruhe\w*", r"feuerpause\w*", r"waffenstillstand\w*", r"\w*gespräch\w*", r"\w*konferenz\w*",
        r"\w*verhandlung\w*", r"verhandel\w*", r"(?-i:Treffen|[A-ZÄÖÜ]\w+treffen)s?",
        r"\w*resolution\w*", r"stationiert\w*", r"\w*abkommen\w*", r"vereinbar\w*", r"dialog\w*", r"telefonat\w*",
        r"telefoniert\w*", r"sanktion\w*", r"truppenabzug\w*", r"waffenlieferung\w*",
    ),
    "humanitarian": (
        r"\w*hilfskonvoi\w*", r"\w*fluchtkorridor\w*", r"\w*hilfslieferung\w*", r"luftbrücke\w*", r"humanitär\w*",
        r"hilfsgüter\w*", r"evakuier\w*", r"flüchtling\w*", r"nothilfe\w*", r"\w*hilfsorganisation\w*",
    ),
}
# Two-word triggers: both words must occur in the sentence (in any order); both are reported.
_PAIRS: dict[str, tuple[tuple[str, str], ...]] = {
    "violence_against_civilians": ((r"zivilist\w*", r"getötet|tötete\w*|umgebracht|ermordet|erschossen"),),
    "strategic_developments": ((r"soldaten|truppen|spezialkräfte\w*", r"schick\w*|entsend\w*|stationier\w*"),),
    "humanitarian": ((r"zivilist\w*|menschen|einwohner\w*|bewohner\w*", r"fliehen|flohen|geflohen|flüchten\w*"),),
}
_NEGATION = re.compile(r"\b(kein|keine|keinen|keiner|keinem|ohne)\s+(\w+\s+)?$", re.IGNORECASE)


def classify(sentence: str) -> tuple[str, tuple[str, ...]]:
    """The event type of a sentence and the trigger words (as written) that decided it; ("other", ()) if none."""
    hits = {etype: _triggers(etype, sentence) for etype in PRIORITY}
    best = max(PRIORITY, key=lambda etype: (len(hits[etype]), -PRIORITY.index(etype)))
    if not hits[best]:
        return "other", ()
    return best, tuple(word for _, words in hits[best] for word in words)


def event_type_label(type_id: str) -> str:
    """The German label of an event type id (the id itself when unknown)."""
    return next((label for tid, label, _ in EVENT_TYPES if tid == type_id), type_id)


def _triggers(etype: str, sentence: str) -> list[tuple[int, tuple[str, ...]]]:
    """Non-negated hits of one type in text order; a hit is one word, or both words of a pair (counted once)."""
    found: list[tuple[int, tuple[str, ...]]] = []
    for match in _single_pattern(etype).finditer(sentence):
        if not _NEGATION.search(sentence[: match.start()]):
            found.append((match.start(), (match.group(),)))
    taken = {start for start, _ in found}
    for first, second in _pair_patterns(etype):
        a, b = first.search(sentence), second.search(sentence)
        if a and b and a.start() not in taken and b.start() not in taken:
            pair = sorted([(a.start(), a.group()), (b.start(), b.group())])
            found.append((pair[0][0], (pair[0][1], pair[1][1])))
    return sorted(found)


@lru_cache(maxsize=None)
def _single_pattern(etype: str) -> re.Pattern[str]:
    return re.compile(r"\b(?:" + "|".join(_LEXICON[etype]) + r")\b", re.IGNORECASE)


@lru_cache(maxsize=None)
def _pair_patterns(etype: str) -> tuple[tuple[re.Pattern[str], re.Pattern[str]], ...]:
    return tuple(
        (re.compile(rf"\b(?:{a})\b", re.IGNORECASE), re.compile(rf"\b(?:{b})\b", re.IGNORECASE))
        for a, b in _PAIRS.get(etype, ())
    )
