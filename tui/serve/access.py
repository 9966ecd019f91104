"""Who may use a served app: the token, the address it listens on, and the checks on every request.

textual-serve has no authentication of its own, so every request (the page, its assets, the
websocket that drives an app process, a download) passes `access_middleware` first:

- With a token, a request must carry it: `?token=...` once (the page then sets an HttpOnly,
  SameSite=Strict cookie and redirects to a URL without it, so the token stays out of the
  history and the address bar), or the cookie after that. The websocket and downloads are
  opened by the page's script, which sends the cookie but cannot add a query.
- Without a token (loopback only), the Host header must name a loopback address: a web page
  elsewhere cannot reach the server through a name it points at 127.0.0.1 (DNS rebinding).
- Always, a websocket whose Origin is another site is refused: another page open in the same
  browser must not drive the app.

Pure aiohttp: no Textual, no textual-serve, so it is tested without a browser.
"""

from __future__ import annotations

import hmac
import ipaddress
import secrets
from collections.abc import Awaitable, Callable
from pathlib import Path
from urllib.parse import urlsplit

from aiohttp import web
from aiohttp.typedefs import Middleware

COOKIE = "case-review-token"
MIN_TOKEN_CHARS = 16
MAX_TOKEN_FILE_BYTES = 4096

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


class TokenFileError(Exception):
    """A token file that cannot serve as one: the message names the file and what is wrong."""


def is_loopback(host: str) -> bool:
    """`localhost`, 127.0.0.0/8 and ::1; a name other than `localhost` might resolve anywhere."""
    name = host.strip("[]")
    if name.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return False


def new_token() -> str:
    """A fresh token for this run only (never written anywhere by us)."""
    return secrets.token_urlsafe(24)


def read_token_file(path: Path) -> str:
    """The token in a file (surrounding white space dropped); at least MIN_TOKEN_CHARS printable characters."""
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_TOKEN_FILE_BYTES + 1)
    except OSError as error:
        raise TokenFileError(f"{path}: {error.strerror or error}") from None
    if len(data) > MAX_TOKEN_FILE_BYTES:
        raise TokenFileError(f"{path}: more than {MAX_TOKEN_FILE_BYTES:,} bytes; a token file holds one token")
    try:
        token = data.decode("ascii").strip()
    except UnicodeDecodeError:
        raise TokenFileError(f"{path}: not ASCII; a token is letters, digits and - _ . ~") from None
    if len(token) < MIN_TOKEN_CHARS:
        raise TokenFileError(f"{path}: a token of {len(token)} characters; at least {MIN_TOKEN_CHARS}")
    if not all(c.isalnum() or c in "-_.~" for c in token):
        raise TokenFileError(f"{path}: a token is letters, digits and - _ . ~ only")
    return token


def required_token(host: str, token_file: Path | None) -> tuple[str | None, bool]:
    """The token this run requires (None: none) and whether to print it.

    A token file's token is required wherever the server listens, and stays in its file; off
    loopback without one, a new token is made and printed once; on loopback none is needed.
    """
    if token_file is not None:
        return read_token_file(token_file), False
    if is_loopback(host):
        return None, False
    return new_token(), True


def _matches(given: str | None, token: str) -> bool:
    return given is not None and hmac.compare_digest(given.encode("utf-8"), token.encode("utf-8"))


def _is_websocket(request: web.Request) -> bool:
    return request.headers.get("Upgrade", "").lower() == "websocket"


def _same_origin(request: web.Request) -> bool:
    """No Origin (not a browser), or one whose host:port is the Host this request was sent to."""
    origin = request.headers.get("Origin")
    if origin is None:
        return True
    return urlsplit(origin).netloc.lower() == request.host.lower()


def _host_is_loopback(request: web.Request) -> bool:
    netloc = urlsplit(f"//{request.host}")
    return netloc.hostname is not None and is_loopback(netloc.hostname)


def _refuse(status: type[web.HTTPException], reason: str) -> web.HTTPException:
    return status(text=f"case-review: {reason}\n", headers={"Cache-Control": "no-store"})


def access_middleware(token: str | None) -> Middleware:
    """The check every request passes; `token` None means loopback without a token."""

    @web.middleware
    async def check(request: web.Request, handler: Handler) -> web.StreamResponse:
        if _is_websocket(request) and not _same_origin(request):
            raise _refuse(web.HTTPForbidden, "websocket from another site refused")
        if token is None:
            if not _host_is_loopback(request):
                raise _refuse(web.HTTPForbidden, "this server answers only to a loopback address")
            return await handler(request)
        query_token = request.query.get("token")
        if query_token is not None:
            if not _matches(query_token, token):
                raise _refuse(web.HTTPForbidden, "wrong token")
            if request.path == "/" and not _is_websocket(request):
                # Keep the token out of the address bar and the history: a cookie carries it from here.
                rest = {k: v for k, v in request.query.items() if k != "token"}
                target = request.rel_url.with_query(rest) if rest else request.rel_url.with_query(None)
                redirect = web.HTTPSeeOther(location=str(target))
                redirect.set_cookie(COOKIE, token, httponly=True, samesite="Strict", path="/")
                raise redirect
            return await handler(request)
        if _matches(request.cookies.get(COOKIE), token):
            return await handler(request)
        if COOKIE in request.cookies:
            raise _refuse(web.HTTPForbidden, "wrong token")
        raise _refuse(web.HTTPUnauthorized, "a token is required: open the address printed when the server started")

    return check


_POLICY = "; ".join(
    (
        "default-src 'self'",
        "script-src 'self' 'unsafe-inline'",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "frame-ancestors 'none'",
        "base-uri 'none'",
        "form-action 'none'",
    )
)


async def add_security_headers(_request: web.Request, response: web.StreamResponse) -> None:
    """Every response (`on_response_prepare`): the page reaches only its own server; no other site frames it."""
    response.headers.setdefault("Content-Security-Policy", _POLICY)
    response.headers.setdefault("Referrer-Policy", "no-referrer")
    response.headers.setdefault("X-Content-Type-Options", "nosniff")
