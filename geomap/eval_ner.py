"""Score place recognition on sentence-level NER gold (GermEval 2014 style: {id, text, entities, locs}).

Only recognition is scored (exact character spans of LOC mentions, no coordinates). False positives are
broken down by what the gold says the span is (a PER, ORG or OTH name, or nothing), so that a rule can be
judged by the class of error it fixes or causes.
"""

from __future__ import annotations

import time
from collections import Counter
from typing import Any, Sequence

from geomap.nlp import extract_from_text
from geomap.pipeline import Geoparser


def is_ner_gold(record: dict[str, Any]) -> bool:
    """Whether a gold record is sentence-level NER (has `locs`) rather than a geoparsing article."""
    return "locs" in record and "text" in record


def _prf(tp: int, fp: int, fn: int) -> dict[str, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4), "tp": tp, "fp": fp, "fn": fn}


def _gold_label(entities: Sequence[dict], start: int, end: int) -> str:
    """What the gold calls the predicted span: the label of an overlapping entity, or "none"."""
    for ent in entities:
        if ent["start"] < end and start < ent["end"]:
            return ent["label"]
    return "none"


def evaluate_ner(geoparser: Geoparser, records: Sequence[dict[str, Any]]) -> dict[str, Any]:
    """Exact-span LOC precision/recall/F1 over the records, with false positives by gold label."""
    tp = fp = fn = 0
    fp_labels: Counter = Counter()
    errors: list[str] = []
    words = 0
    started = time.perf_counter()
    for rec in records:
        text = rec["text"]
        words += len(text.split())
        gold = {(loc["start"], loc["end"]) for loc in rec["locs"]}
        pred = {(m.start, m.end) for m in extract_from_text(geoparser.recognizer, text)}
        tp += len(gold & pred)
        for start, end in sorted(pred - gold):
            fp += 1
            label = _gold_label(rec.get("entities", ()), start, end)
            fp_labels[label] += 1
            errors.append(f"{rec['id']}: false positive {text[start:end]!r} (gold: {label})")
        for start, end in sorted(gold - pred):
            fn += 1
            errors.append(f"{rec['id']}: missed {text[start:end]!r}")
    elapsed = time.perf_counter() - started
    return {
        "kind": "ner",
        "sentences": len(records),
        "recognizer": geoparser.recognizer.describe(),
        "loc": _prf(tp, fp, fn),
        "false_positives_by_gold_label": dict(fp_labels.most_common()),
        "words": words,
        "seconds": round(elapsed, 3),
        "words_per_second": round(words / elapsed) if elapsed else None,
        "errors": errors,
    }


def format_ner_report(report: dict[str, Any]) -> str:
    """A plain-text summary of an NER evaluation, then every error."""
    loc = report["loc"]
    by_label = ", ".join(f"{label} {n}" for label, n in report["false_positives_by_gold_label"].items())
    lines = [
        f"recognizer: {report['recognizer']}",
        f"sentences: {report['sentences']}  words: {report['words']}  parse: {report['seconds']}s "
        f"({report['words_per_second']} words/s)",
        "",
        f"LOC exact span P/R/F1: {loc['precision']:.3f}/{loc['recall']:.3f}/{loc['f1']:.3f} "
        f"(tp {loc['tp']}, fp {loc['fp']}, fn {loc['fn']})",
        f"false positives by gold label: {by_label or '-'}",
        "",
        f"errors ({len(report['errors'])}):",
        *(f"  {e}" for e in report["errors"]),
    ]
    return "\n".join(lines)
