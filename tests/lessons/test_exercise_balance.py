"""Exercises measure reading, not test-taking: the right option is not given away by its length
or its place.

Per lesson, over the choice and tick-all items (as written, before any shuffling):

- at most a quarter of the items may have a correct option longer than every wrong one;
- no one position may hold more than half of the keys (each correct option counts once).
"""

from __future__ import annotations

from collections import Counter

import pytest

from mediakit.lessons.exercises import Exercise, load_lessons

LESSONS = load_lessons()


def _items(lid: str) -> list[Exercise]:
    return [ex for ex in LESSONS[lid].exercises if ex.type in ("choice", "multi") and ex.options]


def longest_is_correct(ex: Exercise) -> bool:
    """A correct option is longer (in characters) than every wrong option."""
    wrong = [len(o.text) for o in ex.options if not o.correct]
    right = [len(o.text) for o in ex.options if o.correct]
    return bool(wrong and right) and max(right) > max(wrong)


def key_positions(ex: Exercise) -> list[int]:
    return [i for i, o in enumerate(ex.options) if o.correct]


@pytest.mark.parametrize("lid", sorted(LESSONS))
def test_the_correct_option_is_not_usually_the_longest(lid):
    items = _items(lid)
    giveaway = [ex.id for ex in items if longest_is_correct(ex)]
    assert len(giveaway) * 4 <= len(items), (
        f"lesson {lid}: in {len(giveaway)} of {len(items)} choice/tick-all items a correct option "
        f"is longer than every wrong one: {giveaway}"
    )


@pytest.mark.parametrize("lid", sorted(LESSONS))
def test_keys_do_not_sit_in_one_position(lid):
    keys = [p for ex in _items(lid) for p in key_positions(ex)]
    if not keys:
        return
    pos, n = Counter(keys).most_common(1)[0]
    assert n * 2 <= len(keys), (
        f"lesson {lid}: {n} of {len(keys)} keys are option {pos + 1}: "
        + ", ".join(f"{ex.id}={key_positions(ex)}" for ex in _items(lid))
    )


def test_the_checks_catch_a_giveaway():
    """The two measures on a made-up item: the longest option is the key, in first place."""
    from mediakit.lessons.exercises.model import Option

    ex = Exercise(
        id="ex_99_01",
        lesson="99",
        type="choice",
        prompt="?",
        options=(
            Option("a long and careful answer that is right", correct=True),
            Option("no"),
            Option("maybe"),
        ),
    )
    assert longest_is_correct(ex)
    assert key_positions(ex) == [0]
