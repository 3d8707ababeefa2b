"""Actor or location? A country named as an actor ("Russland wies dies zurück") is not a place where
something happened.

Uses the dependency parse when the model provides one, and German surface rules otherwise:
a locative preposition (in, aus, nach, bei, nahe, um) marks a location; a subject, a party to talks
(mit, zwischen, gegen), an agent (von ... unterstützt), a genitive possessor of an office
("Syriens Präsident") or an affiliation ("Diplomaten der USA", "Kollegen aus Italien") marks an actor.
Only polities can act: countries, capitals and seats of government. Other places are always locations.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

from geomap.lexicon import COORDINATORS, LOCATIVE_PREPOSITIONS as LOCATIVE_PREPS

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

Role = Literal["location", "actor"]

ACTOR_PREPS = frozenset("von vom mit zwischen gegen seitens gegenüber".split())
DETERMINERS = frozenset("der die das den dem des ein eine einen einem einer eines dessen deren".split())
# Nouns whose genitive or "aus"/"der" complement names who acts: offices, envoys, invitations, positions.
AGENT_NOUNS = frozenset(
    "diplomaten diplomat vertreter vertreterin vertretern kollegen kollege kollegin ministern minister "
    "einladung bitten initiative regierung regierungen präsident präsidenten führung armee truppen militär "
    "botschafter botschafterin delegation delegationen haltung position positionen angaben sprecher sprecherin "
    "partner verbündete verbündeten außenminister außenministerin verteidigungsminister streitkräfte luftwaffe "
    "unterstützung vorschlag vorschläge forderung forderungen druck seite verbündeter verbündetem".split()
)
# Persons who represent a state: "Kollegen aus Italien" (actor), unlike "Truppen aus Syrien" (origin).
REPRESENTATIVE_NOUNS = frozenset(
    "kollegen kollege kollegin vertreter vertreterin vertretern diplomaten diplomat delegation delegationen "
    "gesandte gesandten amtskollegen amtskollege ministern minister".split()
)
# Parts and surroundings of a place: "Vororte von Tripolis", "vor den Toren von Damaskus" are locations.
SPATIAL_NOUNS = frozenset(
    "vororte vororten vorort teil teile teilen norden süden osten westen zentrum rand stadtrand umgebung "
    "umland toren tore hälfte region gebiet gebiete gebieten grenze grenzen nähe innenstadt außenbezirke".split()
)
# Nouns of relations between parties: "Gespräche zwischen Russland und den USA" names actors.
RELATION_STEMS = ("gespräch", "verhandlung", "abkommen", "streit", "konflikt", "beziehung", "treffen", "spannung",
                  "vertrag", "dialog", "einigung", "krieg", "kooperation", "zusammenarbeit", "handel", "austausch",
                  "vermittl", "annäherung", "gipfel", "allianz", "bündnis", "partnerschaft", "feindschaft")
# Participles of what befalls a place (unlike "eingeladen", which befalls a party).
AFFECTED_STEMS = ("betroffen", "getroffen", "überflutet", "überschwemmt", "zerstört", "beschädigt", "bombardiert",
                  "beschossen", "angegriffen", "evakuiert", "gesperrt", "verwüstet", "erschüttert", "heimgesucht")
AUXILIARIES = frozenset("wurde wurden wird werden sind waren".split())
DIRECTION_ADVERBS = frozenset(
    "nördlich südlich östlich westlich nordöstlich nordwestlich südöstlich südwestlich unweit oberhalb "
    "unterhalb".split()
)
COPULAS = frozenset("ist war liegt lag gilt galt bleibt blieb zählt".split())
AGENT_SUFFIXES = ("minister", "ministerin", "ministern", "präsident", "präsidentin", "regierung", "kanzler",
                  "kanzlerin", "gesandte", "gesandten", "diplomaten", "vertreter", "politiker", "kollegen")
PRESSURE_NOUNS = frozenset("druck einfluss einwirken rücksicht".split())
MOVEMENT_STEMS = ("besuch", "reist", "reis", "flog", "fliegt", "erreich", "verließ", "verlass", "kehrt", "zurückkehr")
GOVERNMENT_SEATS = frozenset({
    "Moscow Kremlin", "Kremlin", "White House", "Élysée Palace", "Elysee Palace", "Downing Street",
    "Pentagon", "The Pentagon", "Chancellery",
})


def is_polity(kind: str, is_capital: bool, name: str) -> bool:
    """Places that can stand for a government: countries, states and provinces ("Niederösterreich erklärte"),
    capitals and seats of government."""
    return kind in ("country", "admin_region") or is_capital or name in GOVERNMENT_SEATS


def classify_role(span: Span, *, polity: bool, genitive: bool, place_tokens: frozenset[int] | set[int] = frozenset()) -> Role:
    """Decide whether the place in `span` is where something happens or who acts."""
    if not polity:
        return "location"
    doc = span.doc
    if doc.has_annotation("DEP"):
        role = _role_from_parse(span)
        if role is not None:
            return role
    return _role_from_rules(span, genitive=genitive, place_tokens=place_tokens)


def _role_from_parse(span: Span) -> Role | None:
    root = span.root
    if root.dep_ in ("sb", "nsubj", "sbp"):
        return "actor"
    head = root.head
    if head.pos_ == "ADP" or head.tag_ in ("APPR", "APPRART"):
        return _role_for_preposition(head.lower_, head)
    if root.dep_ == "ag" and head.pos_ in ("NOUN", "PROPN"):
        return "actor" if _is_agent_noun(head.text) else "location"
    return None


def _is_agent_noun(word: str) -> bool:
    lower = word.lower()
    return lower in AGENT_NOUNS or lower.endswith(AGENT_SUFFIXES)


def _role_for_preposition(prep: str, prep_token: Token) -> Role:
    before = prep_token.doc[prep_token.i - 1] if prep_token.i > 0 else None
    noun_before = (before is not None and before.text[:1].isupper() and not before.is_punct
                   and before.i > before.sent.start)
    if prep in ("von", "vom"):
        if before is not None and (before.lower_ in SPATIAL_NOUNS or before.lower_ in DIRECTION_ADVERBS):
            return "location"  # "die Vororte von Tripolis", "nördlich von Hama"
        if noun_before and not _is_agent_noun(before.text):
            return "location"  # "im Hafen von Beirut", "die Einwohner von Aleppo": a part or people of the place
        if _sentence_has_movement(prep_token):
            return "location"  # "Von Syrien reiste Putin weiter": an origin
    if prep == "zwischen" and not (noun_before and any(stem in before.lower_ for stem in RELATION_STEMS)):
        return "location"  # "die Strecke zwischen Hamburg und Berlin"; "Gespräche zwischen Russland und ..." acts
    if prep in ACTOR_PREPS:
        return "actor"
    if prep == "aus" and before is not None and before.lower_ in REPRESENTATIVE_NOUNS:
        return "actor"  # "Kollegen aus Großbritannien": state affiliation, not origin
    if prep == "auf" and before is not None and before.lower_ in PRESSURE_NOUNS:
        return "actor"  # "Druck auf Damaskus": the government is pressed, not the city
    if prep == "für" and not noun_before:
        return "actor"  # "kommt für die USA nicht in Frage": a beneficiary, not where anything happens
    return "location"  # "Friedensverhandlungen für Syrien": the topic of talks is the place they are about


def _governing_token(span: Span, place_tokens: frozenset[int] | set[int]) -> Token | None:
    """The first token before the mention that is not a determiner or a coordinated neighbour."""
    doc = span.doc
    i = span.start - 1
    determiners_in_a_row = 0
    while i >= span.sent.start:
        tok = doc[i]
        if tok.lower_ in DETERMINERS:
            determiners_in_a_row += 1
            if determiners_in_a_row > 1:
                return None  # "nach dem die USA": a relative clause starts here
            i -= 1
            continue
        determiners_in_a_row = 0
        if tok.lower_ in COORDINATORS or i in place_tokens:
            i -= 1
            continue
        return tok
    return None


def _role_from_rules(span: Span, *, genitive: bool, place_tokens: frozenset[int] | set[int]) -> Role:
    doc = span.doc
    nxt = doc[span.end] if span.end < len(doc) else None
    if genitive and nxt is not None and nxt.text[:1].isupper() and nxt.is_alpha:
        return "actor"  # possessor: "Syriens Präsident", "Russlands Außenminister"
    first_word = next((t.i for t in span.sent if not t.is_space), span.sent.start)
    if nxt is not None and span.start == first_word and (
        nxt.text in ("-", "–", "/") or (nxt.text == "." and span.end + 1 >= span.sent.end)
    ):
        return "location"  # a dateline or caption head: "Paris - Konferenz ...", "Astana/Genf –", "Bagdad."
    if nxt is not None and nxt.lower_ in COPULAS and _governing_token(span, place_tokens) is None:
        return "location"  # a statement about the place itself: "Tripolis ist die zweitgrößte Stadt"
    if nxt is not None and nxt.lower_ == "aus" and span.start > 0 and span.doc[span.start - 1].lower_ == "von":
        return "location"  # "von Jordanien aus"
    gov = _governing_token(span, place_tokens)
    if gov is None:
        return "actor"  # sentence subject: "Russland wies dies zurück"
    if (gov.lower_ in COPULAS or gov.lower_ in AUXILIARIES) and _affected_before(gov):
        return "location"  # "Besonders betroffen war Sachsen-Anhalt": the place something happened to
    lower = gov.lower_
    if lower in LOCATIVE_PREPS or lower in ACTOR_PREPS:
        return _role_for_preposition(lower, gov)
    if gov.text[:1].isupper() and gov.is_alpha and gov.i > gov.sent.start and not _is_function_word(gov):
        # a noun governs the name: "Diplomaten der USA" (actor) vs "Teilen Syriens" (location)
        return "actor" if _is_agent_noun(gov.text) else "location"
    if _after_movement_verb(span):
        return "location"  # destination of a visit: "besuchte am Donnerstag Moskau"
    return "actor"


def _affected_before(verb: Token) -> bool:
    """ "betroffen war", "überflutet wurden": a participle of harm just before the auxiliary."""
    prev = verb.doc[verb.i - 1] if verb.i > verb.sent.start else None
    return prev is not None and prev.lower_.startswith(AFFECTED_STEMS)


def _is_function_word(tok: Token) -> bool:
    from spacy.lang.de.stop_words import STOP_WORDS

    return tok.lower_ in STOP_WORDS or doc_prev_is_colon(tok)


def doc_prev_is_colon(tok: Token) -> bool:
    return tok.i > 0 and tok.doc[tok.i - 1].text in (":", "–", "-")


def _sentence_has_movement(tok: Token) -> bool:
    return any(not t.text[:1].isupper() and t.lower_.startswith(MOVEMENT_STEMS) for t in tok.sent)


def _after_movement_verb(span: Span) -> bool:
    doc = span.doc
    for tok in doc[max(span.sent.start, span.start - 5):span.start]:
        if not tok.text[:1].isupper() and tok.lower_.startswith(MOVEMENT_STEMS):
            return True
    return False
