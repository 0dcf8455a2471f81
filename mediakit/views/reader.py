"""The annotated reader: report text with its marks (quotes, sources, figures, loaded terms,
boilerplate, shared passages) as well-formed HTML, one report or several side by side.

Overlapping annotations are rendered by cutting the text at every annotation boundary and
emitting, for each piece, the spans of all annotations covering it (outermost first), closed
again at the end of the piece. The result is always well-formed, however records overlap.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..records import SOURCE_TYPES, TERM_CATEGORIES, ReportRecords

if TYPE_CHECKING:
    from ..analysis import CaseAnalysis
    from ..cases.case import Report

from .common import (
    HIDDEN_BOILERPLATE,
    LAYERS,
    SOURCE_TAGS,
    SOURCE_TYPE_NAMES,
    TERM_NAMES,
    boilerplate_name,
    esc,
    get_field,
    is_checked,
    row_labels,
    slug_of,
    source_name,
    style_tag,
)


@dataclass(frozen=True)
class Annotation:
    """One highlighted stretch of a report, ready to render.

    ``key`` is unique within the report ("q0", "s3", "f1", "t7", "b2", "x0"); ``layer`` is one
    of :data:`LAYERS` or "shared"; ``note`` is visible text placed before the stretch and
    ``tag`` visible text placed after it, so no information needs hover.
    """

    key: str
    layer: str
    start: int
    end: int
    classes: str
    title: str
    note: str | None = None
    tag: str | None = None
    record: Any = None


_LAYER_ORDER = {"boilerplate": 0, "shared": 1, "quotes": 2, "sources": 3, "figures": 4, "terms": 5}


def _quote_title(q: Any) -> str:
    speaker = get_field(q, "speaker") or "speaker not found"
    kind = SOURCE_TYPE_NAMES.get(
        get_field(q, "speaker_type") or "", get_field(q, "speaker_type") or ""
    )
    cue = get_field(q, "cue")
    parts = [f"Quote. Speaker: {speaker}" + (f" ({kind})" if kind else "")]
    if cue:
        parts.append(f"reporting verb: {cue}")
    if get_field(q, "partial"):
        parts.append("partial quote")
    return "; ".join(parts)


def mark_annotations(
    report: Report,
    records: ReportRecords | None,
    *,
    layers: Iterable[str] = LAYERS,
    source_types: Iterable[str] | None = None,
    term_categories: Iterable[str] | None = None,
    shared: Sequence[Sequence[Any]] | None = None,
) -> list[Annotation]:
    """The annotations of one report for the chosen layers, sorted by position.

    ``source_types`` / ``term_categories`` restrict the sources and terms layers (None: all).
    ``shared`` is a list of ``(start, end)`` or ``(start, end, label)`` stretches to highlight.
    """
    layers = set(layers)
    n = len(report.text)
    out: list[Annotation] = []
    src_ok = None if source_types is None else set(source_types)
    cat_ok = None if term_categories is None else set(term_categories)

    def add(
        key: str,
        layer: str,
        start: Any,
        end: Any,
        classes: str,
        title: str,
        note: str | None = None,
        tag: str | None = None,
        record: Any = None,
    ) -> None:
        try:
            s, e = max(0, int(start)), min(n, int(end))
        except (TypeError, ValueError):
            return
        if s < e and is_checked(record):  # checked by the teacher (review.toml): said in words
            classes += " mk-checked"
            title += "; checked by your teacher"
            if note is not None:
                note = note[:-1] + " ✓ checked:" if note.endswith(":") else note + " ✓"
            else:
                tag = (tag or "") + " ✓ checked"
        if s < e:
            out.append(Annotation(key, layer, s, e, classes, title, note, tag, record))

    if "boilerplate" in layers:
        regions = [
            (b.start, b.end, boilerplate_name(b.kind))
            for b in report.boilerplate
            if b.kind not in HIDDEN_BOILERPLATE
        ]
        for s, e in ((0, report.body.start), (report.body.end, n)):
            for gs, ge in _uncovered(s, e, report.boilerplate):
                if report.text[gs:ge].strip():
                    regions.append((gs, ge, "outside the article"))
        regions.sort()
        for i, (s, e, kind) in enumerate(regions):
            add(
                f"b{i}",
                "boilerplate",
                s,
                e,
                "mk-boiler",
                f"Boilerplate: {kind}",
                note=f"boilerplate: {kind}",
                record={"kind": kind, "start": s, "end": e},
            )
    if records is not None:
        if "quotes" in layers:
            for i, q in enumerate(records.quotes):
                speaker = get_field(q, "speaker") or "speaker?"
                cls = "mk-quote" + (" mk-pull" if get_field(q, "pull_quote") else "")
                add(
                    f"q{i}",
                    "quotes",
                    get_field(q, "start"),
                    get_field(q, "end"),
                    cls,
                    _quote_title(q),
                    note=f"{speaker}:",
                    record=q,
                )
        if "sources" in layers:
            for i, a in enumerate(records.attributions):
                st = get_field(a, "source_type") or "unspecified"
                if src_ok is not None and st not in src_ok:
                    continue
                title = (
                    f"Source: {source_name(a)} ({SOURCE_TYPE_NAMES.get(st, st)}); "
                    f"cue: {get_field(a, 'cue')}"
                )
                add(
                    f"s{i}",
                    "sources",
                    get_field(a, "start"),
                    get_field(a, "end"),
                    f"mk-src mk-src-{slug_of(st)}",
                    title,
                    tag=SOURCE_TAGS.get(st, st),
                    record=a,
                )
        if "figures" in layers:
            for i, f in enumerate(records.figures):
                title = f"Figure: {get_field(f, 'text')}; counts: {get_field(f, 'what') or '?'}"
                if get_field(f, "source"):
                    title += f"; according to: {get_field(f, 'source')}"
                cls = "mk-fig" + (
                    " mk-vague" if get_field(f, "vague") or get_field(f, "value") is None else ""
                )
                add(
                    f"f{i}",
                    "figures",
                    get_field(f, "start"),
                    get_field(f, "end"),
                    cls,
                    title,
                    tag=f"# {get_field(f, 'what')}" if get_field(f, "what") else "#",
                    record=f,
                )
        if "terms" in layers:
            for i, t in enumerate(records.loaded_terms):
                cat = get_field(t, "category") or "?"
                if cat_ok is not None and cat not in cat_ok:
                    continue
                add(
                    f"t{i}",
                    "terms",
                    get_field(t, "start"),
                    get_field(t, "end"),
                    f"mk-term mk-term-{slug_of(cat)}",
                    f"Loaded term: {TERM_NAMES.get(cat, cat)}",
                    tag=TERM_NAMES.get(cat, cat),
                    record=t,
                )
    for i, item in enumerate(shared or ()):
        label = str(item[2]) if len(item) > 2 and item[2] else "shared passage"
        add(
            f"x{i}",
            "shared",
            item[0],
            item[1],
            "mk-shared",
            label,
            note=label,
            record={"start": item[0], "end": item[1], "label": label},
        )
    out.sort(key=lambda a: (a.start, -a.end, _LAYER_ORDER.get(a.layer, 9)))
    return out


def _uncovered(start: int, end: int, regions: Iterable[Any]) -> list[tuple[int, int]]:
    """The parts of [start, end) that no region covers."""
    out, pos = [], start
    for r in sorted(regions, key=lambda r: r.start):
        if r.end <= pos or r.start >= end:
            continue
        if r.start > pos:
            out.append((pos, r.start))
        pos = max(pos, r.end)
    if pos < end:
        out.append((pos, end))
    return out


def _segments(text: str, anns: Sequence[Annotation]) -> list[tuple[int, int, list[Annotation]]]:
    """Cut ``text`` at every annotation boundary: (start, end, covering annotations outer→inner)."""
    bounds = {0, len(text)}
    for a in anns:
        bounds.add(a.start)
        bounds.add(a.end)
    cuts = sorted(bounds)
    starts: dict[int, list[Annotation]] = {}
    for a in anns:
        starts.setdefault(a.start, []).append(a)
    active: list[Annotation] = []
    out = []
    for s, e in zip(cuts, cuts[1:], strict=False):
        active = [a for a in active if a.end > s]
        active.extend(starts.get(s, ()))
        if active:
            active.sort(key=lambda a: (a.start, -a.end, _LAYER_ORDER.get(a.layer, 9)))
        out.append((s, e, list(active)))
    return out


# layers a learner can pick (click, or Enter on the keyboard) to have them explained
PICKABLE = frozenset(LAYERS)


def mark_id(report_id: str, key: str) -> str:
    """The page-wide id of one mark, ``"report id|key"``.

    It is the ``data-mark`` attribute of a mark a learner can pick (quotes, sources, figures,
    terms, boilerplate; its first piece also gets ``tabindex="0"``) and the ``data-passage``
    attribute of a highlighted shared passage.
    """
    return f"{report_id}|{key}"


# A Markdown link left in a copied text ("By [South Front](#)"): the reader shows its words only.
_MD_LINK = re.compile(r"\[([^\[\]\n]{1,300})\]\(([^()\s]{0,2000})\)")


def link_markup(text: str) -> list[tuple[int, int]]:
    """The stretches of ``text`` that are Markdown link markup, not words: the ``[`` and the
    ``](url)`` of every ``[words](url)``. The reader hides them when it renders (the text
    itself, and every offset into it, stays as it is)."""
    out = []
    for m in _MD_LINK.finditer(text):
        out.append((m.start(), m.start() + 1))
        out.append((m.end(1), m.end()))
    return out


def _open(a: Annotation, report_id: str, selected: str | None, first: bool) -> str:
    """The opening tag of one piece of a mark; the first piece of a pickable mark is focusable."""
    if a.layer == "markup":
        return '<span class="mk-md-hide" aria-hidden="true">'
    cls = a.classes + (" mk-selected" if selected == a.key else "")
    extra = ""
    if a.layer in PICKABLE:
        extra = f' data-mark="{esc(mark_id(report_id, a.key))}"' + (
            ' tabindex="0"' if first else ""
        )
    elif a.layer == "shared":
        extra = f' data-passage="{esc(mark_id(report_id, a.key))}"'
    return f'<span class="{esc(cls)}" data-mk="{esc(a.key)}"{extra} title="{esc(a.title)}">'


def render_text(
    text: str,
    anns: Sequence[Annotation],
    *,
    report_id: str = "r",
    selected: str | None = None,
    headline: tuple[int, int] | None = None,
) -> str:
    """The report text as HTML with the given annotations; whitespace is kept (``pre-wrap``).

    Markdown link markup left in a copied text is hidden (see :func:`link_markup`): a reader
    sees "By South Front" where the file says "By [South Front](#)".
    """
    extra = [
        Annotation(f"m{i}", "markup", s, e, "mk-md-hide", "")
        for i, (s, e) in enumerate(link_markup(text))
    ]
    if headline and headline[0] < headline[1]:
        extra.append(
            Annotation("h", "headline", headline[0], headline[1], "mk-headline", "Headline")
        )
    if extra:
        order = {**_LAYER_ORDER, "headline": -1, "markup": 9}
        anns = sorted([*anns, *extra], key=lambda a: (a.start, -a.end, order.get(a.layer, 8)))
    rid = slug_of(report_id)
    parts: list[str] = []
    for s, e, active in _segments(text, anns):
        for a in active:
            if a.start == s:
                if a.note:
                    cls = (
                        "mk-note mk-note-quote"
                        if a.layer == "quotes"
                        else ("mk-note mk-note-boiler" if a.layer == "boilerplate" else "mk-note")
                    )
                    parts.append(f'<span class="{cls}">{esc(a.note)}</span>')
                if a.layer not in ("headline", "markup"):
                    parts.append(f'<span id="mk-{rid}-{esc(a.key)}"></span>')
            parts.append(_open(a, report_id, selected, a.start == s))
        parts.append(esc(text[s:e]))
        for a in reversed(active):
            parts.append("</span>")
            if a.end == e and a.tag:
                parts.append(f'<sup class="mk-tag" data-for="{esc(a.key)}">{esc(a.tag)}</sup>')
    return "".join(parts)


def _report_head(report: Report, name: str | None = None) -> str:
    bits = [f"<b>{esc(name or report.label)}</b>"]
    if not name or name == report.label:  # a longer name already tells the report apart
        bits.append(f'<span class="mk-muted">({esc(report.id)})</span>')
    if report.original_author:
        bits.append(f"<br>first published by: {esc(report.original_author)}")
    if report.date:
        bits.append(f"<br>date: {esc(report.date)}")
    return f'<div class="mk-head">{" ".join(bits)}</div>'


def render_report(
    report: Report,
    records: ReportRecords | None,
    *,
    layers: Iterable[str] = LAYERS,
    shared: Sequence[Sequence[Any]] | None = None,
    selected: str | None = None,
    source_types: Iterable[str] | None = None,
    term_categories: Iterable[str] | None = None,
    style: bool = False,
    name: str | None = None,
) -> str:
    """One report as an annotated HTML block.

    ``layers`` picks the layers to show (see :data:`LAYERS`); ``shared`` lists ``(start, end)``
    or ``(start, end, label)`` stretches to highlight as passages shared with another report;
    ``selected`` is the key of an annotation to outline. ``style=True`` prepends the stylesheet.
    ``name`` is how the head names the report (default: its label; the side-by-side reader
    passes :func:`row_labels`, so two reports of one outlet are told apart).
    """
    anns = mark_annotations(
        report,
        records,
        layers=layers,
        source_types=source_types,
        term_categories=term_categories,
        shared=shared,
    )
    hl = (report.headline.start, report.headline.end) if report.headline else None
    body = render_text(report.text, anns, report_id=report.id, selected=selected, headline=hl)
    out = (
        f'<div class="mk-report" data-report="{esc(report.id)}">{_report_head(report, name)}'
        f'<div class="mk-text">{body}</div></div>'
    )
    if style:
        out = f'{style_tag()}<div class="mk-root">{out}</div>'
    return out


def render_side_by_side(
    analysis: CaseAnalysis,
    report_ids: Sequence[str],
    *,
    layers: Iterable[str] = LAYERS,
    shared: Mapping[str, Sequence[Sequence[Any]]] | None = None,
    selected: tuple[str, str] | None = None,
    source_types: Iterable[str] | None = None,
    term_categories: Iterable[str] | None = None,
    style: bool = True,
    legend: bool = True,
) -> str:
    """Several reports in columns, each annotated with the chosen layers.

    ``shared`` maps a report id to the stretches to highlight in it; ``selected`` is
    ``(report_id, annotation key)``. Includes the stylesheet and a legend unless told not to.
    """
    layers = tuple(layers)
    cols = []
    names = row_labels(analysis.case)
    for rid in report_ids:
        report = analysis.case.report(rid)
        cols.append(
            render_report(
                report,
                analysis.records.get(report.id),
                layers=layers,
                shared=(shared or {}).get(report.id),
                selected=selected[1] if selected and selected[0] == report.id else None,
                source_types=source_types,
                term_categories=term_categories,
                name=names.get(report.id),
            )
        )
    grid = f'<div class="mk-cols" style="--mk-n: {len(cols)}">{"".join(cols)}</div>'
    head = (
        legend_html(
            layers=layers, style=False, source_types=source_types, term_categories=term_categories
        )
        if legend
        else ""
    )
    return f'{style_tag() if style else ""}<div class="mk-root">{head}{grid}</div>'


def legend_html(
    *,
    layers: Iterable[str] = LAYERS,
    style: bool = True,
    source_types: Iterable[str] | None = None,
    term_categories: Iterable[str] | None = None,
) -> str:
    """A key to the reader's marks, with the same styles as the text (works in black and white).

    Only the given layers, source types and term categories are listed (None: all).
    """
    layers = set(layers)
    types = [t for t in SOURCE_TYPES if source_types is None or t in set(source_types)]
    cats = [c for c in TERM_CATEGORIES if term_categories is None or c in set(term_categories)]
    items = []
    if "quotes" in layers:
        items.append(
            '<span><span class="mk-note mk-note-quote">Speaker:</span>'
            '<span class="mk-quote">quoted words</span></span>'
        )
    if "sources" in layers:
        for st in types:
            items.append(
                f'<span><span class="mk-src mk-src-{st} mk-key">{esc(SOURCE_TYPE_NAMES[st])}'
                f'</span><sup class="mk-tag">{esc(SOURCE_TAGS[st])}</sup></span>'
            )
    if "figures" in layers:
        items.append(
            '<span><span class="mk-fig mk-key">a number</span> figure, '
            '<span class="mk-fig mk-vague mk-key">dozens</span> vague figure</span>'
        )
    if "terms" in layers:
        for cat in cats:
            items.append(
                f'<span><span class="mk-term mk-term-{cat} mk-key">term</span>'
                f'<sup class="mk-tag">{esc(TERM_NAMES[cat])}</sup></span>'
            )
    if "boilerplate" in layers:
        items.append('<span><span class="mk-boiler mk-key">boilerplate</span></span>')
    items.append('<span><span class="mk-shared mk-key">shared passage</span></span>')
    out = f'<div class="mk-legend"><b>Key:</b>{"".join(items)}</div>'
    return f'{style_tag()}<div class="mk-root">{out}</div>' if style else out


# --------------------------------------------------------------------------- details


__all__ = [
    "Annotation",
    "PICKABLE",
    "mark_annotations",
    "legend_html",
    "link_markup",
    "mark_id",
    "render_report",
    "render_side_by_side",
    "render_text",
]
