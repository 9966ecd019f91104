"""JATS: title, DOI, abstract parts, nested sections, inline markup, figures and tables left out, safe parsing."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import DATA
from tui.importers.jats import read_jats
from tui.store.errors import InputFileError

KNEE = DATA / "import" / "jats-knee.xml"


def test_article_parts() -> None:
    (draft,) = read_jats(KNEE.read_bytes(), KNEE, "knee.xml")
    assert draft.title == "Genicular nerve block with dexamethasone for knee pain after arthroplasty: a case report"
    assert draft.doi == "10.9999/irra.2024.0042"
    tree = [(s.title, draft.sections[s.parent].title if s.parent is not None else None) for s in draft.sections]
    assert tree[:4] == [
        ("Abstract", None),
        ("Background", "Abstract"),
        ("Case presentation", "Abstract"),
        ("Conclusions", "Abstract"),
    ]
    assert ("Medication", "Treatment") in tree and ("Treatment", "Case presentation") in tree
    assert "References" not in [title for title, _ in tree]


def test_inline_markup_is_flattened_and_figures_tables_left_out() -> None:
    (draft,) = read_jats(KNEE.read_bytes(), KNEE, "knee.xml")
    text = {s.title: s.text for s in draft.sections}
    assert "oral celecoxib 200 mg twice daily" in text["Medication"]
    assert "29 kg/m2" in text["History and examination"]
    assert "arthroplasty1." in text["Introduction"]
    assert "Ultrasound image" not in text["Nerve block"] and "genicular sites. The next day" in text["Nerve block"]
    assert "Laboratory values" not in " ".join(text.values())
    assert {"a table left out", "a figure left out"} <= set(draft.notes)


def test_an_article_set_gives_one_draft_each() -> None:
    path = DATA / "import" / "jats-set.xml"
    drafts = read_jats(path.read_bytes(), path, "set.xml")
    assert [d.doi for d in drafts] == ["10.9999/icr.2023.0107", None]
    assert [s.title for s in drafts[1].sections] == ["Text"]


@pytest.mark.parametrize(
    "data",
    [
        b'<!DOCTYPE a [<!ENTITY x "xx"><!ENTITY y "&x;&x;">]><article>&y;</article>',
        b'<!DOCTYPE a [<!ENTITY x SYSTEM "http://127.0.0.1/x">]><article>&x;</article>',
        b'<!DOCTYPE a [<!ENTITY % p SYSTEM "file:///etc/passwd"> %p;]><article/>',
    ],
)
def test_entities_are_refused(data: bytes) -> None:
    with pytest.raises(InputFileError, match="XML refused"):
        read_jats(data, Path("x.xml"), "x.xml")
