"""The map page: a Folium map with a time filter, type legend, downloads and an embed dialog."""

from __future__ import annotations

from urllib.parse import urlencode

from flask import Blueprint, render_template, request, url_for

from geomap.filters import EventFilter
from geomap.web.context import current_filter, current_view, event_types
from geomap.web.mapview import map_parts

bp = Blueprint("pages", __name__)


@bp.get("/")
def index() -> str:
    """The full map page; its events arrive from /events.geojson after load."""
    flt = current_filter()
    oembed = url_for("embed.oembed", url=request.url, format="json", _external=True)
    return render_template(
        "map.html",
        map=map_parts(flt),
        flt=flt,
        view=current_view(),
        args=request.args,
        types=event_types(),
        selected_types=set(flt.types),
        oembed_url=oembed,
        downloads=download_links(flt),
    )


def download_links(flt: EventFilter) -> dict[str, str]:
    """One-click downloads of the current view (the page's script keeps them in step with the filter)."""
    query = urlencode(flt.query_items() + [("download", "1")])
    return {
        "geojson": f"{url_for('api.events_geojson')}?{query}",
        "csv": f"{url_for('downloads.events_csv')}?{query}",
    }
