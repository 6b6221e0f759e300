"""bench/channels.py's verdicts: each update's answer counted as complete, lost, doubled or wrong."""

from __future__ import annotations

from bench.channels_load import Sent, Update, figures, percentile


def sent(recipient: str, at: float, expected: int = 1, check: str = "Apply for") -> Sent:
    update = Update(recipient, b"{}", {}, expected, check)
    return Sent(update, sent_at=at, answered_at=at + 0.002, status=200)


def test_each_update_is_matched_to_its_own_clients_messages() -> None:
    sends = [sent("1", 10.0), sent("2", 10.01, expected=2), sent("3", 10.02), sent("4", 10.03)]
    arrivals = [
        ("1", 10.05, "Apply for an extension"),
        ("2", 10.06, "Apply for an extension"),
        ("2", 10.09, "Which day suits you?"),  # the second of two expected messages: the answer is complete
        ("3", 10.04, "Apply for an extension"),
        ("3", 10.08, "Apply for an extension"),  # the same answer twice
        ("9", 10.07, "Apply for an extension"),  # nobody of this phase asked
    ]
    result = figures(sends, arrivals)
    assert (result["sent"], result["replied"], result["lost"], result["doubled"]) == (4, 3, 1, 1)
    assert result["stray_messages"] == 1
    # Latency runs to the answer's last expected message: 50, 80 and 20 ms.
    assert (result["p50_ms"], result["max_ms"]) == (50.0, 80.0)
    assert result["webhook_p99_ms"] == 2.0


def test_an_apology_instead_of_the_answer_is_a_wrong_answer_not_a_reply_lost() -> None:
    result = figures([sent("1", 0.0)], [("1", 0.1, "Sorry, something went wrong")])
    assert (result["replied"], result["lost"], result["wrong_answers"]) == (1, 0, 1)


def test_throughput_counts_complete_answers_from_the_first_post_to_the_last_answer() -> None:
    sends = [sent(str(i), i * 0.01) for i in range(100)]
    arrivals = [(str(i), i * 0.01 + 0.01, "Apply for an extension") for i in range(100)]
    assert figures(sends, arrivals)["per_s"] == 100.0


def test_percentile_is_nearest_rank() -> None:
    values = [float(v) for v in range(1, 101)]
    assert (percentile(values, 50), percentile(values, 99), percentile([], 99)) == (50.0, 99.0, None)
