"""NLU benchmark: quality on the held-out set, parse latency on one core, model memory, training time.

Run: `.venv/bin/python bench/nlu.py` (prints JSON; exit status 0 whether or not targets are met).
"""

from __future__ import annotations

import os

# One core, as the latency target says: pin the process and keep BLAS single-threaded.
for _name in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[_name] = "1"
if hasattr(os, "sched_setaffinity"):
    os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})

import json  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.stats import percentile  # noqa: E402
from bot.logging_setup import configure_logging  # noqa: E402
from bot.nlu.evaluate import evaluate, load_labelled  # noqa: E402
from bot.nlu.service import load_understanding  # noqa: E402
from bot.paths import REPO_ROOT  # noqa: E402

HELD_OUT = REPO_ROOT / "tests" / "data" / "nlu_heldout.yml"
LATENCY_ROUNDS = 5
TARGETS = {
    "accuracy": 0.92,
    "per_language_min": 0.88,
    "escalation_recall": 0.97,
    "out_of_scope_f1": 0.85,
    "language_id_accuracy": 0.97,
    "latency_p99_ms": 10.0,
    "model_rss_mb": 300.0,
    "training_seconds": 60.0,
}


def rss_mb() -> float:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def train_in_child(model_path: Path) -> dict[str, object]:
    """Train in a separate process so that training's memory does not count as the model's."""
    env = {**os.environ, "NLU_MODEL_PATH": str(model_path), "LOG_LEVEL": "WARNING"}
    done = subprocess.run(
        [sys.executable, "-m", "bot", "nlu", "train"],
        env=env,
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    result: dict[str, object] = json.loads(done.stdout)
    return result


def main() -> None:
    configure_logging("WARNING")  # logs go to stderr; stdout is the JSON report only
    with tempfile.TemporaryDirectory() as tmp:
        model_path = Path(tmp) / "model.joblib"
        training = train_in_child(model_path)
        before = rss_mb()  # modules imported, no model yet: the difference is the loaded model
        understanding = load_understanding(model_path)
        items = load_labelled(HELD_OUT)
        quality = evaluate(items, understanding)
        after = rss_mb()
    latencies: list[float] = []
    for _ in range(LATENCY_ROUNDS):
        for item in items:
            started = time.perf_counter()
            understanding.policy.decide(understanding.parser.parse(item.text))
            latencies.append((time.perf_counter() - started) * 1000)
    oos = quality["out_of_scope"]
    oos_f1 = (
        2 * oos["precision"] * oos["recall"] / (oos["precision"] + oos["recall"]) if oos["precision"] else 0.0
    )
    figures = {
        "accuracy": quality["accuracy"],
        "per_language_min": min(quality["per_language"].values()),
        "escalation_recall": quality["escalation_recall"],
        "out_of_scope_f1": round(oos_f1, 4),
        "language_id_accuracy": quality["language_id_accuracy"],
        "latency_p99_ms": round(percentile(latencies, 0.99), 3),
        "model_rss_mb": round(after - before, 1),
        "training_seconds": training["training_seconds"],
    }
    lower_is_better = {"latency_p99_ms", "model_rss_mb", "training_seconds"}
    met = {
        key: (figures[key] <= target if key in lower_is_better else figures[key] >= target)
        for key, target in TARGETS.items()
    }
    report = {
        "held_out_messages": len(items),
        "figures": figures,
        "targets": TARGETS,
        "met": met,
        "all_met": all(met.values()),
        "latency_ms": {
            "p50": round(percentile(latencies, 0.5), 3),
            "p99": figures["latency_p99_ms"],
            "parses": len(latencies),
        },
        "process_rss_mb": round(after, 1),
        "training_examples": training["examples"],
        "quality": quality,
    }
    print(json.dumps(report, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
