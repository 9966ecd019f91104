"""Our textual-serve `Server`: the access checks, a self-contained page, and what it says at start.

textual-serve starts one app process for each websocket (each browser tab) with the command it
is given, and streams the process's web driver output to the page. What we change:

- every request passes `access.access_middleware` (the token; loopback Host names; websocket
  Origin) and every response gets `access.add_security_headers`;
- the page template (`templates/app_index.html`) uses relative addresses and the fonts shipped in
  textual-serve's own static folder, so the page asks nothing of any other host and works offline;
- the banner: the address to open (with the token when one is required, printed once), and the
  warning that the connection is not encrypted unless a TLS proxy stands in front.
"""

from __future__ import annotations

import ipaddress
from pathlib import Path

from aiohttp import web
from textual_serve.server import Server

from tui.serve.access import access_middleware, add_security_headers

TEMPLATES = Path(__file__).resolve().parent / "templates"


def url_host(host: str) -> str:
    """A host as it goes in a URL: an IPv6 address in brackets."""
    try:
        return f"[{host}]" if ipaddress.ip_address(host).version == 6 else host
    except ValueError:
        return host


class ReviewServer(Server):
    """Serve `command` (one process a tab) on host:port, refusing requests `access` refuses."""

    def __init__(self, command: str, *, host: str, port: int, token: str | None, show_token: bool, title: str) -> None:
        super().__init__(command, host=host, port=port, title=title, templates_path=TEMPLATES)
        self.token = token
        self.show_token = show_token

    async def _make_app(self) -> web.Application:
        app = await super()._make_app()
        app.middlewares.append(access_middleware(self.token))
        app.on_response_prepare.append(add_security_headers)
        return app

    def address(self) -> str:
        """The address to open; with the token only when it was made for this run (a token file's stays in its file)."""
        base = f"http://{url_host(self.host)}:{self.port}/"
        return f"{base}?token={self.token}" if self.token and self.show_token else base

    async def on_startup(self, app: web.Application) -> None:
        out = self.console
        out.print(f"Serving {self.title} (one app process a browser tab).", markup=False, highlight=False)
        out.print(f"Open {self.address()}", markup=False, highlight=False, soft_wrap=True)
        if self.host in ("0.0.0.0", "::"):
            out.print(f"  ({self.host} listens on every address of this machine: use one of them)", markup=False)
        if self.token is not None:
            if self.show_token:
                out.print("The token above is shown once: whoever has it can use this review.", markup=False)
            else:
                out.print("Add ?token=... (the token in the token file) to the address.", markup=False)
            out.print(
                "Warning: the connection is not encrypted (plain HTTP): anyone on the network path can read "
                "the case, the notes and the token unless a TLS proxy stands in front.",
                markup=False,
                highlight=False,
            )
        out.print("Press Ctrl+C to stop.", markup=False, highlight=False)
