"""Layer rules from ARCHITECTURE.md, checked on the source so a violation fails CI.

- model/ imports neither Textual, Rich nor anything that does I/O of ours (store).
- store/ imports no UI (Textual, Rich, widgets, screens).
- widgets/ never import the store, the workspace or screens: widgets get models, never files.
- screens/ never import the store or the workspace: a screen reads an open review through
  `DocumentView`; saving and journalling are the app's, through the workspace.
- workspace/ imports no UI: the command line, the app and the tests all open reviews through it.
- export/ and clinical/ import no UI and no store: they turn models into text and figures,
  and their callers (the command line, the app) do the reading and writing.
- agreement/ imports no UI and not the command line: the compare screen and `agree` both use it.
- appraisal/ imports no UI and no command line: progress, scores and hints are pure functions the
  pane, the exports and the tests share.
- importers/ imports no UI: `case-review import` runs without a terminal UI.
- serve/ imports neither Textual nor anything of the app: it serves `python -m tui` processes, and
  each of those opens its own files.
- library/ (the index and its files) imports no UI: `case-review search` uses it without one, and
  the library screen reads it only through the `LibrarySource` the app hands it.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "tui"

FORBIDDEN = {
    "model": ("textual", "rich", "tui.store", "tui.widgets", "tui.screens", "tui.app"),
    "store": ("textual", "rich", "tui.widgets", "tui.screens", "tui.app"),
    "widgets": ("tui.store", "tui.app", "tui.cli", "tui.workspace", "tui.screens"),
    "screens": ("tui.store", "tui.cli", "tui.workspace", "tui.library"),
    "workspace": ("textual", "rich", "tui.widgets", "tui.screens", "tui.app", "tui.cli"),
    "export": ("textual", "rich", "tui.store", "tui.widgets", "tui.screens", "tui.app", "tui.cli"),
    "clinical": ("textual", "rich", "tui.store", "tui.widgets", "tui.screens", "tui.app"),
    "agreement": ("textual", "rich", "tui.widgets", "tui.screens", "tui.app", "tui.cli"),
    "appraisal": ("textual", "rich", "tui.widgets", "tui.screens", "tui.app", "tui.cli"),
    "importers": ("textual", "rich", "tui.widgets", "tui.screens", "tui.app"),
    "serve": ("textual", "tui.store", "tui.workspace", "tui.widgets", "tui.screens", "tui.app", "tui.cli"),
    "library": ("textual", "rich", "tui.widgets", "tui.screens", "tui.app", "tui.cli"),
}


def _imports(path: Path) -> list[str]:
    names: list[str] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.extend(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.append(node.module)
    return names


@pytest.mark.parametrize("layer", sorted(FORBIDDEN))
def test_layer_imports_stay_inside_their_bounds(layer: str) -> None:
    files = sorted((PACKAGE / layer).rglob("*.py"))
    assert files, f"layer {layer} has no modules"
    violations = [
        f"{path.relative_to(PACKAGE.parent)} imports {name}"
        for path in files
        for name in _imports(path)
        if any(name == banned or name.startswith(banned + ".") for banned in FORBIDDEN[layer])
    ]
    assert violations == []


def test_no_python_module_holds_inline_css() -> None:
    offenders = [
        str(path.relative_to(PACKAGE.parent))
        for path in PACKAGE.rglob("*.py")
        if "DEFAULT_CSS" in path.read_text(encoding="utf-8") or "\nCSS =" in path.read_text(encoding="utf-8")
    ]
    assert offenders == []


def test_no_module_passes_400_lines() -> None:
    """Small modules with one job each: a module that grows past this is doing two."""
    long = [
        f"{path.relative_to(PACKAGE.parent)}: {count} lines"
        for path in sorted(PACKAGE.rglob("*.py"))
        if (count := len(path.read_text(encoding="utf-8").splitlines())) > 400
    ]
    assert long == []
