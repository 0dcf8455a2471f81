"""Exercises in a lesson's cells (exercise_cells.py): lesson.exercise(...) with its passage,
saved answer and plain errors."""

from __future__ import annotations

import json

from mediakit import lesson
from mediakit.lessons.exercises import (
    key_answer,
)
from mediakit.lessons.progress import Progress


def test_lesson_helper_uses_progress_beside_the_work(tmp_path, monkeypatch, seed_analysis):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("MEDIAKIT_PROGRESS", raising=False)
    monkeypatch.setitem(lesson._state, "progress", None)
    monkeypatch.setitem(lesson._state, "analysis", seed_analysis)
    monkeypatch.setitem(lesson._analyses, "maarat-al-numan", seed_analysis)
    w = lesson.exercise("ex_02_05")
    assert w is not None and w.passage.report == "mee"
    w.set_answer(key_answer(w.exercise, w.passage))
    w.controls["check"].click()
    assert w.result.correct
    assert (tmp_path / ".mediakit-progress.json").exists()
    assert "1 of" in lesson.summary("02").text
    assert "No first impression" in lesson.first_impression().text


def test_unknown_exercise_shows_a_friendly_error(monkeypatch):
    shown = []
    monkeypatch.setattr(
        "mediakit.lessons.exercise_cells.show_error", lambda exc: shown.append(str(exc))
    )
    assert lesson.exercise("ex_42_01") is None
    assert shown and "ex_42_01" in shown[0]


def test_a_hand_edited_tries_count_does_not_break_the_exercise(
    tmp_path, monkeypatch, seed_analysis
):
    path = tmp_path / ".mediakit-progress.json"
    path.write_text(
        json.dumps(
            {
                "schema": 1,
                "answers": {"ex_02_05": {"answer": None, "status": "wrong", "tries": "many"}},
            }
        ),
        encoding="utf-8",
    )
    monkeypatch.setitem(lesson._state, "progress", Progress(path))
    monkeypatch.setitem(lesson._state, "analysis", seed_analysis)
    monkeypatch.setitem(lesson._analyses, "maarat-al-numan", seed_analysis)
    shown = []
    monkeypatch.setattr("mediakit.lessons.exercise_cells.show_error", lambda exc: shown.append(exc))
    w = lesson.exercise("ex_02_05")
    assert w is not None and shown == [] and w.tries == 0
    assert lesson.progress().messages and "could not be read" in lesson.progress().messages[0]


def test_an_exercise_says_so_when_it_is_about_the_seed_case_not_the_loaded_one(
    monkeypatch, seed_analysis, tmp_path
):
    from dataclasses import replace as dc_replace

    other = dc_replace(seed_analysis, case=dc_replace(seed_analysis.case, id="other-case"))
    monkeypatch.setitem(lesson._state, "progress", Progress(tmp_path / "p.json"))
    monkeypatch.setitem(lesson._state, "analysis", other)
    monkeypatch.setitem(lesson._analyses, "maarat-al-numan", seed_analysis)
    w = lesson.exercise("ex_02_05")
    assert w is not None
    assert "This exercise is about the seed case" in w.controls["prompt"].value
    monkeypatch.setitem(lesson._state, "analysis", seed_analysis)
    assert "about the seed case" not in lesson.exercise("ex_02_05").controls["prompt"].value
