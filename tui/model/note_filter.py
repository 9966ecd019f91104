"""The Notes pane's filter: `kind:concern status:open tag:dose words`, parsed once, matched per note."""

from __future__ import annotations

from dataclasses import dataclass

from tui.model.review import Annotation


@dataclass(frozen=True, slots=True)
class NoteFilter:
    """Every given criterion must hold; several values of one criterion are alternatives."""

    kinds: frozenset[str] = frozenset()
    statuses: frozenset[str] = frozenset()
    tags: frozenset[str] = frozenset()
    words: tuple[str, ...] = ()

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
    return NoteFilter(frozenset(kinds), frozenset(statuses), frozenset(tags), tuple(words))
