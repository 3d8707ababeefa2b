#!/usr/bin/env python3
"""Builds heldout.jsonl: gold toponym annotation of the held-out articles in ./articles/.

Independent second evaluation set for geomap (see README.md). DO NOT TUNE ON IT.

Modelled on shared/gold/build_gold.py: every mention is written as a context
string with the surface in [brackets]; the context must occur exactly once in
the article text, so offsets are derived mechanically and cannot drift.
Output schema = shared/gold/seeds.jsonl. Run:  python3 build_heldout.py
Validate:  python3 /work/shared/gold/check_gold.py heldout.jsonl articles
"""
import json
import os
import re

HERE = os.path.dirname(os.path.abspath(__file__))
SRC = os.path.join(HERE, "articles")
OUT = os.path.join(HERE, "heldout.jsonl")

# ---------------------------------------------------------------- gazetteer
# key: (name, kind, lat, lon, ISO-3166 alpha-2, note)
# Settlements: city centre. Countries: the same representative central points as the seed gold.
# Regions / rivers / seas: an approximate representative point (see note).
# "XX" = no single country (seas, continents).
P = {
    # --- Syria: settlements
    "aleppo":    ("Aleppo", "city", 36.2028, 37.1586, "SY", None),
    "damascus":  ("Damascus", "city", 33.5131, 36.2919, "SY", None),
    "idlib_c":   ("Idlib", "city", 35.9306, 36.6339, "SY", "city centre (GeoNames Idlib)"),
    "hama":      ("Hama", "city", 35.1318, 36.7578, "SY", None),
    "homs":      ("Homs", "city", 34.7324, 36.7137, "SY", None),
    "latakia":   ("Latakia", "city", 35.5317, 35.7901, "SY", "GeoNames Latakia"),
    "tartus":    ("Tartus", "city", 34.8890, 35.8866, "SY", None),
    "palmyra":   ("Palmyra", "city", 34.5603, 38.2673, "SY", None),
    "deir":      ("Deir ez-Zor", "city", 35.3359, 40.1408, "SY", None),
    "raqqa":     ("Raqqa", "city", 35.9528, 39.0079, "SY", None),
    "afrin":     ("Afrin", "city", 36.5119, 36.8692, "SY", "Wikipedia 36°30'43\"N 36°52'09\"E"),
    "azaz":      ("Azaz", "city", 36.5866, 37.0463, "SY", None),
    "tellrifaat": ("Tell Rifaat", "town", 36.4733, 37.0972, "SY", "town N of Aleppo, ~8 km S of Azaz"),
    "kobani":    ("Kobani", "city", 36.8911, 38.3536, "SY",
                  "Kobane/Kobani/Ayn al-Arab; Wikipedia 36°53'28\"N 38°21'13\"E; both spellings -> same place"),
    "qamishli":  ("Qamishli", "city", 37.0522, 41.2231, "SY", None),
    "hasakah":   ("Al-Hasakah", "city", 36.5024, 40.7477, "SY", None),
    "jarabulus": ("Jarabulus", "city", 36.8175, 38.0111, "SY", "Wikipedia ~36°49'N 38°01'E"),
    "albab":     ("Al-Bab", "city", 36.3706, 37.5157, "SY", "surfaces 'al-Bab' and 'el-Bab'"),
    "manbij":    ("Manbij", "city", 36.5281, 37.9547, "SY", None),
    "marea":     ("Mare'", "town", 36.4828, 37.1964, "SY",
                  "'Marea', town ~25 km N of Aleppo between Tell Rifaat and al-Bab; Wikipedia 36°28'58\"N 37°11'47\"E"),
    "daraa":     ("Daraa", "city", 32.6189, 36.1021, "SY", None),
    "douma":     ("Douma", "city", 33.5717, 36.4028, "SY", "Duma/Douma, main town of Eastern Ghouta"),
    "jisr":      ("Jisr al-Shughur", "city", 35.8000, 36.3167, "SY", "Wikipedia ~35°48'N 36°19'E"),
    "jindires":  ("Jindires", "town", 36.3947, 36.6894, "SY", "Afrin District; Wikipedia ~36°23'41\"N 36°41'22\"E"),
    "harem":     ("Harem", "town", 36.2077, 36.5192, "SY", "Harim/Harem, Idlib Governorate, near the Turkish border"),
    # --- Syria: regions, landmarks
    "syria":     ("Syria", "country", 34.8021, 38.9968, "SY", None),
    "idlib_p":   ("Idlib Governorate", "admin_region", 35.8500, 36.6000, "SY",
                  "'Provinz Idlib' and bare 'Idlib' used for the rebel-held province; approximate centroid "
                  "(governorate spans ~35.4-36.3N, 36.2-37.0E); the city Idlib lies ~10 km NNE"),
    "aleppo_p":  ("Aleppo Governorate", "admin_region", 36.2500, 37.6000, "SY",
                  "'Gouvernement Aleppo'; approximate centroid of the governorate"),
    "daraa_p":   ("Daraa Governorate", "admin_region", 32.8500, 36.2500, "SY",
                  "'Provinz Daraa'; approximate centroid of the governorate"),
    "eghouta":   ("Eastern Ghouta", "region", 33.5600, 36.4300, "SY",
                  "'Ost-Ghuta': agricultural belt E of Damascus (Douma, Harasta, Kafr Batna ...); approximate centre"),
    "nsyria":    ("Northern Syria", "region", 36.5000, 38.5000, "SY",
                  "'Nordsyrien'; approximate representative point (between Manbij and Kobani)"),
    "nwsyria":   ("Northwestern Syria", "region", 35.9000, 36.6000, "SY",
                  "'Nordwestsyrien' (in 2023 usage: Idlib + northern Aleppo countryside); approximate point"),
    "babalhawa": ("Bab al-Hawa Border Crossing", "landmark", 36.2306, 36.6926, "SY",
                  "Syrian-Turkish crossing opposite Cilvegözü (Reyhanli); Wikipedia 36°13'50.3\"N 36°41'33.5\"E"),
    "hmeimim":   ("Khmeimim Air Base", "landmark", 35.4117, 35.9450, "SY",
                  "'Hmeimim', Russian air base at Bassel al-Assad Int. Airport SE of Latakia near Jableh; Wikipedia 35°24'42\"N 35°56'42\"E"),
    "t4":        ("Tiyas Military Airbase", "landmark", 34.5225, 37.6297, "SY",
                  "'Militärflughafen T4' between Homs and Palmyra; Wikipedia 34°31'21\"N 37°37'47\"E"),
    "euphrates": ("Euphrates", "water", 36.8200, 38.0300, "SY",
                  "river; one representative point for the whole set: where the river enters Syria at Jarabulus "
                  "(both mentions are about the Jarabulus-Manbij-Kobani stretch)"),
    "alhol":     ("Al-Hol camp", "landmark", 36.3833, 41.1500, "SY", "camp at the town of al-Hawl, Hasakah Governorate"),
    "golan":     ("Golan Heights", "region", 33.0000, 35.7500, "SY",
                  "'Golanhöhen'; approximate centre; ISO code SY as internationally recognised (Israeli-occupied)"),
    # --- Turkey
    "turkey":    ("Turkey", "country", 38.9637, 35.2433, "TR", None),
    "ankara":    ("Ankara", "city", 39.9334, 32.8597, "TR", None),
    "istanbul":  ("Istanbul", "city", 41.0082, 28.9784, "TR", None),
    "gaziantep": ("Gaziantep", "city", 37.0662, 37.3833, "TR", None),
    "kilis":     ("Kilis", "city", 36.7184, 37.1212, "TR", None),
    "suruc":     ("Suruç", "town", 36.9761, 38.4253, "TR", "border town opposite Kobani"),
    "karkamis":  ("Karkamış", "town", 36.8333, 38.0000, "TR", "border town opposite Jarabulus; Wikipedia ~36°50'N 38°00'E"),
    "kahraman":  ("Kahramanmaraş", "city", 37.5858, 36.9371, "TR", None),
    "antakya":   ("Antakya", "city", 36.2021, 36.1600, "TR", None),
    "adiyaman":  ("Adıyaman", "city", 37.7636, 38.2773, "TR", None),
    "diyarbakir": ("Diyarbakır", "city", 37.9144, 40.2306, "TR", None),
    "sturkey":   ("Southern Turkey", "region", 37.0000, 36.0000, "TR",
                  "'Südtürkei'; approximate representative point (Adana-Gaziantep belt)"),
    # --- Iraq
    "iraq":      ("Iraq", "country", 33.2232, 43.6793, "IQ", None),
    "mosul":     ("Mosul", "city", 36.3400, 43.1300, "IQ", None),
    "baghdad":   ("Baghdad", "city", 33.3152, 44.3661, "IQ", None),
    "erbil":     ("Erbil", "city", 36.1911, 44.0092, "IQ", None),
    "kirkuk":    ("Kirkuk", "city", 35.4681, 44.3922, "IQ", None),
    "tikrit":    ("Tikrit", "city", 34.6071, 43.6782, "IQ", None),
    "fallujah":  ("Fallujah", "city", 33.3500, 43.7833, "IQ", None),
    "talafar":   ("Tal Afar", "city", 36.3792, 42.4486, "IQ", "~60 km W of Mosul"),
    "sulaymaniyah": ("Sulaymaniyah", "city", 35.5650, 45.4329, "IQ", None),
    "anbar":     ("Al Anbar Governorate", "admin_region", 33.2000, 41.8000, "IQ",
                  "'Provinz Anbar'; approximate centroid of the large western governorate"),
    "kurdistan": ("Kurdistan Region", "admin_region", 36.4000, 44.4000, "IQ",
                  "'Autonome Region Kurdistan' (Iraqi Kurdistan); only 'Kurdistan' is the surface; approximate centroid"),
    "niraq":     ("Northern Iraq", "region", 36.2000, 43.8000, "IQ", "'Nordirak'; approximate representative point"),
    "tigris":    ("Tigris", "water", 36.3380, 43.1450, "IQ",
                  "river; representative point where it flows through Mosul (the article's context)"),
    "nuri":      ("Great Mosque of al-Nuri", "landmark", 36.3409, 43.1294, "IQ", "in Mosul's Old City, W bank"),
    # --- Lebanon
    "lebanon":   ("Lebanon", "country", 33.8547, 35.8623, "LB", None),
    "beirut":    ("Beirut", "city", 33.8938, 35.5018, "LB", None),
    "tripoli_lb": ("Tripoli, Lebanon", "city", 34.4367, 35.8497, "LB",
                   "Lebanese Tripoli (Trablous), NOT the Libyan capital; article context 'nordlibanesischen Stadt'"),
    "sidon":     ("Sidon", "city", 33.5606, 35.3756, "LB", "Sidon = Saida (both surfaces)"),
    "arsal":     ("Arsal", "town", 34.1794, 36.4208, "LB", "border town in the NE Bekaa"),
    "tabbaneh":  ("Bab al-Tabbaneh", "neighbourhood", 34.4440, 35.8420, "LB",
                  "Sunni district of Tripoli (Lebanon) N of the Old City along Syria Street; approximate (~0.7 km)"),
    "jabalmohsen": ("Jabal Mohsen", "neighbourhood", 34.4470, 35.8380, "LB",
                    "Alawite hill district of Tripoli (Lebanon) adjoining Bab al-Tabbaneh to the NW; approximate (~0.7 km)"),
    # --- Libya / Egypt / Gulf
    "libya":     ("Libya", "country", 26.3351, 17.2283, "LY", None),
    "tripoli_ly": ("Tripoli, Libya", "city", 32.8872, 13.1913, "LY", "Libyan capital"),
    "benghazi":  ("Benghazi", "city", 32.1167, 20.0667, "LY", None),
    "misrata":   ("Misrata", "city", 32.3754, 15.0925, "LY", None),
    "tobruk":    ("Tobruk", "city", 32.0836, 23.9764, "LY", None),
    "gharyan":   ("Gharyan", "city", 32.1722, 13.0203, "LY", "'Gharjan', ~80 km S of Tripoli"),
    "ghadames":  ("Ghadames", "town", 30.1337, 9.5007, "LY", None),
    "egypt":     ("Egypt", "country", 26.8206, 30.8025, "EG", None),
    "cairo":     ("Cairo", "city", 30.0444, 31.2357, "EG", None),
    "uae":       ("United Arab Emirates", "country", 23.4241, 53.8478, "AE", None),
    "saudi":     ("Saudi Arabia", "country", 23.8859, 45.0792, "SA", None),
    "riyadh":    ("Riyadh", "city", 24.7136, 46.6753, "SA", None),
    # --- Levant, Iran, Central Asia
    "jordan":    ("Jordan", "country", 30.5852, 36.2384, "JO", None),
    "amman":     ("Amman", "city", 31.9454, 35.9284, "JO", None),
    "israel":    ("Israel", "country", 31.0461, 34.8516, "IL", None),
    "jerusalem": ("Jerusalem", "city", 31.7683, 35.2137, "IL", "ISO code IL by convention of the set (status disputed)"),
    "iran":      ("Iran", "country", 32.4279, 53.6880, "IR", None),
    "tehran":    ("Tehran", "city", 35.6892, 51.3890, "IR", None),
    "astana":    ("Astana", "city", 51.1694, 71.4491, "KZ", None),
    # --- Ukraine / Russia
    "ukraine":   ("Ukraine", "country", 48.3794, 31.1656, "UA", None),
    "kyiv":      ("Kyiv", "city", 50.4501, 30.5234, "UA", None),
    "kharkiv":   ("Kharkiv", "city", 49.9935, 36.2304, "UA", None),
    "donetsk":   ("Donetsk", "city", 48.0159, 37.8028, "UA", None),
    "mariupol":  ("Mariupol", "city", 47.0971, 37.5434, "UA", None),
    "sievierodonetsk": ("Sievierodonetsk", "city", 48.9482, 38.4917, "UA", None),
    "novoazovsk": ("Novoazovsk", "town", 47.1167, 38.0833, "UA", "~40 km E of Mariupol near the Russian border"),
    "odesa":     ("Odesa", "city", 46.4825, 30.7233, "UA", None),
    "kherson":   ("Kherson", "city", 46.6354, 32.6169, "UA", None),
    "azovstal":  ("Azovstal", "landmark", 47.0990, 37.6050, "UA",
                  "steel works on the E side of Mariupol at the Kalmius mouth; approximate (~1.5 km)"),
    "crimea":    ("Crimea", "region", 45.3000, 34.4000, "UA", "peninsula; approximate centre; ISO UA as internationally recognised"),
    "eukraine":  ("Eastern Ukraine", "region", 48.5000, 37.5000, "UA", "'Ost-Ukraine'; approximate representative point"),
    "donbas":    ("Donbas", "region", 48.3000, 38.5000, "UA", "approximate centre between Donetsk and Luhansk"),
    "luhansk_o": ("Luhansk Oblast", "admin_region", 48.9000, 39.1000, "UA", "'Gebiet Luhansk'; approximate centroid"),
    "azov":      ("Sea of Azov", "water", 46.1000, 36.8000, "UA", "'Asowschen Meer'; approximate centre of the sea"),
    "russia":    ("Russia", "country", 61.5240, 105.3188, "RU", None),
    "moscow":    ("Moscow", "city", 55.7558, 37.6173, "RU", None),
    "kremlin":   ("Moscow Kremlin", "landmark", 55.7520, 37.6175, "RU", "used for the Russian presidency"),
    # --- Germany
    "germany":   ("Germany", "country", 51.1657, 10.4515, "DE", None),
    "berlin":    ("Berlin", "city", 52.5200, 13.4050, "DE", None),
    "halle":     ("Halle (Saale)", "city", 51.4825, 11.9697, "DE",
                  "Halle an der Saale (Saxony-Anhalt), NOT Halle (Westf.); context Sachsen-Anhalt / A14 to Magdeburg"),
    "halleneustadt": ("Halle-Neustadt", "neighbourhood", 51.4790, 11.9150, "DE", "district of Halle (Saale) W of the Saale"),
    "magdeburg": ("Magdeburg", "city", 52.1205, 11.6276, "DE", None),
    "leipzig":   ("Leipzig", "city", 51.3397, 12.3731, "DE", None),
    "essen":     ("Essen", "city", 51.4556, 7.0116, "DE", None),
    "dortmund":  ("Dortmund", "city", 51.5136, 7.4653, "DE", None),
    "cologne":   ("Cologne", "city", 50.9375, 6.9603, "DE", None),
    "saxanhalt": ("Saxony-Anhalt", "admin_region", 51.9503, 11.6923, "DE", None),
    "nrw":       ("North Rhine-Westphalia", "admin_region", 51.4332, 7.6616, "DE", None),
    "ruhr":      ("Ruhr", "region", 51.4800, 7.2200, "DE", "'Ruhrgebiet'; approximate centre (Bochum)"),
    "cgermany":  ("Central Germany", "region", 51.3000, 11.8000, "DE",
                  "'Mitteldeutschland' (Saxony, Saxony-Anhalt, Thuringia); approximate centre"),
    # --- elsewhere
    "usa":       ("United States", "country", 37.0902, -95.7129, "US", None),
    "washington": ("Washington, D.C.", "city", 38.9072, -77.0369, "US", None),
    "nyc":       ("New York City", "city", 40.7128, -74.0060, "US", None),
    "pentagon":  ("The Pentagon", "landmark", 38.8719, -77.0563, "US", "used for the US Department of Defense"),
    "france":    ("France", "country", 46.2276, 2.2137, "FR", None),
    "paris":     ("Paris", "city", 48.8566, 2.3522, "FR", None),
    "elysee":    ("Élysée Palace", "landmark", 48.8704, 2.3167, "FR", "used for the French presidency"),
    "uk":        ("United Kingdom", "country", 55.3781, -3.4360, "GB", "surface 'Großbritannien'"),
    "italy":     ("Italy", "country", 41.8719, 12.5674, "IT", None),
    "rome":      ("Rome", "city", 41.9028, 12.4964, "IT", None),
    "hague":     ("The Hague", "city", 52.0705, 4.3007, "NL", None),
    "geneva":    ("Geneva", "city", 46.2044, 6.1432, "CH", None),
    "greece":    ("Greece", "country", 39.0742, 21.8243, "GR", None),
    "finland":   ("Finland", "country", 61.9241, 25.7482, "FI", None),
    "sweden":    ("Sweden", "country", 60.1282, 18.6435, "SE", None),
    "med":       ("Mediterranean Sea", "water", 35.0000, 18.0000, "XX", None),
    "europe":    ("Europe", "continent", 54.5260, 15.2551, "XX", None),
}

# ------------------------------------------------------------ annotations
# (context with [surface], place key, metonymy, zone, note)
# zone: body | title (headline; an extra value not used in the seeds) | caption | lead | subheading
T, F = True, False
ART = {}

ART["h01.txt"] = dict(
    title="Russische Kampfjets bombardieren Rebellen in Idlib",
    toponyms=[
        ("Rebellen in [Idlib]\n", "idlib_p", F, "title", "the rebel-held province (2018 usage); city Idlib acceptable-near"),
        ("Gipfeltreffen in [Teheran] haben", "tehran", F, "body", None),
        ("in der Provinz [Idlib] angegriffen", "idlib_p", F, "body", "designator 'Provinz' not part of the surface"),
        ("Stadt [Dschisr al-Schughur],", "jisr", F, "body", None),
        ("[Idlib] ist die letzte", "idlib_p", F, "body", "the province (one region with ~3 million inhabitants)"),
        ("Aufständischen in [Syrien].", "syria", F, "body", None),
        ("Vertriebene aus [Aleppo],", "aleppo", F, "body", None),
        ("Aleppo, [Homs] und", "homs", F, "body", None),
        ("Homs und [Ost-Ghuta].", "eghouta", F, "body", "hyphenated direction compound denoting a place"),
        ("[Damaskus] hat in den vergangenen", "damascus", T, "body", "subject/actor (the government moved troops)"),
        ("nördlich von [Hama] und", "hama", F, "body", None),
        ("östlich von [Latakia] zusammengezogen", "latakia", F, "body", None),
        ("[Moskau] erklärte", "moscow", T, "body", None),
        ('"Terroristen" in [Idlib] nicht', "idlib_p", F, "body", None),
        ("[Russlands] Außenminister", "russia", T, "body", "possessor of a state office"),
        ("Die [Türkei], die im Norden", "turkey", T, "body", "subject: maintains posts, fears a wave of refugees"),
        ("[Ankara] fordert", "ankara", T, "body", None),
        ("[Irans] Präsident", "iran", T, "body", None),
        ("Ruhani in [Teheran] einen", "tehran", F, "body", None),
        ("leben in der [Türkei] mehr", "turkey", F, "body", None),
        ("Grenzübergang [Bab al-Hawa] nur", "babalhawa", F, "body", "designator 'Grenzübergang' not part of the surface"),
        ("Auch die [USA] warnten", "usa", T, "body", None),
        ("die Regierung in [Damaskus] vor", "damascus", F, "body", "'die Regierung in X' is locative (README rule)"),
        ("[Washington] werde", "washington", T, "body", None),
    ],
    boilerplate=[], boilerplate_spans=[],
    notes=[
        "Not annotated: 'russische', 'syrische' (adjectives); 'Syrische Beobachtungsstelle für Menschenrechte', "
        "'Vereinten Nationen', 'UN', 'Das Rote Kreuz' (organisations); 'Recep Tayyip Erdogan', 'Wladimir Putin', "
        "'Hassan Ruhani', 'Sergej Lawrow' (persons); 'im Süden der Provinz', 'im Norden der Provinz', 'In der Region' (common nouns).",
        "Bare 'Idlib' (title, 'Idlib ist die letzte große Hochburg', 'Terroristen in Idlib') is resolved to the province, "
        "like 'Provinz Idlib'; a resolution to the city Idlib is ~10 km off.",
    ],
)

ART["h02.txt"] = dict(
    title=None,
    toponyms=[
        ("die Stadt [Afrin] im", "afrin", F, "body", None),
        ("Nordwesten [Syriens] eingenommen", "syria", F, "body", "genitive, literal"),
        ("erklärte in [Ankara], das", "ankara", F, "body", "where the president spoke: literal"),
        ("Statue in [Afrin] umstürzten", "afrin", F, "body", None),
        ("Die [Türkei] betrachtet", "turkey", T, "body", None),
        ("YPG-Miliz, die [Afrin] seit", "afrin", F, "body", "object of 'kontrollieren': territory"),
        ("Verbündeter der [USA] im", "usa", T, "body", "state affiliation ('ally of the USA')"),
        ("[Washington] hatte Ankara", "washington", T, "body", None),
        ("Washington hatte [Ankara] mehrfach", "ankara", T, "body", "addressee of an appeal: the Turkish government"),
        ("Menschen aus [Afrin].", "afrin", F, "body", None),
        ("Schutz in [Tall Rifaat] und", "tellrifaat", F, "body", None),
        ("nördlich von [Aleppo], die", "aleppo", F, "body", None),
        ("Straße nach [Asas], das", "azaz", F, "body", None),
        ("Flughafen in [Gaziantep],", "gaziantep", F, "body", None),
        ("Grenze bei [Kilis] und", "kilis", F, "body", None),
        ("Gegend um [el-Bab].", "albab", F, "body", "variant article 'el-' is part of the surface"),
        ("Einsatz auf [Manbidsch] und", "manbij", F, "body", None),
        ("Orte in [Nordsyrien] auszuweiten", "nsyria", F, "body", None),
        ("[Frankreichs] Präsident", "france", T, "body", None),
        ("Bundesregierung in [Berlin] rief", "berlin", F, "body", "'Regierung in X' locative"),
        ("[Deutschland] hatte wegen", "germany", T, "body", "the German state (arms exporter) criticised"),
        ("Leopard-Panzern an die [Türkei] in", "turkey", T, "body",
         "recipient of state arms deliveries = the Turkish state (judgement call)"),
    ],
    boilerplate=[], boilerplate_spans=[],
    notes=[
        "File starts with a space and the date line is inline (' date 2018-03 Türkische ...'), like the seeds; no headline.",
        "Not annotated: 'Türkische', 'syrische', 'amerikanische', 'protürkischen', 'türkische' (adjectives); 'YPG-Miliz', "
        "'PKK', 'Freien Syrischen Armee', 'Islamischen Staat', 'Syrische Beobachtungsstelle für Menschenrechte' "
        "(organisations); 'Olivenzweig' (operation name); 'Leopard-Panzern'; 'Stadtzentrum'.",
    ],
)

ART["h03.txt"] = dict(
    title="Kobane fünf Jahre nach der Befreiung: Leben zwischen Ruinen",
    toponyms=[
        ("[Kobane] fünf Jahre nach", "kobani", F, "title", None),
        ("[Kobani]/Kamischli.", "kobani", F, "body", "dateline"),
        ("Kobani/[Kamischli].", "qamishli", F, "body", "dateline"),
        ("Schlacht um [Kobane] tobte", "kobani", F, "body", None),
        ("Zigaretten aus dem [Irak].", "iraq", F, "body", "origin of goods: literal"),
        ("türkische [Suruc] geflohen", "suruc", F, "body", None),
        ("Hügeln bei [Suruc] aus", "suruc", F, "body", None),
        ("Hilfe aus [Damaskus] habe", "damascus", T, "body",
         "'help from Damascus' = from the Syrian government (borderline; origin phrasing but the actor is meant)"),
        ("sitzt heute in [Kamischli], gut", "qamishli", F, "body", None),
        ("Grenze zur [Türkei].", "turkey", F, "body", None),
        ("auch [Hasaka] und", "hasakah", F, "body", None),
        ("Hasaka und [Rakka] verwaltet", "raqqa", F, "body", None),
        ("[Ankara] hat mehrfach", "ankara", T, "body", None),
        ("östlich des [Euphrat] gedroht", "euphrates", F, "body", None),
        ("Ob [Washington] seine", "washington", T, "body", None),
    ],
    boilerplate=[
        ("Flüchtlingslager [al-Hol]:", "alhol", F, "related", "'Zum selben Thema' teaser"),
        ("Offensive in [Nordsyrien]\n", "nsyria", F, "related", "'Zum selben Thema' teaser"),
        ("Kurden in [Kamischli] demonstrieren", "qamishli", F, "related", "'Zum selben Thema' teaser"),
        ("demonstrieren gegen [Ankara]", "ankara", T, "related", "'Zum selben Thema' teaser; the Turkish government"),
    ],
    boilerplate_spans=[
        ("Startseite > Politik > Ausland", "breadcrumb navigation"),
        ("Von unserem Korrespondenten", "byline"),
        ("Lesen Sie den vollständigen Artikel mit Z+\nJetzt 4 Wochen für 1 € testen. Bereits Abonnent? Hier anmelden.",
         "paywall"),
        ("Zum selben Thema\nFlüchtlingslager al-Hol: Kinder ohne Zukunft\nErdogan droht erneut mit Offensive in Nordsyrien\n"
         "Kurden in Kamischli demonstrieren gegen Ankara", "'Zum selben Thema' related-article teasers"),
    ],
    notes=[
        "No date line -> date null. Headline on line 2 after a breadcrumb line.",
        "'Kobane' and 'Kobani' are two spellings of the same town; both -> Kobani.",
        "Not annotated: 'türkische', 'kurdische', 'US-geführten' (adjectives/compound); 'Islamischen Staat'; 'die Amerikaner' "
        "(demonym); 'Mustafa Bali' (person); 'Grenzstadt', 'Hauptstraße', 'im Osten der Stadt'.",
    ],
)
ART["h04.txt"] = dict(
    title=None,
    toponyms=[
        ("die Stadt [Duma] in", "douma", F, "body", None),
        ("Duma in [Ost-Ghuta] wächst", "eghouta", F, "body", None),
        ("Druck auf [Syriens] Präsidenten", "syria", T, "body", "possessor of a state office"),
        ("Ärzte in [Duma] behandelten", "douma", F, "body", None),
        ("drohte [Damaskus] und seinen", "damascus", T, "body", "object of a threat with 'seinen Verbündeten': the regime"),
        ("[Frankreich] und Großbritannien beantragten", "france", T, "body", None),
        ("Frankreich und [Großbritannien] beantragten", "uk", T, "body", None),
        ("Sicherheitsrats in [New York].", "nyc", F, "body", None),
        ("[Paris] werde", "paris", T, "body", None),
        ("Sprecher des [Élysée-Palasts].", "elysee", T, "body",
         "landmark used for the French presidency, analogous to 'Kreml' in the seeds"),
        ("[Moskau] wies", "moscow", T, "body", None),
        ("hätten in [Duma] keine", "douma", F, "body", None),
        ("Auch der [Iran] stellte", "iran", T, "body", None),
        ("die Regierung in [Damaskus]. Die syrische", "damascus", F, "body", "'Regierung in X' locative"),
        ("meldete, [Israel] habe", "israel", T, "body", None),
        ("Militärflughafen [T4] bei", "t4", F, "body", None),
        ("T4 bei [Homs] angegriffen", "homs", F, "body", None),
        ("[Israel] äußerte sich", "israel", T, "body", None),
        ("in [Den Haag] kündigte", "hague", F, "body", None),
        ("Inspekteure nach [Syrien] zu", "syria", F, "body", None),
        ("zunächst nach [Damaskus] reisen", "damascus", F, "body", None),
        ("[Ost-Ghuta] vor den Toren", "eghouta", F, "body", None),
        ("Toren von [Damaskus] war", "damascus", F, "body", None),
        ("[Duma] war die letzte", "douma", F, "body", None),
        ("die Provinz [Idlib] im", "idlib_p", F, "body", None),
        ("Seibert in [Berlin].", "berlin", F, "body", None),
    ],
    boilerplate=[], boilerplate_spans=[],
    notes=[
        "Date line with a day ('date 2018-04-09'); date field keeps YYYY-MM as in the seeds schema.",
        "Not annotated: 'US-Präsident', 'UN-Sicherheitsrats' (compounds); 'Russische', 'syrische', 'russischer' (adjectives); "
        "'Sana', 'OPCW', 'Organisation für das Verbot chemischer Waffen', 'Internationale Komitee vom Roten Kreuz', "
        "'Vereinten Nationen', 'Bundesregierung' (organisations); 'Baschar al-Assad', 'Donald Trump', 'Steffen Seibert' "
        "(persons); 'Enklave', 'in der Region', 'im Norden'.",
        "'Élysée-Palasts' is annotated as a landmark with metonymy true (Kreml rule); systems that skip landmarks lose one mention.",
    ],
)

ART["h05.txt"] = dict(
    title="Iraks Regierungschef erklärt Mossul für befreit",
    toponyms=[
        ("[Iraks] Regierungschef erklärt", "iraq", T, "title", "possessor of a state office"),
        ("erklärt [Mossul] für befreit", "mosul", F, "title", None),
        ("hat [Iraks] Ministerpräsident", "iraq", T, "body", "possessor of a state office"),
        ("Rückeroberung von [Mossul] verkündet", "mosul", F, "body", None),
        ("Westufer des [Tigris] und", "tigris", F, "body", None),
        ("In [Bagdad] feierten", "baghdad", F, "body", None),
        ("In der [Al-Nuri-Moschee] in", "nuri", F, "body", "named mosque = landmark; 'Moschee' is part of the name compound"),
        ("Al-Nuri-Moschee in [Mossul] hatte", "mosul", F, "body", None),
        ("Offensive im [Nordirak] wurde", "niraq", F, "body", None),
        ("Führung der [USA] unterstützt", "usa", T, "body", "state affiliation (US-led coalition)"),
        ("Peschmerga aus [Erbil] waren", "erbil", F, "body", "origin (literal)"),
        ("[Deutschland] hatte die Peschmerga", "germany", T, "body", None),
        ("von [Jordanien] aus", "jordan", F, "body", "base of operations (literal)"),
        ("Menschen aus [Mossul] und Umgebung", "mosul", F, "body", None),
        ("zwischen [Mossul] und Erbil", "mosul", F, "body", None),
        ("zwischen Mossul und [Erbil].", "erbil", F, "body", None),
        ("um [Tal Afar] westlich", "talafar", F, "body", None),
        ("westlich von [Mossul] sowie", "mosul", F, "body", None),
        ("der Provinz [Anbar] nahe", "anbar", F, "body", None),
        ("Grenze zu [Syrien].", "syria", F, "body", None),
        ("Auch in [Tikrit],", "tikrit", F, "body", None),
        ("Tikrit, [Falludscha] und", "fallujah", F, "body", None),
        ("Falludscha und [Kirkuk] kam", "kirkuk", F, "body", None),
    ],
    boilerplate=[], boilerplate_spans=[],
    notes=[
        "Not annotated: 'Irak-Krieg' (compound, place modifies a non-place noun); 'IS-Chef' (compound); "
        "'Islamischer Staat', 'IS', 'Bundeswehr', 'Vereinten Nationen' (organisations); 'irakische', 'kurdische' (adjectives); "
        "'Kurdenregion' (descriptive common-noun compound 'the Kurdish region', not a proper name); 'Altstadt', 'Westufer', "
        "'Die zweitgrößte Stadt des Landes'; 'Haider al-Abadi', 'Abu Bakr al-Baghdadi', 'Lise Grande' (persons).",
        "'Al-Nuri-Moschee' is annotated as the landmark Great Mosque of al-Nuri (inside Mosul).",
    ],
)

ART["h06.txt"] = dict(
    title="Putin verkündet Teilabzug aus Syrien",
    toponyms=[
        ("Teilabzug aus [Syrien]\n", "syria", F, "title", None),
        ("[Russlands] Präsident", "russia", T, "body", None),
        ("Luftwaffenstützpunkt [Hmeimim] nahe", "hmeimim", F, "body", None),
        ("Küstenstadt [Latakia] gelandet", "latakia", F, "body", None),
        ("Truppen aus [Syrien] angeordnet", "syria", F, "body", None),
        ("[Syriens] Präsident", "syria", T, "body", None),
        ("[Russland] unterstützt", "russia", T, "body", None),
        ("Führung in [Damaskus] seit", "damascus", F, "body", "'Führung in X' locative (like 'Regierung in X')"),
        ("Regierungstruppen [Aleppo], Palmyra", "aleppo", F, "body", None),
        ("Aleppo, [Palmyra] und", "palmyra", F, "body", None),
        ("zuletzt [Deir Essor] zurückerobern", "deir", F, "body", None),
        ("Der [Kreml] kündigte", "kremlin", T, "body", None),
        ("Basis in [Hmeimim] sowie", "hmeimim", F, "body", None),
        ("Marinestützpunkt in [Tartus] dauerhaft", "tartus", F, "body", None),
        ("Von [Syrien] reiste", "syria", F, "body", None),
        ("weiter nach [Kairo], wo", "cairo", F, "body", None),
        ("anschließend nach [Ankara].", "ankara", F, "body", None),
        ("die Lage in [Syrien] und", "syria", F, "body", "topic of talks: literal"),
        ("Status von [Jerusalem] auf", "jerusalem", F, "body", "topic: literal"),
        ("Die [Türkei] und Russland arbeiten", "turkey", T, "body", None),
        ("Türkei und [Russland] arbeiten", "russia", T, "body", None),
        ("gemeinsam mit dem [Iran].", "iran", T, "body", "partner"),
        ("Beobachter in [Washington] reagierten", "washington", F, "body",
         "'observers in Washington': locative (borderline; they are not the government)"),
        ("Das [Pentagon] erklärte", "pentagon", T, "body", "landmark used for the US Department of Defense"),
        ("hatte [Moskau] einen Teilabzug", "moscow", T, "body", None),
        ("Kämpfe nördlich von [Hama] und", "hama", F, "body", None),
        ("Umland von [Homs] weiter", "homs", F, "body", None),
        ("Städten am [Mittelmeer] wie", "med", F, "body", None),
        ("wie [Latakia] und Tartus", "latakia", F, "body", None),
        ("Latakia und [Tartus] ist", "tartus", F, "body", None),
        ("Familien aus [Aleppo] und", "aleppo", F, "body", None),
        ("Aleppo und [Hama] haben", "hama", F, "body", None),
    ],
    boilerplate=[], boilerplate_spans=[],
    notes=[
        "Not annotated: 'Astana-Format' (compound), 'russischen', 'russischer', 'ägyptischen' (adjectives); 'Wladimir Putin', "
        "'Baschar al-Assad', 'Abdel Fattah al-Sisi', 'Erdogan' (persons); 'Küstenstadt', 'im Land', 'Rollfeld'.",
        "'Pentagon' (like 'Kreml') is a landmark used metonymically.",
    ],
)

ART["h07.txt"] = dict(
    title="Irakische Armee rückt in Kirkuk ein",
    toponyms=[
        ("rückt in [Kirkuk] ein", "kirkuk", F, "title", None),
        ("[Bagdad]. Nach dem", "baghdad", F, "body", "dateline"),
        ("Ölstadt [Kirkuk] weitgehend", "kirkuk", F, "body", None),
        ("Richtung [Erbil] zurück", "erbil", F, "body", None),
        ("[Bagdad] hatte das Referendum", "baghdad", T, "body", None),
        ("Autonome Region [Kurdistan] müsse", "kurdistan", T, "body",
         "the regional government must respect the constitution; 'Autonome Region' treated as designator"),
        ("Verfassung des [Irak] achten", "iraq", T, "body",
         "genitive possessor of the state constitution (state institution) - judgement call"),
        ("In [Erbil] warf", "erbil", F, "body", None),
        ("Regionalregierung [Bagdad] einen", "baghdad", T, "body", "addressee of an accusation: the central government"),
        ("Einwohner von [Kirkuk] flohen", "kirkuk", F, "body", None),
        ("flohen nach [Erbil] und", "erbil", F, "body", None),
        ("und [Sulaimanija].", "sulaymaniyah", F, "body", None),
        ("Der [Iran], der", "iran", T, "body", None),
        ("Auch die [Türkei] drohte", "turkey", T, "body", None),
        ("Die [USA], die sowohl", "usa", T, "body", None),
        ("sowohl [Bagdad] als auch", "baghdad", T, "body", "object of support: the central government"),
        ("[Washington] werde in dem", "washington", T, "body", None),
        ("[Deutschland] hatte die Peschmerga seit", "germany", T, "body", None),
        ("im [Nordirak] aus", "niraq", F, "body", None),
        ("[Kirkuk] ist ethnisch", "kirkuk", F, "body", None),
        ("Region um [Kirkuk] verfügt", "kirkuk", F, "body", None),
        ("Auch in [Falludscha] und", "fallujah", F, "body", None),
        ("Provinz [Anbar] blickt", "anbar", F, "body", None),
    ],
    boilerplate=[
        ("Kurden in [Syrien] fürchten", "syria", F, "related", "'Mehr zum Thema' teaser"),
        ("[Mossul]: Wiederaufbau", "mosul", F, "related", "'Mehr zum Thema' teaser"),
    ],
    boilerplate_spans=[
        ("© Foto: dpa", "photo credit"),
        ("Anzeige\nMehr zum Thema\nKurden in Syrien fürchten türkischen Angriff\nMossul: Wiederaufbau kommt nur langsam voran\n"
         "Artikel teilen: Facebook Twitter WhatsApp E-Mail", "ad marker, 'Mehr zum Thema' teasers, share widget"),
    ],
    notes=[
        "No date line -> date null. (Context, not for resolution: the events are from October 2017.)",
        "Not annotated: 'Irakische', 'irakische', 'kurdischen', 'schiitische', 'sunnitischen' (adjectives); 'Kurden', "
        "'Araber', 'Turkmenen' (demonyms); 'Kurdenregion' (common-noun compound); 'Peschmerga', 'IS', 'Bundesregierung' "
        "(organisations); 'Haider al-Abadi' (person); 'Ölstadt', 'In der Stadt', 'des Landes'.",
    ],
)
ART["h08.txt"] = dict(
    title=None,
    toponyms=[
        ("nordlibanesischen Stadt [Tripolis] mindestens", "tripoli_lb", F, "body",
         "Lebanese Tripoli (context: 'nordlibanesischen', 'des Libanon', Beirut); trap vs. the Libyan capital"),
        ("Viertel [Bab al-Tabbaneh] vor", "tabbaneh", F, "body", None),
        ("[Tripolis] ist die zweitgrößte", "tripoli_lb", F, "body", None),
        ("Stadt des [Libanon].", "lebanon", F, "body", "genitive, literal"),
        ("benachbarten [Syrien] kommt", "syria", F, "body", None),
        ("Sunniten aus [Bab al-Tabbaneh] und", "tabbaneh", F, "body", None),
        ("Viertel [Dschabal Mohsen].", "jabalmohsen", F, "body", None),
        ("Aufständischen in [Syrien], die", "syria", F, "body", None),
        ("Regierung in [Beirut] rief", "beirut", F, "body", "'Regierung in X' locative"),
        ("[Beirut] hat sich offiziell", "beirut", T, "body", "the Lebanese government committed itself"),
        ("kämpft jedoch in [Syrien] an", "syria", F, "body", None),
        ("Grenzstadt [Arsal] im", "arsal", F, "body", None),
        ("Auch in [Sidon], auf", "sidon", F, "body", None),
        ("auf Arabisch [Saida], hatte", "sidon", F, "body", "Arabic name of Sidon; same place"),
        ("Der [Libanon] hat mehr", "lebanon", T, "body", "the state took in refugees"),
        ("Flüchtlinge aus [Syrien] aufgenommen", "syria", F, "body", None),
        ("Die [USA] und Saudi-Arabien", "usa", T, "body", None),
        ("USA und [Saudi-Arabien] haben", "saudi", T, "body", None),
        ("[Frankreich] soll", "france", T, "body", None),
    ],
    boilerplate=[], boilerplate_spans=[],
    notes=[
        "File starts with a space and an inline day date (' date 2014-10-27 Bei ...'); date field 2014-10.",
        "Not annotated: 'nordlibanesischen', 'sunnitischen', 'syrischen', 'schiitische', 'libanesischen' (adjectives); "
        "'Sunniten', 'Alawiten' (groups); 'Hisbollah', 'Nusra-Front', 'Islamischen Staats' (organisations); 'Altstadt', "
        "'Viertel', 'Grenzstadt', 'im Osten des Landes'; 'Baschar al-Assad', 'Tammam Salam' (persons).",
    ],
)

ART["h09.txt"] = dict(
    title="Haftars Truppen rücken auf Tripolis vor",
    toponyms=[
        ("rücken auf [Tripolis] vor", "tripoli_ly", F, "title", "Libyan capital; trap vs. Tripoli, Lebanon (h08)"),
        ("Vororte von [Tripolis] vorgedrungen", "tripoli_ly", F, "body", None),
        ("Milizen aus [Misrata] schickten", "misrata", F, "body", None),
        ("Landes mit [Bengasi] sowie", "benghazi", F, "body", None),
        ("die Stadt [Gharjan] rund", "gharyan", F, "body", None),
        ("südlich von [Tripolis] eingenommen", "tripoli_ly", F, "body", None),
        ("tagt in [Tobruk] nahe", "tobruk", F, "body", None),
        ("Grenze zu [Ägypten].", "egypt", F, "body", None),
        ("Guterres in [Tripolis] zu", "tripoli_ly", F, "body", None),
        ("libyschen [Ghadames] ab", "ghadames", F, "body", None),
        ("[Libyen] ist seit dem Sturz", "libya", F, "body",
         "'Libya has been divided': the country as a territory/whole - judged literal (borderline)"),
        ("[Ägypten] und die Vereinigten", "egypt", T, "body", "supporter of Haftar"),
        ("die [Vereinigten Arabischen Emirate] gelten", "uae", T, "body", "inflected multi-word country name"),
        ("Auch [Frankreich] wird", "france", T, "body", None),
        ("[Paris] wies dies zurück", "paris", T, "body", None),
        ("[Italien], die frühere", "italy", T, "body", None),
        ("Regierung in [Tripolis]. Rom", "tripoli_ly", F, "body", "'Regierung in X' locative"),
        ("[Rom] fürchtet", "rome", T, "body", None),
        ("über das [Mittelmeer] nach", "med", F, "body", None),
        ("nach [Europa] treiben", "europe", F, "body", None),
        ("Maas sagte in [Berlin], es", "berlin", F, "body", None),
    ],
    boilerplate=[], boilerplate_spans=[],
    notes=[
        "Traps: 'Ende der Kämpfe' (common noun 'Ende'), 'Libyschen Nationalarmee' (organisation), 'libyschen' (adjective), "
        "'UN-Generalsekretär', 'UN-Sicherheitsrat' (compounds), 'Haftars' (person, genitive).",
        "Not annotated: 'Chalifa Haftar', 'Fajis al-Sarradsch', 'António Guterres', 'Muammar al-Gaddafi', 'Heiko Maas' "
        "(persons); 'Einheitsregierung', 'Parlament', 'Bundesregierung', 'Vereinten Nationen'; 'der Hauptstadt', "
        "'den Osten des Landes', 'des Südens', 'Kolonialmacht'. The airport mention ('frühere internationale Flughafen der "
        "Hauptstadt') has no name.",
    ],
)

ART["h10.txt"] = dict(
    title="Ukraine-Krieg: Letzte Kämpfer verlassen Asowstal",
    toponyms=[
        ("verlassen [Asowstal]\n", "azovstal", F, "title", None),
        ("Stahlwerks [Asowstal] in", "azovstal", F, "body", None),
        ("Asowstal in [Mariupol] ergeben", "mariupol", F, "body", None),
        ("Angaben aus [Kiew] in", "kyiv", T, "body", "source of official statements = Ukrainian government"),
        ("von [Russland] kontrollierte", "russia", T, "body", "controlling power"),
        ("nach [Nowoasowsk].", "novoazovsk", F, "body", None),
        ("[Kiew] hofft", "kyiv", T, "body", None),
        ("[Moskau] sprach", "moscow", T, "body", None),
        ("Der [Kreml] ließ", "kremlin", T, "body", None),
        ("am [Asowschen Meer] ist", "azov", F, "body", "inflected name 'Asowsches Meer'"),
        ("wurden in [Mariupol] mehr", "mariupol", F, "body", None),
        ("[Kiews] Außenminister", "kyiv", T, "body", "possessor of a state office (capital for the state)"),
        ("auf den [Donbass].", "donbas", F, "body", None),
        ("nördlich von [Donezk] sowie", "donetsk", F, "body", None),
        ("sowie [Sjewjerodonezk] im", "sievierodonetsk", F, "body", None),
        ("Gebiet [Luhansk].", "luhansk_o", F, "body", "'Gebiet Luhansk' = the oblast (designator 'Gebiet')"),
        ("Bei [Charkiw] dagegen", "kharkiv", F, "body", None),
        ("Stadt der [Ukraine] war", "ukraine", F, "body", None),
        ("Hauptstadt [Kiew] melden", "kyiv", F, "body", None),
        ("In der [Ost-Ukraine] rechnen", "eukraine", F, "body", None),
        ("[Russland] hatte die Krim", "russia", T, "body", None),
        ("hatte die [Krim] bereits", "crimea", F, "body", "object of annexation: territory"),
        ("Nato-Staaten [Finnland] und", "finland", T, "body", None),
        ("Finnland und [Schweden] beantragten", "sweden", T, "body", None),
    ],
    boilerplate=[
        ("[Odessa]: Raketen", "odesa", F, "related", "'Zum selben Thema' teaser"),
        ("die Lage in [Cherson] bekannt", "kherson", F, "related", "'Zum selben Thema' teaser"),
    ],
    boilerplate_spans=[
        ("Teilen  Drucken  Merken\nDieser Artikel ist nur für Abonnenten verfügbar. Jetzt einen Monat gratis lesen.",
         "share/print widgets and paywall notice"),
        ("Zum selben Thema\nOdessa: Raketen treffen Hafenanlagen\nUkraine-Krieg: Was über die Lage in Cherson bekannt ist\n"
         "© Foto: AFP", "'Zum selben Thema' teasers and photo credit"),
    ],
    notes=[
        "Not annotated: 'Ukraine-Krieg' (compound, title and teaser), 'Nato-Staaten', 'ukrainischen', 'russischen', "
        "'ukrainische', 'russische' (adjectives); 'vom Westen' (geopolitical West); 'Im Osten des Landes', 'Hafenstadt', "
        "'Halbinsel', 'Grenze' (common nouns); 'Dmytro Kuleba' (person).",
        "'Hauptstadt Kiew melden die Behörden' - 'aus der Hauptstadt Kiew' is the origin of a report by local authorities, "
        "judged literal; 'nach Angaben aus Kiew' (government statements) judged metonymic.",
    ],
)
ART["h11.txt"] = dict(
    title="Schneechaos legt Mitteldeutschland lahm",
    toponyms=[
        ("legt [Mitteldeutschland] lahm", "cgermany", F, "title", None),
        ("Teilen [Mitteldeutschlands] den", "cgermany", F, "body", "genitive"),
        ("war [Sachsen-Anhalt].", "saxanhalt", F, "body", None),
        ("In [Halle] fielen", "halle", F, "body", None),
        ('"Die Lage in [Halle] ist ruhig', "halle", F, "body", "'Lage' (a town in NRW) is a common noun here - trap"),
        ("In [Halle-Neustadt] blieben", "halleneustadt", F, "body", "district of Halle; whole hyphenated name"),
        ("zwischen [Halle] und Magdeburg", "halle", F, "body", None),
        ("Halle und [Magdeburg] steckten", "magdeburg", F, "body", None),
        ("zwischen [Leipzig] und Berlin", "leipzig", F, "body", None),
        ("Leipzig und [Berlin] vorübergehend", "berlin", F, "body", None),
        ("[Magdeburg] kündigte", "magdeburg", T, "body", "state capital for the Saxony-Anhalt state government"),
        ("in [Nordrhein-Westfalen] kam", "nrw", F, "body", None),
        ("In [Essen] und Dortmund", "essen", F, "body", "the city (contrast: 'warmes Essen' = food, not annotated)"),
        ("Essen und [Dortmund] blieben", "dortmund", F, "body", None),
        ("im [Ruhrgebiet] fuhren", "ruhr", F, "body", None),
        ("[Berlin] stehe bereit", "berlin", T, "body", "the federal government"),
    ],
    boilerplate=[], boilerplate_spans=[],
    notes=[
        "German-domestic trap article. NOT annotated: 'Die Lage' (Lage, Lippe), 'In einer Halle des Messegeländes' (a hall, "
        "common noun), 'warmes Essen' (food), 'zum Ende der Woche' (Ende), 'gefrorenen Boden' (Boden, Sweden), sentence-initial "
        "'Weil' (Weil am Rhein), 'Autobahn 14' (road number), 'Deutsche Bahn', 'Deutschen Wetterdienstes', "
        "'Technisches Hilfswerk', 'Bundeswehr' (organisations), 'den Ländern' (common noun), 'Horst Seehofer' (person).",
        "'Halle' is Halle (Saale): Sachsen-Anhalt, A14 to Magdeburg, Halle-Neustadt.",
    ],
)

ART["h12.txt"] = dict(
    title=None,
    toponyms=[
        ("Südosten der [Türkei] und", "turkey", F, "body", None),
        ("im Norden [Syriens] ist", "syria", F, "body", None),
        ("der Stadt [Kahramanmaras], wenige", "kahraman", F, "body", None),
        ("getroffen sind [Gaziantep],", "gaziantep", F, "body", None),
        ("Gaziantep, [Antakya] und", "antakya", F, "body", None),
        ("Antakya und [Adiyaman].", "adiyaman", F, "body", None),
        ("Auch in [Diyarbakir] stürzten", "diyarbakir", F, "body", None),
        ("In [Ankara] kündigte die Regierung", "ankara", F, "body", "locative ('in Ankara the government announced')"),
        ("Flüge aus [Istanbul] brachten", "istanbul", F, "body", None),
        ("in die [Südtürkei].", "sturkey", F, "body", None),
        ("[Deutschland] schickt", "germany", T, "body", None),
        ("von [Köln] aus", "cologne", F, "body", None),
        ("Auch [Griechenland], mit", "greece", T, "body", None),
        ("mit dem [Ankara] seit", "ankara", T, "body", "Ankara in dispute with Greece = Turkish government"),
        ("Die [Ukraine] bot", "ukraine", T, "body", None),
        ("Lage in [Nordwestsyrien].", "nwsyria", F, "body", None),
        ("kontrollierten Provinz [Idlib] leben", "idlib_p", F, "body", None),
        ("Grenzübergang [Bab al-Hawa] in", "babalhawa", F, "body", None),
        ("Städten [Dschindires] und", "jindires", F, "body", None),
        ("und [Harim] suchen", "harem", F, "body", None),
        ("[Damaskus] bat", "damascus", T, "body", None),
        ("Städten [Aleppo], Hama", "aleppo", F, "body", None),
        ("Aleppo, [Hama] und", "hama", F, "body", None),
        ("Hama und [Latakia] wurden", "latakia", F, "body", None),
        ("warfen [Moskau] und Damaskus", "moscow", T, "body", None),
        ("Moskau und [Damaskus] vor", "damascus", T, "body", None),
    ],
    boilerplate=[], boilerplate_spans=[],
    notes=[
        "No headline; date line with day. Not annotated: 'Technischen Hilfswerks', 'Vereinten Nationen', 'Weißhelme' "
        "(organisations); 'Recep Tayyip Erdogan' (person); 'zehn Provinzen', 'die Region', 'das Gebiet', "
        "'Rebellengebiete' (common nouns).",
    ],
)

ART["h13.txt"] = dict(
    title="Neue Syrien-Gespräche in Astana: Opposition bleibt skeptisch",
    toponyms=[
        ("Syrien-Gespräche in [Astana]: Opposition", "astana", F, "title", None),
        ("[Astana]/Genf –", "astana", F, "body", "dateline"),
        ("Astana/[Genf] –", "geneva", F, "body", "dateline"),
        ("Hauptstadt [Astana] zusammen", "astana", F, "body", None),
        ("[Russland], die Türkei und der Iran", "russia", T, "body", None),
        ("Russland, die [Türkei] und", "turkey", T, "body", None),
        ("und der [Iran] wollen", "iran", T, "body", None),
        ("Treffen in [Riad] bestimmt", "riyadh", F, "body", "the city Riyadh; contrast 'Riad Hidschab' (person) next sentence"),
        ("Regierungschef in [Damaskus], sprach", "damascus", F, "body", "locative"),
        ("[Saudi-Arabien] unterstützt", "saudi", T, "body", None),
        ("laufen in [Genf] die", "geneva", F, "body", None),
        ("Die [USA] nehmen", "usa", T, "body", None),
        ("Gesprächen in [Astana] nur", "astana", F, "body", None),
        ("[Washington] hatte sich zuletzt", "washington", T, "body", None),
        ("gemeinsam mit [Moskau] an", "moscow", T, "body", "partner"),
        ("Süden [Syriens]. In", "syria", F, "body", None),
        ("Provinz [Daraa] an", "daraa_p", F, "body", "'Provinz Daraa' = governorate"),
        ("Grenze zu [Jordanien] und Israel", "jordan", F, "body", None),
        ("Jordanien und [Israel] kam", "israel", F, "body", None),
        ("Die Stadt [Daraa] gilt", "daraa", F, "body", "'Stadt Daraa' = city"),
        ("[Jordanien] fürchtet", "jordan", T, "body", None),
        ("Jordan Ryan, in [Amman].", "amman", F, "body", None),
        ("Auch [Israel] beobachtet", "israel", T, "body", None),
        ("Regierung in [Jerusalem] will", "jerusalem", F, "body", "'Regierung in X' locative"),
        ("nahe den [Golanhöhen] festsetzen", "golan", F, "body", None),
    ],
    boilerplate=[], boilerplate_spans=[],
    notes=[
        "No date line -> date null. (Context, not for resolution: Astana talks, 2017.)",
        "Traps: 'Riad Hidschab' (person; 'Riad' is also Riyadh, which occurs as a city one sentence earlier), "
        "'Jordan Ryan' (person named like the country), 'John Kerry' (person), 'Syrien-Gespräche', 'Syrien-Diplomatie', "
        "'UN-Sondergesandte' (compounds), 'kasachischen', 'syrischen', 'iranische' (adjectives), 'Care' and "
        "'Vereinten Nationen' (organisations), 'Garantiemächte', 'Die drei Länder' (common nouns).",
        "'Provinz Daraa' (governorate) and 'Die Stadt Daraa' (city) are distinguished.",
    ],
)

ART["h14.txt"] = dict(
    title="Türkische Panzer rollen nach Syrien",
    toponyms=[
        ("rollen nach [Syrien]\n", "syria", F, "title", None),
        ("hat die [Türkei] eine Offensive", "turkey", T, "body", None),
        ("IS in [Nordsyrien] begonnen", "nsyria", F, "body", None),
        ("Grenzstadt [Dscharabulus], die", "jarabulus", F, "body", None),
        ("Morgen bei [Karkamis] die", "karkamis", F, "body", None),
        ("[Ankara] reagiert", "ankara", T, "body", None),
        ("Hochzeitsgesellschaft in [Gaziantep], bei", "gaziantep", F, "body", None),
        ("will die [Türkei] verhindern", "turkey", T, "body", None),
        ("westlich des [Euphrat] ausweiten", "euphrates", F, "body", None),
        ("Die von den [USA] unterstützten", "usa", T, "body", None),
        ("Wochen [Manbidsch] eingenommen", "manbij", F, "body", None),
        ("Mittwoch in [Ankara] eintraf", "ankara", F, "body", None),
        ("[Damaskus] verurteilte", "damascus", T, "body", None),
        ("Einnahme von [Dscharabulus] wollen", "jarabulus", F, "body", None),
        ("Richtung [al-Bab] vorrücken", "albab", F, "body", None),
        ("nordöstlich von [Aleppo] und", "aleppo", F, "body", None),
        ("Gouvernement [Aleppo]. Auch", "aleppo_p", F, "body", "'Gouvernement Aleppo' = the governorate, not the city"),
        ("Auch [Asas] und", "azaz", F, "body", None),
        ("und [Marea] sind", "marea", F, "body", None),
        ("Schulen in [Karkamis] blieben", "karkamis", F, "body", None),
        ("Granaten aus [Syrien] auf", "syria", F, "body", None),
    ],
    boilerplate=[], boilerplate_spans=[],
    notes=[
        "Traps: 'Schutzschild Euphrat' is an operation name (not annotated), while 'westlich des Euphrat' is the river; "
        "'Türkische', 'türkischen', 'kurdische', 'syrische' (adjectives); 'US-Vizepräsident' (compound); 'Syrischen "
        "Demokratischen Kräfte', 'Freien Syrischen Armee', 'IS' (organisations); 'Joe Biden' (person); 'Ostseite des Flusses', "
        "'Grenzregion', 'türkischem Gebiet' (common nouns).",
    ],
)


# --------------------------------------------------------------- machinery
def locate(text, ctx):
    """ctx contains the surface in [brackets] (or no brackets = whole ctx)."""
    if "[" in ctx:
        left, rest = ctx.split("[", 1)
        surface, right = rest.split("]", 1)
    else:
        left, surface, right = "", ctx, ""
    needle = left + surface + right
    hits = [m.start() for m in re.finditer(re.escape(needle), text)]
    assert len(hits) == 1, f"context {needle!r} found {len(hits)} times"
    start = hits[0] + len(left)
    end = start + len(surface)
    assert text[start:end] == surface
    return start, end, surface


def mention(text, row):
    ctx, key, meto, zone, note = row
    s, e, surf = locate(text, ctx)
    name, kind, lat, lon, cc, _ = P[key]
    m = {"start": s, "end": e, "surface": surf, "name": name, "kind": kind,
         "lat": lat, "lon": lon, "country": cc, "metonymy": meto, "zone": zone}
    if note:
        m["note"] = note
    return m


def main():
    names = [v[0] for v in P.values()]
    assert len(names) == len(set(names)), "duplicate place names in P"
    rows = []
    for fn in sorted(ART):
        a = ART[fn]
        text = open(os.path.join(SRC, fn), encoding="utf-8").read()
        dm = re.match(r"\s*date (\d{4}-\d{2})\b", text)
        date = dm.group(1) if dm else None
        if a["title"] is not None:
            assert a["title"] in text, (fn, a["title"])
        tops = sorted((mention(text, r) for r in a["toponyms"]), key=lambda m: m["start"])
        bps = sorted((mention(text, r) for r in a["boilerplate"]), key=lambda m: m["start"])
        spans = []
        for ctx, label in a["boilerplate_spans"]:
            s, e, surf = locate(text, ctx)
            spans.append({"start": s, "end": e, "label": label})
        spans.sort(key=lambda x: x["start"])
        used = {}
        for m in tops + bps:
            for k, v in P.items():
                if v[0] == m["name"] and v[5]:
                    used[v[0]] = v[5]
        rows.append({
            "file": fn, "date": date, "title": a["title"],
            "toponyms": tops, "boilerplate_mentions": bps,
            "event_dates": [],  # dates are not annotated in this set
            "boilerplate_spans": spans,
            "notes": a["notes"] + [f"place note - {k}: {v}" for k, v in sorted(used.items())],
        })
    with open(OUT, "w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    print("wrote", OUT)


if __name__ == "__main__":
    main()
