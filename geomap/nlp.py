"""The spaCy pipeline: one factory builds it, with the de_core_news_md model when installed and a
rule-based German recognizer on spacy.blank("de") otherwise. Both end in the gazetteer matcher.

Nothing here runs at import: spaCy itself is imported inside the factory, so the web server never pays for it.
"""

from __future__ import annotations

import importlib.util
import logging
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable, Sequence

from geomap.errors import ModelError
from geomap.models import Article, Mention

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

log = logging.getLogger(__name__)

MODEL_LABELS = ("LOC", "PER", "ORG", "MISC")
WATER_PREPOSITIONS = frozenset("am an ans entlang ufer flussabwärts flussaufwärts hochwasser pegel".split())
NO_MODEL = {"", "none", "off", "blank"}


@dataclass(frozen=True)
class Rejection:
    """A gazetteer hit that a rule said is not a place here, and the rule's name."""

    start: int
    end: int
    surface: str
    rule: str


@dataclass
class Recognizer:
    """A built pipeline and an honest description of what it is."""

    nlp: Language
    name: str  # "de_core_news_md 3.8.0 (spaCy model) + gazetteer" or "rules: spacy.blank('de') + gazetteer"
    kind: str  # "model" or "rules"
    reason: str = ""  # why the model was not used, when it was not

    def describe(self) -> str:
        return f"{self.name}" + (f" [{self.reason}]" if self.reason else "")


def model_available(name: str) -> bool:
    """True when `name` is an installed spaCy model package or a model directory (no loading)."""
    if not name or name.lower() in NO_MODEL:
        return False
    if Path(name).is_dir():
        return (Path(name) / "config.cfg").exists()
    return importlib.util.find_spec(name.replace("-", "_")) is not None


def build_recognizer(model: str = "de_core_news_md", gazetteer_path: str | None = None) -> Recognizer:
    """Build the pipeline once per process: the model when available, else the rule-based recognizer."""
    import spacy

    from geomap import components  # noqa: F401  (registers the geomap_* factories)

    config = {"gazetteer_path": gazetteer_path or ""}
    if model_available(model):
        try:
            nlp = spacy.load(model, exclude=["lemmatizer"])
        except (OSError, ValueError) as exc:
            raise ModelError(f"cannot load spaCy model {model!r}: {exc}") from exc
        _check_labels(nlp, model)
        if "parser" not in nlp.pipe_names and "senter" not in nlp.pipe_names and "sentencizer" not in nlp.pipe_names:
            nlp.add_pipe("sentencizer", first=True)
        nlp.add_pipe("geomap_places", config={**config, "use_model_entities": True}, last=True)
        version = nlp.meta.get("version", "?")
        label = nlp.meta.get("name", Path(model).name)
        lang = nlp.meta.get("lang", "de")
        return Recognizer(nlp, f"{lang}_{label} {version} (spaCy model) + gazetteer", "model")
    reason = "model disabled" if (not model or model.lower() in NO_MODEL) else f"model {model!r} not installed"
    nlp = spacy.blank("de")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("geomap_quote_fix")
    nlp.add_pipe("geomap_places", config={**config, "use_model_entities": False})
    return Recognizer(nlp, "rules: spacy.blank('de') + sentencizer + gazetteer matcher", "rules", reason)


def _check_labels(nlp: Language, model: str) -> None:
    if "ner" not in nlp.pipe_names:
        raise ModelError(f"spaCy model {model!r} has no 'ner' component")
    labels = set(nlp.get_pipe("ner").labels)
    if "LOC" not in labels:
        raise ModelError(f"spaCy model {model!r} has no LOC label (labels: {sorted(labels)})")


def _content_chunks(article: Article) -> list[tuple[int, str]]:
    """(offset, text) of each content segment; boilerplate never reaches the recognizer."""
    if not article.content:
        return [(0, article.raw)]
    return [(seg.start, article.raw[seg.start:seg.end]) for seg in article.content]


def extract_mentions(recognizer: Recognizer, article: Article,
                     rejections: list[Rejection] | None = None) -> list[Mention]:
    """All place mentions in the article's content, with offsets into its raw text; gazetteer hits that a
    rule rejected are appended to `rejections` when it is given (`geomap parse --explain`)."""
    return extract_from_chunks(recognizer, _content_chunks(article), rejections)


def extract_from_chunks(recognizer: Recognizer, chunks: Sequence[tuple[int, str]],
                        rejections: list[Rejection] | None = None) -> list[Mention]:
    """Mentions from (offset, text) chunks, shifted to absolute offsets."""
    mentions: list[Mention] = []
    texts = [text for _, text in chunks]
    for (offset, _), doc in zip(chunks, recognizer.nlp.pipe(texts, batch_size=32)):
        mentions.extend(_shift(m, offset) for m in doc_mentions(doc))
        if rejections is not None:
            rejections.extend(Rejection(start + offset, end + offset, surface, rule)
                              for start, end, surface, rule in doc_rejections(doc))
    return mentions


def extract_from_text(recognizer: Recognizer, text: str) -> list[Mention]:
    """Mentions in a plain text (the `parse` contract): the whole text is content."""
    return extract_from_chunks(recognizer, [(0, text)])


def doc_mentions(doc: Doc) -> list[Mention]:
    """The place spans the matcher wrote, as Mentions (label: role; kb_id_: which recognizer found it)."""
    from geomap.components import PLACES_KEY

    return [
        Mention(start=span.start_char, end=span.end_char, surface=span.text, key=span.id_ or span.text,
                sent_start=span.sent.start_char, sent_end=span.sent.end_char, role=span.label_,
                source=span.kb_id_, by_water=_by_water(span))
        for span in doc.spans.get(PLACES_KEY, ())
    ]


def _by_water(span) -> bool:
    """ "am Dnipro", "an der Elbe", "entlang der Oder", "Ufer des Rheins": the name is a river or shore."""
    doc, i = span.doc, span.start - 1
    if i >= 0 and doc[i].lower_ in ("der", "die", "des", "dem", "den"):
        i -= 1
    return i >= 0 and doc[i].lower_ in WATER_PREPOSITIONS


def doc_rejections(doc: Doc) -> list[tuple[int, int, str, str]]:
    """Gazetteer hits the rules rejected: (start, end, surface, rule)."""
    from geomap.components import REJECTED_KEY

    return [(s.start_char, s.end_char, s.text, s.label_) for s in doc.spans.get(REJECTED_KEY, ())]


def _shift(m: Mention, offset: int) -> Mention:
    if not offset:
        return m
    from dataclasses import replace

    return replace(
        m, start=m.start + offset, end=m.end + offset, sent_start=m.sent_start + offset, sent_end=m.sent_end + offset
    )


def pipe_texts(recognizer: Recognizer, texts: Iterable[str]) -> Iterable[Any]:
    """Docs for texts in batches (used by benchmarks for the bare-pipeline baseline)."""
    return recognizer.nlp.pipe(texts, batch_size=32)
