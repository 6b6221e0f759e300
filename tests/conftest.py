"""Shared fixtures: databases and Redis per backend, a built Assistant, and a chat driver."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from redis.asyncio import Redis

from bot.app import Assistant, build_assistant
from bot.logging_setup import configure_logging
from bot.nlu.service import Understanding, load_understanding
from bot.paths import REPO_ROOT
from bot.settings import Settings
from scheduler.importer import import_schedule, read_file
from tests import backends, deployments
from tests.deployments import Deployment
from tests.driver import ChatDriver
from tests.fakes import VirtualTime

CENTRE_OPEN = datetime(2026, 11, 24, 9, 30, tzinfo=UTC)
EXAMPLE_SCHEDULE = REPO_ROOT / "scheduler" / "examples" / "usti.yml"


async def open_example_schedule(assistant: Assistant) -> None:
    """The example centre's schedule, seen on Wednesday 23 September 2026 at 08:00 in Prague."""
    async with assistant.sessions() as s, s.begin():
        await import_schedule(s, read_file(EXAMPLE_SCHEDULE))
    assistant.scheduler.clock = lambda: datetime(2026, 9, 23, 6, 0, tzinfo=UTC)


def pytest_configure(config: pytest.Config) -> None:
    # The same structlog -> stdlib set-up as production, so caplog sees what operators would.
    configure_logging("INFO", "console")


@pytest.fixture(params=["sqlite", "postgres"])
async def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """Every backend the contract tests must pass on."""
    if request.param == "sqlite":
        return await backends.sqlite_database(tmp_path)
    return await backends.postgres_database()


@pytest.fixture(params=["embedded", "services"])
async def deployment(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[Deployment]:
    """SQLite with in-process state, or PostgreSQL with Redis: for tests that run whole processes."""
    async for built in deployments.deployment(request.param, tmp_path):
        yield built


@pytest.fixture(params=["fakeredis", "redis"])
async def shared_redis(request: pytest.FixtureRequest) -> AsyncIterator[Redis]:
    """A Redis client (fakeredis, or the TEST_REDIS_URL server) for what only exists with Redis."""
    async for client in backends.redis_client(request.param):
        assert client is not None
        yield client


@pytest.fixture
async def sqlite_url(tmp_path: Path) -> str:
    return await backends.sqlite_database(tmp_path)


@pytest.fixture(params=["memory", "fakeredis", "redis"])
async def redis_or_memory(request: pytest.FixtureRequest) -> AsyncIterator[Redis | None]:
    async for client in backends.redis_client(request.param):
        yield client


def make_settings(database_url: str, **overrides: Any) -> Settings:
    """Settings from arguments only: a developer's .env must not leak into tests."""
    factory: Any = Settings
    settings: Settings = factory(_env_file=None, database_url=database_url, **overrides)
    return settings


@pytest.fixture(scope="session")
def nlu_model_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Where the run's NLU model is trained once, for processes started by tests too (NLU_MODEL_PATH)."""
    return tmp_path_factory.mktemp("nlu") / "model.joblib"


@pytest.fixture(scope="session")
def understanding(nlu_model_path: Path) -> Understanding:
    """The real NLU, trained once per test run from the repository's nlu_data/."""
    return load_understanding(nlu_model_path)


@pytest.fixture
async def assistant(sqlite_url: str, understanding: Understanding) -> AsyncIterator[Assistant]:
    """The whole assistant on embedded defaults: SQLite file and in-process state."""
    # Outbound pacing in virtual time: one message per second per chat would slow every dialog test.
    built = build_assistant(make_settings(sqlite_url), understanding, limiter=VirtualTime().limiter())
    # Cases opened in tests meet the centre open (a Tuesday, 10:30 in Prague) unless a test says otherwise.
    built.cases.clock = lambda: CENTRE_OPEN
    yield built
    await built.aclose()


@pytest.fixture
def chat(assistant: Assistant) -> ChatDriver:
    return ChatDriver(assistant, "console:alice")


@pytest.fixture
def assistant_chat(assistant: Assistant) -> ChatDriver:
    """A client whose device tells us nothing about their language."""
    return ChatDriver(assistant, "console:newcomer", locale_hint=None)
