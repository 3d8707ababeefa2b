"""Articles e21-e36 of the everyday set: lakes and ranges, islands, historic names, Ukraine, Gaza/Lebanon,
Sudan, Sahel, person-name traps. Same row format as texts_de.py. Synthetic texts written for this set.
"""
T, F = True, False
ART = {}

ART["e21.txt"] = dict(
    date="2024-08-12", title="Hitzewelle: Bodensee so warm wie selten",
    body=(
        "Der Bodensee hat am Wochenende an mehreren Messstellen 25 Grad erreicht. In Konstanz und Friedrichshafen "
        "waren die Strandbäder bereits am Vormittag überfüllt, in Bregenz warnte die Wasserrettung vor Kreislaufproblemen "
        "beim Schwimmen. In den Alpen stieg die Nullgradgrenze auf mehr als 5000 Meter. Im Schwarzwald und im Harz "
        "warnten die Forstbehörden vor der höchsten Waldbrandstufe. Auf dem Brocken wurde ein Grillverbot verhängt, "
        "die Brockenbahn fährt vorerst weiter."),
    toponyms=[
        ("Hitzewelle: [Bodensee] so", "bodensee"),
        ("Der [Bodensee] hat", "bodensee"),
        ("In [Konstanz] und", "konstanz"),
        ("und [Friedrichshafen] waren", "friedrichshafen"),
        ("in [Bregenz] warnte", "bregenz"),
        ("In den [Alpen] stieg", "alps"),
        ("Im [Schwarzwald] und", "blackforest"),
        ("im [Harz] warnten", "harz"),
        ("dem [Brocken] wurde", "brocken"),
    ],
    notes=["Not annotated: 'Brockenbahn' (compound: railway name), 'Strandbäder', 'Wasserrettung'."],
)

ART["e22.txt"] = dict(
    date="2022-07-28", title="Waldbrand in der Sächsischen Schweiz breitet sich aus",
    body=(
        "Der Waldbrand im Nationalpark Sächsische Schweiz hat sich über Nacht weiter ausgebreitet. Das Feuer war am "
        "Wochenende auf der tschechischen Seite in der Böhmischen Schweiz ausgebrochen und über die Grenze gesprungen. "
        "Bad Schandau hat den Katastrophenfall ausgerufen, der Ortsteil Schmilka wurde evakuiert. Löschhubschrauber "
        "der Bundeswehr und der Bundespolizei schöpfen Wasser aus der Elbe. Tschechien bat die Europäische Union um "
        "zusätzliche Löschflugzeuge."),
    toponyms=[
        ("in der [Sächsischen Schweiz] breitet", "saxswiss", F, "inflected; 'Sächsischen' is part of the name"),
        ("Nationalpark [Sächsische Schweiz] hat", "saxswiss"),
        ("in der [Böhmischen Schweiz] ausgebrochen", "boehmschweiz"),
        ("[Bad Schandau] hat", "badschandau", T, "the town administration declares the disaster: actor"),
        ("Ortsteil [Schmilka] wurde", "schmilka"),
        ("aus der [Elbe].", "elbe", F, "the river here: Bad Schandau stretch (~30 km upstream of the set's Dresden point)"),
        ("[Tschechien] bat", "czechia", T, "the Czech government asks: actor"),
    ],
    notes=["Traps: 'Schweiz' inside 'Sächsische/Böhmische Schweiz' is not Switzerland; 'tschechischen' is an adjective; "
           "'Europäische Union', 'Bundeswehr', 'Bundespolizei' are organisations."],
)

ART["e23.txt"] = dict(
    date=None, title="Zeitzeugen erinnern an die Flucht über Ungarn",
    body=(
        "Im Sommer 1989 flohen Tausende Bürger der DDR über Ungarn in den Westen. Viele hatten ihren Urlaub am "
        "Balaton verbracht und kehrten nicht mehr zurück. Beim Paneuropäischen Picknick nahe Sopron öffnete sich am "
        "19. August für einige Stunden ein Grenztor nach Österreich. Von dort ging es weiter nach Bayern. Die "
        "Sowjetunion griff nicht ein, Moskau ließ die Reformer in Budapest gewähren. Eine Zeitzeugin aus Leipzig "
        "erzählte am Montag bei einer Gedenkveranstaltung von ihrer Flucht mit zwei kleinen Kindern."),
    toponyms=[
        ("Flucht über [Ungarn]\n", "hungary"),
        ("Bürger der [DDR] über", "ddr", T, "state affiliation ('citizens of the GDR')"),
        ("DDR über [Ungarn] in", "hungary"),
        ("am [Balaton]", "balaton"),
        ("nahe [Sopron] öffnete", "sopron"),
        ("Grenztor nach [Österreich].", "austria"),
        ("weiter nach [Bayern].", "bavaria"),
        ("Die [Sowjetunion] griff", "ussr", T, "the Soviet state (did not intervene): actor"),
        ("[Moskau] ließ", "moscow", T),
        ("Reformer in [Budapest] gewähren", "budapest", F, "'die Reformer in Budapest': locative like 'Regierung in X'"),
        ("Zeitzeugin aus [Leipzig] erzählte", "leipzig"),
    ],
    notes=["Undated (historical feature). Not annotated: 'in den Westen' (geopolitical West), 'Paneuropäischen "
           "Picknick' (event name), 'Grenztor'."],
)

ART["e24.txt"] = dict(
    date="2018-06-17", title="Namensstreit zwischen Athen und Skopje beigelegt",
    body=(
        "Griechenland und Mazedonien haben ihren jahrzehntelangen Streit um den Namen der früheren jugoslawischen "
        "Teilrepublik beigelegt. Am Ufer des Prespasees unterzeichneten die Außenminister beider Länder am Sonntag "
        "ein Abkommen, nach dem das Land künftig Republik Nordmazedonien heißen soll. Athen hatte den Beitritt des "
        "Nachbarn zur Nato jahrelang blockiert. Mazedonien hatte sich 1991 friedlich von Jugoslawien gelöst. In "
        "Thessaloniki demonstrierten am Abend mehrere Tausend Menschen gegen den Kompromiss."),
    toponyms=[
        ("zwischen [Athen] und Skopje", "athens", T, "party to the dispute: the Greek government"),
        ("Athen und [Skopje] beigelegt", "skopje", T, "party to the dispute: the Macedonian government"),
        ("[Griechenland] und Mazedonien haben", "greece", T),
        ("Griechenland und [Mazedonien] haben", "macedonia", T, "historic German name (until 2019)"),
        ("Ufer des [Prespasees] unterzeichneten", "prespa", F, "inflected (genitive) lake name"),
        ("[Athen] hatte den Beitritt", "athens", T),
        ("[Mazedonien] hatte sich 1991", "macedonia", T, "the state seceded: actor"),
        ("von [Jugoslawien] gelöst", "yugoslavia", T, "the federal state it seceded from (judgement call)"),
        ("In [Thessaloniki] demonstrierten", "thessaloniki"),
    ],
    notes=["Not annotated: 'jugoslawischen' (adjective), 'Republik Nordmazedonien' (the new name quoted as a name, "
           "not a place reference in the story), 'Nato', 'beider Länder'."],
)

ART["e25.txt"] = dict(
    date="2020-08-16", title="Proteste in Weißrussland: Zehntausende in Minsk auf der Straße",
    body=(
        "In Weißrussland sind am Sonntag erneut Zehntausende Menschen gegen Staatschef Alexander Lukaschenko auf die "
        "Straße gegangen. In Minsk zogen die Demonstranten mit weiß-rot-weißen Fahnen zum Denkmal des Sieges. Auch in "
        "Grodno, Brest und Gomel gab es große Kundgebungen. Die Oppositionskandidatin hält sich inzwischen in "
        "Vilnius auf, Litauen hat ihr Schutz gewährt. Polen und Litauen forderten eine Wiederholung der Wahl. "
        "Russland sicherte Minsk dagegen Unterstützung zu."),
    toponyms=[
        ("Proteste in [Weißrussland]: Zehntausende", "belarus"),
        ("Zehntausende in [Minsk] auf", "minsk"),
        ("In [Weißrussland] sind", "belarus"),
        ("In [Minsk] zogen", "minsk"),
        ("in [Grodno],", "grodno"),
        ("Grodno, [Brest] und", "brest_by", F, "Brest in Belarus, not in France"),
        ("Brest und [Gomel] gab", "gomel"),
        ("in [Vilnius] auf", "vilnius"),
        ("[Litauen] hat ihr", "lithuania", T),
        ("[Polen] und Litauen forderten", "poland", T),
        ("Polen und [Litauen] forderten", "lithuania", T),
        ("[Russland] sicherte", "russia", T),
        ("sicherte [Minsk] dagegen", "minsk", T, "recipient of support: the Belarusian government"),
    ],
    notes=["Historic/alternative name 'Weißrussland' (today usually 'Belarus'). Not annotated: 'Alexander "
           "Lukaschenko' (person), 'Denkmal des Sieges' (monument, not annotated in this set), 'weiß-rot-weißen'."],
)

ART["e26.txt"] = dict(
    date="2023-06-08", title="Nach dem Dammbruch: Überschwemmungen am Dnipro",
    body=(
        "Nach der Zerstörung des Kachowka-Staudamms sind am Unterlauf des Dnipro Dutzende Ortschaften überflutet. In "
        "Cherson stand das Wasser in einigen Vierteln am Ufer mehrere Meter hoch, Tausende Menschen wurden in "
        "Sicherheit gebracht. Auch in Oleschky auf dem von Russland besetzten Südufer sind viele Häuser nur noch per "
        "Boot zu erreichen. Kiew macht Moskau für die Sprengung verantwortlich, Russland weist die Vorwürfe zurück. In "
        "der Industriestadt Dnipro, weit flussaufwärts, fürchten die Behörden Engpässe bei der Trinkwasserversorgung. "
        "Auch das Kernkraftwerk Saporischschja bezieht sein Kühlwasser aus dem Stausee."),
    toponyms=[
        ("Überschwemmungen am [Dnipro]\n", "dnipro_river", F, "the river ('am Dnipro')"),
        ("Zerstörung des [Kachowka-Staudamms] sind", "kakhovka", F, "hyphenated compound denoting a place (the dam)"),
        ("Unterlauf des [Dnipro] Dutzende", "dnipro_river"),
        ("In [Cherson] stand", "kherson"),
        ("in [Oleschky] auf", "oleshky"),
        ("von [Russland] besetzten", "russia", T, "agent of the occupation"),
        ("[Kiew] macht", "kyiv", T),
        ("macht [Moskau] für", "moscow", T),
        ("[Russland] weist", "russia", T),
        ("Industriestadt [Dnipro], weit", "dnipro_city", F, "the city, ~300 km upstream of the flooding"),
        ("Kernkraftwerk [Saporischschja] bezieht", "znpp", F, "designator 'Kernkraftwerk' not part of the surface; the plant at Enerhodar"),
    ],
    notes=["Not annotated: 'Südufer', 'Stausee', 'Viertel' (common nouns)."],
)

ART["e27.txt"] = dict(
    date="2024-05-26", title="Angriff auf Baumarkt in Charkiw: Mindestens zwölf Tote",
    body=(
        "Bei einem russischen Luftangriff auf einen Baumarkt in Charkiw sind am Samstag mindestens zwölf Menschen "
        "getötet und mehr als 40 verletzt worden. Zwei Gleitbomben trafen das Gebäude, als dort viele Kunden "
        "einkauften. Die zweitgrößte Stadt der Ukraine liegt nur rund 30 Kilometer von der Grenze zu Russland entfernt "
        "und wird fast täglich aus der Gegend um Belgorod beschossen. Charkiws Bürgermeister rief die Menschen auf, "
        "bei Luftalarm sofort Schutzräume aufzusuchen. Auch in Sumy und Saporischschja gab es in der Nacht Angriffe. "
        "Berlin verurteilte den Angriff als Kriegsverbrechen."),
    toponyms=[
        ("Baumarkt in [Charkiw]:", "kharkiv"),
        ("Baumarkt in [Charkiw] sind", "kharkiv"),
        ("Stadt der [Ukraine] liegt", "ukraine"),
        ("Grenze zu [Russland] entfernt", "russia"),
        ("um [Belgorod] beschossen", "belgorod"),
        ("[Charkiws] Bürgermeister", "kharkiv", T, "possessor of the city's office"),
        ("in [Sumy] und", "sumy"),
        ("und [Saporischschja] gab", "zaporizhzhia", F, "the city (contrast e26: the power plant)"),
        ("[Berlin] verurteilte", "berlin", T),
    ],
    notes=["Not annotated: 'russischen' (adjective), 'Baumarkt', 'Schutzräume'."],
)

ART["e28.txt"] = dict(
    date="2024-05-14", title="Israelische Armee rückt in Rafah vor",
    body=(
        "Die israelische Armee hat ihre Bodenoffensive in Rafah im Süden des Gazastreifens ausgeweitet. Nach "
        "UN-Angaben sind inzwischen Hunderttausende Menschen aus der Stadt an der Grenze zu Ägypten geflohen, viele "
        "von ihnen nach Chan Junis und Deir al-Balah. In Deir al-Balah sind die Zeltlager am Strand völlig überfüllt. "
        "Israel begründet den Einsatz mit verbliebenen Hamas-Bataillonen. Der Grenzübergang Kerem Schalom ist für "
        "Hilfslieferungen weitgehend geschlossen. Ägypten warnte vor einer Katastrophe, in Kairo laufen die "
        "Verhandlungen über eine Waffenruhe weiter. Washington drängt auf einen Plan zum Schutz der Zivilisten."),
    toponyms=[
        ("rückt in [Rafah] vor", "rafah"),
        ("Bodenoffensive in [Rafah] im", "rafah"),
        ("Süden des [Gazastreifens] ausgeweitet", "gaza"),
        ("Grenze zu [Ägypten] geflohen", "egypt"),
        ("nach [Chan Junis] und", "khanyunis"),
        ("und [Deir al-Balah]. In", "deirbalah"),
        ("In [Deir al-Balah] sind", "deirbalah"),
        ("[Israel] begründet", "israel", T),
        ("Grenzübergang [Kerem Schalom] ist", "keremshalom"),
        ("[Ägypten] warnte", "egypt", T),
        ("in [Kairo] laufen", "cairo"),
        ("[Washington] drängt", "washington", T),
    ],
    notes=["Not annotated: 'Israelische', 'israelische' (adjectives), 'UN-Angaben', 'Hamas-Bataillonen' (compounds), "
           "'Zeltlager', 'Strand'."],
)

ART["e29.txt"] = dict(
    date="2024-08-05", title="Libanon: Angst vor einem großen Krieg",
    body=(
        "Vier Jahre nach der verheerenden Explosion im Hafen von Beirut wächst im Libanon die Angst vor einem großen "
        "Krieg. Nach der Tötung eines Hisbollah-Kommandeurs droht die Miliz Israel mit Vergeltung. Im Südlibanon, "
        "etwa rund um Tyros und Nabatieh, verlassen viele Familien ihre Häuser. Mehrere Staaten, darunter Deutschland "
        "und Frankreich, forderten ihre Bürger auf, das Land zu verlassen. Ein Sprecher des Außenministeriums in "
        "Washington sagte, eine direkte Beteiligung an der Seite Israels komme für die USA derzeit nicht in Frage. "
        "Mehrere Fluggesellschaften haben ihre Verbindungen nach Beirut bis Ende August ausgesetzt."),
    toponyms=[
        ("[Libanon]: Angst", "lebanon"),
        ("Hafen von [Beirut] wächst", "beirut", F, "'im Hafen von Beirut': literal location"),
        ("im [Libanon] die Angst", "lebanon"),
        ("Miliz [Israel] mit", "israel", T, "object of a threat: the Israeli state"),
        ("Im [Südlibanon],", "slebanon"),
        ("um [Tyros] und", "tyre"),
        ("und [Nabatieh], verlassen", "nabatieh"),
        ("darunter [Deutschland]", "germany", T, "'darunter (auch) Deutschland' among states: state affiliation"),
        ("und [Frankreich], forderten", "france", T),
        ("Außenministeriums in [Washington] sagte", "washington", F, "locative"),
        ("Seite [Israels] komme", "israel", T, "partner"),
        ("für die [USA] derzeit", "usa", T, "topic/beneficiary of the statement, not an event location"),
        ("Verbindungen nach [Beirut] bis", "beirut"),
    ],
    notes=["Not annotated: 'Hisbollah-Kommandeurs' (compound), 'Hisbollah', 'Außenministeriums', 'das Land'."],
)

ART["e30.txt"] = dict(
    date="2024-06-12", title="Kämpfe um El Fascher: UN warnen vor Massakern in Darfur",
    body=(
        "Die Kämpfe um El Fascher im Westen des Sudan werden immer heftiger. Die Miliz Rapid Support Forces (RSF) "
        "belagert die Hauptstadt des Bundesstaates Nord-Darfur seit Wochen; in der Stadt sitzen Hunderttausende "
        "Zivilisten fest. Die Vereinten Nationen warnen vor ethnisch motivierten Massakern wie 2023 in El Geneina. "
        "Bereits im Frühjahr hatte es in Omdurman und Khartum schwere Gefechte gegeben. Die Armeeführung hat ihren "
        "Sitz inzwischen nach Port Sudan am Roten Meer verlegt. Über die Grenze in den Tschad sind seit Kriegsbeginn "
        "mehr als 600.000 Menschen geflohen, viele von ihnen in Lager bei Adré."),
    toponyms=[
        ("Kämpfe um [El Fascher]: UN", "elfasher"),
        ("Massakern in [Darfur]\n", "darfur"),
        ("Die Kämpfe um [El Fascher] im", "elfasher"),
        ("Westen des [Sudan] werden", "sudan"),
        ("Bundesstaates [Nord-Darfur] seit", "ndarfur", F, "designator 'Bundesstaat' not part of the surface"),
        ("2023 in [El Geneina].", "geneina"),
        ("in [Omdurman] und", "omdurman"),
        ("und [Khartum] schwere", "khartoum"),
        ("nach [Port Sudan] am", "portsudan"),
        ("am [Roten Meer] verlegt", "redsea", F, "inflected (dative)"),
        ("in den [Tschad] sind", "chad"),
        ("bei [Adré].", "adre"),
    ],
    notes=["Not annotated: 'Rapid Support Forces', 'RSF', 'Vereinten Nationen', 'UN' (organisations), 'Westen' (common noun)."],
)

ART["e31.txt"] = dict(
    date="2023-11-15", title="Hilfskonvoi erreicht Nyala",
    body=(
        "Ein Konvoi des Welternährungsprogramms hat nach wochenlangen Verhandlungen die Stadt Nyala in Süd-Darfur "
        "erreicht. Die 28 Lastwagen waren in Adré im Osten des Tschad gestartet und über Zalingei gefahren. Im März "
        "war in Nyala heftig gekämpft worden, seitdem ist die Versorgung weitgehend zusammengebrochen. Im ganzen "
        "Sudan sind nach UN-Angaben mehr als sechs Millionen Menschen auf der Flucht. Die Gespräche in Dschidda "
        "zwischen Armee und RSF sind erneut unterbrochen; Saudi-Arabien und die USA vermitteln."),
    toponyms=[
        ("erreicht [Nyala]\n", "nyala"),
        ("die Stadt [Nyala] in", "nyala"),
        ("in [Süd-Darfur] erreicht", "sdarfur"),
        ("in [Adré] im", "adre"),
        ("Osten des [Tschad] gestartet", "chad"),
        ("über [Zalingei] gefahren", "zalingei"),
        ("war in [Nyala] heftig", "nyala"),
        ("ganzen [Sudan] sind", "sudan"),
        ("Gespräche in [Dschidda] zwischen", "jeddah"),
        ("[Saudi-Arabien] und die USA", "saudi", T),
        ("und die [USA] vermitteln", "usa", T),
    ],
    notes=["Not annotated: 'Welternährungsprogramms', 'RSF', 'UN-Angaben' (organisations/compounds)."],
)

ART["e32.txt"] = dict(
    date="2023-08-06", title="Nach dem Putsch in Niger: Ecowas stellt Ultimatum",
    body=(
        "Nach dem Militärputsch in Niger hat die westafrikanische Staatengemeinschaft Ecowas den Putschisten ein "
        "Ultimatum gestellt. In Niamey demonstrierten am Sonntag Tausende Anhänger der Junta vor der französischen "
        "Botschaft. Mali und Burkina Faso, wo ebenfalls Militärs herrschen, erklärten, eine Intervention in Niger "
        "wäre auch eine Kriegserklärung an sie. Frankreich hat rund 1500 Soldaten in dem Land stationiert. Die "
        "Bundeswehr zieht derweil ihre letzten Soldaten aus Gao in Mali ab. Nigerias Präsident, derzeit "
        "Ecowas-Vorsitzender, setzt weiter auf Verhandlungen."),
    toponyms=[
        ("Putsch in [Niger]: Ecowas", "niger"),
        ("Militärputsch in [Niger] hat", "niger"),
        ("In [Niamey] demonstrierten", "niamey"),
        ("[Mali] und Burkina Faso, wo", "mali", T),
        ("Mali und [Burkina Faso], wo", "burkina", T),
        ("Intervention in [Niger] wäre", "niger"),
        ("[Frankreich] hat rund", "france", T),
        ("aus [Gao] in", "gao"),
        ("Gao in [Mali] ab", "mali"),
        ("[Nigerias] Präsident", "nigeria", T, "possessor of a state office"),
    ],
    notes=["'Niger' is the country throughout (not the river). Not annotated: 'Ecowas', 'Ecowas-Vorsitzender', "
           "'Bundeswehr', 'französischen', 'westafrikanische' (adjectives), 'in dem Land'."],
)

ART["e33.txt"] = dict(
    date="2024-08-27", title="Burkina Faso: Hunderte Tote bei Angriff auf Barsalogho",
    body=(
        "Bei einem Angriff von Dschihadisten auf die Kleinstadt Barsalogho im Norden von Burkina Faso sind nach "
        "Angaben von Hilfsorganisationen Hunderte Menschen getötet worden. Die Angreifer schossen auf Bewohner, die "
        "auf Anordnung der Armee Schutzgräben rund um den Ort aushoben. Verletzte wurden in das Krankenhaus von Kaya "
        "gebracht. Die Regierung in Ouagadougou sprach von einem feigen Anschlag. Die Militärjunta hat sich "
        "inzwischen mit Mali und Niger zu einem Bündnis zusammengeschlossen und setzt auf Unterstützung aus "
        "Russland."),
    toponyms=[
        ("[Burkina Faso]: Hunderte", "burkina"),
        ("Angriff auf [Barsalogho]\n", "barsalogho"),
        ("Kleinstadt [Barsalogho] im", "barsalogho"),
        ("Norden von [Burkina Faso] sind", "burkina"),
        ("Krankenhaus von [Kaya] gebracht", "kaya"),
        ("Regierung in [Ouagadougou] sprach", "ouaga", F, "'Regierung in X' is locative"),
        ("mit [Mali] und Niger", "mali", T, "alliance partner"),
        ("Mali und [Niger] zu", "niger", T, "alliance partner"),
        ("Unterstützung aus [Russland].", "russia", T, "support from the Russian state (like 'Hilfe aus Damaskus')"),
    ],
    notes=["Not annotated: 'Dschihadisten', 'Schutzgräben', 'Militärjunta', 'Ort'."],
)

ART["e34.txt"] = dict(
    date="2024-02-17", title="Paris Hilton in Berlin, Jordan Peterson sagt ab",
    body=(
        "Die Hotelerbin Paris Hilton hat am Freitagabend in Berlin ihren neuen Dokumentarfilm vorgestellt. Am Vortag "
        "war sie noch in Paris bei einer Modenschau zu Gast. Für Schlagzeilen sorgte in dieser Woche auch Jordan "
        "Peterson: Der kanadische Psychologe sagte Vorträge in Hamburg und Köln ab. Ein Auftritt in London soll wie "
        "geplant stattfinden. Schauspieler Denzel Washington wird dagegen im Sommer zu Dreharbeiten in Amsterdam "
        "erwartet."),
    toponyms=[
        ("Paris Hilton in [Berlin], Jordan", "berlin"),
        ("Freitagabend in [Berlin] ihren", "berlin"),
        ("noch in [Paris] bei", "paris"),
        ("Vorträge in [Hamburg] und", "hamburg"),
        ("Hamburg und [Köln] ab", "cologne"),
        ("Auftritt in [London] soll", "london"),
        ("Dreharbeiten in [Amsterdam] erwartet", "amsterdam"),
    ],
    notes=["Person traps, not annotated: 'Paris Hilton' (x2), 'Jordan Peterson' (x2), 'Denzel Washington'; "
           "'kanadische' (adjective)."],
)

ART["e35.txt"] = dict(
    date="2023-09-14", title="Lampedusa: Tausende Migranten an einem Tag angekommen",
    body=(
        "Auf der italienischen Insel Lampedusa sind innerhalb eines Tages mehr als 5000 Migranten angekommen. Die "
        "meisten Boote waren in Sfax in Tunesien gestartet. Das Aufnahmelager auf der Insel ist für 400 Menschen "
        "ausgelegt. Rom kündigte an, Hunderte Menschen per Fähre nach Sizilien zu bringen. Italien fordert von der "
        "EU mehr Unterstützung. Auch in Griechenland kommen wieder mehr Menschen an: Auf Lesbos und Samos "
        "registrierten die Behörden seit Anfang September fast 3000 Neuankömmlinge. Die Überfahrt über das "
        "Mittelmeer gilt als eine der gefährlichsten Fluchtrouten der Welt."),
    toponyms=[
        ("[Lampedusa]: Tausende", "lampedusa"),
        ("Insel [Lampedusa] sind", "lampedusa"),
        ("in [Sfax] in", "sfax"),
        ("in [Tunesien] gestartet", "tunisia"),
        ("[Rom] kündigte", "rome", T),
        ("nach [Sizilien] zu", "sicily"),
        ("[Italien] fordert", "italy", T),
        ("in [Griechenland] kommen", "greece"),
        ("Auf [Lesbos] und", "lesbos"),
        ("und [Samos] registrierten", "samos"),
        ("über das [Mittelmeer] gilt", "med"),
    ],
    notes=["Not annotated: 'italienischen' (adjective), 'EU' (organisation), 'Insel', 'Aufnahmelager'."],
)

ART["e36.txt"] = dict(
    date="2024-07-21", title="Mallorca: Zehntausende protestieren gegen Massentourismus",
    body=(
        "In Palma de Mallorca haben am Sonntag nach Angaben der Veranstalter rund 20.000 Menschen gegen den "
        "Massentourismus demonstriert. Sie fordern eine Obergrenze für Kreuzfahrtschiffe und ein Verbot neuer "
        "Ferienwohnungen. Die Insel zählte im vergangenen Jahr mehr als 17 Millionen Besucher, ein großer Teil davon "
        "aus Deutschland und Großbritannien. Ähnliche Proteste hatte es zuvor auf Teneriffa und in Barcelona "
        "gegeben. Spaniens Tourismusminister kündigte einen Dialog mit den Regionen an. Auch auf Sylt wird seit "
        "Jahren über die Belastung durch Tagesgäste gestritten."),
    toponyms=[
        ("[Mallorca]: Zehntausende", "mallorca"),
        ("In [Palma de Mallorca] haben", "palma", F, "the city; the whole name is the surface"),
        ("aus [Deutschland] und Großbritannien", "germany", F, "origin of visitors: literal"),
        ("und [Großbritannien]. Ähnliche", "uk"),
        ("auf [Teneriffa] und", "tenerife"),
        ("in [Barcelona] gegeben", "barcelona"),
        ("[Spaniens] Tourismusminister", "spain", T, "possessor of a state office"),
        ("auf [Sylt] wird", "sylt"),
    ],
    notes=["Not annotated: 'Regionen', 'Insel' (common nouns), 'Kreuzfahrtschiffe', 'Ferienwohnungen'."],
)
