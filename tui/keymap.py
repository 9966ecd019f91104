"""The user's key map: `[keymap]` in the config rebinds actions of the catalogue by id.

Each entry is checked on its own: an unknown action, a key name no terminal sends, or a key
another action already uses where both are live, is one warning naming the entry, and the
entry is left out; every other entry still applies. Nothing here can stop the app from starting.
"""

from __future__ import annotations

import difflib
from collections.abc import Mapping
from typing import Protocol, runtime_checkable

from textual.keys import Keys, _character_to_key, key_to_character

from tui.actions import CATALOGUE, ActionSpec, live_together

MODIFIERS = frozenset({"ctrl", "shift", "alt", "meta", "super", "hyper"})
_NAMED_KEYS = frozenset(str(key.value) for key in Keys) | {"space", "enter", "escape", "tab", "backspace"}


def normalize_keys(keys: str) -> list[str]:
    """`"?, ctrl+s"` -> `["question_mark", "ctrl+s"]`: Textual's names, as bindings use them."""
    return [_character_to_key(key) if len(key) == 1 else key for key in (k.strip() for k in keys.split(",")) if key]


def is_key_name(key: str) -> bool:
    """Whether `key` names a key a terminal can send: a character, or a named key, with modifiers."""
    *modifiers, base = key.split("+") if not key.endswith("++") else [*key[:-2].split("+"), "plus"]
    if any(modifier not in MODIFIERS for modifier in modifiers) or not base:
        return False
    return len(base) == 1 or base in _NAMED_KEYS or key_to_character(base) is not None


def effective_keys(action: ActionSpec, keymap: Mapping[str, str]) -> list[str]:
    """The keys that run `action` once the key map is applied."""
    return normalize_keys(keymap.get(action.id, action.keys))


def resolve_keymap(raw: Mapping[str, object]) -> tuple[dict[str, str], list[str]]:
    """The usable entries of a user's key map, normalised, and one warning line per entry left out."""
    accepted: dict[str, str] = {}
    warnings: list[str] = []
    for action_id, value in raw.items():
        problem = _entry_problem(action_id, value, accepted)
        if problem:
            warnings.append(f"keymap: {action_id!r}: {problem}; the default keys stay")
            continue
        accepted[action_id] = ",".join(normalize_keys(str(value)))
    return accepted, warnings


def _entry_problem(action_id: str, value: object, accepted: Mapping[str, str]) -> str | None:
    action = CATALOGUE.get(action_id)
    if action is None:
        close = difflib.get_close_matches(action_id, CATALOGUE.ids(), n=1, cutoff=0.6)
        return f"no such action; did you mean {close[0]!r}?" if close else "no such action (help, ?, lists them)"
    if not isinstance(value, str) or not value.strip():
        return 'give the keys as a string, such as "A" or "ctrl+a,A"'
    keys = normalize_keys(value)
    bad = [key for key in keys if not is_key_name(key)]
    if bad or not keys:
        return f"{bad[0] if bad else value!r} is not a key name"
    trial = {**accepted, action_id: ",".join(keys)}
    for other in CATALOGUE:
        if other.id == action_id or not live_together(other.context, action.context):
            continue
        shared = set(keys) & set(effective_keys(other, trial))
        if shared:
            return f"{sorted(shared)[0]!r} already runs {other.id!r} there"
    return None


@runtime_checkable
class HasKeymap(Protocol):
    """An app that applied a user key map (help and the palette show the keys it made)."""

    keymap: Mapping[str, str]


def keymap_of(app: object) -> Mapping[str, str]:
    return app.keymap if isinstance(app, HasKeymap) else {}
