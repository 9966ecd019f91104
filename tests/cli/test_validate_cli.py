"""`case-review validate`: one exact line per problem, the right exit code, never a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import DATA, SEED_CASE, RunCli

BAD = DATA / "bad"

# file name -> (the place the message must name, words the message must hold, exit code)
EXPECTED: dict[str, tuple[str, str, int]] = {
    "malformed-toml.toml": (":4:24: ", "TOML syntax: invalid basic string", 1),
    "invalid-utf8.toml": (":4:20: ", "invalid UTF-8 (byte ff)", 1),
    "deep-nesting.toml": (":3:", "TOML nesting is too deep", 1),
    "empty.toml": (": ", "file is empty", 1),
    "wrong-type.toml": (": patient.age: ", "valid integer (got 'sixty')", 1),
    "out-of-range.toml": (": pain_scores[0].value: ", "less than or equal to 10 (got 11)", 1),
    "bad-enum.toml": (": medications[0].per: ", "'day', 'dose', 'hour' or 'week' (got 'daily')", 1),
    "bad-slug.toml": (": id: ", "should match pattern", 1),
    "unknown-key.toml": (": sections[0].titel: ", "unknown key 'titel'; did you mean 'title'?", 1),
    "missing-field.toml": (": title: ", "missing required field", 1),
    "no-value-or-words.toml": (": pain_scores[1]: ", "needs a value or a description", 1),
    "duplicate-id.toml": (": pain_scores[1].id: ", "duplicate id 'before'; first used at pain_scores[0]", 1),
    "dangling-reference.toml": (": pain_scores[1].after[0]: ", "'morphine' is not a medication id", 1),
    "dangling-timeline.toml": (": medications[0].start: ", "'day-three' is not a timeline event id", 1),
    "quote-not-in-section.toml": (": medications[0].source_quote: ", "does not occur verbatim", 1),
    "wrong-schema-version.toml": (": schema_version: ", "unsupported schema_version 2", 1),
    "hostile-unknown-key.toml": (": sections[0].", "unknown key", 1),
}


def _assert_no_traceback(output: str) -> None:
    assert "Traceback" not in output
    assert 'File "' not in output


def test_every_bad_file_has_an_expectation() -> None:
    assert sorted(p.name for p in BAD.iterdir()) == sorted(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_bad_file_is_reported_at_its_place(run_cli: RunCli, name: str) -> None:
    place, words, code = EXPECTED[name]
    result = run_cli("validate", BAD / name)
    _assert_no_traceback(result.stdout + result.stderr)
    assert result.returncode == code
    lines = result.stdout.splitlines()
    prefix = f"{BAD / name}{place}"
    matching = [line for line in lines if line.startswith(prefix) and words in line]
    assert matching, f"no line starting {prefix!r} with {words!r} in {lines!r}"
    assert not any(line.startswith("OK ") for line in lines)


def test_hostile_key_is_printed_without_escape_sequences(run_cli: RunCli) -> None:
    result = run_cli("validate", BAD / "hostile-unknown-key.toml")
    assert "\x1b" not in result.stdout and "\x07" not in result.stdout
    assert "␛]0;pwned␇" in result.stdout


def test_good_files_print_ok_and_exit_zero(run_cli: RunCli) -> None:
    good = DATA / "good" / "minimal.toml"
    result = run_cli("validate", SEED_CASE, good)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.splitlines() == [f"OK {SEED_CASE}", f"OK {good}"]


def test_bundled_cases_validate(run_cli: RunCli) -> None:
    cases = sorted((SEED_CASE.parent).glob("*.toml"))
    result = run_cli("validate", *cases)
    assert result.returncode == 0, result.stdout
    assert len(result.stdout.splitlines()) == len(cases)


def test_missing_path_is_unreadable(run_cli: RunCli, tmp_path: Path) -> None:
    missing = tmp_path / "nowhere.toml"
    result = run_cli("validate", missing)
    _assert_no_traceback(result.stdout + result.stderr)
    assert result.returncode == 2
    assert result.stdout.splitlines() == [f"{missing}: no such file"]


def test_empty_directory_is_unreadable(run_cli: RunCli, tmp_path: Path) -> None:
    result = run_cli("validate", tmp_path)
    assert result.returncode == 2
    assert result.stdout.splitlines() == [f"{tmp_path}: no case file (*.toml) in this folder"]


def test_directory_expands_to_its_case_files(run_cli: RunCli) -> None:
    result = run_cli("validate", BAD)
    assert result.returncode == 1
    named = {line.split(":", 1)[0] for line in result.stdout.splitlines()}
    assert named == {str(BAD / name) for name in EXPECTED}


def test_directory_skips_review_files(run_cli: RunCli, tmp_path: Path) -> None:
    (tmp_path / "minimal.toml").write_bytes((DATA / "good" / "minimal.toml").read_bytes())
    (tmp_path / "minimal.alice.review.toml").write_text("not a case")
    result = run_cli("validate", tmp_path)
    assert result.returncode == 0
    assert result.stdout.splitlines() == [f"OK {tmp_path / 'minimal.toml'}"]


def test_huge_file_is_refused_unread(run_cli: RunCli, tmp_path: Path) -> None:
    huge = tmp_path / "huge.toml"
    line = b'x = "' + b"a" * 1000 + b'"\n'
    with huge.open("wb") as handle:
        for _ in range(50 * 1024):
            handle.write(line)
    assert huge.stat().st_size > 50_000_000
    result = run_cli("validate", huge)
    _assert_no_traceback(result.stdout + result.stderr)
    assert result.returncode == 2
    assert result.stdout.startswith(f"{huge}: file is {huge.stat().st_size:,} bytes; a case file may be at most")


def test_worst_exit_code_wins(run_cli: RunCli, tmp_path: Path) -> None:
    result = run_cli("validate", SEED_CASE, BAD / "empty.toml", tmp_path / "missing.toml")
    assert result.returncode == 2
    assert result.stdout.splitlines()[0] == f"OK {SEED_CASE}"


def test_no_arguments_is_a_one_line_usage_error(run_cli: RunCli) -> None:
    result = run_cli("validate")
    assert result.returncode == 2
    assert result.stdout == ""
    assert len(result.stderr.strip().splitlines()) == 1
    assert "the following arguments are required: PATH" in result.stderr


def test_unknown_option_is_a_one_line_usage_error(run_cli: RunCli) -> None:
    result = run_cli("--no-such-option")
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [
        "case-review: unrecognized arguments: --no-such-option (see 'case-review --help')"
    ]


def test_opening_a_bad_case_fails_before_the_ui(run_cli: RunCli) -> None:
    result = run_cli(BAD / "duplicate-id.toml")
    _assert_no_traceback(result.stdout + result.stderr)
    assert result.returncode == 1
    assert f"{BAD / 'duplicate-id.toml'}: pain_scores[1].id: duplicate id" in result.stderr


def test_validate_does_not_import_textual() -> None:
    from tests.conftest import textual_modules_after

    assert textual_modules_after(["validate", SEED_CASE]) == []


def test_review_files_named_one_by_one_are_checked_as_reviews(run_cli: RunCli, tmp_path: Path) -> None:
    """`validate cases/*.toml` after a save: the review is checked as a review, against its case."""
    from tests.conftest import SEED_CASE

    case = tmp_path / SEED_CASE.name
    case.write_bytes(SEED_CASE.read_bytes())
    review = tmp_path / "clonazepam-vcf-myeloma.ana.review.toml"
    review.write_bytes((DATA / "export" / "seed.ana-sousa.review.toml").read_bytes())
    stray = tmp_path / "elsewhere.bob.review.toml"
    stray.write_bytes(review.read_bytes())
    other = tmp_path / "other.eve.review.toml"
    other.write_text(review.read_text(encoding="utf-8").replace("[review]", "[reviw]"), encoding="utf-8")
    result = run_cli("validate", *sorted(tmp_path.glob("*.toml")))
    _assert_no_traceback(result.stdout + result.stderr)
    lines = result.stdout.splitlines()
    assert f"OK {case}" in lines
    for checked in (review, stray):
        # The fixture keeps two orphaned notes: listed, and the review is not OK.
        assert f"OK {checked} (review of {case})" not in lines
        assert any(line.startswith(f"{checked}: annotations[8]: note a-0tp1o9e090000") for line in lines)
    assert any(line.startswith(f"{other}: reviw: unknown key 'reviw'") for line in lines)
    assert result.returncode == 1


def test_opening_a_review_file_as_a_case_says_what_to_do(run_cli: RunCli) -> None:
    review = DATA / "export" / "seed.ana-sousa.review.toml"
    result = run_cli(review)
    _assert_no_traceback(result.stdout + result.stderr)
    assert result.returncode == 2
    assert result.stderr.strip() == f"case-review: {review}: is a review file; open its case and add --review {review}"


def test_a_review_path_that_cannot_hold_a_file_is_refused_before_the_ui(run_cli: RunCli, tmp_path: Path) -> None:
    a_file = tmp_path / "a-file"
    a_file.write_text("x", encoding="utf-8")
    for review, says in ((a_file / "r.review.toml", "is a file, not a folder"), (tmp_path, "is a folder")):
        result = run_cli("--review", review)
        _assert_no_traceback(result.stdout + result.stderr)
        assert result.returncode == 2
        assert says in result.stderr and len(result.stderr.strip().splitlines()) == 1


def test_a_misspelt_required_key_is_one_line_not_two(run_cli: RunCli, tmp_path: Path) -> None:
    case = tmp_path / "typo.toml"
    text = (DATA / "good" / "minimal.toml").read_text(encoding="utf-8")
    assert "\ntitle = " in text
    case.write_text(text.replace("\ntitle = ", "\ntitel = ", 1), encoding="utf-8")
    result = run_cli("validate", case)
    assert result.returncode == 1
    assert result.stdout.splitlines() == [f"{case}: titel: unknown key 'titel'; did you mean 'title'?"]
