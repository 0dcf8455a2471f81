"""The static page of a case: one self-contained file, report text escaped, charts inline."""

from __future__ import annotations

import re

import pytest

from mediakit.views.export import CSP, export_html

EVIL = (
    "Town taken\n\nThe army said 40 soldiers entered the town on Monday. "
    '<script>window.__pwned = 1</script> <img src=x onerror="window.__pwned=2"> '
    "\u201cWe hold the centre,\u201d said General Sam Lee.\n"
)


@pytest.fixture(scope="module")
def page(tmp_path_factory):
    from mediakit import analyze, load_case

    folder = tmp_path_factory.mktemp("case")
    (folder / "a.txt").write_text(EVIL, encoding="utf-8")
    (folder / "b.txt").write_text(
        "Other view\n\nBy [Wire Desk](#) Reports said 40 soldiers "
        "entered the town. \u201cWe hold the centre,\u201d said General "
        "Sam Lee.\n",
        encoding="utf-8",
    )
    return export_html(analyze(load_case(folder)))


def test_page_is_self_contained(page):
    assert page.startswith("<!DOCTYPE html>")
    assert f'content="{CSP}"' in page and "default-src 'none'" in CSP
    # nothing is fetched: no external scripts, styles, images or links
    assert not re.search(r"<(?:link|iframe|object|embed)\b", page)
    assert not re.search(r"<script[^>]*\bsrc=", page)
    assert not re.search(r"(?:src|href)=\"(?:https?:)?//", page)
    assert page.count("<svg") >= 4  # the charts, inline


def test_report_text_stays_text(page):
    assert "<script>window.__pwned" not in page and "<img src=x" not in page
    assert "&lt;script&gt;window.__pwned" in page or "\\u003cscript>window.__pwned" in page
    # the page's own scripts: the data block and the reader; no third
    assert len(re.findall(r"<script\b", page)) == 2


def test_page_has_reader_tables_and_explanations(page):
    assert 'id="mk-reader"' in page and 'data-layer="quotes"' in page
    for section in ("sources", "figures", "wording", "charts"):
        assert f'<section id="{section}">' in page
    assert '"explain": {' in page and "Why the kit thinks so" in page


def test_cli_export_writes_the_page(tmp_path, capsys):
    from mediakit.cli import main

    folder = tmp_path / "case"
    folder.mkdir()
    (folder / "a.txt").write_text(EVIL, encoding="utf-8")
    out = tmp_path / "page.html"
    assert main(["export", str(folder), "--html", str(out)]) == 0
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert "Wrote" in capsys.readouterr().out
    assert main(["export", str(folder), "--html", str(tmp_path / "no" / "such" / "p.html")]) == 2
    assert "Cannot write" in capsys.readouterr().err


def test_a_file_that_could_not_be_read_is_named_on_the_page(tmp_path):
    from mediakit import analyze, load_case

    folder = tmp_path / "case"
    folder.mkdir()
    (folder / "a.txt").write_text(EVIL, encoding="utf-8")
    (folder / "b<i>.txt").write_bytes(b"\x00\x01\x02 not text \x00" * 20)
    html = export_html(analyze(load_case(folder)))
    listed = re.search(r'<div class="mk-skipped">(.*?)</div>', html, re.S)
    assert listed, "the unreadable file is not named on the page"
    assert "b&lt;i&gt;.txt" in listed.group(1) and "<i>" not in listed.group(1)
