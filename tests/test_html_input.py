"""Article pages in: trafilatura's main text and metadata; exact offsets; page furniture yields no events;
article page URLs fetched from a loopback server (timeouts, 404, a 20 MB page)."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import replace

import orjson
import pytest
from click.testing import CliRunner

from geomap.cli import main
from geomap.html_input import extract_page
from tests.news_pages import ALEPPO, FURNITURE_MARKERS, FURNITURE_PLACES, LAYOUTS, PUBLISHERS
from tests.site_server import Route, SiteServer


def _invoke(db, *args, env=None):
    return CliRunner().invoke(main, ["--db", str(db), "--model", "none", "--geocoder", "off", *args], env=env)


@pytest.mark.parametrize("layout", sorted(LAYOUTS))
def test_extract_page_finds_text_and_metadata_in_every_layout(layout):
    page = extract_page(LAYOUTS[layout](ALEPPO, f"https://{layout}.example"), layout)
    assert all(p in page.text for p in ALEPPO.paragraphs)
    assert page.title == ALEPPO.title and page.date == ALEPPO.date
    assert page.publisher == PUBLISHERS[layout]
    assert page.url and page.url.startswith(f"https://{layout}.example/")
    leaked = [m for m in FURNITURE_MARKERS if m in page.text]
    assert leaked in ([], ["Jetzt weiterlesen mit Kurier+"])  # the paywall line: removed by geomap's cleaning


def test_extract_page_refuses_a_page_without_article_text():
    from geomap.errors import ArticleError

    with pytest.raises(ArticleError, match="no article text"):
        extract_page("<html><head><title>Leer</title></head><body><div></div></body></html>", "empty.html")


@pytest.fixture
def page_folder(tmp_path):
    folder = tmp_path / "pages"
    (folder / "sub").mkdir(parents=True)
    for number, (name, layout) in enumerate(LAYOUTS.items()):  # one text each: identity is the text
        story = replace(ALEPPO, paragraphs=(*ALEPPO.paragraphs, f"Dies ist Bericht {number} der Reihe."))
        (folder / "sub" / f"{name}.html").write_text(layout(story, f"https://{name}.example"), encoding="utf-8")
    return folder


def _articles(db):
    with sqlite3.connect(db) as conn:
        return conn.execute("SELECT id, source, title, url, publisher, raw, date_start FROM articles").fetchall()


def test_ingest_html_files_offsets_exact_and_furniture_yields_no_events(page_folder, tmp_path):
    db = tmp_path / "s.sqlite3"
    result = _invoke(db, "ingest", "--json", str(page_folder))
    report = json.loads(result.output.strip().splitlines()[-1])
    assert result.exit_code == 0 and report["new_articles"] == len(LAYOUTS), result.output
    articles = {a[0]: a for a in _articles(db)}
    assert {a[1] for a in articles.values()} == {f"sub/{n}.html" for n in LAYOUTS}  # relative, never a path
    assert {a[4] for a in articles.values()} == set(PUBLISHERS.values())
    assert {a[6] for a in articles.values()} == {ALEPPO.date}
    with sqlite3.connect(db) as conn:
        rows = conn.execute("SELECT e.article_id, p.name, e.evidence_json FROM events e JOIN places p ON p.id = e.place_id").fetchall()
    places = set()
    for article_id, place, evidence in rows:
        for ev in orjson.loads(evidence):
            raw = articles[ev.get("article_id", article_id)][5]  # evidence merged from another article names it
            assert raw[ev["mention_start"]:ev["mention_end"]] == ev["surface"]
            assert raw[ev["sent_start"]:ev["sent_end"]] == ev["sentence"]
        places.add(place)
    assert {"Aleppo", "Genf"} <= places or {"Aleppo", "Geneva"} <= places
    assert not places & set(FURNITURE_PLACES), places


@pytest.fixture
def site():
    with SiteServer() as server:
        yield server


def test_ingest_url_of_an_article_page(site, tmp_path):
    site.routes["/politik/aleppo.html"] = Route(LAYOUTS["tagesblatt"](ALEPPO, site.url("")).encode())
    db = tmp_path / "s.sqlite3"
    result = _invoke(db, "ingest", site.url("/politik/aleppo.html"))
    assert result.exit_code == 0, result.output
    (article,) = _articles(db)
    canonical = site.url("/politik/aleppo-angriffe.html")
    assert article[1] == canonical and article[3] == canonical and article[4] == "Tagesblatt"
    assert site.hits("/robots.txt") and site.hits("/politik/aleppo.html")[0].headers["user-agent"].startswith("geomap/")
    again = _invoke(db, "ingest", site.url("/politik/aleppo-angriffe.html"))  # its canonical URL: stored
    assert again.exit_code == 0 and "1 already stored" in again.output


def test_ingest_url_failures_are_reported_and_do_not_stop_the_others(site, tmp_path):
    site.routes["/ok.html"] = Route(LAYOUTS["blog"](ALEPPO, site.url("")).encode())
    site.routes["/slow.html"] = Route(b"<html></html>", delay=2.0)
    site.routes["/huge.html"] = Route(b"<p>" + b"x" * (1 << 20) + b"</p>", repeat=19)  # 20 MB
    db = tmp_path / "s.sqlite3"
    result = _invoke(db, "ingest", site.url("/missing.html"), site.url("/slow.html"), site.url("/huge.html"),
                     site.url("/ok.html"), env={"GEOMAP_FETCH_TIMEOUT": "0.5"})
    assert result.exit_code == 1, result.output
    assert "HTTP 404" in result.output and "timed out" in result.output and "too large" in result.output
    assert len(_articles(db)) == 1


def test_robots_txt_is_honoured(site, tmp_path):
    site.routes["/robots.txt"] = Route(b"User-agent: *\nDisallow: /private/\n", content_type="text/plain")
    site.routes["/private/a.html"] = Route(LAYOUTS["blog"](ALEPPO, site.url("")).encode())
    result = _invoke(tmp_path / "s.sqlite3", "ingest", site.url("/private/a.html"))
    assert result.exit_code == 1 and "robots.txt disallows" in result.output
    assert not site.hits("/private/a.html")
