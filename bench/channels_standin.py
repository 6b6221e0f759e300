"""The stand-ins of bench/channels.py in their own process, recording when each reply arrived.

`telegram`: tests/standins/telegram_api.py with its limits lifted (no bot or chat limit), so only the
server under test sets the pace. `graph`: tests/standins/graph_api.py (it has no limits). Both record
every accepted message as [recipient, time.monotonic(), first 120 characters]; on Linux the monotonic
clock is one clock for every process, so the load generator can subtract its own send times.

    python bench/channels_standin.py telegram|graph     # prints its base URL once it listens

GET /bench/count -> {"count": n}; GET /bench/arrivals -> {"arrivals": [...]}; POST /bench/reset.
"""

from __future__ import annotations

import argparse
import asyncio
import socket
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

HEAD_CHARS = 120
Arrival = tuple[str, float, str]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


async def serve_telegram() -> None:
    from aiohttp import web

    from tests.standins.telegram_api import Limits, TelegramStandIn

    arrivals: list[Arrival] = []

    class Recording(TelegramStandIn):
        def _send_message(self, token: str, params: dict[str, Any]) -> web.Response:
            response = super()._send_message(token, params)
            if response.status == 200:
                text = str(params.get("text", ""))
                arrivals.append((str(params.get("chat_id", "")), time.monotonic(), text[:HEAD_CHARS]))
            return response

        def app(self) -> web.Application:
            app = super().app()

            async def count(request: web.Request) -> web.Response:
                return web.json_response({"count": len(arrivals)})

            async def listing(request: web.Request) -> web.Response:
                return web.json_response({"arrivals": arrivals})

            async def reset(request: web.Request) -> web.Response:
                arrivals.clear()
                return web.json_response({"ok": True})

            app.router.add_get("/bench/count", count)
            app.router.add_get("/bench/arrivals", listing)
            app.router.add_post("/bench/reset", reset)
            return app

    # The limits lifted: Telegram's 30/s per bot would cap both servers long before their own limit.
    standin = Recording(Limits(bot_per_second=10**9, chat_interval=0.0))
    print(await standin.start(port=free_port()), flush=True)
    try:
        await asyncio.Event().wait()
    finally:
        await standin.stop()


async def serve_graph() -> None:
    import uvicorn
    from starlette.requests import Request
    from starlette.responses import JSONResponse, Response
    from starlette.routing import Route

    from tests.standins.graph_api import GraphApiStandIn

    arrivals: list[Arrival] = []

    class Recording(GraphApiStandIn):
        async def _messages(self, request: Request) -> Response:
            response = await super()._messages(request)
            body = await request.json()  # Starlette keeps the parsed body: no second read
            if response.status_code == 200 and body.get("status") != "read":
                who = str(body.get("to") or body.get("recipient") or "")
                arrivals.append((who, time.monotonic(), text_of(body)[:HEAD_CHARS]))
            # Nothing reads the stand-in's own list here: keep the process's memory flat.
            self.messages.clear()
            return response

    async def count(request: Request) -> Response:
        return JSONResponse({"count": len(arrivals)})

    async def listing(request: Request) -> Response:
        return JSONResponse({"arrivals": arrivals})

    async def reset(request: Request) -> Response:
        arrivals.clear()
        return JSONResponse({"ok": True})

    standin = Recording()
    app = standin.app()
    app.router.routes[0:0] = [
        Route("/bench/count", count, methods=["GET"]),
        Route("/bench/arrivals", listing, methods=["GET"]),
        Route("/bench/reset", reset, methods=["POST"]),
    ]
    port = free_port()
    standin.base_url = f"http://127.0.0.1:{port}"
    config = uvicorn.Config(
        app, host="127.0.0.1", port=port, log_config=None, access_log=False, lifespan="off"
    )
    server = uvicorn.Server(config)
    task = asyncio.create_task(server.serve())
    while not server.started:
        if task.done():
            task.result()
        await asyncio.sleep(0.01)
    print(standin.base_url, flush=True)
    await task


def text_of(body: dict[str, Any]) -> str:
    """The visible text of a Graph API message body: a text message's, or an interactive one's body."""
    if body.get("type") == "text":
        return str(body["text"]["body"])
    if body.get("type") == "interactive":
        return str(body["interactive"]["body"]["text"])
    return ""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("kind", choices=["telegram", "graph"])
    kind = parser.parse_args().kind
    runner = serve_telegram if kind == "telegram" else serve_graph
    run_fast(runner())


def run_fast(coroutine: Any) -> None:
    """uvloop when installed (uvicorn[standard] brings it), as the assistant's uvicorn uses it."""
    try:
        import uvloop
    except ImportError:
        asyncio.run(coroutine)
        return
    uvloop.run(coroutine)


if __name__ == "__main__":
    main()
