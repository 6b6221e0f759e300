"""Console routes under /staff: login, logout, the overview, and the mount for every console page."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import BaseRoute, Mount, Route
from starlette.staticfiles import StaticFiles

from bot.i18n.msg import Msg
from bot.staff import passwords
from bot.staff.service import LOCKOUT, ActiveSession, LoginOutcome
from bot.web.staff import csrf
from bot.web.staff.account import account_routes
from bot.web.staff.admin import admin_routes
from bot.web.staff.agenda import agenda_routes
from bot.web.staff.audit import audit_routes
from bot.web.staff.auth import (
    LOGIN,
    accounts,
    clear_session_cookie,
    current_session,
    safe_next,
    secure_cookies,
    session_token,
    set_session_cookie,
    staff_page,
)
from bot.web.staff.availability import availability_routes
from bot.web.staff.broadcasts import broadcast_routes
from bot.web.staff.case_page import case_routes
from bot.web.staff.case_stats import stats_routes
from bot.web.staff.cases import cases_routes
from bot.web.staff.history import history_routes
from bot.web.staff.pages import STATIC_DIR, forbidden, page_text, render

MAX_EMAIL_FIELD = 254


def _login_form(
    request: Request, *, next_path: str, email: str = "", error: str | None = None, status: int = 200
) -> Response:
    token = csrf.login_token(request)
    context = {
        "csrf": token,
        "next": next_path,
        "email": email,
        "error": error,
        "logged_out": request.query_params.get("logged_out") == "1",
    }
    response = render(request, "login.html", context, status=status)
    csrf.set_login_cookie(response, token, secure=secure_cookies(request))
    return response


async def login_page(request: Request) -> Response:
    next_path = safe_next(request.query_params.get("next"))
    if await current_session(request) is not None:
        return RedirectResponse(next_path, status_code=303)
    return _login_form(request, next_path=next_path)


async def login_submit(request: Request) -> Response:
    if not await csrf.login_form_ok(request):
        return forbidden(request, Msg.STAFF_FORBIDDEN_CSRF)
    form = await request.form()
    email = str(form.get("email") or "")[:MAX_EMAIL_FIELD]
    # Stored passwords are at most MAX_PASSWORD_LENGTH, so a longer one cannot match; don't hash megabytes.
    password = str(form.get("password") or "")[: passwords.MAX_PASSWORD_LENGTH + 1]
    next_path = safe_next(str(form.get("next") or ""))
    result = await accounts(request).login(email, password)
    if result.token is None:
        t = page_text(request)
        if result.outcome is LoginOutcome.LOCKED:
            minutes = int(LOCKOUT.total_seconds() // 60)
            error, status = t.msg(Msg.STAFF_LOGIN_LOCKED, minutes=minutes), 429
        else:
            error, status = t.msg(Msg.STAFF_LOGIN_INVALID), 401
        return _login_form(request, next_path=next_path, email=email, error=error, status=status)
    response = RedirectResponse(next_path, status_code=303)
    set_session_cookie(response, request, result.token)
    csrf.clear_cookie(response, csrf.LOGIN_COOKIE, secure=secure_cookies(request))
    return response


@staff_page()
async def logout(request: Request, session: ActiveSession) -> Response:
    token = session_token(request)
    if token is not None:
        await accounts(request).logout(token)
    response = RedirectResponse(f"{LOGIN}?logged_out=1", status_code=303)
    clear_session_cookie(response, request)
    return response


@staff_page()
async def dashboard(request: Request, session: ActiveSession) -> Response:
    # The template lists the same links as the menu: the pages this role may open.
    return render(request, "dashboard.html", session=session)


def staff_routes() -> list[BaseRoute]:
    """Everything under /staff; a capability adds its page by adding routes here and a NavLink."""
    return [
        Mount(
            "/staff",
            routes=[
                Route("/", dashboard, methods=["GET"]),
                Route("/login", login_page, methods=["GET"]),
                Route("/login", login_submit, methods=["POST"]),
                Route("/logout", logout, methods=["POST"]),
                *admin_routes(),
                *audit_routes(),
                *account_routes(),
                *agenda_routes(),
                *availability_routes(),
                *history_routes(),
                *cases_routes(),
                *stats_routes(),
                *case_routes(),
                *broadcast_routes(),
                Mount("/static", app=StaticFiles(directory=STATIC_DIR), name="staff-static"),
            ],
        )
    ]
