"""The exercise types' declared interface (exercise_type.ExerciseType) and its one registry: every
registered type provides it, and a new type is one module plus one line."""

from __future__ import annotations

import types
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest

from mediakit.lessons.exercises import (
    COMMON_KEYS,
    EXERCISE_TYPES,
    TYPES,
    CheckResult,
    Exercise,
    ExerciseError,
    ExerciseType,
    Passage,
    check,
    key_answer,
    load_lesson,
    registry,
    wrong_answers,
)
from mediakit.lessons.exercises.widget import exercise_widget


def test_every_registered_type_provides_the_interface() -> None:
    assert EXERCISE_TYPES == ("choice", "multi", "number", "text", "poll", "select_words")
    for name, kind in TYPES.items():
        assert isinstance(kind, ExerciseType), name
        assert kind.TYPE == name and kind.LABEL and kind.BUTTON
        assert not kind.KEYS & COMMON_KEYS, f"{name} repeats a key every exercise has"


def _toy_type() -> types.ModuleType:
    """A whole new type, "order" (put the steps in order), as a module of its own."""
    toy = types.ModuleType("order")
    toy.TYPE = "order"
    toy.LABEL = "Put the steps in order"
    toy.BUTTON = "Check"
    toy.KEYS = frozenset({"steps", "hints"})
    toy.PASSAGE = False

    def answer_from_file(value: Any, where: str) -> Any:
        return value

    def validate(ex: Exercise, where: str) -> None:
        if len(ex.params.get("steps", ())) < 2:
            raise ExerciseError(f"In {where}, give two or more steps.")

    def check(
        ex: Exercise,
        answer: Any,
        *,
        passage: Passage | None = None,
        tries: int = 1,
        report_labels: Sequence[str] = (),
    ) -> CheckResult:
        if not answer:
            return CheckResult(ex.id, "incomplete", "Order the steps.", tries=tries)
        right = list(answer) == list(ex.params["steps"])
        return CheckResult(ex.id, "correct" if right else "wrong", "", tries=tries)

    def key_answer(ex: Exercise, passage: Passage | None = None, **_: Any) -> Any:
        return list(ex.params["steps"])

    def wrong_answers(ex: Exercise, passage: Passage | None = None) -> list[Any]:
        return [list(reversed(ex.params["steps"]))]

    def build(w: Any) -> list[Any]:
        import ipywidgets as W

        w.controls["answer"] = W.Text("")
        return [w.controls["answer"]]

    def read(w: Any) -> Any:
        return [s.strip() for s in w.controls["answer"].value.split(",") if s.strip()]

    def write(w: Any, answer: Any) -> None:
        w.controls["answer"].value = ", ".join(answer or ())

    for f in (answer_from_file, validate, check, key_answer, wrong_answers, build, read, write):
        setattr(toy, f.__name__, f)
    return toy


TOY_FILE = """lesson = "09"
[[exercise]]
id = "ex_09_01"
type = "order"
prompt = "Put the steps of lateral reading in order."
steps = ["open a new tab", "search the outlet", "read what others say"]
hints = ["Leave the page first."]
"""


def test_a_new_type_is_one_module_plus_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    toy = _toy_type()
    assert isinstance(toy, ExerciseType)
    monkeypatch.setitem(registry.TYPES, toy.TYPE, toy)  # the one line in registry.MODULES
    path = tmp_path / "09_order.toml"
    path.write_text(TOY_FILE, encoding="utf-8")
    ex = load_lesson(path).exercises[0]
    assert ex.params["steps"][0] == "open a new tab"  # its own key, read by the loader
    assert check(ex, key_answer(ex)).correct
    assert all(not check(ex, a).correct for a in wrong_answers(ex))
    w = exercise_widget(ex)
    w.controls["answer"].value = "open a new tab, search the outlet, read what others say"
    w.controls["check"].click()
    assert w.result is not None and w.result.correct
    assert "Put the steps in order" in w.controls["prompt"].value
    # its keys are its own: a misspelt one is named with the closest key, as for every type
    path.write_text(TOY_FILE.replace("steps =", "stpes ="), encoding="utf-8")
    with pytest.raises(ExerciseError, match="did you mean 'steps'"):
        load_lesson(path)
