"""`case-review agree`: the agreement table for generated reviews of the seed case, exports, refusals, exit codes."""

from __future__ import annotations

import csv
import io
import shutil
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from tests.agreement_helpers import make_reviews, write_reviews
from tests.conftest import SEED_CASE, RunCli, textual_modules_after
from tui.agreement.alignment import compare
from tui.agreement.consensus import start_consensus
from tui.agreement.report import agreement_report
from tui.export.agreement_tables import number, percent
from tui.model.case import CaseRecord
from tui.store import read_case
from tui.store.case_files import consensus_path_for, review_path_for
from tui.store.review_file import file_sha256, read_review, write_review


@pytest.fixture
def case_dir(tmp_path: Path) -> Path:
    """A folder with a copy of the seed case (reviews are written beside it)."""
    shutil.copyfile(SEED_CASE, tmp_path / SEED_CASE.name)
    return tmp_path


def _case(folder: Path) -> Path:
    return folder / SEED_CASE.name


def _expected(case_path: Path, reviews: list[Path]):  # type: ignore[no-untyped-def]
    case = read_case(case_path)
    return agreement_report(compare(case, [read_review(p, case) for p in reviews], case_sha256=file_sha256(case_path)))


def test_two_reviewers(case_dir: Path, run_cli: RunCli) -> None:
    written = write_reviews(_case(case_dir), 2, agreement=0.8, seed=1)
    result = run_cli("agree", _case(case_dir))
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "Reviewers: Ana Sousa (" in out and "Ben Okafor (" in out
    assert "Cohen's kappa" in out and "weighted kappa" in out and "Fleiss" not in out
    expected = _expected(_case(case_dir), written)
    overall = expected.checklists[-1]
    assert overall.cohen is not None and overall.weighted is not None
    row = next(line for line in out.splitlines() if line.strip().startswith("all checklists"))
    assert row.split()[2:] == [
        str(overall.items),
        str(overall.compared),
        percent(overall.agreement),
        number(overall.cohen),
        number(overall.weighted),
        number(overall.alpha),
    ]
    spans = next(line for line in out.splitlines() if "Ana Sousa / Ben Okafor" in line)
    assert spans.split()[-2:] == [number(expected.span_exact), number(expected.span_overlapping)]
    assert "Orphaned notes: none." in out


def test_three_reviewers(case_dir: Path, run_cli: RunCli) -> None:
    written = write_reviews(_case(case_dir), 3, agreement=0.8, seed=1)
    result = run_cli("agree", case_dir)  # the folder holding the case names it too
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "Fleiss' kappa" in out and "Cohen's kappa" in out  # Cohen's only in the pairs table
    assert "Pairs of reviewers" in out and "mean of 3 pairs" in out
    expected = _expected(_case(case_dir), written)
    overall = expected.checklists[-1]
    assert overall.fleiss is not None
    row = next(line for line in out.splitlines() if line.strip().startswith("all checklists"))
    assert row.split()[-2:] == [number(overall.fleiss), number(overall.alpha)]
    for pair in expected.pairs:
        line = next(line for line in out.splitlines() if f"{pair.first} / {pair.second}" in line)
        assert line.split()[-3:] == [number(pair.cohen), number(pair.span_exact), number(pair.span_overlapping)]


def test_perfect_agreement_gives_one(case_dir: Path, run_cli: RunCli) -> None:
    case = read_case(_case(case_dir))
    (ana,) = make_reviews(case, 1, agreement=1.0, seed=3)
    for name in ("Ana", "Ben"):
        write_review(review_path_for(_case(case_dir), case.id, name), ana)
    out = run_cli("agree", _case(case_dir)).stdout
    row = next(line for line in out.splitlines() if line.strip().startswith("all checklists"))
    assert row.split()[-4:] == ["100.0%", "1.000", "1.000", "1.000"]
    assert "Ana Sousa / Ana Sousa (2)" in out  # one reviewer's name in two files is told apart


def test_fewer_than_two_reviews_is_exit_one(case_dir: Path, run_cli: RunCli) -> None:
    none = run_cli("agree", _case(case_dir))
    assert none.returncode == 1 and "0 reviews of this case" in none.stderr
    write_reviews(_case(case_dir), 1)
    one = run_cli("agree", _case(case_dir))
    assert one.returncode == 1 and "1 review of this case" in one.stderr and one.stdout == ""


def test_reviewers_option(case_dir: Path, run_cli: RunCli) -> None:
    write_reviews(_case(case_dir), 3)
    chosen = run_cli("agree", _case(case_dir), "--reviewers", "chen-wei, Ana Sousa")
    assert chosen.returncode == 0, chosen.stderr
    assert "Chen Wei / Ana Sousa" in chosen.stdout and "Ben Okafor" not in chosen.stdout
    unknown = run_cli("agree", _case(case_dir), "--reviewers", "ana-sousa,zoe")
    assert unknown.returncode == 2
    assert "no review by 'zoe'" in unknown.stderr and "ben-okafor" in unknown.stderr
    single = run_cli("agree", _case(case_dir), "--reviewers", "ana-sousa")
    assert single.returncode == 2 and "at least two" in single.stderr


def test_the_consensus_review_is_not_a_reviewer(case_dir: Path, run_cli: RunCli) -> None:
    written = write_reviews(_case(case_dir), 2)
    shutil.copyfile(written[0], consensus_path_for(_case(case_dir), read_case(_case(case_dir)).id))
    result = run_cli("agree", _case(case_dir))
    assert result.returncode == 0
    assert "Reviewers: Ana Sousa (" in result.stdout and "consensus" not in result.stdout


def test_changed_case_text_reanchors_and_lists_orphans(case_dir: Path, run_cli: RunCli) -> None:
    written = write_reviews(_case(case_dir), 2, agreement=1.0, seed=2)
    case = read_case(_case(case_dir))
    victim = next(a for a in read_review(written[0], case).annotations if a.is_text_span)
    assert victim.quote
    source = _case(case_dir).read_text(encoding="utf-8")
    _case(case_dir).write_text(source.replace(victim.quote, "Words that were rewritten.", 1), encoding="utf-8")
    result = run_cli("agree", _case(case_dir))
    assert result.returncode == 0, result.stderr
    assert "Re-anchored: written against another version of the case: Ana Sousa, Ben Okafor" in result.stdout
    assert f"Ana Sousa: {victim.id} on section {victim.target_id}" in result.stdout
    # Both reviewers lost the same sentence: the orphans are not counted, so the rest still agrees exactly.
    spans = next(line for line in result.stdout.splitlines() if "Ana Sousa / Ben Okafor" in line)
    assert spans.split()[-2:] == ["1.000", "1.000"]


def test_markdown_export(case_dir: Path, run_cli: RunCli) -> None:
    write_reviews(_case(case_dir), 3)
    out = case_dir / "agreement.md"
    result = run_cli("agree", _case(case_dir), "-o", out)
    assert result.returncode == 0, result.stderr
    tokens = MarkdownIt("commonmark").enable("table").parse(out.read_text(encoding="utf-8"))
    headings = [tokens[i + 1].content for i, t in enumerate(tokens) if t.type == "heading_open"]
    assert headings == [
        "Agreement on clonazepam-vcf-myeloma",
        "Checklist answers",
        "Text notes (span F1)",
        "Pairs of reviewers",
        "Orphaned notes",
    ]
    assert sum(1 for t in tokens if t.type == "table_open") == 3


def test_html_export_is_one_safe_page(case_dir: Path, run_cli: RunCli) -> None:
    write_reviews(_case(case_dir), 2)
    out = case_dir / "figures.html"
    assert run_cli("agree", _case(case_dir), "--format", "html", "-o", out).returncode == 0
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and "Content-Security-Policy" in page
    assert "<script" not in page and "http" not in page.replace("http-equiv", "")
    assert '<th class="number">Cohen&#x27;s kappa</th>' in page


def test_csv_export_one_figure_a_row(case_dir: Path, run_cli: RunCli) -> None:
    written = write_reviews(_case(case_dir), 2)
    result = run_cli("agree", _case(case_dir), "--format", "csv")
    assert result.returncode == 0
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    expected = _expected(_case(case_dir), written)
    kappa = next(r for r in rows if r["subject"] == "all checklists" and r["measure"] == "cohen kappa")
    assert float(kappa["value"]) == pytest.approx(expected.checklists[-1].cohen.value, abs=1e-6)  # type: ignore[union-attr]
    assert kappa["reviewers"] == "Ana Sousa; Ben Okafor"
    assert {r["scope"] for r in rows} == {"places", "checklist", "text notes"}


def test_hostile_reviewer_names_stay_text(case_dir: Path, run_cli: RunCli) -> None:
    case = read_case(_case(case_dir))
    reviews = make_reviews(case, 2)
    for review, name in zip(reviews, ("=HYPERLINK(1)\x1b]0;pwned\x07", "<script>x</script>"), strict=True):
        hostile = review.model_copy(update={"review": review.review.model_copy(update={"reviewer": name})})
        write_review(review_path_for(_case(case_dir), case.id, name), hostile)
    terminal = run_cli("agree", _case(case_dir)).stdout
    assert "\x1b" not in terminal and "␛]0;pwned␇" in terminal
    rows = list(csv.reader(io.StringIO(run_cli("agree", _case(case_dir), "--format", "csv").stdout)))
    assert all(not cell.startswith("=") for row in rows for cell in row)
    page = run_cli("agree", _case(case_dir), "--format", "html").stdout
    assert "<script>x" not in page and "&lt;script&gt;x" in page


def test_never_writes_onto_an_input(case_dir: Path, run_cli: RunCli) -> None:
    written = write_reviews(_case(case_dir), 2)
    before = written[0].read_bytes()
    onto_review = run_cli("agree", _case(case_dir), "--format", "csv", "-o", written[0])
    assert onto_review.returncode == 2 and "is an input" in onto_review.stderr
    assert written[0].read_bytes() == before
    onto_case = run_cli("agree", _case(case_dir), "--format", "md", "-o", _case(case_dir))
    assert onto_case.returncode == 2 and "is an input" in onto_case.stderr
    assert run_cli("agree", _case(case_dir), "-o", case_dir).returncode == 2
    assert run_cli("agree", _case(case_dir), "-o", case_dir / "figures.xyz").returncode == 2


def test_a_malformed_review_is_reported_at_its_place(case_dir: Path, run_cli: RunCli) -> None:
    written = write_reviews(_case(case_dir), 2)
    written[1].write_text(written[1].read_text(encoding="utf-8").replace('answer = "yes"', 'answer = "maybe"', 1))
    result = run_cli("agree", _case(case_dir))
    assert result.returncode == 1
    assert f"{written[1]}: checklist[" in result.stderr and "Traceback" not in result.stderr


def test_validate_accepts_a_consensus_file(seed_case: CaseRecord, tmp_path: Path, run_cli: RunCli) -> None:
    shutil.copyfile(SEED_CASE, tmp_path / SEED_CASE.name)
    reviews = [read_review(p, seed_case) for p in write_reviews(tmp_path / SEED_CASE.name, 2)]
    session = start_consensus(compare(seed_case, reviews), None, case_sha256="0" * 64, decided_by="Carla")
    assert session.accept_agreed() > 0
    path = consensus_path_for(tmp_path / SEED_CASE.name, seed_case.id)
    write_review(path, session.review)
    result = run_cli("validate", path)
    assert result.returncode == 0, result.stdout
    # A consensus whose provenance is damaged is reported at its place.
    path.write_text(path.read_text(encoding="utf-8").replace('decision = "agreed"', 'decision = "maybe"', 1))
    bad = run_cli("validate", path)
    assert bad.returncode == 1 and ": provenance[" in bad.stdout and ".decision: " in bad.stdout


def test_agree_does_not_import_textual(case_dir: Path) -> None:
    write_reviews(_case(case_dir), 2)
    out = case_dir / "figures.csv"
    assert textual_modules_after(["agree", _case(case_dir)], ["agree", _case(case_dir), "-o", out]) == []
