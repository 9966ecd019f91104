"""Characters a page or a PDF copy adds that are not the report's words, made plain.

Every kind of space (no-break, thin, narrow, hair, figure) becomes an ordinary space, so a
sentence can be searched and a dose read whatever the typesetter used; soft hyphens and
zero-width characters go; ligatures (ﬁ) are spelt out; a form feed is a page break, that
is a blank line. Letters are never changed: μ, ™, ’ stay as written.
"""

from __future__ import annotations

import re

_SPACES = re.compile(r"[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\t\v]")
_INVISIBLE = re.compile(r"[\u00ad\u200b-\u200d\u2060\ufeff]")
_LIGATURES = str.maketrans({"ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl", "ﬅ": "st", "ﬆ": "st"})
_TRAILING = re.compile(r"[ ]+$", re.MULTILINE)


def clean_text(text: str) -> str:
    """`text` with line ends unified and every oddity above made plain."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n\n")
    text = _INVISIBLE.sub("", _SPACES.sub(" ", text)).translate(_LIGATURES)
    return _TRAILING.sub("", text)


def plain_spaces(text: str) -> str:
    """Every kind of space as an ordinary one, runs of them as one: for words read from XML."""
    return " ".join(_INVISIBLE.sub("", _SPACES.sub(" ", text)).translate(_LIGATURES).split())
