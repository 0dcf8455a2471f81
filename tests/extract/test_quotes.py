"""Direct quotations: marks of every style, speakers, cues, partial, split and pull quotes."""

from __future__ import annotations

import pytest
from speech_texts import APPEAL, COURT, DISASTER, HEARING, POLITICS, PULL, SPORT

from mediakit.extract.quotes import quotes
from mediakit.records import Quote


@pytest.fixture(scope="module")
def parsed(nlp):
    return {
        name: nlp(t)
        for name, t in {
            "politics": POLITICS,
            "disaster": DISASTER,
            "court": COURT,
            "sport": SPORT,
            "pull": PULL,
            "hearing": HEARING,
            "appeal": APPEAL,
        }.items()
    }


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
    # "said one resident, Ana Petrova, 54": the name in apposition is the speaker
    assert a.speaker is not None and "Petrova" in a.speaker
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
    he_said = [
        q for q in mee if q.text.startswith("We are in a very desperate") and not q.pull_quote
    ]
    assert he_said[0].speaker.lower() == "one rebel fighter"


# --- speaker attribution: classes of error fixed on reports of other genres -------------


def test_she_skips_a_man_the_text_calls_mr(parsed):
    """'she' goes to the latest person who can be a 'she': Mr Deng (and 'he') is ruled out."""
    q = find(quotes(parsed["hearing"]), "It is the right site")
    assert q.speaker == "Councillor Ruth Amadi"
    he = find(quotes(parsed["hearing"]), "Nobody asked us")
    assert he.speaker == "Mr Deng"


def test_quote_with_no_cue_in_the_same_paragraph_keeps_the_speaker(parsed):
    """A long description between two halves of a quote does not lose the speaker."""
    q = find(quotes(parsed["hearing"]), "My grandchildren play here")
    assert q.speaker == "Harold Pike"


def test_partial_quote_takes_the_verb_that_governs_it(parsed):
    """'Deng said the noise would be "unbearable" and urged ...': the cue is 'said'."""
    q = find(quotes(parsed["hearing"]), "unbearable")
    assert q.partial and q.speaker == "Deng" and q.cue == "said"


def test_label_verb_with_as_makes_a_partial_quote(parsed):
    q = find(quotes(parsed["hearing"]), "pure guesswork")
    assert q.partial and q.speaker == "Residents" and q.cue == "dismissed"


def test_so_called_marks_a_scare_quote(parsed):
    assert "green depot" not in [q.text for q in quotes(parsed["hearing"])]


def test_company_name_is_a_body_and_the_firm_speaks_for_it(parsed):
    q = find(quotes(parsed["hearing"]), "This is good news")
    assert q.speaker_type == "official_body"


def test_multi_paragraph_quote_is_one_quote_with_the_last_cue(parsed):
    """Each paragraph reopens the quote and only the last one closes: one quotation."""
    q = find(quotes(parsed["appeal"]), "We lost the roof")
    assert "nowhere else to go" in q.text
    assert q.speaker == "Ines Varga"
    assert not any(x.text.startswith("We have nowhere") for x in quotes(parsed["appeal"]))


def test_any_verb_after_a_comma_quote_is_a_cue(parsed):
    """'“...,” she sighed.': the frame makes 'sighed' the cue, although it is no reporting verb."""
    q = find(quotes(parsed["appeal"]), "It was terrifying")
    assert q.speaker == "Ines Varga" and q.cue == "sighed"


def test_subject_is_not_taken_across_a_paragraph_break(nlp):
    text = (
        "“Stay indoors.”\n— Mara Quist, fire chief\n\n"
        "A farmer, who gave his name only as Piet, said the smoke came “like a wall”.\n"
    )
    q = find(quotes(nlp(text)), "like a wall")
    assert q.speaker is not None and "farmer" in q.speaker


@pytest.fixture(scope="module")
def harbour(nlp):
    from speech_texts import HARBOUR

    return quotes(nlp(HARBOUR))


def test_the_spokeswoman_refers_back_to_the_person_named_with_that_role(harbour):
    # "Nadia Brook, a spokeswoman for ...": a person (not a body), and "the spokeswoman" is her
    q = find(harbour, "We have been patient")
    assert q.speaker == "Nadia Brook" and q.speaker_type == "named_person"
    assert find(harbour, "Patience has limits").speaker == "Nadia Brook"


def test_quote_opening_a_paragraph_takes_the_speaker_of_the_next_sentence(harbour):
    q = find(harbour, "We have had no wages")
    assert q.speaker is not None and "Ruth Adeyemi" in q.speaker


def test_quote_after_reported_speech_continues_that_speaker(harbour):
    q = find(harbour, "Nobody read the offer")
    assert q.speaker is not None and "Ben Ashdown" in q.speaker


def test_two_people_with_one_surname_stay_two_people(harbour):
    # "He" is Emil Voss; "she" is still free to be Clara Voss, not skipped for a man's surname
    q = find(harbour, "He has never missed")
    assert q.speaker is not None and "Clara Voss" in q.speaker


def test_subject_is_never_inside_the_quote_and_a_titled_name_is_a_person(harbour):
    # the parse hangs "The port" (inside the marks) on "told"; the speaker is the name after
    q = find(harbour, "The port cannot wait")
    assert q.speaker is not None and "Okonkwo" in q.speaker
    assert q.speaker_type == "named_person"


def test_pronoun_after_a_surname_only_mention_goes_to_that_person(harbour):
    q = find(harbour, "The offer is generous")
    assert q.speaker is not None and "Ferrand" in q.speaker


def test_colon_introduces_a_quote_with_any_verb(harbour):
    q = find(harbour, "We're staying out")
    assert q.speaker is not None and "Ivo Mensah" in q.speaker and not q.partial
    # the possessive "bosses'" inside the single-marked quote does not end it
    assert q.text.rstrip(".").endswith("insult")


def test_label_verb_with_the_thing_labelled_then_the_quoted_label(harbour):
    q = find(harbour, "an attack on the town")
    assert q.speaker == "Officials" and q.cue == "branded" and q.partial


def test_single_marked_words_after_a_verb_are_a_partial_quote_in_a_single_mark_report(nlp):
    doc = nlp(
        "Union split denied\n\n"
        "Oduya's deputy, Grace Lamb, insisted the union was 'united'. 'Nobody is leaving,' she said.\n\n"
        "Members voted on the next 'final offer' on Tuesday."
    )
    qs = quotes(doc)
    q = find(qs, "united")
    assert q.speaker == "Grace Lamb" and q.partial
    # right after "the next" the marks hold the reporter's own phrase at a distance
    assert not [x for x in qs if x.text.startswith("final offer")]


def test_dash_credit_after_a_quote_names_the_speaker(nlp):
    # a reader's comment credited on its own line, as in round-ups of voices (cycling, not war)
    doc = nlp(
        "Riders on the final climb:\n\n“We ran out of water two kilometres from the top.” ― Ines Moreau\n\n"
        "“The crowd carried me up.” ― Tom Okafor, a club rider\n"
    )
    qs = quotes(doc)
    assert [q.speaker for q in qs] == ["Ines Moreau", "Tom Okafor"]
    assert not any(q.pull_quote for q in qs)


def test_a_dash_inside_the_reporters_line_is_no_credit(nlp):
    # the quote does not open its line: the words after the dash are the reporter's
    doc = nlp("She called the climb “brutal” - Moreau later withdrew from the race.\n")
    assert all(q.speaker != "Moreau" for q in quotes(doc))


def _speakers(nlp, text: str) -> list[tuple[str, str | None]]:
    return [(q.text[:12], q.speaker) for q in quotes(nlp(text))]


def test_a_colon_intro_across_a_paragraph_break(nlp):
    got = _speakers(
        nlp,
        "The head gardener, Ana Duarte, was blunt about the frost.\n\nDuarte continued:\n\n"
        "\u201cWe lost every seedling in the north beds and we will have to start again in March.\u201d",
    )
    assert got == [("We lost ever", "Duarte")]
    got = _speakers(
        nlp,
        "The club met on Tuesday night.\n\nSaid the treasurer, Olu Bankole:\n\n"
        "\u201cThe roof fund is empty and the bank will not lend us more.\u201d",
    )
    assert got == [("The roof fun", "Olu Bankole")]


def test_a_whole_paragraph_quote_goes_on_with_the_previous_paragraphs_speaker(nlp):
    text = (
        "\u201cThe pitch was flooded by noon,\u201d said groundsman Pete Olsen, who has looked after the "
        "ground for thirty years and rarely misses a match.\n\n"
        "\u201cI have never seen rain like it in all my years here.\u201d"
    )
    assert [q.speaker for q in quotes(nlp(text))] == [
        "groundsman Pete Olsen",
        "groundsman Pete Olsen",
    ]


def test_a_quote_inside_a_quote_is_the_outer_speakers_words(nlp):
    text = (
        "\u201cWhen the buses run late, riders tell us, \u2018We are done with this line,\u2019 and they "
        "drive instead,\u201d said Mira Holt, the transit director."
    )
    assert {q.speaker for q in quotes(nlp(text))} == {"Mira Holt"}


def test_doubled_straight_marks_keep_the_speaker_outside_the_quote(nlp):
    text = "''Nobody expected the bridge to close so soon,'' Lena Park, a city engineer, said on Monday."
    assert [q.speaker for q in quotes(nlp(text))] == ["Lena Park"]


def test_continued_by_saying(nlp):
    text = (
        "Mayor Ruth Adeyemi welcomed the ruling. Adeyemi continued by saying, \u201cThe wells will be "
        "tested every month from now on.\u201d"
    )
    assert [q.speaker for q in quotes(nlp(text))] == ["Adeyemi"]


def test_words_inside_the_quote_are_never_its_speaker(nlp):
    text = (
        "\u201cI will make you this promise: We will open the pool by June,\u201d parks director "
        "Hana Mori said on Friday."
    )
    assert [q.speaker for q in quotes(nlp(text))] == ["parks director Hana Mori"]


def test_a_whispered_quote(nlp):
    text = "\u201cThe keys are under the mat,\u201d the caretaker whispered."
    assert [q.speaker for q in quotes(nlp(text))] == ["the caretaker"]


def test_show_titles_and_markup_values_are_no_quotes(nlp):
    text = (
        "The coach said on \u201cMatch of the Day\u201d that the club would appeal.\n\n"
        '<post author="harbourfc" id="99120034">Great win tonight.</post>\n\n'
        "\u201cWe will appeal,\u201d she said."
    )
    assert [q.text for q in quotes(nlp(text))] == ["We will appeal,"]


def test_a_dash_credit_after_a_no_break_space(nlp):
    text = (
        "\u201cThe market is the heart of this town.\u201d \u2015\u00a0Ines Moreau\n"
        "\u201cWe will be back next spring.\u201d \u2015\u00a0Tomas Varga\n"
    )
    assert [q.speaker for q in quotes(nlp(text))] == ["Ines Moreau", "Tomas Varga"]


def test_a_relative_who_speaker_is_its_noun_and_that_is_never_a_speaker(nlp):
    text = (
        "The prize went to Lena Ortiz, an architect who said, \u201cI only drew what the "
        "neighbours asked for.\u201d"
    )
    assert [q.speaker for q in quotes(nlp(text))] == ["Lena Ortiz"]


def test_abbreviated_titles_do_not_end_the_cue_clause(nlp):
    text = "''Why do the buses never come on time?'' Mrs. Okafor asked at the meeting."
    assert [q.speaker for q in quotes(nlp(text))] == ["Mrs. Okafor"]


def test_said_before_a_name_and_a_colon(nlp):
    text = (
        "The meeting ran late.\n\nSaid Ellis: \u201cNobody wanted to go home before the vote.\u201d"
    )
    assert [q.speaker for q in quotes(nlp(text))] == ["Ellis"]


def test_an_opening_verb_of_stating_before_a_colon_names_the_speaker(nlp):
    got = _speakers(
        nlp,
        "Stated Bankole:\n\n\u201cI think that the roof fund is so low that the bank would do "
        "anything to stop lending.\u201d",
    )
    assert got == [("I think that", "Bankole")]


def test_a_long_apposition_between_the_quote_and_its_verb(nlp):
    text = (
        "The mayor spoke on Monday.\n\n''I would have been all in,'' Mr. Okafor, the Liberal mayor of "
        "Halifax, said in his office overlooking the harbour."
    )
    assert _speakers(nlp, text) == [("I would have", "Mr. Okafor")]
