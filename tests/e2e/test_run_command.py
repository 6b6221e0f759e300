"""`python -m bot run` as an operator meets it: refuses an unmigrated database, serves, stops on SIGTERM."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from bot.nlu.service import Understanding
from tests.e2e.browser import free_port


def run_env(tmp_path: Path, port: int) -> dict[str, str]:
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{tmp_path}/run.sqlite3", "WEB_PORT": str(port)}
    for name in ("REDIS_URL", "TELEGRAM_BOT_TOKEN"):
        env.pop(name, None)
    return env


def test_unmigrated_database_is_refused_with_a_hint(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "bot", "run"],
        env=run_env(tmp_path, free_port()),
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 2
    assert "python -m bot db upgrade" in done.stderr
    assert "Traceback" not in done.stderr


def test_serves_health_and_stops_cleanly_on_sigterm(
    tmp_path: Path, understanding: Understanding, nlu_model_path: Path
) -> None:
    port = free_port()
    # The model this run trained already (the first start of a fresh checkout trains it, a minute at most).
    env = {**run_env(tmp_path, port), "NLU_MODEL_PATH": str(nlu_model_path)}
    subprocess.run(
        [sys.executable, "-m", "bot", "db", "upgrade"], env=env, cwd=tmp_path, check=True, timeout=60
    )
    server = subprocess.Popen(
        [sys.executable, "-m", "bot", "run"], env=env, cwd=tmp_path, stderr=subprocess.PIPE, text=True
    )
    try:
        deadline = time.monotonic() + 120
        body = ""
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=1) as response:
                    body = response.read().decode()
                    break
            except OSError:
                time.sleep(0.2)
        assert '"database":true' in body
        server.send_signal(signal.SIGTERM)
        _, stderr = server.communicate(timeout=30)
    finally:
        if server.poll() is None:
            server.kill()
    assert server.returncode == 0
    assert "stopped" in stderr
    assert "Traceback" not in stderr
    # uvicorn[standard]'s uvloop, as uvicorn itself would pick: the socket work of every message in C.
    started = next(line for line in stderr.splitlines() if "started" in line)
    assert "uvloop" in started
