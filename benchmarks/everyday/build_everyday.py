#!/usr/bin/env python3
"""Builds the everyday held-out set: articles/*.txt and everyday.jsonl (gold toponyms + metonymy).

Everyday German news (local, Austria, Switzerland, sports, weather/disasters, islands and waters, ranges,
historic names, Ukraine, Gaza/Lebanon, Sudan, Sahel). Written before any rule was tuned on it; see README.md.
DO NOT TUNE ON IT.

Modelled on benchmarks/heldout/build_heldout.py and shared/gold/build_gold.py: every mention is a context
string with the surface in [brackets]; the context must occur exactly once in the article text, so offsets
are derived mechanically and cannot drift. The article texts live in texts_de.py / texts_world.py and the
place table in places.py; this script writes both the .txt files and the JSONL.
Output schema = shared/gold/seeds.jsonl (event_dates: [] -- dates are not annotated here).
Run:       python3 benchmarks/everyday/build_everyday.py
Validate:  python3 /work/shared/gold/check_gold.py benchmarks/everyday/everyday.jsonl benchmarks/everyday/articles
"""
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from places import P  # noqa: E402
import texts_de  # noqa: E402
import texts_world  # noqa: E402

SRC = os.path.join(HERE, "articles")
OUT = os.path.join(HERE, "everyday.jsonl")


def article_text(a):
    """The file text: optional 'date …' line, optional headline line + blank line, body, final newline."""
    head = f"date {a['date']}\n" if a["date"] else ""
    if a["title"]:
        head += a["title"] + "\n\n"
    return head + a["body"] + "\n"


def locate(text, ctx):
    """ctx contains the surface in [brackets]; it must occur exactly once in text."""
    left, rest = ctx.split("[", 1)
    surface, right = rest.split("]", 1)
    needle = left + surface + right
    hits = [m.start() for m in re.finditer(re.escape(needle), text)]
    if len(hits) != 1:
        raise SystemExit(f"context {needle!r} found {len(hits)} times")
    start = hits[0] + len(left)
    end = start + len(surface)
    if text[start:end] != surface:
        raise SystemExit(f"offset check failed for {ctx!r}")
    return start, end, surface


def mention(text, title_end, row):
    ctx, key = row[0], row[1]
    meto = row[2] if len(row) > 2 else False
    note = row[3] if len(row) > 3 else None
    s, e, surf = locate(text, ctx)
    name, kind, lat, lon, cc, _ = P[key]
    zone = "title" if s < title_end else "body"
    m = {"start": s, "end": e, "surface": surf, "name": name, "kind": kind,
         "lat": lat, "lon": lon, "country": cc, "metonymy": meto, "zone": zone}
    if note:
        m["note"] = note
    return m


def build_record(fn, a):
    text = article_text(a)
    title_end = -1
    if a["title"]:
        title_end = text.index(a["title"]) + len(a["title"])
    tops = sorted((mention(text, title_end, r) for r in a["toponyms"]), key=lambda m: m["start"])
    for x, y in zip(tops, tops[1:]):
        if y["start"] < x["end"]:
            raise SystemExit(f"{fn}: overlapping mentions {x['surface']!r} / {y['surface']!r}")
    used = {}
    for m in tops:
        for v in P.values():
            if v[0] == m["name"] and v[5]:
                used[v[0]] = v[5]
    record = {
        "file": fn, "date": a["date"][:7] if a["date"] else None, "title": a["title"],
        "toponyms": tops, "boilerplate_mentions": [],
        "event_dates": [],  # dates are not annotated in this set
        "boilerplate_spans": [],
        "notes": a["notes"] + [f"place note - {k}: {v}" for k, v in sorted(used.items())],
    }
    return text, record


def main():
    names = [v[0] for v in P.values()]
    dup = {n for n in names if names.count(n) > 1}
    if dup:
        raise SystemExit(f"duplicate place names in P: {sorted(dup)}")
    art = {**texts_de.ART, **texts_world.ART}
    if len(art) != len(texts_de.ART) + len(texts_world.ART):
        raise SystemExit("the same file name is used in both text modules")
    os.makedirs(SRC, exist_ok=True)
    rows = []
    for fn in sorted(art):
        text, record = build_record(fn, art[fn])
        with open(os.path.join(SRC, fn), "w", encoding="utf-8") as f:
            f.write(text)
        rows.append(record)
    with open(OUT, "w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    n = sum(len(r["toponyms"]) for r in rows)
    print(f"wrote {len(rows)} articles, {n} toponyms -> {OUT}")


if __name__ == "__main__":
    main()
