"""Checklist files: the bundled ones are valid and ship in the package; a user's bad file costs one warning."""

from __future__ import annotations

import importlib.resources
import tomllib
from pathlib import Path

import pytest

from tui.model.checklist import ChecklistDefinition
from tui.resources import bundled_checklists_dir
from tui.store.checklist_files import MAX_CHECKLIST_BYTES, load_checklists, read_checklist, user_checklists_dir

BUNDLED = {"care-2013", "jbi-case-report", "murad-2018", "naranjo-1981"}

MINIMAL = """\
schema_version = 1
id = "team-form"
version = "1"
title = "Our extraction form"
short_title = "Team"

[[answers]]
id = "yes"
label = "Yes"
key = "y"

[[answers]]
id = "no"
label = "No"
key = "n"

[[items]]
id = "q1"
title = "Dose stated"
text = "Is every dose stated with its unit?"
"""


def _write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_bundled_checklists_are_valid_and_complete(tmp_path: Path) -> None:
    catalogue, warnings = load_checklists(tmp_path / "none")
    assert warnings == []
    assert catalogue.ids() == ["care-2013", "jbi-case-report", "murad-2018", "naranjo-1981"]
    care = catalogue.get("care-2013")
    assert care is not None
    assert [item.id for item in care.items] == [
        *("1", "2", "3a", "3b", "3c", "3d", "4", "5a", "5b", "5c", "5d", "6", "7"),
        *("8a", "8b", "8c", "8d", "9a", "9b", "9c", "10a", "10b", "10c", "10d"),
        *("11a", "11b", "11c", "11d", "12", "13"),
    ]
    assert [a.id for a in care.answers] == ["yes", "no", "partly", "na"]
    # The 2013 paper's table numbers two groups differently; the mapping is recorded item by item.
    assert {i.id: i.other_number for i in care.items if i.other_number} == {"3c": "3b", "3d": "3c", "5d": "5c"}
    jbi = catalogue.get("jbi-case-report")
    assert jbi is not None and len(jbi.items) == 8
    assert [a.id for a in jbi.answers] == ["yes", "no", "unclear", "na"]
    assert jbi.overall is not None
    assert [o.id for o in jbi.overall.options] == ["include", "exclude", "seek_further_info"]
    murad = catalogue.get("murad-2018")
    assert murad is not None and len(murad.items) == 8 and not murad.scored
    assert [d.id for d in murad.domains] == ["selection", "ascertainment", "causality", "reporting"]
    assert [i.domain for i in murad.items] == [
        "selection",
        "ascertainment",
        "ascertainment",
        *["causality"] * 4,
        "reporting",
    ]
    assert "4 to 6" in murad.domains[2].guidance and murad.overall is not None
    naranjo = catalogue.get("naranjo-1981")
    assert naranjo is not None and naranjo.applies_to == "adverse_effect" and naranjo.scored
    assert naranjo.score_range() == (-4, 13)
    assert [a.key for a in naranjo.answers] == ["y", "n", "d"]


def test_every_key_the_pane_uses_comes_from_the_data() -> None:
    """`y n p u -` and `d`: each answer's key is in its file, never in code."""
    catalogue, _ = load_checklists()
    keys = {a.key for definition in catalogue for a in definition.answers}
    assert keys == {"y", "n", "p", "u", "-", "d"}


def test_bundled_files_ship_inside_the_package() -> None:
    """They live in `tui/appraisal/checklists/`, which hatch packs into the wheel with `tui`."""
    files = importlib.resources.files("tui.appraisal").joinpath("checklists")
    names = sorted(entry.name for entry in files.iterdir() if entry.name.endswith(".toml"))
    assert names == sorted(f"{checklist}.toml" for checklist in BUNDLED)
    assert Path(str(files)) == bundled_checklists_dir()
    for name in names:
        data = tomllib.loads(files.joinpath(name).read_text(encoding="utf-8"))
        assert ChecklistDefinition.model_validate(data).id == name.removesuffix(".toml")


def test_a_user_checklist_joins_the_bundled_ones(isolated_config_dir: Path) -> None:
    _write(isolated_config_dir / "checklists", "team.toml", MINIMAL)
    catalogue, warnings = load_checklists()
    assert warnings == []
    assert catalogue.ids()[-1] == "team-form"
    assert user_checklists_dir() == isolated_config_dir / "checklists"


def test_a_bad_field_is_one_warning_naming_file_and_field(tmp_path: Path) -> None:
    bad = _write(tmp_path, "bad.toml", MINIMAL.replace('key = "n"', 'key = "no"'))
    good = _write(tmp_path, "good.toml", MINIMAL.replace('"team-form"', '"other-form"'))
    catalogue, warnings = load_checklists(tmp_path)
    assert warnings == [f"{bad}: answers[1].key: String should match pattern '^[!-~]$' (got 'no')"]
    assert "other-form" in catalogue and "team-form" not in catalogue
    assert good.exists()


def test_a_misspelt_key_is_named_with_a_suggestion(tmp_path: Path) -> None:
    path = _write(tmp_path, "typo.toml", MINIMAL.replace('text = "Is every', 'txt = "Is every'))
    _catalogue, warnings = load_checklists(tmp_path)
    assert warnings == [f"{path}: items[0].txt: unknown key 'txt'; did you mean 'text'?"]


@pytest.mark.parametrize(
    ("change", "field_path", "message"),
    [
        (
            lambda t: t + '\n[[items]]\nid = "q1"\ntitle = "Again"\ntext = "Twice?"\n',
            "items[1].id",
            "duplicate item 'q1'; first used at items[0]",
        ),
        (
            lambda t: t.replace('text = "Is every', 'domain = "dosing"\ntext = "Is every'),
            "items[0].domain",
            "no domain",
        ),
        (
            lambda t: t.replace('text = "Is every', 'answers = ["maybe"]\ntext = "Is every'),
            "items[0].answers",
            "no answer",
        ),
        (lambda t: t.replace('id = "q1"', 'id = "overall"'), "items[0].id", "kept for the overall decision"),
        (
            lambda t: t + '\n[[bands]]\nid = "low"\nlabel = "Low"\nmax = 0\n',
            "items[0].scores",
            "a scored checklist needs points",
        ),
    ],
)
def test_rules_across_the_file_name_their_field(tmp_path: Path, change: object, field_path: str, message: str) -> None:
    path = _write(tmp_path, "form.toml", change(MINIMAL))  # type: ignore[operator]
    _catalogue, warnings = load_checklists(tmp_path)
    assert len(warnings) == 1
    assert warnings[0].startswith(f"{path}: {field_path}: ") and message in warnings[0]


def test_bands_that_leave_a_total_uncovered_are_refused(tmp_path: Path) -> None:
    scored = MINIMAL.replace('text = "Is every', 'scores = { yes = 2, no = -1 }\ntext = "Is every')
    gap = (
        scored + '\n[[bands]]\nid = "low"\nlabel = "Low"\nmax = 0\n\n[[bands]]\nid = "high"\nlabel = "High"\nmin = 2\n'
    )
    path = _write(tmp_path, "gap.toml", gap)
    _catalogue, warnings = load_checklists(tmp_path)
    assert warnings == [f"{path}: bands: no band holds a total of 1; every total needs a band"]
    overlap = gap.replace("min = 2", "min = 0")
    _write(tmp_path, "gap.toml", overlap)
    _catalogue, warnings = load_checklists(tmp_path)
    assert warnings == [f"{path}: bands[1]: overlaps bands[0]"]


def test_a_duplicate_id_is_left_out_with_a_warning(tmp_path: Path) -> None:
    first = _write(tmp_path, "a.toml", MINIMAL)
    second = _write(tmp_path, "b.toml", MINIMAL.replace('title = "Our extraction form"', 'title = "A copy"'))
    clash = _write(tmp_path, "c.toml", MINIMAL.replace('"team-form"', '"care-2013"'))
    catalogue, warnings = load_checklists(tmp_path)
    assert warnings == [
        f"{second}: id: checklist 'team-form' is already defined by {first.name}",
        f"{clash}: id: checklist 'care-2013' is already defined by care-2013.toml",
    ]
    team = catalogue.get("team-form")
    assert team is not None and team.title == "Our extraction form"
    care = catalogue.get("care-2013")
    assert care is not None and care.short_title == "CARE"


def test_a_huge_file_is_refused_unread(tmp_path: Path) -> None:
    path = _write(tmp_path, "huge.toml", MINIMAL + "# " + "x" * MAX_CHECKLIST_BYTES + "\n")
    catalogue, warnings = load_checklists(tmp_path)
    assert len(warnings) == 1
    assert warnings[0].startswith(f"{path}: file is ") and f"at most {MAX_CHECKLIST_BYTES:,} bytes" in warnings[0]
    assert len(catalogue) == len(BUNDLED)


def test_broken_bytes_and_syntax_are_one_line_each_never_a_crash(tmp_path: Path) -> None:
    (tmp_path / "bytes.toml").write_bytes(b'id = "\xff"\n')
    _write(tmp_path, "syntax.toml", "id = \n")
    _write(tmp_path, "empty.toml", "")
    _write(tmp_path, "nested.toml", "x = " + "[" * 5000 + "]" * 5000 + "\n")
    _write(tmp_path, ".hidden.toml", "not even toml [")
    _write(tmp_path, "notes.txt", "not a checklist")
    catalogue, warnings = load_checklists(tmp_path)
    assert len(warnings) == 4
    assert all("\n" not in w for w in warnings)
    assert [w.split(":", 1)[0] for w in warnings] == [
        str(tmp_path / name) for name in ("bytes.toml", "empty.toml", "nested.toml", "syntax.toml")
    ]
    assert len(catalogue) == len(BUNDLED)


def test_a_folder_that_is_a_file_is_one_warning(tmp_path: Path) -> None:
    not_a_folder = _write(tmp_path, "checklists", "oops")
    catalogue, warnings = load_checklists(not_a_folder)
    assert warnings == [f"{not_a_folder}: is not a folder, so it holds no checklists"]
    assert len(catalogue) == len(BUNDLED)


def test_read_checklist_raises_with_every_problem(tmp_path: Path) -> None:
    from tui.store.errors import InputFileError

    text = MINIMAL + '\n[[items]]\nid = "q1"\ntitle = "Again"\ntext = "Twice?"\ndomain = "nowhere"\n'
    path = _write(tmp_path, "two.toml", text)
    with pytest.raises(InputFileError) as caught:
        read_checklist(path)
    assert [p.field_path for p in caught.value.problems] == ["items[1].id", "items[1].domain"]
