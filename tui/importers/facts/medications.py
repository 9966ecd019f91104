"""Regimens read from one sentence: a drug, its dose, route and schedule, or a drug given without one.

The drug of a dose is the one written next to it (`fentanyl 500 μg/day`, `500 mg of
acetaminophen`); failing that, the nearest drug before it in the sentence (`the fentanyl
dose was increased to 700 μg/day`), and failing that the last drug of the sentences before
(`The dose was then halved to 5 mg.`), each further step flagged for review. A drug named
without a dose becomes a row only when the sentence gives it ("was prescribed", "was
started"), never when it is denied ("no", "refused", "contraindicated").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from tui.importers.facts.drugs import CLASSES, display_name, drug_names
from tui.importers.facts.quantities import Dose, Per, find_doses
from tui.importers.facts.routes import routes_in, schedule_in

GIVEN = re.compile(
    r"\b(?:prescribed|administered|given|started|initiated|commenced|received|receiving|treated with|"
    r"treatment with|took|taking|switched to|added|introduced|placed on|put on|begun|began|infused|injected)\b",
    re.IGNORECASE,
)
DENIED = re.compile(
    r"\b(?:not|never|instead of|rather than|refused|declined|avoid(?:ed)?|contraindicated|"
    r"allerg(?:y|ic)|unavailable|considered|recommended|if|should)\b",
    re.IGNORECASE,
)
"""Words that make a dose something not given: denied, refused, only weighed up."""
DENIED_MENTION = re.compile(rf"{DENIED.pattern}|\b(?:no|without)\b", re.IGNORECASE)
"""For a drug named without a dose, `no` and `without` deny it too ("without opioids")."""
_COMBINATION = re.compile(r"^\s*(?:therapy|regimen|combination|chemotherapy|treatment|protocol)\b", re.IGNORECASE)
_JOINER = re.compile(r"^(?:,\s*(?:and\s+)?|\s+and\s+|\s*/\s*|\s*\+\s*|\s+plus\s+)$", re.IGNORECASE)
_ROLE = re.compile(
    r"\bas (?:an? )?(analgesic|adjuvant|co-analgesic|muscle relaxant|anxiolytic|antiemetic|sedative|"
    r"premedication|prophylaxis|rescue)\b",
    re.IGNORECASE,
)
_GOVERNING = re.compile(
    r"^\s*(?:\w+\s+){0,2}?(?:infusions?|injections?|administration|boluses|route|use|anaesthesia|anesthesia|"
    r"analgesia|block)\s+(?:of|with)\b|^\s*[,:]",
    re.IGNORECASE,
)
"""After a route, the words that make it the route of a whole list ("intravenous infusion of ...")."""
_CLAUSE_BREAK = re.compile(r"[;:]|,\s+(?:but|while|whereas|although)\b")
CHANGED = re.compile(
    r"\b(?:dose|dosage|increased|decreased|reduced|raised|titrated|escalated|tapered|lowered|doubled|halved|"
    r"changed|adjusted|switched|up-titrated|weaned)\b",
    re.IGNORECASE,
)
"""Words that make a dose far from its drug (or in the next sentence) that drug's new dose."""
ADJACENT_WORDS = 4
"""A drug at most this many words before its dose is the dose's drug beyond doubt."""
CHANGE_WORDS = 8
"""So is a drug this near when the words between say its dose changed."""


@dataclass(frozen=True, slots=True)
class Regimen:
    """A regimen as one sentence states it, before it gets an id and a place on the timeline."""

    name: str
    quote: str
    amount: float | None = None
    amount_max: float | None = None
    unit: str | None = None
    per: Per | None = None
    every: int | None = None
    route: str | None = None
    schedule: str | None = None
    role: str = "unspecified"
    doubt: str | None = None


def regimens_in(sentence: str, quote: str, last_drug: str | None) -> tuple[list[Regimen], list[str]]:
    """The regimens stated in `sentence` (quoted as `quote`), and notes on what was left out."""
    notes: list[str] = []
    drugs = drug_names(sentence)
    doses = find_doses(sentence)
    routes = routes_in(sentence)
    role = _role(sentence)
    found: list[Regimen] = []
    claimed: set[int] = set()
    for dose in doses:
        owner = _owner(sentence, dose, drugs, last_drug)
        if owner is None:
            continue
        name, start, doubt = owner
        if start >= 0:
            claimed.add(start)
        if dose.unit == "%" and doubt is not None:
            continue  # A percentage is a strength only right after its drug ("lidocaine 1%").
        if _denied(sentence, min(start if start >= 0 else dose.start, dose.start), dose.end):
            notes.append(
                f"a dose of {name} in a denied or weighed-up statement was not taken as a regimen: {quote[:80]!r}"
            )
            continue
        route, whole_list = _route(sentence, dose, routes, start)
        found.append(
            Regimen(
                name=name,
                quote=quote,
                amount=dose.amount,
                amount_max=dose.amount_max,
                unit=dose.unit,
                per=dose.per,
                every=dose.every,
                route=route,
                schedule=_schedule(sentence, dose, doses, start, whole_list),
                role=role,
                doubt=doubt or dose.uncertain,
            )
        )
    found = _volume_with_strength(found)
    if GIVEN.search(sentence):
        found.extend(
            _given_without_dose(sentence, quote, drugs=drugs, claimed=claimed, doses=doses, routes=routes, role=role)
        )
    return found, notes


def _volume_with_strength(found: list[Regimen]) -> list[Regimen]:
    """`5 mL of bupivacaine 0.25%` is one regimen: `bupivacaine 0.25%`, 5 mL (a strength names the solution)."""
    merged: list[Regimen] = []
    for regimen in found:
        previous = merged[-1] if merged else None
        pair = {regimen.unit, previous.unit} if previous else set()
        if previous is not None and previous.name == regimen.name and pair == {"%", "mL"}:
            strength, volume = (previous, regimen) if previous.unit == "%" else (regimen, previous)
            merged[-1] = replace(
                volume,
                name=f"{volume.name} {strength.amount:g}%",
                route=volume.route or strength.route,
                schedule=volume.schedule or strength.schedule,
                doubt=volume.doubt or strength.doubt,
            )
        else:
            merged.append(regimen)
    return merged


def _owner(
    sentence: str, dose: Dose, drugs: list[tuple[str, int, int]], last_drug: str | None
) -> tuple[str, int, str | None] | None:
    """(drug name, its start or -1, doubt) for a dose."""
    before = [d for d in drugs if d[2] <= dose.start]
    after = [d for d in drugs if d[1] >= dose.end]
    drug_follows = after and re.fullmatch(r"\s*(?:of\s+)?(?:\w+\s+)?", sentence[dose.end : after[0][1]])
    if drug_follows and (not before or len(sentence[before[-1][2] : dose.start].split()) > 1):
        return after[0][0], after[0][1], None
    if before:
        name, start, end = before[-1]
        gap = sentence[end : dose.start]
        strengths = [d for d in find_doses(gap) if d.unit == "%"]
        bare = (
            gap[strengths[-1].end :] if strengths and strengths[0].start <= 1 else gap
        )  # "ropivacaine 0.2% at 6 mL/h"
        if len(bare.split()) <= ADJACENT_WORDS and not find_doses(bare) and not _CLAUSE_BREAK.search(gap):
            return name, start, None
        if CHANGED.search(gap) and not _CLAUSE_BREAK.search(gap):
            near = len(gap.split()) <= CHANGE_WORDS  # "the fentanyl dose was then increased to 700 μg/day"
            return name, start, None if near else f"the dose is {len(gap.split())} words after {name}; check it is its"
    if after and len(sentence[dose.end : after[0][1]].split()) <= ADJACENT_WORDS:
        return after[0][0], after[0][1], f"the drug is named after its dose; check that the dose is {after[0][0]}'s"
    if not drugs and last_drug is not None and CHANGED.search(sentence[: dose.start]):
        return last_drug, -1, f"no drug named in the sentence; {last_drug}, the last one named before, was assumed"
    return None


def _route(sentence: str, dose: Dose, routes: list[tuple[str, int, int]], owner_start: int) -> tuple[str | None, bool]:
    """The route of a dose as the sentence states it, and whether it is stated once for a whole list.

    In order: a route right after the dose (`10 mg orally`); a route between the drug and
    its dose (`buprenorphine patch ... 15 μg/h`); a route before the drug that governs it
    (`transdermal buprenorphine`, or a list: `intravenous infusion of A ..., B ... and C`);
    a route after the list the dose ends (`A 1 g and B 400 mg were given orally`). A route
    inside brackets, or the adjective of another drug, is not this dose's.
    """
    for route, start, _end in routes:
        gap = sentence[dose.end : start] if start >= dose.end else None
        if gap is not None and (len(gap.split()) <= 2 or _only_the_drug(gap, owner_start - dose.end)):
            return route, False
    anchor = owner_start if 0 <= owner_start <= dose.start else dose.start
    for route, start, end in reversed(routes):
        if end > dose.start:
            continue
        if start >= anchor:
            return route, False
        between = sentence[end:anchor]
        if between.count("(") < between.count(")") or sentence[end:].lstrip().startswith(")"):
            continue
        if not find_doses(between):
            return route, False
        if _GOVERNING.match(sentence[end:]):
            return route, True
        break
    later = [(route, start) for route, start, _end in routes if start >= dose.end]
    if later:
        route, start = later[0]
        tail = sentence[dose.end : start]
        last_dose_end = max((d.end for d in find_doses(tail)), default=0)
        if not drug_names(tail[last_dose_end:]) and len(tail[last_dose_end:].split()) <= 4 and ";" not in tail:
            return route, True
    return None, False


def _only_the_drug(gap: str, owner_offset: int) -> bool:
    """`2 g of magnesium sulfate intravenously`: between dose and route, only the dose's own drug."""
    drugs = drug_names(gap)
    return len(gap.split()) <= 5 and not find_doses(gap) and [d[1] for d in drugs] == [owner_offset]


def _schedule(sentence: str, dose: Dose, doses: list[Dose], owner_start: int, whole_list: bool) -> str | None:
    """Schedule words of the dose's own stretch of the sentence; for a list, its lead-in and tail too."""
    index = doses.index(dose)
    start = doses[index - 1].end if index else 0
    start = min(start, owner_start) if owner_start >= 0 else start
    end = doses[index + 1].start if index + 1 < len(doses) else len(sentence)
    stretches = [sentence[start:end]]
    if whole_list:
        stretches += [sentence[: doses[0].start], sentence[doses[-1].end :]]
    words = [dose.schedule] if dose.schedule else []
    for stretch in stretches:
        words += [word for word in schedule_in(stretch) if word not in words and word not in (dose.schedule or "")]
    return ", ".join(words) or None


def _denied(sentence: str, start: int, end: int, cues: re.Pattern[str] = DENIED) -> bool:
    clause_start = max((m.end() for m in _CLAUSE_BREAK.finditer(sentence, 0, start)), default=0)
    return bool(cues.search(sentence[clause_start:end]))


def _role(sentence: str) -> str:
    match = _ROLE.search(sentence)
    return match.group(1).lower().replace(" ", "-") if match else "unspecified"


def _given_without_dose(
    sentence: str,
    quote: str,
    *,
    drugs: list[tuple[str, int, int]],
    claimed: set[int],
    doses: list[Dose],
    routes: list[tuple[str, int, int]],
    role: str,
) -> list[Regimen]:
    """Drugs (or classes) the sentence gives with no dose: one row each, or one for a named combination."""
    mentions = [d for d in drugs if d[1] not in claimed and not any(d[1] <= x.start <= d[2] + 40 for x in doses)]
    mentions += [(display_name(m.group()), m.start(), m.end()) for m in CLASSES.finditer(sentence)]
    mentions = sorted({m[1]: m for m in mentions if not _overlaps(m, drugs, claimed)}.values(), key=lambda m: m[1])
    groups: list[list[tuple[str, int, int]]] = []
    for mention in mentions:
        if groups and _JOINER.match(sentence[groups[-1][-1][2] : mention[1]]):
            groups[-1].append(mention)
        else:
            groups.append([mention])
    found: list[Regimen] = []
    for group in groups:
        if _denied(sentence, group[0][1], group[-1][2] + 30, DENIED_MENTION):
            continue
        earlier_routes = [r for r, start, _ in routes if start < group[0][1]]
        route = earlier_routes[-1] if earlier_routes else None
        if len(group) > 1 and _COMBINATION.match(sentence[group[-1][2] :]):
            names = [m[0] for m in group]
            found.append(Regimen(name=f"{', '.join(names[:-1])} and {names[-1]}", quote=quote, route=route, role=role))
        else:
            found.extend(Regimen(name=m[0], quote=quote, route=route, role=role) for m in group)
    return found


def _overlaps(mention: tuple[str, int, int], drugs: list[tuple[str, int, int]], claimed: set[int]) -> bool:
    """A class word inside a claimed drug's name, or a drug whose dose was already read."""
    return mention[1] in claimed or any(d[1] < mention[1] < d[2] for d in drugs)
