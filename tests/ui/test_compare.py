"""The compare screen, driven by keys: reviewers side by side, disagreements, blind review, consensus."""

from __future__ import annotations

import shutil
from pathlib import Path

from textual.widgets import Static

from tests.agreement_helpers import write_reviews
from tests.conftest import SEED_CASE
from tests.review_helpers import reader, screen_text
from tui.app import CaseReviewApp
from tui.screens.compare.screen import CompareScreen, CompareTable
from tui.screens.review.screen import ReviewScreen
from tui.store import read_case
from tui.store.case_files import consensus_path_for
from tui.store.review_file import file_sha256, read_consensus
from tui.workspace import ReviewDocument

SIZE = (140, 45)


def team_case(tmp_path: Path, reviewers: int, settings: str | None = None) -> tuple[Path, list[Path]]:
    """A copy of the seed case with `reviewers` generated reviews beside it (and a team settings file)."""
    case_path = tmp_path / SEED_CASE.name
    shutil.copyfile(SEED_CASE, case_path)
    written = write_reviews(case_path, reviewers, agreement=0.8, seed=1)
    if settings is not None:
        (tmp_path / "case-review.toml").write_text(settings, encoding="utf-8")
    return case_path, written


def app_as(case_path: Path, reviewer: str = "Ana Sousa") -> CaseReviewApp:
    return CaseReviewApp(ReviewDocument.open(case_path, reviewer=reviewer), theme="case-review-dark")


def compare_screen(app: CaseReviewApp) -> CompareScreen:
    screen = app.screen
    assert isinstance(screen, CompareScreen)
    return screen


def text_of(app: CaseReviewApp, widget_id: str) -> str:
    return str(app.screen.query_one(f"#{widget_id}", Static).render())


async def test_two_reviewers_side_by_side_and_the_keys_step_over_disagreements(tmp_path: Path) -> None:
    case_path, _ = team_case(tmp_path, 2)
    app = app_as(case_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("C")
        await pilot.pause()
        screen = compare_screen(app)
        comparison = screen.team.comparison
        assert comparison is not None and comparison.reviewers == ("Ana Sousa", "Ben Okafor")
        table = screen.query_one(CompareTable)
        assert table.row_count == len(comparison.places) > 30
        text = screen_text(app)
        assert "1 Ana Sousa" in text and "2 Ben Okafor" in text and "≠" in text
        figures = text_of(app, "compare-figures-line")
        assert "κ 0.598" in figures and "weighted κ 0.670" in figures and "α 0.601" in figures
        assert "span F1 exact 0.311 / overlap 0.756" in figures
        disagreeing = [i for i, place in enumerate(comparison.places) if place.disagree]
        await pilot.press("home", "right_square_bracket")
        first = disagreeing[0] if disagreeing[0] != 0 else disagreeing[1]
        assert table.cursor_row == first
        await pilot.press("right_square_bracket")
        second = disagreeing[disagreeing.index(first) + 1]
        assert table.cursor_row == second
        assert f"disagreement {disagreeing.index(second) + 1} of {len(disagreeing)}" in text_of(app, "compare-status")
        await pilot.press("left_square_bracket")
        assert table.cursor_row == first
        assert "disagree:" in text_of(app, "compare-detail")
        await pilot.press("f")
        await pilot.pause()
        assert "Cohen" in text_of(app, "compare-figures-text")


async def test_three_reviewers_give_fleiss_kappa_and_three_columns(tmp_path: Path) -> None:
    case_path, _ = team_case(tmp_path, 3)
    app = app_as(case_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("C")
        await pilot.pause()
        screen = compare_screen(app)
        assert screen.team.shown_names == ("Ana Sousa", "Ben Okafor", "Chen Wei")
        assert "3 Chen Wei" in screen_text(app)
        figures = text_of(app, "compare-figures-line")
        assert "Fleiss κ 0.491" in figures and "α 0.500" in figures


async def test_enter_opens_the_place_in_the_reader(tmp_path: Path) -> None:
    case_path, _ = team_case(tmp_path, 2)
    app = app_as(case_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("C")
        await pilot.pause()
        screen = compare_screen(app)
        comparison = screen.team.comparison
        assert comparison is not None
        # Well into the case, so the reader has to move there.
        row = max(i for i, p in enumerate(comparison.places) if p.place.is_text_span)
        place = comparison.places[row].place
        screen.query_one(CompareTable).move_cursor(row=row)
        await pilot.press("enter")
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)
        assert reader(app).section_id == place.target_id


async def test_blind_review_hides_the_others_says_why_and_shows_them_once_complete(tmp_path: Path) -> None:
    case_path, _ = team_case(tmp_path, 2, settings="[team]\nblind = true\n")
    app = app_as(case_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("C")
        await pilot.pause()
        screen = compare_screen(app)
        assert screen.team.comparison is None and screen.team.consensus is None
        assert screen.query_one(CompareTable).row_count == 0
        hidden = text_of(app, "compare-hidden")
        assert "Blind review (case-review.toml: blind = true): 1 other review hidden" in hidden
        assert "until you mark your review complete" in hidden
        assert "Ben Okafor" not in screen_text(app)
        await pilot.press("M")
        await pilot.pause()
        assert screen.team.shown_names == ("Ana Sousa", "Ben Okafor")
        assert "2 Ben Okafor" in screen_text(app)
        assert not screen.query_one("#compare-hidden").display
        assert screen.document.session.review.review.complete


async def test_a_bad_team_settings_file_is_one_warning_naming_file_and_field(tmp_path: Path) -> None:
    case_path, _ = team_case(tmp_path, 2, settings="[team]\nblnd = true\n")
    app = app_as(case_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("C")
        await pilot.pause()
        warning = text_of(app, "compare-hidden")
        assert "case-review.toml" in warning and "team.blnd" in warning and "\n" not in warning
        assert compare_screen(app).team.shown_names == ("Ana Sousa", "Ben Okafor"), "defaults apply: not blind"


async def test_consensus_accepts_agreed_places_takes_a_reviewer_undoes_and_saves(tmp_path: Path) -> None:
    case_path, reviews = team_case(tmp_path, 2)
    before = {path: file_sha256(path) for path in reviews}
    app = app_as(case_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("C")
        await pilot.pause()
        screen = compare_screen(app)
        consensus = screen.team.consensus
        comparison = screen.team.comparison
        assert consensus is not None and comparison is not None
        agreed = sum(1 for place in comparison.places if not place.disagree)
        await pilot.press("A")
        assert len(consensus.review.provenance) == agreed
        await pilot.press("home", "right_square_bracket")
        place = screen.current_place()
        assert place is not None and place.disagree
        await pilot.press("2")
        decision = consensus.decision(place)
        assert decision is not None and decision.chosen == ["Ben Okafor"]
        assert "Ben Okafor" in screen_text(app)
        await pilot.press("ctrl+z")
        assert consensus.decision(place) is None
        await pilot.press("ctrl+y")
        assert consensus.decision(place) is not None
        await pilot.press("delete")
        assert consensus.decision(place) is None
        await pilot.press("ctrl+z")
        assert consensus.decision(place) is not None
        await pilot.press("s")
        await pilot.pause()
        path = consensus_path_for(case_path, "clonazepam-vcf-myeloma")
        saved = read_consensus(path, read_case(case_path))
        assert len(saved.provenance) == agreed + 1
        mine = next(d for d in saved.provenance if d.place == place.ident)
        assert mine.decided_by == "Ana Sousa" and mine.chosen == ["Ben Okafor"]
        assert [s.reviewer for s in mine.sources] == ["Ana Sousa", "Ben Okafor"]
        assert "consensus saved" in text_of(app, "compare-status")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)
    assert {path: file_sha256(path) for path in reviews} == before, "no reviewer's file is ever written"


async def test_leaving_with_an_unsaved_consensus_saves_it(tmp_path: Path) -> None:
    case_path, _ = team_case(tmp_path, 3)
    app = app_as(case_path, reviewer="Chen Wei")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("C")
        await pilot.pause()
        await pilot.press("A", "escape")
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)
    saved = read_consensus(consensus_path_for(case_path, "clonazepam-vcf-myeloma"), read_case(case_path))
    assert saved.provenance and all(d.decided_by == "Chen Wei" for d in saved.provenance)


async def test_one_review_only_says_there_is_nothing_to_compare(tmp_path: Path) -> None:
    case_path, _ = team_case(tmp_path, 1)
    app = app_as(case_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("C")
        await pilot.pause()
        assert "compare needs two or more" in text_of(app, "compare-status")
        await pilot.press("2", "A", "s")  # nothing to decide or save: no error, no file
        assert not consensus_path_for(case_path, "clonazepam-vcf-myeloma").exists()


async def test_e_writes_the_figures_as_markdown_html_and_csv(tmp_path: Path) -> None:
    case_path, _ = team_case(tmp_path, 2)
    app = app_as(case_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("C")
        await pilot.pause()
        await pilot.press("e")
        await pilot.pause()
    markdown = (tmp_path / "clonazepam-vcf-myeloma.agreement.md").read_text(encoding="utf-8")
    assert "0.598" in markdown and "Cohen" in markdown
    assert "<table" in (tmp_path / "clonazepam-vcf-myeloma.agreement.html").read_text(encoding="utf-8")
    assert "care-2013" in (tmp_path / "clonazepam-vcf-myeloma.agreement.csv").read_text(encoding="utf-8")


async def test_the_palette_offers_compare_on_the_review_screen(tmp_path: Path) -> None:
    case_path, _ = team_case(tmp_path, 2)
    app = app_as(case_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"compare reviewers")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, CompareScreen)


async def test_an_unreadable_review_beside_the_case_is_one_line_and_no_screen(tmp_path: Path) -> None:
    case_path, reviews = team_case(tmp_path, 2)
    reviews[1].write_text("[review\n", encoding="utf-8")
    app = app_as(case_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("C")
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)
        messages = [n.message for n in app._notifications]
        assert any(str(reviews[1]) + ":1:" in m and "\n" not in m for m in messages), messages


async def test_blind_review_says_how_to_reveal_and_offers_only_m_and_back(tmp_path: Path) -> None:
    case_path, _ = team_case(tmp_path, 3, settings="[team]\nblind = true\n")
    app = app_as(case_path, reviewer="Chen Wei")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("C")
        await pilot.pause()
        assert "2 other reviews hidden" in text_of(app, "compare-detail")
        assert "Press M" in text_of(app, "compare-detail")
        hints = str(app.screen.query_one("#compare-hints", Static).render())
        assert "Mark mine complete" in hints and "Save consensus" not in hints and "Disagree" not in hints
        await pilot.press("A", "s", "right_square_bracket")  # nothing to act on while blind
        assert not consensus_path_for(case_path, "clonazepam-vcf-myeloma").exists()


async def test_e_writes_a_consensus_answer_of_ones_own(tmp_path: Path) -> None:
    case_path, _ = team_case(tmp_path, 2)
    app = app_as(case_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("C")
        await pilot.pause()
        screen = compare_screen(app)
        comparison, consensus = screen.team.comparison, screen.team.consensus
        assert comparison is not None and consensus is not None
        row = next(i for i, p in enumerate(comparison.places) if p.answer_key is not None and p.answers_disagree)
        place = comparison.places[row]
        screen.query_one(CompareTable).move_cursor(row=row)
        await pilot.press("E")
        await pilot.pause()
        await pilot.press("ctrl+a", *"Yes!", "ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, CompareScreen) and consensus.decision(place) is None
        assert "not decided" in text_of(app, "compare-status")
        await pilot.press("E")
        await pilot.pause()
        value = app.screen.query_one("#answer-value")
        value.value = ""  # type: ignore[attr-defined]
        await pilot.press(*"na", "tab", *"settled at the meeting", "ctrl+s")
        await pilot.pause()
        decision = consensus.decision(place)
        assert decision is not None and decision.decision == "edited" and decision.answer == "na"
        answer = next(a for a in consensus.review.checklist if a.item == place.answer_key[1])  # type: ignore[index]
        assert answer.note == "settled at the meeting"
