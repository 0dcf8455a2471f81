"""Issue 11 in a real browser: Voila pages served by a Jupyter server (as ``kit.py lab`` and a
hub serve them, ``/voila/render/``) give their kernels back when closed, and a learner's answers
survive a reload."""

from __future__ import annotations

import json
import time
import urllib.request


def _kernels(base: str, token: str) -> list[dict]:
    with urllib.request.urlopen(f"{base}/api/kernels?token={token}", timeout=10) as r:
        return json.loads(r.read())


def _wait_for(predicate, timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.5)
    return predicate()


def test_closed_voila_pages_give_their_kernels_back(voila_served, browser):
    server, token = voila_served
    context = browser.new_context()
    try:
        for _ in range(10):
            page = context.new_page()
            page.set_default_timeout(60_000)
            page.goto(f"{server.url}/voila/render/light.ipynb?token={token}")
            page.wait_for_selector("text=ready-42")
            page.wait_for_selector(".widget-slider")
            page.close(run_before_unload=True)
    finally:
        context.close()
    assert _wait_for(lambda: len(_kernels(server.url, token)) == 0, 30), (
        f"{len(_kernels(server.url, token))} of 10 kernels still running after their pages "
        f"closed; server log:\n{server.log.read_text()[-3000:]}"
    )
    assert "_xsrf argument missing" not in server.log.read_text()


def test_a_voila_learners_answer_survives_a_reload(voila_served, browser):
    server, token = voila_served
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    page.set_default_timeout(90_000)
    try:
        page.goto(f"{server.url}/voila/render/persist.ipynb?token={token}")
        page.wait_for_selector(".mk-learner-name")
        page.wait_for_selector(".widget-radio-box input")
        # the kernel knows it serves a Voila page, and keeps answers per page until named
        page.wait_for_selector("text=in voila: True | page only: True")
        page.fill(".mk-learner-name", "../etc")
        page.click(".mk-learner-save")
        page.wait_for_selector(".mk-learner-message:has-text('letters, digits')")
        page.fill(".mk-learner-name", "Ana Test")
        page.click(".mk-learner-save")
        page.wait_for_selector(".mk-learner-message:has-text('Saving your answers as Ana Test')")
        # options are shuffled per learner: pick the right one by its words, so the summary,
        # which counts exercises done right, moves to "1 of"
        from mediakit.lessons.exercises import get_exercise

        right = get_exercise("ex_01_02").correct_options[0]
        choice = page.locator(".widget-radio-box label", has_text=right[:40])
        picked = choice.inner_text()
        choice.click()
        page.locator("button.widget-button").first.click()
        page.wait_for_selector("text=1 of")  # the summary below counts it, live
        page.reload()
        # nothing typed: the browser remembers the name, the kernel restores the answer
        page.wait_for_selector(".mk-learner-message:has-text('Saving your answers as Ana Test')")
        page.wait_for_selector("text=Your saved answer from last time")
        checked = page.locator(".widget-radio-box input:checked")
        assert checked.count() == 1
        assert checked.locator("xpath=..").inner_text() == picked
        page.wait_for_selector("text=1 of")
    finally:
        context.close()
    files = list((server.folder.parent / "answers").iterdir())
    assert len(files) == 1 and json.loads(files[0].read_text())["learner"] == "Ana Test"
