"""A poll (poll.py): saved, never wrong; options from the case's reports."""

from __future__ import annotations

from exercise_helpers import EXERCISES, LABELS

from mediakit.lessons.exercises.widget import exercise_widget
from mediakit.lessons.progress import Progress


def test_text_and_poll_widgets(tmp_path):
    prog = Progress(tmp_path / "p.json")
    w = exercise_widget(EXERCISES["ex_04_06"], progress=prog)
    w.controls["answer"].value = "Army takes town"
    w.controls["check"].click()
    assert "A model answer" in w.controls["feedback"].value
    poll = exercise_widget(EXERCISES["ex_00_01"], progress=prog, report_labels=LABELS)
    assert list(poll.controls["answer"].options)[:2] == list(LABELS)
    poll.controls["answer"].value = LABELS[1]
    poll.controls["check"].click()
    assert poll.result.status == "recorded"
    assert Progress(tmp_path / "p.json").answer("ex_00_01") == LABELS[1]
