"""The teacher's review as pure functions: the list of marks to check, what the machine says
about each, the teacher's current decision, and a new :class:`~mediakit.cases.review.Review`
with one decision changed. The review view (:mod:`mediakit.views.review_widget`) only wires
controls to these, so tests drive them without a browser.

Every item is drawn from the *machine's* analysis (the case without its review), so a mark the
teacher dropped is still listed and can be taken back; the decision shown beside it is the one
``review.toml`` holds.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from ..cases.review import (
    KIND_NAMES,
    Anchor,
    Review,
    ReviewEntry,
    ReviewError,
    anchor_for,
    group_key,
    locate,
)
from ..records import SOURCE_TYPES, TERM_CATEGORIES
from . import reader as reader_view
from .common import SOURCE_TYPE_NAMES, TERM_NAMES, esc, get_field, row_labels, shorten
from .explanations import describe_html

if TYPE_CHECKING:
    from ..analysis import CaseAnalysis
    from ..cases.case import Case

# kind -> (records field, reader layer, reader key letter)
_LAYERS = {
    "quote": ("quotes", "quotes", "q"),
    "attribution": ("attributions", "sources", "s"),
    "figure": ("figures", "figures", "f"),
    "term": ("loaded_terms", "terms", "t"),
}
# the form of a correction: field -> its label for the teacher
FORM: dict[str, tuple[tuple[str, str], ...]] = {
    "quote": (("speaker", "Speaker"), ("speaker_type", "Kind of speaker")),
    "attribution": (("source", "Source (who it is)"), ("source_type", "Kind of source")),
    "figure": (
        ("value", "Value (a number)"),
        ("vague", "Vague amount (no exact number)"),
        ("what", "What is counted"),
        ("source", "According to"),
    ),
    "term": (("category", "Category"),),
    "figure_group": (),
}
CHOICES = {"speaker_type": SOURCE_TYPES, "source_type": SOURCE_TYPES, "category": TERM_CATEGORIES}
DECISION_WORDS = {
    None: "not checked yet",
    "confirm": "confirmed",
    "correct": "corrected",
    "drop": "dropped",
}
FILTERS = (
    ("Every mark", ""),
    ("Quotes", "quote"),
    ("Sources", "attribution"),
    ("Figures", "figure"),
    ("Figure groups", "figure_group"),
    ("Loaded terms", "term"),
    ("Not checked yet", "unchecked"),
)


@dataclass(frozen=True)
class ReviewItem:
    """One mark of the machine's analysis to check (or one figure group)."""

    key: str  # unique in the list: "quote|report id|start|end", "figure_group|n"
    kind: str
    report: str  # report id (a group's first member)
    start: int
    end: int
    mark: str  # the reader's mark id ("report id|q3") to show the evidence
    anchor: Anchor | None
    members: tuple[Anchor, ...] = ()
    machine: tuple[tuple[str, Any], ...] = ()  # what the machine says (speaker, source ...)
    entry: ReviewEntry | None = None  # the teacher's decision in review.toml

    @property
    def decision(self) -> str | None:
        return self.entry.decision if self.entry else None

    @property
    def says(self) -> dict[str, Any]:
        return dict(self.machine)


def _entry_keys(review: Review | None, case: Case) -> dict[Any, ReviewEntry]:
    """Each entry of the review by the place it stands now: (kind, report id, start, end), or
    ("figure_group", members) for a group. Entries that fit nowhere are left out."""
    out: dict[Any, ReviewEntry] = {}
    if not review:
        return out
    by_name = {**{r.file: r for r in case.reports}, **{r.id: r for r in case.reports}}
    for e in review.entries:
        if e.kind == "figure_group":
            spans = []
            for m in e.members:
                rep = by_name.get(m.report)
                span = locate(m, rep.text) if rep else None
                if rep is None or span is None:
                    break
                spans.append({"report": rep.id, "start": span[0], "end": span[1]})
            else:
                out[("figure_group", group_key(spans))] = e
            continue
        assert e.anchor is not None
        rep = by_name.get(e.anchor.report)
        span = locate(e.anchor, rep.text) if rep else None
        if rep is not None and span is not None:
            out[(e.kind, rep.id, *span)] = e
    return out


def _machine_fields(kind: str, m: Any) -> tuple[tuple[str, Any], ...]:
    names = {
        "quote": ("speaker", "speaker_type", "cue"),
        "attribution": ("source", "source_type", "cue", "resolves_to"),
        "figure": ("value", "vague", "what", "source"),
        "term": ("category", "lemma"),
    }[kind]
    return tuple((n, get_field(m, n)) for n in names)


def review_items(machine: CaseAnalysis, review: Review | None) -> list[ReviewItem]:
    """Every quote, source, figure, loaded term and figure group of the machine's analysis, in
    the case's report order and by position, each with the teacher's decision (if any)."""
    case = machine.case
    decided = _entry_keys(review, case)
    items: list[ReviewItem] = []
    for rep in case.reports:
        rec = machine.records.get(rep.id)
        if rec is None:
            continue
        marks = []
        for kind, (field, _layer, letter) in _LAYERS.items():
            for i, m in enumerate(getattr(rec, field)):
                marks.append((m.start, m.end, kind, letter, i, m))
        for s, e, kind, letter, i, m in sorted(marks, key=lambda x: (x[0], x[1], x[3])):
            items.append(
                ReviewItem(
                    key=f"{kind}|{rep.id}|{s}|{e}",
                    kind=kind,
                    report=rep.id,
                    start=s,
                    end=e,
                    mark=f"{rep.id}|{letter}{i}",
                    anchor=anchor_for(rep, s, e),
                    machine=_machine_fields(kind, m),
                    entry=decided.get((kind, rep.id, s, e)),
                )
            )
    for n, g in enumerate(machine.comparisons.figure_groups):
        members = []
        for m in g.members:
            try:
                rep = case.report(m["report"])
            except Exception:  # a member of a report the case no longer has
                continue
            members.append(anchor_for(rep, int(m["start"]), int(m["end"])))
        if len(members) < 2:
            continue
        first = g.members[0]
        rec = machine.records.get(str(first["report"]))
        idx = next(
            (
                i
                for i, f in enumerate(rec.figures if rec else ())
                if (f.start, f.end) == (first["start"], first["end"])
            ),
            0,
        )
        items.append(
            ReviewItem(
                key=f"figure_group|{n}",
                kind="figure_group",
                report=str(first["report"]),
                start=int(first["start"]),
                end=int(first["end"]),
                mark=f"{first['report']}|f{idx}",
                anchor=None,
                members=tuple(members),
                machine=(("what", g.what_label or g.what), ("verdict", g.label or g.verdict)),
                entry=decided.get(("figure_group", group_key(g.members))),
            )
        )
    return items


def _says(item: ReviewItem) -> str:
    """What the machine says about a mark, in a few words."""
    s = item.says
    if item.kind == "quote":
        kind = SOURCE_TYPE_NAMES.get(s["speaker_type"] or "", s["speaker_type"] or "")
        return f"speaker: {s['speaker'] or 'not found'}" + (f" ({kind})" if kind else "")
    if item.kind == "attribution":
        kind = f"kind: {SOURCE_TYPE_NAMES.get(s['source_type'] or '', s['source_type'])}"
        return (f"stands for {s['resolves_to']}, " if s["resolves_to"] else "") + kind
    if item.kind == "figure":
        value = "vague" if s["value"] is None else f"{s['value']:g}"
        return f"value {value}, counts {s['what'] or '?'}, according to {s['source'] or 'nobody'}"
    if item.kind == "term":
        return TERM_NAMES.get(s["category"], s["category"])
    return f"{s['what']}: {s['verdict']}"


def status_words(item: ReviewItem) -> str:
    """The teacher's decision on an item in words: "corrected (speaker: Bruce Braley)"."""
    words = DECISION_WORDS[item.decision]
    if item.entry is not None and item.entry.fields:
        fixes = ", ".join(f"{k}: {_shown(v)}" for k, v in item.entry.fields)
        words += f" ({fixes})"
    return words


def _shown(v: Any) -> str:
    if isinstance(v, bool):
        return "yes" if v else "no"
    if isinstance(v, float):
        return f"{v:g}"
    return str(v) or "none"


def item_label(item: ReviewItem, case: Case) -> str:
    """One line for the list of marks: report, kind, words, what the machine says, decision."""
    names = row_labels(case)
    if item.kind == "figure_group":
        words = " / ".join(f"{names.get(m.report, m.report)}: {m.text}" for m in item.members)
        head = f"figure group \u00b7 {shorten(words, 60)}"
    else:
        assert item.anchor is not None
        head = (
            f"{names.get(item.report, item.report)} \u00b7 {KIND_NAMES[item.kind]} \u00b7 "
            f"\u201c{shorten(item.anchor.text, 50)}\u201d"
        )
    return f"{head} \u00b7 {_says(item)} \u00b7 [{status_words(item)}]"


def filter_items(items: Sequence[ReviewItem], which: str) -> list[ReviewItem]:
    """The items of one kind ("quote" ...), the unchecked ones ("unchecked"), or all ("")."""
    if not which:
        return list(items)
    if which == "unchecked":
        return [i for i in items if i.decision is None]
    return [i for i in items if i.kind == which]


def evidence_html(machine: CaseAnalysis, item: ReviewItem) -> str:
    """What the machine found for one item and why (the reader's explanation, escaped), with
    the passage around it and the teacher's current decision."""
    case = machine.case
    if item.kind == "figure_group":
        names = row_labels(case)
        rows = "".join(
            f"<li>{esc(names.get(m.report, m.report))}: \u201c{esc(m.before[-40:])}"
            f"<mark>{esc(m.text)}</mark>{esc(m.after[:40])}\u201d</li>"
            for m in item.members
        )
        s = item.says
        body = (
            f'<div class="mk-detail"><b>Figure group</b><p>The machine puts these figures '
            f"side by side as counting the same thing ({esc(s['what'])}): "
            f"{esc(s['verdict'])}.</p><ul>{rows}</ul></div>"
        )
    else:
        rep = case.report(item.report)
        rec = machine.records.get(rep.id)
        layer = _LAYERS[item.kind][1]
        key = item.mark.split("|", 1)[1]
        marks = reader_view.mark_annotations(rep, rec, layers=(layer,))
        ann = next((a for a in marks if a.key == key), None)
        body = describe_html(ann, rep) if ann is not None else ""
        text = rep.text
        lo, hi = max(0, item.start - 200), min(len(text), item.end + 200)
        body += (
            f'<p class="mk-passage">\u2026{esc(text[lo : item.start])}<mark>'
            f"{esc(text[item.start : item.end])}</mark>{esc(text[item.end : hi])}\u2026</p>"
        )
    return (
        f"{body}<p><b>Your decision so far:</b> {esc(status_words(item))}</p>"
        if body
        else f"<p>{esc(status_words(item))}</p>"
    )


def machine_value(item: ReviewItem, field: str) -> Any:
    """What the machine says for one field of the correction form: for a source worded as
    "he" or "who", the one the machine took it to stand for."""
    said = item.says
    if item.kind == "attribution" and field == "source" and said.get("resolves_to"):
        return said["resolves_to"]
    return said.get(field)


def _number(text: str) -> float:
    cleaned = text.strip().replace(",", "").replace("\u202f", "").replace(" ", "")
    try:
        return float(cleaned)
    except ValueError:
        raise ReviewError(
            f"The value '{text}' is not a number: write digits, like 12 or 3.5 (or tick "
            "'Vague amount' for words like 'hundreds')."
        ) from None


def corrections(item: ReviewItem, values: Mapping[str, Any]) -> dict[str, Any]:
    """The fields a correction form sets that differ from what the machine says, checked:
    a plain :class:`ReviewError` when nothing changed or a value cannot be used."""
    said = item.says
    out: dict[str, Any] = {}
    for name, label in FORM[item.kind]:
        if name not in values:
            continue
        v = values[name]
        if name == "vague":
            if bool(v) and not said.get("vague"):
                out["vague"] = True
            continue
        if name == "value":
            if values.get("vague") or str(v).strip() == "":
                continue
            num = _number(str(v))
            if num != said.get("value"):
                out["value"] = num
            continue
        text = " ".join(str(v or "").split())
        if name in CHOICES and text and text not in CHOICES[name]:
            raise ReviewError(
                f"'{text}' is not a {label.lower()} the kit knows (one of: "
                f"{', '.join(CHOICES[name])})."
            )
        if not text and not (item.kind == "figure" and name == "source"):
            continue
        if text != (machine_value(item, name) or ""):
            out[name] = text
    if not out:
        raise ReviewError(
            "Nothing was corrected: change "
            + " or ".join(label.lower() for _, label in FORM[item.kind])
            + ", or choose confirm instead."
        )
    return out


def decide_item(
    review: Review | None,
    item: ReviewItem,
    decision: str | None,
    values: Mapping[str, Any] | None = None,
) -> Review:
    """A new review with the teacher's decision on ``item``: "confirm", "correct" (with the
    form's ``values``), "drop", or None to take a decision back. The item's old entry is
    replaced; every other entry is kept as it was."""
    review = review if review is not None else Review()
    if item.kind == "figure_group" and decision == "correct":
        raise ReviewError("A figure group is confirmed or dropped; correct its figures instead.")
    same = (item.kind, item.anchor, item.members)
    kept = [e for e in review.entries if e != item.entry and (e.kind, e.anchor, e.members) != same]
    if decision is not None:
        fixes = corrections(item, values or {}) if decision == "correct" else {}
        kept.append(
            ReviewEntry(
                kind=item.kind,
                decision=decision,
                anchor=item.anchor,
                members=item.members,
                fields=tuple(fixes.items()),
            )
        )
    return replace(review, entries=tuple(kept))


def refreshed(item: ReviewItem, review: Review, case: Case) -> ReviewItem:
    """The item with its decision read again from ``review``."""
    decided = _entry_keys(review, case)
    if item.kind == "figure_group":
        spans = [
            {"report": case.report(m.report).id, "start": m.at, "end": m.at + len(m.text)}
            for m in item.members
        ]
        return replace(item, entry=decided.get(("figure_group", group_key(spans))))
    return replace(item, entry=decided.get((item.kind, item.report, item.start, item.end)))


def progress_text(items: Sequence[ReviewItem]) -> str:
    """How far the review is: "12 of 40 marks checked (3 corrected, 1 dropped)"."""
    done = [i for i in items if i.decision is not None]
    by = {d: sum(1 for i in done if i.decision == d) for d in ("confirm", "correct", "drop")}
    return (
        f"{len(done)} of {len(items)} marks checked ({by['confirm']} confirmed, "
        f"{by['correct']} corrected, {by['drop']} dropped)"
    )
