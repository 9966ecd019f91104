"""Text-quote selectors: the words of an annotated span and a little context either side.

Stored with the offsets (as the W3C TextQuoteSelector does) so a later version of the
case text can be searched for the same words in the same surroundings.
"""

from __future__ import annotations

CONTEXT_CHARS = 32


def text_quote(text: str, start: int, end: int, context: int = CONTEXT_CHARS) -> tuple[str, str, str]:
    """(quote, prefix, suffix) for the span [start, end) of `text`."""
    return text[start:end], text[max(0, start - context) : start], text[end : end + context]
