"""Twenty-two short German news articles written for the input benchmark (synthetic; invented details).
Each is published as an HTML page in one of five publishers' layouts (tests/news_pages.py)."""

from __future__ import annotations

from tests.news_pages import Story

STORIES = (
    Story("aleppo-waffenruhe", "Waffenruhe in Aleppo gebrochen", "2016-10-20", (
        "Nur wenige Stunden nach Beginn der Feuerpause sind in Aleppo erneut Kämpfe ausgebrochen. Aktivisten berichteten von Artilleriebeschuss auf den Stadtteil Bustan al-Kasr.",
        "Die Vereinten Nationen hatten gehofft, Verletzte aus dem Osten der Stadt bringen zu können. Die Konvois warteten am Donnerstag vergeblich an der Straße nach Idlib.",
        "In Moskau erklärte das Verteidigungsministerium, die Rebellen hätten die Waffenruhe zuerst verletzt.")),
    Story("mossul-offensive", "Offensive auf Mossul beginnt", "2016-10-17", (
        "Irakische Truppen und kurdische Peschmerga haben am Montag ihren Vormarsch auf Mossul begonnen. Die Stadt wird seit 2014 von der Terrormiliz IS beherrscht.",
        "Nach Angaben der Regierung in Bagdad wurden mehrere Dörfer östlich der Stadt eingenommen. Hilfsorganisationen bereiten sich in Erbil auf Zehntausende Flüchtlinge vor.",
        "Die Kämpfe könnten Wochen dauern, sagte ein Sprecher der Koalition.")),
    Story("genf-gespraeche", "Syrien-Gespräche in Genf vertagt", "2016-02-03", (
        "Die Friedensgespräche für Syrien in Genf sind nach nur wenigen Tagen unterbrochen worden. Der UN-Sondergesandte Staffan de Mistura nannte den 25. Februar als neues Datum.",
        "Die Opposition hatte ein Ende der Luftangriffe auf Wohngebiete gefordert. Zugleich rückten Regierungstruppen nördlich von Aleppo weiter vor.",
        "In Washington zeigte sich das Außenministerium enttäuscht über den Verlauf.")),
    Story("palmyra-rueckeroberung", "Armee erobert Palmyra zurück", "2016-03-27", (
        "Syrische Regierungstruppen haben die antike Oasenstadt Palmyra nach schweren Kämpfen zurückerobert. Die Dschihadisten zogen sich nach Osten in Richtung Deir Essor zurück.",
        "Archäologen fürchten, dass große Teile der Ruinen zerstört sind. Die UNESCO kündigte an, Experten nach Palmyra zu schicken, sobald die Lage es erlaube.",
        "In Damaskus sprach die Regierung von einem wichtigen Sieg.")),
    Story("manbidsch-kaempfe", "Kämpfe um Manbidsch dauern an", "2016-07-12", (
        "Im Norden Syriens kämpfen kurdisch geführte Einheiten weiter um die Stadt Manbidsch. Die Stadt liegt an einer wichtigen Versorgungsroute zur türkischen Grenze.",
        "Zivilisten berichteten von Luftangriffen auf Wohngebiete. Viele Familien flohen in Richtung Kobane.",
        "Die Türkei beobachtet den Vormarsch der kurdischen Milizen mit Sorge.")),
    Story("rakka-einkesselung", "Rakka fast eingeschlossen", "2017-06-20", (
        "Die von den USA unterstützten Demokratischen Kräfte Syriens haben Rakka fast vollständig eingeschlossen. Nur noch der Süden der Stadt am Euphrat ist offen.",
        "Nach Angaben von Hilfsorganisationen sitzen noch Zehntausende Menschen in der Stadt fest. Die Versorgung mit Wasser und Strom ist zusammengebrochen.",
        "Aus Ankara kam scharfe Kritik an den Waffenlieferungen an die Kurden.")),
    Story("homs-evakuierung", "Letzte Rebellen verlassen Homs", "2017-05-21", (
        "Die letzten Rebellen haben das Viertel al-Waer in Homs verlassen. Damit kontrolliert die Regierung die gesamte Stadt wieder.",
        "Busse brachten die Kämpfer und ihre Familien nach Dscharablus an der türkischen Grenze. Die Vereinbarung war unter russischer Vermittlung zustande gekommen.",
        "Beobachter sprachen von einer erzwungenen Umsiedlung.")),
    Story("idlib-luftangriffe", "Luftangriffe auf Krankenhaus in Idlib", "2017-04-05", (
        "Bei Luftangriffen in der Provinz Idlib ist ein Krankenhaus getroffen worden. Ärzte in Chan Scheichun berichteten von zahlreichen Verletzten.",
        "Zuvor waren in der Stadt Dutzende Menschen mit Vergiftungserscheinungen behandelt worden. Die Weltgesundheitsorganisation forderte eine Untersuchung.",
        "In New York kam der Sicherheitsrat zu einer Dringlichkeitssitzung zusammen.")),
    Story("deir-essor-belagerung", "Belagerung von Deir Essor durchbrochen", "2017-09-05", (
        "Regierungstruppen haben den jahrelangen Belagerungsring um Deir Essor durchbrochen. Die Stadt am Euphrat war seit 2014 vom IS eingeschlossen.",
        "Versorgungskonvois sollen in den nächsten Tagen Lebensmittel und Medikamente bringen. Im Osten der Provinz gehen die Kämpfe weiter.",
        "Präsident Assad sprach in Damaskus von einem historischen Tag.")),
    Story("afrin-offensive", "Türkische Offensive auf Afrin", "2018-01-22", (
        "Die türkische Armee hat eine Bodenoffensive gegen die kurdische Region Afrin im Nordwesten Syriens begonnen. Panzer überquerten bei Kilis die Grenze.",
        "Die kurdischen Volksverteidigungseinheiten meldeten schwere Gefechte in mehreren Dörfern. Tausende Menschen flohen nach Aleppo.",
        "Die Bundesregierung in Berlin rief zur Zurückhaltung auf.")),
    Story("ghuta-fluechtlinge", "Tausende fliehen aus Ost-Ghuta", "2018-03-15", (
        "Aus der belagerten Region Ost-Ghuta sind am Donnerstag Tausende Zivilisten geflohen. Sie verließen die Stadt Hamurije über einen Korridor der Armee.",
        "Helfer des Roten Halbmonds versorgten die Menschen in Notlagern bei Damaskus. Viele seien unterernährt, hieß es.",
        "Der UN-Menschenrechtsrat in Genf verurteilte die Angriffe auf Wohngebiete.")),
    Story("daraa-rueckkehr", "Regierung übernimmt Daraa", "2018-07-12", (
        "Die syrische Regierung hat wieder die Kontrolle über die Stadt Daraa übernommen. Dort hatte 2011 der Aufstand gegen Assad begonnen.",
        "Rebellen übergaben ihre schweren Waffen an russische Militärpolizisten. An der Grenze zu Jordanien harrten weiter Zehntausende Vertriebene aus.",
        "Amman hält die Grenze bislang geschlossen.")),
    Story("kirkuk-vormarsch", "Irakische Truppen rücken in Kirkuk ein", "2017-10-16", (
        "Nach dem Unabhängigkeitsreferendum der Kurden sind irakische Truppen in Kirkuk eingerückt. Die Peschmerga zogen sich weitgehend kampflos zurück.",
        "Die Regierung in Bagdad übernahm die Kontrolle über die Ölfelder nordwestlich der Stadt. In Erbil sprach die kurdische Führung von Verrat.",
        "Tausende Kurden verließen Kirkuk aus Angst vor Racheakten.")),
    Story("tripolis-angriff", "Haftar-Truppen greifen Tripolis an", "2019-04-08", (
        "Die Truppen des libyschen Generals Chalifa Haftar haben den einzigen funktionierenden Flughafen von Tripolis angegriffen. Der Flughafen Mitiga wurde geschlossen.",
        "Im Süden der Hauptstadt lieferten sich Milizen heftige Gefechte. Die UN forderten eine humanitäre Feuerpause.",
        "Auch in Misrata wurden Kämpfer für die Verteidigung der Hauptstadt mobilisiert.")),
    Story("beirut-explosion", "Schwere Explosion im Hafen von Beirut", "2020-08-04", (
        "Eine gewaltige Explosion hat den Hafen von Beirut verwüstet. Mehr als hundert Menschen kamen ums Leben, Tausende wurden verletzt.",
        "Die Druckwelle beschädigte Gebäude in weiten Teilen der libanesischen Hauptstadt. Krankenhäuser waren rasch überlastet.",
        "Frankreich schickte Rettungskräfte und Hilfsgüter nach Beirut.")),
    Story("erdbeben-antakya", "Retter suchen in Antakya nach Überlebenden", "2023-02-08", (
        "Zwei Tage nach dem schweren Erdbeben suchen Rettungskräfte in Antakya weiter nach Verschütteten. Ganze Straßenzüge der Stadt sind eingestürzt.",
        "Auch im Nordwesten Syriens ist die Lage verzweifelt. In Dschindires gruben Bewohner mit bloßen Händen nach Angehörigen.",
        "Hilfsgüter erreichten Idlib bislang nur über den Grenzübergang Bab al-Hawa.")),
    Story("mariupol-evakuierung", "Evakuierung aus Mariupol gescheitert", "2022-03-06", (
        "Ein erneuter Versuch, Zivilisten aus Mariupol in Sicherheit zu bringen, ist gescheitert. Die Stadt am Asowschen Meer wird seit Tagen beschossen.",
        "Die Busse sollten die Menschen nach Saporischschja bringen. Nach ukrainischen Angaben wurde die Fluchtroute jedoch erneut angegriffen.",
        "In Kiew forderte die Regierung verlässliche humanitäre Korridore.")),
    Story("chartum-kaempfe", "Heftige Kämpfe in Khartum", "2023-04-16", (
        "In der sudanesischen Hauptstadt Khartum liefern sich Armee und paramilitärische Einheiten den zweiten Tag heftige Kämpfe. Auch am Flughafen wurde geschossen.",
        "Aus Omdurman auf der anderen Seite des Nils wurden Luftangriffe gemeldet. Ärzte berichteten von Dutzenden Toten.",
        "Die Afrikanische Union rief beide Seiten zu einer sofortigen Waffenruhe auf.")),
    Story("sanaa-luftangriffe", "Luftangriffe auf Sanaa", "2015-05-11", (
        "Die von Saudi-Arabien geführte Koalition hat erneut Ziele in der jemenitischen Hauptstadt Sanaa bombardiert. Getroffen wurden nach Angaben von Anwohnern Waffenlager am Stadtrand.",
        "Auch in Aden im Süden des Landes gingen die Gefechte weiter. Hilfsorganisationen warnten vor einer Hungersnot.",
        "In Riad kündigte die Koalition eine fünftägige Feuerpause an.")),
    Story("kobane-befreiung", "Kobane vom IS befreit", "2015-01-26", (
        "Kurdische Kämpfer haben die nordsyrische Stadt Kobane nach monatelangen Kämpfen vollständig vom IS befreit. Unterstützt wurden sie von Luftangriffen der internationalen Koalition.",
        "Große Teile der Stadt sind zerstört. Viele Bewohner, die in die Türkei nach Suruc geflohen waren, wollen dennoch zurückkehren.",
        "Die Kämpfe in den umliegenden Dörfern dauern an.")),
    Story("astana-verhandlungen", "Neue Syrien-Gespräche in Astana", "2017-01-23", (
        "In der kasachischen Hauptstadt Astana haben Gespräche zwischen der syrischen Regierung und Rebellen begonnen. Russland, die Türkei und Iran vermitteln.",
        "Im Mittelpunkt steht die brüchige Waffenruhe. Im Wadi Barada nahe Damaskus wurde trotz der Gespräche weiter gekämpft.",
        "Die Opposition will nur über die Feuerpause, nicht über eine politische Lösung sprechen.")),
    Story("dscharablus-offensive", "Türkische Panzer rollen nach Dscharablus", "2016-08-24", (
        "Die Türkei hat mit Panzern und Spezialkräften eine Offensive auf die syrische Grenzstadt Dscharablus begonnen. Ziel ist die Vertreibung des IS.",
        "Aus Gaziantep meldeten Augenzeugen Artilleriefeuer über die Grenze hinweg. Die Stadt wurde nach wenigen Stunden eingenommen.",
        "Ankara will zugleich ein Vorrücken kurdischer Milizen westlich des Euphrat verhindern.")),
)
