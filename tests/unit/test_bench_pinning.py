"""bench/channels.py's pinning: the server under test gets a core that the load generator leaves free."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from bench.channels_setup import ROOT

# In a child process, as the benchmark calls it: pinning moves the calling process onto the harness's cores.
PROBE = """
import json, os
from bench.channels_setup import cores_of, pin_harness
before = sorted(os.sched_getaffinity(0))
server = pin_harness(True)
print(json.dumps({"before": before, "server": server, "harness": cores_of(os.getpid())}))
"""


@pytest.mark.skipif(
    not hasattr(os, "sched_getaffinity") or len(os.sched_getaffinity(0)) < 2, reason="needs two cores"
)
def test_the_server_gets_a_core_the_harness_does_not_run_on() -> None:
    out = subprocess.run([sys.executable, "-c", PROBE], cwd=ROOT, capture_output=True, text=True, check=True)
    pinned = json.loads(out.stdout)
    assert pinned["server"] in pinned["before"]
    assert pinned["harness"], "the harness keeps at least one core"
    assert pinned["server"] not in pinned["harness"]
    assert set(pinned["harness"]) | {pinned["server"]} == set(pinned["before"])


def test_no_pinning_when_turned_off() -> None:
    out = subprocess.run(
        [sys.executable, "-c", PROBE.replace("pin_harness(True)", "pin_harness(False)")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    pinned = json.loads(out.stdout)
    assert pinned["server"] is None
    assert pinned["harness"] == pinned["before"]
