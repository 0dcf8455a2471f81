"""The kit's own marks for correct-the-machine (machine_marks.py), on the real kit output."""

from __future__ import annotations

import pytest
from exercise_helpers import EXERCISES

from mediakit import lesson
from mediakit.lessons.exercises import (
    check,
    expected,
    key_answer,
    wrong_answers,
)

MACHINE = sorted(i for i, ex in EXERCISES.items() if ex.corrects_machine)


@pytest.mark.parametrize("ex_id", MACHINE)
def test_correct_the_machine_on_the_real_kit_output(ex_id, seed_analysis, monkeypatch):
    monkeypatch.setitem(lesson._analyses, "maarat-al-numan", seed_analysis)
    ex = EXERCISES[ex_id]
    p = lesson.passage(ex)  # lesson 07's case is analysed from its shipped parses
    assert p.machine is not None
    key = key_answer(ex, p)
    assert check(ex, key, passage=p).correct
    for w in wrong_answers(ex, p):
        assert not check(ex, w, passage=p).correct


def test_at_least_three_correct_the_machine_passages_are_not_a_free_tick(
    seed_analysis, monkeypatch
):
    monkeypatch.setitem(lesson._state, "analysis", seed_analysis)
    monkeypatch.setitem(lesson._analyses, "maarat-al-numan", seed_analysis)
    erring = []
    for ex in EXERCISES.values():
        if ex.machine and ex.text is None:
            p = lesson.passage(ex)
            if expected(ex, p).items:
                erring.append(ex.lesson)
    # the key is computed at run time; when this was written the kit erred in 01, 02, 03, 04
    assert len(set(erring)) >= 3, erring
