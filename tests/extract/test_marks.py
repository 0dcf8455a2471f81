"""Pairing quote marks and telling quotations from scare quotes and titles (no model needed)."""

from __future__ import annotations

import pytest

from mediakit.extract.marks import QuotedSpan, quoted_spans


def kinds(text: str) -> list[tuple[str, str]]:
    return [(s.kind, s.text) for s in quoted_spans(text)]


def test_offsets_cover_marks_and_inner_text():
    text = 'The minister said: "We will win." Then she left.'
    (s,) = quoted_spans(text)
    assert isinstance(s, QuotedSpan)
    assert text[s.start] == '"' and text[s.end - 1] == '"'
    assert text[s.inner_start : s.inner_end] == s.text == "We will win."
    assert s.kind == "quote"


@pytest.mark.parametrize(
    "text",
    [
        "“We need help now,” she said.",
        '"We need help now," she said.',
        '“We need help now," she said.',  # curly open, straight close
        '"We need help now,” she said.',  # straight open, curly close
        "'We need help now,' she said.",
        "‘We need help now,’ she said.",
    ],
)
def test_every_style_of_mark_pairs_up(text):
    assert kinds(text) == [("quote", "We need help now,")]


def test_apostrophes_do_not_open_or_close_quotes():
    text = (
        "The country’s army and Assad's troops wasn’t there; the rebels' positions and "
        "the fans’ chants held. Ma’arat and Hay'at stayed quiet. 'Rock' it was not."
    )
    spans = quoted_spans(text)
    assert [s.text for s in spans] == ["Rock"]


def test_possessive_inside_a_quote_does_not_end_it():
    text = "‘The city’s people and the rebels’ families are afraid,’ he said."
    (s,) = quoted_spans(text)
    assert s.text == "The city’s people and the rebels’ families are afraid,"


def test_scare_quotes_are_not_quotations():
    text = (
        'A spokesman said: "We are ready to talk." The so-called ‘moderate’ militia forces '
        "moved in, and a 'humanitarian ceasefire' was announced."
    )
    assert kinds(text) == [
        ("quote", "We are ready to talk."),
        ("scare", "moderate"),
        ("scare", "humanitarian ceasefire"),
    ]


def test_partial_quote_after_a_reporting_verb_is_a_quote():
    text = (
        "The ministry warned that its forces would retaliate “in the strongest way, without "
        "hesitation,” if its ‘observation posts’ were attacked."
    )
    assert kinds(text) == [
        ("quote", "in the strongest way, without hesitation,"),
        ("scare", "observation posts"),
    ]


def test_one_word_quote_governed_by_said_is_a_quote():
    assert kinds('One fighter said a "miracle" was needed.') == [("quote", "miracle")]


def test_title_of_a_work():
    assert kinds('Her new documentary "The Long Night" opens on Friday.') == [
        ("title", "The Long Night")
    ]


def test_headline_with_a_quote():
    assert kinds("'We will rebuild': mayor vows after floods") == [("quote", "We will rebuild")]


def test_pull_quote_on_its_own_line():
    text = (
        "Body text here.\n\n'We are in a very desperate position'\n\n- Rebel fighter\n\nMore text."
    )
    assert kinds(text) == [("quote", "We are in a very desperate position")]


def test_multi_paragraph_quote():
    text = "“The first paragraph of a long statement.\n\n“The second paragraph,” she said."
    spans = quoted_spans(text)
    assert [s.text for s in spans] == [
        "The first paragraph of a long statement.",
        "The second paragraph,",
    ]
    assert all(s.kind == "quote" for s in spans)


def test_unpaired_mark_gives_nothing():
    assert quoted_spans('The screen measured 15" across and was heavy.') == []
