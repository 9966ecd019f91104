"""The fast entry writer gives exactly the bytes tomli-w gives, so saved files never change format."""

from __future__ import annotations

from datetime import UTC, datetime

import rtoml
import tomli_w
from hypothesis import given, settings
from hypothesis import strategies as st

from tui.store.toml_writer import entry_to_toml, toml_string

PROSE = ("body", "note")
SCALARS = (
    st.text(max_size=80)
    | st.integers(-(10**12), 10**12)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.booleans()
    | st.datetimes(timezones=st.just(UTC))
)
ENTRIES = st.dictionaries(
    st.sampled_from(["id", "target", "start", "quote", "tags", "body", "note", "kind", "a b", "créé"]),
    SCALARS | st.lists(st.text(max_size=20), max_size=4),
    max_size=9,
)


def _tomli_w(table: str, entry: dict[str, object]) -> str:
    exact = {key: value for key, value in entry.items() if key not in PROSE}
    prose = {key: entry[key] for key in PROSE if key in entry}
    return f"[[{table}]]\n" + tomli_w.dumps(exact) + tomli_w.dumps(prose, multiline_strings=True)


@settings(max_examples=400, deadline=None)
@given(ENTRIES)
def test_same_bytes_as_tomli_w(entry: dict[str, object]) -> None:
    assert entry_to_toml("annotations", entry, PROSE) == _tomli_w("annotations", entry)


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_strings_read_back_as_written(text: str) -> None:
    for multiline in (False, True):
        written = rtoml.loads(f"x = {toml_string(text, multiline=multiline)}\n")["x"]
        assert written == (text.replace("\r\n", "\n") if multiline and "\n" in text else text)


def test_a_nested_table_goes_to_tomli_w() -> None:
    entry: dict[str, object] = {"place": "x", "sources": [{"reviewer": "a"}], "when": datetime(2026, 1, 1, tzinfo=UTC)}
    assert entry_to_toml("provenance", entry, PROSE) == _tomli_w("provenance", entry)
