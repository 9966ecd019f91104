"""The README's example checklist file is a valid checklist, so the documented format cannot drift."""

from __future__ import annotations

import re
from pathlib import Path

from tests.conftest import REPO
from tui.store.checklist_files import load_checklists


def test_the_readme_checklist_example_loads(tmp_path: Path) -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Checklist files", 1)[1].split("\n## ", 1)[0]
    (example,) = re.findall(r"```toml\n(.*?)```", section, flags=re.DOTALL)
    (tmp_path / "team.toml").write_text(example, encoding="utf-8")
    catalogue, warnings = load_checklists(tmp_path)
    assert warnings == []
    team = catalogue.get("team-form")
    assert team is not None and team.scored and team.overall is not None
    assert catalogue.item_label("team-form:q1") == "Team q1: Doses stated"
