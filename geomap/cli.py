"""The `geomap` command: ingest, serve, export, parse, eval, geocode. A thin layer over the modules."""

from __future__ import annotations

import logging
import sys
import time
from pathlib import Path
from typing import Any

import click
import orjson

from geomap.config import load_settings, seeds_dir
from geomap.errors import GeomapError, StoreError, StoreMissing

log = logging.getLogger("geomap")


def _settings(ctx: click.Context) -> dict[str, Any]:
    return ctx.obj["settings"]


class StoreFailure(click.ClickException):
    """The store could not be opened, read or written: exit code 2 (an input's failure is 1)."""

    exit_code = 2


def _fail(exc: Exception) -> click.ClickException:
    """A geomap error as the command's one-line message and exit code (2 for the store, else 1)."""
    if isinstance(exc, StoreError):
        return StoreFailure(str(exc))
    return click.ClickException(str(exc))


class GeomapGroup(click.Group):
    """Every command's GeomapError becomes one clear line (see `_fail`), never a traceback."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except GeomapError as exc:
            raise _fail(exc) from exc


@click.group(cls=GeomapGroup)
@click.option("--db", envvar="GEOMAP_DB", default=None, help="SQLite store path (GEOMAP_DB).")
@click.option("--model", default=None, help="spaCy model name or path; 'none' for the rule-based recognizer (GEOMAP_MODEL).")
@click.option("--geocoder", type=click.Choice(["nominatim", "off"]), default=None, help="Fallback geocoder (GEOMAP_GEOCODER).")
@click.option("-v", "--verbose", is_flag=True, help="Log progress details to stderr.")
@click.pass_context
def main(ctx: click.Context, db: str | None, model: str | None, geocoder: str | None, verbose: bool) -> None:
    """geomap: places, dates and evidence from German news, on a time-filtered map."""
    logging.basicConfig(level=logging.INFO if verbose else logging.WARNING, stream=sys.stderr,
                        format="%(levelname)s %(name)s: %(message)s")
    ctx.obj = {"settings": load_settings({"db": db, "model": model, "geocoder": geocoder})}


def _open_store(settings: dict[str, Any], *, create: bool = False):
    """The configured store; only `ingest` (and `serve --init`) may create it."""
    from geomap.store import Store

    return Store(settings["db"], create=create, timeout=settings["busy_timeout"])


def _geoparser(settings: dict[str, Any], store=None):
    from geomap.pipeline import build_geoparser

    started = time.perf_counter()
    geoparser = build_geoparser(settings, cache=store)
    rec = geoparser.recognizer
    click.echo(f"recognizer: {rec.describe()} (built in {time.perf_counter() - started:.2f}s)", err=True)
    return geoparser


def run_ingest(settings: dict[str, Any], paths: list[str], date_override: str | None = None):
    """Ingest paths into the configured store, with a progress bar on stderr; returns the report."""
    from geomap.ingest import article_files, ingest_files
    from geomap.remote import is_url

    urls = [p for p in paths if is_url(p)]
    paths = [p for p in paths if not is_url(p)]
    files, missing = article_files(paths) if paths else ([], [])
    with _open_store(settings, create=True) as store:
        geoparser = _geoparser(settings, store)
        with click.progressbar(length=len(files), label="ingesting", file=sys.stderr) as bar:
            report = ingest_files(files, store, geoparser, date_override=date_override, on_file=lambda _p: bar.update(1),
                                  roots=[Path(p) for p in paths if Path(p).is_dir()])
        report.errors[:0] = missing
        if urls and not report.stopped:
            from geomap.cli_inputs import ingest_web

            ingest_web(settings, urls, store, geoparser, report, date_override)
    return report


def _print_stop(report) -> None:
    if report.stopped:
        click.echo(f"Error: the store could not be written: {report.stopped}", err=True)


def _print_report(report) -> None:
    click.echo(report.summary())
    for path, reason in report.errors:
        click.echo(f"  error: {path}: {reason}", err=True)
    for path, message in report.warnings:
        click.echo(f"  warning: {path}: {message}", err=True)


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--date", "date_override", default=None, help="Date (YYYY-MM or YYYY-MM-DD) for undated articles.")
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
@click.pass_context
def ingest(ctx: click.Context, paths: tuple[str, ...], date_override: str | None, as_json: bool) -> None:
    """Ingest article files (text, .html/.htm pages) or folders, article page URLs and RSS/Atom feed URLs.

    Exit code 0: every input stored or already stored; 1: some inputs failed (each reported with its
    reason); 2: the store could not be written (full, read-only, locked, damaged), and the run stopped."""
    report = run_ingest(_settings(ctx), list(paths), date_override)
    if as_json:
        click.echo(orjson.dumps(report.as_dict()).decode())
    else:
        _print_report(report)
    _print_stop(report)
    ctx.exit(report.exit_code)


@main.command()
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8000, show_default=True, type=int)
@click.option("--init", is_flag=True,
              help="Create the store when it does not exist yet (in an existing folder) and ingest the seeds into it.")
@click.option("--no-seed", is_flag=True, help="Do not ingest the bundled seeds into an empty store.")
@click.option("--worker/--no-worker", default=True, show_default=True,
              help="Run a `geomap worker` process beside the server for the push API's queue.")
@click.pass_context
def serve(ctx: click.Context, host: str, port: int, init: bool, no_seed: bool, worker: bool) -> None:
    """Serve the map (ingesting the bundled seeds first when the store is empty).

    A missing store is an error (a path on a volume that is not mounted must not turn into a new, empty
    store); `--init` creates it, as `make serve` does on a fresh machine."""
    settings = _settings(ctx)
    db = Path(settings["db"])
    if init and not db.exists():
        if not db.parent.is_dir():
            raise StoreFailure(f"cannot create store {db}: its folder {db.parent} does not exist")
        _open_store(settings, create=True).close()
    try:
        store = _open_store(settings)
    except StoreMissing as exc:
        raise StoreFailure(f"{exc}; `geomap serve --init` creates it and ingests the seeds") from exc
    with store:
        store.check_integrity()
        empty = store.stats().articles == 0
    if empty and not no_seed:
        seeds = settings["seeds"] or str(seeds_dir())
        click.echo(f"store {settings['db']} is empty: ingesting {seeds}", err=True)
        report = run_ingest(settings, [seeds])
        _print_report(report)
        _print_stop(report)
        if report.stopped:
            ctx.exit(report.exit_code)
    from geomap.web import serving_app

    app = serving_app(settings)
    click.echo(f"geomap map served at http://{host}:{port}/  (store: {settings['db']}; Ctrl+C stops)")
    try:
        from waitress import serve as waitress_serve
    except ImportError:  # pragma: no cover - waitress is a dependency; werkzeug is the last resort
        app.run(host=host, port=port, debug=False)
        return
    limit_malloc_arenas()
    supervisor = None
    if worker:
        from geomap.worker_process import WorkerSupervisor

        supervisor = WorkerSupervisor(["--db", str(settings["db"]), "--model", str(settings["model"] or "none"),
                                       "--geocoder", str(settings["geocoder"])]).start()
        click.echo(f"push queue worker started (pid {supervisor.pid})", err=True)
    try:
        waitress_serve(app, host=host, port=port, threads=8, ident="geomap")
    finally:
        if supervisor:
            supervisor.stop()


MALLOC_ARENAS = 2
_M_ARENA_MAX = -8  # glibc's mallopt parameter number


def limit_malloc_arenas() -> None:
    """Cap glibc's per-thread malloc arenas before the server's threads start (as MALLOC_ARENA_MAX=2 would):
    with one arena per thread a threaded server holds on to far more memory than it uses."""
    import ctypes
    import ctypes.util
    import os

    if "MALLOC_ARENA_MAX" in os.environ or not sys.platform.startswith("linux"):
        return
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        libc.mallopt(_M_ARENA_MAX, MALLOC_ARENAS)
    except (OSError, AttributeError):  # not glibc (musl has no arenas to cap)
        log.debug("mallopt unavailable; malloc arenas not capped")


@main.command()
@click.option("--out", "-o", type=click.Path(dir_okay=False), default="-", help="File to write; - for stdout.")
@click.option("--from", "date_from", default=None, help="YYYY-MM or YYYY-MM-DD, inclusive.")
@click.option("--to", "date_to", default=None, help="YYYY-MM or YYYY-MM-DD, inclusive.")
@click.option("--include-undated", is_flag=True)
@click.option("--type", "types", multiple=True, help="Event type(s) to keep.")
@click.pass_context
def export(ctx: click.Context, out: str, date_from: str | None, date_to: str | None, include_undated: bool,
           types: tuple[str, ...]) -> None:
    """Export events as an RFC 7946 GeoJSON FeatureCollection (same filters as the map)."""
    from geomap import geojson
    from geomap.filters import parse_filter

    args = {k: [v] for k, v in (("from", date_from), ("to", date_to)) if v}
    if include_undated:
        args["include_undated"] = ["1"]
    if types:
        args["type"] = list(types)
    flt = parse_filter(args)
    with _open_store(_settings(ctx)) as store:
        store.check_integrity()  # a damaged store is refused, not half exported
        data = b"".join(geojson.from_store(store, flt))  # whole before a byte is written: no half files
    if out == "-":
        sys.stdout.buffer.write(data + b"\n")
        return
    try:
        Path(out).write_bytes(data)
    except OSError as exc:
        raise click.ClickException(f"cannot write {out}: {exc.strerror or exc}") from exc
    click.echo(f"wrote {out}", err=True)


@main.command()
@click.option("--jsonl", "source", required=True, type=click.File("r", encoding="utf-8"),
              help="Input JSON lines {id, text, date?}; - for stdin.")
@click.option("--explain", is_flag=True,
              help="Also say how each place was found and resolved, and which gazetteer hits were rejected by which rule.")
@click.pass_context
def parse(ctx: click.Context, source, explain: bool) -> None:
    """Print the places of each input text as one JSON line (the evaluation contract)."""
    from geomap.parsing import parse_jsonl

    settings = _settings(ctx)
    count = parse_jsonl(_geoparser(settings), source, sys.stdout, explain=explain)
    click.echo(f"parsed {count} texts", err=True)


@main.command(name="eval")
@click.argument("gold", type=click.Path(exists=True, dir_okay=False))
@click.option("--seeds", "seeds_path", type=click.Path(exists=True, file_okay=False), default=None,
              help="Folder with the gold's article files (default: the bundled seeds/).")
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
@click.pass_context
def eval_command(ctx: click.Context, gold: str, seeds_path: str | None, as_json: bool) -> None:
    """Score `parse` against gold annotations (format of shared/gold/seeds.jsonl)."""
    from geomap.evaluation import evaluate, format_report

    report = evaluate(_geoparser(_settings(ctx)), Path(gold), Path(seeds_path) if seeds_path else seeds_dir())
    click.echo(orjson.dumps(report, option=orjson.OPT_INDENT_2).decode() if as_json else format_report(report))


@main.command()
@click.option("--retry", is_flag=True, required=True, help="Retry names the geocoder could not answer.")
@click.pass_context
def geocode(ctx: click.Context, retry: bool) -> None:
    """Retry unresolved names: re-parse the articles that have them, now that the geocoder may answer."""
    from geomap.retry import retry_unresolved

    settings = _settings(ctx)
    with _open_store(settings) as store:
        result = retry_unresolved(store, _geoparser(settings, store))
    click.echo(f"retried {result.articles} articles: {result.resolved} names resolved, {result.still_unresolved} still unresolved")


@main.command()
@click.pass_context
def compact(ctx: click.Context) -> None:
    """Rewrite the store in key order (VACUUM) and refresh the planner's statistics; after bulk ingests."""
    started = time.perf_counter()
    with _open_store(_settings(ctx)) as store:
        before, after = store.compact()
    click.echo(f"compacted {_settings(ctx)['db']}: {before / 1e6:.1f} MB -> {after / 1e6:.1f} MB "
               f"in {time.perf_counter() - started:.1f} s")


from geomap.cli_inputs import follow, token, worker  # noqa: E402 - the commands need the helpers above

main.add_command(follow)
main.add_command(token)
main.add_command(worker)

if __name__ == "__main__":  # pragma: no cover
    main()
