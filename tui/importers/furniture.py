"""Page furniture: the lines a printed page adds around the report's words, found and taken out.

A report copied out of a PDF carries running heads, page numbers, "Downloaded from ..."
stamps, licence lines and bare links between its sentences. None of them is the report's
text, and left in they split paragraphs and sentences in two. Each rule here is about the
shape of such a line, never about one journal's wording; a line that repeats on many
pages (a running head with a changing page number) is found by repetition.
"""

from __future__ import annotations

import re
from collections import Counter

_PAGE_NUMBER = re.compile(r"^\s*(?:page\s+)?\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?\s*$", re.IGNORECASE)
_STAMPS = re.compile(
    r"^\s*(?:downloaded\s+(?:from|by|on)\b|accessed\s+on\b|for\s+personal\s+use\s+only|"
    r"©|\(c\)\s*\d{4}|copyright\b|all\s+rights\s+reserved|"
    r"this\s+(?:article|is\s+an\s+open\s+access\s+article)\b.*\b(?:licen[cs]e|creative\s+commons)|"
    r"full\s+list\s+of\s+author\s+information|author\s+manuscript|"
    r"\(?continued(?:\s+on\s+next\s+page)?\)?\s*$|"
    r"(?:received|accepted|published(?:\s+online)?|revised)\s*:?\s+\d{1,2}\s+\w+\s+\d{4})",
    re.IGNORECASE,
)
_BARE_LINK = re.compile(r"^\s*(?:https?://|www\.)\S+\s*$", re.IGNORECASE)
_DOI = re.compile(r"\b(10\.\d{4,9}/[^\s\"<>]+[^\s\"<>.,;)\]])")
_DOI_LINE = re.compile(r"^\s*(?:doi\s*:?\s*|https?://(?:dx\.)?doi\.org/)10\.\d{4,9}/\S+\s*$", re.IGNORECASE)
_DIGITS = re.compile(r"\d+")

HEAD_WORDS = 5
"""How many first words of a line make its running-head shape."""

RUNNING_HEAD_REPEATS = 3
"""A short line seen this often (numbers aside) is a running head, not a sentence."""


def find_doi(lines: list[str]) -> str | None:
    """The report's own DOI, from a `doi:` or doi.org line near the top, where journals print it."""
    for line in lines[:80]:
        if "doi" in line.lower() and (match := _DOI.search(line)):
            return match.group(1)
    return None


def remove_furniture(lines: list[str]) -> tuple[list[str], int]:
    """The lines without page furniture (removed lines become blank), and how many were removed."""
    shapes = Counter(_shape(line) for line in lines if _is_head_candidate(line))
    repeated = {shape for shape, count in shapes.items() if count >= RUNNING_HEAD_REPEATS}
    kept: list[str] = []
    removed = 0
    for line in lines:
        if line.strip() and (_is_furniture(line) or (_is_head_candidate(line) and _shape(line) in repeated)):
            removed += 1
            kept.append("")
        else:
            kept.append(line)
    return kept, removed


def _is_furniture(line: str) -> bool:
    return bool(_PAGE_NUMBER.match(line) or _STAMPS.match(line) or _BARE_LINK.match(line) or _DOI_LINE.match(line))


def _is_head_candidate(line: str) -> bool:
    # Running heads are short, never a sentence's end, and of three words or more (a journal, "Smith et al.
    # Case Rep ..."): "Case 1", "Case 2", "Case 3" in a case series are headings however often they come.
    stripped = line.strip()
    return 0 < len(stripped) <= 120 and not stripped.endswith((".", ",", ";")) and len(stripped.split()) >= 3


def _shape(line: str) -> str:
    """A running head's shape: numbers as `#`, a page number in front dropped, and only its first words.

    A journal's running head keeps its first words from page to page while its end changes
    ("... Open Access" on the first page, "... Page 2 of 3" on the next).
    """
    words = _DIGITS.sub("#", " ".join(line.split()).casefold()).split()
    while words and words[0] == "#":
        words.pop(0)
    while words and words[-1] == "#":
        words.pop()
    return " ".join(words[:HEAD_WORDS])
