"""Where the bundled cases, themes and checklists live, in a checkout and when installed.

A wheel carries `cases/` and `themes/` as `tui/_bundled/...` (see
pyproject.toml); a checkout has them at the repository root. Looking in the
package first means an installed copy never picks up a stray `cases/` folder
that happens to sit beside site-packages.
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent
DEFAULT_CASE_ID = "clonazepam-vcf-myeloma"


def _data_dir(name: str) -> Path:
    installed = _PACKAGE_DIR / "_bundled" / name
    if installed.is_dir():
        return installed
    return _PACKAGE_DIR.parent / name


def bundled_cases_dir() -> Path:
    """The folder of case records shipped with case-review."""
    return _data_dir("cases")


def bundled_themes_dir() -> Path:
    """The folder of theme files shipped with case-review."""
    return _data_dir("themes")


def bundled_checklists_dir() -> Path:
    """The folder of checklist definitions shipped with case-review.

    They live inside the package (`tui/appraisal/checklists/`), so a wheel carries them
    without a `force-include` and a checkout and an install find them at the same place.
    """
    return _PACKAGE_DIR / "appraisal" / "checklists"


def default_case_path() -> Path:
    """The case opened when no case is named: the seed report."""
    return bundled_cases_dir() / f"{DEFAULT_CASE_ID}.toml"


def is_bundled(path: Path) -> bool:
    """True for files inside an installed package, where reviews must not be written."""
    try:
        path.resolve().relative_to(_PACKAGE_DIR / "_bundled")
    except ValueError:
        return False
    return True
