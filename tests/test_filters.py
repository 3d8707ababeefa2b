"""Query parameters -> EventFilter, and a clear FilterError for every malformed one."""

from datetime import date

import pytest

from geomap.errors import FilterError
from geomap.filters import MAX_LIMIT, parse_bbox, parse_filter


def test_parse_filter_month_bounds_cover_whole_months():
    flt = parse_filter({"from": ["2016-10"], "to": ["2016-12"]})
    assert flt.date_from == date(2016, 10, 1)
    assert flt.date_to == date(2016, 12, 31)
    assert flt.bounded and not flt.wants_undated


def test_parse_filter_day_bounds_and_undated_flag():
    flt = parse_filter({"from": ["2016-02-28"], "include_undated": ["1"]})
    assert flt.date_from == date(2016, 2, 28)
    assert flt.wants_undated


def test_parse_filter_unbounded_view_shows_undated():
    assert parse_filter({}).wants_undated


@pytest.mark.parametrize(
    "args, message",
    [
        ({"from": ["2016-13"]}, "out of range"),
        ({"from": ["16-10"]}, "YYYY-MM"),
        ({"to": ["2016-02-30"]}, "not a real date"),
        ({"from": ["2016-11"], "to": ["2016-10"]}, "after"),
        ({"from": ["2016-10", "2016-11"]}, "given 2 times"),
        ({"include_undated": ["maybe"]}, "1 or 0"),
        ({"limit": ["-5"]}, "positive whole number"),
        ({"limit": ["0"]}, "positive whole number"),
        ({"role": ["villain"]}, "location or actor"),
        ({"zoom": ["25"]}, "0 to 19"),
        ({"lat": ["91"], "lon": ["0"]}, "lat"),
        ({"lat": ["1"]}, "go together"),
        ({"place": ["x" * 201]}, "200"),
        ({"from": ["'; DROP TABLE events; --"]}, "YYYY-MM"),
    ],
)
def test_parse_filter_rejects_malformed(args, message):
    with pytest.raises(FilterError, match=message):
        parse_filter(args)


def test_parse_filter_clamps_huge_limit():
    assert parse_filter({"limit": ["999999999999"]}).limit == MAX_LIMIT


def test_parse_filter_types_split_and_deduplicated():
    flt = parse_filter({"type": ["battles,humanitarian", "battles"]})
    assert flt.types == ("battles", "humanitarian")


def test_parse_filter_unknown_type_rejected_when_types_known():
    with pytest.raises(FilterError, match="unknown event type"):
        parse_filter({"type": ["picnic"]}, known_types=["battles"])


def test_parse_bbox_crossing_antimeridian():
    box = parse_bbox("170,-20,-170,20")
    assert box.crosses_antimeridian
    assert box.contains(0, 175) and box.contains(0, -175)
    assert not box.contains(0, 0)


@pytest.mark.parametrize("value", ["1,2,3", "a,b,c,d", "0,10,10,0", "-200,0,0,10", "0,-95,10,10", "nan,0,1,1"])
def test_parse_bbox_rejects_malformed(value):
    with pytest.raises(FilterError, match="bbox"):
        parse_bbox(value)
