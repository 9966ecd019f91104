"""Tell a heading from a line of text, a run-in label or a figure caption.

A heading is a short line standing on its own: after a blank line or a finished sentence,
before a line that starts a sentence. It is recognised by one of four shapes: the names
case reports use for their parts ("Case presentation", "Discussion"), a section number
("2", "2.1", "II."), capitals ("CASE REPORT"), or, least sure and so reported, a short
line much narrower than the text around it. "Abbreviations:" and "Conceptualization:"
begin a paragraph and so are labels, not headings; "Figure 2." begins a caption.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

SECTION_NAMES = frozenset(
    """abstract|summary|background|introduction|case presentation|case report|case reports|case description|
    case history|case summary|case|case details|presentation of case|clinical presentation|case study|
    patient information|clinical findings|timeline|diagnostic assessment|diagnosis|differential diagnosis|
    therapeutic intervention|therapeutic interventions|treatment|intervention|interventions|management|
    follow-up|follow-up and outcomes|outcome and follow-up|outcomes|outcome|discussion|discussion and conclusion|
    discussion and conclusions|conclusion|conclusions|concluding remarks|learning points|lessons learned|
    take-home messages|patient perspective|informed consent|patient consent|ethics|ethics statement|
    methods|results|literature review|review of the literature|investigations|history|physical examination|
    laboratory findings|imaging findings|objective|objectives|aim|aims|rationale|main text""".replace("\n", "").split(
        "|"
    )
)
"""Names case reports give their parts (CARE's headings among them), compared case-insensitively."""

BACK_MATTER = frozenset(
    """references|bibliography|literature cited|acknowledgements|acknowledgments|acknowledgement|acknowledgment|
    funding|funding information|sources of funding|competing interests|conflict of interest|conflicts of interest|
    declaration of competing interest|declarations|disclosure|disclosures|author contributions|
    authors' contributions|authors’ contributions|contributors|availability of data and materials|
    data availability|data availability statement|abbreviations|supplementary material|
    supplementary information|supplementary materials|publisher's note|publisher’s note|author information|
    footnotes|notes|additional information|orcid""".replace("\n", "").split("|")
)
"""Parts after the report proper: left out of the record (a reviewer reads the case, not its credits)."""

ABSTRACT_NAMES = frozenset({"abstract", "summary"})
NOT_LABELS = frozenset({"keywords", "key words", "keyword", "abbreviations", "mesh terms", "mesh", "key points"})
"""Run-in words that open a line in the abstract without starting a part of it."""

_NUMBERED = re.compile(r"^(\d{1,2}(?:\.\d{1,2}){0,3})\.?\s+(\S.*)$")
_ROMAN = re.compile(r"^([IVX]{1,5})\.\s+(\S.*)$")
_CAPTION = re.compile(
    r"^(?:supplementary\s+|suppl\.?\s+)?(?:figure|fig\.?|table|chart|video)\s*S?\d+[A-Za-z]?"
    r"(?:\s*[.:|–—-]|\s+\(?(?-i:[A-Z]))",
    re.IGNORECASE,
)
_RUN_IN = re.compile(r"^([A-Z][^\W\d_]*(?:[ \-/&'’,][^\W\d_]+){0,5})\s*[:.]\s+(?=\S)")
_NUMBERED_CASE = re.compile(r"^(?:case|patient|case report)\s+(?:\d{1,2}|[IVX]{1,4})$", re.IGNORECASE)
"""`Case 1`, `Patient II`: the parts of a case series."""
_TIME_OR_UNIT = re.compile(r"^(?:days?|weeks?|months?|years?|hours?|minutes?|mg|g|ml|mm|cm|patients?)\b", re.I)
_SENTENCE_END = (".", "!", "?", ":", ";", ")", "]", "”", '"', "’")

Shape = Literal["named", "numbered", "capitals", "layout"]


@dataclass(frozen=True, slots=True)
class Heading:
    """A recognised heading: its words without the number, its depth, and how it was recognised."""

    title: str
    level: int
    shape: Shape

    @property
    def key(self) -> str:
        """The title as compared with the lists of names."""
        return normalise_name(self.title)


def normalise_name(title: str) -> str:
    """`CASE PRESENTATION:` and `Case  presentation` compare equal."""
    return " ".join(title.replace("’", "'").strip().rstrip(":").split()).casefold()


def is_caption(line: str) -> bool:
    """A figure or table caption: `Figure 1.`, `Fig. 2 MRI ...`, `Table 1 | Laboratory values`."""
    return bool(_CAPTION.match(line.strip()))


def run_in_name(line: str) -> str | None:
    """The normalised word(s) before a colon opening `line` (`keywords`, `case presentation`), if any."""
    match = _RUN_IN.match(line)
    return normalise_name(match.group(1)) if match and match.group(0).rstrip().endswith(":") else None


def run_in_label(paragraph: str) -> tuple[str, str] | None:
    """`Background: text` as (`Background`, `text`); None when the paragraph opens with no label."""
    match = _RUN_IN.match(paragraph)
    if not match or normalise_name(match.group(1)) in NOT_LABELS:
        return None
    if match.group(0).rstrip().endswith(".") and normalise_name(match.group(1)) not in SECTION_NAMES:
        return None  # "He was well. Then ..." is a sentence, not a label.
    return match.group(1).strip(), paragraph[match.end() :]


def heading_of(line: str, before: str, after: str, width: int) -> Heading | None:
    """`line` as a heading, given the lines around it (blank when none) and the text's usual line width."""
    text = " ".join(line.split())
    if not text or len(text) > 100 or len(text.split()) > 12 or is_caption(text):
        return None
    if text.endswith((".", ",", ";")) or text[-1] == "-":
        return None
    if before.strip() and not before.rstrip().endswith(_SENTENCE_END):
        return None
    following = after.strip()
    if following and not (following[0].isupper() or following[0].isdigit() or following[0] in "(“\"'"):
        return None
    bare = text.rstrip(":").strip()
    if ":" in bare:
        return None
    if numbered := _numbered(bare):
        return numbered
    if normalise_name(bare) in SECTION_NAMES | BACK_MATTER or _NUMBERED_CASE.match(bare):
        return Heading(bare, 1, "named")
    letters = [char for char in bare if char.isalpha()]
    if len(letters) >= 4 and all(char.isupper() for char in letters) and len(bare.split()) <= 8:
        return Heading(bare, 1, "capitals")
    if (
        not before.strip()
        and following
        and bare[0].isupper()
        and len(bare.split()) <= 6
        and len(bare) <= width * 0.6
        and not any(char.isdigit() for char in bare)
    ):
        return Heading(bare, 1, "layout")
    return None


def _numbered(text: str) -> Heading | None:
    match = _NUMBERED.match(text) or _ROMAN.match(text)
    if not match:
        return None
    number, rest = match.group(1), match.group(2).strip()
    if not rest[0].isupper() or len(rest.split()) > 10 or _TIME_OR_UNIT.match(rest) or "," in rest:
        return None
    level = 1 if number[0] in "IVX" else number.count(".") + 1
    return Heading(rest, level, "numbered")
