"""The error rate shown to learners tells the marks a teacher checked from the machine's own."""

from __future__ import annotations

from review_texts import write_case

import mediakit
from mediakit.analysis import analyze
from mediakit.lessons import lesson

REVIEW = """
[[term]]
report = "a"
text = "reckless"
before = "the plan a "
after = " gamble."
decision = "confirm"

[[figure]]
report = "a"
text = "40"
before = "Ruiz. Officials said "
after = " workers"
decision = "drop"
"""


def test_without_a_review_the_rates_are_the_machines(tmp_path):
    a = analyze(write_case(tmp_path / "plain"))
    assert mediakit.accuracy_summary(a) == mediakit.accuracy_summary()
    assert "your teacher" not in mediakit.accuracy_summary(a)


def test_a_reviewed_case_says_how_many_marks_the_teacher_checked(tmp_path):
    folder = write_case(tmp_path / "bridge")
    (folder / "review.toml").write_text(REVIEW, encoding="utf-8")
    a = analyze(folder)
    total = sum(
        len(r.quotes) + len(r.attributions) + len(r.figures) + len(r.loaded_terms)
        for r in a.records.values()
    )
    text = mediakit.accuracy_summary(a)
    assert f"your teacher checked 1 of its {total} marks" in text
    assert "removed 1 that were not marks" in text
    assert f"The other {total - 1} were found by the machine alone" in text
    box = lesson.accuracy(a)
    assert "your teacher checked 1 of" in box.text and "your teacher checked" in box.html
