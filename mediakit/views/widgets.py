"""Interactive views for the lessons (the only module that imports ipywidgets).

Each builder wires a few controls to the pure renderers of :mod:`mediakit.views.render` and returns
a :class:`View`: ``view.widget`` is what the notebook shows (a View displays itself when it is
the last expression of a cell) and ``view.controls`` names every control, so a test or an
exercise can drive it without a browser::

    v = reader(analysis)
    v.controls["quotes"].value = False          # hide the quotes layer
    v.controls["annotation"].value = v.controls["annotation"].options[1][1]
    v.controls["detail"].value                  # what the kit found, and why

The reader's columns are a small custom widget (:class:`ReaderText`, made with anywidget) so
that a click on a mark in the text, or Enter on it, explains it. Every mark is also listed in
the "Explain" selection box, for keyboard and screen-reader users; the two stay in step.
Choosing a mark either way fills the detail panel, outlines it in the text, highlights the same
passage in the other reports and scrolls that report's column to it. From Python or a test::

    v.controls["text"].selected = "21wire|q1"   # as if the learner clicked that mark
    v.controls["text"].scroll_to                # "mee|x0": the column that was scrolled, and where
    v.controls["reports"].value = ("mee", "sputnik")   # tick exactly these reports
    v.controls["reports"].boxes["21wire"].value = True # or tick one checkbox
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from importlib import resources
from typing import TYPE_CHECKING, Any

import anywidget
import ipywidgets as widgets
import traitlets

from ..errors import MediakitError
from ..records import SOURCE_TYPES, TERM_CATEGORIES
from . import render
from .display import NOT_STARTED, missing, notice_html
from .render import LAYER_NAMES, LAYERS, Annotation, esc, get_field, shared_passages_of

if TYPE_CHECKING:
    from ..analysis import CaseAnalysis
    from ..cases.case import Report

MAX_COLUMNS = 5
PROMPT = (
    "Choose a mark to see what the kit found there and why: click it in the text, or "
    "press Tab to reach it and Enter."
)


@dataclass
class View:
    """A built view: ``widget`` to display, ``controls`` by name, ``refresh()`` to redraw."""

    widget: widgets.Widget
    controls: dict[str, widgets.Widget]
    refresh: Any = field(default=None, repr=False)
    state: dict[str, Any] = field(default_factory=dict, repr=False)

    def _repr_mimebundle_(self, **kwargs: Any) -> Any:
        return self.widget._repr_mimebundle_(**kwargs)


def _html(value: str = "", **kw: Any) -> widgets.HTML:
    return widgets.HTML(value=value, layout=widgets.Layout(width="auto"), **kw)


def _styled(body: str) -> str:
    return f'<div class="mk-root">{body}</div>'


def _not_started(*names: str) -> View:
    """The view shown when there is no analysis (``lesson.start`` failed): one plain box.

    The box is reachable as ``controls["message"]`` and under the view's usual output name.
    """
    w = _html(notice_html(NOT_STARTED))
    return View(widgets.VBox([w]), dict.fromkeys(("message", *names), w))


def _notes(analysis: CaseAnalysis, view: str) -> str:
    """The comparison stage's notes relevant to one view, as HTML ("" when none)."""
    return render.notes_html(analysis, topics=render.NOTE_TOPICS.get(view))


def _style() -> widgets.HTML:
    """The kit's stylesheet, once per view (a ``<style>`` element applies to the whole page)."""
    w = widgets.HTML(value=render.style_tag(), layout=widgets.Layout(height="0px", margin="0"))
    w.add_class("mk-style")
    return w


class ReaderText(anywidget.AnyWidget):
    """The reader's columns: HTML made by :mod:`mediakit.views.render`, with marks a learner can pick.

    ``value`` is the HTML (already escaped in Python; the browser side only sets it as the
    element's content). A click on a mark, or Enter on it, sets ``selected`` to its ``data-mark``
    id (``"report id|key"``). Setting ``scroll_to`` to a ``data-mark`` or ``data-passage`` id
    scrolls that element into view inside its report column and outlines it.
    """

    _esm = (resources.files("mediakit.views") / "static" / "reader.js").read_text("utf-8")
    value = traitlets.Unicode("").tag(sync=True)
    selected = traitlets.Unicode("").tag(sync=True)
    scroll_to = traitlets.Unicode("").tag(sync=True)


class ReportChooser(widgets.VBox):
    """One checkbox per report (or per kind, for the reader's filters), so nobody needs
    Ctrl-click to choose several.

    ``value`` is the tuple of ticked report ids, in the case's order; set it to tick exactly
    those (``chooser.value = ("mee", "sputnik")``) and observe it like any widget value.
    ``boxes[report_id]`` is the checkbox of one report; ``options`` lists ``(label, id)``.
    """

    value = traitlets.Tuple()

    def __init__(
        self,
        options: Sequence[tuple[str, str]],
        value: Iterable[str] = (),
        *,
        title: str = "Reports",
        what: str = "report",
        **kwargs: Any,
    ) -> None:
        self.options = list(options)
        chosen = set(value)
        self.boxes = {
            rid: widgets.Checkbox(
                value=rid in chosen,
                description=label,
                indent=False,
                layout=widgets.Layout(width="auto"),
            )
            for label, rid in self.options
        }
        self._busy = False
        self._what = what
        head = widgets.HTML(f"<b>{esc(title)}</b>")
        super().__init__(children=[head, *self.boxes.values()], **kwargs)
        self.add_class("mk-reports" if what == "report" else "mk-kinds")
        self.value = tuple(rid for rid in self.boxes if rid in chosen)
        for box in self.boxes.values():
            box.observe(self._from_boxes, names="value")

    @traitlets.validate("value")
    def _valid(self, proposal: dict[str, Any]) -> tuple[str, ...]:
        wanted = tuple(proposal["value"])
        unknown = [r for r in wanted if r not in self.boxes]
        if unknown:
            if self._what == "report":
                raise MediakitError(
                    f"There is no report called {unknown[0]!r} in this case.",
                    hint=f"The reports are: {', '.join(self.boxes)}.",
                )
            raise MediakitError(
                f"There is no {self._what} called {unknown[0]!r}.",
                hint=f"The choices are: {', '.join(self.boxes)}.",
            )
        return tuple(rid for rid in self.boxes if rid in wanted)

    @traitlets.observe("value")
    def _to_boxes(self, change: dict[str, Any]) -> None:
        if self._busy:
            return
        self._busy = True
        try:
            for rid, box in self.boxes.items():
                box.value = rid in change["new"]
        finally:
            self._busy = False

    def _from_boxes(self, _: Any = None) -> None:
        if self._busy:
            return
        self._busy = True
        try:
            self.value = tuple(rid for rid, box in self.boxes.items() if box.value)
        finally:
            self._busy = False


def _short(s: str, n: int = 60) -> str:
    s = " ".join(s.split())
    return s if len(s) <= n else s[: n - 1] + "…"


# --------------------------------------------------------------------------- reader

_LAYER_SHORT = {
    "quotes": "quote",
    "sources": "source",
    "figures": "figure",
    "terms": "term",
    "boilerplate": "boilerplate",
    "shared": "shared",
}


def _option_label(rep: Report, a: Annotation, name: str) -> str:
    words = _short(rep.text[a.start : a.end], 50)
    label = f"{name} · {_LAYER_SHORT.get(a.layer, a.layer)}"
    if a.layer == "quotes":
        return f"{label} · {get_field(a.record, 'speaker') or 'speaker?'}: “{words}”"
    if a.layer == "sources":
        if render.agentless(a.record):
            return f"{label} · {render.source_name(a.record)}"
        kind = render.SOURCE_TYPE_NAMES.get(get_field(a.record, "source_type") or "", "")
        return f"{label} ({kind}) · {words}"
    if a.layer == "terms":
        cat = get_field(a.record, "category") or ""
        return f"{label} ({render.TERM_NAMES.get(cat, cat)}) · {words}"
    if a.layer == "boilerplate":
        return f"{label} ({render.boilerplate_name(get_field(a.record, 'kind'))}) · {words}"
    return f"{label} · {words}"


# Option values of the Explain list: a mark is "report id|key" (render.mark_id: it always holds
# a "|"); a shared passage is PASSAGE + its number, which holds no "|", so the two can never be
# confused, whatever a report is called (even "shared", or an id with "|" in it).
PASSAGE = "passage:"


def reader(
    analysis: CaseAnalysis,
    *,
    reports: Sequence[str] | None = None,
    layers: Iterable[str] = LAYERS,
) -> View:
    """The annotated side-by-side reader: two to five reports in columns with layer toggles.

    ``reports`` are report ids (default: the first five of the case); ``layers`` are the layers
    switched on at the start. Controls: ``reports`` (a :class:`ReportChooser`, one checkbox per
    report; ``.value`` is the tuple of ticked ids), one toggle per layer (``quotes``,
    ``sources``, ``figures``, ``terms``, ``boilerplate``), ``source_types`` and
    ``term_categories`` (filters), ``annotation`` (the "Explain" list: pick a mark to explain),
    ``detail`` (what the kit found and why), ``text`` (the columns, a :class:`ReaderText`:
    ``.value`` is their HTML, ``.selected`` the clicked mark, ``.scroll_to`` where the reader
    jumped) and ``message``.

    Report ids this case does not have are left out, with a plain message naming them and the
    case's reports (if none is left, the first reports are shown), so a lesson written for one
    case still runs on another. Without an analysis (``lesson.start`` failed) it shows a box
    saying so.
    """
    if missing(analysis):
        return _not_started("text", "detail")
    case = analysis.case
    all_ids = [r.id for r in case.reports]
    names = render.row_labels(case)
    not_found: list[str] = []
    if reports is None:
        chosen = all_ids[:MAX_COLUMNS]
    else:
        if isinstance(reports, str):
            reports = [reports]
        chosen = []
        for r in reports:
            try:
                chosen.append(case.report(r).id)
            except (MediakitError, IndexError, TypeError):
                not_found.append(str(r))
        if len(chosen) > MAX_COLUMNS:
            raise MediakitError(
                f"The reader shows at most {MAX_COLUMNS} reports side by side; "
                f"you asked for {len(chosen)}.",
                hint="Pass fewer report ids in reports=[...].",
            )
        chosen = list(dict.fromkeys(chosen))
        if not_found and len(chosen) < 2:
            chosen += [i for i in all_ids if i not in chosen][: 2 - len(chosen)]
    on = set(layers)
    unknown = on - set(LAYERS)
    if unknown:
        raise MediakitError(
            f"Unknown layer(s): {', '.join(sorted(unknown))}.",
            hint=f"The layers are: {', '.join(LAYERS)}.",
        )

    c: dict[str, widgets.Widget] = {}
    c["reports"] = ReportChooser(
        [(names[r.id], r.id) for r in case.reports],
        chosen,
        title=f"Reports to compare (tick 2 to {MAX_COLUMNS})",
        layout=widgets.Layout(width="auto", min_width="16em", margin="0 1em 0 0"),
    )
    for layer in LAYERS:
        c[layer] = widgets.ToggleButton(
            value=layer in on,
            description=LAYER_NAMES[layer],
            icon="check" if layer in on else "",
            tooltip=f"Show or hide {LAYER_NAMES[layer].lower()}",
            layout=widgets.Layout(width="auto"),
        )
    c["source_types"] = ReportChooser(
        [(render.SOURCE_TYPE_NAMES[t], t) for t in SOURCE_TYPES],
        SOURCE_TYPES,
        title="Kinds of source to mark",
        what="kind of source",
        layout=widgets.Layout(width="auto", margin="0 1em 0 0"),
    )
    c["term_categories"] = ReportChooser(
        [(render.TERM_NAMES[t], t) for t in TERM_CATEGORIES],
        TERM_CATEGORIES,
        title="Kinds of loaded term to mark",
        what="kind of loaded term",
        layout=widgets.Layout(width="auto"),
    )
    c["annotation"] = widgets.Select(
        options=[("(choose a mark to see what the kit found)", "")],
        value="",
        rows=8,
        description="Explain",
        layout=widgets.Layout(width="95%"),
    )
    c["annotation"].add_class("mk-explain")
    c["detail"] = _html(_styled(f'<div class="mk-detail mk-muted">{esc(PROMPT)}</div>'))
    c["message"] = _html()
    c["text"] = ReaderText(layout=widgets.Layout(width="100%"))
    notice = ""
    if not_found:
        notice = (
            f"This case has no report called {', '.join(repr(x) for x in not_found)}, so "
            f"the reader shows {', '.join(names[i] for i in chosen)} instead. The reports "
            f"of this case are: {', '.join(all_ids)}."
        )
    notes = _notes(analysis, "reader")

    traces = render.quote_traces(analysis)
    trace_of: dict[tuple[str, int, int], dict[str, Any]] = {}
    for t in traces:
        for a in t["appearances"]:
            trace_of[(a["report"], a["start"], a["end"])] = t
    state: dict[str, Any] = {"anns": {}, "selected": None, "shared": {}}

    def active_layers() -> tuple[str, ...]:
        return tuple(layer for layer in LAYERS if c[layer].value)

    def visible() -> list[str]:
        ids = [i for i in all_ids if i in c["reports"].value]
        return ids[:MAX_COLUMNS]

    def draw() -> None:
        ids = visible()
        sel = state["selected"]
        c["text"].value = render.render_side_by_side(
            analysis,
            ids,
            layers=active_layers(),
            shared=state["shared"],
            selected=sel,
            source_types=c["source_types"].value,
            term_categories=c["term_categories"].value,
            style=False,
        )
        n = len(c["reports"].value)
        if n < 2 and len(all_ids) > 1:
            msg = "Tick at least two reports to compare them side by side."
        elif n > MAX_COLUMNS:
            msg = f"Only the first {MAX_COLUMNS} ticked reports are shown."
        else:
            msg = ""
        c["message"].value = (
            _styled(
                (f'<div class="mk-notice" role="status">{esc(notice)}</div>' if notice else "")
                + (f'<span class="mk-muted">{esc(msg)}</span>' if msg else "")
                + notes
            )
            if notice or msg or notes
            else ""
        )

    def rebuild_options() -> None:
        ids = visible()
        opts: list[tuple[str, str]] = [("(choose a mark to see what the kit found)", "")]
        anns: dict[str, tuple[str, Annotation]] = {}
        shared_opts: dict[str, int] = {}
        for rid in ids:
            rep = case.report(rid)
            for a in render.mark_annotations(
                rep,
                analysis.records.get(rid),
                layers=active_layers(),
                source_types=c["source_types"].value,
                term_categories=c["term_categories"].value,
            ):
                value = render.mark_id(rid, a.key)
                anns[value] = (rid, a)
                opts.append((_option_label(rep, a, names[rid]), value))
        for i, p in enumerate(shared_passages_of(analysis)):
            ra, rb = get_field(p, "a"), get_field(p, "b")
            if ra in ids or rb in ids:
                try:
                    rep_a, rep_b = case.report(ra), case.report(rb)
                except MediakitError:
                    continue
                words = _short(
                    rep_a.text[get_field(p, "a_start", 0) : get_field(p, "a_end", 0)], 44
                )
                value = f"{PASSAGE}{i}"
                shared_opts[value] = i
                opts.append(
                    (f"shared passage · {names[rep_a.id]} ↔ {names[rep_b.id]} · “{words}”", value)
                )
        state["anns"] = anns
        state["passages"] = shared_opts
        current = c["annotation"].value
        state["rebuilding"] = True
        try:
            c["annotation"].options = opts
            c["annotation"].value = current if current in {v for _, v in opts} else ""
        finally:
            state["rebuilding"] = False
        if c["annotation"].value != current:
            select(c["annotation"].value)

    def select(value: str) -> None:
        state["selected"] = None
        state["shared"] = {}
        c["text"].selected = value
        if not value:
            c["text"].scroll_to = ""
            c["detail"].value = _styled(f'<div class="mk-detail mk-muted">{esc(PROMPT)}</div>')
            return
        ids = visible()
        highlights: dict[str, list[tuple[int, int, str]]] = {}
        # what the other reports say about the same words: one line per report and place, so a
        # passage found twice (as a shared passage and as the same quote) is listed once
        also_by: dict[tuple[str, str], list[str]] = {}

        def note(rid: str, where: str, words: str) -> None:
            said = also_by.setdefault((rid, where), [])
            if words not in said:
                said.append(words)

        jumps: list[str] = []  # passages in other shown reports, in the order they were found

        def light(rid: str, start: int, end: int, label: str, *, jump: bool) -> None:
            """Highlight a stretch of a report; remember it as a place to jump to."""
            spans = highlights.setdefault(rid, [])
            if jump and rid in ids:
                jumps.append(render.mark_id(rid, f"x{len(spans)}"))
            spans.append((start, end, label))

        if value in state.get("passages", {}):
            p = shared_passages_of(analysis)[state["passages"][value]]
            for side, other in (("b", "a"), ("a", "b")):
                rid = get_field(p, side)
                orep = case.report(get_field(p, other))
                light(
                    rid,
                    get_field(p, f"{side}_start"),
                    get_field(p, f"{side}_end"),
                    f"shared with {names[orep.id]}",
                    jump=True,
                )
            rep = case.report(get_field(p, "a"))
            rid_b = get_field(p, "b")
            rep_b = case.report(rid_b)
            ann = Annotation(
                "x0",
                "shared",
                get_field(p, "a_start"),
                get_field(p, "a_end"),
                "mk-shared",
                "",
                record={"label": f"shared with {names[rep_b.id]}"},
            )
            where_b = render.where_in_words(
                rep_b, int(get_field(p, "b_start", 0)), int(get_field(p, "b_end", 0))
            )
            note(
                rid_b,
                where_b,
                f"similarity {get_field(p, 'similarity', '?')}, credits the source: "
                f"{ {True: 'yes', False: 'no'}.get(get_field(p, 'credited'), 'not known') }",
            )
        else:
            rid, ann = state["anns"][value]
            rep = case.report(rid)
            state["selected"] = (rid, ann.key)
            for p in shared_passages_of(analysis):
                for side, other in (("a", "b"), ("b", "a")):
                    if (
                        get_field(p, side) == rid
                        and get_field(p, f"{side}_start", 0) < ann.end
                        and ann.start < get_field(p, f"{side}_end", 0)
                    ):
                        orid = get_field(p, other)
                        orep = case.report(orid)
                        light(
                            rid,
                            get_field(p, f"{side}_start"),
                            get_field(p, f"{side}_end"),
                            f"shared with {names.get(orid, orid)}",
                            jump=False,
                        )
                        light(
                            orid,
                            get_field(p, f"{other}_start"),
                            get_field(p, f"{other}_end"),
                            f"shared with {names[rid]}",
                            jump=True,
                        )
                        os_, oe = get_field(p, f"{other}_start", 0), get_field(p, f"{other}_end", 0)
                        credited = {True: "credits", False: "does not credit"}.get(
                            get_field(p, "credited"), "may or may not credit"
                        )
                        note(
                            orid,
                            render.where_in_words(orep, os_, oe),
                            f"the same passage (“{_short(orep.text[os_:oe], 120)}”); the later "
                            f"copy {credited} the other",
                        )
            if ann.layer == "quotes":
                t = trace_of.get((rid, ann.start, ann.end))
                for a in t["appearances"] if t else ():
                    if a["report"] == rid and a["start"] == ann.start:
                        continue
                    if a["report"] != rid and not any(
                        s < a["end"] and a["start"] < e
                        for s, e, _ in highlights.get(a["report"], ())
                    ):
                        light(
                            a["report"],
                            a["start"],
                            a["end"],
                            f"same words as in {names[rid]}",
                            jump=True,
                        )
                    who = (
                        f"said by: {a['speaker'] or 'no speaker given'}"
                        if a["marked"]
                        else "same words, not marked as a quote"
                    )
                    note(a["report"], a.get("where") or "same words", who)
        state["shared"] = highlights
        also = [
            f"{names.get(orid, orid)}, {where}: {'; '.join(said)}"
            + ("" if orid in ids else " (not shown: tick it under Reports)")
            for (orid, where), said in also_by.items()
        ]
        c["detail"].value = _styled(render.describe_html(ann, rep, also=also))
        # jump to the same words in another report; with none, bring the mark itself into view
        c["text"].scroll_to = jumps[0] if jumps else (value if state["selected"] else "")

    def on_layers(_: Any = None) -> None:
        for layer in LAYERS:
            c[layer].icon = "check" if c[layer].value else ""
        with c["text"].hold_sync():
            rebuild_options()
            draw()

    def on_select(change: dict[str, Any]) -> None:
        if state.get("rebuilding"):
            return
        with c["text"].hold_sync():  # the new columns and where to jump arrive together
            select(change["new"])
            draw()

    def on_click(change: dict[str, Any]) -> None:
        """A mark clicked in the text: choose it in the Explain list, which does the rest."""
        known = {v for _, v in c["annotation"].options}
        if change["new"] in known:
            c["annotation"].value = change["new"]
        else:  # not a mark of the shown layers (cannot happen from a click): undo
            c["text"].selected = c["annotation"].value

    for name in (*LAYERS, "reports", "source_types", "term_categories"):
        c[name].observe(on_layers, names="value")
    c["annotation"].observe(on_select, names="value")
    c["text"].observe(on_click, names="selected")
    # what choosing a mark explains, without redrawing (the static page builds on this)
    state["explain"] = select
    rebuild_options()
    draw()

    toggles = widgets.HBox([c[layer] for layer in LAYERS])
    # the choices are folded away at the start, so the report text is on the first screen
    choices = widgets.HBox(
        [c["reports"], c["source_types"], c["term_categories"]],
        layout=widgets.Layout(flex_flow="row wrap"),
    )
    controls = widgets.Accordion(children=[widgets.VBox([choices, c["annotation"]])])
    controls.set_title(0, "Choose reports and kinds of marks; list of every mark")
    controls.selected_index = None
    c["controls"] = controls
    box = widgets.VBox(
        [_style(), toggles, controls, c["message"], c["detail"], c["text"]],
        layout=widgets.Layout(width="100%"),
    )
    box.add_class("mk-reader")
    return View(box, c, refresh=on_layers, state=state)


# --------------------------------------------------------------------------- explorers


def _report_choices(analysis: CaseAnalysis) -> list[tuple[str, str]]:
    names = render.row_labels(analysis.case)
    return [("All reports", "")] + [(names[r.id], r.id) for r in analysis.case.reports]


def source_explorer(analysis: CaseAnalysis) -> View:
    """Who is cited, by kind of source and by side, per report.

    Controls: ``report``, ``side`` ("" any, "none" for no side stated, or a side name),
    ``source_type`` and ``table`` (the output: a count per report and kind, then each source).
    Rows are per report, so two reports of one outlet are counted apart.
    """
    if missing(analysis):
        return _not_started("table")
    case = analysis.case
    names = render.row_labels(case)
    notes = _notes(analysis, "sources")
    c: dict[str, widgets.Widget] = {}
    c["report"] = widgets.Dropdown(
        options=_report_choices(analysis), value="", description="Report"
    )
    c["side"] = widgets.Dropdown(
        options=[("Any side", "")]
        + [(s.label, s.name) for s in case.sides]
        + [("No side stated", "none")],
        value="",
        description="Side",
    )
    c["source_type"] = widgets.Dropdown(
        options=[("Any kind", "")] + [(render.SOURCE_TYPE_NAMES[t], t) for t in SOURCE_TYPES],
        value="",
        description="Kind",
    )
    c["table"] = _html()

    def draw(_: Any = None) -> None:
        rows = render.source_rows(analysis)
        rid, side, st = c["report"].value, c["side"].value, c["source_type"].value
        if rid:
            rows = [r for r in rows if r["report"] == rid]
        if side:
            rows = [r for r in rows if (r["side"] or "none") == side]
        if st:
            rows = [r for r in rows if r["source_type"] == st]
        counts = Counter((r["report"], r["source_type"]) for r in rows)
        distinct: dict[tuple[str, str], set[str]] = {}
        for r in rows:
            distinct.setdefault((r["report"], r["source_type"]), set()).add(
                render.source_key(
                    r["source"], resolves_to=r.get("resolves_to"), source_type=r["source_type"]
                )
            )
        shown = [r.id for r in case.reports if not rid or r.id == rid]
        kinds = [t for t in SOURCE_TYPES if any(k == t for _, k in counts)]

        def cell(i: str, t: str) -> str:
            n, d = counts[(i, t)], len(distinct.get((i, t), ()))
            if not n:
                return "0"
            return f"{n} mention{'s' if n != 1 else ''} / {d} distinct"

        pivot = render.table_html(
            [
                "Report",
                *(render.SOURCE_TYPE_NAMES[t] for t in kinds),
                "All mentions",
                "All distinct sources",
            ],
            [
                (
                    names[i],
                    *(cell(i, t) for t in kinds),
                    sum(counts[(i, t)] for t in kinds),
                    len(set().union(*(distinct.get((i, t), set()) for t in kinds))),
                )
                for i in shown
            ]
            if kinds
            else [],
            caption=(
                "Mentions (every time a claim is pinned on a source) and distinct sources "
                "(different people or bodies) per report and kind"
            ),
            empty="No sources match these choices.",
        )
        pivot += f'<p class="mk-muted">{esc(render.NOT_A_VERDICT)}</p>'
        detail = render.source_table_html(
            analysis, report=rid or None, side=side or None, source_type=st or None
        )
        c["table"].value = _styled(notes + pivot + detail)

    for name in ("report", "side", "source_type"):
        c[name].observe(draw, names="value")
    draw()
    box = widgets.VBox(
        [_style(), widgets.HBox([c["report"], c["side"], c["source_type"]]), c["table"]]
    )
    return View(box, c, refresh=draw)


def _trace_label(trace: dict[str, Any]) -> str:
    """A quote in the tracer's list: its words without trailing punctuation, and in how many
    reports it appears ("“… we need a miracle” — in 2 reports")."""
    punct = " ,.;:!?—–-\u2026\"'\u201c\u201d\u2018\u2019"
    words = _short(trace["text"], 70).strip(punct)
    if len(" ".join(trace["text"].split())) > 70:
        words += "…"
    n = len({a["report"] for a in trace["appearances"]})
    return f"\u201c{words}\u201d \u2014 in {n} {'report' if n == 1 else 'reports'}"


def quote_tracer(analysis: CaseAnalysis) -> View:
    """One quote across all reports: where it appears and who each report says said it.

    Uses shared passages from the comparisons when present, otherwise matches quote texts
    across reports (and finds the same words where a copy dropped the quotation marks).
    Controls: ``quote`` (choose a quote) and ``table`` (the output).
    """
    if missing(analysis):
        return _not_started("table")
    traces = render.quote_traces(analysis)
    notes = _notes(analysis, "quotes")
    c: dict[str, widgets.Widget] = {}
    options = [(_trace_label(t), i) for i, t in enumerate(traces)]
    c["quote"] = widgets.Dropdown(
        options=options or [("(no quotes found)", -1)],
        value=0 if options else -1,
        description="Quote",
        layout=widgets.Layout(width="95%"),
    )
    c["table"] = _html()

    def draw(_: Any = None) -> None:
        i = c["quote"].value
        if i is None or i < 0:
            c["table"].value = _styled(
                notes + '<p class="mk-muted">The kit found no quotes in this case.</p>'
            )
            return
        c["table"].value = _styled(notes + render.quote_trace_html(traces[i]))

    c["quote"].observe(draw, names="value")
    draw()
    return View(
        widgets.VBox([_style(), c["quote"], c["table"]]), c, refresh=draw, state={"traces": traces}
    )


def figures_table(analysis: CaseAnalysis) -> View:
    """The figures of all reports grouped by what is counted, with sources and verdicts.

    Controls: ``what`` (one group or all) and ``table`` (the output).
    """
    if missing(analysis):
        return _not_started("table")
    groups = render.figure_groups(analysis)
    notes = _notes(analysis, "figures")
    c: dict[str, widgets.Widget] = {}
    named: dict[str, str] = {}  # the table's and the chart's own names for each group
    for g in groups:
        if g["what"]:
            named.setdefault(g["what"], render.group_what(g))
    c["what"] = widgets.Dropdown(
        options=[("Everything counted", "")] + [(name, what) for what, name in named.items()],
        value="",
        description="Counted",
    )
    c["table"] = _html()

    def draw(_: Any = None) -> None:
        c["table"].value = _styled(
            notes
            + render.figures_table_html(analysis, what=c["what"].value or None)
            + f'<p class="mk-muted">{esc(render.NOT_A_VERDICT)}</p>'
        )

    c["what"].observe(draw, names="value")
    draw()
    return View(widgets.VBox([_style(), c["what"], c["table"]]), c, refresh=draw)


def wording_view(analysis: CaseAnalysis) -> View:
    """The words each report uses: labels for each side, and loaded terms per report.

    Controls: ``report`` (one report or all), ``category`` (a loaded-term category or all)
    and ``table`` (the output).
    """
    if missing(analysis):
        return _not_started("table")
    notes = _notes(analysis, "wording")
    c: dict[str, widgets.Widget] = {}
    c["report"] = widgets.Dropdown(
        options=_report_choices(analysis), value="", description="Report"
    )
    c["category"] = widgets.Dropdown(
        options=[("All categories", "")] + [(render.TERM_NAMES[t], t) for t in TERM_CATEGORIES],
        value="",
        description="Terms",
    )
    c["table"] = _html()

    def draw(_: Any = None) -> None:
        rid = c["report"].value or None
        c["table"].value = _styled(
            notes
            + render.labels_table_html(analysis, report=rid)
            + render.terms_table_html(analysis, report=rid, category=c["category"].value or None)
            + f'<p class="mk-muted">{esc(render.NOT_A_VERDICT)}</p>'
        )

    c["report"].observe(draw, names="value")
    c["category"].observe(draw, names="value")
    draw()
    return View(
        widgets.VBox([_style(), widgets.HBox([c["report"], c["category"]]), c["table"]]),
        c,
        refresh=draw,
    )


__all__ = [
    "ReaderText",
    "ReportChooser",
    "View",
    "figures_table",
    "quote_tracer",
    "reader",
    "source_explorer",
    "wording_view",
]
