"""The web chat in headless Chromium: first contact, language choice, the menu, and booking with its file."""

from __future__ import annotations

import pytest
from playwright.async_api import Page, expect

from bot.app import Assistant
from bot.i18n.msg import Msg
from tests.conftest import open_example_schedule
from tests.e2e.browser import chromium, serve

TIMEOUT = 10_000


async def press(page: Page, label: str) -> None:
    await page.get_by_role("button", name=label, exact=True).click(timeout=TIMEOUT)


@pytest.mark.parametrize(("browser_locale", "chosen"), [("uk-UA", "uk"), ("cs-CZ", "cs")])
async def test_first_contact_language_and_menu(
    assistant: Assistant, browser_locale: str, chosen: str
) -> None:
    t = assistant.translator
    hinted = browser_locale[:2]
    async with serve(assistant) as url, chromium() as browser:
        context = await browser.new_context(locale=browser_locale, viewport={"width": 375, "height": 740})
        page = await context.new_page()
        await page.goto(url + "/")
        await expect(page.locator("html")).to_have_attribute("lang", hinted)
        await expect(page.get_by_label(t.format(hinted, Msg.WEBCHAT_INPUT_LABEL))).to_be_visible()
        log = page.get_by_role("log")
        await expect(log).to_contain_text(
            t.format(hinted, Msg.FIRST_CONTACT_CONSENT_QUESTION), timeout=TIMEOUT
        )

        await press(page, t.format(hinted, Msg.FIRST_CONTACT_AGREE))
        await expect(log).to_contain_text(
            t.format(hinted, Msg.FIRST_CONTACT_CHOOSE_LANGUAGE), timeout=TIMEOUT
        )
        await press(page, t.format(chosen, Msg(f"language-{chosen}")))
        await expect(log).to_contain_text(t.format(chosen, Msg.MENU_TITLE), timeout=TIMEOUT)

        await press(page, t.format(chosen, Msg.MENU_HELP))
        await expect(log).to_contain_text("Velká Hradební 33", timeout=TIMEOUT)

        # Typing works too, and the conversation survives a reload.
        await page.get_by_label(t.format(chosen, Msg.WEBCHAT_INPUT_LABEL)).fill("/menu")
        await page.get_by_role("button", name=t.format(chosen, Msg.WEBCHAT_SEND)).click()
        await expect(page.get_by_role("button", name=t.format(chosen, Msg.MENU_BOOK))).to_be_visible(
            timeout=TIMEOUT
        )
        await page.reload()
        await expect(log).to_contain_text(
            t.format(chosen, Msg.FIRST_CONTACT_CHOOSE_LANGUAGE), timeout=TIMEOUT
        )
        await expect(page.get_by_role("button", name=t.format(chosen, Msg.MENU_BOOK))).to_be_visible(
            timeout=TIMEOUT
        )
        await expect(page.locator("html")).to_have_attribute("lang", chosen)
        await context.close()


async def test_page_language_picker_switches_chrome_and_conversation(assistant: Assistant) -> None:
    t = assistant.translator
    async with serve(assistant) as url, chromium() as browser:
        context = await browser.new_context(locale="en-US", viewport={"width": 375, "height": 740})
        page = await context.new_page()
        await page.goto(url + "/")
        log = page.get_by_role("log")
        await expect(log).to_contain_text(t.format("en", Msg.FIRST_CONTACT_CONSENT_QUESTION), timeout=TIMEOUT)
        await page.get_by_label(t.format("en", Msg.WEBCHAT_LANGUAGE_LABEL)).select_option("vi")
        await expect(log).to_contain_text(t.format("vi", Msg.FIRST_CONTACT_CONSENT_QUESTION), timeout=TIMEOUT)
        await expect(page.locator("html")).to_have_attribute("lang", "vi")
        await expect(page.get_by_role("button", name=t.format("vi", Msg.WEBCHAT_SEND))).to_be_visible()
        # Keyboard users reach the controls in reading order: language, conversation, buttons, input, send.
        await page.get_by_label(t.format("vi", Msg.WEBCHAT_LANGUAGE_LABEL)).focus()
        await page.keyboard.press("Tab")
        assert await page.evaluate("document.activeElement.id") == "log"
        await page.keyboard.press("Tab")
        assert await page.evaluate("document.activeElement.dataset.payload") == "start:agree"
        await context.close()


async def test_booking_in_czech_ends_with_a_calendar_file_to_download(assistant: Assistant) -> None:
    await open_example_schedule(assistant)  # Wednesday, 08:00 in Prague
    t = assistant.translator
    async with serve(assistant) as url, chromium() as browser:
        context = await browser.new_context(locale="cs-CZ", viewport={"width": 375, "height": 740})
        page = await context.new_page()
        await page.goto(url + "/")
        log = page.get_by_role("log")
        await press(page, t.format("cs", Msg.FIRST_CONTACT_AGREE))
        await press(page, t.format("cs", Msg.LANGUAGE_CS))
        await press(page, t.format("cs", Msg.MENU_BOOK))
        await press(page, "Sociální poradenství")
        await press(page, "📍 Ústí nad Labem")
        await press(page, "středa 23. září 2026")
        await press(page, "10:00")
        await expect(log).to_contain_text(t.format("cs", Msg.BOOKING_CHECK), timeout=TIMEOUT)
        await press(page, t.format("cs", Msg.BOOKING_CONFIRM))
        await expect(log).to_contain_text(t.format("cs", Msg.BOOKING_BOOKED), timeout=TIMEOUT)

        link = page.get_by_role("link", name=t.format("cs", Msg.WEBCHAT_DOWNLOAD))
        await expect(link).to_be_visible(timeout=TIMEOUT)
        assert (await link.get_attribute("href") or "").startswith("data:text/calendar;base64,")
        assert (await link.get_attribute("download") or "").endswith(".ics")
        async with page.expect_download() as started:
            await link.click()
        download = await started.value
        assert download.suggested_filename.endswith(".ics")
        saved = await download.path()
        assert b"BEGIN:VCALENDAR" in saved.read_bytes()
        await context.close()
