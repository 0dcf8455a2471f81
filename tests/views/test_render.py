"""HTML renderers: escaping, overlapping marks, layers, and golden files for the seed case."""

from __future__ import annotations

import pytest
from handmade import handmade_analysis
from htmlcheck import assert_safe, parse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mediakit import render
from mediakit.cases import Report
from mediakit.errors import CaseError
from mediakit.records import Attribution, Figure, LoadedTerm, Quote, Region, ReportRecords
from mediakit.views.display import error_html

NASTY = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "<",
    ">",
    "&",
    "&amp;",
    '"',
    "'",
    "</span>",
    "</div>",
    "<!--",
    "-->",
    "<![CDATA[",
    "&#x3C;",
    "\n",
    "\u00a0",
    'title="x" onmouseover="alert(1)"',
    "<style>",
    "</style>",
]
nasty_text = st.lists(st.one_of(st.sampled_from(NASTY), st.text(max_size=12)), max_size=12).map(
    "".join
)


def make_report(
    text: str, *, boiler: tuple[Region, ...] = (), rid: str = "r1", outlet: str | None = "Outlet"
) -> Report:
    return Report(
        id=rid,
        file=f"{rid}.txt",
        text=text,
        outlet=outlet,
        body=Region(0, len(text)),
        boilerplate=boiler,
    )


@pytest.fixture(scope="module")
def analysis(seed_case):
    return handmade_analysis(seed_case)


# ---------------------------------------------------------------------------- safety


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=nasty_text, who=nasty_text, cuts=st.lists(st.integers(0, 200), min_size=8, max_size=8))
def test_any_text_renders_as_text_with_only_own_elements(text, who, cuts):
    n = len(text)
    c = [min(x, n) for x in cuts]
    rec = ReportRecords(
        "r1",
        quotes=(Quote(text[c[0] : c[1]], c[0], c[1], who, "named_person", who, False),),
        attributions=(Attribution(who, c[2], c[3], "official_body", True, who, who),),
        figures=(Figure(who, c[4], c[5], None, who, who),),
        loaded_terms=(LoadedTerm(who, c[6], c[7], who, note=who),),
    )
    report = make_report(text, boiler=(Region(c[1], c[4], who),), rid=who or "r", outlet=who)
    html = render.render_report(report, rec, shared=[(c[3], c[6], who)], selected="q0")
    p = assert_safe(html)
    assert "".join(p.report_text) == text
    # every other renderer that shows report words
    for a in render.mark_annotations(report, rec, shared=[(c[0], c[7], who)]):
        assert_safe(render.describe_html(a, report, also=[who]))
    assert_safe(render.table_html([who], [[text, who]], caption=who))
    assert_safe(error_html(CaseError(text, path=who, hint=who)))


def test_script_and_img_show_as_text():
    text = 'Before <script>alert("x")</script> & <img src=x onerror=alert(1)> after'
    html = render.render_report(make_report(text), ReportRecords("r1"))
    p = assert_safe(html)
    assert "".join(p.report_text) == text
    assert "&lt;script&gt;" in html and "<script" not in html


def test_speaker_with_quotes_cannot_break_out_of_title_attribute():
    text = "He said hello."
    q = Quote("hello", 8, 13, 'x" onmouseover="alert(1)', "named_person", "said", False)
    html = render.render_report(make_report(text), ReportRecords("r1", quotes=(q,)))
    p = assert_safe(html)
    titles = [v for k, v in p.attrs if k == "title"]
    assert any('x" onmouseover="alert(1)' in (t or "") for t in titles)


# ---------------------------------------------------------------------------- overlaps


def test_crossing_annotations_are_split_into_well_formed_segments():
    text = "According to the army spokesman, 300 fighters were killed."
    rec = ReportRecords(
        "r1",
        attributions=(
            Attribution("the army spokesman", 13, 31, "official_body", False, "According to", text),
        ),
        loaded_terms=(LoadedTerm("army spokesman, 300", 17, 36, "intensifier"),),  # crosses both
        figures=(Figure("300 fighters", 33, 45, 300, "fighters killed", "the army spokesman"),),
    )
    html = render.render_report(make_report(text), rec)
    p = assert_safe(html)
    assert "".join(p.report_text) == text
    # the crossing stretch "army spokesman" carries both marks
    assert html.count('data-mk="s0"') == 2 and html.count('data-mk="t0"') == 3


def test_annotations_out_of_range_or_empty_are_dropped():
    text = "short"
    rec = ReportRecords(
        "r1", loaded_terms=(LoadedTerm("x", 3, 3, "hedge"), LoadedTerm("y", 4, 99, "hedge"))
    )
    anns = render.mark_annotations(make_report(text), rec)
    assert [(a.start, a.end) for a in anns] == [(4, 5)]


# ---------------------------------------------------------------------------- layers


def test_seed_reports_render_their_exact_text(analysis):
    for r in analysis.case.reports:
        p = assert_safe(render.render_report(r, analysis.records[r.id]))
        assert "".join(p.report_text) == r.text


def test_quote_shows_speaker_in_title_and_in_a_visible_note(analysis):
    r = analysis.case.report("21wire")
    html = render.render_report(r, analysis.records[r.id], layers=("quotes",))
    assert (
        'title="Quote. Speaker: one HTS militant (anonymous person); reporting verb: added"' in html
    )
    visible = "".join(parse(html).all_text)
    assert "one HTS militant:" in visible
    assert "mk-src" not in html and "mk-term" not in html and "mk-boiler" not in html


def test_layers_switch_marks_on_and_off(analysis):
    r = analysis.case.report("mee")
    rec = analysis.records[r.id]
    off = render.render_report(r, rec, layers=())
    assert not any(c in off for c in ("mk-quote", "mk-src", "mk-fig", "mk-term", "mk-boiler"))
    on = render.render_report(r, rec)
    for c in ("mk-quote", "mk-src", "mk-fig", "mk-term", "mk-boiler"):
        assert c in on
    assert "boilerplate: newsletter" in "".join(parse(on).all_text)


def test_source_types_and_term_categories_filter(analysis):
    r = analysis.case.report("sputnik")
    html = render.render_report(
        r, analysis.records[r.id], source_types=["media_outlet"], term_categories=["scare_quotes"]
    )
    assert "mk-src-media_outlet" in html and "mk-src-official_body" not in html
    assert "mk-term-scare_quotes" in html and "mk-term-actor_labeling" not in html


def test_shared_passage_and_selection_are_marked(analysis):
    r = analysis.case.report("mee")
    s, e = r.text.find("We are in a very desperate"), r.text.find("we need a miracle") + 17
    html = render.render_report(
        r, analysis.records[r.id], shared=[(s, e, "shared with 21wire")], selected="q0"
    )
    assert 'class="mk-shared"' in html and "mk-selected" in html
    assert "shared with 21wire" in "".join(parse(html).all_text)


def test_side_by_side_has_one_column_per_report(analysis):
    ids = ["21wire", "mee", "sputnik"]
    html = render.render_side_by_side(analysis, ids)
    p = assert_safe(html)
    assert html.count('class="mk-report"') == 3 and "--mk-n: 3" in html
    assert "Key:" in "".join(p.all_text)


def test_describe_explains_why(analysis):
    r = analysis.case.report("sputnik")
    anns = {a.key: a for a in render.mark_annotations(r, analysis.records[r.id])}
    quote = render.describe_html(anns["q1"], r)
    assert "Turkey’s Defence Ministry" in quote and "warned" in quote and "Partial quote" in quote
    term = render.describe_html(anns["t1"], r)
    assert "scare quotes" in term and "signal doubt" in term
    src = render.describe_html(anns["s1"], r)
    assert "media outlet" in src and "confirmed" in src


def test_side_of_uses_gazetteer_and_sides(seed_case):
    assert render.side_of("one HTS militant", seed_case) == "fighters"
    assert render.side_of("Syrian Army forces", seed_case) == "government"
    assert render.side_of("the Libyan National Army", seed_case) is None


def test_side_of_is_the_comparison_stages_resolver(seed_case):
    from mediakit.compare._common import side_of as compare_side_of

    assert render.side_of("pro-government sources", seed_case) == "government"
    for phrase in (
        "one HTS militant",
        "Syrian Army forces",
        "pro-opposition sources",
        "the Libyan National Army",
        "Turkey’s Defence Ministry",
        None,
    ):
        assert render.side_of(phrase, seed_case) == compare_side_of(phrase, seed_case), phrase


def test_row_labels_tell_two_reports_of_one_outlet_apart(seed_case):
    labels = render.row_labels(seed_case)
    assert labels["globalresearch-sf-jan26"] == "Global Research (undated copy)"
    assert labels["globalresearch-sf-jan31"] == "Global Research (3 Feb 2020)"
    assert labels["sputnik"] == "Sputnik"
    assert len(set(labels.values())) == len(seed_case.reports)
    assert render.row_labels(seed_case, sep="\n")["globalresearch-sf-jan26"].endswith(
        "\n(undated copy)"
    )


def test_row_labels_say_what_tells_two_reports_apart_in_few_words():
    from mediakit.cases.case import Case, Region, Report

    def rep(i, **kw):
        return Report(id=i, file=f"{i}.txt", text="x", outlet="Daily", body=Region(0, 1), **kw)

    def labels(*reps):
        return list(render.row_labels(Case(id="c", title="t", path=None, reports=reps)).values())

    # each has its own date: the date; else each its own author; else the shortest distinct id end
    assert labels(rep("daily-a", date="2020-01-02"), rep("daily-b", date="2020-01-03")) == [
        "Daily (2 Jan 2020)",
        "Daily (3 Jan 2020)",
    ]
    # one copy prints no date: it is undated, never dated from its id
    assert labels(rep("daily-jan01"), rep("daily-b", date="2020-01-03")) == [
        "Daily (undated copy)",
        "Daily (3 Jan 2020)",
    ]
    assert labels(rep("daily-a", original_author="AP"), rep("daily-b", original_author="AFP")) == [
        "Daily (from AP)",
        "Daily (from AFP)",
    ]
    assert labels(rep("daily-copy-one"), rep("daily-copy-two")) == ["Daily (one)", "Daily (two)"]
    assert labels(
        rep("daily-copy-one", date="2020-01-02"), rep("daily-copy-two"), rep("daily-copy-three")
    ) == ["Daily (one)", "Daily (two)", "Daily (three)"]
    assert labels(rep("a-x"), rep("x")) == ["Daily (a-x)", "Daily (x)"]


def test_label_counts_fallback_counts_longest_terms_once(seed_case):
    an = handmade_analysis(seed_case, comparisons=False)
    rows = {(r["report"], r["term"]): r["count"] for r in render.label_counts(an)}
    assert rows[("21wire", "terrorist brigades")] == 1
    assert ("21wire", "Syrian Army forces") in rows
    # "Syrian Army forces" is not also counted as "Syrian Army" there
    total_sa = rows.get(("21wire", "Syrian Army"), 0)
    assert (
        total_sa
        == seed_case.report("21wire").text.count("Syrian Army")
        - rows[("21wire", "Syrian Army forces")]
    )


# ---------------------------------------------------------------------------- goldens


def test_golden_reports(analysis, golden):
    for rid in ("21wire", "mee", "sputnik"):
        r = analysis.case.report(rid)
        golden(f"report_{rid}.html", render.render_report(r, analysis.records[rid]) + "\n")


def test_golden_tables(analysis, golden):
    golden("legend.html", render.legend_html(style=False) + "\n")
    golden("figures_table.html", render.figures_table_html(analysis) + "\n")
    golden("quote_trace.html", render.quote_trace_html(render.quote_traces(analysis)[0]) + "\n")
    golden("labels_table.html", render.labels_table_html(analysis) + "\n")
    golden("terms_table.html", render.terms_table_html(analysis) + "\n")
    golden("sources_table.html", render.source_table_html(analysis) + "\n")


# ---------------------------------------------------------------------------- errors


def test_error_box_is_plain_words_with_hint_and_file():
    html = error_html(
        CaseError("The case folder 'x' has no reports.", path="x/", hint="Add .txt files.")
    )
    text = "".join(parse(html).all_text)
    assert "The case folder 'x' has no reports." in text and "What to try: Add .txt files." in text
    assert "File: x/" in text and "Traceback" not in text
    other = "".join(parse(error_html(KeyError("k"))).all_text)
    assert "Something unexpected went wrong" in other and "KeyError" in other


def test_friendly_errors_shows_kit_errors_and_lets_bugs_through(capsys):
    from mediakit.views.display import friendly_errors

    with friendly_errors():
        raise CaseError("No such case.")
    with pytest.raises(ZeroDivisionError), friendly_errors():
        1 / 0  # noqa: B018


def test_markdown_link_markup_is_hidden_but_the_text_and_offsets_stay(seed_case):
    from htmlcheck import parse

    from mediakit.cases.case import Region, Report
    from mediakit.records import Attribution, ReportRecords

    text = "By [South Front](#) and [<b>x</b>](http://e.org/a) said: it rained."
    rep = Report(id="r", file="r.txt", text=text, outlet="O", body=Region(0, len(text)))
    s = text.index("South Front")
    att = Attribution("South Front", s, s + 11, "media_outlet", True, "said", text)
    html_out = render.render_report(rep, ReportRecords("r", attributions=(att,)))
    assert rep.text == text  # the stored text is untouched
    import re as _re

    hidden = "".join(
        _re.findall(r'<span class="mk-md-hide" aria-hidden="true">([^<]*)</span>', html_out)
    )
    assert hidden == "[](#)[](http://e.org/a)"
    assert "".join(parse(html_out).report_text) == text  # every character is still there
    assert "&lt;b&gt;x&lt;/b&gt;" in html_out and "<b>x</b>" not in html_out  # still escaped
    assert 'data-mk="s0"' in html_out and ">South Front</span>" in html_out  # the mark lines up


def test_describe_says_when_a_source_kind_is_only_the_models_guess(analysis):
    from dataclasses import replace

    r = analysis.case.report("sputnik")
    anns = {a.key: a for a in render.mark_annotations(r, analysis.records[r.id])}
    sure = render.describe_html(anns["s1"], r)
    assert "a guess" not in sure
    guess = replace(anns["s1"], record=replace(anns["s1"].record, type_confidence="low"))
    assert "a guess" in render.describe_html(guess, r)
