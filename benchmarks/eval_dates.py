"""Score article cleaning and date expressions against the gold seeds (../shared/gold/seeds.jsonl).

Run from the repository root: ``python benchmarks/eval_dates.py``. Prints the report and writes it to
``benchmarks/eval_dates.txt``. A predicted expression matches a gold one when their character spans overlap;
a match agrees when the resolved label (YYYY-MM-DD / YYYY-MM / YYYY of the span's known end point) and the
precision both equal the gold's.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from geomap.articles import read_article  # noqa: E402
from geomap.dates import find_date_expressions  # noqa: E402
from geomap.models import Article, DateExpression, TimeSpan  # noqa: E402

GOLD = ROOT.parent / "shared" / "gold" / "seeds.jsonl"
SEEDS = ROOT / "seeds"
OUT = Path(__file__).resolve().with_suffix(".txt")
TARGET = 0.90


def resolved_label(span: TimeSpan) -> str | None:
    """The gold-style ``resolved`` string of a span: None, YYYY-MM-DD, YYYY-MM or YYYY."""
    point = span.start or span.end
    if span.precision == "none" or point is None:
        return None
    if span.precision in ("day", "week"):
        return point.isoformat()
    if span.precision == "month":
        return point.strftime("%Y-%m")
    return str(point.year)


def covered(article: Article, start: int, end: int) -> bool:
    """Whether every non-space character of raw[start:end] lies in a removed segment."""
    return all(
        article.raw[i].isspace() or any(s.start <= i < s.end for s in article.removed) for i in range(start, end)
    )


def score_file(record: dict, lines: list[str], totals: dict[str, int]) -> None:
    """Score one seed file, appending report lines and adding to the totals."""
    article = read_article(SEEDS / record["file"])
    predicted = find_date_expressions(article)
    used: set[int] = set()
    lines.append(f"== {record['file']}  date={article.date.label() if article.date else None}  "
                 f"title={article.title!r}")
    for gold in record["event_dates"]:
        totals["gold"] += 1
        match = _match(gold, predicted, used)
        if match is None:
            reason = "inside removed text" if article.zone_at(gold["start"]) is None else "no rule matched"
            lines.append(f"  MISS {gold['surface']!r} ({reason})")
            continue
        totals["found"] += 1
        label, precision = resolved_label(match.span), match.span.precision
        if label == gold["resolved"] and precision == gold["precision"]:
            totals["agree"] += 1
        else:
            lines.append(f"  DISAGREE {match.surface!r}: {label}/{precision} vs gold {gold['resolved']}/{gold['precision']}")
    for index, expr in enumerate(predicted):
        if index not in used:
            totals["fp"] += 1
            lines.append(f"  FALSE POSITIVE {expr.surface!r} -> {expr.span.label()}")
    _score_cleaning(record, article, lines, totals)


def _match(gold: dict, predicted: list[DateExpression], used: set[int]) -> DateExpression | None:
    for index, expr in enumerate(predicted):
        if index not in used and expr.start < gold["end"] and gold["start"] < expr.end:
            used.add(index)
            return expr
    return None


def _score_cleaning(record: dict, article: Article, lines: list[str], totals: dict[str, int]) -> None:
    """Boilerplate coverage, leaks of gold spans into removed text, zones, title and undated check."""
    for span in record.get("boilerplate_spans", []):
        totals["bp"] += 1
        if covered(article, span["start"], span["end"]):
            totals["bp_covered"] += 1
        else:
            lines.append(f"  BOILERPLATE NOT REMOVED {span['label']!r} {span['start']}-{span['end']}")
    for item in record["toponyms"] + record["event_dates"]:
        totals["spans"] += 1
        if article.zone_at(item["start"]) is None:
            totals["leaks"] += 1
            lines.append(f"  REMOVED GOLD SPAN {item['surface']!r} at {item['start']}")
    for top in record["toponyms"]:
        totals["zones"] += 1
        zone = article.zone_at(top["start"])
        if zone == top["zone"]:
            totals["zones_ok"] += 1
        else:
            lines.append(f"  ZONE {top['surface']!r} at {top['start']}: {zone} vs gold {top['zone']}")
    if record["title"] is not None:
        totals["titles"] += 1
        totals["titles_ok"] += article.title == record["title"]
    if record["date"] is None:
        totals["undated"] += 1
        totals["undated_ok"] += article.date is None


def _pct(part: int, whole: int) -> str:
    return f"{part}/{whole} ({100 * part / whole:.1f}%)" if whole else "0/0"


def main() -> int:
    """Run the evaluation, print and write the report; exit 1 when below target."""
    if not GOLD.exists():
        print(f"gold file not found: {GOLD}")
        return 2
    records = [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]
    totals = dict.fromkeys(
        "gold found agree fp bp bp_covered spans leaks zones zones_ok titles titles_ok undated undated_ok".split(), 0)
    lines: list[str] = []
    for record in records:
        score_file(record, lines, totals)
    summary = [
        "geomap date expressions and cleaning vs shared/gold/seeds.jsonl",
        f"date expressions found (span overlap): {_pct(totals['found'], totals['gold'])}",
        f"resolution + precision agree:          {_pct(totals['agree'], totals['gold'])} (target >= {TARGET:.0%})",
        f"false positives:                       {totals['fp']}",
        f"boilerplate spans fully removed:       {_pct(totals['bp_covered'], totals['bp'])}",
        f"gold toponyms/dates inside removed:    {totals['leaks']} of {totals['spans']}",
        f"toponym zones agree:                   {_pct(totals['zones_ok'], totals['zones'])}",
        f"headlines extracted (002, 004):        {_pct(totals['titles_ok'], totals['titles'])}",
        f"undated seeds stay undated:            {_pct(totals['undated_ok'], totals['undated'])}",
        "",
    ]
    report = "\n".join(summary + lines) + "\n"
    print(report, end="")
    OUT.write_text(report, encoding="utf-8")
    return 0 if totals["gold"] and totals["agree"] / totals["gold"] >= TARGET else 1


if __name__ == "__main__":
    sys.exit(main())
