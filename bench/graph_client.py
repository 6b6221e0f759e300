"""The CPU one GraphClient call costs the assistant: `send` in a loop against the Graph API stand-in.

The stand-in (bench/channels_standin.py graph) runs in its own process on one core and this loop on the
other, so time.process_time() counts only the client's side: building the request, the HTTP library,
parsing the answer. It prints JSON: µs of CPU per call in each of `--rounds` rounds of `--calls` calls
after a warm-up, and their median.

    python bench/graph_client.py [--calls 2000] [--rounds 5] [--loop uvloop|asyncio]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.channels_setup import Child
from bot.channels.whatsapp.client import GraphClient
from tests.standins.graph_api import PHONE_NUMBER_ID, TOKEN

HERE = Path(__file__).resolve().parent
WARM_UP = 200
BODY = {
    "messaging_product": "whatsapp",
    "recipient_type": "individual",
    "to": "420777123456",
    "type": "text",
    "text": {"body": "Dobrý den, vaše schůzka je potvrzena na úterý 10:00."},
}


async def rounds(base_url: str, calls: int, count: int) -> list[float]:
    """µs of this process's CPU per `send`, one figure per round."""
    client = GraphClient(base_url, PHONE_NUMBER_ID, TOKEN)
    try:
        for _ in range(WARM_UP):
            await client.send(BODY)
        figures = []
        for _ in range(count):
            started = time.process_time()
            for _ in range(calls):
                await client.send(BODY)
            figures.append((time.process_time() - started) / calls * 1e6)
        return figures
    finally:
        await client.aclose()


async def main(calls: int, count: int, loop: str, standin_core: int | None) -> None:
    standin = await Child.start(
        [sys.executable, str(HERE / "channels_standin.py"), "graph"],
        Path(os.devnull),
        core=standin_core,
        reads_url=True,
    )
    try:
        figures = await rounds(standin.url, calls, count)
    finally:
        await standin.stop()
    report = {
        "call": "send",
        "loop": loop,
        "calls_per_round": calls,
        "cpu_us_per_call_rounds": [round(f) for f in figures],
        "cpu_us_per_call": round(statistics.median(figures)),
    }
    print(json.dumps(report))


def cli() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--calls", type=int, default=2000)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--loop", choices=["uvloop", "asyncio"], default="uvloop")
    args = parser.parse_args()
    cores = sorted(os.sched_getaffinity(0))
    standin_core = None
    if len(cores) >= 2:
        # A core each, so the stand-in's work neither counts here nor waits for ours.
        standin_core = cores[0]
        os.sched_setaffinity(0, {cores[1]})
    run = main(args.calls, args.rounds, args.loop, standin_core)
    if args.loop == "uvloop":
        import uvloop

        uvloop.run(run)
    else:
        asyncio.run(run)


if __name__ == "__main__":
    cli()
