"""Reading and cleaning articles: decoding, date header, title, content zones and removed boilerplate."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from geomap.articles import display_title, masked_text, parse_article, read_article
from geomap.errors import ArticleError
from geomap.models import TimeSpan

GOLD_PATH = Path(__file__).resolve().parent.parent.parent / "shared" / "gold" / "seeds.jsonl"

SCRAPED = """Newsletter Newsletters Events Veranstaltungen Podcasts Videos Tagesnews
Loader
Werbung

Kämpfe um Idlib: Rebellen melden Erfolge

Kämpfe um Idlib: Rebellen melden Erfolge
Copyright\u00a0
Von\u00a0news.example redaction news.example\u00a0mit\u00a0dpa/AFP
Diesen Artikel teilen Kommentare
Copy to clipboard Copied

Rebellen haben am Montag mehrere Dörfer bei Idlib eingenommen.

ANZEIGE

Rebellen haben am Montag mehrere Dörfer bei Idlib eingenommen. Die Armee bestätigte Verluste.

Ein zerstörtes Haus in Idlib. © Foto: dpa

Lage weiter angespannt

Die Regierung kündigte eine Offensive an. Beobachter sprechen von schweren Gefechten.

Zum Inhalt springen
Mehr zum Thema

Syrien: Wahlen verschoben

Neue Proteste in Damaskus
"""


def _text(article, seg):
    return article.raw[seg.start:seg.end]


def _kinds(article):
    return {_text(article, s): s.kind for s in article.removed}


def test_parse_article_identity_is_sha256_of_raw():
    article = parse_article("Ein Satz über Aleppo.", "x")
    assert article.id == hashlib.sha256("Ein Satz über Aleppo.".encode()).hexdigest()
    assert article.raw == "Ein Satz über Aleppo."


def test_parse_article_header_on_same_line():
    article = parse_article(" date 2016-12 Die Teilnehmer tagten in Paris.", "x")
    assert article.date == TimeSpan.month(2016, 12)
    assert [_text(article, s) for s in article.content] == ["Die Teilnehmer tagten in Paris."]
    assert article.removed[0].kind == "header"


def test_parse_article_day_header_on_own_line():
    article = parse_article("date 2016-10-19\nEr kam an.", "x")
    assert article.date == TimeSpan.day(__import__("datetime").date(2016, 10, 19))


@pytest.mark.parametrize("header", ["date 2016-13", "date 16-10", "date tomorrow"])
def test_parse_article_bad_header_is_undated_with_warning(header):
    article = parse_article(f"{header} Die Stadt fiel.", "x")
    assert article.date is None
    assert article.warnings and "bad date header" in article.warnings[0]
    assert [_text(article, s) for s in article.content] == ["Die Stadt fiel."]


def test_parse_article_date_override_dates_undated_article():
    assert parse_article("Die Stadt fiel.", "x", "2016-10").date == TimeSpan.month(2016, 10)
    article = parse_article("date 2016-09 Die Stadt fiel.", "x", "2016-10")
    assert article.date == TimeSpan.month(2016, 9)
    assert article.warnings


def test_parse_article_bad_override_is_warning():
    article = parse_article("Die Stadt fiel.", "x", "bald")
    assert article.date is None and article.warnings


@pytest.mark.parametrize("raw", ["", "   \n\t\n", "abc\x00def", "\x01\x02\x03\x04\x05 text"])
def test_parse_article_rejects_empty_and_binary(raw):
    with pytest.raises(ArticleError):
        parse_article(raw, "x")


def test_read_article_rejects_non_utf8(tmp_path):
    path = tmp_path / "latin1.txt"
    path.write_bytes("Die Stadt Düren.".encode("latin-1"))
    with pytest.raises(ArticleError) as info:
        read_article(path)
    assert "UTF-8" in info.value.reason and info.value.source == str(path)


def test_read_article_rejects_nul_bytes_and_missing_file(tmp_path):
    path = tmp_path / "bin.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    with pytest.raises(ArticleError):
        read_article(path)
    with pytest.raises(ArticleError):
        read_article(tmp_path / "missing.txt")


def test_read_article_strips_bom_and_normalises_newlines(tmp_path):
    path = tmp_path / "bom.txt"
    path.write_bytes("\ufeffdate 2016-10\r\nDie Stadt fiel.\r\n".encode())
    article = read_article(path)
    assert article.raw == "date 2016-10\nDie Stadt fiel.\n"
    assert article.date == TimeSpan.month(2016, 10)


def test_read_article_uses_sidecar(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Die Stadt fiel am Montag.", encoding="utf-8")
    (tmp_path / "a.txt.meta.json").write_text(json.dumps({"date": "2016-10-19", "title": "Fall"}), encoding="utf-8")
    article = read_article(path)
    assert article.date.precision == "day" and article.title == "Fall"
    assert read_article(path, date_override="2016-09").date == TimeSpan.month(2016, 9)


def test_parse_article_cleans_scraped_page():
    article = parse_article(SCRAPED, "x")
    kinds = _kinds(article)
    assert article.title == "Kämpfe um Idlib: Rebellen melden Erfolge"
    assert kinds["Kämpfe um Idlib: Rebellen melden Erfolge"] == "duplicate-headline"
    assert kinds["Loader"] == "navigation" and kinds["Werbung"] == "advertisement" and kinds["ANZEIGE"] == "advertisement"
    assert kinds["Copyright"] == "credit" and kinds["© Foto: dpa"] == "credit"
    assert kinds["Diesen Artikel teilen Kommentare"] == "share-widget"
    assert kinds["Zum Inhalt springen"] == "accessibility"
    assert kinds["Neue Proteste in Damaskus"] == "related"
    zones = [(s.kind, _text(article, s)[:20]) for s in article.content]
    assert zones == [
        ("title", "Kämpfe um Idlib: Reb"),
        ("lead", "Rebellen haben am Mo"),
        ("body", "Rebellen haben am Mo"),
        ("caption", "Ein zerstörtes Haus "),
        ("subheading", "Lage weiter angespan"),
        ("body", "Die Regierung kündig"),
    ]


def test_parse_article_removes_paywall():
    raw = ("Titel ohne Punkt\n\nJetzt weiterlesen! !\n\nFür 0,99 € können Sie diesen Artikel erwerben.\n\n"
           "Sie sind bereits Kunde?\n\nDer Text beginnt hier. Er geht weiter.")
    kinds = _kinds(parse_article(raw, "x"))
    assert sorted(kinds.values()) == ["paywall"] * 3


def test_parse_article_keeps_sentences_with_widget_words():
    raw = "Die Rebellen wollen die Stadt nicht mit der Armee teilen. Werbung für den Frieden gab es kaum."
    article = parse_article(raw, "x")
    assert not article.removed and article.content[0].kind == "body"


def test_parse_article_verbless_caption():
    raw = ("Die Stadt fiel. Die Armee rückte vor.\n\n"
           "Die Außenminister Lawrow und Kerry am 22. September beim Treffen der Syrien-Gruppe in New York.\n\n"
           "Danach sprachen sie lange.")
    article = parse_article(raw, "x")
    assert [s.kind for s in article.content] == ["body", "caption", "body"]


def test_masked_text_blanks_boilerplate_and_keeps_offsets():
    article = parse_article(SCRAPED, "x")
    masked = masked_text(article)
    assert len(masked) == len(article.raw)
    assert "Loader" not in masked and "Copy to clipboard" not in masked
    start = article.raw.index("Die Regierung")
    assert masked[start:start + 13] == "Die Regierung"


def test_display_title_falls_back_to_lead():
    article = parse_article("date 2016-10 Die Stadt fiel nach langen Kämpfen. Viele flohen.", "x")
    assert display_title(article).startswith("Die Stadt fiel")


def test_read_article_seeds_match_gold_cleaning(seeds_dir):
    if not GOLD_PATH.exists():
        pytest.skip("gold annotation not available")
    for line in GOLD_PATH.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        article = read_article(seeds_dir / record["file"])
        assert article.title == record["title"]
        assert (article.date is None) == (record["date"] is None)
        for span in record["boilerplate_spans"]:
            for i in range(span["start"], span["end"]):
                assert article.raw[i].isspace() or article.zone_at(i) is None, (record["file"], span)
        for item in record["toponyms"] + record["event_dates"]:
            assert article.zone_at(item["start"]) is not None, (record["file"], item["surface"])
        for top in record["toponyms"]:
            assert article.zone_at(top["start"]) == top["zone"], (record["file"], top["surface"])


def test_parse_article_removes_byline_and_date_line_but_not_headings():
    raw = ("Von Max Mustermann und Erika Muster\nMontag, 12. Oktober 2016, 14:30 Uhr\n\nVon Aleppo nach Idlib\n\n"
           "Die Stadt fiel am Montag. Danach kam es zu Kämpfen.")
    article = parse_article(raw, "x")
    assert set(_kinds(article).values()) == {"credit"}
    assert article.title == "Von Aleppo nach Idlib"


def test_parse_article_related_block_stops_at_prose():
    raw = ("Die Stadt fiel. Danach kam es zu Kämpfen.\nMehr zum Thema\nAleppo: Die Lage\n"
           "Die Regierung hat am Dienstag eine neue Offensive begonnen, sagte ein Sprecher.\n")
    article = parse_article(raw, "x")
    assert [s.kind for s in article.removed] == ["related", "related"]
    assert [s.kind for s in article.content] == ["body", "body"]


_BODY = "Bei einem Brand in einem Chemiepark in Leverkusen wurden drei Menschen verletzt."
_DATE_LINE_CASES = {  # the quoted date lines of issue 11, each as a newsroom or scraper writes it
    "date 2024-04-14": ("date 2024-04-14\n", "2024-04-14"),
    "date 14.04.2024": ("date 14.04.2024\n", "2024-04-14"),
    "date 14. April 2024": ("date 14. April 2024\n", "2024-04-14"),
    "Datum: 14.04.2024": ("Brand in Leverkusen\nDatum: 14.04.2024\n", "2024-04-14"),
    "Stand: 14.04.2024": ("Brand in Leverkusen\nStand: 14.04.2024 10:15 Uhr\n", "2024-04-14"),
    "Veröffentlicht am 14. April 2024": ("Veröffentlicht am 14. April 2024\n", "2024-04-14"),
    "Aktualisiert am 15.04.2024": ("Aktualisiert am 15.04.2024, 08:00 Uhr\n", "2024-04-15"),
    "publication preferred to update": ("Aktualisiert am 15.04.2024\nVeröffentlicht am 14.04.2024\n", "2024-04-14"),
    "Stand after publication": ("Veröffentlicht am 14.04.2024\nStand: 16.04.2024\n", "2024-04-14"),
    "14.04.2024": ("Brand in Leverkusen\n14.04.2024\n", "2024-04-14"),
    "14.04.24": ("Brand in Leverkusen\n14.04.24\n", "2024-04-14"),
    "14. April 2024": ("Brand in Leverkusen\nSonntag, 14. April 2024, 10:15 Uhr\n", "2024-04-14"),
    "ISO date": ("Brand in Leverkusen\n2024-04-14\n", "2024-04-14"),
    "ISO date and time": ("Brand in Leverkusen\n2024-04-14T10:15:00+02:00\n", "2024-04-14"),
    "ISO month": ("Brand in Leverkusen\n2024-04\n", "2024-04"),
    "dateline Ort, 14.04.2024 –": ("Leverkusen, 14.04.2024 – ", "2024-04-14"),
    "dateline Ort (dpa), 14. April 2024 –": ("Leverkusen (dpa), 14. April 2024 – ", "2024-04-14"),
    "dateline Ort, 14.04.2024 (dpa) –": ("Leverkusen, 14.04.2024 (dpa) – ", "2024-04-14"),
}


@pytest.mark.parametrize("case", list(_DATE_LINE_CASES))
def test_parse_article_reads_date_lines(case):
    text, expected = _DATE_LINE_CASES[case]
    article = parse_article(text + _BODY, "x")
    assert article.date is not None and article.date.label() == expected, case
    assert not article.warnings
    content = " ".join(_text(article, s) for s in article.content)
    assert "Chemiepark in Leverkusen" in content  # the paragraph after a dateline stays article text
    assert "2024" not in content or case.startswith("dateline")  # date-only lines are removed, not content


@pytest.mark.parametrize("line", ["Datum: 31.02.2024", "Stand: 14.13.2024 10:15 Uhr", "Veröffentlicht am 31. April 2024",
                                  "31.02.2024", "Aktualisiert am gestern Abend"])
def test_parse_article_unreadable_date_line_warns_naming_it(line):
    article = parse_article(f"Brand in Leverkusen\n{line}\n{_BODY}", "x")
    assert article.date is None
    assert len(article.warnings) == 1 and line in article.warnings[0]


def test_parse_article_unreadable_date_line_does_not_hide_a_readable_one():
    article = parse_article(f"Datum: 31.02.2024\nStand: 15.04.2024\n{_BODY}", "x")
    assert article.date == TimeSpan.day(__import__("datetime").date(2024, 4, 15))
    assert "Datum: 31.02.2024" in article.warnings[0]


def test_parse_article_sentences_with_dates_are_no_date_lines():
    article = parse_article(f"Am Sonntag, 14.04.2024 - so die Polizei - brannte es.\nUpdate: Polizei nennt Details\n{_BODY}", "x")
    assert article.date is None and not article.warnings
