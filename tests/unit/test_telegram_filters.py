"""The Telegram routers check their filters on the event loop, never through a thread per check."""

from __future__ import annotations

from aiogram import Router

from bot.channels.telegram.router import build_router, build_staff_router


def every_filter(router: Router) -> list[object]:
    return [
        flt
        for observer in router.observers.values()
        for handler in observer.handlers
        for flt in handler.filters or []
    ]


def test_no_filter_is_sent_to_a_thread() -> None:
    # aiogram runs a filter that is not a coroutine through asyncio.to_thread (F itself is one).
    for router in (build_router(), build_router(staff_chat_id=-100), build_staff_router(-100)):
        filters = every_filter(router)
        assert filters
        assert all(flt.awaitable for flt in filters)  # type: ignore[attr-defined]
