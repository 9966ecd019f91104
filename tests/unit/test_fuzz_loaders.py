"""Every loader on generated, mutated and random input: a model, or the project's error with a place.

Bounded (a few dozen examples a loader) so the suite stays fast; the corpus in
`tests/data/fuzz/` holds every input that ever made a loader fail, and is replayed each run.
An example that fails is written to `tests/data/fuzz/new/` before the test fails, to be kept.
"""

from __future__ import annotations

import hashlib
import os
import re
from pathlib import Path

import pytest
import tomli_w
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import DATA, REPO, SEED_CASE
from tui.importers import import_report
from tui.store import InputFileError, read_case
from tui.store.checklist_files import read_checklist
from tui.store.journal import journal_path, read_journal
from tui.store.review_file import read_review
from tui.store.theme_files import load_theme_files
from tui.store.user_config import load_user_config

CORPUS = DATA / "fuzz"
SAMPLES = {
    "case": SEED_CASE,
    "review": DATA / "export" / "seed.ana-sousa.review.toml",
    "theme": REPO / "themes" / "case-review-dark.toml",
    "checklist": REPO / "tui" / "appraisal" / "checklists" / "naranjo-1981.toml",
    "config": None,
    "journal": DATA / "export" / "seed.ana-sousa.review.toml",
    "import": REPO / "seeds" / "clonazepam-vcf-myeloma.txt",
}
PLACE = re.compile(r"^.+?(:\d+:\d+)?: ")
"""Every problem line begins with the file's path, and a line:column where there is one."""


def _placed(error: InputFileError, path: Path) -> None:
    lines = error.lines()
    assert lines, "an error says what is wrong"
    for line in lines:
        assert line.startswith(str(path)) and PLACE.match(line), line
        assert "\n" not in line and "Traceback" not in line


def _load(loader: str, path: Path, folder: Path) -> None:
    """Run one loader on `path`; return normally for a model, raise only `InputFileError` (checked by the caller)."""
    if loader == "case":
        read_case(path)
    elif loader == "review":
        read_review(path, read_case(SEED_CASE))
    elif loader == "checklist":
        read_checklist(path)
    elif loader == "import":
        import_report(path)
    elif loader == "theme":
        _themes, warnings = load_theme_files(folder)
        assert all(str(path) in warning and "\n" not in warning for warning in warnings)
    elif loader == "config":
        _config, warning = load_user_config()
        assert warning is None or (str(path) in warning and "\n" not in warning)
    elif loader == "journal":
        recovered, warning = read_journal(folder / "x.review.toml", read_case(SEED_CASE))
        assert (recovered is None) != (warning is None) or recovered is None


def _target(loader: str, folder: Path) -> Path:
    if loader == "config":
        return folder / "config.toml"
    if loader == "journal":
        return journal_path(folder / "x.review.toml")
    return folder / ("report.txt" if loader == "import" else "input.toml")


def check(loader: str, data: bytes, folder: Path) -> None:
    """The one property: any bytes give a model or a placed `InputFileError` (kept when it fails)."""
    path = _target(loader, folder)
    for stale in folder.glob("*"):
        stale.unlink()
    path.write_bytes(data)
    try:
        try:
            _load(loader, path, folder)
        except InputFileError as error:
            _placed(error, path)
    except BaseException:
        keep = CORPUS / "new" / loader
        keep.mkdir(parents=True, exist_ok=True)
        (keep / f"{hashlib.sha256(data).hexdigest()[:16]}.bin").write_bytes(data)
        raise


def _mutate(original: bytes, edits: list[tuple[int, int, int, bytes]]) -> bytes:
    data = bytearray(original)
    for kind, position, length, payload in edits:
        if not data:
            data.extend(payload)
            continue
        at = position % len(data)
        if kind == 0:  # cut
            del data[at : at + length]
        elif kind == 1:  # repeat
            data[at:at] = data[at : at + length]
        elif kind == 2:  # insert
            data[at:at] = payload
        else:  # overwrite
            data[at : at + len(payload)] = payload
    return bytes(data)


EDITS = st.lists(
    st.tuples(st.integers(0, 3), st.integers(0, 1 << 20), st.integers(1, 400), st.binary(min_size=1, max_size=40)),
    min_size=1,
    max_size=6,
)
TOML_VALUES = st.recursive(
    st.none().map(lambda _: "")
    | st.booleans()
    | st.integers(-(10**30), 10**30)
    | st.floats(allow_nan=False)
    | st.text(max_size=40),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner, max_size=4),
    max_leaves=30,
)
TOML_DOCUMENTS = st.dictionaries(st.text(max_size=16), TOML_VALUES, max_size=8).map(
    lambda d: tomli_w.dumps(d).encode("utf-8")
)
LOADERS = sorted(SAMPLES)
FUZZ_EXAMPLES = int(os.environ.get("CASE_REVIEW_FUZZ_EXAMPLES", "25"))
"""Examples per loader and strategy; `CASE_REVIEW_FUZZ_EXAMPLES=2000` for a long run."""
FUZZ = settings(max_examples=FUZZ_EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@pytest.mark.parametrize("loader", LOADERS)
@FUZZ
@given(edits=EDITS)
def test_mutated_real_files(tmp_path_factory: pytest.TempPathFactory, loader: str, edits: list) -> None:  # type: ignore[type-arg]
    sample = SAMPLES[loader]
    original = sample.read_bytes() if sample is not None else b'theme = "case-review-light"\nreviewer = "Ana"\n'
    check(loader, _mutate(original, edits), tmp_path_factory.mktemp(loader))


@pytest.mark.parametrize("loader", LOADERS)
@FUZZ
@given(document=TOML_DOCUMENTS)
def test_generated_toml(tmp_path_factory: pytest.TempPathFactory, loader: str, document: bytes) -> None:
    check(loader, document, tmp_path_factory.mktemp(loader))


@pytest.mark.parametrize("loader", LOADERS)
@FUZZ
@given(data=st.binary(max_size=2000))
def test_random_bytes(tmp_path_factory: pytest.TempPathFactory, loader: str, data: bytes) -> None:
    check(loader, data, tmp_path_factory.mktemp(loader))


def _corpus() -> list[tuple[str, Path]]:
    return [(folder.name, path) for folder in sorted(CORPUS.iterdir()) if folder.is_dir() and folder.name in SAMPLES
            for path in sorted(folder.iterdir())]  # fmt: skip


@pytest.mark.parametrize(("loader", "path"), _corpus(), ids=lambda value: getattr(value, "name", value))
def test_every_input_that_ever_failed(tmp_path: Path, loader: str, path: Path) -> None:
    check(loader, path.read_bytes(), tmp_path)


def test_the_corpus_holds_the_inputs_found_by_hand() -> None:
    """The failures named in the attack report, kept as files (a test with no corpus would pass silently)."""
    assert len(_corpus()) >= 8
