"""Actor vs location from a dependency parse (model present) — on hand-built parsed Docs."""

import spacy
from spacy.tokens import Doc

from geomap.roles import classify_role


def _doc(words, heads, deps, pos, tags=None):
    nlp = spacy.blank("de")
    doc = Doc(nlp.vocab, words=words, heads=heads, deps=deps, pos=pos, tags=tags or [""] * len(words),
              sent_starts=[True] + [False] * (len(words) - 1))
    return doc


def test_parse_subject_is_actor():
    doc = _doc(["Russland", "wies", "dies", "zurück", "."], [1, 1, 1, 1, 1], ["sb", "ROOT", "oa", "svp", "punct"],
               ["PROPN", "VERB", "PRON", "ADP", "PUNCT"])
    assert classify_role(doc[0:1], polity=True, genitive=False) == "actor"


def test_parse_locative_preposition_is_location():
    doc = _doc(["Kämpfe", "in", "Syrien", "."], [0, 0, 1, 0], ["ROOT", "mnr", "nk", "punct"],
               ["NOUN", "ADP", "PROPN", "PUNCT"], ["NN", "APPR", "NE", "$."])
    assert classify_role(doc[2:3], polity=True, genitive=False) == "location"


def test_parse_partner_preposition_is_actor():
    doc = _doc(["Gespräche", "mit", "Russland", "."], [0, 0, 1, 0], ["ROOT", "mnr", "nk", "punct"],
               ["NOUN", "ADP", "PROPN", "PUNCT"], ["NN", "APPR", "NE", "$."])
    assert classify_role(doc[2:3], polity=True, genitive=False) == "actor"


def test_parse_genitive_of_office_is_actor_and_of_area_is_location():
    office = _doc(["Präsident", "Syriens", "."], [0, 0, 0], ["ROOT", "ag", "punct"], ["NOUN", "PROPN", "PUNCT"])
    area = _doc(["Teilen", "Syriens", "."], [0, 0, 0], ["ROOT", "ag", "punct"], ["NOUN", "PROPN", "PUNCT"])
    assert classify_role(office[1:2], polity=True, genitive=True) == "actor"
    assert classify_role(area[1:2], polity=True, genitive=True) == "location"


def test_non_polity_is_always_location():
    doc = _doc(["Aleppo", "fiel", "."], [1, 1, 1], ["sb", "ROOT", "punct"], ["PROPN", "VERB", "PUNCT"])
    assert classify_role(doc[0:1], polity=False, genitive=False) == "location"
