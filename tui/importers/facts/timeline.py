"""Time phrases placed on the day axis: day 0 is admission (or consultation, presentation).

"2 weeks before the consultation" is day -14 (approximate: a week is not counted in days),
"7 days after admission" day 7, "on day 2" day 2. "3 days later" and "the next day" count
from the event told just before; as the report does not say which event "later" counts
from, such an event is flagged for review. A phrase counting from another event ("5 days
after surgery") is anchored to the last event that names it, else left without a day.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_COUNT = r"(?P<n>\d{1,3}|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|a few|few)"
_UNIT = r"(?P<unit>hours?|days?|weeks?|months?|years?)"
_DETERMINER = r"(?:the\s+|an?\s+|his\s+|her\s+|their\s+|our\s+|this\s+)?(?:first\s+|initial\s+)?"
_REFERENCE = rf"(?P<ref>{_DETERMINER}[a-z][\w-]*(?:\s+of\s+[\w-]+)?)"
_RELATIVE = re.compile(
    rf"\b{_COUNT}\s+{_UNIT}\s+(?P<dir>before|after|prior\s+to|following|preceding)\s+{_REFERENCE}", re.IGNORECASE
)
_LATER = (
    re.compile(rf"\b{_COUNT}\s+{_UNIT}\s+(?:later|afterwards?|thereafter)\b", re.IGNORECASE),
    re.compile(rf"\bafter\s+(?:another\s+)?{_COUNT}\s+{_UNIT}\b(?!\s+(?:of|from|in)\b)", re.IGNORECASE),
)
_NEXT_DAY = re.compile(r"\b(?:the\s+(?:next|following)\s+day|the\s+day\s+after\b|the\s+next\s+morning)", re.I)
_DAY_N = re.compile(
    r"\b(?:on\s+)?(?:hospital\s+)?day\s+(?P<day>\d{1,3})\b(?!\s*(?:of\s+(?:the\s+)?(?:cycle|course)))", re.I
)
_ADMISSION = re.compile(
    r"\b(?:was|were)\s+(?:admitted|hospitali[sz]ed|referred)\b|\b(?:on|at|upon)\s+admission\b|\bpresented\s+to\s+(?:our|the)\b",
    re.IGNORECASE,
)
DAY_ZERO = re.compile(
    rf"^{_DETERMINER}(?:admission|presentation|consultation|hospitali[sz]ation|referral|visit|arrival)\b", re.I
)
_WORD_NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                 "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12}  # fmt: skip
_DAYS = {"hour": 0, "day": 1, "week": 7, "month": 30, "year": 365}


@dataclass(frozen=True, slots=True)
class TimePhrase:
    """A time phrase of a sentence and how it places its event."""

    words: str
    start: int
    day: int | None = None
    offset: int | None = None
    """Days after the event it counts from (`reference`, or the event before when that is None)."""
    reference: str | None = None
    approximate: bool = False
    admission: bool = False


def time_phrases(sentence: str) -> list[TimePhrase]:
    """Every time phrase of the sentence, in order."""
    found: list[TimePhrase] = []
    for match in _RELATIVE.finditer(sentence):
        days, approximate = _days(match.group("n"), match.group("unit"))
        if days is None:
            continue
        sign = -1 if match.group("dir").casefold() in ("before", "prior to", "preceding") else 1
        reference = match.group("ref")
        if DAY_ZERO.match(reference):
            found.append(TimePhrase(match.group(), match.start(), day=sign * days, approximate=approximate))
        else:
            found.append(TimePhrase(match.group(), match.start(), offset=sign * days, reference=_head(reference),
                                    approximate=approximate))  # fmt: skip
    for match in (m for pattern in _LATER for m in pattern.finditer(sentence)):
        days, approximate = _days(match.group("n"), match.group("unit"))
        if days is not None and not _inside(match.start(), found):
            found.append(TimePhrase(match.group(), match.start(), offset=days, approximate=approximate))
    for match in _NEXT_DAY.finditer(sentence):
        if not _inside(match.start(), found):
            found.append(TimePhrase(match.group(), match.start(), offset=1))
    for match in _DAY_N.finditer(sentence):
        if not _inside(match.start(), found) and re.search(r"\b(?:on|hospital)\s", match.group(), re.I):
            found.append(TimePhrase(match.group(), match.start(), day=int(match.group("day"))))
    admission = _ADMISSION.search(sentence)
    if not found and admission is not None:
        found.append(TimePhrase(admission.group(), admission.start(), day=0, admission=True))
    return sorted(found, key=lambda phrase: phrase.start)


def _days(count: str, unit: str) -> tuple[int | None, bool]:
    """Days in `count unit`, and whether that is approximate (weeks, months, years, "several")."""
    folded = count.casefold()
    number = int(folded) if folded.isdigit() else _WORD_NUMBERS.get(folded)
    base = unit.casefold().rstrip("s")
    if number is None or base not in _DAYS or base == "hour":
        return None, False
    return number * _DAYS[base], base != "day"


def _head(reference: str) -> str:
    words = re.sub(r"^(?:the|an?|his|her|their|our|this|first|initial)\s+", "", reference.strip(), flags=re.I).split()
    return words[0].casefold() if words else reference


def _inside(start: int, found: list[TimePhrase]) -> bool:
    return any(phrase.start <= start < phrase.start + len(phrase.words) for phrase in found)
