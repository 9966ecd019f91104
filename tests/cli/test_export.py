"""Exports: golden files per format, Markdown structure, the Web Annotation model, command-line errors.

Golden files live in `tests/data/export/golden/`. After an intended change of an export,
regenerate them with `CASE_REVIEW_UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/cli/test_export.py`
and read the diff before committing.
"""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
from datetime import UTC, datetime
from pathlib import Path

import pytest
from markdown_it import MarkdownIt
from markdown_it.token import Token

from tests.conftest import DATA, SEED_CASE, RunCli, textual_modules_after
from tui.export import FORMATS, render
from tui.export.notes import ReviewNotes, build_review_notes
from tui.model import CaseRecord
from tui.model.checklist_catalogue import ChecklistCatalogue
from tui.store.review_file import file_sha256, read_review

EXPORT_DATA = DATA / "export"
FIXTURE_REVIEW = EXPORT_DATA / "seed.ana-sousa.review.toml"
GOLDEN = EXPORT_DATA / "golden"
EXPORTED_AT = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)


@pytest.fixture(autouse=True)
def _checklists(bundled_checklists: ChecklistCatalogue) -> ChecklistCatalogue:
    """Exports name items and count progress with the checklists the command line installs: the bundled ones."""
    return bundled_checklists


def _notes(case: CaseRecord) -> ReviewNotes:
    return build_review_notes(
        case, read_review(FIXTURE_REVIEW, case), exported=EXPORTED_AT, case_sha256=file_sha256(SEED_CASE)
    )


def _flatten(tokens: list[Token]) -> list[Token]:
    flat: list[Token] = []
    for token in tokens:
        flat.append(token)
        if token.children:
            flat.extend(_flatten(token.children))
    return flat


# ---- the fixture covers what the goldens must show ---------------------------------------


def test_fixture_review_covers_every_target_kind_an_orphan_and_non_ascii(seed_case: CaseRecord) -> None:
    notes = _notes(seed_case)
    kinds = {n.annotation.target for n in notes.notes}
    assert kinds == {"section", "medication", "pain_score", "timeline", "checklist"}
    assert any(n.annotation.is_text_span for n in notes.notes)
    assert any(n.annotation.target == "section" and not n.annotation.is_text_span for n in notes.notes)
    assert len(notes.orphans()) == 2
    text = FIXTURE_REVIEW.read_text(encoding="utf-8")
    for character in ("μg", "™", "“", "’"):
        assert character in text


# ---- golden files ------------------------------------------------------------------------------


@pytest.mark.parametrize("export_format", FORMATS)
def test_export_matches_its_golden_file(seed_case: CaseRecord, export_format: str, run_cli: RunCli) -> None:
    golden = GOLDEN / f"seed.{export_format}"
    rendered = render(export_format, _notes(seed_case))  # type: ignore[arg-type]
    if os.environ.get("CASE_REVIEW_UPDATE_GOLDEN"):
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_bytes(rendered.encode("utf-8"))
    assert rendered == golden.read_bytes().decode("utf-8")
    # The command line writes the very same bytes: a review's export does not depend on the clock.
    result = run_cli("export", SEED_CASE, "--review", FIXTURE_REVIEW, "--format", export_format)
    assert result.returncode == 0, result.stderr
    assert result.stdout == rendered.replace("\r\n", "\n")  # text mode reads CSV's CRLF as LF


# ---- Markdown ------------------------------------------------------------------------------------


def test_markdown_structure(seed_case: CaseRecord) -> None:
    notes = _notes(seed_case)
    tokens = MarkdownIt("commonmark").enable("table").parse(render("md", notes))
    flat = _flatten(tokens)
    headings = [(t.tag, tokens[i + 1].content) for i, t in enumerate(tokens) if t.type == "heading_open"]
    assert headings[0] == ("h1", f"Review of {seed_case.title}")
    h2 = [text for tag, text in headings if tag == "h2"]
    assert h2 == [
        "Summary",
        "Medications",
        "Pain scores",
        "Notes on the text",
        "Notes on medications, pain scores and events",
        "Appraisal",
        "Orphaned notes",
    ]
    h3 = [text for tag, text in headings if tag == "h3"]
    assert h3[:3] == ["Change from baseline", "Abstract › Background", "Discussion"]
    assert "Medication: fentanyl 500 μg/day" in h3
    # Tables: summary, medications, pain scores, change from baseline, then one per checklist
    # (CARE, JBI, Murad), one per Naranjo assessment (two) and one for the unknown checklist.
    tables = [i for i, t in enumerate(tokens) if t.type == "table_open"]
    assert len(tables) == 4 + 3 + 2 + 1
    medication_rows = sum(1 for t in tokens[tables[1] :] if t.type == "tr_open") - sum(
        1 for t in tokens[tables[2] :] if t.type == "tr_open"
    )
    assert medication_rows == len(seed_case.medications) + 1  # header row
    # Each text note's quote is a blockquote, in document order.
    quotes = []
    for i, token in enumerate(tokens):
        if token.type == "blockquote_open":
            quotes.append(tokens[i + 2].content)
    spans = [n.annotation.quote for n in notes.notes if n.annotation.quote]
    assert quotes == spans
    # Nothing from the review became HTML, a link or an image.
    assert not [t for t in flat if t.type in {"html_block", "html_inline", "link_open", "image"}]
    # The percent reduction at rest: 8 -> 3 is 62%, substantial; movement has words only, no number.
    markdown = render("md", notes)
    assert "| rest | 8 | 3 | -5 | 62% | substantial |" in markdown
    assert "“dramatically relieved”" in markdown


def test_markdown_lists_notes_in_document_order_with_orphans_last(seed_case: CaseRecord) -> None:
    markdown = render("md", _notes(seed_case))
    positions = [markdown.index(f"**{n}. ") for n in range(1, 10)]
    assert positions == sorted(positions)
    assert markdown.index("## Orphaned notes") < markdown.index("**8. ")


def test_export_of_a_case_with_no_review_is_the_case_alone(seed_case: CaseRecord) -> None:
    notes = build_review_notes(seed_case, None, exported=EXPORTED_AT)
    markdown = render("md", notes)
    assert "no review yet" in markdown and "No notes yet." in markdown
    assert "## Medications" in markdown and "## Notes on the text" not in markdown
    assert json.loads(render("json", notes))["annotations"] == []
    assert render("csv", notes).splitlines()[1:] == []
    assert "No notes yet." in render("html", notes)


# ---- JSON: the W3C Web Annotation model -----------------------------------------------------

W3C_MOTIVATIONS = {
    "assessing",
    "bookmarking",
    "classifying",
    "commenting",
    "describing",
    "editing",
    "highlighting",
    "identifying",
    "linking",
    "moderating",
    "questioning",
    "replying",
    "tagging",
}


def test_json_follows_the_web_annotation_model(seed_case: CaseRecord) -> None:
    document = json.loads(render("json", _notes(seed_case)))
    assert document["format"] == "case-review-export" and document["version"] == 1
    case = CaseRecord.model_validate(document["case"])  # the wrapper carries the case record whole
    assert case == seed_case
    assert document["review"]["reviewer"] == "Ana Sousa"
    assert [a["answer"] for a in document["review"]["checklist"]][:2] == ["yes", "partly"]
    assert len(document["review"]["checklist"]) == 5 + 9 + 9 + 20 + 1
    assert document["review"]["complete"] is True
    annotations = document["annotations"]
    assert len(annotations) == 9
    ids = [a["id"] for a in annotations]
    assert len(set(ids)) == len(ids)
    for annotation in annotations:
        # Required by the model: @context, id (an IRI), type, target.
        assert annotation["@context"] == "http://www.w3.org/ns/anno.jsonld"
        assert annotation["id"].startswith("urn:case-review:")
        assert annotation["type"] == "Annotation"
        assert annotation["motivation"] in W3C_MOTIVATIONS
        datetime.fromisoformat(annotation["created"])
        datetime.fromisoformat(annotation["modified"])
        assert annotation["creator"]["type"] == "Person" and annotation["creator"]["name"]
        for body in annotation["body"]:
            if body["type"] == "SpecificResource":  # the checklist item a note is about
                assert body["source"].startswith("urn:case-review:checklist:")
            else:
                assert body["type"] == "TextualBody" and isinstance(body["value"], str)
            assert body["purpose"] in W3C_MOTIVATIONS
        target = annotation["target"]
        assert target["type"] == "SpecificResource" and target["source"].startswith("urn:case-review:case:")
        selectors = target["selector"] if isinstance(target["selector"], list) else [target["selector"]]
        for selector in selectors:
            if selector["type"] == "TextQuoteSelector":
                assert isinstance(selector["exact"], str) and selector["exact"]
            elif selector["type"] == "TextPositionSelector":
                assert 0 <= selector["start"] <= selector["end"]
            else:
                assert selector["type"] == "FragmentSelector" and "/" in selector["value"]
    # A placed text note's positions select exactly its quote in the carried case text.
    first = annotations[0]["target"]
    section_id = first["source"].split("/sections/")[1].removesuffix("/text")
    quote, position = first["selector"]
    assert case.section(section_id).text[position["start"] : position["end"]] == quote["exact"]  # type: ignore[union-attr]
    assert document["orphans"] == [a["id"].rsplit("/", 1)[1] for a in annotations[-2:]]


# ---- CSV ----------------------------------------------------------------------------------------


def test_csv_has_one_row_per_note_with_every_field(seed_case: CaseRecord) -> None:
    notes = _notes(seed_case)
    rows = [r for r in csv.DictReader(io.StringIO(render("csv", notes), newline="")) if r["record"] == "note"]
    assert [int(r["number"]) for r in rows] == list(range(1, 10))
    first = rows[0]
    original = notes.notes[0].annotation
    assert first["quote"] == original.quote and first["body"] == original.body
    assert first["author"] == "Ana Sousa" and first["tags"] == "evidence" and first["status"] == "open"
    assert datetime.fromisoformat(first["created"]) == original.created
    assert first["place"] == "Abstract › Background"
    assert [r["orphan"] for r in rows][-2:] == ["yes", "yes"]


# ---- the command line ------------------------------------------------------------------------


def _assert_one_line_no_traceback(result: subprocess.CompletedProcess[str]) -> None:
    assert "Traceback" not in result.stdout + result.stderr
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr


def test_missing_case_is_one_line_and_exit_2(run_cli: RunCli, tmp_path: Path) -> None:
    missing = tmp_path / "no-such-case.toml"
    result = run_cli("export", missing, "--format", "md")
    _assert_one_line_no_traceback(result)
    assert result.returncode == 2
    assert str(missing) in result.stderr and result.stdout == ""


def test_review_of_another_case_is_one_line_and_exit_1(run_cli: RunCli, tmp_path: Path) -> None:
    other = tmp_path / "other.review.toml"
    other.write_text(
        FIXTURE_REVIEW.read_text(encoding="utf-8").replace(
            'case_id = "clonazepam-vcf-myeloma"', 'case_id = "another-case"'
        ),
        encoding="utf-8",
    )
    result = run_cli("export", SEED_CASE, "--review", other, "--format", "html", "-o", tmp_path / "out.html")
    _assert_one_line_no_traceback(result)
    assert result.returncode == 1
    assert f"{other}: review.case_id: a review of case 'another-case'" in result.stderr
    assert not (tmp_path / "out.html").exists()


@pytest.mark.parametrize("where", ["missing-folder/out.md", "a-file/out.md", "."])
def test_unwritable_output_is_one_line_and_exit_2(run_cli: RunCli, tmp_path: Path, where: str) -> None:
    (tmp_path / "a-file").write_text("not a folder", encoding="utf-8")
    output = tmp_path / where
    result = run_cli("export", SEED_CASE, "--review", FIXTURE_REVIEW, "--format", "md", "-o", output)
    _assert_one_line_no_traceback(result)
    assert result.returncode == 2
    assert f"{output}: cannot write the export" in result.stderr
    assert (tmp_path / "a-file").read_text(encoding="utf-8") == "not a folder"


def test_format_comes_from_the_output_name_and_otherwise_must_be_given(run_cli: RunCli, tmp_path: Path) -> None:
    result = run_cli("export", SEED_CASE, "--review", FIXTURE_REVIEW, "-o", tmp_path / "notes.json")
    assert result.returncode == 0, result.stderr
    assert json.loads((tmp_path / "notes.json").read_text(encoding="utf-8"))["format"] == "case-review-export"
    result = run_cli("export", SEED_CASE)
    _assert_one_line_no_traceback(result)
    assert result.returncode == 2 and "--format" in result.stderr


def test_without_a_review_the_case_alone_is_exported(run_cli: RunCli, tmp_path: Path) -> None:
    case = tmp_path / SEED_CASE.name
    case.write_bytes(SEED_CASE.read_bytes())
    result = run_cli("export", case, "--format", "md", "--reviewer", "Nobody Yet")
    assert result.returncode == 0, result.stderr
    assert "no review of this case found" in result.stderr
    assert "# Review of Clonazepam" in result.stdout and "No notes yet." in result.stdout


def test_the_default_review_beside_the_case_is_found(run_cli: RunCli, tmp_path: Path) -> None:
    case = tmp_path / SEED_CASE.name
    case.write_bytes(SEED_CASE.read_bytes())
    (tmp_path / "clonazepam-vcf-myeloma.ana-sousa.review.toml").write_bytes(FIXTURE_REVIEW.read_bytes())
    result = run_cli("export", case, "--format", "csv", "--reviewer", "Ana Sousa")
    assert result.returncode == 0, result.stderr
    assert sum(1 for row in csv.DictReader(io.StringIO(result.stdout)) if row["record"] == "note") == 9


def test_export_does_not_import_textual(tmp_path: Path) -> None:
    calls = [["export", SEED_CASE, "--review", FIXTURE_REVIEW, "-o", tmp_path / f"out.{f}"] for f in FORMATS]
    assert textual_modules_after(*calls) == []
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.csv", "out.html", "out.json", "out.md"]


def test_written_export_replaces_the_file_atomically(run_cli: RunCli, tmp_path: Path) -> None:
    output = tmp_path / "notes.md"
    output.write_text("old notes", encoding="utf-8")
    result = run_cli("export", SEED_CASE, "--review", FIXTURE_REVIEW, "-o", output)
    assert result.returncode == 0, result.stderr
    assert output.read_text(encoding="utf-8").startswith("# Review of")
    assert [p.name for p in tmp_path.iterdir()] == ["notes.md"]  # no temporary file left behind


def test_hostile_case_exports_without_error(run_cli: RunCli) -> None:
    for export_format in FORMATS:
        result = run_cli("export", DATA / "good" / "hostile.toml", "--format", export_format, "--reviewer", "x")
        assert result.returncode == 0, result.stderr
        assert "\x1b" not in result.stdout and "\x07" not in result.stdout
