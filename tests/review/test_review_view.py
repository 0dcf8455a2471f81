"""The review view, driven as a teacher would (controls set from Python, no browser): every
mark is listed, a decision is saved to review.toml, a mistake is said in plain words and loses
nothing, and the reviewed analysis then shows the decision."""

from __future__ import annotations

import tomllib

import pytest
from review_texts import write_case

from mediakit import views
from mediakit.analysis import analyze
from mediakit.cases.review import load_review
from mediakit.views.reviewing import decide_item, review_items


@pytest.fixture()
def folder(tmp_path):
    return write_case(tmp_path / "bridge")


def pick(view, words):
    key = next(k for label, k in view.controls["item"].options if words in label)
    view.controls["item"].value = key
    return key


def test_every_mark_of_the_machine_is_listed_with_what_it_says(folder):
    v = views.review(analyze(folder))
    labels = [label for label, _ in v.controls["item"].options]
    a = analyze(folder)
    n = sum(
        len(r.quotes) + len(r.attributions) + len(r.figures) + len(r.loaded_terms)
        for r in a.records.values()
    )
    assert len(labels) == n + len(a.comparisons.figure_groups)
    assert any("quote" in x and "speaker: Mayor Ana Ruiz" in x for x in labels)
    assert any(x.startswith("figure group") for x in labels)
    assert all(x.endswith("[not checked yet]") for x in labels)
    v.controls["filter"].value = "term"
    assert [x for x, _ in v.controls["item"].options] and all(
        "loaded term" in x for x, _ in v.controls["item"].options
    )


def test_correcting_a_speaker_is_saved_and_shown_in_the_reviewed_analysis(folder):
    v = views.review(analyze(folder))
    c = v.controls
    pick(v, "This bridge will change")
    assert "Mayor Ana Ruiz" in c["evidence"].value  # the machine's reading, beside the form
    assert c["speaker"].value == "Mayor Ana Ruiz" and c["source"].layout.display == "none"
    assert v.state["reader"].controls["annotation"].value == "a|q0"  # the reader shows it
    c["decision"].value = "correct"
    c["speaker"].value = "Tom Hale"
    assert "Save will record: <b>correct it" in c["pending"].value
    assert "speaker: Tom Hale" in c["pending"].value
    c["save"].click()
    assert "Saved in review.toml" in c["status"].value
    saved = tomllib.loads((folder / "review.toml").read_text(encoding="utf-8"))
    assert saved["quote"][0]["speaker"] == "Tom Hale"
    assert saved["quote"][0]["decision"] == "correct"
    assert any("[corrected (speaker: Tom Hale)]" in x for x, _ in c["item"].options)
    q = analyze(folder).records["a"].quotes[0]
    assert (q.speaker, q.review) == ("Tom Hale", "corrected")


def test_confirm_drop_and_take_back(folder):
    v = views.review(analyze(folder))
    c = v.controls
    pick(v, "\u201c40\u201d")
    c["decision"].value = "confirm"
    c["save"].click()
    pick(v, "\u201creckless\u201d")
    c["decision"].value = "drop"
    c["save"].click()
    a = analyze(folder)
    assert a.records["a"].figures[0].review == "confirmed" and a.records["a"].loaded_terms == ()
    # a dropped mark stays in the list, so the teacher can take the decision back
    pick(v, "\u201creckless\u201d")
    assert c["decision"].value == "drop"
    c["decision"].value = ""
    c["save"].click()
    assert [e.kind for e in load_review(folder).entries] == ["figure"]
    assert [t.text for t in analyze(folder).records["a"].loaded_terms] == ["reckless"]


def test_a_bad_correction_is_said_plainly_and_nothing_typed_is_lost(folder):
    v = views.review(analyze(folder))
    c = v.controls
    pick(v, "\u201c45\u201d")
    c["decision"].value = "correct"
    c["value"].value = "forty-five"
    c["save"].click()
    assert "is not a number" in c["status"].value and 'role="alert"' in c["status"].value
    assert c["value"].value == "forty-five" and not (folder / "review.toml").exists()
    c["value"].value = "45"
    c["save"].click()
    assert "Nothing was corrected" in c["status"].value
    c["value"].value = "1,450"
    c["save"].click()
    assert analyze(folder).records["b"].figures[0].value == 1450.0


def test_a_stale_entry_is_listed_in_the_view(folder):
    v = views.review(analyze(folder))
    pick(v, "This bridge will change")
    v.controls["decision"].value = "confirm"
    v.controls["save"].click()
    text = (folder / "a.txt").read_text(encoding="utf-8")
    (folder / "a.txt").write_text(text.replace("on Monday.", "on Monday night."), "utf-8")
    v2 = views.review(analyze(folder))
    assert "no longer fit the text" in v2.controls["summary"].value
    assert "quote 1" in v2.controls["summary"].value
    assert all(x.endswith("[not checked yet]") for x, _ in v2.controls["item"].options)


def test_report_text_is_escaped_in_the_view(tmp_path):
    folder = write_case(
        tmp_path / "x", a='Hello\n\n"<script>alert(1)</script> is here," said Ana Ruiz.\n'
    )
    v = views.review(analyze(folder))
    pick(v, "script")
    assert "<script>" not in v.controls["evidence"].value
    assert "&lt;script&gt;" in v.controls["evidence"].value


def test_a_shipped_case_is_not_written_to(seed_analysis):
    v = views.review(seed_analysis)
    assert "ships with the kit" in v.controls["message"].value


def test_decide_item_keeps_every_other_entry(folder):
    a = analyze(folder)
    items = review_items(a, None)
    r = decide_item(None, items[0], "confirm")
    r = decide_item(r, items[1], "drop")
    r = decide_item(r, items[0], "drop")
    assert [(e.anchor.text, e.decision) for e in r.entries] == [
        (items[1].anchor.text, "drop"),
        (items[0].anchor.text, "drop"),
    ]
