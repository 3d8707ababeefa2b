"""The one exception hierarchy that crosses geomap's module boundaries."""


class GeomapError(Exception):
    """Base class for every error geomap raises on purpose."""


class ArticleError(GeomapError, ValueError):
    """An input file cannot be read as an article (not UTF-8, empty, binary)."""

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


class GazetteerError(GeomapError, OSError):
    """The bundled gazetteer file is missing or corrupt."""


class ModelError(GeomapError, RuntimeError):
    """A spaCy model was asked for but cannot be loaded."""


class GeocoderUnavailable(GeomapError, ConnectionError):
    """The fallback geocoder could not answer (outage, timeout, rate limit, bad reply).

    Distinct from "not found": a lookup that finds nothing returns None instead.
    """

    def __init__(self, query: str, reason: str) -> None:
        super().__init__(f"geocoder unavailable for {query!r}: {reason}")
        self.query = query
        self.reason = reason


class FilterError(GeomapError, ValueError):
    """A query parameter (date, bbox, type, ...) is malformed; the message says which and why."""


class StoreError(GeomapError, RuntimeError):
    """The event store cannot be opened or written."""
