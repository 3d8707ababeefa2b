"""Ingestion throughput (words/second) against a bare spaCy pass over the same texts, in the same run.

    python benchmarks/ingest_throughput.py [--repeat N] [--out benchmarks/ingest_throughput.txt]

The corpus is the bundled seeds, each copied N times with a unique suffix (so identity-by-content does not skip
them). Baseline: `spacy.blank("de")` + sentencizer (or the installed model) run with nlp.pipe over the texts.
geomap: read + clean + recognise + resolve + date + type + store in SQLite, one transaction per article.
Both are timed in this process, alternately, and reported as a ratio (machines here are noisy).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def corpus(repeat: int) -> list[tuple[str, str]]:
    seeds = sorted((ROOT / "seeds").glob("*.txt"))
    return [(f"{p.stem}-{i}.txt", p.read_text(encoding="utf-8") + f"\n\n(Kopie {i})") for i in range(repeat) for p in seeds]


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=40)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--out", default=None)
    args = parser.parse_args()

    import spacy

    from geomap.articles import parse_article
    from geomap.config import load_settings
    from geomap.pipeline import build_geoparser
    from geomap.store import Store

    settings = load_settings({"geocoder": "off"})
    started = time.perf_counter()
    geoparser = build_geoparser(settings)
    build_seconds = time.perf_counter() - started
    baseline_nlp = spacy.blank("de")
    baseline_nlp.add_pipe("sentencizer")

    texts = corpus(args.repeat)
    words = sum(len(t.split()) for _, t in texts)
    base_times, geomap_times = [], []
    for _ in range(args.rounds):
        t0 = time.perf_counter()
        for _doc in baseline_nlp.pipe((t for _, t in texts), batch_size=32):
            pass
        base_times.append(time.perf_counter() - t0)
        with tempfile.TemporaryDirectory() as tmp:
            store = Store(Path(tmp) / "bench.sqlite3")
            t0 = time.perf_counter()
            for name, text in texts:
                article = parse_article(text, name)
                parsed = geoparser.parse_article(article)
                store.save_article(article, parsed.events, parsed.unresolved, geoparser.recognizer.name)
            geomap_times.append(time.perf_counter() - t0)
            events = store.stats().events
            store.close()
    base, ours = statistics.median(base_times), statistics.median(geomap_times)
    lines = [
        f"recognizer: {geoparser.recognizer.describe()}",
        f"pipeline + gazetteer build: {build_seconds:.2f} s",
        f"corpus: {len(texts)} articles, {words} words ({args.rounds} rounds, median)",
        f"bare spaCy pass (blank de + sentencizer): {base:.3f} s = {words / base:,.0f} words/s",
        f"geomap ingest (clean, recognise, resolve, date, store): {ours:.3f} s = {words / ours:,.0f} words/s",
        f"ratio geomap/bare: {base / ours:.3f} of the bare pass speed ({ours / base:.1f}x its time)",
        f"events stored per run: {events}",
    ]
    report = "\n".join(lines)
    print(report)
    if args.out:
        Path(args.out).write_text(report + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
