"""The tree of sections: Abstract with its parts, then the body sections."""

from __future__ import annotations

from typing import ClassVar

from rich.style import Style
from rich.text import Text
from textual.binding import BindingType
from textual.message import Message
from textual.widgets import Tree
from textual.widgets.tree import TreeNode

from tui.actions import bindings
from tui.model import CaseRecord
from tui.model.places import Place
from tui.model.review_session import ReviewSession
from tui.widgets.plain import plain_line


class SectionNavigator(Tree[str]):
    """Lists the case's sections; moving the cursor selects the section to read."""

    BINDINGS: ClassVar[list[BindingType]] = bindings("navigator")

    class SectionChosen(Message):
        """The reader should show this section."""

        def __init__(self, section_id: str) -> None:
            self.section_id = section_id
            super().__init__()

    class SectionOpened(SectionChosen):
        """`enter` on a section: read it, with the keys going to the reader."""

    def __init__(self, case: CaseRecord, *, id: str | None = None) -> None:  # noqa: A002
        super().__init__(plain_line("Sections"), id=id)
        self.show_root = False
        self.guide_depth = 2
        self._case = case
        self._quiet = False
        self._section_nodes: dict[str, TreeNode[str]] = {}
        self._note_counts: dict[str, int] = {}
        self._subtree_counts: dict[str, int] = {}

    def on_mount(self) -> None:
        # Every node is added expanded: no "expanded" message per node, and nothing to relabel.
        self._add_section_nodes(self.root, None)
        self.root.expand()

    def _add_section_nodes(self, node: TreeNode[str], parent_id: str | None) -> None:
        for section in self._case.children(parent_id):
            has_children = bool(self._case.children(section.id))
            child = node.add(plain_line(section.title), data=section.id, allow_expand=has_children, expand=has_children)
            self._section_nodes[section.id] = child
            if has_children:
                self._add_section_nodes(child, section.id)

    def show_review(self, session: ReviewSession) -> None:
        self.set_annotation_counts(session.counts("section"))

    def place_at_cursor(self) -> Place | None:
        """The whole section under the cursor: `a` here annotates the section, not a sentence of it."""
        node = self.cursor_node
        return Place("section", node.data) if node is not None and node.data else None

    def set_annotation_counts(self, counts: dict[str, int]) -> None:
        """Show how many notes each section holds (`Discussion ✎3`); a collapsed part counts its sub-sections'.

        Counts are drawn with the label (`render_label`), so a change repaints only the nodes whose
        number changed; expanding or collapsing a part needs nothing from here.
        """
        before = {section_id: self._shown_count(node) for section_id, node in self._section_nodes.items()}
        self._note_counts = counts
        self._subtree_counts = self._totals(counts)
        for section_id, node in self._section_nodes.items():
            if self._shown_count(node) != before[section_id]:
                node.refresh()

    def _totals(self, counts: dict[str, int]) -> dict[str, int]:
        """Each section's notes with all its sub-sections', in one pass from the last section back."""
        totals = {section.id: counts.get(section.id, 0) for section in self._case.sections}
        for section in reversed(self._case.sections):
            if section.parent is not None and section.parent in totals:
                totals[section.parent] += totals[section.id]
        return totals

    def _shown_count(self, node: TreeNode[str]) -> int:
        section_id = node.data or ""
        if node.allow_expand and not node.is_expanded:
            return self._subtree_counts.get(section_id, 0)
        return self._note_counts.get(section_id, 0)

    def shown_label(self, node: TreeNode[str]) -> str:
        """A node's label as drawn, its note count included (`Discussion ✎3`)."""
        count = self._shown_count(node) if node.data is not None else 0
        return str(node.label) + (f" ✎{count}" if count else "")

    def render_label(self, node: TreeNode[str], base_style: Style, style: Style) -> Text:
        label = super().render_label(node, base_style, style)
        if node.data is not None and (count := self._shown_count(node)):
            label.append(f" ✎{count}", style=style + Style(bold=True))  # highlighted with the label
        return label

    def select_section(self, section_id: str, *, announce: bool = True) -> None:
        """Move the cursor to a section, opening the parts that hide it; the reader follows."""
        node = self._section_nodes.get(section_id)
        parent = node.parent if node is not None else None
        while parent is not None and parent is not self.root:
            parent.expand()
            parent = parent.parent
        for line in range(self.last_line + 1):
            node = self.get_node_at_line(line)
            if node is not None and node.data == section_id:
                self._quiet = not announce
                self.cursor_line = line
                if announce:
                    self.post_message(self.SectionChosen(section_id))
                return

    def on_tree_node_highlighted(self, event: Tree.NodeHighlighted[str]) -> None:
        event.stop()
        if self._quiet:
            # The cursor was moved for the reader's sake (a jump); do not echo it back.
            self._quiet = False
            return
        if event.node.data is not None:
            self.post_message(self.SectionChosen(event.node.data))

    def on_tree_node_selected(self, event: Tree.NodeSelected[str]) -> None:
        # `enter` on a section: the reviewer wants to read it, so the reader takes the keys.
        event.stop()
        if event.node.data is not None:
            self.post_message(self.SectionOpened(event.node.data))
