"""Lesson 02 in a real browser: open it in JupyterLab, run it, answer an exercise wrongly and
then rightly, and check the feedback a learner sees (and that the answer was saved)."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from lab_steps import run_lesson_in_lab

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
LESSON = "02_attribution.ipynb"
EXERCISE = "ex_02_03"


def snap(page, name: str) -> None:
    folder = os.environ.get("MEDIAKIT_SCREENSHOTS")
    if folder:
        page.screenshot(path=str(Path(folder) / f"{name}.png"), full_page=False)


def test_lesson02_exercise_wrong_then_right(lab_server, page):
    from mediakit.lessons.exercises import get_exercise

    ex = get_exercise(EXERCISE)
    wrong = next(o for o in ex.options if not o.correct)
    right = next(o for o in ex.options if o.correct)
    shutil.copy(ROOT / "notebooks" / LESSON, lab_server.folder / LESSON)

    run_lesson_in_lab(page, lab_server, LESSON)

    box = page.locator(".mediakit-exercise", has_text=f"Exercise {EXERCISE}")
    box.wait_for(timeout=120_000)
    box.scroll_into_view_if_needed()
    check = box.locator("button.widget-button", has_text="Check")

    # a wrong answer: the feedback says why, with a hint, and no explanation yet
    box.locator(".widget-radio-box label", has_text=wrong.text[:40]).click()
    check.click()
    result = box.locator(".mediakit-result")
    result.filter(has_text="Not yet").wait_for()
    text = result.inner_text()
    assert wrong.feedback[:40] in text
    assert "Hint:" in text and ex.hints[0][:30] in text
    assert "Why:" not in text
    snap(page, "lesson02_wrong")

    # the right answer: the explanation appears
    box.locator(".widget-radio-box label", has_text=right.text[:40]).click()
    check.click()
    box.locator(".mediakit-result", has_text="Right").wait_for()
    text = box.locator(".mediakit-result").inner_text()
    assert "Why:" in text and "one rebel fighter" in text and "Hint:" not in text
    snap(page, "lesson02_right")

    # the answer was saved beside the notebook, for the next session
    saved = json.loads((lab_server.folder / ".mediakit-progress.json").read_text(encoding="utf-8"))
    entry = saved["answers"][EXERCISE]
    assert entry["status"] == "correct" and entry["answer"] == right.text and entry["tries"] == 2

    # select the words: mark a word in the report itself by clicking it
    words = page.locator(".mediakit-exercise", has_text="Exercise ex_02_05")
    words.scroll_into_view_if_needed()
    words.locator("button.widget-toggle-button", has_text="Rebel").first.click()
    words.locator("button.widget-button", has_text="Check").click()
    words.locator(".mediakit-result", has_text="Not yet").wait_for()
    assert "Rebel" in words.locator(".mediakit-result").inner_text()
    words.locator("button.widget-toggle-button", has_text="Rebel").first.click()
    words.locator("button.widget-toggle-button", has_text="accuses").click()
    words.locator("button.widget-button", has_text="Check").click()
    words.locator(".mediakit-result", has_text="Right").wait_for()
    snap(page, "lesson02_select_words")
    machine = page.locator(".mediakit-exercise", has_text="Exercise ex_02_07")
    machine.scroll_into_view_if_needed()
    machine.locator(".mediakit-machine", has_text="What the kit marked").wait_for()
    assert machine.locator("button.widget-toggle-button").count() > 10
    snap(page, "lesson02_machine")

    # no cell of the lesson failed
    assert (
        page.locator(
            ".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr']",
            has_text="Error",
        ).count()
        == 0
    )
