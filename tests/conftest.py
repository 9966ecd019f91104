"""Shared paths and a helper that runs the real command line in a subprocess."""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tui.model import CaseRecord
from tui.model.checklist_catalogue import ChecklistCatalogue
from tui.store import read_case

REPO = Path(__file__).resolve().parent.parent
DATA = REPO / "tests" / "data"
SEED_CASE = REPO / "cases" / "clonazepam-vcf-myeloma.toml"
SEED_REPORT = REPO / "seeds" / "clonazepam-vcf-myeloma.txt"

RunCli = Callable[..., subprocess.CompletedProcess[str]]


@pytest.fixture
def run_cli() -> RunCli:
    """Run `python -m tui ARGS` as a user would, capturing its output."""

    def run(*args: str | Path, cwd: Path = REPO) -> subprocess.CompletedProcess[str]:
        env = {k: v for k, v in os.environ.items() if k != "CASE_REVIEW_DEBUG"}
        return subprocess.run(
            [sys.executable, "-m", "tui", *map(str, args)],
            capture_output=True,
            text=True,
            cwd=cwd,
            env=env,
            timeout=60,
        )

    return run


@pytest.fixture(scope="session")
def seed_case() -> CaseRecord:
    return read_case(SEED_CASE)


@pytest.fixture(autouse=True)
def isolated_config_dir(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point the user config at a fresh folder so no test reads or overwrites the real one.

    Subprocesses started by `run_cli` inherit the variable too.
    """
    folder = tmp_path_factory.mktemp("config")
    monkeypatch.setenv("CASE_REVIEW_CONFIG_DIR", str(folder))
    return folder


@pytest.fixture(autouse=True)
def isolated_state_dir(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point the user state folder (reading positions) at a fresh folder for each test."""
    folder = tmp_path_factory.mktemp("state")
    monkeypatch.setenv("CASE_REVIEW_STATE_DIR", str(folder))
    return folder


@pytest.fixture(autouse=True)
def isolated_data_dir(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point the user data folder (reviews of read-only cases) at a fresh folder."""
    folder = tmp_path_factory.mktemp("data")
    monkeypatch.setenv("CASE_REVIEW_DATA_DIR", str(folder))
    return folder


@pytest.fixture(autouse=True)
def isolated_cache_dir(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point the user cache folder (library indexes) at a fresh folder."""
    folder = tmp_path_factory.mktemp("cache")
    monkeypatch.setenv("CASE_REVIEW_CACHE_DIR", str(folder))
    return folder


def textual_modules_after(*calls: list[str]) -> list[str]:
    """Run `tui.cli.main(args)` for each call in a fresh interpreter; the Textual modules it then holds.

    Sub-commands must not pay for the UI: this is how a test sees what they really import.
    """
    code = (
        "import sys; from tui.cli import main; "
        f"codes = [main(args) for args in {[list(map(str, c)) for c in calls]!r}]; "
        "assert all(code == 0 for code in codes), codes; "
        "print(sorted(m for m in sys.modules if m == 'textual' or m.startswith('textual.')))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, cwd=REPO)
    assert result.returncode == 0, result.stderr
    return ast.literal_eval(result.stdout.strip().splitlines()[-1])


@pytest.fixture(autouse=True)
def isolated_working_dir(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Run every test in a fresh folder: an export's default file lands there, never in the checkout."""
    folder = tmp_path_factory.mktemp("cwd")
    monkeypatch.chdir(folder)
    return folder


@pytest.fixture
def bundled_checklists() -> Iterator[ChecklistCatalogue]:
    """The bundled checklists installed for the test, as the app and `export` install them; restored after."""
    from tui.model.checklist_catalogue import install_checklists, installed_checklists
    from tui.store.checklist_files import load_checklists

    before = installed_checklists()
    catalogue, warnings = load_checklists()
    assert warnings == []
    install_checklists(catalogue)
    yield catalogue
    install_checklists(before)


@pytest.fixture(autouse=True)
def no_checklists_installed(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Each test starts with no checklists installed and none loaded, as a fresh run does."""
    from tui.model.checklist_catalogue import ChecklistCatalogue, install_checklists, installed_checklists

    before = installed_checklists()
    install_checklists(ChecklistCatalogue())
    monkeypatch.setattr("tui.store.checklist_files._loaded", None)
    yield
    install_checklists(before)
