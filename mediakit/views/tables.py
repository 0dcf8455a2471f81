"""Tables: sources, figures, quote traces, labels and loaded terms, as escaped HTML tables."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from ..records import TERM_CATEGORIES

if TYPE_CHECKING:
    from ..analysis import CaseAnalysis
    from ..cases.case import Report

from .common import (
    SOURCE_TYPE_NAMES,
    TERM_NAMES,
    esc,
    get_field,
    is_checked,
    row_label,
    row_labels,
    shorten,
    side_label,
    side_of,
    source_name,
    table_html,
    verdict_name,
    what_name,
)
from .explanations import (
    where_in_words,
)


def source_rows(analysis: CaseAnalysis) -> list[dict[str, Any]]:
    """Every attribution of every report as a row: report, source, type, side, cue, sentence."""
    rows = []
    labels = row_labels(analysis.case)
    for r in analysis.case.reports:
        rec = analysis.records.get(r.id)
        for a in rec.attributions if rec else ():
            rows.append(
                {
                    "report": r.id,
                    "outlet": r.label,
                    "label": labels[r.id],
                    "source": get_field(a, "source"),
                    "source_type": get_field(a, "source_type") or "unspecified",
                    "side": side_of(
                        get_field(a, "source"),
                        analysis.case,
                        resolves_to=get_field(a, "resolves_to"),
                    ),
                    "cue": get_field(a, "cue"),
                    "resolves_to": get_field(a, "resolves_to"),
                    "sentence": get_field(a, "sentence"),
                    "start": get_field(a, "start"),
                    "review": get_field(a, "review") or "",
                }
            )
    return rows


_DETERMINERS = {"the", "a", "an", "one", "this", "that", "these", "those", "some"}


def source_key(
    source: str | None, *, resolves_to: str | None = None, source_type: str | None = None
) -> str:
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
    keys = {
        source_key(r["source"], resolves_to=r.get("resolves_to"), source_type=r["source_type"])
        for r in source_rows(analysis)
        if r["report"] == report_id and (source_type is None or r["source_type"] == source_type)
    }
    return len(keys)


def source_table_html(
    analysis: CaseAnalysis,
    *,
    report: str | None = None,
    side: str | None = None,
    source_type: str | None = None,
) -> str:
    """Who is cited: one row per source and report, with type, side and how often.

    Filters: ``report`` id, ``side`` name ("none" for sources without a side), ``source_type``.
    Rows are keyed by report id (two reports of one outlet stay apart) in the case's order.
    """
    labels = row_labels(analysis.case)
    order = {rid: i for i, rid in enumerate(labels)}
    counts: Counter[tuple[str, str, str, str | None]] = Counter()
    example: dict[tuple[str, str, str, str | None], str] = {}
    checked: set[tuple[str, str, str, str | None]] = set()
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
        if is_checked(row):
            checked.add(key)
    rows = [
        (
            labels.get(rid, rid),
            src + (CHECKED if (rid, src, st, sd) in checked else ""),
            SOURCE_TYPE_NAMES.get(st, st),
            side_label(sd, analysis.case),
            n,
            shorten(example[(rid, src, st, sd)]),
        )
        for (rid, src, st, sd), n in sorted(
            counts.items(), key=lambda kv: (order.get(kv[0][0], len(order)), -kv[1])
        )
    ]
    return table_html(
        ("Report", "Source (as the report words it)", "Kind", "Side", "Mentions", "Example"),
        rows,
        caption="Each source, with how many times the report cites it (mentions)"
        + (CHECKED_NOTE if checked else ""),
        empty="No sources match these choices.",
    )


# beside a value a teacher checked (review.toml), and the caption's key to it
CHECKED = " \u2713 checked"
CHECKED_NOTE = " (\u2713 checked: checked by your teacher; the rest was found by the machine)"


def _record_at(records: Sequence[Any], start: Any, end: Any) -> Any:
    for rec in records:
        if get_field(rec, "start") == start and get_field(rec, "end") == end:
            return rec
    for rec in records:  # overlapping, in case offsets differ slightly
        if (
            start is not None
            and end is not None
            and get_field(rec, "start") < end
            and start < get_field(rec, "end")
        ):
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
            for m in get_field(g, "members") or ():
                rid = get_field(m, "report")
                try:
                    rep = case.report(rid)
                except Exception:  # a member naming an unknown report: skip it, keep the rest
                    continue
                rec = analysis.records.get(rep.id)
                fig = (
                    _record_at(rec.figures, get_field(m, "start"), get_field(m, "end"))
                    if rec
                    else None
                )
                members.append(_fig_member(rep, fig, m, labels))
            out.append(
                {
                    "what": get_field(g, "what") or "?",
                    "verdict": get_field(g, "verdict"),
                    "label": get_field(g, "label"),
                    "what_label": get_field(g, "what_label"),
                    "members": members,
                    "review": get_field(g, "review") or "",
                }
            )
        return out
    by_what: dict[str, list[dict[str, Any]]] = {}
    for rep in case.reports:
        rec = analysis.records.get(rep.id)
        for fig in rec.figures if rec else ():
            by_what.setdefault(get_field(fig, "what") or "?", []).append(
                _fig_member(rep, fig, fig, labels)
            )
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
    start, end = get_field(m, "start"), get_field(m, "end")
    text = get_field(fig, "text") if fig is not None else None
    if text is None and isinstance(start, int) and isinstance(end, int):
        text = rep.text[start:end]
    value = get_field(m, "value", get_field(fig, "value") if fig is not None else None)
    if get_field(m, "vague", get_field(fig, "vague", False) if fig is not None else False):
        value = None  # "hundreds of thousands" is shown as words, never as an invented number
    return {
        "report": rep.id,
        "outlet": rep.label,
        "label": labels.get(rep.id, rep.label),
        "text": text or "",
        "value": value,
        "source": get_field(fig, "source") if fig is not None else None,
        "start": start,
        "end": end,
        "review": get_field(fig, "review") or "" if fig is not None else "",
    }


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
        rows = [
            (
                m["label"],
                m["text"],
                _fmt_value(m["value"]) + (CHECKED if is_checked(m) else ""),
                m["source"] or "no source given",
            )
            for m in g["members"]
        ]
        group_checked = " (grouping checked by your teacher)" if is_checked(g) else ""
        parts.append(
            table_html(
                ("Report", "Words", "Value", "According to"),
                rows,
                caption=f"{group_what(g)} \u2014 {verdict}{group_checked}"
                + (CHECKED_NOTE if any(is_checked(m) for m in g["members"]) else ""),
            )
        )
    if not parts:
        return '<p class="mk-muted">No figures found.</p>'
    return "".join(parts)


# --------------------------------------------------------------------------- quote tracing


_WORDS = re.compile(r"\w+(?:['\u2019]\w+)*")


def _word_index(
    text: str, start: int = 0, end: int | None = None
) -> tuple[str, list[int], list[int]]:
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


def _find_words(
    needle: str, text: str, start: int = 0, end: int | None = None
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


def shared_passages_of(analysis: CaseAnalysis) -> list[Any]:
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

    texts = [(get_field(q, "text") or "").strip() for _, q in items]
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
        for longer, j in distinct[k + 1 :]:
            if padded in f" {longer} ":
                union(i, j)
    passages = shared_passages_of(analysis)

    def covering(rid: str, q: Any) -> list[tuple[Any, str]]:
        hits = []
        for p in passages:
            for side, other in (("a", "b"), ("b", "a")):
                if (
                    get_field(p, side) == rid
                    and get_field(p, f"{side}_start", 0) < get_field(q, "end")
                    and get_field(q, "start") < get_field(p, f"{side}_end", 0)
                ):
                    hits.append((p, other))
        return hits

    clusters: dict[int, list[int]] = {}
    for i in range(len(items)):
        clusters.setdefault(find(i), []).append(i)
    order = {r.id: k for k, r in enumerate(case.reports)}
    out: list[dict[str, Any]] = []
    for members in clusters.values():
        members.sort(key=lambda i: (order[items[i][0].id], get_field(items[i][1], "start")))
        text = max((texts[i] for i in members), key=len)
        apps = []
        hits: list[tuple[Any, str, int]] = []
        for i in members:
            rep, q = items[i]
            cover = covering(rep.id, q)
            hits.extend((p, other, i) for p, other in cover)
            credited = [get_field(p, "credited") for p, _ in cover]
            apps.append(
                {
                    "report": rep.id,
                    "outlet": rep.label,
                    "label": labels[rep.id],
                    "start": get_field(q, "start"),
                    "end": get_field(q, "end"),
                    "text": texts[i],
                    "where": where_in_words(
                        rep, int(get_field(q, "start") or 0), int(get_field(q, "end") or 0)
                    ),
                    "speaker": get_field(q, "speaker"),
                    "speaker_type": get_field(q, "speaker_type"),
                    "cue": get_field(q, "cue"),
                    "marked": True,
                    "pull_quote": bool(get_field(q, "pull_quote")),
                    "credited": credited[0] if credited else None,
                }
            )
        seen = {a["report"] for a in apps}
        found: dict[str, tuple[int, int, Any]] = {}
        if passages:  # where the comparison stage says the words went
            for p, other, i in hits:
                orid = get_field(p, other)
                if orid in seen or orid in found:
                    continue
                try:
                    orep = case.report(orid)
                except Exception:  # a passage naming an unknown report: skip it
                    continue
                span = _find_words(
                    words[i],
                    orep.text,
                    get_field(p, f"{other}_start", 0),
                    get_field(p, f"{other}_end", 0),
                )
                if span is not None:
                    found[orid] = (*span, get_field(p, "credited"))
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
                apps.append(
                    {
                        "report": rep.id,
                        "outlet": rep.label,
                        "label": labels[rep.id],
                        "start": s0,
                        "end": e0,
                        "text": rep.text[s0:e0],
                        "speaker": None,
                        "where": where_in_words(rep, s0, e0),
                        "speaker_type": None,
                        "cue": None,
                        "marked": False,
                        "pull_quote": False,
                        "credited": credited,
                    }
                )
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
            how = (
                f"quoted, verb \u201c{a['cue']}\u201d" if a["cue"] else "quoted, no reporting verb"
            )
            if a["pull_quote"]:
                how += " (pull quote)"
        else:
            said, kind, how = "\u2014", "", "same words, NOT marked as a quote"
        credited = {True: "yes", False: "no", None: "\u2014"}[a["credited"]]
        rows.append(
            (a["label"], a.get("where") or "", said, kind, how, credited, shorten(a["text"], 200))
        )
    head = f"<p><b>Quote:</b> \u201c{esc(shorten(trace['text'], 300).rstrip(' ,;:'))}\u201d</p>"
    return head + table_html(
        (
            "Report",
            "Where",
            "Said by (as the report tells it)",
            "Kind",
            "How",
            "Credits the other report",
            "Words",
        ),
        rows,
    )


# --------------------------------------------------------------------------- notes


def label_counts(analysis: CaseAnalysis) -> list[dict[str, Any]]:
    """How often each report uses each label for each side: rows ``{report, side, term, count}``.

    Read from ``analysis.comparisons.labels``. An analysis made without the comparison stage
    (no labels there) gets them from the same function the comparison stage uses,
    :func:`mediakit.compare.label_counts`, so there is one way of counting.
    """
    labels = list(getattr(analysis.comparisons, "labels", None) or ())
    if not labels:
        from ..compare import label_counts as compare_labels

        labels = list(
            compare_labels(
                analysis.case, analysis.records, docs=getattr(analysis, "docs", None) or None
            )
        )
    return [
        {
            "report": get_field(x, "report"),
            "side": get_field(x, "side"),
            "term": get_field(x, "term"),
            "count": get_field(x, "count", 0),
        }
        for x in labels
    ]


def labels_table_html(analysis: CaseAnalysis, *, report: str | None = None) -> str:
    """Labels per side: for each side, the words each report uses for it, with counts."""
    case = analysis.case
    rows_by: dict[tuple[str, str], list[str]] = {}
    for row in label_counts(analysis):
        if report and row["report"] != report:
            continue
        rows_by.setdefault((row["report"], row["side"]), []).append(
            f"{row['term']} ×{row['count']}"
        )
    order = {r.id: i for i, r in enumerate(case.reports)}
    rows = []
    for (rid, side), terms in sorted(
        rows_by.items(), key=lambda kv: (kv[0][1], order.get(kv[0][0], 99))
    ):
        rows.append((side_label(side, case), row_label(case, rid), ", ".join(terms)))
    return table_html(
        ("Side", "Report", "Words used for this side"),
        rows,
        caption="Labels for each side",
        empty="This case defines no sides, or no report uses their labels.",
    )


def terms_table_html(
    analysis: CaseAnalysis, *, report: str | None = None, category: str | None = None
) -> str:
    """Loaded terms per report and category, with each term's count."""
    rows = []
    labels = row_labels(analysis.case)
    for rep in analysis.case.reports:
        if report and rep.id != report:
            continue
        rec = analysis.records.get(rep.id)
        by_cat: dict[str, Counter[str]] = {}
        for t in rec.loaded_terms if rec else ():
            cat = get_field(t, "category") or "?"
            if category and cat != category:
                continue
            by_cat.setdefault(cat, Counter())[get_field(t, "text") or ""] += 1
        for cat in sorted(
            by_cat, key=lambda c: (TERM_CATEGORIES.index(c) if c in TERM_CATEGORIES else 99, c)
        ):
            terms = ", ".join(f"{w} ×{n}" for w, n in by_cat[cat].most_common())
            rows.append(
                (labels[rep.id], TERM_NAMES.get(cat, cat), sum(by_cat[cat].values()), terms)
            )
    return table_html(
        ("Report", "Category", "Count", "Terms"),
        rows,
        caption="Loaded terms per report",
        empty="No loaded terms found.",
    )


__all__ = [
    "distinct_sources",
    "figure_groups",
    "figures_table_html",
    "group_verdict",
    "group_what",
    "label_counts",
    "labels_table_html",
    "quote_trace_html",
    "quote_traces",
    "shared_passages_of",
    "source_key",
    "source_rows",
    "source_table_html",
    "terms_table_html",
]
