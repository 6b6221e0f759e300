"""SharedStatements: what every message reads and writes outside a transaction of its own, shared by the
messages under way."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Engine, Row
from sqlalchemy.exc import SQLAlchemyError

from bot.clients.repository import (
    FIND_ROWS,
    SEEN,
    Turn,
    find_rows_parameters,
    found_rows,
    seen_parameters,
    turn_statements,
)
from bot.core.shared_round_trips import SharedRoundTrips
from bot.db.sync_side import in_greenlet

FoundRow = Row[*tuple[Any, ...]]


class SharedStatements:
    """A message that opens no ORM session needs no transaction of its own. On PostgreSQL, under READ
    COMMITTED, a statement sees the same committed rows inside a transaction or outside one, and one
    statement is atomic by itself; on SQLite every statement of this process runs in turn on the loop
    (bot.db.sqlite_on_loop), and the turns that end together are committed in one transaction. So the
    clients of messages that start while another read is under way are read in one statement, and the
    turns that end together are recorded together, on connections of `engine` (in autocommit mode on
    PostgreSQL); a message takes no connection of its own unless a step opens a session.
    """

    def __init__(self, engine: Engine) -> None:
        self._engine = engine
        self._dialect = engine.dialect.name
        self._finds = SharedRoundTrips[str, FoundRow | None](
            lambda user_refs: in_greenlet(self._find_now, user_refs), "client-find"
        )
        self._records = SharedRoundTrips[Turn, None](
            lambda turns: in_greenlet(self._record_now, turns), "turn-record"
        )

    async def find(self, user_ref: str) -> FoundRow | None:
        """The client's thread as a FIND_ROWS row; None for a first contact."""
        return await self._finds(user_ref)

    async def seen(self, conversation_id: int, platform_message_id: str) -> bool:
        """Whether the conversation holds this platform message (asked only of a message delivered again)."""
        return await in_greenlet(self._seen_now, conversation_id, platform_message_id)

    async def record(self, turn: Turn) -> None:
        """The turn's lines and the conversation's time, committed."""
        await self._records(turn)

    def _find_now(self, user_refs: list[str]) -> list[FoundRow | None]:
        with self._engine.connect() as connection:
            return found_rows(connection.execute(FIND_ROWS, find_rows_parameters(user_refs)).all(), user_refs)

    def _seen_now(self, conversation_id: int, platform_message_id: str) -> bool:
        with self._engine.connect() as connection:
            found = connection.execute(SEEN, seen_parameters(conversation_id, platform_message_id)).first()
        return found is not None

    def _record_now(self, turns: list[Turn]) -> list[SQLAlchemyError | None]:
        try:
            self._record(turns)
            return [None] * len(turns)
        except SQLAlchemyError:
            if len(turns) == 1:
                raise
        # One turn the database refuses (its conversation erased meanwhile) must not fail the others.
        results: list[SQLAlchemyError | None] = []
        for turn in turns:
            try:
                self._record([turn])
                results.append(None)
            except SQLAlchemyError as error:
                results.append(error)
        return results

    def _record(self, turns: Sequence[Turn]) -> None:
        with self._engine.connect() as connection:
            for statement, parameters in turn_statements(self._dialect, turns):
                connection.execute(statement, parameters)
            connection.commit()
