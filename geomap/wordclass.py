"""What kind of word a capitalised German word is: common noun, toponym, first name, surname.

German capitalises every noun, so capitalisation alone cannot tell "Luftangriffe" from "Passau".
Two word lists built from registry data answer it without a model:
  - ``gazetteer/german_words.tsv``: everyday frequency (wordfreq Zipf), for "is this an everyday word";
  - ``gazetteer/german_nouns.tsv``: Wiktionary noun forms with their class (german-nouns), for "is this a
    common noun form, a toponym, a first name or a surname".
Both are loaded once, on first use (at pipeline build time, never in the web process).
"""

from __future__ import annotations

import threading
from functools import lru_cache

from geomap.errors import GazetteerError

_LOCK = threading.Lock()


def _read_lines(name: str) -> list[str]:
    from geomap.config import gazetteer_dir

    path = gazetteer_dir() / name
    try:
        return path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise GazetteerError(f"cannot read German word list {path}: {exc}") from exc


@lru_cache(maxsize=1)
def _zipf_table() -> dict[str, float]:
    words: dict[str, float] = {}
    for line in _read_lines("german_words.tsv"):
        if line and not line.startswith("#"):
            word, _, zipf = line.partition("\t")
            words[word] = float(zipf)
    return words


@lru_cache(maxsize=1)
def _noun_table() -> dict[str, str]:
    table: dict[str, str] = {}
    for line in _read_lines("german_nouns.tsv"):
        if line and not line.startswith("#"):
            form, _, flags = line.partition("\t")
            table[form] = flags
    return table


@lru_cache(maxsize=1)
def _stop_words() -> frozenset[str]:
    from spacy.lang.de.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS)


def warm_up() -> None:
    """Load every list now (pipeline build time) rather than on the first article."""
    with _LOCK:
        _zipf_table()
        _noun_table()
        _stop_words()


def zipf(word: str) -> float:
    """How common a word is in German (wordfreq Zipf scale; 0 for words rarer than 2.5)."""
    table = _zipf_table()
    lower = word.lower()
    return table.get(lower) or table.get(lower.replace("ß", "ss"), 0.0)  # wordfreq folds "ß" to "ss"


def is_stop_word(word: str) -> bool:
    """A German function word (spaCy's German stop list)."""
    return word.lower() in _stop_words()


def noun_flags(word: str) -> str:
    """Wiktionary classes of a capitalised form: N common noun (lemma), n inflected common noun only,
    T toponym, V first name, S surname, E other proper name."""
    return _noun_table().get(word, "")


def is_common_noun(word: str) -> bool:
    """A form of a German common noun and of no proper name ("Luftangriffe", "Lage"; not "Halle")."""
    flags = noun_flags(word)
    return ("N" in flags or "n" in flags) and not any(f in flags for f in "TVSE")


def is_toponym(word: str) -> bool:
    """Wiktionary lists the word as a place name ("Passau", "Böhmen", "Halle")."""
    return "T" in noun_flags(word)


def is_person_name(word: str) -> bool:
    """Wiktionary lists the word as a first name or surname, and not as a place ("Merkel"; not "Paris")."""
    flags = noun_flags(word)
    return ("V" in flags or "S" in flags) and "T" not in flags
