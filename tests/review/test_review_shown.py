"""What a teacher checked is shown as such in the reader, its explanations, the tables and the
static page; without a review nothing says "checked"."""

from __future__ import annotations

import pytest
from review_texts import write_case

from mediakit.analysis import analyze
from mediakit.views import render
from mediakit.views.explanations import describe_html
from mediakit.views.export import export_html
from mediakit.views.reader import mark_annotations

REVIEW = """
[[quote]]
report = "a"
text = "This bridge will change the town,"
at = 78
before = "ridge on Monday. \\""
after = "\\" said Mayor Ana Ruiz. Officials said"
decision = "correct"
speaker = "Tom Hale <b>"

[[figure]]
report = "b"
text = "45"
at = 114
before = "According to the council, "
after = " workers would"
decision = "confirm"

[[term]]
report = "a"
text = "reckless"
at = 999
before = "the plan a "
after = " gamble."
decision = "drop"
"""


@pytest.fixture()
def analysis(tmp_path):
    folder = write_case(tmp_path / "bridge")
    (folder / "review.toml").write_text(REVIEW, encoding="utf-8")
    return analyze(folder)


def test_the_reader_says_which_marks_the_teacher_checked(analysis):
    html = render.render_report(analysis.report("a"), analysis.records["a"])
    assert "Tom Hale &lt;b&gt; \u2713 checked:" in html  # escaped, and said in words
    assert "Tom Hale <b>" not in html
    assert "reckless" in html and "mk-term" not in html  # dropped: the words stay, unmarked
    other = render.render_report(analysis.report("b"), analysis.records["b"])
    assert "45" in other and "\u2713 checked" in other


def test_an_explanation_says_checked_or_found_by_the_machine(analysis):
    anns = {a.layer: a for a in mark_annotations(analysis.report("a"), analysis.records["a"])}
    assert "checked by your teacher: corrected" in describe_html(
        anns["quotes"], analysis.report("a")
    )
    assert "found by the machine" in describe_html(anns["figures"], analysis.report("a"))


def test_tables_and_static_page_show_the_review(analysis):
    figs = render.figures_table_html(analysis)
    assert "45 \u2713 checked" in figs and "40 \u2713" not in figs
    page = export_html(analysis, charts=False)
    assert "Your teacher checked 2 of the" in page and "1 dropped" in page


def test_without_a_review_nothing_says_checked(tmp_path):
    a = analyze(write_case(tmp_path / "plain"))
    page = export_html(a, charts=False)
    assert "\u2713 checked" not in page and "Your teacher checked" not in page
