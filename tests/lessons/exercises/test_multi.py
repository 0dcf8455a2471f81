"""Tick all that apply (multi.py)."""

from __future__ import annotations

from exercise_helpers import EXERCISES

from mediakit.lessons.exercises import (
    check,
)
from mediakit.lessons.exercises.widget import exercise_widget


def test_multi_feedback_names_the_problem():
    ex = EXERCISES["ex_00_03"]
    r = check(ex, ["21st Century Wire", "Sputnik"])
    assert r.status == "wrong"
    assert any("Sputnik" in d for d in r.details)
    assert "more" in r.message


def test_tick_all_option_text_is_the_checkbox_label():
    ex = next(e for e in EXERCISES.values() if e.type == "multi")
    w = exercise_widget(ex)
    boxes = w.controls["options"]
    assert [b.description for b in boxes] == [o.text for o in ex.options]
    assert all(not b.indent for b in boxes)  # clicking the words ticks the box
