"""Blind review: what one reviewer may see of the others' reviews, and the sentence that says why.

With the team's `blind = true`, a reviewer sees the other reviewers' files (their
answers, notes, the consensus) only once their own review is marked complete, so nobody
anchors on a colleague's judgement before forming their own. Pure: the compare screen
and the library (`tui/library/blind_library.py`) both ask it, so every view hides the same
things.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class BlindView:
    """The reviews `viewer` may see (by key) and those hidden from them, with the reason in words."""

    viewer: str
    shown: tuple[str, ...]
    hidden: tuple[str, ...]
    reason: str
    """Empty when nothing is hidden."""

    def hides(self, key: str) -> bool:
        """Whether the review under `key` (the reviewer part of its file name) is hidden from the viewer."""
        return key in self.hidden

    @property
    def blinded(self) -> bool:
        return bool(self.hidden)


def blind_view(
    blind: bool, viewer: str, keys: Sequence[str], *, own_complete: bool | None, settings_file: str
) -> BlindView:
    """What `viewer` may see of the reviews under `keys` (the reviewer parts of their file names).

    `own_complete` is whether the viewer's own review is marked complete (None: they have none
    yet, and so none complete). Their own review is always shown; the others are hidden while
    blind review is on and the viewer's review is not complete.
    """
    others = tuple(key for key in dict.fromkeys(keys) if key != viewer)
    mine = (viewer,) if viewer in keys else ()
    if not blind or not others or own_complete:
        return BlindView(viewer, (*mine, *others), (), "")
    count = f"{len(others)} other review{'' if len(others) == 1 else 's'}"
    reason = f"Blind review ({settings_file}: blind = true): {count} hidden until you mark your review complete"
    return BlindView(viewer, mine, others, reason)
