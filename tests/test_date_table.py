"""A table of German temporal expressions x article dates: resolution, interval and precision (issue 11).

Each row is one sentence holding one expression, the article date it is read against, and the expected
interval [start, end] with its precision. The rules the table pins down:

* A month, weekday or day named without a year follows the sentence's tense: past -> the latest such date on
  or before the article date, future -> the next one on or after it, present (no tense marker) -> the nearest.
  "vergangenen"/"letzten" look strictly back, "kommenden"/"nächsten" strictly forward; "seit" looks back,
  "ab"/"bis" forward unless the sentence is in the past.
* "seit X" is the interval from X to the article date; "bis X" from the article date to X; "ab X" is X.
  Nothing is open-ended. In an undated article nothing resolves.
* Precision is what the text says: "seit Wochen" starts weeks before the article date (week precision); a
  weekday or a few days against an article dated only to the month keep that month (the gold convention).
"""

from __future__ import annotations

import pytest

from geomap.articles import parse_article
from geomap.dates import find_date_expressions

# (sentence, article date, start, end, precision); None dates: unresolved. 2023-11-15 is a Wednesday.
TABLE: tuple[tuple[str, str | None, str | None, str | None, str], ...] = (
    # --- month without a year, by tense
    ("Im März wurde in Nyala gekämpft.", "2023-11-15", "2023-03-01", "2023-03-31", "month"),
    ("Im Februar hat die Armee die Stadt erobert.", "2023-11-15", "2023-02-01", "2023-02-28", "month"),
    ("Im April kam es zu schweren Kämpfen.", "2023-11-15", "2023-04-01", "2023-04-30", "month"),
    ("Im Januar waren die Truppen abgezogen.", "2023-11-15", "2023-01-01", "2023-01-31", "month"),
    ("Im Januar soll in Khartum gewählt werden.", "2023-11-15", "2024-01-01", "2024-01-31", "month"),
    ("Im Juni soll die Konferenz stattfinden.", "2023-11-15", "2024-06-01", "2024-06-30", "month"),
    ("Im Juli wurde in Genf verhandelt.", "2023-03-10", "2022-07-01", "2022-07-31", "month"),
    ("Im Dezember wird in Genf verhandelt.", "2023-03-10", "2023-12-01", "2023-12-31", "month"),
    ("Im November wurde Nyala beschossen.", "2023-11-15", "2023-11-01", "2023-11-30", "month"),
    ("Im November soll gewählt werden.", "2023-11-15", "2023-11-01", "2023-11-30", "month"),
    ("Im Februar beginnt die Konferenz in Genf.", "2023-12-28", "2024-02-01", "2024-02-29", "month"),
    ("Im Oktober beginnt die Konferenz in Genf.", "2023-12-28", "2023-10-01", "2023-10-31", "month"),
    ("Im Dezember wurde in Aleppo gekämpft.", "2024-01-10", "2023-12-01", "2023-12-31", "month"),
    ("Im Dezember soll in Aleppo gewählt werden.", "2024-01-10", "2024-12-01", "2024-12-31", "month"),
    ("Im Januar soll in Aleppo gewählt werden.", "2023-12-28", "2024-01-01", "2024-01-31", "month"),
    ("Im Januar wird in Berlin verhandelt.", "2023-12-28", "2024-01-01", "2024-01-31", "month"),
    ("Im September hatten die Rebellen Aleppo angegriffen.", "2016-10", "2016-09-01", "2016-09-30", "month"),
    ("Im Januar sollen die Gespräche fortgesetzt werden.", "2016-10", "2017-01-01", "2017-01-31", "month"),
    ("Im März 2022 wurde in Nyala gekämpft.", "2023-11-15", "2022-03-01", "2022-03-31", "month"),
    ("Anfang Januar wurde in Gaza gekämpft.", "2024-02-10", "2024-01-01", "2024-01-10", "month"),
    ("Ende Dezember wurde in Gaza gekämpft.", "2024-01-10", "2023-12-21", "2023-12-31", "month"),
    ("Ende Dezember soll in Gaza gewählt werden.", "2024-01-10", "2024-12-21", "2024-12-31", "month"),
    ("Mitte März kamen die Truppen nach Nyala.", "2023-11-15", "2023-03-11", "2023-03-20", "month"),
    ("Die Kämpfe zwischen Mitte und Ende September waren heftig.", "2016-10", "2016-09-11", "2016-09-30", "month"),
    # --- day and month without a year
    ("Am 20. Dezember wurde Gaza angegriffen.", "2024-01-10", "2023-12-20", "2023-12-20", "day"),
    ("Am 5. Januar soll in Gaza gewählt werden.", "2023-12-28", "2024-01-05", "2024-01-05", "day"),
    ("Am 10. November soll in Khartum verhandelt werden.", "2023-11-15", "2024-11-10", "2024-11-10", "day"),
    ("Am 20. November wurde Khartum angegriffen.", "2023-11-15", "2022-11-20", "2022-11-20", "day"),
    ("Am 20. November beginnt der Gipfel in Genf.", "2023-11-15", "2023-11-20", "2023-11-20", "day"),
    ("Am 14.04. wurde in Leverkusen demonstriert.", "2024-05-01", "2024-04-14", "2024-04-14", "day"),
    ("Am 30. Dezember kam es in Kiew zu Explosionen.", "2024-01-02", "2023-12-30", "2023-12-30", "day"),
    # --- weekdays
    ("Am Montag wurde Nyala angegriffen.", "2023-11-15", "2023-11-13", "2023-11-13", "day"),
    ("Am Montag soll in Genf verhandelt werden.", "2023-11-15", "2023-11-20", "2023-11-20", "day"),
    ("Am Mittwoch wurde in Nyala gekämpft.", "2023-11-15", "2023-11-15", "2023-11-15", "day"),
    ("Am Freitag beginnt der Gipfel in Genf.", "2023-11-15", "2023-11-17", "2023-11-17", "day"),
    ("Am Dienstag beginnt der Gipfel in Genf.", "2023-11-15", "2023-11-14", "2023-11-14", "day"),
    ("Am Sonntag hatten die Rebellen Nyala angegriffen.", "2023-11-15", "2023-11-12", "2023-11-12", "day"),
    ("Am Sonntag wollen die Rebellen Nyala angreifen.", "2023-11-15", "2023-11-19", "2023-11-19", "day"),
    ("Am kommenden Montag beginnen Gespräche in Genf.", "2023-11-15", "2023-11-20", "2023-11-20", "day"),
    ("Am vergangenen Mittwoch wurde Nyala beschossen.", "2023-11-15", "2023-11-08", "2023-11-08", "day"),
    ("Am vergangenen Freitag wurde Nyala beschossen.", "2023-11-15", "2023-11-10", "2023-11-10", "day"),
    ("In der Nacht zu Sonntag wurde Nyala beschossen.", "2023-11-15", "2023-11-12", "2023-11-12", "day"),
    ("Am Freitag wurde in Kiew gekämpft.", "2024-01-02", "2023-12-29", "2023-12-29", "day"),
    ("Am Montag soll in Kiew gewählt werden.", "2023-12-30", "2024-01-01", "2024-01-01", "day"),
    ("Am Montag wurde in Aleppo gekämpft.", "2016-10", "2016-10-01", "2016-10-31", "month"),
    ("Er sprach am Freitagabend in Paris.", "2016-12", "2016-12-01", "2016-12-31", "month"),
    ("Ab Montag gilt in Khartum eine Ausgangssperre.", "2023-11-15", "2023-11-20", "2023-11-20", "day"),
    # --- "seit": from X to the article date
    ("Seit April wird in Nyala gekämpft.", "2023-11-15", "2023-04-01", "2023-11-15", "month"),
    ("Seit Wochen wird in Nyala gekämpft.", "2023-11-15", "2023-11-01", "2023-11-15", "week"),
    ("Seit Wochen wird in Aleppo gekämpft.", "2016-10", "2016-09-17", "2016-10-31", "week"),
    ("Seit Tagen wird in Aleppo gekämpft.", "2016-10", "2016-10-01", "2016-10-31", "month"),
    ("Seit Tagen wird in Nyala gekämpft.", "2023-11-15", "2023-11-13", "2023-11-15", "week"),
    ("Seit Monaten wird in Nyala gekämpft.", "2023-11-15", "2023-09-01", "2023-11-15", "month"),
    ("Seit Jahren wird in Nyala gekämpft.", "2023-11-15", "2021-01-01", "2023-11-15", "year"),
    ("Seit Dezember wird in Gaza gekämpft.", "2024-01-10", "2023-12-01", "2024-01-10", "month"),
    ("Seit November wird in Nyala gekämpft.", "2023-11-15", "2023-11-01", "2023-11-15", "month"),
    ("Seit April wird in Nyala gekämpft.", "2023-03-10", "2022-04-01", "2023-03-10", "month"),
    ("Seit Mitte Oktober wird in Nyala gekämpft.", "2023-11-15", "2023-10-11", "2023-11-15", "month"),
    ("Seit Ende September wird in Nyala gekämpft.", "2023-11-15", "2023-09-21", "2023-11-15", "month"),
    ("Seit Montag wird in Nyala gekämpft.", "2023-11-15", "2023-11-13", "2023-11-15", "day"),
    ("Seit Montag wird in Aleppo gekämpft.", "2016-10", "2016-10-01", "2016-10-31", "month"),
    ("Seit gestern wird in Nyala gekämpft.", "2023-11-15", "2023-11-14", "2023-11-15", "day"),
    ("Seit zwei Tagen wird in Aleppo gekämpft.", "2016-12", "2016-12-01", "2016-12-31", "month"),
    ("Seit zwei Tagen wird in Nyala gekämpft.", "2023-11-15", "2023-11-13", "2023-11-15", "day"),
    ("Seit einem Jahr hilft Russland in Syrien.", "2016-10", "2015-10-01", "2016-10-31", "month"),
    ("Seit 2013 wird in Syrien gekämpft.", "2016-10", "2013-01-01", "2016-10-31", "year"),
    ("Seit dem 3. Oktober wird in Nyala gekämpft.", "2023-11-15", "2023-10-03", "2023-11-15", "day"),
    ("Seit dem 20. November wird in Nyala gekämpft.", "2023-11-15", "2022-11-20", "2023-11-15", "day"),
    ("Seit der vergangenen Woche wird in Gaza gekämpft.", "2024-01-03", "2023-12-25", "2024-01-03", "week"),
    # --- "bis": from the article date to X
    ("Bis Freitag soll die Waffenruhe in Gaza gelten.", "2023-11-15", "2023-11-15", "2023-11-17", "day"),
    ("Bis Ende November soll die Waffenruhe gelten.", "2023-11-15", "2023-11-15", "2023-11-30", "month"),
    # --- deictic days, weeks, months, years and offsets
    ("Vorgestern wurde Kiew angegriffen.", "2024-01-01", "2023-12-30", "2023-12-30", "day"),
    ("Gestern wurde Kiew angegriffen.", "2024-01-01", "2023-12-31", "2023-12-31", "day"),
    ("Morgen soll in Kiew verhandelt werden.", "2023-12-31", "2024-01-01", "2024-01-01", "day"),
    ("Vor drei Tagen wurde Nyala angegriffen.", "2023-11-15", "2023-11-12", "2023-11-12", "day"),
    ("Vor gut zwei Wochen wurde Aleppo bombardiert.", "2016-10", "2016-01-01", "2016-12-31", "year"),
    ("In der vergangenen Woche wurde Gaza beschossen.", "2024-01-03", "2023-12-25", "2023-12-31", "week"),
    ("In der kommenden Woche soll verhandelt werden.", "2023-12-28", "2024-01-01", "2024-01-07", "week"),
    ("Im vergangenen Monat wurde Gaza beschossen.", "2024-01-10", "2023-12-01", "2023-12-31", "month"),
    ("Im kommenden Monat soll verhandelt werden.", "2023-12-10", "2024-01-01", "2024-01-31", "month"),
    ("Im vergangenen Jahr wurde Gaza beschossen.", "2024-01-10", "2023-01-01", "2023-12-31", "year"),
    ("In zwei Monaten soll in Khartum gewählt werden.", "2023-11-15", "2024-01-01", "2024-01-31", "month"),
    # --- explicit dates and ranges
    ("Am 14. April 2024 wurde in Leverkusen demonstriert.", "2024-05-01", "2024-04-14", "2024-04-14", "day"),
    ("Am 14.04.24 wurde in Leverkusen demonstriert.", "2024-05-01", "2024-04-14", "2024-04-14", "day"),
    ("Vom 28. Dezember bis 3. Januar wurde Gaza beschossen.", "2024-01-10", "2023-12-28", "2024-01-03", "week"),
    # --- undated articles resolve nothing
    ("Seit April wird in Nyala gekämpft.", None, None, None, "none"),
    ("Im März wurde in Nyala gekämpft.", None, None, None, "none"),
    ("Am Montag soll in Genf verhandelt werden.", None, None, None, "none"),
)


@pytest.mark.parametrize(("sentence", "anchor", "start", "end", "precision"), TABLE,
                         ids=[f"{row[0][:40]}@{row[1]}" for row in TABLE])
def test_date_table_resolves_each_expression(sentence, anchor, start, end, precision):
    raw = (f"date {anchor}\n\n" if anchor else "") + sentence
    found = find_date_expressions(parse_article(raw, "table"))
    assert len(found) == 1, [e.surface for e in found]
    span = found[0].span
    got = (span.start.isoformat() if span.start else None, span.end.isoformat() if span.end else None, span.precision)
    assert got == (start, end, precision)


def test_date_table_is_large_enough():
    assert len(TABLE) >= 60
    assert len({row[1] for row in TABLE}) >= 8  # many anchors, incl. both sides of a year boundary
