"""The loaded-wording matcher: lemma matching, hyphenated words, senses, quotes, extra entries."""

from __future__ import annotations

import tomllib
from importlib import resources

import pytest

from mediakit.extract.wording import LexiconError, default_lexicon, loaded_terms
from mediakit.records import TERM_CATEGORIES


@pytest.fixture(scope="module")
def terms(nlp):
    def _terms(text: str, **kw):
        return [(t.text, t.category) for t in loaded_terms(nlp(text), **kw)]

    return _terms


def test_matching_is_by_lemma(terms):
    got = terms("The army liberated two towns and is liberating a third; it liberates them all.")
    assert got == [
        ("liberated", "victory_framing"),
        ("liberating", "victory_framing"),
        ("liberates", "victory_framing"),
    ]


def test_hyphenated_words_are_whole_words(terms):
    got = terms(
        "Pro-militant sources and anti-terrorist units met Rebel-backer Turkey. "
        "The so-called rebels held an all-important road."
    )
    assert ("militant", "actor_labeling") not in got
    assert ("terrorist", "actor_labeling") not in got
    assert ("Rebel", "actor_labeling") not in got
    assert ("so-called", "scare_quotes") in got
    assert ("rebels", "actor_labeling") in got
    assert ("all-important", "intensifier") in got


def test_longest_match_wins(terms):
    got = terms("Government troops have regained control over the city.")
    assert got == [("regained control", "victory_framing")]


def test_senses_told_apart_by_the_parse(terms):
    neutral = terms(
        "Prices fell in the fall and entry is free of charge. A storm hit the coast in May. "
        "A new ceasefire regime began. He could not afford it."
    )
    assert neutral == []
    loaded = terms(
        "The town fell to the army, which stormed the base and freed the hostages. "
        "The fall of Kabul came fast. The regime may collapse."
    )
    cats = dict(loaded)
    assert cats["fell"] == "victory_framing"
    assert cats["stormed"] == "violence_framing"
    assert cats["freed"] == "victory_framing"
    assert cats["fall"] == "victory_framing"
    assert cats["regime"] == "actor_labeling"
    assert cats["may"] == "hedge"


def test_words_inside_quotations_are_the_speakers(terms):
    text = 'The rebel said: "We will liberate the entire city." Troops reportedly withdrew.'
    assert terms(text) == [("rebel", "actor_labeling"), ("reportedly", "hedge")]
    inside = terms(text, in_quotes=True)
    assert ("liberate", "victory_framing") in inside and ("entire", "intensifier") in inside


def test_scare_quotes_give_the_inner_words(nlp):
    text = "Washington armed the ‘moderate’ rebels before a 'humanitarian ceasefire' began."
    got = [t for t in loaded_terms(nlp(text)) if t.category == "scare_quotes"]
    assert [t.text for t in got] == ["moderate", "humanitarian ceasefire"]
    assert all(text[t.start : t.end] == t.text for t in got)


def test_extra_entries_and_a_learners_own_lexicon(nlp):
    doc = nlp("The freedom convoy blocked the bridge; the insurgents fled.")
    assert [t.text for t in loaded_terms(doc)] == ["insurgents"]
    more = loaded_terms(doc, extra={"actor_labeling": ["freedom convoy"]})
    assert [(t.text, t.category) for t in more] == [
        ("freedom convoy", "actor_labeling"),
        ("insurgents", "actor_labeling"),
    ]
    own = loaded_terms(doc, lexicon={"violence_framing": ["block"]})
    assert [(t.text, t.category) for t in own] == [("blocked", "violence_framing")]


def test_a_broken_lexicon_is_explained(nlp):
    doc = nlp("Text.")
    with pytest.raises(LexiconError, match="actor_labeling"):
        loaded_terms(doc, extra={"actor_labeling": [{"word": "x"}]})
    with pytest.raises(LexiconError, match="sense"):
        loaded_terms(doc, extra={"hedge": [{"text": "x", "sense": "nonsense"}]})


@pytest.mark.parametrize(
    "text, expected",
    [
        # protest
        (
            "Police said thugs and rioters looted shops in a brutal rampage.",
            {("thugs", "actor_labeling"), ("rioters", "actor_labeling"),
             ("brutal", "violence_framing"), ("rampage", "violence_framing")},
        ),
        # politics
        (
            "Putin's army retook the village; the so-called referendum was reportedly rigged.",
            {("Putin's army", "actor_labeling"), ("retook", "victory_framing"),
             ("so-called", "scare_quotes"), ("reportedly", "hedge")},
        ),
        # sport
        ("United crushed City in a devastating 5-0 rout.",
         {("crushed", "violence_framing"), ("devastating", "violence_framing"),
          ("rout", "victory_framing")}),
        # disaster
        ("The quake was an unprecedented catastrophe that apparently destroyed the entire town.",
         {("unprecedented", "intensifier"), ("apparently", "hedge"), ("entire", "intensifier")}),
        # crime: a legal charge is not loaded wording
        ("He was charged with murder, and the suspect may be a gang member.", {("may", "hedge")}),
    ],
)  # fmt: skip
def test_other_genres(terms, text, expected):
    assert set(terms(text)) == expected


def test_shipped_lexicon_is_documented():
    lex = default_lexicon()
    assert set(lex) == set(TERM_CATEGORIES)
    readme = resources.files("mediakit").joinpath("data/lexicon/README.md").read_text("utf-8")
    folder = resources.files("mediakit").joinpath("data/lexicon")
    for f in folder.iterdir():
        if f.name.endswith(".toml"):
            data = tomllib.loads(f.read_text("utf-8"))
            for entry in data["terms"]:
                assert f"`{entry['source']}`" in readme, (f.name, entry)


def test_seed_labels_found(seed_analysis):
    found = {
        (t.text.lower(), t.category)
        for rec in seed_analysis.records.values()
        for t in rec.loaded_terms
    }
    for item in [
        ("liberated", "victory_framing"),
        ("stormed", "violence_framing"),
        ("terrorist", "actor_labeling"),
        ("reportedly", "hedge"),
        ("all-important", "intensifier"),
        ("moderate", "scare_quotes"),
    ]:
        assert item in found
    assert ("militant", "actor_labeling") in found
    texts = {t.text for rec in seed_analysis.records.values() for t in rec.loaded_terms}
    assert "Rebel-backer" not in texts and "pro-militant" not in texts


def test_common_news_words_of_other_genres(terms):
    got = set(terms(
        "Union bosses slammed the offer as chaos spread through the port. A hero nurse was "
        "praised. Fuel prices soared in a staggering rise, and the storm tore through two "
        "villages. Police launched a crackdown on the protests."
    ))  # fmt: skip
    assert {
        ("bosses", "actor_labeling"), ("slammed", "loaded_verb"), ("chaos", "violence_framing"),
        ("hero", "actor_labeling"), ("soared", "intensifier"), ("staggering", "intensifier"),
        ("tore through", "violence_framing"), ("crackdown", "violence_framing"),
    } <= got  # fmt: skip
    assert ("storm", "violence_framing") not in got


def test_sham_and_so_called_marks_are_scare_quotes(terms):
    got = terms(
        'Voters stayed home from the sham poll, and the so-called "reform package" stalled.'
    )
    assert ("sham", "scare_quotes") in got
    assert ("reform package", "scare_quotes") in got


def test_a_medical_count_of_suspected_cases_is_no_hedge(terms):
    assert terms("Doctors recorded 210 suspected measles cases in the district.") == []
    assert terms("The suspected gunman fled on foot.") == [("suspected", "hedge")]


def test_crush_crushing_and_a_crowd_crush(terms):
    assert terms("Two fans were hurt in the crush at the gate.") == []
    assert terms("The army crushed the uprising.") == [("crushed", "violence_framing")]
    assert terms("The mayor won a crushing majority.") == [("crushing", "victory_framing")]


def test_a_landslide_win_and_a_landslide_on_a_road(terms):
    assert terms("Heavy rain set off a landslide that buried the mountain road.") == []
    assert terms("The governor won re-election in a landslide.") == [
        ("landslide", "victory_framing")
    ]


def test_clearing_a_place_of_people_not_a_backlog_or_a_charge(terms):
    assert (
        terms("Engineers cleared a backlog of repairs. The coach was cleared of wrongdoing.") == []
    )
    assert terms("Troops cleared the valley of rebels.") == [
        ("cleared", "victory_framing"), ("rebels", "actor_labeling"),
    ]  # fmt: skip


def test_could_of_past_ability_is_no_hedge(terms):
    assert terms("Repairs will start once engineers could safely reach the bridge.") == []
    assert terms("Officials said the bridge could collapse.") == [("could", "hedge")]


def test_neutral_senses_of_total_historic_severe_possible_regain_storm_demolish(terms):
    neutral = terms(
        "The total cost was $3m. Tours of the historic centre resume on Monday. "
        "Forecasters issued a severe weather warning. Repairs will finish as soon as possible. "
        "The patient regained consciousness. The minister stormed out of the meeting. "
        "Crews demolished the old stadium."
    )  # fmt: skip
    assert neutral == []
    loaded = terms(
        "The bridge suffered total destruction in a historic flood. A possible cause is a gas "
        "leak. Rebels regained the town, stormed the port and demolished the army's defences."
    )  # fmt: skip
    assert [w for w, _ in loaded] == [
        "total", "historic", "possible", "Rebels", "regained", "stormed", "demolished",
    ]  # fmt: skip


def test_a_case_lexicon_adds_words_and_its_category_wins(nlp):
    doc = nlp("The home side humbled the visitors in a rout.")
    terms = {
        t.text: t.category
        for t in loaded_terms(
            doc, extra={"victory_framing": ["humble"], "violence_framing": ["rout"]}
        )
    }
    assert terms == {"humbled": "victory_framing", "rout": "violence_framing"}


def test_a_misspelt_category_is_refused_in_plain_words(nlp):
    from mediakit.errors import MediakitError

    with pytest.raises(MediakitError, match="victry_framing"):
        loaded_terms(nlp("A rout."), extra={"victry_framing": ["rout"]})


def test_tabloid_labels_for_people(terms):
    got = set(terms(
        "The disgraced banker, a greedy fraudster and slick-talking crook, faced the court. "
        "Two hardline councillors walked out."
    ))  # fmt: skip
    assert {
        ("disgraced", "actor_labeling"), ("greedy", "actor_labeling"),
        ("fraudster", "actor_labeling"), ("slick-talking", "actor_labeling"),
        ("crook", "actor_labeling"), ("hardline", "actor_labeling"),
    } <= got  # fmt: skip


def test_boss_as_a_label_but_not_as_a_title_before_a_name(terms):
    assert terms("United boss Ann Lee praised the fans.") == []
    assert terms("Union bosses rejected the offer.") == [("bosses", "actor_labeling")]


def test_boosters_framing_verbs_and_defeat_as_humiliation(terms):
    got = set(terms(
        "The overwhelming majority backed the landmark ruling. The mayor rammed the plan "
        "through, and the fraudster was caged for six years. It was a humiliation for the "
        "visitors."
    ))  # fmt: skip
    assert {
        ("overwhelming", "intensifier"), ("landmark", "intensifier"),
        ("caged", "violence_framing"), ("humiliation", "victory_framing"),
    } <= got  # fmt: skip
    assert terms("Rebels rammed through the plan.") == [
        ("Rebels", "actor_labeling"), ("rammed through", "violence_framing"),
    ]  # fmt: skip


def test_plain_words_that_look_like_lexicon_words(terms):
    # "routes" is not a form of "rout"; a landmark building, the legal "probable cause" and
    # streets left in rubble by a quake are plain description
    assert terms(
        "The plan adds 14 new bus routes. The old mill is a listed landmark. Police had "
        "probable cause to search the car. Whole streets were reduced to rubble by the quake."
    ) == []  # fmt: skip
    assert terms("The old city was reduced to rubble by the shelling.") == [
        ("reduced to rubble", "violence_framing"),
    ]


def test_a_name_in_marks_after_so_called_is_a_scare_quote(terms):
    got = terms('The council passed its so-called "Clean Air Plan" on Monday.')
    assert ("Clean Air Plan", "scare_quotes") in got


# ---------------------------------------------------------------- issue 10: opinionated news


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # loaded verbs of speech and action, and their literal uses in sport and business
        ("The coach slammed the referee after the match.", {("slammed", "loaded_verb")}),
        ("The striker slammed the ball into the net.", set()),
        ("She slammed the door and left the boardroom.", set()),
        ("The chief executive lashed out at analysts on Tuesday.", {("lashed out", "loaded_verb")}),
        ("The bank doubled down on its forecast.", {("doubled down", "loaded_verb")}),
        ("The winger blasted a shot over the bar.", set()),
        ("The rocket blasted off at dawn.", set()),
        ("The defendant pleaded guilty to fraud.", set()),
        ("The defendant pleaded with the judge for mercy.", {("pleaded", "loaded_verb")}),
        ("Fans complained that tickets cost too much.", {("complained", "loaded_verb")}),
        # judging words, and the same words in their plain technical sense
        ("The board approved a controversial pay deal.", {("controversial", "evaluative")}),
        ("The minister staunchly defended the bizarre plan.",
         {("staunchly", "evaluative"), ("bizarre", "evaluative")}),
        ("Crude oil prices rose by 3% on Monday.", set()),
        ("The factory released toxic waste into the river.", set()),
        ("Extreme weather closed the schools.", set()),
        ("The company repaid its outstanding debt.", set()),
        ("Researchers studied an inflammatory disease in mice.", set()),
        ("The club described the tackle as reckless.", {("reckless", "evaluative")}),
        # doubt-casting words
        ("The firm claimed that its drug cures colds.", {("claimed", "doubt_casting")}),
        ("Her claims of a cover-up were baseless.",
         {("claims", "doubt_casting"), ("baseless", "doubt_casting")}),
        ("The champions claimed the title on Sunday.", set()),
        ("The storm claimed 12 lives.", set()),
        ("Insurance claims rose after the floods.", set()),
        # dismissive framing
        ("The club pushed a narrative of financial ruin.", {("narrative", "dismissive")}),
        ("The novel's narrative moves between two cities.", set()),
        ("Scientists rejected the conspiracy theory about the vaccine trial.",
         {("conspiracy theory", "dismissive")}),
        ("The theory of plate tectonics explains earthquakes.", set()),
        ("The merger was a desperate attempt to stay afloat.", {("desperate", "dismissive")}),
        ("Aid agencies said families were in desperate need of water.", set()),
        ("The stunt performer trained for months.", set()),
        ("Critics called the price cut a publicity stunt.", {("stunt", "dismissive")}),
        # labels
        ("A far-right group marched through the town.", {("far-right", "actor_labeling")}),
        # -backed stays out: sponsorship, usually accurately told
        ("Venture-backed startups raised more money.", set()),
        ("An Iran-backed militia claimed the attack.", {("militia", "actor_labeling")}),
    ],
)  # fmt: skip
def test_opinionated_news_categories(terms, text, expected):
    assert set(terms(text)) == expected


def test_new_categories_carry_a_label_and_help_text():
    folder = resources.files("mediakit").joinpath("data/lexicon")
    for cat in ("loaded_verb", "evaluative", "doubt_casting", "dismissive"):
        data = tomllib.loads(folder.joinpath(f"{cat}.toml").read_text("utf-8"))
        assert data["category"] == cat
        assert data["label"] and data["description"]
        assert cat in TERM_CATEGORIES


def test_group_label_sense_for_a_teachers_own_list(terms):
    extra = {"actor_labeling": [{"text": "*-backed", "sense": "group_label"}]}
    assert terms("An Iran-backed militia fired rockets.", extra=extra) == [
        ("Iran-backed", "actor_labeling"),
        ("militia", "actor_labeling"),
    ]
    assert terms("The state-backed loans were repaid.", extra=extra) == []


def test_the_adverb_of_a_loaded_adjective_is_loaded_too(terms):
    # a restaurant review and a sports column: "outrageous" and "radical" are listed, so are
    # "outrageously" and "radically"; plain adverbs and narrowed adjectives are not
    got = terms("The chef is outrageously talented, and the menu was radically rewritten.")
    assert ("outrageously", "evaluative") in got
    assert ("radically", "evaluative") in got  # "radical" is a label; its adverb judges
    plain = terms("The team quickly scored twice; the club was historically strong at home.")
    assert plain == []


def test_a_disease_named_after_a_place_or_a_people(terms):
    got = terms("The columnist kept calling it the Ruritanian flu, and later the Wuhan virus.")
    assert ("Wuhan virus", "actor_labeling") in got
    assert any(cat == "actor_labeling" and text.endswith("flu") for text, cat in got)
    # a count of cases in a place, and a disease with no place in its name, are plain
    assert terms("Texas coronavirus cases rose again as the virus spread.") == []
    assert terms("The flu season started early in Canada.") == []


def test_threaten_as_a_statement_by_people_not_by_weather(terms):
    got = terms("Residents threatened to withhold their rent, and the union threatened a strike.")
    assert got == [("threatened", "loaded_verb"), ("threatened", "loaded_verb")]
    assert terms("Rising seas threaten thousands of coastal homes.") == []
    assert terms("Heavy debts threatened the future of the bakery.") == []


def test_white_supremacist_is_one_label(terms):
    assert terms("The court jailed a white supremacist on Friday.") == [
        ("white supremacist", "actor_labeling")
    ]


def test_suggest_is_a_hedge_of_evidence_not_a_verb_of_saying(terms):
    # a science page: the evidence suggests (the writer hedges); a council report: a person
    # suggests (an attribution, not a hedge)
    assert terms("Early data suggest the comet is older than thought.") == [("suggest", "hedge")]
    assert terms("Prices rose, suggesting that demand is strong.") == [("suggesting", "hedge")]
    assert terms("The councillor suggested that the vote be delayed.") == []
    assert terms("Harris suggested a new timetable for the bridge works.") == []


def test_police_brutality_names_an_issue(terms):
    assert terms("Students marched against police brutality on Friday.") == []
    assert terms("The brutality of the guards shocked the inspectors.") == [
        ("brutality", "violence_framing")
    ]


def test_each_sides_labels_in_the_abortion_debate(terms):
    got = terms(
        "Pro-life groups and pro-choice activists rallied; one speaker called them anti-choice."
    )
    assert got == [
        ("Pro-life", "actor_labeling"),
        ("pro-choice", "actor_labeling"),
        ("anti-choice", "actor_labeling"),
    ]
    assert terms("Anti-abortion groups and abortion-rights activists rallied.") == []


def test_a_manner_adverb_gives_the_writers_reading_of_an_act(terms):
    # a theatre review and a match report: how something was done, judged by the writer
    got = terms("The director angrily rejected the review, and the striker lazily fouled him.")
    assert ("angrily", "evaluative") in got
    assert ("lazily", "evaluative") in got
    # adverbs of time and order, and adverbs that do not modify a verb, are plain
    assert terms("The bridge finally opened; officials suddenly left at noon.") == []
    assert terms("It was a deeply old house.") == []


def test_a_coined_compound_before_a_noun_sums_up_a_judgement(terms):
    # a music column and a council sketch: phrases and participles made into one modifier
    got = terms("The band's over-the-top encore drew a finger-wagging review.")
    assert ("over-the-top", "evaluative") in got
    assert ("finger-wagging", "evaluative") in got
    # plain compounds: prefixes, numbers, reduplication, fixed names of things, and a
    # compound that is not before a noun
    plain = terms(
        "A three-year-old boy with a pre-existing condition joined the search-and-rescue "
        "team for a face-to-face meeting about the cost-of-living grant."
    )
    assert plain == []
    assert terms("The plan was drawn up by the well-known firm.") == []


@pytest.mark.parametrize("bad", [5, {"a": 1}, [1, 2]])
def test_a_lexicon_entry_with_a_wrong_pos_or_not_next_is_a_plain_error(bad):
    from mediakit.extract.wording import LexiconError, load_lexicon

    for key in ("pos", "not_next"):
        with pytest.raises(LexiconError, match=f"'{key}' of the entry 'storm'"):
            load_lexicon({"hedge": [{"text": "storm", key: bad}]}, where="case.toml")
    terms = load_lexicon({"hedge": [{"text": "storm", "pos": "VERB"}]})  # one word is a list of one
    assert terms["hedge"][0].pos == ("VERB",)
