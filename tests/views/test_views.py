"""The widgets, driven through their controls as a learner would, without a browser."""

from __future__ import annotations

import pytest
from handmade import handmade_analysis
from htmlcheck import assert_safe, parse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mediakit import render, views
from mediakit.analysis import CaseAnalysis
from mediakit.cases import Case, Report
from mediakit.compare import Comparisons
from mediakit.errors import MediakitError
from mediakit.records import Attribution, Figure, LoadedTerm, Quote, Region, ReportRecords


@pytest.fixture(scope="module")
def analysis(seed_case):
    return handmade_analysis(seed_case)


@pytest.fixture(scope="module")
def bare(seed_case):
    """Hand-made records but no comparisons: views must fall back on their own matching."""
    return handmade_analysis(seed_case, comparisons=False)


def column(html: str, rid: str) -> str:
    start = html.index(f'data-report="{rid}"')
    nxt = html.find('class="mk-report"', start)
    return html[start : nxt if nxt > 0 else len(html)]


def pick(view, startswith: str) -> str:
    for label, value in view.controls["annotation"].options:
        if value.startswith(startswith) or label.startswith(startswith):
            view.controls["annotation"].value = value
            return value
    raise AssertionError(f"no annotation {startswith!r}")


# ---------------------------------------------------------------------------- reader


def test_reader_toggles_layers(analysis):
    v = views.reader(analysis)
    text = v.controls["text"]
    assert "mk-quote" in text.value and "mk-boiler" in text.value
    v.controls["quotes"].value = False
    assert "mk-quote" not in text.value and "one HTS militant:" not in "".join(
        parse(text.value).all_text
    )
    assert not any(
        val.split("|")[1].startswith("q")
        for _, val in v.controls["annotation"].options[1:]
        if "|" in val and not val.startswith("shared")
    )
    v.controls["boilerplate"].value = False
    assert "mk-boiler" not in text.value
    v.controls["quotes"].value = True
    assert "mk-quote" in text.value
    assert_safe(text.value)


def test_reader_margin_note_names_the_speaker(analysis):
    v = views.reader(analysis, reports=["21wire", "mee"], layers=("quotes",))
    col = column(v.controls["text"].value, "mee")
    notes = "".join(parse(col).all_text)
    assert "Akram al-Masri:" in notes and "Rebel fighter:" in notes
    assert 'title="Quote. Speaker: Akram al-Masri (named person); reporting verb: said"' in col


def test_selecting_a_quote_explains_it_and_highlights_it_in_the_other_report(analysis):
    v = views.reader(analysis, reports=["21wire", "mee", "sputnik"])
    pick(v, "21wire|q1")
    detail = v.controls["detail"].value
    assert "one HTS militant" in detail and "added" in detail and "Middle East Eye" in detail
    html = v.controls["text"].value
    assert 'class="mk-shared"' in column(html, "mee")
    assert "mk-selected" in column(html, "21wire")
    assert 'class="mk-shared"' not in column(html, "sputnik")
    v.controls["annotation"].value = ""
    assert 'class="mk-shared"' not in v.controls["text"].value


def test_without_comparisons_the_reader_matches_quote_words(bare):
    v = views.reader(bare, reports=["21wire", "mee"])
    pick(v, "21wire|q1")
    mee = column(v.controls["text"].value, "mee")
    assert mee.count('class="mk-shared"') >= 2  # the pull quote and the body quote
    assert "same words as in 21st Century Wire" in "".join(parse(mee).all_text)


def test_selecting_a_shared_passage_entry_highlights_both_sides(analysis):
    v = views.reader(analysis, reports=["21wire", "mee"])
    pick(v, "shared passage")
    html = v.controls["text"].value
    assert 'class="mk-shared"' in column(html, "21wire") and 'class="mk-shared"' in column(
        html, "mee"
    )
    assert "credits the source: no" in v.controls["detail"].value


def test_selection_of_a_hidden_layer_is_cleared(analysis):
    v = views.reader(analysis)
    pick(v, "sputnik|f0")
    assert "soldiers killed" in v.controls["detail"].value
    v.controls["figures"].value = False
    assert v.controls["annotation"].value == ""
    assert "Choose a mark" in v.controls["detail"].value


def test_reader_term_detail_names_the_lexicon_category(analysis):
    v = views.reader(analysis)
    pick(v, "sputnik|t1")
    assert "scare quotes" in v.controls["detail"].value


def test_reader_report_choice_and_filters(analysis):
    v = views.reader(analysis)
    assert v.controls["text"].value.count('class="mk-report"') == 5
    v.controls["reports"].value = ("sputnik",)
    assert v.controls["text"].value.count('class="mk-report"') == 1
    assert "at least two" in v.controls["message"].value
    v.controls["reports"].value = ("sputnik", "mee")
    assert v.controls["message"].value == ""
    v.controls["source_types"].value = ("media_outlet",)
    html = v.controls["text"].value
    assert "mk-src-media_outlet" in html and "mk-src-official_body" not in html
    v.controls["term_categories"].value = ()
    assert "mk-term" not in v.controls["text"].value


def test_clicking_a_mark_in_the_text_explains_it_like_the_list(analysis):
    v = views.reader(analysis, reports=["21wire", "mee", "sputnik"])
    text = v.controls["text"]
    text.selected = "21wire|q1"  # what the browser sends when the quote is clicked
    assert v.controls["annotation"].value == "21wire|q1"  # the Explain list follows
    detail = v.controls["detail"].value
    assert "one HTS militant" in detail and "added" in detail and "Middle East Eye" in detail
    assert "mk-selected" in column(text.value, "21wire")
    # choosing in the list moves the selection in the text too
    pick(v, "sputnik|t1")
    assert text.selected == "sputnik|t1" and "scare quotes" in v.controls["detail"].value
    v.controls["annotation"].value = ""
    assert (
        text.selected == ""
        and text.scroll_to == ""
        and "Choose a mark" in v.controls["detail"].value
    )


def test_a_shared_quote_scrolls_the_other_column_to_the_same_words(analysis):
    v = views.reader(analysis, reports=["21wire", "mee", "sputnik"])
    text = v.controls["text"]
    text.selected = "21wire|q1"
    target = text.scroll_to
    assert target.startswith("mee|x"), target
    mee = column(text.value, "mee")
    at = mee.index(f'data-passage="{target}"')
    assert 'class="mk-shared"' in mee[at - 60 : at]  # the element jumped to is the highlight
    assert "desperate" in "".join(parse(mee[at:]).all_text)[:200]
    # a mark that is nowhere else brings itself into view instead
    pick(v, "sputnik|t1")
    assert text.scroll_to == "sputnik|t1"
    # a shared-passage entry of the list jumps to the second report's copy
    pick(v, "shared passage")
    assert text.scroll_to.startswith("mee|x") and f'data-passage="{text.scroll_to}"' in text.value


def test_a_click_on_something_not_listed_changes_nothing(analysis):
    v = views.reader(analysis, reports=["21wire", "mee"])
    pick(v, "21wire|q1")
    before = v.controls["detail"].value
    v.controls["text"].selected = "sputnik|q0"  # not a shown report
    assert v.controls["text"].selected == "21wire|q1"
    assert v.controls["annotation"].value == "21wire|q1" and v.controls["detail"].value == before


def test_every_listed_mark_can_be_clicked_and_reached_with_the_keyboard(analysis):
    v = views.reader(analysis, reports=["21wire", "mee", "sputnik"])
    html = v.controls["text"].value
    listed = [
        val
        for _, val in v.controls["annotation"].options[1:]
        if not val.startswith(views.widgets.PASSAGE)
    ]
    assert len(listed) > 20
    for val in listed:
        assert f'data-mark="{val}" tabindex="0"' in html, val
        assert html.count(f'data-mark="{val}" tabindex="0"') == 1  # one tab stop per mark


def test_reports_are_chosen_with_one_checkbox_each(analysis):
    v = views.reader(analysis, reports=["21wire", "mee"])
    chooser = v.controls["reports"]
    assert set(chooser.boxes) == set(analysis.case.report_ids)
    assert [rid for rid, box in chooser.boxes.items() if box.value] == ["21wire", "mee"]
    chooser.boxes["sputnik"].value = True  # a teacher ticks one more
    order = analysis.case.report_ids  # ticked ids come in the case's order
    assert chooser.value == tuple(r for r in order if r in {"21wire", "mee", "sputnik"})
    assert v.controls["text"].value.count('class="mk-report"') == 3
    chooser.value = ("sputnik",)  # from code: tick exactly these
    assert not chooser.boxes["21wire"].value and chooser.boxes["sputnik"].value
    assert "at least two" in v.controls["message"].value
    with pytest.raises(MediakitError, match="no report called"):
        chooser.value = ("nope",)


def test_the_reader_script_only_shows_the_kits_html():
    js = views.ReaderText._esm
    assert js.count("innerHTML =") == 1 and "root.innerHTML = html;" in js
    assert 'const html = model.get("value")' in js
    for word in (
        "import ",
        "fetch(",
        "XMLHttpRequest",
        "eval(",
        "insertAdjacentHTML",
        "outerHTML",
        "document.write",
        "textContent",
    ):
        assert word not in js, word


def test_reader_refuses_bad_arguments_in_plain_words(analysis):
    with pytest.raises(MediakitError, match="at most 5"):
        views.reader(analysis, reports=[*analysis.case.report_ids, "21wire"])
    with pytest.raises(MediakitError, match="Unknown layer"):
        views.reader(analysis, layers=("quotes", "colours"))


def test_reader_shows_what_it_can_when_asked_for_reports_the_case_lacks(analysis):
    """A lesson written for the seed case runs on another: unknown ids are named, not fatal."""
    v = views.reader(analysis, reports=["nope", "mee"])
    assert v.controls["reports"].value == ("21wire", "mee")  # what is left, topped up to two
    msg = "".join(parse(v.controls["message"].value).all_text)
    assert "no report called 'nope'" in msg and "21st Century Wire" in msg
    assert "globalresearch-sf-jan31" in msg  # the case's own reports are listed
    none_left = views.reader(analysis, reports=["sputnik-x", "mee-y"])
    assert none_left.controls["reports"].value == tuple(analysis.case.report_ids[:2])
    assert "'sputnik-x', 'mee-y'" in "".join(parse(none_left.controls["message"].value).all_text)
    ok = views.reader(analysis, reports=["sputnik", "mee"])
    assert ok.controls["message"].value == ""


# ---------------------------------------------------------------------------- explorers


def test_source_explorer_filters_by_report_side_and_kind(analysis):
    v = views.source_explorer(analysis)
    table = v.controls["table"]
    assert "Sputnik" in table.value and "Middle East Eye" in table.value
    v.controls["report"].value = "sputnik"
    assert "Middle East Eye" not in table.value and "A Sputnik photojournalist" in table.value
    v.controls["report"].value = ""
    v.controls["side"].value = "fighters"
    assert "one HTS militant" in table.value and "the Libyan National Army" not in table.value
    v.controls["side"].value = ""
    v.controls["source_type"].value = "named_person"
    assert "Akram al-Masri" in table.value and "one HTS militant" not in table.value


def test_quote_tracer_shows_who_is_said_to_have_said_it_where(analysis):
    v = views.quote_tracer(analysis)
    first = v.controls["quote"].options[0][0]
    assert first.startswith("“We are in a very desperate position") and first.endswith(
        "in 2 reports"
    )
    assert "miracle” —" in first  # trailing punctuation of the quote trimmed
    table = v.controls["table"].value
    assert "one HTS militant" in table and "Rebel fighter" in table and "pull quote" in table


def test_quote_tracer_finds_copies_without_quote_marks(seed_case):
    an = handmade_analysis(seed_case, comparisons=False)
    an.records["mee"] = ReportRecords("mee")  # the MEE copy "loses" its quote marks
    v = views.quote_tracer(an)
    for label, value in v.controls["quote"].options:
        if label.startswith("We are in a very desperate"):
            v.controls["quote"].value = value
    assert "NOT marked as a quote" in v.controls["table"].value


def test_figures_table_groups_with_verdicts_and_falls_back(analysis, bare):
    v = views.figures_table(analysis)
    assert "fighters killed — reports give different numbers" in v.controls["table"].value
    assert "verdict" not in v.controls["table"].value.split("Counts, not")[0]
    v.controls["what"].value = "soldiers killed"
    assert (
        "differ" not in v.controls["table"].value and "single source" in v.controls["table"].value
    )
    b = views.figures_table(bare)
    assert "fighters sent to Libya — not compared yet" in b.controls["table"].value
    assert "over 8,000" in b.controls["table"].value


def test_wording_view_labels_per_side_and_terms_per_report(analysis):
    v = views.wording_view(analysis)
    table = v.controls["table"]
    assert "terrorist brigades" in table.value and "armed opposition" in table.value
    v.controls["report"].value = "mee"
    assert "21st Century Wire" not in table.value and "obliterated" in table.value
    v.controls["category"].value = "hedge"
    assert "reportedly" in table.value and "obliterated" not in table.value


def test_views_work_on_a_case_with_no_records(seed_case):
    empty = CaseAnalysis(case=seed_case, model={}, records={}, comparisons=Comparisons())
    v = views.reader(empty)
    assert v.controls["annotation"].options[1:] != () and "mk-boiler" in v.controls["text"].value
    assert "No sources" in views.source_explorer(empty).controls["table"].value
    assert "no quotes" in views.quote_tracer(empty).controls["table"].value
    assert "No figures" in views.figures_table(empty).controls["table"].value
    assert "No loaded terms" in views.wording_view(empty).controls["table"].value


# ---------------------------------------------------------------------------- safety


NASTY = ["<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "<", "&", '"', "'", "</td>"]
nasty = st.lists(
    st.one_of(st.sampled_from(NASTY), st.text(max_size=8)), min_size=1, max_size=8
).map("".join)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=nasty, who=nasty)
def test_every_view_shows_hostile_text_as_text(text, who):
    body = f"{text} said {who}. “{text}” 12 people."
    n = len(body)
    rep = Report(id="r1", file="r1.txt", text=body, outlet=who, body=Region(0, n))
    rep2 = Report(id="r2", file="r2.txt", text=body, outlet=who + "2", body=Region(0, n))
    rec = ReportRecords(
        "r1",
        quotes=(Quote(text, 0, len(text), who, "named_person", who, False),),
        attributions=(Attribution(who, 0, n // 2, "official_body", True, who, body),),
        figures=(Figure(who, n // 3, n, 12.0, who, who),),
        loaded_terms=(LoadedTerm(who, n // 4, n // 2, "hedge", note=who),),
    )
    case = Case(id="c", title=who, path=None, reports=(rep, rep2))
    an = CaseAnalysis(
        case=case, model={}, records={"r1": rec, "r2": rec}, comparisons=Comparisons()
    )
    r = views.reader(an)
    assert "".join(parse(column(r.controls["text"].value, "r1")).report_text) == body
    for _, value in r.controls["annotation"].options[1:]:
        r.controls["annotation"].value = value
        assert_safe(r.controls["detail"].value)
        assert_safe(r.controls["text"].value)
    for build in (
        views.source_explorer,
        views.quote_tracer,
        views.figures_table,
        views.wording_view,
    ):
        assert_safe(build(an).controls["table"].value)


# ---------------------------------------------------------------------------- no analysis

NOT_STARTED = "Run the lesson.start(...) cell first; it reported a problem above."


@pytest.mark.parametrize("nothing", [None, "stub"])
def test_every_view_given_no_analysis_says_to_run_start_first(nothing):
    from mediakit.views.display import NoAnalysis

    analysis = NoAnalysis("no such folder") if nothing == "stub" else None
    for build in (
        views.reader,
        views.source_explorer,
        views.quote_tracer,
        views.figures_table,
        views.wording_view,
    ):
        v = build(analysis)
        text = "".join(parse(v.controls["message"].value).all_text)
        assert text == NOT_STARTED, build.__name__
        assert "Traceback" not in v.controls["message"].value
    r = views.reader(analysis, reports=["sputnik", "mee"])
    assert NOT_STARTED in r.controls["text"].value


def test_the_stub_of_a_failed_start_answers_everything_in_plain_words():
    from mediakit.views.display import NoAnalysis, NotStartedError

    stub = NoAnalysis()
    assert not stub and NOT_STARTED in stub._repr_html_()
    with pytest.raises(NotStartedError, match="Run the lesson.start"):
        stub.records_for("sputnik")
    with pytest.raises(MediakitError):
        stub.case  # noqa: B018


# ---------------------------------------------------------------------------- same outlet twice


def test_two_reports_of_one_outlet_stay_apart_in_every_table(analysis):
    gr = ("Global Research (undated copy)", "Global Research (3 Feb 2020)")
    v = views.source_explorer(analysis)
    pivot = v.controls["table"].value.split("</table>")[0]
    rows = parse(pivot).all_text
    body_rows = pivot.count("<tr>") - 1
    assert body_rows == len(analysis.case.reports) == 5  # one row per report, not per outlet
    assert gr[0] in rows  # jan26 has sources; it is not summed with jan31
    v.controls["report"].value = "globalresearch-sf-jan26"
    assert "(undated copy)" in v.controls["table"].value
    assert "(globalresearch-sf-jan31)" not in v.controls["table"].value
    from mediakit import render

    assert render.row_labels(analysis.case)["globalresearch-sf-jan31"] == gr[1]
    assert render.row_labels(analysis.case)["mee"] == "Middle East Eye"
    assert gr[0] in views.figures_table(analysis).controls["table"].value
    assert gr[0] in views.wording_view(analysis).controls["table"].value


def test_source_pivot_counts_each_report_of_an_outlet_separately(seed_case):
    """Two copies of one outlet, each citing one source: two rows of 1, not one row of 2."""
    a = Report(
        id="x-one",
        file="a.txt",
        text="Officials said it rained.",
        outlet="Same Outlet",
        body=Region(0, 25),
    )
    b = Report(
        id="x-two",
        file="b.txt",
        text="Officials said it rained.",
        outlet="Same Outlet",
        body=Region(0, 25),
    )
    att = Attribution("Officials", 0, 9, "official_body", False, "said", a.text)
    case = Case(id="c", title="t", path=None, reports=(a, b))
    an = CaseAnalysis(
        case=case,
        model={},
        records={
            "x-one": ReportRecords("x-one", attributions=(att,)),
            "x-two": ReportRecords("x-two", attributions=(att,)),
        },
        comparisons=Comparisons(),
    )
    pivot = views.source_explorer(an).controls["table"].value.split("</table>")[0]
    cells = parse(pivot).all_text
    assert "Same Outlet (one)" in cells and "Same Outlet (two)" in cells
    assert "2" not in cells  # nothing was summed


# ---------------------------------------------------------------------------- a report called "shared"


def test_a_report_called_shared_keeps_its_own_marks_apart_from_shared_passages(seed_case):
    from dataclasses import replace as dc_replace

    from mediakit.compare.passages import SharedPassage

    text_a = "Officials said “the bridge is closed to all traffic today” on Monday."
    text_b = "The council said “the bridge is closed to all traffic today” in a post."
    ra = Report(id="shared", file="a.txt", text=text_a, outlet="A", body=Region(0, len(text_a)))
    rb = Report(id="other", file="b.txt", text=text_b, outlet="B", body=Region(0, len(text_b)))
    qa, qb = text_a.index("the bridge"), text_b.index("the bridge")
    n = len("the bridge is closed to all traffic today")
    quote_a = Quote(
        "the bridge is closed to all traffic today",
        qa,
        qa + n,
        "Officials",
        "official_body",
        "said",
        False,
    )
    quote_b = dc_replace(quote_a, start=qb, end=qb + n, speaker="The council")
    case = Case(id="c", title="t", path=None, reports=(ra, rb))
    comps = Comparisons(
        shared_passages=(SharedPassage("shared", qa, qa + n, "other", qb, qb + n, 1.0, False),)
    )
    an = CaseAnalysis(
        case=case,
        model={},
        records={
            "shared": ReportRecords("shared", quotes=(quote_a,)),
            "other": ReportRecords("other", quotes=(quote_b,)),
        },
        comparisons=comps,
    )
    v = views.reader(an)
    values = [val for _, val in v.controls["annotation"].options[1:]]
    assert "shared|q0" in values and "other|q0" in values
    passages = [val for val in values if val.startswith(views.widgets.PASSAGE)]
    assert len(passages) == 1 and "|" not in passages[0]
    v.controls["annotation"].value = "shared|q0"  # the report's own quote, not a passage
    detail = "".join(parse(v.controls["detail"].value).all_text)
    assert detail.startswith("Quote") and "Officials" in detail
    v.controls["text"].selected = "shared|q0"  # a click works the same way
    assert v.controls["annotation"].value == "shared|q0"
    v.controls["annotation"].value = passages[0]
    assert "Shared passage" in v.controls["detail"].value


# ---------------------------------------------------------------------------- notes and fallbacks


def test_notes_from_the_comparison_stage_are_shown_in_the_views(seed_case):
    from dataclasses import dataclass

    @dataclass(frozen=True)
    class WithNotes:
        shared_passages: tuple = ()
        figure_groups: tuple = ()
        labels: tuple = ()
        claims: tuple = ()
        notes: tuple = ()

    comps = WithNotes(
        notes=(
            "No claims: the case names no central place.",
            {"about": "figure_groups", "text": "Figures were not compared."},
        )
    )
    an = CaseAnalysis(case=seed_case, model={}, records={}, comparisons=comps)
    wording = views.wording_view(an).controls["table"].value
    assert "No claims: the case names no central place." in wording
    assert "Figures were not compared." not in wording  # about another view
    assert "Figures were not compared." in views.figures_table(an).controls["table"].value
    assert (
        "Notes from the kit"
        not in views.wording_view(
            CaseAnalysis(case=seed_case, model={}, records={}, comparisons=Comparisons())
        )
        .controls["table"]
        .value
    )


def test_quote_tracer_needs_no_fuzzy_matching(seed_case, monkeypatch):
    """Tracing quotes is exact and cheap: it must work with rapidfuzz unavailable."""
    import sys

    monkeypatch.setitem(sys.modules, "rapidfuzz", None)
    monkeypatch.setitem(sys.modules, "rapidfuzz.fuzz", None)
    an = handmade_analysis(seed_case, comparisons=False)
    v = views.quote_tracer(an)
    assert v.controls["quote"].options[0][0].startswith("“We are in a very desperate")
    assert "in 2 reports" in v.controls["quote"].options[0][0]


# --------------------------------------------------------------------------- teacher walk-through fixes


def test_learners_never_see_character_offsets(analysis):
    import re as _re

    v = views.reader(analysis, reports=["21wire", "mee"])
    for value, _ in [(val, lab) for lab, val in v.controls["annotation"].options if val][:40]:
        v.controls["annotation"].value = value
        detail = v.controls["detail"].value
        assert "characters" not in detail and not _re.search(r"\d+\u2013\d+", detail), detail
    t = views.quote_tracer(analysis)
    assert "characters" not in t.controls["table"].value
    assert "pull quote" in t.controls["table"].value and "paragraph" in t.controls["table"].value


def test_where_in_words_names_headline_paragraph_and_boilerplate(analysis):
    mee = analysis.case.report("mee")
    assert render.where_in_words(mee, mee.headline.start) == "headline"
    pull = next(b for b in mee.boilerplate if b.kind == "pull_quote")
    assert render.where_in_words(mee, pull.start) == "pull quote"
    news = next(b for b in mee.boilerplate if b.kind == "newsletter")
    assert render.where_in_words(mee, news.start) == "boilerplate (newsletter)"
    first = mee.text.index("Pro-Syrian government forces have entered")
    assert render.where_in_words(mee, first).startswith("paragraph ")


def test_explain_list_uses_plain_words_and_skips_separators(analysis):
    v = views.reader(analysis, reports=["sputnik", "21wire"], layers=["sources", "boilerplate"])
    labels = [lab for lab, _ in v.controls["annotation"].options]
    assert not any("separator" in x for x in labels)
    assert not any("_" in x.split("·")[1] for x in labels if "·" in x)
    agentless = [x for x in labels if "were also reported" in x]
    if agentless:  # the kit lists it: it must say that no source is named
        assert all("no source named" in x for x in agentless)


def test_source_explorer_separates_mentions_from_distinct_sources(analysis, seed_analysis):
    v = views.source_explorer(analysis)
    table = v.controls["table"].value
    assert "mention" in table and "distinct" in table
    assert "Counts, not a verdict" in table
    # MEE cites two named people (ex_01_04), however often each is cited
    assert render.distinct_sources(seed_analysis, "mee", "named_person") == 2


def test_figures_table_and_quote_list_use_plain_words(analysis):
    v = views.figures_table(analysis)
    table = v.controls["table"].value.split("Counts, not a verdict")[0]
    assert "verdict:" not in table and "look_alike" not in table and "_" not in table
    labels = [lab for lab, _ in views.quote_tracer(analysis).controls["quote"].options]
    assert not any("report(s)" in x or ",\u201d" in x for x in labels)


def test_outlet_summaries_strip_link_markup_but_reader_keeps_it():
    from mediakit.lessons.case_tables import plain_text

    assert (
        plain_text("Continue this story at [South Front](#)")
        == "Continue this story at South Front"
    )
