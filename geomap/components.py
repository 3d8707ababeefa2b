"""spaCy components registered by geomap: the gazetteer place matcher and a German quote fix.

Importing this module registers the factories; `geomap.nlp.build_recognizer` does that lazily.
"""

from __future__ import annotations

from pathlib import Path
from typing import Sequence

from spacy.language import Language
from spacy.tokens import Doc, Span

from geomap import roles, toponyms
from geomap.gazetteer import Candidate, Gazetteer, load_gazetteer
from geomap.lexicon import has_arabic_prefix
from geomap.models import Mention

OPENING_QUOTES = frozenset("„‚«»\"“")
MAX_NAME_TOKENS = 5


@Language.component("geomap_quote_fix")
def quote_fix(doc: Doc) -> Doc:
    """Move an opening quote that the sentencizer left at a sentence end to the next sentence."""
    for i in range(1, len(doc) - 1):
        tok = doc[i]
        if tok.text in OPENING_QUOTES and doc[i - 1].text in (".", "!", "?", ":") and tok.whitespace_ == "":
            if doc[i + 1].is_sent_start:
                doc[i + 1].is_sent_start = False
                tok.is_sent_start = True
    return doc


@Language.factory(
    "geomap_places",
    default_config={"gazetteer_path": "", "use_model_entities": False},
)
def make_place_matcher(nlp: Language, name: str, gazetteer_path: str, use_model_entities: bool) -> PlaceMatcher:
    gazetteer = load_gazetteer(Path(gazetteer_path) if gazetteer_path else None)
    toponyms.warm_up()
    return PlaceMatcher(gazetteer, use_model_entities)


class PlaceMatcher:
    """Finds place mentions: longest gazetteer hits over token n-grams, filtered by German rules,
    merged with the model's LOC entities when a model runs, each given a role (location or actor)."""

    def __init__(self, gazetteer: Gazetteer, use_model_entities: bool) -> None:
        self.gazetteer = gazetteer
        self.use_model_entities = use_model_entities
        self.max_tokens = min(MAX_NAME_TOKENS, max(1, getattr(gazetteer, "max_name_tokens", 4)))

    def __call__(self, doc: Doc) -> Doc:
        hits = self._scan(doc)
        doc.user_data["geomap_place_tokens"] = {i for start, end, _ in hits for i in range(start, end)}
        accepted = self._filter(doc, hits)
        if self.use_model_entities:
            accepted = self._merge_model_entities(doc, accepted)
        else:
            accepted = self._add_designated_unknowns(doc, accepted)
        accepted.sort(key=lambda hit: hit[0])
        doc.user_data["geomap_place_tokens"] = {i for start, end, _ in accepted for i in range(start, end)}
        doc.user_data["geomap_mentions"] = [self._mention(doc, *hit) for hit in accepted]
        return doc

    # --- finding ------------------------------------------------------------------------------

    def _could_start_name(self, text: str) -> bool:
        return text[:1].isupper() or has_arabic_prefix(text)

    def _scan(self, doc: Doc) -> list[tuple[int, int, list[Candidate]]]:
        """Longest gazetteer hits over token n-grams, left to right (plain arrays: this is the hot loop)."""
        words = [t.text for t in doc]
        starts = [t.idx for t in doc]
        sent_start = [t.is_sent_start for t in doc]
        punct = [t.is_punct for t in doc]
        stop = [toponyms.is_stop_word(w) for w in words]
        text = doc.text
        hits: list[tuple[int, int, list[Candidate]]] = []
        i, n_tokens = 0, len(doc)
        while i < n_tokens:
            if punct[i] or not self._could_start_name(words[i]) or _is_bare_designator(words[i]):
                i += 1
                continue
            found = None
            for n in range(min(self.max_tokens, n_tokens - i), 0, -1):
                j = i + n - 1
                if n > 1 and not _plausible_multiword(words, sent_start, punct, stop, i, j):
                    continue
                cands = self._lookup(text[starts[i]:starts[j] + len(words[j])], n)
                if cands:
                    found = (i, i + n, cands)
                    break
            if found:
                hits.append(found)
                i = found[1]
            else:
                i += 1
        return hits

    def _lookup(self, text: str, n_tokens: int) -> list[Candidate]:
        """Gazetteer candidates for a span's text, trying the German dative plural ("den Niederlanden") too."""
        cands = self.gazetteer.lookup(text)
        if n_tokens > 1:
            # designators and directions belong in one token ("Ost-Aleppo"); "Osten Aleppos" names Aleppo
            cands = [c for c in cands if c.match != "direction"]
        if not cands and len(text) > 4 and text.endswith("n"):
            cands = [c for c in self.gazetteer.lookup(text[:-1]) if c.kind in ("country", "region", "admin_region")]
        return list(cands)

    def _filter(self, doc: Doc, hits: Sequence[tuple[int, int, list[Candidate]]]) -> list:
        person_words: set[str] = set()
        kept = []
        for start, end, cands in hits:
            if toponyms.part_of_other_name(doc, start, end, cands):
                if toponyms.is_surname_position(doc, start) and not toponyms.is_prominent(cands):
                    person_words.add(doc[start:end].text)  # "John Kerry" ... later a bare "Kerry"
                continue
            kept.append((start, end, cands))
        return [hit for hit in kept if toponyms.accept_hit(doc, hit[0], hit[1], hit[2], person_words)]

    def _merge_model_entities(self, doc: Doc, accepted: list) -> list:
        """Model PER/ORG entities veto hits inside longer names; LOC entities the gazetteer lacks are added."""
        covered = {i for start, end, _ in accepted for i in range(start, end)}
        kept = []
        for start, end, cands in accepted:
            ent = _entity_over(doc, start, end)
            if ent is not None and ent.label_ == "PER":
                continue
            if ent is not None and ent.label_ in ("ORG", "MISC") and (ent.end - ent.start) > (end - start):
                continue
            kept.append((start, end, cands))
        for ent in doc.ents:
            if ent.label_ == "LOC" and not any(i in covered for i in range(ent.start, ent.end)):
                kept.append((ent.start, ent.end, []))
        return kept

    def _add_designated_unknowns(self, doc: Doc, accepted: list) -> list:
        """Without a model: "Stadt Kafr Nabl", "Grenzübergang Bab al-Hawa" name a place the gazetteer
        lacks; keep it (no candidates) so the fallback geocoder can try."""
        covered = {i for start, end, _ in accepted for i in range(start, end)}
        for tok in doc:
            if not toponyms.is_designator(tok.text) or not tok.text[:1].isupper():
                continue
            start = tok.i + 1
            end = start
            while end < len(doc) and end - start < 3 and doc[end].sent.start == tok.sent.start and (
                doc[end].text[:1].isupper() and doc[end].is_alpha
                or has_arabic_prefix(doc[end].text) and end > start
            ):
                if doc[end].lower_ in toponyms._stop_words():
                    break
                end += 1
            if end > start and not any(i in covered for i in range(start, end)):
                accepted.append((start, end, []))
                covered.update(range(start, end))
        return accepted

    # --- describing ---------------------------------------------------------------------------

    def _mention(self, doc: Doc, start: int, end: int, cands: list[Candidate]) -> Mention:
        span = doc[start:end]
        sent = span.sent
        polity = any(roles.is_polity(c.kind, c.is_capital, c.name) for c in cands)
        role = roles.classify_role(span, polity=polity, genitive=toponyms.is_genitive(cands))
        source = "gazetteer" if cands else ("model" if self.use_model_entities else "rule")
        return Mention(
            start=span.start_char,
            end=span.end_char,
            surface=span.text,
            key=span.text,
            sent_start=sent.start_char,
            sent_end=sent.end_char,
            role=role,
            source=source,
        )


def _is_bare_designator(text: str) -> bool:
    """ "Stadt", "Provinz", "Grenzübergang": context before a name, never a name (unlike "Kuwait-Stadt")."""
    return "-" not in text and toponyms.is_designator(text)


def _plausible_multiword(words: list[str], sent_start: list[bool], punct: list[bool], stop: list[bool],
                         i: int, j: int) -> bool:
    """A multi-word name (tokens i..j) lies within one sentence, and starts and ends with a name word,
    never "Es müsse"; a capitalised article mid-sentence starts one ("Den Haag", "Los Angeles")."""
    if any(sent_start[k] for k in range(i + 1, j + 1)):
        return False
    if any(punct[k] and words[k] not in "-'’" for k in range(i, j + 1)):
        return False
    if stop[j] or (stop[i] and (sent_start[i] or not words[i][:1].isupper())):
        return False
    return words[j][:1].isupper() or words[j][:1].isdigit()


def _entity_over(doc: Doc, start: int, end: int) -> Span | None:
    for ent in doc.ents:
        if ent.start <= start and end <= ent.end:
            return ent
    return None
