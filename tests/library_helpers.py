"""A small library folder for tests: copies of the seed case, a minimal case, a broken file, a review."""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.conftest import DATA, SEED_CASE

SEED_TEXT = SEED_CASE.read_text(encoding="utf-8")


def seed_copy(folder: Path, number: int, title: str) -> Path:
    """The seed case under another id and title (the same text, so search finds it in each)."""
    text = SEED_TEXT.replace('id = "clonazepam-vcf-myeloma"', f'id = "seed-copy-{number}"', 1)
    start = text.index("\ntitle = ")
    end = text.index("\n", start + 1)
    text = text[:start] + f"\ntitle = {title!r}".replace("'", '"') + text[end:]
    path = folder / f"seed-copy-{number}.toml"
    path.write_text(text, encoding="utf-8")
    return path


def make_library(folder: Path) -> Path:
    """`folder` with three seed copies (titles B, A, C), a minimal case, a broken file and a review by ana."""
    folder.mkdir(parents=True, exist_ok=True)
    seed_copy(folder, 1, "Bravo case of clonazepam")
    seed_copy(folder, 2, "Alpha case of clonazepam")
    seed_copy(folder, 3, "Charlie case of clonazepam")
    shutil.copy(DATA / "good" / "minimal.toml", folder / "minimal.toml")
    (folder / "broken.toml").write_text('schema_version = 1\nid = "broken"\ntitle = \n', encoding="utf-8")
    review = (
        "[review]\n"
        'case_id = "seed-copy-2"\ncase_sha256 = "' + "0" * 64 + '"\nreviewer = "ana"\n'
        "created = 2026-01-01T00:00:00Z\nupdated = 2026-02-03T00:00:00Z\ncomplete = true\n\n"
        "[[annotations]]\n"
        'id = "a-0000000001x"\ntarget = "section"\ntarget_id = "discussion"\nkind = "comment"\n'
        'author = "ana"\ncreated = 2026-01-01T00:00:00Z\nupdated = 2026-01-01T00:00:00Z\n'
        'body = "zebrafish dosing looks doubtful"\n'
    )
    (folder / "seed-copy-2.ana.review.toml").write_text(review, encoding="utf-8")
    return folder
