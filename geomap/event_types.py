"""An explainable event-type classifier for German sentences: a lexicon of stems with an ACLED-like taxonomy.

Each type has trigger patterns (word stems with word boundaries, covering inflection and compounds such as
"Großoffensive" or "Selbstmordanschlag"). A sentence gets the type with the most trigger hits; ties are broken
by ``PRIORITY`` (more specific and more violent types first: an airstrike that kills civilians is
"explosions_remote_violence", as in ACLED). A trigger directly negated ("keine Luftangriffe", "ohne Kämpfe")
does not count. The triggers returned are the words as written in the sentence.
"""

from __future__ import annotations

import re
from functools import lru_cache

# (id, German label, colour hex), in display order. The ids are ACLED's event types plus disasters and
# humanitarian; the API and downstream users rely on them.
EVENT_TYPES: tuple[tuple[str, str, str], ...] = (
    ("battles", "Kämpfe", "#d62728"),
    ("explosions_remote_violence", "Explosionen und Fernangriffe", "#ff7f0e"),
    ("violence_against_civilians", "Gewalt gegen Zivilisten", "#9467bd"),
    ("protests", "Proteste", "#17becf"),
    ("riots", "Ausschreitungen", "#8c564b"),
    ("strategic_developments", "Strategische Entwicklungen", "#1f77b4"),
    ("disasters", "Katastrophen und Unglücke", "#bcbd22"),
    ("humanitarian", "Humanitäre Lage", "#2ca02c"),
    ("other", "Sonstiges", "#7f7f7f"),
)
PRIORITY: tuple[str, ...] = (
    "explosions_remote_violence",
    "violence_against_civilians",
    "battles",
    "riots",
    "protests",
    "disasters",
    "humanitarian",
    "strategic_developments",
)
RULES_VERSION = 2  # bumped when the lexicon changes: stores re-type their events on open (geomap.store)

# Single-word triggers per type. ``\w*`` before a stem admits compounds; the patterns are case-insensitive
# unless marked with (?-i:) (the noun "Treffen" must not match the verb "treffen"/"trafen" = to hit).
_LEXICON: dict[str, tuple[str, ...]] = {
    "battles": (  # fighting between armed groups: clashes, offensives, attacks on positions, territory changing hands
        r"\w*gefecht\w*", r"kämpfe", r"kämpfen", r"kämpft", r"kämpfte", r"kämpften", r"gekämpft", r"kampfhandlung\w*",
        r"\w*offensive\w*", r"zurückerober\w*", r"zurückzuerober\w*", r"erobert\w*", r"eroberung\w*", r"vorstoß\w*",
        r"vorstöße\w*", r"rückten", r"rückte", r"vorgerückt", r"vorrücken", r"\w*zusammenstöße\w*", r"\w*zusammenstoß\w*",
        r"schusswechsel\w*", r"belager\w*", r"umzingelt\w*", r"bodentruppen", r"bodenoffensive\w*",
        r"angriff", r"angriffe", r"angriffen", r"angriffs", r"angegriffen", r"angreif\w*", r"(?<!-)front", r"frontlinie\w*",
        r"stellung", r"stellungen", r"überrannt\w*", r"überrannten",
    ),
    "explosions_remote_violence": (  # weapons used from a distance: air and drone strikes, shelling, bombs, mines
        r"\w*luftangriff\w*", r"\w*luftschl[äa]g\w*", r"bombardier\w*", r"\w*bombe\w*",
        r"\w*anschlag\w*", r"\w*anschläge\w*", r"explosion\w*", r"explodiert\w*", r"\w*rakete\w*",
        r"\w*granat\w*", r"\w*beschuss\w*", r"beschossen", r"artillerie\w*", r"\w*drohne\w*", r"sprengsatz\w*",
        r"sprengte\w*", r"gesprengt", r"sprengung\w*", r"\w*attentat\w*", r"\w*attentäter\w*", r"kampfflugzeug\w*", r"kampfjet\w*", r"\w*mine",
        r"\w*minen",
    ),
    "violence_against_civilians": (  # armed groups against people who cannot fight back
        r"geisel\w*", r"verschlepp\w*", r"entführ\w*", r"massaker\w*", r"massakr\w*", r"blutbad\w*", r"hingerichtet",
        r"hinrichtung\w*", r"folter\w*", r"vergewaltig\w*", r"ermordet\w*", r"ermord\w*", r"massengr[aä]b\w*",
        r"erstochen", r"erschlagen", r"gelyncht", r"misshandel\w*", r"misshandl\w*", r"überfiel\w*", r"überfallen",
        r"\w*überfall\w*",
    ),
    "strategic_developments": (  # talks, agreements, deployments, restrictions, arrests: no fighting
        r"waffenruhe\w*", r"feuerpause\w*", r"waffenstillstand\w*", r"waffenstillstands\w*", r"\w*gespräch\w*",
        r"\w*konferenz\w*", r"\w*verhandlung\w*", r"verhandel\w*", r"(?-i:Treffen|[A-ZÄÖÜ]\w+treffen)s?",
        r"\w*resolution\w*", r"stationiert\w*", r"\w*abkommen\w*", r"vereinbar\w*", r"dialog\w*", r"telefonat\w*",
        r"telefoniert\w*", r"sanktion\w*", r"truppenabzug\w*", r"waffenlieferung\w*", r"militärhilfe\w*",
        r"manöver\w*", r"ausgangssperre\w*", r"ausnahmezustand\w*", r"gipfel\w*", r"kontrollposten\w*",
        r"checkpoint\w*", r"straßensperre\w*", r"kampflos\w*", r"übergaben", r"übergeben", r"rückzug\w*",
        r"festgenommen", r"festnahme\w*", r"verhaftet\w*", r"mobilmach\w*", r"annexion\w*", r"annektier\w*",
    ),
    "protests": (  # people gathering to make a demand, without violence
        r"\w*demonstr\w*", r"demos?", r"\w*protest\w*", r"kundgebung\w*", r"mahnwache\w*", r"\w*streik\w*",
        r"sitzblockade\w*", r"menschenkette\w*", r"\w*marsch", r"\w*märsche\w*", r"versammlung\w*",
        r"auf\s+die\s+straße", r"blockier\w*", r"\w*blockade\w*", r"plakat\w*", r"\w*aktivist\w*",
    ),
    "riots": (  # violent crowds: vandalism, looting, arson, stones against police
        r"krawall\w*", r"ausschreitung\w*", r"randal\w*", r"plünder\w*", r"straßenschlacht\w*", r"unruhen",
        r"brandsätze\w*", r"molotow\w*", r"steinewerfer\w*", r"mob\w*", r"hooligan\w*", r"verwüst\w*",
        r"gewalttätig\w*", r"gewaltsam\w*", r"vermummt\w*", r"böller\w*", r"zündeten", r"angezündet",
    ),
    "disasters": (  # floods, storms, fires, earthquakes, landslides, accidents
        r"hochwasser\w*", r"überschwemm\w*", r"\w*flut\w*", r"überflutet\w*", r"\w*sturm", r"\w*sturms", r"\w*stürme\w*",
        r"orkan\w*", r"unwetter\w*", r"tornado\w*", r"hurrikan\w*", r"taifun\w*", r"zyklon\w*", r"(?:stark|dauer)?regen",
        r"regenfälle\w*", r"unter\s+wasser", r"\w*erdbeben\w*", r"\w*beben", r"tsunami\w*", r"erdrutsch\w*",
        r"\w*lawine\w*", r"mure\w*", r"murgang\w*", r"schlamm\w*", r"bergsturz\w*", r"hangrutsch\w*", r"vulkan\w*",
        r"(?:wald|busch|flächen|groß)?brand", r"\w*brände\w*", r"(?:wald|busch|flächen|groß)?bränden?", r"waldbrand\w*",
        r"großbrand\w*", r"(?:wald|busch|groß)?feuer", r"dürre\w*", r"hitzewelle\w*", r"\w*unfall\w*", r"\w*unfälle\w*",
        r"\w*unglück\w*", r"\w*absturz\w*", r"abgestürzt\w*", r"entgleis\w*", r"eingestürzt\w*", r"\w*einsturz\w*",
        r"gekentert\w*", r"kenter\w*", r"havar\w*", r"gasexplosion\w*", r"verschüttet\w*",
    ),
    "humanitarian": (  # people in need: displacement, hunger, disease, aid
        r"\w*hilfskonvoi\w*", r"\w*fluchtkorridor\w*", r"\w*hilfslieferung\w*", r"luftbrücke\w*", r"humanitär\w*",
        r"hilfsgüter\w*", r"evakuier\w*", r"flüchtling\w*", r"nothilfe\w*", r"\w*hilfsorganisation\w*", r"hunger\w*",
        r"mangelernähr\w*", r"unterernähr\w*", r"lebensmittel\w*", r"nahrungsmittel\w*", r"medikament\w*",
        r"welternährungsprogramm\w*", r"unicef", r"unhcr", r"rote[sn]?\s+kreuz\w*", r"\w*vertrieben\w*",
        r"vertreibung\w*", r"auf\s+der\s+flucht", r"obdach\w*", r"notunterk\w*", r"cholera", r"epidemie\w*",
        r"seuche\w*", r"rationen",
    ),
}
# Two-word triggers: both words must occur in the sentence (in any order); both are reported.
_PEOPLE = r"zivilist\w*|\w*bewohner\w*|einwohner\w*|fahrgäste\w*|passant\w*|journalist\w*|gefangene\w*|familie\w*"
_PAIRS: dict[str, tuple[tuple[str, str], ...]] = {
    "battles": ((r"kontrolle", r"verlor\w*|übernomm\w*|übernahm\w*|gebracht|erlangt\w*"),),
    "violence_against_civilians": (
        (_PEOPLE, r"getötet|tötete\w*|umgebracht|ermordet|erschossen"),
        (r"richtete\w*", r"hin"),
        (r"verschwinden", r"ließ\w*|lassen"),
    ),
    "protests": ((r"arbeit", r"niederge\w*|nieder"),),
    "riots": ((r"setzten|gesetzt|steckten|gesteckt", r"brand"),),
    "strategic_developments": (
        (r"soldaten|truppen|spezialkräfte\w*", r"schick\w*|entsend\w*|stationier\w*|verleg\w*|zogen|abgezogen"),
        (r"panzer\w*|waffen|munition", r"liefer\w*"),
    ),
    "disasters": (
        (r"flugzeug\w*|hubschrauber\w*|maschine|helikopter\w*", r"stürzt\w*"),
        (r"schiff\w*|fähre\w*|fährschiff\w*|boot\w*", r"sank|gesunken|untergegangen"),
    ),
    "humanitarian": ((r"zivilist\w*|menschen|einwohner\w*|bewohner\w*", r"fliehen|flohen|geflohen|flüchten\w*"),),
}
_NEGATION = re.compile(r"\b(kein|keine|keinen|keiner|keinem|ohne)\s+(\w+\s+)?$", re.IGNORECASE)


def classify(sentence: str) -> tuple[str, tuple[str, ...]]:
    """The event type of a sentence and the trigger words (as written) that decided it; ("other", ()) if none."""
    hits = {etype: _triggers(etype, sentence) for etype in PRIORITY}
    best = max(PRIORITY, key=lambda etype: (len(hits[etype]), -PRIORITY.index(etype)))
    if not hits[best]:
        return "other", ()
    return best, tuple(word for _, words in hits[best] for word in words)


def event_type_label(type_id: str) -> str:
    """The German label of an event type id (the id itself when unknown)."""
    return next((label for tid, label, _ in EVENT_TYPES if tid == type_id), type_id)


def _triggers(etype: str, sentence: str) -> list[tuple[int, tuple[str, ...]]]:
    """Non-negated hits of one type in text order; a hit is one word, or both words of a pair (counted once)."""
    found: list[tuple[int, tuple[str, ...]]] = []
    for match in _single_pattern(etype).finditer(sentence):
        if not _NEGATION.search(sentence[: match.start()]):
            found.append((match.start(), (match.group(),)))
    taken = {start for start, _ in found}
    for first, second in _pair_patterns(etype):
        a, b = first.search(sentence), second.search(sentence)
        if a and b and a.start() not in taken and b.start() not in taken:
            pair = sorted([(a.start(), a.group()), (b.start(), b.group())])
            found.append((pair[0][0], (pair[0][1], pair[1][1])))
    return sorted(found)


@lru_cache(maxsize=None)
def _single_pattern(etype: str) -> re.Pattern[str]:
    return re.compile(r"\b(?:" + "|".join(_LEXICON[etype]) + r")\b", re.IGNORECASE)


@lru_cache(maxsize=None)
def _pair_patterns(etype: str) -> tuple[tuple[re.Pattern[str], re.Pattern[str]], ...]:
    return tuple(
        (re.compile(rf"\b(?:{a})\b", re.IGNORECASE), re.compile(rf"\b(?:{b})\b", re.IGNORECASE))
        for a, b in _PAIRS.get(etype, ())
    )
