"""What a hint is, apart from the rules that make hints, so each rule module can build them."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Hint:
    """Something the case record suggests about one item: what to check, and why.

    `suggested` is an answer id the reviewer may accept with one key, or None when the record
    only says where to look. `sections` are the sections the reason refers to, best first, for
    the pane to jump to.
    """

    item: str
    suggested: str | None
    reason: str
    sections: tuple[str, ...] = ()
