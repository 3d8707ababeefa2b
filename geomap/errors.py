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
    """The event store cannot be opened, read or written (full disk, read-only, locked, corrupt)."""


class StoreMissing(StoreError, FileNotFoundError):
    """No store at the configured path: only `geomap ingest` (and `geomap serve --init`) create one."""


class StoreTooNew(StoreError):
    """The store was written by a newer geomap (a higher schema version); it is refused, never rewritten."""


class StoreCorrupt(StoreError):
    """The store file is damaged (SQLite's integrity check fails, or it is not a database)."""


class ConfigError(GeomapError, ValueError):
    """A setting (GEOMAP_* variable, option or test config) has a value geomap cannot use."""


class FetchError(GeomapError, OSError):
    """A page, feed or robots.txt could not be fetched. `permanent` (404, 410, too large, refused by
    robots.txt) means asking again will not help; otherwise (timeouts, 5xx, refused connections) it may."""

    def __init__(self, url: str, reason: str, *, permanent: bool = False) -> None:
        super().__init__(f"{url}: {reason}")
        self.url = url
        self.reason = reason
        self.permanent = permanent
