"""GraphClient over HTTP against the Graph API stand-in: uploads, size-limited downloads, errors, retries."""

from __future__ import annotations

from collections.abc import AsyncIterator

import aiohttp
import pytest

from bot.channels.whatsapp.client import DOWNLOAD_CHUNK, Failure, GraphClient, GraphError
from tests.e2e.browser import free_port
from tests.standins.graph_api import PHONE_NUMBER_ID, TOKEN, GraphApiStandIn, Upload, graph_api

CALENDAR = b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nSUMMARY:Konzultace\r\nEND:VCALENDAR\r\n"
# Several chunks, so the limit is checked while streaming and not on a single read.
SCAN = bytes(range(256)) * (3 * DOWNLOAD_CHUNK // 256 + 7)


class Sleeps(list[float]):
    """The back-off the client asked for, recorded instead of waited."""

    async def __call__(self, seconds: float) -> None:
        self.append(seconds)


@pytest.fixture
async def graph() -> AsyncIterator[GraphApiStandIn]:
    async with graph_api() as standin:
        yield standin


@pytest.fixture
def sleeps() -> Sleeps:
    return Sleeps()


@pytest.fixture
async def client(graph: GraphApiStandIn, sleeps: Sleeps) -> AsyncIterator[GraphClient]:
    built = GraphClient(graph.base_url, PHONE_NUMBER_ID, TOKEN, sleep=sleeps)
    yield built
    await built.aclose()


async def test_an_upload_arrives_as_a_multipart_file_with_its_name_and_type(
    client: GraphClient, graph: GraphApiStandIn
) -> None:
    media_id = await client.upload("konzultace.ics", "text/calendar", CALENDAR)
    assert graph.uploads == [Upload("konzultace.ics", "text/calendar", CALENDAR, "text/calendar")]
    assert media_id.startswith("MEDIA")


async def test_a_rate_limited_upload_waits_retry_after_and_goes_once(
    client: GraphClient, graph: GraphApiStandIn, sleeps: Sleeps
) -> None:
    graph.fail_next(429, 4, retry_after="7", on="media")
    await client.upload("konzultace.ics", "text/calendar", CALENDAR)
    assert sleeps == [7.0]
    assert [u.content for u in graph.uploads] == [CALENDAR]  # the form was sent whole the second time


async def test_a_download_within_the_limit_is_whole_and_one_over_it_is_none(
    client: GraphClient, graph: GraphApiStandIn
) -> None:
    graph.add_media("4490709327384033", "application/pdf", SCAN)
    info = await client.media_info("4490709327384033")
    assert (info.mime_type, info.file_size) == ("application/pdf", len(SCAN))
    assert await client.download(info.url, len(SCAN)) == SCAN
    assert await client.download(info.url, len(SCAN) - 1) is None
    # The abandoned download left no half-read connection behind for the next call.
    assert await client.download(info.url, len(SCAN)) == SCAN


async def test_a_refused_token_is_a_graph_error_for_media_and_downloads(
    client: GraphClient, graph: GraphApiStandIn
) -> None:
    graph.add_media("77", "image/jpeg", b"\xff\xd8\xff")
    info = await client.media_info("77")
    wrong = GraphClient(graph.base_url, PHONE_NUMBER_ID, "expired-token")
    try:
        with pytest.raises(GraphError) as refused:
            await wrong.media_info("77")
        assert (refused.value.status, refused.value.code, refused.value.failure) == (401, 190, Failure.AUTH)
        with pytest.raises(GraphError) as empty:  # an empty body where JSON was expected
            await wrong.download(info.url, 1024)
        assert (empty.value.status, empty.value.code, empty.value.failure) == (401, None, Failure.AUTH)
    finally:
        await wrong.aclose()


async def test_a_message_refused_for_throughput_is_raised_at_once_with_its_retry_after(
    client: GraphClient, graph: GraphApiStandIn, sleeps: Sleeps
) -> None:
    graph.fail_next(400, 130429, retry_after="3")
    with pytest.raises(GraphError) as refused:
        await client.send({"messaging_product": "whatsapp", "to": "420777123456", "type": "text"})
    assert (refused.value.failure, refused.value.retry_after) == (Failure.RATE_LIMITED, 3.0)
    assert sleeps == []  # the sender pauses the shared bucket instead
    assert graph.messages == []


async def test_a_graph_api_that_cannot_be_reached_is_tried_three_times_then_raised(sleeps: Sleeps) -> None:
    client = GraphClient(f"http://127.0.0.1:{free_port()}", PHONE_NUMBER_ID, TOKEN, sleep=sleeps)
    try:
        with pytest.raises(aiohttp.ClientConnectorError):
            await client.mark_read("wamid.IN1")
    finally:
        await client.aclose()
    assert sleeps == [1.0, 2.0]
