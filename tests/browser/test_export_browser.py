"""The static page of a case in a real browser: offline, toggles, explanations, text stays text."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

TEXT_A = (
    "Town taken\n\nThe army said 40 soldiers entered the town on Monday. "
    '<script>window.__pwned = 1</script> <img src=x onerror="window.__pwned=2"> '
    "\u201cWe hold the centre of the town now,\u201d said General Sam Lee.\n"
)
TEXT_B = (
    "Other view\n\nBy [Wire Desk](#) Reports said 40 soldiers entered the town. "
    "\u201cWe hold the centre of the town now,\u201d said General Sam Lee.\n"
)


@pytest.fixture(scope="module")
def page_file(tmp_path_factory):
    from mediakit import analyze, load_case
    from mediakit.views.export import export_page

    base = tmp_path_factory.mktemp("export")
    folder = base / "case"
    folder.mkdir()
    (folder / "a.txt").write_text(TEXT_A, encoding="utf-8")
    (folder / "b.txt").write_text(TEXT_B, encoding="utf-8")
    out = base / "page.html"
    export_page(analyze(load_case(folder)), str(out))
    return out


def test_static_page_works_offline(browser, page_file):
    context = browser.new_context(viewport={"width": 1366, "height": 900})
    requested: list[str] = []

    def gate(route):
        requested.append(route.request.url)
        if route.request.url.startswith("file:"):
            route.continue_()
        else:
            route.abort()

    context.route("**/*", gate)
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    try:
        url = page_file.as_uri()
        page.goto(url)
        page.locator("#mk-reader .mk-report").nth(1).wait_for()
        # report text with <script> stays text: shown as words, never run
        assert page.evaluate("window.__pwned") is None
        assert "<script>window.__pwned = 1</script>" in page.locator("#mk-reader").inner_text()
        # Markdown link markup is hidden
        assert "[Wire Desk](#)" not in page.locator("#mk-reader").inner_text()
        # a click on a quote explains it, as in the notebook
        page.locator("#mk-reader .mk-report .mk-quote").first.click()
        page.locator("#mk-detail .mk-detail", has_text="Speaker").wait_for()
        assert "Sam Lee" in page.locator("#mk-detail").inner_text()
        # the layer toggles switch marks off and on
        quote = page.locator("#mk-reader .mk-report .mk-quote").first
        assert quote.evaluate("e => getComputedStyle(e).borderLeftStyle") == "solid"
        page.locator('.mk-toggles input[data-layer="quotes"]').uncheck()
        assert quote.evaluate("e => getComputedStyle(e).borderLeftStyle") == "none"
        assert page.locator("#mk-reader .mk-report .mk-note-quote").first.is_hidden()
        page.locator('.mk-toggles input[data-layer="quotes"]').check()
        assert quote.evaluate("e => getComputedStyle(e).borderLeftStyle") == "solid"
        page.locator('.mk-toggles input[data-layer="figures"]').uncheck()
        fig = page.locator("#mk-reader .mk-report .mk-fig").first
        assert fig.evaluate("e => getComputedStyle(e).outlineStyle") == "none"
        # tables and inline charts are there
        assert page.locator("#figures table").count() >= 1
        assert page.locator("#charts svg").count() >= 4
        assert errors == []
        assert requested == [url]
    finally:
        context.close()
