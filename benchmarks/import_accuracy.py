"""How faithfully `case-review import` reads a report: precision and recall against a hand-made key.

    python benchmarks/import_accuracy.py                 # the seed and the bundled fixtures
    python benchmarks/import_accuracy.py REPORT KEY.toml # your own report and key
    python benchmarks/import_accuracy.py --check         # exit 1 when a fixture misses a target

A key is a TOML file: a whole case record (as `cases/clonazepam-vcf-myeloma.toml`) or just
`title`, `[[sections]]` (`title`, `parent` (its title), `text`), `[[medications]]` (`name`,
`amount`, `unit`) and `[[pain_scores]]` (`condition`, `value` or `description`); a key for a
file of several articles holds one `[[cases]]` table each, in order.

What is compared: a section is right when its title, its parent's title and its text (white
space normalised) all match; a medication row when its name (case, a strength such as
`0.25%`, brackets and the spelling of a few class names aside), amount and unit match; a
pain score when its condition and its value match, or, for a score in words, when one
description contains the other. Each row of the key matches at most one imported row.
"""

from __future__ import annotations

import argparse
import re
import sys
import tomllib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from tui.importers import import_report  # noqa: E402
from tui.model import CaseRecord  # noqa: E402
from tui.store.errors import InputFileError  # noqa: E402

FIXTURES = REPO / "tests" / "data" / "import"
TARGET = 0.95

SYNONYMS = {
    "nsaid": "non-steroidal anti-inflammatory drug",
    "nsaids": "non-steroidal anti-inflammatory drug",
    "non-steroidal anti-inflammatory drugs": "non-steroidal anti-inflammatory drug",
    "paracetamol": "acetaminophen",
}
"""Names written two ways for the same agent or class."""


@dataclass
class Score:
    """Matches, and the counts they are out of, for one kind of item."""

    right: int = 0
    key: int = 0
    imported: int = 0

    def add(self, other: Score) -> None:
        self.right += other.right
        self.key += other.key
        self.imported += other.imported

    @property
    def precision(self) -> float:
        return self.right / self.imported if self.imported else 1.0

    @property
    def recall(self) -> float:
        return self.right / self.key if self.key else 1.0


def normal_text(text: str) -> str:
    return " ".join(text.split())


def normal_name(name: str) -> str:
    name = re.sub(r"\([^)]*\)", " ", name.casefold())
    name = re.sub(r"\b\d+(?:\.\d+)?\s?%", " ", name)
    name = " ".join(name.replace(",", " ").split())
    return SYNONYMS.get(name, name)


def names_match(key: str, got: str) -> bool:
    a, b = normal_name(key), normal_name(got)
    words_a, words_b = set(a.split()) - {"and"}, set(b.split()) - {"and"}
    return a == b or bool(words_a and words_b and (words_a <= words_b or words_b <= words_a))


def normal_unit(unit: Any) -> str:
    text = str(unit or "").replace("µ", "μ").replace("mcg", "μg").replace("ug", "μg")
    return text.casefold()


def same_number(a: Any, b: Any) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return abs(float(a) - float(b)) < 1e-9


def match(key_rows: Sequence[Any], got_rows: Sequence[Any], same: Callable[[Any, Any], bool]) -> Score:
    """One-to-one matches, greedily in key order."""
    left = list(got_rows)
    right = 0
    for wanted in key_rows:
        for index, row in enumerate(left):
            if same(wanted, row):
                right += 1
                del left[index]
                break
    return Score(right, len(key_rows), len(got_rows))


def compare(key: dict[str, Any], case: CaseRecord) -> dict[str, Score]:
    """Sections, medications and pain scores of `case` against the key."""
    titles = {s.id: s.title for s in case.sections}
    key_titles = {s.get("id", ""): s.get("title", "") for s in key.get("sections", [])}
    got_sections = [
        ((titles.get(s.parent or "", "") if s.parent else ""), s.title, normal_text(s.text)) for s in case.sections
    ]
    key_sections = [
        (key_titles.get(s.get("parent", ""), s.get("parent", "")) if s.get("parent") else "", s["title"],
         normal_text(s.get("text", "")))
        for s in key.get("sections", [])
    ]  # fmt: skip
    medications = match(
        key.get("medications", []),
        case.medications,
        lambda k, m: (
            names_match(k["name"], m.name)
            and same_number(k.get("amount"), m.amount)
            and normal_unit(k.get("unit")) == normal_unit(m.unit)
        ),
    )
    pain = match(key.get("pain_scores", []), case.pain_scores, _same_score)
    return {
        "sections": match(key_sections, got_sections, lambda a, b: a == b),
        "medications": medications,
        "pain": pain,
    }


def _same_score(key: dict[str, Any], score: Any) -> bool:
    if key.get("condition", "unspecified") != score.condition:
        return False
    if key.get("value") is not None:
        return same_number(key["value"], score.value)
    words, got = normal_text(str(key.get("description", ""))).casefold(), (score.description or "").casefold()
    return score.value is None and bool(words) and bool(got) and (words in got or got in words)


def evaluate(report: Path, key_path: Path) -> list[tuple[str, dict[str, Score]]]:
    """Rows of the table for one report (one per article)."""
    key = tomllib.loads(key_path.read_text(encoding="utf-8"))
    keys = key.get("cases", [key])
    cases = import_report(report)
    rows = []
    for index, case_key in enumerate(keys):
        label = report.name if len(keys) == 1 else f"{report.name} [{index + 1}]"
        case = cases[index] if index < len(cases) else None
        if case is None:
            empty = {name: Score(0, len(case_key.get(field, [])), 0) for name, field in
                     (("sections", "sections"), ("medications", "medications"), ("pain", "pain_scores"))}  # fmt: skip
            rows.append((label, empty))
        else:
            rows.append((label, compare(case_key, case)))
    return rows


def bundled() -> list[tuple[Path, Path]]:
    pairs = [(REPO / "seeds" / "clonazepam-vcf-myeloma.txt", REPO / "cases" / "clonazepam-vcf-myeloma.toml")]
    for key in sorted(FIXTURES.glob("*.key.toml")):
        stem = key.name.removesuffix(".key.toml")
        report = next((p for p in sorted(FIXTURES.glob(f"{stem}.*")) if p.suffix in (".txt", ".xml")), None)
        if report is not None:
            pairs.append((report, key))
    return pairs


def print_table(rows: list[tuple[str, dict[str, Score]]]) -> dict[str, Score]:
    header = f"{'file':44} {'sections':>14} {'med P':>6} {'med R':>6} {'pain P':>6} {'pain R':>6}"
    print(header)
    print("-" * len(header))
    total = {"sections": Score(), "medications": Score(), "pain": Score()}
    for label, scores in rows:
        for name, score in scores.items():
            total[name].add(score)
        print(_line(label, scores))
    print("-" * len(header))
    print(_line("overall", total))
    return total


def _line(label: str, scores: dict[str, Score]) -> str:
    s, m, p = scores["sections"], scores["medications"], scores["pain"]
    sections = f"{s.right}/{s.key} ({s.imported})"
    return f"{label[:44]:44} {sections:>14} {m.precision:6.2f} {m.recall:6.2f} {p.precision:6.2f} {p.recall:6.2f}"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("report", nargs="?", type=Path)
    parser.add_argument("key", nargs="?", type=Path)
    parser.add_argument("--check", action="store_true", help="exit 1 when a bundled fixture misses a target")
    options = parser.parse_args(argv)
    if (options.report is None) != (options.key is None):
        parser.error("give both REPORT and KEY, or neither")
    pairs = [(options.report, options.key)] if options.report else bundled()
    rows: list[tuple[str, dict[str, Score]]] = []
    for report, key in pairs:
        try:
            rows.extend(evaluate(report, key))
        except InputFileError as error:
            print("\n".join(error.lines()), file=sys.stderr)
            return 2
    print("sections: exactly right / in the key (imported); P, R: precision and recall\n")
    print_table(rows)
    if options.check:
        fixtures = [(label, scores) for label, scores in rows if not label.startswith("clonazepam")]
        missed = [
            f"{label}: {name}"
            for label, scores in fixtures
            for name, score in scores.items()
            if (score.right < score.key or score.right < score.imported)
            if name == "sections" or min(score.precision, score.recall) < TARGET
        ]
        for line in missed:
            print(f"below target: {line}", file=sys.stderr)
        return 1 if missed else 0
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
