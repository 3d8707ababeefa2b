"""Settings: one table of (name, default, help); each can come from a GEOMAP_<NAME> environment variable."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Mapping

from geomap.errors import ConfigError

PROJECT_ROOT = Path(__file__).resolve().parent.parent


def _data_dir(name: str) -> Path:
    """A top-level data folder (gazetteer/, templates/, seeds/) in a checkout, or its copy in a wheel."""
    checkout = PROJECT_ROOT / name
    if checkout.exists():
        return checkout
    return Path(__file__).resolve().parent / "_data" / name


@dataclass(frozen=True)
class Setting:
    name: str
    default: Any
    help: str


SETTINGS: tuple[Setting, ...] = (
    Setting("db", "geomap.sqlite3", "Path of the SQLite event store (GEOMAP_DB)."),
    Setting("model", "de_core_news_md", "spaCy model to load when installed; empty or 'none' for the rule-based recognizer."),
    Setting("gazetteer", "", "Path of the gazetteer file; empty for the bundled one."),
    Setting("geocoder", "nominatim", "Fallback geocoder: 'nominatim' or 'off'."),
    Setting("geocoder_domain", "nominatim.openstreetmap.org", "Host[:port] of the Nominatim-compatible service."),
    Setting("geocoder_scheme", "https", "http or https for the geocoder."),
    Setting("geocoder_timeout", 5.0, "Seconds before one geocoder request gives up."),
    Setting("geocoder_min_delay", 1.0, "Minimum seconds between geocoder requests (Nominatim policy: 1)."),
    Setting("geocoder_cooldown", 60.0, "Seconds the geocoder is left alone after an outage (circuit breaker)."),
    Setting("geocoder_budget", 60.0, "Most seconds one ingest run may spend on the geocoder before it defers names."),
    Setting("user_agent", "geomap/0.1 (German news event mapping; https://github.com/geomap/geomap)", "User agent sent to the geocoder."),
    Setting("tile_url", "", "Map tile URL template ({z}/{x}/{y}); empty for the offline basemap the app serves at /tiles (OpenStreetMap, zoom 0-6)."),
    Setting("tile_attribution", "", "Attribution HTML for GEOMAP_TILE_URL's tiles; empty: OpenStreetMap's."),
    Setting("frame_ancestors", "*", "Who may frame /embed (CSP frame-ancestors value)."),
    Setting("secret_key", "", "Flask secret key; a random one per process when empty."),
    Setting("warm_months", 36, "Map views (one per month, the latest first) the web app builds in the background at start and after ingests; 0 for none."),
    Setting("busy_timeout", 30.0, "Seconds a command waits for another process's lock on the store before it gives up."),
    Setting("fetch_timeout", 10.0, "Seconds before fetching an article page, feed or robots.txt gives up."),
    Setting("fetch_min_delay", 1.0, "Minimum seconds between two requests to one host (ingest URL, follow)."),
    Setting("fetch_max_bytes", 5_000_000, "Largest article page or feed fetched, in bytes."),
    Setting("api_tokens", "", "Comma-separated tokens for POST /api/articles (besides `geomap token create`)."),
    Setting("push_max_bytes", 2_000_000, "Largest POST /api/articles body, in bytes (larger: 413)."),
    Setting("job_lease", 300.0, "Seconds a worker holds a job before another may take it over."),
    Setting("seeds", "", "Folder of articles that `geomap serve` ingests into an empty store; empty for the bundled seeds/."),
)

_BY_NAME = {s.name: s for s in SETTINGS}


def _coerce(setting: Setting, raw: str) -> Any:
    if isinstance(setting.default, int) and not isinstance(setting.default, bool):
        try:
            return int(raw)
        except ValueError as exc:
            raise ConfigError(f"GEOMAP_{setting.name.upper()} must be a whole number, got {raw!r}") from exc
    if isinstance(setting.default, float):
        try:
            return float(raw)
        except ValueError as exc:
            raise ConfigError(f"GEOMAP_{setting.name.upper()} must be a number, got {raw!r}") from exc
    return raw


def load_settings(overrides: Mapping[str, Any] | None = None, environ: Mapping[str, str] | None = None) -> dict[str, Any]:
    """Defaults, then GEOMAP_* environment variables, then explicit overrides (CLI options, test config)."""
    env = os.environ if environ is None else environ
    values: dict[str, Any] = {}
    for setting in SETTINGS:
        raw = env.get(f"GEOMAP_{setting.name.upper()}")
        values[setting.name] = setting.default if raw is None else _coerce(setting, raw)
    for name, value in (overrides or {}).items():
        if value is None:
            continue
        if name not in _BY_NAME:
            raise ConfigError(f"unknown setting {name!r}")
        values[name] = value
    return values


def gazetteer_dir() -> Path:
    return _data_dir("gazetteer")


def templates_dir() -> Path:
    return _data_dir("templates")


def seeds_dir() -> Path:
    return _data_dir("seeds")


def static_dir() -> Path:
    """Front-end assets installed from npm (see package.json) and geomap's own JS/CSS."""
    return Path(__file__).resolve().parent / "static"
