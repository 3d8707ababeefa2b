"""Article pages in several publishers' layouts, written for the input tests and benchmarks/inputs: the same
article text wrapped in navigation, cookie banners, share widgets, teasers ("Mehr zum Thema"), paywall boxes,
comments and footers with the publisher's address. The furniture names places the articles never do, so a leak
shows up as an event."""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

# Places only the page furniture names (teasers, footers, widgets): no article may yield an event there.
FURNITURE_PLACES = ("Hamburg", "Köln", "Leipzig", "Dresden", "Stuttgart", "München", "Bremen", "Hannover")
# Phrases only the furniture contains: none may survive extraction.
FURNITURE_MARKERS = (
    "Wir verwenden Cookies", "Alle akzeptieren", "Mehr zum Thema", "Hafengeburtstag", "Hafenstraße 5",
    "Newsletter abonnieren", "Das könnte Sie auch interessieren", "Domplatz 2", "Jetzt weiterlesen mit Kurier+",
    "Kommentare (12)", "Straßenbahnnetz", "Neueste Beiträge", "Weinfest", "Startseite", "Alle Rechte vorbehalten",
    "Stadtwerke", "Impressum", "Messe Hannover", "Tabellenführung", "Karneval",
)


@dataclass(frozen=True)
class Story:
    slug: str
    title: str
    date: str  # YYYY-MM-DD
    paragraphs: tuple[str, ...]
    author: str = "Erika Muster"

    @property
    def text(self) -> str:
        """The text as an article file: date header, title, paragraphs."""
        return f"date {self.date}\n{self.title}\n\n" + "\n\n".join(self.paragraphs) + "\n"


def _paras(story: Story, tag: str = "p", cls: str = "") -> str:
    attr = f' class="{cls}"' if cls else ""
    return "\n".join(f"<{tag}{attr}>{escape(p)}</{tag}>" for p in story.paragraphs)


def tagesblatt(story: Story, base: str) -> str:
    url = f"{base}/politik/{story.slug}.html"
    return f"""<!DOCTYPE html><html lang="de"><head><meta charset="utf-8">
<title>{escape(story.title)} | Tagesblatt</title>
<meta property="og:title" content="{escape(story.title)}"><meta property="og:site_name" content="Tagesblatt">
<meta property="og:type" content="article"><meta name="author" content="{escape(story.author)}">
<meta property="article:published_time" content="{story.date}T09:30:00+02:00">
<link rel="canonical" href="{url}"></head><body>
<div class="cookie-banner" role="dialog"><p>Wir verwenden Cookies, um Ihnen das beste Erlebnis zu bieten.</p>
<button>Alle akzeptieren</button><button>Einstellungen</button></div>
<header><a href="/">Startseite</a><nav><ul><li><a href="/politik">Politik</a></li><li><a href="/wirtschaft">Wirtschaft</a></li>
<li><a href="/sport">Sport</a></li><li><a href="/kultur">Kultur</a></li></ul></nav></header>
<main><article><h1>{escape(story.title)}</h1><p class="byline">Von {escape(story.author)} · <time datetime="{story.date}">{story.date}</time></p>
<figure><img src="/img/1.jpg" alt=""><figcaption>Symbolbild. Foto: dpa</figcaption></figure>
{_paras(story)}
</article>
<aside class="related"><h2>Mehr zum Thema</h2><ul>
<li><a href="/a">Hamburg feiert den Hafengeburtstag mit einer Million Besuchern</a></li>
<li><a href="/b">In München steigen die Mieten weiter</a></li></ul></aside></main>
<footer><p>Tagesblatt Verlag GmbH, Hafenstraße 5, 20095 Hamburg</p><a href="/impressum">Impressum</a>
<a href="/datenschutz">Datenschutz</a><p>© 2016 Tagesblatt. Alle Rechte vorbehalten.</p></footer></body></html>"""


def rundschau(story: Story, base: str) -> str:
    url = f"{base}/nachrichten/{story.slug}"
    return f"""<!DOCTYPE html><html lang="de"><head><meta charset="utf-8"><title>{escape(story.title)} - Rundschau</title>
<script type="application/ld+json">{{"@context": "https://schema.org", "@type": "NewsArticle",
"headline": "{escape(story.title)}", "datePublished": "{story.date}T07:15:00+01:00",
"author": {{"@type": "Person", "name": "{escape(story.author)}"}},
"publisher": {{"@type": "Organization", "name": "Kölner Rundschau"}}, "mainEntityOfPage": "{url}"}}</script>
<meta property="og:site_name" content="Kölner Rundschau"><link rel="canonical" href="{url}"></head><body>
<div id="top"><div class="menu"><a href="/">Startseite</a> | <a href="/koeln">Köln</a> | <a href="/region">Region</a></div></div>
<div class="share"><a href="#">Teilen</a> <a href="#">Facebook</a> <a href="#">WhatsApp</a></div>
<div class="story"><div class="headline"><h1>{escape(story.title)}</h1></div>
<div class="story-body">{_paras(story)}</div></div>
<div class="newsletter"><p>Jetzt Newsletter abonnieren und nichts verpassen!</p><input type="email"></div>
<div class="teasers"><h3>Das könnte Sie auch interessieren</h3>
<div class="teaser"><a href="/x">Karneval in Köln: Die Züge in diesem Jahr</a></div>
<div class="teaser"><a href="/y">Leipzig baut das Straßenbahnnetz aus</a></div></div>
<div class="footer">Kölner Rundschau Medien, Domplatz 2, 50667 Köln · <a href="/impressum">Impressum</a></div></body></html>"""


def kurier(story: Story, base: str) -> str:
    url = f"{base}/{story.date[:4]}/{story.slug}/"
    lead, *rest = story.paragraphs
    body = "\n".join(f"<p>{escape(p)}</p>" for p in rest)
    return f"""<!doctype html><html lang="de"><head><meta charset="utf-8"><title>{escape(story.title)}</title>
<meta name="description" content="{escape(lead[:150])}"><meta property="og:site_name" content="Sächsischer Kurier">
<meta name="date" content="{story.date}"><meta name="author" content="{escape(story.author)}">
<link rel="canonical" href="{url}"></head><body>
<nav class="breadcrumb"><a href="/">Startseite</a> &gt; <a href="/welt">Welt</a></nav>
<main><article><header><h1>{escape(story.title)}</h1><span class="date">{story.date}</span></header>
<p class="lead"><strong>{escape(lead)}</strong></p>
<section class="content">{body}</section>
<div class="paywall"><p>Jetzt weiterlesen mit Kurier+ für 9,99 € im Monat</p></div>
</article>
<section class="comments"><h2>Kommentare (12)</h2><div class="comment"><p>Bei uns in Dresden wurde darüber
auch lange diskutiert, die Stadtwerke sollten sich schämen.</p></div></section></main>
<footer>Sächsischer Kurier, Am Markt 1, 04109 Leipzig · Impressum · Datenschutz</footer></body></html>"""


def blog(story: Story, base: str) -> str:
    url = f"{base}/?p={abs(hash(story.slug)) % 10000}"
    return f"""<!DOCTYPE html><html lang="de-DE"><head><meta charset="UTF-8"><title>{escape(story.title)} &#8211; Nahost-Blog</title>
<meta property="og:site_name" content="Nahost-Blog"><meta property="article:published_time" content="{story.date}T18:00:00+00:00">
<meta name="author" content="{escape(story.author)}"><link rel="canonical" href="{url}"></head>
<body class="post-template-default single"><div id="page" class="site">
<header id="masthead"><p class="site-title"><a href="/">Nahost-Blog</a></p><nav id="site-navigation">
<ul id="primary-menu"><li><a href="/">Startseite</a></li><li><a href="/ueber">Über uns</a></li></ul></nav></header>
<div id="content" class="site-content"><div id="primary" class="content-area"><main id="main" class="site-main">
<article class="post type-post status-publish"><header class="entry-header"><h1 class="entry-title">{escape(story.title)}</h1>
<div class="entry-meta"><span class="posted-on"><time class="entry-date published" datetime="{story.date}T18:00:00+00:00">{story.date}</time></span>
<span class="byline"> von {escape(story.author)}</span></div></header>
<div class="entry-content">{_paras(story)}</div>
<footer class="entry-footer"><span class="tags-links">Schlagwörter: Nahost, Syrien</span></footer></article>
</main></div><aside id="secondary" class="widget-area"><section class="widget"><h2 class="widget-title">Neueste Beiträge</h2>
<ul><li><a href="/1">Weinfest in Stuttgart eröffnet</a></li><li><a href="/2">Bremen gewinnt die Tabellenführung</a></li></ul></section></aside>
</div><footer id="colophon"><div class="site-info">Stolz präsentiert von WordPress · Impressum</div></footer></div></body></html>"""


def agentur(story: Story, base: str) -> str:
    url = f"{base}/meldung/{story.slug}"
    return f"""<html><head><title>{escape(story.title)}</title><meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<meta property="og:title" content="{escape(story.title)}"><meta property="og:url" content="{url}">
<meta property="og:site_name" content="Nachrichtendienst Nord"><meta name="dcterms.date" content="{story.date}">
</head><body><table width="100%"><tr><td class="nav"><a href="/">Startseite</a><br><a href="/inland">Inland</a><br>
<a href="/ausland">Ausland</a><br><a href="/hannover">Messe Hannover</a></td>
<td class="main"><div id="meldung"><h2>{escape(story.title)}</h2>
{_paras(story)}
</div></td></tr></table><div class="fuss">Nachrichtendienst Nord · Messe Hannover · Impressum</div></body></html>"""


LAYOUTS = {"tagesblatt": tagesblatt, "rundschau": rundschau, "kurier": kurier, "blog": blog, "agentur": agentur}
PUBLISHERS = {"tagesblatt": "Tagesblatt", "rundschau": "Kölner Rundschau", "kurier": "Sächsischer Kurier",
              "blog": "Nahost-Blog", "agentur": "Nachrichtendienst Nord"}


def story_from_text(slug: str, text: str) -> Story:
    """A Story from an article file's text: `date` header, title line, blank-line separated paragraphs."""
    lines = text.strip().split("\n")
    date = lines[0].split()[1] if lines[0].startswith("date ") else "2016-10-01"
    body = "\n".join(lines[1:]).strip()
    title, _, rest = body.partition("\n")
    paragraphs = tuple(" ".join(p.split()) for p in rest.split("\n\n") if p.strip())
    if len(date) == 7:
        date += "-15"
    return Story(slug, title.strip(), date, paragraphs)


ALEPPO = Story(
    "aleppo-angriffe", "Neue Luftangriffe auf Ost-Aleppo", "2016-10-19",
    ("Kampfflugzeuge haben am Mittwoch erneut Wohnviertel im Osten von Aleppo bombardiert. Nach Angaben von "
     "Aktivisten wurden mindestens zwölf Zivilisten getötet.",
     "Auch aus Idlib wurden Angriffe gemeldet. Russland wies jede Beteiligung an den Angriffen zurück.",
     "In Genf wollen Diplomaten in der kommenden Woche erneut über eine Waffenruhe verhandeln."),
)
