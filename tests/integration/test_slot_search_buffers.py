"""Free-slot search keeps a new slot's own buffer clear of the counsellor's next appointment.

Pinned examples of what tests/integration/test_slot_search_properties.py found with
--hypothesis-seed=119619558467846179210566776990114430962: the search read bookings only up to the end of the
hours it was searching, so the last slot there was offered although its buffer ran into an appointment that
began at that very end, at another place or in hours kept for another service. Booking it then failed.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.clients.models import Client
from bot.db.session import create_engine, create_session_factory
from scheduler.models import Counsellor, CounsellorService, Location, Service, WeeklyAvailability
from scheduler.service import Outcome, SlotScheduler
from scheduler.slots import Slot

PRAGUE = ZoneInfo("Europe/Prague")
SATURDAY = date(2026, 4, 18)
NOW = datetime(2026, 4, 17, 16, 51, tzinfo=UTC)  # the Friday before, as in the failing example


@dataclass
class Centre:
    """One counsellor with a 45-minute service followed by a 15-minute buffer, at two places."""

    sessions: async_sessionmaker[AsyncSession]
    scheduler: SlotScheduler
    counsellor: int
    legal: int
    exam: int
    town: int
    village: int

    async def book(self, service_id: int, location_id: int, at: time) -> None:
        async with self.sessions() as s, s.begin():
            client = Client(locale="en")
            s.add(client)
            await s.flush()
            service = await s.get(Service, service_id)
            assert service is not None
            starts = datetime.combine(SATURDAY, at, tzinfo=PRAGUE).astimezone(UTC)
            ends = starts + timedelta(minutes=service.duration_min)
            slot = Slot(self.counsellor, service_id, location_id, starts, ends, service.seats)
            result = await self.scheduler.book(s, client.id, slot, "en")
            assert result.outcome is Outcome.BOOKED

    async def legal_starts(self, location_id: int | None) -> list[time]:
        """Local start times of the free legal-counselling slots on Saturday."""
        async with self.sessions() as s:
            service = await s.get(Service, self.legal)
            assert service is not None
            free = await self.scheduler.find_free(
                s, service, location_id=location_id, day=SATURDAY, limit=100
            )
        return [slot.starts_at.astimezone(PRAGUE).time() for slot in free]


@pytest.fixture
async def centre(database_url: str) -> AsyncIterator[Centre]:
    engine = create_engine(database_url)
    sessions = create_session_factory(engine)
    async with sessions() as s, s.begin():
        legal = Service(
            code="legal",
            names={"en": "Legal"},
            duration_min=45,
            buffer_min=15,
            min_notice_hours=0,
            horizon_days=2,
        )
        exam = Service(
            code="exam",
            names={"en": "Mock exam"},
            duration_min=90,
            min_notice_hours=0,
            horizon_days=2,
            seats=2,
        )
        town = Location(code="town", name="Town", address="-")
        village = Location(code="village", name="Village", address="-")
        counsellor = Counsellor(code="c", name="Counsellor", languages=["en"])
        s.add_all([legal, exam, town, village, counsellor])
        await s.flush()
        s.add_all(CounsellorService(counsellor_id=counsellor.id, service_id=x.id) for x in (legal, exam))
        saturday = SATURDAY.weekday()
        s.add_all(
            [
                # The town in the morning and early afternoon, the village from mid-afternoon: they overlap.
                WeeklyAvailability(
                    counsellor_id=counsellor.id,
                    location_id=town.id,
                    weekday=saturday,
                    starts=time(9, 15),
                    ends=time(15, 15),
                ),
                WeeklyAvailability(
                    counsellor_id=counsellor.id,
                    location_id=village.id,
                    weekday=saturday,
                    starts=time(14, 45),
                    ends=time(18, 45),
                ),
                # Evening hours in the village kept for the mock exam only.
                WeeklyAvailability(
                    counsellor_id=counsellor.id,
                    location_id=village.id,
                    weekday=saturday,
                    starts=time(18, 45),
                    ends=time(20, 15),
                    service_id=exam.id,
                ),
            ]
        )
    centre = Centre(
        sessions,
        SlotScheduler("Europe/Prague", clock=lambda: NOW),
        counsellor.id,
        legal.id,
        exam.id,
        town.id,
        village.id,
    )
    yield centre
    await engine.dispose()


async def test_the_last_slot_in_town_is_not_offered_when_its_buffer_runs_into_a_village_booking(
    centre: Centre,
) -> None:
    await centre.book(centre.legal, centre.village, time(15, 15))

    in_town = await centre.legal_starts(centre.town)

    # 14:15-15:00 plus the buffer ends as the village booking begins; 14:30-15:15 would need 15:15-15:30.
    assert in_town[-1] == time(14, 15)
    assert time(14, 30) not in in_town


async def test_the_last_slot_before_a_mock_exam_leaves_room_for_its_buffer(centre: Centre) -> None:
    await centre.book(centre.exam, centre.village, time(18, 45))

    anywhere = await centre.legal_starts(None)

    # The exam's hours are not legal-counselling hours, so only the booking itself can rule out 18:00.
    assert anywhere[-1] == time(17, 45)
    assert time(18, 0) not in anywhere
