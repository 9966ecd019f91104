"""Open reviews and what keeps them safe (saving, conflicts, journals, exports), without any UI."""

from tui.workspace.document import Conflict, Failed, ReviewDocument, Saved, SaveOutcome

__all__ = ["Conflict", "Failed", "ReviewDocument", "SaveOutcome", "Saved"]
