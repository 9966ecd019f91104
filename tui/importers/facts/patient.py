"""The patient's age and sex, as the report first states them.

"A 44-year-old male", "a woman aged 67", "a 3-month-old boy": the first such statement in
the case sections is the patient. Sex is read from the noun next to the age; failing that,
from the pronouns of the case sections, which is a guess and is said to be one.
"""

from __future__ import annotations

import re
from typing import Literal

Sex = Literal["male", "female", "other", "unknown"]

_AGE = re.compile(
    r"\b(?P<age>\d{1,3})[- ](?:year|yr)s?[- ]old\b(?P<after>[^.;]{0,30})|"
    r"\b(?P<noun>man|woman|male|female|boy|girl|patient|gentleman|lady)\s*,?\s+(?:aged|age)\s+(?P<age2>\d{1,3})\b|"
    r"\b(?P<months>\d{1,2})[- ]month[- ]old\b(?P<after2>[^.;]{0,30})",
    re.IGNORECASE,
)
_MALE = re.compile(r"\b(?:man|male|boy|gentleman|gentlemen|son|father|husband)\b", re.IGNORECASE)
_FEMALE = re.compile(r"\b(?:woman|female|girl|lady|daughter|mother|wife|pregnant)\b", re.IGNORECASE)
_HE = re.compile(r"\b(?:he|his|him)\b", re.IGNORECASE)
_SHE = re.compile(r"\b(?:she|her|hers)\b", re.IGNORECASE)


def age_and_sex(text: str) -> tuple[int | None, Sex, str | None]:
    """(age in whole years, sex, a note when the sex is only a guess) from the case text."""
    match = _AGE.search(text)
    if match is None:
        return None, _sex_from_pronouns(text)[0], _sex_from_pronouns(text)[1]
    if match.group("months"):
        age: int | None = 0
        near = match.group("after2") or ""
    else:
        age = int(match.group("age") or match.group("age2"))
        near = match.group("noun") or match.group("after") or ""
    if age is not None and age > 130:
        age = None
    sex = _sex_of(near)
    if sex != "unknown":
        return age, sex, None
    guessed, note = _sex_from_pronouns(text)
    return age, guessed, note


def _sex_of(words: str) -> Sex:
    male, female = _MALE.search(words), _FEMALE.search(words)
    if male and (not female or male.start() < female.start()):
        return "male"
    return "female" if female else "unknown"


def _sex_from_pronouns(text: str) -> tuple[Sex, str | None]:
    he, she = len(_HE.findall(text)), len(_SHE.findall(text))
    if he >= 3 * max(she, 1):
        return "male", "the patient's sex is read from the pronouns (he, his), not stated"
    if she >= 3 * max(he, 1):
        return "female", "the patient's sex is read from the pronouns (she, her), not stated"
    return "unknown", None
