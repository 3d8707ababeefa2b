"""The lexicon event-type classifier."""

from __future__ import annotations

import re

import pytest

from geomap.event_types import EVENT_TYPES, PRIORITY, classify, event_type_label


@pytest.mark.parametrize("sentence, expected, trigger", [
    ("Beobachter sprechen von schweren Gefechten in Aleppo.", "battles", "Gefechten"),
    ("Die Armee startete eine Großoffensive auf die Stadt.", "battles", "Großoffensive"),
    ("Die Truppen haben 85 Prozent des Ostteils zurückerobert.", "battles", "zurückerobert"),
    ("Die Regierungstruppen rückten in das Viertel vor.", "battles", "rückten"),
    ("Russische Jets bombardierten das Krankenhaus.", "explosions_remote_violence", "bombardierten"),
    ("Bei einem Selbstmordanschlag starben zehn Menschen.", "explosions_remote_violence", "Selbstmordanschlag"),
    ("Der IS ließ einen Teil der Geiseln frei.", "violence_against_civilians", "Geiseln"),
    ("Die Konferenz forderte eine Feuerpause.", "strategic_developments", "Feuerpause"),
    ("Beim Treffen in Genf wurde verhandelt.", "strategic_developments", "Treffen"),
    ("Die UN fordern Hilfskonvois für die Stadt.", "humanitarian", "Hilfskonvois"),
    ("Immer mehr Zivilisten fliehen aus der Stadt.", "humanitarian", "fliehen"),
    ("Tausende demonstrierten vor dem Rathaus gegen die Reform.", "protests", "demonstrierten"),
    ("Nach dem Spiel kam es zu schweren Ausschreitungen.", "riots", "Ausschreitungen"),
    ("Randalierer plünderten mehrere Geschäfte.", "riots", "Randalierer"),
    ("Das Hochwasser zerstörte Dutzende Häuser.", "disasters", "Hochwasser"),
    ("Ein Erdrutsch verschüttete das Bergdorf.", "disasters", "Erdrutsch"),
    ("Bei dem Zugunglück starben zwölf Menschen.", "disasters", "Zugunglück"),
    ("Milizen verübten ein Massaker an den Dorfbewohnern.", "violence_against_civilians", "Massaker"),
    ("Die Vereinten Nationen warnen vor einer Hungersnot.", "humanitarian", "Hungersnot"),
])
def test_classify_lexicon(sentence, expected, trigger):
    etype, triggers = classify(sentence)
    assert etype == expected
    assert trigger in triggers
    assert all(t in sentence for t in triggers)


def test_classify_other_without_triggers():
    assert classify("Das Wetter in Berlin war schön.") == ("other", ())
    assert classify("") == ("other", ())


def test_classify_verb_treffen_is_not_a_meeting():
    assert classify("Wir treffen uns morgen.")[0] == "other"


def test_classify_ignores_negated_trigger():
    etype, triggers = classify("Sie sprach von schweren Gefechten, wenngleich es keine Luftangriffe gebe.")
    assert (etype, triggers) == ("battles", ("Gefechten",))


def test_classify_tie_uses_priority():
    etype, triggers = classify("Bei Luftangriffen wurden Zivilisten getötet.")
    assert etype == "explosions_remote_violence" and triggers == ("Luftangriffen",)


def test_classify_majority_beats_priority():
    etype, _ = classify("Die Konferenz forderte Verhandlungen über eine Waffenruhe trotz Luftangriffen.")
    assert etype == "strategic_developments"


def test_event_types_are_exactly_the_published_ids_with_distinct_colours():
    assert [tid for tid, _, _ in EVENT_TYPES] == [
        "battles", "explosions_remote_violence", "violence_against_civilians", "protests", "riots",
        "strategic_developments", "disasters", "humanitarian", "other"]
    assert len({colour for _, _, colour in EVENT_TYPES}) == len(EVENT_TYPES)
    assert len({label for _, label, _ in EVENT_TYPES}) == len(EVENT_TYPES)


def test_classify_arson_by_a_crowd_is_a_riot_not_a_fire():
    assert classify("Jugendliche setzten Mülltonnen in Brand.")[0] == "riots"


def test_event_types_table_is_complete():
    ids = [tid for tid, _, _ in EVENT_TYPES]
    assert set(PRIORITY) | {"other"} == set(ids)
    assert all(re.fullmatch(r"#[0-9a-f]{6}", colour) for _, _, colour in EVENT_TYPES)
    assert event_type_label("battles") == "Kämpfe" and event_type_label("nope") == "nope"
