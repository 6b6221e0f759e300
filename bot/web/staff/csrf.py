"""CSRF tokens: the session's token for logged-in forms, a double-submit cookie for the login form."""

from __future__ import annotations

import hmac
import secrets

from starlette.requests import Request
from starlette.responses import Response

FIELD = "csrf_token"
LOGIN_COOKIE = "staff_login_csrf"
LOGIN_COOKIE_MAX_AGE = 3600
COOKIE_PATH = "/staff"


def new_token() -> str:
    return secrets.token_urlsafe(32)


def matches(expected: str | None, given: str | None) -> bool:
    """Constant-time comparison; an empty or missing token never matches."""
    if not expected or not given:
        return False
    return hmac.compare_digest(expected.encode(), given.encode())


async def submitted_token(request: Request) -> str | None:
    # Starlette caches the parsed form, so the endpoint can read it again after this check.
    value = (await request.form()).get(FIELD)
    return value if isinstance(value, str) else None


def login_token(request: Request) -> str:
    """The browser's login token, or a fresh one; kept across reloads so two open tabs both work."""
    return request.cookies.get(LOGIN_COOKIE) or new_token()


def set_cookie(response: Response, name: str, value: str, max_age: int, *, secure: bool) -> None:
    """Every console cookie: unreadable by scripts, never sent cross-site, only to /staff."""
    response.set_cookie(
        name, value, max_age=max_age, path=COOKIE_PATH, secure=secure, httponly=True, samesite="strict"
    )


def clear_cookie(response: Response, name: str, *, secure: bool) -> None:
    response.delete_cookie(name, path=COOKIE_PATH, secure=secure, httponly=True, samesite="strict")


def set_login_cookie(response: Response, token: str, *, secure: bool) -> None:
    set_cookie(response, LOGIN_COOKIE, token, LOGIN_COOKIE_MAX_AGE, secure=secure)


async def login_form_ok(request: Request) -> bool:
    """Double submit: the hidden field must equal the cookie that only our own page could have set."""
    return matches(request.cookies.get(LOGIN_COOKIE), await submitted_token(request))
