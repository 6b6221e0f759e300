"""What the WhatsApp channel remembers per client between messages: numbered choices and delivery flags.

In Redis when configured (several processes), else in the process; both expire like the platform's rules.
"""

from __future__ import annotations

import time
from enum import StrEnum
from typing import Protocol

from redis.asyncio import Redis

from bot import json_codec
from bot.channels.base import RenderedChoice
from bot.core.keys import whatsapp_choices_key, whatsapp_flag_key

# Numbered choices are an answer to the last message: a day later "2" means something else.
CHOICES_TTL = 86_400
# A failed delivery's flag lasts until the client writes again, and at most as long as WhatsApp retries.
FLAG_TTL = 7 * 86_400


class Flag(StrEnum):
    NEEDS_TEMPLATE = "needs_template"  # a status said 131047: the 24-hour window is closed
    UNREACHABLE = "unreachable"  # a status said 131026: the message could not be delivered


class WhatsAppNotes(Protocol):
    async def remember_choices(self, user_ref: str, choices: tuple[RenderedChoice, ...]) -> None: ...

    async def choices(self, user_ref: str) -> tuple[RenderedChoice, ...]: ...

    async def forget_choices(self, user_ref: str) -> None: ...

    async def set_flag(self, user_ref: str, flag: Flag) -> None: ...

    async def flag(self, user_ref: str) -> Flag | None: ...

    async def clear_flag(self, user_ref: str) -> None: ...


def _dump(choices: tuple[RenderedChoice, ...]) -> str:
    return json_codec.dumps([[c.payload, c.label] for c in choices])


def _load(raw: str | bytes | None) -> tuple[RenderedChoice, ...]:
    if not raw:
        return ()
    return tuple(RenderedChoice(str(p), str(label)) for p, label in json_codec.loads(raw))


class MemoryWhatsAppNotes:
    """One process, no Redis."""

    def __init__(self) -> None:
        self._items: dict[str, tuple[float, str]] = {}

    def _get(self, key: str) -> str | None:
        item = self._items.get(key)
        if item is None or item[0] < time.monotonic():
            self._items.pop(key, None)
            return None
        return item[1]

    def _set(self, key: str, value: str, ttl: float) -> None:
        self._items[key] = (time.monotonic() + ttl, value)

    async def remember_choices(self, user_ref: str, choices: tuple[RenderedChoice, ...]) -> None:
        self._set(whatsapp_choices_key(user_ref), _dump(choices), CHOICES_TTL)

    async def choices(self, user_ref: str) -> tuple[RenderedChoice, ...]:
        return _load(self._get(whatsapp_choices_key(user_ref)))

    async def forget_choices(self, user_ref: str) -> None:
        self._items.pop(whatsapp_choices_key(user_ref), None)

    async def set_flag(self, user_ref: str, flag: Flag) -> None:
        self._set(whatsapp_flag_key(user_ref), flag.value, FLAG_TTL)

    async def flag(self, user_ref: str) -> Flag | None:
        value = self._get(whatsapp_flag_key(user_ref))
        return Flag(value) if value else None

    async def clear_flag(self, user_ref: str) -> None:
        self._items.pop(whatsapp_flag_key(user_ref), None)


class RedisWhatsAppNotes:
    """Shared by every process."""

    def __init__(self, redis: Redis) -> None:
        self._redis = redis

    async def remember_choices(self, user_ref: str, choices: tuple[RenderedChoice, ...]) -> None:
        await self._redis.set(whatsapp_choices_key(user_ref), _dump(choices), ex=CHOICES_TTL)

    async def choices(self, user_ref: str) -> tuple[RenderedChoice, ...]:
        return _load(await self._redis.get(whatsapp_choices_key(user_ref)))

    async def forget_choices(self, user_ref: str) -> None:
        await self._redis.delete(whatsapp_choices_key(user_ref))

    async def set_flag(self, user_ref: str, flag: Flag) -> None:
        await self._redis.set(whatsapp_flag_key(user_ref), flag.value, ex=FLAG_TTL)

    async def flag(self, user_ref: str) -> Flag | None:
        raw = await self._redis.get(whatsapp_flag_key(user_ref))
        if raw is None:
            return None
        return Flag(raw.decode() if isinstance(raw, bytes) else str(raw))

    async def clear_flag(self, user_ref: str) -> None:
        await self._redis.delete(whatsapp_flag_key(user_ref))
