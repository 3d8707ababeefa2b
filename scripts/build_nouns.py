#!/usr/bin/env python3
"""Build gazetteer/german_nouns.tsv: German noun forms and what kind of noun each is (Wiktionary).

German capitalises every noun, so "is this capitalised word a proper noun" needs a lexicon. The recognizer
reads this file to tell common nouns ("Luftangriffe", "Lage") from toponyms ("Passau", "Böhmen"), first
names and surnames. Reproducible: `pip install german-nouns==1.2.5 && python scripts/build_nouns.py`.
Data: german-nouns (Wiktionary), CC BY-SA 4.0.

Each line: form<TAB>flags, flags a subset of
  N  a common noun's lemma ("Luftangriff", "Halle"), n only an inflected form of one ("Luftangriffe", "Böhmen")
  T  a toponym lemma ("Passau", "Halle")
  V  a first name ("Jordan"), S a surname ("Merkel"), E another proper name ("Abba")
"""

from __future__ import annotations

import csv
import sys
from collections import defaultdict
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "gazetteer" / "german_nouns.tsv"
PROPER = {"Toponym": "T", "Vorname": "V", "Nachname": "S", "Eigenname": "E"}
FORM_COLUMNS_SKIP = {"lemma", "pos", "genus", "genus 1", "genus 2", "genus 3", "genus 4"}


def main() -> int:
    from importlib.metadata import version
    from importlib.resources import files

    source = files("german_nouns") / "nouns.csv"
    flags: dict[str, set[str]] = defaultdict(set)
    with source.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            pos = set(row["pos"].split(","))
            proper = {PROPER[p] for p in pos if p in PROPER}
            lemma = row["lemma"].strip()
            if proper:
                if lemma[:1].isupper() and " " not in lemma:
                    flags[lemma] |= proper
                continue
            if "Substantiv" not in pos or "Abkürzung" in pos:
                continue
            if lemma[:1].isupper() and " " not in lemma:
                flags[lemma].add("N")
            for key, value in row.items():
                form = (value or "").strip()
                if key not in FORM_COLUMNS_SKIP and form != lemma and form[:1].isupper() and " " not in form \
                        and "\t" not in form:
                    flags[form].add("n")
    header = f"# german-nouns {version('german-nouns')} (Wiktionary), CC BY-SA 4.0; flags N common noun, n inflected common noun, T toponym V first name S surname E name\n"
    rows = [f"{form}\t{''.join(sorted(f - {'n'} if 'N' in f else f))}" for form, f in sorted(flags.items())]
    OUT.write_text(header + "\n".join(rows) + "\n", encoding="utf-8")
    print(f"wrote {OUT} ({len(rows)} forms)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
