"""Reads and writes clients, identities and transcripts inside the caller's transaction."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import (
    Executable,
    Row,
    Table,
    bindparam,
    delete,
    func,
    insert,
    select,
    text,
    tuple_,
    update,
)
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import make_transient_to_detached
from sqlalchemy.orm.attributes import set_committed_value

from bot import json_codec
from bot.channels.base import RenderedReply, split_user_ref
from bot.clients.models import Client, ClientIdentity, Conversation, Message
from bot.db.base import utcnow
from counselling.models import CASE_IS_OPEN, Case

# How stale clients.last_seen_at may be.
LAST_SEEN_STEP = timedelta(minutes=15)

# The statements every inbound message runs, built once: building one cost more than running it.
# The client's open case comes with them (an open case takes every message to the counsellor, so every
# message asks): one round trip instead of two.
_OPEN_CASE_ID = select(Case.id).where(Case.client_id == Client.id, CASE_IS_OPEN).scalar_subquery()
_FIND = (
    select(Client, Conversation, _OPEN_CASE_ID)
    .join(ClientIdentity, ClientIdentity.client_id == Client.id)
    .join(Conversation, Conversation.identity_id == ClientIdentity.id)
    .where(
        ClientIdentity.channel == bindparam("of_channel"), ClientIdentity.external_id == bindparam("of_id")
    )
)
SEEN = select(Message.id).where(
    Message.conversation_id == bindparam("of_conversation"),
    Message.platform_message_id == bindparam("message_id"),
)
_CLIENTS: Table = Client.__table__  # type: ignore[assignment]
_IDENTITIES: Table = ClientIdentity.__table__  # type: ignore[assignment]
_CONVERSATIONS: Table = Conversation.__table__  # type: ignore[assignment]
# _FIND as plain columns, for a Core connection: the dialog engine builds the two objects itself
# (detached_thread), which cost a fraction of an ORM query's set-up and loading.
_THREAD_ROWS = (
    select(
        *(column.label(f"client_{column.key}") for column in _CLIENTS.c),
        *(column.label(f"conversation_{column.key}") for column in _CONVERSATIONS.c),
        _OPEN_CASE_ID.label("open_case_id"),
    )
    .join(_IDENTITIES, _IDENTITIES.c.client_id == _CLIENTS.c.id)
    .join(_CONVERSATIONS, _CONVERSATIONS.c.identity_id == _IDENTITIES.c.id)
)
# The threads of several clients in one statement, each row with the identity it was found by.
FIND_ROWS = _THREAD_ROWS.add_columns(
    _IDENTITIES.c.channel.label("found_channel"), _IDENTITIES.c.external_id.label("found_id")
).where(tuple_(_IDENTITIES.c.channel, _IDENTITIES.c.external_id).in_(bindparam("identities", expanding=True)))
# Transcript lines are written with Core, not as ORM objects: nothing reads them back in the
# transaction, and the ORM's unit of work cost more than the two statements it ran.
_MESSAGES: Table = Message.__table__  # type: ignore[assignment]
_INSERT_LINE = insert(_MESSAGES)
_TOUCH_CONVERSATION = (
    update(_CONVERSATIONS)
    .where(_CONVERSATIONS.c.id == bindparam("of_conversation"))
    .values(last_activity_at=bindparam("at", type_=_CONVERSATIONS.c.last_activity_at.type))
)
# On PostgreSQL the lines and the conversations' times go in one statement, one round trip instead of two,
# for one turn or for several clients' turns at once: the lines come as one array per column, unnested in
# their order (WITH ORDINALITY), so their ids keep it.
_RECORD_TURNS_POSTGRESQL = text(
    """
    WITH new_lines AS (
        INSERT INTO messages
            (conversation_id, direction, text, payload, choices, platform_message_id, created_at)
        SELECT line.conversation_id, line.direction, line.text, line.payload, CAST(line.choices AS JSON),
               line.platform_message_id, line.at
        FROM unnest(
            CAST(:conversation_ids AS INTEGER[]), CAST(:directions AS VARCHAR[]), CAST(:texts AS TEXT[]),
            CAST(:payloads AS VARCHAR[]), CAST(:choices AS TEXT[]), CAST(:platform_message_ids AS VARCHAR[]),
            CAST(:ats AS TIMESTAMP WITH TIME ZONE[])
        ) WITH ORDINALITY AS line(
            conversation_id, direction, text, payload, choices, platform_message_id, at, position
        )
        ORDER BY line.position
    )
    UPDATE conversations SET last_activity_at = turn.at
    FROM unnest(
        CAST(:turn_conversation_ids AS INTEGER[]), CAST(:turn_ats AS TIMESTAMP WITH TIME ZONE[])
    ) AS turn(conversation_id, at)
    WHERE conversations.id = turn.conversation_id
    """
)


def record_turns_postgresql(turns: Sequence[Turn]) -> tuple[Executable, dict[str, Any]]:
    """_RECORD_TURNS_POSTGRESQL with its parameters; `choices` as the JSON text SQLAlchemy's JSON type
    writes. Each conversation appears once (a client's turns never run at the same time)."""
    lines = [(conversation_id, line, at) for conversation_id, turn_lines, at in turns for line in turn_lines]
    return _RECORD_TURNS_POSTGRESQL, {
        "conversation_ids": [conversation_id for conversation_id, _, _ in lines],
        "directions": [line["direction"] for _, line, _ in lines],
        "texts": [line["text"] for _, line, _ in lines],
        "payloads": [line["payload"] for _, line, _ in lines],
        "choices": [json_codec.dumps(line["choices"]) for _, line, _ in lines],
        "platform_message_ids": [line["platform_message_id"] for _, line, _ in lines],
        "ats": [at for _, _, at in lines],
        "turn_conversation_ids": [conversation_id for conversation_id, _, _ in turns],
        "turn_ats": [at for _, _, at in turns],
    }


def find_parameters(user_ref: str) -> dict[str, str]:
    """_FIND's parameters for a client's user_ref."""
    channel, external_id = _identity(user_ref)
    return {"of_channel": channel, "of_id": external_id}


def found_rows(
    rows: Sequence[Row[*tuple[Any, ...]]], user_refs: Sequence[str]
) -> list[Row[*tuple[Any, ...]] | None]:
    """FIND_ROWS' rows in the order of `user_refs`, None for a client not found (a first contact)."""
    by_identity = {(row.found_channel, row.found_id): row for row in rows}
    return [by_identity.get(_identity(user_ref)) for user_ref in user_refs]


def find_rows_parameters(user_refs: Sequence[str]) -> dict[str, Any]:
    """FIND_ROWS' parameters for some clients' user_refs."""
    return {"identities": [_identity(user_ref) for user_ref in user_refs]}


def _identity(user_ref: str) -> tuple[str, str]:
    channel, external_id = split_user_ref(user_ref)
    return channel.value, external_id


def seen_parameters(conversation_id: int, platform_message_id: str) -> dict[str, Any]:
    """SEEN's parameters: whether the conversation already holds this platform message."""
    return {"of_conversation": conversation_id, "message_id": platform_message_id}


def turn_statements(dialect: str, turns: Sequence[Turn]) -> list[tuple[Executable, Any]]:
    """The statements that record some turns' lines and their conversations' times, with their
    parameters: one on PostgreSQL; on SQLite, in the process where a statement costs no round trip, one
    executemany for the lines, in order, and one for the times."""
    if dialect == "postgresql":
        return [record_turns_postgresql(turns)]
    rows = [
        {**line, "conversation_id": conversation_id, "created_at": at}
        for conversation_id, lines, at in turns
        for line in lines
    ]
    times = [{"of_conversation": conversation_id, "at": at} for conversation_id, _, at in turns]
    return [(_INSERT_LINE, rows), (_TOUCH_CONVERSATION, times)]


def touch_last_seen(client: Client) -> None:
    """Mark the client seen now; to the quarter hour, as nothing needs it finer and an UPDATE per
    message cost every message."""
    now = utcnow()
    if now - client.last_seen_at >= LAST_SEEN_STEP:
        client.last_seen_at = now


@dataclass(frozen=True)
class ClientThread:
    """A client together with the conversation of the identity they wrote from."""

    client: Client
    conversation: Conversation
    # The client's open counselling case when the thread was read, in the same statement (None: none).
    open_case_id: int | None = None


TranscriptLine = dict[str, Any]
# One turn: a conversation's lines, recorded at one time.
Turn = tuple[int, Sequence[TranscriptLine], datetime]


def detached_thread(row: Row[*tuple[Any, ...]]) -> ClientThread:
    """A FIND_ROWS row as a thread whose objects belong to no session yet, as if loaded by one and then
    closed: reading them costs nothing, and a change to them is flushed once they join a session."""
    values = row._mapping
    client = Client(**{column.key: values[f"client_{column.key}"] for column in _CLIENTS.c})
    conversation = Conversation(
        **{column.key: values[f"conversation_{column.key}"] for column in _CONVERSATIONS.c}
    )
    make_transient_to_detached(client)
    make_transient_to_detached(conversation)
    return ClientThread(client, conversation, values["open_case_id"])


def inbound(text: str, payload: str | None, platform_message_id: str | None) -> TranscriptLine:
    """A client's message as a transcript line (the keys of every line are the same: one executemany)."""
    return {
        "direction": "in",
        "text": text,
        "payload": payload or None,
        "choices": None,
        "platform_message_id": platform_message_id,
    }


def outbound(reply: RenderedReply) -> TranscriptLine:
    choices: list[dict[str, Any]] = [{"payload": c.payload, "label": c.label} for c in reply.choices]
    return {
        "direction": "out",
        "text": reply.text,
        "payload": None,
        "choices": choices or None,
        "platform_message_id": None,
    }


class ClientRepository:
    """Never commits: the dialog engine owns the transaction (one per inbound message)."""

    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def find(self, user_ref: str) -> ClientThread | None:
        row = (await self._session.execute(_FIND, find_parameters(user_ref))).first()
        return ClientThread(row[0], row[1], row[2]) if row else None

    async def get_or_create(self, user_ref: str) -> ClientThread:
        found = await self.find(user_ref)
        if found is not None:
            touch_last_seen(found.client)
            return found
        return await self.create(user_ref)

    async def create(self, user_ref: str) -> ClientThread:
        """A new client with the identity and conversation of `user_ref` (known to be new)."""
        channel, external_id = split_user_ref(user_ref)
        client = Client()
        identity = ClientIdentity(client=client, channel=channel.value, external_id=external_id)
        self._session.add_all([client, identity])
        await self._session.flush()
        conversation = Conversation(identity_id=identity.id)
        self._session.add(conversation)
        await self._session.flush()
        return ClientThread(client, conversation)

    async def record_inbound(
        self, thread: ClientThread, text: str, payload: str | None, platform_message_id: str | None
    ) -> None:
        await self.record_turn(thread, inbound(text, payload, platform_message_id), [])

    async def record_outbound(self, thread: ClientThread, replies: Sequence[RenderedReply]) -> None:
        await self.record_turn(thread, None, replies)

    async def record_turn(
        self, thread: ClientThread, received: TranscriptLine | None, replies: Sequence[RenderedReply]
    ) -> None:
        """The client's message (if any) and the replies, and the conversation's time: one statement on
        PostgreSQL, two on SQLite."""
        lines = [received] if received is not None else []
        lines += [outbound(reply) for reply in replies]
        if not lines:
            return
        conversation = thread.conversation
        now = utcnow()
        dialect = self._session.get_bind().dialect.name
        for statement, parameters in turn_statements(dialect, [(conversation.id, lines, now)]):
            await self._session.execute(statement, parameters)
        # The object shows what the row now holds, without being marked changed (no second UPDATE).
        set_committed_value(conversation, "last_activity_at", now)

    async def latest_user_refs(self, client_ids: Iterable[int]) -> dict[int, str]:
        """Each client's channel they last wrote from (where a message is read soonest), as a user_ref."""
        ids = list(client_ids)
        if not ids:
            return {}
        rows = await self._session.execute(
            select(ClientIdentity.client_id, ClientIdentity.channel, ClientIdentity.external_id)
            .outerjoin(Conversation, Conversation.identity_id == ClientIdentity.id)
            .where(ClientIdentity.client_id.in_(ids))
            .order_by(Conversation.last_activity_at.desc().nulls_last(), ClientIdentity.id.desc())
        )
        refs: dict[int, str] = {}
        for client_id, channel, external_id in rows.all():
            refs.setdefault(client_id, f"{channel}:{external_id}")
        return refs

    async def seen_platform_message(self, thread: ClientThread, platform_message_id: str) -> bool:
        found = await self._session.scalar(SEEN, seen_parameters(thread.conversation.id, platform_message_id))
        return found is not None

    async def history(self, thread: ClientThread, limit: int = 200) -> list[Message]:
        """The newest `limit` messages of the conversation, oldest first."""
        rows = await self._session.scalars(
            select(Message)
            .where(Message.conversation_id == thread.conversation.id)
            .order_by(Message.created_at.desc(), Message.id.desc())
            .limit(limit)
        )
        return list(reversed(rows.all()))

    async def forget(self, client: Client) -> int:
        """Delete every message of every conversation of the client and withdraw consent."""
        conversation_ids = (
            select(Conversation.id)
            .join(ClientIdentity, Conversation.identity_id == ClientIdentity.id)
            .where(ClientIdentity.client_id == client.id)
        )
        count = await self._session.scalar(
            select(func.count(Message.id)).where(Message.conversation_id.in_(conversation_ids))
        )
        await self._session.execute(delete(Message).where(Message.conversation_id.in_(conversation_ids)))
        client.consent_at = None
        return int(count or 0)

    async def purge_messages_before(self, cutoff: datetime) -> int:
        """Retention: remove transcript lines older than the cutoff; returns how many."""
        result = await self._session.execute(delete(Message).where(Message.created_at < cutoff))
        return int(getattr(result, "rowcount", 0) or 0)
