"""Who is asking: the session cookie, the role a page needs, and the CSRF check on every POST."""

from __future__ import annotations

import functools
from collections.abc import Awaitable, Callable
from urllib.parse import urlencode, urlsplit

import structlog
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from bot.i18n.msg import Msg
from bot.staff.models import Role
from bot.staff.service import SESSION_LIFETIME, ActiveSession, StaffAccounts
from bot.web.staff import csrf
from bot.web.staff.pages import ALL_ROLES, assistant_of, forbidden

log = structlog.get_logger(__name__)

SESSION_COOKIE = "staff_session"
HOME = "/staff/"
LOGIN = "/staff/login"

StaffEndpoint = Callable[[Request, ActiveSession], Awaitable[Response]]
Endpoint = Callable[[Request], Awaitable[Response]]


def accounts(request: Request) -> StaffAccounts:
    # Cheap: it only holds the session factory, so each request may build its own.
    return StaffAccounts(assistant_of(request).sessions)


def secure_cookies(request: Request) -> bool:
    return assistant_of(request).settings.staff_cookie_secure


def session_token(request: Request) -> str | None:
    return request.cookies.get(SESSION_COOKIE)


async def current_session(request: Request) -> ActiveSession | None:
    return await accounts(request).session(session_token(request))


def set_session_cookie(response: Response, request: Request, token: str) -> None:
    max_age = int(SESSION_LIFETIME.total_seconds())
    csrf.set_cookie(response, SESSION_COOKIE, token, max_age, secure=secure_cookies(request))


def clear_session_cookie(response: Response, request: Request) -> None:
    csrf.clear_cookie(response, SESSION_COOKIE, secure=secure_cookies(request))


def safe_next(value: str | None) -> str:
    """Where to go after login: only a path inside the console, so the link cannot send staff elsewhere."""
    if not value or any(ch in value for ch in "\\\r\n\t") or value.startswith("//"):
        return HOME
    parts = urlsplit(value)
    if parts.scheme or parts.netloc or not (parts.path == "/staff" or parts.path.startswith("/staff/")):
        return HOME
    return value


def login_redirect(request: Request) -> Response:
    target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
    return RedirectResponse(f"{LOGIN}?{urlencode({'next': target})}", status_code=303)


def staff_page(roles: frozenset[Role] = ALL_ROLES) -> Callable[[StaffEndpoint], Endpoint]:
    """Run an endpoint only for a logged-in member of `roles`, and a POST only with a valid CSRF token."""

    def decorate(handler: StaffEndpoint) -> Endpoint:
        @functools.wraps(handler)
        async def endpoint(request: Request) -> Response:
            session = await current_session(request)
            if session is None:
                return login_redirect(request)
            if request.method == "POST" and not csrf.matches(
                session.csrf_token, await csrf.submitted_token(request)
            ):
                log.warning("staff_csrf_rejected", staff_id=session.staff.id, path=request.url.path)
                return forbidden(request, Msg.STAFF_FORBIDDEN_CSRF, session)
            if session.staff.role not in roles:
                log.warning("staff_role_refused", staff_id=session.staff.id, path=request.url.path)
                return forbidden(request, Msg.STAFF_FORBIDDEN_ROLE, session)
            return await handler(request, session)

        return endpoint

    return decorate
