"""WhatsApp webhook parsing: both payload shapes, every message type we read, and what we refuse to guess."""

from __future__ import annotations

from typing import Any

import pytest
import structlog

from bot.channels.base import Outbound, Reply
from bot.channels.whatsapp.client import Failure, classify
from bot.channels.whatsapp.payloads import parse_webhook
from bot.channels.whatsapp.sender import purpose_of, recipient_fields, template_parameter
from bot.i18n.msg import Msg
from tests.standins.graph_api import Person, envelope, message_value, status_value

PERSON = Person(phone="420777123456", bsuid="CZ.1502576394655843")


def one(message: dict[str, Any], shape: str = "current") -> dict[str, Any]:
    return envelope(message_value(PERSON, {"id": "wamid.A", "timestamp": "1764238453", **message}, shape))


@pytest.mark.parametrize(
    ("shape", "user"), [("older", PERSON.phone), ("current", PERSON.phone), ("username", PERSON.bsuid)]
)
def test_the_sender_is_the_phone_when_shared_else_the_bsuid(shape: str, user: str) -> None:
    [incoming] = parse_webhook(one({"type": "text", "text": {"body": "Ahoj"}}, shape)).messages
    assert (incoming.wa_user, incoming.kind, incoming.text, incoming.message_id) == (
        user,
        "text",
        "Ahoj",
        "wamid.A",
    )
    assert incoming.sent_at.timestamp() == 1764238453


def test_a_bsuid_only_contact_without_from_fields_still_names_the_sender() -> None:
    value = {
        "contacts": [{"profile": {"name": "O"}, "user_id": PERSON.bsuid}],
        "messages": [{"id": "w", "type": "text", "text": {"body": "x"}}],
    }
    [incoming] = parse_webhook(envelope(value)).messages
    assert incoming.wa_user == PERSON.bsuid
    assert recipient_fields(incoming.wa_user)["recipient"] == PERSON.bsuid
    assert recipient_fields(PERSON.phone)["to"] == PERSON.phone


@pytest.mark.parametrize(
    ("message", "kind", "payload", "what"),
    [
        (
            {
                "type": "interactive",
                "interactive": {
                    "type": "button_reply",
                    "button_reply": {"id": "start:agree", "title": "Souhlasím"},
                },
            },
            "button",
            "start:agree",
            "",
        ),
        (
            {
                "type": "interactive",
                "interactive": {
                    "type": "list_reply",
                    "list_reply": {"id": "lang:uk", "title": "Українська", "description": ""},
                },
            },
            "button",
            "lang:uk",
            "",
        ),
        ({"type": "button", "button": {"payload": "menu", "text": "Menu"}}, "button", "menu", ""),
        ({"type": "image", "image": {"id": "1", "mime_type": "image/jpeg", "sha256": "x"}}, "file", "", ""),
        (
            {
                "type": "document",
                "document": {"id": "2", "mime_type": "application/pdf", "filename": "permit.pdf"},
            },
            "file",
            "",
            "",
        ),
        (
            {"type": "audio", "audio": {"id": "3", "mime_type": "audio/ogg", "voice": True}},
            "unsupported",
            "",
            "audio",
        ),
        ({"type": "video", "video": {"id": "4"}}, "unsupported", "", "video"),
        ({"type": "sticker", "sticker": {"id": "5", "animated": False}}, "unsupported", "", "sticker"),
        (
            {"type": "location", "location": {"latitude": 50.6, "longitude": 14.0}},
            "unsupported",
            "",
            "location",
        ),
        (
            {"type": "contacts", "contacts": [{"name": {"formatted_name": "X"}}]},
            "unsupported",
            "",
            "contacts",
        ),
        (
            {"type": "unsupported", "errors": [{"code": 131051, "title": "Message type unknown"}]},
            "unsupported",
            "",
            "unsupported",
        ),
    ],
)
def test_message_types(message: dict[str, Any], kind: str, payload: str, what: str) -> None:
    [incoming] = parse_webhook(one(message)).messages
    assert (incoming.kind, incoming.payload, incoming.what) == (kind, payload, what)


def test_files_keep_their_name_type_and_caption() -> None:
    doc = one(
        {
            "type": "document",
            "document": {
                "id": "9",
                "mime_type": "application/pdf",
                "filename": "a.pdf",
                "caption": "povolení",
            },
        }
    )
    [incoming] = parse_webhook(doc).messages
    assert incoming.media is not None
    assert (incoming.media.media_id, incoming.media.filename, incoming.text) == ("9", "a.pdf", "povolení")
    [photo] = parse_webhook(one({"type": "image", "image": {"id": "8", "mime_type": "image/jpeg"}})).messages
    assert photo.media is not None
    assert photo.media.filename == "image-8.jpg"


def test_reactions_are_ignored_and_unknown_types_logged_by_type() -> None:
    with structlog.testing.capture_logs() as logs:
        events = parse_webhook(one({"type": "reaction", "reaction": {"message_id": "w", "emoji": "👍"}}))
        unknown = parse_webhook(one({"type": "order", "order": {"text": "personal words"}}))
    assert events.messages == unknown.messages == []
    assert [e["event"] for e in logs] == ["whatsapp_message_ignored", "whatsapp_unknown_message_type"]
    assert "personal words" not in repr(logs)


@pytest.mark.parametrize(
    "data", [None, [], "text", {"entry": None}, {"entry": [None, {"changes": "x"}, {"changes": [None]}]}]
)
def test_odd_bodies_never_raise(data: object) -> None:
    events = parse_webhook(data)
    assert (events.messages, events.statuses) == ([], [])


def test_statuses_in_both_shapes() -> None:
    read = parse_webhook(envelope(status_value(PERSON, "wamid.O", "read"))).statuses
    assert [(s.wa_user, s.status, s.error_codes) for s in read] == [(PERSON.phone, "read", ())]
    failed = {
        "statuses": [
            {
                "id": "wamid.F",
                "status": "failed",
                "recipient_user_id": PERSON.bsuid,
                "errors": [{"code": 131026}],
            }
        ]
    }
    [status] = parse_webhook(envelope(failed)).statuses
    assert (status.wa_user, status.error_codes) == (PERSON.bsuid, (131026,))


def test_error_codes_map_to_what_we_do() -> None:
    assert classify(429, None) is Failure.RATE_LIMITED
    assert classify(400, 130429) is Failure.RATE_LIMITED
    assert classify(400, 131056) is Failure.RATE_LIMITED
    assert classify(400, 131047) is Failure.REENGAGEMENT_REQUIRED
    assert classify(400, 131026) is Failure.UNREACHABLE
    assert classify(400, 131051) is Failure.UNREACHABLE
    assert classify(401, 190) is Failure.AUTH
    assert classify(400, 100) is Failure.OTHER


def test_template_purpose_and_parameter() -> None:
    reminder = Outbound("wa:1", "uk", (Reply.of(Msg.REMINDER_SOON),))
    assert purpose_of(reminder) == "reminder"
    assert purpose_of(Outbound("wa:1", "uk", (Reply.of(Msg.CASE_COUNSELLOR_SAYS),))) == "case"
    assert template_parameter("a\n\nb\tc     d") == "a b c d"
    assert len(template_parameter("slovo " * 500)) <= 1024


def test_template_setting_format_and_one_line_errors() -> None:
    from pydantic import ValidationError

    from bot.config_errors import describe_settings_error
    from bot.settings import Settings

    factory: Any = Settings
    parsed = factory(
        _env_file=None, whatsapp_templates="reminder:cs=pripominka_terminu, notice:en=centre_notice"
    )
    assert parsed.whatsapp_templates == {
        ("reminder", "cs"): "pripominka_terminu",
        ("notice", "en"): "centre_notice",
    }
    for bad, words in (("reminder=x", "is not like"), ("reminder:de=x", "language must be one of")):
        with pytest.raises(ValidationError) as error:
            factory(_env_file=None, whatsapp_templates=bad)
        [line] = describe_settings_error(error.value).splitlines()
        assert line.startswith("Configuration error: WHATSAPP_TEMPLATES:")
        assert words in line
    with pytest.raises(ValidationError) as half:
        factory(_env_file=None, whatsapp_access_token="t", whatsapp_app_secret="s")
    assert "WHATSAPP_PHONE_NUMBER_ID, WHATSAPP_VERIFY_TOKEN" in describe_settings_error(half.value)
