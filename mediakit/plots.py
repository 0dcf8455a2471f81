"""Charts for the lessons (matplotlib). Every function takes ``ax=None`` and returns the axes.

Readable in black and white: colours come from the Okabe–Ito palette, and every series also
has its own hatch or marker and a text label, so colour is never the only cue. Reports are
named with :func:`mediakit.render.row_labels`, like every table, so two reports of one outlet
stay apart. Given no analysis (``lesson.start`` failed), a chart shows the plain "run
lesson.start first" box instead (written on ``ax`` if one was given) and draws nothing.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING, Any

from .display import NOT_STARTED, missing, not_started, show
from .records import SOURCE_TYPES, TERM_CATEGORIES
from .render import OKABE_ITO, SOURCE_TYPE_NAMES, TERM_NAMES, _get, figure_groups, row_labels

if TYPE_CHECKING:
    from matplotlib.axes import Axes

    from .analysis import CaseAnalysis

SOURCE_COLOURS: dict[str, str] = dict(zip(SOURCE_TYPES, (
    "#009E73", "#D55E00", "#0072B2", "#CC79A7", "#56B4E9", "#E69F00", "#999999"), strict=True))
SOURCE_HATCHES: dict[str, str] = dict(zip(SOURCE_TYPES, (
    "", "//", "xx", "..", "\\\\", "oo", "--"), strict=True))
MARKERS: tuple[str, ...] = ("o", "s", "^", "D", "v", "P", "X", "*")


def _axes(ax: Axes | None, figsize: tuple[float, float]) -> Axes:
    if ax is not None:
        return ax
    import matplotlib.pyplot as plt

    _, ax = plt.subplots(figsize=figsize, layout="constrained")
    return ax


def _labels(analysis: CaseAnalysis) -> list[str]:
    return list(row_labels(analysis.case, sep="\n").values())


def _no_analysis(ax: Axes | None) -> Axes | None:
    """Show the "run lesson.start first" box; write it on ``ax`` too if one was given."""
    show(not_started())
    if ax is not None:
        ax.text(0.5, 0.5, NOT_STARTED, transform=ax.transAxes, ha="center", va="center", wrap=True)
        ax.set_axis_off()
    return ax


def source_mix(analysis: CaseAnalysis) -> dict[str, Counter[str]]:
    """Counts of attributions per report id and source type."""
    return {r.id: Counter(_get(a, "source_type") or "unspecified"
                          for a in (analysis.records[r.id].attributions
                                    if r.id in analysis.records else ()))
            for r in analysis.case.reports}


def plot_source_mix(analysis: CaseAnalysis | None, ax: Axes | None = None) -> Axes:
    """Stacked horizontal bars: how many sources of each kind each report cites.

    Each kind has an Okabe–Ito colour and its own hatch; segments carry their count.
    """
    if missing(analysis):
        return _no_analysis(ax)  # type: ignore[return-value]
    ax = _axes(ax, (8, 0.6 * len(analysis.case.reports) + 1.8))
    mix = source_mix(analysis)
    ids = [r.id for r in analysis.case.reports]
    labels = _labels(analysis)
    left = [0] * len(ids)
    for st in SOURCE_TYPES:
        widths = [mix[i][st] for i in ids]
        if not any(widths):
            continue
        bars = ax.barh(labels, widths, left=left, color=SOURCE_COLOURS[st],
                       hatch=SOURCE_HATCHES[st], edgecolor="black", linewidth=0.8,
                       label=SOURCE_TYPE_NAMES[st])
        ax.bar_label(bars, labels=[str(w) if w else "" for w in widths], label_type="center",
                     fontsize=9, bbox={"boxstyle": "round,pad=0.15", "fc": "white", "ec": "none"})
        left = [a + b for a, b in zip(left, widths, strict=True)]
    ax.invert_yaxis()
    ax.set_xlabel("number of times a source is cited")
    ax.set_title("Who is cited: kinds of source per report")
    if any(left):
        ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1), frameon=False, title="kind of source")
    else:
        ax.text(0.5, 0.5, "no sources found", transform=ax.transAxes, ha="center", va="center")
    ax.spines[["top", "right"]].set_visible(False)
    return ax


def loaded_term_counts(analysis: CaseAnalysis) -> tuple[list[str], list[list[int]]]:
    """(categories, counts[category][report]) over the case's reports."""
    cats = list(TERM_CATEGORIES)
    extra = sorted({_get(t, "category") for rec in analysis.records.values()
                    for t in rec.loaded_terms} - set(cats) - {None})
    cats += extra
    counts = []
    for cat in cats:
        counts.append([sum(1 for t in (analysis.records[r.id].loaded_terms
                                       if r.id in analysis.records else ())
                           if _get(t, "category") == cat) for r in analysis.case.reports])
    return cats, counts


def plot_loaded_terms(analysis: CaseAnalysis | None, ax: Axes | None = None) -> Axes:
    """Heatmap of loaded terms: category (rows) by report (columns), count written in each cell.

    Uses the grey-scale-safe ``cividis`` map; the numbers carry the information on their own.
    """
    if missing(analysis):
        return _no_analysis(ax)  # type: ignore[return-value]
    ax = _axes(ax, (1.6 * len(analysis.case.reports) + 2.5, 4))
    cats, counts = loaded_term_counts(analysis)
    top = max((max(row) for row in counts if row), default=0)
    im = ax.imshow(counts, cmap="cividis", vmin=0, vmax=max(top, 1), aspect="auto")
    for i, row in enumerate(counts):
        for j, n in enumerate(row):
            dark = im.norm(n) < 0.4
            ax.text(j, i, str(n), ha="center", va="center", fontsize=10,
                    color="white" if dark else "black", fontweight="bold")
    ax.set_xticks(range(len(analysis.case.reports)), _labels(analysis), rotation=20, ha="right")
    ax.set_yticks(range(len(cats)), [TERM_NAMES.get(c, c) for c in cats])
    ax.set_title("Loaded terms per category and report (count in each cell)")
    ax.tick_params(length=0)
    return ax


def plot_figures(analysis: CaseAnalysis | None, ax: Axes | None = None) -> Axes:
    """Dot plot: one row per thing counted, one marker shape and colour per report.

    Vague figures ("hundreds") have no value and are listed in the row label instead. A log
    scale is used when values span more than two orders of magnitude.
    """
    if missing(analysis):
        return _no_analysis(ax)  # type: ignore[return-value]
    groups = [g for g in figure_groups(analysis) if g["members"]]
    ax = _axes(ax, (8, 0.5 * max(len(groups), 1) + 1.8))
    reports = analysis.case.reports
    style = {r.id: (OKABE_ITO[i % len(OKABE_ITO)] if OKABE_ITO[i % len(OKABE_ITO)] != "#F0E442"
                    else "#000000", MARKERS[i % len(MARKERS)]) for i, r in enumerate(reports)}
    names = {r.id: lab.replace("\n", " ") for r, lab in zip(reports, _labels(analysis), strict=True)}
    labels = []
    values: list[float] = []
    seen: set[str] = set()
    for y, g in enumerate(groups):
        vague = 0
        n_in_row: Counter[Any] = Counter()
        for m in g["members"]:
            v = m["value"]
            if not isinstance(v, int | float):
                vague += 1
                continue
            colour, marker = style.get(m["report"], ("#000000", "o"))
            offset = 0.12 * n_in_row[v]
            n_in_row[v] += 1
            label = None if m["report"] in seen else names.get(m["report"], m["outlet"])
            seen.add(m["report"])
            ax.scatter([v], [y + offset], marker=marker, s=70, facecolor=colour,
                       edgecolor="black", linewidth=0.8, zorder=3, label=label)
            values.append(float(v))
        row = str(g["what"])
        if vague:
            row += f"\n(+{vague} vague)"
        if g.get("verdict"):
            row += f"\n[{str(g['verdict']).replace('_', ' ')}]"
        labels.append(row)
    ax.set_yticks(range(len(groups)), labels)
    if groups:
        ax.set_ylim(len(groups) - 0.5, -0.5)
    positive = [v for v in values if v > 0]
    if positive and max(positive) / min(positive) > 100:
        ax.set_xscale("log")
    ax.grid(axis="x", linestyle=":", color="grey")
    ax.set_xlabel("value given in the report")
    ax.set_title("Figures per thing counted (one marker shape per report)")
    if values:
        ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1), frameon=False, title="report")
    else:
        ax.text(0.5, 0.5, "no figures with a value found", transform=ax.transAxes,
                ha="center", va="center")
    ax.spines[["top", "right"]].set_visible(False)
    return ax


__all__ = ["loaded_term_counts", "plot_figures", "plot_loaded_terms", "plot_source_mix", "source_mix"]
