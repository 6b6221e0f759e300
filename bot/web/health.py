"""/healthz: 200 when the database (and Redis, when configured) answer, 503 otherwise."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import JSONResponse


async def healthz(request: Request) -> JSONResponse:
    status = await request.app.state.assistant.health()
    healthy = all(status.values())
    return JSONResponse(
        {"status": "ok" if healthy else "unavailable", **status}, status_code=200 if healthy else 503
    )
