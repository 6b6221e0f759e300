"""bench/channels.py's baseline: each assistant scenario is compared with the echo runs next to it."""

from __future__ import annotations

from typing import Any

from bench.channels import SCENARIOS, run_order, summary

BY_NAME = {s.name: s for s in SCENARIOS}


def result(server: str, per_s: float, cpu_ms: float, path: str = "telegram") -> dict[str, Any]:
    return {
        "server": server,
        "path": path,
        "backend": "sqlite" if server == "assistant" else "none",
        "measured": True,
        "max_updates_per_s": per_s,
        "p99_ms": 10.0,
        "lost": 0,
        "doubled": 0,
        "wrong_answers": 0,
        "closed_loop": {"server_cpu_ms_per_update": cpu_ms},
    }


def test_the_echo_bot_runs_before_each_assistant_scenario_and_after_the_last() -> None:
    wanted = [BY_NAME[n] for n in ("echo", "whatsapp-sqlite", "telegram-sqlite")]
    assert [s.name for s in run_order(wanted)] == [
        "echo",
        "whatsapp-sqlite",
        "echo",
        "telegram-sqlite",
        "echo",
    ]
    # Without the echo bot, or with it alone, nothing is added.
    assert run_order([BY_NAME["whatsapp-sqlite"]]) == [BY_NAME["whatsapp-sqlite"]]
    assert run_order([BY_NAME["echo"]]) == [BY_NAME["echo"]]


def test_a_ratio_uses_the_echo_runs_next_to_it_not_a_distant_one() -> None:
    # The machine was slow while the first echo run and the WhatsApp scenario ran, fast afterwards.
    results = [
        result("echo", 600.0, 1.5),
        result("assistant", 240.0, 3.9, path="whatsapp"),
        result("echo", 600.0, 1.5),
        result("assistant", 350.0, 2.7),
        result("echo", 1000.0, 0.9),
    ]
    verdict = summary(results)
    whatsapp, telegram = verdict["whatsapp/sqlite"], verdict["telegram/sqlite"]
    assert whatsapp["echo_max_updates_per_s"] == [600.0, 600.0]
    assert whatsapp["throughput_ratio_vs_echo"] == 0.4
    assert whatsapp["ratio_met"]
    assert telegram["echo_max_updates_per_s"] == [600.0, 1000.0]
    assert telegram["throughput_ratio_vs_echo"] == 0.438  # 350 / 800
    assert telegram["cpu_per_update_ratio_vs_echo"] == round(1.2 / 2.7, 3)
    assert verdict["all_measured_met"]
