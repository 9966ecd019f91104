"""The Notes pane's filter: `kind:concern status:open tag:dose words`, parsed once, matched per note."""

from __future__ import annotations

from dataclasses import dataclass
from typing import get_args

from tui.model.review import ANNOTATION_KINDS, Annotation, AnnotationStatus

ANNOTATION_STATUSES: tuple[str, ...] = get_args(AnnotationStatus)


@dataclass(frozen=True, slots=True)
class NoteFilter:
    """Every given criterion must hold; several values of one criterion are alternatives."""

    kinds: frozenset[str] = frozenset()
    statuses: frozenset[str] = frozenset()
    tags: frozenset[str] = frozenset()
    words: tuple[str, ...] = ()
    unknown_kinds: tuple[str, ...] = ()
    """Kinds asked for that no note can have: they match nothing, and the pane says so."""
    unknown_statuses: tuple[str, ...] = ()
    """Statuses asked for that no note can have."""

    def hint(self) -> str:
        """Why a filter may match nothing: the unknown kinds and statuses, with the valid ones.

        A typo such as `kind:concen` otherwise just shows no notes, as if there were none.
        """
        parts = []
        for what, unknown, valid in (
            ("kind", self.unknown_kinds, ANNOTATION_KINDS),
            ("status", self.unknown_statuses, ANNOTATION_STATUSES),
        ):
            if unknown:
                named = ", ".join(f"“{value}”" for value in unknown)
                parts.append(f"no {what} {named}: {what} is one of {', '.join(valid)}")
        return "; ".join(parts)

    def matches(self, annotation: Annotation) -> bool:
        if self.kinds and annotation.kind not in self.kinds:
            return False
        if self.statuses and annotation.status not in self.statuses:
            return False
        if self.tags and not self.tags & {t.casefold() for t in annotation.tags}:
            return False
        haystack = f"{annotation.body} {annotation.quote or ''} {' '.join(annotation.tags)}".casefold()
        return all(word in haystack for word in self.words)


def parse_filter(text: str) -> NoteFilter:
    """`kind:concern,error status:open tag:dose pca` -> a filter; unknown prefixes are plain words."""
    kinds: set[str] = set()
    statuses: set[str] = set()
    tags: set[str] = set()
    words: list[str] = []
    for token in text.casefold().split():
        key, _, value = token.partition(":")
        values = {v for v in value.split(",") if v}
        if key == "kind" and values:
            kinds |= values
        elif key == "status" and values:
            statuses |= values
        elif key == "tag" and values:
            tags |= values
        else:
            words.append(token)
    return NoteFilter(
        frozenset(kinds),
        frozenset(statuses),
        frozenset(tags),
        tuple(words),
        unknown_kinds=tuple(sorted(kinds - set(ANNOTATION_KINDS))),
        unknown_statuses=tuple(sorted(statuses - set(ANNOTATION_STATUSES))),
    )
