"""Blind review: what one reviewer may see of the others' reviews, and the sentence that says why.

With the team's `blind = true`, a reviewer sees the other reviewers' files (their
answers, notes, the consensus) only once their own review is marked complete, so nobody
anchors on a colleague's judgement before forming their own. Pure: the compare screen
uses it now, and the library's columns and note search can ask the same questions
(`BlindView.hides`, `visible_notes`) so every view hides the same things.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from tui.model.review import Annotation, Review


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


def blind_view(blind: bool, viewer: str, reviews: Mapping[str, Review], *, settings_file: str) -> BlindView:
    """What `viewer` (a key of `reviews`) may see under the team's `blind` rule.

    The viewer's own review is always shown; the others are hidden while blind review is on
    and the viewer's review is not marked complete (a viewer with no review yet has none complete).
    """
    own = reviews.get(viewer)
    others = tuple(key for key in reviews if key != viewer)
    if not blind or not others or (own is not None and own.review.complete):
        return BlindView(viewer, tuple(reviews), (), "")
    count = f"{len(others)} other review{'' if len(others) == 1 else 's'}"
    reason = f"Blind review ({settings_file}: blind = true): {count} hidden until you mark your review complete"
    shown = (viewer,) if own is not None else ()
    return BlindView(viewer, shown, others, reason)


def visible_notes(view: BlindView, notes: Iterable[tuple[str, Annotation]]) -> list[Annotation]:
    """The notes of (review key, note) pairs the viewer may see: for note columns and search hits."""
    return [note for key, note in notes if not view.hides(key)]


def hidden_count(view: BlindView, keys: Sequence[str]) -> int:
    """How many of `keys` are hidden: for a line such as "2 reviews hidden (blind review)"."""
    return sum(1 for key in keys if view.hides(key))
