"""The agreement figures in one line, for the top of the compare screen (the whole table is a key away)."""

from __future__ import annotations

from tui.agreement.figure import Figure
from tui.agreement.report import ALL_CHECKLISTS, AgreementReport


def _value(figure: Figure | None, percent: bool = False) -> str:
    if figure is None or figure.value is None:
        return "n/a"
    return f"{figure.value:.1%}" if percent else f"{figure.value:.3f}"


def figures_line(report: AgreementReport) -> str:
    """`all checklists: 38 items (34 compared) · 76.5% · κ 0.598 · weighted κ 0.670 · α 0.601 · span F1 ...`."""
    parts: list[str] = []
    overall = next((f for f in report.checklists if f.checklist == ALL_CHECKLISTS), None)
    if overall is None:
        parts.append("no checklist answers")
    else:
        parts.append(f"{overall.items} items ({overall.compared} compared)")
        parts.append(f"agree {_value(overall.agreement, percent=True)}")
        if report.several:
            parts.append(f"Fleiss κ {_value(overall.fleiss)}")
        else:
            parts.append(f"κ {_value(overall.cohen)}")
            parts.append(f"weighted κ {_value(overall.weighted)}")
        parts.append(f"α {_value(overall.alpha)}")
    parts.append(f"span F1 exact {_value(report.span_exact)} / overlap {_value(report.span_overlapping)}")
    return " · ".join(parts) + "  (f: every figure)"
