"""Composition root: the one place that builds and wires every part of the assistant."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import structlog
from redis.asyncio import Redis
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from bot.channels.base import Channel
from bot.channels.webchat.hub import WebChatHub
from bot.channels.whatsapp.service import WhatsAppChannel, build_whatsapp
from bot.core.centre import CentreInfo
from bot.core.conversations import Conversations, LockedStates
from bot.core.dialogs import DialogRouter
from bot.core.engine import DialogEngine
from bot.core.locks import MemoryLocks
from bot.core.notifier import Notifier
from bot.core.ratelimit import MemoryRateLimiter, RateLimiter
from bot.core.redis_case_events import RedisCaseEvents
from bot.core.redis_client import connect_redis
from bot.core.redis_conversations import RedisConversations
from bot.core.redis_ratelimit import RedisRateLimiter
from bot.core.redis_state import RedisStateStore
from bot.core.state_store import MemoryStateStore, StateStore
from bot.core.transcript import Transcripts
from bot.db import migrate
from bot.db.session import create_engine, create_session_factory
from bot.i18n.msg import Msg
from bot.i18n.sources import read_sources
from bot.i18n.translator import Translator
from bot.inbox.processor import InboxProcessor
from bot.nlu.service import Understanding
from bot.paths import LOCALES_DIR
from bot.settings import SUPPORTED_LOCALES, Settings
from counselling.desk import CaseDesk
from counselling.events import CaseEvents, MemoryCaseEvents
from counselling.mirrors import CaseMirrors
from counselling.priority import SlaPolicy
from dialogs.book_appointment import BookAppointment
from dialogs.booking_news import BookingNews
from dialogs.booking_outcomes import BookingOutcomes
from dialogs.booking_steps import BookingSteps
from dialogs.case_relay import CaseRelay
from dialogs.change_language import ChangeLanguage
from dialogs.czech_courses import CzechCourses
from dialogs.deep_links import DeepLinks
from dialogs.fallback import Fallback
from dialogs.faq import Faq
from dialogs.first_contact import FirstContact
from dialogs.handoff import Handoff
from dialogs.help import Help
from dialogs.link_accounts import LinkAccounts, link_words
from dialogs.link_redeem import LinkRedeem
from dialogs.main_menu import MainMenu
from dialogs.manage_subscriptions import ManageSubscriptions, stop_words
from dialogs.my_appointments import MyAppointments
from dialogs.questions import Questions
from dialogs.understand import Understand
from scheduler.service import SlotScheduler

log = structlog.get_logger(__name__)
DAY = 86_400


async def check_schema(database_url: str) -> None:
    """Raise SchemaNotCurrent unless the database is at the latest migration."""
    engine = create_engine(database_url)
    try:
        async with engine.connect() as conn:
            if not await conn.run_sync(migrate.is_current):
                raise SchemaNotCurrent("the database is not migrated: run `python -m bot db upgrade`")
    finally:
        await engine.dispose()


class SchemaNotCurrent(RuntimeError):
    """The database lacks migrations; start-up stops with a hint instead of failing later."""


@dataclass
class Assistant:
    """Everything built for one process; closed once, in reverse order of building."""

    settings: Settings
    db_engine: AsyncEngine
    sessions: async_sessionmaker[AsyncSession]
    redis: Redis | None
    states: StateStore  # the states `conversations` holds, to read or delete one outside a message
    conversations: Conversations
    translator: Translator
    router: DialogRouter
    engine: DialogEngine
    notifier: Notifier
    webchat: WebChatHub
    transcripts: Transcripts
    centre: CentreInfo
    understanding: Understanding
    scheduler: SlotScheduler
    cases: CaseDesk
    inbox: InboxProcessor
    limiter: RateLimiter  # outbound messages, shared by every process through Redis when configured
    whatsapp: WhatsAppChannel | None = None

    async def health(self) -> dict[str, bool]:
        """Whether the database and (when configured) Redis answer."""
        status = {"database": False}
        try:
            async with self.db_engine.connect() as conn:
                await conn.execute(text("SELECT 1"))
            status["database"] = True
        except Exception:
            log.warning("health_database_down", exc_info=True)
        if self.redis is not None:
            try:
                status["redis"] = bool(await self.redis.ping())
            except Exception:
                log.warning("health_redis_down", exc_info=True)
                status["redis"] = False
        return status

    async def aclose(self) -> None:
        await self.engine.drain(self.settings.shutdown_grace_seconds)
        await self.cases.events.close()
        if self.whatsapp is not None:
            await self.whatsapp.aclose()
        await self.states.close()
        if self.redis is not None:
            await self.redis.aclose()
        await self.db_engine.dispose()


def build_router(
    centre: CentreInfo,
    settings: Settings,
    understanding: Understanding,
    scheduler: SlotScheduler,
    notifier: Notifier,
    cases: CaseDesk,
    stop_words: Iterable[str] = ("stop",),
    link_keywords: Iterable[str] = ("connect",),
) -> DialogRouter:
    """Register every dialog; order carries no meaning, conflicts raise at start-up."""
    router = DialogRouter()
    days = settings.message_retention_days
    sources = read_sources(LOCALES_DIR / "en" / "faq.ftl")
    handoff = Handoff(cases, centre)
    understand = Understand(understanding.parser, understanding.policy, router, handoff.fallback)
    booking = BookingSteps(scheduler, centre)
    news = BookingNews(notifier, centre, settings.default_locale)
    outcomes = BookingOutcomes(booking, news)
    links = DeepLinks(router, scheduler)
    for dialog in (
        # Its gate comes first: a code sent from another app is honoured before consent (the person agreed
        # in the app that made it) and never relayed into a case as words.
        LinkAccounts(LinkRedeem(scheduler, notifier, cases, news), link_keywords),
        FirstContact(centre, days),  # then nothing else happens before consent
        CaseRelay(cases),  # then, while a case is open, the client talks to the counsellor
        MainMenu(),
        links,
        ChangeLanguage(understand.answer_text, links.follow),
        Help(centre, days),
        Questions(),
        BookAppointment(booking, outcomes, understanding.gazetteer, understand.handle),
        MyAppointments(booking, news),
        handoff,
        ManageSubscriptions(centre, scheduler, stop_words),
        CzechCourses(centre, scheduler),
        Faq(centre, sources),
        understand,
        Fallback(),
    ):
        dialog.register(router)
    return router


def build_assistant(
    settings: Settings,
    understanding: Understanding,
    *,
    redis: Redis | None = None,
    limiter: RateLimiter | None = None,
) -> Assistant:
    """Build without network I/O; connections open lazily on first use. NLU is loaded by the caller.

    `limiter` replaces the outbound limiter (in memory, or in Redis when configured); tests pass one.
    """
    if settings.sqlite_path is not None:
        settings.sqlite_path.parent.mkdir(parents=True, exist_ok=True)
    db_engine = create_engine(settings.database_url)
    sessions = create_session_factory(db_engine)
    if redis is None and settings.redis_url:
        redis = connect_redis(settings.redis_url)
    ttl = settings.conversation_state_ttl_days * DAY
    states: StateStore
    conversations: Conversations
    if redis is not None:
        states, conversations = RedisStateStore(redis, ttl), RedisConversations(redis, ttl)
        limiter = limiter or RedisRateLimiter(redis)
    else:
        states = MemoryStateStore(ttl)
        conversations = LockedStates(MemoryLocks(), states)
        limiter = limiter or MemoryRateLimiter()
    translator = Translator(LOCALES_DIR, settings.enabled_locales, settings.centre_timezone)
    centre = CentreInfo.from_settings(settings)
    scheduler = SlotScheduler(settings.centre_timezone, settings.booking_max_future)
    notifier = Notifier(sessions, translator, settings.default_locale)
    events: CaseEvents = RedisCaseEvents(redis) if redis is not None else MemoryCaseEvents()
    mirrors = CaseMirrors(grace_seconds=settings.shutdown_grace_seconds)
    cases = CaseDesk(
        sessions, notifier.deliver, events, SlaPolicy(settings.case_sla_minutes), mirrors=mirrors
    )
    words = stop_words(
        translator.format(locale, Msg.SUBSCRIPTIONS_STOP_WORDS) for locale in SUPPORTED_LOCALES
    )
    connect = link_words(translator.format(locale, Msg.LINK_KEYWORDS) for locale in SUPPORTED_LOCALES)
    router = build_router(centre, settings, understanding, scheduler, notifier, cases, words, connect)
    engine = DialogEngine(
        router=router,
        conversations=conversations,
        session_factory=sessions,
        translator=translator,
        enabled_locales=settings.enabled_locales,
        default_locale=settings.default_locale,
        nlu=understanding.parser,
    )
    webchat = WebChatHub(translator)
    notifier.register(Channel.WEB, webchat)
    inbox = InboxProcessor(
        sessions, concurrency=settings.inbox_concurrency, grace_seconds=settings.shutdown_grace_seconds
    )
    whatsapp = None
    if settings.whatsapp_enabled:
        whatsapp = build_whatsapp(
            settings, engine=engine, translator=translator, inbox=inbox, redis=redis, limiter=limiter
        )
        notifier.register(Channel.WHATSAPP, whatsapp.sender)
    return Assistant(
        settings=settings,
        db_engine=db_engine,
        sessions=sessions,
        redis=redis,
        states=states,
        conversations=conversations,
        translator=translator,
        router=router,
        engine=engine,
        notifier=notifier,
        webchat=webchat,
        transcripts=Transcripts(sessions),
        centre=centre,
        understanding=understanding,
        scheduler=scheduler,
        cases=cases,
        inbox=inbox,
        whatsapp=whatsapp,
        limiter=limiter,
    )
