"""Choose one (choice.py): hints that change with tries, the widget, options shuffled per
learner (the same for them on every reload; shared with tick-all)."""

from __future__ import annotations

from exercise_helpers import EXERCISES

from mediakit.lessons.exercises import (
    check,
    key_answer,
    wrong_answers,
)
from mediakit.lessons.exercises.widget import exercise_widget
from mediakit.lessons.progress import Progress

CHOOSE = sorted(i for i, ex in EXERCISES.items() if ex.type in ("choice", "multi"))


def _order(w):
    if w.exercise.type == "choice":
        return list(w.controls["answer"].options)
    return [cb.option_text for cb in w.controls["options"]]


def test_wrong_choice_gives_a_hint_that_changes_with_tries():
    ex = EXERCISES["ex_02_03"]
    wrong = wrong_answers(ex)[0]
    first = check(ex, wrong, tries=1)
    second = check(ex, wrong, tries=2)
    assert first.status == "wrong" and first.hint == ex.hints[0]
    assert second.hint == ex.hints[1]
    assert "Middle East Eye" in check(ex, key_answer(ex)).explanation


def test_choice_widget_wrong_then_right(tmp_path):
    ex = EXERCISES["ex_02_03"]
    prog = Progress(tmp_path / "p.json")
    w = exercise_widget(ex, progress=prog)
    w.controls["check"].click()
    assert w.result.status == "incomplete"
    w.controls["answer"].value = wrong_answers(ex)[0]
    w.controls["check"].click()
    fb = w.controls["feedback"].value
    assert w.result.status == "wrong" and "Hint:" in fb and "Not yet" in fb
    w.controls["answer"].value = key_answer(ex)
    w.controls["check"].click()
    fb = w.controls["feedback"].value
    assert w.result.correct and "Right" in fb and "Why:" in fb
    assert prog.status(ex.id) == "correct" and prog.get(ex.id)["tries"] == 2


def test_options_are_shuffled_per_learner_and_stable_across_reloads(tmp_path):
    a, b = tmp_path / "ana" / "p.json", tmp_path / "ben" / "p.json"
    differs = 0
    for ex_id in CHOOSE:
        ex = EXERCISES[ex_id]
        first = _order(exercise_widget(ex, progress=Progress(a)))
        again = _order(exercise_widget(ex, progress=Progress(a)))  # a reload: same order
        assert first == again, ex_id
        assert sorted(first) == sorted(o.text for o in ex.options)
        differs += first != _order(exercise_widget(ex, progress=Progress(b)))
    assert differs >= len(CHOOSE) // 2, "another learner should mostly see another order"
    # and the key does not sit in the file's position for every learner
    ex = EXERCISES[CHOOSE[0]]
    key = ex.correct_options[0]
    places = {
        _order(exercise_widget(ex, progress=Progress(tmp_path / f"l{i}" / "p.json"))).index(key)
        for i in range(12)
    }
    assert len(places) > 1


def test_a_saved_answer_survives_the_shuffle(tmp_path):
    ex = next(EXERCISES[i] for i in CHOOSE if EXERCISES[i].type == "choice")
    path = tmp_path / "p.json"
    w = exercise_widget(ex, progress=Progress(path))
    w.controls["answer"].value = key_answer(ex)
    w.controls["check"].click()
    again = exercise_widget(ex, progress=Progress(path))
    assert again.answer == key_answer(ex) and again.result.correct
