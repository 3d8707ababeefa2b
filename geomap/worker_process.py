"""The worker process `geomap serve` runs beside the web server: started with it, restarted when it dies
(a job it held is taken over by the new one, see geomap.jobs), stopped when the server stops."""

from __future__ import annotations

import logging
import subprocess
import sys
import threading
from typing import Sequence

log = logging.getLogger(__name__)

RESTART_DELAY = 2.0  # seconds before a worker that exited is started again
COMMAND = "from geomap.cli import main; main()"
_PR_SET_PDEATHSIG = 1


def _die_with_parent() -> None:
    """In the child, before exec: Linux sends it SIGTERM when the server dies, however the server dies."""
    import ctypes
    import signal

    try:
        ctypes.CDLL("libc.so.6", use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGTERM)
    except (OSError, AttributeError):  # not Linux/glibc: the supervisor's stop() is all there is
        pass


def _spawn(args: list[str]) -> subprocess.Popen:
    return subprocess.Popen(args, preexec_fn=_die_with_parent if sys.platform.startswith("linux") else None)  # noqa: PLW1509


class WorkerSupervisor:
    """Runs `geomap [global options] worker` in a child process and keeps it running."""

    def __init__(self, global_args: Sequence[str]) -> None:
        self.args = [sys.executable, "-c", COMMAND, *global_args, "worker"]
        self._process: subprocess.Popen | None = None
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="geomap-worker-supervisor", daemon=True)

    @property
    def pid(self) -> int | None:
        return self._process.pid if self._process else None

    def start(self) -> WorkerSupervisor:
        self._process = _spawn(self.args)
        self._thread.start()
        return self

    def _run(self) -> None:
        while not self._stop.is_set():
            process = self._process
            code = process.wait() if process else 0
            if self._stop.is_set():
                return
            log.error("worker process exited with %s; starting another in %.0f s", code, RESTART_DELAY)
            if self._stop.wait(RESTART_DELAY):
                return
            self._process = _spawn(self.args)

    def stop(self, timeout: float = 10.0) -> None:
        self._stop.set()
        process = self._process
        if process and process.poll() is None:
            process.terminate()
            try:
                process.wait(timeout)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
