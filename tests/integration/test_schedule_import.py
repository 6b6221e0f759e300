"""The schedule importer: idempotent, precise about mistakes, and never strands a booked client."""

from __future__ import annotations

import copy

import pytest

from bot.app import Assistant
from bot.clients.repository import ClientRepository
from bot.paths import REPO_ROOT
from scheduler.importer import ImportError_, import_schedule, read_file

EXAMPLE = REPO_ROOT / "scheduler" / "examples" / "usti.yml"


async def test_importing_twice_changes_nothing(assistant: Assistant) -> None:
    data = read_file(EXAMPLE)
    async with assistant.sessions() as s, s.begin():
        first = await import_schedule(s, data)
    async with assistant.sessions() as s, s.begin():
        second = await import_schedule(s, data)
    assert first == second
    assert (first.services, first.locations, first.counsellors) == (5, 2, 4)


async def test_mistakes_are_named_by_their_place_in_the_file(assistant: Assistant) -> None:
    data = copy.deepcopy(read_file(EXAMPLE))
    data["counsellors"][0]["availability"][0]["from"] = "25:00"
    data["counsellors"][1]["services"].append("astrology")
    data["services"][0]["duration_min"] = 47
    async with assistant.sessions() as s, s.begin():
        with pytest.raises(ImportError_) as caught:
            await import_schedule(s, data)
    problems = caught.value.problems
    assert "counsellors[0].availability[0].from: '25:00' is not a time like 09:30" in problems
    assert "counsellors[1].services: unknown service 'astrology'" in problems
    assert "services[0].duration_min: must be a multiple of 5" in problems


async def test_a_counsellor_with_bookings_ahead_stays_active(assistant: Assistant) -> None:
    data = read_file(EXAMPLE)
    async with assistant.sessions() as s, s.begin():
        await import_schedule(s, data)
        service = await assistant.scheduler.service_by_code(s, "legal_counselling")
        assert service is not None
        slot = (await assistant.scheduler.find_free(s, service, limit=1))[0]
        client = (await ClientRepository(s).get_or_create("tg:77")).client
        assert (await assistant.scheduler.book(s, client.id, slot, None)).booking is not None
    retired = copy.deepcopy(data)
    retired["counsellors"][0]["active"] = False  # legal-1, the only legal counsellor on that day
    async with assistant.sessions() as s, s.begin():
        with pytest.raises(ImportError_) as caught:
            await import_schedule(s, retired)
    assert caught.value.problems == [
        "counsellors[0].active: 1 appointment(s) ahead; cancel them in the console first"
    ]
