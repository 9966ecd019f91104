"""Blind review: who sees whose review, and the team settings file that turns it on."""

from __future__ import annotations

from pathlib import Path

from tests.agreement_helpers import make_reviews
from tui.agreement.blind import blind_view
from tui.model.case import CaseRecord
from tui.model.review import Review
from tui.store.team_settings import load_team_settings


def _reviews(case: CaseRecord, complete: bool = False) -> dict[str, Review]:
    ana, ben, chen = make_reviews(case, 3)
    if complete:
        ana = ana.model_copy(update={"review": ana.review.model_copy(update={"complete": True})})
    return {"ana-sousa": ana, "ben-okafor": ben, "chen-wei": chen}


def test_blind_hides_the_others_until_the_viewer_is_complete(seed_case: CaseRecord) -> None:
    reviews = _reviews(seed_case)
    view = blind_view(True, "ana-sousa", list(reviews), own_complete=False, settings_file="case-review.toml")
    assert view.shown == ("ana-sousa",) and view.hidden == ("ben-okafor", "chen-wei")
    assert view.hides("ben-okafor") and not view.hides("ana-sousa")
    assert view.reason == (
        "Blind review (case-review.toml: blind = true): 2 other reviews hidden until you mark your review complete"
    )
    done = blind_view(True, "ana-sousa", list(reviews), own_complete=True, settings_file="x")
    assert not done.blinded and done.reason == "" and len(done.shown) == 3


def test_not_blind_or_a_viewer_without_a_review(seed_case: CaseRecord) -> None:
    reviews = _reviews(seed_case)
    assert not blind_view(False, "ana-sousa", list(reviews), own_complete=False, settings_file="x").blinded
    newcomer = blind_view(True, "dana-levi", list(reviews), own_complete=None, settings_file="x")
    assert newcomer.shown == () and len(newcomer.hidden) == 3


def test_team_settings_missing_good_and_bad(tmp_path: Path) -> None:
    case = tmp_path / "case.toml"
    assert load_team_settings(case) == (load_team_settings(case)[0], None)
    assert not load_team_settings(case)[0].team.blind
    settings = tmp_path / "case-review.toml"
    settings.write_text("[team]\nblind = true\n", encoding="utf-8")
    assert load_team_settings(case)[0].team.blind
    for bad, field in (("[team]\nblind = 'yes'\n", "team.blind"), ("[team]\nblnd = true\n", "team.blnd")):
        settings.write_text(bad, encoding="utf-8")
        loaded, warning = load_team_settings(case)
        assert not loaded.team.blind
        assert warning is not None and "\n" not in warning
        assert str(settings) in warning and field in warning
    settings.write_text("[team\n", encoding="utf-8")
    warning = load_team_settings(case)[1]
    assert warning is not None and f"{settings}:1:" in warning
