"""Imports every domain's models so that Base.metadata is complete for Alembic and tests."""

from bot.clients import models as clients_models
from bot.db.base import Base
from bot.inbox import models as inbox_models
from bot.nlu import models as nlu_models
from bot.staff import models as staff_models
from broadcasts import models as broadcasts_models
from counselling import models as counselling_models
from scheduler import models as scheduler_models

__all__ = [
    "Base",
    "broadcasts_models",
    "clients_models",
    "counselling_models",
    "inbox_models",
    "nlu_models",
    "scheduler_models",
    "staff_models",
]
