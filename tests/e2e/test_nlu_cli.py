"""`python -m bot nlu check | train | eval` as an admin runs them."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from bot.paths import REPO_ROOT

HELD_OUT = REPO_ROOT / "tests" / "data" / "nlu_heldout.yml"


def run(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "NLU_MODEL_PATH": str(tmp_path / "model.joblib"),
        "DATABASE_URL": f"sqlite:///{tmp_path}/x.db",
    }
    return subprocess.run(
        [sys.executable, "-m", "bot", "nlu", *args],
        env=env,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_check_train_and_eval_on_the_held_out_set(tmp_path: Path) -> None:
    checked = run(tmp_path, "check")
    assert checked.returncode == 0, checked.stderr
    assert "examples, 5 languages: OK" in checked.stdout

    trained = run(tmp_path, "train")
    assert trained.returncode == 0, trained.stderr
    summary = json.loads(trained.stdout)
    assert summary["examples"] >= 5 * 40 * 25
    assert (tmp_path / "model.joblib").exists()

    evaluated = run(tmp_path, "eval", str(HELD_OUT))
    assert evaluated.returncode == 0, evaluated.stderr
    report = json.loads(evaluated.stdout)
    assert set(report) >= {
        "accuracy",
        "macro_f1",
        "per_language",
        "language_id_accuracy",
        "out_of_scope",
        "escalation_recall",
        "confusions",
        "latency_ms",
    }
    assert set(report["per_language"]) == {"cs", "en", "uk", "ru", "vi"}
    assert set(report["out_of_scope"]) == {"precision", "recall"}
    assert set(report["latency_ms"]) == {"p50", "p99"}
    assert report["messages"] >= 300
    # Held-out quality is the benchmark's job; here a floor that only a broken path would miss.
    assert report["accuracy"] > 0.8
    assert report["escalation_recall"] > 0.9


def test_eval_of_a_bad_file_says_why(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yml"
    bad.write_text("- text: hi\n  lang: en\n", encoding="utf-8")
    done = run(tmp_path, "eval", str(bad))
    assert done.returncode == 2
    assert "item 1 must have exactly text, lang and intent" in done.stderr
    assert "Traceback" not in done.stderr
