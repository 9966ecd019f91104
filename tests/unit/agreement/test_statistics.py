"""The agreement statistics against published values, and their edge cases: always a figure or a reason."""

from __future__ import annotations

import math

import pytest

from tui.agreement.alpha import krippendorff_alpha
from tui.agreement.figure import Figure, mean_figure
from tui.agreement.kappa import cohen_kappa, fleiss_kappa, percent_agreement, weighted_kappa
from tui.agreement.spans import span_f1

# Fleiss (1971), Table 1: 30 patients, each diagnosed by 6 of a pool of psychiatrists into 5
# categories (depression, personality disorder, schizophrenia, neurosis, other); each row
# counts the psychiatrists who chose each category.
FLEISS_1971 = (
    (0, 0, 0, 6, 0), (0, 3, 0, 0, 3), (0, 1, 4, 0, 1), (0, 0, 0, 0, 6), (0, 3, 0, 3, 0),
    (2, 0, 4, 0, 0), (0, 0, 4, 0, 2), (2, 0, 3, 1, 0), (2, 0, 0, 4, 0), (0, 0, 0, 0, 6),
    (1, 0, 0, 5, 0), (1, 1, 0, 4, 0), (0, 3, 3, 0, 0), (1, 0, 0, 5, 0), (0, 2, 0, 3, 1),
    (0, 0, 5, 0, 1), (3, 0, 0, 1, 2), (5, 1, 0, 0, 0), (0, 2, 0, 4, 0), (1, 0, 2, 0, 3),
    (0, 0, 0, 0, 6), (0, 1, 0, 5, 0), (0, 2, 0, 1, 3), (2, 0, 0, 4, 0), (1, 0, 0, 4, 1),
    (0, 5, 0, 1, 0), (4, 0, 0, 0, 2), (0, 2, 0, 4, 0), (1, 0, 5, 0, 0), (0, 0, 0, 0, 6),
)  # fmt: skip

# SAS PROC FREQ (AGREE) on a 3x3 table of two raters (rows the first rater's category, columns
# the second's), as quoted in statsmodels' inter-rater tests: simple kappa 0.4842, weighted
# kappa (Cicchetti-Allison, i.e. linear weights) 0.4701.
SAS_TABLE = ((0, 4, 1), (0, 8, 0), (0, 1, 5))

# Krippendorff, K. (2011), "Computing Krippendorff's Alpha-Reliability", section C: four
# observers code twelve units on a 1-5 scale, with missing values (None). Published: nominal
# alpha 0.743, ordinal 0.815, interval 0.849.
_ = None
KRIPPENDORFF_2011 = (
    (1, 2, 3, 3, 2, 1, 4, 1, 2, _, _, _),  # observer A
    (1, 2, 3, 3, 2, 2, 4, 1, 2, 5, _, 3),  # observer B
    (_, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, _),  # observer C
    (1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, _),  # observer D
)


def _rows_from_counts(counts: tuple[tuple[int, ...], ...]) -> list[list[int]]:
    """Fleiss' counts table as one row of ratings an item (which rater said what does not matter to Fleiss)."""
    return [[category for category, count in enumerate(row) for _ in range(count)] for row in counts]


def _pairs_from_table(table: tuple[tuple[int, ...], ...]) -> list[tuple[int, int]]:
    return [(i, j) for i, row in enumerate(table) for j, count in enumerate(row) for _ in range(count)]


def _units(coders: tuple[tuple[int | None, ...], ...]) -> list[tuple[int | None, ...]]:
    return list(zip(*coders, strict=True))


# ---- published values ----------------------------------------------------------------------


def test_fleiss_kappa_of_fleiss_1971_table_1() -> None:
    """Fleiss, J. L. (1971). Measuring nominal scale agreement among many raters. Psychological
    Bulletin 76(5), 378-382, doi:10.1037/h0031619: Table 1 gives kappa = .430 (P = .556, P_e = .220)."""
    rows = _rows_from_counts(FLEISS_1971)
    assert len(rows) == 30 and all(len(row) == 6 for row in rows)
    figure = fleiss_kappa(rows)
    assert figure.value == pytest.approx(0.430, abs=5e-4)
    assert figure.items == 30


def test_cohen_kappa_and_linear_weighted_kappa_of_the_sas_table() -> None:
    """The 3x3 table [[0,4,1],[0,8,0],[0,1,5]] in SAS PROC FREQ's AGREE output (simple kappa 0.4842, weighted
    kappa 0.4701, Cicchetti-Allison weights), quoted in statsmodels/stats/tests/test_inter_rater.py."""
    pairs = _pairs_from_table(SAS_TABLE)
    assert cohen_kappa(pairs).value == pytest.approx(0.4842, abs=5e-5)
    weighted = weighted_kappa(pairs, scale=(0, 1, 2))
    assert weighted.value == pytest.approx(0.4701, abs=5e-5)
    assert weighted.items == 19 and weighted.reason == ""


def test_krippendorff_alpha_of_the_2011_reliability_data() -> None:
    """Krippendorff, K. (2011). Computing Krippendorff's Alpha-Reliability. Departmental papers (ASC),
    University of Pennsylvania, https://repository.upenn.edu/asc_papers/43, section C (4 observers,
    12 units, missing values): alpha 0.743 nominal, 0.815 ordinal, 0.849 interval."""
    units = _units(KRIPPENDORFF_2011)
    assert krippendorff_alpha(units, "nominal").value == pytest.approx(0.743, abs=5e-4)
    assert krippendorff_alpha(units, "ordinal").value == pytest.approx(0.815, abs=5e-4)
    assert krippendorff_alpha(units, "interval").value == pytest.approx(0.849, abs=5e-4)
    # Unit 12 has one value only: it pairs with nothing and is not counted.
    assert krippendorff_alpha(units).items == 11


def test_weighted_kappa_on_words_matches_the_same_table_in_numbers() -> None:
    words = ("no", "partly", "yes")
    pairs = [(words[i], words[j]) for i, j in _pairs_from_table(SAS_TABLE)]
    assert weighted_kappa(pairs, scale=words).value == pytest.approx(0.4701, abs=5e-5)
    assert cohen_kappa(pairs).value == pytest.approx(0.4842, abs=5e-5)


def test_alpha_for_two_reviewers_without_missing_answers_follows_scotts_pi() -> None:
    """Krippendorff (2011): with two coders and no missing data, alpha = 1 - (1 - pi) (n - 1) / n, where pi is
    Scott's pi and n the number of values; for the SAS table pi = (13/19 - 610/1444) / (1 - 610/1444)."""
    pairs = _pairs_from_table(SAS_TABLE)
    n = 2 * len(pairs)
    scott_pi = (13 / 19 - 610 / 1444) / (1 - 610 / 1444)
    assert krippendorff_alpha(pairs).value == pytest.approx(1 - (1 - scott_pi) * (n - 1) / n)


# ---- edge cases: a figure or a reason, never NaN, never an exception -----------------------


def _assert_undefined(figure: Figure, *, words: str) -> None:
    assert figure.value is None
    assert words in figure.reason
    assert not (isinstance(figure.value, float) and math.isnan(figure.value))


def test_one_category_only() -> None:
    rows = [("yes", "yes"), ("yes", "yes"), ("yes", "yes")]
    assert percent_agreement(rows) == Figure(1.0, 3)
    _assert_undefined(cohen_kappa(rows), words="every answer is the same")
    _assert_undefined(weighted_kappa(rows, ("no", "partly", "yes")), words="every answer is the same")
    _assert_undefined(fleiss_kappa([("yes",) * 3] * 4), words="every answer is the same")
    _assert_undefined(krippendorff_alpha(rows), words="every answer is the same")
    assert krippendorff_alpha(rows).items == 3


def test_every_answer_missing() -> None:
    rows: list[tuple[str | None, ...]] = [(None, None), (None, None)]
    _assert_undefined(percent_agreement(rows), words="no item was answered")
    _assert_undefined(cohen_kappa(rows), words="no item was answered by both")
    _assert_undefined(weighted_kappa(rows, ("no", "yes")), words="no item was answered")
    _assert_undefined(fleiss_kappa([(None, None, None)]), words="no item was answered")
    _assert_undefined(krippendorff_alpha(rows), words="no item was answered by two")
    for function in (percent_agreement, cohen_kappa, krippendorff_alpha):
        assert function([]).value is None  # type: ignore[operator]


def test_answered_by_one_reviewer_only_is_not_compared() -> None:
    rows = [("yes", None), (None, "no"), ("yes", "yes"), ("no", "no")]
    assert cohen_kappa(rows) == Figure(1.0, 2)
    assert percent_agreement(rows).items == 2


def test_a_single_item() -> None:
    agree, differ = [("yes", "yes")], [("yes", "no")]
    _assert_undefined(cohen_kappa(agree), words="every answer is the same")
    assert cohen_kappa(differ) == Figure(0.0, 1)
    assert percent_agreement(differ) == Figure(0.0, 1)
    assert krippendorff_alpha(differ) == Figure(0.0, 1)
    assert fleiss_kappa([("yes", "no", "yes")]).value == pytest.approx(-0.5)
    assert weighted_kappa([("yes", "partly")], ("no", "partly", "yes")) == Figure(0.0, 1)


def test_weighted_kappa_leaves_out_answers_off_the_scale_and_says_so() -> None:
    rows = [("yes", "yes"), ("no", "no"), ("partly", "yes"), ("unclear", "yes"), ("na", "na")]
    figure = weighted_kappa(rows, ("no", "partly", "yes"))
    assert figure.items == 3
    assert "3 of 5 items" in figure.reason
    assert figure.value is not None
    _assert_undefined(weighted_kappa([("na", "unclear")], ("no", "yes")), words="no item was answered on the scale")


def test_fleiss_kappa_uses_the_items_every_reviewer_answered() -> None:
    rows = [("a", "a", "a"), ("b", "b", "b"), ("a", "b", None)]
    assert fleiss_kappa(rows) == Figure(1.0, 2)
    _assert_undefined(fleiss_kappa([("a",), ("b",)]), words="at least two reviewers")


def test_percent_agreement_with_three_asks_for_unanimity() -> None:
    assert percent_agreement([("a", "a", "a"), ("a", "a", "b")]) == Figure(0.5, 2)


def test_cohen_kappa_refuses_a_third_column() -> None:
    with pytest.raises(ValueError, match="two reviewers"):
        cohen_kappa([("a", "b", "c")])


def test_perfect_and_opposite_agreement() -> None:
    assert cohen_kappa([("a", "a"), ("b", "b")]) == Figure(1.0, 2)
    assert cohen_kappa([("a", "b"), ("b", "a")]) == Figure(-1.0, 2)


def test_interval_alpha_refuses_words() -> None:
    with pytest.raises(TypeError, match="numbers"):
        krippendorff_alpha([("yes", "no")], "interval")


# ---- span F1 ---------------------------------------------------------------------------------


def test_span_f1_exact_and_overlapping() -> None:
    a = [("s", 0, 10), ("s", 20, 30), ("t", 0, 5)]
    b = [("s", 0, 10), ("s", 25, 40), ("u", 0, 5), ("s", 50, 60)]
    exact = span_f1(a, b, overlap=False)
    assert exact == Figure(2 * 1 / 7, 7)
    # Recall: 2 of a's 3 spans overlap one of b's; precision: 2 of b's 4 overlap one of a's.
    overlapping = span_f1(a, b, overlap=True)
    recall, precision = 2 / 3, 2 / 4
    assert overlapping.value == pytest.approx(2 * precision * recall / (precision + recall))
    assert span_f1(b, a, overlap=True).value == pytest.approx(overlapping.value)


def test_span_f1_touching_spans_do_not_overlap_but_zero_length_spans_cover_their_character() -> None:
    assert span_f1([("s", 0, 5)], [("s", 5, 9)], overlap=True) == Figure(0.0, 2)
    assert span_f1([("s", 3, 3)], [("s", 0, 5)], overlap=True) == Figure(1.0, 2)


def test_span_f1_exact_matches_one_to_one() -> None:
    assert span_f1([("s", 0, 5), ("s", 0, 5)], [("s", 0, 5)], overlap=False) == Figure(2 / 3, 3)


def test_span_f1_edge_cases() -> None:
    _assert_undefined(span_f1([], [], overlap=True), words="neither reviewer marked any text")
    one_sided = span_f1([("s", 0, 5)], [], overlap=False)
    assert one_sided.value == 0.0 and "only one reviewer" in one_sided.reason


def test_span_overlap_reaches_past_a_long_earlier_span() -> None:
    """A short span inside a long one that starts earlier still overlaps it (the furthest reach, not the last start)."""
    long, short, inside = ("s", 0, 100), ("s", 10, 12), ("s", 50, 55)
    assert span_f1([inside], [long, short], overlap=True).value == pytest.approx(2 * 1 * 0.5 / 1.5)


def test_mean_figure() -> None:
    assert mean_figure([Figure(0.5, 2), Figure(1.0, 4)], empty_reason="x") == Figure(0.75, 4)
    mixed = mean_figure([Figure(0.5, 2), Figure.undefined(0, "nothing")], empty_reason="x")
    assert mixed.value == 0.5 and "1 undefined left out" in mixed.reason
    assert mean_figure([], empty_reason="nobody").reason == "nobody"
    assert mean_figure([Figure(0.0, 1, "only one")], empty_reason="x").reason == "only one"
