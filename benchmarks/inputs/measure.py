"""Newsroom inputs, measured: 22 article pages (benchmarks/inputs/stories.py) in five publishers' layouts
(tests/news_pages.py), served on 127.0.0.1 with an RSS feed, ingested by the feed's URL; the same texts
ingested as files. Per page: share of the written words kept, furniture leaked (raw extraction and after
geomap's cleaning), date and title right, events identical to the file's.

    .venv/bin/python benchmarks/inputs/measure.py > benchmarks/inputs/results.txt
"""

from __future__ import annotations

import re
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

import orjson

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from stories import STORIES  # noqa: E402
from geomap.config import load_settings  # noqa: E402
from geomap.ingest import IngestReport, ingest_files  # noqa: E402
from geomap.pipeline import build_geoparser  # noqa: E402
from geomap.remote import ingest_urls  # noqa: E402
from geomap.fetch import Fetcher  # noqa: E402
from geomap.store import Store  # noqa: E402
from tests.news_pages import FURNITURE_MARKERS, FURNITURE_PLACES, LAYOUTS  # noqa: E402
from tests.site_server import Route, SiteServer  # noqa: E402

WORD = re.compile(r"\w+(?:[-.]\w+)*")


def words(text: str) -> Counter:
    return Counter(w.lower() for w in WORD.findall(text))


def event_keys(store: Store, article_id: str) -> set[tuple]:
    rows = store.connection.execute(
        "SELECT p.ref, e.role, e.event_type, e.date_label, e.evidence_json FROM events e JOIN places p"
        " ON p.id = e.place_id WHERE e.article_id = ?", (article_id,)).fetchall()
    return {(ref, role, kind, label, tuple(sorted((ev["surface"], " ".join(ev["sentence"].split()))
                                                  for ev in orjson.loads(evidence))))
            for ref, role, kind, label, evidence in rows}


def furniture_events(store: Store) -> int:
    marks = ",".join("?" * len(FURNITURE_PLACES))
    return store.connection.execute(
        f"SELECT count(*) FROM events e JOIN places p ON p.id = e.place_id WHERE coalesce(p.name_de, p.name) IN ({marks})"
        f" OR p.name IN ({marks})", [*FURNITURE_PLACES, *FURNITURE_PLACES]).fetchone()[0]


def main() -> None:
    settings = load_settings({"geocoder": "off"})
    geoparser = build_geoparser(settings)
    layouts = sorted(LAYOUTS)
    work = Path(tempfile.mkdtemp(prefix="geomap-inputs-"))
    site = SiteServer()
    with site:
        pages = {}
        for number, story in enumerate(STORIES):
            layout = layouts[number % len(layouts)]
            path = f"/{layout}/{story.slug}.html"
            site.routes[path] = Route(LAYOUTS[layout](story, site.url(f"/{layout}")).encode())
            pages[story.slug] = (layout, path)
        items = "".join(f"<item><title>{s.title}</title><link>{site.url(pages[s.slug][1])}</link></item>" for s in STORIES)
        site.routes["/feed.xml"] = Route(f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
                                         f"<title>Benchmark</title>{items}</channel></rss>".encode(),
                                         content_type="application/rss+xml")
        web = Store(work / "web.sqlite3")
        report = IngestReport()
        started = time.perf_counter()
        ingest_urls([site.url("/feed.xml")], web, geoparser, Fetcher(settings["user_agent"], min_delay=0), report,
                    geoparser.recognizer.name)
        web_seconds = time.perf_counter() - started
    folder = work / "files"
    folder.mkdir()
    for story in STORIES:
        (folder / f"{story.slug}.txt").write_text(story.text, encoding="utf-8")
    files = Store(work / "files.sqlite3")
    ingest_files(sorted(folder.glob("*.txt")), files, geoparser, roots=[folder])

    print(f"recognizer: {geoparser.recognizer.describe()}")
    print(f"feed: {len(STORIES)} pages, {len(layouts)} layouts ({', '.join(layouts)}); ingested by the feed URL in "
          f"{web_seconds:.1f} s: {report.new_articles} new, {report.already_stored} already stored, {len(report.errors)} errors")
    print()
    print(f"{'page':34} {'layout':10} {'kept':>6} {'extra':>6} {'leak raw':>8} {'leak kept':>9} {'date':>4} {'title':>5} {'events':>10}")
    totals = Counter()
    for story in STORIES:
        layout, path = pages[story.slug]
        row = web.connection.execute(
            "SELECT a.id, a.raw, a.title, a.date_start, a.removed_json FROM feed_items i JOIN articles a"
            " ON a.id = i.article_id WHERE i.link = ?", (site.url(path),)).fetchone()
        file_id = files.connection.execute("SELECT id FROM articles WHERE source = ?", (f"{story.slug}.txt",)).fetchone()[0]
        written = words(story.title + " " + " ".join(story.paragraphs))
        if row is None:
            print(f"{story.slug:34} {layout:10} not ingested")
            totals["missing"] += 1
            continue
        article_id, raw, title, date_start, removed_json = row
        got = words(raw)
        kept = sum((written & got).values())
        extra = sum((got - written).values())
        content = raw
        for seg in sorted(orjson.loads(removed_json), key=lambda s: -s["start"]):
            content = content[:seg["start"]] + content[seg["end"]:]
        leak_raw = sum(1 for m in FURNITURE_MARKERS if m in raw)
        leak_kept = sum(1 for m in FURNITURE_MARKERS if m in content)
        same = event_keys(web, article_id) == event_keys(files, file_id)
        n_events = len(event_keys(web, article_id))
        totals.update(written=sum(written.values()), kept=kept, extra=extra, leak_raw=leak_raw, leak_kept=leak_kept,
                      date=date_start == story.date, title=title == story.title, same=same, pages=1, events=n_events)
        print(f"{story.slug:34} {layout:10} {kept / sum(written.values()):6.1%} {extra:6d} {leak_raw:8d} {leak_kept:9d}"
              f" {'ok' if date_start == story.date else date_start!s:>4} {'ok' if title == story.title else 'WRONG':>5}"
              f" {('same ' if same else 'DIFF ') + str(n_events):>10}")
    print()
    print(f"words kept: {totals['kept']}/{totals['written']} = {totals['kept'] / max(totals['written'], 1):.2%}; "
          f"words extracted beyond the written text: {totals['extra']}")
    print(f"furniture phrases leaked ({len(FURNITURE_MARKERS)} checked per page): {totals['leak_raw']} in trafilatura's "
          f"text, {totals['leak_kept']} in the article content after geomap's cleaning")
    print(f"events at places only the furniture names ({', '.join(FURNITURE_PLACES)}): {furniture_events(web)}")
    print(f"dates right: {totals['date']}/{totals['pages']}; titles right: {totals['title']}/{totals['pages']}")
    print(f"events identical to the same text ingested as a file: {totals['same']}/{totals['pages']} pages "
          f"({totals['events']} events by URL)")


if __name__ == "__main__":
    main()
