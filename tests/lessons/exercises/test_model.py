"""The exercise model (model.py): frozen exercises, results shown escaped."""

from __future__ import annotations

from dataclasses import replace

import pytest
from exercise_helpers import EXERCISES

from mediakit.lessons.exercises import (
    Exercise,
    Option,
    check,
)


def test_result_html_escapes_everything():
    ex = Exercise(
        id="ex_09_01",
        lesson="09",
        type="choice",
        prompt="p",
        options=(Option("<b>a</b>", True, "<script>x</script>"), Option("b", False, "no")),
        explanation="<img src=x onerror=alert(1)>",
    )
    html = check(ex, "<b>a</b>")._repr_html_()
    assert "<script>" not in html and "<img" not in html and "&lt;script&gt;" in html


def test_replace_keeps_exercises_frozen():
    ex = EXERCISES["ex_01_04"]
    assert replace(ex, answer=3).answer == 3 and ex.answer == 2
    with pytest.raises(AttributeError):
        ex.answer = 5  # type: ignore[misc]
