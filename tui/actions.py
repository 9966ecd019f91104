"""The catalogue of actions: every key binding, with an id, by where it applies.

Widgets and screens take their `BINDINGS` from here (`bindings("reader")`), and the help
screen, the command palette, the key hints and the user's key map all read the same entries,
so none of them can list a key that does not exist or miss one that does. An id has the form
`context.action` and is what a user's `[keymap]` names (`"review.annotate" = "A"`).

This module imports no screen, widget or app: anything may import it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from textual.binding import Binding, BindingType


@dataclass(frozen=True, slots=True)
class ActionSpec:
    """One action a key runs, in one context."""

    id: str
    keys: str
    """Default keys, comma separated, in Textual's names (`question_mark`, `ctrl+s`)."""
    action: str
    """The Textual action it runs on the context's widget (`annotate`, `show_pane('notes')`)."""
    description: str
    show: bool = True
    """Shown in the key hints line (help and the palette list every action)."""
    priority: bool = False
    group: str | None = None
    """Hints fold the keys of one group into one entry (`1234 Panes`)."""

    @property
    def context(self) -> str:
        return self.id.split(".", 1)[0]

    def binding(self) -> Binding:
        return Binding(
            self.keys,
            self.action,
            self.description,
            show=self.show,
            priority=self.priority,
            id=self.id,
            group=GROUPS.get(self.group) if self.group else None,
        )


@dataclass(frozen=True, slots=True)
class Context:
    """Where a set of keys applies; help shows one table per context, in catalogue order."""

    id: str
    title: str
    in_help: bool = True
    note: str = ""
    """Said under the context's keys in help: what the keys there have in common."""


GROUPS: dict[str, Binding.Group] = {
    name: Binding.Group(name, compact=True)
    for name in ("Panes", "Hits", "Notes", "Sentence", "Caret", "Rows", "Disagree", "Take", "Answers")
}
"""One object per group: the key hints fold bindings whose group is the same object."""

CONTEXTS: tuple[Context, ...] = (
    Context("app", "Everywhere"),
    Context("review", "Review screen"),
    Context("navigator", "Section list"),
    Context("reader", "Section reader"),
    Context("table", "Every table"),
    Context("medications", "Medications"),
    Context("pain", "Pain scores"),
    Context("timeline", "Timeline"),
    Context("notes", "Notes"),
    Context(
        "appraisal",
        "Appraisal",
        note=(
            "An answer key answers the item under the cursor and moves to the next. The keys come from each "
            "checklist's file: CARE y n p -, JBI and Murad y n u -, Naranjo y n d; an overall row takes its own "
            "(JBI: i include, e exclude, s seek further information). In this pane n, d and a answer and write "
            "the item's note; elsewhere they step search hits, delete and annotate. o on a medication row (2) "
            "opens a Naranjo assessment of its adverse effect."
        ),
    ),
    Context("editor", "Annotation editor"),
    Context("export", "Export dialog"),
    Context("library", "Library"),
    Context("cases", "Cases of a library"),
    Context("compare", "Compare reviewers"),
    Context("decide", "Consensus answer", in_help=False),
    Context("help", "Help", in_help=False),
    Context("quit", "Quit dialog", in_help=False),
    Context("choice", "Choice dialog (which note, which adverse effect)", in_help=False),
    Context("conflict", "Conflict dialog", in_help=False),
    Context("recovery", "Recovery dialog", in_help=False),
)

_A = ActionSpec
ACTIONS: tuple[ActionSpec, ...] = (
    _A("app.quit", "q", "quit", "Quit"),
    _A("app.save", "ctrl+s", "save", "Save"),
    _A("app.export", "x", "export", "Export"),
    _A("app.help", "question_mark", "help", "Help"),
    # The review screen (the pane keys 1-6 come from the pane registry).
    _A("review.focus_next", "tab", "app.focus_next", "Next focus", show=False),
    _A("review.focus_previous", "shift+tab", "app.focus_previous", "Previous focus", show=False),
    _A("review.search", "slash", "start_search", "Search"),
    _A("review.next_hit", "n", "next_hit", "Next hit", group="Hits"),
    _A("review.previous_hit", "N", "previous_hit", "Previous hit", group="Hits"),
    _A("review.annotate", "a", "annotate", "Annotate"),
    _A("review.edit_note", "e", "edit_annotation", "Edit note", show=False),
    _A("review.delete_note", "d", "delete_annotation", "Delete note", show=False),
    _A("review.undo", "ctrl+z", "undo", "Undo", show=False),
    _A("review.redo", "ctrl+y", "redo", "Redo", show=False),
    _A("review.next_note", "right_square_bracket", "next_annotation", "Next note", group="Notes"),
    _A("review.previous_note", "left_square_bracket", "previous_annotation", "Previous note", group="Notes"),
    _A("review.clear", "escape", "clear", "Clear the selection or the search", show=False),
    _A("review.compare", "C", "compare", "Compare reviewers"),
    # The section list.
    _A("navigator.down", "down,j", "cursor_down", "Next section", show=False),
    _A("navigator.up", "up,k", "cursor_up", "Previous section", show=False),
    _A("navigator.open", "enter", "select_cursor", "Read the section", show=False),
    _A("navigator.toggle", "space", "toggle_node", "Open or close a part", show=False),
    # The reader.
    _A("reader.next_sentence", "down,j", "next_sentence", "Next sentence", group="Sentence"),
    _A("reader.previous_sentence", "up,k", "previous_sentence", "Previous sentence", group="Sentence"),
    _A("reader.page_down", "pagedown,space", "page_down", "Page down", show=False),
    _A("reader.page_up", "pageup", "page_up", "Page up", show=False),
    _A("reader.first_sentence", "home,g", "first_sentence", "First sentence", show=False),
    _A("reader.last_sentence", "end,G", "last_sentence", "Last sentence", show=False),
    _A("reader.caret_right", "right,l", "move_caret('char', 1)", "Caret right", group="Caret"),
    _A("reader.caret_left", "left,h", "move_caret('char', -1)", "Caret left", group="Caret"),
    _A("reader.word_right", "w,ctrl+right", "move_caret('word', 1)", "Caret to the next word's end", show=False),
    _A("reader.word_left", "b,ctrl+left", "move_caret('word', -1)", "Caret to the word before", show=False),
    _A("reader.select", "v", "toggle_selection", "Select from the caret"),
    _A("reader.swap_ends", "o", "swap_ends", "Move the selection's other end", show=False),
    _A("reader.extend_char", "shift+right", "extend('char', 1)", "Extend by character", show=False),
    _A("reader.shrink_char", "shift+left", "extend('char', -1)", "Shrink by character", show=False),
    _A("reader.extend_word", "ctrl+shift+right,alt+shift+right", "extend('word', 1)", "Extend by word", show=False),
    _A("reader.shrink_word", "ctrl+shift+left,alt+shift+left", "extend('word', -1)", "Shrink by word", show=False),
    _A("reader.extend_sentence", "shift+down", "extend('sentence', 1)", "Extend by sentence", show=False),
    _A("reader.shrink_sentence", "shift+up", "extend('sentence', -1)", "Shrink by sentence", show=False),
    # Every table (medications, pain scores, timeline, notes).
    _A("table.down", "down,j", "cursor_down", "Next row", show=False),
    _A("table.up", "up,k", "cursor_up", "Previous row", show=False),
    _A("table.first_row", "home,g", "first_row", "First row", show=False),
    _A("table.last_row", "end,G", "last_row", "Last row", show=False),
    _A("table.page_down", "pagedown", "page_down", "Page down", show=False),
    _A("table.page_up", "pageup", "page_up", "Page up", show=False),
    _A("table.left", "left", "cursor_left", "Scroll left", show=False),
    _A("table.right", "right", "cursor_right", "Scroll right", show=False),
    # The panes' own keys.
    _A("medications.sort", "s", "next_sort", "Sort by next column"),
    _A("medications.reverse", "r", "reverse_sort", "Reverse sort"),
    _A("medications.jump", "enter", "jump_to_source", "Source sentence"),
    _A("pain.jump", "enter", "jump_to_source", "Source sentence"),
    _A("timeline.jump", "enter", "jump_to_source", "Source sentence"),
    _A("notes.open", "enter", "open_note", "Go to note"),
    _A("notes.filter", "f", "filter", "Filter"),
    _A("notes.accept_words", "m", "accept_new_words", "Accept moved words", show=False),
    # The library: a folder of cases (tui/screens/library/).
    _A("library.open", "enter", "open_row", "Open"),
    _A("library.search", "slash", "start_search", "Search"),
    _A("library.filter", "f", "start_filter", "Filter"),
    _A("library.status", "c", "next_status", "Status", show=False),
    _A("library.reviewer", "w", "next_reviewer", "Reviewer", show=False),
    _A("library.sort", "s", "next_sort", "Sort"),
    _A("library.reverse", "r", "reverse_sort", "Reverse", show=False),
    _A("library.clear", "escape", "clear", "Back to all cases", show=False),
    _A("cases.next", "ctrl+n", "next_case", "Next case", show=False),
    _A("cases.previous", "ctrl+b", "previous_case", "Previous case", show=False),
    # The compare screen (several reviewers' reviews of one case side by side).
    _A("compare.next", "right_square_bracket", "step_disagreement(1)", "Next disagreement", group="Disagree"),
    _A("compare.previous", "left_square_bracket", "step_disagreement(-1)", "Previous disagreement", group="Disagree"),
    _A("compare.open", "enter", "open_place", "Open in reader"),
    _A("compare.take_one", "1", "take(1)", "Take reviewer 1's", group="Take"),
    _A("compare.take_two", "2", "take(2)", "Take reviewer 2's", group="Take"),
    _A("compare.take_three", "3", "take(3)", "Take reviewer 3's", group="Take", show=False),
    _A("compare.take_four", "4", "take(4)", "Take reviewer 4's", group="Take", show=False),
    _A("compare.take_five", "5", "take(5)", "Take reviewer 5's", group="Take", show=False),
    _A("compare.take_all", "b", "take_all", "Take every reviewer's (both)", show=False),
    _A("compare.accept_agreed", "A", "accept_agreed", "Accept agreed"),
    _A("compare.reopen", "delete", "reopen", "Take back this place's decision", show=False),
    _A("compare.undo", "ctrl+z", "undo", "Undo", show=False),
    _A("compare.redo", "ctrl+y", "redo", "Redo", show=False),
    _A("compare.save", "s", "save_consensus", "Save consensus"),
    _A("compare.figures", "f", "toggle_figures", "Figures"),
    _A("compare.export", "e", "export_figures", "Export figures"),
    _A("compare.complete", "M", "mark_complete", "Mark mine complete"),
    _A("compare.edit_answer", "E", "edit_answer", "Write the consensus answer", show=False),
    _A("decide.accept", "ctrl+s", "accept", "Decide"),
    _A("decide.cancel", "escape", "cancel", "Cancel"),
    _A("compare.close", "escape", "close", "Back"),
    _A("medications.assess", "o", "assess_effect", "Open a Naranjo assessment of its adverse effect"),
    # The Appraisal pane: an answer key gives the answer whose `key` in the checklist's file is that
    # character, then moves on. Here n and d answer (no, do not know) instead of next hit and delete,
    # and a writes the item's own note (see SHADOWS).
    _A("appraisal.yes", "y", "answer_key('y')", "Answer yes", group="Answers"),
    _A("appraisal.no", "n", "answer_key('n')", "Answer no (outside this pane n is the next hit)", group="Answers"),
    _A("appraisal.partly", "p", "answer_key('p')", "Answer partly (CARE)", group="Answers"),
    _A("appraisal.unclear", "u", "answer_key('u')", "Answer unclear (JBI, Murad)", group="Answers"),
    _A("appraisal.not_applicable", "minus", "answer_key('-')", "Answer not applicable", group="Answers"),
    _A("appraisal.dont_know", "d", "answer_key('d')", "Answer do not know (Naranjo; elsewhere d deletes a note)",
       group="Answers"),
    _A("appraisal.clear", "backspace,delete", "clear_answer", "Clear the answer", show=False),
    _A("appraisal.hint", "h", "accept_hint", "Accept the hint"),
    _A("appraisal.note", "a", "edit_item_note", "Note on the item (write or edit)"),
    _A("appraisal.tie", "t", "tie_selection", "Tie to the text selected in the reader"),
    _A("appraisal.jump", "enter", "jump_to_section", "Section that addresses it"),
    _A("appraisal.next_open", "space", "next_unanswered", "Next unanswered item", show=False),
    _A("appraisal.complete", "M", "toggle_complete", "Mark the review complete (or not)"),
    # Dialogs.
    _A("editor.accept", "ctrl+s", "accept", "Accept"),
    _A("editor.cancel", "escape", "cancel", "Cancel"),
    _A("export.accept", "ctrl+s", "export", "Export"),
    # Priority, so enter exports from the format list too (where it would only pick a button).
    _A("export.enter", "enter", "export", "Export", priority=True, show=False),
    _A("export.cancel", "escape", "cancel", "Cancel"),
    _A("help.close", "escape,q,question_mark", "dismiss", "Close help"),
    _A("help.down", "j,down", "scroll_down", "Scroll down", show=False),
    _A("help.up", "k,up", "scroll_up", "Scroll up", show=False),
    _A("quit.save", "s", "choose('save')", "Save and quit"),
    _A("quit.discard", "d", "choose('discard')", "Discard and quit"),
    _A("quit.stay", "escape", "choose('stay')", "Stay"),
    _A("choice.cancel", "escape", "cancel", "Cancel"),
    _A("conflict.reload", "r", "choose('reload')", "Reload theirs"),
    _A("conflict.overwrite", "o", "choose('overwrite')", "Overwrite with mine"),
    _A("conflict.new", "n", "choose('save_as_new')", "Save as a new file"),
    _A("conflict.cancel", "escape", "choose('cancel')", "Cancel"),
    _A("recovery.restore", "enter", "choose('restore')", "Restore"),
    _A("recovery.discard", "d", "choose('discard')", "Discard"),
)  # fmt: skip


class Catalogue:
    """The contexts and actions, with the pane keys the pane registry adds; ids are unique."""

    def __init__(self, contexts: Iterable[Context], actions: Iterable[ActionSpec]) -> None:
        self._contexts: dict[str, Context] = {}
        self._actions: dict[str, ActionSpec] = {}
        for context in contexts:
            self.add_context(context)
        for action in actions:
            self.add(action)

    def add_context(self, context: Context) -> None:
        if context.id in self._contexts:
            raise ValueError(f"context {context.id!r} is already in the catalogue")
        self._contexts[context.id] = context

    def add(self, action: ActionSpec) -> None:
        if action.id in self._actions:
            raise ValueError(f"action {action.id!r} is already in the catalogue")
        if action.context not in self._contexts:
            raise ValueError(f"action {action.id!r} names no known context")
        self._actions[action.id] = action

    def remove(self, action_id: str) -> None:
        self._actions.pop(action_id, None)

    def remove_context(self, context_id: str) -> None:
        self._contexts.pop(context_id, None)
        for action_id in [a.id for a in self._actions.values() if a.context == context_id]:
            del self._actions[action_id]

    def get(self, action_id: str) -> ActionSpec | None:
        return self._actions.get(action_id)

    def contexts(self) -> list[Context]:
        return list(self._contexts.values())

    def context(self, context_id: str) -> Context | None:
        return self._contexts.get(context_id)

    def in_context(self, context_id: str) -> list[ActionSpec]:
        return [action for action in self._actions.values() if action.context == context_id]

    def __iter__(self) -> Iterator[ActionSpec]:
        return iter(list(self._actions.values()))

    def ids(self) -> list[str]:
        return list(self._actions)


CATALOGUE = Catalogue(CONTEXTS, ACTIONS)


def bindings(context_id: str) -> list[BindingType]:
    """A context's bindings, for a class's `BINDINGS`."""
    found = CATALOGUE.in_context(context_id)
    if not found:
        raise ValueError(f"no actions in context {context_id!r}")
    return [action.binding() for action in found]


ACTIVE_WITH: dict[str, frozenset[str]] = {
    "app": frozenset({"app"}),
    "review": frozenset({"app", "review"}),
    "navigator": frozenset({"app", "review", "navigator"}),
    "reader": frozenset({"app", "review", "reader"}),
    "table": frozenset({"app", "review", "table"}),
    "compare": frozenset({"app", "table", "compare"}),
    **{
        pane: frozenset({"app", "review", "table", pane})
        for pane in ("medications", "pain", "timeline", "notes", "appraisal")
    },
    "library": frozenset({"app", "cases", "library", "table"}),
    "cases": frozenset({"app", "cases", "review", "library", "table"}),
}
"""The contexts whose keys are live at the same time as each context's. Dialogs are modal: alone."""

DIALOGS = frozenset({"editor", "export", "help", "quit", "choice", "conflict", "recovery", "decide"})

SHADOWS: dict[str, frozenset[str]] = {"appraisal": frozenset({"review"})}
"""Contexts whose keys a pane's own keys take over on purpose while focus is in it (the focused widget's
keys come first): in the Appraisal pane `n` answers no, `d` do not know, and `a` writes the item's own
note, instead of the review screen's next hit, delete and annotate. Help says so (`SHADOWED_HERE`)."""

SHADOWED_HERE: dict[str, tuple[str, ...]] = {
    "appraisal": ("review.next_hit", "review.delete_note", "review.annotate"),
}
"""The review screen's actions each pane hides by default, listed so a test can hold the list to the truth."""


def shadows(first: ActionSpec, second: ActionSpec) -> bool:
    """Whether one of the two actions deliberately hides the other where both are live (see `SHADOWS`)."""
    return second.context in SHADOWS.get(first.context, frozenset()) or first.context in SHADOWS.get(
        second.context, frozenset()
    )


def _active_with(context: str) -> frozenset[str]:
    if context in DIALOGS:
        return frozenset({context})
    # A pane added later lives on the review screen like the built-in ones.
    return ACTIVE_WITH.get(context, frozenset({"app", "review", context}))


def live_together(first: str, second: str) -> bool:
    """Whether two contexts' keys can be live at once, so one key cannot serve both."""
    return second in _active_with(first) or first in _active_with(second)
