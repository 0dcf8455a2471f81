"""The figures extractor: counts and amounts, what is counted, who says so."""

from __future__ import annotations

import pytest

from mediakit.extract.figures import FigureWords, default_words, figures
from mediakit.records import Attribution


@pytest.fixture(scope="module")
def figs(nlp):
    def _figs(text: str, **kw):
        return figures(nlp(text), **kw)

    return _figs


def by_text(fs):
    return {f.text: f for f in fs}


def test_values_of_exact_vague_and_multiplied_amounts(figs):
    fs = by_text(
        figs(
            "Warplanes carried out over 3 dozens of airstrikes. Turkey hosts some 3.5 million "
            "Syrian refugees. The war led to the deaths of hundreds of thousands of people. "
            "Troops took several villages and a few hamlets."
        )
    )
    assert fs["over 3 dozens"].value == 36
    assert fs["over 3 dozens"].what == "airstrikes"
    assert fs["some 3.5 million"].value == 3_500_000
    assert fs["some 3.5 million"].what == "Syrian refugees"
    assert fs["hundreds of thousands"].value == 100_000
    assert fs["hundreds of thousands"].vague
    assert fs["several"].value is None and fs["several"].vague
    assert fs["several"].what == "villages"
    assert fs["a few"].value is None


def test_event_counts_carry_the_predicate(figs):
    fs = figs(
        "Last week 40 Syrian Army servicemen were killed, with 80 more wounded. "
        "Over 30 militants were killed or injured. Some 120,000 people have fled."
    )
    what = {f.text: f.what for f in fs}
    assert what["40"] == "Syrian Army servicemen killed"
    assert what["80"] == "Syrian Army servicemen wounded"  # the elided noun comes from "40"
    assert what["Over 30"] == "militants killed or injured"
    assert what["Some 120,000"] == "people fled"


def test_dates_years_durations_ordinals_and_names_are_not_figures(figs):
    fs = figs(
        "On January 27 the 25th Special Mission Forces Division advanced along the M5 highway "
        "for 12 days in a months-long campaign that began in 2012. An OTR-21 missile hit the "
        "third observation post. Under Article 5 the alliance met on Monday at 3 p.m."
    )
    assert fs == []


def test_one_as_an_article_is_not_a_figure_but_one_killed_is(figs):
    assert figs("One rebel fighter said one of the towns was lost.") == []
    fs = figs("At least one civilian was killed.")
    assert [f.text for f in fs] == ["At least one"]
    assert fs[0].value == 1


def test_a_fixed_set_is_not_a_count(figs):
    assert figs("It links Syria's two largest cities and the two major arteries.") == []


def test_source_from_the_sentence(figs):
    fs = figs(
        "According to the Syrian Observatory for Human Rights, some 120,000 people have fled. "
        "Police said about 15,000 people joined the march. Another 300 people marched."
    )
    src = {f.text: f.source for f in fs}
    assert src["some 120,000"] == "Syrian Observatory for Human Rights"
    assert src["about 15,000"] == "Police"
    assert src["Another 300"] is None


def test_source_from_attribution_records(nlp):
    doc = nlp("Rescuers pulled 45 survivors from the rubble, the agency said.")
    att = Attribution(
        source="the civil defence agency", start=52, end=62, source_type="official_body",
        named=False, cue="said", sentence=doc.text, sentence_start=0, sentence_end=len(doc.text),
    )  # fmt: skip
    (f,) = figures(doc, attributions=[att])
    assert f.source == "the civil defence agency"
    (f,) = figures(doc)
    assert f.source == "agency"  # the fallback reads the sentence itself


def test_offsets_point_at_the_text_and_the_counted_noun(figs):
    text = "Four vehicles belonging to the group were destroyed."
    (f,) = figs(text)
    assert text[f.start : f.end] == f.text == "Four"
    assert text[f.unit_start : f.unit_end] == "vehicles"
    assert f.what == "vehicles destroyed"


# --- other genres --------------------------------------------------------------------------


def test_earthquake_report(figs):
    fs = figs(
        "A powerful earthquake struck southern Turkey early on Monday, killing at least 2,300 "
        "people and injuring more than 10,000, officials said. Rescue teams pulled 45 survivors "
        "from the rubble on 6 February. About 6,000 buildings were destroyed, according to the "
        "disaster agency AFAD. The quake, which lasted 90 seconds, was followed by several "
        "aftershocks. Tens of thousands of people spent the night outdoors. The World Bank "
        "pledged $1.78 billion in aid."
    )
    got = {f.text: f for f in fs}
    assert set(got) == {
        "at least 2,300", "more than 10,000", "45", "About 6,000", "several",
        "Tens of thousands", "$1.78 billion",
    }  # fmt: skip
    assert got["at least 2,300"].what == "people killed"
    assert got["more than 10,000"].what == "people injured"
    assert got["About 6,000"].source == "disaster agency AFAD"
    assert got["Tens of thousands"].value == 10_000
    assert got["$1.78 billion"].value == 1_780_000_000


def test_election_report(figs):
    fs = figs(
        "Turnout was 67.3 percent, up from 61% in 2019. The Social Democrats won 206 seats, the "
        "electoral commission said. More than 2 million postal votes were counted. The party "
        "received 11.9 million votes in the 2021 election."
    )
    got = {f.text: f for f in fs}
    assert set(got) == {"67.3 percent", "61%", "206", "More than 2 million", "11.9 million"}
    assert got["206"].source == "electoral commission"
    assert got["11.9 million"].value == 11_900_000
    assert got["More than 2 million"].what == "postal votes"


def test_court_report_sentence_is_a_duration_fine_is_a_figure(figs):
    fs = figs(
        "A federal judge sentenced the former mayor to 5 years in prison and fined him $2 million "
        "on Tuesday. Prosecutors said he took bribes from 12 contractors between 2015 and 2019. "
        "The jury deliberated for three days. His co-defendant, Mark Hill, 45, received 18 months."
    )
    got = {f.text: f for f in fs}
    assert set(got) == {"$2 million", "12"}
    assert got["$2 million"].value == 2_000_000
    assert got["12"].source == "Prosecutors"


def test_football_report_scores_are_amounts(figs):
    fs = figs(
        "Manchester United beat Liverpool 2-1 at Old Trafford on Sunday in front of 74,000 fans. "
        "Marcus Rashford scored in the 89th minute. The club paid £80m for the striker in 2019."
    )
    got = {f.text: f for f in fs}
    assert set(got) == {"2-1", "74,000", "£80m"}
    assert got["2-1"].what == "score" and got["2-1"].value is None
    assert got["74,000"].what == "fans"
    assert got["£80m"].value == 80_000_000


def test_protest_report(figs):
    fs = figs(
        "Officers arrested 23 people and 12 officers were injured. Dozens of shops were damaged, "
        "and a 5,000-strong crowd gathered. A 12-year-old boy was among those held during the "
        "three-day protest."
    )
    got = {f.text: f for f in fs}
    assert set(got) == {"23", "12", "Dozens", "5,000"}
    assert got["23"].what == "people arrested"
    assert got["12"].what == "officers injured"
    assert got["Dozens"].what == "shops damaged" and got["Dozens"].value == 12
    assert got["5,000"].what == "crowd"


def test_word_lists_can_be_replaced(nlp):
    import dataclasses

    words = default_words()
    assert isinstance(words, FigureWords)
    doc = nlp("Troops took several villages.")
    assert figures(doc)
    fewer = dataclasses.replace(words, vague={})
    assert figures(doc, words=fewer) == []
    # a learner's own reporting verbs decide whose figure it is when no record says so
    doc = nlp("Monitors counted 2,000 people at the rally.")
    assert figures(doc)[0].source == "Monitors"
    no_count = dataclasses.replace(words, reporting_verbs=words.reporting_verbs - {"count"})
    assert figures(doc, words=no_count)[0].source is None


def test_seed_figures_are_counts(seed_analysis):
    import re

    months = re.compile(r"January|February|December|Monday|Tuesday|\b(19|20)\d\d\b")
    total = 0
    for rid, rec in seed_analysis.records.items():
        text = seed_analysis.case.report(rid).text
        for f in rec.figures:
            total += 1
            assert text[f.start : f.end] == f.text
            assert not months.search(f.text), f.text
            assert f.text not in ("4th", "25th", "third", "two largest")
    assert total >= 25


def test_a_figure_from_a_pronoun_source_names_the_person(nlp):
    from mediakit import attributions, quotes

    doc = nlp("“We are ready,” said Governor Ann Lee. She added that 40,000 homes lost power.")
    atts = attributions(doc, quotes=quotes(doc))
    (fig,) = [f for f in figures(doc, attributions=atts) if f.text == "40,000"]
    assert fig.source == "Governor Ann Lee"
