"""Build hook: a wheel carries the top-level data folders (templates/, gazetteer/, seeds/) inside the package.

They stay at the top of the checkout (where the product card puts them, and where an editable install reads
them); at build time whatever they hold then is copied to geomap/_data/ in the build tree, which
geomap.config finds when no checkout is around. Everything else is in pyproject.toml.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent
DATA_FOLDERS = ("templates", "gazetteer", "seeds")  # what geomap.config._data_dir looks up


class BuildWithData(build_py):
    """build_py, plus the data folders copied into the built package."""

    def run(self) -> None:
        super().run()
        if self.editable_mode:  # an editable install reads the checkout's folders
            return
        target = Path(self.build_lib) / "geomap" / "_data"
        for name in DATA_FOLDERS:
            source = ROOT / name
            if not source.is_dir():
                raise SystemExit(f"cannot build geomap: {source} is missing")
            shutil.rmtree(target / name, ignore_errors=True)
            shutil.copytree(source, target / name, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))


setup(cmdclass={"build_py": BuildWithData})
