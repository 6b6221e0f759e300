"""bench/channels.py's seed: the kept inbox history it starts with is what a running inbox keeps."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from bench.channels_setup import seed
from bot.db.session import create_engine, create_session_factory
from bot.inbox.processor import KEEP_IDS
from bot.inbox.store import InboxStore, NewInbound


async def test_the_kept_history_is_a_weeks_processed_ids_and_holds_no_client_back(database_url: str) -> None:
    clients = [(str(5550000 + i), "uk") for i in range(10)]
    await seed(database_url, "tg", clients, kept=300)
    engine = create_engine(database_url)
    try:
        store = InboxStore(create_session_factory(engine))
        now = datetime.now(UTC)
        assert await store.pending() == 0  # processed ids only, nothing to answer
        # Within the week the inbox keeps: the purge leaves every row, so the benchmark runs with them.
        assert await store.purge_processed_before(now - KEEP_IDS) == 0
        last = await store.last_sent_at("tg:5550003")
        assert last is not None
        assert now - KEEP_IDS < last < now
        # A seeded client's new message is claimed at once: the history holds nobody back.
        message = NewInbound("tg", "900000001", "tg:5550003", {"text": "hi"}, now)
        assert await store.add([message]) == 1
        [claimed] = await store.claim_heads(["tg"], "bench", now, timedelta(minutes=1), 10)
        assert claimed.platform_message_id == "900000001"
    finally:
        await engine.dispose()
