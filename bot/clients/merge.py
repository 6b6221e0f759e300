"""One person, several chat apps: two clients become one on linking, and an app can be split off again.

Each domain moves its own rows (scheduler/, counselling/, broadcasts/ `client_merge`/`merge` modules);
this module runs them in the caller's transaction, so a merge happens completely or not at all.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

import structlog
from sqlalchemy import delete, func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from bot.clients.models import Client, ClientIdentity, LinkCode
from bot.clients.repository import ClientRepository
from bot.nlu.repository import NluMissRepository
from bot.staff.repository import StaffRepository
from broadcasts import client_merge as broadcasts_merge
from broadcasts.subscriptions import SubscriptionBook
from counselling import merge as cases_merge
from counselling.merge import MergedCases
from counselling.models import Case
from scheduler.client_merge import MergedBookings, merge_bookings
from scheduler.service import SlotScheduler

log = structlog.get_logger(__name__)


class ClientAudit(StrEnum):
    """Audit log actions written here, without a staff member: ids only, never names or numbers."""

    LINKED = "client_apps_linked"
    UNLINKED = "client_app_unlinked"


@dataclass(frozen=True)
class Holdings:
    """What a client has that would move on linking, for the question before it."""

    bookings: int  # appointments ahead
    topics: int  # course-news topics
    cases: int  # conversations with a counsellor, open or closed

    @property
    def empty(self) -> bool:
        return not (self.bookings or self.topics or self.cases)


@dataclass(frozen=True)
class MergeReport:
    bookings: MergedBookings
    cases: MergedCases


async def holdings(session: AsyncSession, scheduler: SlotScheduler, client_id: int) -> Holdings:
    cases = await session.scalar(select(func.count(Case.id)).where(Case.client_id == client_id))
    return Holdings(
        bookings=len(await scheduler.future_bookings(session, client_id)),
        topics=len(await SubscriptionBook(session).of(client_id)),
        cases=int(cases or 0),
    )


async def merge_clients(
    session: AsyncSession, scheduler: SlotScheduler, keep: Client, drop: Client, now: datetime
) -> MergeReport:
    """`drop` becomes part of `keep`: identities, bookings, cases, subscriptions, misses; then it goes.

    The caller must stop using `drop` (its row is deleted) and continue with `keep`.
    """
    bookings = await merge_bookings(scheduler, session, keep.id, drop.id)
    cases = await cases_merge.merge_cases(session, keep.id, drop.id, now)
    subscriptions = await broadcasts_merge.merge_subscriptions(session, keep.id, drop.id)
    await broadcasts_merge.merge_deliveries(session, keep.id, drop.id)
    await NluMissRepository(session).move_client(drop.id, keep.id)
    moved = await session.execute(
        update(ClientIdentity).where(ClientIdentity.client_id == drop.id).values(client_id=keep.id)
    )
    consents = [at for at in (keep.consent_at, drop.consent_at) if at is not None]
    keep.consent_at = min(consents) if consents else None
    keep.locale = keep.locale or drop.locale
    keep.created_at = min(keep.created_at, drop.created_at)
    keep.last_seen_at = max(keep.last_seen_at, drop.last_seen_at)
    drop_id = drop.id
    session.expunge(drop)  # deleted below in SQL: the ORM must not try to save or cascade it
    await session.execute(delete(Client).where(Client.id == drop_id))
    await StaffRepository(session).add_audit(
        ClientAudit.LINKED,
        target=f"client:{keep.id}",
        detail=(
            f"client:{drop_id} joined; identities {int(getattr(moved, 'rowcount', 0) or 0)}, "
            f"bookings {bookings.moved} (duplicates cancelled {bookings.cancelled}), cases {cases.moved}, "
            f"topics {subscriptions.moved} moved {subscriptions.united} united"
        ),
        at=now,
    )
    log.info(
        "clients_linked",
        client=keep.id,
        merged=drop_id,
        bookings=bookings.moved,
        duplicates_cancelled=bookings.cancelled,
        cases=cases.moved,
        case_joined=cases.joined.id if cases.joined else None,
        topics=subscriptions.moved + subscriptions.united,
    )
    return MergeReport(bookings, cases)


async def identities_of(session: AsyncSession, client_id: int) -> list[ClientIdentity]:
    rows = await session.scalars(
        select(ClientIdentity).where(ClientIdentity.client_id == client_id).order_by(ClientIdentity.id)
    )
    return list(rows.all())


async def detach_identity(session: AsyncSession, client: Client, identity_id: int, now: datetime) -> bool:
    """Disconnect one of the client's apps (never their last): it becomes a client of its own.

    The new client keeps only that app's own conversation, the language and the consent (the same person
    agreed); appointments, cases, course news and misunderstood messages stay with the other apps.
    False when the identity is not one of the client's or is their only one.
    """
    identity = await session.get(ClientIdentity, identity_id)
    if (
        identity is None
        or identity.client_id != client.id
        or len(await identities_of(session, client.id)) < 2
    ):
        return False
    alone = Client(locale=client.locale, consent_at=client.consent_at, created_at=now, last_seen_at=now)
    session.add(alone)
    await session.flush()
    identity.client_id = alone.id
    await session.execute(delete(LinkCode).where(LinkCode.identity_id == identity.id))
    await session.flush()
    old_ref = f"{identity.channel}:{identity.external_id}"
    kept_ref = (await ClientRepository(session).latest_user_refs([client.id])).get(client.id)
    if kept_ref is not None:
        await cases_merge.follow_identity(session, client.id, old_ref, kept_ref)
        await broadcasts_merge.follow_identity(session, client.id, old_ref, kept_ref)
    await StaffRepository(session).add_audit(
        ClientAudit.UNLINKED, target=f"client:{client.id}", detail=f"now client:{alone.id}", at=now
    )
    log.info("client_app_unlinked", client=client.id, new_client=alone.id)
    return True
