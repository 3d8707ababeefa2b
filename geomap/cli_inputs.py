"""The newsroom-input commands: `follow` (feeds), `token` (push API tokens), `worker` (the push queue), and
the URL part of `ingest`. Registered on the `geomap` group by geomap.cli; heavy imports inside commands."""

from __future__ import annotations

import sys
from typing import Any

import click

from geomap.errors import GeomapError


def _cli():
    from geomap import cli  # at call time: geomap.cli imports this module at its end

    return cli


def ingest_web(settings: dict[str, Any], urls: list[str], store, geoparser, report, date_override: str | None) -> None:
    """The URLs given to `geomap ingest`: article pages and feeds, counted into the run's report."""
    from geomap.errors import StoreError
    from geomap.remote import ingest_urls, make_fetcher

    def feed_line(feed) -> None:
        click.echo(feed.summary(), err=True)

    try:
        ingest_urls(urls, store, geoparser, make_fetcher(settings), report, geoparser.recognizer.name,
                    date_override, on_feed=feed_line)
    except StoreError as exc:
        report.stopped = str(exc)


@click.command()
@click.argument("feeds", nargs=-1, required=True)
@click.option("--interval", type=click.FloatRange(min=1.0), default=900.0, show_default=True,
              help="Seconds between two polls of the feeds.")
@click.option("--rounds", type=click.IntRange(min=1), default=None, help="Stop after this many polls (default: never).")
@click.pass_context
def follow(ctx: click.Context, feeds: tuple[str, ...], interval: float, rounds: int | None) -> None:
    """Poll RSS/Atom feeds and ingest their new items' article pages, until stopped (Ctrl+C).

    Conditional GET (ETag, Last-Modified), a per-host delay, robots.txt honoured; an item whose page cannot be
    fetched now is tried again on the next poll, and one feed's failure never stops the others."""
    from geomap.remote import follow_feeds, is_url, make_fetcher

    cli = _cli()
    settings = cli._settings(ctx)
    bad = [f for f in feeds if not is_url(f)]
    if bad:
        raise click.BadParameter(f"not an http(s) URL: {bad[0]}", param_hint="FEEDS")
    try:
        with cli._open_store(settings, create=True) as store:
            geoparser = cli._geoparser(settings, store)

            def line(report) -> None:
                click.echo(report.summary())
                for link, reason in report.failed:
                    click.echo(f"  failed: {link}: {reason}", err=True)
                for link, reason in report.retry_later:
                    click.echo(f"  retry later: {link}: {reason}", err=True)
                sys.stdout.flush()

            follow_feeds(list(feeds), store, geoparser, make_fetcher(settings), geoparser.recognizer.name,
                         interval=interval, rounds=rounds, on_report=line)
    except KeyboardInterrupt:
        click.echo("stopped", err=True)
    except GeomapError as exc:
        raise click.ClickException(str(exc)) from exc


@click.group()
def token() -> None:
    """API tokens for POST /api/articles (stored hashed; the token is shown once)."""


@token.command("create")
@click.argument("name")
@click.pass_context
def token_create(ctx: click.Context, name: str) -> None:
    """Create a token called NAME (the name appears in logs) and print it once."""
    from geomap.tokens import create_token

    cli = _cli()
    try:
        with cli._open_store(cli._settings(ctx.find_root()), create=True) as store:
            secret = create_token(store, name)
    except GeomapError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(secret)
    click.echo(f"token {name!r} created; it is shown only now", err=True)


@token.command("revoke")
@click.argument("name")
@click.pass_context
def token_revoke(ctx: click.Context, name: str) -> None:
    """Revoke the token called NAME: requests with it get 401 from now on."""
    from geomap.tokens import revoke_token

    cli = _cli()
    try:
        with cli._open_store(cli._settings(ctx.find_root())) as store:
            revoke_token(store, name)
    except GeomapError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(f"token {name!r} revoked")


@token.command("list")
@click.pass_context
def token_list(ctx: click.Context) -> None:
    """The tokens' names, when they were made, and whether they are revoked (never the tokens)."""
    from geomap.tokens import list_tokens

    cli = _cli()
    try:
        with cli._open_store(cli._settings(ctx.find_root())) as store:
            for row in list_tokens(store):
                click.echo(f"{row.name}\t{row.created}\t{'revoked ' + row.revoked if row.revoked else 'active'}")
    except GeomapError as exc:
        raise click.ClickException(str(exc)) from exc


@click.command()
@click.option("--once", is_flag=True, help="Process the jobs waiting now, then stop.")
@click.option("--poll", type=click.FloatRange(min=0.05), default=1.0, show_default=True,
              help="Seconds between looks at an empty queue.")
@click.pass_context
def worker(ctx: click.Context, once: bool, poll: float) -> None:
    """Process the push API's queue: parse each article and store it (`geomap serve` starts one of these)."""
    from geomap.worker import run_worker

    cli = _cli()
    settings = cli._settings(ctx)
    try:
        with cli._open_store(settings, create=True) as store:
            geoparser = cli._geoparser(settings, store)
            done = run_worker(store, geoparser, lease=float(settings["job_lease"]), poll=poll, once=once)
    except KeyboardInterrupt:
        return
    except GeomapError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(f"worker: {done} jobs done", err=True)
