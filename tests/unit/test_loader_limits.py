"""Every loader answers hostile TOML with its own error, at a place, before the parser can stall.

Each input here made a loader escape its error type (RecursionError, ValueError) or take
seconds and gigabytes before the guard in `tui/store/toml_guard.py` existed.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import SEED_CASE
from tui.store import InputFileError, read_case
from tui.store.journal import journal_path, read_journal
from tui.store.review_file import read_review
from tui.store.theme_files import load_theme_files
from tui.store.toml_guard import MAX_KEY_PARTS, check_toml_shape, skeleton
from tui.store.user_config import load_user_config

TOO_DEEP = "TOML nesting is too deep to read"

HOSTILE: dict[str, tuple[str, str]] = {
    # name: (text, words the one-line error must hold)
    "dotted key of 1,500 parts": ("schema_version = 1\ntitle." + ".".join(["a"] * 1500) + " = 1\n", "1,501 parts"),
    "one key of 20,000 parts (60 KB)": ('name = "x"\nk.' + ".".join(["a"] * 20_000) + " = 1\n", "20,001 parts"),
    "table header of 40 parts": ("[" + ".".join(["t"] * 40) + "]\nx = 1\n", "40 parts"),
    "integer of 5,000 digits": ("schema_version = " + "9" * 5000 + "\n", "number overflowed"),
    "arrays 5,000 deep": ("x = " + "[" * 5000 + "]" * 5000 + "\n", TOO_DEEP),
    "inline tables 3,000 deep": ("x = " + "{a = " * 3000 + "1" + "}" * 3000 + "\n", TOO_DEEP),
}


def _case(path: Path) -> object:
    return read_case(path)


def _review(path: Path) -> object:
    return read_review(path, read_case(SEED_CASE))


LOADERS: dict[str, Callable[[Path], object]] = {"case": _case, "review": _review}


@pytest.mark.parametrize("loader", sorted(LOADERS))
@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_toml_is_one_placed_error(tmp_path: Path, loader: str, name: str) -> None:
    text, says = HOSTILE[name]
    path = tmp_path / "hostile.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputFileError) as raised:
        LOADERS[loader](path)
    [line] = raised.value.lines()
    assert line.startswith(f"{path}:") and says in line
    assert line.split(":")[1].isdigit(), "the line of the problem is named"


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_a_hostile_theme_is_one_warning_and_the_others_still_load(tmp_path: Path, name: str) -> None:
    (tmp_path / "bad.toml").write_text(HOSTILE[name][0], encoding="utf-8")
    (tmp_path / "good.toml").write_text('name = "good"\nprimary = "#112233"\n', encoding="utf-8")
    themes, warnings = load_theme_files(tmp_path)
    assert [t.name for t in themes] == ["good"]
    assert len(warnings) == 1 and "bad.toml" in warnings[0] and HOSTILE[name][1] in warnings[0]


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_a_hostile_config_falls_back_to_defaults_with_one_warning(isolated_config_dir: Path, name: str) -> None:
    (isolated_config_dir / "config.toml").write_text(HOSTILE[name][0], encoding="utf-8")
    config, warning = load_user_config()
    assert config.theme is None and warning is not None and HOSTILE[name][1] in warning


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_a_hostile_journal_is_reported_never_fatal(tmp_path: Path, name: str) -> None:
    review = tmp_path / "x.review.toml"
    journal_path(review).write_text(HOSTILE[name][0], encoding="utf-8")
    recovered, warning = read_journal(review, read_case(SEED_CASE))
    assert recovered is None and warning is not None and HOSTILE[name][1] in warning


def test_a_schema_problem_on_deep_data_is_shown_briefly(tmp_path: Path) -> None:
    """The value beside a schema problem is shown with a bounded repr: never the whole of it."""
    path = tmp_path / "case.toml"
    deep = "title = " + "[" * 30 + "1" + "]" * 30 + "\n"
    path.write_text("schema_version = 1\n" + deep, encoding="utf-8")
    with pytest.raises(InputFileError) as raised:
        read_case(path)
    assert all(len(line) < 400 for line in raised.value.lines())


def test_what_real_files_hold_passes_the_guard() -> None:
    check_toml_shape(SEED_CASE.read_text(encoding="utf-8"))
    check_toml_shape('[keymap]\nreview.pane.notes = "0"\n"a.b.c.d.e.f.g.h.i.j.k.l.m.n.o.p.q.r" = "x"\n')
    check_toml_shape(
        "x = [\n  [1.5, 2.5, 3.5, 4.5, 5.5, 6.5, 7.5, 8.5, 9.5, 10.5, 11.5, 12.5, 13.5, 14.5, 15.5, 16.5],\n]\n"
    )
    check_toml_shape("when = 2026-11-25T06:19:56.123456+00:00\nbig = 1" + "0" * 30 + "\n")
    assert MAX_KEY_PARTS >= 4


@pytest.mark.parametrize(
    "text",
    [
        "a = \"x.y.z\" # c.d\nb.c = '''q\n.r'''\n",
        'q = "a\\"b.c.d"\nr = """x\\""".y"""\n',
        "k = 'unterminated.a.b\nz = 1",
        'u = """a""""\nv.w = 1',
        '"""' + '\\"' * 1000,
    ],
)
def test_the_skeleton_keeps_every_offset_and_line(text: str) -> None:
    bare = skeleton(text)
    assert len(bare) == len(text)
    assert [i for i, c in enumerate(bare) if c == "\n"] == [i for i, c in enumerate(text) if c == "\n"]
