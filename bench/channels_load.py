"""The load generator of bench/channels.py: webhook POSTs over HTTP, open and closed loop, and the figures.

Every update comes from its own client (chat or phone number) and each client sends one message per
phase, so a reply is matched to its update by the recipient alone, whatever the reply's words: an FAQ
answer does not echo a token. `expected` says how many messages make one complete answer.
"""

from __future__ import annotations

import asyncio
import json
import math
import time
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import aiohttp

Arrival = tuple[str, float, str]  # recipient, time.monotonic() at the stand-in, the text's start


@dataclass(frozen=True)
class Update:
    """One prepared webhook POST: built and signed before the clock starts."""

    recipient: str  # the chat id or phone number the reply goes to
    body: bytes
    headers: dict[str, str]
    expected: int  # messages in one complete answer
    check: str  # how the answer's first message starts (the FAQ answer, or the echoed text)


@dataclass
class Sent:
    update: Update
    sent_at: float = 0.0
    answered_at: float = 0.0
    status: int = 0
    lag: float = 0.0  # how late the open-loop schedule sent it
    retries: int = 0


def telegram_update(update_id: int, chat_id: int, text: str, language: str) -> dict[str, Any]:
    """A private text message as Telegram POSTs it (https://core.telegram.org/bots/api#update)."""
    person = {"id": chat_id, "is_bot": False, "first_name": "Client", "language_code": language}
    message = {
        "message_id": update_id,
        "date": int(time.time()),
        "chat": {"id": chat_id, "type": "private", "first_name": "Client"},
        "from": person,
        "text": text,
    }
    return {"update_id": update_id, "message": message}


def json_body(payload: dict[str, Any]) -> bytes:
    return json.dumps(payload, ensure_ascii=False).encode()


async def post(http: aiohttp.ClientSession, url: str, sent: Sent, attempts: int = 5) -> Sent:
    """POST the update; an answer other than 200 is retried after 0.5, 1, 2... s, as the platforms do.

    `answered_at` is the first attempt's answer: the webhook's own answer time.
    """
    sent.sent_at = time.monotonic()
    for attempt in range(attempts):
        try:
            async with http.post(url, data=sent.update.body, headers=sent.update.headers) as response:
                await response.read()
                sent.status = response.status
        except aiohttp.ClientError:
            sent.status = -1
        if attempt == 0:
            sent.answered_at = time.monotonic()
        if sent.status == 200:
            break
        sent.retries += 1
        await asyncio.sleep(0.5 * 2**attempt)
    return sent


async def open_loop(
    http: aiohttp.ClientSession, url: str, updates: Sequence[Update], rate: float
) -> list[Sent]:
    """Send at a fixed rate whatever the answers take (an open loop: no sender waits for a reply)."""
    start = time.monotonic() + 0.05
    tasks = []
    for i, update in enumerate(updates):
        due = start + i / rate
        delay = due - time.monotonic()
        if delay > 0:
            await asyncio.sleep(delay)
        sent = Sent(update, lag=max(0.0, time.monotonic() - due))
        tasks.append(asyncio.create_task(post(http, url, sent)))
    return list(await asyncio.gather(*tasks))


async def closed_loop(
    http: aiohttp.ClientSession, url: str, updates: Sequence[Update], senders: int
) -> list[Sent]:
    """`senders` clients each POST the next update as soon as their previous one was answered."""
    queue: asyncio.Queue[Update] = asyncio.Queue()
    for update in updates:
        queue.put_nowait(update)
    done: list[Sent] = []

    async def sender() -> None:
        while not queue.empty():
            done.append(await post(http, url, Sent(queue.get_nowait())))

    await asyncio.gather(*(sender() for _ in range(senders)))
    return done


async def arrived(http: aiohttp.ClientSession, standin: str) -> int:
    async with http.get(f"{standin}/bench/count") as response:
        return int((await response.json())["count"])


async def arrivals_at(http: aiohttp.ClientSession, standin: str) -> list[Arrival]:
    async with http.get(f"{standin}/bench/arrivals") as response:
        rows = (await response.json())["arrivals"]
    return [(str(row[0]), float(row[1]), str(row[2])) for row in rows]


async def wait_for_replies(
    http: aiohttp.ClientSession,
    standin: str,
    expected: int,
    *,
    settle: float,
    quiet: float,
    first: float = 0.0,
) -> list[Arrival]:
    """Poll the stand-in until `expected` messages are in (then `settle` seconds more, for doubles) or
    none has come for `quiet` seconds (`first` seconds for the very first); returns every arrival."""
    last_count, last_change = 0, time.monotonic()
    while True:
        count = await arrived(http, standin)
        now = time.monotonic()
        if count != last_count:
            last_count, last_change = count, now
        if count >= expected or now - last_change > (quiet if count else max(quiet, first)):
            break
        await asyncio.sleep(0.05)
    if count >= expected:
        await asyncio.sleep(settle)
    return await arrivals_at(http, standin)


async def reset(http: aiohttp.ClientSession, standin: str) -> None:
    async with http.post(f"{standin}/bench/reset") as response:
        response.raise_for_status()


def percentile(values: Sequence[float], p: float) -> float | None:
    """Nearest-rank percentile (p in 0..100), None for no values."""
    if not values:
        return None
    ordered = sorted(values)
    return ordered[max(0, math.ceil(p / 100 * len(ordered)) - 1)]


def ms(seconds: float | None) -> float | None:
    return None if seconds is None else round(seconds * 1000, 1)


def figures(sends: Sequence[Sent], arrivals: Sequence[Arrival]) -> dict[str, Any]:
    """Per update: complete (exactly `expected` messages), lost (fewer) or doubled (more); a wrong answer
    (say an apology instead of the FAQ answer) is complete but counted apart.

    Latency: from the moment the POST was sent to the arrival of the answer's last expected message.
    Throughput: complete answers per second from the first POST to the last complete answer.
    """
    seen: dict[str, list[tuple[float, str]]] = defaultdict(list)
    for recipient, at, head in arrivals:
        seen[recipient].append((at, head))
    latencies: list[float] = []
    finished: list[float] = []
    lost = doubled = wrong = 0
    for sent in sends:
        got = sorted(seen.get(sent.update.recipient, []))
        if len(got) < sent.update.expected:
            lost += 1
            continue
        if len(got) > sent.update.expected:
            doubled += 1
        if not got[0][1].startswith(sent.update.check):
            wrong += 1
        done_at = got[sent.update.expected - 1][0]
        finished.append(done_at)
        latencies.append(done_at - sent.sent_at)
    recipients = {s.update.recipient for s in sends}
    first = min((s.sent_at for s in sends), default=0.0)
    span = max(finished) - first if finished else 0.0
    webhook = [s.answered_at - s.sent_at for s in sends]
    return {
        "sent": len(sends),
        "replied": len(finished),
        "lost": lost,
        "doubled": doubled,
        "wrong_answers": wrong,
        "stray_messages": sum(len(v) for k, v in seen.items() if k not in recipients),
        "webhook_retries": sum(s.retries for s in sends),
        "per_s": round(len(finished) / span, 1) if span > 0 else 0.0,
        "p50_ms": ms(percentile(latencies, 50)),
        "p99_ms": ms(percentile(latencies, 99)),
        "max_ms": ms(max(latencies, default=None)),
        "webhook_p50_ms": ms(percentile(webhook, 50)),
        "webhook_p99_ms": ms(percentile(webhook, 99)),
        "send_lag_p99_ms": ms(percentile([s.lag for s in sends], 99)),
    }


async def calibrate(
    http: aiohttp.ClientSession, url: str, standin: str, probes: Sequence[tuple[str, Update]]
) -> tuple[dict[str, int], dict[str, Any]]:
    """One (language, update) at a time: how many messages make its answer, and that it is the right one.

    Each probe waits (up to 30 s) for its first message, then until none has come for a second.
    Raises when an answer is missing or is not the expected one: the phases would measure something else.
    """
    expected: dict[str, int] = {}
    report: dict[str, Any] = {}
    for locale, probe in probes:
        await reset(http, standin)
        sent = await post(http, url, Sent(probe))
        arrivals = await wait_for_replies(http, standin, 10**9, settle=0.0, quiet=1.0, first=30.0)
        mine = sorted((at, head) for who, at, head in arrivals if who == probe.recipient)
        if sent.status != 200 or not mine or not mine[0][1].startswith(probe.check):
            raise RuntimeError(f"calibration in {locale}: webhook {sent.status}, answer {mine[:1]}")
        expected[locale] = len(mine)
        report[locale] = {"messages": len(mine), "ms": ms(mine[-1][0] - sent.sent_at)}
    return expected, report
