"""Date expressions: finding them in content, resolving them against the article date, interval logic."""

from __future__ import annotations

from datetime import date

import pytest

from geomap.articles import parse_article
from geomap.datelines import parse_date_text
from geomap.dates import expression_for_sentence, find_date_expressions, overlaps
from geomap.errors import GeomapError
from geomap.models import DateExpression, TimeSpan


def _found(text: str, header: str | None = "2016-10") -> dict[str, TimeSpan]:
    raw = (f"date {header} " if header else "") + text
    return {e.surface: e.span for e in find_date_expressions(parse_article(raw, "t"))}


def test_parse_date_text_month_and_day():
    assert parse_date_text("2016-10") == TimeSpan.month(2016, 10)
    assert parse_date_text(" 2016-10-19 ") == TimeSpan.day(date(2016, 10, 19))


@pytest.mark.parametrize("value", ["2016-13", "16-10", "tomorrow", "2016-02-30", "", "2016-1"])
def test_parse_date_text_rejects_bad_values(value):
    with pytest.raises(GeomapError) as info:
        parse_date_text(value)
    assert isinstance(info.value, ValueError)


def test_find_date_expressions_weekday_keeps_article_month():
    spans = _found("Er sprach am Freitagabend in Paris. Am Mittwoch kam er an.")
    assert spans["am Freitagabend"] == TimeSpan.month(2016, 10)
    assert spans["Am Mittwoch"] == TimeSpan.month(2016, 10)


def test_find_date_expressions_weekday_against_day_date_is_exact():
    spans = _found("Er sprach am Mittwoch. Ab Montag wird verhandelt.", header="2016-10-07")  # a Friday
    assert spans["am Mittwoch"] == TimeSpan.day(date(2016, 10, 5))
    assert spans["Ab Montag"] == TimeSpan.day(date(2016, 10, 10))  # "ab X" is X: nothing open-ended


def test_find_date_expressions_explicit_day_infers_year():
    spans = _found("Treffen am 19. Oktober, zuvor am 22. September und am 3. Januar; am 19.10.2015 auch.")
    assert spans["am 19. Oktober"] == TimeSpan.day(date(2016, 10, 19))
    assert spans["am 22. September"] == TimeSpan.day(date(2016, 9, 22))
    assert spans["am 3. Januar"] == TimeSpan.day(date(2017, 1, 3))  # nearest January to October 2016
    assert spans["am 19.10.2015"] == TimeSpan.day(date(2015, 10, 19))


def test_find_date_expressions_months_and_parts():
    spans = _found("Im September begann es, seit Ende September dauert es, zwischen Mitte und Ende September auch.")
    assert spans["Im September"] == TimeSpan.month(2016, 9)
    assert spans["seit Ende September"] == TimeSpan(date(2016, 9, 21), date(2016, 10, 31), "month")
    assert spans["zwischen Mitte und Ende September"] == TimeSpan(date(2016, 9, 11), date(2016, 9, 30), "month")


def test_find_date_expressions_relative_offsets():
    spans = _found("Vor zwei Tagen fiel die Stadt, vor gut zwei Wochen die andere; seit einem Jahr hilft Russland, "
                   "in den kommenden Tagen reist er, seit Tagen kämpfen sie. Zwei Tage nach dem Abbruch telefonierten sie.")
    assert spans["Vor zwei Tagen"] == TimeSpan.month(2016, 10)
    assert spans["vor gut zwei Wochen"] == TimeSpan.year(2016)
    assert spans["seit einem Jahr"] == TimeSpan(date(2015, 10, 1), date(2016, 10, 31), "month")
    assert spans["in den kommenden Tagen"] == TimeSpan.month(2016, 10)
    assert spans["seit Tagen"] == TimeSpan.month(2016, 10)  # "seit X" ends on the article date
    assert spans["Zwei Tage nach"] == TimeSpan.month(2016, 10)


def test_find_date_expressions_month_offset():
    spans = _found("Die Stadt werde in zwei, maximal zweieinhalb Monaten zerstört sein.")
    assert spans["in zwei, maximal zweieinhalb Monaten"] == TimeSpan.month(2016, 12)


def test_find_date_expressions_years():
    spans = _found("Das Viertel wird seit 2013 kontrolliert, im Jahr 2011 begann der Krieg.")
    assert spans["seit 2013"] == TimeSpan(date(2013, 1, 1), date(2016, 10, 31), "year")
    assert spans["im Jahr 2011"] == TimeSpan.year(2011)


@pytest.mark.parametrize("text", [
    "Die Lage ist derzeit dramatisch, jüngst und zuletzt auch.",
    "Die Waffenruhe wurde nach sieben Tagen beendet.",
    "Über Wochen ausgehandelt, in 24 Stunden bombardiert.",
    "Sie werden nicht von einem Tag auf den nächsten anfangen.",
    "Bis 2000 Menschen flohen; die Sicherheitslage bleibt angespannt.",
    "Die Montagsdemonstration und die Sonntagsfrage.",
    "Der Morgen war kalt. Die Zahl 20.000 und Version 3.1.2 sind keine Daten.",
])
def test_find_date_expressions_ignores_adverbs_durations_and_counts(text):
    assert _found(text) == {}


def test_find_date_expressions_undated_article_gives_precision_none():
    spans = _found("Am Mittwoch sprach er, am 19. Oktober 2016 reist er, seit 2013 kämpfen sie.", header=None)
    assert set(spans) == {"Am Mittwoch", "am 19. Oktober 2016", "seit 2013"}
    assert all(s == TimeSpan(None, None, "none") for s in spans.values())


def test_find_date_expressions_skips_boilerplate():
    raw = "date 2016-10 Am Mittwoch fiel die Stadt.\nZum selben Thema\nAm Donnerstag: Syrien exportiert Öl\n"
    surfaces = [e.surface for e in find_date_expressions(parse_article(raw, "t"))]
    assert surfaces == ["Am Mittwoch"]


def test_find_date_expressions_offsets_index_raw():
    article = parse_article("date 2016-10 Er kam am Donnerstag.", "t")
    for expr in find_date_expressions(article):
        assert article.raw[expr.start:expr.end] == expr.surface


def test_expression_for_sentence_prefers_finest_precision():
    exprs = [
        DateExpression(0, 5, "a", TimeSpan.year(2016)),
        DateExpression(10, 15, "b", TimeSpan.day(date(2016, 10, 19))),
        DateExpression(50, 55, "c", TimeSpan.day(date(2016, 10, 20))),
    ]
    assert expression_for_sentence(exprs, 0, 40).surface == "b"
    assert expression_for_sentence(exprs, 20, 45) is None


def test_overlaps_closed_window_and_open_window_sides():
    october = TimeSpan.month(2016, 10)
    assert overlaps(october, date(2016, 10, 31), None)
    assert overlaps(october, None, date(2016, 10, 1))
    assert overlaps(october, date(2016, 10, 15), date(2016, 11, 15))
    assert not overlaps(october, date(2016, 11, 1), None)
    since_2013 = TimeSpan(date(2013, 1, 1), date(2016, 10, 31), "year")  # "seit 2013" in an October 2016 article
    assert overlaps(since_2013, date(2015, 1, 1), date(2015, 2, 1))
    assert not overlaps(since_2013, date(2016, 11, 1), date(2024, 6, 30))


def test_timespan_refuses_open_or_reversed_intervals():
    with pytest.raises(ValueError):
        TimeSpan(date(2013, 1, 1), None, "year")
    with pytest.raises(ValueError):
        TimeSpan(date(2013, 1, 2), date(2013, 1, 1), "day")


def test_overlaps_unknown_span_only_without_filter():
    unknown = TimeSpan(None, None, "none")
    assert overlaps(unknown, None, None)
    assert not overlaps(unknown, date(2016, 1, 1), None)


def test_find_date_expressions_day_ranges_and_named_weeks():
    spans = _found("Vom 3. bis 5. März tagte man. Vergangene Woche trafen sie sich.", header="2017-03-15")
    assert spans["Vom 3. bis 5. März"] == TimeSpan(date(2017, 3, 3), date(2017, 3, 5), "week")
    assert spans["Vergangene Woche"] == TimeSpan(date(2017, 3, 6), date(2017, 3, 12), "week")


def test_find_date_expressions_deictic_days():
    spans = _found("Gestern Abend griffen sie an, heute früh auch.", header="2017-03-15")
    assert spans["Gestern Abend"] == TimeSpan.day(date(2017, 3, 14))
    assert spans["heute früh"] == TimeSpan.day(date(2017, 3, 15))


def test_overlap_rule_is_the_one_the_readme_and_openapi_state():
    import json
    from pathlib import Path

    from geomap.dates import OVERLAP_RULE
    from geomap.openapi import openapi_document

    readme = " ".join(Path(__file__).resolve().parent.parent.joinpath("README.md").read_text().replace("> ", "").split())
    assert OVERLAP_RULE in readme
    assert json.dumps(OVERLAP_RULE)[1:-1] in json.dumps(openapi_document())
