"""`case-review import REPORT [-o OUT] [--force]`: a case report (text or JATS XML) to a case record.

The record goes to standard output, or to `-o FILE`, or into `-o DIR` as `ID.toml`; an
article set (several `<article>`s) needs `-o DIR`. Nothing is overwritten without
`--force`, and the input itself never is. Every file is written atomically.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from tui.cli.common import EXIT_OK, EXIT_USAGE, PROG, Parser, print_error, report_input_error

if TYPE_CHECKING:
    from tui.model import CaseRecord


def parser() -> Parser:
    parser = Parser(
        prog=f"{PROG} import",
        description="Import a case report (plain text, or PubMed Central JATS XML) as a case record. "
        "Exit 0 when imported, 2 for bad usage, an unusable report or an output that cannot be written.",
    )
    parser.add_argument("report", metavar="REPORT", help="the report: a .txt file or a JATS .xml file")
    parser.add_argument(
        "-o", "--output", metavar="OUT", help="file to write, or folder for ID.toml (default: standard output)"
    )
    parser.add_argument("--force", action="store_true", help="replace an existing output file")
    return parser


def main(args: list[str]) -> int:
    options = parser().parse_args(args)
    return run_import(Path(options.report), Path(options.output) if options.output else None, force=options.force)


def run_import(report: Path, output: Path | None, *, force: bool = False) -> int:
    """Import `report` and write its record(s); return the exit code."""
    from tui.importers import import_report, record_toml
    from tui.store import InputFileError

    try:
        records = import_report(report)
    except InputFileError as error:
        return report_input_error(error, sys.stderr)
    if output is None:
        if len(records) > 1:
            print_error(f"{report}: holds {len(records)} articles; give a folder with -o DIR to write one file each")
            return EXIT_USAGE
        sys.stdout.flush()
        sys.stdout.buffer.write(record_toml(records[0]).encode("utf-8"))
        sys.stdout.buffer.flush()
        _summarise(report, "standard output", records[0])
        return EXIT_OK
    targets = _targets(output, [record.id for record in records])
    problem = _refusal(report, targets, force=force)
    if problem:
        print_error(problem)
        return EXIT_USAGE
    return _write_all(report, list(zip(targets, records, strict=True)))


def _targets(output: Path, ids: list[str]) -> list[Path]:
    """One path per record: `output` itself for a single record not aimed at a folder, else `DIR/ID.toml`."""
    if len(ids) == 1 and not output.is_dir() and not str(output).endswith(os.sep):
        return [output]
    names: list[Path] = []
    for case_id in ids:
        name, number = f"{case_id}.toml", 2
        while output / name in names:
            name, number = f"{case_id}-{number}.toml", number + 1
        names.append(output / name)
    return names


def _refusal(report: Path, targets: list[Path], *, force: bool) -> str | None:
    """Why the records must not be written to `targets`, or None (the rule every writing command shares)."""
    from tui.store.outputs import OutputRefused, check_output

    for target in targets:
        try:
            check_output(target, [report])
        except OutputRefused as refused:
            return f"{target}: cannot write the case record: {refused}"
        if target.exists() and not force:
            return f"{target}: already exists; use --force to replace it"
    return None


def _write_all(report: Path, outputs: list[tuple[Path, CaseRecord]]) -> int:
    from tui.importers import record_toml
    from tui.store.atomic import write_atomic

    for target, record in outputs:
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            write_atomic(target, record_toml(record).encode("utf-8"))
        except OSError as error:
            print_error(f"{target}: cannot write the record: {error.strerror or error}")
            return EXIT_USAGE
        _summarise(report, str(target), record)
    return EXIT_OK


def _summarise(report: Path, where: str, record: CaseRecord) -> None:
    """One line on standard error: what was imported, and how much of it needs a person's check."""
    flagged = record.flagged_rows()
    print(
        f"{report} -> {where}: {len(record.sections)} sections, {len(record.medications)} medications, "
        f"{len(record.pain_scores)} pain scores, {len(record.timeline)} events; {flagged} rows and "
        f"{len(record.import_notes)} import notes to review",
        file=sys.stderr,
    )
