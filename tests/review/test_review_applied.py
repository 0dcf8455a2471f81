"""A case's review.toml changes the analysis: corrected marks everywhere downstream, dropped
marks gone, stale entries told in one line and applied nowhere, and a fresh analysis (not a
cached one) whenever the review changes."""

from __future__ import annotations

import json

import pytest
from review_texts import A, write_case

from mediakit import cli
from mediakit.analysis import analyze
from mediakit.cases.case import load_case
from mediakit.cases.review import ReviewError

REVIEW = """
reviewer = "Ms. Okafor"

[[quote]]
report = "a"
text = "This bridge will change the town,"
at = 78
before = "ridge on Monday. \\""
after = "\\" said Mayor Ana Ruiz. Officials said"
decision = "correct"
speaker = "Tom Hale"

[[attribution]]
report = "a"
text = "Critics"
at = 191
before = "ld it over two years. "
after = " called the plan"
decision = "correct"
source = "opposition councillors"
source_type = "partisan_unnamed"

[[term]]
report = "b"
text = "apparently"
at = 162
before = "the bridge. The vote was "
after = " close."
decision = "drop"

[[figure]]
report = "b"
text = "45"
at = 114
before = "According to the council, "
after = " workers would"
decision = "confirm"
"""


@pytest.fixture()
def reviewed(tmp_path):
    folder = write_case(tmp_path / "bridge")
    (folder / "review.toml").write_text(REVIEW, encoding="utf-8")
    return folder


def test_without_a_review_every_mark_is_the_machines(tmp_path):
    a = analyze(write_case(tmp_path / "plain"))
    assert a.review is None and a.to_dict()["review"] is None
    marks = [m for rec in a.records.values() for m in (*rec.quotes, *rec.loaded_terms)]
    assert marks and all(m.review == "" for m in marks)


def test_the_reviewed_analysis_carries_the_teachers_decisions(reviewed):
    a = analyze(reviewed)
    (q,) = a.records["a"].quotes
    assert (q.speaker, q.review) == ("Tom Hale", "corrected")
    critics = next(x for x in a.records["a"].attributions if x.start == 191)
    assert (critics.source, critics.source_type, critics.review) == (
        "opposition councillors",
        "partisan_unnamed",
        "corrected",
    )
    assert [t.text for t in a.records["b"].loaded_terms] == []  # dropped
    assert [f.review for f in a.records["b"].figures] == ["confirmed"]
    # unreviewed marks stay as the machine found them
    assert all(f.review == "" for f in a.records["a"].figures)
    assert (a.review.confirmed, a.review.corrected, a.review.dropped) == (1, 2, 1)
    assert a.review.stale == ()


def test_the_comparisons_are_drawn_from_the_reviewed_records(reviewed):
    a = analyze(reviewed)
    mix = {m.report: m for m in a.comparisons.source_mix}
    assert "partisan_unnamed" in json.dumps(mix["a"].to_dict())
    assert not any(lc.term == "apparently" for lc in a.comparisons.labels)


def test_the_json_of_analyze_shows_what_the_teacher_checked(reviewed, capsys):
    assert cli.main(["analyze", str(reviewed), "--json", "-"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["review"]["corrected"] == 2 and data["review"]["reviewer"] == "Ms. Okafor"
    (q,) = data["reports"][0]["quotes"]
    assert q["speaker"] == "Tom Hale" and q["review"] == "corrected"
    assert data["reports"][0]["figures"][0]["review"] == ""


def test_a_changed_review_gives_a_fresh_analysis_not_the_cached_one(reviewed):
    first = analyze(reviewed)
    assert first.records["a"].quotes[0].speaker == "Tom Hale"
    text = (reviewed / "review.toml").read_text(encoding="utf-8")
    (reviewed / "review.toml").write_text(text.replace('"Tom Hale"', '"Ana Ruiz"'), "utf-8")
    assert analyze(reviewed).records["a"].quotes[0].speaker == "Ana Ruiz"
    (reviewed / "review.toml").unlink()
    assert analyze(reviewed).records["a"].quotes[0].speaker == "Mayor Ana Ruiz"


def test_an_entry_whose_passage_was_edited_is_told_in_one_line_and_not_applied(reviewed, capsys):
    # the teacher fixed a typo next to the quote: the words around it changed
    (reviewed / "a.txt").write_text(A.replace("on Monday.", "on Monday night."), "utf-8")
    a = analyze(reviewed)
    (q,) = a.records["a"].quotes
    assert (q.speaker, q.review) == ("Mayor Ana Ruiz", "")
    (line,) = a.review.stale
    assert "\n" not in line and "review.toml" in line and "quote 1" in line
    assert "no longer in the report" in line and "not applied" in line
    assert a.review.corrected == 1  # the source entry still applies: its words are unchanged
    assert cli.main(["analyze", str(reviewed)]) == 0
    assert line in capsys.readouterr().err


def test_a_broken_review_is_a_plain_error_of_the_case(reviewed, capsys):
    (reviewed / "review.toml").write_text(
        '[[term]]\nreport = "b"\ntext = "x"\ndecision = "maybe"\n'
    )
    with pytest.raises(ReviewError, match=r"\[\[term\]\] entry 1, 'decision' is 'maybe'"):
        load_case(reviewed)
    assert cli.main(["analyze", str(reviewed)]) == 2
    assert "review.toml" in capsys.readouterr().err


def test_a_dropped_or_confirmed_figure_group(reviewed):
    group = """
[[figure_group]]
decision = "{d}"
members = [
  {{ report = "a", text = "40", at = 149, before = "Ruiz. Officials said ", after = " workers" }},
  {{ report = "b", text = "45", at = 114, before = "According to the council, ", after = " workers" }},
]
"""
    (reviewed / "review.toml").write_text(group.format(d="confirm"), "utf-8")
    (g,) = analyze(reviewed).comparisons.figure_groups
    assert g.review == "confirmed"
    (reviewed / "review.toml").write_text(group.format(d="drop"), "utf-8")
    a = analyze(reviewed)
    assert a.comparisons.figure_groups == () and a.review.dropped == 1
    assert len(a.records["a"].figures) == 1  # the figures stay; only the grouping is dropped
