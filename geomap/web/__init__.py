"""The web app: an application factory that configures and registers (nothing more), and the serving
entry point that adds what a running server needs; blueprints for the map page, the embed and the data API."""

from __future__ import annotations

import secrets
from typing import Any

from flask import Flask

from geomap.config import load_settings, static_dir, templates_dir
from geomap.errors import ConfigError
from geomap.web.cache import AnswerCache


def create_app(test_config: dict[str, Any] | None = None) -> Flask:
    """Build the Flask app from settings (defaults, GEOMAP_* environment, then `test_config`).

    Called without a config, as a WSGI server's factory (`waitress-serve --call geomap.web:create_app`), a
    setting geomap cannot use ends the process with one line saying which, not a traceback."""
    try:
        settings = load_settings(test_config)
    except ConfigError as exc:
        if test_config is None:
            raise SystemExit(f"geomap: cannot start: {exc}") from exc
        raise
    app = Flask(
        __name__,
        template_folder=str(templates_dir()),
        static_folder=str(static_dir()),
        static_url_path="/static",
    )
    app.config["GEOMAP"] = settings
    app.config["SECRET_KEY"] = settings["secret_key"] or secrets.token_hex(32)
    app.json.ensure_ascii = False  # type: ignore[attr-defined]

    app.extensions["geomap_answers"] = AnswerCache()  # its folder is made on first use

    from geomap.web import api, areas, context, downloads, embed, errors, pages, push, security, tiles

    context.init_app(app)
    security.init_app(app)
    errors.init_app(app)
    app.register_blueprint(pages.bp)
    app.register_blueprint(embed.bp)
    app.register_blueprint(api.bp)
    app.register_blueprint(push.bp)
    app.register_blueprint(areas.bp)
    app.register_blueprint(downloads.bp)
    app.register_blueprint(tiles.bp)
    return app


def serving_app(test_config: dict[str, Any] | None = None) -> Flask:
    """The app as a server runs it: `create_app`, then what belongs to a serving process only: answer files
    of killed servers removed, this process's removed on SIGTERM/SIGINT, and the month views warmed in the
    background. `geomap serve` uses it; for waitress: `waitress-serve --call geomap.web:serving_app`."""
    from geomap.web import lifecycle, warm

    app = create_app(test_config)
    lifecycle.clean_up_answers_on_exit()
    warm.start_warming(app)
    return app
