"""Loads services, locations, counsellors and their availability from YAML; safe to run again."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from pathlib import Path
from typing import Any

import yaml
from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncSession

from scheduler.models import (
    CELL_MINUTES,
    AvailabilityException,
    Counsellor,
    CounsellorService,
    Location,
    Service,
    WeeklyAvailability,
)
from scheduler.roster import future_appointments

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


class ImportError_(ValueError):
    """Every problem of the file, one `where: what` per line."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


@dataclass(frozen=True)
class ImportSummary:
    services: int
    locations: int
    counsellors: int
    weekly_rules: int
    exceptions: int


class _Reader:
    def __init__(self) -> None:
        self.problems: list[str] = []

    def need(self, item: dict[str, Any], key: str, where: str, kind: type | tuple[type, ...] = str) -> Any:
        value = item.get(key)
        if not isinstance(value, kind) or (isinstance(value, bool) and kind is int):
            self.problems.append(f"{where}.{key}: required ({getattr(kind, '__name__', kind)})")
            return None
        return value

    def clock(self, value: Any, where: str) -> time | None:
        try:
            hours, minutes = str(value).split(":")
            parsed = time(int(hours), int(minutes))
        except ValueError:
            self.problems.append(f"{where}: '{value}' is not a time like 09:30")
            return None
        if parsed.minute % CELL_MINUTES:
            self.problems.append(f"{where}: '{value}' must be on a {CELL_MINUTES}-minute boundary")
        return parsed

    def day(self, value: Any, where: str) -> date | None:
        if isinstance(value, date):
            return value
        try:
            return date.fromisoformat(str(value))
        except ValueError:
            self.problems.append(f"{where}: '{value}' is not a date like 2026-12-24")
            return None


def read_file(path: Path) -> dict[str, Any]:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as error:
        raise ImportError_([f"{path}: {error}"]) from error
    if not isinstance(data, dict):
        raise ImportError_([f"{path}: expected a mapping with services, locations and counsellors"])
    return data


async def import_schedule(session: AsyncSession, data: dict[str, Any]) -> ImportSummary:
    """Upsert by code; a counsellor's availability and exceptions are replaced by the file's."""
    reader = _Reader()
    services = {s.code: s for s in (await session.scalars(select(Service))).all()}
    for index, item in enumerate(data.get("services") or []):
        where = f"services[{index}]"
        code = reader.need(item, "code", where)
        names = reader.need(item, "names", where, dict)
        duration = reader.need(item, "duration_min", where, int)
        if code is None or names is None or duration is None:
            continue
        buffer, seats = int(item.get("buffer_min", 0)), int(item.get("seats", 1))
        # Checked here, before anything reaches the database, so a mistake is a message, not a traceback.
        invalid = [
            f"{where}.{name}: must be a multiple of {CELL_MINUTES}"
            for name, value in (("duration_min", duration), ("buffer_min", buffer))
            if (value <= 0 and name == "duration_min") or value < 0 or value % CELL_MINUTES
        ]
        if seats < 1:
            invalid.append(f"{where}.seats: must be 1 or more")
        if invalid:
            reader.problems.extend(invalid)
            continue
        service = services.get(code) or Service(code=code)
        service.names = {str(k): str(v) for k, v in names.items()}
        service.duration_min, service.buffer_min, service.seats = duration, buffer, seats
        service.min_notice_hours = int(item.get("min_notice_hours", 2))
        service.horizon_days = int(item.get("horizon_days", 30))
        service.active = bool(item.get("active", True))
        services[code] = service
        session.add(service)
    locations = {loc.code: loc for loc in (await session.scalars(select(Location))).all()}
    for index, item in enumerate(data.get("locations") or []):
        where = f"locations[{index}]"
        code, name, address = (reader.need(item, key, where) for key in ("code", "name", "address"))
        if code is None or name is None or address is None:
            continue
        location = locations.get(code) or Location(code=code)
        location.name, location.address, location.active = name, address, bool(item.get("active", True))
        locations[code] = location
        session.add(location)
    await session.flush()
    counsellors = {c.code: c for c in (await session.scalars(select(Counsellor))).all()}
    rules = exceptions = 0
    for index, item in enumerate(data.get("counsellors") or []):
        where = f"counsellors[{index}]"
        code, name = reader.need(item, "code", where), reader.need(item, "name", where)
        if code is None or name is None:
            continue
        counsellor = counsellors.get(code) or Counsellor(code=code)
        counsellor.name = name
        counsellor.languages = [str(x) for x in item.get("languages") or ["cs"]]
        active = bool(item.get("active", True))
        if not active and counsellor.id is not None and counsellor.active:
            # The same rule as the console: nobody is left holding a booking with an inactive counsellor.
            ahead = await future_appointments(session, counsellor.id, datetime.now(UTC))
            if ahead:
                reader.problems.append(
                    f"{where}.active: {len(ahead)} appointment(s) ahead; cancel them in the console first"
                )
                active = True
        counsellor.active = active
        session.add(counsellor)
        await session.flush()
        counsellors[code] = counsellor
        await session.execute(
            delete(CounsellorService).where(CounsellorService.counsellor_id == counsellor.id)
        )
        for service_code in item.get("services") or []:
            if service_code not in services:
                reader.problems.append(f"{where}.services: unknown service '{service_code}'")
                continue
            session.add(CounsellorService(counsellor_id=counsellor.id, service_id=services[service_code].id))
        await session.execute(
            delete(WeeklyAvailability).where(WeeklyAvailability.counsellor_id == counsellor.id)
        )
        await session.execute(
            delete(AvailabilityException).where(AvailabilityException.counsellor_id == counsellor.id)
        )
        for rule_index, rule in enumerate(item.get("availability") or []):
            rules += _add_rule(
                session, reader, rule, f"{where}.availability[{rule_index}]", counsellor, locations, services
            )
        for exc_index, exc in enumerate(item.get("exceptions") or []):
            exceptions += _add_exception(
                session, reader, exc, f"{where}.exceptions[{exc_index}]", counsellor, locations, services
            )
    if reader.problems:
        raise ImportError_(reader.problems)
    await session.flush()
    return ImportSummary(len(services), len(locations), len(counsellors), rules, exceptions)


def _add_rule(
    session: AsyncSession,
    reader: _Reader,
    rule: dict[str, Any],
    where: str,
    counsellor: Counsellor,
    locations: dict[str, Location],
    services: dict[str, Service],
) -> int:
    location = locations.get(str(rule.get("location")))
    if location is None:
        reader.problems.append(f"{where}.location: unknown location '{rule.get('location')}'")
        return 0
    starts, ends = (
        reader.clock(rule.get("from"), f"{where}.from"),
        reader.clock(rule.get("to"), f"{where}.to"),
    )
    if starts is None or ends is None:
        return 0
    if starts >= ends:
        reader.problems.append(f"{where}: 'from' must be before 'to'")
        return 0
    service_id = None
    if rule.get("service") is not None:
        service = services.get(str(rule["service"]))
        if service is None:
            reader.problems.append(f"{where}.service: unknown service '{rule['service']}'")
            return 0
        service_id = service.id
    days = rule.get("days") or []
    added = 0
    for day in days:
        if day not in WEEKDAYS:
            reader.problems.append(f"{where}.days: '{day}' is not one of {', '.join(WEEKDAYS)}")
            continue
        session.add(
            WeeklyAvailability(
                counsellor_id=counsellor.id,
                location_id=location.id,
                weekday=WEEKDAYS.index(day),
                starts=starts,
                ends=ends,
                service_id=service_id,
                valid_from=reader.day(rule["valid_from"], f"{where}.valid_from")
                if rule.get("valid_from")
                else None,
                valid_until=reader.day(rule["valid_until"], f"{where}.valid_until")
                if rule.get("valid_until")
                else None,
            )
        )
        added += 1
    return added


def _add_exception(
    session: AsyncSession,
    reader: _Reader,
    exc: dict[str, Any],
    where: str,
    counsellor: Counsellor,
    locations: dict[str, Location],
    services: dict[str, Service],
) -> int:
    day = reader.day(exc.get("date"), f"{where}.date")
    kind = exc.get("kind")
    if kind not in ("off", "extra"):
        reader.problems.append(f"{where}.kind: must be 'off' or 'extra'")
        return 0
    starts = reader.clock(exc["from"], f"{where}.from") if exc.get("from") else None
    ends = reader.clock(exc["to"], f"{where}.to") if exc.get("to") else None
    location = locations.get(str(exc.get("location"))) if exc.get("location") else None
    if kind == "extra" and (starts is None or ends is None or location is None):
        reader.problems.append(f"{where}: an 'extra' needs location, from and to")
        return 0
    if day is None:
        return 0
    service = services.get(str(exc.get("service"))) if exc.get("service") else None
    session.add(
        AvailabilityException(
            counsellor_id=counsellor.id,
            day=day,
            kind=kind,
            starts=starts,
            ends=ends,
            location_id=location.id if location else None,
            service_id=service.id if service else None,
            note=str(exc["note"])[:200] if exc.get("note") else None,
        )
    )
    return 1
