"""Helpers the exercise tests share: the shipped exercises, poll labels, and a passage in its
own case with the kit's marks as a test wants them."""

from __future__ import annotations

from typing import Any

from mediakit.lessons.exercises import Exercise, Passage, all_exercises, find_spans, passage_for

EXERCISES = all_exercises()
LABELS = ("Outlet A: “a headline”", "Outlet B: “another”")


def case_of(case_id: str) -> Any:
    from mediakit.cases import load_case

    return load_case(case_id)


def seed_passage(ex: Exercise, seed_case: Any, machine: Any = None) -> Passage | None:
    """The passage of an exercise in its own case (the seed case, or lesson 07's)."""
    if ex.type != "select_words":
        return None
    if ex.text is not None:
        return passage_for(ex, machine=machine)
    case = seed_case if ex.case in (None, seed_case.id) else case_of(ex.case)
    return passage_for(ex, case.report(ex.report).text, machine=machine)


def gold_machine(ex: Exercise, p: Passage) -> list[tuple[int, int]]:
    """Machine spans (in report offsets) equal to a person's marks: a perfect kit."""
    return [(p.offset + s, p.offset + e) for s, e in find_spans(p.text, ex.answer)]
