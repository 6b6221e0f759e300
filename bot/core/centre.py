"""The centre's own facts, taken from configuration and handed to dialogs."""

from __future__ import annotations

from dataclasses import dataclass

from bot.settings import OpeningPeriod, Settings


@dataclass(frozen=True)
class CentreInfo:
    name: str
    address: str
    opening_hours: tuple[OpeningPeriod, ...]
    phone: str
    email: str
    timezone: str

    @classmethod
    def from_settings(cls, settings: Settings) -> CentreInfo:
        return cls(
            name=settings.centre_name,
            address=settings.centre_address,
            opening_hours=settings.centre_opening_hours,
            phone=settings.centre_phone,
            email=settings.centre_email,
            timezone=settings.centre_timezone,
        )
