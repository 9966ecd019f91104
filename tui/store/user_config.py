"""Where the user's settings live, and reading and writing them.

A bad config file must never stop the program: reading returns the defaults and
one warning line instead of raising. Writing is atomic, so a crash while saving
leaves the previous settings rather than a truncated file.
"""

from __future__ import annotations

import os
from pathlib import Path

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
        config = validate_model(path, UserConfig, parse_toml(path, decode_utf8(path, data)))
    except InputFileError as error:
        return UserConfig(), "; ".join(error.lines())
    return config, None


def save_user_config(config: UserConfig) -> None:
    """Write `config` atomically, creating the folder; unset values are left out of the file.

    Raises `OSError` if the folder or file cannot be written: the caller decides
    whether that is worth telling the user about.
    """
    path = config_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    text = _HEADER + tomli_w.dumps(config.model_dump(exclude_none=True))
    write_atomic(path, text.encode("utf-8"))
