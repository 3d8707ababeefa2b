"""Recognition rules on everyday German news: the error classes of issue #10, each with its own cases,
the spaCy component contract (doc.spans, declared), and rejected hits that name their rule."""

from __future__ import annotations

import pytest

from geomap.components import PLACES_KEY, REJECTED_KEY
from geomap.nlp import build_recognizer, doc_mentions, doc_rejections


@pytest.fixture(scope="module")
def rules():
    return build_recognizer("none")


def _found(rules, text: str) -> list[str]:
    return [m.surface for m in doc_mentions(rules.nlp(text))]


@pytest.mark.parametrize(
    "text, expected",
    [
        # a name that merely ends like a designator ("-dorf", "-stadt") is a place, not context
        ("In Düsseldorf demonstrierten am Samstag 5000 Menschen.", ["Düsseldorf"]),
        ("Die Polizei in Darmstadt meldete einen Unfall.", ["Darmstadt"]),
        # a capitalised common noun after a place does not make it part of a longer name
        ("Bereits im Juli hatte es in Omdurman Luftangriffe gegeben.", ["Omdurman"]),
        ("In Regensburg und Passau stieg das Wasser.", ["Regensburg", "Passau"]),
        # designators still work
        ("Kämpfe in der Stadt Rakka dauern an.", ["Rakka"]),
        # a designated name the gazetteer lacks wins over a minor place inside it
        ("Das Dorf Tell Marduch wurde beschossen.", ["Tell Marduch"]),
        # a small place needs a place's context: "in Whitehead", not "Dean Whitehead"
        ("Der Unfall geschah in Whitehead.", ["Whitehead"]),
    ],
)
def test_rules_find_places_of_every_size(rules, text, expected):
    assert _found(rules, text) == expected


@pytest.mark.parametrize(
    "text, rejected, rule",
    [
        ("Werder Bremen verlor in München.", "Bremen", "club-name"),
        ("Der FC Bayern München gewann.", "München", "club-name"),
        ("Hannover 96 stieg ab.", "Hannover", "club-name"),
        ("Sie studierte an der Universität Wien.", "Wien", "institution-name"),
        ("Der Zug von Hamburg nach Berlin fiel aus.", "Zug", "common-word"),
        ("Die Lage in Aleppo ist ernst.", "Lage", "common-noun"),
        ("Auf glatten Straßen kam es zu Unfällen.", "Straßen", "common-noun"),
        ("Nahe der Ortschaft Saraqib wurde gekämpft.", "Nahe", "function-word"),
        ("Das Tor schoss Whitehead.", "Whitehead", "minor-place-without-context"),
        ("Das Tor schoss Dean Whitehead.", "Whitehead", "person-seen-before"),
        ("Genosse Stalin sprach.", "Stalin", "person-name"),
        ("Zwischen Mitte und Ende Oktober wurde gekämpft.", "Mitte", "common-word"),
    ],
)
def test_rules_reject_names_that_contain_places_and_say_why(rules, text, rejected, rule):
    doc = rules.nlp(text)
    assert rejected not in [m.surface for m in doc_mentions(doc)]
    assert (rejected, rule) in [(surface, why) for _, _, surface, why in doc_rejections(doc)]


def test_rules_keep_the_town_beside_its_club(rules):
    assert _found(rules, "Werder Bremen gewann in Bremen gegen Eintracht Frankfurt.") == ["Bremen"]


def test_rules_person_named_like_a_place(rules):
    assert "Paris" not in _found(rules, "Paris Hilton eröffnete ein Hotel.")
    assert _found(rules, "Paris Hilton eröffnete ein Hotel in Paris.") == ["Paris"]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Die Schau fand in der Schulstraße 5 statt.", ["Schulstraße 5"]),
        ("Der Unfall geschah auf der Friedberger Landstraße.", ["Friedberger Landstraße"]),
        ("Die St. Nikolauskapelle wurde 1807 abgebrochen.", ["St. Nikolauskapelle"]),
        ("Das Fest in Düsseldorf-Gerresheim begann.", ["Düsseldorf-Gerresheim"]),
        ("Er wanderte durch Böhmen und Mähren.", ["Böhmen", "Mähren"]),
        # an -isch- adjective and a country name make another region, not the country
        ("Wanderer in der Sächsischen Schweiz sind gewarnt.", ["Sächsischen Schweiz"]),
    ],
)
def test_rules_find_names_the_gazetteer_lacks(rules, text, expected):
    assert _found(rules, text) == expected


@pytest.mark.parametrize(
    "text",
    ["Das Team belegt den zweiten Tabellenplatz.", "Die Syrien-Konferenz begann.", "Der UN-Sondergesandte kam."],
)
def test_rules_common_nouns_are_not_streets_or_districts(rules, text):
    assert _found(rules, text) == []


def test_district_resolves_through_its_town(rules):
    (mention,) = doc_mentions(rules.nlp("Das Fest in Düsseldorf-Gerresheim begann."))
    assert (mention.surface, mention.key, mention.source) == ("Düsseldorf-Gerresheim", "Düsseldorf", "rule:district")


@pytest.mark.parametrize(
    "text, surface, role",
    [
        ("Die Explosion im Hafen von Beirut zerstörte Teile der Stadt.", "Beirut", "location"),
        ("Ein Waffenstillstand kommt für die USA nicht in Frage.", "USA", "actor"),
        ("Der Sondergesandte für Syrien reiste ab.", "Syrien", "location"),
        ("Russland wies dies zurück.", "Russland", "actor"),
    ],
)
def test_rules_roles_of_prepositions(rules, text, surface, role):
    roles = {m.surface: m.role for m in doc_mentions(rules.nlp(text))}
    assert roles[surface] == role


def test_matcher_writes_declared_spans(rules):
    doc = rules.nlp("Werder Bremen spielte in Bremen.")
    assert [s.text for s in doc.spans[PLACES_KEY]] == ["Bremen"]
    assert doc.spans[PLACES_KEY][0].label_ == "location"
    assert {s.label_ for s in doc.spans[REJECTED_KEY]} == {"club-name"}
    assert "doc.spans" in rules.nlp.get_pipe_meta("geomap_places").assigns
    assert "geomap_mentions" not in doc.user_data


def test_parse_explain_says_which_rule_rejected_each_hit():
    """`geomap parse --explain`: places with how they were found and resolved; rejected hits with their rule."""
    import io

    import orjson

    from geomap.parsing import parse_jsonl
    from geomap.pipeline import build_geoparser

    geoparser = build_geoparser({"model": "none", "gazetteer": None, "geocoder": "off"})
    out = io.StringIO()
    parse_jsonl(geoparser, io.StringIO('{"id": "a", "text": "Werder Bremen gewann in Bremen."}\n'), out, explain=True)
    result = orjson.loads(out.getvalue())
    assert [(p["surface"], p["found_by"]) for p in result["places"]] == [("Bremen", "gazetteer")]
    assert result["places"][0]["rule"] and result["places"][0]["candidates"] >= 1
    assert {(r["surface"], r["rule"]) for r in result["rejected"]} == {("Werder", "club-name"), ("Bremen", "club-name")}
