"""schemathesis against geomap's API on a live local server, driven by its OpenAPI document.

    python benchmarks/fuzz.py [--examples 2400] [--seed 17] [--out benchmarks/fuzz.txt]

schemathesis (the maintained OpenAPI fuzzer, PyPI) reads /openapi.json from a werkzeug server on 127.0.0.1 serving
a seeded store and runs its phases (schema examples, coverage of each parameter's edges, fuzzing) with every
check: no 5xx (oEmbed's 501 for an unsupported format excepted, as oEmbed 2.3.4.6 asks), documented status
codes, content types and response schemas, schema-violating requests rejected (ST201) and schema-valid ones
accepted (ST202). Settings: benchmarks/schemathesis.toml, hooks: benchmarks/fuzz_hooks.py. `--examples` is per
operation and phase; the number of test cases is what schemathesis reports. tests/test_api_fuzz.py runs the
same with fewer (>= 2,000 cases); the committed run has >= 20,000.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

CONFIG = ROOT / "benchmarks" / "schemathesis.toml"
RUN_TIMEOUT = 3 * 3600


@dataclass(frozen=True)
class FuzzRun:
    """One schemathesis run: its exit code, test cases generated, failures found, seconds and output."""

    returncode: int
    cases: int
    failures: int
    seconds: float
    output: str

    @property
    def summary(self) -> str:
        """The output from schemathesis's summary on (its list of failures, if any, comes before)."""
        at = self.output.rfind("= SUMMARY =")
        return self.output[self.output.rfind("\n", 0, at) + 1:] if at >= 0 else self.output[-3000:]


def run_schemathesis(port: int, examples: int, seed: int, *, timeout: float = RUN_TIMEOUT) -> FuzzRun:
    """Run the schemathesis CLI against http://127.0.0.1:port with every check."""
    executable = Path(sys.executable).with_name("schemathesis")
    command = [str(executable), "--config-file", str(CONFIG), "run", f"http://127.0.0.1:{port}/openapi.json",
               "--checks", "all", "--max-examples", str(examples), "--seed", str(seed), "--workers", "1",
               "--continue-on-failure", "--no-color"]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}
    started = time.perf_counter()
    done = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, timeout=timeout)
    output = done.stdout.decode(errors="replace") + done.stderr.decode(errors="replace")
    generated = re.search(r"(\d+) generated", output)
    failures = re.search(r"found (\d+) unique failures", output)
    return FuzzRun(done.returncode, int(generated.group(1)) if generated else 0,
                   int(failures.group(1)) if failures else 0, time.perf_counter() - started, output)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--examples", type=int, default=2_400, help="max examples per operation and phase")
    parser.add_argument("--seed", type=int, default=17)
    parser.add_argument("--out", default=None)
    args = parser.parse_args()

    import logging

    import schemathesis

    from geomap.web import create_app
    from tests.devserver import LoopbackServer
    from tests.web_fixtures import seed_store

    logging.disable(logging.CRITICAL)  # 4xx/5xx are judged by schemathesis, not logged
    os.environ["GEOMAP_WARM_MONTHS"] = "0"
    with tempfile.TemporaryDirectory() as tmp:
        db = seed_store(Path(tmp) / "events.sqlite3", extra_events=200)
        with LoopbackServer(create_app({"db": str(db)})) as server:
            run = run_schemathesis(server.port, args.examples, args.seed)
    text = (f"geomap API fuzzing (benchmarks/fuzz.py): schemathesis {schemathesis.__version__}, every check, "
            f"against werkzeug on 127.0.0.1; --max-examples {args.examples} --seed {args.seed}\n"
            f"test cases: {run.cases} in {run.seconds:.0f} s; failures: {run.failures}; exit code {run.returncode}\n\n"
            + run.summary.strip() + "\n")
    print(text, end="")
    if args.out:
        Path(args.out).write_text(text, encoding="utf-8")
    return 0 if run.returncode == 0 and run.failures == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
