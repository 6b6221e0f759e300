"""Who writes in bench/channels.py: clients past first contact, their questions, and their webhook POSTs."""

from __future__ import annotations

import time
from typing import Any

from bench.channels_load import Update, json_body, telegram_update

TOKEN = "42:BENCH-token-for-the-telegram-stand-in"  # noqa: S105 - the stand-in takes any token
SECRET = "bench-webhook-secret"  # noqa: S105 - X-Telegram-Bot-Api-Secret-Token of the local servers
# How clients ask (from tests/data/nlu_heldout.yml, not the training data): one FAQ answer each.
QUESTIONS = {
    "cs": "Kolik stojí kolek na prodloužení dlouhodobého pobytu a jaké doklady k tomu potřebuju?",
    "en": "what documents i need for prolongation of my long term stay? and how much is the fee",
    "uk": "скільки коштує kolek на prodloužení довгострокового побиту і які документи треба?",
    "ru": "kak prodlit dlouhodoby pobyt, kakie dokumenty nuzhny i skolko stoit kolek?",
    "vi": "gia han visa dai han can giay to gi, le phi bao nhieu a",
}
LOCALES = tuple(QUESTIONS)


class Clients:
    """The scenario's clients, each used for one update; updates built once the answer's size is known."""

    def __init__(self, server: str, path: str, count: int) -> None:
        self.server, self.path = server, path
        self._update_ids = iter(range(1, 10**9))
        if path == "telegram":
            ids = [str(700_000_000 + n) for n in range(count)]
        else:
            ids = [f"42077{n:07d}" for n in range(count)]
        self.all = [(external, LOCALES[n % len(LOCALES)]) for n, external in enumerate(ids)]
        self._next = 0

    def take(self, n: int) -> list[tuple[str, str]]:
        taken = self.all[self._next : self._next + n]
        self._next += n
        return taken

    def text(self, external: str, locale: str) -> str:
        return f"echo {external} {locale}" if self.server == "echo" else QUESTIONS[locale]

    def update(self, external: str, locale: str, expected: int, check: str) -> Update:
        text = self.text(external, locale)
        number = next(self._update_ids)
        if self.path == "telegram":
            body = json_body(telegram_update(number, int(external), text, locale))
            headers = {"X-Telegram-Bot-Api-Secret-Token": SECRET}
        else:
            from tests.standins.graph_api import Person, envelope, message_value, sign

            message: dict[str, Any] = {"id": f"wamid.BENCH{number}", "timestamp": str(int(time.time()))}
            message |= {"type": "text", "text": {"body": text}}
            person = Person(phone=external, bsuid=f"CZ.{external}")
            body = json_body(envelope(message_value(person, message, "older")))
            headers = {"X-Hub-Signature-256": sign(body)}
        headers["Content-Type"] = "application/json"
        return Update(external, body, headers, expected, check or text)


def answer_heads() -> dict[str, str]:
    """The start of the FAQ answer in each language: a reply starting otherwise is a wrong answer."""
    from bot.i18n.msg import Msg
    from bot.i18n.translator import Translator
    from bot.paths import LOCALES_DIR

    translator = Translator(LOCALES_DIR, LOCALES)
    return {loc: translator.format(loc, Msg.FAQ_RESIDENCE_EXTEND).split("\n")[0][:40] for loc in LOCALES}
