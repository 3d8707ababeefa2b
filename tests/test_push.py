"""The push API: tokens (401), size (413), malformed bodies (400), 202 + a durable job, the worker, a worker
that died mid-job, an article already stored, 100 concurrent pushes with none lost; the web process never
loads spaCy."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import urllib.request
from concurrent.futures import ThreadPoolExecutor

import pytest
from click.testing import CliRunner

from geomap import jobs
from geomap.cli import main
from geomap.store import Store
from geomap.web import create_app
from tests.devserver import LoopbackServer
from tests.news_pages import ALEPPO, LAYOUTS

TOKEN = "test-token-0123456789"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
TEXT = "date 2016-10-19\nKämpfe in Aleppo\n\nIn Aleppo wurden am Mittwoch Stellungen bombardiert.\n"


def _cli(db, *args, env=None):
    return CliRunner().invoke(main, ["--db", str(db), "--model", "none", "--geocoder", "off", *args], env=env)


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "s.sqlite3"
    Store(path).close()
    return path


@pytest.fixture
def client(db):
    return create_app({"db": str(db), "model": "none", "geocoder": "off", "api_tokens": TOKEN,
                       "push_max_bytes": 200_000}).test_client()


def _run_worker(db) -> None:
    result = _cli(db, "worker", "--once")
    assert result.exit_code == 0, result.output


def test_push_needs_a_valid_token(client, db):
    for headers in ({}, {"Authorization": "Bearer wrong"}, {"Authorization": f"Basic {TOKEN}"}):
        response = client.post("/api/articles", json={"text": TEXT}, headers=headers)
        assert response.status_code == 401 and response.headers["WWW-Authenticate"].startswith("Bearer")
    assert client.get("/api/jobs/x").status_code == 401


def test_token_create_and_revoke(client, db):
    created = _cli(db, "token", "create", "cms")
    assert created.exit_code == 0, created.output
    secret = created.output.strip().splitlines()[0]
    assert secret not in db.read_bytes().decode("latin-1")  # kept hashed
    headers = {"Authorization": f"Bearer {secret}"}
    assert client.post("/api/articles", json={"text": TEXT}, headers=headers).status_code == 202
    assert _cli(db, "token", "create", "cms").exit_code != 0  # one token a name
    assert _cli(db, "token", "revoke", "cms").exit_code == 0
    assert client.post("/api/articles", json={"text": TEXT}, headers=headers).status_code == 401
    assert "revoked" in _cli(db, "token", "list").output


@pytest.mark.parametrize("body, message", [
    (b"{", "not JSON"), (b"[]", "JSON object"), (b'{"text": 5}', "must be a string"),
    (b'{"title": "x"}', "'text' or as 'html'"), (b'{"text": "a", "html": "b"}', "one of them"),
    (b'{"text": "In Aleppo.", "url": "javascript:alert(1)"}', "http or https"),
    (b'{"text": "In Aleppo.", "date": "2016-13"}', "date"), (b'{"text": "In Aleppo.", "colour": 1}', "unknown field"),
    (b'{"html": "<html><body></body></html>"}', "no article text"),
])
def test_push_malformed_bodies_get_400(client, body, message):
    response = client.post("/api/articles", data=body, headers=AUTH, content_type="application/json")
    assert response.status_code == 400 and message in response.json["error"]["message"]


def test_push_too_large_gets_413(client):
    response = client.post("/api/articles", json={"text": "x" * 300_000}, headers=AUTH)
    assert response.status_code == 413


def test_push_queue_worker_and_an_article_already_stored(client, db):
    html = LAYOUTS["kurier"](ALEPPO, "https://kurier.example")
    queued = client.post("/api/articles", json={"html": html, "publisher": "Kurier Online"}, headers=AUTH)
    assert queued.status_code == 202 and queued.headers["Location"] == queued.json["url"]
    again = client.post("/api/articles", json={"html": html}, headers=AUTH)
    assert again.status_code == 202 and again.json["job"] == queued.json["job"]  # one job per article
    state = client.get(queued.json["url"], headers=AUTH).json
    assert state["state"] == "queued"
    _run_worker(db)
    state = client.get(queued.json["url"], headers=AUTH).json
    assert state["state"] == "done" and state["article_id"] == queued.json["article_id"]
    stored = client.post("/api/articles", json={"html": html}, headers=AUTH)
    assert stored.status_code == 200 and stored.json == {"state": "stored", "article_id": state["article_id"]}
    by_url = client.post("/api/articles", json={"text": "Ganz anderer Text über Idlib.",
                                                "url": "https://kurier.example/2016/aleppo-angriffe/"}, headers=AUTH)
    assert by_url.status_code == 200 and by_url.json["article_id"] == state["article_id"]
    events = client.get(f"/events.geojson?article={state['article_id']}").json["features"]
    event = events[0]["properties"]["events"][0]
    assert event["url"] == "https://kurier.example/2016/aleppo-angriffe/" and event["publisher"] == "Kurier Online"
    assert client.get("/api/jobs/nope", headers=AUTH).status_code == 404


def test_job_of_a_worker_that_died_mid_job_completes_after_restart(client, db):
    job_id = client.post("/api/articles", json={"text": TEXT}, headers=AUTH).json["job"]
    # A worker takes the job and is killed before it finishes (SIGKILL: no cleanup runs).
    code = ("import os, signal, sys; from geomap import jobs; from geomap.store import Store; "
            f"s = Store({str(db)!r}); j = jobs.claim(s, jobs.worker_id(), 3600); "
            "assert j is not None; os.kill(os.getpid(), signal.SIGKILL)")
    dead = subprocess.run([sys.executable, "-c", code], cwd=os.getcwd(), timeout=60)
    assert dead.returncode == -signal.SIGKILL
    with Store(db) as store:
        assert jobs.get_job(store, job_id).state == "running"
    _run_worker(db)  # the restarted worker takes the dead one's job over
    with Store(db) as store:
        job = jobs.get_job(store, job_id)
        assert job.state == "done" and job.attempts == 2 and store.has_article(job.article_id)


def test_job_of_a_worker_elsewhere_is_taken_over_when_its_lease_ends(client, db):
    job_id = client.post("/api/articles", json={"text": TEXT}, headers=AUTH).json["job"]
    with Store(db) as store:
        assert jobs.claim(store, "another-host:1", lease=-1) is not None  # its lease has run out already
        assert jobs.claim(store, "another-host:2", lease=3600).id == job_id


def test_100_concurrent_pushes_none_lost(db):
    app = create_app({"db": str(db), "model": "none", "geocoder": "off", "api_tokens": TOKEN})
    texts = [f"date 2016-10-19\nMeldung {n}\n\nIn Aleppo wurde am Mittwoch gekämpft, Meldung {n}.\n" for n in range(100)]

    def push(text: str) -> tuple[int, dict]:
        request = urllib.request.Request(origin + "/api/articles", data=json.dumps({"text": text}).encode(),
                                         headers={**AUTH, "Content-Type": "application/json"}, method="POST")
        with urllib.request.urlopen(request, timeout=60) as response:
            return response.status, json.loads(response.read())

    with LoopbackServer(app) as server:
        origin = server.origin
        with ThreadPoolExecutor(max_workers=20) as pool:
            answers = list(pool.map(push, texts))
    assert [status for status, _ in answers] == [202] * 100
    assert len({a["job"] for _, a in answers}) == 100
    _run_worker(db)
    with Store(db) as store:
        assert jobs.counts(store) == {"done": 100}
        assert all(store.has_article(a["article_id"]) for _, a in answers)


def test_web_process_never_imports_spacy(db):
    code = (
        "import sys, os; os.environ['GEOMAP_WARM_MONTHS'] = '0'; from geomap.web import create_app; "
        f"c = create_app({{'db': {str(db)!r}, 'api_tokens': 't'}}).test_client(); "
        "r = c.post('/api/articles', json={'html': '<html><body><article><p>In Aleppo wurde gestern erneut "
        "heftig gekämpft, berichten Aktivisten.</p></article></body></html>'}, headers={'Authorization': 'Bearer t'}); "
        "assert r.status_code == 202, r.data; c.get('/events.geojson'); c.get('/'); "
        "print('spacy' in sys.modules, 'thinc' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "False False"
