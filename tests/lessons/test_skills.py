"""The before/after skills check (skills.py)."""

from __future__ import annotations

import pytest

from mediakit.lessons.progress import Progress


def test_skills_check_matches_items_before_and_after_and_scores_first_tries(tmp_path):
    from mediakit.lessons.skills import skill_items, skills_check

    before, after = skill_items("00"), skill_items("07")
    assert set(before) == set(after) == {"sourcing", "attribution", "figures", "wording"}
    assert not set(before.values()) & set(after.values())  # different items, the same skills
    path = tmp_path / "p.json"
    prog = Progress(path)
    for skill, ex_id in before.items():  # before: only sourcing right at the first try
        prog.record(ex_id, "x", "correct" if skill == "sourcing" else "wrong", tries=1)
    res = skills_check(path)
    assert res["before"]["score"] == 0.25 and res["after"]["score"] is None
    assert res["growth"] is None and res["by_skill"]["figures"] == {"before": False, "after": None}
    for skill, ex_id in after.items():  # after: all right, but wording only at the second try
        prog.record(ex_id, "x", "correct", tries=2 if skill == "wording" else 1)
    res = skills_check(prog)
    assert res["after"]["right"] == 3 and res["after"]["complete"]
    assert res["growth"] == pytest.approx(0.5)
    assert res["by_skill"]["wording"] == {"before": False, "after": False}
