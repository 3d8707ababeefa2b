"""The embeddable map (/embed, for iframes) and its oEmbed endpoint."""

from __future__ import annotations

from urllib.parse import parse_qsl, urlencode, urlsplit

from flask import Blueprint, Response, abort, jsonify, render_template, request, url_for
from markupsafe import Markup
from werkzeug.datastructures import MultiDict

from geomap.errors import FilterError
from geomap.filters import parse_filter, parse_flag, parse_view, whole_number
from geomap.web.context import current_filter, current_view, event_types
from geomap.web.mapview import map_parts

bp = Blueprint("embed", __name__)

DEFAULT_WIDTH, DEFAULT_HEIGHT = 800, 500
MIN_MAP_HEIGHT, MAX_MAP_HEIGHT, DEFAULT_MAP_HEIGHT = 150, 2000, 400
MAX_OEMBED_SIZE = 10_000  # larger maxwidth/maxheight values are clamped to this
MAP_PATHS = ("/", "/embed")
EMBED_ONLY_PARAMS = ("title", "legend", "credit", "height")


def _flag(name: str, default: bool) -> bool:
    return parse_flag(request.args.get(name), name, default)


def _map_height() -> int:
    raw = request.args.get("height", "")
    if not raw:
        return DEFAULT_MAP_HEIGHT
    return max(MIN_MAP_HEIGHT, whole_number(raw, "height", low=0, high=MAX_MAP_HEIGHT, clamp=True))


@bp.get("/embed")
def embed() -> str:
    """The map alone, for an iframe: optional title, legend and credit; posts its height to the parent."""
    flt = current_filter()
    items = flt.query_items() + current_view().query_items()
    full_map = url_for("pages.index", _external=True) + ("?" + urlencode(items) if items else "")
    return render_template(
        "embed.html",
        map=map_parts(flt),
        title=request.args.get("title", "")[:200],
        show_legend=_flag("legend", True),
        show_credit=_flag("credit", True),
        map_height=_map_height(),
        types=event_types(),
        full_map_url=full_map,
    )


def _positive(name: str) -> int | None:
    raw = request.args.get(name)
    if raw is None or raw == "":
        return None
    return whole_number(raw, name, low=1, high=MAX_OEMBED_SIZE, clamp=True)


def _embed_src(url: str) -> str:
    """The /embed URL for a map or embed URL of this app; 404 for anything else."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or parts.netloc != request.host or parts.path not in MAP_PATHS:
        abort(404, description="the URL is not a map of this site")
    query = MultiDict(parse_qsl(parts.query, keep_blank_values=True))
    try:
        args = query.to_dict(flat=False)
        flt, view = parse_filter(args, known_types=[t.id for t in event_types()]), parse_view(args)
    except FilterError:
        abort(404, description="the URL is not a valid map view")
    items = flt.query_items() + view.query_items() + [(k, v) for k in EMBED_ONLY_PARAMS for v in query.getlist(k)]
    return url_for("embed.embed", _external=True) + ("?" + urlencode(items) if items else "")


def iframe_html(src: str, width: int, height: int, title: str) -> Markup:
    """The iframe markup oEmbed consumers paste; every value escaped."""
    return Markup(
        '<iframe src="{}" width="{}" height="{}" title="{}" loading="lazy" '
        'style="border:0;max-width:100%" allowfullscreen></iframe>'
    ).format(src, width, height, title)


@bp.get("/oembed")
def oembed() -> Response:
    """oEmbed (https://oembed.com) for map and embed URLs: type rich, an iframe clamped to maxwidth/maxheight."""
    if request.args.get("format", "json") != "json":
        abort(501, description="only format=json is supported")
    url = request.args.get("url")
    if not url:
        raise FilterError("parameter 'url' is required")
    max_width, max_height = _positive("maxwidth"), _positive("maxheight")
    width = min(DEFAULT_WIDTH, max_width) if max_width else DEFAULT_WIDTH
    height = min(DEFAULT_HEIGHT, max_height) if max_height else DEFAULT_HEIGHT
    title = "geomap – Ereigniskarte"
    response = jsonify(
        {
            "type": "rich",
            "version": "1.0",
            "title": title,
            "provider_name": "geomap",
            "provider_url": url_for("pages.index", _external=True),
            "html": str(iframe_html(_embed_src(url), width, height, title)),
            "width": width,
            "height": height,
        }
    )
    # Public, read-only metadata: let consumers' pages fetch it from the browser.
    response.headers["Access-Control-Allow-Origin"] = "*"
    return response
