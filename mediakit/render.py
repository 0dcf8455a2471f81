"""HTML renderers: records and report text in, HTML strings out.

Everything that comes from a report (its text, speakers, sources, outlet names) is untrusted
and goes through :func:`esc` (``html.escape`` with ``quote=True``) before it reaches HTML, in
element text and in attributes alike. The renderers need no spaCy model and no widgets.

Overlapping annotations are rendered by cutting the text at every annotation boundary and
emitting, for each piece, the spans of all annotations covering it (outermost first), closed
again at the end of the piece. The result is always well-formed, however records overlap.
"""

from __future__ import annotations

import html
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING, Any

from .records import SOURCE_TYPES, TERM_CATEGORIES, ReportRecords

if TYPE_CHECKING:
    from .analysis import CaseAnalysis
    from .case import Case, Report

LAYERS: tuple[str, ...] = ("quotes", "sources", "figures", "terms", "boilerplate")

LAYER_NAMES: dict[str, str] = {
    "quotes": "Quotes",
    "sources": "Sources",
    "figures": "Figures",
    "terms": "Loaded terms",
    "boilerplate": "Boilerplate",
}

SOURCE_TYPE_NAMES: dict[str, str] = {
    "named_person": "named person",
    "anonymous_person": "anonymous person",
    "official_body": "official body",
    "media_outlet": "media outlet",
    "ngo": "NGO / aid group",
    "partisan_unnamed": "unnamed side (\u201cpro-X sources\u201d)",
    "unspecified": "unspecified",
}
SOURCE_TYPE_HELP: dict[str, str] = {
    "named_person": "a person the report names, so a reader could check who they are",
    "anonymous_person": "a person the report describes but does not name",
    "official_body": "a government, army, ministry or other institution speaking as a body",
    "media_outlet": "another newspaper, agency or channel",
    "ngo": "a non-governmental or aid organisation",
    "partisan_unnamed": "an unnamed group identified only by the side it is on",
    "unspecified": "a vague source such as \u201creports\u201d or \u201csome sources\u201d",
}
SOURCE_TAGS: dict[str, str] = {
    "named_person": "named",
    "anonymous_person": "anon",
    "official_body": "official",
    "media_outlet": "media",
    "ngo": "NGO",
    "partisan_unnamed": "side",
    "unspecified": "vague",
}
TERM_NAMES: dict[str, str] = {
    "victory_framing": "victory framing",
    "violence_framing": "violence framing",
    "actor_labeling": "actor label",
    "hedge": "hedge",
    "intensifier": "intensifier",
    "scare_quotes": "scare quotes",
}
TERM_HELP: dict[str, str] = {
    "victory_framing": "words that present taking ground as a win or a liberation rather than "
    "describing it neutrally",
    "violence_framing": "words that describe force or harm in a charged way",
    "actor_labeling": "names for a side that carry a judgement (for example calling a group "
    "terrorists, rebels or the regime)",
    "hedge": "words that signal uncertainty or distance (reportedly, allegedly, appeared to)",
    "intensifier": "words that make something sound bigger or more certain (key, massive, "
    "all-important)",
    "scare_quotes": "quotation marks around a single word or phrase that signal doubt or irony",
}
BOILERPLATE_NAMES: dict[str, str] = {
    "self_description": "the outlet describing itself",
    "donation": "asking for money",
    "share_request": "asking readers to share",
    "newsletter": "newsletter",
    "read_more": "'read more' line",
    "disclaimer": "disclaimer",
    "byline_meta": "byline, date or tags",
    "contact": "contact details",
    "navigation": "website navigation",
    "caption": "photo caption",
    "pull_quote": "pull quote",
    "media_link": "link to a video or picture",
    "separator": "separator",
    "outside the article": "outside the article",
}
# kinds of boilerplate that carry no words worth explaining: not listed, not marked
HIDDEN_BOILERPLATE: frozenset[str] = frozenset({"separator"})

VERDICT_NAMES: dict[str, str] = {
    "single": "only one report gives this",
    "agree": "reports agree",
    "disagree": "reports disagree",
    "look_alike": "same number, different things",
    "differ": "reports give different numbers",
}

# words of a figure group's label (the comparison stage's terms) in plain words
_WHAT_WORDS: dict[str, str] = {
    "casualties": "killed or wounded",
    "things": "other things",
    "points": "positions",
    "places": "villages and towns",
}


def boilerplate_name(kind: str | None) -> str:
    """A boilerplate kind in plain words ("newsletter", "pull quote")."""
    k = (kind or "").strip()
    return BOILERPLATE_NAMES.get(k, BOILERPLATE_NAMES.get(k.replace(" ", "_"), k.replace("_", " ")))


def verdict_name(verdict: str | None) -> str:
    """A figure group's verdict in plain words ("only one report gives this")."""
    if not verdict:
        return "not compared"
    return VERDICT_NAMES.get(str(verdict), str(verdict).replace("_", " "))


def what_name(what: str | None) -> str:
    """What a figure group counts, in plain words ("people killed or wounded")."""
    text = " ".join(str(what or "?").split())
    m = re.fullmatch(r"(.+?), (.+?) side( \(.*\))?", text)
    if m:  # "casualties, fighters side (may happen)" -> "fighters' side: killed or wounded (...)"
        text = f"{m.group(2)} side: {m.group(1)}{m.group(3) or ''}"
    return re.sub(r"[A-Za-z-]+", lambda w: _WHAT_WORDS.get(w.group(), w.group()), text)


def agentless(record: Any) -> bool:
    """True when a source record names nobody: the 'source' is the reporting words themselves
    ("were also reported", "reportedly", "are said"), not a person, body or outlet."""
    src = " ".join(str(_get(record, "source") or "").lower().split())
    cue = " ".join(str(_get(record, "cue") or "").lower().split())
    if not src:
        return True
    words = src.split()
    aux = {"is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "also",
           "reportedly", "allegedly", "said", "reported", "believed", "thought", "understood"}
    return src == cue or all(w in aux or w == cue for w in words)


def source_name(record: Any) -> str:
    """Who a source record names, in words for a learner; "no source named ('were also
    reported')" when the report pins the claim on nobody."""
    src = " ".join(str(_get(record, "source") or "").split())
    if agentless(record):
        return f"no source named (‘{src}’)" if src else "no source named"
    return src


NOT_A_VERDICT = "Counts, not a verdict: read the words in the reader."

BOILERPLATE_HELP = (
    "Text around the article that the outlet adds to every page (appeals, disclaimers, links, "
    "captions). It is greyed, not deleted: how an outlet presents itself is evidence too."
)

# Okabe–Ito palette, shared with mediakit.plots
OKABE_ITO: tuple[str, ...] = (
    "#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7", "#000000",
)


def esc(value: Any) -> str:
    """Escape any value for HTML text or a double-quoted attribute."""
    return html.escape("" if value is None else str(value), quote=True)


def _get(obj: Any, name: str, default: Any = None) -> Any:
    """Read a field from a record that may be a dataclass, an object or a dict."""
    if isinstance(obj, Mapping):
        return obj.get(name, default)
    return getattr(obj, name, default)


def row_labels(case: Case, *, sep: str = " ") -> dict[str, str]:
    """How each report is named in a table row or a chart, by report id.

    The report's label (its outlet), with the report id added when another report of the case
    has the same label, so two reports of one outlet stay apart:
    ``"Global Research (globalresearch-sf-jan26)"``. ``sep`` goes before the id (``"\\n"`` for
    chart ticks). Every table, the reader and the charts use this.
    """
    seen = Counter(r.label for r in case.reports)
    return {r.id: r.label if seen[r.label] == 1 else f"{r.label}{sep}({r.id})" for r in case.reports}


def row_label(case: Case, report_id: str) -> str:
    """The row label of one report (see :func:`row_labels`); an unknown id is shown as itself."""
    return row_labels(case).get(report_id, report_id)


def _slug(value: str) -> str:
    return re.sub(r"[^A-Za-z0-9_-]+", "-", value).strip("-") or "r"


@lru_cache(maxsize=1)
def css() -> str:
    """The kit's stylesheet (``mediakit/data/static/mediakit.css``) as text."""
    return (resources.files("mediakit") / "data" / "static" / "mediakit.css").read_text("utf-8")


def style_tag() -> str:
    """A ``<style>`` element with the kit's stylesheet; every class it styles starts ``mk-``."""
    return f"<style>{css()}</style>"


# --------------------------------------------------------------------------- annotations


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
    speaker = _get(q, "speaker") or "speaker not found"
    kind = SOURCE_TYPE_NAMES.get(_get(q, "speaker_type") or "", _get(q, "speaker_type") or "")
    cue = _get(q, "cue")
    parts = [f"Quote. Speaker: {speaker}" + (f" ({kind})" if kind else "")]
    if cue:
        parts.append(f"reporting verb: {cue}")
    if _get(q, "partial"):
        parts.append("partial quote")
    return "; ".join(parts)


def annotations(
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

    def add(key: str, layer: str, start: Any, end: Any, classes: str, title: str,
            note: str | None = None, tag: str | None = None, record: Any = None) -> None:
        try:
            s, e = max(0, int(start)), min(n, int(end))
        except (TypeError, ValueError):
            return
        if s < e:
            out.append(Annotation(key, layer, s, e, classes, title, note, tag, record))

    if "boilerplate" in layers:
        regions = [(b.start, b.end, boilerplate_name(b.kind)) for b in report.boilerplate
                   if b.kind not in HIDDEN_BOILERPLATE]
        for s, e in ((0, report.body.start), (report.body.end, n)):
            for gs, ge in _uncovered(s, e, report.boilerplate):
                if report.text[gs:ge].strip():
                    regions.append((gs, ge, "outside the article"))
        regions.sort()
        for i, (s, e, kind) in enumerate(regions):
            add(f"b{i}", "boilerplate", s, e, "mk-boiler", f"Boilerplate: {kind}",
                note=f"boilerplate: {kind}", record={"kind": kind, "start": s, "end": e})
    if records is not None:
        if "quotes" in layers:
            for i, q in enumerate(records.quotes):
                speaker = _get(q, "speaker") or "speaker?"
                cls = "mk-quote" + (" mk-pull" if _get(q, "pull_quote") else "")
                add(f"q{i}", "quotes", _get(q, "start"), _get(q, "end"), cls, _quote_title(q),
                    note=f"{speaker}:", record=q)
        if "sources" in layers:
            for i, a in enumerate(records.attributions):
                st = _get(a, "source_type") or "unspecified"
                if src_ok is not None and st not in src_ok:
                    continue
                title = (f"Source: {source_name(a)} ({SOURCE_TYPE_NAMES.get(st, st)}); "
                         f"cue: {_get(a, 'cue')}")
                add(f"s{i}", "sources", _get(a, "start"), _get(a, "end"),
                    f"mk-src mk-src-{_slug(st)}", title, tag=SOURCE_TAGS.get(st, st), record=a)
        if "figures" in layers:
            for i, f in enumerate(records.figures):
                title = f"Figure: {_get(f, 'text')}; counts: {_get(f, 'what') or '?'}"
                if _get(f, "source"):
                    title += f"; according to: {_get(f, 'source')}"
                cls = "mk-fig" + (" mk-vague" if _get(f, "vague") or _get(f, "value") is None else "")
                add(f"f{i}", "figures", _get(f, "start"), _get(f, "end"), cls, title,
                    tag=f"# {_get(f, 'what')}" if _get(f, "what") else "#", record=f)
        if "terms" in layers:
            for i, t in enumerate(records.loaded_terms):
                cat = _get(t, "category") or "?"
                if cat_ok is not None and cat not in cat_ok:
                    continue
                add(f"t{i}", "terms", _get(t, "start"), _get(t, "end"),
                    f"mk-term mk-term-{_slug(cat)}",
                    f"Loaded term: {TERM_NAMES.get(cat, cat)}", tag=TERM_NAMES.get(cat, cat),
                    record=t)
    for i, item in enumerate(shared or ()):
        label = str(item[2]) if len(item) > 2 and item[2] else "shared passage"
        add(f"x{i}", "shared", item[0], item[1], "mk-shared", label, note=label,
            record={"start": item[0], "end": item[1], "label": label})
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


def _open(a: Annotation, report_id: str, selected: str | None, first: bool) -> str:
    """The opening tag of one piece of a mark; the first piece of a pickable mark is focusable."""
    cls = a.classes + (" mk-selected" if selected == a.key else "")
    extra = ""
    if a.layer in PICKABLE:
        extra = f' data-mark="{esc(mark_id(report_id, a.key))}"' + (' tabindex="0"' if first else "")
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
    """The report text as HTML with the given annotations; whitespace is kept (``pre-wrap``)."""
    if headline and headline[0] < headline[1]:
        anns = [*anns, Annotation("h", "headline", headline[0], headline[1], "mk-headline", "Headline")]
        anns.sort(key=lambda a: (a.start, -a.end, _LAYER_ORDER.get(a.layer, -1)))
    rid = _slug(report_id)
    parts: list[str] = []
    for s, e, active in _segments(text, anns):
        for a in active:
            if a.start == s:
                if a.note:
                    cls = "mk-note mk-note-quote" if a.layer == "quotes" else (
                        "mk-note mk-note-boiler" if a.layer == "boilerplate" else "mk-note")
                    parts.append(f'<span class="{cls}">{esc(a.note)}</span>')
                if a.layer != "headline":
                    parts.append(f'<span id="mk-{rid}-{esc(a.key)}"></span>')
            parts.append(_open(a, report_id, selected, a.start == s))
        parts.append(esc(text[s:e]))
        for a in reversed(active):
            parts.append("</span>")
            if a.end == e and a.tag:
                parts.append(f'<sup class="mk-tag">{esc(a.tag)}</sup>')
    return "".join(parts)


def _report_head(report: Report) -> str:
    bits = [f"<b>{esc(report.label)}</b>", f'<span class="mk-muted">({esc(report.id)})</span>']
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
) -> str:
    """One report as an annotated HTML block.

    ``layers`` picks the layers to show (see :data:`LAYERS`); ``shared`` lists ``(start, end)``
    or ``(start, end, label)`` stretches to highlight as passages shared with another report;
    ``selected`` is the key of an annotation to outline. ``style=True`` prepends the stylesheet.
    """
    anns = annotations(report, records, layers=layers, source_types=source_types,
                       term_categories=term_categories, shared=shared)
    hl = (report.headline.start, report.headline.end) if report.headline else None
    body = render_text(report.text, anns, report_id=report.id, selected=selected, headline=hl)
    out = (f'<div class="mk-report" data-report="{esc(report.id)}">{_report_head(report)}'
           f'<div class="mk-text">{body}</div></div>')
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
    for rid in report_ids:
        report = analysis.case.report(rid)
        cols.append(render_report(
            report, analysis.records.get(report.id), layers=layers,
            shared=(shared or {}).get(report.id),
            selected=selected[1] if selected and selected[0] == report.id else None,
            source_types=source_types, term_categories=term_categories,
        ))
    grid = f'<div class="mk-cols" style="--mk-n: {len(cols)}">{"".join(cols)}</div>'
    head = legend_html(layers=layers, style=False, source_types=source_types,
                       term_categories=term_categories) if legend else ""
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
        items.append('<span><span class="mk-note mk-note-quote">Speaker:</span>'
                     '<span class="mk-quote">quoted words</span></span>')
    if "sources" in layers:
        for st in types:
            items.append(f'<span><span class="mk-src mk-src-{st} mk-key">{esc(SOURCE_TYPE_NAMES[st])}'
                         f'</span><sup class="mk-tag">{esc(SOURCE_TAGS[st])}</sup></span>')
    if "figures" in layers:
        items.append('<span><span class="mk-fig mk-key">a number</span> figure, '
                     '<span class="mk-fig mk-vague mk-key">dozens</span> vague figure</span>')
    if "terms" in layers:
        for cat in cats:
            items.append(f'<span><span class="mk-term mk-term-{cat} mk-key">term</span>'
                         f'<sup class="mk-tag">{esc(TERM_NAMES[cat])}</sup></span>')
    if "boilerplate" in layers:
        items.append('<span><span class="mk-boiler mk-key">boilerplate</span></span>')
    items.append('<span><span class="mk-shared mk-key">shared passage</span></span>')
    out = f'<div class="mk-legend"><b>Key:</b>{"".join(items)}</div>'
    return f"{style_tag()}<div class=\"mk-root\">{out}</div>" if style else out


# --------------------------------------------------------------------------- details


def where_in_words(report: Report, start: int, end: int | None = None) -> str:
    """Where a stretch of a report is, in words a reader can follow: "headline", "paragraph 3",
    "pull quote", "boilerplate (newsletter)", "before the article" (never character offsets).

    Paragraphs are the non-empty lines of the article body, counted from its first line after
    the headline; lines that are boilerplate (a pull quote, a newsletter box) are not counted.
    """
    end = start if end is None else end
    text = report.text
    hl = report.headline
    if hl is not None and start < max(hl.end, hl.start + 1) and hl.start <= start:
        return "headline"
    for b in report.boilerplate:
        if b.start <= start < max(b.end, b.start + 1):
            if b.kind == "pull_quote":
                return "pull quote"
            if b.kind == "caption":
                return "photo caption"
            return f"boilerplate ({boilerplate_name(b.kind)})"
    if start < report.body.start:
        return "before the article (boilerplate)"
    if start >= report.body.end and report.body.end > report.body.start:
        return "after the article (boilerplate)"
    n = 0
    pos = report.body.start
    for line in text[report.body.start:].split("\n"):
        line_start, line_end = pos, pos + len(line)
        pos = line_end + 1
        if not line.strip():
            continue
        if hl is not None and line_start < hl.end and hl.start < line_end:
            continue
        if report.boilerplate and any(b.start <= line_start + (len(line) - len(line.lstrip()))
                                      and line_end <= b.end for b in report.boilerplate):
            continue
        n += 1
        if start < pos:
            return f"paragraph {n}"
    return f"paragraph {max(n, 1)}"


def _dl(rows: Iterable[tuple[str, Any]]) -> str:
    return "<dl>" + "".join(
        f"<dt>{esc(k)}</dt><dd>{esc(v)}</dd>" for k, v in rows if v not in (None, "")
    ) + "</dl>"


def describe_html(ann: Annotation, report: Report, *, also: Sequence[str] = ()) -> str:
    """What the kit found for one annotation and why, as an HTML detail panel.

    ``also`` lists plain-text lines about other reports (shared passages) to add at the end.
    """
    r = ann.record
    excerpt = report.text[ann.start : ann.end]
    if len(excerpt) > 400:
        excerpt = excerpt[:400] + " …"
    where = f"{report.label}: {where_in_words(report, ann.start, ann.end)}"
    rows: list[tuple[str, Any]]
    if ann.layer == "quotes":
        st = _get(r, "speaker_type") or ""
        title = "Quote"
        rows = [
            ("Words", f"\u201c{excerpt}\u201d"),
            ("Speaker", _get(r, "speaker") or "not found by the kit"),
            ("Kind of speaker", SOURCE_TYPE_NAMES.get(st, st)),
            ("Why the kit thinks so", "the words stand between quotation marks"
             + (f" and the reporting verb \u201c{_get(r, 'cue')}\u201d links them to the speaker"
                if _get(r, "cue") else "; no reporting verb was found next to them")),
            ("Partial quote", "yes: only some words are quoted" if _get(r, "partial") else None),
            ("Pull quote", "yes: repeated in a display box" if _get(r, "pull_quote") else None),
        ]
    elif ann.layer == "sources":
        st = _get(r, "source_type") or "unspecified"
        title = "Source"
        rows = [
            ("Source", source_name(r)),
            ("Kind of source", f"{SOURCE_TYPE_NAMES.get(st, st)}: {SOURCE_TYPE_HELP.get(st, '')}"),
            ("Named", "yes" if _get(r, "named") else "no"),
            ("Why the kit thinks so", f"the cue \u201c{_get(r, 'cue')}\u201d pins a claim on this source"),
            ("Sentence", _get(r, "sentence")),
        ]
    elif ann.layer == "figures":
        value = _get(r, "value")
        title = "Figure"
        rows = [
            ("Words", excerpt),
            ("Value", "vague (no exact number)" if value is None else f"{value:g}"
             if isinstance(value, int | float) else value),
            ("What is counted", _get(r, "what")),
            ("According to", _get(r, "source") or "no source given in the sentence"),
        ]
    elif ann.layer == "terms":
        cat = _get(r, "category") or ""
        title = "Loaded term"
        rows = [
            ("Words", excerpt),
            ("Lexicon category", f"{TERM_NAMES.get(cat, cat)}: {TERM_HELP.get(cat, '')}"),
            ("Lexicon entry", _get(r, "lemma")),
            ("Note", _get(r, "note")),
        ]
    elif ann.layer == "boilerplate":
        title = "Boilerplate"
        rows = [("Kind", boilerplate_name(_get(r, "kind"))), ("Why it is greyed", BOILERPLATE_HELP),
                ("Words", excerpt)]
    else:
        title = "Shared passage"
        rows = [("Words", excerpt), ("Shared", _get(r, "label"))]
    rows.append(("Where", where))
    extra = "".join(f"<li>{esc(x)}</li>" for x in also)
    extra = f"<b>In other reports</b><ul>{extra}</ul>" if extra else ""
    return f'<div class="mk-detail"><b>{esc(title)}</b>{_dl(rows)}{extra}</div>'


# --------------------------------------------------------------------------- tables and helpers


def table_html(columns: Sequence[str], rows: Iterable[Sequence[Any]], *,
               caption: str | None = None, empty: str = "Nothing found.") -> str:
    """A plain HTML table; every cell is escaped."""
    rows = list(rows)
    if not rows:
        return f'<p class="mk-muted">{esc(empty)}</p>'
    head = "".join(f"<th>{esc(c)}</th>" for c in columns)
    body = "".join("<tr>" + "".join(f"<td>{esc(c)}</td>" for c in row) + "</tr>" for row in rows)
    cap = f"<caption>{esc(caption)}</caption>" if caption else ""
    return f'<table class="mk-table">{cap}<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'


def side_of(name: str | None, case: Case, *, resolves_to: str | None = None) -> str | None:
    """The side of the conflict a source name belongs to, from the case's gazetteer and sides.

    None when the case does not say (most sources: officials of third countries, media, NGOs).
    This is the comparison stage's own resolver (:func:`mediakit.compare._common.side_of`), so
    the tables and the source mix always agree.
    """
    if not name and not resolves_to:
        return None
    from .compare._common import side_of as resolve

    return resolve(name, case, resolves_to=resolves_to)


def side_label(side: str | None, case: Case) -> str:
    """A learner-facing label for a side name (or "not said" for None)."""
    if side is None:
        return "not said"
    for s in case.sides:
        if s.name == side:
            return s.label
    return side


def source_rows(analysis: CaseAnalysis) -> list[dict[str, Any]]:
    """Every attribution of every report as a row: report, source, type, side, cue, sentence."""
    rows = []
    labels = row_labels(analysis.case)
    for r in analysis.case.reports:
        rec = analysis.records.get(r.id)
        for a in rec.attributions if rec else ():
            rows.append({
                "report": r.id, "outlet": r.label, "label": labels[r.id],
                "source": _get(a, "source"),
                "source_type": _get(a, "source_type") or "unspecified",
                "side": side_of(_get(a, "source"), analysis.case,
                                resolves_to=_get(a, "resolves_to")),
                "cue": _get(a, "cue"), "resolves_to": _get(a, "resolves_to"),
                "sentence": _get(a, "sentence"), "start": _get(a, "start"),
            })
    return rows


_DETERMINERS = {"the", "a", "an", "one", "this", "that", "these", "those", "some"}


def source_key(source: str | None, *, resolves_to: str | None = None,
               source_type: str | None = None) -> str:
    """One key per distinct source: a pronoun ("he") counts as the source it refers to, and a
    named person as their family name, so "displaced activist Akram al-Masri" and "al-Masri"
    are one source. Used to count distinct sources apart from mentions."""
    name = " ".join(str(resolves_to or source or "?").lower().replace("\u2019", "'").split())
    words = [w for w in name.split() if w not in _DETERMINERS] or name.split() or ["?"]
    if source_type == "named_person":
        last = words[-1]
        return "person:" + re.sub(r"^(?:al|el|ad|as|ash|ar|an|at)-", "", last)
    return f"{source_type or ''}:" + " ".join(words)


def distinct_sources(analysis: CaseAnalysis, report_id: str, source_type: str | None = None) -> int:
    """How many different sources one report cites (of one kind, or all); see :func:`source_key`."""
    keys = {source_key(r["source"], resolves_to=r.get("resolves_to"), source_type=r["source_type"])
            for r in source_rows(analysis)
            if r["report"] == report_id and (source_type is None or r["source_type"] == source_type)}
    return len(keys)


def source_table_html(analysis: CaseAnalysis, *, report: str | None = None,
                      side: str | None = None, source_type: str | None = None) -> str:
    """Who is cited: one row per source and report, with type, side and how often.

    Filters: ``report`` id, ``side`` name ("none" for sources without a side), ``source_type``.
    Rows are keyed by report id (two reports of one outlet stay apart) in the case's order.
    """
    labels = row_labels(analysis.case)
    order = {rid: i for i, rid in enumerate(labels)}
    counts: Counter[tuple[str, str, str, str | None]] = Counter()
    example: dict[tuple[str, str, str, str | None], str] = {}
    for row in source_rows(analysis):
        if report and row["report"] != report:
            continue
        if source_type and row["source_type"] != source_type:
            continue
        if side and (row["side"] or "none") != side:
            continue
        name = source_name({"source": row["source"], "cue": row["cue"]})
        key = (row["report"], name or "?", row["source_type"], row["side"])
        counts[key] += 1
        example.setdefault(key, row["sentence"] or "")
    rows = [
        (labels.get(rid, rid), src, SOURCE_TYPE_NAMES.get(st, st), side_label(sd, analysis.case),
         n, _short(example[(rid, src, st, sd)]))
        for (rid, src, st, sd), n in sorted(
            counts.items(), key=lambda kv: (order.get(kv[0][0], len(order)), -kv[1]))
    ]
    return table_html(("Report", "Source (as the report words it)", "Kind", "Side",
                       "Mentions", "Example"), rows,
                      caption="Each source, with how many times the report cites it (mentions)",
                      empty="No sources match these choices.")


def _short(s: str, n: int = 160) -> str:
    s = " ".join(s.split())
    return s if len(s) <= n else s[: n - 1] + "…"


# --------------------------------------------------------------------------- figures


def _record_at(records: Sequence[Any], start: Any, end: Any) -> Any:
    for rec in records:
        if _get(rec, "start") == start and _get(rec, "end") == end:
            return rec
    for rec in records:  # overlapping, in case offsets differ slightly
        if start is not None and end is not None and _get(rec, "start") < end and start < _get(rec, "end"):
            return rec
    return None


def figure_groups(analysis: CaseAnalysis) -> list[dict[str, Any]]:
    """Figures grouped by what they count, each member with its report, words, value and source.

    Uses ``analysis.comparisons.figure_groups`` when the comparison stage provides them (with
    their verdicts); otherwise groups the figures of every report by ``what`` (no verdict).
    """
    case = analysis.case
    labels = row_labels(case)
    groups = list(getattr(analysis.comparisons, "figure_groups", None) or ())
    out: list[dict[str, Any]] = []
    if groups:
        for g in groups:
            members = []
            for m in _get(g, "members") or ():
                rid = _get(m, "report")
                try:
                    rep = case.report(rid)
                except Exception:  # a member naming an unknown report: skip it, keep the rest
                    continue
                rec = analysis.records.get(rep.id)
                fig = _record_at(rec.figures, _get(m, "start"), _get(m, "end")) if rec else None
                members.append(_fig_member(rep, fig, m, labels))
            out.append({"what": _get(g, "what") or "?", "verdict": _get(g, "verdict"),
                        "label": _get(g, "label"), "what_label": _get(g, "what_label"),
                        "members": members})
        return out
    by_what: dict[str, list[dict[str, Any]]] = {}
    for rep in case.reports:
        rec = analysis.records.get(rep.id)
        for fig in rec.figures if rec else ():
            by_what.setdefault(_get(fig, "what") or "?", []).append(
                _fig_member(rep, fig, fig, labels))
    return [{"what": w, "verdict": None, "members": ms} for w, ms in sorted(by_what.items())]


def group_verdict(g: Mapping[str, Any]) -> str:
    """A figure group's verdict in plain words, as specific as the comparison says it."""
    if g.get("label"):
        return str(g["label"])
    return verdict_name(g["verdict"]) if g.get("verdict") else "not compared yet"


def group_what(g: Mapping[str, Any]) -> str:
    """What a figure group counts, in plain words."""
    return str(g["what_label"]) if g.get("what_label") else what_name(g["what"])


def _fig_member(rep: Report, fig: Any, m: Any, labels: Mapping[str, str]) -> dict[str, Any]:
    start, end = _get(m, "start"), _get(m, "end")
    text = _get(fig, "text") if fig is not None else None
    if text is None and isinstance(start, int) and isinstance(end, int):
        text = rep.text[start:end]
    value = _get(m, "value", _get(fig, "value") if fig is not None else None)
    if _get(m, "vague", _get(fig, "vague", False) if fig is not None else False):
        value = None  # "hundreds of thousands" is shown as words, never as an invented number
    return {"report": rep.id, "outlet": rep.label, "label": labels.get(rep.id, rep.label),
            "text": text or "", "value": value,
            "source": _get(fig, "source") if fig is not None else None,
            "start": start, "end": end}


def _fmt_value(v: Any) -> str:
    if v is None:
        return "vague (no number)"
    if isinstance(v, float) and v.is_integer():
        return f"{int(v):,}"
    if isinstance(v, int | float):
        return f"{v:,}"
    return str(v)


def figures_table_html(analysis: CaseAnalysis, *, what: str | None = None) -> str:
    """The figures table: one section per thing counted, with words, value, source and verdict."""
    parts = []
    for g in figure_groups(analysis):
        if what and g["what"] != what:
            continue
        verdict = group_verdict(g)
        rows = [(m["label"], m["text"], _fmt_value(m["value"]), m["source"] or "no source given")
                for m in g["members"]]
        parts.append(table_html(("Report", "Words", "Value", "According to"), rows,
                                caption=f"{group_what(g)} \u2014 {verdict}"))
    if not parts:
        return '<p class="mk-muted">No figures found.</p>'
    return "".join(parts)


# --------------------------------------------------------------------------- quote tracing


_WORDS = re.compile(r"\w+(?:['\u2019]\w+)*")


def _word_index(text: str, start: int = 0, end: int | None = None) -> tuple[str, list[int], list[int]]:
    """The words of ``text[start:end]``, lower case, joined by single spaces, with offsets.

    Returns ``(words, starts, ends)``: ``starts[i]`` / ``ends[i]`` are the offsets in ``text``
    of the word that begins at character ``i`` of ``words`` (-1 elsewhere), so an exact
    ``words.find(...)`` maps back to the text. Punctuation and quote marks are not words.
    """
    parts: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    for m in _WORDS.finditer(text, start, len(text) if end is None else end):
        w = m.group().lower().replace("\u2019", "'")
        if parts:
            parts.append(" ")
            starts.append(-1)
            ends.append(-1)
        parts.append(w)
        starts.extend([m.start()] + [-1] * (len(w) - 1))
        ends.extend([-1] * (len(w) - 1) + [m.end()])
    return "".join(parts), starts, ends


def _words(text: str) -> str:
    return _word_index(text)[0]


def _find_words(needle: str, text: str, start: int = 0, end: int | None = None
                ) -> tuple[int, int] | None:
    """Where the words ``needle`` (from :func:`_words`) stand in ``text[start:end]``, if anywhere."""
    if not needle:
        return None
    hay, starts, ends = _word_index(text, start, end)
    i = hay.find(needle)
    while i >= 0:
        j = i + len(needle) - 1
        if starts[i] >= 0 and ends[j] >= 0:
            return starts[i], ends[j]
        i = hay.find(needle, i + 1)
    return None


def _passages(analysis: CaseAnalysis) -> list[Any]:
    return list(getattr(getattr(analysis, "comparisons", None), "shared_passages", None) or ())


def quote_traces(analysis: CaseAnalysis, *, min_words: int = 3) -> list[dict[str, Any]]:
    """Group the quotes of all reports that are the same words, and find unmarked reuse.

    Two quotes are linked when their words are the same, or one's words contain the other's
    (punctuation, case and quote marks aside; at least ``min_words`` words). Where the
    comparison stage found shared passages (``analysis.comparisons.shared_passages``), a quote
    inside a passage is looked for in the other side of that passage, so a copy that drops the
    quotation marks shows up as "not marked as a quote". Without any shared passages (an
    analysis made without the comparison stage) the quote's words are looked for, exactly, in
    every other report. No fuzzy matching: this stays fast on long reports.
    Returns clusters, most widely repeated first: ``{"text", "appearances": [...]}``.
    """
    case = analysis.case
    labels = row_labels(case)
    items: list[tuple[Report, Any]] = []
    for rep in case.reports:
        rec = analysis.records.get(rep.id)
        items.extend((rep, q) for q in (rec.quotes if rec else ()))
    parent = list(range(len(items)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(i: int, j: int) -> None:
        parent[find(i)] = find(j)

    texts = [(_get(q, "text") or "").strip() for _, q in items]
    words = [_words(t) for t in texts]
    by_words: dict[str, int] = {}
    for i, w in enumerate(words):
        if w.count(" ") + 1 < min_words:
            continue
        if w in by_words:
            union(i, by_words[w])
        else:
            by_words[w] = i
    distinct = sorted(by_words.items(), key=lambda kv: len(kv[0]))
    for k, (short, i) in enumerate(distinct):  # containment among distinct texts (plain `in`)
        padded = f" {short} "
        for longer, j in distinct[k + 1:]:
            if padded in f" {longer} ":
                union(i, j)
    passages = _passages(analysis)

    def covering(rid: str, q: Any) -> list[tuple[Any, str]]:
        hits = []
        for p in passages:
            for side, other in (("a", "b"), ("b", "a")):
                if _get(p, side) == rid and _get(p, f"{side}_start", 0) < _get(q, "end") \
                        and _get(q, "start") < _get(p, f"{side}_end", 0):
                    hits.append((p, other))
        return hits

    clusters: dict[int, list[int]] = {}
    for i in range(len(items)):
        clusters.setdefault(find(i), []).append(i)
    order = {r.id: k for k, r in enumerate(case.reports)}
    out = []
    for members in clusters.values():
        members.sort(key=lambda i: (order[items[i][0].id], _get(items[i][1], "start")))
        text = max((texts[i] for i in members), key=len)
        apps = []
        hits: list[tuple[Any, str, int]] = []
        for i in members:
            rep, q = items[i]
            cover = covering(rep.id, q)
            hits.extend((p, other, i) for p, other in cover)
            credited = [_get(p, "credited") for p, _ in cover]
            apps.append({
                "report": rep.id, "outlet": rep.label, "label": labels[rep.id],
                "start": _get(q, "start"), "end": _get(q, "end"), "text": texts[i],
                "where": where_in_words(rep, int(_get(q, "start") or 0), int(_get(q, "end") or 0)),
                "speaker": _get(q, "speaker"), "speaker_type": _get(q, "speaker_type"),
                "cue": _get(q, "cue"), "marked": True, "pull_quote": bool(_get(q, "pull_quote")),
                "credited": credited[0] if credited else None,
            })
        seen = {a["report"] for a in apps}
        found: dict[str, tuple[int, int, Any]] = {}
        if passages:  # where the comparison stage says the words went
            for p, other, i in hits:
                orid = _get(p, other)
                if orid in seen or orid in found:
                    continue
                try:
                    orep = case.report(orid)
                except Exception:  # a passage naming an unknown report: skip it
                    continue
                span = _find_words(words[i], orep.text, _get(p, f"{other}_start", 0),
                                   _get(p, f"{other}_end", 0))
                if span is not None:
                    found[orid] = (*span, _get(p, "credited"))
        elif len(_words(text)) >= 20:  # no comparisons at all: look for the words themselves
            needle = _words(text)
            for rep in case.reports:
                if rep.id in seen:
                    continue
                span = _find_words(needle, rep.text)
                if span is not None:
                    found[rep.id] = (*span, None)
        for rep in case.reports:
            if rep.id in found:
                s0, e0, credited = found[rep.id]
                apps.append({
                    "report": rep.id, "outlet": rep.label, "label": labels[rep.id],
                    "start": s0, "end": e0, "text": rep.text[s0:e0], "speaker": None,
                    "where": where_in_words(rep, s0, e0),
                    "speaker_type": None, "cue": None, "marked": False, "pull_quote": False,
                    "credited": credited,
                })
        out.append({"text": text, "appearances": apps})
    out.sort(key=lambda c: (-len({a["report"] for a in c["appearances"]}), c["text"]))
    return out


def quote_trace_html(trace: Mapping[str, Any]) -> str:
    """One quote's appearances as a table: where, said by whom (as each report tells it), how."""
    rows = []
    for a in trace["appearances"]:
        if a["marked"]:
            said = a["speaker"] or "no speaker given"
            kind = SOURCE_TYPE_NAMES.get(a["speaker_type"] or "", a["speaker_type"] or "")
            how = (f"quoted, verb \u201c{a['cue']}\u201d" if a["cue"] else "quoted, no reporting verb")
            if a["pull_quote"]:
                how += " (pull quote)"
        else:
            said, kind, how = "\u2014", "", "same words, NOT marked as a quote"
        credited = {True: "yes", False: "no", None: "\u2014"}[a["credited"]]
        rows.append((a["label"], a.get("where") or "", said, kind, how,
                     credited, _short(a["text"], 200)))
    head = f'<p><b>Quote:</b> \u201c{esc(_short(trace["text"], 300).rstrip(" ,;:"))}\u201d</p>'
    return head + table_html(
        ("Report", "Where", "Said by (as the report tells it)", "Kind", "How", "Credits the other report", "Words"),
        rows)


# --------------------------------------------------------------------------- notes

NOTE_TOPICS: dict[str, tuple[str, ...]] = {
    "reader": ("shared_passages", "passages", "quotes", "claims"),
    "sources": ("source_mix", "sources", "attributions"),
    "quotes": ("shared_passages", "passages", "quotes"),
    "figures": ("figure_groups", "figures"),
    "wording": ("labels", "claims", "loaded_terms", "terms", "sides"),
}


def comparison_notes(analysis: CaseAnalysis, *, topics: Iterable[str] | None = None) -> list[str]:
    """Plain reasons from the comparison stage (``analysis.comparisons.notes``), if it gives any.

    A note is a string, or a record/dict with its words in ``text`` (or ``note``, ``message``,
    ``reason``) and what it is about in ``about`` (or ``topic``, ``field``, ``kind``); a plain
    string is about what its first words name ("No claims found: ..." is about claims). With
    ``topics``, only notes about one of them (and notes about nothing in particular) are kept.
    """
    wanted = None if topics is None else tuple(topics)
    out = []
    for n in getattr(getattr(analysis, "comparisons", None), "notes", None) or ():
        if isinstance(n, str):
            about, text = _note_topic(n), n
        else:
            about = next((_get(n, k) for k in ("about", "topic", "field", "kind") if _get(n, k)), None)
            text = next((_get(n, k) for k in ("text", "note", "message", "reason") if _get(n, k)), None)
        if not text:
            continue
        if wanted is not None and about and not any(t in str(about) for t in wanted):
            continue
        out.append(str(text))
    return out


_NOTE_WORDS = (("claim", "claims"), ("figure", "figure_groups"), ("label", "labels"),
               ("passage", "shared_passages"), ("shared", "shared_passages"),
               ("source", "source_mix"), ("quote", "quotes"), ("term", "loaded_terms"))


def _note_topic(note: str) -> str | None:
    """What a plain-words note is about, from its first clause ("No claims found: ...")."""
    head = re.split(r"[:.;]", note, maxsplit=1)[0].lower()
    for word, topic in _NOTE_WORDS:
        if word in head:
            return topic
    return None


def notes_html(analysis: CaseAnalysis, *, topics: Iterable[str] | None = None) -> str:
    """The comparison notes as a short list (empty string when there are none)."""
    notes = comparison_notes(analysis, topics=topics)
    if not notes:
        return ""
    items = "".join(f"<li>{esc(n)}</li>" for n in notes)
    return f'<div class="mk-notice mk-notes" role="note"><b>Notes from the kit</b><ul>{items}</ul></div>'


# --------------------------------------------------------------------------- wording


def label_counts(analysis: CaseAnalysis) -> list[dict[str, Any]]:
    """How often each report uses each label for each side: rows ``{report, side, term, count}``.

    Read from ``analysis.comparisons.labels``. An analysis made without the comparison stage
    (no labels there) gets them from the same function the comparison stage uses,
    :func:`mediakit.compare.label_counts`, so there is one way of counting.
    """
    labels = list(getattr(analysis.comparisons, "labels", None) or ())
    if not labels:
        from .compare import label_counts as compare_labels

        labels = list(compare_labels(analysis.case, analysis.records))
    return [{"report": _get(x, "report"), "side": _get(x, "side"), "term": _get(x, "term"),
             "count": _get(x, "count", 0)} for x in labels]


def labels_table_html(analysis: CaseAnalysis, *, report: str | None = None) -> str:
    """Labels per side: for each side, the words each report uses for it, with counts."""
    case = analysis.case
    rows_by: dict[tuple[str, str], list[str]] = {}
    for row in label_counts(analysis):
        if report and row["report"] != report:
            continue
        rows_by.setdefault((row["report"], row["side"]), []).append(f"{row['term']} ×{row['count']}")
    order = {r.id: i for i, r in enumerate(case.reports)}
    rows = []
    for (rid, side), terms in sorted(rows_by.items(), key=lambda kv: (kv[0][1], order.get(kv[0][0], 99))):
        rows.append((side_label(side, case), row_label(case, rid), ", ".join(terms)))
    return table_html(("Side", "Report", "Words used for this side"), rows,
                      caption="Labels for each side",
                      empty="This case defines no sides, or no report uses their labels.")


def terms_table_html(analysis: CaseAnalysis, *, report: str | None = None,
                     category: str | None = None) -> str:
    """Loaded terms per report and category, with each term's count."""
    rows = []
    labels = row_labels(analysis.case)
    for rep in analysis.case.reports:
        if report and rep.id != report:
            continue
        rec = analysis.records.get(rep.id)
        by_cat: dict[str, Counter[str]] = {}
        for t in rec.loaded_terms if rec else ():
            cat = _get(t, "category") or "?"
            if category and cat != category:
                continue
            by_cat.setdefault(cat, Counter())[_get(t, "text") or ""] += 1
        for cat in sorted(by_cat, key=lambda c: (TERM_CATEGORIES.index(c) if c in TERM_CATEGORIES else 99, c)):
            terms = ", ".join(f"{w} ×{n}" for w, n in by_cat[cat].most_common())
            rows.append((labels[rep.id], TERM_NAMES.get(cat, cat), sum(by_cat[cat].values()),
                         terms))
    return table_html(("Report", "Category", "Count", "Terms"), rows,
                      caption="Loaded terms per report", empty="No loaded terms found.")
