"""A built wheel carries what geomap needs to run: templates, static files, the gazetteer and the seeds.

Builds the wheel from this checkout (no build isolation: offline), installs it into a fresh venv whose only
other packages are this environment's dependencies (a path entry, not this checkout), and serves the seeds map
from the installed package in a folder that is not a checkout.
"""

from __future__ import annotations

import json
import os
import site
import subprocess
import sys
import sysconfig
import time
import zipfile
from pathlib import Path

import pytest

from tests.devserver import free_port, http_get

ROOT = Path(__file__).resolve().parent.parent
WAIT_SECONDS = 120  # a bound on waiting (build, install, seed ingest), not a claim about speed


def _run(*command: str, cwd: Path, env: dict[str, str] | None = None) -> str:
    done = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, timeout=WAIT_SECONDS)
    assert done.returncode == 0, f"{command}: {done.stdout[-1500:]}\n{done.stderr[-3000:]}"
    return done.stdout


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    _run(sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "--disable-pip-version-check",
         "-q", "-w", str(out), str(ROOT), cwd=out)
    (built,) = out.glob("geomap-*.whl")
    return built


def test_wheel_carries_templates_static_gazetteer_and_seeds(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    for folder in ("templates", "gazetteer", "seeds"):
        expected = {f"geomap/_data/{folder}/{p.relative_to(ROOT / folder)}".replace(os.sep, "/")
                    for p in (ROOT / folder).rglob("*") if p.is_file() and "__pycache__" not in p.parts}
        assert expected and expected <= names, sorted(expected - names)[:5]
    assert {"geomap/static/geomap-map.js", "geomap/static/vendor/leaflet/leaflet.js"} <= names


@pytest.mark.slow
def test_wheel_installed_in_a_fresh_venv_serves_the_seeds_map(wheel, tmp_path):
    venv = tmp_path / "venv"
    _run(sys.executable, "-m", "venv", str(venv), cwd=tmp_path)
    python = venv / "bin" / "python"
    purelib = Path(_run(str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])",
                        cwd=tmp_path).strip())
    # This environment's dependencies as a plain path entry: its .pth files (this checkout's editable
    # install among them) are not read, so `geomap` can only come from the wheel.
    deps = [p for p in {sysconfig.get_paths()["purelib"], *site.getsitepackages()} if Path(p).is_dir()]
    (purelib / "geomap_test_deps.pth").write_text("\n".join(deps) + "\n")
    _run(str(python), "-m", "pip", "install", "--no-deps", "--no-index", "--disable-pip-version-check", "-q",
         str(wheel), cwd=tmp_path)
    elsewhere = tmp_path / "run"  # not a checkout: no templates/, gazetteer/ or seeds/ beside the package
    elsewhere.mkdir()
    where = _run(str(python), "-c", "import geomap.config as c; print(c.__file__); print(c.templates_dir())",
                 cwd=elsewhere).split()
    assert where[0].startswith(str(purelib)) and where[1].startswith(str(purelib)), where
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GEOMAP_", "PYTHON"))}
    env.update(GEOMAP_DB=str(elsewhere / "geomap.sqlite3"), GEOMAP_MODEL="none", GEOMAP_GEOCODER="off",
               GEOMAP_WARM_MONTHS="0")
    server = subprocess.Popen([str(venv / "bin" / "geomap"), "serve", "--init", "--port", str(port)], cwd=elsewhere,
                              env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + WAIT_SECONDS
        while server.poll() is None and time.monotonic() < deadline:
            try:
                if http_get(port, "/healthz")[0] == 200:
                    break
            except OSError:
                time.sleep(0.2)
        assert server.poll() is None, server.stderr.read().decode()[-3000:]
        status, page = http_get(port, "/")
        assert status == 200 and b"geomap-map.js" in page
        assert http_get(port, "/static/vendor/leaflet/leaflet.js")[0] == 200
        status, body = http_get(port, "/events.geojson?detail=summary")
        places = {f["properties"]["place"] for f in json.loads(body)["features"]}
        assert status == 200 and {"Aleppo", "Genf"} <= places, sorted(places)[:20]
    finally:
        server.terminate()
        server.wait(30)
        server.stderr.close()
