"""Charts for the lessons (matplotlib). Every function takes ``ax=None`` and returns the axes.

Readable in black and white: colours come from the Okabe–Ito palette, and every series also
has its own hatch or marker and a text label, so colour is never the only cue. Reports are
named with :func:`mediakit.views.render.row_labels`, like every table, so two reports of one outlet
stay apart. Given no analysis (``lesson.start`` failed), a chart shows the plain "run
lesson.start first" box instead (written on ``ax`` if one was given) and draws nothing.

The lessons show their charts with :func:`chart`, which keeps each drawn chart as a picture in
the kit's cache: a lesson opened again shows it without loading matplotlib at all.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..records import SOURCE_TYPES, TERM_CATEGORIES
from .display import NOT_STARTED, missing, not_started, show
from .render import (
    NOT_A_VERDICT,
    OKABE_ITO,
    SOURCE_TYPE_NAMES,
    TERM_NAMES,
    figure_groups,
    get_field,
    group_verdict,
    group_what,
    row_labels,
)

if TYPE_CHECKING:
    from matplotlib.axes import Axes

    from ..analysis import CaseAnalysis

SOURCE_COLOURS: dict[str, str] = dict(
    zip(
        SOURCE_TYPES,
        ("#009E73", "#D55E00", "#0072B2", "#CC79A7", "#56B4E9", "#E69F00", "#999999"),
        strict=True,
    )
)
SOURCE_HATCHES: dict[str, str] = dict(
    zip(SOURCE_TYPES, ("", "//", "xx", "..", "\\\\", "oo", "--"), strict=True)
)
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
    text = rep.text[rep.body.start : rep.body.end]
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
    return {
        r.id: Counter(
            get_field(a, "source_type") or "unspecified"
            for a in (analysis.records[r.id].attributions if r.id in analysis.records else ())
        )
        for r in analysis.case.reports
    }


def plot_source_mix(
    analysis: CaseAnalysis | None, ax: Axes | None = None, *, per_100_words: bool = False
) -> Axes:
    """Stacked horizontal bars: how many times each report cites a source of each kind.

    These are **mentions** (one person cited four times counts four), not distinct sources:
    the axis says so. ``per_100_words=True`` divides by the article's length (boilerplate left
    out), so a long report does not look "better sourced" just for being long. Each kind has an
    Okabe–Ito colour and its own hatch; segments carry their number.
    """
    if missing(analysis):
        return _no_analysis(ax)  # type: ignore[return-value]
    assert analysis is not None  # missing() is true for None
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
        bars = ax.barh(
            labels,
            widths,
            left=left,
            color=SOURCE_COLOURS[st],
            hatch=SOURCE_HATCHES[st],
            edgecolor="black",
            linewidth=0.8,
            label=SOURCE_TYPE_NAMES[st],
        )
        text = [(f"{w:.1f}" if per_100_words else str(int(w))) if w else "" for w in widths]
        ax.bar_label(
            bars,
            labels=text,
            label_type="center",
            fontsize=9,
            bbox={"boxstyle": "round,pad=0.15", "fc": "white", "ec": "none"},
        )
        left = [a + b for a, b in zip(left, widths, strict=True)]
    from .render import distinct_sources

    for y, (rid, total) in enumerate(zip(ids, left, strict=True)):
        if total:  # the bar counts mentions; say how many different sources they are
            d = distinct_sources(analysis, rid)
            ax.annotate(
                f"{d} distinct source{'s' if d != 1 else ''}",
                (total, y),
                xytext=(4, 0),
                textcoords="offset points",
                va="center",
                fontsize=8,
            )
    if any(left):  # room on the right for the "N distinct sources" notes, inside the axes
        ax.set_xlim(0, max(left) * 1.32)
    ax.invert_yaxis()
    _caption(
        ax,
        "mentions of a source per 100 words of the article"
        if per_100_words
        else "mentions: times a claim is pinned on a source (one person cited 4 times counts 4)",
    )
    ax.set_title(
        "Who is cited: mentions of each kind of source, per report\n"
        + (
            "(mentions per 100 words of the article)"
            if per_100_words
            else "(raw counts of mentions, not per 100 words)"
        )
    )
    if any(left):
        ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1), frameon=False, title="kind of source")
    else:
        ax.text(0.5, 0.5, "no sources found", transform=ax.transAxes, ha="center", va="center")
    ax.spines[["top", "right"]].set_visible(False)
    return ax


def loaded_term_counts(analysis: CaseAnalysis) -> tuple[list[str], list[list[int]]]:
    """(categories, counts[category][report]) over the case's reports."""
    cats = list(TERM_CATEGORIES)
    extra = sorted(
        {get_field(t, "category") for rec in analysis.records.values() for t in rec.loaded_terms}
        - set(cats)
        - {None}
    )
    cats += extra
    counts = []
    for cat in cats:
        counts.append(
            [
                sum(
                    1
                    for t in (
                        analysis.records[r.id].loaded_terms if r.id in analysis.records else ()
                    )
                    if get_field(t, "category") == cat
                )
                for r in analysis.case.reports
            ]
        )
    return cats, counts


def plot_loaded_terms(
    analysis: CaseAnalysis | None, ax: Axes | None = None, *, per_100_words: bool = True
) -> Axes:
    """Heatmap of loaded terms: category (rows) by report (columns), the number in each cell.

    By default the numbers are **per 100 words** of the article (boilerplate left out), so a
    long report is not darker just for being long; ``per_100_words=False`` shows raw counts.
    One neutral hue (light grey to blue, ``Blues``) with a colour bar saying what the shade
    means; the numbers in the cells carry the information on their own.
    """
    if missing(analysis):
        return _no_analysis(ax)  # type: ignore[return-value]
    assert analysis is not None  # missing() is true for None
    ax = _axes(ax, (1.6 * len(analysis.case.reports) + 3.5, 4.6))
    cats, counts = loaded_term_counts(analysis)
    ids = [r.id for r in analysis.case.reports]
    if per_100_words:
        words = [article_words(analysis, i) for i in ids]
        values = [[n * 100 / w for n, w in zip(row, words, strict=True)] for row in counts]
    else:
        values = [[float(n) for n in row] for row in counts]
    top = max((max(row) for row in values if row), default=0)
    vmax = max(top, 1e-9) if top else 1
    im = ax.imshow(values, cmap="Blues", vmin=0, vmax=vmax, aspect="auto")
    for i, row in enumerate(values):
        for j, n in enumerate(row):
            dark = n / vmax > 0.6  # the colour scale is linear from 0 to vmax
            ax.text(
                j,
                i,
                f"{n:.1f}" if per_100_words else str(int(n)),
                ha="center",
                va="center",
                fontsize=10,
                color="white" if dark else "black",
                fontweight="bold",
            )
    ax.set_xticks(range(len(ids)), _labels(analysis), rotation=20, ha="right")
    ax.set_yticks(range(len(cats)), [TERM_NAMES.get(c, c) for c in cats])
    unit = "per 100 words of the article" if per_100_words else "count"
    ax.set_title(f"Loaded terms per category and report\n({unit} in each cell)")
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


def _single(g: dict[str, Any]) -> bool:
    """True when only one report gives the figures of a group (nothing to compare it with)."""
    if g.get("verdict"):
        return str(g["verdict"]).startswith("single")
    return len({m["report"] for m in g["members"]}) < 2


def plot_figures(analysis: CaseAnalysis | None, ax: Axes | None = None) -> Axes:
    """Dot plot: one row per thing counted, one marker shape and colour per report.

    Fits one screen: the rows that several reports give come first, each with its verdict, then
    a section of the things only one report counts (one short row each). Row names and verdicts
    are the figures table's own words (:func:`group_what`, :func:`group_verdict`). Equal values in
    one row are spread up and down so that each marker shows. Figures without a number
    ("several", "a few") are written out whole, with their report, in a "no number" column to
    the right of the row, so no row is empty and no words are cut. A log scale is used when
    values span more than two orders of magnitude; its labels are plain numbers (1, 100,
    10,000, 1 million). The legend of report markers is above the chart.
    """
    if missing(analysis):
        return _no_analysis(ax)  # type: ignore[return-value]
    assert analysis is not None  # missing() is true for None
    import textwrap

    from matplotlib.ticker import FuncFormatter, LogLocator

    groups = [g for g in figure_groups(analysis) if g["members"]]
    compared = [g for g in groups if not _single(g)]
    single = [g for g in groups if _single(g)]
    reports = analysis.case.reports
    names = {
        r.id: lab.replace("\n", " ") for r, lab in zip(reports, _labels(analysis), strict=True)
    }
    style = {
        r.id: (
            OKABE_ITO[i % len(OKABE_ITO)]
            if OKABE_ITO[i % len(OKABE_ITO)] != "#F0E442"
            else "#000000",
            MARKERS[i % len(MARKERS)],
        )
        for i, r in enumerate(reports)
    }

    # the words of each row's vague amounts, wrapped whole (never cut) for the "no number" column
    def vague_lines(g: dict[str, Any]) -> list[str]:
        words = [
            f"\u2018{m['text']}\u2019 ({names.get(m['report'], m['outlet'])})"
            for m in g["members"]
            if not isinstance(m["value"], int | float)
        ]
        lines: list[str] = []
        for w in words:  # whole entries per line where they fit; a long one wraps on its own
            if lines and len(lines[-1]) + 2 + len(w) <= 40:
                lines[-1] += "; " + w
            else:
                lines.extend(textwrap.wrap(w, 40, break_long_words=False))
        return lines

    # row layout, top to bottom, in data units: (group or section title, centre, height)
    rows: list[tuple[dict[str, Any] | str, float, float]] = []
    y = 0.0
    sections = [
        (None, compared),
        ("Only one report gives these (nothing to compare with):", single),
    ]
    for title, gs in sections:
        if not gs:
            continue
        if title and rows:
            rows.append((title, y + 0.45, 0.9))
            y += 0.9
        for g in gs:
            h = 1.0 if g in compared else 0.62
            h = max(h, 0.34 * len(vague_lines(g)) + 0.2)
            rows.append((g, y + h / 2, h))
            y += h
    total = max(y, 1.0)
    any_vague = any(vague_lines(g) for g in groups)
    side = None
    if ax is None and any_vague:
        import matplotlib.pyplot as plt

        _, (ax, side) = plt.subplots(
            1,
            2,
            figsize=(12, 0.3 * total + 2.3),
            sharey=True,
            width_ratios=(2.2, 1),
            layout="constrained",
        )
    ax = _axes(ax, (12, 0.3 * total + 2.3))
    labels: list[str] = []
    ticks: list[float] = []
    values: list[float] = []
    seen: set[str] = set()
    heads = []
    for item, yc, h in rows:
        if isinstance(item, str):
            heads.append((item, yc))
            ax.axhline(yc - h / 2 + 0.1, color="#555", linewidth=0.8, linestyle="-")
            continue
        g = item
        exact = [m for m in g["members"] if isinstance(m["value"], int | float)]
        same: Counter[Any] = Counter(m["value"] for m in exact)
        placed: Counter[Any] = Counter()
        for m in exact:
            v = m["value"]
            n, k = same[v], placed[v]
            placed[v] += 1
            spread = min(0.6, 0.36 * (n - 1)) * min(h, 1.0)  # equal values: up and down
            offset = (k / (n - 1) - 0.5) * spread if n > 1 else 0.0
            colour, marker = style.get(m["report"], ("#000000", "o"))
            label = None if m["report"] in seen else names.get(m["report"], plain(str(m["outlet"])))
            seen.add(m["report"])
            ax.scatter(
                [v],
                [yc + offset],
                marker=marker,
                s=60,
                facecolor=colour,
                edgecolor="black",
                linewidth=0.8,
                zorder=3,
                label=label,
            )
            values.append(float(v))
        row = group_what(g)
        if g in compared:
            row += f"\n({group_verdict(g)})"
        labels.append(row)
        ticks.append(yc)
    ax.set_yticks(ticks, labels, fontsize=9)
    ax.set_ylim(total, 0)
    positive = [v for v in values if v > 0]
    if positive and max(positive) / min(positive) > 100:
        ax.set_xscale("log")
        ax.xaxis.set_major_locator(LogLocator(base=10, subs=(1.0,)))
        lo, hi = min(positive), max(positive)
        ax.set_xlim(lo / 2, hi * 3)
    elif positive:
        lo, hi = min(positive), max(positive)
        pad = (hi - lo) * 0.08 or max(hi * 0.1, 1)
        ax.set_xlim(max(0, lo - pad), hi + pad)
    ax.xaxis.set_major_formatter(FuncFormatter(plain_number))
    ax.xaxis.set_minor_formatter(FuncFormatter(lambda *_: ""))
    from matplotlib.transforms import blended_transform_factory

    trans = blended_transform_factory(ax.transAxes, ax.transData)
    for text, yc in heads:
        ax.text(
            0.005,
            yc + 0.1,
            text,
            transform=trans,
            fontsize=9,
            fontweight="bold",
            va="center",
            ha="left",
        )
    if any_vague:  # the "no number" column, sharing the rows
        if side is None:  # drawn on the caller's axes: the column is an inset at its right
            side = ax.inset_axes((1.02, 0, 0.4, 1), sharey=ax)
        side.set_xlim(0, 1)
        side.set_xticks([])
        side.tick_params(axis="y", left=False, labelleft=False)
        side.spines[["top", "right", "bottom"]].set_visible(False)
        side.spines["left"].set_linestyle("--")
        side.set_title("no number given: the words", fontsize=9, style="italic", loc="left")
        side.set_label("no number")
        for item, yc, _h in rows:
            if isinstance(item, str):
                continue
            lines = vague_lines(item)
            if lines:
                side.text(
                    0.03,
                    yc,
                    "\n".join(lines),
                    fontsize=8,
                    style="italic",
                    va="center",
                    ha="left",
                    linespacing=1.15,
                    bbox={"boxstyle": "round,pad=0.2", "fc": "#f4f4f4", "ec": "#888", "ls": "--"},
                )
    ax.grid(axis="x", linestyle=":", color="grey")
    _caption(
        ax,
        "value given in the report"
        + (" (each step is ten times the last)" if ax.get_xscale() == "log" else ""),
    )
    ncol = min(len(seen), 3) or 1
    n_leg_rows = -(-len(seen) // ncol) if seen else 0
    ax.set_title("Figures per thing counted (one marker shape per report)", pad=8 + 15 * n_leg_rows)
    if values:
        ax.legend(
            loc="lower left",
            bbox_to_anchor=(0, 1.0),
            ncol=ncol,
            frameon=False,
            fontsize=9,
            handletextpad=0.3,
            columnspacing=1.2,
            borderaxespad=0.2,
        )
    elif not any_vague:
        ax.text(
            0.5,
            0.5,
            "no figures with a value found",
            transform=ax.transAxes,
            ha="center",
            va="center",
        )
    ax.spines[["top", "right"]].set_visible(False)
    return ax


# --------------------------------------------------------------------------- a map of the places


def plot_place_map(analysis: CaseAnalysis | None, ax: Axes | None = None) -> Axes:
    """A simple labelled map of the places the case's reports name, drawn from the case's
    ``places.toml`` (approximate coordinates entered by hand; no map tiles, no network).

    Filled dots are places a report names (a place's label says how many reports name it);
    hollow dots are given only for orientation. Roads are straight lines through the places
    they pass: a sketch, not a survey. The caption repeats where the coordinates come from.
    A case without ``places.toml`` gets a plain sentence instead of a map.
    """
    if missing(analysis):
        return _no_analysis(ax)  # type: ignore[return-value]
    assert analysis is not None  # missing() is true for None
    import math

    from ..cases.places import load_places

    places = load_places(analysis.case)
    ax = _axes(ax, (6.5, 6.8))  # with its title and caption, within one classroom screen
    if places is None or not places.places:
        ax.text(
            0.5,
            0.5,
            "This case has no places.toml, so there is no map to draw.\n"
            "Add one to the case folder (see the seed case's places.toml).",
            transform=ax.transAxes,
            ha="center",
            va="center",
            wrap=True,
        )
        ax.set_axis_off()
        return ax
    lats = [p.lat for p in places.places]
    mid = math.radians(sum(lats) / len(lats))
    ax.set_aspect(1 / math.cos(mid))  # degrees of longitude are shorter away from the equator
    for i, road in enumerate(places.roads):
        pts = [places.place(n) for n in road.through]
        xs = [p.lon for p in pts if p is not None]
        ys = [p.lat for p in pts if p is not None]
        ax.plot(
            xs,
            ys,
            color="#777777",
            linewidth=2.5,
            linestyle=("-", "--", ":")[i % 3],
            zorder=1,
            label=f"{road.name} highway (sketch)",
        )
    n_reports = len(analysis.case.reports)
    pad = 0.12
    lons = [p.lon for p in places.places]
    ax.set_xlim(min(lons) - pad, max(lons) + 0.55)
    ax.set_ylim(min(lats) - pad, max(lats) + pad)
    for p in places.places:
        named = bool(p.named_in)
        ax.scatter(
            [p.lon],
            [p.lat],
            s=320 if p.main else 55,
            marker="*" if p.main else "o",
            facecolor="#E69F00" if p.main else ("black" if named else "white"),
            edgecolor="black",
            linewidth=1.2,
            zorder=5 if p.main else 3,
        )
    import textwrap

    ax.set_xlabel(
        "longitude (degrees east)\n\n"
        + textwrap.fill(
            f"(1 of {n_reports}): how many of the {n_reports} reports name the place. "
            + (places.source or "Coordinates entered by hand."),
            60,
        )
    )
    ax.set_ylabel("latitude (degrees north)")
    ax.set_title(
        "Where the places in the reports are (approximate)"
        + (f"\n{places.region}" if places.region else "")
    )
    if places.roads:
        ax.legend(loc="lower right", frameon=True, fontsize=8)
    ax.grid(True, color="#dddddd", linewidth=0.6)
    _place_labels(ax, places.places, n_reports)  # last: where labels go depends on the final layout
    return ax


def _place_labels(ax: Axes, places: Any, n_reports: int) -> None:
    """Label each place beside its dot, on the side (right, left, above, below) where the label
    covers the least of the labels already placed, the other dots and the space outside the
    frame: towns a few kilometres apart keep readable names. The main place is labelled first."""
    fig = ax.figure
    fig.canvas.draw()  # runs the layout, so the positions measured below are final
    renderer = fig.canvas.get_renderer()  # type: ignore[attr-defined]
    frame = ax.get_window_extent(renderer)
    from matplotlib.transforms import Bbox

    def dot(p: Any) -> Any:
        x, y = ax.transData.transform((p.lon, p.lat))
        r = 9 if p.main else 4
        return Bbox.from_extents(x - r, y - r, x + r, y + r)

    placed: list[Any] = []  # labels placed so far
    order = sorted(places, key=lambda p: (not p.main, -p.lat))

    def clash(box: Any, p: Any) -> float:
        """How much a label box covers other labels and dots, or sticks out of the frame."""

        def area(a: Any, b: Any) -> float:
            w = min(a.x1, b.x1) - max(a.x0, b.x0)
            h = min(a.y1, b.y1) - max(a.y0, b.y0)
            return max(w, 0) * max(h, 0)

        covered = sum(area(box, b) for b in placed)
        covered += sum(area(box, dot(q)) for q in places if q is not p)
        return covered + (box.width * box.height - area(box, frame))

    for p in order:
        named = bool(p.named_in)
        # short labels beside small dots ("Ariha (1 of 5)"); the caption says what the pair means
        count = f" ({len(p.named_in)} of {n_reports}{' reports' if p.main else ''})"
        note = count if named else " (for orientation)"
        gap = 11 if p.main else 6
        best: tuple[float, Any, Any] | None = None
        first = (
            ((gap, 0, "left", "center"),) if p.main else ()
        )  # the town's name level with its star
        for dx, dy, ha, va in (
            *first,
            (gap, 4, "left", "bottom"),
            (gap, -3, "left", "top"),
            (-gap, 4, "right", "bottom"),
            (-gap, -3, "right", "top"),
            (0, 9, "center", "bottom"),
            (0, -9, "center", "top"),
        ):
            ann = ax.annotate(
                p.name + note,
                (p.lon, p.lat),
                xytext=(dx, dy),
                textcoords="offset points",
                ha=ha,
                va=va,
                fontsize=10 if p.main else 8.5,
                fontweight="bold" if p.main else "normal",
                bbox={"boxstyle": "round,pad=0.15", "fc": "white", "ec": "none", "alpha": 0.8},
                zorder=4,
            )
            box = ann.get_window_extent(renderer)
            score = clash(box, p)
            if best is None or score < best[0]:
                if best is not None:
                    best[1].remove()
                best = (score, ann, box)
            else:
                ann.remove()
            if score == 0:
                break
        assert best is not None
        placed.append(best[2])


__all__ = [
    "article_words",
    "loaded_term_counts",
    "plain_number",
    "plot_figures",
    "plot_loaded_terms",
    "plot_place_map",
    "plot_source_mix",
    "source_mix",
]


_PNG = b"\x89PNG\r\n\x1a\n"


def _chart_file(plot: Callable[..., Any], analysis: CaseAnalysis, options: dict[str, Any]) -> Path:
    from importlib import metadata

    from ..analysis import analysis_fingerprint
    from ..nlp import cache_dir

    try:
        mpl = metadata.version("matplotlib")
    except metadata.PackageNotFoundError:  # pragma: no cover - a kit dependency
        mpl = "?"
    h = hashlib.sha256(
        f"{analysis_fingerprint(analysis)}|{mpl}|{plot.__name__}|"
        f"{sorted(options.items())!r}".encode()
    )
    return cache_dir() / "charts" / f"{plot.__name__}-{h.hexdigest()[:32]}.png"


def _draw_png(plot: Callable[..., Any], analysis: CaseAnalysis, options: dict[str, Any]) -> bytes:
    import io

    import matplotlib.pyplot as plt

    ax = plot(analysis, **options)
    fig = ax.figure
    buf = io.BytesIO()
    try:
        fig.savefig(buf, format="png", bbox_inches="tight")
    finally:
        plt.close(fig)
    return buf.getvalue()


def chart_png(
    plot: Callable[..., Any], analysis: CaseAnalysis | None, /, **options: Any
) -> bytes | None:
    """The PNG picture of ``plot(analysis, **options)``, one of this module's ``plot_*`` charts.

    Drawn once, then kept in the kit's cache (``MEDIAKIT_CACHE``) under the analysis'
    fingerprint (:func:`mediakit.analysis.analysis_fingerprint`), the chart's name, its options
    and matplotlib's version: the same chart of the same analysis is read back, not drawn again.
    Given no analysis, ``plot`` shows its "run lesson.start first" box and ``None`` is returned."""
    if (
        getattr(plot, "__module__", None) != __name__
        or not getattr(plot, "__name__", "").startswith("plot_")
        or globals().get(plot.__name__) is not plot
    ):
        raise TypeError(
            f"plots.chart draws one of the kit's charts, such as plots.plot_source_mix; "
            f"{plot!r} is not one of them"
        )
    if "ax" in options:
        raise TypeError(
            "plots.chart draws its own figure: call the plot function itself to "
            "draw on your own axes (ax=...)"
        )
    from ..analysis import CaseAnalysis

    if not isinstance(analysis, CaseAnalysis):
        plot(analysis, **options)  # the "run lesson.start first" box, or the chart's own error
        return None
    from ..nlp import cache_used, cache_written, write_atomic

    f = _chart_file(plot, analysis, options)
    try:
        cached = f.read_bytes()
    except OSError:
        pass
    else:
        if cached.startswith(_PNG):  # a picture, shown as one; anything else is drawn again
            cache_used(f)
            return cached
    data = _draw_png(plot, analysis, options)
    # no cache (a read-only home, a full disk) is not a failure: the chart is still shown
    if write_atomic(f, data):
        cache_written("charts", len(data))
    return data


def chart(plot: Callable[..., Any], analysis: CaseAnalysis | None, /, **options: Any) -> None:
    """Show one of this module's charts, drawn once and then read from the kit's cache.

    ``plots.chart(plots.plot_source_mix, analysis, per_100_words=True)`` shows the picture that
    ``plots.plot_source_mix(analysis, per_100_words=True)`` draws; opening the lesson again shows
    it without loading matplotlib. To change a chart (titles, limits), call the plot function
    itself: it returns the matplotlib axes."""
    data = chart_png(plot, analysis, **options)
    if data is None:
        return
    from IPython.display import Image

    show(Image(data=data, format="png"))
