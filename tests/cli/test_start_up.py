"""Start-up runs without the cycle collector, and always gives it back."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest

from tui.cli.open_app import start_up


@pytest.fixture(autouse=True)
def _collector_restored() -> Iterator[None]:
    yield
    gc.unfreeze()
    gc.enable()


def test_the_collector_is_off_while_starting_and_on_after_with_start_up_objects_frozen() -> None:
    frozen_before = gc.get_freeze_count()
    with start_up():
        assert not gc.isenabled()
        kept = [[] for _ in range(1000)]
    assert gc.isenabled()
    assert gc.get_freeze_count() >= frozen_before + len(kept)


def test_a_failed_start_gives_the_collector_back() -> None:
    with pytest.raises(RuntimeError), start_up():
        raise RuntimeError("the case could not be opened")
    assert gc.isenabled()
