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

from tui.actions import CATALOGUE, ActionSpec, live_together, shadows

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
    if len(base) == 1:
        return base.isprintable() and not base.isspace()  # a control character is not a key to show or press
    return base in _NAMED_KEYS or key_to_character(base) is not None


def effective_keys(action: ActionSpec, keymap: Mapping[str, str]) -> list[str]:
    """The keys that run `action` once the key map is applied."""
    return normalize_keys(keymap.get(action.id, action.keys))


def resolve_keymap(raw: Mapping[str, object]) -> tuple[dict[str, str], list[str]]:
    """The usable entries of a user's key map, normalised, and one warning line per entry left out.

    Clashes are judged against the keys as they will be once every usable entry applies, so
    swapping two actions' keys is not a clash; an entry that clashes is left out (its action
    keeps its default keys) and the rest are judged again without it.
    """
    warnings: dict[str, str] = {}
    candidate: dict[str, str] = {}
    for action_id, value in raw.items():
        problem = _entry_problem(action_id, value)
        if problem:
            warnings[action_id] = problem
        else:
            candidate[action_id] = ",".join(normalize_keys(str(value)))
    while True:
        clashing = {action_id: clash for action_id in candidate if (clash := _clash(action_id, candidate))}
        if not clashing:
            break
        # Leave out one entry at a time (the last written), then judge the rest again.
        action_id = list(clashing)[-1]
        warnings[action_id] = clashing[action_id]
        del candidate[action_id]
    lines = [
        f"keymap: {action_id!r}: {warnings[action_id]}; the default keys stay"
        for action_id in raw
        if action_id in warnings
    ]
    return candidate, lines


def _entry_problem(action_id: str, value: object) -> str | None:
    if CATALOGUE.get(action_id) is None:
        close = difflib.get_close_matches(action_id, CATALOGUE.ids(), n=1, cutoff=0.6)
        return f"no such action; did you mean {close[0]!r}?" if close else "no such action (help, ?, lists them)"
    if not isinstance(value, str) or not value.strip():
        return 'give the keys as a string, such as "A" or "ctrl+a,A"'
    keys = normalize_keys(value)
    bad = [key for key in keys if not is_key_name(key)]
    if bad or not keys:
        return f"{bad[0] if bad else value!r} is not a key name"
    return None


def _clash(action_id: str, keymap: Mapping[str, str]) -> str | None:
    action = CATALOGUE.get(action_id)
    if action is None:
        return None
    keys = set(effective_keys(action, keymap))
    for other in CATALOGUE:
        if other.id == action_id or not live_together(other.context, action.context) or shadows(action, other):
            continue
        shared = keys & set(effective_keys(other, keymap))
        if shared:
            return f"{sorted(shared)[0]!r} already runs {other.id!r} there"
    return None


@runtime_checkable
class HasKeymap(Protocol):
    """An app that applied a user key map (help and the palette show the keys it made)."""

    keymap: Mapping[str, str]


def keymap_of(app: object) -> Mapping[str, str]:
    return app.keymap if isinstance(app, HasKeymap) else {}
