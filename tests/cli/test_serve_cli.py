"""`case-review serve`: bad input is one line and an exit code before anything listens."""

from __future__ import annotations

import socket
from pathlib import Path

from tests.conftest import DATA, SEED_CASE, RunCli


def _one_line(stderr: str) -> str:
    lines = stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in stderr, stderr
    return lines[0]


def test_a_bad_case_is_refused_before_serving(run_cli: RunCli, tmp_path: Path) -> None:
    missing = run_cli("serve", tmp_path / "none.toml", "--port", "1")
    assert missing.returncode == 2 and "none.toml" in _one_line(missing.stderr)
    bad = sorted((DATA / "bad").glob("*.toml"))[0]
    result = run_cli("serve", bad, "--port", "1")
    assert result.returncode in (1, 2) and str(bad.name) in result.stderr and "Traceback" not in result.stderr


def test_a_review_of_another_case_is_refused_before_serving(run_cli: RunCli, tmp_path: Path) -> None:
    other = tmp_path / "other.review.toml"
    other.write_text('[review]\ncase_id = "another-case"\nreviewer = "x"\n', encoding="utf-8")
    result = run_cli("serve", SEED_CASE, "--review", other, "--port", "1")
    assert result.returncode in (1, 2) and "other.review.toml" in result.stderr and "Traceback" not in result.stderr


def test_a_token_file_too_short_is_one_line(run_cli: RunCli, tmp_path: Path) -> None:
    token_file = tmp_path / "token"
    token_file.write_text("abc\n", encoding="ascii")
    result = run_cli("serve", SEED_CASE, "--token-file", token_file)
    assert result.returncode == 2
    assert _one_line(result.stderr) == f"case-review: --token-file: {token_file}: a token of 3 characters; at least 16"


def test_a_port_out_of_range_or_taken_is_one_line(run_cli: RunCli) -> None:
    result = run_cli("serve", SEED_CASE, "--port", "70000")
    assert result.returncode == 2 and "70000 is not a port" in _one_line(result.stderr)
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = run_cli("serve", SEED_CASE, "--port", str(port))
    assert result.returncode == 2 and result.stdout == ""  # nothing claims to be serving
    assert _one_line(result.stderr) == f"case-review: cannot listen on 127.0.0.1:{port}: Address already in use"
