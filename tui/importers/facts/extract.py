"""Read the facts of a case from its sections, sentence by sentence, in reading order.

Facts come from the sections that tell the case (case presentation, treatment, outcome, and
their sub-sections); when no section is recognisably the case (a report with no headings),
from every section but the introduction, the discussion and the conclusions. Every row
is tied to its sentence: the row's `source_quote` is that sentence as the section holds
it, and its place on the timeline is the event of that sentence.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Literal

from tui.importers.facts.drugs import drug_names
from tui.importers.facts.medications import CHANGED, Regimen, regimens_in
from tui.importers.facts.pain import Score, named_scale, scores_in
from tui.importers.facts.patient import Sex, age_and_sex
from tui.importers.facts.sentences import sentences
from tui.importers.facts.timeline import TimePhrase, time_phrases
from tui.importers.slugs import IdMaker
from tui.model import Medication, PainScore, TimelineEvent

_CASE_TITLE = re.compile(
    r"case|patient|clinical|history|presentation|findings|examination|investigation|diagnos|treatment|therap|"
    r"intervention|management|outcome|follow|course|timeline|laborator|imaging|report",
    re.IGNORECASE,
)
_NOT_CASE_TITLE = re.compile(
    r"introduction|background|discussion|conclusion|literature|review|summary|abstract|learning|lesson|perspective",
    re.IGNORECASE,
)
MAX_QUOTE = 5_000


@dataclass(frozen=True, slots=True)
class FactSection:
    """A section of the record as the fact readers see it."""

    id: str
    title: str
    text: str
    parent_title: str | None = None


@dataclass(slots=True)
class Facts:
    """Everything read from the case text, ready for the record."""

    age: int | None = None
    sex: Sex = "unknown"
    conditions: list[str] = field(default_factory=list)
    medications: list[Medication] = field(default_factory=list)
    pain_scores: list[PainScore] = field(default_factory=list)
    timeline: list[TimelineEvent] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def case_sections(sections: Sequence[FactSection]) -> list[FactSection]:
    """The sections that tell this patient's case (see the module's docstring)."""

    def is_case(section: FactSection) -> bool:
        titles = [section.title, section.parent_title or ""]
        if any(_NOT_CASE_TITLE.search(title) for title in titles if title):
            return False
        return any(_CASE_TITLE.search(title) for title in titles if title)

    chosen = [s for s in sections if is_case(s)]
    if not chosen:
        chosen = [
            s for s in sections if not any(_NOT_CASE_TITLE.search(t) for t in (s.title, s.parent_title or "") if t)
        ]
    return chosen or list(sections)


def extract_facts(sections: Sequence[FactSection]) -> Facts:
    """The facts of the case told in `sections` (all the record's sections, in order)."""
    chosen = case_sections(sections)
    facts = Facts()
    case_text = "\n\n".join(s.text for s in chosen)
    facts.age, facts.sex, sex_note = age_and_sex(case_text)
    if facts.age is None and facts.sex == "unknown":
        facts.age, facts.sex, sex_note = age_and_sex("\n\n".join(s.text for s in sections))
    if sex_note:
        facts.notes.append(sex_note)
    _Reader(facts).read(chosen)
    return facts


class _Reader:
    """Walks the case sentences once, keeping what later sentences refer back to."""

    def __init__(self, facts: Facts) -> None:
        self.facts = facts
        self.medication_ids = IdMaker()
        self.score_ids = IdMaker()
        self.event_ids = IdMaker()
        self.last_drug: str | None = None
        self.scale: Literal["NRS", "VAS"] | None = None
        self.seen_regimens: set[tuple[object, ...]] = set()
        self.seen_scores: set[tuple[object, ...]] = set()

    def read(self, sections: Sequence[FactSection]) -> None:
        for section in sections:
            for start, end in sentences(section.text):
                if end - start > MAX_QUOTE:
                    # No real sentence is this long (a table or a list copied flat); its facts would be guesses.
                    self.facts.notes.append(f"{section.id}: a run of {end - start:,} characters with no sentence end "
                                            "was not read for facts")  # fmt: skip
                    continue
                sentence = section.text[start:end]
                self._sentence(sentence, sentence)

    def _sentence(self, sentence: str, quote: str) -> None:
        previous_event = self.facts.timeline[-1].id if self.facts.timeline else None
        regimens, notes = regimens_in(sentence, quote, self.last_drug)
        self.facts.notes.extend(notes)
        scores = scores_in(sentence, quote, self.scale)
        self.scale = named_scale(sentence) or self.scale
        names = drug_names(sentence)
        if names:
            self.last_drug = names[-1][0]
        new_regimens = [r for r in regimens if self._is_new(r)]
        events = [self._timed_event(phrase, sentence) for phrase in time_phrases(sentence)]
        if not events and (new_regimens or scores):
            events = [self._event(_label(new_regimens, scores), sentence)]
        here = events[0].id if events else None
        for regimen in new_regimens:
            self._medication(regimen, here)
        for score in scores:
            self._score(score, previous_event if score.earlier else here)

    def _is_new(self, regimen: Regimen) -> bool:
        key: tuple[object, ...] = (regimen.name.casefold(), regimen.amount, regimen.amount_max, regimen.unit,
                                   regimen.per, regimen.route)  # fmt: skip
        undosed = (regimen.name.casefold(),)
        if key in self.seen_regimens or (regimen.amount is None and undosed in self.seen_regimens):
            return False
        self.seen_regimens.update({key, undosed})
        return True

    def _medication(self, regimen: Regimen, start: str | None) -> None:
        if regimen.route is None and regimen.amount is not None and CHANGED.search(regimen.quote):
            regimen = self._route_carried_over(regimen)
        medication_id = self.medication_ids.make(regimen.name, fallback="medication")
        if regimen.doubt:
            self.facts.notes.append(f"medications {medication_id}: {regimen.doubt}")
        self.facts.medications.append(
            Medication(
                id=medication_id,
                name=regimen.name,
                amount=regimen.amount,
                amount_max=regimen.amount_max,
                unit=regimen.unit,
                per=regimen.per,
                every=regimen.every,
                route=regimen.route,
                schedule=regimen.schedule,
                role=regimen.role,
                start=start,
                source_quote=regimen.quote,
                needs_review=regimen.doubt is not None,
            )
        )

    def _restates(self, score: Score) -> bool:
        """ "Fell from 9/10 to 3/10" after a 9/10 already recorded: the 9 is that score again, not a new one."""
        same = [p for p in self.facts.pain_scores if p.condition == score.condition and p.scale == score.scale]
        return bool(same) and same[-1].value == score.value

    def _route_carried_over(self, regimen: Regimen) -> Regimen:
        """A new dose of a drug given before ("the dose was increased to ...") keeps its route, flagged."""
        earlier = [m for m in self.facts.medications if m.name.casefold() == regimen.name.casefold() and m.route]
        if not earlier:
            return regimen
        doubt = regimen.doubt or f"route {earlier[-1].route!r} carried over from {earlier[-1].id} (a dose change)"
        return replace(regimen, route=earlier[-1].route, doubt=doubt)

    def _score(self, score: Score, when: str | None) -> None:
        key = (score.condition, score.value, score.description, score.quote, score.earlier)
        if key in self.seen_scores or (score.earlier and self._restates(score)):
            return
        self.seen_scores.add(key)
        words = f"{score.value:g}" if score.value is not None else score.description or "words"
        score_id = self.score_ids.make(f"{score.condition} {words}", fallback="pain")
        if score.doubt:
            self.facts.notes.append(f"pain_scores {score_id}: {score.doubt}")
        self.facts.pain_scores.append(
            PainScore(
                id=score_id,
                scale=score.scale,
                condition=score.condition,
                value=score.value,
                description=score.description,
                when=when or "not stated",
                source_quote=score.quote,
                needs_review=score.doubt is not None,
            )
        )

    def _event(self, label: str, sentence: str, **placing: object) -> TimelineEvent:
        event = TimelineEvent.model_validate(
            {"id": self.event_ids.make(label, fallback="event"), "label": label[:200], "text": sentence[:2_000]}
            | placing
        )
        self.facts.timeline.append(event)
        return event

    def _timed_event(self, phrase: TimePhrase, sentence: str) -> TimelineEvent:
        label = "Admission" if phrase.admission else phrase.words[0].upper() + phrase.words[1:]
        if phrase.day is not None:
            return self._event(label, sentence, day=phrase.day, approximate=phrase.approximate)
        anchor = self._anchor_for(phrase)
        if anchor is None:
            self.facts.notes.append(f"timeline: {phrase.words!r} could not be placed (no earlier event to count from)")
            return self._event(label, sentence, approximate=phrase.approximate, needs_review=True)
        event = self._event(label, sentence, anchor=anchor, offset=phrase.offset, approximate=phrase.approximate,
                            needs_review=True)  # fmt: skip
        self.facts.notes.append(f"timeline {event.id}: {phrase.words!r} was counted from the event before ({anchor})")
        return event

    def _anchor_for(self, phrase: TimePhrase) -> str | None:
        if phrase.reference is None:
            return self.facts.timeline[-1].id if self.facts.timeline else None
        for event in reversed(self.facts.timeline):
            if phrase.reference in event.text.casefold():
                return event.id
        return None


def _label(regimens: list[Regimen], scores: list[Score]) -> str:
    """An event's label in the record's words: the regimens begun, else the pain scored."""
    if regimens:
        return ", ".join(dict.fromkeys(r.name for r in regimens))
    return "Pain scored" if any(s.value is not None for s in scores) else "Pain described"
