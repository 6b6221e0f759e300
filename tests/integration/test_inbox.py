"""The inbox on SQLite and PostgreSQL: stored once, one client's messages in order, clients in parallel."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from datetime import UTC, datetime, timedelta

import pytest
from redis.asyncio import Redis
from sqlalchemy import event

from bot.channels.base import RenderedChoice
from bot.channels.whatsapp.notes import Flag, MemoryWhatsAppNotes, RedisWhatsAppNotes, WhatsAppNotes
from bot.db.session import create_engine, create_session_factory
from bot.inbox.processor import LEASE, MAX_ATTEMPTS, InboxProcessor
from bot.inbox.store import InboxItem, NewInbound

NOW = datetime(2026, 11, 24, 9, 30, tzinfo=UTC)


def message(n: int, user: str) -> NewInbound:
    return NewInbound("wa", f"wamid.{n}", f"wa:{user}", {"kind": "text", "text": f"m{n}"}, NOW)


async def until(condition: Callable[[], bool]) -> None:
    """Wait (at most 10 s) for what the handlers record: they set no event to wait on."""
    async with asyncio.timeout(10):
        while not condition():  # noqa: ASYNC110 - see the docstring
            await asyncio.sleep(0.01)


@asynccontextmanager
async def running(
    processor: InboxProcessor, handle: Callable[[InboxItem], Awaitable[None]], clients: int
) -> AsyncIterator[None]:
    """The processor running in the background, with one message of each of `clients` clients stored."""
    processor.register("wa", handle)
    await processor.start()
    try:
        await processor.store.add([message(n, f"client{n}") for n in range(clients)])
        processor.kick()
        yield
    finally:
        await processor.stop()


@pytest.fixture
async def processor(database_url: str) -> AsyncIterator[InboxProcessor]:
    engine = create_engine(database_url)
    yield InboxProcessor(create_session_factory(engine), poll_seconds=0.05)
    await engine.dispose()


async def test_a_retried_webhook_stores_nothing_new(processor: InboxProcessor) -> None:
    assert await processor.store.add([message(1, "a"), message(2, "a")]) == 2
    assert await processor.store.add([message(1, "a"), message(2, "a"), message(3, "a")]) == 1
    assert await processor.store.pending() == 3


async def test_a_burst_of_webhooks_is_stored_once_each_with_retries_counted_as_nothing_new(
    database_url: str,
) -> None:
    engine = create_engine(database_url)
    processor = InboxProcessor(create_session_factory(engine))
    # Concurrent webhooks share writes (group commit); each still learns what was new in its own.
    burst = [[message(n, f"u{n % 7}")] for n in range(40)]
    retries = [[message(n, f"u{n % 7}")] for n in range(0, 40, 4)]
    writes: list[str] = []  # INSERTs on PostgreSQL (each commits alone), commits on SQLite
    postgresql = engine.dialect.name == "postgresql"

    def statement(_conn: object, _cursor: object, sql: str, *_args: object) -> None:
        if sql.lstrip().upper().startswith("INSERT"):
            writes.append("INSERT")

    def commit(_conn: object) -> None:
        writes.append("COMMIT")

    listener = ("before_cursor_execute", statement) if postgresql else ("commit", commit)
    event.listen(engine.sync_engine, *listener)
    try:
        counts = await asyncio.gather(*(processor.store.add(rows) for rows in burst + retries))
        event.remove(engine.sync_engine, *listener)
        pending = await processor.store.pending()
    finally:
        await engine.dispose()

    # 50 webhooks: those that come while a write is under way go together in the next one.
    assert 1 <= len(writes) <= 2
    assert sum(counts) == 40
    assert pending == 40
    pairs = {n: counts[n] for n in range(0, 40, 4)}
    for i, n in enumerate(range(0, 40, 4)):
        # The first of the two copies to be written counts it; the other finds it stored.
        assert pairs[n] + counts[40 + i] == 1


async def test_a_failed_write_fails_every_webhook_waiting_on_it_and_the_next_one_works(
    processor: InboxProcessor, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = processor.store
    real = store._insert

    async def broken(batches: list[list[NewInbound]]) -> list[int]:
        raise ConnectionError("database went away")

    monkeypatch.setattr(store, "_insert", broken)
    results = await asyncio.gather(*(store.add([message(n, "a")]) for n in range(5)), return_exceptions=True)
    assert all(isinstance(result, ConnectionError) for result in results)  # webhooks answer 500: retried

    monkeypatch.setattr(store, "_insert", real)
    assert await store.add([message(1, "a")]) == 1
    assert await store.pending() == 1


async def test_one_clients_messages_in_order_while_clients_run_in_parallel(processor: InboxProcessor) -> None:
    seen: list[str] = []
    overlapping: set[str] = set()
    busy: set[str] = set()
    together = 0

    async def handle(item: InboxItem) -> None:
        nonlocal together
        if item.user_ref in busy:
            overlapping.add(item.user_ref)
        busy.add(item.user_ref)
        together = max(together, len(busy))
        await asyncio.sleep(0.01)
        seen.append(item.body["text"])
        busy.discard(item.user_ref)

    processor.register("wa", handle)
    await processor.store.add([message(n, "abc"[n % 3]) for n in range(12)])
    await processor.run_until_idle()
    for user in range(3):
        mine = [text for text in seen if int(text[1:]) % 3 == user]
        assert mine == sorted(mine, key=lambda t: int(t[1:]))
    assert len(seen) == 12
    assert overlapping == set()
    assert together > 1
    assert await processor.store.pending() == 0


async def test_two_processes_share_the_inbox_each_message_once_and_each_clients_in_order(
    database_url: str,
) -> None:
    # Two processors on engines of their own, as two processes of the assistant on one database.
    engines = [create_engine(database_url) for _ in range(2)]
    processors = [InboxProcessor(create_session_factory(e), poll_seconds=60, concurrency=2) for e in engines]
    handled: list[tuple[int, str]] = []
    busy: set[str] = set()
    overlapping: set[str] = set()

    def handler(worker: int) -> Callable[[InboxItem], Awaitable[None]]:
        async def handle(item: InboxItem) -> None:
            if item.user_ref in busy:
                overlapping.add(item.user_ref)
            busy.add(item.user_ref)
            await asyncio.sleep(0.002)
            handled.append((worker, item.body["text"]))
            busy.discard(item.user_ref)

        return handle

    try:
        for worker, processor in enumerate(processors):
            processor.register("wa", handler(worker))
        await processors[0].store.add([message(n, "abcdef"[n % 6]) for n in range(60)])
        await asyncio.gather(*(processor.run_until_idle() for processor in processors))

        texts = [text for _, text in handled]
        assert sorted(texts, key=lambda t: int(t[1:])) == [f"m{n}" for n in range(60)]  # each once
        for user in range(6):
            mine = [int(text[1:]) for text in texts if int(text[1:]) % 6 == user]
            assert mine == sorted(mine)  # in the order the client sent them
        assert overlapping == set()  # never one client in both processes at once
        assert {worker for worker, _ in handled} == {0, 1}  # both took a share
        assert await processors[0].store.pending() == 0
    finally:
        for engine in engines:
            await engine.dispose()


async def test_a_failing_message_waits_and_blocks_only_its_client_then_is_given_up(
    processor: InboxProcessor,
) -> None:
    handled: list[str] = []
    clock = [NOW]
    processor.clock = lambda: clock[0]

    async def handle(item: InboxItem) -> None:
        if item.body["text"] == "m0":
            raise RuntimeError("media download failed")
        handled.append(item.body["text"])

    processor.register("wa", handle)
    await processor.store.add([message(0, "a"), message(1, "a"), message(2, "b")])
    await processor.run_until_idle()
    assert handled == ["m2"]  # a's second message waits behind the failed one
    for _ in range(MAX_ATTEMPTS):
        clock[0] += timedelta(minutes=10)
        await processor.run_until_idle()
    assert handled == ["m2", "m1"]
    assert await processor.store.pending() == 0


async def test_a_round_claims_each_free_clients_oldest_message_oldest_first(
    processor: InboxProcessor,
) -> None:
    store = processor.store
    lease = timedelta(minutes=2)
    # Client a's first message was handled long ago (kept for de-duplication): it holds nothing back.
    await store.add([message(0, "a")])
    [old] = await store.claim_heads(["wa"], "w0", NOW, lease, 10)
    await store.finish(old.id, "done", NOW)
    await store.add([message(1, "a"), message(2, "b"), message(3, "a"), message(4, "c"), message(5, "d")])
    first = await store.claim_heads(["wa"], "w1", NOW, lease, 2)
    assert [item.body["text"] for item in first] == ["m1", "m2"]  # the oldest heads, up to the limit
    # a and b are held: a's next message waits behind m1; c and d are next; other channels are not read.
    assert await store.claim_heads(["tg"], "w2", NOW, lease, 10) == []
    second = await store.claim_heads(["wa"], "w2", NOW, lease, 10)
    assert [item.body["text"] for item in second] == ["m4", "m5"]
    await store.finish(first[0].id, "done", NOW)  # m1 is done: a's m3 is its head now
    third = await store.claim_heads(["wa"], "w3", NOW, lease, 10)
    assert [item.body["text"] for item in third] == ["m3"]


async def test_a_crashed_workers_lease_runs_out_and_the_message_is_processed(
    processor: InboxProcessor,
) -> None:
    await processor.store.add([message(1, "a")])
    [claimed] = await processor.store.claim_heads(
        ["wa"], "dead-worker", datetime.now(UTC), timedelta(minutes=2), 10
    )
    row_id = claimed.id
    handled: list[int] = []

    async def handle(item: InboxItem) -> None:
        handled.append(item.id)

    processor.register("wa", handle)
    await processor.run_until_idle()
    assert handled == []  # the lease still holds
    processor.clock = lambda: datetime.now(UTC) + timedelta(minutes=3)
    await processor.run_until_idle()
    assert handled == [row_id]


async def test_the_background_service_processes_on_kick_and_purges_old_ids(processor: InboxProcessor) -> None:
    done = asyncio.Event()

    async def handle(item: InboxItem) -> None:
        done.set()

    processor.register("wa", handle)
    await processor.start()
    await processor.store.add([message(1, "a")])
    processor.kick()
    async with asyncio.timeout(5):
        await done.wait()
    await processor.stop()
    assert await processor.store.purge_processed_before(datetime.now(UTC) + timedelta(days=8)) == 1


async def test_more_waiting_clients_than_slots_are_served_as_slots_free_up_not_at_the_next_poll(
    database_url: str,
) -> None:
    engine = create_engine(database_url)
    # Two slots and a poll of a minute: a burst of 12 clients must not wait for polls to be answered.
    processor = InboxProcessor(create_session_factory(engine), poll_seconds=60, concurrency=2)
    handled: list[str] = []

    async def handle(item: InboxItem) -> None:
        await asyncio.sleep(0.01)
        handled.append(item.user_ref)

    async with running(processor, handle, clients=12):
        await until(lambda: len(handled) == 12)
    await engine.dispose()
    assert sorted(handled) == sorted(f"wa:client{n}" for n in range(12))


async def test_no_more_messages_are_handled_at_once_than_the_concurrency_and_the_rest_follow(
    database_url: str,
) -> None:
    engine = create_engine(database_url)
    processor = InboxProcessor(create_session_factory(engine), poll_seconds=60, concurrency=3)
    release = asyncio.Event()
    busy: set[str] = set()
    most = 0
    handled: list[str] = []

    async def handle(item: InboxItem) -> None:
        nonlocal most
        busy.add(item.user_ref)
        most = max(most, len(busy))
        await release.wait()
        busy.discard(item.user_ref)
        handled.append(item.user_ref)

    async with running(processor, handle, clients=9):
        try:
            await until(lambda: len(busy) == 3)
            await asyncio.sleep(0.2)  # time for a fourth to start, if the limit let it
            assert (len(busy), most) == (3, 3)
        finally:
            release.set()
        await until(lambda: len(handled) == 9)
    await engine.dispose()
    assert most == 3
    assert sorted(handled) == sorted(f"wa:client{n}" for n in range(9))


@pytest.fixture
async def notes(redis_or_memory: Redis | None) -> WhatsAppNotes:
    return RedisWhatsAppNotes(redis_or_memory) if redis_or_memory is not None else MemoryWhatsAppNotes()


async def test_finishes_that_come_together_are_written_together_and_each_client_gets_its_own_next(
    database_url: str,
) -> None:
    engine = create_engine(database_url)
    processor = InboxProcessor(create_session_factory(engine))
    store, owner = processor.store, processor.owner
    writes: list[str] = []  # statements on PostgreSQL (each its own transaction), commits on SQLite

    def statement(_conn: object, _cursor: object, sql: str, *_args: object) -> None:
        writes.append(sql.split()[0].upper())

    def commit(_conn: object) -> None:
        writes.append("COMMIT")

    try:
        await store.add([message(n, f"u{n % 4}") for n in range(8)])  # u0: 0 then 4, u1: 1 then 5...
        heads = await store.claim_heads(["wa"], owner, NOW, LEASE, limit=10)
        assert [item.platform_message_id for item in heads] == [f"wamid.{n}" for n in range(4)]
        postgresql = engine.dialect.name == "postgresql"
        event.listen(
            engine.sync_engine,
            "before_cursor_execute" if postgresql else "commit",
            statement if postgresql else commit,
        )
        nexts = await asyncio.gather(
            *(store.finish_and_claim_next(item, "done", owner, NOW, LEASE) for item in heads)
        )
        event.remove(
            engine.sync_engine,
            "before_cursor_execute" if postgresql else "commit",
            statement if postgresql else commit,
        )
        assert [n.platform_message_id if n else None for n in nexts] == [f"wamid.{n}" for n in range(4, 8)]
        assert [n.user_ref if n else None for n in nexts] == [item.user_ref for item in heads]
        assert writes == (["WITH"] if postgresql else ["COMMIT"])  # one write for the four clients

        lasts = await asyncio.gather(
            *(store.finish_and_claim_next(item, "failed", owner, NOW, LEASE) for item in nexts if item)
        )
        assert lasts == [None] * 4  # nothing left to claim
        assert await store.pending() == 0
    finally:
        await engine.dispose()


async def test_two_finishes_of_one_client_in_one_write_each_claim_in_turn(database_url: str) -> None:
    """A drain ending as the client's next starts: a write claims one next row per client, so the second
    finish waits for the next write instead of both being answered from one claim."""
    engine = create_engine(database_url)
    processor = InboxProcessor(create_session_factory(engine))
    store, owner = processor.store, processor.owner
    try:
        await store.add([message(n, "a") for n in range(3)])
        [first] = await store.claim_heads(["wa"], owner, NOW, LEASE, limit=10)
        second = InboxItem(first.id + 1, "wa", "wamid.1", "wa:a", {}, 1)  # as if already in hand
        nexts = await asyncio.gather(
            store.finish_and_claim_next(first, "done", owner, NOW, LEASE),
            store.finish_and_claim_next(second, "done", owner, NOW, LEASE),
        )
        assert [n.platform_message_id if n else None for n in nexts] == ["wamid.1", "wamid.2"]
    finally:
        await engine.dispose()


async def test_a_message_that_arrives_while_the_clients_last_one_is_being_finished_is_not_left_for_the_poll(
    database_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    engine = create_engine(database_url)
    processor = InboxProcessor(create_session_factory(engine), poll_seconds=60)  # the poll never helps
    store = processor.store
    handled: list[str] = []
    done = asyncio.Event()

    async def handle(item: InboxItem) -> None:
        handled.append(item.body["text"])
        if len(handled) == 2:
            done.set()

    real_finish = store.finish

    async def racing_finish_and_claim_next(
        item: InboxItem, outcome: str, owner: str, now: datetime, lease: timedelta
    ) -> InboxItem | None:
        monkeypatch.setattr(store, "finish_and_claim_next", real_finish_and_claim_next)
        # The next message is stored and kicks while the first is still unfinished; the round that
        # kick starts finds the client busy, and this finish's claim ran before the message was stored.
        await store.add([message(2, "a")])
        processor.kick()
        await asyncio.sleep(0.2)
        await real_finish(item.id, outcome, now)
        return None

    real_finish_and_claim_next = store.finish_and_claim_next
    monkeypatch.setattr(store, "finish_and_claim_next", racing_finish_and_claim_next)
    processor.register("wa", handle)
    await store.add([message(1, "a")])
    await processor.start()
    processor.kick()
    try:
        await asyncio.wait_for(done.wait(), 10)
    finally:
        await processor.stop()
        await engine.dispose()
    assert handled == ["m1", "m2"]


async def test_whatsapp_notes_contract(notes: WhatsAppNotes) -> None:
    choices = (RenderedChoice("lang:uk", "Українська"), RenderedChoice("lang:cs", "Čeština"))
    assert await notes.choices("wa:1") == ()
    await notes.remember_choices("wa:1", choices)
    assert await notes.choices("wa:1") == choices
    await notes.forget_choices("wa:1")
    assert await notes.choices("wa:1") == ()
    assert await notes.flag("wa:1") is None
    await notes.set_flag("wa:1", Flag.NEEDS_TEMPLATE)
    assert await notes.flag("wa:1") is Flag.NEEDS_TEMPLATE
    await notes.clear_flag("wa:1")
    assert await notes.flag("wa:1") is None
