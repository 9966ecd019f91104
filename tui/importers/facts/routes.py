"""How a drug is given and on what schedule, in the words reports use.

A route may be written once for a whole list ("continuous intravenous infusion of fentanyl
..., ketamine ... and lidocaine ..."): the regimen reader applies the nearest route before a
dose in its sentence, or one right after it ("10 mg orally"). A patch is transdermal and a
suppository rectal, as every pharmacopoeia says; those are the only routes read from a form.
"""

from __future__ import annotations

import re

ROUTES: tuple[tuple[str, str], ...] = (
    ("intravenous", r"intravenous(?:ly)?|i\.v\.|(?<!stage )(?<!grade )(?<!type )(?<!class )(?<!phase )IV(?=[\s.,;)])"),
    ("oral", r"oral(?:ly)?|per os|p\.o\.|PO(?=\s)|by mouth"),
    ("epidural", r"epidural(?:ly)?"),
    ("intrathecal", r"intrathecal(?:ly)?|spinal(?= (?:anaesthesia|anesthesia|injection))"),
    ("transdermal", r"transdermal(?:ly)?|(?:skin |transdermal )?patch(?:es)?"),
    ("subcutaneous", r"subcutaneous(?:ly)?|s\.c\.|SC(?=\s)|SQ(?=\s)"),
    ("intramuscular", r"intramuscular(?:ly)?|i\.m\.|IM(?=\s)"),
    ("sublingual", r"sublingual(?:ly)?"),
    ("buccal", r"buccal(?:ly)?|transmucosal(?:ly)?"),
    ("intranasal", r"intranasal(?:ly)?|nasal spray"),
    ("inhaled", r"inhal(?:ed|ation)|nebuli[sz]ed"),
    ("topical", r"topical(?:ly)?"),
    ("rectal", r"rectal(?:ly)?|suppositor(?:y|ies)"),
    ("perineural", r"perineural(?:ly)?|nerve block"),
    ("intra-articular", r"intra-?articular(?:ly)?"),
    ("local infiltration", r"(?:local )?infiltration"),
)
"""(route as the table names it, the words that state it)."""

ROUTE_WORDS = re.compile(
    "|".join(f"(?P<r{index}>\\b(?:{words}))" for index, (_, words) in enumerate(ROUTES)), re.IGNORECASE
)

SCHEDULE_WORDS = re.compile(
    r"\b(?:continuous(?:ly)?|infusion|bolus(?:es)?|patient-controlled(?: analgesia| epidural analgesia)?|PCA|PCEA|"
    r"as needed|on demand|at bedtime|at night|once daily|twice daily|single dose|loading dose|"
    r"maintenance dose|tapered|titrated|rescue)\b",
    re.IGNORECASE,
)
"""Words that say how a dose is spread over time, kept as the row's schedule."""


def routes_in(text: str) -> list[tuple[str, int, int]]:
    """(route, start, end) of every route stated in `text`, in order."""
    found: list[tuple[str, int, int]] = []
    for match in ROUTE_WORDS.finditer(text):
        group = next(name for name, value in match.groupdict().items() if value is not None)
        found.append((ROUTES[int(group[1:])][0], match.start(), match.end()))
    return found


def schedule_in(text: str) -> list[str]:
    """Schedule words in `text`, in order, each once, lower-case unless an acronym."""
    words: list[str] = []
    for match in SCHEDULE_WORDS.finditer(text):
        word = match.group()
        word = word if word.isupper() else word.lower()
        if word not in words:
            words.append(word)
    return words
