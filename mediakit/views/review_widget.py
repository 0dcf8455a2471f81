"""The teacher's review view, ``views.review(analysis)``: every mark of the machine's analysis
(quotes with their speakers, sources with their kinds, figures, figure groups, loaded terms)
in one list, each with confirm / correct / drop, the evidence beside it and the reader below;
each decision is saved to the case folder's ``review.toml`` (docs/review.md).

Thin wiring over :mod:`mediakit.views.reviewing`; every control is native (a list box, radio
buttons, text boxes, drop-downs and a button, each with its label), so the whole review is
done from the keyboard. From Python or a test::

    v = views.review(analysis)
    v.controls["item"].value = v.controls["item"].options[3][1]   # pick a mark
    v.controls["decision"].value = "correct"
    v.controls["speaker"].value = "Bruce Braley"
    v.controls["save"].click()
    v.controls["status"].value                                    # "Saved in review.toml ..."
"""

from __future__ import annotations

from dataclasses import replace
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

import ipywidgets as widgets

from ..cases.review import (
    REVIEW_FILE,
    Review,
    apply_review,
    load_review,
    review_groups,
    save_review,
)
from ..errors import MediakitError
from .common import SOURCE_TYPE_NAMES, TERM_NAMES, esc, style_tag
from .display import NOT_STARTED, error_html, missing, notice_html
from .reviewing import (
    CHOICES,
    FILTERS,
    ReviewItem,
    corrections,
    decide_item,
    evidence_html,
    filter_items,
    item_label,
    machine_value,
    progress_text,
    refreshed,
    review_items,
)
from .widgets import View, reader

if TYPE_CHECKING:
    from ..analysis import CaseAnalysis

DECISIONS = (
    ("not checked yet", ""),
    ("confirm: the machine is right", "confirm"),
    ("correct it (fill in the fields below)", "correct"),
    ("drop: this is not a mark", "drop"),
)
GROUP_DECISIONS = (
    ("not checked yet", ""),
    ("confirm: these figures count the same thing", "confirm"),
    ("drop: they do not count the same thing", "drop"),
)
# the form's controls: control name -> (field of the correction, kinds it belongs to)
_CONTROLS = {
    "speaker": ("speaker", ("quote",)),
    "speaker_type": ("speaker_type", ("quote",)),
    "source": ("source", ("attribution",)),
    "source_type": ("source_type", ("attribution",)),
    "value": ("value", ("figure",)),
    "vague": ("vague", ("figure",)),
    "what": ("what", ("figure",)),
    "figure_source": ("source", ("figure",)),
    "category": ("category", ("term",)),
}


def _shipped(folder: Path) -> bool:
    root = Path(str(resources.files("mediakit") / "data" / "cases")).resolve()
    return folder.resolve().is_relative_to(root)


def _box(html: str, role: str = "status") -> str:
    return f'<div class="mk-root"><div class="mk-notice" role="{role}">{html}</div></div>'


def review(analysis: CaseAnalysis) -> View:
    """The review view for the case of ``analysis`` (reviewed or not: the list always holds the
    machine's own marks, with the decisions ``review.toml`` holds). Controls: ``filter``,
    ``item`` (the marks), ``evidence``, ``decision``, the correction fields (``speaker``,
    ``speaker_type``, ``source``, ``source_type``, ``value``, ``vague``, ``what``,
    ``figure_source``, ``category``), ``save``, ``status``, ``summary`` and ``reader`` (the
    reader's own View). ``view.state["review"]`` is the review as saved."""
    from ..analysis import analyze

    if missing(analysis):
        w = widgets.HTML(notice_html(NOT_STARTED))
        return View(widgets.VBox([w]), {"message": w, "status": w})
    case = analysis.case
    folder = Path(case.path) if case.path is not None else None
    if folder is None or _shipped(folder):
        w = widgets.HTML(
            notice_html(
                "This case ships with the kit, so its review cannot be saved here. Copy its "
                "folder to your own folder (or make a case of your reports: lesson 06), load "
                "that folder, and review it there."
            )
        )
        return View(widgets.VBox([w]), {"message": w, "status": w})
    try:
        current = load_review(folder) or Review()
    except MediakitError as exc:  # a hand-edited file with a mistake: say so, change nothing
        w = widgets.HTML(error_html(exc))
        return View(widgets.VBox([w]), {"message": w, "status": w})
    machine = analyze(replace(case, review=None))
    state: dict[str, Any] = {"review": current, "items": review_items(machine, current)}

    c: dict[str, widgets.Widget] = {}
    wide = widgets.Layout(width="95%")
    c["summary"] = widgets.HTML()
    c["filter"] = widgets.Dropdown(options=FILTERS, value="", description="Show")
    c["item"] = widgets.Select(options=[], rows=10, description="Mark", layout=wide)
    c["item"].add_class("mk-review-list")
    c["evidence"] = widgets.HTML(layout=widgets.Layout(width="50%"))
    c["decision"] = widgets.RadioButtons(options=DECISIONS, value="", description="Decision")
    types = [(SOURCE_TYPE_NAMES.get(t, t), t) for t in CHOICES["speaker_type"]]
    c["speaker"] = widgets.Text(description="Speaker", continuous_update=False)
    c["speaker_type"] = widgets.Dropdown(options=types, description="Kind of speaker")
    c["source"] = widgets.Text(description="Source (who it is)", continuous_update=False)
    c["source_type"] = widgets.Dropdown(options=types, description="Kind of source")
    c["value"] = widgets.Text(description="Value", continuous_update=False)
    c["vague"] = widgets.Checkbox(description="Vague amount (no exact number)", indent=False)
    c["what"] = widgets.Text(description="What is counted", continuous_update=False)
    c["figure_source"] = widgets.Text(description="According to", continuous_update=False)
    c["category"] = widgets.Dropdown(
        options=[(TERM_NAMES.get(t, t), t) for t in CHOICES["category"]], description="Category"
    )
    for name in _CONTROLS:
        c[name].style = {"description_width": "initial"}
    c["save"] = widgets.Button(description="Save this decision", button_style="primary")
    c["status"] = widgets.HTML()
    # what Save will record, said by the kernel as soon as a decision is chosen
    c["pending"] = widgets.HTML()
    c["pending"].add_class("mk-review-pending")
    view_reader = reader(machine)
    c["reader"] = view_reader.widget
    state["reader"] = view_reader

    def by_key() -> dict[str, ReviewItem]:
        return {i.key: i for i in state["items"]}

    def stale_lines() -> list[str]:
        review_now = state["review"]
        _, outcome = apply_review(review_now, machine.case.reports, machine.records)
        _, outcome = review_groups(
            review_now, machine.case.reports, machine.comparisons.figure_groups, outcome
        )
        return list(outcome.stale) if outcome else []

    def draw_summary() -> None:
        stale = stale_lines()
        lines = "".join(f"<li>{esc(s)}</li>" for s in stale)
        c["summary"].value = (
            f"{style_tag()}<div class='mk-root'><p><b>Review of {esc(case.title)}:</b> "
            f"{esc(progress_text(state['items']))}. Each decision is saved in "
            f"{esc(REVIEW_FILE)} in the case folder.</p>"
            + (
                f"<p>Entries of {esc(REVIEW_FILE)} that no longer fit the text (not applied):"
                f"</p><ul>{lines}</ul>"
                if lines
                else ""
            )
            + "</div>"
        )

    def draw_list() -> None:
        shown = filter_items(state["items"], c["filter"].value)
        keep = c["item"].value
        opts = [(item_label(i, case), i.key) for i in shown]
        state["drawing"] = True
        try:
            c["item"].options = opts
            keys = [k for _, k in opts]
            c["item"].value = keep if keep in keys else (keys[0] if keys else None)
        finally:
            state["drawing"] = False
        show_item()

    def show_item() -> None:
        item = by_key().get(c["item"].value or "")
        for name, (_field, kinds) in _CONTROLS.items():
            c[name].layout.display = "" if item is not None and item.kind in kinds else "none"
        if item is None:
            c["evidence"].value = _box("No mark of this kind in the case.")
            return
        c["decision"].options = GROUP_DECISIONS if item.kind == "figure_group" else DECISIONS
        c["decision"].value = item.decision or ""
        fixed = item.entry.corrections if item.entry else {}
        for name, (field, kinds) in _CONTROLS.items():
            if item.kind not in kinds:
                continue
            v = fixed.get(field, machine_value(item, field))
            if name == "vague":
                c[name].value = bool(v)
            elif name in ("speaker_type", "source_type", "category"):
                c[name].value = v if v in CHOICES[name] else CHOICES[name][-1]
            elif name == "value":
                c[name].value = "" if v is None else f"{v:g}"
            else:
                c[name].value = "" if v is None else str(v)
        c["evidence"].value = f"<div class='mk-root'>{evidence_html(machine, item)}</div>"
        chooser = view_reader.controls["reports"]
        if item.report not in chooser.value:
            chooser.value = (item.report, *chooser.value)[:5]
        explain = view_reader.controls["annotation"]
        if item.mark in {v for _, v in explain.options}:
            explain.value = item.mark

    def form_values(item: ReviewItem) -> dict[str, Any]:
        return {
            field: c[name].value for name, (field, kinds) in _CONTROLS.items() if item.kind in kinds
        }

    def on_item(_change: Any = None) -> None:
        if not state.get("drawing"):
            c["status"].value = ""
            show_item()

    def on_save(_button: Any = None) -> None:
        item = by_key().get(c["item"].value or "")
        if item is None:
            c["status"].value = _box("Choose a mark in the list first.")
            return
        values = {
            field: c[name].value for name, (field, kinds) in _CONTROLS.items() if item.kind in kinds
        }
        try:
            new = decide_item(state["review"], item, c["decision"].value or None, values)
            path = save_review(new, folder)
        except MediakitError as exc:  # nothing is lost: the form keeps what was typed
            c["status"].value = _box(esc(str(exc)), role="alert")
            return
        state["review"] = new
        state["items"] = [refreshed(i, new, case) for i in state["items"]]
        done = by_key()[item.key]
        c["status"].value = _box(
            f"Saved in {esc(path.name)}: {esc(item_label(done, case))}. Start the lesson "
            "again (or rerun lesson.start) to see the reviewed marks in every view."
        )
        draw_list()
        draw_summary()

    def on_decision(_change: Any = None) -> None:
        words = dict((v, k) for k, v in c["decision"].options).get(c["decision"].value, "")
        item = by_key().get(c["item"].value or "")
        if item is not None and c["decision"].value == "correct":
            try:
                fixes = corrections(item, form_values(item))
                words += " \u2014 " + ", ".join(
                    f"{k}: {v:g}" if isinstance(v, float) else f"{k}: {v}" for k, v in fixes.items()
                )
            except MediakitError:
                words += " \u2014 nothing changed yet"
        c["pending"].value = f"<p>Save will record: <b>{esc(words)}</b></p>"

    c["decision"].observe(on_decision, names="value")
    for name in _CONTROLS:
        c[name].observe(on_decision, names="value")
    c["item"].observe(on_item, names="value")
    c["filter"].observe(lambda _ch: draw_list(), names="value")
    c["save"].on_click(on_save)

    form = widgets.VBox(
        [c["decision"], *(c[name] for name in _CONTROLS), c["pending"], c["save"], c["status"]],
        layout=widgets.Layout(width="48%", margin="0 1em 0 0"),
    )
    box = widgets.VBox(
        [
            c["summary"],
            widgets.HTML(
                "<p>Pick a mark, read the evidence beside it (and in the reader below), choose "
                "a decision and press <b>Save this decision</b>. Tab moves between the controls; "
                "arrow keys move in the list and between the decisions.</p>"
            ),
            c["filter"],
            c["item"],
            widgets.HBox([form, c["evidence"]]),
            c["reader"],
        ]
    )
    box.add_class("mk-review")
    draw_list()
    draw_summary()
    return View(box, c, refresh=draw_list, state=state)
