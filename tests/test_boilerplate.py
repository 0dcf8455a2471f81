"""Body versus boilerplate, by general rules, on reports written for these tests."""

from __future__ import annotations

from mediakit.boilerplate import classify_line, find_headline, split_boilerplate

BLOG = """Skip to main content

Council approves new bridge after long debate

The city council voted 7 to 2 on Tuesday to fund a new bridge over the river.
"This is a good day for the city," said mayor Ana Ruiz.
Opponents said the cost, 40 million euros, was too high.

Sign up for our newsletter to get the latest local news
Support our journalism: donate via PayPal or become a member today.
Copyright © 2024 Riverside Gazette. All rights reserved.
"""


def test_body_and_labelled_boilerplate():
    body, regions = split_boilerplate(BLOG)
    text = BLOG[body.start : body.end]
    assert text.startswith("Council approves new bridge")
    assert text.endswith("was too high.")
    kinds = {r.kind for r in regions}
    assert {"navigation", "newsletter", "donation", "disclaimer"} <= kinds
    headline = find_headline(BLOG, body)
    assert headline and BLOG[headline.start : headline.end] == "Council approves new bridge after long debate"


def test_boilerplate_inside_the_body_is_listed():
    text = ("Storm hits coast\n\nWinds of 150 km/h tore roofs off.\n\n"
            "Read more: how to prepare for a storm\n\n"
            "Officials said 3,000 homes lost power.\n")
    body, regions = split_boilerplate(text)
    inside = [r for r in regions if body.start < r.start < body.end]
    assert [r.kind for r in inside] == ["read_more"]
    assert text[body.start:body.end].endswith("lost power.")


def test_ordinary_sentences_are_not_boilerplate():
    for line in [
        "By noon, the town had fallen.",
        "The charity said it would support the families of the victims.",
        "Police said the suspect shared the video on social media.",
        "The minister said donations from abroad had doubled.",
    ]:
        assert classify_line(line) is None, line


def test_whole_text_boilerplate_keeps_the_text():
    body, regions = split_boilerplate("Subscribe to our newsletter\n")
    assert body.end > body.start and regions == []


def test_seed_boilerplate_is_found(seed_case):
    mee = seed_case.report("mee")
    kinds = [b.kind for b in mee.boilerplate]
    assert "navigation" in kinds and "newsletter" in kinds and "self_description" in kinds
    assert "pull_quote" in kinds
    assert not mee.in_boilerplate(mee.text.index("Pro-Syrian government forces have entered"))
    gr = seed_case.report("globalresearch-sf-jan31")
    assert gr.in_boilerplate(gr.text.index("PayPal"))
    assert gr.in_boilerplate(gr.text.index("grants permission"))
