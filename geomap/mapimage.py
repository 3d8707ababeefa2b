"""A static picture of a map view (print pages, link previews): offline basemap tiles, shaded countries and
place markers drawn with Pillow, in Web Mercator like the interactive map.

The view fits the places (and the shaded countries) at the largest basemap zoom (0-6) that holds them; markers
are sized and coloured as on the map (colour of the place's main type, size by mentions). Never spaCy, never
another host: the tiles come from the offline basemap.
"""

from __future__ import annotations

import io
import math
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable, Mapping, Sequence

from PIL import Image, ImageDraw, ImageFont

from geomap.basemap import MAX_ZOOM, TILE_SIZE, Basemap
from geomap.store import PlaceSummary

SEA = (170, 211, 223)  # OpenStreetMap's water colour, for tiles the basemap lacks
PADDING = 24  # pixels kept free around the fitted places
SUPERSAMPLE = 2  # the overlay is drawn this much larger, then scaled down: smooth edges
MAX_LAT = 85.05112878  # Web Mercator's edge
CREDIT = "© OpenStreetMap-Mitwirkende · Orte: GeoNames · geomap"
FALLBACK_COLOUR = "#7f7f7f"


@dataclass(frozen=True)
class Area:
    """A shaded country: its rings (lists of (lon, lat)), colour and fill opacity."""

    rings: tuple[tuple[tuple[float, float], ...], ...]
    colour: str
    opacity: float


def world_xy(lat: float, lon: float, zoom: int) -> tuple[float, float]:
    """Web Mercator pixel coordinates of a point at `zoom` (256 px tiles; y grows southwards)."""
    lat = max(-MAX_LAT, min(MAX_LAT, lat))
    scale = TILE_SIZE * 2**zoom
    sin = math.sin(math.radians(lat))
    return (lon + 180.0) / 360.0 * scale, (0.5 - math.log((1 + sin) / (1 - sin)) / (4 * math.pi)) * scale


def marker_size(mentions: int) -> int:
    """Marker diameter in pixels by mentions: the same formula as static/geomap-map.js."""
    return min(44, round(16 + 6 * math.sqrt(max(1, mentions) - 1)))


def area_opacity(mentions: int) -> float:
    """Fill opacity of a shaded country by mentions: the same formula as static/geomap-map.js."""
    return 0.12 + 0.28 * min(1.0, math.log(1 + mentions) / math.log(1000))


def rings_of(geometry: Mapping) -> tuple[tuple[tuple[float, float], ...], ...]:
    """The outer rings of a GeoJSON Polygon or MultiPolygon, as (lon, lat) tuples."""
    polygons = [geometry["coordinates"]] if geometry["type"] == "Polygon" else geometry["coordinates"]
    return tuple(tuple((p[0], p[1]) for p in polygon[0]) for polygon in polygons if polygon)


def _fit(points: Iterable[tuple[float, float]], width: int, height: int) -> tuple[int, float, float]:
    """The largest zoom (<= MAX_ZOOM) at which all points fit into the picture, and the centre at zoom 0."""
    pts = list(points)
    if not pts:
        return 1, 128.0, 128.0 + 40.0  # the inhabited world
    xs0, ys0 = zip(*(world_xy(lat, lon, 0) for lat, lon in pts))
    west, east, north, south = min(xs0), max(xs0), min(ys0), max(ys0)
    zoom = 0
    for z in range(MAX_ZOOM, -1, -1):
        scale = 2**z
        if (east - west) * scale <= width - 2 * PADDING and (south - north) * scale <= height - 2 * PADDING:
            zoom = z
            break
    return zoom, (west + east) / 2, (north + south) / 2


def _paste_tiles(image: Image.Image, basemap: Basemap | None, zoom: int, left: float, top: float) -> None:
    count = 2**zoom
    for ty in range(math.floor(top / TILE_SIZE), math.floor((top + image.height) / TILE_SIZE) + 1):
        for tx in range(math.floor(left / TILE_SIZE), math.floor((left + image.width) / TILE_SIZE) + 1):
            data = basemap.tile(zoom, tx % count, ty) if basemap and 0 <= ty < count else None
            if data is None:
                continue
            with Image.open(io.BytesIO(data)) as tile:
                image.paste(tile.convert("RGB"), (round(tx * TILE_SIZE - left), round(ty * TILE_SIZE - top)))


def _rgb(colour: str) -> tuple[int, int, int]:
    value = colour.lstrip("#")
    try:
        return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)
    except ValueError:
        return 127, 127, 127


@lru_cache(maxsize=8)
def _font(size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    return ImageFont.load_default(size=size)


def render_png(
    places: Sequence[PlaceSummary],
    areas: Mapping[str, Area],
    colours: Mapping[str, str],
    basemap: Basemap | None,
    width: int,
    height: int,
    title: str | None = None,
) -> bytes:
    """The view as a PNG: basemap, shaded countries (`areas` by place ref), markers, optional title, credit."""
    band = 0
    if title:
        band = 44
    map_height = height - band
    points = [(p.lat, p.lon) for p in places if p.ref not in areas]
    points += [(lat, lon) for area in areas.values() for ring in area.rings for lon, lat in ring]
    zoom, cx0, cy0 = _fit(points, width, map_height)
    scale = 2**zoom
    left, top = cx0 * scale - width / 2, cy0 * scale - map_height / 2
    world = TILE_SIZE * scale
    top = max(0.0, min(top, world - map_height)) if world >= map_height else (world - map_height) / 2

    picture = Image.new("RGB", (width, map_height), SEA)
    _paste_tiles(picture, basemap, zoom, left, top)
    overlay = Image.new("RGBA", (width * SUPERSAMPLE, map_height * SUPERSAMPLE), (0, 0, 0, 0))
    draw = ImageDraw.Draw(overlay)

    def at(lat: float, lon: float) -> tuple[float, float]:
        x, y = world_xy(lat, lon, zoom)
        return (x - left) * SUPERSAMPLE, (y - top) * SUPERSAMPLE

    for area in areas.values():
        fill = (*_rgb(area.colour), round(255 * area.opacity))
        for ring in area.rings:
            draw.polygon([at(lat, lon) for lon, lat in ring], fill=fill, outline=(*_rgb(area.colour), 230),
                         width=2 * SUPERSAMPLE)
    for place in sorted((p for p in places if p.ref not in areas), key=lambda p: -p.mention_count):
        x, y = at(place.lat, place.lon)
        r = marker_size(place.mention_count) * SUPERSAMPLE / 2
        colour = _rgb(colours.get(place.main_type, FALLBACK_COLOUR))
        draw.ellipse((x - r, y - r, x + r, y + r), fill=(*colour, 230), outline=(255, 255, 255, 255),
                     width=2 * SUPERSAMPLE)
    small = overlay.reduce(SUPERSAMPLE)  # a box filter: smooth edges, ~10x faster than Lanczos
    picture.paste(small, mask=small)  # blends by the overlay's alpha

    canvas = Image.new("RGB", (width, height), (255, 255, 255))
    canvas.paste(picture, (0, band))
    draw = ImageDraw.Draw(canvas)
    if title:
        draw.text((14, band // 2), title, fill=(29, 39, 51), font=_font(24), anchor="lm")
    font = _font(12)
    box = draw.textbbox((0, 0), CREDIT, font=font)
    text_w, text_h = box[2] - box[0], box[3] - box[1]
    draw.rectangle((width - text_w - 12, height - text_h - 10, width, height), fill=(255, 255, 255))
    draw.text((width - text_w - 6, height - text_h - 6), CREDIT, fill=(60, 60, 60), font=font)
    out = io.BytesIO()
    canvas.save(out, format="PNG", compress_level=2)  # 6 takes 3x as long for ~15% less
    return out.getvalue()
