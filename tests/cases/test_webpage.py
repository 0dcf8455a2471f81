"""Saved web pages the way a teacher saves them: the article, not the page's clutter, and only
the metadata the page states. The pages in pages/ were written for these tests (invented
places and people, the clutter real news sites carry: navigation, cookie banners, share
buttons, related links, newsletter boxes, readers' comments, scripts, footers)."""

from __future__ import annotations

import shutil
import socket
from pathlib import Path

import pytest

from mediakit import load_case
from mediakit.cases.webpage import read_saved_page

PAGES = Path(__file__).resolve().parent / "pages"


def _page(name: str) -> str:
    return (PAGES / name).read_text(encoding="utf-8")


CLUTTER = {
    "harbour-storm.html": [
        "cookies",
        "Accept all",
        "Subscribe",
        "Sport",
        "Share on social media",
        "Related stories",
        "sea defences budget",
        "morning briefing",
        "nobody listens",  # a reader's comment
        "stay safe",
        "All rights reserved",
        "Privacy policy",
        "Tracking pixel",  # written by a script
        "dataLayer",
        "cookie-banner",  # a style rule
    ],
    "bridge-vote.html": [
        "cookies",
        "Log in",
        "What's on",
        "Home >",
        "Facebook",
        "You might also like",
        "rare orchids",
        "About time",  # comments
        "Shameful",
        "Leave a reply",
        "Most read",
        "Double glazing",
        "Shire Media Group",
        "ad slot",
        "track.js",
        "schema.org",
    ],
}

ARTICLE = {
    "harbour-storm.html": [
        "forcing about 400 residents from their homes",
        '"The water came up faster than anything we have seen in twenty years," said Tomas Reyne',
        "37 people were taken to the regional hospital",
        "Harbour master Ilse Varga said",
        "could bring further flooding to streets near the water.",
    ],
    "bridge-vote.html": [
        "voted seven to four on Thursday",
        "2.3 million pounds",
        '"This is a decision made in a hurry by people who will not have to live with it,"',
        "23 spoke in favour and 21 against.",
    ],
}


@pytest.mark.parametrize("name", sorted(CLUTTER))
def test_the_article_is_read_and_the_pages_clutter_is_left_out(name):
    page = read_saved_page(_page(name))
    for words in ARTICLE[name]:
        assert words in page.text, words
    for words in CLUTTER[name]:
        assert words not in page.text, words
    assert "<" not in page.text and "&gt;" not in page.text
    # the headline first, then one block per paragraph
    blocks = page.text.split("\n\n")
    assert blocks[0] == page.title
    assert len(blocks) >= len(ARTICLE[name]) + 1


def test_title_author_and_publication_date_come_from_the_page():
    storm = read_saved_page(_page("harbour-storm.html"))
    assert (storm.title, storm.author, storm.date) == (
        "Storm floods Port Calder harbour, hundreds leave homes",
        "Mara Ellison",
        "2024-03-14",
    )
    bridge = read_saved_page(_page("bridge-vote.html"))
    assert bridge.author == "Joss Fairweather"
    assert bridge.date == "2023-11-02"  # first published, not the update of 4 November


def test_what_the_page_does_not_state_stays_unknown():
    # no byline and no date in the markup; dates in the text and in a reader's comment are
    # not the report's publication date, and the day the file was saved is not one either
    page = read_saved_page(_page("no-metadata.html"))
    assert page.author is None
    assert page.date is None
    assert "The ferry to Skellan island sailed again on Monday" in page.text
    assert "Great news" not in page.text


def test_a_case_of_saved_pages_carries_their_metadata_unless_case_toml_says_otherwise(tmp_path):
    folder = tmp_path / "case"
    folder.mkdir()
    for name in ("harbour-storm.html", "bridge-vote.html", "no-metadata.html"):
        shutil.copy(PAGES / name, folder / name)
    case = load_case(folder)
    storm = case.report("harbour-storm")
    assert storm.original_author == "Mara Ellison" and storm.date == "2024-03-14"
    assert storm.title == "Storm floods Port Calder harbour, hundreds leave homes"
    assert "html" in storm.normalised
    assert storm.headline is not None
    assert storm.text[storm.headline.start : storm.headline.end] == storm.title
    ferry = case.report("no-metadata")
    assert (ferry.original_author, ferry.date, ferry.outlet) == (None, None, None)
    (folder / "case.toml").write_text(
        'title = "Pages"\n'
        "[[reports]]\n"
        'file = "harbour-storm.html"\n'
        'original_author = "Valley Wire Service"\n'
        'date = "2024-03-13"\n',
        encoding="utf-8",
    )
    storm = load_case(folder).report("harbour-storm")
    assert (storm.original_author, storm.date) == ("Valley Wire Service", "2024-03-13")
    assert storm.title == "Storm floods Port Calder harbour, hundreds leave homes"


def test_reading_saved_pages_fetches_nothing(tmp_path, monkeypatch):
    tried = []

    def refuse(*args, **kwargs):
        tried.append(args)
        raise OSError("no network in the classroom")

    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    monkeypatch.setattr(socket.socket, "connect", refuse)
    folder = tmp_path / "case"
    folder.mkdir()
    shutil.copy(PAGES / "bridge-vote.html", folder / "bridge-vote.html")
    # a "page" that is only an address: read as text, never downloaded
    (folder / "link.html").write_text("https://news.example.org/story", encoding="utf-8")
    case = load_case(folder)
    assert not tried
    assert case.report("bridge-vote").date == "2023-11-02"
    link = case.report("link")
    assert "news.example.org" in link.text and link.date is None


def test_a_saved_page_is_analysed_on_its_article(tmp_path, seed_case):
    from mediakit import analyze

    folder = tmp_path / "case"
    folder.mkdir()
    shutil.copy(PAGES / "harbour-storm.html", folder / "harbour-storm.html")
    analysis = analyze(load_case(folder), cache=False)
    rec = analysis.records_for("harbour-storm")
    speakers = {q.speaker for q in rec.quotes}
    assert "Tomas Reyne" in speakers
    assert 400 in {f.value for f in rec.figures}
    text = analysis.report("harbour-storm").text
    assert "harbourwatcher" not in text  # a commenter is no source
