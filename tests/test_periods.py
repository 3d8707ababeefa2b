"""German period captions for the embed, link previews and the picture."""

import pytest

from geomap.filters import parse_filter
from geomap.periods import german_date, period_label


@pytest.mark.parametrize(("value", "words"), [("2024-06-03", "3. Juni 2024"), ("2016-10", "Oktober 2016"),
                                               ("2016-03-01", "1. März 2016"), ("2016", "2016")])
def test_german_date(value, words):
    assert german_date(value) == words


@pytest.mark.parametrize(("args", "words"), [
    ({"from": "2016-10", "to": "2016-10"}, "Oktober 2016"),
    ({"from": "2016-10", "to": "2016-12"}, "Oktober – Dezember 2016"),
    ({"from": "2016-11", "to": "2017-02"}, "November 2016 – Februar 2017"),
    ({"from": "2016-10-02"}, "seit 2. Oktober 2016"),
    ({"from": "2016-10-01"}, "seit Oktober 2016"),  # the same window as from=2016-10: said as a month
    ({"to": "2016-12"}, "bis Dezember 2016"),
    ({"from": "2024-06-03", "to": "2024-06-05"}, "3. Juni 2024 – 5. Juni 2024"),
    ({}, "alle Zeiten"),
])
def test_period_label(args, words):
    assert period_label(parse_filter({k: [v] for k, v in args.items()})) == words
