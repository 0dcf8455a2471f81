"""The shipped exercise files: every lesson's exercises load, every answer key passes its
check, wrong and untouched answers fail, every passage is in its report."""

from __future__ import annotations

import pytest
from exercise_helpers import EXERCISES, LABELS, case_of, seed_passage

from mediakit.lessons.exercises import (
    EXERCISE_TYPES,
    Selection,
    check,
    key_answer,
    load_lessons,
    validate_against_case,
    wrong_answers,
)

LESSONS = [f"{i:02d}" for i in range(8)]


def test_every_lesson_has_at_least_four_exercises_and_one_that_corrects_the_machine():
    lessons = load_lessons()
    assert sorted(lessons) == LESSONS
    for lid, les in lessons.items():
        assert len(les.exercises) >= 4, lid
        assert any(ex.corrects_machine for ex in les.exercises), (
            f"lesson {lid} never corrects the machine"
        )
        assert les.title


def test_all_exercise_types_are_used():
    used = {ex.type for ex in EXERCISES.values()}
    assert used == set(EXERCISE_TYPES)


def test_first_impression_poll_exists_and_lesson_05_returns_to_it():
    assert EXERCISES["ex_00_01"].type == "poll"
    assert EXERCISES["ex_00_01"].options_from == "reports"
    back = [ex for ex in EXERCISES.values() if ex.lesson == "05" and "lesson 00" in ex.prompt]
    assert back, "lesson 05 should come back to the first impression"


def test_every_passage_is_in_the_seed_reports(seed_case):
    problems = validate_against_case(EXERCISES.values(), seed_case)
    assert problems == []
    for les in load_lessons().values():  # lesson 07's case, and any other lesson's own case
        if les.case and les.case != seed_case.id:
            assert validate_against_case(les, case_of(les.case)) == [], les.id


def test_exercise_ids_are_unique_and_match_their_lesson():
    for ex_id, ex in EXERCISES.items():
        assert ex_id == ex.id
        assert ex_id.startswith(f"ex_{ex.lesson}_")


@pytest.mark.parametrize("ex_id", sorted(EXERCISES))
def test_answer_key_passes_and_wrong_answers_fail(ex_id, seed_case):
    ex = EXERCISES[ex_id]
    machine = [] if ex.corrects_machine else None  # a kit that found nothing: the key is the gold
    p = seed_passage(ex, seed_case, machine=machine)
    key = key_answer(ex, p, report_labels=LABELS)
    ok = check(ex, key, passage=p, report_labels=LABELS)
    assert ok.correct, (ex_id, ok.to_text())
    assert ok.explanation or ex.type in ("poll",), f"{ex_id}: no explanation once right"
    wrongs = wrong_answers(ex, p)
    if ex.type != "poll":
        assert wrongs, f"{ex_id} has no wrong answer to test"
    for w in wrongs:
        r = check(ex, w, passage=p, report_labels=LABELS)
        assert not r.correct, (ex_id, w)
        assert r.explanation is None, (
            f"{ex_id}: the explanation must wait until the answer is right"
        )
        assert "Traceback" not in r.to_text()


@pytest.mark.parametrize("ex_id", sorted(EXERCISES))
def test_untouched_answer_fails(ex_id, seed_case):
    ex = EXERCISES[ex_id]
    p = seed_passage(ex, seed_case, machine=[] if ex.corrects_machine else None)
    untouched = Selection() if ex.type == "select_words" else ([] if ex.type == "multi" else None)
    r = check(ex, untouched, passage=p, report_labels=LABELS)
    assert not r.correct
    assert r.status == "incomplete"
    assert r.message


def test_multiple_choice_options_do_not_give_the_answer_away_by_length():
    for ex in (EXERCISES["ex_00_05"], EXERCISES["ex_01_05"]):
        if ex.type == "choice" and len(ex.options) >= 3:
            right = len(ex.correct_options[0])
            others = sorted(len(o.text) for o in ex.options if not o.correct)
            assert right <= 1.6 * others[-1], ex.id


def test_correct_the_machine_prompts_describe_the_marks_as_they_are_shown():
    """The kit's marks are a tint on the word buttons (no brackets since the passage is shown once);
    a prompt that says they are 'shown [in brackets]' sends the learner looking for brackets."""
    stale = [ex.id for ex in EXERCISES.values() if "[in brackets]" in (ex.prompt or "")]
    assert stale == []


def test_lesson_07_case_is_labelled_invented_everywhere():
    from mediakit.cases import load_case
    from mediakit.lessons.exercises import load_lessons

    case = load_case(load_lessons()["07"].case)
    assert "invented" in case.title
    assert all(
        "Invented" in (r.notes or "") and "invented" in (r.outlet or "") for r in case.reports
    )


def test_every_shipped_exercise_file_loads_under_the_strict_keys() -> None:
    lessons = load_lessons()
    assert len(lessons) >= 8
    assert sum(len(lesson.exercises) for lesson in lessons.values()) > 50
