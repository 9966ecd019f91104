"""`case-review serve` as a subprocess on a free loopback port, and raw HTTP probes of it."""

from __future__ import annotations

import base64
import http.client
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from tests.conftest import REPO


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def serving(*args: str | Path, cwd: Path) -> Iterator[int]:
    """Run `python -m tui serve ARGS --port P` in `cwd` until the block ends; yields P once it answers."""
    port = free_port()
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    log = (cwd / "serve.log").open("w")
    process = subprocess.Popen(
        [sys.executable, "-m", "tui", "serve", *map(str, args), "--port", str(port)],
        cwd=cwd,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        deadline = time.monotonic() + 30
        while True:
            assert process.poll() is None, (cwd / "serve.log").read_text()
            try:
                status(port, "/")
                break
            except OSError:
                assert time.monotonic() < deadline, "the server did not answer within 30 s"
                time.sleep(0.2)
        yield port
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        log.close()


def status(port: int, path: str, headers: dict[str, str] | None = None) -> int:
    """The status of a GET, redirects not followed."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        connection.request("GET", path, headers=headers or {})
        return connection.getresponse().status
    finally:
        connection.close()


def websocket_status(port: int, headers: dict[str, str] | None = None) -> int:
    """The status of a websocket handshake on /ws: 101 when the server would start an app for it."""
    key = base64.b64encode(os.urandom(16)).decode("ascii")
    upgrade = {"Upgrade": "websocket", "Connection": "Upgrade", "Sec-WebSocket-Key": key, "Sec-WebSocket-Version": "13"}
    return status(port, "/ws?width=80&height=24", {**upgrade, **(headers or {})})
