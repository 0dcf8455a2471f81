"""The reader in a real browser: JupyterLab and Voilà, headless Chromium, real clicks."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

pytestmark = pytest.mark.browser

READER = ".mk-reader"


def snap(page, name: str) -> None:
    """Save a screenshot when MEDIAKIT_SCREENSHOTS names a folder (for looking, not asserting)."""
    folder = os.environ.get("MEDIAKIT_SCREENSHOTS")
    if folder:
        page.screenshot(path=str(Path(folder) / f"{name}.png"), full_page=False)


def column(page, rid: str):
    return page.locator(f'{READER} .mk-report[data-report="{rid}"]')


def choose_annotation(page, startswith: str, contains: str) -> None:
    """Pick an entry of the reader's "Explain" list, as a learner clicking in the list would."""
    select = page.locator(f"{READER} .mk-explain select")
    labels = [t.replace("\xa0", " ") for t in select.locator("option").all_inner_texts()]
    found = [i for i, t in enumerate(labels) if t.startswith(startswith) and contains in t]
    assert found, f"no option {startswith!r} with {contains!r} among {labels[:12]}"
    index = found[0]
    select.select_option(index=index)


def run_all_in_lab(page, url: str) -> None:
    page.goto(url)
    page.locator(".jp-Notebook .jp-Cell").first.wait_for()
    page.locator(".jp-StatusBar-TextItem", has_text="| Idle").first.wait_for(timeout=60_000)
    page.locator(".lm-MenuBar-itemLabel", has_text="Run").first.click()
    page.locator('li.lm-Menu-item[data-command="runmenu:run-all"]').click()
    page.locator(READER).wait_for(timeout=60_000)


def test_reader_in_jupyterlab_toggles_and_explains(lab_server, page):
    run_all_in_lab(page, lab_server.url.format(nb="views_demo.ipynb"))

    # the speaker is visible as a note beside the quote, not only on hover
    wire = column(page, "21wire")
    wire.locator(".mk-note-quote", has_text="one HTS militant:").first.wait_for()
    assert "one HTS militant" in (wire.locator(".mk-quote").first.get_attribute("title") or "")

    # boilerplate is greyed
    grey = page.locator(f"{READER} .mk-boiler").first
    assert grey.evaluate("e => getComputedStyle(e).color") == "rgb(107, 107, 107)"

    # choosing a quote fills the detail panel and highlights the same words in another report
    choose_annotation(page, "21st Century Wire · quote", "desperate")
    detail = page.locator(f"{READER} .mk-detail")
    detail.filter(has_text="added").wait_for()
    assert "one HTS militant" in detail.inner_text() and "Middle East Eye" in detail.inner_text()
    column(page, "mee").locator(".mk-shared").first.wait_for()
    assert column(page, "21wire").locator(".mk-selected").count() >= 1
    column(page, "mee").locator(".mk-shared").first.scroll_into_view_if_needed()
    snap(page, "lab_reader_selected")

    # the layer toggles switch marks off and on
    quotes = page.locator(f"{READER} button", has_text="Quotes")
    quotes.click()
    page.locator(f"{READER} .mk-quote").first.wait_for(state="detached")
    assert page.locator(f"{READER} .mk-note-quote").count() == 0
    page.locator(f"{READER} button", has_text="Boilerplate").click()
    page.locator(f"{READER} .mk-boiler").first.wait_for(state="detached")
    quotes.click()
    page.locator(f"{READER} .mk-quote").first.wait_for()

    # the other views of the notebook rendered too: quote tracer table and the chart
    assert page.locator(".mk-table", has_text="Said by").count() >= 1
    assert page.locator(".jp-OutputArea-output img").count() >= 1
    assert page.locator(".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr']"
                        ).count() == 0


def test_reader_in_voila_hides_code_and_toggles(voila_server, page):
    page.goto(voila_server.url, timeout=90_000)
    page.locator(READER).wait_for(timeout=90_000)
    assert page.locator(".jp-InputArea-editor, .jp-CodeMirrorEditor").count() == 0
    assert page.locator(f"{READER} .mk-fig").count() > 0
    page.locator(f"{READER} button", has_text="Figures").click()
    page.locator(f"{READER} .mk-fig").first.wait_for(state="detached")
    choose_annotation(page, "Sputnik · term", "moderate")
    page.locator(f"{READER} .mk-detail", has_text="scare quotes").wait_for()
    snap(page, "voila_reader")
