"""CaseMirrors: the desk hands events over at once; each mirror gets them in order; failures are logged."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import pytest
import structlog

from counselling.events import CaseEvent
from counselling.mirrors import CaseMirrors


class SlowMirror:
    """Like the staff group with an empty bucket: each event waits until the test lets it through."""

    def __init__(self, *, failing: frozenset[int] = frozenset(), expect: int = 0) -> None:
        self.seen: list[tuple[str, int]] = []
        self.open = asyncio.Event()
        self.open.set()
        self.waiting = asyncio.Event()
        self.got_all = asyncio.Event()  # set once `expect` events were seen
        self._failing = failing
        self._expect = expect

    async def mirror(self, event: CaseEvent) -> None:
        self.waiting.set()
        await self.open.wait()
        if event.case_id in self._failing:
            raise RuntimeError("group unreachable")
        self.seen.append((event.kind, event.case_id))
        if len(self.seen) == self._expect:
            self.got_all.set()


@pytest.fixture
async def mirrors() -> AsyncIterator[CaseMirrors]:
    running = CaseMirrors(grace_seconds=5)
    yield running
    await running.stop()


def events(*kinds: str, case_id: int = 1) -> list[CaseEvent]:
    return [CaseEvent(kind, case_id, 0) for kind in kinds]


async def test_publishing_returns_while_the_mirror_waits_and_order_is_kept(mirrors: CaseMirrors) -> None:
    group, console = SlowMirror(), SlowMirror(expect=4)
    group.open.clear()
    mirrors.add(group)
    mirrors.add(console)
    await mirrors.start()

    for event in events("opened", "message", "claimed", "reply"):
        mirrors.publish(event)  # returns at once although the group takes nothing yet
    async with asyncio.timeout(5):
        await group.waiting.wait()
        await console.got_all.wait()  # another mirror is not held up by the slow one
    assert group.seen == []
    assert mirrors.backlog == 4

    group.open.set()
    await mirrors.idle()
    assert group.seen == console.seen == [("opened", 1), ("message", 1), ("claimed", 1), ("reply", 1)]
    assert mirrors.backlog == 0


async def test_a_failing_event_is_logged_and_the_next_still_arrives(mirrors: CaseMirrors) -> None:
    group = SlowMirror(failing=frozenset({1}))
    mirrors.add(group)
    await mirrors.start()
    with structlog.testing.capture_logs() as logs:
        mirrors.publish(CaseEvent("opened", 1, 0))
        mirrors.publish(CaseEvent("opened", 2, 0))
        await mirrors.idle()
    assert group.seen == [("opened", 2)]
    [failed] = [e for e in logs if e["event"] == "case_mirror_failed"]
    assert (failed["case"], failed["kind"]) == (1, "opened")


async def test_events_published_before_start_wait_for_it(mirrors: CaseMirrors) -> None:
    group = SlowMirror()
    mirrors.add(group)
    mirrors.publish(CaseEvent("opened", 1, 0))
    with pytest.raises(RuntimeError):
        await mirrors.idle()  # a test that forgot start() fails instead of hanging
    await mirrors.start()
    await mirrors.idle()
    assert group.seen == [("opened", 1)]


async def test_stop_hands_over_the_queue_then_drops_new_events() -> None:
    mirrors = CaseMirrors(grace_seconds=5)
    group = SlowMirror()
    group.open.clear()
    mirrors.add(group)
    await mirrors.start()
    for event in events("opened", "message", "message"):
        mirrors.publish(event)
    await group.waiting.wait()

    stopping = asyncio.create_task(mirrors.stop())
    await asyncio.sleep(0)  # one turn of the loop: stop() has begun and refuses new events
    with structlog.testing.capture_logs() as logs:
        mirrors.publish(CaseEvent("message", 2, 0))  # a handler finishing during the shutdown
        group.open.set()
        await stopping
    assert group.seen == [("opened", 1), ("message", 1), ("message", 1)]  # all queued before stop()
    assert [(e["event"], e["case"]) for e in logs] == [("case_mirror_dropped", 2)]


async def test_stop_gives_up_after_the_grace_and_says_how_many_were_dropped() -> None:
    mirrors = CaseMirrors(grace_seconds=0.05)
    group = SlowMirror()
    group.open.clear()  # the group never answers
    mirrors.add(group)
    await mirrors.start()
    for event in events("opened", "message", "message"):
        mirrors.publish(event)
    with structlog.testing.capture_logs() as logs:
        await mirrors.stop()
        mirrors.publish(CaseEvent("closed", 1, 0))
    assert group.seen == []
    assert mirrors.backlog == 0
    dropped, late = logs
    assert (dropped["event"], dropped["dropped"]) == ("case_mirror_events_dropped", 3)
    assert (late["event"], late["case"], late["reason"]) == ("case_mirror_dropped", 1, "stopped")


async def test_a_full_backlog_drops_the_newest_event_with_a_warning() -> None:
    mirrors = CaseMirrors(backlog_limit=2)
    group = SlowMirror()
    mirrors.add(group)
    with structlog.testing.capture_logs() as logs:
        for event in events("opened", "message", "claimed"):
            mirrors.publish(event)
    assert [(e["event"], e["kind"], e["reason"]) for e in logs] == [
        ("case_mirror_dropped", "claimed", "backlog")
    ]
    await mirrors.start()
    await mirrors.idle()
    assert group.seen == [("opened", 1), ("message", 1)]
    await mirrors.stop()
