"""What the booking dialogs show: summaries, day and time buttons, and the .ics calendar file."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime
from zoneinfo import ZoneInfo

from bot.channels.base import Attachment, Choice, Reply, Text, choice
from bot.core.centre import CentreInfo
from bot.i18n.msg import Msg
from dialogs.booking_payloads import (
    MY_APPOINTMENTS,
    TargetRef,
    day_payload,
    days_payload,
    more_payload,
    time_payload,
)
from dialogs.common import back_to_menu
from scheduler.ics import booking_ics
from scheduler.models import Booking, Location, Service
from scheduler.slots import Slot

# Time buttons per message: with "later", "another day" and the menu it stays within a WhatsApp list (10).
TIMES_SHOWN = 7
ICS_MEDIA_TYPE = "text/calendar"


def summary(service: Service, location: Location, at: datetime, locale: str) -> Text:
    """Service, day and time (in Prague time, by the translator), place with address."""
    return Text(
        Msg.BOOKING_SUMMARY,
        {"service": service.name(locale), "at": at, "place": location.name, "address": location.address},
    )


def day_choices(target: TargetRef, days: Iterable[date]) -> tuple[Choice, ...]:
    return tuple(choice(day_payload(target, day), Msg.BOOKING_DAY_BUTTON, day=day) for day in days)


def time_choices(target: TargetRef, slots: list[Slot]) -> tuple[Choice, ...]:
    """The first TIMES_SHOWN times, then "later times" when there are more that day."""
    shown = tuple(
        choice(time_payload(target, s.counsellor_id, s.starts_at), Msg.BOOKING_TIME_BUTTON, at=s.starts_at)
        for s in slots[:TIMES_SHOWN]
    )
    if len(slots) > TIMES_SHOWN:
        shown += (choice(more_payload(target, slots[TIMES_SHOWN].starts_at), Msg.BOOKING_LATER_TIMES),)
    return shown


def alternative_choices(target: TargetRef, slots: Iterable[Slot]) -> tuple[Choice, ...]:
    """Times on any day, so the label carries the date too."""
    return tuple(
        choice(
            time_payload(target, s.counsellor_id, s.starts_at), Msg.BOOKING_ALTERNATIVE_BUTTON, at=s.starts_at
        )
        for s in slots
    )


def other_day(target: TargetRef) -> Choice:
    return choice(days_payload(target), Msg.BOOKING_OTHER_DAY)


def my_appointments_choice() -> Choice:
    return choice(MY_APPOINTMENTS, Msg.BOOKING_MY_BUTTON)


def after_booking_choices() -> tuple[Choice, ...]:
    return (my_appointments_choice(), *back_to_menu())


def ics_attachment(
    booking: Booking, service: Service, location: Location, centre: CentreInfo, locale: str
) -> Attachment:
    """A calendar entry in the client's language; times in UTC, every calendar shows them locally."""
    description = ", ".join(part for part in (centre.name, centre.address, centre.phone) if part)
    content = booking_ics(
        uid=f"booking-{booking.id}-{int(booking.starts_at.timestamp())}@integration-centre",
        summary=f"{service.name(locale)} – {centre.name}",
        location=f"{location.name}, {location.address}",
        starts_at=booking.starts_at,
        ends_at=booking.ends_at,
        description=description,
    )
    local_day = booking.starts_at.astimezone(ZoneInfo(centre.timezone)).date()
    return Attachment(f"appointment-{local_day:%Y-%m-%d}.ics", ICS_MEDIA_TYPE, content)


def booked_reply(
    heading: Msg, booking: Booking, service: Service, location: Location, centre: CentreInfo, locale: str
) -> Reply:
    """The confirmation: what, when and where, what happens next, and the calendar file."""
    return Reply(
        lines=(
            Text(heading),
            summary(service, location, booking.starts_at, locale),
            Text(Msg.BOOKING_BOOKED_NEXT),
        ),
        choices=after_booking_choices(),
        attachments=(ics_attachment(booking, service, location, centre, locale),),
    )
