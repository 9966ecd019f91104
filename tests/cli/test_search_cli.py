"""`case-review search DIR QUERY`: hits as lines, any query answered, no Textual."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import RunCli, textual_modules_after
from tests.library_helpers import make_library


def test_search_prints_one_line_a_hit_best_first(run_cli: RunCli, tmp_path: Path) -> None:
    folder = make_library(tmp_path / "cases")
    result = run_cli("search", folder, "zebrafish")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) == 1
    path, where, context = lines[0].split("\t")
    assert path.endswith("seed-copy-2.toml") and where == "note by ana" and "zebrafish" in context


def test_search_with_no_hit_exits_1(run_cli: RunCli, tmp_path: Path) -> None:
    folder = make_library(tmp_path / "cases")
    result = run_cli("search", folder, "nothingmatchesthis")
    assert (result.returncode, result.stdout, result.stderr) == (1, "", "")


@pytest.mark.parametrize(
    "query", ['"', 'clonazepam"', "NEAR(pain", "a OR (", "*", "AND", "col:pain", "'; DROP TABLE cases; --", "-"]
)
def test_hostile_queries_are_answered_in_one_line_never_a_traceback(
    run_cli: RunCli, tmp_path: Path, query: str
) -> None:
    folder = make_library(tmp_path / "cases")
    result = run_cli("search", folder, query)
    assert result.returncode in (0, 1)
    assert "Traceback" not in result.stderr and len(result.stderr.splitlines()) <= 1


def test_terminal_escapes_in_a_case_are_shown_not_obeyed(run_cli: RunCli, tmp_path: Path) -> None:
    folder = make_library(tmp_path / "cases")
    case = folder / "seed-copy-1.toml"
    text = case.read_text(encoding="utf-8").replace(
        "Vertebral compression", "Vertebral \\u001b]0;owned\\u0007 compression", 1
    )
    case.write_text(text, encoding="utf-8")
    result = run_cli("search", folder, "owned")
    assert result.returncode == 0, result.stderr
    assert "\x1b" not in result.stdout and "\x07" not in result.stdout


def test_a_missing_folder_is_one_line_and_exit_2(run_cli: RunCli, tmp_path: Path) -> None:
    result = run_cli("search", tmp_path / "nowhere", "pain")
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "not a folder" in result.stderr


def test_search_does_not_import_textual(tmp_path: Path) -> None:
    folder = make_library(tmp_path / "cases")
    assert textual_modules_after(["search", str(folder), "clonazepam"]) == []
