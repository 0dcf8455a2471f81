"""Lesson 07 (transfer) in a real browser: open it in JupyterLab, run all, answer a skills-check
item wrongly and then rightly, and check the feedback and the saved answer."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from lab_steps import run_lesson_in_lab

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
LESSON = "07_transfer.ipynb"
EXERCISE = "ex_07_03"


def test_lesson07_exercise_wrong_then_right(lab_server, page):
    from mediakit.lessons.exercises import get_exercise

    ex = get_exercise(EXERCISE)
    wrong = next(o for o in ex.options if not o.correct)
    right = next(o for o in ex.options if o.correct)
    shutil.copy(ROOT / "notebooks" / LESSON, lab_server.folder / LESSON)

    run_lesson_in_lab(page, lab_server, LESSON)

    # the lesson says the case is invented, and loads it
    page.locator(".mediakit-banner", has_text="invented case").first.wait_for(timeout=120_000)
    box = page.locator(".mediakit-exercise", has_text=f"Exercise {EXERCISE}")
    box.wait_for(timeout=120_000)
    box.scroll_into_view_if_needed()
    check = box.locator("button.widget-button", has_text="Check")

    box.locator(".widget-radio-box label", has_text=wrong.text[:40]).click()
    check.click()
    result = box.locator(".mediakit-result")
    result.filter(has_text="Not yet").wait_for()
    text = result.inner_text()
    assert wrong.feedback[:30] in text and "Hint:" in text and "Why:" not in text

    box.locator(".widget-radio-box label", has_text=right.text[:40]).click()
    check.click()
    box.locator(".mediakit-result", has_text="Right").wait_for()
    assert "contract staff" in box.locator(".mediakit-result").inner_text()

    saved = json.loads((lab_server.folder / ".mediakit-progress.json").read_text(encoding="utf-8"))
    entry = saved["answers"][EXERCISE]
    assert entry["status"] == "correct" and entry["answer"] == right.text and entry["tries"] == 2

    # the summary at the end followed the answer without its cell being run again
    page.locator(".mediakit-summary", has_text="1 of").first.wait_for(timeout=30_000)
    assert (
        page.locator(
            ".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr']",
            has_text="Error",
        ).count()
        == 0
    )
