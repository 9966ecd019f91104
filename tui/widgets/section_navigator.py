"""The tree of sections: Abstract with its parts, then the body sections."""

from __future__ import annotations

from typing import ClassVar

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

    def __init__(self, case: CaseRecord, *, id: str | None = None) -> None:  # noqa: A002
        super().__init__(plain_line("Sections"), id=id)
        self.show_root = False
        self.guide_depth = 2
        self._case = case
        self._quiet = False
        self._section_nodes: dict[str, TreeNode[str]] = {}
        self._note_counts: dict[str, int] = {}
        self._titles = {section.id: section.title for section in case.sections}

    def on_mount(self) -> None:
        self._add_section_nodes(self.root, None)
        self.root.expand_all()

    def _add_section_nodes(self, node: TreeNode[str], parent_id: str | None) -> None:
        for section in self._case.children(parent_id):
            has_children = bool(self._case.children(section.id))
            child = node.add(plain_line(section.title), data=section.id, allow_expand=has_children)
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
        """Label each section with how many annotations it holds (`Discussion ✎3`).

        Every node is labelled, shown or not, so expanding a part never reveals stale counts;
        a collapsed part counts its sub-sections' notes too, so none hides behind it.
        """
        self._note_counts = counts
        for section_id, node in self._section_nodes.items():
            count = counts.get(section_id, 0)
            if not node.is_expanded:
                count += sum(counts.get(child.data or "", 0) for child in self._descendants(node))
            label = plain_line(self._titles[section_id])
            if count:
                label.append(f" ✎{count}", style="bold")
            node.set_label(label)

    def _descendants(self, node: TreeNode[str]) -> list[TreeNode[str]]:
        found: list[TreeNode[str]] = []
        for child in node.children:
            found.append(child)
            found.extend(self._descendants(child))
        return found

    def on_tree_node_collapsed(self, _event: Tree.NodeCollapsed[str]) -> None:
        self.set_annotation_counts(self._note_counts)

    def on_tree_node_expanded(self, _event: Tree.NodeExpanded[str]) -> None:
        self.set_annotation_counts(self._note_counts)

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
