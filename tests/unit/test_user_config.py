"""User settings: they survive a save and a load, and a bad file never stops the program."""

from __future__ import annotations

from pathlib import Path

import pytest

from tui.model.user_config import UserConfig
from tui.store.user_config import config_dir, config_path, load_user_config, save_user_config


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("CASE_REVIEW_CONFIG_DIR", str(tmp_path))
    return tmp_path


def test_config_path_follows_the_environment(folder: Path) -> None:
    assert config_dir() == folder
    assert config_path() == folder / "config.toml"


def test_without_the_variable_the_platform_folder_is_used(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CASE_REVIEW_CONFIG_DIR")
    assert config_dir().name == "case-review"
    monkeypatch.setenv("CASE_REVIEW_CONFIG_DIR", "")
    assert config_dir().name == "case-review"


def test_the_autouse_fixture_keeps_tests_away_from_the_real_config(isolated_config_dir: Path) -> None:
    assert config_dir() == isolated_config_dir


def test_round_trip(folder: Path) -> None:
    config = UserConfig(theme="case-review-light", reviewer='Dr. Zoë "Z" Ng')
    save_user_config(config)
    assert load_user_config() == (config, None)


def test_unset_values_are_left_out_of_the_file(folder: Path) -> None:
    save_user_config(UserConfig(theme="case-review-dark"))
    text = (folder / "config.toml").read_text(encoding="utf-8")
    assert 'theme = "case-review-dark"' in text
    assert "reviewer" not in text
    assert load_user_config() == (UserConfig(theme="case-review-dark"), None)


def test_saving_the_defaults_loads_back_without_a_warning(folder: Path) -> None:
    save_user_config(UserConfig())
    assert load_user_config() == (UserConfig(), None)


def test_saving_creates_the_folder_and_replaces_the_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    nested = tmp_path / "a" / "b"
    monkeypatch.setenv("CASE_REVIEW_CONFIG_DIR", str(nested))
    save_user_config(UserConfig(theme="one"))
    save_user_config(UserConfig(theme="two"))
    assert load_user_config() == (UserConfig(theme="two"), None)
    assert sorted(p.name for p in nested.iterdir()) == ["config.toml"]


def test_missing_file_gives_defaults(folder: Path) -> None:
    assert load_user_config() == (UserConfig(), None)


def test_blank_file_gives_defaults(folder: Path) -> None:
    (folder / "config.toml").write_text("\n  \n", encoding="utf-8")
    assert load_user_config() == (UserConfig(), None)


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b'theme = "unterminated\n', "config.toml:1:"),
        (b"theme = 3\n", "config.toml: theme: "),
        (b'them = "x"\n', "config.toml: them: unknown key 'them'; did you mean 'theme'?"),
        (b'reviewer = "' + b"x" * 201 + b'"\n', "config.toml: reviewer: "),
        (b'theme = "\xff"\n', "config.toml:1:10: invalid UTF-8"),
    ],
    ids=["bad-toml", "wrong-type", "unknown-key", "too-long", "bad-utf8"],
)
def test_malformed_file_gives_defaults_and_one_warning_line(folder: Path, content: bytes, expected: str) -> None:
    (folder / "config.toml").write_bytes(content)
    config, warning = load_user_config()
    assert config == UserConfig()
    assert warning is not None
    assert "\n" not in warning
    assert warning.startswith(str(folder / "config.toml"))
    assert expected in warning


def test_a_folder_in_place_of_the_file_is_a_warning(folder: Path) -> None:
    (folder / "config.toml").mkdir()
    config, warning = load_user_config()
    assert config == UserConfig()
    assert warning is not None and "is a directory" in warning


def test_the_model_refuses_overlong_values() -> None:
    with pytest.raises(ValueError):
        UserConfig(reviewer="x" * 201)


async def test_a_config_that_cannot_be_read_is_never_rewritten_by_a_theme_change(isolated_config_dir: Path) -> None:
    from tests.review_helpers import make_app

    broken = 'theme = "case-review-light"\nreviewer = "Ana"\nthis is not toml\n'
    (isolated_config_dir / "config.toml").write_text(broken, encoding="utf-8")
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        app.theme = "case-review-high-contrast"
        await pilot.pause()
    assert (isolated_config_dir / "config.toml").read_text(encoding="utf-8") == broken
