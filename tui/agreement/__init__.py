"""Several reviewers: agreement figures, reviews aligned by place, a consensus with provenance.

No Textual, no Rich, no I/O: the command line (`case-review agree`), the compare screen
and the exports hand in models and get models back.

- `alignment`: `compare(case, reviews) -> Comparison`, `align(case, reviews) -> list[AlignedPlace]`;
  what "disagree" means at a place.
- `kappa`, `alpha`, `spans`: the statistics, each returning a `Figure` (a value, or None with a reason).
- `report`: `agreement_report(comparison) -> AgreementReport`, every figure once, for every format.
- `consensus`: `ConsensusSession` (choose, edit, accept, accept every agreed place, reopen; undo via
  `ReviewSession`), recording each decision's provenance (`tui.model.provenance`).
- `answers`: what makes two answers answers to the same item, and an answer's category.
"""

from tui.agreement.alignment import AlignedPlace, AtPlace, Comparison, align, compare
from tui.agreement.consensus import ConsensusSession, DecisionError, start_consensus
from tui.agreement.figure import Figure
from tui.agreement.report import AgreementReport, agreement_report

__all__ = [
    "AgreementReport",
    "AlignedPlace",
    "AtPlace",
    "Comparison",
    "ConsensusSession",
    "DecisionError",
    "Figure",
    "agreement_report",
    "align",
    "compare",
    "start_consensus",
]
