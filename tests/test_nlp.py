"""The recognizer factory: rule-based on spacy.blank("de"), and the model path on a small NER pipeline
that these tests train and save themselves (labels LOC, PER, ORG, MISC), loaded through the same factory."""

from __future__ import annotations

import random

import pytest

from geomap.errors import ModelError
from geomap.nlp import MODEL_LABELS, build_recognizer, extract_from_text, model_available

TRAIN = [
    ("Die Kämpfe in Aleppo gehen weiter.", [(14, 20, "LOC")]),
    ("John Kerry reiste nach Genf.", [(0, 10, "PER"), (23, 27, "LOC")]),
    ("Die Vereinten Nationen tagen in Paris.", [(4, 22, "ORG"), (32, 37, "LOC")]),
    ("Riad Hidschab sprach in Damaskus.", [(0, 13, "PER"), (24, 32, "LOC")]),
    ("Der Syrien-Konflikt dauert an.", [(4, 19, "MISC")]),
    ("In Kafr Nabl fielen Bomben.", [(3, 12, "LOC")]),
    ("Wladimir Putin traf Erdogan in Moskau.", [(0, 14, "PER"), (20, 27, "PER"), (31, 37, "LOC")]),
    ("Die Syrische Beobachtungsstelle meldete Tote in Idlib.", [(4, 31, "ORG"), (48, 53, "LOC")]),
]


@pytest.fixture(scope="module")
def trained_model_dir(tmp_path_factory):
    """A tiny German NER pipeline trained here and saved to disk, standing in for de_core_news_md."""
    import spacy
    from spacy.training import Example

    nlp = spacy.blank("de")
    ner = nlp.add_pipe("ner")
    for label in MODEL_LABELS:
        ner.add_label(label)
    examples = [Example.from_dict(nlp.make_doc(text), {"entities": ents}) for text, ents in TRAIN]
    random.seed(0)
    optimizer = nlp.initialize(lambda: examples)
    for _ in range(40):
        random.shuffle(examples)
        nlp.update(examples, sgd=optimizer, drop=0.1)
    path = tmp_path_factory.mktemp("model") / "de_test_ner"
    nlp.meta["name"] = "test_ner"
    nlp.to_disk(path)
    return path


@pytest.fixture(scope="module")
def rules():
    return build_recognizer("none")


def _surfaces(recognizer, text):
    return [(m.surface, m.role) for m in extract_from_text(recognizer, text)]


def test_build_recognizer_without_model_says_so(rules):
    assert rules.kind == "rules"
    assert "spacy.blank('de')" in rules.name
    assert rules.nlp.pipe_names == ["sentencizer", "geomap_quote_fix", "geomap_places"]


def test_build_recognizer_missing_model_falls_back(tmp_path):
    rec = build_recognizer("de_core_news_md_not_installed")
    assert rec.kind == "rules" and "not installed" in rec.reason


def test_model_available_checks_without_loading(trained_model_dir, tmp_path):
    assert model_available(str(trained_model_dir))
    assert not model_available(str(tmp_path))
    assert not model_available("none")


def test_build_recognizer_loads_trained_model(trained_model_dir):
    rec = build_recognizer(str(trained_model_dir))
    assert rec.kind == "model"
    assert "spaCy model" in rec.name
    assert rec.nlp.pipe_names[-1] == "geomap_places"
    assert set(rec.nlp.get_pipe("ner").labels) == set(MODEL_LABELS)


def test_model_recognizer_finds_gazetteer_places(trained_model_dir):
    rec = build_recognizer(str(trained_model_dir))
    found = [s for s, _ in _surfaces(rec, "Die Kämpfe in Aleppo gehen weiter. John Kerry reiste nach Genf.")]
    assert "Aleppo" in found and "Genf" in found
    assert "Kerry" not in found


def test_model_without_ner_is_an_error(tmp_path):
    import spacy

    nlp = spacy.blank("de")
    nlp.add_pipe("sentencizer")
    nlp.to_disk(tmp_path / "no_ner")
    with pytest.raises(ModelError, match="no 'ner'"):
        build_recognizer(str(tmp_path / "no_ner"))


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Die Rebellen kämpfen in Aleppo.", ["Aleppo"]),
        ("Die Lage in Syriens Norden ist dramatisch.", ["Syriens"]),
        ("Luftangriffe auf Ost-Aleppo gingen weiter.", ["Ost-Aleppo"]),
        ("Die Offensive auf al-Rakka und Manbidsch begann.", ["al-Rakka", "Manbidsch"]),
        ("Hilfe erreichte Deir Essor.", ["Deir Essor"]),
        ("Die Syrien-Konferenz tagte ohne Ergebnis.", []),
        ("US-Außenminister John Kerry telefonierte.", []),
        ("Der Koordinator Riad Hidschab sprach.", []),
        ("Am Ende war die Lage in der Halle ruhig.", []),
        ("Die Truppen stehen in der Stadt Rakka.", ["Rakka"]),
    ],
)
def test_rules_recognizer_german_cases(rules, text, expected):
    assert [s for s, _ in _surfaces(rules, text)] == expected


@pytest.mark.parametrize(
    "text, surface, role",
    [
        ("Russland wies dies zurück.", "Russland", "actor"),
        ("Die Waffenruhe in Syrien hält.", "Syrien", "location"),
        ("Syriens Präsident Assad sprach.", "Syriens", "actor"),
        ("Er sprach mit Vertretern der USA.", "USA", "actor"),
        ("Die USA brachen den Dialog mit Russland ab.", "Russland", "actor"),
        ("Ayrault reist nach Moskau.", "Moskau", "location"),
        ("Die Regierung in Moskau schweigt.", "Moskau", "location"),
        ("Die von Russland unterstützte Armee rückt vor.", "Russland", "actor"),
        ("In Aleppo wird gekämpft.", "Aleppo", "location"),
    ],
)
def test_rules_recognizer_roles(rules, text, surface, role):
    roles = dict(_surfaces(rules, text))
    assert roles[surface] == role


@pytest.mark.parametrize(("text", "places"), [
    ("", []), ("   ", []), ("🙂🔥 <b>nichts</b> &amp; {{ x }}", []), ("x" * 200_000, []),
    ("The quick brown fox in London.", ["London"]),
])
def test_rules_recognizer_odd_input_never_crashes(rules, text, places):
    mentions = extract_from_text(rules, text)
    assert [m.surface for m in mentions] == places
    assert all(text[m.start:m.end] == m.surface and m.sent_start <= m.start < m.end <= m.sent_end for m in mentions)
