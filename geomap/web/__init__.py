"""The web app: an application factory; blueprints for the map page, the embed and the data API."""

from __future__ import annotations

import secrets
from typing import Any

from flask import Flask

from geomap.config import load_settings, static_dir, templates_dir


def create_app(test_config: dict[str, Any] | None = None) -> Flask:
    """Build the Flask app from settings (defaults, GEOMAP_* environment, then `test_config`)."""
    settings = load_settings(test_config)
    app = Flask(
        __name__,
        template_folder=str(templates_dir()),
        static_folder=str(static_dir()),
        static_url_path="/static",
    )
    app.config["GEOMAP"] = settings
    app.config["SECRET_KEY"] = settings["secret_key"] or secrets.token_hex(32)
    app.json.ensure_ascii = False  # type: ignore[attr-defined]

    from geomap.web import api, areas, context, downloads, embed, errors, image, pages, security, tiles, warm

    context.init_app(app)
    security.init_app(app)
    errors.init_app(app)
    app.register_blueprint(pages.bp)
    app.register_blueprint(embed.bp)
    app.register_blueprint(api.bp)
    warm.init_app(app)
    app.register_blueprint(areas.bp)
    app.register_blueprint(downloads.bp)
    app.register_blueprint(tiles.bp)
    app.register_blueprint(image.bp)
    return app
