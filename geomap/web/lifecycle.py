"""What a serving process does at start and stop so answer files never outlive it.

At start the answer folders of servers that were killed (SIGKILL, a crash) are removed; SIGTERM (systemd,
docker stop) and SIGINT (Ctrl+C) remove this process's folders before it ends the way the signal would have
ended it. Installed by the serving entry point only: an app factory must not touch signal handlers.
"""

from __future__ import annotations

import logging
import os
import signal
import threading
from types import FrameType

from geomap.web.cache import remove_own_folders, remove_stale_folders

log = logging.getLogger(__name__)

SIGNALS = (signal.SIGTERM, signal.SIGINT)
_installed: dict[int, object] = {}


def clean_up_answers_on_exit() -> None:
    """Remove dead servers' answer folders; remove ours on SIGTERM/SIGINT (main thread only, as Python allows)."""
    removed = remove_stale_folders()
    if removed:
        log.info("removed %d answer folders left by stopped servers", len(removed))
    if threading.current_thread() is not threading.main_thread():
        log.warning("not in the main thread: answer files are removed at exit only, not on SIGTERM")
        return
    for signum in SIGNALS:
        if signum not in _installed:
            _installed[signum] = signal.signal(signum, _on_signal)


def _on_signal(signum: int, frame: FrameType | None) -> None:
    remove_own_folders()
    previous = _installed.get(signum)
    if previous is signal.SIG_IGN:
        return
    if callable(previous):  # e.g. Python's own SIGINT handler: KeyboardInterrupt, so waitress stops cleanly
        previous(signum, frame)
        return
    signal.signal(signum, signal.SIG_DFL)  # end the way the signal ends a process (exit status 128 + signum)
    os.kill(os.getpid(), signum)
