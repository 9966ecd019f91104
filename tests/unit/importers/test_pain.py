"""Pain scores: numbers on a scale, rest and movement, changes as two scores, words never numbers."""

from __future__ import annotations

from tui.importers.facts.pain import scores_in


def _scores(sentence: str, scale: str | None = None) -> list[tuple[object, ...]]:
    return [(s.scale, s.condition, s.value, s.description) for s in scores_in(sentence, sentence, scale)]  # type: ignore[arg-type]


def test_rated_at_rest_and_on_movement() -> None:
    sentence = (
        "On the numerical rating scale (NRS) ranging from 0 to 10, the patient rated the pain as 8 at rest and 10 "
        "on movement."
    )
    assert _scores(sentence) == [("NRS 0-10", "rest", 8, None), ("NRS 0-10", "movement", 10, None)]


def test_a_change_is_two_scores_with_one_condition() -> None:
    found = scores_in("His pain on coughing fell from 9/10 to 3/10 on the NRS.", "q", None)
    assert [(s.condition, s.value, s.earlier) for s in found] == [("movement", 9, True), ("movement", 3, False)]


def test_vas_out_of_100_and_in_millimetres() -> None:
    assert _scores("Her VAS score was 72/100 at rest.") == [("VAS 0-100", "rest", 72, None)]
    assert _scores("Her visual analogue scale score was 45 mm on movement.") == [("VAS 0-100", "movement", 45, None)]


def test_an_unnamed_scale_is_flagged() -> None:
    (score,) = scores_in("His pain was 7/10.", "q", None)
    assert score.doubt is not None and score.scale == "NRS 0-10"
    (score,) = scores_in("His pain was 7/10.", "q", "VAS")
    assert score.doubt is None and score.scale == "VAS 0-10"


def test_words_stay_words() -> None:
    assert _scores("His pain during movement was dramatically relieved.") == [
        ("NRS 0-10", "movement", None, "dramatically relieved")
    ]


def test_numbers_that_are_not_scores() -> None:
    for sentence in (
        "Pain began 3 days before admission.",
        "Back pain at L4 and T12 [12].",
        "Pain in 70% of patients at 10:30 in 2019.",
        "Pain at 38.5 °C and morphine 10 mg for 2 weeks.",
    ):
        assert [s for s in _scores(sentence) if s[2] is not None] == [], sentence
