#!/usr/bin/env python3
"""Build gazetteer/german_words.tsv: everyday German words with their Zipf frequency (wordfreq).

The recognizer uses it to tell place names from common nouns ("Lage", "Ende") without loading wordfreq's
full tables at start-up (0.7 s). Reproducible: `python scripts/build_wordlist.py` (needs `pip install wordfreq`).
Data: wordfreq (Robyn Speer), CC BY-SA 4.0.
"""

from __future__ import annotations

import sys
from pathlib import Path

MIN_ZIPF = 2.5
OUT = Path(__file__).resolve().parent.parent / "gazetteer" / "german_words.tsv"


def main() -> int:
    from importlib.metadata import version

    from wordfreq import top_n_list, zipf_frequency

    rows = []
    for word in top_n_list("de", 200_000):
        zipf = zipf_frequency(word, "de")
        if zipf < MIN_ZIPF:
            break
        if any(ch.isalpha() for ch in word) and "\t" not in word:
            rows.append(f"{word}\t{zipf:.2f}")
    header = f"# wordfreq {version('wordfreq')} German, zipf >= {MIN_ZIPF}; CC BY-SA 4.0\n"
    OUT.write_text(header + "\n".join(rows) + "\n", encoding="utf-8")
    print(f"wrote {OUT} ({len(rows)} words)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
