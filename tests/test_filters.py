"""Query parameters -> EventFilter, and a clear FilterError for every malformed one."""

from datetime import date

import pytest

from geomap.errors import FilterError
from geomap.filters import MAX_LIMIT, EventFilter, ViewState, parse_bbox, parse_filter, parse_view


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
        ({"to": ["2016-02-30"]}, "no such day"),
        ({"from": ["0000-01"]}, "out of range"),
        ({"from": ["2016-11"], "to": ["2016-10"]}, "after"),
        ({"from": ["2016-10", "2016-11"]}, "given 2 times"),
        ({"include_undated": ["maybe"]}, "1 or 0"),
        ({"limit": ["-5"]}, "positive whole number"),
        ({"limit": ["0"]}, "positive whole number"),
        ({"role": ["villain"]}, "location or actor"),
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
    assert box.crosses_antimeridian and box.as_param() == "170.0,-20.0,-170.0,20.0"
    assert not parse_bbox("-10,-20,10,20").crosses_antimeridian


@pytest.mark.parametrize(
    "args, message",
    [({"zoom": ["25"]}, "0 to 19"), ({"lat": ["91"], "lon": ["0"]}, "lat"), ({"lat": ["1"]}, "go together")],
)
def test_parse_view_rejects_malformed(args, message):
    with pytest.raises(FilterError, match=message):
        parse_view(args)


def test_parse_view_is_apart_from_the_filter():
    args = {"from": ["2016-10"], "zoom": ["5"], "lat": ["36.2"], "lon": ["37.1"]}
    assert parse_view(args) == ViewState(zoom=5, center=(36.2, 37.1))
    assert parse_filter(args) == parse_filter({"from": ["2016-10"]})
    assert parse_view(args).query_items() == [("zoom", "5"), ("lat", "36.2"), ("lon", "37.1")]


def test_equivalent_queries_parse_to_one_filter():
    month = [
        {"from": ["2016-10"], "to": ["2016-10"]},
        {"from": ["2016-10-01"], "to": ["2016-10-31"]},
        {"to": ["2016-10"], "from": ["2016-10"], "zoom": ["6"]},
        {"from": ["2016-10"], "to": ["2016-10-31"], "lat": ["1"], "lon": ["2"], "role": ["location"]},
        {"from": ["2016-10"], "to": ["2016-10"], "include_undated": ["0"], "type": [""]},
    ]
    filters = {parse_filter(args) for args in month}
    assert len(filters) == 1
    assert filters.pop().query_items() == [("from", "2016-10"), ("to", "2016-10")]
    assert parse_filter({"type": ["humanitarian,battles"]}) == parse_filter({"type": ["battles", "humanitarian"]})


def test_filter_query_items_round_trip():
    flt = parse_filter({"from": ["2016-10-15"], "to": ["2016-11"], "include_undated": ["yes"], "type": ["battles"],
                        "role": ["actor", "location"], "bbox": ["170,-20,-170,20"], "place": ["Aleppo"],
                        "limit": ["25"]})
    items = flt.query_items()
    assert items[:2] == [("from", "2016-10-15"), ("to", "2016-11")]
    assert parse_filter({k: [v for n, v in items if n == k] for k, _ in items}) == flt
    assert EventFilter().query_items() == []


@pytest.mark.parametrize("value", ["1,2,3", "a,b,c,d", "0,10,10,0", "-200,0,0,10", "0,-95,10,10", "nan,0,1,1"])
def test_parse_bbox_rejects_malformed(value):
    with pytest.raises(FilterError, match="bbox"):
        parse_bbox(value)
