"""Articles e01-e18 of the everyday set: local German news, Austria, Switzerland, sports, weather, disasters.

Each entry: date (None = undated), title (None = no headline), body, toponyms, notes.
A toponym row is (context with [surface], place key[, metonymy[, note]]). Synthetic texts written for this set.
"""
T, F = True, False
ART = {}

ART["e01.txt"] = dict(
    date="2024-03-09", title="Tausende demonstrieren in Düsseldorf für bezahlbare Mieten",
    body=(
        "In Düsseldorf sind am Samstag nach Polizeiangaben rund 6000 Menschen für mehr bezahlbaren Wohnraum auf die "
        "Straße gegangen. Der Zug führte vom Hauptbahnhof bis vor den Landtag. Aufgerufen hatte ein Bündnis aus "
        "Mieterverein, Gewerkschaften und Sozialverbänden. Auch aus Köln, Duisburg und Neuss waren Busse angereist. "
        "Die Kundgebung verlief nach Angaben der Polizei friedlich. In Nordrhein-Westfalen seien die Angebotsmieten "
        "seit 2015 um fast 40 Prozent gestiegen, sagte eine Sprecherin des Bündnisses. Die Landesregierung kündigte "
        "an, im Herbst ein neues Förderprogramm vorzulegen."),
    toponyms=[
        ("demonstrieren in [Düsseldorf] für", "duesseldorf"),
        ("In [Düsseldorf] sind am Samstag", "duesseldorf"),
        ("aus [Köln], Duisburg", "cologne"),
        ("Köln, [Duisburg] und", "duisburg"),
        ("Duisburg und [Neuss] waren", "neuss"),
        ("In [Nordrhein-Westfalen] seien", "nrw"),
    ],
    notes=["Not annotated: 'Hauptbahnhof', 'Landtag', 'Landesregierung' (common nouns / institutions).",
           "'Der Zug' = the march (common noun; not the Swiss town Zug)."],
)

ART["e02.txt"] = dict(
    date="2024-05-14", title="Großbrand im Osthafen: Rauchwolke über Frankfurt",
    body=(
        "In Frankfurt ist in der Nacht zum Dienstag eine Lagerhalle im Osthafen vollständig ausgebrannt. Die Feuerwehr "
        "war mit mehr als 120 Einsatzkräften vor Ort, verletzt wurde niemand. Die Rauchwolke war bis nach Offenbach "
        "und Hanau zu sehen. Die Stadt Frankfurt warnte die Anwohner über die Warn-App, Fenster und Türen geschlossen "
        "zu halten. Am Frankfurter Flughafen kam es zu keinen Einschränkungen. Zur Brandursache ermittelt die "
        "Kriminalpolizei, der Schaden wird auf mehrere Millionen Euro geschätzt."),
    toponyms=[
        ("Großbrand im [Osthafen]: Rauchwolke", "osthafen"),
        ("Rauchwolke über [Frankfurt]\n", "frankfurt"),
        ("In [Frankfurt] ist in der Nacht", "frankfurt"),
        ("Lagerhalle im [Osthafen] vollständig", "osthafen"),
        ("bis nach [Offenbach] und", "offenbach"),
        ("und [Hanau] zu sehen", "hanau"),
        ("Die Stadt [Frankfurt] warnte", "frankfurt", T, "the city administration issues a warning: actor"),
    ],
    notes=["Bare 'Frankfurt' = Frankfurt am Main (context Offenbach, Hanau).",
           "Not annotated: 'Frankfurter Flughafen' (adjective + common noun), 'Kriminalpolizei'."],
)

ART["e03.txt"] = dict(
    date="2024-06-04", title="Hochwasser: Donau steigt in Regensburg und Passau weiter",
    body=(
        "Die Donau ist in Regensburg und Passau auch am Dienstag weiter gestiegen. In Passau erreichte der Pegel am "
        "Mittag 9,10 Meter, Teile der Altstadt standen unter Wasser. Auch an Inn und Ilz wurden Höchststände gemessen. "
        "In Regensburg sicherten Helfer des Technischen Hilfswerks die Uferpromenade mit Sandsäcken. Flussabwärts "
        "bereitet man sich in Österreich auf die Flutwelle vor: In Linz wurden mobile Schutzwände aufgebaut. Der "
        "Deutsche Wetterdienst erwartet erst ab Donnerstag eine Entspannung."),
    toponyms=[
        ("Hochwasser: [Donau] steigt", "danube"),
        ("steigt in [Regensburg] und Passau weiter", "regensburg"),
        ("in Regensburg und [Passau] weiter", "passau"),
        ("Die [Donau] ist in", "danube"),
        ("ist in [Regensburg] und Passau auch", "regensburg"),
        ("in Regensburg und [Passau] auch", "passau"),
        ("In [Passau] erreichte", "passau"),
        ("an [Inn] und Ilz", "inn"),
        ("Inn und [Ilz] wurden", "ilz"),
        ("In [Regensburg] sicherten", "regensburg"),
        ("in [Österreich] auf die Flutwelle", "austria"),
        ("In [Linz] wurden", "linz"),
    ],
    notes=["Not annotated: 'Technischen Hilfswerks', 'Deutsche Wetterdienst' (organisations); 'Altstadt', 'Uferpromenade'.",
           "Donau point = Deggendorf (middle of the Regensburg-Passau stretch); a point in Hungary or Romania is wrong."],
)

ART["e04.txt"] = dict(
    date="2024-02-20", title=None,
    body=(
        "Wolfratshausen/Geretsried. Zwei Städte im Landkreis Bad Tölz-Wolfratshausen wollen gemeinsam ein neues "
        "Hallenbad bauen. Geretsried und Wolfratshausen teilen sich die Kosten von rund 28 Millionen Euro, das "
        "Grundstück liegt am Ufer der Loisach. Wolfratshausen stellt die Fläche, Geretsried übernimmt die Planung. "
        "Der Gemeinderat in Königsdorf fürchtet dagegen um das eigene Freibad. Baubeginn soll im Frühjahr 2026 sein."),
    toponyms=[
        ("[Wolfratshausen]/Geretsried.", "wolfrats", F, "dateline"),
        ("Wolfratshausen/[Geretsried].", "geretsried", F, "dateline"),
        ("Landkreis [Bad Tölz-Wolfratshausen] wollen", "toelz_lk", F, "designator 'Landkreis' not part of the surface"),
        ("[Geretsried] und Wolfratshausen teilen", "geretsried", T, "municipality as a party to a contract: actor"),
        ("Geretsried und [Wolfratshausen] teilen", "wolfrats", T, "municipality as a party to a contract: actor"),
        ("Ufer der [Loisach].", "loisach"),
        ("[Wolfratshausen] stellt", "wolfrats", T, "the town administration: actor"),
        ("Fläche, [Geretsried] übernimmt", "geretsried", T, "the town administration: actor"),
        ("Gemeinderat in [Königsdorf] fürchtet", "koenigsdorf", F, "'Gemeinderat in X' is locative like 'Regierung in X'"),
    ],
    notes=["No date in the headline; sentence-initial names throughout (dateline 'X/Y.', subjects)."],
)

ART["e05.txt"] = dict(
    date="2024-01-15", title="Lkw kippt auf der A7 um: Fahrer bei Kassel schwer verletzt",
    body=(
        "Auf der Autobahn 7 zwischen Kassel und Göttingen ist am Montagmorgen ein Lastwagen umgekippt. Der 52 Jahre "
        "alte Fahrer aus Polen wurde schwer verletzt und mit einem Rettungshubschrauber in die Uniklinik nach "
        "Göttingen geflogen. Die Autobahn blieb in Richtung Hannover bis zum Nachmittag gesperrt, der Verkehr staute "
        "sich zeitweise bis Hann. Münden. Nach ersten Erkenntnissen war der Lkw bei Glätte ins Schleudern geraten."),
    toponyms=[
        ("Fahrer bei [Kassel] schwer", "kassel"),
        ("zwischen [Kassel] und Göttingen ist", "kassel"),
        ("Kassel und [Göttingen] ist", "goettingen"),
        ("Fahrer aus [Polen] wurde", "poland", F, "origin of a person: literal"),
        ("Uniklinik nach [Göttingen] geflogen", "goettingen"),
        ("Richtung [Hannover] bis", "hannover"),
        ("bis [Hann. Münden].", "hannmuenden", F, "abbreviated official name with a full stop"),
    ],
    notes=["Not annotated: 'A7', 'Autobahn 7' (road), 'Uniklinik'."],
)

ART["e06.txt"] = dict(
    date="2024-04", title="Spreewald: Kahnfährleute starten in die Saison",
    body=(
        "Mit dem traditionellen Anpaddeln haben die Kahnfährleute im Spreewald am Wochenende die Saison eröffnet. In "
        "Lübbenau und Lübben legten die ersten Kähne schon am Samstagvormittag ab. Auch in Burg zählte der "
        "Tourismusverband deutlich mehr Gäste als im Vorjahr. Die Besucher kamen vor allem aus Berlin, Dresden und "
        "Cottbus. Brandenburg fördert die Sanierung der Fließe in diesem Jahr mit 1,2 Millionen Euro."),
    toponyms=[
        ("[Spreewald]: Kahnfährleute", "spreewald"),
        ("Kahnfährleute im [Spreewald] am", "spreewald"),
        ("In [Lübbenau] und", "luebbenau"),
        ("Lübbenau und [Lübben] legten", "luebben"),
        ("Auch in [Burg] zählte", "burg_spree", F, "Burg (Spreewald); context of the article"),
        ("aus [Berlin], Dresden", "berlin"),
        ("Berlin, [Dresden] und", "dresden"),
        ("und [Cottbus].", "cottbus"),
        ("[Brandenburg] fördert", "brandenburg_st", T, "the state government funds: actor; the state, not the city"),
    ],
    notes=["Not annotated: 'Fließe' (common noun: the Spreewald channels), 'Tourismusverband'."],
)

ART["e07.txt"] = dict(
    date="2024-03-07", title="Bahnstreik: Nur jeder dritte Fernzug zwischen Hamburg und Berlin",
    body=(
        "Wegen des Streiks der Lokführergewerkschaft GDL fällt am Donnerstag ein Großteil der Fernzüge aus. Besonders "
        "betroffen ist die Strecke zwischen Hamburg und Berlin, auf der nur jeder dritte Zug fährt. In Hannover und "
        "Bremen standen Reisende am Morgen vor leeren Anzeigetafeln. Wer in Hof umsteigen wollte, musste auf Busse "
        "ausweichen. Ein Zug nach Leipzig erreichte sein Ziel am Ende mit drei Stunden Verspätung. Die Deutsche Bahn "
        "rechnet erst am Freitagmittag wieder mit einem stabilen Fahrplan."),
    toponyms=[
        ("Fernzug zwischen [Hamburg] und Berlin\n", "hamburg"),
        ("Fernzug zwischen Hamburg und [Berlin]\n", "berlin"),
        ("zwischen [Hamburg] und Berlin, auf", "hamburg"),
        ("Hamburg und [Berlin], auf", "berlin"),
        ("In [Hannover] und", "hannover"),
        ("[Bremen] standen", "bremen"),
        ("in [Hof] umsteigen", "hof", F, "the town Hof (Saale): 'umsteigen' at a station"),
        ("Zug nach [Leipzig] erreichte", "leipzig"),
    ],
    notes=["Traps not annotated: 'Zug' (train, not the Swiss town), 'Ende' (common noun), 'Deutsche Bahn', 'GDL'."],
)

ART["e08.txt"] = dict(
    date="2024-03-10", title="Werder Bremen trotzt dem FC Bayern München ein Remis ab",
    body=(
        "Werder Bremen hat dem FC Bayern München am Samstagabend ein 1:1 abgetrotzt. Vor 42.100 Zuschauern im "
        "Weserstadion glich der eingewechselte Stürmer in der 88. Minute aus, nachdem Harry Kane die Gäste in Führung "
        "gebracht hatte. In Bremen feierten Hunderte Fans noch lange nach dem Abpfiff. Für die Münchner ist es das "
        "dritte sieglose Spiel in Folge. Bayer Leverkusen baute seinen Vorsprung an der Tabellenspitze damit aus. "
        "Eintracht Frankfurt verlor in Freiburg mit 0:2, der VfL Wolfsburg kam in Wolfsburg gegen den 1. FC Köln "
        "nicht über ein 0:0 hinaus."),
    toponyms=[
        ("im [Weserstadion] glich", "weserstadion"),
        ("In [Bremen] feierten", "bremen"),
        ("verlor in [Freiburg] mit", "freiburg"),
        ("kam in [Wolfsburg] gegen", "wolfsburg"),
    ],
    notes=["Traps not annotated (club names): 'Werder Bremen' (x2), 'FC Bayern München' (x2), 'Bayer Leverkusen', "
           "'Eintracht Frankfurt', 'VfL Wolfsburg', '1. FC Köln'; person 'Harry Kane'; demonym 'die Münchner'.",
           "The headline has no place mention (only club names)."],
)

ART["e09.txt"] = dict(
    date="2024-01-20", title="Schweizer Doppelsieg bei der Abfahrt in Kitzbühel",
    body=(
        "Bei der Hahnenkamm-Abfahrt in Kitzbühel haben die Schweizer Skirennfahrer am Samstag einen Doppelsieg "
        "gefeiert. Der Sieger aus dem Wallis verwies einen Teamkollegen aus Graubünden um 14 Hundertstel auf Rang "
        "zwei. Bester Österreicher wurde ein Tiroler auf Platz vier. Rund 45.000 Zuschauer verfolgten das Rennen bei "
        "Sonnenschein. Eine Woche zuvor hatte die Schweiz bereits in Wengen triumphiert. Die nächste Abfahrt findet "
        "in Garmisch-Partenkirchen statt."),
    toponyms=[
        ("Abfahrt in [Kitzbühel]\n", "kitzbuehel"),
        ("Hahnenkamm-Abfahrt in [Kitzbühel] haben", "kitzbuehel"),
        ("aus dem [Wallis] verwies", "valais", F, "origin of a person"),
        ("aus [Graubünden] um", "grisons", F, "origin of a person"),
        ("hatte die [Schweiz] bereits", "switzerland", T, "the Swiss team (the country standing for its athletes)"),
        ("in [Wengen] triumphiert", "wengen"),
        ("in [Garmisch-Partenkirchen] statt", "garmisch"),
    ],
    notes=["Not annotated: 'Hahnenkamm-Abfahrt' (compound, race name), 'Schweizer' (adjective), 'Österreicher', "
           "'Tiroler' (demonyms)."],
)

ART["e10.txt"] = dict(
    date="2024-04-15", title="Meisterfeier: Zehntausende auf den Straßen von Leverkusen",
    body=(
        "Nach dem ersten Meistertitel von Bayer Leverkusen haben in der Nacht zum Montag Zehntausende Menschen in "
        "Leverkusen gefeiert. Rund um die BayArena brannten bengalische Feuer, Autokorsos blockierten die "
        "Innenstadt. Auch in Köln und Düsseldorf zogen Fans hupend durch die Straßen. Trainer Xabi Alonso, der früher "
        "für Real Madrid spielte, bedankte sich bei den Fans. Die Polizei sprach von einer weitgehend friedlichen "
        "Nacht."),
    toponyms=[
        ("Straßen von [Leverkusen]\n", "leverkusen"),
        ("Menschen in [Leverkusen] gefeiert", "leverkusen"),
        ("um die [BayArena] brannten", "bayarena"),
        ("in [Köln] und Düsseldorf zogen", "cologne"),
        ("Köln und [Düsseldorf] zogen", "duesseldorf"),
    ],
    notes=["Traps not annotated: 'Bayer Leverkusen', 'Real Madrid' (clubs), 'Xabi Alonso' (person), 'Innenstadt'."],
)

ART["e11.txt"] = dict(
    date="2024-09-15", title="Hochwasser in Niederösterreich: Ganze Ortschaften evakuiert",
    body=(
        "Nach tagelangem Dauerregen hat Niederösterreich am Sonntag das gesamte Bundesland zum Katastrophengebiet "
        "erklärt. In St. Pölten trat die Traisen über die Ufer, mehrere Straßen im Zentrum standen unter Wasser. Im "
        "Kamptal wurden Hunderte Häuser evakuiert, ein Feuerwehrmann kam bei einem Einsatz ums Leben. In Wien stieg "
        "der Wienfluss so stark wie seit Jahrzehnten nicht, die U-Bahn-Linie U4 wurde teilweise eingestellt. Wien "
        "kündigte Soforthilfen für betroffene Haushalte an. Auch in Tschechien und Polen kämpfen die Menschen mit "
        "den Wassermassen."),
    toponyms=[
        ("Hochwasser in [Niederösterreich]: Ganze", "lowaustria"),
        ("hat [Niederösterreich] am Sonntag", "lowaustria", T, "the state government declares a disaster: actor"),
        ("In [St. Pölten] trat", "stpoelten"),
        ("trat die [Traisen] über", "traisen"),
        ("Im [Kamptal] wurden", "kamptal"),
        ("In [Wien] stieg", "vienna"),
        ("der [Wienfluss] so stark", "wienfluss"),
        ("[Wien] kündigte", "vienna", T, "city/state government announces aid: actor"),
        ("in [Tschechien] und Polen", "czechia"),
        ("Tschechien und [Polen] kämpfen", "poland"),
    ],
    notes=["Not annotated: 'Bundesland', 'Katastrophengebiet', 'U4'."],
)

ART["e12.txt"] = dict(
    date=None, title="Salzburger Festspiele eröffnet",
    body=(
        "Mit einer Rede des Bundespräsidenten sind am Freitag die Festspiele in Salzburg eröffnet worden. Zur "
        "Premiere des Jedermann auf dem Domplatz reisten Gäste aus Wien, München und Zürich an. Fast ein Drittel der "
        "Karten wurde nach Angaben der Intendanz an Besucher aus Deutschland verkauft. Die Stadt Salzburg rechnet in "
        "den fünf Festspielwochen mit mehr als 250.000 Übernachtungen."),
    toponyms=[
        ("Festspiele in [Salzburg] eröffnet", "salzburg"),
        ("aus [Wien], München", "vienna"),
        ("Wien, [München] und", "munich"),
        ("und [Zürich] an", "zurich"),
        ("Besucher aus [Deutschland] verkauft", "germany", F, "origin of visitors: literal"),
        ("Die Stadt [Salzburg] rechnet", "salzburg", T, "the city administration expects: actor"),
    ],
    notes=["Undated. Not annotated: 'Salzburger Festspiele' (adjective + organisation), 'Domplatz' (square; "
           "not annotated in this set), 'Jedermann' (play), 'Bundespräsidenten', 'Intendanz'."],
)

ART["e13.txt"] = dict(
    date="2024-06-22", title="Unwetter schneiden Zermatt von der Außenwelt ab",
    body=(
        "Heftige Gewitter haben in der Nacht zum Samstag im Wallis und in Graubünden schwere Schäden angerichtet. Der "
        "Ferienort Zermatt ist von der Außenwelt abgeschnitten, nachdem der Triftbach über die Ufer getreten war und "
        "die Bahnstrecke nach Visp beschädigt hatte. Im Misox im Kanton Graubünden riss eine Schlammlawine mehrere "
        "Häuser mit; im Weiler Sorte bei Lostallo werden drei Menschen vermisst. Bern sagte den betroffenen Kantonen "
        "rasche Unterstützung durch die Armee zu."),
    toponyms=[
        ("schneiden [Zermatt] von", "zermatt"),
        ("im [Wallis] und in Graubünden", "valais"),
        ("Wallis und in [Graubünden] schwere", "grisons"),
        ("Ferienort [Zermatt] ist", "zermatt"),
        ("der [Triftbach] über", "triftbach"),
        ("Bahnstrecke nach [Visp] beschädigt", "visp"),
        ("Im [Misox] im", "misox"),
        ("Kanton [Graubünden] riss", "grisons", F, "designator 'Kanton' not part of the surface"),
        ("Weiler [Sorte] bei", "sorte"),
        ("bei [Lostallo] werden", "lostallo"),
        ("[Bern] sagte", "bern", T, "the federal government (seat in Bern): actor"),
    ],
    notes=["Not annotated: 'Kantonen' (common noun), 'Armee', 'Ferienort', 'Weiler'."],
)

ART["e14.txt"] = dict(
    date="2023-05-10", title="Brienz/Brinzauls: Dorf muss wegen drohendem Bergsturz geräumt werden",
    body=(
        "Die rund 80 Einwohner von Brienz/Brinzauls im Kanton Graubünden müssen ihr Dorf bis Freitagabend verlassen. "
        "Der Hang oberhalb der Gemeinde im Albulatal rutscht seit Wochen immer schneller, Geologen rechnen in den "
        "nächsten Tagen mit einem Abbruch von bis zu zwei Millionen Kubikmetern Fels. Die Bewohner kommen vorerst bei "
        "Verwandten oder in Ferienwohnungen in Lenzerheide und Tiefencastel unter. Mit dem gleichnamigen Ort am "
        "Brienzersee im Berner Oberland hat das Bündner Bergdorf nichts zu tun."),
    toponyms=[
        ("[Brienz/Brinzauls]: Dorf", "brienz_gr", F, "official bilingual name; the whole name is the surface"),
        ("Einwohner von [Brienz/Brinzauls] im", "brienz_gr"),
        ("im Kanton [Graubünden] müssen", "grisons"),
        ("Gemeinde im [Albulatal] rutscht", "albulatal"),
        ("in [Lenzerheide] und", "lenzerheide"),
        ("und [Tiefencastel] unter", "tiefencastel"),
        ("Ort am [Brienzersee]", "brienzersee"),
        ("im [Berner Oberland] hat", "berneroberland", F, "'Berner' is part of the region's name"),
    ],
    notes=["Trap: 'dem gleichnamigen Ort' (Brienz BE) is not a name and not annotated; 'Bündner' is an adjective."],
)

ART["e15.txt"] = dict(
    date="2023-10-21", title="Sturmflut an der Ostsee: Schwere Schäden in Flensburg und auf Rügen",
    body=(
        "Die schwerste Sturmflut seit mehr als zwanzig Jahren hat an der Küste der Ostsee erhebliche Schäden "
        "angerichtet. In Flensburg stand die Innenstadt am Freitagabend unter Wasser, der Pegel lag 2,27 Meter über "
        "dem Normalwert. In Eckernförde und Kiel wurden Boote aus ihren Liegeplätzen gerissen. Auf Rügen und Usedom "
        "spülten die Wellen Teile der Steilküste weg. Schleswig-Holstein schätzt die Schäden allein an Deichen und "
        "Häfen auf mehrere Dutzend Millionen Euro. Auch in Dänemark gab es Überschwemmungen. Auf Sylt an der Nordsee "
        "blieb es dagegen vergleichsweise ruhig."),
    toponyms=[
        ("Sturmflut an der [Ostsee]: Schwere", "balticsea"),
        ("Schäden in [Flensburg] und auf", "flensburg"),
        ("und auf [Rügen]\n", "ruegen"),
        ("Küste der [Ostsee] erhebliche", "balticsea"),
        ("In [Flensburg] stand", "flensburg"),
        ("In [Eckernförde] und", "eckernfoerde"),
        ("Eckernförde und [Kiel] wurden", "kiel"),
        ("Auf [Rügen] und Usedom", "ruegen"),
        ("Rügen und [Usedom] spülten", "usedom"),
        ("[Schleswig-Holstein] schätzt", "sh", T, "the state government estimates damages: actor"),
        ("in [Dänemark] gab", "denmark"),
        ("Auf [Sylt] an", "sylt"),
        ("an der [Nordsee] blieb", "northsea"),
    ],
    notes=["Not annotated: 'Steilküste', 'Innenstadt', 'Deichen', 'Häfen' (common nouns)."],
)

ART["e16.txt"] = dict(
    date="2024-07-14", title="Drei Jahre nach der Flut: Das Ahrtal baut weiter auf",
    body=(
        "Drei Jahre nach der Flutkatastrophe ist der Wiederaufbau im Ahrtal noch lange nicht abgeschlossen. In "
        "Altenahr, Dernau und Bad Neuenahr-Ahrweiler sind viele Häuser weiterhin eingerüstet, mehrere Brücken fehlen "
        "noch. In der Nacht zum 15. Juli 2021 war die Ahr nach extremem Starkregen auf mehr als sieben Meter "
        "angeschwollen; allein in Rheinland-Pfalz starben 136 Menschen. In Erftstadt in Nordrhein-Westfalen riss das "
        "Wasser damals eine Kiesgrube und mehrere Häuser mit. In Sinzig, wo die Ahr in den Rhein mündet, erinnert "
        "seit Samstag eine Gedenktafel an die zwölf Toten eines Behindertenwohnheims. Die Landesregierung in Mainz "
        "kündigte weitere Hilfen an."),
    toponyms=[
        ("Das [Ahrtal] baut", "ahrtal"),
        ("Wiederaufbau im [Ahrtal] noch", "ahrtal"),
        ("In [Altenahr],", "altenahr"),
        ("Altenahr, [Dernau] und", "dernau"),
        ("und [Bad Neuenahr-Ahrweiler] sind", "neuenahr"),
        ("war die [Ahr] nach", "ahr"),
        ("in [Rheinland-Pfalz] starben", "rlp"),
        ("In [Erftstadt] in", "erftstadt"),
        ("in [Nordrhein-Westfalen] riss", "nrw"),
        ("In [Sinzig], wo", "sinzig"),
        ("wo die [Ahr] in", "ahr"),
        ("in den [Rhein] mündet", "rhine"),
        ("Landesregierung in [Mainz] kündigte", "mainz", F, "'Regierung in X' is locative"),
    ],
    notes=["Not annotated: 'Flutkatastrophe', 'Kiesgrube', 'Behindertenwohnheims', 'Landesregierung'."],
)

ART["e17.txt"] = dict(
    date="2024-09-17", title="Elbe-Hochwasser: Pegel in Dresden steigt auf sechs Meter",
    body=(
        "Nach den Unwettern in Tschechien steigt die Elbe in Sachsen weiter. In Dresden wurde am Dienstagmorgen ein "
        "Pegel von 5,90 Metern gemessen, am Abend sollen es mehr als sechs Meter sein. Die Stadt Dresden rief die "
        "Alarmstufe 3 aus. Besondere Sorge bereiten die Reste der teilweise eingestürzten Carolabrücke, die vor dem "
        "Scheitel abgerissen werden sollen. Flussaufwärts in Pirna wurden Teile der Altstadt geräumt, auch in Meißen "
        "bauten Helfer mobile Schutzwände auf. In Magdeburg wird der Höchststand erst zum Wochenende erwartet."),
    toponyms=[
        ("Pegel in [Dresden] steigt", "dresden"),
        ("Unwettern in [Tschechien] steigt", "czechia"),
        ("steigt die [Elbe] in", "elbe"),
        ("in [Sachsen] weiter", "saxony"),
        ("In [Dresden] wurde", "dresden"),
        ("Die Stadt [Dresden] rief", "dresden", T, "the city administration declares an alert level: actor"),
        ("eingestürzten [Carolabrücke], die", "carolabruecke"),
        ("Flussaufwärts in [Pirna] wurden", "pirna"),
        ("auch in [Meißen] bauten", "meissen"),
        ("In [Magdeburg] wird", "magdeburg"),
    ],
    notes=["Not annotated: 'Elbe-Hochwasser' (compound: the river modifies 'Hochwasser'), 'Altstadt', 'Alarmstufe 3'.",
           "Elbe point = Dresden; Magdeburg lies ~200 km downstream, so one point for the river cannot serve all."],
)

ART["e18.txt"] = dict(
    date=None, title="Mure verschüttet Straße im Vinschgau",
    body=(
        "Nach heftigen Regenfällen ist im Vinschgau in Südtirol eine Mure abgegangen und hat die Staatsstraße "
        "zwischen Schlanders und Laas auf einer Länge von 80 Metern verschüttet. Ein Autofahrer aus Bayern konnte "
        "sich im letzten Moment in Sicherheit bringen. Die Feuerwehren aus Meran und den umliegenden Dörfern waren "
        "die ganze Nacht im Einsatz. Auch die Etsch führte Hochwasser. Italiens Zivilschutz warnt für das Wochenende "
        "vor weiteren Gewittern in den Bergen."),
    toponyms=[
        ("Straße im [Vinschgau]\n", "vinschgau"),
        ("ist im [Vinschgau] in", "vinschgau"),
        ("in [Südtirol] eine", "suedtirol"),
        ("zwischen [Schlanders] und", "schlanders"),
        ("und [Laas] auf", "laas"),
        ("Autofahrer aus [Bayern] konnte", "bavaria", F, "origin of a person: literal"),
        ("aus [Meran] und", "meran"),
        ("die [Etsch] führte", "etsch"),
        ("[Italiens] Zivilschutz", "italy", T, "possessor of a state agency"),
    ],
    notes=["Undated. Not annotated: 'Mure' (common noun: debris flow), 'Staatsstraße', 'Bergen'."],
)

ART["e19.txt"] = dict(
    date="2024-11-05", title="Polizeibericht aus dem Emsland",
    body=(
        "Meppen – Auf der Bundesstraße 70 zwischen Meppen und Haren ist am Montagabend ein 19-Jähriger mit seinem Auto "
        "gegen einen Baum geprallt. Er wurde schwer verletzt in ein Krankenhaus nach Lingen gebracht.\n\n"
        "Papenburg – Unbekannte haben in der Nacht zum Dienstag auf einem Parkplatz an der Meyer Werft mehrere "
        "Fahrzeuge aufgebrochen. Die Polizei bittet um Hinweise.\n\n"
        "Nordhorn – Beim Brand einer Scheune ist ein Schaden von rund 150.000 Euro entstanden. Die Feuerwehren aus "
        "Nordhorn und Bad Bentheim verhinderten ein Übergreifen auf das Wohnhaus. Die Grenze zu den Niederlanden "
        "liegt nur wenige Kilometer entfernt, auch ein niederländischer Löschzug half."),
    toponyms=[
        ("aus dem [Emsland]\n", "emsland"),
        ("[Meppen] – Auf", "meppen", F, "dateline"),
        ("zwischen [Meppen] und Haren", "meppen"),
        ("Meppen und [Haren] ist", "haren"),
        ("Krankenhaus nach [Lingen] gebracht", "lingen"),
        ("[Papenburg] – Unbekannte", "papenburg", F, "dateline"),
        ("[Nordhorn] – Beim", "nordhorn", F, "dateline"),
        ("aus [Nordhorn] und", "nordhorn"),
        ("und [Bad Bentheim] verhinderten", "bentheim"),
        ("Grenze zu den [Niederlanden] liegt", "netherlands"),
    ],
    notes=["Sentence-initial datelines 'Ort –'. Not annotated: 'Meyer Werft' (company), 'Bundesstraße 70' (road), "
           "'niederländischer' (adjective)."],
)

ART["e20.txt"] = dict(
    date="2024-06-18", title="Grenzkontrollen: Lange Staus in Frankfurt (Oder)",
    body=(
        "An der Stadtbrücke zwischen Frankfurt (Oder) und Słubice haben sich am Montag Staus von mehreren Kilometern "
        "gebildet. Seit Beginn der Fußball-Europameisterschaft kontrolliert die Bundespolizei an allen Übergängen nach "
        "Polen. Auch am Grenzübergang bei Küstrin mussten Pendler bis zu einer Stunde warten. Brandenburgs "
        "Innenminister forderte mehr Personal, damit der Verkehr über die Oder flüssiger laufe. Das "
        "Bundesinnenministerium in Berlin verwies auf die Sicherheitslage während des Turniers."),
    toponyms=[
        ("Staus in [Frankfurt (Oder)]\n", "frankfurt_oder", F, "the parenthesis is part of the official name"),
        ("zwischen [Frankfurt (Oder)] und", "frankfurt_oder"),
        ("und [Słubice] haben", "slubice"),
        ("Übergängen nach [Polen].", "poland"),
        ("bei [Küstrin] mussten", "kostrzyn"),
        ("[Brandenburgs] Innenminister", "brandenburg_st", T, "possessor of a state office"),
        ("über die [Oder] flüssiger", "oder"),
        ("Bundesinnenministerium in [Berlin] verwies", "berlin", F, "'X-ministerium in Berlin' is locative"),
    ],
    notes=["Not annotated: 'Stadtbrücke', 'Grenzübergang' (common nouns), 'Bundespolizei', 'Fußball-Europameisterschaft'."],
)
