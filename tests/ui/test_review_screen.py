"""Every binding of the review screen, pressed as a user would, checked on what the screen holds."""

from __future__ import annotations

from textual.widgets import Input, Static

from tests.review_helpers import (
    current_pane,
    make_app,
    reader,
    reader_visible_text,
    review_screen,
    screen_text,
    status_line,
)
from tui.model.places import Place
from tui.model.text_spans import sentence_spans
from tui.screens.help import HelpScreen
from tui.store.user_config import load_user_config
from tui.widgets.day_chart import PainDayChart
from tui.widgets.line_table import LineTable
from tui.widgets.medication_table import MedicationTable
from tui.widgets.pain_pane import PainFigures, PainScoreTable
from tui.widgets.section_navigator import SectionNavigator
from tui.widgets.section_reader import SectionReader
from tui.widgets.timeline_pane import TimelineTable

SIZE = (100, 30)


async def test_opens_on_the_first_section_with_text() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        text = screen_text(app)
        assert "Clonazepam for pain due to muscle spasm" in text
        assert "44-year-old male; multiple myeloma" in text
        assert reader(app).section_id == "abstract-background"
        assert "Vertebral compression fractures can cause severe back pain." in text
        assert isinstance(app.focused, SectionReader)
        assert current_pane(app) == "sections-pane"


async def test_navigator_lists_sections_and_moving_it_changes_the_reader() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        navigator = review_screen(app).query_one(SectionNavigator)
        labels = [navigator.shown_label(navigator.get_node_at_line(n)) for n in range(navigator.last_line + 1)]  # type: ignore[arg-type]
        assert labels == [
            "Abstract",
            "Background",
            "Case presentation",
            "Conclusion",
            "Background",
            "Case presentation",
            "Discussion",
            "Conclusions",
        ]
        await pilot.press("shift+tab")
        assert app.focused is navigator
        await pilot.press("down", "down", "down", "down")
        await pilot.pause()
        assert reader(app).section_id == "case-presentation"
        assert "We prescribed clonazepam 0.5 mg/day" in reader(app).text


async def test_sentence_cursor_moves_with_j_k_arrows_home_end() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await review_screen(app).go_to_place(Place("section", "case-presentation"))
        await pilot.pause()
        view = reader(app)
        view.focus()
        spans = sentence_spans(view.text)
        assert view.cursor == 0
        await pilot.press("j", "j", "down")
        assert view.cursor == 3
        assert view.current_sentence_text() == view.text[spans[3][0] : spans[3][1]]
        await pilot.press("k", "up")
        assert view.cursor == 1
        await pilot.press("end")
        assert view.cursor == len(spans) - 1
        assert view.current_sentence_text().endswith("discontinued 2 months later.")
        assert view.scroll_offset.y > 0, "the last sentence is scrolled into view"
        await pilot.press("home")
        assert view.cursor == 0 and view.scroll_offset.y == 0
        await pilot.press("G")
        assert view.cursor == len(spans) - 1
        await pilot.press("g")
        assert view.cursor == 0
        assert status_line(app) == f"sentence 1/{len(spans)}"


async def test_page_down_scrolls_the_reader() -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await review_screen(app).go_to_place(Place("section", "discussion"))
        await pilot.pause()
        reader(app).focus()
        await pilot.press("pagedown")
        await pilot.pause()
        assert reader(app).scroll_offset.y > 0
        await pilot.press("pageup")
        await pilot.pause()
        assert reader(app).scroll_offset.y == 0


async def test_number_keys_switch_panes_and_move_focus_into_them() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("2")
        assert current_pane(app) == "medications-pane"
        assert isinstance(app.focused, MedicationTable)
        await pilot.press("3")
        assert current_pane(app) == "pain-pane"
        assert isinstance(app.focused, PainScoreTable)
        await pilot.press("4")
        assert current_pane(app) == "timeline-pane"
        assert isinstance(app.focused, TimelineTable)
        await pilot.press("1")
        assert current_pane(app) == "sections-pane"
        assert isinstance(app.focused, SectionReader)
        assert "1 Sections" in screen_text(app)


async def test_hidden_panes_are_not_built_at_start_up(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr("tui.screens.review.screen.PREBUILD_DELAY", 3600)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert not review_screen(app).query(MedicationTable)
        assert not review_screen(app).query(PainDayChart)
        await pilot.press("3")
        assert review_screen(app).query(PainDayChart)
        assert not review_screen(app).query(MedicationTable)


async def test_hidden_panes_are_built_after_the_first_screen_and_stay_hidden(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr("tui.screens.review.screen.PREBUILD_DELAY", 0.01)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = review_screen(app)
        for _ in range(40):
            await pilot.pause(0.05)
            if screen.query(TimelineTable):
                break
        assert screen.query(MedicationTable) and screen.query(PainDayChart) and screen.query(TimelineTable)
        assert current_pane(app) == "sections-pane"
        assert not screen.query_one("#medications-pane").display
        assert "Vertebral compression fractures can cause" in screen_text(app)
        # Keys typed straight after a pane key reach the new pane.
        await pilot.press("2", "j", "j")
        assert screen.query_one(MedicationTable).cursor_row == 2


async def test_medication_table_shows_every_regimen_with_its_dose() -> None:
    app = make_app()
    async with app.run_test(size=(200, 60)) as pilot:
        await pilot.pause()
        await pilot.press("2")
        await pilot.pause()
        table = review_screen(app).query_one(MedicationTable)
        assert table.row_ids == [m.id for m in app.document.case.medications]
        text = screen_text(app)
        for dose in ("3000 mg/day", "500 μg/day", "40 mg/day", "400 mg/day", "700 μg/day", "0.5 mg/day"):
            assert dose in text
        assert "transdermal" in text and "intravenous" in text


async def test_s_sorts_by_the_next_column_and_r_reverses() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("2")
        table = review_screen(app).query_one(MedicationTable)
        await pilot.press("s")  # by drug
        names = [next(m.name for m in app.document.case.medications if m.id == i) for i in table.row_ids]
        assert names == sorted(names, key=str.casefold)
        assert "Drug▲" in screen_text(app)
        await pilot.press("r")
        reversed_names = [next(m.name for m in app.document.case.medications if m.id == i) for i in table.row_ids]
        assert reversed_names == sorted(names, key=str.casefold, reverse=True)
        assert "Drug▼" in screen_text(app)
        await pilot.press("s")  # by dose: no-dose rows last
        assert table.row_ids[-2:] == ["nsaid", "bortezomib-lenalidomide-dexamethasone"]
        await pilot.press("s", "s", "s", "s")  # route, schedule, role, start
        assert table.sort_column == 5
        assert table.row_ids[0] == "nsaid", "the NSAID started first"


async def test_enter_on_a_medication_jumps_to_its_sentence_highlighted() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("2")
        table = review_screen(app).query_one(MedicationTable)
        table.select_medication("clonazepam")
        await pilot.press("enter")
        await pilot.pause()
        assert current_pane(app) == "sections-pane"
        view = reader(app)
        assert view.section_id == "case-presentation"
        assert view.quote is not None
        start, end = view.quote
        assert view.text[start:end] == "We prescribed clonazepam 0.5 mg/day as an analgesic and anxiolytic agent."
        assert view.current_sentence_text().startswith("We prescribed clonazepam")
        assert "We prescribed clonazepam 0.5 mg/day" in screen_text(app), "the sentence is in view"
        navigator = review_screen(app).query_one(SectionNavigator)
        assert navigator.cursor_node is not None and navigator.cursor_node.data == "case-presentation"


async def test_pain_pane_shows_scores_words_chart_and_derived_figures() -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("3")
        await pilot.pause()
        text = screen_text(app)
        assert "“dramatically relieved”" in text
        figures = str(review_screen(app).query_one("#pain-figures", PainFigures).render())
        assert "Rest: 8 → 3 (change -5, 62% reduction)" in figures
        assert "substantial" in figures
        assert "Movement: baseline 10; no later numeric score" in figures
        assert "dramatically relieved" in figures
        assert "Pain, NRS 0-10, by day from consultation" in text, "the chart is drawn"


async def test_enter_on_a_pain_score_jumps_to_its_sentence() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("3", "j", "j", "enter")
        await pilot.pause()
        view = reader(app)
        assert current_pane(app) == "sections-pane"
        assert view.quote is not None
        assert view.text[view.quote[0] : view.quote[1]] == "His pain at rest was mitigated and rated 3 on the NRS."


async def test_timeline_shows_days_bars_and_the_highlighted_event() -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("4")
        await pilot.pause()
        table = review_screen(app).query_one(TimelineTable)
        assert table.row_count == len(app.document.case.timeline)
        text = screen_text(app)
        assert "~-14" in text and "Onset of low back pain" in text and "Opioids discontinued" in text
        assert "▄▄" in text and "██" in text
        detail = review_screen(app).query_one("#timeline-detail", Static)
        assert "2 weeks before the consultation" in str(detail.render())
        await pilot.press("j", "j")
        assert "Admitted with low back pain" in str(detail.render())
        await pilot.press("k")
        assert "NSAID" in str(detail.render()) or "non-steroidal" in str(detail.render())


async def test_search_highlights_counts_and_moves_between_hits() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("slash")
        bar = review_screen(app).query_one("#search-bar", Input)
        assert app.focused is bar and bar.display
        await pilot.press(*"clonazepam")
        await pilot.pause()
        screen = review_screen(app)
        total = sum(s.text.lower().count("clonazepam") for s in app.document.case.sections)
        assert len(screen.search_bar.hits) == total
        assert status_line(app).startswith(f"hit 1/{total} for “clonazepam”")
        await pilot.press("enter")
        assert not bar.display
        assert isinstance(app.focused, SectionReader)
        first = screen.search_bar.hits[0]
        assert reader(app).section_id == first.section_id
        assert reader(app).current_hit is not None
        await pilot.press("n")
        assert status_line(app).startswith(f"hit 2/{total}")
        await pilot.press("N", "N")
        assert status_line(app).startswith(f"hit {total}/{total}"), "N wraps to the last hit"
        assert reader(app).section_id == screen.search_bar.hits[-1].section_id
        hit = screen.search_bar.hits[-1]
        assert reader(app).text[hit.start : hit.end].lower() == "clonazepam"


async def test_escape_closes_search_and_clears_hits() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("slash", *"fentanyl")
        assert review_screen(app).search_bar.hits
        await pilot.press("escape")
        assert review_screen(app).search_bar.hits == []
        assert reader(app).hits == []
        assert isinstance(app.focused, SectionReader)


async def test_search_with_no_hits_says_so() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("slash", *"morphine", "enter")
        assert status_line(app) == "no hits for “morphine”"
        await pilot.press("n")
        assert status_line(app) == "no hits"


async def test_question_mark_opens_help_built_from_bindings() -> None:
    app = make_app()
    async with app.run_test(size=(100, 140)) as pilot:
        await pilot.pause()
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        text = screen_text(app)
        for words in (
            "Command palette",
            "Sections",
            "Medications",
            "Search",
            "Next hit",
            "Next sentence",
            "Sort by next column",
            "Reverse sort",
            "Source sentence",
            "Quit",
        ):
            assert words in text, words
        await pilot.press("escape")
        assert not isinstance(app.screen, HelpScreen)


async def test_palette_jumps_to_a_section() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"Section: Discussion")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await pilot.pause()
        assert reader(app).section_id == "discussion"


async def test_palette_jumps_to_a_medication_row() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+p")
        await pilot.press(*"Medication: clonazepam")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await pilot.pause()
        table = review_screen(app).query_one(MedicationTable)
        assert current_pane(app) == "medications-pane"
        assert table.row_ids[table.cursor_row] == "clonazepam"


async def test_palette_runs_an_action() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+p")
        await pilot.press(*"Action: Timeline")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await pilot.pause()
        assert current_pane(app) == "timeline-pane"


async def test_palette_theme_is_applied_and_remembered() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+p")
        await pilot.press(*"Theme: case-review-light")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await pilot.pause()
        assert app.theme == "case-review-light"
    config, warning = load_user_config()
    assert warning is None and config.theme == "case-review-light"
    again = make_app(theme=None)
    assert again.theme == "case-review-light"


async def test_q_quits() -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("q")
        await pilot.pause()
        assert not app.is_running


async def test_layout_fits_80x24_and_200x60() -> None:
    for size in ((80, 24), (200, 60)):
        app = make_app()
        async with app.run_test(size=size) as pilot:
            await pilot.pause()
            for key in ("1", "2", "3", "4"):
                await pilot.press(key)
                await pilot.pause()
                pane = review_screen(app).query_one(f"#{current_pane(app)}")
                assert pane.size.width > 20 and pane.size.height >= 8, (size, key, pane.size)
                for table in pane.query(LineTable):
                    assert table.size.height >= 3, (size, key)
            footer_line = screen_text(app).splitlines()[-1]
            assert "palette" in footer_line


async def test_medication_detail_line_shows_the_highlighted_row_whole() -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("2")
        detail = review_screen(app).query_one("#medication-detail", Static)
        assert "NSAID (agent not named)" in str(detail.render())
        assert "route: not stated" in str(detail.render())
        await pilot.press("j", "j", "j", "j", "j", "j")
        rendered = str(detail.render())
        assert rendered.startswith("clonazepam 0.5 mg/day")
        assert "adverse effects: Drowsiness and dizziness, tolerable." in rendered
        assert "source: “We prescribed clonazepam 0.5 mg/day as an analgesic and anxiolytic agent.”" in rendered


async def test_tab_and_shift_tab_move_focus_between_navigator_and_pane() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.focused, SectionReader)
        await pilot.press("shift+tab")
        assert isinstance(app.focused, SectionNavigator)
        await pilot.press("tab")
        assert isinstance(app.focused, SectionReader)
        await pilot.press("space")
        await pilot.pause()
        await review_screen(app).go_to_place(Place("section", "discussion"))
        await pilot.pause()
        reader(app).focus()
        await pilot.press("space")
        await pilot.pause()
        assert reader(app).scroll_offset.y > 0, "space pages down like pagedown"


async def test_palette_before_typing_lists_places_and_actions_in_readers_words() -> None:
    from textual.command import CommandList

    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+p")
        await pilot.pause(0.5)
        options = app.screen.query_one(CommandList)
        prompts = [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
        assert not [p for p in prompts if p.startswith("Theme:")]  # found by typing, not listed first
        assert any(p.startswith("Section: Abstract › Background") for p in prompts)
        assert any(
            p.startswith("Pain score: movement “dramatically relieved” at Movement pain relieved") for p in prompts
        )
        assert not [p for p in prompts if "clonazepam-relief" in p or "help quit" in p]


async def test_j_and_k_read_on_across_sections() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await review_screen(app).go_to_place(Place("section", "abstract-conclusion"))
        await pilot.pause()
        view = reader(app)
        view.focus()
        await pilot.press("end", "j")
        await pilot.pause()
        assert view.section_id == "background" and view.cursor == 0  # the next section with text
        assert review_screen(app).query_one(SectionNavigator).cursor_node.data == "background"  # type: ignore[union-attr]
        await pilot.press("k")
        await pilot.pause()
        assert view.section_id == "abstract-conclusion" and view.cursor == len(view.sentences) - 1
        await review_screen(app).go_to_place(Place("section", "conclusions"))
        await pilot.pause()
        view.focus()
        await pilot.press("end", "j")
        await pilot.pause()
        assert view.section_id == "conclusions" and status_line(app) == "end of the case"


async def test_reader_heading_names_a_sub_section_with_its_part() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert reader(app).section_id == "abstract-background"
        assert "Abstract › Background" in screen_text(app)
        await review_screen(app).go_to_place(Place("section", "background"))
        await pilot.pause()
        assert reader_visible_text(app).startswith("Background Vertebral compression fractures (VCFs)")


async def test_enter_on_a_timeline_event_jumps_to_the_sentence_tied_to_it() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await review_screen(app).go_to_place(Place("timeline", "pca-started"))
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        view = reader(app)
        assert current_pane(app) == "sections-pane" and view.section_id == "case-presentation"
        assert view.quote is not None
        assert view.text[view.quote[0] : view.quote[1]] == "continuous intravenous infusion of fentanyl 500 μg/day"
        await review_screen(app).go_to_place(
            Place("timeline", "sitting-up")
        )  # nothing starts there: it says so and stays
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert current_pane(app) == "timeline-pane"
        assert any("No sentence is tied" in n.message for n in app._notifications)


async def test_home_and_end_move_the_row_in_every_table() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        for pane, table_id in (("2", "#medication-table"), ("3", "#pain-table"), ("4", "#timeline-table")):
            await pilot.press(pane, "j", "j")
            await pilot.pause()
            table = review_screen(app).query_one(table_id, LineTable)
            assert table.cursor_row == 2
            await pilot.press("end")
            assert table.cursor_row == table.row_count - 1, table_id
            await pilot.press("home")
            assert table.cursor_row == 0, table_id
            await pilot.press("G")
            assert table.cursor_row == table.row_count - 1, table_id
            await pilot.press("g")
            assert table.cursor_row == 0, table_id
