"""spaCy components registered by geomap: the gazetteer place matcher and a German quote fix.

Importing this module registers the factories; `geomap.nlp.build_recognizer` does that lazily.
"""

from __future__ import annotations

from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Span

from geomap import roles, toponyms, unlisted, wordclass
from geomap.gazetteer import Candidate, Gazetteer, load_gazetteer
from geomap.resolve import prune
from geomap.tokenview import Tokens
from geomap.lexicon import DESIGNATOR_SUFFIXES, PLACE_DESIGNATORS, REGION_DESIGNATORS, has_arabic_prefix

OPENING_QUOTES = frozenset("„‚«»\"“")
MAX_NAME_TOKENS = 5
BARE_DESIGNATORS = frozenset(DESIGNATOR_SUFFIXES) | PLACE_DESIGNATORS | REGION_DESIGNATORS
PLACES_KEY = "geomap_places"
REJECTED_KEY = "geomap_rejected"


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
    assigns=["doc.spans"],
    default_config={"gazetteer_path": "", "use_model_entities": False},
)
def make_place_matcher(nlp: Language, name: str, gazetteer_path: str, use_model_entities: bool) -> PlaceMatcher:
    gazetteer = load_gazetteer(Path(gazetteer_path) if gazetteer_path else None)
    wordclass.warm_up()
    return PlaceMatcher(gazetteer, use_model_entities)


Hit = tuple[int, int, list[Candidate]]


class PlaceMatcher:
    """Finds place mentions: longest gazetteer hits over token n-grams, filtered by German rules,
    merged with the model's LOC entities when a model runs, each given a role (location or actor).

    Writes ``doc.spans["geomap_places"]`` (label: the role, ``kb_id_``: which recognizer found it) and
    ``doc.spans["geomap_rejected"]`` (gazetteer hits the rules rejected; label: the rule's name)."""

    def __init__(self, gazetteer: Gazetteer, use_model_entities: bool) -> None:
        self.gazetteer = gazetteer
        self.use_model_entities = use_model_entities
        self.max_tokens = min(MAX_NAME_TOKENS, max(1, getattr(gazetteer, "max_name_tokens", 4)))

    def __call__(self, doc: Doc) -> Doc:
        self._unlisted: dict[tuple[int, int], tuple[str, str]] = {}
        toks = Tokens.of(doc)
        hits = self._scan(toks)
        # tokens of hits that are surely places: a first name that is also some village is no such token
        scanned = {i for start, end, cands in hits if any(toponyms.is_notable(c, doc[start:end].text) for c in cands)
                   for i in range(start, end)}
        context = toponyms.Context(toponyms.person_words(doc, hits, scanned), scanned)
        accepted: list[Hit] = []
        rejected: list[Span] = []
        for start, end, cands in hits:
            rule = toponyms.rejection(doc, start, end, cands, context)
            if rule is None:
                accepted.append((start, end, cands))
            else:
                rejected.append(Span(doc, start, end, label=rule))
        if self.use_model_entities:
            accepted = self._merge_model_entities(doc, accepted, rejected)
        else:
            accepted = self._add_unlisted(doc, toks, accepted, rejected, context)
        accepted.sort(key=lambda hit: hit[0])
        places = {i for start, end, _ in accepted for i in range(start, end)}
        doc.spans[PLACES_KEY] = [self._span(doc, start, end, cands, places) for start, end, cands in accepted]
        doc.spans[REJECTED_KEY] = rejected
        return doc

    # --- finding ------------------------------------------------------------------------------

    def _could_start_name(self, text: str) -> bool:
        return text[:1].isupper() or has_arabic_prefix(text)

    def _is_bare_designator(self, text: str) -> bool:
        """ "Stadt", "Provinz", "Hafenstadt": context before a name, never a name themselves; a place whose
        name merely ends like one ("Düsseldorf", "Darmstadt", "Kuwait-Stadt") is no designator."""
        lower = text.lower()
        if lower in BARE_DESIGNATORS:
            return True  # "Dorf", "Stadt": a village somewhere named "Dorf" does not change that
        return "-" not in text and toponyms.is_designator(text) and not self.gazetteer.lookup(text)

    def _scan(self, toks: Tokens) -> list[Hit]:
        """Longest gazetteer hits over token n-grams, left to right (plain arrays: this is the hot loop)."""
        words, starts, sent_start, punct = toks.text, toks.idx, toks.sent_start, toks.punct
        stop = [wordclass.is_stop_word(w) for w in words]
        text = toks.doc_text
        hits: list[Hit] = []
        i, n_tokens = 0, len(words)
        while i < n_tokens:
            if punct[i] or not self._could_start_name(words[i]) or self._is_bare_designator(words[i]):
                i += 1
                continue
            found = None
            # a name never crosses a sentence start or punctuation other than hyphens and apostrophes
            run = 1
            while run < self.max_tokens and i + run < n_tokens and not sent_start[i + run] and not (
                    punct[i + run] and words[i + run] not in "-'’"):
                run += 1
            for n in range(run, 0, -1):
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
        if not cands and n_tokens > 1:
            # an inflected adjective in a name: "den Vereinigten Staaten", "des Nahen Ostens", "Roten Meer"
            first, _, rest = text.partition(" ")
            if first.endswith("en") and first[:1].isupper():
                cands = self.gazetteer.lookup(f"{first[:-1]} {rest}") or self.gazetteer.lookup(f"{first[:-2]}er {rest}")
        if n_tokens > 1:
            # designators and directions belong in one token ("Ost-Aleppo"); "Osten Aleppos" names Aleppo
            cands = [c for c in cands if c.match != "direction"]
        if not cands and len(text) > 4 and text.endswith("n"):
            cands = [c for c in self.gazetteer.lookup(text[:-1]) if c.kind in ("country", "region", "admin_region")]
        return list(cands)

    def _merge_model_entities(self, doc: Doc, accepted: list[Hit], rejected: list[Span]) -> list[Hit]:
        """Model PER/ORG entities veto hits inside longer names; LOC entities the gazetteer lacks are added."""
        covered = {i for start, end, _ in accepted for i in range(start, end)}
        kept = []
        for start, end, cands in accepted:
            ent = _entity_over(doc, start, end)
            if ent is not None and ent.label_ == "PER":
                rejected.append(Span(doc, start, end, label="model-person"))
                continue
            if ent is not None and ent.label_ in ("ORG", "MISC") and (ent.end - ent.start) > (end - start):
                rejected.append(Span(doc, start, end, label="model-organisation"))
                continue
            kept.append((start, end, cands))
        for ent in doc.ents:
            if ent.label_ == "LOC" and not any(i in covered for i in range(ent.start, ent.end)):
                kept.append((ent.start, ent.end, []))
        return kept

    def _add_unlisted(self, doc: Doc, toks: Tokens, accepted: list[Hit], rejected: list[Span],
                      context: toponyms.Context) -> list[Hit]:
        """Without a model: names the gazetteer lacks, found by German rules (geomap.unlisted), kept without
        candidates so the fallback geocoder can try; a rejected gazetteer hit is not found again."""
        taken = {i for start, end, _ in accepted for i in range(start, end)}
        # a lexicon toponym may stand where the gazetteer's only candidates were wrong ("Böhmen" ~ a folded
        # homograph), never where a rule said "not a place here"
        weak = {"common-word", "fold-not-transliteration", "genitive-common-word", "minor-place-without-context"}
        refused = {i for span in rejected if span.label_ not in weak for i in range(span.start, span.end)}
        is_place = lambda name: any(toponyms.is_notable(c, name) for c in self.gazetteer.lookup(name))  # noqa: E731
        for start, end, kind, key in unlisted.find_unlisted(toks, self._is_bare_designator, is_place, taken):
            if kind == "designated":
                # "Dorf Tell Marduch": the designated name wins over a minor place inside it ("Tell")
                inside = [h for h in accepted if start <= h[0] and h[1] <= end and (h[1] - h[0]) < (end - start)
                          and not any(toponyms.is_notable(c, doc[h[0]:h[1]].text) for c in h[2])]
                for hit in inside:
                    accepted.remove(hit)
                    taken.difference_update(range(hit[0], hit[1]))
            if any(i in taken for i in range(start, end)):
                continue
            if kind == "lexicon" and any(i in refused for i in range(start, end)):
                continue
            if kind == "lexicon":
                rule = toponyms.rejection(doc, start, end, (), context, listed=False)
                if rule is not None:
                    if not any((r.start, r.end) == (start, end) for r in rejected):
                        rejected.append(Span(doc, start, end, label=rule))
                    continue
            self._unlisted[(start, end)] = (kind, key)
            accepted.append((start, end, []))
            taken.update(range(start, end))
        return accepted

    # --- describing ---------------------------------------------------------------------------

    def _span(self, doc: Doc, start: int, end: int, cands: list[Candidate], places: set[int]) -> Span:
        span = doc[start:end]
        # a city that is also its governorate's name ("Hama") is the city: prune as resolution will
        polity = any(roles.is_polity(c.kind, c.is_capital, c.name) for c in prune(cands, span.text))
        role = roles.classify_role(span, polity=polity, genitive=toponyms.is_genitive(cands), place_tokens=places)
        kind, key = self._unlisted.get((start, end), ("", ""))
        source = "gazetteer" if cands else ("model" if self.use_model_entities else f"rule:{kind}")
        return Span(doc, start, end, label=role, kb_id=source, span_id=key)


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
