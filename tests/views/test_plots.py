"""Charts: right numbers, drawn on the axes given, readable without colour."""

from __future__ import annotations

import pickle
from dataclasses import replace

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pytest  # noqa: E402
from handmade import handmade_analysis  # noqa: E402

from mediakit import plots  # noqa: E402
from mediakit.analysis import CaseAnalysis  # noqa: E402
from mediakit.compare import Comparisons  # noqa: E402


@pytest.fixture(scope="module")
def analysis(seed_case):
    return handmade_analysis(seed_case)


@pytest.fixture()
def ax():
    fig, ax = plt.subplots()
    yield ax
    plt.close(fig)


def texts(ax) -> list[str]:
    return [t.get_text() for t in ax.texts]


def test_source_mix_stacks_counts_with_a_hatch_per_kind(analysis, ax):
    out = plots.plot_source_mix(analysis, ax=ax)
    assert out is ax
    labels = [t.get_text() for t in ax.get_legend().get_texts()]
    assert labels == [
        "named person",
        "anonymous person",
        "official body",
        "media outlet",
        "unnamed side (“pro-X sources”)",
        "unspecified",
    ]
    hatches = {c.get_label(): c.patches[0].get_hatch() for c in ax.containers}
    assert len(set(hatches.values())) == len(hatches)  # black and white still tells them apart
    # 21st Century Wire: 3 unnamed-side sources, written in its bar
    assert "3" in texts(ax)
    wire = [p.get_width() for c in ax.containers for p in c.patches[:1]]
    assert sum(wire) == len(analysis.records["21wire"].attributions)


def test_loaded_terms_heatmap_writes_every_count(analysis, ax):
    out = plots.plot_loaded_terms(analysis, ax=ax, per_100_words=False)
    assert out is ax
    cats, counts = plots.loaded_term_counts(analysis)
    assert texts(ax) == [str(n) for row in counts for n in row]
    assert counts[cats.index("actor_labeling")][0] == 2  # 21wire: terrorist brigades, militant
    assert [t.get_text() for t in ax.get_xticklabels()][2] == "Sputnik"


def test_loaded_terms_heatmap_is_per_100_words_with_a_neutral_colour_bar(analysis, ax):
    plots.plot_loaded_terms(analysis, ax=ax)
    cats, counts = plots.loaded_term_counts(analysis)
    words = plots.article_words(analysis, "21wire")
    first = counts[0][0] * 100 / words
    assert texts(ax)[0] == f"{first:.1f}"
    assert ax.images[0].get_cmap().name == "Blues"  # one hue: darker is more, not "worse"
    bars = [a for a in ax.figure.axes if a is not ax]
    assert bars and "per 100 words" in bars[0].get_ylabel()
    assert "Counts, not a verdict" in ax.get_xlabel()


def test_source_chart_says_mentions_and_can_normalise(analysis, ax):
    plots.plot_source_mix(analysis, ax=ax)
    assert "mentions" in ax.get_xlabel() and "Counts, not a verdict" in ax.get_xlabel()
    assert "mentions" in ax.get_title()
    ax.clear()
    plots.plot_source_mix(analysis, ax=ax, per_100_words=True)
    assert "per 100 words" in ax.get_xlabel()
    total = sum(p.get_width() for c in ax.containers for p in c.patches[:1])
    n = len(analysis.records["21wire"].attributions)
    assert abs(total - n * 100 / plots.article_words(analysis, "21wire")) < 1e-6


def test_figures_axis_uses_plain_numbers():
    assert [plots.plain_number(v) for v in (1, 100, 10_000, 1_000_000, 3_500_000)] == [
        "1",
        "100",
        "10,000",
        "1 million",
        "3.5 million",
    ]


def test_figures_dot_plot_uses_one_marker_per_report_and_notes_vague(analysis, ax):
    out = plots.plot_figures(analysis, ax=ax)
    assert out is ax
    rows = [t.get_text() for t in ax.get_yticklabels()]
    assert rows[0].startswith("fighters killed") and "(reports give different numbers)" in rows[0]
    assert not any("_" in r or "[" in r for r in rows)  # plain words, no verdict codes
    markers = {
        c.get_label(): tuple(c.get_paths()[0].vertices.round(2).flatten())
        for c in ax.collections
        if not c.get_label().startswith("_")
    }
    assert set(markers) == {"Sputnik", "Global Research (undated copy)"}
    assert len(set(markers.values())) == 2


def test_figures_without_comparisons_group_by_what(seed_case, ax):
    plots.plot_figures(handmade_analysis(seed_case, comparisons=False), ax=ax)
    rows = [t.get_text() for t in ax.get_yticklabels()]
    assert any(r.startswith("people displaced") for r in rows)
    # a figure without a number is written whole, with its report, in the "no number" column
    side = [a for a in (*ax.figure.axes, *ax.child_axes) if a.get_label() == "no number"]
    assert side and any("hundreds of thousands" in t.get_text() for t in side[0].texts)
    assert ax.get_xscale() == "log"  # 4 vehicles ... 8,000 fighters
    ax.figure.canvas.draw()
    ticks = [t.get_text() for t in ax.get_xticklabels() if t.get_text()]
    assert ticks and not any("10^" in t or "$" in t for t in ticks)
    assert "1,000" in ticks


def test_charts_draw_on_an_empty_analysis(seed_case):
    empty = CaseAnalysis(case=seed_case, model={}, records={}, comparisons=Comparisons())
    for plot in (plots.plot_source_mix, plots.plot_loaded_terms, plots.plot_figures):
        ax = plot(empty)
        assert ax.figure is not None
        plt.close(ax.figure)
    ax = plots.plot_source_mix(empty)
    assert "no sources found" in texts(ax)
    plt.close(ax.figure)


@pytest.mark.parametrize(
    "draw", [plots.plot_source_mix, plots.plot_loaded_terms, plots.plot_figures]
)
def test_charts_given_no_analysis_say_to_run_start_first(draw, ax, capsys):
    from mediakit.views.display import NoAnalysis

    assert draw(None, ax=ax) is ax
    assert any("Run the lesson.start(...) cell first" in t for t in texts(ax))
    assert draw(NoAnalysis()) is None  # no empty chart: just the box
    assert "Run the lesson.start(...) cell first" in capsys.readouterr().out


def test_charts_name_two_reports_of_one_outlet_apart(analysis, ax):
    from mediakit import render

    plots.plot_source_mix(analysis, ax=ax)
    ticks = [t.get_text() for t in ax.get_yticklabels()]
    assert ticks == list(render.row_labels(analysis.case, sep="\n").values())
    assert "Global Research\n(undated copy)" in ticks and "Sputnik" in ticks


def test_chart_is_drawn_once_then_read_from_the_cache(analysis, tmp_path, monkeypatch):
    monkeypatch.setenv("MEDIAKIT_CACHE", str(tmp_path))
    open_before = plt.get_fignums()
    first = plots.chart_png(plots.plot_source_mix, analysis)
    assert first.startswith(b"\x89PNG")
    assert (
        plt.get_fignums() == open_before
    )  # its figure closed: the notebook shows the picture only

    def no_drawing(*args, **kwargs):
        raise AssertionError("the chart was drawn again instead of read from the cache")

    monkeypatch.setattr(plots, "_draw_png", no_drawing)
    assert plots.chart_png(plots.plot_source_mix, analysis) == first
    shown = []
    monkeypatch.setattr(plots, "show", shown.append)
    plots.chart(plots.plot_source_mix, analysis)
    assert [img.data for img in shown] == [first]
    # other options, another chart or another analysis: not the stored picture
    for call in (
        lambda: plots.chart_png(plots.plot_source_mix, analysis, per_100_words=True),
        lambda: plots.chart_png(plots.plot_loaded_terms, analysis),
    ):
        with pytest.raises(AssertionError, match="drawn again"):
            call()
    # the same analysis read back from a cache (a new kernel, a warm lesson): the stored picture
    assert plots.chart_png(plots.plot_source_mix, pickle.loads(pickle.dumps(analysis))) == first
    changed = replace(analysis, model={**analysis.model, "name": "another model"})
    with pytest.raises(AssertionError, match="drawn again"):
        plots.chart_png(plots.plot_source_mix, changed)


def test_chart_without_a_cache_folder_still_shows_the_chart(analysis, tmp_path, monkeypatch):
    blocked = tmp_path / "file"
    blocked.write_text("not a folder")
    monkeypatch.setenv("MEDIAKIT_CACHE", str(blocked))
    assert plots.chart_png(plots.plot_figures, analysis).startswith(b"\x89PNG")


def test_chart_refuses_other_functions_and_axes_in_plain_words(analysis, ax):
    with pytest.raises(TypeError, match="one of the kit's charts"):
        plots.chart(print, analysis)
    with pytest.raises(TypeError, match="draws its own figure"):
        plots.chart(plots.plot_source_mix, analysis, ax=ax)


def test_chart_without_an_analysis_shows_the_start_box(monkeypatch):
    shown = []
    monkeypatch.setattr(plots, "show", shown.append)
    assert plots.chart_png(plots.plot_source_mix, None) is None
    assert len(shown) == 1 and "lesson.start" in shown[0].text
