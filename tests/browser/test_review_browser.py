"""The teacher's review view in a real browser (Voila, headless Chromium), by keyboard only:
confirm one mark, correct one, drop one, and read the saved review.toml."""

from __future__ import annotations

import tomllib
from pathlib import Path

import nbformat
import pytest

pytestmark = pytest.mark.browser

REVIEW_TESTS = Path(__file__).resolve().parent.parent / "review"
LIST = ".mk-review .mk-review-list select"
IN_LIST = "() => !!(document.activeElement && document.activeElement.closest('.mk-review-list'))"
FOCUSED = "() => { const e = document.activeElement; return e ? e.outerHTML.slice(0, 300) : ''; }"


def _notebook(folder: Path) -> Path:
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3",
        "language": "python",
    }
    nb.cells = [
        nbformat.v4.new_code_cell(
            f"import sys\nsys.path.insert(0, {str(REVIEW_TESTS)!r})\n"
            "from pathlib import Path\nfrom review_texts import write_case\n"
            "from mediakit import views\nfrom mediakit.analysis import analyze\n"
            "folder = write_case(Path('bridge').resolve())"
        ),
        nbformat.v4.new_code_cell("views.review(analyze(folder))"),
    ]
    path = folder / "review.ipynb"
    folder.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, path)
    return path


def _tab_until(page, test: str, *, back: bool = False, limit: int = 60) -> None:
    """Press Tab (or Shift+Tab) until the focused element's HTML contains ``test`` (or, for
    "the list", until the list of marks has the focus)."""
    for _ in range(limit):
        if test == "the list":
            if page.evaluate(IN_LIST):
                return
        elif test in page.evaluate(FOCUSED):
            return
        page.keyboard.press("Shift+Tab" if back else "Tab")
    raise AssertionError(f"Tab never reached {test!r}; focus is on {page.evaluate(FOCUSED)!r}")


def _choose_mark(page, words: str) -> None:
    """From anywhere in the view: back to the list by Shift+Tab, then arrow keys to the mark."""
    _tab_until(page, "the list", back=True)
    page.keyboard.press("Home")
    for _ in range(60):
        chosen = page.evaluate(
            "s => s.options[s.selectedIndex] ? s.options[s.selectedIndex].text : ''",
            page.locator(LIST).element_handle(),
        )
        if words in chosen.replace("\xa0", " "):
            break
        page.keyboard.press("ArrowDown")
    else:
        texts = page.locator(LIST).locator("option").all_inner_texts()
        raise AssertionError(f"no mark with {words!r} in the list: {chosen!r} {texts[:8]}")
    plain = words.strip("\u201c\u201d")
    page.locator(".mk-review .mk-passage mark", has_text=plain).first.wait_for()


CHECKED = (
    "() => { const r = document.querySelector('.mk-review .widget-radio-box input:checked');"
    " return r ? r.parentElement.textContent.replace(/\\u00a0/g, ' ') : ''; }"
)
DECISION_ORDER = ("not checked yet", "confirm", "correct", "drop")


def _decide(page, steps: int) -> None:
    """Tab to the decisions and move down ``steps`` (1 confirm, 2 correct, 3 drop), waiting
    for each radio button to be checked before the next key."""
    _tab_until(page, 'type="radio"')
    for i in range(1, steps + 1):
        page.keyboard.press("ArrowDown")
        page.wait_for_function(
            f"() => ({CHECKED})().startsWith({DECISION_ORDER[i]!r})", timeout=10_000
        )
    # the kernel has the decision (it says what Save will record) before Save is pressed
    page.locator(
        ".mk-review-pending", has_text=f"Save will record: {DECISION_ORDER[steps]}"
    ).wait_for(timeout=30_000)


def _save(page, n: int) -> None:
    _tab_until(page, "Save this decision")
    page.keyboard.press("Enter")
    page.wait_for_function(
        "n => document.querySelectorAll('.mk-review [role=status]').length > 0 && "
        "[...document.querySelectorAll('.mk-review .widget-select option')]"
        ".filter(o => !o.text.replace(/\\u00a0/g, ' ').includes('not checked yet')).length >= n",
        arg=n,
    )


def test_confirm_correct_and_drop_by_keyboard(voila_notebook, page, tmp_path):
    nb = _notebook(tmp_path / "work")
    server = voila_notebook(nb)
    page.goto(server.url, timeout=90_000)
    page.locator(LIST).wait_for(timeout=90_000)
    page.locator(LIST).focus()

    _choose_mark(page, "\u201c40\u201d")
    _decide(page, 1)  # confirm
    _save(page, 1)

    _choose_mark(page, "This bridge will change")
    _decide(page, 2)  # correct
    _tab_until(page, 'type="text"')  # the speaker's text box, labelled "Speaker"
    page.keyboard.press("Control+A")
    page.keyboard.type("Tom Hale")
    page.keyboard.press("Tab")  # leaving the box hands the words to the kernel, which says so
    page.locator(".mk-review-pending", has_text="speaker: Tom Hale").wait_for(timeout=30_000)
    _save(page, 2)

    _choose_mark(page, "\u201creckless\u201d")
    _decide(page, 3)  # drop
    _save(page, 3)

    page.locator(".mk-review [role=status]", has_text="Saved in review.toml").wait_for()
    saved = tomllib.loads((nb.parent / "bridge" / "review.toml").read_text(encoding="utf-8"))
    assert [(e["text"], e["decision"]) for e in saved["figure"]] == [("40", "confirm")]
    (q,) = saved["quote"]
    assert (q["decision"], q["speaker"]) == ("correct", "Tom Hale")
    assert [(e["text"], e["decision"]) for e in saved["term"]] == [("reckless", "drop")]
    # every control the teacher used has a label a screen reader reads
    labels = page.locator(".mk-review label").all_inner_texts()
    assert any("Speaker" in x for x in labels) and any("Decision" in x for x in labels)
