"""Button payloads of the booking dialogs: built and parsed in one place, malformed ones become None.

Every payload fits in MAX_PAYLOAD_BYTES (62) with room to spare; ids are database ids, times unix minutes:

    bk:svc:<service>                      a service was chosen (also the counsellor-cancellation rebook offer)
    bk:days:<target>                      day buttons for a target
    bk:d:<target>:<yyyymmdd>              the free times of a day
    bk:m:<target>:<unix minutes>          more times of the same day, from that instant
    bk:t:<target>:<counsellor>:<minutes>  a time was chosen: show the confirmation
    bk:ok:<target>:<counsellor>:<minutes> confirmed: book (or move the booking)
    bk:w:<appointment>                    join the waiting list of a full group session
    appt:list | appt:confirm:<booking> | appt:cancel:<booking> | appt:cx:<booking>

A target is what is being booked: `<service>-<location>` for a new booking, `r<booking>` to move one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime

_ID = r"[1-9][0-9]{0,9}"
_TARGET = re.compile(rf"^(?:(?P<service>{_ID})-(?P<location>{_ID})|r(?P<booking>{_ID}))$")
_NUMBER = re.compile(rf"^{_ID}$")
_DAY = re.compile(r"^\d{8}$")
# Unix minutes stay 8 digits until the year 2160; anything longer is forged.
_MINUTES = re.compile(r"^[1-9][0-9]{7}$")


@dataclass(frozen=True)
class TargetRef:
    """A new booking of a service at a location, or moving an existing booking (`booking` set)."""

    service_id: int = 0
    location_id: int = 0
    booking_id: int | None = None

    @property
    def token(self) -> str:
        if self.booking_id is not None:
            return f"r{self.booking_id}"
        return f"{self.service_id}-{self.location_id}"


@dataclass(frozen=True)
class TimeRef:
    counsellor_id: int
    starts_at: datetime


def parse_target(token: str) -> TargetRef | None:
    match = _TARGET.match(token)
    if match is None:
        return None
    if match["booking"]:
        return TargetRef(booking_id=int(match["booking"]))
    return TargetRef(int(match["service"]), int(match["location"]))


def parse_id(token: str) -> int | None:
    return int(token) if _NUMBER.match(token) else None


def parse_day(token: str) -> date | None:
    if not _DAY.match(token):
        return None
    try:
        return date(int(token[:4]), int(token[4:6]), int(token[6:]))
    except ValueError:
        return None


def parse_instant(token: str) -> datetime | None:
    return datetime.fromtimestamp(int(token) * 60, UTC) if _MINUTES.match(token) else None


def parse_time(counsellor: str, minutes: str) -> TimeRef | None:
    counsellor_id, starts_at = parse_id(counsellor), parse_instant(minutes)
    if counsellor_id is None or starts_at is None:
        return None
    return TimeRef(counsellor_id, starts_at)


def minutes(at: datetime) -> str:
    return str(int(at.timestamp()) // 60)


def service_payload(service_id: int) -> str:
    return f"bk:svc:{service_id}"


def days_payload(target: TargetRef) -> str:
    return f"bk:days:{target.token}"


def day_payload(target: TargetRef, day: date) -> str:
    return f"bk:d:{target.token}:{day:%Y%m%d}"


def more_payload(target: TargetRef, starts_at: datetime) -> str:
    return f"bk:m:{target.token}:{minutes(starts_at)}"


def time_payload(target: TargetRef, counsellor_id: int, starts_at: datetime) -> str:
    return f"bk:t:{target.token}:{counsellor_id}:{minutes(starts_at)}"


def confirm_payload(target: TargetRef, counsellor_id: int, starts_at: datetime) -> str:
    return f"bk:ok:{target.token}:{counsellor_id}:{minutes(starts_at)}"


def waitlist_payload(appointment_id: int) -> str:
    return f"bk:w:{appointment_id}"


MY_APPOINTMENTS = "appt:list"


def appointment_payload(action: str, booking_id: int) -> str:
    """`appt:confirm`, `appt:cancel` (asks first) and `appt:cx` (cancel, confirmed) of one booking."""
    return f"appt:{action}:{booking_id}"
