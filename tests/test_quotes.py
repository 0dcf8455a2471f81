"""Direct quotations: marks of every style, speakers, cues, partial, split and pull quotes."""

from __future__ import annotations

import pytest
from speech_texts import COURT, DISASTER, POLITICS, PULL, SPORT

from mediakit.extract.quotes import quotes
from mediakit.records import Quote


@pytest.fixture(scope="module")
def parsed(nlp):
    return {name: nlp(t) for name, t in
            {"politics": POLITICS, "disaster": DISASTER, "court": COURT, "sport": SPORT,
             "pull": PULL}.items()}


def find(qs: list[Quote], start_of_text: str) -> Quote:
    hits = [q for q in qs if q.text.startswith(start_of_text)]
    assert len(hits) == 1, [q.text for q in qs]
    return hits[0]


def test_offsets_are_the_words_inside_the_marks(parsed):
    doc = parsed["politics"]
    for q in quotes(doc):
        assert doc.text[q.start : q.end] == q.text
        assert doc.text[q.start - 1] in "\"'“‘"
        if q.speaker_start is not None:
            assert doc.text[q.speaker_start : q.speaker_end] == q.speaker


def test_said_after_name_and_split_quote(parsed):
    qs = quotes(parsed["politics"])
    a = find(qs, "This is a victory")
    b = find(qs, "We did not get everything")
    assert a.speaker == b.speaker == "Senator Maria Lopez"
    assert a.speaker_type == "named_person" and a.cue == "said" and not a.partial
    assert b.cue == "said"


def test_pronoun_resolves_across_sentences_to_the_latest_person(parsed):
    q = find(quotes(parsed["politics"]), "We will not stop here")
    assert "Tom Brennan" in q.speaker
    assert q.cue == "told reporters"
    assert q.speaker_type == "named_person"


def test_scare_quote_is_not_a_quotation(parsed):
    texts = [q.text for q in quotes(parsed["politics"])]
    assert "giveaway" not in texts
    texts = [q.text for q in quotes(parsed["disaster"])]
    assert "emergency plan" not in texts
    texts = [q.text for q in quotes(parsed["court"])]
    assert "consulting fees" not in texts


def test_said_before_anonymous_speaker(parsed):
    qs = quotes(parsed["disaster"])
    a = find(qs, "The water came in")
    b = find(qs, "Our house is gone")
    assert a.speaker is not None and "resident" in a.speaker
    assert b.speaker == a.speaker


def test_partial_quote_inside_the_reporters_sentence(parsed):
    q = find(quotes(parsed["court"]), "betrayed the trust")
    assert q.partial
    assert q.speaker == "Judge Helen Ward"
    assert q.cue == "told the court"


def test_definite_description_resolves_to_the_named_judge(parsed):
    q = find(quotes(parsed["court"]), "I have no doubt")
    assert q.speaker == "Judge Helen Ward"
    assert not q.partial


def test_mismatched_marks_and_surname_only(parsed):
    qs = quotes(parsed["court"])
    a = find(qs, "This verdict is wrong")
    b = find(qs, "The evidence was circumstantial")
    assert a.speaker == b.speaker == "Grant"
    assert a.speaker_type == "named_person"


def test_she_resolves_to_the_wife(parsed):
    q = find(quotes(parsed["court"]), "heartbroken")
    assert q.partial
    assert q.speaker == "The mayor's wife"
    assert q.speaker_type == "anonymous_person"
    assert q.cue == "told the Daily Herald"


def test_sport_quotes(parsed):
    qs = quotes(parsed["sport"])
    robbed = [q for q in qs if q.text.startswith("We were robbed")]
    assert len(robbed) == 2  # the headline and the body
    body = [q for q in robbed if q.speaker][0]
    assert body.speaker == "coach Marco Silva"
    ref = find(qs, "The referee didn't see")  # closed by a straight mark
    assert ref.speaker == "coach Marco Silva"
    gutted = find(qs, "gutted")
    assert gutted.partial and "James Okafor" in gutted.speaker
    assert gutted.speaker_type == "named_person"
    battle = find(qs, "It was a proper battle")
    assert battle.speaker == "United's manager"
    assert battle.cue == "added"


def test_pull_quote_takes_its_speaker_from_the_credit_line(parsed):
    qs = quotes(parsed["pull"])
    pulls = [q for q in qs if q.pull_quote]
    assert len(pulls) == 1
    assert pulls[0].speaker == "Samir Haddad"
    assert pulls[0].speaker_type == "named_person"
    assert pulls[0].cue is None


def test_unnamed_aid_worker_and_she(parsed):
    q = find(quotes(parsed["pull"]), "People are hungry")
    assert q.speaker == "An aid worker"
    assert q.speaker_type == "anonymous_person"


def test_no_quote_marks_no_quotes(nlp):
    assert quotes(nlp("The minister said the plan was sound. Rebels' positions held.")) == []


def test_seed_reports(seed_analysis):
    recs = {k: v.quotes for k, v in seed_analysis.records.items()}
    wire = recs["21wire"]
    assert [q.speaker for q in wire] == ["one HTS militant", "one HTS militant"]
    assert [q.cue for q in wire] == ["said", "added"]
    sputnik = recs["sputnik"]
    assert [q.text for q in sputnik if q.partial] == ["in the strongest way, without hesitation,"]
    assert not any(q.text in {"moderate", "observation posts"} for q in sputnik)
    mee = recs["mee"]
    assert sum(q.pull_quote for q in mee) == 2
    he_said = [q for q in mee if q.text.startswith("We are in a very desperate") and not q.pull_quote]
    assert he_said[0].speaker.lower() == "one rebel fighter"
