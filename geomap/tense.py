"""The tense of a German sentence near a date expression: past, future or present.

A date named without a year ("im März", "am Montag") is resolved by the tense of its clause (``geomap.dates``).
The tense is read from markers: future auxiliaries and modals ("wird", "soll", "wollen"), past forms ("wurde",
"hatte", "kam") and a perfect auxiliary with a participle ("hat … erobert", "ist … geflohen"). When a sentence
has both, the marker nearest the expression decides (German puts the finite verb right after a fronted time
phrase). Verbs of saying are no marker: news reports in the past what will happen ("sagte, im März werde …").
"""

from __future__ import annotations

import re
from typing import Literal

Tense = Literal["past", "future", "present"]

_FUTURE = frozenset(
    "wird werden werde wirst soll sollen solle sollst will wollen wolle willst plant planen geplant beabsichtigt "
    "demnächst künftig bevorstehend bevorstehende bevorstehenden anstehend anstehende anstehenden".split()
)
_PAST = frozenset(
    "wurde wurden wurdest war waren warst hatte hatten hattest worden gewesen kam kamen gab gaben ging gingen fiel "
    "fielen starb starben griff griffen brach brachen floh flohen zog zogen begann begannen traf trafen schoss "
    "schossen stand standen lag lagen blieb blieben nahm nahmen fand fanden hielt hielten ließ ließen gewann "
    "gewannen verlor drang drangen rückte rückten kämpfte kämpften tötete töteten stürmte stürmten eroberte "
    "eroberten explodierte explodierten demonstrierten protestierten flüchteten überfielen".split()
)
_PERFECT_AUX = frozenset("hat haben habe hast ist sind bin bist".split())
# Participles: ge-…-t/-en (also after a separable prefix: "angegriffen", "abgezogen"), be-/er-/ver-/zer-/ent-
# verbs ("erobert", "zerstört") and -iert ("bombardiert"). Only counted next to a perfect auxiliary.
_PARTICIPLE = re.compile(
    r"(?:ab|an|auf|aus|bei|ein|fest|fort|her|hin|los|mit|nach|vor|weg|zu|zurück|zusammen|durch|um)?ge[a-zäöüß]{2,}(?:t|en)"
    r"|(?:be|er|ver|zer|ent)[a-zäöüß]{3,}t|[a-zäöüß]{3,}iert"
)
_NOT_PARTICIPLE = frozenset("gegen genug gestern gemeinsam gerade genau gesamt bereit gehen geben gelten gewinnen".split())
_WORD = re.compile(r"[A-Za-zÄÖÜäöüß]+")
_SENTENCE_END = re.compile(r"(?<![0-9])(?<!\b[A-Za-z])[.!?…][\"“”«»']?\s+(?=[\"„“«]?[A-ZÄÖÜ])")


def sentence_bounds(text: str, pos: int) -> tuple[int, int]:
    """The [start, end) of the sentence of ``text`` holding offset ``pos`` (a light splitter: no model needed)."""
    start, end = 0, len(text)
    for match in _SENTENCE_END.finditer(text):
        if match.end() <= pos:
            start = match.end()
        elif match.start() >= pos:
            end = match.start() + 1
            break
    return start, end


def tense_at(sentence: str, start: int, end: int) -> Tense:
    """The tense of ``sentence`` as seen from the expression at [start, end): the nearest marker decides."""
    words = [(m.start(), m.group().casefold()) for m in _WORD.finditer(sentence)]
    has_participle = any(_is_participle(w) for _, w in words)
    markers: list[tuple[int, Tense]] = []
    for pos, word in words:
        if start <= pos < end:
            continue  # the expression's own words ("kommenden") are read by its rule
        if word in _FUTURE:
            markers.append((pos, "future"))
        elif word in _PAST or (word in _PERFECT_AUX and has_participle):
            markers.append((pos, "past"))
    if not markers:
        return "present"
    return min(markers, key=lambda m: start - m[0] if m[0] < start else m[0] - end)[1]


def _is_participle(word: str) -> bool:
    return word not in _NOT_PARTICIPLE and _PARTICIPLE.fullmatch(word) is not None
