"""Every export format carries the appraisal: answers with their items' words, progress, totals and bands."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest

from tests.conftest import DATA, SEED_CASE
from tui.export import render
from tui.export.notes import ReviewNotes, build_review_notes
from tui.model import CaseRecord
from tui.model.anchoring import text_quote
from tui.model.checklist_catalogue import ChecklistCatalogue
from tui.model.review import Annotation
from tui.resources import bundled_checklists_dir
from tui.store.review_file import file_sha256, read_review

FIXTURE_REVIEW = DATA / "export" / "seed.ana-sousa.review.toml"
EXPORTED_AT = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)
TIED_QUOTE = "The adverse effects of clonazepam, such as drowsiness and dizziness, were tolerable."


def _tied_note(case: CaseRecord) -> Annotation:
    """A note tying CARE 10d to the sentence that reports the adverse effects."""
    section = case.section("case-presentation")
    assert section is not None
    start = section.text.index(TIED_QUOTE)
    quote, prefix, suffix = text_quote(section.text, start, start + len(TIED_QUOTE))
    stamp = datetime(2026, 11, 25, 9, 6, 30, tzinfo=UTC)
    return Annotation(
        id="a-0tp1o9e075000", target="checklist", target_id="care-2013:10d", section="case-presentation",
        start=start, end=start + len(quote), quote=quote, prefix=prefix, suffix=suffix, kind="concern",
        tags=["harms"], body="Adverse effects named but not graded, and not timed.", author="Ana Sousa",
        created=stamp, updated=stamp,
    )  # fmt: skip


@pytest.fixture
def notes(seed_case: CaseRecord, bundled_checklists: ChecklistCatalogue) -> ReviewNotes:
    """The fixture review (every bundled checklist answered) with a checklist note tied to the text."""
    review = read_review(FIXTURE_REVIEW, seed_case)
    review = review.model_copy(update={"annotations": [*review.annotations, _tied_note(seed_case)]})
    return build_review_notes(seed_case, review, exported=EXPORTED_AT, case_sha256=file_sha256(SEED_CASE))


def test_markdown_reports_progress_totals_and_decisions(notes: ReviewNotes) -> None:
    markdown = render("md", notes)
    assert "Checklists: none answered yet." not in markdown
    for line in (
        "- CARE: 5 of 30 items answered",
        "- JBI: 8 of 8 items answered, overall appraisal: Include",
        "- Murad: 8 of 8 items answered, overall judgement: Moderate methodological quality",
        "- Naranjo (drowsiness with clonazepam 0.5 mg/day): 10 of 10 items answered, total 2 (possible)",
        "- Naranjo (dizziness with clonazepam 0.5 mg/day): 10 of 10 items answered, total 2 (possible)",
        "- team-extraction-form: 1 item answered (checklist not known here)",
        "- **Review:** marked complete by the reviewer",
    ):
        assert line in markdown.splitlines()
    assert markdown.count("**Total: 2** (possible).") == 2
    # Each item with its words, its answer and its note; unanswered items listed empty.
    five_d = (
        r"^\| 5d \| Past interventions and their results: Are earlier .* \| Partly \| Relative days only\. \| \\#7 \|$"
    )
    assert re.search(five_d, markdown, re.MULTILINE)
    assert re.search(r"^\| 12 \| Patient perspective: .* \|  \|  \|  \|$", markdown, re.MULTILINE)
    assert (
        "| 5 | Other possible causes: Could causes other than the drug have brought on the reaction by themselves? "
        "| Yes | -1 | Fentanyl 700 μg/day ran alongside. |  |" in markdown
    )
    assert "**Overall appraisal:** Include" in markdown
    # The note tying CARE 10d to the text quotes the words.
    assert "### Checklist item: CARE 10d: Adverse and unexpected events\n\n**8. Concern**" in markdown
    assert f"> {TIED_QUOTE}" in markdown


def test_html_has_a_table_per_checklist(notes: ReviewNotes) -> None:
    page = render("html", notes)
    section = page[page.index('<section id="checklist">') :]
    assert section.count('<table class="appraisal">') == 3 + 2 + 1
    assert '<meter min="0" max="30" value="5"></meter>' in section
    assert section.count('<strong class="total">Total: 2</strong> (possible)') == 2
    assert (
        '<td class="answer a-partly">Partly</td><td>Relative days only.</td><td><a href="#note-7">7</a></td>' in section
    )
    assert (
        "<li>Naranjo (drowsiness with clonazepam 0.5 mg/day): 10 of 10 items answered, total 2 (possible)</li>" in page
    )
    assert f"<blockquote>{TIED_QUOTE}</blockquote>" in section


def test_json_carries_answers_totals_and_the_tied_note(notes: ReviewNotes) -> None:
    document = json.loads(render("json", notes))
    appraisal = {entry["checklist"]: entry for entry in document["appraisal"]}
    assert list(appraisal) == ["care-2013", "jbi-case-report", "murad-2018", "naranjo-1981", "team-extraction-form"]
    assert appraisal["care-2013"]["assessments"] == [{"answered": 5, "items": 30}]
    assert appraisal["jbi-case-report"]["assessments"][0]["overall"] == "include"
    assert [(a["effect"], a["total"], a["band"]) for a in appraisal["naranjo-1981"]["assessments"]] == [
        ("dizziness", 2, "possible"),
        ("drowsiness", 2, "possible"),
    ]
    assert appraisal["team-extraction-form"]["known"] is False
    naranjo = [a for a in document["review"]["checklist"] if a["checklist"] == "naranjo-1981"]
    assert len(naranjo) == 20 and naranjo[0]["medication"] == "clonazepam" and naranjo[0]["version"] == "1981"
    (tied,) = [a for a in document["annotations"] if a["id"].endswith("a-0tp1o9e075000")]
    assert tied["target"]["source"].endswith("/sections/case-presentation/text")
    selectors = {s["type"]: s for s in tied["target"]["selector"]}
    assert selectors["TextQuoteSelector"]["exact"] == TIED_QUOTE
    text = CaseRecord.model_validate(document["case"]).section("case-presentation").text  # type: ignore[union-attr]
    assert text[selectors["TextPositionSelector"]["start"] : selectors["TextPositionSelector"]["end"]] == TIED_QUOTE
    item = [b for b in tied["body"] if b["type"] == "SpecificResource"]
    assert item == [
        {
            "type": "SpecificResource",
            "source": "urn:case-review:checklist:care-2013:10d",
            "purpose": "identifying",
            "case_review_label": "CARE 10d: Adverse and unexpected events",
        }
    ]


def test_csv_has_one_row_per_answer_and_one_per_total(notes: ReviewNotes) -> None:
    rows = list(csv.DictReader(io.StringIO(render("csv", notes), newline="")))
    answers = [r for r in rows if r["record"] == "answer"]
    assert len(answers) == 5 + 9 + 9 + 20 + 1 == len(notes.checklist)
    scores = [r for r in rows if r["record"] == "score"]
    assert [(r["effect"], r["points"], r["answer"]) for r in scores] == [
        ("dizziness", "2", "possible"),
        ("drowsiness", "2", "possible"),
    ]
    (five,) = [r for r in answers if r["effect"] == "drowsiness" and r["item"] == "5"]
    assert (five["answer"], five["points"], five["body"], five["version"]) == (
        "yes",
        "-1",
        "Fentanyl 700 μg/day ran alongside.",
        "1981",
    )
    assert five["place"] == "Naranjo 5: Other possible causes (drowsiness with clonazepam 0.5 mg/day)"
    (overall,) = [r for r in answers if r["checklist"] == "jbi-case-report" and r["item"] == "overall"]
    assert overall["answer"] == "include" and overall["body"] == "Include, with the timing of the harms flagged."
    (tied,) = [r for r in rows if r["id"] == "a-0tp1o9e075000"]
    assert (tied["checklist"], tied["item"], tied["section"]) == ("care-2013", "10d", "case-presentation")


def test_the_command_line_loads_the_users_checklists(tmp_path: Path) -> None:
    """A user's own form is counted against its items; a broken one is one warning and the export goes on."""
    folder = tmp_path / "config" / "checklists"
    folder.mkdir(parents=True)
    form = (bundled_checklists_dir() / "jbi-case-report.toml").read_text(encoding="utf-8")
    form = form.replace('id = "jbi-case-report"', 'id = "team-extraction-form"')
    form = form.replace('short_title = "JBI"', 'short_title = "Team"').replace('id = "1"', 'id = "q1"', 1)
    (folder / "team.toml").write_text(form, encoding="utf-8")
    (folder / "broken.toml").write_text('schema_version = 1\nid = "Bad Id"\n', encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "tui", "export", str(SEED_CASE), "--review", str(FIXTURE_REVIEW), "--format", "md"],
        capture_output=True,
        text=True,
        env={**os.environ, "CASE_REVIEW_CONFIG_DIR": str(tmp_path / "config")},
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    warnings = result.stderr.strip().splitlines()
    assert len(warnings) == 1
    assert warnings[0].startswith(f"case-review: warning: {folder / 'broken.toml'}: ")
    assert "- Team: 1 of 8 items answered" in result.stdout.splitlines()
