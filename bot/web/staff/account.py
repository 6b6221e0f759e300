"""A staff member's own account: changing the password, and linking Telegram for the staff group."""

from __future__ import annotations

from typing import Any

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute, Route

from bot.channels.telegram.staff_link import CODE_LIFETIME, TelegramLinks
from bot.i18n.msg import Msg
from bot.staff import passwords
from bot.staff.service import ActiveSession, StaffError
from bot.web.staff.admin import error_text
from bot.web.staff.auth import accounts, session_token, staff_page
from bot.web.staff.pages import assistant_of, page_text, render


def _links(request: Request) -> TelegramLinks:
    return TelegramLinks(assistant_of(request).sessions)


async def _telegram(
    request: Request, session: ActiveSession, *, code: str | None = None, unlinked: bool = False
) -> dict[str, Any]:
    """The Telegram section; a new code is passed in once and never read back (only its hash is kept)."""
    state = await _links(request).state(session.staff.id)
    return {
        "configured": assistant_of(request).settings.telegram_staff_chat_id is not None,
        "linked": state.linked,
        "code": code,
        "pending_until": None if code else state.code_expires_at,
        "minutes": int(CODE_LIFETIME.total_seconds() // 60),
        "unlinked": unlinked,
    }


async def _form(
    request: Request,
    session: ActiveSession,
    *,
    error: str | None = None,
    done: bool = False,
    status: int = 200,
    telegram: dict[str, Any] | None = None,
) -> Response:
    context = {
        "error": error,
        "done": done,
        "min_length": passwords.MIN_PASSWORD_LENGTH,
        "telegram": telegram or await _telegram(request, session),
    }
    return render(request, "password.html", context, session=session, status=status)


@staff_page()
async def password_page(request: Request, session: ActiveSession) -> Response:
    return await _form(request, session)


@staff_page()
async def password_change(request: Request, session: ActiveSession) -> Response:
    data = await request.form()
    current, new, repeat = (str(data.get(key) or "") for key in ("current", "new", "repeat"))
    t = page_text(request)
    if new != repeat:
        return await _form(request, session, error=t.msg(Msg.STAFF_ERROR_PASSWORD_MISMATCH), status=400)
    try:
        await accounts(request).change_password(
            session.staff.id, current, new, keep_token=session_token(request)
        )
    except StaffError as error:
        return await _form(request, session, error=error_text(t, error), status=400)
    return await _form(request, session, done=True)


@staff_page()
async def telegram_link(request: Request, session: ActiveSession) -> Response:
    """A fresh one-time code for `/link <code>`; it replaces any earlier one (audited)."""
    code = await _links(request).new_code(session.staff.id)
    return await _form(request, session, telegram=await _telegram(request, session, code=code))


@staff_page()
async def telegram_unlink(request: Request, session: ActiveSession) -> Response:
    await _links(request).unlink(session.staff.id)
    return await _form(request, session, telegram=await _telegram(request, session, unlinked=True))


def account_routes() -> list[BaseRoute]:
    return [
        Route("/account", password_page, methods=["GET"]),
        Route("/account/password", password_page, methods=["GET"]),
        Route("/account/password", password_change, methods=["POST"]),
        Route("/account/telegram/link", telegram_link, methods=["POST"]),
        Route("/account/telegram/unlink", telegram_unlink, methods=["POST"]),
    ]
