"""Country areas for the map: /api/areas.geojson?countries=SY,IQ (polygons to shade country-level places)."""

from __future__ import annotations

from flask import Blueprint, Response, request

from geomap.areas import PARAMETER, load_areas, parse_country_codes
from geomap.geojson import MEDIA_TYPE

bp = Blueprint("areas", __name__)

# The polygons change only with a release; after a week a client revalidates with the ETag (a 304 when unchanged).
CACHE_CONTROL = "public, max-age=604800"


@bp.get("/api/areas.geojson")
def areas_geojson() -> Response:
    """The asked countries' polygons as an RFC 7946 FeatureCollection; unknown codes are left out, none asked: empty."""
    codes = parse_country_codes(request.args.getlist(PARAMETER))
    areas = load_areas()
    etag = areas.etag(codes)
    headers = {"Cache-Control": CACHE_CONTROL}
    if request.if_none_match.contains_weak(etag):
        response = Response(status=304, headers=headers)
    else:
        response = Response(areas.collection(codes), mimetype=MEDIA_TYPE, headers=headers)
    response.set_etag(etag)
    return response
