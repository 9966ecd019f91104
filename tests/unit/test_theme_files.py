"""Theme files: the bundled ones are sound, a bad one costs one warning line and nothing else."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from textual.app import App
from textual.color import Color
from textual.theme import Theme

from tui.model.theme import ThemeSpec
from tui.resources import bundled_themes_dir
from tui.store.theme_files import load_theme_files
from tui.theming import register_theme_files, to_textual_theme

BUNDLED = bundled_themes_dir()
GOOD = 'name = "{name}"\nprimary = "#336699"\n'


def _luminance(hex_colour: str) -> float:
    return Color.parse(hex_colour).brightness


def _contrast(first: str, second: str) -> float:
    """WCAG contrast ratio of two `#rrggbb` colours."""

    def relative(hex_colour: str) -> float:
        channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
        linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    lighter, darker = sorted((relative(first), relative(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def test_bundled_themes_load_without_warnings() -> None:
    themes, warnings = load_theme_files(BUNDLED)
    assert warnings == []
    assert len(themes) == len(list(BUNDLED.glob("*.toml"))) >= 3
    by_name = {theme.name: theme for theme in themes}
    assert any(theme.dark for theme in themes), "no dark theme"
    assert any(not theme.dark for theme in themes), "no light theme"
    high_contrast = [theme for name, theme in by_name.items() if "high-contrast" in name]
    assert high_contrast, "no high-contrast theme"
    for theme in high_contrast:
        assert theme.foreground is not None and theme.background is not None
        assert _contrast(theme.foreground, theme.background) >= 7.0  # WCAG AAA for body text


def test_bundled_light_and_dark_themes_match_their_backgrounds() -> None:
    """`dark` tells Textual how to derive shades; a wrong flag gives unreadable derived colours."""
    themes, _ = load_theme_files(BUNDLED)
    for theme in themes:
        assert theme.background is not None
        assert (_luminance(theme.background) < 0.5) == theme.dark, theme.name


@pytest.mark.parametrize(
    ("content", "place"),
    [
        ('name = "broken"\nprimary = "#336699\n', r"broken\.toml:2:\d+: TOML syntax"),
        ('name = "broken"\nprimary = "#3366zz"\n', r"broken\.toml: primary: "),
        (
            'name = "broken"\nprimary = "#336699"\nbackgroud = "#000000"\n',
            r"broken\.toml: backgroud: unknown key .*'background'",
        ),
        ('name = "Not A Slug"\nprimary = "#336699"\n', r"broken\.toml: name: "),
        ('name = "broken"\n', r"broken\.toml: primary: missing required field"),
        ("", r"broken\.toml: file is empty"),
    ],
    ids=["bad-toml", "bad-colour", "unknown-key", "bad-name", "missing-primary", "empty"],
)
def test_a_bad_theme_is_one_warning_and_the_good_ones_still_load(tmp_path: Path, content: str, place: str) -> None:
    for source in BUNDLED.glob("*.toml"):
        shutil.copy(source, tmp_path / source.name)
    (tmp_path / "broken.toml").write_text(content, encoding="utf-8")

    themes, warnings = load_theme_files(tmp_path)

    assert len(warnings) == 1
    assert "\n" not in warnings[0]
    assert re.match(re.escape(str(tmp_path)) + "/" + place, warnings[0]), warnings[0]
    assert sorted(theme.name for theme in themes) == sorted(t.name for t in load_theme_files(BUNDLED)[0])


def test_several_problems_in_one_file_stay_on_one_line(tmp_path: Path) -> None:
    (tmp_path / "bad.toml").write_text('name = "Bad Name"\nprimary = "red"\nfoo = 1\n', encoding="utf-8")
    themes, warnings = load_theme_files(tmp_path)
    assert themes == []
    assert len(warnings) == 1
    assert warnings[0].count(str(tmp_path / "bad.toml") + ": ") == 3
    for field in ("name", "primary", "foo"):
        assert f"bad.toml: {field}: " in warnings[0]


def test_a_duplicate_name_is_warned_and_the_first_file_wins(tmp_path: Path) -> None:
    (tmp_path / "a.toml").write_text(GOOD.format(name="ocean"), encoding="utf-8")
    (tmp_path / "b.toml").write_text('name = "ocean"\nprimary = "#000000"\n', encoding="utf-8")
    themes, warnings = load_theme_files(tmp_path)
    assert [(theme.name, theme.primary) for theme in themes] == [("ocean", "#336699")]
    assert warnings == [f"{tmp_path / 'b.toml'}: name: theme 'ocean' is already defined by a.toml"]


def test_only_visible_toml_files_are_read_in_name_order(tmp_path: Path) -> None:
    for name in ("zeta", "alpha", "mid"):
        (tmp_path / f"{name}.toml").write_text(GOOD.format(name=name), encoding="utf-8")
    (tmp_path / "notes.txt").write_text("not a theme", encoding="utf-8")
    (tmp_path / "._alpha.toml").write_bytes(b"\x00\x05\x16\x07 resource fork")
    themes, warnings = load_theme_files(tmp_path)
    assert warnings == []
    assert [theme.name for theme in themes] == ["alpha", "mid", "zeta"]


def test_a_missing_folder_is_no_themes_and_no_warnings(tmp_path: Path) -> None:
    assert load_theme_files(tmp_path / "absent") == ([], [])


def test_a_file_where_the_folder_should_be_is_one_warning(tmp_path: Path) -> None:
    not_a_folder = tmp_path / "themes"
    not_a_folder.write_text("", encoding="utf-8")
    themes, warnings = load_theme_files(not_a_folder)
    assert themes == []
    assert warnings == [f"{not_a_folder}: is not a folder, so it holds no themes"]


def test_to_textual_theme_keeps_every_value() -> None:
    spec = ThemeSpec(name="ocean", dark=False, primary="#336699", background="#fafafa", error="#aa0000")
    theme = to_textual_theme(spec)
    assert isinstance(theme, Theme)
    assert (theme.name, theme.dark, theme.primary) == ("ocean", False, "#336699")
    assert (theme.background, theme.error, theme.surface) == ("#fafafa", "#aa0000", None)
    theme.to_color_system().generate()  # Textual accepts every colour.


def test_every_bundled_theme_converts_with_all_its_colours() -> None:
    for spec in load_theme_files(BUNDLED)[0]:
        theme = to_textual_theme(spec)
        for field, value in spec.model_dump().items():
            assert getattr(theme, field) == value, (spec.name, field)
        theme.to_color_system().generate()


def test_register_theme_files_makes_the_themes_available(tmp_path: Path) -> None:
    for source in BUNDLED.glob("*.toml"):
        shutil.copy(source, tmp_path / source.name)
    (tmp_path / "broken.toml").write_text("name = ", encoding="utf-8")
    app: App[None] = App()

    names, warnings = register_theme_files(app, tmp_path)

    expected = sorted(spec.name for spec in load_theme_files(BUNDLED)[0])
    assert sorted(names) == expected
    assert set(expected) <= set(app.available_themes)
    assert app.available_themes["case-review-light"].dark is False
    assert len(warnings) == 1 and "broken.toml:1:" in warnings[0]
    app.theme = "case-review-high-contrast"  # Textual refuses an unregistered name.
    assert app.current_theme.name == "case-review-high-contrast"
