"""The inbox's hot statements, built once as Core statements on the table with bound parameters.

Every inbound message runs an insert, a claim and a finish. Built per call on the ORM entity, each paid
for SQLAlchemy's statement construction and its ORM bulk-update machinery (which synchronises a session
that holds no inbox objects): a few per cent of the server's CPU per message in bench/channels.py. The
SQL is the same.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, cast

from sqlalchemy import (
    ColumnElement,
    Insert,
    Table,
    Update,
    any_,
    bindparam,
    func,
    literal_column,
    or_,
    select,
    text,
    update,
)
from sqlalchemy import cast as sql_cast
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from bot import json_codec
from bot.db.base import stored_utc
from bot.inbox.models import InboxMessage

INBOX: Table = InboxMessage.__table__  # type: ignore[assignment]
C = INBOX.c
CLAIMED_COLUMNS = (C.id, C.channel, C.platform_message_id, C.user_ref, C.body, C.attempts)


# SQLite: a new message, unless the platform already delivered it: (channel, platform_message_id) is
# unique. (PostgreSQL stores every batch with INSERT_MANY_POSTGRESQL.)
INSERT_SQLITE = cast(
    Insert,
    sqlite_insert(INBOX)
    .values(
        channel=bindparam("channel"),
        platform_message_id=bindparam("platform_message_id"),
        user_ref=bindparam("user_ref"),
        body=bindparam("body", type_=C.body.type),
        sent_at=bindparam("sent_at", type_=C.sent_at.type),
        received_at=bindparam("received_at", type_=C.received_at.type),
        attempts=0,
    )
    .on_conflict_do_nothing(index_elements=["channel", "platform_message_id"]),
)

# PostgreSQL: INSERT for any number of messages in one statement, from one array per column, in their
# order (ids follow it, and with them each client's order). The keys returned are the new rows'; a key
# that comes twice is stored once. An INSERT per message cost a round trip and SQLAlchemy's
# per-execution work each (5 % of the server's CPU in bench/channels.py's Telegram + PostgreSQL run), and
# SQLAlchemy's multi-row VALUES form for a list of rows ("insertmanyvalues") cost as much in CPU.
INSERT_MANY_POSTGRESQL = (
    text(
        """
    INSERT INTO inbox (channel, platform_message_id, user_ref, body, sent_at, received_at, attempts)
    SELECT new.channel, new.platform_message_id, new.user_ref, CAST(new.body AS JSON), new.sent_at,
           :received_at, 0
    FROM unnest(
        CAST(:channels AS VARCHAR[]), CAST(:platform_message_ids AS VARCHAR[]), CAST(:user_refs AS VARCHAR[]),
        CAST(:bodies AS TEXT[]), CAST(:sent_ats AS TIMESTAMP WITH TIME ZONE[])
    ) WITH ORDINALITY AS new(channel, platform_message_id, user_ref, body, sent_at, position)
    ORDER BY new.position
    ON CONFLICT (channel, platform_message_id) DO NOTHING
    RETURNING channel, platform_message_id
    """
    )
    .bindparams(bindparam("received_at", type_=C.received_at.type))
    .columns(C.channel, C.platform_message_id)
)


def many_inserted(rows: Sequence[Mapping[str, Any]]) -> dict[str, Any]:
    """INSERT_MANY_POSTGRESQL's parameters from INSERT_SQLITE's, one dict per message; the bodies as the JSON
    text SQLAlchemy's JSON type writes, the times as UTCDateTime stores them."""
    return {
        "channels": [row["channel"] for row in rows],
        "platform_message_ids": [row["platform_message_id"] for row in rows],
        "user_refs": [row["user_ref"] for row in rows],
        "bodies": [json_codec.dumps(row["body"]) for row in rows],
        "sent_ats": [stored_utc(row["sent_at"]) for row in rows],
        "received_at": rows[0]["received_at"] if rows else None,
    }


def _free(lease_until: ColumnElement[Any]) -> ColumnElement[bool]:
    """Nobody holds the row: never leased, or the lease ran out before :now."""
    return or_(lease_until.is_(None), lease_until < bindparam("now", type_=C.lease_until.type))


_FREE = _free(C.lease_until)


def _claim(which: object) -> Update:
    """Lease the rows `which` selects (unless processed or held) and return their content."""
    return (
        update(INBOX)
        .where(which, C.processed_at.is_(None), _FREE)  # type: ignore[arg-type]
        .values(
            lease_owner=bindparam("owner"),
            lease_until=bindparam("leased_until", type_=C.lease_until.type),
            attempts=C.attempts + 1,
        )
        .returning(*CLAIMED_COLUMNS)
    )


# Each waiting client's oldest message that nobody holds, oldest first, up to :limit (PostgreSQL; SQLite's
# is _CLAIM_HEADS_SQLITE below). The waiting rows are numbered per client in one pass (a window), so each
# claim reads the waiting rows once, through an index, whatever the kept history and with or without the
# planner's statistics. The grouped form it replaces (`id IN (SELECT min(id) ... GROUP BY user_ref)`) left
# the plan to them: on a table without statistics PostgreSQL re-ran the grouping for each waiting row (138
# ms per claim with 1,000 waiting, 2.4 ms now). A form that stops after :limit rows (NOT EXISTS an older
# waiting row) sorted the whole backlog on PostgreSQL without statistics: Telegram in bench/channels.py
# fell to 7 messages/s.
_WAITING = (
    select(
        C.id,
        C.channel,
        C.lease_until,
        func.row_number().over(partition_by=C.user_ref, order_by=C.id).label("place"),
    )
    .where(C.processed_at.is_(None))
    .subquery("waiting")
)
W = _WAITING.c
_HEADS = (
    select(W.id)
    .where(
        W.place == literal_column("1"),  # a constant, so that the plan is made for it
        W.channel.in_(bindparam("channels", expanding=True)),
        _free(W.lease_until),
    )
    .order_by(W.id)
    .limit(bindparam("limit"))
)
# The UPDATE gets the heads as one array, computed once: with `id IN (heads)` and no statistics (a new
# table) PostgreSQL chose a nested loop that re-read the heads for every waiting row (16.6 ms per claim
# with 1,000 waiting, 2.6 ms as an array). The cast makes `= ANY` take the subquery's one value as an
# array, not compare with each of its rows.
_HEADS_ARRAY = sql_cast(
    select(func.array_agg(_HEADS.subquery("heads").c.id)).scalar_subquery(), ARRAY(C.id.type)
)
# SQLite walks the waiting rows oldest first through their index and stops at :limit: a row is a head
# when no older waiting row of its client exists (one index probe). The window above numbered every
# waiting row on each claim: with a backlog of 723 messages (bench/channels.py's closed loop) a claim of
# one row cost 1.5-2 ms there, 0.03 ms here. SQLite's planner needs telling: unhinted, it read the
# channel's every row through the unique index (5 ms) and made the UPDATE re-read all waiting rows (0.3
# ms). INDEXED BY fails loudly if the index is ever gone; NOT INDEXED still looks rows up by id. The
# UPDATE does not test the rows again: the statement runs under the write lock taken at BEGIN
# IMMEDIATE (bot.db.sqlite_on_loop), so nothing changes them between the choice and the write.
_CLAIM_HEADS_SQLITE = (
    text(
        """
        UPDATE inbox NOT INDEXED
        SET lease_owner = :owner, lease_until = :leased_until, attempts = attempts + 1
        WHERE id IN (
            SELECT waiting.id FROM inbox AS waiting INDEXED BY ix_inbox_waiting
            WHERE waiting.processed_at IS NULL
              AND waiting.channel IN :channels
              AND (waiting.lease_until IS NULL OR waiting.lease_until < :now)
              AND NOT EXISTS (
                  SELECT 1 FROM inbox AS older
                  WHERE older.processed_at IS NULL
                    AND older.user_ref = waiting.user_ref
                    AND older.id < waiting.id
              )
            ORDER BY waiting.id
            LIMIT :limit
        )
        RETURNING id, channel, platform_message_id, user_ref, body, attempts
        """
    )
    .bindparams(
        bindparam("channels", expanding=True),
        bindparam("now", type_=C.lease_until.type),
        bindparam("leased_until", type_=C.lease_until.type),
    )
    .columns(*CLAIMED_COLUMNS)
)
CLAIM_HEADS: dict[str, Any] = {
    "postgresql": _claim(C.id == any_(_HEADS_ARRAY)),
    "sqlite": _CLAIM_HEADS_SQLITE,
}

# One client's oldest unprocessed message.
CLAIM_NEXT = _claim(
    C.id
    == select(func.min(C.id))
    .where(C.user_ref == bindparam("of_user"), C.processed_at.is_(None))
    .scalar_subquery()
)

# Processed: the content goes (personal data), the ids stay for de-duplication until purged.
FINISH = (
    update(INBOX)
    .where(C.id == bindparam("row_id"))
    .values(
        processed_at=bindparam("finished_at", type_=C.processed_at.type),
        outcome=bindparam("with_outcome"),
        body=None,
        lease_owner=None,
        lease_until=None,
    )
)

# PostgreSQL: FINISH and CLAIM_NEXT in one statement (a data-modifying WITH), so one round trip.
# Both parts see the snapshot from before the statement, where the finished row is still unprocessed:
# the claim skips it by id.
_FINISHED = FINISH.returning(C.id).cte("finished")
FINISH_AND_CLAIM_NEXT = _claim(
    C.id
    == select(func.min(C.id))
    .where(
        C.user_ref == bindparam("of_user"),
        C.processed_at.is_(None),
        C.id != bindparam("row_id"),
    )
    .scalar_subquery()
).add_cte(_FINISHED)

# PostgreSQL: FINISH_AND_CLAIM_NEXT for several clients at once (their finishes came together), in one
# statement: the rows finished as one array of ids and one of outcomes, and each client's next row.
FINISH_AND_CLAIM_NEXT_MANY = (
    text(
        """
    WITH finished AS (
        UPDATE inbox
        SET processed_at = :finished_at, outcome = done.outcome, body = NULL,
            lease_owner = NULL, lease_until = NULL
        FROM unnest(CAST(:row_ids AS BIGINT[]), CAST(:outcomes AS VARCHAR[])) AS done(id, outcome)
        WHERE inbox.id = done.id
        RETURNING inbox.id
    )
    UPDATE inbox
    SET lease_owner = :owner, lease_until = :leased_until, attempts = attempts + 1
    WHERE id = ANY(ARRAY(
            SELECT min(waiting.id) FROM inbox AS waiting
            WHERE waiting.user_ref = ANY(CAST(:users AS VARCHAR[]))
              AND waiting.processed_at IS NULL
              AND waiting.id <> ALL(CAST(:row_ids AS BIGINT[]))
            GROUP BY waiting.user_ref
        ))
      AND processed_at IS NULL
      AND (lease_until IS NULL OR lease_until < :now)
    RETURNING id, channel, platform_message_id, user_ref, body, attempts
    """
    )
    .bindparams(
        bindparam("finished_at", type_=C.processed_at.type),
        bindparam("now", type_=C.lease_until.type),
        bindparam("leased_until", type_=C.lease_until.type),
    )
    .columns(*CLAIMED_COLUMNS)
)


def many_finished(batch: list[dict[str, Any]]) -> dict[str, Any]:
    """FINISH_AND_CLAIM_NEXT_MANY's parameters from FINISH_AND_CLAIM_NEXT's, one dict per client; the
    times and the lease are the first's (the batch was queued within one write)."""
    first = batch[0]
    return {
        "row_ids": [parameters["row_id"] for parameters in batch],
        "outcomes": [parameters["with_outcome"] for parameters in batch],
        "users": [parameters["of_user"] for parameters in batch],
        "finished_at": first["finished_at"],
        "owner": first["owner"],
        "now": first["now"],
        "leased_until": first["leased_until"],
    }
