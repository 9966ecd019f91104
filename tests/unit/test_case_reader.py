"""The reader's error type: one class, with a path and a place for every problem."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import DATA
from tui.store import InputFileError, read_case

MINIMAL = (DATA / "good" / "minimal.toml").read_text(encoding="utf-8")


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "case.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_syntax_error_carries_line_and_column(tmp_path: Path) -> None:
    path = _write(tmp_path, MINIMAL.replace("age = 60", "age = = 60"))
    with pytest.raises(InputFileError) as caught:
        read_case(path)
    [problem] = caught.value.problems
    line = next(n for n, text in enumerate(MINIMAL.splitlines(), 1) if text == "age = 60")
    assert (problem.line, problem.column, problem.field_path) == (line, 7, None)
    assert caught.value.path == path


def test_schema_errors_carry_field_paths_and_all_are_reported(tmp_path: Path) -> None:
    text = MINIMAL.replace("age = 60", "age = 200").replace('route = "oral"', 'rout = "oral"')
    with pytest.raises(InputFileError) as caught:
        read_case(_write(tmp_path, text))
    paths = [p.field_path for p in caught.value.problems]
    assert paths == ["patient.age", "medications[0].rout"]
    assert "did you mean 'route'?" in caught.value.problems[1].message


def test_union_tags_do_not_leak_into_field_paths(tmp_path: Path) -> None:
    with pytest.raises(InputFileError) as caught:
        read_case(_write(tmp_path, MINIMAL.replace('start = "admission"', "start = 1.5")))
    [problem] = caught.value.problems
    assert problem.field_path == "medications[0].start"


def test_bom_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "bom.toml"
    path.write_bytes(b"\xef\xbb\xbf" + MINIMAL.encode("utf-8"))
    assert read_case(path).id == "minimal-case"


def test_anchor_cycle_is_refused(tmp_path: Path) -> None:
    text = (
        MINIMAL.replace(
            'id = "admission"\nday = 0',
            'id = "admission"\nanchor = "later"\noffset = 1',
        )
        + '\n[[timeline]]\nid = "later"\nanchor = "admission"\noffset = 2\nlabel = "L"\ntext = "T"\n'
    )
    with pytest.raises(InputFileError) as caught:
        read_case(_write(tmp_path, text))
    assert [p.field_path for p in caught.value.problems] == ["timeline[0].anchor"]
    assert "does not come before" in caught.value.problems[0].message


def test_case_is_immutable() -> None:
    case = read_case(DATA / "good" / "minimal.toml")
    with pytest.raises(Exception):  # noqa: B017 - pydantic's frozen error type is an implementation detail
        case.title = "changed"  # type: ignore[misc]
