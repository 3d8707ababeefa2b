"""Public names of article sources: what events, popups, GeoJSON and CSV may say about where an article came
from. A URL when the article was published at one; for a file, its path relative to the folder given to
`geomap ingest` (or its file name). Never a path of the server's file system.
"""

from __future__ import annotations

import os
from pathlib import Path, PurePosixPath, PureWindowsPath
from typing import Sequence


def _text(path: Path | str) -> str:
    """A path as printable text: bytes that are not UTF-8 stay visible as \\x escapes."""
    return os.fsencode(path).decode("utf-8", "backslashreplace")


def file_source(path: Path, roots: Sequence[Path] = ()) -> str:
    """The public name of an article file: relative to the first root folder that holds it, else its name."""
    resolved = path.resolve()
    for root in roots:
        try:
            relative = resolved.relative_to(root.resolve())
        except ValueError:
            continue
        if relative.parts:
            return _text(PurePosixPath(*relative.parts))
    return _text(path.name)


def public_file_name(source: str) -> str:
    """A stored source as a public name: URLs and relative names are kept, an absolute path keeps only
    its file name (stores written before version 6 kept the path given to ingest)."""
    if "://" in source:
        return source
    if source.startswith("/") or PureWindowsPath(source).is_absolute():
        return PureWindowsPath(source).name if "\\" in source else PurePosixPath(source).name
    return source
