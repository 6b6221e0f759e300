"""Tables of the scheduler: services, locations, counsellors, availability, appointments and bookings."""

from __future__ import annotations

from datetime import date, datetime, time
from typing import Any

from sqlalchemy import JSON, CheckConstraint, ForeignKey, Index, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from bot.db.base import Base, utcnow

# Counsellor time is claimed in cells of this many minutes; a unique (counsellor, cell) pair is what
# makes overlapping appointments impossible in the database itself, on SQLite as on PostgreSQL.
CELL_MINUTES = 5


class Service(Base):
    __tablename__ = "services"
    __table_args__ = (
        CheckConstraint("seats >= 1", name="seats_positive"),
        CheckConstraint(f"duration_min > 0 AND duration_min % {CELL_MINUTES} = 0", name="duration_in_cells"),
        CheckConstraint(f"buffer_min >= 0 AND buffer_min % {CELL_MINUTES} = 0", name="buffer_in_cells"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(64), unique=True)
    names: Mapped[dict[str, str]] = mapped_column(JSON)  # locale -> name
    duration_min: Mapped[int]
    buffer_min: Mapped[int] = mapped_column(default=0)
    min_notice_hours: Mapped[int] = mapped_column(default=2)
    horizon_days: Mapped[int] = mapped_column(default=30)
    seats: Mapped[int] = mapped_column(default=1)  # 1 individual, N for a group session
    active: Mapped[bool] = mapped_column(default=True)

    @property
    def is_group(self) -> bool:
        return self.seats > 1

    def name(self, locale: str) -> str:
        return self.names.get(locale) or self.names.get("en") or self.names.get("cs") or self.code


class Location(Base):
    __tablename__ = "locations"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(64), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    address: Mapped[str] = mapped_column(String(300))
    active: Mapped[bool] = mapped_column(default=True)


class Counsellor(Base):
    __tablename__ = "counsellors"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(64), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff_users.id", ondelete="SET NULL"))
    languages: Mapped[list[str]] = mapped_column(JSON)  # languages they (or their interpreter) serve in
    active: Mapped[bool] = mapped_column(default=True)

    services: Mapped[list[Service]] = relationship(secondary="counsellor_services", lazy="selectin")


class CounsellorService(Base):
    __tablename__ = "counsellor_services"

    counsellor_id: Mapped[int] = mapped_column(
        ForeignKey("counsellors.id", ondelete="CASCADE"), primary_key=True
    )
    service_id: Mapped[int] = mapped_column(ForeignKey("services.id", ondelete="CASCADE"), primary_key=True)


class WeeklyAvailability(Base):
    """A counsellor works at a location every such weekday between two local times."""

    __tablename__ = "weekly_availability"
    __table_args__ = (
        CheckConstraint("weekday BETWEEN 0 AND 6", name="weekday_range"),
        CheckConstraint("starts < ends", name="starts_before_ends"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    counsellor_id: Mapped[int] = mapped_column(ForeignKey("counsellors.id", ondelete="CASCADE"), index=True)
    location_id: Mapped[int] = mapped_column(ForeignKey("locations.id", ondelete="CASCADE"))
    weekday: Mapped[int]  # 0 = Monday
    starts: Mapped[time]
    ends: Mapped[time]
    # A window dedicated to one service (a group session such as a mock exam); None serves any of theirs.
    service_id: Mapped[int | None] = mapped_column(ForeignKey("services.id", ondelete="CASCADE"))
    valid_from: Mapped[date | None]
    valid_until: Mapped[date | None]


class AvailabilityException(Base):
    """A one-off change: `off` (leave, sick day; all day without times) or `extra` (an extra evening)."""

    __tablename__ = "availability_exceptions"
    __table_args__ = (
        CheckConstraint("kind IN ('off', 'extra')", name="kind_known"),
        CheckConstraint("(starts IS NULL AND ends IS NULL) OR starts < ends", name="times_ordered"),
        CheckConstraint(
            "kind = 'off' OR (starts IS NOT NULL AND location_id IS NOT NULL)", name="extra_complete"
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    counsellor_id: Mapped[int] = mapped_column(ForeignKey("counsellors.id", ondelete="CASCADE"), index=True)
    day: Mapped[date]
    kind: Mapped[str] = mapped_column(String(8))
    starts: Mapped[time | None]
    ends: Mapped[time | None]
    location_id: Mapped[int | None] = mapped_column(ForeignKey("locations.id", ondelete="CASCADE"))
    service_id: Mapped[int | None] = mapped_column(ForeignKey("services.id", ondelete="CASCADE"))
    note: Mapped[str | None] = mapped_column(String(200))


class Appointment(Base):
    """A counsellor's occupied time: one client, or the seats of one group session."""

    __tablename__ = "appointments"
    __table_args__ = (
        UniqueConstraint("counsellor_id", "starts_at"),
        CheckConstraint("capacity >= 1", name="capacity_positive"),
        Index("ix_appointments_starts_at", "starts_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    counsellor_id: Mapped[int] = mapped_column(ForeignKey("counsellors.id", ondelete="RESTRICT"))
    service_id: Mapped[int] = mapped_column(ForeignKey("services.id", ondelete="RESTRICT"))
    location_id: Mapped[int] = mapped_column(ForeignKey("locations.id", ondelete="RESTRICT"))
    starts_at: Mapped[datetime]
    ends_at: Mapped[datetime]
    capacity: Mapped[int]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class TimeCell(Base):
    """One CELL_MINUTES piece of a counsellor's time held by an appointment (including its buffer)."""

    __tablename__ = "time_cells"

    counsellor_id: Mapped[int] = mapped_column(
        ForeignKey("counsellors.id", ondelete="CASCADE"), primary_key=True
    )
    cell_start: Mapped[datetime] = mapped_column(primary_key=True)
    appointment_id: Mapped[int] = mapped_column(ForeignKey("appointments.id", ondelete="CASCADE"), index=True)


class Booking(Base):
    """A client's seat in an appointment; seat numbers make over-booking a unique-key violation."""

    __tablename__ = "bookings"
    __table_args__ = (
        UniqueConstraint("appointment_id", "seat"),
        UniqueConstraint("appointment_id", "client_id"),
        CheckConstraint("seat >= 1", name="seat_positive"),
        CheckConstraint("status IN ('booked', 'cancelled', 'attended', 'no_show')", name="status_known"),
        Index("ix_bookings_client_status", "client_id", "status"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    appointment_id: Mapped[int | None] = mapped_column(ForeignKey("appointments.id", ondelete="SET NULL"))
    seat: Mapped[int | None]
    client_id: Mapped[int] = mapped_column(ForeignKey("clients.id", ondelete="CASCADE"))
    # What was booked, kept when a cancellation frees the appointment's seat and time.
    service_id: Mapped[int] = mapped_column(ForeignKey("services.id", ondelete="RESTRICT"))
    location_id: Mapped[int] = mapped_column(ForeignKey("locations.id", ondelete="RESTRICT"))
    counsellor_id: Mapped[int | None] = mapped_column(ForeignKey("counsellors.id", ondelete="SET NULL"))
    starts_at: Mapped[datetime]
    ends_at: Mapped[datetime]
    language: Mapped[str | None] = mapped_column(String(8))
    status: Mapped[str] = mapped_column(String(16), default="booked")
    confirmed_at: Mapped[datetime | None]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    cancelled_at: Mapped[datetime | None]
    cancelled_by: Mapped[str | None] = mapped_column(String(16))  # client, counsellor, admin


class WaitlistEntry(Base):
    __tablename__ = "waitlist"
    __table_args__ = (UniqueConstraint("appointment_id", "client_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    appointment_id: Mapped[int] = mapped_column(ForeignKey("appointments.id", ondelete="CASCADE"), index=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("clients.id", ondelete="CASCADE"))
    language: Mapped[str | None] = mapped_column(String(8))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class Reminder(Base):
    """A reminder due at a time; `sent_at` is set in the transaction that hands it to the notifier."""

    __tablename__ = "reminders"
    __table_args__ = (UniqueConstraint("booking_id", "kind"), Index("ix_reminders_due", "sent_at", "due_at"))

    id: Mapped[int] = mapped_column(primary_key=True)
    booking_id: Mapped[int] = mapped_column(ForeignKey("bookings.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(8))  # "24h" or "2h"
    due_at: Mapped[datetime]
    claimed_until: Mapped[datetime | None]
    sent_at: Mapped[datetime | None]
    extra: Mapped[dict[str, Any] | None] = mapped_column(JSON)
