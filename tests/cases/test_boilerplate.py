"""Body versus boilerplate, by general rules, on reports written for these tests."""

from __future__ import annotations

import pytest

from mediakit.cases import classify_line, dateline, find_headline, split_boilerplate

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
    assert (
        headline
        and BLOG[headline.start : headline.end] == "Council approves new bridge after long debate"
    )


def test_boilerplate_inside_the_body_is_listed():
    text = (
        "Storm hits coast\n\nWinds of 150 km/h tore roofs off.\n\n"
        "Read more: how to prepare for a storm\n\n"
        "Officials said 3,000 homes lost power.\n"
    )
    body, regions = split_boilerplate(text)
    inside = [r for r in regions if body.start < r.start < body.end]
    assert [r.kind for r in inside] == ["read_more"]
    assert text[body.start : body.end].endswith("lost power.")


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


WIRE = """Port workers walk out over pay in Santa Elena

SANTA ELENA, Chile, June 9 (Reuters) - Thousands of port workers in Santa Elena walked off the job on Monday, halting exports of copper and fruit.

"We have waited two years for this offer," said union leader Rosa Ibarra.

(Reporting by Pedro Lagos; Additional reporting by Ana Ruiz; Editing by Tom Hale)
"""


def test_wire_dateline_and_credit_line_are_byline_meta():
    body, regions = split_boilerplate(WIRE)
    meta = [WIRE[r.start : r.end] for r in regions if r.kind == "byline_meta"]
    assert meta == [
        "SANTA ELENA, Chile, June 9 (Reuters) -",
        "(Reporting by Pedro Lagos; Additional reporting by Ana Ruiz; Editing by Tom Hale)",
    ]
    assert WIRE[body.start : body.end].endswith("said union leader Rosa Ibarra.")


def test_a_dateline_on_the_first_line_moves_the_body_start():
    text = "ROME — Flooding closed three metro lines on Tuesday after a night of heavy rain.\n"
    body, regions = split_boilerplate(text)
    assert text[body.start :].startswith("Flooding closed")
    assert [(text[r.start : r.end], r.kind) for r in regions] == [("ROME —", "byline_meta")]


@pytest.mark.parametrize(
    "line",
    [
        "(CNN) — A ferry carrying 300 passengers ran aground off the coast on Sunday.",
        "Lima, Peru (AP) — Protesters filled the streets of the capital for a third day.",
        "KYIV -- Air raid sirens sounded across the capital early on Friday morning.",
    ],
)
def test_dateline_styles(line):
    assert dateline(line) is not None


@pytest.mark.parametrize(
    "line",
    [
        "NATO – which has 32 members – said on Monday it would respond.",
        "US — China trade talks resume in Geneva after a long pause",
        "BREAKING — A ferry carrying 300 passengers ran aground off the coast on Sunday.",
        "By then, the river had burst its banks in three places.",
    ],
)
def test_no_dateline_in_ordinary_openings(line):
    assert dateline(line) is None


@pytest.mark.parametrize(
    "line, kind",
    [
        ("Published 9 June 2025", "byline_meta"),
        ("Last updated: Monday 9 June 2025, 10:41 GMT", "byline_meta"),
        ("Updated 2 hours ago", "byline_meta"),
        ("4 min read", "byline_meta"),
        ("Additional reporting by Ana Ruiz in Lima", "byline_meta"),
        ("The Associated Press contributed to this report.", "byline_meta"),
        ("This article was originally published on The Harbour Post.", "byline_meta"),
        ("Share | Tweet | Email", "share_request"),
        ("Facebook Twitter WhatsApp", "share_request"),
        ("Follow us on Instagram", "share_request"),
        ("Photo: Maria Lopez/Getty Images", "caption"),
        ("Image caption, Residents wade through the flooded square", "caption"),
        ("Advertisement", "read_more"),
    ],
)
def test_stamps_credits_share_rows_and_captions(line, kind):
    assert classify_line(line) == kind


def test_more_ordinary_sentences_are_not_boilerplate():
    for line in [
        "Updated figures released on Monday showed 31 deaths.",
        "Published reports said the deal was close.",
        "Reporting by the Harbour Post found that the inspections were skipped.",
        "Share prices fell 3% after the announcement.",
        "Photo evidence presented in court showed the truck at the scene.",
        "Follow-up tests are due next week, the clinic said.",
        "Police said the photo: was taken in 2019.",
        "Editors at the paper said the story was checked twice.",
        "Posted guards stood at every gate.",
    ]:
        assert classify_line(line) is None, line


def test_a_video_headline_is_the_headline_not_a_caption():
    # Video reports are often headed "Video: ..."; the headline is content (lesson 5 compares it
    # with the body), so it must not be greyed out as a caption.
    text = "Video: Dam bursts after week of rain\n\nThe dam gave way on Tuesday, officials said.\n"
    body, regions = split_boilerplate(text)
    assert not regions
    headline = find_headline(text, body)
    assert (
        headline and text[headline.start : headline.end] == "Video: Dam bursts after week of rain"
    )


def test_seed_headlines_are_found(seed_case):
    heads = {
        r.id: (r.text[r.headline.start : r.headline.end] if r.headline else None)
        for r in seed_case.reports
    }
    assert (
        heads["globalresearch-sf-jan26"] == "Video: Maarat Al-numan Is About to Fall to Syrian Army"
    )
    assert heads["21wire"].startswith("Syrian Army Liberates")
    assert heads["sputnik"] is None  # the copy starts with its lead paragraph


@pytest.mark.parametrize(
    "line, kind",
    [
        # credits and notices of later changes
        ("Associated Press writers Ana Ruiz in Lima and Tom Hale in Quito contributed to this "
         "report.", "byline_meta"),
        ("Pedro Lagos contributed reporting from Santiago.", "byline_meta"),
        ("This article was amended on 3 May 2024 to correct the spelling of a name.",
         "byline_meta"),
        ("This story has been updated with a statement from the ministry.", "byline_meta"),
        ("Correction: An earlier version of this article gave the wrong date for the vote.",
         "byline_meta"),
        # an author's social handle
        ("Follow Ana Ruiz on X: @anaruiz", "byline_meta"),
        ("Twitter: @harbourpost", "byline_meta"),
        # photo credits closing a caption
        ("Fans celebrate outside the ground on Saturday. Photo: AP", "caption"),
        ("Crowds gather in the square. Photograph: Ana Ruiz/Reuters", "caption"),
        ("Crowds gather in the square (Photo by Ana Ruiz/AFP via Getty Images)", "caption"),
        # breadcrumb trails
        ("Home > News > Local", "navigation"),
        ("Sport › Football › Premier League", "navigation"),
        # related-article lists and advert slots
        ("Related: Flood defences to get new funding", "read_more"),
        ("More from the Harbour Post", "read_more"),
        ("You may also like", "read_more"),
        ("ADVERTISEMENT", "read_more"),
        ("Story continues below advertisement", "read_more"),
        # appeals and contact lines addressed to readers
        ("Post readers can donate to the flood appeal at any branch of Union Bank.", "donation"),
        ("To donate, visit the appeal page on our website.", "donation"),
        ("Got a story? Email news@harbourpost.example", "contact"),
        ("Get our morning briefing straight to your inbox", "newsletter"),
    ],
)  # fmt: skip
def test_credits_notices_handles_breadcrumbs_and_related_lists(line, kind):
    assert classify_line(line) == kind


@pytest.mark.parametrize(
    "line",
    [
        "Related charges were filed against two officers on Monday.",
        "Recommended doses were cut by half after the trial.",
        "Residents who subscribe to the water scheme pay $4 a month and get a discount.",
        "The union's newsletter, published monthly, reached 3,000 members last year.",
        "The singer sued the label over copyright infringement.",
        "Voters who support independent candidates stayed at home.",
        '"We ask the government to support us," the farmers said.',
        "Readers can give their views at the public meeting on Monday.",
        "Several agencies contributed to this report's findings, officials said.",
        "Prices rose > 5% in March > as expected.",
        "The mayor said an update would come later.",
    ],
)
def test_reporting_that_looks_like_boilerplate_is_body(line):
    assert classify_line(line) is None


def test_a_trailing_credit_and_reader_appeal_end_the_body():
    text = (
        "Flood waters recede in Lowmere\n\n"
        "Residents returned to their homes on Sunday as flood waters receded, officials said.\n\n"
        "Gazette readers can donate to the flood appeal at any post office.\n"
        "Gazette writer Ana Ruiz in Dunmore contributed to this report.\n"
    )
    body, regions = split_boilerplate(text)
    assert text[body.start : body.end].endswith("officials said.")
    assert [r.kind for r in regions] == ["donation", "byline_meta"]


def test_a_breadcrumb_before_the_headline_is_not_body():
    text = (
        "Home > Sport > Football\n\nCity beat United 2-0 in the derby\n\n"
        "City beat United 2-0 on Saturday to move top of the table.\n"
    )
    body, regions = split_boilerplate(text)
    assert text[body.start :].startswith("City beat United 2-0 in the derby")
    assert [r.kind for r in regions] == ["navigation"]
