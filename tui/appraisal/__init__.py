"""Structured appraisal without a UI: checklist data files, progress, scores, hints, summaries.

The checklists (CARE, JBI, Murad, Naranjo) are TOML files in `tui/appraisal/checklists/`, read
like every input (`tui.store.checklist_files`); a team adds its own in `CONFIG/checklists/`. This
package is pure functions over the models: no Textual, no Rich, no file access.

The API the Appraisal pane is built on
--------------------------------------
Loading, once at start (the app; `case-review export` does the same)::

    catalogue, warnings = tui.store.checklist_files.load_checklists()   # bundled + user files
    tui.model.checklist_catalogue.install_checklists(catalogue)         # labels, note order, exports

- `load_checklists(user_folder=None) -> (ChecklistCatalogue, list[str])`: every usable checklist,
  bundled first; one warning line per bad or duplicate user file (`path: field.path: what`).
- `ChecklistCatalogue`: iterate for definitions in order; `get(id)`, `ids()`, `item_label(target_id)`
  (`CARE 5d: Past interventions and their results`), `parse_item_place(target_id)`.

A checklist (`tui.model.checklist.ChecklistDefinition`): `id`, `version`, `title`, `short_title`,
`applies_to` (`case` or `adverse_effect`), `answers` (`AnswerOption`: `id`, `label`, `key`: the key
that gives it), `domains`, `items` (`ChecklistItem`: `id` = published number, `title`, `text`,
`domain`, `guidance`, `scores`, `look_in`, `mentions`), `overall` (`Overall`: `title`, `text`,
`options`), `bands`; helpers `item(id)`, `allowed_answers(item_id)` (what `y n p u - d` may give;
the overall options for the item `"overall"`), `answer_label(id)`, `domain_title(id)`, `scored`.

Answering, each call one undoable change on `tui.model.review_session.ReviewSession`:

- `session.answer(definition, item, answer, target=None) -> ChecklistAnswer`: `ValueError` for an
  answer the item does not take; the item `"overall"` records the overall decision/judgement.
- `session.set_checklist_note(definition, item, note, target=None)`: a note per item (kept when the
  answer is cleared; an empty note on an unanswered item removes the entry).
- `session.clear_answer(checklist_id, item, target=None) -> bool`.
- `session.clear_assessment(checklist_id, target) -> bool`: drop one Naranjo assessment whole.
- `session.mark_complete(complete=True) -> bool`: `[review] complete = true`.
- `session.checklist_answer(checklist_id, item, target=None)`; reading without a session:
  `tui.model.checklist_answers.find_answer`, `answers_of`, `assessments(review, checklist_id)`.
- `target` is `tui.model.review.AdverseEffect(medication_row_id, effect)`, for Naranjo only.

Showing:

- `progress(definition, review, target=None) -> Progress` (`answered`, `total`, `fraction`, `done`,
  `overall`, `describe()`): the progress bar.
- `score(definition, review, target=None) -> Score | None` (`total`, `band`, `answered`, `items`,
  `complete`, `describe()`): Naranjo's running total and band; `score_answers(definition, {item:
  answer})` and `band_for(definition, total)` for answers not (yet) in a review.
- `sections_for(case, item) -> list[section_id]`: where `enter` on an item jumps, best first (the
  rule is in `tui/appraisal/sections.py`).
- `hints(case, definition, target=None) -> list[Hint]` (`item`, `suggested` answer id or None,
  `reason` in words, `sections`): what the record suggests checking; accepting one is
  `session.answer(definition, hint.item, hint.suggested, target)`. Never applied by itself.
- `adverse_effects_of(medication) -> list[str]`, `effect_targets(case) -> list[AdverseEffect]`:
  where a Naranjo assessment can start from (`drowsiness`, `dizziness` for the seed's clonazepam).
- `target_label(case, target)`: `clonazepam 0.5 mg/day: drowsiness`.
- `check_answers(review, catalogue, case=None) -> list[AnswerProblem]`: answers that do not fit
  their checklist (`error`), or cannot be checked (`note`: unknown checklist, other version).
- `appraisal_summary(case, review, catalogue) -> tuple[ChecklistSummary, ...]`: what the exports
  render (items with wording, answers, notes, progress, totals, bands, overall).

Tying an item to text: a note with `target = "checklist"`, `target_id = item_place_id(checklist,
item[, medication, effect])` (`care-2013:5d`, `naranjo-1981:2@clonazepam/drowsiness`) and, for a
span, `section` + `start`/`end`: build it with `session.annotate(case, Place("checklist",
target_id, start, end, section=section_id), draft, author)`. `places.py` labels it
`CARE 5d: Past interventions and their results` once the catalogue is installed.
"""

from __future__ import annotations

from tui.appraisal.check import AnswerProblem, check_answers
from tui.appraisal.effects import adverse_effects_of, effect_targets
from tui.appraisal.hint_types import Hint
from tui.appraisal.hints import hints
from tui.appraisal.progress import Progress, progress
from tui.appraisal.scoring import Score, band_for, score, score_answers
from tui.appraisal.sections import sections_for
from tui.appraisal.summary import Assessment, ChecklistSummary, ItemRow, appraisal_summary, target_label

__all__ = [
    "AnswerProblem",
    "Assessment",
    "ChecklistSummary",
    "Hint",
    "ItemRow",
    "Progress",
    "Score",
    "adverse_effects_of",
    "appraisal_summary",
    "band_for",
    "check_answers",
    "effect_targets",
    "hints",
    "progress",
    "score",
    "score_answers",
    "sections_for",
    "target_label",
]
