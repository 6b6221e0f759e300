"""JSON on the message path: orjson, which reads and writes the same documents as json, in C.

Every message is JSON several times over: the webhook's body, its inbox row, the conversation's state,
the Bot API or Graph API request and its answer, the log line. With the standard library that was 4.6 %
of the server's CPU in bench/channels.py (Telegram, PostgreSQL + Redis).

Written JSON is compact UTF-8, without json's `\\uXXXX` escapes; readers see the same values. Keys that
are not strings are written as strings, as json does.
"""

from __future__ import annotations

from typing import Any

import orjson

_OPTIONS = orjson.OPT_NON_STR_KEYS


def dumps(value: Any, default: Any = None) -> str:
    """`value` as JSON text."""
    return orjson.dumps(value, default=default, option=_OPTIONS).decode()


def dumps_bytes(value: Any) -> bytes:
    """`value` as UTF-8 JSON, for a request body."""
    return orjson.dumps(value, option=_OPTIONS)


def loads(raw: str | bytes | bytearray | memoryview) -> Any:
    """The value of JSON text; orjson.JSONDecodeError (a ValueError, as json's) when it is not JSON."""
    return orjson.loads(raw)


def log_serializer(value: Any, **options: Any) -> str:
    """structlog's JSONRenderer serializer: it passes `default` for values JSON has no type for."""
    return dumps(value, default=options.get("default"))
