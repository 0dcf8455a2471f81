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


def open_controls(page, title: str) -> None:
    """Unfold one section of the reader's folded controls (they start folded)."""
    header = page.locator(f"{READER} .jupyter-widget-Collapse-header", has_text=title).first
    body = header.locator("xpath=..")
    if "jupyter-widget-Collapse-open" not in (body.get_attribute("class") or ""):
        header.click()


def choose_annotation(page, startswith: str, contains: str) -> None:
    """Pick an entry of the reader's "Explain" list, as a learner clicking in the list would."""
    open_controls(page, "Choose reports")
    select = page.locator(f"{READER} .mk-explain select")
    labels = [t.replace("\xa0", " ") for t in select.locator("option").all_inner_texts()]
    found = [i for i, t in enumerate(labels) if t.startswith(startswith) and contains in t]
    assert found, f"no option {startswith!r} with {contains!r} among {labels[:12]}"
    index = found[0]
    select.select_option(index=index)


IN_COLUMN = """e => {
    const c = e.closest('.mk-report').getBoundingClientRect(), r = e.getBoundingClientRect();
    return r.height > 0 && r.top >= c.top - 1 && r.bottom <= c.bottom + 1;
}"""


def in_view_of_its_column(page, locator) -> bool:
    """Whether the element's box lies inside the visible part of its (scrolling) report column."""
    return locator.evaluate(IN_COLUMN)


def wait_in_view_of_its_column(page, locator) -> None:
    page.wait_for_function(IN_COLUMN, arg=locator.element_handle(), timeout=10_000)


def explain_choice(page) -> str:
    select = page.locator(f"{READER} .mk-explain select")
    return select.evaluate("s => s.selectedOptions.length ? s.selectedOptions[0].textContent : ''")


def run_all_in_lab(page, url: str, name: str) -> None:
    # "reset": a fresh workspace, so notebooks another test left open (the server is shared
    # by the session) are not restored and Run All cannot land in one of them
    page.goto(url + "&reset")
    page.locator(".lm-DockPanel-tabBar .lm-TabBar-tab.lm-mod-current", has_text=name).wait_for()
    page.locator(".jp-Notebook .jp-Cell").first.wait_for()
    page.locator(".jp-StatusBar-TextItem", has_text="| Idle").first.wait_for(timeout=60_000)
    page.locator(".lm-MenuBar-itemLabel", has_text="Run").first.click()
    page.locator('li.lm-Menu-item[data-command="runmenu:run-all"]').click()
    page.locator(READER).wait_for(timeout=60_000)


def test_reader_in_jupyterlab_toggles_and_explains(lab_server, page):
    run_all_in_lab(page, lab_server.url.format(nb="views_demo.ipynb"), "views_demo.ipynb")

    # the speaker is visible as a note beside the quote, not only on hover
    wire = column(page, "21wire")
    wire.locator(".mk-note-quote", has_text="one HTS militant:").first.wait_for()
    assert "one HTS militant" in (wire.locator(".mk-quote").first.get_attribute("title") or "")

    # boilerplate is greyed (#595959: AA contrast on every mark tint, tests/views/test_contrast.py)
    grey = page.locator(f"{READER} .mk-boiler").first
    assert grey.evaluate("e => getComputedStyle(e).color") == "rgb(89, 89, 89)"

    # the same words in Middle East Eye are out of sight in its column before anything is chosen
    mee_copy = column(page, "mee").locator('.mk-quote[data-mark="mee|q3"]')
    assert not in_view_of_its_column(page, mee_copy)

    # clicking the quote in the text itself fills the detail panel, as the Explain list does
    column(page, "21wire").locator(".mk-quote", has_text="desperate position").first.click()
    detail = page.locator(f"{READER} .mk-detail")
    detail.filter(has_text="added").wait_for()
    assert "one HTS militant" in detail.inner_text() and "Middle East Eye" in detail.inner_text()
    assert "desperate" in explain_choice(page)  # the list follows the click
    assert column(page, "21wire").locator(".mk-selected").count() >= 1
    # ...and the other column jumps to the shared passage and outlines it
    target = column(page, "mee").locator(".mk-shared.mk-target").first
    target.wait_for()
    assert "desperate position" in target.inner_text()
    assert target.evaluate("e => getComputedStyle(e).outlineStyle") == "dashed"
    wait_in_view_of_its_column(page, target)
    assert column(page, "sputnik").locator(".mk-shared").count() == 0
    snap(page, "lab_reader_selected")

    # the keyboard does the same: Tab reaches a mark, Enter explains it
    term = column(page, "sputnik").locator('[data-mark="sputnik|t1"]')
    term.focus()
    page.keyboard.press("Enter")
    detail.filter(has_text="scare quotes").wait_for()
    assert "moderate" in explain_choice(page)
    focused = page.evaluate("document.activeElement && document.activeElement.dataset.mark")
    assert focused == "sputnik|t1"  # focus stays on the mark after the columns are redrawn

    # choosing in the list scrolls the chosen mark into view in its own column
    choose_annotation(page, "Middle East Eye · quote", "Akram al-Masri")
    detail.filter(has_text="Akram al-Masri").wait_for()
    wait_in_view_of_its_column(page, column(page, "mee").locator(".mk-selected").first)

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
    assert (
        page.locator(
            ".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr']"
        ).count()
        == 0
    )


def test_reader_in_voila_hides_code_and_toggles(voila_server, page):
    page.goto(voila_server.url, timeout=90_000)
    page.locator(READER).wait_for(timeout=90_000)
    assert page.locator(".jp-InputArea-editor, .jp-CodeMirrorEditor").count() == 0
    assert page.locator(f"{READER} .mk-fig").count() > 0
    page.locator(f"{READER} button", has_text="Figures").click()
    page.locator(f"{READER} .mk-fig").first.wait_for(state="detached")
    choose_annotation(page, "Sputnik · term", "moderate")
    page.locator(f"{READER} .mk-detail", has_text="scare quotes").wait_for()
    # the custom widget works in Voilà too: a click on a quote in the text explains it
    column(page, "21wire").locator(".mk-quote", has_text="desperate position").first.click()
    page.locator(f"{READER} .mk-detail", has_text="one HTS militant").wait_for()
    wait_in_view_of_its_column(page, column(page, "mee").locator(".mk-shared.mk-target").first)
    # ticking a report's checkbox adds its column
    open_controls(page, "Choose reports")
    page.locator(f"{READER} .mk-reports input[type=checkbox]").nth(0).wait_for()
    n = page.locator(f"{READER} .mk-report").count()
    unticked = [
        i
        for i, box in enumerate(page.locator(f"{READER} .mk-reports input[type=checkbox]").all())
        if not box.is_checked()
    ]
    page.locator(f"{READER} .mk-reports input[type=checkbox]").nth(unticked[0]).check()
    page.wait_for_function(f"document.querySelectorAll('{READER} .mk-report').length == {n + 1}")
    snap(page, "voila_reader")


CHIP_OVERLAPS = """root => {
    const out = [];
    for (const col of root.querySelectorAll('.mk-report')) {
        const boxes = [...col.querySelectorAll('.mk-note, .mk-tag')]
            .map(e => [e, e.getBoundingClientRect()]).filter(([, r]) => r.width > 0 && r.height > 0);
        for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {
            const [a, r] = boxes[i], [b, q] = boxes[j];
            const w = Math.min(r.right, q.right) - Math.max(r.left, q.left);
            const h = Math.min(r.bottom, q.bottom) - Math.max(r.top, q.top);
            if (w > 0.5 && h > 0.5) out.push(a.textContent + ' / ' + b.textContent);
        }
    }
    return out;
}"""

WRAPPED_TAGS = """root => [...root.querySelectorAll('.mk-tag')]
    .filter(e => e.getClientRects().length > 1 || e.getBoundingClientRect().height > 2 * parseFloat(getComputedStyle(e).fontSize) * 1.3)
    .map(e => e.textContent)"""


def test_seed_case_fits_a_classroom_screen(lab_server, browser):
    """1366x900 with the file browser open: chips never overlap or break, the report text starts
    on the first screen, and no chart is taller than the window."""
    context = browser.new_context(viewport={"width": 1366, "height": 900})
    page = context.new_page()
    page.set_default_timeout(60_000)
    try:
        run_all_in_lab(page, lab_server.url.format(nb="seed_screen.ipynb"), "seed_screen.ipynb")
        browser_panel = page.locator("#filebrowser")
        if not browser_panel.is_visible():
            page.locator('.jp-SideBar [data-id="filebrowser"]').click()
        assert browser_panel.is_visible()
        reader = page.locator(READER)
        page.locator(f"{READER} .mk-report").nth(4).wait_for()
        page.locator(".jp-OutputArea-output img").nth(3).wait_for(timeout=120_000)
        page.locator(".jp-StatusBar-TextItem", has_text="| Idle").first.wait_for(timeout=120_000)
        reader.evaluate("r => r.scrollIntoView()")
        snap(page, "screen_reader")
        # the controls are folded: the report text starts near the top of the reader
        top = reader.evaluate(
            "r => r.querySelector('.mk-text').getBoundingClientRect().top"
            " - r.getBoundingClientRect().top"
        )
        assert top < 300, f"{top:.0f} px of controls before the report text"  # was ~450
        # two reports of one outlet have short labels that differ
        heads = page.locator(f"{READER} .mk-head b").all_inner_texts()
        assert len(set(heads)) == len(heads) == 5
        # a quote copied into another report: "shared with ..." chips appear in both columns
        column(page, "21wire").locator(".mk-quote", has_text="desperate position").first.click()
        page.locator(f"{READER} .mk-note", has_text="shared with").first.wait_for()
        # the explanation names each field on one line
        assert (
            page.locator(f"{READER} .mk-detail dt").first.evaluate("e => e.getClientRects().length")
            == 1
        )
        assert page.locator(f"{READER} .mk-detail dt", has_text="Why the kit thinks so").evaluate(
            "e => e.getBoundingClientRect().height < 2 * parseFloat(getComputedStyle(e).lineHeight || 20)"
        )
        assert reader.evaluate(CHIP_OVERLAPS) == []
        assert reader.evaluate(WRAPPED_TAGS) == []
        # Markdown link markup in a copied text is hidden: "By South Front", not "[South Front](#)"
        gr = column(page, "globalresearch-sf-jan31").locator(".mk-text").inner_text()
        assert "South Front" in gr and "](#)" not in gr and "[South Front" not in gr
        snap(page, "screen_reader_selected")
        # kind filters are checkboxes, no Ctrl-click needed
        open_controls(page, "Choose reports")
        kinds = page.locator(f"{READER} .mk-kinds input[type=checkbox]")
        from mediakit.records import SOURCE_TYPES, TERM_CATEGORIES

        assert kinds.count() == len(SOURCE_TYPES) + len(TERM_CATEGORIES)  # one per kind
        kinds.nth(0).uncheck()
        page.wait_for_function(
            "document.querySelectorAll('.mk-reader .mk-src-named_person').length == 0"
        )
        assert reader.evaluate(CHIP_OVERLAPS) == []
        snap(page, "screen_controls_open")
        # every chart fits in the window
        heights = page.locator(".jp-OutputArea-output img").evaluate_all(
            "imgs => imgs.map(i => i.getBoundingClientRect().height)"
        )
        assert len(heights) == 4 and all(0 < h <= 900 for h in heights), heights
        for i, img in enumerate(page.locator(".jp-OutputArea-output img").all()):
            img.evaluate("i => i.scrollIntoView({block: 'start'})")
            page.wait_for_timeout(300)
            snap(page, f"screen_chart_{i}")
        assert (
            page.locator(
                ".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr']"
            ).count()
            == 0
        )
    finally:
        context.close()
