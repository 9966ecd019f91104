"""Join a word a typesetter broke at a line end, and keep the hyphen of a word that has one.

`compres-` + `sion` is one word; `patient-` + `controlled` and `non-` + `steroidal` are
hyphenated words that happened to meet a line end. The evidence, strongest first:

1. the report itself: the joined word, or the hyphenated one, written elsewhere in it;
2. a prefix that keeps its hyphen (`non-`, `self-`, `co-`, ...) before a whole word, or a
   second half that does (`-up`, `-induced`, `-old`);
3. an English dictionary (pyspellchecker's word list): the joined word is a word;
4. both halves are common words on their own (`patient`, `controlled`);
5. otherwise the break is a typesetter's, and the halves are joined: the common case.

A capital or a digit after the break (`anti-` + `CD20`, `COVID-` + `19`) keeps the hyphen.
Decisions from rule 5 are reported, so a reviewer can check the words that were guessed.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache

KEEP_PREFIXES = frozenset(
    {"non", "self", "well", "co", "anti", "ex", "pre", "post", "semi", "multi", "cross", "low", "high", "half"}
)
"""Prefixes that keep their hyphen before a whole word in medical writing (`co-analgesics`)."""

KEEP_TAILS = frozenset(
    ("up", "based", "related", "induced", "associated", "dependent", "free", "like", "term", "old", "specific",
     "controlled", "guided", "mediated", "sparing", "resistant", "naive", "positive", "negative")
)  # fmt: skip
"""Second halves of compounds that keep their hyphen (`follow-up`, `drug-induced`, `44-year-old`)."""

COMMON_WORD = 2_000
"""A half this frequent in the word list is a word in its own right, not a syllable (`tory`, `sion` are rarer)."""

_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")


@dataclass(slots=True)
class Vocabulary:
    """How the report writes its words: joined forms and hyphenated forms, counted once per report."""

    joined: Counter[str] = field(default_factory=Counter)
    hyphenated: Counter[str] = field(default_factory=Counter)
    guessed: list[str] = field(default_factory=list)

    @classmethod
    def of(cls, lines: list[str]) -> Vocabulary:
        """Words of the report, leaving out the halves of line-end breaks (they are what is in question)."""
        vocabulary = cls()
        previous_broke = False
        for line in lines:
            body = line.rstrip()
            breaks = body.endswith("-")
            if breaks:
                body = body[: body.rfind(" ") + 1] if " " in body else ""
            words = _WORD.findall(body)
            for word in words[1:] if previous_broke else words:
                folded = word.casefold()
                if "-" in folded:
                    vocabulary.hyphenated[folded] += 1
                    for part in folded.split("-"):
                        vocabulary.joined[part] += 1
                else:
                    vocabulary.joined[folded] += 1
            previous_broke = breaks
        return vocabulary


def join_break(left: str, right: str, vocabulary: Vocabulary) -> str:
    """`left` ends with `-` at a line end, `right` begins the next line: the two as one piece of text."""
    head = left[:-1]
    head_word = _WORD.findall(head)[-1] if _WORD.findall(head) else ""
    tail_word = m.group() if (m := _WORD.match(right)) else ""
    if not head_word or not tail_word or tail_word[0].isupper() or head[-1:].isdigit():
        return left + right
    fragment = head_word.rsplit("-", 1)[-1].casefold()
    tail = tail_word.split("-", 1)[0].casefold()
    joined, hyphenated = fragment + tail, f"{fragment}-{tail}"
    if vocabulary.joined[joined] > vocabulary.hyphenated[hyphenated]:
        return head + right
    if vocabulary.hyphenated[hyphenated]:
        return left + right
    is_word = _dictionary()
    if tail in KEEP_TAILS and len(fragment) > 1:
        return left + right
    if fragment in KEEP_PREFIXES and is_word(tail, 1):
        return left + right
    if is_word(joined, 1):
        return head + right
    if len(fragment) > 2 and is_word(fragment, COMMON_WORD) and is_word(tail, COMMON_WORD):
        return left + right
    vocabulary.guessed.append(head_word.rsplit("-", 1)[-1] + tail_word.split("-", 1)[0])
    return head + right


@cache
def _dictionary() -> Callable[[str, int], bool]:
    """`is_word(word, at_least)`: the word list loads once, on the import path only (it takes 0.2 s)."""
    try:
        from spellchecker import SpellChecker
    except ImportError:  # pragma: no cover - a dependency; without it only the report's own words count.
        return lambda word, at_least: False
    frequencies = SpellChecker(language="en", distance=1).word_frequency
    return lambda word, at_least: frequencies[word] >= at_least
