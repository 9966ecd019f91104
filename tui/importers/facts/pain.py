"""Pain scores read from one sentence: numbers on a named scale, or the words a report uses instead.

A number is a score only when the sentence is about pain and the number reads as a rating:
after "NRS", "VAS", "rated ... as", "score of", or written `7/10`, `7 out of 10`. Numbers
with units (days, mg, %, mm, °C), vertebral levels (L1), citations ([12]) and the bounds of
the scale itself ("ranging from 0 to 10") are never scores. "From 8/10 to 3/10" is two
scores. Rest and movement are read from the words next to each number. A report that only
says the pain "was dramatically relieved" gets a score in those words, never a number.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from tui.importers.facts.quantities import find_doses

Condition = Literal["rest", "movement", "unspecified"]
Scale = Literal["NRS 0-10", "VAS 0-10", "VAS 0-100"]

PAIN_CUE = re.compile(
    r"\b(?:pain|NRS|VAS|VRS|numeric(?:al)? rating scale|visual analog(?:ue)? scale|ache|aching)\b", re.IGNORECASE
)
_RATING_CUE = re.compile(r"\b(?:pain|NRS|VAS|score[sd]?|rated|rating|intensity|scale)\b[^.;]{0,60}$", re.IGNORECASE)
_NUMBER = re.compile(r"(?<![\w.,/-])(\d{1,3}(?:\.\d)?)(?![\w]|[.,]\d)(\s*(?:/|out of)\s*(10|100)\b)?", re.I)
_NOT_A_SCORE_AFTER = re.compile(
    r"^\s*(?:%|°|mg|μg|µg|mcg|g\b|ml|mm|cm|kg|l\b|days?|weeks?|months?|years?|yrs?|hours?|hrs?|h\b|min|"
    r"times|patients?|cases?|of\s+(?:the\s+)?\d|st\b|nd\b|rd\b|th\b|-|–|:\d|[ap]\.?m\b|x\s?10)",
    re.IGNORECASE,
)
_NOT_A_SCORE_BEFORE = re.compile(
    r"(?:\b(?:day|days|week|weeks|month|months|year|years|hour|grade|stage|type|figure|fig\.|table|level|"
    r"version|cycle|dose|POD|at|aged|age|since|in|over|for|within|after|before|every)|[×x*^])\s*$",
    re.IGNORECASE,
)
_SCALE_BOUNDS = re.compile(
    r"\b0\s*(?:-|–|to)\s*(10|100)\b|\b(\d{1,3})\s*(?:=|is|means|being|indicating|represent(?:s|ing))\s+"
    r"(?:no|the\s+worst|worst|maximum|unbearable|most|least)\b",
    re.IGNORECASE,
)
_CITATION = re.compile(r"\[[\d,\s–-]+\]|\((?:\d{1,3}(?:[,–-]\s?\d{1,3})*)\)")
_REST = re.compile(r"\b(?:at rest|while resting|resting|rest pain|in rest|static)\b", re.IGNORECASE)
_MOVEMENT = re.compile(
    r"\b(?:(?:on|during|with|upon|when|while|at)\s+(?:movement|moving|motion|walking|ambulation|exertion|"
    r"activity|weight[- ]bearing|standing|coughing|mobili[sz]ation)|movement-(?:related|evoked)|dynamic|"
    r"movement pain|incident pain)\b",
    re.IGNORECASE,
)
_QUALITY = re.compile(
    r"\b(?:(?:remained|was|were|became)\s+)?(?:(?:almost\s+)?(?:completely|dramatically|markedly|significantly|"
    r"substantially|considerably|greatly|partially|partly|slightly|somewhat|moderately|gradually|rapidly|"
    r"immediately|fully|much|further)\s+)?"
    r"(?:relieved|improved|resolved|reduced|decreased|alleviated|disappeared|diminished|subsided|abated|eased|"
    r"mitigated|worsened|aggravated|intensified|unchanged|persisted|persistent|pain[- ]free|mild|"
    r"(?:well[- ])?controlled|tolerable|bearable)\b",
    re.IGNORECASE,
)
_NOT_PAIN_SUBJECT = re.compile(r"\b(?:dose|doses|dosage|infusion|rate|level|count|swelling|fever)\b", re.I)
_VAS = re.compile(r"\b(?:VAS|visual analog(?:ue)? scale)\b", re.IGNORECASE)
_NRS = re.compile(r"\b(?:NRS|numeric(?:al)? (?:pain )?rating scale|verbal numeric)\b", re.IGNORECASE)
_HUNDRED = re.compile(r"\b0\s*(?:-|–|to)\s*100\b|/\s*100\b|\b100[- ]mm\b|\bmm\b", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Score:
    """A score as one sentence states it, before it gets an id and a time."""

    condition: Condition
    quote: str
    scale: Scale = "NRS 0-10"
    value: float | None = None
    description: str | None = None
    earlier: bool = False
    """The first of a "from X to Y" pair: it was taken before the time the sentence speaks of."""
    doubt: str | None = None


def named_scale(sentence: str) -> Literal["NRS", "VAS"] | None:
    """The scale the sentence names, if any."""
    if _VAS.search(sentence):
        return "VAS"
    return "NRS" if _NRS.search(sentence) else None


def scores_in(sentence: str, quote: str, scale_in_use: Literal["NRS", "VAS"] | None) -> list[Score]:
    """The pain scores in `sentence`; `scale_in_use` is the scale named earlier in the section."""
    if not PAIN_CUE.search(sentence) and not re.search(r"\b(?:score|rated)\b", sentence, re.IGNORECASE):
        return []
    masked = _mask(sentence)
    numbers = [m for m in _NUMBER.finditer(masked) if _is_rating(masked, m)]
    if numbers:
        return _numeric(sentence, quote, numbers, scale_in_use)
    return _in_words(sentence, quote)


def _mask(sentence: str) -> str:
    """The sentence with doses, citations and scale bounds blanked out, offsets unchanged."""
    spans = [(d.start, d.end) for d in find_doses(sentence)]
    spans += [m.span() for m in _CITATION.finditer(sentence)] + [m.span() for m in _SCALE_BOUNDS.finditer(sentence)]
    chars = list(sentence)
    for start, end in spans:
        chars[start:end] = " " * (end - start)
    return "".join(chars)


def _is_rating(masked: str, match: re.Match[str]) -> bool:
    if _VAS.search(masked) and re.match(r"^\s?mm\b", masked[match.end() :]):
        return True  # "45 mm" on a visual analogue scale is a 0-100 score.
    if _NOT_A_SCORE_AFTER.match(masked[match.end() :]) and not match.group(2):
        return False
    before = masked[max(0, match.start() - 80) : match.start()]
    if _NOT_A_SCORE_BEFORE.search(before) and not match.group(2):
        return False
    if match.group(2):
        return True
    after = masked[match.end() : match.end() + 20]
    return bool(_RATING_CUE.search(before) or re.match(r"^\s+on\s+the\s+(?:NRS|VAS)\b", after))


def _numeric(sentence: str, quote: str, numbers: list[re.Match[str]], scale_in_use: str | None) -> list[Score]:
    named = named_scale(sentence)
    kind = named or scale_in_use or "NRS"
    doubt = None if (named or scale_in_use) else "the scale is not named; NRS 0-10 was assumed"
    hundred = bool(_HUNDRED.search(sentence)) or any(m.group(3) == "100" for m in numbers)
    scores: list[Score] = []
    for index, match in enumerate(numbers):
        value = float(match.group(1))
        top = 100 if hundred or value > 10 else 10
        if top == 100 and kind != "VAS":
            continue  # An NRS above 10 is not a pain score; a 0-100 NRS is not a scale the record holds.
        scale: Scale = "NRS 0-10" if kind == "NRS" else "VAS 0-100" if top == 100 else "VAS 0-10"
        following = numbers[index + 1] if index + 1 < len(numbers) else None
        earlier = (
            following is not None
            and bool(re.search(r"\bfrom\s+$", sentence[max(0, match.start() - 12) : match.start()], re.IGNORECASE))
            and bool(re.match(r"^\s*(?:/\s*10+)?\s*to\s+$", sentence[match.end() : following.start()], re.I))
        )
        previous_end = numbers[index - 1].end() if index else 0
        condition = _condition(sentence, previous_end, match.start(), match.end(), following)
        if condition == "unspecified" and scores and scores[-1].earlier:
            condition = scores[-1].condition  # "pain on coughing fell from 9/10 to 3/10": both on coughing.
        scores.append(Score(condition, quote, scale, value, earlier=earlier, doubt=doubt))
    return scores


def _condition(sentence: str, previous_end: int, start: int, end: int, following: re.Match[str] | None) -> Condition:
    """Rest or movement: the words right after the number, else the nearest before it."""
    after = sentence[end : following.start() if following else min(len(sentence), end + 40)]
    found = _first_condition(after[:40])
    if found:
        return found
    before = sentence[previous_end:start]
    rest = [m.end() for m in _REST.finditer(before)]
    movement = [m.end() for m in _MOVEMENT.finditer(before)]
    if rest or movement:
        return "rest" if max(rest, default=-1) > max(movement, default=-1) else "movement"
    return "unspecified"


def _first_condition(text: str) -> Condition | None:
    rest, movement = _REST.search(text), _MOVEMENT.search(text)
    if rest and (not movement or rest.start() < movement.start()):
        return "rest"
    return "movement" if movement else None


def _in_words(sentence: str, quote: str) -> list[Score]:
    """A score in words: `pain ... was dramatically relieved` gives `dramatically relieved`."""
    for cue in re.finditer(r"\bpain\b", sentence, re.IGNORECASE):
        match = _QUALITY.search(sentence, cue.start(), min(len(sentence), cue.end() + 80))
        if match is None:
            continue
        gap = sentence[cue.end() : max(cue.end(), match.start())]
        if len(gap.split()) > 8 or _NOT_PAIN_SUBJECT.search(gap) or ";" in gap:
            continue
        words = re.sub(r"^(?:was|were|became)\s+", "", match.group(), flags=re.IGNORECASE)
        clause_start = max(sentence.rfind(";", 0, cue.start()), sentence.rfind(",", 0, max(0, cue.start() - 30)), 0)
        condition = _first_condition(sentence[clause_start : match.end() + 20]) or "unspecified"
        return [Score(condition, quote, description=words)]
    return []
