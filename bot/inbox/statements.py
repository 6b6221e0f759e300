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


# Each waiting client's oldest message that nobody holds, oldest first, up to :limit. A row is its
# client's oldest when no older waiting row of the client exists (NOT EXISTS, one index probe per row),
# so the waiting rows are read in arrival order (ix_inbox_waiting) and the reading stops after :limit.
# The former form took the oldest row of every waiting client first (min(id) grouped by client) and
# then sorted: every round read the whole backlog, and on PostgreSQL the kept history too. With 1,000
# waiting and 21,800 processed rows, PostgreSQL ran one claim in 7.0 ms before ix_inbox_waiting and in
# 2.5 ms with it; this form runs in 0.4-0.5 ms, and no longer grows with the backlog.
_OLDER = INBOX.alias("older")
_OLDER_WAITING = (
    select(_OLDER.c.id)
    .where(
        _OLDER.c.processed_at.is_(None),
        _OLDER.c.user_ref == C.user_ref,
        _OLDER.c.id < C.id,
    )
    .exists()
)
CLAIM_HEADS = _claim(
    C.id.in_(
        select(C.id)
        .where(
            C.processed_at.is_(None),
            C.channel.in_(bindparam("channels", expanding=True)),
            _FREE,
            ~_OLDER_WAITING,
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
