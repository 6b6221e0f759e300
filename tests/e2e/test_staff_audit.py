"""The audit log page: an admin reads who did what to a case, filters and pages; nobody else may."""

from __future__ import annotations

import html
import re
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta

import pytest
from playwright.async_api import Page, expect
from sqlalchemy import select

from bot.app import Assistant, build_assistant
from bot.channels.telegram.staff_commands import GroupAudit
from bot.channels.telegram.staff_link import LinkAudit
from bot.i18n.msg import Msg
from bot.nlu.service import Understanding
from bot.staff.models import AuditEntry, Role
from bot.staff.repository import StaffRepository
from bot.staff.service import Audit, StaffAccounts, StaffMember
from bot.web.staff.audit import ACTIONS, LogAudit
from bot.web.staff.cases import CaseAudit
from bot.web.staff.schedule import ScheduleAudit
from tests.conftest import make_settings
from tests.e2e.browser import chromium, serve
from tests.e2e.test_staff_cases import SECOND, ask_for_person, post
from tests.e2e.test_staff_console import ADMIN, COUNSELLOR, client_for, en, log_in

TIMEOUT = 10_000
AUDIT = "/staff/admin/audit"
# 22:00 UTC on 5 March is 23:00 in Prague (CET): the newest seeded entry, 119 minutes on, is 00:59 on 6 March.
SEEDED_FROM = datetime(2026, 3, 5, 22, 0, tzinfo=UTC)


@pytest.fixture
async def staff(assistant: Assistant) -> dict[str, StaffMember]:
    return await create_staff(assistant)


async def create_staff(assistant: Assistant) -> dict[str, StaffMember]:
    accounts = StaffAccounts(assistant.sessions)
    return {
        "admin": await accounts.create_staff(ADMIN[0], ADMIN[1], Role.ADMIN, ADMIN[2]),
        "karel": await accounts.create_staff(COUNSELLOR[0], COUNSELLOR[1], Role.COUNSELLOR, COUNSELLOR[2]),
        "jana": await accounts.create_staff(SECOND[0], SECOND[1], Role.COUNSELLOR, SECOND[2]),
    }


async def log_in_browser(page: Page, assistant: Assistant, url: str, locale: str, next_path: str) -> None:
    t = assistant.translator
    await page.goto(f"{url}/staff/login?next={next_path}")
    await page.get_by_label(t.format(locale, Msg.STAFF_LOGIN_EMAIL)).fill(ADMIN[0])
    await page.get_by_label(t.format(locale, Msg.STAFF_LOGIN_PASSWORD)).fill(ADMIN[2])
    submit = t.format(locale, Msg.STAFF_LOGIN_SUBMIT)
    await page.get_by_role("button", name=submit, exact=True).click(timeout=TIMEOUT)
    await expect(page).not_to_have_url(re.compile("/staff/login"), timeout=TIMEOUT)


async def table(page: Page) -> list[list[str]]:
    """The log as the admin reads it: when, who, what, target, detail per row."""
    await page.wait_for_load_state("load")
    rows: list[list[str]] = await page.locator("tr.audit-row").evaluate_all(
        "rows => rows.map(r => [...r.cells].map(c => c.innerText.trim()))"
    )
    return rows


async def row_ids(page: Page) -> list[int]:
    ids: list[str] = await page.locator("tr.audit-row").evaluate_all("rows => rows.map(r => r.id)")
    return [int(value.removeprefix("audit-")) for value in ids]


async def test_admin_sees_a_counsellors_case_work_with_names_and_labels_and_filters_it(
    assistant: Assistant, understanding: Understanding, staff: dict[str, StaffMember]
) -> None:
    t = assistant.translator
    mine = await ask_for_person(assistant, "web:audited-client")
    other = await ask_for_person(assistant, "web:other-client")
    async with client_for(assistant) as karel, client_for(assistant) as jana:
        await log_in(karel, COUNSELLOR[0], COUNSELLOR[2])
        assert (await karel.get(f"/staff/cases/{mine}")).status_code == 200
        assert (await post(karel, f"/staff/cases/{mine}/claim", "/staff/cases")).status_code == 303
        page_path = f"/staff/cases/{mine}"
        assert (await post(karel, f"{page_path}/reply", page_path, text="We will look into it.")).is_success
        await log_in(jana, SECOND[0], SECOND[2])
        assert (await jana.get(f"/staff/cases/{other}")).status_code == 200

    def label(msg: Msg) -> str:
        return t.format("en", msg)

    async with serve(assistant) as url, chromium() as browser:
        page = await (await browser.new_context(locale="en-US")).new_page()
        await log_in_browser(page, assistant, url, "en", AUDIT)
        await expect(page.get_by_role("link", name=label(Msg.STAFF_NAV_AUDIT), exact=True)).to_have_count(1)
        rows = await table(page)
        # Newest first: the reply is above the claim, which is above the view.
        karels = [row[2] for row in rows if row[1] == COUNSELLOR[1] and row[3] == f"case:{mine}"]
        assert karels == [
            label(Msg.STAFF_AUDIT_ACTION_CASE_REPLIED),
            label(Msg.STAFF_AUDIT_ACTION_CASE_VIEWED),  # the page the reply form was posted from
            label(Msg.STAFF_AUDIT_ACTION_CASE_CLAIMED),
            label(Msg.STAFF_AUDIT_ACTION_CASE_VIEWED),
        ]
        reply = next(row for row in rows if row[2] == label(Msg.STAFF_AUDIT_ACTION_CASE_REPLIED))
        assert reply[4].startswith("21 chars")  # the length of the reply, never its words
        link = page.locator("tr.audit-row a", has_text=f"case:{mine}").first
        await expect(link).to_have_attribute("href", f"/staff/cases/{mine}")

        # One case: only its entries, from anyone.
        await page.get_by_label(label(Msg.STAFF_AUDIT_FILTER_TARGET)).fill(f"case:{mine}")
        await page.get_by_role("button", name=label(Msg.STAFF_AUDIT_FILTER_SUBMIT)).click()
        await expect(page).to_have_url(re.compile(rf"target=case%3A{mine}"), timeout=TIMEOUT)
        rows = await table(page)
        assert {row[3] for row in rows} == {f"case:{mine}"}
        assert len(rows) == 4

        # "case:" is a prefix: every case, the colleague's look at the other one included.
        await page.get_by_label(label(Msg.STAFF_AUDIT_FILTER_TARGET)).fill("case:")
        await page.get_by_role("button", name=label(Msg.STAFF_AUDIT_FILTER_SUBMIT)).click()
        await expect(page).to_have_url(re.compile(r"target=case%3A(&|$)"), timeout=TIMEOUT)
        rows = await table(page)
        assert {row[3] for row in rows} == {f"case:{mine}", f"case:{other}"}

        # One staff member: everything Jana did, and nothing of Karel's.
        await page.get_by_label(label(Msg.STAFF_AUDIT_FILTER_TARGET)).fill("")
        await page.get_by_label(label(Msg.STAFF_AUDIT_FILTER_STAFF)).select_option(label=SECOND[1])
        await page.get_by_role("button", name=label(Msg.STAFF_AUDIT_FILTER_SUBMIT)).click()
        await expect(page).to_have_url(re.compile(rf"staff={staff['jana'].id}"), timeout=TIMEOUT)
        rows = await table(page)
        assert {row[1] for row in rows} == {SECOND[1]}
        assert [row[2] for row in rows] == [
            label(Msg.STAFF_AUDIT_ACTION_CASE_VIEWED),
            label(Msg.STAFF_AUDIT_ACTION_LOGIN),
        ]

        # From the case page, one link leads to that case's log.
        await page.goto(f"{url}/staff/cases/{mine}")
        await page.get_by_role("link", name=label(Msg.STAFF_AUDIT_CASE_LINK)).click()
        await expect(page.get_by_label(label(Msg.STAFF_AUDIT_FILTER_TARGET))).to_have_value(f"case:{mine}")
        rows = await table(page)
        assert rows[0][1:4] == [ADMIN[1], label(Msg.STAFF_AUDIT_ACTION_CASE_VIEWED), f"case:{mine}"]
        assert {row[3] for row in rows} == {f"case:{mine}"}

    async with assistant.sessions() as s:
        views = await s.scalars(select(AuditEntry).where(AuditEntry.action == LogAudit.VIEWED.value))
        assert [entry.staff_id for entry in views] == [staff["admin"].id] * 5


async def test_the_log_pages_through_120_entries_in_the_admins_language_and_time_zone(
    assistant: Assistant, staff: dict[str, StaffMember]
) -> None:
    karel = staff["karel"].id
    async with assistant.sessions.begin() as s:
        repo = StaffRepository(s)
        seeded = [
            (
                await repo.add_audit(
                    CaseAudit.CASE_VIEWED.value,
                    staff_id=karel,
                    target=f"case:{n}",
                    at=SEEDED_FROM + timedelta(minutes=n),
                )
            ).id
            for n in range(120)
        ]
    newest_first = seeded[::-1]
    t = assistant.translator

    async with serve(assistant) as url, chromium() as browser:
        page = await (await browser.new_context(locale="cs-CZ")).new_page()
        await log_in_browser(page, assistant, url, "cs", f"{AUDIT}?staff={karel}")
        older = page.get_by_role("link", name=t.format("cs", Msg.STAFF_AUDIT_OLDER)).first
        newer = page.get_by_role("link", name=t.format("cs", Msg.STAFF_AUDIT_NEWER)).first

        rows = await table(page)
        assert await row_ids(page) == newest_first[:50]
        assert rows[0][1:4] == [COUNSELLOR[1], t.format("cs", Msg.STAFF_AUDIT_ACTION_CASE_VIEWED), "case:119"]
        assert "6. 3. 2026" in rows[0][0]
        assert "0:59" in rows[0][0]
        await expect(newer).to_have_count(0)

        await older.click()
        await expect(page.locator(f"#audit-{newest_first[50]}")).to_be_visible(timeout=TIMEOUT)
        assert await row_ids(page) == newest_first[50:100]
        await older.click()
        await expect(page.locator(f"#audit-{newest_first[100]}")).to_be_visible(timeout=TIMEOUT)
        assert await row_ids(page) == newest_first[100:]
        await expect(older).to_have_count(0)

        await newer.click()
        await expect(page.locator(f"#audit-{newest_first[50]}")).to_be_visible(timeout=TIMEOUT)
        assert await row_ids(page) == newest_first[50:100]
        await expect(page).to_have_url(re.compile(rf"staff={karel}"))


async def test_a_counsellor_is_refused_the_log_and_sees_no_link_to_it(
    assistant: Assistant, staff: dict[str, StaffMember]
) -> None:
    case_id = await ask_for_person(assistant, "web:curious-client")
    async with client_for(assistant) as karel, client_for(assistant) as admin:
        await log_in(karel, COUNSELLOR[0], COUNSELLOR[2])
        refused = await karel.get(AUDIT)
        case_page = await karel.get(f"/staff/cases/{case_id}")
        home = await karel.get("/staff/")
        await log_in(admin, ADMIN[0], ADMIN[2])
        admin_case_page = await admin.get(f"/staff/cases/{case_id}")

    assert refused.status_code == 403
    assert en(assistant, Msg.STAFF_FORBIDDEN_ROLE) in refused.text
    assert "audit-row" not in refused.text
    assert AUDIT not in case_page.text
    assert AUDIT not in home.text
    assert f'href="{AUDIT}?target=case:{case_id}"' in admin_case_page.text
    async with assistant.sessions() as s:
        actions = await s.scalars(select(AuditEntry.action).where(AuditEntry.staff_id == staff["karel"].id))
        assert LogAudit.VIEWED.value not in list(actions)


# --- the filters on every database backend ------------------------------------------------------------------


@pytest.fixture
async def any_db_assistant(database_url: str, understanding: Understanding) -> AsyncIterator[Assistant]:
    built = build_assistant(make_settings(database_url), understanding)
    yield built
    await built.aclose()


async def seed(assistant: Assistant, karel: int) -> dict[str, int]:
    async with assistant.sessions.begin() as s:
        repo = StaffRepository(s)

        async def add(action: str, target: str, at: datetime, staff_id: int | None = karel) -> int:
            return (await repo.add_audit(action, staff_id=staff_id, target=target, at=at)).id

        return {
            "case1": await add("case_viewed", "case:1", datetime(2026, 3, 4, 12, 0, tzinfo=UTC)),
            "case12": await add("case_claimed", "case:12", datetime(2026, 3, 5, 12, 0, tzinfo=UTC)),
            "queue": await add("case_queue_viewed", "cases:queue", datetime(2026, 3, 5, 13, 0, tzinfo=UTC)),
            # 23:30 UTC on 5 March is already 6 March in Prague.
            "late": await add("case_noted", "case:1", datetime(2026, 3, 5, 23, 30, tzinfo=UTC)),
            "stranger": await add("login_failed", "a1b2", datetime(2026, 3, 6, 8, 0, tzinfo=UTC), None),
            "orphan": await add("case_closed", "case:7", datetime(2026, 3, 6, 9, 0, tzinfo=UTC), None),
            "future": await add("mystery_action", "x:1", datetime(2026, 3, 6, 10, 0, tzinfo=UTC)),
        }


async def test_filters_match_exact_targets_prefixes_days_and_authors_on_every_backend(
    any_db_assistant: Assistant,
) -> None:
    assistant = any_db_assistant
    staff = await create_staff(assistant)
    ids = await seed(assistant, staff["karel"].id)

    async def shown(**query: str) -> set[str]:
        page = await admin.get(AUDIT, params={**query, "to": query.get("to", "2026-03-07")})
        assert page.status_code == 200
        found = {int(n) for n in re.findall(r'id="audit-(\d+)"', page.text)}
        return {name for name, entry_id in ids.items() if entry_id in found}

    async with client_for(assistant) as admin:
        await log_in(admin, ADMIN[0], ADMIN[2])
        assert await shown(target="case:1") == {"case1", "late"}  # case:12 is another case
        assert await shown(target="case:") == {"case1", "case12", "late", "orphan"}  # not cases:queue
        assert await shown(target="case%") == set()  # a wildcard is a character, not a pattern
        assert await shown(**{"from": "2026-03-06", "to": "2026-03-06"}) == {
            "late",
            "stranger",
            "orphan",
            "future",
        }
        assert await shown(**{"from": "2026-03-05", "to": "2026-03-05"}) == {"case12", "queue"}
        assert await shown(staff="system") == {"stranger", "orphan"}
        assert await shown(staff=str(staff["karel"].id), action="case_noted") == {"late"}
        page = await admin.get(AUDIT, params={"to": "2026-03-07"})

    rows = {
        m.group(1): m.group(2)
        for m in re.finditer(r'data-action="([a-z_]+)">\s*<td>[^<]*</td>\s*<td>([^<]*)<', page.text)
    }
    assert rows["login_failed"] == en(assistant, Msg.STAFF_AUDIT_SYSTEM)
    assert rows["case_closed"] == en(
        assistant, Msg.STAFF_AUDIT_DELETED_ACCOUNT
    )  # its author's account is gone
    assert rows["case_noted"] == html.escape(COUNSELLOR[1])
    assert "<td>mystery_action</td>" in page.text  # an action without a label is shown, not hidden
    options = set(re.findall(r'<option value="([a-z_]+)"', page.text)) - {"system"}
    assert {"case_viewed", "mystery_action", "login", "audit_viewed"} <= options
    assert "appointment_cancelled" not in options  # only the actions that occur


def test_every_action_the_console_writes_has_a_label() -> None:
    written = [*Audit, *CaseAudit, *ScheduleAudit, *GroupAudit, *LinkAudit, *LogAudit]
    assert [action.value for action in written if action.value not in ACTIONS] == []
