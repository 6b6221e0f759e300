"""A staff member's own account: changing the password, e.g. right after the one-time one."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute, Route

from bot.i18n.msg import Msg
from bot.staff import passwords
from bot.staff.service import ActiveSession, StaffError
from bot.web.staff.admin import error_text
from bot.web.staff.auth import accounts, session_token, staff_page
from bot.web.staff.pages import page_text, render


def _form(
    request: Request,
    session: ActiveSession,
    *,
    error: str | None = None,
    done: bool = False,
    status: int = 200,
) -> Response:
    context = {"error": error, "done": done, "min_length": passwords.MIN_PASSWORD_LENGTH}
    return render(request, "password.html", context, session=session, status=status)


@staff_page()
async def password_page(request: Request, session: ActiveSession) -> Response:
    return _form(request, session)


@staff_page()
async def password_change(request: Request, session: ActiveSession) -> Response:
    data = await request.form()
    current, new, repeat = (str(data.get(key) or "") for key in ("current", "new", "repeat"))
    t = page_text(request)
    if new != repeat:
        return _form(request, session, error=t.msg(Msg.STAFF_ERROR_PASSWORD_MISMATCH), status=400)
    try:
        await accounts(request).change_password(
            session.staff.id, current, new, keep_token=session_token(request)
        )
    except StaffError as error:
        return _form(request, session, error=error_text(t, error), status=400)
    return _form(request, session, done=True)


def account_routes() -> list[BaseRoute]:
    return [
        Route("/account/password", password_page, methods=["GET"]),
        Route("/account/password", password_change, methods=["POST"]),
    ]
