"""The map page: a Folium map with a time filter, type legend, downloads and an embed dialog."""

from __future__ import annotations

from urllib.parse import urlencode

from flask import Blueprint, render_template, request, url_for

from geomap.filters import EventFilter
from geomap.web.context import current_filter, current_view, event_types
from geomap.web.mapview import map_parts
from geomap.web.social import preview

bp = Blueprint("pages", __name__)

PICTURE_SIZE = (("width", "1600"), ("height", "1000"))  # "Bild herunterladen": print size


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
        preview=preview(flt),
    )


def download_links(flt: EventFilter) -> dict[str, str]:
    """One-click downloads of the current view (the page's script keeps them in step with the filter)."""
    items = flt.query_items() + [("download", "1")]
    query = urlencode(items)
    return {
        "geojson": f"{url_for('api.events_geojson')}?{query}",
        "csv": f"{url_for('downloads.events_csv')}?{query}",
        "excel": f"{url_for('downloads.events_csv')}?{urlencode(items + [('dialect', 'excel')])}",
        "gpkg": f"{url_for('downloads.events_gpkg')}?{query}",
        "png": f"{url_for('image.map_png')}?{urlencode(items + list(PICTURE_SIZE))}",
    }
