"""Line-end hyphens: typesetters' breaks joined, real hyphenated words kept."""

from __future__ import annotations

import pytest

from tui.importers.dehyphenate import Vocabulary, join_break


@pytest.mark.parametrize(
    ("left", "right", "joined"),
    [
        ("a patient-", "controlled analgesia pump", "a patient-controlled analgesia pump"),
        ("a non-", "steroidal anti-inflammatory drug", "a non-steroidal anti-inflammatory drug"),
        ("at follow-", "up he was well", "at follow-up he was well"),
        ("a 44-year-", "old man", "a 44-year-old man"),
        ("vertebral compres-", "sion fractures", "vertebral compression fractures"),
        ("he under-", "went surgery", "he underwent surgery"),
        ("they are some-", "times accompanied", "they are sometimes accompanied"),
        ("diagnostic blocks or radi-", "ofrequency denervation", "diagnostic blocks or radiofrequency denervation"),
        ("anti-", "CD20 antibodies", "anti-CD20 antibodies"),
    ],
)
def test_join_break(left: str, right: str, joined: str) -> None:
    assert join_break(left, right, Vocabulary()) == joined


def test_the_report_s_own_spelling_wins() -> None:
    vocabulary = Vocabulary.of(["the pre-operative visit was normal", "before the pre-", "operative check"])
    assert join_break("before the pre-", "operative check", vocabulary) == "before the pre-operative check"
    vocabulary = Vocabulary.of(["the preoperative visit was normal", "before the pre-", "operative check"])
    assert join_break("before the pre-", "operative check", vocabulary) == "before the preoperative check"


def test_guessed_joins_are_listed_for_review() -> None:
    vocabulary = Vocabulary()
    join_break("benzodiaz-", "epine drugs", vocabulary)
    assert vocabulary.guessed == ["benzodiazepine"]
