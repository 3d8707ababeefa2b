"""Score `geomap parse` against gold annotations in the format of shared/gold/seeds.jsonl.

Recognition by exact span and by overlap; resolution as acc@161 km, acc@25 km for settlements, median and
mean error; actor (metonymy) precision/recall/F1; boilerplate leaks; and the population baseline (most
populous same-name candidate) on the same mentions, computed in the same run.
"""

from __future__ import annotations

import statistics
import time
from pathlib import Path
from typing import Any, Sequence

import orjson

from geomap.eval_ner import evaluate_ner, format_ner_report, is_ner_gold
from geomap.parsing import parse_one
from geomap.pipeline import Geoparser
from geomap.resolve import distance_km

SETTLEMENT_KINDS = frozenset({"city", "town", "village", "neighbourhood"})


def _prf(tp: int, fp: int, fn: int) -> dict[str, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4), "tp": tp, "fp": fp, "fn": fn}


def _overlaps(a: dict, b: dict) -> bool:
    return a["start"] < b["end"] and b["start"] < a["end"]


def _match(gold: Sequence[dict], pred: Sequence[dict]) -> list[tuple[dict, dict | None]]:
    """Pair each gold mention with the first unused overlapping prediction."""
    used: set[int] = set()
    pairs = []
    for g in gold:
        hit = next((i for i, p in enumerate(pred) if i not in used and _overlaps(g, p)), None)
        if hit is not None:
            used.add(hit)
        pairs.append((g, pred[hit] if hit is not None else None))
    return pairs


def _distances(pairs, key_lat="lat", key_lon="lon") -> list[tuple[dict, float | None]]:
    out = []
    for g, p in pairs:
        if p is None or p.get(key_lat) is None:
            out.append((g, None))
        else:
            out.append((g, distance_km(g["lat"], g["lon"], p[key_lat], p[key_lon])))
    return out


def _resolution_scores(dists: Sequence[tuple[dict, float | None]]) -> dict[str, Any]:
    known = [d for _, d in dists if d is not None]
    settlements = [(g, d) for g, d in dists if g["kind"] in SETTLEMENT_KINDS]
    return {
        "mentions": len(dists),
        "resolved": len(known),
        "acc@161": round(sum(1 for _, d in dists if d is not None and d <= 161) / len(dists), 4) if dists else 0.0,
        "acc@25_settlements": round(
            sum(1 for _, d in settlements if d is not None and d <= 25) / len(settlements), 4
        ) if settlements else 0.0,
        "median_km": round(statistics.median(known), 2) if known else None,
        "mean_km": round(statistics.fmean(known), 2) if known else None,
    }


def evaluate(geoparser: Geoparser, gold_path: Path, seeds: Path) -> dict[str, Any]:
    """Run parse over every gold file and score it; returns a JSON-able report."""
    from geomap.resolve import population_baseline

    records = [orjson.loads(line) for line in gold_path.read_text(encoding="utf-8").splitlines() if line.strip()]
    if records and is_ner_gold(records[0]):
        return evaluate_ner(geoparser, records)
    exact = [0, 0, 0]
    overlap = [0, 0, 0]
    actor = [0, 0, 0]
    leaks: list[dict] = []
    ours: list[tuple[dict, float | None]] = []
    baseline: list[tuple[dict, float | None]] = []
    errors: list[str] = []
    words = 0
    started = time.perf_counter()
    for rec in records:
        text = (seeds / rec["file"]).read_text(encoding="utf-8")
        words += len(text.split())
        pred = parse_one(geoparser, rec["file"], text)
        gold = rec["toponyms"]
        gold_spans = {(g["start"], g["end"]) for g in gold}
        pred_spans = {(p["start"], p["end"]) for p in pred}
        tp = len(gold_spans & pred_spans)
        exact[0] += tp
        exact[1] += len(pred_spans) - tp
        exact[2] += len(gold_spans) - tp
        pairs = _match(gold, pred)
        matched_pred = {id(p) for _, p in pairs if p is not None}
        overlap[0] += sum(1 for _, p in pairs if p is not None)
        overlap[2] += sum(1 for _, p in pairs if p is None)
        for p in pred:
            if id(p) in matched_pred:
                continue
            spans = rec.get("boilerplate_spans", [])
            if any(b["start"] < p["end"] and p["start"] < b["end"] for b in spans):
                leaks.append({"file": rec["file"], "surface": p["surface"], "start": p["start"]})
            else:
                overlap[1] += 1
                errors.append(f"{rec['file']}: false positive {p['surface']!r} at {p['start']}")
        for g, p in pairs:
            is_actor = p is not None and p["role"] == "actor"
            actor[0] += int(is_actor and g["metonymy"])
            actor[1] += int(is_actor and not g["metonymy"])
            actor[2] += int(not is_actor and g["metonymy"])
            if p is None:
                errors.append(f"{rec['file']}: missed {g['surface']!r} at {g['start']}")
            elif p["role"] == "actor" and not g["metonymy"]:
                errors.append(f"{rec['file']}: {g['surface']!r} at {g['start']} called actor, gold location")
            elif p["role"] != "actor" and g["metonymy"]:
                errors.append(f"{rec['file']}: {g['surface']!r} at {g['start']} called location, gold actor")
        dists = _distances(pairs)
        ours.extend(dists)
        for g, d in dists:
            if d is not None and d > 25:
                errors.append(f"{rec['file']}: {g['surface']!r} resolved {d:.0f} km from gold")
        for g, p in pairs:
            base = population_baseline(p["surface"], geoparser.gazetteer) if p else None
            baseline.append((g, distance_km(g["lat"], g["lon"], base.lat, base.lon) if base else None))
    elapsed = time.perf_counter() - started
    return {
        "files": len(records),
        "recognizer": geoparser.recognizer.describe(),
        "recognition_exact": _prf(*exact),
        "recognition_overlap": _prf(*overlap),
        "resolution": _resolution_scores(ours),
        "population_baseline": _resolution_scores(baseline),
        "actor": _prf(*actor),
        "boilerplate_leaks": len(leaks),
        "leaks": leaks,
        "words": words,
        "seconds": round(elapsed, 3),
        "words_per_second": round(words / elapsed) if elapsed else None,
        "errors": errors,
    }


def format_report(report: dict[str, Any]) -> str:
    """A plain-text table of the scores, then the remaining errors."""
    if report.get("kind") == "ner":
        return format_ner_report(report)
    ex, ov, ac = report["recognition_exact"], report["recognition_overlap"], report["actor"]
    ours, base = report["resolution"], report["population_baseline"]
    lines = [
        f"recognizer: {report['recognizer']}",
        f"files: {report['files']}  words: {report['words']}  parse: {report['seconds']}s "
        f"({report['words_per_second']} words/s)",
        "",
        f"{'metric':<28}{'geomap':>12}{'population baseline':>22}",
        f"{'recognition P/R/F1 exact':<28}{ex['precision']:.3f}/{ex['recall']:.3f}/{ex['f1']:.3f}",
        f"{'recognition P/R/F1 overlap':<28}{ov['precision']:.3f}/{ov['recall']:.3f}/{ov['f1']:.3f}",
        f"{'acc@161km':<28}{ours['acc@161']:>12.3f}{base['acc@161']:>22.3f}",
        f"{'acc@25km settlements':<28}{ours['acc@25_settlements']:>12.3f}{base['acc@25_settlements']:>22.3f}",
        f"{'median error km':<28}{_num(ours['median_km']):>12}{_num(base['median_km']):>22}",
        f"{'mean error km':<28}{_num(ours['mean_km']):>12}{_num(base['mean_km']):>22}",
        f"{'actor P/R/F1':<28}{ac['precision']:.3f}/{ac['recall']:.3f}/{ac['f1']:.3f}",
        f"{'boilerplate leaks':<28}{report['boilerplate_leaks']:>12}",
        "",
        f"remaining errors ({len(report['errors'])}):",
        *(f"  {e}" for e in report["errors"]),
    ]
    return "\n".join(lines)


def _num(value: float | None) -> str:
    return "-" if value is None else f"{value:.1f}"
