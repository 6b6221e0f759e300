"""Which topics go first, and the first-response targets (SLA) per priority."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from bot.nlu.intents import ESCALATION_INTENTS, Intent
from counselling.models import Priority

# Someone's liberty or safety is at stake, or an appeal period of days is running (shared/intents.md).
URGENT_TOPICS = frozenset({Intent.LEGAL_DETENTION, Intent.LEGAL_DOMESTIC_VIOLENCE, Intent.LEGAL_EXPULSION})


def priority_of(topic: str | None) -> Priority:
    """Urgent topics first, then the other legal matters, then everything else."""
    if topic in URGENT_TOPICS:
        return Priority.URGENT
    if topic in ESCALATION_INTENTS:
        return Priority.HIGH
    return Priority.NORMAL


class SlaState(StrEnum):
    OK = "ok"
    NEAR = "near"  # most of the target is used up: highlight it
    BREACHED = "breached"  # past the target without a first response: highlight and re-alert
    MET = "met"  # answered within the target
    MISSED = "missed"  # answered, but late


@dataclass(frozen=True)
class SlaPolicy:
    """First-response targets per priority (CASE_SLA_MINUTES); "near" starts at `near_fraction`."""

    targets: dict[Priority, timedelta]
    near_fraction: float = 0.75

    def target(self, priority: int) -> timedelta:
        return self.targets[Priority(priority)]

    def due_at(self, priority: int, opened_at: datetime) -> datetime:
        return opened_at + self.target(priority)

    def state(
        self, priority: int, opened_at: datetime, first_response_at: datetime | None, now: datetime
    ) -> SlaState:
        target = self.target(priority)
        if first_response_at is not None:
            return SlaState.MET if first_response_at - opened_at <= target else SlaState.MISSED
        waited = now - opened_at
        if waited > target:
            return SlaState.BREACHED
        if waited >= target * self.near_fraction:
            return SlaState.NEAR
        return SlaState.OK


def parse_sla(raw: str) -> dict[Priority, timedelta]:
    """`urgent=15,high=60,normal=240` (minutes) -> targets; every priority must be given once."""
    targets: dict[Priority, timedelta] = {}
    for item in (part.strip() for part in raw.split(",")):
        if not item:
            continue
        name, sep, minutes = item.partition("=")
        name = name.strip().upper()
        if not sep or name not in Priority.__members__:
            raise ValueError(f"'{item}' is not like 'urgent=15'")
        if not minutes.strip().isdigit() or not 1 <= int(minutes) <= 10_080:
            raise ValueError(f"'{item}': minutes must be a whole number from 1 to 10080")
        targets[Priority[name]] = timedelta(minutes=int(minutes))
    missing = [p.name.lower() for p in Priority if p not in targets]
    if missing:
        raise ValueError(f"no target for {', '.join(missing)}")
    return targets
