"""The class report as a page and a chart; it only draws what
:func:`mediakit.lessons.classreport.class_report` computed.

Every name, file name and answer is escaped; the page is self-contained (inline CSS, the chart as
inline SVG), loads nothing from the network and can be opened straight from the disk.
"""

from __future__ import annotations

import io
import re
from typing import TYPE_CHECKING, Any

from .common import OKABE_ITO, esc, table_html

if TYPE_CHECKING:
    from matplotlib.axes import Axes

PAGE_CSS = """
body{font-family:system-ui,sans-serif;margin:1.5em auto;max-width:70em;padding:0 1em;color:#222}
table{border-collapse:collapse;margin:.5em 0 1.5em}
th,td{border:1px solid #bbb;padding:3px 8px;text-align:left;vertical-align:top}
th{background:#eee}
.mk-bar{display:inline-block;height:.8em;background:#0072B2;vertical-align:middle}
.mk-skipped{border-left:6px solid #E69F00;padding:2px 10px}
"""


def _share(value: float | None) -> str:
    return "—" if value is None else f"{round(100 * value)}%"


def plot_first_try(report: Any, ax: Axes | None = None) -> Axes:
    """Per exercise answered by someone: the share of learners right at the first try."""
    import matplotlib.pyplot as plt

    rows = [r for r in report.exercises if r.first_try_known]
    if ax is None:
        _, ax = plt.subplots(figsize=(7, max(2.0, 0.28 * len(rows) + 1)), layout="constrained")
    if not rows:
        ax.text(
            0.5, 0.5, "No checked answers yet", ha="center", va="center", transform=ax.transAxes
        )
        ax.set_axis_off()
        return ax
    labels = [r.id for r in rows]
    shares = [100 * r.first_try_share for r in rows]
    y = range(len(rows))
    ax.barh(list(y), shares, color=OKABE_ITO[4], edgecolor="black", hatch="//")
    for i, r in enumerate(rows):
        ax.text(
            min(shares[i] + 1, 96),
            i,
            f"{r.first_try_right}/{r.first_try_known}",
            va="center",
            fontsize=8,
        )
    ax.set_yticks(list(y), labels)
    ax.invert_yaxis()
    ax.set_xlim(0, 105)
    ax.set_xlabel("% of learners right at the first try")
    ax.set_title("Right at the first try, per exercise")
    return ax


def first_try_svg(report: Any) -> str:
    """The chart as an inline SVG element (empty when nothing was checked yet)."""
    if not any(r.first_try_known for r in report.exercises):
        return ""
    import matplotlib

    matplotlib.use("Agg", force=False)
    import matplotlib.pyplot as plt

    ax = plot_first_try(report)
    fig = ax.get_figure(root=True)
    assert fig is not None  # an axes drawn by plot_first_try always has its figure
    buf = io.StringIO()
    fig.savefig(buf, format="svg", metadata={"Date": None})
    plt.close(fig)
    svg = buf.getvalue()
    svg = re.sub(r"<metadata>.*?</metadata>", "", svg[svg.index("<svg") :], flags=re.S)
    return svg


def class_report_html(report: Any, *, standalone: bool = True, chart: bool = True) -> str:
    """The whole report: skipped files, per exercise, per learner (a page or a fragment)."""
    n = len(report.learners)
    parts = [
        f"<h1>Class report</h1><p>{n} learner{'s' if n != 1 else ''} · answers read from "
        f"<code>{esc(report.folder)}</code> (read only; nothing was changed or sent).</p>"
    ]
    if report.skipped:
        items = "".join(f"<li><code>{esc(f)}</code>: {esc(why)}</li>" for f, why in report.skipped)
        parts.append(
            f"<div class='mk-skipped'><p>{len(report.skipped)} file(s) skipped:</p>"
            f"<ul>{items}</ul></div>"
        )
    parts.append("<h2>Per exercise</h2>")
    ex_rows = []
    for r in report.exercises:
        if not r.answered:
            continue
        wrong = "; ".join(f"“{a}” ({k})" for a, k in r.wrong_answers) or "—"
        ex_rows.append(
            [
                r.id,
                r.title,
                r.answered,
                _share(r.first_try_share)
                + (f" ({r.first_try_right}/{r.first_try_known})" if r.first_try_known else ""),
                wrong,
            ]
        )
    parts.append(
        table_html(
            [
                "exercise",
                "about",
                "answered by",
                "right at first try",
                "most common wrong first answers",
            ],
            ex_rows,
            empty="Nobody has answered an exercise yet.",
        )
    )
    if chart:
        parts.append(first_try_svg(report))
    parts.append("<h2>Per learner</h2>")
    lesson_ids = sorted({lid for r in report.learners for lid in r.by_lesson})
    head = ["learner", "done", *[f"lesson {lid}" for lid in lesson_ids]]
    if report.skills_available:
        head += ["skills check before", "after"]
    rows_html = []
    for r in report.learners:
        bar = f"<span class='mk-bar' style='width:{round(60 * r.share_done)}px'></span>"
        cells = [f"<td>{esc(r.name)}</td>", f"<td>{bar} {r.done}/{r.total}</td>"]
        cells += [f"<td>{r.by_lesson[lid][0]}/{r.by_lesson[lid][1]}</td>" for lid in lesson_ids]
        if report.skills_available:
            cells += [
                f"<td>{esc(_side(r.skills, 'before'))}</td>",
                f"<td>{esc(_side(r.skills, 'after'))}</td>",
            ]
        rows_html.append("<tr>" + "".join(cells) + "</tr>")
    heads = "".join(f"<th>{esc(h)}</th>" for h in head)
    parts.append(
        f"<table><tr>{heads}</tr>{''.join(rows_html)}</table>"
        if rows_html
        else "<p>No learner's answers found.</p>"
    )
    body = "".join(parts)
    if not standalone:
        return f"<div class='mk-class-report'><style>{PAGE_CSS}</style>{body}</div>"
    return (
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>"
        "<meta http-equiv='Content-Security-Policy' content=\"default-src 'none'; "
        "style-src 'unsafe-inline'; img-src data:\">"
        f"<title>Class report</title><style>{PAGE_CSS}</style></head><body>{body}</body></html>"
    )


def _side(skills: dict[str, Any] | None, side: str) -> str:
    part = (skills or {}).get(side) or {}
    if not part.get("out_of"):
        return "—"
    if not part.get("answered"):
        return "not taken"
    return f"{part.get('right', 0)} of {part['out_of']} right first time" + (
        "" if part.get("complete") else f" ({part['answered']} answered)"
    )
