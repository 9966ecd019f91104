"""The review file: stable, lossless TOML; written atomically; refused when it is another case's."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import SEED_CASE
from tui.model import CaseRecord
from tui.model.review import ANNOTATION_KINDS, Annotation, ChecklistAnswer, Review, ReviewHeader, new_annotation_id
from tui.store import InputFileError
from tui.store.case_files import review_path_for, safe_reviewer_name
from tui.store.review_file import read_review, review_to_toml, write_review

SHA = "0" * 64
WHEN = datetime(2026, 11, 25, 6, 0, tzinfo=UTC)

text = st.text(st.characters(blacklist_categories=("Cs",)), max_size=80)
times = st.datetimes(min_value=datetime(2000, 1, 1), max_value=datetime(2100, 1, 1), timezones=st.just(UTC)).map(
    lambda d: d.replace(microsecond=0)
)


@st.composite
def annotations(draw: st.DrawFn) -> Annotation:
    is_span = draw(st.booleans())
    kinds = ["section", "checklist"] if is_span else ["section", "medication", "pain_score", "timeline", "checklist"]
    target = draw(st.sampled_from(kinds))
    start = draw(st.integers(0, 5000)) if is_span else None
    return Annotation(
        id=new_annotation_id(draw(times)),
        target=target,
        target_id=draw(st.from_regex(r"[a-z0-9]{1,12}(:[0-9]{1,2}[a-z]?)?", fullmatch=True)),
        section=draw(st.from_regex(r"[a-z0-9]{1,12}", fullmatch=True)) if is_span and target == "checklist" else None,
        start=start,
        end=start + draw(st.integers(0, 300)) if start is not None else None,
        quote=draw(text) if is_span else None,
        prefix=draw(text) if is_span else None,
        suffix=draw(text) if is_span else None,
        kind=draw(st.sampled_from(ANNOTATION_KINDS)),
        tags=draw(st.lists(st.from_regex(r"[^\s,]{1,10}", fullmatch=True), max_size=4)),
        body=draw(text),
        author=draw(text.filter(lambda s: 0 < len(s) <= 2000)),
        created=draw(times),
        updated=draw(times),
        status=draw(st.sampled_from(["open", "resolved"])),
    )


@st.composite
def answers(draw: st.DrawFn) -> ChecklistAnswer:
    """Old-style entries and new ones: with a version, per adverse effect, overall decisions, notes alone."""
    per_effect = draw(st.booleans())
    answer = draw(st.none() | st.sampled_from(["yes", "no", "partly", "unclear", "na", "dont_know", "include"]))
    note = draw(text)
    return ChecklistAnswer(
        checklist=draw(st.sampled_from(["care-2013", "jbi-case-report", "naranjo-1981", "team-form"])),
        version=draw(st.none() | st.sampled_from(["2013", "1981", "v2.1"])),
        medication=draw(st.from_regex(r"[a-z0-9]{1,12}", fullmatch=True)) if per_effect else None,
        effect=draw(st.from_regex(r"[A-Za-z][A-Za-z ]{0,20}[a-z]", fullmatch=True)) if per_effect else None,
        item=draw(st.from_regex(r"[0-9]{1,2}[a-z]?|overall|q[0-9]\.[0-9]", fullmatch=True)),
        answer=answer,
        note=note if answer is not None or note else "a note alone",
    )


@st.composite
def reviews(draw: st.DrawFn) -> Review:
    header = ReviewHeader(
        case_id="clonazepam-vcf-myeloma",
        case_sha256=SHA,
        reviewer="ana",
        created=draw(times),
        updated=draw(times),
        complete=draw(st.booleans()),
    )
    return Review(
        review=header,
        annotations=draw(st.lists(annotations(), max_size=5)),
        checklist=draw(st.lists(answers(), max_size=5)),
    )


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(reviews())
def test_any_review_survives_a_round_trip(tmp_path: Path, seed_case: CaseRecord, review: Review) -> None:
    path = tmp_path / "r.review.toml"
    write_review(path, review)
    assert read_review(path, seed_case) == review.ordered()


def test_written_order_is_stable_whatever_the_order_in_memory(seed_case: CaseRecord) -> None:
    header = ReviewHeader(case_id=seed_case.id, case_sha256=SHA, reviewer="ana", created=WHEN, updated=WHEN)
    first = Annotation(
        id="a-0000001aaaaaa",
        target="medication",
        target_id="clonazepam",
        author="ana",
        created=WHEN,
        updated=WHEN,
        body="dose?",
    )
    second = first.model_copy(update={"id": "a-0000002bbbbbb", "target_id": "acetaminophen"})
    one = review_to_toml(Review(review=header, annotations=[first, second]))
    other = review_to_toml(Review(review=header, annotations=[second, first]))
    assert one == other
    assert one.index("a-0000001aaaaaa") < one.index("a-0000002bbbbbb")
    assert one.startswith("[review]\ncase_id = ")


def test_review_of_another_case_is_refused(tmp_path: Path, seed_case: CaseRecord) -> None:
    header = ReviewHeader(case_id="another-case", case_sha256=SHA, reviewer="ana", created=WHEN, updated=WHEN)
    path = tmp_path / "x.review.toml"
    write_review(path, Review(review=header))
    with pytest.raises(InputFileError) as caught:
        read_review(path, seed_case)
    assert caught.value.lines() == [
        f"{path}: review.case_id: a review of case 'another-case', not of 'clonazepam-vcf-myeloma'"
    ]


def test_malformed_review_names_the_place(tmp_path: Path, seed_case: CaseRecord) -> None:
    path = tmp_path / "bad.review.toml"
    path.write_text('[review]\ncase_id = "clonazepam-vcf-myeloma"\ncase_sha256 = "x"\n', encoding="utf-8")
    with pytest.raises(InputFileError) as caught:
        read_review(path, seed_case)
    fields = [p.field_path for p in caught.value.problems]
    assert "review.case_sha256" in fields and "review.reviewer" in fields


def test_half_a_span_is_refused() -> None:
    with pytest.raises(ValueError, match="start and end go together"):
        Annotation(
            id="a-0000001aaaaaa", target="section", target_id="x", start=3, author="a", created=WHEN, updated=WHEN
        )


def test_review_path_beside_a_writable_case_and_in_data_dir_for_read_only(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    case = tmp_path / "cases" / "c.toml"
    case.parent.mkdir()
    case.write_bytes(SEED_CASE.read_bytes())
    assert review_path_for(case, "c", "Dr. Ana Sousa") == case.parent / "c.dr-ana-sousa.review.toml"
    monkeypatch.setenv("CASE_REVIEW_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setattr("tui.store.case_files.is_bundled", lambda _path: True)
    assert review_path_for(case, "c", "ana") == tmp_path / "data" / "reviews" / "c.ana.review.toml"


def test_safe_reviewer_names() -> None:
    assert safe_reviewer_name("Dr. Ana Sousa") == "dr-ana-sousa"
    assert safe_reviewer_name("../../etc/passwd") == "etc-passwd"
    assert safe_reviewer_name("   ") == "reviewer"


@pytest.mark.parametrize("step", ["before write", "mid-write", "at fsync", "before replace"])
def test_a_failed_review_save_at_each_step_leaves_the_previous_file_loadable(
    tmp_path: Path, seed_case: CaseRecord, monkeypatch: pytest.MonkeyPatch, step: str
) -> None:
    import os

    header = ReviewHeader(case_id=seed_case.id, case_sha256=SHA, reviewer="ana", created=WHEN, updated=WHEN)
    note = Annotation(
        id="a-0000001aaaaaa",
        target="medication",
        target_id="clonazepam",
        author="ana",
        created=WHEN,
        updated=WHEN,
        body="first version",
    )
    path = tmp_path / "r.review.toml"
    write_review(path, Review(review=header, annotations=[note]))
    before = path.read_bytes()

    def fail(*_args: object) -> None:
        raise OSError(28, "No space left on device")

    written: list[int] = []

    def half_then_fail(fd: int, data: bytes) -> int:
        if written:
            raise OSError(5, "Input/output error")
        written.append(os.write(fd, data[: len(data) // 2]))
        return written[0]

    target = {"before write": "_write", "mid-write": "_write", "at fsync": "_fsync", "before replace": "_replace"}[step]
    monkeypatch.setattr(f"tui.store.atomic.{target}", half_then_fail if step == "mid-write" else fail)
    changed = Review(review=header, annotations=[note.model_copy(update={"body": "second version"})])
    with pytest.raises(OSError):
        write_review(path, changed)
    monkeypatch.undo()
    assert path.read_bytes() == before
    assert [a.body for a in read_review(path, seed_case).annotations] == ["first version"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r.review.toml"], "no temporary file left behind"


def test_every_entry_is_its_own_table_whatever_its_length(seed_case: CaseRecord) -> None:
    """tomli-w writes a short array inline; one longer entry would then rewrite every line of it."""
    from tui.model.review import ChecklistAnswer, Review, ReviewHeader, now
    from tui.store.review_file import review_to_toml

    stamp = now()
    header = ReviewHeader(case_id=seed_case.id, case_sha256="0" * 64, reviewer="Ana", created=stamp, updated=stamp)
    short = Review(review=header, checklist=[ChecklistAnswer(checklist="care-2013", item="1", answer="yes")])
    text = review_to_toml(short)
    assert text.startswith("[review]\n")
    assert '[[checklist]]\nchecklist = "care-2013"\nitem = "1"\nanswer = "yes"\n' in text
    assert "checklist = [" not in text


def test_quotes_keep_their_exact_line_ends_and_notes_read_as_text(seed_case: CaseRecord, tmp_path: Path) -> None:
    """A quote must stay the case's exact words (`\\r\\n` included) to be found again; a note reads as prose."""
    from tui.model.review import now
    from tui.store.review_file import review_to_toml, write_review

    stamp = now()
    header = ReviewHeader(case_id=seed_case.id, case_sha256="0" * 64, reviewer="Ana", created=stamp, updated=stamp)
    note = Annotation(
        id=new_annotation_id(stamp),
        target="section",
        target_id="background",
        start=0,
        end=4,
        quote="a\r\nb",
        prefix="x\r\n",
        suffix="\r\ny",
        author="Ana",
        created=stamp,
        updated=stamp,
        body="first line\nsecond line",
    )
    review = Review(review=header, annotations=[note])
    text = review_to_toml(review)
    assert 'body = """\nfirst line\nsecond line"""' in text
    path = tmp_path / "r.review.toml"
    write_review(path, review)
    again = read_review(path, seed_case).annotations[0]
    assert (again.quote, again.prefix, again.suffix) == ("a\r\nb", "x\r\n", "\r\ny")
