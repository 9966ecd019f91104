"""Figures derived from a case once and kept while the case lives.

A case record is immutable, so anything computed from it (where each place stands, the
day of each event) can be computed once and looked up after: computing it again for each
row, note or event is what made long cases slow. Caching on the model itself is not an
option (pydantic compares private attributes in `==`), so the values live here, keyed by
the case's identity and dropped when the case is collected.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable
from typing import Any, TypeVar

T = TypeVar("T")

_values: dict[tuple[int, Callable[[Any], Any]], tuple[weakref.ref[Any], Any]] = {}


def derived(source: Any, build: Callable[[Any], T]) -> T:
    """`build(source)`, computed on the first call for this `source` and remembered until it is collected.

    `build` must not keep a reference to `source` in its result, or the entry would keep the
    source alive.
    """
    key = (id(source), build)
    entry = _values.get(key)
    if entry is not None and entry[0]() is source:
        value: T = entry[1]
        return value
    value = build(source)

    def forget(_gone: weakref.ref[Any]) -> None:
        _values.pop(key, None)

    _values[key] = (weakref.ref(source, forget), value)
    return value
