"""Type a number (number.py): numbers as learners write them."""

from __future__ import annotations

import pytest
from exercise_helpers import EXERCISES

from mediakit.lessons.exercises import (
    check,
    parse_number,
)


def test_number_answers_accept_what_learners_type():
    ex = EXERCISES["ex_03_04"]
    for typed in ("120,000", "120000", " 120 000 ", 120000):
        assert check(ex, typed).correct, typed
    r = check(ex, "lots")
    assert r.status == "incomplete" and "number" in r.message
    assert "too low" in check(ex, "12,000").message


@pytest.mark.parametrize(
    "typed,value",
    [
        ("3.5 million", 3_500_000),
        ("120 thousand", 120_000),
        ("120,000", 120_000),
        ("1.2m", 1_200_000),
        ("120k", 120_000),
        ("about 300", 300),
        ("12", 12),
    ],
)
def test_number_box_reads_numbers_as_people_write_them(typed, value):
    assert parse_number(typed) == value
    assert parse_number("12 apples") is None
    ex = EXERCISES["ex_03_04"]
    assert check(ex, "120 thousand").correct and check(ex, "120,000").correct
