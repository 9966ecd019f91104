"""Where the user's settings live, and reading and writing them.

A bad config file must never stop the program: reading returns the defaults and
one warning line instead of raising. Writing is atomic, so a crash while saving
leaves the previous settings rather than a truncated file.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import platformdirs
import tomli_w

from tui.model.user_config import UserConfig
from tui.store.atomic import write_atomic
from tui.store.errors import InputFileError
from tui.store.toml_file import decode_utf8, parse_toml, read_limited, validate_model

CONFIG_DIR_ENV = "CASE_REVIEW_CONFIG_DIR"
"""Overrides the platform's config folder: for tests, portable installs and several profiles."""

MAX_CONFIG_BYTES = 64 * 1024

_HEADER = "# case-review settings. case-review rewrites this file when a setting changes; comments are not kept.\n"
"""Also keeps the file non-blank when every setting is unset, so it is plainly not a truncated write."""


def config_dir() -> Path:
    """The folder holding the user's settings; an empty override counts as unset."""
    override = os.environ.get(CONFIG_DIR_ENV)
    if override:
        return Path(override).expanduser()
    return Path(platformdirs.user_config_dir("case-review"))


def config_path() -> Path:
    """The user's settings file."""
    return config_dir() / "config.toml"


def load_user_config() -> tuple[UserConfig, str | None]:
    """The user's settings and, if the file could not be used, one warning line saying why.

    A missing or blank file is simply "no settings yet"; anything else wrong
    falls back to the defaults so the program still starts.
    """
    path = config_path()
    if not path.exists():
        return UserConfig(), None
    try:
        data = read_limited(path, MAX_CONFIG_BYTES, what="config file")
        if not data.strip():
            return UserConfig(), None
        raw = parse_toml(path, decode_utf8(path, data))
        if isinstance(raw.get("keymap"), dict):
            raw["keymap"] = flatten_keymap(raw["keymap"])
        config = validate_model(path, UserConfig, raw)
    except InputFileError as error:
        return UserConfig(), "; ".join(error.lines())
    return config, None


def flatten_keymap(table: dict[str, Any], prefix: str = "") -> dict[str, object]:
    """`[keymap]` as written, to action id -> keys.

    An unquoted `review.annotate = "A"` is a nested table in TOML; it means the same as the
    quoted `"review.annotate" = "A"`, so both are read. A list of keys is one comma-separated
    string, as in a binding. Nesting is bounded by the file's size limit.
    """
    flat: dict[str, object] = {}
    for key, value in table.items():
        name = f"{prefix}.{key}" if prefix else key
        if isinstance(value, dict):
            flat.update(flatten_keymap(value, name))
        elif isinstance(value, list) and all(isinstance(item, str) for item in value):
            flat[name] = ",".join(value)
        elif isinstance(value, str | int | float | bool):
            flat[name] = value
        else:
            flat[name] = str(value)
    return flat


def save_user_config(config: UserConfig) -> None:
    """Write `config` atomically, creating the folder; unset values are left out of the file.

    Raises `OSError` if the folder or file cannot be written: the caller decides
    whether that is worth telling the user about.
    """
    path = config_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    text = _HEADER + tomli_w.dumps(config.model_dump(exclude_none=True, exclude_defaults=True))
    write_atomic(path, text.encode("utf-8"))


def default_reviewer() -> str:
    """The reviewer's name when none is given: from the user config, else the login name."""
    import getpass

    config, _warning = load_user_config()
    if config.reviewer and config.reviewer.strip():
        return config.reviewer.strip()
    try:
        return getpass.getuser() or "reviewer"
    except (KeyError, OSError):
        return "reviewer"
