"""The inbox's hot statements, built once as Core statements on the table with bound parameters.

Every inbound message runs an insert, a claim and a finish. Built per call on the ORM entity, each paid
for SQLAlchemy's statement construction and its ORM bulk-update machinery (which synchronises a session
that holds no inbox objects): a few per cent of the server's CPU per message in bench/channels.py. The
SQL is the same.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, cast

from sqlalchemy import Insert, Table, Update, bindparam, func, or_, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from bot.inbox.models import InboxMessage

INBOX: Table = InboxMessage.__table__  # type: ignore[assignment]
C = INBOX.c
CLAIMED_COLUMNS = (C.id, C.channel, C.platform_message_id, C.user_ref, C.body, C.attempts)


def _insert(dialect_insert: Callable[..., Any]) -> Insert:
    statement = (
        dialect_insert(INBOX)
        .values(
            channel=bindparam("channel"),
            platform_message_id=bindparam("platform_message_id"),
            user_ref=bindparam("user_ref"),
            body=bindparam("body", type_=C.body.type),
            sent_at=bindparam("sent_at", type_=C.sent_at.type),
            received_at=bindparam("received_at", type_=C.received_at.type),
            attempts=0,
        )
        .on_conflict_do_nothing(index_elements=["channel", "platform_message_id"])
    )
    return cast(Insert, statement)


# A new message, unless the platform already delivered it: (channel, platform_message_id) is unique.
INSERT = {"postgresql": _insert(pg_insert), "sqlite": _insert(sqlite_insert)}

_FREE = or_(C.lease_until.is_(None), C.lease_until < bindparam("now", type_=C.lease_until.type))


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


# Each waiting client's oldest message that nobody holds, oldest first, up to :limit. PostgreSQL reads
# the waiting rows through ix_inbox_waiting, with statistics or without: before it, it walked the primary
# key through every processed id kept for de-duplication (bench/channels.py, Telegram on PostgreSQL: its
# processes used 2.4-3.6 ms of CPU per message instead of 5.9-6.3 ms). Each claim still reads the whole
# backlog (11 ms with 1,000 waiting on a table without statistics). A form that stops after :limit rows
# (NOT EXISTS an older waiting row) took 0.4 ms instead of 2.5 ms with statistics, but on the benchmark's
# new table PostgreSQL sorted the whole backlog for each claim and Telegram fell to 7 messages/s.
_OLDEST_PER_CLIENT = select(func.min(C.id)).where(C.processed_at.is_(None)).group_by(C.user_ref)
CLAIM_HEADS = _claim(
    C.id.in_(
        select(C.id)
        .where(
            C.processed_at.is_(None),
            C.channel.in_(bindparam("channels", expanding=True)),
            C.id.in_(_OLDEST_PER_CLIENT),
            _FREE,
        )
        .order_by(C.id)
        .limit(bindparam("limit"))
    )
)

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
