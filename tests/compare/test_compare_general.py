"""The comparisons work on cases other than the seed: claims of other events, names read from
the copies when case.toml is missing, one side resolver."""

from __future__ import annotations

import shutil

import pytest
from compare_helpers import attribution, case_from, records

from mediakit import analyze, load_case
from mediakit.compare import claims, compare, event_verbs_of, main_places, side_of
from mediakit.compare._common import lexicon
from mediakit.compare.authors import report_names, same_author_groups
from mediakit.compare.claims import verb_forms

MOSUL = {
    "a.txt": "Rebels capture Mosul after long siege\n\n"
    "Rebel forces captured the town of Mosul on Sunday when the defenders ran out of food.\n",
    "b.txt": "Rebel fighters take control of Mosul\n\n"
    "Rebel fighters took control of Mosul on Sunday, pushing back the last defenders.\n"
    "The government said its troops will retake Mosul within days.\n",
}
PLACE = '[[entity]]\nname = "Mosul"\nlabel = "GPE"\n'


def _by_text(found, part):
    return next(c for c in found if part in c.text)


# --------------------------------------------------------------------------- 1. cues


def test_seed_phrases_are_gone_from_the_general_lists():
    lex = lexicon()
    cues = {
        c.lower() for key in ("dispute_cues", "claim_cues", "forecast_phrases") for c in lex[key]
    }
    for seed_phrase in (
        "when the",
        "is working to",
        "others suggest",
        "however, others",
        "fighting is ongoing",
        "pushing back",
    ):
        assert seed_phrase not in cues
    assert "prepared to be deployed" not in lex["figure_events"]["sent"]
    assert "syrians" not in lex["figure_nouns"]["people"]


def test_when_clause_and_pushing_back_are_facts(make_case):
    case = case_from(make_case, MOSUL, PLACE)
    found = claims(case)
    assert _by_text(found, "when the defenders").status == "fact"
    assert _by_text(found, "pushing back").status == "fact"
    assert _by_text(found, "will retake").status == "forecast"


def test_forecast_is_grammatical(make_case):
    text = (
        "Army about to take Mosul\n\n"
        "Government forces are working to capture Mosul.\n"
        "US forces are working to limit patrols, two days after the army captured Mosul.\n"
        "Mosul is expected to fall within a week.\n"
        "Troops may soon enter Mosul.\n"
        "Troops entered Mosul, which will open the road north.\n"
    )
    case = case_from(make_case, {"a.txt": text}, PLACE)
    found = claims(case)
    assert _by_text(found, "are working to capture").status == "forecast"
    assert _by_text(found, "working to limit").status == "fact"  # "limit" is not the event
    assert _by_text(found, "expected to fall").status == "forecast"
    assert _by_text(found, "may soon enter").status == "forecast"
    assert _by_text(found, "which will open").status == "fact"  # the future is elsewhere


def test_forecast_through_the_parse(make_case, nlp):
    text = (
        "Siege\n\n"
        "If the defenders run out of food, the army will not be able to hold back and "
        "Mosul falls.\n"
        "When Mosul is isolated, troops will storm it.\n"
        "The army captured Mosul when the defenders ran out of food.\n"
    )
    case = case_from(make_case, {"a.txt": text}, PLACE)
    docs = {case.reports[0].id: nlp(case.reports[0].text)}
    found = claims(case, docs=docs)
    assert _by_text(found, "When Mosul is isolated").status == "forecast"
    assert _by_text(found, "The army captured Mosul").status == "fact"


def test_dispute_needs_contradiction_or_a_contrasting_source(make_case):
    text = (
        "Mosul\n\n"
        "Some residents say the army seized Mosul, but others say the rebels still hold it.\n"
        "The army captured Mosul, fighting is ongoing in the suburbs.\n"
        "The rebel command denied that the army entered Mosul.\n"
        "Officials said the army had taken Mosul.\n"
        "Others say the army never got past the bridge.\n"
        "Troops stormed Mosul on Friday.\n"
        "Others say the city was empty.\n"
    )
    case = case_from(make_case, {"a.txt": text}, PLACE)
    found = claims(case)
    assert _by_text(found, "but others say").status == "disputed"
    assert _by_text(found, "fighting is ongoing").status == "fact"
    assert _by_text(found, "denied").status == "disputed"
    assert _by_text(found, "Officials said").status == "disputed"  # next sentence contrasts
    assert _by_text(found, "Troops stormed").status == "fact"  # no other source to contrast


def test_nationality_in_the_plural_counts_people(make_case, nlp):
    from mediakit.compare.figures import classify_figure
    from mediakit.records import Figure

    text = "Exodus\n\nOver the week 5,000 Ukrainians crossed into the town.\n"
    case = case_from(make_case, {"a.txt": text})
    r = case.reports[0]
    s = text.index("5,000")
    fig = Figure(text="5,000", start=s, end=s + 5, value=5000, what="", source=None)
    assert classify_figure(fig, r)["thing"] == "people"
    assert classify_figure(fig, r, doc=nlp(text))["thing"] == "people"


# --------------------------------------------------------------------------- 2. any event


ELECTION = {
    "a.txt": "Maria Lopez wins Springfield mayoral race\n\n"
    "Maria Lopez won the mayoral election in Springfield on Tuesday.\n",
    "b.txt": "Lopez elected mayor of Springfield\n\n"
    "Voters in Springfield elected Maria Lopez as mayor on Tuesday, officials said.\n",
    "c.txt": "Springfield race too close to call\n\n"
    "Maria Lopez could win Springfield if the postal votes hold.\n",
}


def test_claims_of_an_election_from_the_reports_alone(make_case):
    analysis = analyze(load_case(make_case(ELECTION)))
    comps = analysis.comparisons
    assert "won" in event_verbs_of(analysis.case, docs=analysis.docs)
    assert main_places(analysis.case, docs=analysis.docs)[0][0] == "Springfield"
    status = {c.report: c.status for c in comps.claims if not c.in_headline}
    assert status == {"a": "fact", "b": "claimed", "c": "forecast"}
    assert comps.notes == ()


def test_case_names_the_event(make_case):
    files = {
        "a.txt": "Vote\n\nThe council approved the Riverside bridge plan on Monday.\n",
        "b.txt": "News\n\nThe council will vote on the Riverside bridge plan.\n",
    }
    toml = 'event_place = "Riverside"\nevent_verbs = ["approve", "vote"]\n'
    case = load_case(make_case(files, toml))
    assert case.event_place == "Riverside" and case.event_verbs == ("approve", "vote")
    found = claims(case)
    assert [(c.report, c.status) for c in found] == [("a", "fact"), ("b", "forecast")]
    assert found[0].event == "passed"  # "approve" belongs to the law domain


def test_bad_event_verbs_say_so_plainly(make_case):
    from mediakit.errors import CaseError

    with pytest.raises(CaseError, match="event_verbs"):
        load_case(make_case({"a.txt": "x\n\ny\n"}, "event_verbs = 3\n"))


def test_no_claims_come_with_a_reason(make_case):
    files = {
        "a.txt": "A recipe\n\nMix the flour with the eggs.\n",
        "b.txt": "Another recipe\n\nBake the bread for an hour.\n",
    }
    analysis = analyze(load_case(make_case(files)))
    assert analysis.comparisons.claims == ()
    note = analysis.comparisons.notes[0]
    assert note.startswith("No claims found") and "event_place" in note
    assert analysis.comparisons.to_dict()["notes"] == [note]


def test_verb_forms():
    assert {"captures", "captured", "capturing"} <= set(verb_forms("capture"))
    assert {"took", "taken", "taking"} <= set(verb_forms("take"))
    assert {"acquitted", "acquits"} <= set(verb_forms("acquit"))
    assert "cuts off" in verb_forms("cut off")


# --------------------------------------------------------------------------- 3. names from text


WIRE = (
    "The river has burst its banks again, and the town of Lowmoor is under water after "
    "three days of heavy rain that forecasters had warned about for a week."
)


def test_names_from_the_copies_without_case_toml(make_case):
    a = f"Floods in Lowmoor\n\nBy Valley Times\n\n{WIRE}\n\nArticles by: Valley Times\n"
    b = (
        f"Lowmoor under water\n\nDaily Post, March 03, 2021\n\n{WIRE}\n\n"
        "The original source of this article is Valley Times\n"
    )
    c = (
        f"Lowmoor floods\n\nDaily Post, March 05, 2021\n\n{WIRE}\n\n"
        "Articles by: Valley Times\n\nwww.dailypost.com contains copyrighted material.\n"
    )
    case = load_case(make_case({"a.txt": a, "b.txt": b, "c.txt": c}))
    assert report_names(case.report("b")).outlet == "Daily Post"
    assert report_names(case.report("b")).original_author == "Valley Times"
    groups = {(g.author, g.role): g.reports for g in same_author_groups(case)}
    assert groups[("Valley Times", "author")] == ("a", "b", "c")
    assert groups[("Daily Post", "publisher")] == ("b", "c")
    passages = compare(case, {}).shared_passages
    assert passages and all(p.credited for p in passages)


def test_outlet_named_by_told_and_its_page_furniture(make_case):
    quote = (
        "We have nothing left here and nobody is coming to help us rebuild our homes "
        "before the winter"
    )
    a = (
        f'Flood\n\nOne farmer, speaking to River News, said: "{quote}."\n\n'
        "Sign up to River News newsletters\n"
    )
    b = f'Flood again\n\nOne local said: "{quote}."\n'
    case = load_case(make_case({"a.txt": a, "b.txt": b}))
    assert report_names(case.report("a")).outlet == "River News"
    p = compare(case, {}).shared_passages[0]
    assert p.origin == "a" and p.copy == "b" and not p.credited


def test_seeds_as_a_plain_folder_keep_groups_and_credit(tmp_path, seed_analysis):
    src = seed_analysis.case.path
    for f in src.glob("*.txt"):
        shutil.copy(f, tmp_path / f.name)
    plain = load_case(tmp_path)
    assert all(r.outlet is None for r in plain.reports)
    groups = same_author_groups(plain)
    assert [(g.role, len(g.reports)) for g in groups] == [("author", 3), ("publisher", 2)]
    assert groups[0].author == "South Front" and groups[1].author == "Global Research"
    ids = {r.file[:3]: r.id for r in plain.reports}
    passages = compare(plain, {}).shared_passages
    gr = [p for p in passages if {p.a, p.b} == {ids["001"], ids["003"]}]
    assert gr and all(p.credited for p in gr)


# --------------------------------------------------------------------------- 4. one side resolver


def test_side_of_is_the_one_resolver(make_case):
    toml = """
[[sides]]
name = "rebels"
label = "the rebels"
terms = ["rebels", "rebel forces"]
[[sides]]
name = "government"
label = "the government"
terms = ["government forces", "the army"]
[[entity]]
name = "Colonel Smith"
label = "PERSON"
side = "government"
"""
    case = case_from(make_case, {"a.txt": "x\n\ny\n"}, toml)
    assert side_of("a spokesman for the rebel forces", case) == "rebels"
    assert side_of("pro-government sources", case) == "government"
    assert side_of("he", case, resolves_to="Colonel Smith") == "government"
    assert side_of("a UN official", case) is None
    assert side_of(None, case) is None
    text = "x\n\nThe army took the town, the rebels said.\n"
    case2 = case_from(make_case, {"a.txt": text}, toml)
    from mediakit.compare import source_mix

    recs = {
        "a": records("a", attributions=[attribution(text, "the rebels", "partisan_unnamed", False)])
    }
    assert [m.side for m in source_mix(case2, recs)] == ["rebels"]
