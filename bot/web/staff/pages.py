"""Renders console pages: the staff member's language, translated labels, navigation and safe headers."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from starlette.requests import Request
from starlette.responses import Response
from starlette.templating import Jinja2Templates

from bot.app import Assistant
from bot.core.locale import normalise_locale
from bot.i18n.msg import Msg
from bot.i18n.translator import Translator
from bot.paths import REPO_ROOT
from bot.staff.models import Role
from bot.staff.service import ActiveSession

TEMPLATES_DIR = REPO_ROOT / "bot" / "web" / "templates"
STATIC_DIR = REPO_ROOT / "bot" / "web" / "static"
# The centre works in Czech; a browser asking for none of our languages gets Czech, not English.
CONSOLE_DEFAULT_LOCALE = "cs"
ALL_ROLES = frozenset(Role)
ADMIN_ONLY = frozenset({Role.ADMIN})
# Pages with clients' bookings: the people who see clients, not the coordinator of announcements.
CASEWORK = frozenset({Role.ADMIN, Role.COUNSELLOR})
# Announcements to subscribers: the coordinator's work (and the admin's).
COORDINATION = frozenset({Role.ADMIN, Role.COORDINATOR})
# Pages may show client data and one-time passwords: never cache them, never frame them.
SECURITY_HEADERS = {
    "Cache-Control": "no-store",
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "Content-Security-Policy": "default-src 'self'; frame-ancestors 'none'; form-action 'self'",
}

templates = Jinja2Templates(directory=str(TEMPLATES_DIR))


@dataclass(frozen=True)
class NavLink:
    """A console page in the menu and on the overview; later capabilities append theirs to NAV."""

    path: str
    label: Msg
    roles: frozenset[Role]


NAV: tuple[NavLink, ...] = (
    NavLink("/staff/cases", Msg.STAFF_NAV_CASES, CASEWORK),
    NavLink("/staff/agenda", Msg.STAFF_NAV_AGENDA, CASEWORK),
    NavLink("/staff/availability", Msg.STAFF_NAV_AVAILABILITY, ADMIN_ONLY),
    NavLink("/staff/broadcasts", Msg.STAFF_NAV_BROADCASTS, COORDINATION),
    NavLink("/staff/admin/staff", Msg.STAFF_NAV_STAFF, ADMIN_ONLY),
    NavLink("/staff/admin/audit", Msg.STAFF_NAV_AUDIT, ADMIN_ONLY),
    NavLink("/staff/account/password", Msg.STAFF_NAV_PASSWORD, ALL_ROLES),
)


class PageText:
    """`t("login-title")` in templates: the `staff-` message in the page's language."""

    def __init__(self, translator: Translator, locale: str) -> None:
        self._translator = translator
        self.locale = locale

    def __call__(self, key: str, **args: Any) -> str:
        return self.msg(Msg(f"staff-{key}"), **args)

    def msg(self, msg: Msg, **args: Any) -> str:
        return self._translator.format(self.locale, msg, args)

    def role(self, role: Role | str) -> str:
        return self.msg(Msg(f"staff-role-{Role(role).value}"))


def console_locale(accept_language: str, enabled: Sequence[str], fallback: str) -> str:
    """The best enabled language of an Accept-Language header, honouring q-values; else Czech."""
    ranked: list[tuple[float, int, str]] = []
    for index, part in enumerate(accept_language.split(",")):
        tag, _, params = part.strip().partition(";")
        quality = 1.0
        for param in params.split(";"):
            name, _, value = param.strip().partition("=")
            if name == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = 0.0
        code = normalise_locale(tag)
        if code is not None and code in enabled and quality > 0:
            ranked.append((-quality, index, code))
    if ranked:
        return min(ranked)[2]
    return CONSOLE_DEFAULT_LOCALE if CONSOLE_DEFAULT_LOCALE in enabled else fallback


def assistant_of(request: Request) -> Assistant:
    assistant: Assistant = request.app.state.assistant
    return assistant


def page_text(request: Request) -> PageText:
    assistant = assistant_of(request)
    settings = assistant.settings
    locale = console_locale(
        request.headers.get("accept-language", ""), settings.enabled_locales, settings.default_locale
    )
    return PageText(assistant.translator, locale)


def visible_links(role: Role) -> list[NavLink]:
    return [link for link in NAV if role in link.roles]


def render(
    request: Request,
    template: str,
    context: Mapping[str, Any] | None = None,
    *,
    session: ActiveSession | None = None,
    status: int = 200,
) -> Response:
    t = page_text(request)
    links = visible_links(session.staff.role) if session is not None else []
    page = {
        "locale": t.locale,
        "t": t,
        "me": None if session is None else session.staff,
        "csrf": None if session is None else session.csrf_token,
        "nav": [(link.path, t.msg(link.label)) for link in links],
        "current_path": request.url.path,
        **(context or {}),
    }
    response = templates.TemplateResponse(request, f"staff/{template}", page, status_code=status)
    response.headers.update(SECURITY_HEADERS)
    return response


def forbidden(request: Request, reason: Msg, session: ActiveSession | None = None) -> Response:
    """A 403 page that says why, so a stale form is not mistaken for a broken console."""
    return render(
        request, "forbidden.html", {"reason": page_text(request).msg(reason)}, session=session, status=403
    )
