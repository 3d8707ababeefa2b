"""Which time windows show the seeds' events: none may appear in a window after the articles' dates (2016-12).

Run from the repository root: ``python benchmarks/seeds_time.py [--store PATH]``. Ingests ``seeds/`` into a
temporary store (rule-based recognizer, geocoder off) unless a store is given, then prints, per window, the
places and events the map would show and the histogram bar of that month, and writes ``seeds_time.txt``.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from geomap.filters import parse_filter  # noqa: E402
from geomap.store import Store  # noqa: E402

WINDOWS = (("2016-10", "2016-10"), ("2016-12", "2016-12"), ("2017-01", "2017-01"), ("2019-03", "2019-03"),
           ("2024-06", "2024-06"), ("2017-01", "9999-12"))


def ingest_seeds(path: Path) -> None:
    from geomap.config import load_settings
    from geomap.ingest import article_files, ingest_files
    from geomap.pipeline import build_geoparser

    settings = {**load_settings(), "geocoder": "off"}
    files, _ = article_files([ROOT / "seeds"])
    with Store(path) as store:
        ingest_files(files, store, build_geoparser(settings, store))


def report(store: Store) -> list[str]:
    histogram = store.month_counts(parse_filter({}))
    lines = ["window             places events histogram-bar"]
    for start, end in WINDOWS:
        flt = parse_filter({"from": [start], "to": [end]})
        places = store.place_summaries(flt)
        bar = histogram.get(start, 0) if start == end else "-"
        lines.append(f"{start}..{end:8} {len(places):6} {sum(p.event_count for p in places):6} {bar!s:>13}")
    last = store._conn.execute("SELECT max(date_end), sum(dated = 1 AND date_end IS NULL) FROM events").fetchone()
    lines.append(f"latest event end: {last[0]}; open-ended dated events: {last[1] or 0}")
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--store", type=Path, help="an existing store (default: ingest seeds/ into a temporary one)")
    parser.add_argument("--no-write", action="store_true", help="print only")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = args.store or Path(tmp) / "seeds.sqlite3"
        if args.store is None:
            os.environ.setdefault("GEOMAP_SKIP_MODEL", "1")
            ingest_seeds(path)
        with Store(path) as store:
            lines = report(store)
    print("\n".join(lines))
    if not args.no_write:
        Path(__file__).with_suffix(".txt").write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
