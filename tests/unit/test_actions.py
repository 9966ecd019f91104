"""The action catalogue: every binding has a unique id from it, and the defaults never clash."""

from __future__ import annotations

import importlib
import pkgutil
import re

import pytest
from textual.binding import Binding
from textual.dom import DOMNode

import tui
from tui.actions import CATALOGUE, SHADOWED_HERE, SHADOWS, live_together, shadows
from tui.keymap import effective_keys, is_key_name, normalize_keys, resolve_keymap


def _tui_classes() -> list[type[DOMNode]]:
    for module in pkgutil.walk_packages(tui.__path__, "tui."):
        if not module.name.endswith("__main__"):  # which would run the program
            importlib.import_module(module.name)
    found: list[type[DOMNode]] = []
    stack: list[type[DOMNode]] = [DOMNode]
    while stack:
        cls = stack.pop()
        stack.extend(cls.__subclasses__())
        if cls.__module__.startswith("tui."):
            found.append(cls)
    return found


def test_ids_are_unique_and_name_their_context() -> None:
    ids = CATALOGUE.ids()
    assert len(ids) == len(set(ids))
    contexts = {context.id for context in CATALOGUE.contexts()}
    for action in CATALOGUE:
        assert re.fullmatch(r"[a-z_]+(\.[a-z_]+)+", action.id), action.id
        assert action.context in contexts, action.id


def test_every_binding_in_the_package_comes_from_the_catalogue() -> None:
    classes = _tui_classes()
    assert len(classes) > 10
    for cls in classes:
        for binding in Binding.make_bindings(cls.__dict__.get("BINDINGS", [])):
            assert binding.id is not None, f"{cls.__name__}: {binding.key} has no id"
            action = CATALOGUE.get(binding.id)
            assert action is not None, binding.id
            assert (action.action, action.description) == (binding.action, binding.description)


def test_no_two_actions_live_at_once_share_a_default_key() -> None:
    actions = list(CATALOGUE)
    clashes = [
        (first.id, second.id, key)
        for index, first in enumerate(actions)
        for second in actions[index + 1 :]
        if live_together(first.context, second.context) and not shadows(first, second)
        for key in set(effective_keys(first, {})) & set(effective_keys(second, {}))
    ]
    assert clashes == []


def test_the_screen_keys_a_pane_hides_are_exactly_those_it_lists() -> None:
    actions = list(CATALOGUE)
    for context, outer in SHADOWS.items():
        hidden = {
            other.id
            for mine in CATALOGUE.in_context(context)
            for other in actions
            if other.context in outer and set(effective_keys(mine, {})) & set(effective_keys(other, {}))
        }
        assert hidden == set(SHADOWED_HERE[context])


def test_keys_are_normalised_as_textual_names_them() -> None:
    assert normalize_keys("?, ctrl+s ,A") == ["question_mark", "ctrl+s", "A"]
    assert all(is_key_name(key) for key in ("A", "question_mark", "ctrl+shift+right", "f5", "enter", "space"))
    assert not any(is_key_name(key) for key in ("ctrl+", "hyperspace", "cmd+a", "ctrl+nonsense"))


def test_a_keymap_rebinds_and_each_bad_entry_is_one_warning_naming_it() -> None:
    keymap, warnings = resolve_keymap(
        {
            "review.annotate": "A",
            "review.anotate": "B",
            "review.undo": "ctrl+nonsense",
            "review.redo": "n",
            "app.help": 5,
            "app.export": "",
        }
    )
    assert keymap == {"review.annotate": "A"}
    assert len(warnings) == 5
    by_entry = {line.split("'")[1]: line for line in warnings}
    assert "did you mean 'review.annotate'" in by_entry["review.anotate"]
    assert "'ctrl+nonsense' is not a key name" in by_entry["review.undo"]
    assert "'n' already runs 'review.next_hit'" in by_entry["review.redo"]
    assert "string" in by_entry["app.help"] and "string" in by_entry["app.export"]
    assert all(line.startswith("keymap: ") and "\n" not in line for line in warnings)


def test_a_swap_of_two_keys_is_not_a_clash() -> None:
    keymap, warnings = resolve_keymap({"review.next_hit": "N", "review.previous_hit": "n"})
    assert warnings == [], "checked against the keys as they will be once every entry applies"
    assert keymap == {"review.next_hit": "N", "review.previous_hit": "n"}


@pytest.mark.parametrize("keys", ["A", "ctrl+a,A", "f2"])
def test_a_rebound_action_loses_its_default_keys(keys: str) -> None:
    action = CATALOGUE.get("review.annotate")
    assert action is not None
    assert effective_keys(action, {"review.annotate": keys}) == normalize_keys(keys)
