"""The tree of sections: Abstract with its parts, then the body sections."""

from __future__ import annotations

from textual.message import Message
from textual.widgets import Tree
from textual.widgets.tree import TreeNode

from tui.model import CaseRecord
from tui.widgets.plain import plain_line


class SectionNavigator(Tree[str]):
    """Lists the case's sections; moving the cursor selects the section to read."""

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

    def on_mount(self) -> None:
        self._add_children(self.root, None)
        self.root.expand_all()

    def _add_children(self, node: TreeNode[str], parent_id: str | None) -> None:
        for section in self._case.children(parent_id):
            has_children = bool(self._case.children(section.id))
            child = node.add(plain_line(section.title), data=section.id, allow_expand=has_children)
            if has_children:
                self._add_children(child, section.id)

    def set_annotation_counts(self, counts: dict[str, int]) -> None:
        """Label each section with how many annotations it holds (`Discussion ✎3`)."""
        for line in range(self.last_line + 1):
            node = self.get_node_at_line(line)
            if node is None or node.data is None:
                continue
            section = self._case.section(node.data)
            if section is None:
                continue
            label = plain_line(section.title)
            if counts.get(section.id):
                label.append(f" ✎{counts[section.id]}", style="bold")
            node.set_label(label)

    def select_section(self, section_id: str, *, announce: bool = True) -> None:
        """Move the cursor to a section; the reader follows through `SectionChosen`."""
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
