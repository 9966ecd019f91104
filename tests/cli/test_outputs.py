"""A command never writes onto its own inputs, nor onto anything but a regular file or a new path."""

from __future__ import annotations

import os
import shutil
import stat
from pathlib import Path

import pytest

from tests.conftest import DATA, SEED_CASE, RunCli
from tests.review_helpers import make_app
from tui.store.atomic import write_atomic
from tui.store.outputs import OutputRefused, check_output

FIXTURE_REVIEW = DATA / "export" / "seed.ana-sousa.review.toml"


@pytest.fixture
def copies(tmp_path: Path) -> tuple[Path, Path]:
    case = tmp_path / "clonazepam-vcf-myeloma.toml"
    review = tmp_path / "clonazepam-vcf-myeloma.ana-sousa.review.toml"
    shutil.copy(SEED_CASE, case)
    shutil.copy(FIXTURE_REVIEW, review)
    return case, review


@pytest.mark.parametrize("which", ["case", "review", "hard link to the review"])
def test_export_onto_an_input_is_refused_and_the_input_kept(
    run_cli: RunCli, copies: tuple[Path, Path], which: str
) -> None:
    case, review = copies
    target = {"case": case, "review": review}.get(which)
    if target is None:
        target = review.with_name("linked.md")
        os.link(review, target)
    before = target.read_bytes()
    result = run_cli("export", case, "--review", review, "--format", "md", "-o", target)
    assert result.returncode == 2
    assert "an input of this command" in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert target.read_bytes() == before


def test_export_onto_a_fifo_is_refused_and_the_fifo_stays(run_cli: RunCli, tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.md"
    os.mkfifo(fifo)
    result = run_cli("export", SEED_CASE, "--review", FIXTURE_REVIEW, "--format", "md", "-o", fifo)
    assert result.returncode == 2 and "not a regular file" in result.stderr
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)


def test_a_device_is_never_an_output() -> None:
    with pytest.raises(OutputRefused, match="not a regular file"):
        check_output(Path("/dev/null"), [])


def test_write_atomic_never_replaces_what_is_not_a_file(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    link = tmp_path / "link"
    link.symlink_to(fifo)
    for target in (fifo, link, tmp_path):
        with pytest.raises(IsADirectoryError):
            write_atomic(target, b"x")
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["link", "pipe"], "no temporary file left"


async def test_the_app_will_not_export_onto_its_own_review(copies: tuple[Path, Path]) -> None:
    case, review = copies
    before = review.read_bytes()
    app = make_app(case, review_path=review)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert not app.export_notes(app.document, "md", review)
        assert not app.export_notes(app.document, "md", case)
        await pilot.pause()
        assert any("an input of this command" in n.message for n in app._notifications)
    assert review.read_bytes() == before
