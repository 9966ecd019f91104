"""Hostile review text in every export: nothing executes, nothing breaks the document's structure.

The review below writes `<script>`, `</textarea>`, `"onload=`, Markdown's control characters
and terminal escapes into every field a reviewer controls (body, tags, author, quote), on the
hostile case, whose own text holds markup and escape sequences.
"""

from __future__ import annotations

import csv
import io
import json
from datetime import UTC, datetime
from html.parser import HTMLParser

import pytest
from markdown_it import MarkdownIt
from markdown_it.token import Token

from tests.conftest import DATA
from tui.export import render
from tui.export.notes import ReviewNotes, build_review_notes
from tui.model.anchoring import text_quote
from tui.model.checklist_catalogue import install_checklists, installed_checklists
from tui.model.review import Annotation, ChecklistAnswer, Review, ReviewHeader
from tui.store import read_case
from tui.store.checklist_files import load_checklists

HOSTILE_CASE = DATA / "good" / "hostile.toml"
WHEN = datetime(2026, 11, 25, 9, 0, tzinfo=UTC)

HOSTILE_BODY = (
    "<script>alert(1)</script>\n"
    "</textarea><textarea>\n"
    '"onload="alert(2)" \'onerror=alert(3)\n'
    "# not a heading\n"
    "* not a list\n"
    "1. not a list either\n"
    "> not a quote\n"
    "| not | a | table |\n"
    "```\nnot code\n```\n"
    "[click](javascript:alert(4)) ![img](http://tracker.invalid/x.png) <http://x.invalid>\n"
    "**not bold** _not em_ `not code` ~~not struck~~ &lt;entity&gt; \\ backslash\n"
    "---\n"
    "=cmd|' /C calc'!A0\n"
    "\x1b]0;pwned\x07 \x1b[2J"
)
HOSTILE_STRINGS = [
    "<script>alert(1)</script>",
    "</textarea>",
    '"onload="alert(2)"',
    "[click](javascript:alert(4))",
    "# not a heading",
    "| not | a | table |",
    "**not bold**",
    "&lt;entity&gt;",
]


def _review_notes(body: str, author: str, tags: list[str], reviewer: str) -> ReviewNotes:
    case = read_case(HOSTILE_CASE)
    text = case.sections[0].text
    start = text.index("[bold]")
    end = text.index("here.") + len("here.")
    quote, prefix, suffix = text_quote(text, start, end)
    common = {"kind": "concern", "author": author, "created": WHEN, "updated": WHEN, "body": body, "tags": tags}
    annotations = [
        Annotation(
            id="a-0000001aaaaaa",
            target="section",
            target_id="trap",
            start=start,
            end=end,
            quote=quote,
            prefix=prefix,
            suffix=suffix,
            **common,
        ),
        Annotation(id="a-0000002aaaaaa", target="medication", target_id="trap-drug", **common),
        Annotation(
            id="a-0000003aaaaaa",
            target="section",
            target_id="trap",
            start=0,
            end=5,
            quote="</textarea><script>gone</script>",
            prefix="",
            suffix="",
            **common,
        ),  # an orphan
        Annotation(
            id="a-0000004aaaaaa",
            target="checklist",
            target_id="care-2013:10d",
            section="trap",
            start=start,
            end=end,
            quote=quote,
            prefix=prefix,
            suffix=suffix,
            **common,
        ),  # a checklist item tied to the hostile text
    ]
    effect = "plain words" if body.startswith("plain") else "<script>x</script> | * =1"
    answers = [
        ChecklistAnswer(checklist="care-2013", item="5d", answer="partly", note=body),
        ChecklistAnswer(checklist="jbi-case-report", item="overall", answer="include", note=body),
        ChecklistAnswer(
            checklist="naranjo-1981", medication="trap-drug", effect=effect, item="2", answer="yes", note=body
        ),
        ChecklistAnswer(checklist="a-colleagues-form", item="q1", answer="yes", note=body),  # not known here
    ]
    header = ReviewHeader(case_id=case.id, case_sha256="0" * 64, reviewer=reviewer, created=WHEN, updated=WHEN)
    review = Review(review=header, annotations=annotations, checklist=answers)
    before = installed_checklists()
    install_checklists(load_checklists()[0])  # the known path as well as the unknown one
    try:
        return build_review_notes(case, review, exported=WHEN)
    finally:
        install_checklists(before)


@pytest.fixture(scope="module")
def hostile_notes() -> ReviewNotes:
    return _review_notes(
        HOSTILE_BODY, '<b onmouseover="x">Eve</b> | *', ["<script>", "|x|", "=1+1"], "<i>Eve</i> [x](y)"
    )


@pytest.fixture(scope="module")
def benign_notes() -> ReviewNotes:
    """The same review in plain words, line for line: its document structure is the reference."""
    body = "\n".join("plain words" for _line in HOSTILE_BODY.split("\n"))
    return _review_notes(body, "Eve", ["a", "b", "c"], "Eve")


class _TagCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []
        self.text: list[str] = []
        self.style_text: list[str] = []
        self._in_style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, attrs))
        self._in_style = tag == "style"

    def handle_endtag(self, tag: str) -> None:
        self._in_style = False

    def handle_data(self, data: str) -> None:
        (self.style_text if self._in_style else self.text).append(data)


ALLOWED_TAGS = {
    "html",
    "head",
    "meta",
    "title",
    "style",
    "body",
    "header",
    "main",
    "h1",
    "h2",
    "h3",
    "h4",
    "dl",
    "dt",
    "dd",
    "section",
    "aside",
    "article",
    "p",
    "br",
    "mark",
    "sup",
    "a",
    "span",
    "blockquote",
    "div",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "time",
    "strong",
    "em",
    "ul",
    "li",
    "meter",
}


def test_html_runs_nothing_and_keeps_its_structure(hostile_notes: ReviewNotes) -> None:
    page = render("html", hostile_notes)
    parser = _TagCollector()
    parser.feed(page)
    tags = [tag for tag, _attrs in parser.tags]
    assert set(tags) <= ALLOWED_TAGS, set(tags) - ALLOWED_TAGS
    assert tags.count("style") == 1 and tags.count("body") == 1 and tags.count("title") == 1
    for tag, attrs in parser.tags:
        for name, value in attrs:
            assert not name.startswith("on"), (tag, name)
            if name == "href":
                assert value is not None and value.startswith("#")
    # Every note is an article, none swallowed by a broken tag; the hostile words are there as text.
    assert tags.count("article") == 4
    text = "".join(parser.text)
    for hostile in HOSTILE_STRINGS:
        assert hostile in text
    assert "\x1b" not in page and "\x07" not in page
    assert "script-src" not in page and "default-src 'none'" in page  # the CSP forbids scripts and requests


def _markdown_tokens(document: str) -> list[Token]:
    def flatten(items: list[Token]) -> list[Token]:
        flat: list[Token] = []
        for token in items:
            flat.append(token)
            flat.extend(flatten(token.children or []))
        return flat

    return flatten(MarkdownIt("commonmark").enable(["table", "strikethrough"]).parse(document))


def test_markdown_keeps_its_structure_and_renders_nothing_active(
    hostile_notes: ReviewNotes, benign_notes: ReviewNotes
) -> None:
    document = render("md", hostile_notes)
    assert "\x1b" not in document and "\x07" not in document
    tokens = _markdown_tokens(document)
    # Line for line, the hostile review has exactly the structure of the plain one: no heading,
    # list, quote, code, link, image, emphasis, table cell or raw HTML came from the text.
    structure = [(t.type, t.tag, t.level) for t in tokens if t.type != "text"]
    reference = [(t.type, t.tag, t.level) for t in _markdown_tokens(render("md", benign_notes)) if t.type != "text"]
    assert structure == reference
    assert not [t for t in tokens if t.type in {"html_block", "html_inline", "link_open", "image"}]
    rendered = MarkdownIt("commonmark").enable("table").render(document)
    assert "<script" not in rendered and "<textarea" not in rendered and 'href="javascript' not in rendered
    text = "".join(t.content for t in tokens if t.type == "text")
    for hostile in (
        "<script>alert(1)</script>",
        "</textarea>",
        "# not a heading",
        "[click](javascript:alert(4))",
        "**not bold**",
        "| not | a | table |",
    ):
        assert hostile in text


def test_html_structure_is_that_of_the_plain_review(hostile_notes: ReviewNotes, benign_notes: ReviewNotes) -> None:
    def tags(notes: ReviewNotes) -> list[str]:
        parser = _TagCollector()
        parser.feed(render("html", notes))
        return [tag for tag, _attrs in parser.tags]

    assert tags(hostile_notes) == tags(benign_notes)


def test_csv_cells_never_become_formulas(hostile_notes: ReviewNotes) -> None:
    rows = list(csv.DictReader(io.StringIO(render("csv", hostile_notes), newline="")))
    # Four notes, then CARE's answer, JBI's decision, Naranjo's answer and its total, the unknown form's answer.
    assert [row["record"] for row in rows] == ["note"] * 4 + ["answer"] * 3 + ["score", "answer"]
    for row in rows:
        for value in row.values():
            assert not value.startswith(("=", "+", "-", "@")), value
    for row in rows[:4]:
        assert row["tags"].startswith("<script>")  # not a formula start: kept as written
    assert "\x1b" not in render("csv", hostile_notes)


def test_json_keeps_every_character_and_escapes_the_dangerous_ones(hostile_notes: ReviewNotes) -> None:
    text = render("json", hostile_notes)
    assert "\x1b" not in text and "\x07" not in text and "\u202e" not in text
    document = json.loads(text)
    bodies = [b.get("value") for a in document["annotations"] for b in a["body"] if b["purpose"] != "tagging"]
    assert HOSTILE_BODY in bodies  # nothing lost: JSON carries the note exactly as written
    assert document["case"]["sections"][0]["text"] == read_case(HOSTILE_CASE).sections[0].text


# ---- any spans, however they overlap or where they end, keep the page whole ------------------------

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from tests.conftest import SEED_CASE  # noqa: E402


class _Balance(HTMLParser):
    VOID: frozenset[str] = frozenset({"meta", "br"})

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str] = []
        self.problems: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack[-1] != tag:
            self.problems.append(f"</{tag}> closes {self.stack[-1:] or 'nothing'}")
        else:
            self.stack.pop()


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(st.integers(0, 1300), st.integers(0, 300)), min_size=1, max_size=8))
def test_every_span_note_appears_once_and_the_page_stays_balanced(spans: list[tuple[int, int]]) -> None:
    case = read_case(SEED_CASE)
    section = case.section("background")
    assert section is not None and "\n\n" in section.text
    text = section.text
    annotations = []
    for number, (wanted_start, length) in enumerate(spans):
        start = min(wanted_start, len(text))
        end = min(len(text), start + length)
        quote, prefix, suffix = text_quote(text, start, end)
        annotations.append(
            Annotation(
                id=f"a-00000{number:02d}aaaaaa",
                target="section",
                target_id="background",
                start=start,
                end=end,
                quote=quote,
                prefix=prefix,
                suffix=suffix,
                author="A",
                created=WHEN,
                updated=WHEN,
                body=f"note {number}",
            )
        )
    header = ReviewHeader(case_id=case.id, case_sha256="0" * 64, reviewer="A", created=WHEN, updated=WHEN)
    notes = build_review_notes(case, Review(review=header, annotations=annotations), exported=WHEN)
    page = render("html", notes)
    for note in notes.notes:
        assert page.count(f'id="{note.anchor}"') == 1
        if not note.orphan:
            assert page.count(f'href="#{note.anchor}"') == 1
    balance = _Balance()
    balance.feed(page)
    assert balance.problems == [] and balance.stack == []
