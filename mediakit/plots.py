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
from .render import (
    NOT_A_VERDICT,
    OKABE_ITO,
    SOURCE_TYPE_NAMES,
    TERM_NAMES,
    _get,
    figure_groups,
    group_verdict,
    group_what,
    row_labels,
)

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


def plain(label: str) -> str:
    """A label drawn as plain text: matplotlib reads "$...$" as a formula (mathtext), so an
    outlet named "$5 News" or "A $\\frac$ B" would break the chart or show other words."""
    return label.replace("$", r"\$")


def _labels(analysis: CaseAnalysis) -> list[str]:
    return [plain(lab) for lab in row_labels(analysis.case, sep="\n").values()]


def _no_analysis(ax: Axes | None) -> Axes | None:
    """Show the "run lesson.start first" box; write it on ``ax`` too if one was given."""
    show(not_started())
    if ax is not None:
        ax.text(0.5, 0.5, NOT_STARTED, transform=ax.transAxes, ha="center", va="center", wrap=True)
        ax.set_axis_off()
    return ax


def article_words(analysis: CaseAnalysis, report_id: str) -> int:
    """How many words the article itself has (boilerplate left out), at least 1."""
    rep = analysis.case.report(report_id)
    text = rep.text[rep.body.start:rep.body.end]
    for b in sorted(rep.boilerplate, key=lambda b: -b.start):
        if rep.body.start <= b.start and b.end <= rep.body.end:
            s, e = b.start - rep.body.start, b.end - rep.body.start
            text = text[:s] + " " + text[e:]
    return max(len(text.split()), 1)


def _caption(ax: Axes, label: str) -> None:
    """The axis label and, under it, the reminder that a count is not a verdict."""
    ax.set_xlabel(f"{label}\n\n{NOT_A_VERDICT}" if label else NOT_A_VERDICT)


def source_mix(analysis: CaseAnalysis) -> dict[str, Counter[str]]:
    """Counts of attributions per report id and source type."""
    return {r.id: Counter(_get(a, "source_type") or "unspecified"
                          for a in (analysis.records[r.id].attributions
                                    if r.id in analysis.records else ()))
            for r in analysis.case.reports}


def plot_source_mix(analysis: CaseAnalysis | None, ax: Axes | None = None, *,
                    per_100_words: bool = False) -> Axes:
    """Stacked horizontal bars: how many times each report cites a source of each kind.

    These are **mentions** (one person cited four times counts four), not distinct sources:
    the axis says so. ``per_100_words=True`` divides by the article's length (boilerplate left
    out), so a long report does not look "better sourced" just for being long. Each kind has an
    Okabe–Ito colour and its own hatch; segments carry their number.
    """
    if missing(analysis):
        return _no_analysis(ax)  # type: ignore[return-value]
    ax = _axes(ax, (8, 0.6 * len(analysis.case.reports) + 2.4))
    mix = source_mix(analysis)
    ids = [r.id for r in analysis.case.reports]
    labels = _labels(analysis)
    scale = {i: (100 / article_words(analysis, i) if per_100_words else 1.0) for i in ids}
    left = [0.0] * len(ids)
    for st in SOURCE_TYPES:
        widths = [mix[i][st] * scale[i] for i in ids]
        if not any(widths):
            continue
        bars = ax.barh(labels, widths, left=left, color=SOURCE_COLOURS[st],
                       hatch=SOURCE_HATCHES[st], edgecolor="black", linewidth=0.8,
                       label=SOURCE_TYPE_NAMES[st])
        text = [(f"{w:.1f}" if per_100_words else str(int(w))) if w else "" for w in widths]
        ax.bar_label(bars, labels=text, label_type="center",
                     fontsize=9, bbox={"boxstyle": "round,pad=0.15", "fc": "white", "ec": "none"})
        left = [a + b for a, b in zip(left, widths, strict=True)]
    from .render import distinct_sources

    for y, (rid, total) in enumerate(zip(ids, left, strict=True)):
        if total:  # the bar counts mentions; say how many different sources they are
            d = distinct_sources(analysis, rid)
            ax.annotate(f"{d} distinct source{'s' if d != 1 else ''}", (total, y),
                        xytext=(4, 0), textcoords="offset points", va="center", fontsize=8)
    ax.invert_yaxis()
    _caption(ax, "mentions of a source per 100 words of the article" if per_100_words else
             "mentions: times a claim is pinned on a source (one person cited 4 times counts 4)")
    ax.set_title("Who is cited: mentions of each kind of source, per report"
                 + (" (per 100 words)" if per_100_words else ""))
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


def plot_loaded_terms(analysis: CaseAnalysis | None, ax: Axes | None = None, *,
                      per_100_words: bool = True) -> Axes:
    """Heatmap of loaded terms: category (rows) by report (columns), the number in each cell.

    By default the numbers are **per 100 words** of the article (boilerplate left out), so a
    long report is not darker just for being long; ``per_100_words=False`` shows raw counts.
    One neutral hue (light grey to blue, ``Blues``) with a colour bar saying what the shade
    means; the numbers in the cells carry the information on their own.
    """
    if missing(analysis):
        return _no_analysis(ax)  # type: ignore[return-value]
    ax = _axes(ax, (1.6 * len(analysis.case.reports) + 3.5, 4.6))
    cats, counts = loaded_term_counts(analysis)
    ids = [r.id for r in analysis.case.reports]
    if per_100_words:
        words = [article_words(analysis, i) for i in ids]
        values = [[n * 100 / w for n, w in zip(row, words, strict=True)] for row in counts]
    else:
        values = [[float(n) for n in row] for row in counts]
    top = max((max(row) for row in values if row), default=0)
    im = ax.imshow(values, cmap="Blues", vmin=0, vmax=max(top, 1e-9) if top else 1,
                   aspect="auto")
    for i, row in enumerate(values):
        for j, n in enumerate(row):
            dark = im.norm(n) > 0.6
            ax.text(j, i, f"{n:.1f}" if per_100_words else str(int(n)), ha="center",
                    va="center", fontsize=10, color="white" if dark else "black",
                    fontweight="bold")
    ax.set_xticks(range(len(ids)), _labels(analysis), rotation=20, ha="right")
    ax.set_yticks(range(len(cats)), [TERM_NAMES.get(c, c) for c in cats])
    unit = "per 100 words of the article" if per_100_words else "count"
    ax.set_title(f"Loaded terms per category and report ({unit} in each cell)")
    bar = ax.figure.colorbar(im, ax=ax, fraction=0.05, pad=0.02)
    bar.set_label("loaded terms " + ("per 100 words" if per_100_words else "(count)"))
    _caption(ax, "")
    ax.tick_params(length=0)
    return ax


def plain_number(v: float, _pos: Any = None) -> str:
    """An axis label in plain words: 1, 100, 10,000, 1 million (never 10^6)."""
    if v >= 1e6 and v % 1e5 == 0:
        m = v / 1e6
        return f"{m:g} million"
    if float(v).is_integer():
        return f"{int(v):,}"
    return f"{v:g}"


def plot_figures(analysis: CaseAnalysis | None, ax: Axes | None = None) -> Axes:
    """Dot plot: one row per thing counted, one marker shape and colour per report.

    Figures without a number ("several", "a few") are written as labelled text in their row
    (the words and the report), so no row is empty. A log scale is used when values span more
    than two orders of magnitude; its labels are plain numbers (1, 100, 10,000, 1 million).
    """
    if missing(analysis):
        return _no_analysis(ax)  # type: ignore[return-value]
    from matplotlib.ticker import FuncFormatter, LogLocator
    from matplotlib.transforms import blended_transform_factory

    groups = [g for g in figure_groups(analysis) if g["members"]]
    ax = _axes(ax, (12, 0.6 * max(len(groups), 1) + 2.2))
    reports = analysis.case.reports
    style = {r.id: (OKABE_ITO[i % len(OKABE_ITO)] if OKABE_ITO[i % len(OKABE_ITO)] != "#F0E442"
                    else "#000000", MARKERS[i % len(MARKERS)]) for i, r in enumerate(reports)}
    names = {r.id: lab.replace("\n", " ") for r, lab in zip(reports, _labels(analysis), strict=True)}
    labels = []
    values: list[float] = []
    vague_texts: list[tuple[int, str]] = []
    seen: set[str] = set()
    for y, g in enumerate(groups):
        n_in_row: Counter[Any] = Counter()
        vague_words = []
        for m in g["members"]:
            v = m["value"]
            if not isinstance(v, int | float):
                vague_words.append(f"\u2018{m['text']}\u2019 ({names.get(m['report'], m['outlet'])})")
                continue
            colour, marker = style.get(m["report"], ("#000000", "o"))
            offset = 0.12 * n_in_row[v]
            n_in_row[v] += 1
            label = None if m["report"] in seen else names.get(m["report"], plain(str(m["outlet"])))
            seen.add(m["report"])
            ax.scatter([v], [y + offset], marker=marker, s=70, facecolor=colour,
                       edgecolor="black", linewidth=0.8, zorder=3, label=label)
            values.append(float(v))
        if vague_words:
            vague_texts.append((y, "no number: " + "; ".join(vague_words)))
        row = group_what(g)
        if g.get("verdict") or g.get("label"):
            row += f"\n({group_verdict(g)})"
        labels.append(row)
    ax.set_yticks(range(len(groups)), labels)
    if groups:
        ax.set_ylim(len(groups) - 0.5, -0.5)
    positive = [v for v in values if v > 0]
    if positive and max(positive) / min(positive) > 100:
        ax.set_xscale("log")
        ax.xaxis.set_major_locator(LogLocator(base=10, subs=(1.0,)))
        lo, hi = min(positive), max(positive)
        ax.set_xlim(lo / 2, hi * 3)
    ax.xaxis.set_major_formatter(FuncFormatter(plain_number))
    ax.xaxis.set_minor_formatter(FuncFormatter(lambda *_: ""))
    trans = blended_transform_factory(ax.transAxes, ax.transData)
    for y, text in vague_texts:
        if len(text) > 80:
            text = text[:79] + "…"
        t = ax.text(0.01, y + 0.3, text, transform=trans, fontsize=8, va="center", ha="left",
                    style="italic", bbox={"boxstyle": "round,pad=0.2", "fc": "#f4f4f4",
                                          "ec": "#888", "ls": "--"}, zorder=4)
        t.set_in_layout(False)  # a long note must not squeeze the chart
    ax.grid(axis="x", linestyle=":", color="grey")
    _caption(ax, "value given in the report" + (" (each step is ten times the last)"
                                                 if ax.get_xscale() == "log" else ""))
    ax.set_title("Figures per thing counted (one marker shape per report)")
    if values:
        ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1), frameon=False, title="report")
    elif not vague_texts:
        ax.text(0.5, 0.5, "no figures with a value found", transform=ax.transAxes,
                ha="center", va="center")
    ax.spines[["top", "right"]].set_visible(False)
    return ax


__all__ = ["article_words", "loaded_term_counts", "plain_number", "plot_figures", "plot_loaded_terms", "plot_source_mix", "source_mix"]
