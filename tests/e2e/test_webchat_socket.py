"""The web chat WebSocket protocol: history, malformed events, reconnects and re-sent messages."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from redis.asyncio import Redis
from starlette.testclient import TestClient, WebSocketTestSession

from bot.app import Assistant, build_assistant
from bot.i18n.msg import Msg
from bot.nlu.service import Understanding
from bot.web.app import build_web_app
from dialogs.common import contact_args
from tests.conftest import make_settings
from tests.e2e.browser import free_port


@pytest.fixture
def client(assistant: Assistant) -> Iterator[TestClient]:
    with TestClient(build_web_app(assistant)) as test_client:
        yield test_client


def receive_until(ws: WebSocketTestSession, kind: str) -> list[dict[str, Any]]:
    events: list[dict[str, Any]] = []
    while True:
        event = ws.receive_json()
        events.append(event)
        if event["type"] == kind:
            return events


def replies(events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [e for e in events if e["type"] == "reply"]


def test_page_speaks_the_browsers_language(client: TestClient, assistant: Assistant) -> None:
    page = client.get("/", headers={"Accept-Language": "vi-VN,vi;q=0.9,en;q=0.5"})
    assert page.status_code == 200
    assert '<html lang="vi">' in page.text
    assert assistant.translator.format("vi", Msg.WEBCHAT_SEND) in page.text
    assert 'for="input"' in page.text
    assert '<label for="language"' in page.text
    assert "cdn" not in page.text.lower()
    assert client.get("/?lang=cs").text.count('<html lang="cs">') == 1
    assert client.get("/static/webchat/chat.js").status_code == 200


def test_full_conversation_and_history_after_reconnect(client: TestClient, assistant: Assistant) -> None:
    client_id = str(uuid.uuid4())
    with client.websocket_connect("/ws/chat") as ws:
        ws.send_json({"type": "hello", "client_id": client_id, "locale": "cs"})
        history = ws.receive_json()
        assert history["type"] == "history"
        assert history["messages"] == []
        assert history["locale"] == "cs"
        notice = ws.receive_json()
        assert [c["payload"] for c in notice["choices"]][:1] == ["start:agree"]
        ws.send_json({"type": "choice", "id": "a1", "payload": "start:agree", "label": "Souhlasím"})
        receive_until(ws, "ack")
        ws.send_json({"type": "choice", "id": "a2", "payload": "lang:uk"})
        events = receive_until(ws, "ack")
        chrome = [e for e in events if e["type"] == "chrome"]
        assert chrome
        assert chrome[0]["locale"] == "uk"
        assert chrome[0]["chrome"]["send"] == assistant.translator.format("uk", Msg.WEBCHAT_SEND)
        assert replies(events)[-1]["text"] == assistant.translator.format("uk", Msg.MENU_TITLE)
    with client.websocket_connect("/ws/chat") as ws:  # a reload or a reconnect
        ws.send_json({"type": "hello", "client_id": client_id, "locale": "cs"})
        history = ws.receive_json()
        assert history["locale"] == "uk"
        texts = [m["text"] for m in history["messages"]]
        assert texts[0] == "Souhlasím"  # the pressed button's label, from consent on
        assert texts[-1] == assistant.translator.format("uk", Msg.MENU_TITLE)
        assert history["messages"][-1]["choices"][0]["payload"] == "faq"


def test_a_page_opened_by_a_deep_link_lands_in_its_dialog_after_consent(
    client: TestClient, assistant: Assistant
) -> None:
    """`/?start=course_a1`: the page sends the link in its hello; the notice comes first, then the course."""
    with client.websocket_connect("/ws/chat") as ws:
        ws.send_json({"type": "hello", "client_id": str(uuid.uuid4()), "locale": "en", "start": "course_a1"})
        receive_until(ws, "reply")
        for event_id, payload in (("c1", "start:agree"), ("c2", "lang:en")):
            ws.send_json({"type": "choice", "id": event_id, "payload": payload})
            events = receive_until(ws, "ack")
    changed, course = replies(events)
    assert changed["text"] == assistant.translator.format("en", Msg.LANGUAGE_CHANGED)
    args = {"level": "a1", "subscribed": "no", **contact_args(assistant.centre, "en")}
    assert course["text"] == assistant.translator.format("en", Msg.COURSES_CZECH, args)
    assert course["choices"][0]["payload"] == "sub:t:czech_courses"


def test_a_resent_message_is_answered_once(client: TestClient) -> None:
    client_id = str(uuid.uuid4())
    with client.websocket_connect("/ws/chat") as ws:
        ws.send_json({"type": "hello", "client_id": client_id, "locale": "en"})
        receive_until(ws, "reply")
        for event_id, payload in (("b1", "start:agree"), ("b2", "lang:en")):
            ws.send_json({"type": "choice", "id": event_id, "payload": payload})
            receive_until(ws, "ack")
        ws.send_json({"type": "text", "id": "q1", "text": "where are you?"})
        first = receive_until(ws, "ack")
    with client.websocket_connect("/ws/chat") as ws:
        ws.send_json({"type": "hello", "client_id": client_id, "locale": "en"})
        ws.receive_json()
        ws.send_json({"type": "text", "id": "q1", "text": "where are you?"})  # the browser's outbox resends
        again = receive_until(ws, "ack")
    assert len(replies(first)) == 1
    assert replies(again) == []


def test_malformed_input_gets_a_clear_answer_and_keeps_the_socket(client: TestClient) -> None:
    with client.websocket_connect("/ws/chat") as ws:
        ws.send_text("not json")
        assert ws.receive_json() == {"type": "error", "code": "bad_hello"}
    with client.websocket_connect("/ws/chat") as ws:
        ws.send_json({"type": "hello", "client_id": str(uuid.uuid4()), "locale": "xx"})
        assert ws.receive_json()["locale"] == "en"  # unsupported language: the default
        receive_until(ws, "reply")
        for bad in ("{", '{"type": 5}', '{"type": "text"}', '{"type": "upload", "file": "x"}'):
            ws.send_text(bad)
            assert ws.receive_json() == {"type": "error", "code": "bad_event"}
        ws.send_json({"type": "choice", "id": "x1", "payload": "p" * 500})
        assert replies(receive_until(ws, "ack"))  # an oversized payload is treated as an old button
        ws.send_json({"type": "text", "id": "x2", "text": "x" * 20_000})
        assert replies(receive_until(ws, "ack"))


def test_health_reports_database(client: TestClient) -> None:
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": True}


async def test_health_is_unavailable_when_redis_is_down(
    sqlite_url: str, understanding: Understanding
) -> None:
    dead_redis = Redis.from_url(f"redis://127.0.0.1:{free_port()}/0", socket_connect_timeout=0.5)
    assistant = build_assistant(make_settings(sqlite_url), understanding, redis=dead_redis)
    try:
        transport = httpx.ASGITransport(app=build_web_app(assistant))
        async with httpx.AsyncClient(transport=transport, base_url="http://test") as http:
            response = await http.get("/healthz")
        assert response.status_code == 503
        assert response.json() == {"status": "unavailable", "database": True, "redis": False}
    finally:
        await assistant.aclose()
