"""Who may use a served app: the token on the page and the websocket, loopback Host names, Origin.

The access checks are aiohttp middleware, so they are tested here on a bare aiohttp app with the
same routes as the served one, without a browser or an app process.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from aiohttp import web
from aiohttp.test_utils import TestClient, TestServer

from tui.serve.access import (
    COOKIE,
    MIN_TOKEN_CHARS,
    TokenFileError,
    access_middleware,
    add_security_headers,
    is_loopback,
    read_token_file,
    required_token,
)

TOKEN = "unit-token-0123456789abcdef"
WEBSOCKET = {"Upgrade": "websocket", "Connection": "Upgrade", "Sec-WebSocket-Key": "dGhlIHNhbXBsZSBub25jZQ==",
             "Sec-WebSocket-Version": "13"}  # fmt: skip


async def _ok(_request: web.Request) -> web.Response:
    return web.Response(text="app")


async def _socket(request: web.Request) -> web.WebSocketResponse:
    socket = web.WebSocketResponse()
    await socket.prepare(request)
    await socket.close()
    return socket


async def _client(token: str | None) -> TestClient[web.Request, web.Application]:
    app = web.Application(middlewares=[access_middleware(token)])
    app.on_response_prepare.append(add_security_headers)
    app.add_routes([web.get("/", _ok), web.get("/ws", _socket), web.get("/static/{name}", _ok)])
    client = TestClient(TestServer(app, host="127.0.0.1"))
    await client.start_server()
    return client


@pytest.fixture
async def open_client() -> AsyncIterator[TestClient[web.Request, web.Application]]:
    client = await _client(None)
    yield client
    await client.close()


@pytest.fixture
async def token_client() -> AsyncIterator[TestClient[web.Request, web.Application]]:
    client = await _client(TOKEN)
    yield client
    await client.close()


async def test_loopback_without_a_token_serves_the_page_with_headers_that_keep_it_home(open_client) -> None:  # type: ignore[no-untyped-def]
    response = await open_client.get("/")
    assert response.status == 200
    policy = response.headers["Content-Security-Policy"]
    assert "default-src 'self'" in policy and "connect-src 'self'" in policy and "frame-ancestors 'none'" in policy
    assert response.headers["Referrer-Policy"] == "no-referrer"


async def test_loopback_refuses_a_host_name_pointed_at_it_from_elsewhere(open_client) -> None:  # type: ignore[no-untyped-def]
    assert (await open_client.get("/", headers={"Host": "attacker.example:8000"})).status == 403
    assert (await open_client.get("/", headers={"Host": "localhost:8000"})).status == 200
    assert (await open_client.get("/", headers={"Host": "[::1]:8000"})).status == 200


async def test_a_websocket_from_another_site_is_refused_even_on_loopback(open_client) -> None:  # type: ignore[no-untyped-def]
    host = f"127.0.0.1:{open_client.port}"
    foreign = await open_client.get("/ws", headers={**WEBSOCKET, "Origin": "http://elsewhere.example"})
    assert foreign.status == 403
    own = await open_client.get("/ws", headers={**WEBSOCKET, "Origin": f"http://{host}"})
    assert own.status == 101


async def test_the_token_in_the_address_becomes_a_cookie_and_leaves_the_address(token_client) -> None:  # type: ignore[no-untyped-def]
    response = await token_client.get(f"/?token={TOKEN}&fontsize=18", allow_redirects=False)
    assert response.status == 303
    assert response.headers["Location"] == "/?fontsize=18"
    cookie = response.cookies[COOKIE]
    assert cookie.value == TOKEN and cookie["httponly"] and cookie["samesite"] == "Strict"


async def test_without_the_token_nothing_is_served_page_assets_or_websocket(token_client) -> None:  # type: ignore[no-untyped-def]
    assert (await token_client.get("/")).status == 401
    assert (await token_client.get("/static/textual.js")).status == 401
    assert (await token_client.get("/ws", headers=WEBSOCKET)).status == 401
    assert (await token_client.get("/?token=not-the-token-0000000")).status == 403
    wrong = {"Cookie": f"{COOKIE}=not-the-token-0000000"}
    assert (await token_client.get("/", headers=wrong)).status == 403
    assert (await token_client.get("/ws", headers={**WEBSOCKET, **wrong})).status == 403


async def test_with_the_cookie_the_page_and_the_websocket_are_served(token_client) -> None:  # type: ignore[no-untyped-def]
    cookie = {"Cookie": f"{COOKIE}={TOKEN}"}
    assert (await token_client.get("/", headers=cookie)).status == 200
    assert (await token_client.get("/ws", headers={**WEBSOCKET, **cookie})).status == 101
    # The token does not excuse a websocket opened by another site's page.
    foreign = {**WEBSOCKET, **cookie, "Origin": "http://elsewhere.example"}
    assert (await token_client.get("/ws", headers=foreign)).status == 403


@pytest.mark.parametrize(
    ("host", "loopback"),
    [("127.0.0.1", True), ("127.3.2.1", True), ("localhost", True), ("::1", True), ("[::1]", True),
     ("0.0.0.0", False), ("::", False), ("192.168.1.20", False), ("ward-pc.local", False)],
)  # fmt: skip
def test_which_addresses_are_loopback(host: str, loopback: bool) -> None:
    assert is_loopback(host) is loopback


def test_off_loopback_a_new_token_is_required_and_shown_once_a_file_token_everywhere(tmp_path: Path) -> None:
    assert required_token("127.0.0.1", None) == (None, False)
    token, shown = required_token("0.0.0.0", None)
    assert token is not None and len(token) >= MIN_TOKEN_CHARS and shown
    assert required_token("0.0.0.0", None)[0] != token
    token_file = tmp_path / "token"
    token_file.write_text(f"  {TOKEN}\n", encoding="ascii")
    assert required_token("127.0.0.1", token_file) == (TOKEN, False)
    assert required_token("0.0.0.0", token_file) == (TOKEN, False)


@pytest.mark.parametrize(
    ("content", "says"),
    [(b"short", "a token of 5 characters; at least 16"), (b"x" * 5000, "more than 4,096 bytes"),
     ("café-0123456789abcdef".encode(), "not ASCII"), (b"has space 0123456789abcdef", "letters, digits")],
)  # fmt: skip
def test_a_token_file_that_cannot_serve_is_named_with_what_is_wrong(tmp_path: Path, content: bytes, says: str) -> None:
    token_file = tmp_path / "token"
    token_file.write_bytes(content)
    with pytest.raises(TokenFileError, match=says) as raised:
        read_token_file(token_file)
    assert str(token_file) in str(raised.value)
    with pytest.raises(TokenFileError, match="No such file"):
        read_token_file(tmp_path / "missing")
