"""The staff console through the real Starlette app: login, CSRF, roles, adding staff, logout, audit."""

from __future__ import annotations

import html
import re
from collections.abc import AsyncIterator

import httpx
import pytest
from sqlalchemy import select

from bot.app import Assistant, build_assistant
from bot.i18n.msg import Msg
from bot.nlu.service import Understanding
from bot.paths import REPO_ROOT
from bot.settings import SUPPORTED_LOCALES
from bot.staff.models import AuditEntry, Role
from bot.staff.service import StaffAccounts, StaffMember
from bot.web.app import build_web_app
from tests.conftest import make_settings

ADMIN = ("ada@centrum.cz", "Ada Admin", "admin passphrase 1")
COUNSELLOR = ("karel@centrum.cz", "Karel Poradce", "counsellor passphrase 2")
CSRF_FIELD = re.compile(r'name="csrf_token" value="([^"]+)"')
ONE_TIME = re.compile(r'id="one-time-password">([^<]+)<')
STAFF_TEMPLATES = REPO_ROOT / "bot" / "web" / "templates" / "staff"
CONSOLE_CODE = [
    *(REPO_ROOT / "bot" / "web" / "staff").glob("*.py"),
    *(REPO_ROOT / "bot" / "staff").glob("*.py"),
]


def en(assistant: Assistant, msg: Msg, **args: object) -> str:
    """A message as the English page shows it (HTML-escaped)."""
    return html.escape(assistant.translator.format("en", msg, args))


def client_for(assistant: Assistant, accept_language: str = "en", scheme: str = "http") -> httpx.AsyncClient:
    transport = httpx.ASGITransport(app=build_web_app(assistant))
    return httpx.AsyncClient(
        transport=transport, base_url=f"{scheme}://testserver", headers={"accept-language": accept_language}
    )


@pytest.fixture
async def staff(assistant: Assistant) -> dict[Role, StaffMember]:
    accounts = StaffAccounts(assistant.sessions)
    return {
        Role.ADMIN: await accounts.create_staff(ADMIN[0], ADMIN[1], Role.ADMIN, ADMIN[2]),
        Role.COUNSELLOR: await accounts.create_staff(
            COUNSELLOR[0], COUNSELLOR[1], Role.COUNSELLOR, COUNSELLOR[2]
        ),
    }


@pytest.fixture
async def client(assistant: Assistant) -> AsyncIterator[httpx.AsyncClient]:
    async with client_for(assistant) as http:
        yield http


def csrf_of(page: httpx.Response) -> str:
    found = CSRF_FIELD.search(page.text)
    assert found is not None, "the page has no CSRF field"
    return found.group(1)


async def log_in(http: httpx.AsyncClient, email: str, password: str, next_path: str = "") -> httpx.Response:
    form = await http.get("/staff/login")
    data = {"csrf_token": csrf_of(form), "email": email, "password": password, "next": next_path}
    return await http.post("/staff/login", data=data)


async def audit_rows(assistant: Assistant) -> list[tuple[str, int | None]]:
    async with assistant.sessions() as session:
        rows = await session.scalars(select(AuditEntry).order_by(AuditEntry.id))
        return [(row.action, row.staff_id) for row in rows]


async def test_login_page_is_czech_by_default_and_labels_every_field(assistant: Assistant) -> None:
    async with client_for(assistant, accept_language="de-DE,de;q=0.9") as http:
        page = await http.get("/staff/login")

    assert page.status_code == 200
    assert '<html lang="cs">' in page.text
    assert html.escape(assistant.translator.format("cs", Msg.STAFF_LOGIN_TITLE)) in page.text
    assert '<label for="email">' in page.text
    assert '<label for="password">' in page.text
    assert page.headers["cache-control"] == "no-store"
    cookie = page.headers["set-cookie"]
    assert cookie.startswith("staff_login_csrf=")
    assert "HttpOnly" in cookie
    assert "SameSite=strict" in cookie
    assert "Path=/staff" in cookie
    assert "Secure" not in cookie


async def test_login_page_follows_the_browser_language(assistant: Assistant) -> None:
    async with client_for(assistant, accept_language="de;q=1.0, uk;q=0.8, en;q=0.5") as http:
        page = await http.get("/staff/login")

    assert '<html lang="uk">' in page.text
    assert assistant.translator.format("uk", Msg.STAFF_LOGIN_SUBMIT) in page.text


async def test_console_stylesheet_is_served_by_the_app(client: httpx.AsyncClient) -> None:
    css = await client.get("/staff/static/staff.css")

    assert css.status_code == 200
    assert css.headers["content-type"].startswith("text/css")
    assert ":focus-visible" in css.text


async def test_wrong_password_shows_an_error_and_does_not_log_in(
    assistant: Assistant, staff: dict[Role, StaffMember], client: httpx.AsyncClient
) -> None:
    page = await log_in(client, ADMIN[0], "not the password")

    assert page.status_code == 401
    assert en(assistant, Msg.STAFF_LOGIN_INVALID) in page.text
    assert 'value="ada@centrum.cz"' in page.text, "the e-mail stays filled in"
    assert "not the password" not in page.text
    assert (await client.get("/staff/")).status_code == 303


async def test_login_opens_the_overview_with_name_role_and_pages(
    assistant: Assistant, staff: dict[Role, StaffMember], client: httpx.AsyncClient
) -> None:
    response = await log_in(client, ADMIN[0], ADMIN[2])

    assert response.status_code == 303
    assert response.headers["location"] == "/staff/"
    cookie = next(c for c in response.headers.get_list("set-cookie") if c.startswith("staff_session="))
    assert "HttpOnly" in cookie
    assert "SameSite=strict" in cookie
    assert "Path=/staff" in cookie
    overview = await client.get("/staff/")
    assert overview.status_code == 200
    assert en(assistant, Msg.STAFF_DASHBOARD_WELCOME, name=ADMIN[1]) in overview.text
    assert en(assistant, Msg.STAFF_ROLE_ADMIN) in overview.text
    assert 'href="/staff/admin/staff"' in overview.text


async def test_session_cookie_is_secure_when_configured(
    sqlite_url: str, staff: dict[Role, StaffMember], understanding: Understanding
) -> None:
    secure = build_assistant(make_settings(sqlite_url, staff_cookie_secure=True), understanding)
    try:
        # Browsers (and httpx) return Secure cookies over HTTPS only, as behind the production proxy.
        async with client_for(secure, scheme="https") as http:
            response = await log_in(http, ADMIN[0], ADMIN[2])
            assert (await http.get("/staff/")).status_code == 200
    finally:
        await secure.aclose()

    assert response.status_code == 303
    assert all("Secure" in cookie for cookie in response.headers.get_list("set-cookie"))


async def test_login_returns_to_the_asked_page_but_never_to_another_site(
    staff: dict[Role, StaffMember], assistant: Assistant
) -> None:
    async with client_for(assistant) as http:
        redirect = await http.get("/staff/admin/staff")
        assert redirect.status_code == 303
        assert redirect.headers["location"] == "/staff/login?next=%2Fstaff%2Fadmin%2Fstaff"
        back = await log_in(http, ADMIN[0], ADMIN[2], next_path="/staff/admin/staff")
        assert back.headers["location"] == "/staff/admin/staff"

    for hostile in ("https://evil.example/", "//evil.example/staff/", "/\\evil.example", "/elsewhere"):
        async with client_for(assistant) as http:
            response = await log_in(http, ADMIN[0], ADMIN[2], next_path=hostile)
            assert response.headers["location"] == "/staff/", hostile


async def test_posts_without_the_csrf_token_are_refused(
    assistant: Assistant, staff: dict[Role, StaffMember], client: httpx.AsyncClient
) -> None:
    login_without_token = await client.post("/staff/login", data={"email": ADMIN[0], "password": ADMIN[2]})
    assert login_without_token.status_code == 403
    assert en(assistant, Msg.STAFF_FORBIDDEN_CSRF) in login_without_token.text

    await log_in(client, ADMIN[0], ADMIN[2])
    new_staff = {"email": "eva@centrum.cz", "display_name": "Eva", "role": "coordinator"}
    for data in (new_staff, {**new_staff, "csrf_token": "forged"}):
        refused = await client.post("/staff/admin/staff", data=data)
        assert refused.status_code == 403
        assert en(assistant, Msg.STAFF_FORBIDDEN_CSRF) in refused.text
    assert (await client.post("/staff/logout")).status_code == 403

    assert [m.email for m in await StaffAccounts(assistant.sessions).list_staff()] == [
        ADMIN[0],
        COUNSELLOR[0],
    ]
    assert (await client.get("/staff/")).status_code == 200, "the refused logout left the session alone"


async def test_a_counsellor_cannot_open_or_use_the_admin_page(
    assistant: Assistant, staff: dict[Role, StaffMember], client: httpx.AsyncClient
) -> None:
    await log_in(client, COUNSELLOR[0], COUNSELLOR[2])
    overview = await client.get("/staff/")
    assert 'href="/staff/admin/staff"' not in overview.text

    page = await client.get("/staff/admin/staff")
    assert page.status_code == 403
    assert en(assistant, Msg.STAFF_FORBIDDEN_ROLE) in page.text
    data = {
        "csrf_token": csrf_of(overview),
        "email": "eva@centrum.cz",
        "display_name": "Eva",
        "role": "admin",
    }
    assert (await client.post("/staff/admin/staff", data=data)).status_code == 403
    assert len(await StaffAccounts(assistant.sessions).list_staff()) == 2


async def test_admin_adds_a_coordinator_who_logs_in_with_the_shown_password(
    assistant: Assistant, staff: dict[Role, StaffMember], client: httpx.AsyncClient
) -> None:
    await log_in(client, ADMIN[0], ADMIN[2])
    form = await client.get("/staff/admin/staff")
    data = {"csrf_token": csrf_of(form), "email": "Eva@Centrum.cz", "display_name": "Eva Koordinátorka"}

    created = await client.post("/staff/admin/staff", data={**data, "role": "coordinator"})

    assert created.status_code == 201
    assert (
        en(assistant, Msg.STAFF_ADMIN_CREATED, name="Eva Koordinátorka", email="eva@centrum.cz")
        in created.text
    )
    shown = ONE_TIME.search(created.text)
    assert shown is not None
    password = html.unescape(shown.group(1))
    assert len(password) >= 12
    assert created.headers["cache-control"] == "no-store"
    assert password not in (await client.get("/staff/admin/staff")).text, "shown once only"

    async with client_for(assistant) as eva:
        assert (await log_in(eva, "eva@centrum.cz", password)).status_code == 303
        overview = await eva.get("/staff/")
    assert en(assistant, Msg.STAFF_ROLE_COORDINATOR) in overview.text
    assert ("staff_created", staff[Role.ADMIN].id) in await audit_rows(assistant)

    duplicate = await client.post("/staff/admin/staff", data={**data, "role": "counsellor"})
    assert duplicate.status_code == 400
    assert en(assistant, Msg.STAFF_ERROR_EMAIL_TAKEN) in duplicate.text


async def test_logout_ends_the_session_on_the_server(
    assistant: Assistant, staff: dict[Role, StaffMember], client: httpx.AsyncClient
) -> None:
    await log_in(client, COUNSELLOR[0], COUNSELLOR[2])
    stolen_cookie = client.cookies["staff_session"]
    overview = await client.get("/staff/")

    bye = await client.post("/staff/logout", data={"csrf_token": csrf_of(overview)})

    assert bye.status_code == 303
    assert bye.headers["location"] == "/staff/login?logged_out=1"
    assert en(assistant, Msg.STAFF_LOGIN_LOGGED_OUT) in (await client.get(bye.headers["location"])).text
    assert (await client.get("/staff/")).status_code == 303
    async with client_for(assistant) as replay:
        replay.cookies.set("staff_session", stolen_cookie, domain="testserver", path="/staff")
        assert (await replay.get("/staff/")).status_code == 303, "the old cookie opens nothing"


async def test_login_logout_and_failures_are_in_the_audit_log(
    assistant: Assistant, staff: dict[Role, StaffMember], client: httpx.AsyncClient
) -> None:
    karel = staff[Role.COUNSELLOR].id
    await log_in(client, COUNSELLOR[0], "a wrong guess here")
    await log_in(client, COUNSELLOR[0], COUNSELLOR[2])
    await client.post("/staff/logout", data={"csrf_token": csrf_of(await client.get("/staff/"))})

    rows = await audit_rows(assistant)
    assert [row for row in rows if row[0] != "staff_created"] == [
        ("login_failed", karel),
        ("login", karel),
        ("logout", karel),
    ]


async def test_five_wrong_passwords_lock_the_login(
    assistant: Assistant, staff: dict[Role, StaffMember], client: httpx.AsyncClient
) -> None:
    for _ in range(5):
        assert (await log_in(client, COUNSELLOR[0], "a wrong guess here")).status_code == 401

    locked = await log_in(client, COUNSELLOR[0], COUNSELLOR[2])

    assert locked.status_code == 429
    assert en(assistant, Msg.STAFF_LOGIN_LOCKED, minutes=15) in locked.text


async def test_staff_change_their_password(
    assistant: Assistant, staff: dict[Role, StaffMember], client: httpx.AsyncClient
) -> None:
    await log_in(client, COUNSELLOR[0], COUNSELLOR[2])
    form = await client.get("/staff/account/password")
    new = "my own new passphrase"
    data = {"csrf_token": csrf_of(form), "current": COUNSELLOR[2], "new": new}

    mismatch = await client.post("/staff/account/password", data={**data, "repeat": new + "!"})
    assert mismatch.status_code == 400
    assert en(assistant, Msg.STAFF_ERROR_PASSWORD_MISMATCH) in mismatch.text
    changed = await client.post("/staff/account/password", data={**data, "repeat": new})
    assert changed.status_code == 200
    assert en(assistant, Msg.STAFF_PASSWORD_CHANGED) in changed.text

    async with client_for(assistant) as again:
        assert (await log_in(again, COUNSELLOR[0], COUNSELLOR[2])).status_code == 401
        assert (await log_in(again, COUNSELLOR[0], new)).status_code == 303


async def test_logs_never_contain_passwords(
    assistant: Assistant,
    staff: dict[Role, StaffMember],
    client: httpx.AsyncClient,
    capfd: pytest.CaptureFixture[str],
    caplog: pytest.LogCaptureFixture,
) -> None:
    await log_in(client, ADMIN[0], "typed the wrong one")
    await log_in(client, ADMIN[0], ADMIN[2])
    form = await client.get("/staff/admin/staff")
    data = {
        "csrf_token": csrf_of(form),
        "email": "eva@centrum.cz",
        "display_name": "Eva",
        "role": "coordinator",
    }
    shown = ONE_TIME.search((await client.post("/staff/admin/staff", data=data)).text)
    assert shown is not None

    out, err = capfd.readouterr()
    logged = out + err + caplog.text
    assert "staff_login" in logged, "the test must see the log output to mean anything"
    for secret in ("typed the wrong one", ADMIN[2], html.unescape(shown.group(1))):
        assert secret not in logged


TEMPLATE_KEY = re.compile(r"""\bt\(\s*["']([a-z0-9-]+)["']""")


def test_every_console_label_exists_and_every_staff_message_is_used() -> None:
    """The templates name labels as t("key"); this does for them what test_no_orphan_ids does for Msg.X."""
    templates = "\n".join(p.read_text(encoding="utf-8") for p in sorted(STAFF_TEMPLATES.glob("*.html")))
    code = "\n".join(p.read_text(encoding="utf-8") for p in sorted(CONSOLE_CODE))
    used = {f"staff-{key}" for key in TEMPLATE_KEY.findall(templates)}
    staff_ids = {m.value for m in Msg if m.value.startswith("staff-")}

    assert used - staff_ids == set(), "templates ask for labels that locales/en/staff.ftl lacks"
    built_in_code = {f"staff-role-{role.value}" for role in Role} | {
        m for m in staff_ids if m.startswith("staff-error-") and f'"{m.removeprefix("staff-error-")}"' in code
    }
    named_in_code = {m.value for m in Msg if f"Msg.{m.name}" in code}
    assert staff_ids - used - built_in_code - named_in_code == set(), "unused staff- messages"


@pytest.mark.parametrize("locale", SUPPORTED_LOCALES)
async def test_every_console_page_renders_in_every_language(
    assistant: Assistant, staff: dict[Role, StaffMember], locale: str
) -> None:
    async with client_for(assistant, accept_language=locale) as http:
        login = await http.get("/staff/login")
        await log_in(http, ADMIN[0], ADMIN[2])
        pages = [
            login,
            *[await http.get(path) for path in ("/staff/", "/staff/admin/staff", "/staff/account/password")],
        ]
        form = {"csrf_token": csrf_of(pages[1]), "email": "x", "display_name": "", "role": "admin"}
        pages.append(await http.post("/staff/admin/staff", data=form))

    for page in pages:
        assert f'<html lang="{locale}">' in page.text
        # Fluent answers a missing message with its id, and a missing variable with its name in braces.
        assert "staff-" not in page.text
        assert "{$" not in page.text
