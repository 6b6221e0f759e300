"""Admin pages: the list of staff accounts and adding a member with a one-time password."""

from __future__ import annotations

from typing import Any

import structlog
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute, Route

from bot.i18n.msg import Msg
from bot.staff import passwords
from bot.staff.models import Role
from bot.staff.service import ActiveSession, StaffError
from bot.web.staff.auth import accounts, staff_page
from bot.web.staff.pages import ADMIN_ONLY, PageText, page_text, render

log = structlog.get_logger(__name__)


def error_text(t: PageText, error: StaffError) -> str:
    """The page's words for a refusal of the accounts service."""
    limits = {"min": passwords.MIN_PASSWORD_LENGTH, "max": passwords.MAX_PASSWORD_LENGTH}
    return t.msg(Msg(f"staff-error-{error.code}"), **limits)


async def _staff_page(
    request: Request, session: ActiveSession, *, status: int = 200, **context: Any
) -> Response:
    t = page_text(request)
    members = await accounts(request).list_staff()
    roles = [(role.value, t.role(role)) for role in Role]
    form = context.pop("form", {"email": "", "display_name": "", "role": Role.COUNSELLOR.value})
    page = {"members": members, "roles": roles, "form": form, **context}
    return render(request, "admin_staff.html", page, session=session, status=status)


@staff_page(ADMIN_ONLY)
async def staff_list(request: Request, session: ActiveSession) -> Response:
    return await _staff_page(request, session)


@staff_page(ADMIN_ONLY)
async def staff_add(request: Request, session: ActiveSession) -> Response:
    data = await request.form()
    form = {key: str(data.get(key) or "").strip() for key in ("email", "display_name", "role")}
    # The admin never chooses the password: a strong one is generated and shown once, on this response only.
    password = passwords.generate_password()
    try:
        member = await accounts(request).create_staff(
            form["email"], form["display_name"], form["role"], password, created_by=session.staff.id
        )
    except StaffError as error:
        return await _staff_page(
            request, session, status=400, form=form, error=error_text(page_text(request), error)
        )
    created = {"name": member.display_name, "email": member.email, "password": password}
    return await _staff_page(request, session, status=201, created=created)


def admin_routes() -> list[BaseRoute]:
    return [
        Route("/admin/staff", staff_list, methods=["GET"]),
        Route("/admin/staff", staff_add, methods=["POST"]),
    ]
