"""review.toml as a file: what it reads, the plain errors for what it cannot, what it writes,
and how a passage is found again (or not, once the text was edited)."""

from __future__ import annotations

import tomllib

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mediakit.cases.review import (
    Anchor,
    Review,
    ReviewEntry,
    ReviewError,
    load_review,
    locate,
    parse_review,
    review_toml,
    save_review,
    toml_string,
)

GOOD = """
reviewer = "Ms. Okafor"

[[quote]]
report = "a"
text = "This bridge will change the town,"
at = 78
before = "Monday. \\""
after = "\\" said Mayor"
decision = "correct"
speaker = "Tom Hale"
speaker_type = "named_person"

[[term]]
report = "b.txt"
text = "apparently"
at = 162
decision = "drop"

[[figure_group]]
decision = "confirm"
members = [{ report = "a", text = "40", at = 149 }, { report = "b", text = "45", at = 114 }]
"""


def test_a_hand_written_review_is_read_entry_by_entry():
    r = parse_review(tomllib.loads(GOOD))
    assert r.reviewer == "Ms. Okafor"
    kinds = [(e.kind, e.decision) for e in r.entries]
    assert kinds == [("quote", "correct"), ("term", "drop"), ("figure_group", "confirm")]
    assert r.entries[0].corrections == {"speaker": "Tom Hale", "speaker_type": "named_person"}
    assert r.entries[0].anchor == Anchor(
        "a", "This bridge will change the town,", 78, 'Monday. "', '" said Mayor'
    )
    assert [m.text for m in r.entries[2].members] == ["40", "45"]


@pytest.mark.parametrize(
    ("toml", "words"),
    [
        (
            '[[quote]]\nreport = "a"\ntext = "x"\ndecision = "ok"',
            ["[[quote]] entry 1", "'decision' is 'ok'", '"confirm", "correct", "drop"'],
        ),
        (
            '[[quote]]\nreport = "a"\ntext = "x"\ndecision = "confirm"\nspeakr = "Y"',
            ["[[quote]] entry 1", "'speakr'", "did you mean 'speaker'"],
        ),
        (
            '[[attribution]]\nreport = "a"\ntext = "x"\ndecision = "correct"\nsource_type = "person"',
            ["[[attribution]] entry 1", "'source_type' is 'person'", "named_person"],
        ),
        (
            '[[figure]]\nreport = "a"\ntext = "x"\ndecision = "correct"\nvalue = "forty"',
            ["[[figure]] entry 1", "'value' should be a number"],
        ),
        (
            '[[term]]\nreport = "a"\ntext = "x"\ndecision = "correct"\ncategory = "rude"',
            ["[[term]] entry 1", "'category' is 'rude'"],
        ),
        ('[[term]]\nreport = "a"\ntext = "x"\ndecision = "correct"', ["no corrected field"]),
        ('[[quote]]\ntext = "x"\ndecision = "drop"', ["'report' is missing"]),
        (
            '[[quote]]\nreport = "a"\ntext = "x"\nat = -3\ndecision = "drop"',
            ["'at' should be a whole number"],
        ),
        (
            '[[figure_group]]\ndecision = "correct"\nmembers = []',
            ["[[figure_group]] entry 1", '"confirm", "drop"', "'members'"],
        ),
        ('[[qoute]]\nreport = "a"', ["the key 'qoute'", "did you mean 'quote'"]),
        (
            '[[quote]]\nreport = "a"\ntext = "x"\ndecision = "drop"\n[[quote]]\nreport = "a"\ntext = "x"\ndecision = "confirm"',
            ["quote 2", "the same mark as quote 1"],
        ),
    ],
)
def test_bad_entries_are_named_in_plain_words(toml, words):
    with pytest.raises(ReviewError) as exc:
        parse_review(tomllib.loads(toml))
    msg = str(exc.value)
    assert "review.toml" in msg
    for w in words:
        assert w in msg, msg
    assert "Traceback" not in msg


def test_load_review_names_the_file_for_broken_toml(tmp_path):
    assert load_review(tmp_path) is None
    (tmp_path / "review.toml").write_text('[[quote]]\nreport = "a\n', encoding="utf-8")
    with pytest.raises(ReviewError, match="'review.toml' is not valid TOML"):
        load_review(tmp_path)


def test_a_saved_review_reads_back_the_same(tmp_path):
    r = parse_review(tomllib.loads(GOOD))
    save_review(r, tmp_path)
    text = (tmp_path / "review.toml").read_text(encoding="utf-8")
    assert text.startswith("# The teacher's review")
    assert load_review(tmp_path) == r


@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",))))
def test_any_text_round_trips_through_the_writer(s):
    assert tomllib.loads(f"x = {toml_string(s)}")["x"] == s


def test_report_text_with_quotes_and_line_breaks_is_written_safely():
    a = Anchor("a", 'He said "no"\nand\tleft \\ \x7f', 3, 'x"', "\r")
    r = Review(entries=(ReviewEntry("quote", "confirm", anchor=a),))
    assert parse_review(tomllib.loads(review_toml(r))) == r


TEXT = "The mayor said it was fine. Later the mayor said it was fine again."


def test_a_passage_is_found_only_where_its_surroundings_match():
    first = Anchor("a", "said it was fine", 10, "The mayor ", ". Later")
    second = Anchor("a", "said it was fine", 44, "ater the mayor ", " again.")
    assert locate(first, TEXT) == (10, 26)
    assert locate(second, TEXT) == (44, 60)
    # the text moved (a sentence added in front): found again by its surroundings
    assert locate(first, "Breaking. " + TEXT) == (20, 36)
    # the words around the first one were edited: never applied to the second one instead
    edited = TEXT.replace("The mayor said it was fine.", "The mayor said it was fine, mostly.")
    assert locate(first, edited) is None
    assert locate(Anchor("a", "was fine", 0), "nothing here") is None
