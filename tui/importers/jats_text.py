"""The words of a JATS element as they read: inline markup flattened, figures and tables left out.

`<italic>fentanyl</italic>`, `H<sub>2</sub>O`, `<xref>12</xref>` read as `fentanyl`, `H2O`,
`12`: their words stay, their markup goes. A figure or table inside a paragraph (PMC puts
them there) is left out but the words after it are kept. Spaces of every kind become one
ordinary space.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from tui.importers.text_clean import plain_spaces

if TYPE_CHECKING:
    from xml.etree.ElementTree import Element

LEFT_OUT = {
    "fig": "a figure",
    "fig-group": "a figure group",
    "table-wrap": "a table",
    "table-wrap-group": "a table group",
    "disp-formula": "a displayed formula",
    "supplementary-material": "supplementary material",
    "media": "a media item",
    "graphic": "a graphic",
    "alternatives": "an alternative rendering",
    "ref-list": "a reference list",
    "fn-group": "footnotes",
}
"""Elements whose content is not running text, and how a note names each."""


@dataclass(slots=True)
class Flat:
    """The words of an element, and what inside it was left out."""

    text: str
    left_out: list[str] = field(default_factory=list)


def local_name(tag: object) -> str:
    """`{http://...}article` -> `article`; comments and processing instructions have no name."""
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def flatten(element: Element) -> Flat:
    """The element's words in order, skipping what `LEFT_OUT` names."""
    pieces: list[str] = []
    left_out: list[str] = []
    _walk(element, pieces, left_out, top=True)
    return Flat(plain_spaces("".join(pieces)), left_out)


def _walk(element: Element, pieces: list[str], left_out: list[str], *, top: bool) -> None:
    name = local_name(element.tag)
    if not top and name in LEFT_OUT:
        left_out.append(LEFT_OUT[name])
    elif name in ("break", "hr"):
        pieces.append(" ")
    else:
        if element.text:
            pieces.append(element.text)
        for child in element:
            _walk(child, pieces, left_out, top=False)
        if name in ("p", "title", "list-item", "label"):
            pieces.append(" ")
    if not top and element.tail:
        pieces.append(element.tail)
