"""Live lesson views (mediakit.lessons.live): one way to hear of an answer, listeners held
weakly, one redraw per answer, and a discarded summary garbage-collected."""

from __future__ import annotations

import gc
import weakref
from pathlib import Path

import pytest

from mediakit import lesson
from mediakit.lessons import live
from mediakit.lessons.exercises import all_exercises, key_answer
from mediakit.lessons.exercises.widget import exercise_widget
from mediakit.lessons.progress import Progress

EX = all_exercises()["ex_02_03"]


@pytest.fixture
def prog(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Progress:
    p = Progress(tmp_path / "p.json")
    monkeypatch.setitem(lesson.state, "progress", p)
    return p


def _answer(prog: Progress) -> None:
    w = exercise_widget(EX, progress=prog)
    w.controls["answer"].value = key_answer(EX)
    w.controls["check"].click()


def test_the_summary_updates_when_an_answer_is_given(prog: Progress) -> None:
    shown = lesson.summary("02")
    widget = shown.widget
    assert "0 of" in widget.value
    _answer(prog)
    assert "1 of" in widget.value and "1 of" in shown.text  # the cell was not run again
    assert "✔ right" in widget.value


def test_one_answer_redraws_a_summary_once(prog: Progress, monkeypatch: pytest.MonkeyPatch) -> None:
    shown = lesson.summary("02")
    _ = shown.widget
    drawn: list[str] = []
    real = lesson.summary_html

    def counting(lesson_id: str) -> lesson.HTML:
        drawn.append(lesson_id)
        return real(lesson_id)

    monkeypatch.setattr("mediakit.lessons.live.summary_html", counting)
    _answer(prog)
    assert drawn == ["02"]


def test_a_discarded_summary_is_collected_and_stops_listening(prog: Progress) -> None:
    shown = lesson.summary("02")
    first = lesson.first_impression()
    refs = [weakref.ref(shown), weakref.ref(first)]
    assert prog.listeners == 2
    del shown, first
    gc.collect()
    assert [r() for r in refs] == [None, None]
    assert prog.listeners == 0
    _answer(prog)  # an answer after the summary is gone is saved as always
    assert prog.done(EX.id)


def test_a_shown_summary_lives_while_its_widget_does_and_goes_when_it_is_closed(
    prog: Progress,
) -> None:
    shown = lesson.summary("02")
    widget = shown.widget
    ref = weakref.ref(shown)
    del shown
    gc.collect()
    assert ref() is not None  # on the page: kept by its widget, and still updated
    _answer(prog)
    assert "1 of" in widget.value
    widget.close()
    del widget
    gc.collect()
    assert ref() is None and prog.listeners == 0


def test_a_listener_added_twice_is_called_once(prog: Progress) -> None:
    view = live.Live(lambda: lesson.HTML("x"), prog)
    prog.on_change(view.refresh)
    assert prog.listeners == 1


def test_an_answer_kept_only_in_memory_still_shows_in_the_summary(tmp_path: Path) -> None:
    prog = Progress(tmp_path / "p.json")
    prog.can_save = False  # a folder that cannot be written

    def drawn() -> lesson.HTML:
        prog.reload()  # a summary reads the file again: the unsaved answer must stay
        return lesson.HTML(f"{sum(prog.done(i) for i in prog.ids())} done")

    view = live.Live(drawn, prog)
    assert not prog.record(EX.id, key_answer(EX), "correct")
    assert view.text == "1 done" and prog.done(EX.id)


def test_lesson_05_shows_the_poll_when_lesson_00_was_not_answered(
    tmp_path, monkeypatch, seed_analysis
):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("MEDIAKIT_PROGRESS", raising=False)
    monkeypatch.setitem(lesson._state, "progress", None)
    monkeypatch.setitem(lesson._state, "analysis", seed_analysis)
    monkeypatch.setitem(lesson._analyses, "maarat-al-numan", seed_analysis)
    shown = lesson.first_impression()
    assert "No first impression" in shown.text
    assert [w.exercise.id for w in shown.widgets] == ["ex_00_01", "ex_00_02"]
