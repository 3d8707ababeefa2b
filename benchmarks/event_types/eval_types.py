"""Event-type accuracy of `geomap.event_types.classify` on a labelled set of German sentences.

Run from the repository root: ``python benchmarks/event_types/eval_types.py [--set FILE] [--out FILE]``.
The set is JSON lines with the sentence (``sentence`` or ``text``) and its type id (``type``, ``label`` or
``event_type``). Prints accuracy, per-type precision/recall, the confusion table (rows: gold, columns:
predicted) and the sentences classified wrongly, and writes them to ``--out`` (default ``eval.txt`` here).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent))

from geomap.event_types import EVENT_TYPES, classify  # noqa: E402

IDS = [tid for tid, _, _ in EVENT_TYPES]
SHORT = {"battles": "bat", "explosions_remote_violence": "exp", "violence_against_civilians": "vac", "protests": "pro",
         "riots": "rio", "strategic_developments": "str", "disasters": "dis", "humanitarian": "hum", "other": "oth"}


def load(path: Path) -> list[tuple[str, str]]:
    rows = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        record = json.loads(line)
        sentence = record.get("sentence") or record.get("text")
        label = record.get("type") or record.get("label") or record.get("event_type")
        if not sentence or label not in IDS:
            raise SystemExit(f"{path}:{number}: needs a sentence and one of {IDS}, got {record!r}")
        rows.append((sentence, label))
    return rows


def report(rows: list[tuple[str, str]], name: str) -> list[str]:
    pairs = [(gold, classify(sentence)[0], sentence) for sentence, gold in rows]
    right = sum(gold == pred for gold, pred, _ in pairs)
    confusion = Counter((gold, pred) for gold, pred, _ in pairs)
    lines = [f"event types on {name}: {len(rows)} sentences",
             f"accuracy: {right}/{len(rows)} = {right / len(rows):.3f}", "",
             "type                         gold  pred  right  precision  recall"]
    for tid in IDS:
        gold_n = sum(1 for g, _, _ in pairs if g == tid)
        pred_n = sum(1 for _, p, _ in pairs if p == tid)
        hit = confusion[(tid, tid)]
        prec = f"{hit / pred_n:.2f}" if pred_n else "-"
        rec = f"{hit / gold_n:.2f}" if gold_n else "-"
        lines.append(f"{tid:28} {gold_n:5} {pred_n:5} {hit:6} {prec:>10} {rec:>7}")
    lines += ["", "confusion (rows: gold, columns: predicted)", "      " + " ".join(f"{SHORT[t]:>4}" for t in IDS)]
    for gold in IDS:
        lines.append(f"{SHORT[gold]:>4}  " + " ".join(f"{confusion[(gold, pred)] or '.':>4}" for pred in IDS))
    lines += ["", "wrong:"]
    lines += [f"  {gold} -> {pred}: {sentence}" for gold, pred, sentence in pairs if gold != pred]
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--set", type=Path, default=HERE / "labelled.jsonl")
    parser.add_argument("--out", type=Path, default=HERE / "eval.txt")
    args = parser.parse_args()
    lines = report(load(args.set), args.set.name)
    print("\n".join(lines))
    args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
