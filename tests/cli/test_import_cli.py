"""`case-review import`: a report becomes a record the case reader accepts; bad input is one line, never a traceback."""

from __future__ import annotations

import random
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import DATA, REPO, SEED_REPORT, RunCli, textual_modules_after
from tui.store import read_case

FIXTURES = DATA / "import"


def _one_line_error(result: subprocess.CompletedProcess[str], code: int = 2) -> str:
    output = result.stdout + result.stderr
    assert "Traceback" not in output and 'File "' not in output
    assert result.returncode == code, output
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, lines
    return lines[0]


def test_seed_imports_to_standard_output_and_reads_back(run_cli: RunCli, tmp_path: Path) -> None:
    result = run_cli("import", SEED_REPORT)
    assert result.returncode == 0, result.stderr
    written = tmp_path / "seed.toml"
    written.write_text(result.stdout, encoding="utf-8")
    case = read_case(written)  # every integrity rule, quotes in their sections included
    assert case.title.startswith("Clonazepam for pain due to muscle spasm")
    assert case.source.file == str(SEED_REPORT)
    assert run_cli("validate", written).stdout.startswith("OK ")
    assert "7 sections" in result.stderr and "medications" in result.stderr


def test_same_input_gives_the_same_bytes(run_cli: RunCli) -> None:
    first = run_cli("import", FIXTURES / "jats-knee.xml")
    second = run_cli("import", FIXTURES / "jats-knee.xml")
    assert first.returncode == 0 and first.stdout == second.stdout
    assert first.stdout.count("[[sections]]") == 12


def test_output_file_is_not_overwritten_without_force(run_cli: RunCli, tmp_path: Path) -> None:
    target = tmp_path / "case.toml"
    assert run_cli("import", SEED_REPORT, "-o", target).returncode == 0
    target.write_text("mine", encoding="utf-8")
    line = _one_line_error(run_cli("import", SEED_REPORT, "-o", target))
    assert "already exists; use --force" in line
    assert target.read_text(encoding="utf-8") == "mine"
    assert run_cli("import", SEED_REPORT, "-o", target, "--force").returncode == 0
    assert read_case(target).sections


def test_the_input_is_never_the_output(run_cli: RunCli, tmp_path: Path) -> None:
    report = tmp_path / "report.txt"
    report.write_bytes(SEED_REPORT.read_bytes())
    line = _one_line_error(run_cli("import", report, "-o", report, "--force"))
    assert "an input of this command" in line
    assert report.read_bytes() == SEED_REPORT.read_bytes()


def test_output_folder_gets_id_named_file(run_cli: RunCli, tmp_path: Path) -> None:
    result = run_cli("import", FIXTURES / "text-crohn.txt", "-o", tmp_path)
    assert result.returncode == 0, result.stderr
    (written,) = tmp_path.glob("*.toml")
    assert written.name == f"{read_case(written).id}.toml"


def test_article_set_needs_a_folder_and_writes_one_file_each(run_cli: RunCli, tmp_path: Path) -> None:
    line = _one_line_error(run_cli("import", FIXTURES / "jats-set.xml"))
    assert "holds 2 articles" in line
    folder = tmp_path / "out"
    result = run_cli("import", FIXTURES / "jats-set.xml", "-o", folder)
    assert result.returncode == 0, result.stderr
    cases = sorted(read_case(path).title for path in folder.glob("*.toml"))
    assert cases == [
        "Epidural morphine for pain after caesarean delivery in a parturient with asthma",
        "Lidocaine patch for post-herpetic neuralgia in an older man",
    ]


def test_import_does_not_import_textual(tmp_path: Path) -> None:
    assert textual_modules_after(["import", SEED_REPORT, "-o", tmp_path / "a.toml"]) == []


def test_other_commands_do_not_load_the_importers_libraries() -> None:
    code = (
        "import sys; from tui.cli import main; import tui.importers; "
        f"main(['validate', {str(REPO / 'cases')!r}]); "
        "print(sorted(m for m in ('defusedxml', 'spellchecker') if m in sys.modules))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, timeout=60)
    assert result.stdout.strip().splitlines()[-1] == "[]"


# ---- bad input: one line naming the file, exit 2 ------------------------------------------------

BOMB = b"""<?xml version="1.0"?>
<!DOCTYPE article [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
]>
<article><front><article-meta><title-group><article-title>&lol3;</article-title></title-group></article-meta></front></article>
"""
EXTERNAL = b"""<?xml version="1.0"?>
<!DOCTYPE article [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<article><body><p>&secret;</p></body></article>
"""

BAD_INPUTS: dict[str, tuple[bytes, str]] = {
    "empty.txt": (b"  \n\n", "file is empty"),
    "binary.txt": (bytes(range(256)) * 64, "binary file"),
    "report.pdf": (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n", "a PDF file"),
    "not-jats.xml": (b"<html><body><p>Hello</p></body></html>", "not JATS: the root element is <html>"),
    "malformed.xml": (b"<article><body><p>Unclosed</body></article>", "malformed XML"),
    "bomb.xml": (BOMB, "XML refused (EntitiesForbidden)"),
    "external-entity.xml": (EXTERNAL, "XML refused (EntitiesForbidden)"),
    "words-free.txt": (b"12 34 56\n78 90\n", "no words in the file"),
}


@pytest.mark.parametrize("name", sorted(BAD_INPUTS))
def test_bad_input_is_one_line(run_cli: RunCli, tmp_path: Path, name: str) -> None:
    data, words = BAD_INPUTS[name]
    path = tmp_path / name
    path.write_bytes(data)
    line = _one_line_error(run_cli("import", path, "-o", tmp_path / "out.toml"))
    assert line.startswith(str(path)), line
    assert words in line
    assert not (tmp_path / "out.toml").exists()


def test_malformed_xml_names_its_line(run_cli: RunCli, tmp_path: Path) -> None:
    path = tmp_path / "broken.xml"
    path.write_text("<article>\n<body>\n<p>one</p>\n</bdy>\n</article>\n", encoding="utf-8")
    line = _one_line_error(run_cli("import", path))
    assert line.startswith(f"{path}:4:"), line


def test_a_50_megabyte_file_is_refused_unread(run_cli: RunCli, tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)  # sparse: 50 MB on paper, nothing on disk
    line = _one_line_error(run_cli("import", path))
    assert "52,428,800 bytes; a report may be at most" in line


@pytest.mark.parametrize("what", ["missing", "folder"])
def test_missing_file_or_folder_is_one_line(run_cli: RunCli, tmp_path: Path, what: str) -> None:
    path = tmp_path / "nowhere.txt" if what == "missing" else tmp_path
    line = _one_line_error(run_cli("import", path))
    assert ("no such file" if what == "missing" else "is a directory") in line


def test_text_without_headings_is_one_section(run_cli: RunCli, tmp_path: Path) -> None:
    path = tmp_path / "plain.txt"
    path.write_text(
        "A short note on a patient\n\nA 60-year-old man had back pain.\nHe was given ibuprofen 400 mg\n"
        "three times daily and the pain improved.\n",
        encoding="utf-8",
    )
    out = tmp_path / "plain.toml"
    result = run_cli("import", path, "-o", out)
    assert result.returncode == 0, result.stderr
    case = read_case(out)
    assert [s.title for s in case.sections] == ["Text"]
    assert case.title == "A short note on a patient"
    assert [(m.name, m.amount, m.unit) for m in case.medications] == [("ibuprofen", 400, "mg")]
    assert any("no headings found" in note for note in case.import_notes)


def test_a_long_report_is_answered_within_seconds(run_cli: RunCli, tmp_path: Path) -> None:
    chooser = random.Random(7)
    words = [
        "the",
        "patient",
        "was",
        "given",
        "morphine",
        "10",
        "mg",
        "and",
        "her",
        "pain",
        "was",
        "7/10",
        "at",
        "rest",
        "3",
        "days",
        "later",
    ]
    lines = [" ".join(chooser.choice(words) for _ in range(12)) + ("-" if n % 7 == 0 else "") for n in range(120_000)]
    path = tmp_path / "long.txt"
    path.write_text("A title\n\n" + "\n".join(lines), encoding="utf-8")  # about 7 MB, one paragraph, no headings
    started = time.monotonic()
    line = _one_line_error(run_cli("import", path))
    assert time.monotonic() - started < 45
    assert "longer than a case record allows" in line
