"""An .ics calendar entry for a booking (RFC 5545), so clients can put it in their phone's calendar."""

from __future__ import annotations

from datetime import datetime

from icalendar import Calendar, Event

PRODUCT_ID = "-//Integration centre Usti//assistant//EN"


def booking_ics(
    *, uid: str, summary: str, location: str, starts_at: datetime, ends_at: datetime, description: str = ""
) -> bytes:
    """Times are written in UTC: every calendar converts them to the phone's own zone, DST included."""
    calendar = Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("method", "PUBLISH")
    event = Event()
    event.add("uid", uid)
    event.add("summary", summary)
    event.add("location", location)
    event.add("dtstart", starts_at)
    event.add("dtend", ends_at)
    event.add("dtstamp", starts_at)
    if description:
        event.add("description", description)
    calendar.add_component(event)
    return bytes(calendar.to_ical())
