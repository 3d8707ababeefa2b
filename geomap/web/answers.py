"""Kept answers as HTTP responses: a validator per answer (ETag, `Cache-Control: no-cache`, so a repeat visit
is a 304), gzip for clients that accept it, files handed to the WSGI server's file sender."""

from __future__ import annotations

import hashlib
import os
from typing import Callable, Hashable, Iterator

from flask import Flask, Response, current_app, request
from werkzeug.wsgi import wrap_file

from geomap import __version__
from geomap.store import Store
from geomap.web.cache import Answer, AnswerCache

CACHE_CONTROL = "no-cache"  # the browser may keep the answer but asks again; an unchanged one is a 304


def answer_cache(app: Flask | None = None) -> AnswerCache:
    """The app's cache of answers (made by create_app)."""
    return (app or current_app).extensions["geomap_answers"]


def answer_key(name: str, store: Store, *parts: Hashable) -> tuple:
    """What identifies an answer: the endpoint, the store's version and parsed parameters (never raw text)."""
    return (name, store.version(), *parts)


def etag_of(key: tuple) -> str:
    """The key's validator; the code version is in it, so an upgrade never answers 304 with old bytes."""
    return hashlib.sha256(repr((__version__, key)).encode()).hexdigest()[:32]


def respond(key: tuple, build: Callable[[], Iterator[bytes]], content_type: str,
            headers: dict[str, str] | None = None) -> Response:
    """A 304 when the client holds this answer, else the kept answer (built now when missing)."""
    headers = {**(headers or {}), "Cache-Control": CACHE_CONTROL, "Vary": "Accept-Encoding"}
    etag = etag_of(key)
    if request.if_none_match.contains_weak(etag):
        response = Response(status=304, headers=headers)
        response.set_etag(etag, weak=True)
        return response
    cache = answer_cache()
    answer = cache.get_or_build(key, build)
    response = _send(answer, content_type, headers)
    if response is None:  # its file was dropped between lookup and open: build it again
        cache.forget(key)
        response = _send(cache.get_or_build(key, build), content_type, headers)
    if response is None:
        raise FileNotFoundError(f"the answer file for {key[0]} vanished twice")
    response.set_etag(etag, weak=True)  # weak: the gzip and plain forms are different bytes of one answer
    return response


def _send(answer: Answer, content_type: str, headers: dict[str, str]) -> Response | None:
    if answer.path is not None:
        try:
            file = open(answer.path, "rb")  # noqa: SIM115 - the WSGI server closes it
        except FileNotFoundError:
            return None
        headers = {**headers, "Content-Length": str(os.fstat(file.fileno()).st_size)}
        return Response(wrap_file(request.environ, file), mimetype=content_type, headers=headers,
                        direct_passthrough=True)
    if answer.packed is not None and request.accept_encodings["gzip"] > 0:
        return Response(answer.packed, mimetype=content_type, headers={**headers, "Content-Encoding": "gzip"})
    return Response(answer.body, mimetype=content_type, headers=headers)
