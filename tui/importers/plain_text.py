"""A plain-text report (as copied out of a PDF or a web page) to a `ReportDraft`.

The text is taken in layers, each undoing one thing the page did to the report: odd spaces
and ligatures, page furniture, the title block, headings (numbered, named, in capitals),
the abstract's run-in labels, wrapped lines and line-end hyphenation, and paragraphs that a
page break or a caption cut in two. What is left out (front matter, captions, back matter)
is named in the draft's notes, never silently dropped.
"""

from __future__ import annotations

import re
import statistics
from dataclasses import dataclass, field

from tui.importers.dehyphenate import Vocabulary, join_break
from tui.importers.draft import DraftSection, ReportDraft
from tui.importers.furniture import find_doi, remove_furniture
from tui.importers.headings import (
    ABSTRACT_NAMES,
    BACK_MATTER,
    NOT_LABELS,
    SECTION_NAMES,
    Heading,
    heading_of,
    is_caption,
    normalise_name,
    run_in_label,
    run_in_name,
)
from tui.importers.text_clean import clean_text

_TYPE_LABEL = re.compile(
    r"^(?:case\s+reports?|case\s+study|clinical\s+case|research(?:\s+article)?|original\s+(?:article|research)|"
    r"open\s+access|brief\s+report|short\s+communication|letter(?:\s+to\s+the\s+editor)?|article|images?\s+in\s+\w+)$",
    re.IGNORECASE,
)
_TERMINAL = (".", "!", "?", ":", "”", '"', "’", ")", "]")
_GLOSSARY = re.compile(
    r"^(?:abbreviations|conceptuali[sz]ation|data curation|formal analysis|funding acquisition|methodology|"
    r"project administration|writing\s*[–-]\s*original draft|writing\s*[–-]\s*review)\s*:",
    re.IGNORECASE,
)
_PROSE = re.compile(r"[a-z)\]][.!?]\s+[A-Z]")


@dataclass(slots=True)
class _Part:
    """A heading (None for text before any) and the blocks of lines under it."""

    heading: Heading | None
    blocks: list[list[str]] = field(default_factory=list)


def read_plain_text(text: str, source_file: str, fallback_title: str) -> ReportDraft:
    """The draft of one plain-text report; `fallback_title` stands in when no title can be found."""
    lines = clean_text(text).split("\n")
    doi = find_doi(lines)
    lines, removed = remove_furniture(lines)
    vocabulary = Vocabulary.of(lines)
    width = _usual_width(lines)
    title, start = _title(lines, width)
    draft = ReportDraft(title=title or fallback_title, source_file=source_file, doi=doi)
    if title is None:
        draft.note(f"no title found at the top of the report; the file name {fallback_title!r} stands in")
    if removed:
        draft.note(f"{removed} line(s) of page furniture left out (running heads, page numbers, stamps, links)")
    parts = _parts(lines[start:], width, draft)
    _build_sections(parts, vocabulary, draft)
    _note_lost_conclusion(draft)
    if vocabulary.guessed:
        shown = ", ".join(sorted(set(vocabulary.guessed))[:12])
        draft.note(f"line-end hyphens joined without other evidence (check these words): {shown}")
    return draft


def _usual_width(lines: list[str]) -> int:
    lengths = [len(line.strip()) for line in lines if len(line.strip()) >= 20]
    return int(statistics.median(lengths)) if lengths else 60


def _title(lines: list[str], width: int) -> tuple[str | None, int]:
    """The first block that is neither a type label nor a heading, and the line after it."""
    index = 0
    while index < len(lines):
        stripped = lines[index].strip()
        if not stripped or _TYPE_LABEL.match(stripped):
            index += 1
            continue
        if heading_of(lines[index], "", _next_text(lines, index), width) and not _is_layout_only(lines, index, width):
            return None, index
        block: list[str] = []
        while index < len(lines) and lines[index].strip() and len(block) < 6:
            if block and heading_of(lines[index], block[-1] + ".", _next_text(lines, index), width):
                break
            block.append(lines[index].strip())
            index += 1
        title = " ".join(" ".join(block).split())
        if len(title) > 400 or _PROSE.search(title):
            return None, index - len(block)
        return title, index
    return None, 0


def _is_layout_only(lines: list[str], index: int, width: int) -> bool:
    # A title is often a short line on its own; only a named or numbered heading rules it out.
    found = heading_of(lines[index], "", _next_text(lines, index), width)
    return found is not None and found.shape == "layout"


def _next_text(lines: list[str], index: int) -> str:
    return lines[index + 1] if index + 1 < len(lines) else ""


def _parts(lines: list[str], width: int, draft: ReportDraft) -> list[_Part]:
    """Lines grouped under their headings, blocks split at blank lines; captions left out."""
    parts = [_Part(None)]
    block: list[str] = []
    captions = 0
    in_caption = False
    for index, line in enumerate(lines):
        if not line.strip():
            if block:
                parts[-1].blocks.append(block)
            block, in_caption = [], False
            continue
        before = block[-1] if block else ""
        heading = heading_of(line, before, _next_text(lines, index), width)
        if heading is not None:
            if block:
                parts[-1].blocks.append(block)
            block = []
            parts.append(_Part(heading))
            if heading.shape == "layout":
                draft.note(f"heading recognised by its layout alone: {heading.title!r}")
            continue
        if block and _opens_labelled_part(block[-1], line):
            parts[-1].blocks.append(block)
            block, in_caption = [], False
        if not block and is_caption(line):
            in_caption = True
            captions += 1
        if not in_caption:
            block.append(line)
    if block:
        parts[-1].blocks.append(block)
    if captions:
        draft.note(f"{captions} figure or table caption(s) left out")
    return parts


def _opens_labelled_part(previous: str, line: str) -> bool:
    """`Case presentation: ...` on the line after a finished sentence starts a new part, blank line or not."""
    name = run_in_name(line.strip())
    return name is not None and previous.rstrip().endswith(_TERMINAL) and name in SECTION_NAMES | NOT_LABELS


def _paragraphs(blocks: list[list[str]], vocabulary: Vocabulary, draft: ReportDraft) -> list[str]:
    """Blocks joined into paragraphs: a block that stops mid-sentence goes on in the next one.

    A glossary or a credit list ("Abbreviations: ...", "Conceptualization: ...") is not the
    report's narrative and is left out, with a note. Pieces are collected in lists and joined
    once, so a long report costs time in proportion to its length.
    """
    paragraphs: list[list[str]] = []
    for block in blocks:
        pieces = _join_lines(block, vocabulary)
        if not pieces:
            continue
        if _GLOSSARY.match(pieces[0]):
            draft.note(f"left out: {' '.join(pieces)[:60]!r}")
            continue
        if paragraphs and (not paragraphs[-1][-1].endswith(_TERMINAL) or pieces[0][:1].islower()):
            _append_line(paragraphs[-1], pieces, vocabulary)
        else:
            paragraphs.append(pieces)
    joined = (" ".join(" ".join(pieces).split()) for pieces in paragraphs)
    return [paragraph for paragraph in joined if paragraph]


def _join_lines(block: list[str], vocabulary: Vocabulary) -> list[str]:
    """A block's lines as pieces to join with spaces, line-end hyphenation already resolved."""
    pieces: list[str] = []
    for line in block:
        piece = line.strip()
        if piece:
            _append_line(pieces, [piece], vocabulary)
    return pieces


def _append_line(pieces: list[str], more: list[str], vocabulary: Vocabulary) -> None:
    """Add `more` after `pieces`; a piece ending in a hyphen meets the next one by `join_break`."""
    if pieces and more and pieces[-1].endswith("-") and not pieces[-1].endswith(" -"):
        last = pieces.pop()
        words_before, _, last_word = last.rpartition(" ")
        joined = join_break(last_word, more[0], vocabulary)
        pieces.append(f"{words_before} {joined}" if words_before else joined)
        pieces.extend(more[1:])
    else:
        pieces.extend(more)


def _build_sections(parts: list[_Part], vocabulary: Vocabulary, draft: ReportDraft) -> None:
    """Parts to sections: nesting by number, abstract labels as sub-sections, back matter left out."""
    lead, *headed = parts
    if lead.blocks:
        paragraphs = _paragraphs(lead.blocks, vocabulary, draft)
        if headed and not any(_PROSE.search(p) for p in paragraphs):
            draft.note(
                f"{len(paragraphs)} block(s) of front matter before the first heading left out (authors, affiliations)"
            )
        elif paragraphs:
            draft.sections.append(DraftSection("Text", paragraphs))
            if headed:
                draft.note("text before the first heading kept as a section titled 'Text'")
            else:
                draft.note("no headings found; the whole report is one section titled 'Text'")
    open_levels: list[tuple[int, int]] = []  # (level, section index) of numbered headings still open
    skipping = False
    for part in headed:
        heading = part.heading
        assert heading is not None
        if heading.key in BACK_MATTER:
            skipping = True
            draft.note(f"back matter left out: {heading.title!r}")
            continue
        if skipping and heading.shape == "layout":
            continue
        skipping = False
        parent = None
        if heading.shape == "numbered":
            while open_levels and open_levels[-1][0] >= heading.level:
                open_levels.pop()
            parent = open_levels[-1][1] if open_levels else None
            open_levels.append((heading.level, len(draft.sections)))
        paragraphs = _paragraphs(part.blocks, vocabulary, draft)
        if heading.key in ABSTRACT_NAMES:
            _add_abstract(heading.title, paragraphs, draft)
        else:
            draft.sections.append(DraftSection(heading.title, paragraphs, parent))


def _add_abstract(title: str, paragraphs: list[str], draft: ReportDraft) -> None:
    """The abstract, with a sub-section for each run-in label ("Background: ...")."""
    abstract_index = len(draft.sections)
    abstract = DraftSection(title)
    draft.sections.append(abstract)
    current = abstract
    for paragraph in paragraphs:
        label = run_in_label(paragraph)
        if label is not None:
            current = DraftSection(label[0], [label[1]], abstract_index)
            draft.sections.append(current)
        elif normalise_name(paragraph.split(":", 1)[0]) in NOT_LABELS:
            draft.note(f"the abstract's {paragraph.split(':', 1)[0].strip()!r} line left out")
        else:
            current.paragraphs.append(paragraph)


def _note_lost_conclusion(draft: ReportDraft) -> None:
    """A last paragraph opening "In conclusion" with no Conclusion heading: the heading may have been lost."""
    titles = {normalise_name(s.title) for s in draft.sections if s.parent is None}
    if titles & {"conclusion", "conclusions", "concluding remarks"} or not draft.sections:
        return
    last = draft.sections[-1]
    if last.paragraphs and re.match(r"^(?:in\s+conclusion|to\s+conclude|in\s+summary)\b", last.paragraphs[-1], re.I):
        draft.note(
            f"the last paragraph of {last.title!r} opens like a conclusion, but no Conclusion heading was found; "
            "if the report has one, it was lost from this text"
        )
