"""Link previews for the map and the embed: og:title, og:description, og:image (/map.png of the same view)."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlencode

from flask import request, url_for
from werkzeug.urls import iri_to_uri

from geomap.filters import EventFilter
from geomap.periods import period_label
from geomap.web.image import DEFAULT_HEIGHT, DEFAULT_WIDTH

SITE_TITLE = "geomap – Ereigniskarte"


@dataclass(frozen=True)
class Preview:
    """What a link preview shows: title, description, a picture of the view and its size, the page URL."""

    title: str
    description: str
    image: str
    width: int
    height: int
    url: str


def preview(flt: EventFilter, title: str = "", description: str = "") -> Preview:
    """The preview of the request's view; `title` and `description` as the embed's author set them."""
    period = period_label(flt)
    image_query = flt.query_items() + ([("title", title)] if title else [])
    return Preview(
        title=title or SITE_TITLE,
        description=description or f"Orte, die deutschsprachige Nachrichten nennen – {period}.",
        image=url_for("image.map_png", _external=True) + ("?" + urlencode(image_query) if image_query else ""),
        width=DEFAULT_WIDTH,
        height=DEFAULT_HEIGHT,
        url=iri_to_uri(request.url),  # ASCII: the request's IRI percent-encoded again
    )
