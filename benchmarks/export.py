"""Export cost: time and peak memory to render each format, on the seed case, for reviews of growing size.

Goal: a review of a thousand notes exports in well under a second in every format, and the
cost grows about linearly with the notes (nothing per section or row scans every note).
Prints figures; asserts nothing (machines are noisy).

    .venv/bin/python benchmarks/export.py [--sizes 10,1000,10000]
"""

from __future__ import annotations

import argparse
import time
import tracemalloc
from datetime import UTC, datetime, timedelta

from tui.export import FORMATS, render
from tui.export.notes import build_review_notes
from tui.model.anchoring import text_quote
from tui.model.case import CaseRecord
from tui.model.review import ANNOTATION_KINDS, Annotation, Review, ReviewHeader
from tui.resources import default_case_path
from tui.store import read_case

START = datetime(2026, 1, 1, tzinfo=UTC)


def review_of(case: CaseRecord, size: int) -> Review:
    """`size` notes spread over every section's sentences and every table row."""
    texts = [s for s in case.sections if s.text]
    rows = (
        [("medication", m.id) for m in case.medications]
        + [("pain_score", p.id) for p in case.pain_scores]
        + [("timeline", t.id) for t in case.timeline]
    )
    notes = []
    for n in range(size):
        when = START + timedelta(seconds=n)
        common = {
            "kind": ANNOTATION_KINDS[n % 5],
            "body": f"note {n}: dose <b>{n}</b> | *check*\nsecond line",
            "author": "Bench",
            "created": when,
            "updated": when,
            "tags": ["bench", f"t{n % 7}"],
        }
        if n % 3:
            section = texts[n % len(texts)]
            start = (n * 37) % max(1, len(section.text) - 60)
            quote, prefix, suffix = text_quote(section.text, start, start + 40)
            notes.append(
                Annotation(
                    id=f"a-{n:012d}",
                    target="section",
                    target_id=section.id,
                    start=start,
                    end=start + 40,
                    quote=quote,
                    prefix=prefix,
                    suffix=suffix,
                    **common,
                )
            )
        else:
            target, target_id = rows[n % len(rows)]
            notes.append(Annotation(id=f"a-{n:012d}", target=target, target_id=target_id, **common))  # type: ignore[arg-type]
    header = ReviewHeader(case_id=case.id, case_sha256="0" * 64, reviewer="Bench", created=START, updated=START)
    return Review(review=header, annotations=notes)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10,1000,10000", help="review sizes to try, comma-separated")
    sizes = [int(s) for s in parser.parse_args().sizes.split(",")]
    case = read_case(default_case_path())
    print(f"{'notes':>7} {'format':>6} {'build ms':>9} {'render ms':>10} {'peak MiB':>9} {'output KiB':>11}")
    for size in sizes:
        review = review_of(case, size)
        for export_format in FORMATS:
            tracemalloc.start()
            began = time.perf_counter()
            notes = build_review_notes(case, review, exported=START)
            built = time.perf_counter()
            text = render(export_format, notes)
            done = time.perf_counter()
            _current, peak = tracemalloc.get_traced_memory()
            tracemalloc.stop()
            print(
                f"{size:>7} {export_format:>6} {(built - began) * 1000:>9.1f} {(done - built) * 1000:>10.1f} "
                f"{peak / 2**20:>9.1f} {len(text.encode()) / 1024:>11.0f}"
            )


if __name__ == "__main__":
    main()
