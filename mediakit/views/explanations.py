"""Explanations: what a mark means and where it sits in a report, in plain words, and the
notes the comparisons leave (why no claims were found, and so on)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ..analysis import CaseAnalysis
    from ..cases.case import Report

from .common import (
    BOILERPLATE_HELP,
    SOURCE_TYPE_HELP,
    SOURCE_TYPE_NAMES,
    TERM_HELP,
    TERM_NAMES,
    boilerplate_name,
    esc,
    get_field,
    review_words,
    source_name,
)
from .reader import (
    Annotation,
)


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
    for line in text[report.body.start :].split("\n"):
        line_start, line_end = pos, pos + len(line)
        pos = line_end + 1
        if not line.strip():
            continue
        if hl is not None and line_start < hl.end and hl.start < line_end:
            continue
        if report.boilerplate and any(
            b.start <= line_start + (len(line) - len(line.lstrip())) and line_end <= b.end
            for b in report.boilerplate
        ):
            continue
        n += 1
        if start < pos:
            return f"paragraph {n}"
    return f"paragraph {max(n, 1)}"


def _dl(rows: Iterable[tuple[str, Any]]) -> str:
    return (
        "<dl>"
        + "".join(f"<dt>{esc(k)}</dt><dd>{esc(v)}</dd>" for k, v in rows if v not in (None, ""))
        + "</dl>"
    )


# added to the kind of a speaker or source the kit typed on the language model's guess alone
_LOW_CONFIDENCE = (
    " (a guess: no word list or title decided this kind, only the language model's "
    "reading of the name; check it)"
)


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
        st = get_field(r, "speaker_type") or ""
        title = "Quote"
        rows = [
            ("Words", f"\u201c{excerpt}\u201d"),
            ("Speaker", get_field(r, "speaker") or "not found by the kit"),
            (
                "Kind of speaker",
                SOURCE_TYPE_NAMES.get(st, st)
                + (
                    _LOW_CONFIDENCE
                    if get_field(r, "speaker") and get_field(r, "type_confidence") == "low"
                    else ""
                ),
            ),
            (
                "Why the kit thinks so",
                "the words stand between quotation marks"
                + (
                    f" and the reporting verb \u201c{get_field(r, 'cue')}\u201d links them to the speaker"
                    if get_field(r, "cue")
                    else "; no reporting verb was found next to them"
                ),
            ),
            (
                "Partial quote",
                "yes: only some words are quoted" if get_field(r, "partial") else None,
            ),
            (
                "Pull quote",
                "yes: repeated in a display box" if get_field(r, "pull_quote") else None,
            ),
        ]
    elif ann.layer == "sources":
        st = get_field(r, "source_type") or "unspecified"
        title = "Source"
        rows = [
            ("Who is cited", source_name(r)),
            (
                "Kind of source",
                f"{SOURCE_TYPE_NAMES.get(st, st)}: {SOURCE_TYPE_HELP.get(st, '')}"
                + (_LOW_CONFIDENCE if get_field(r, "type_confidence") == "low" else ""),
            ),
            ("Named", "yes" if get_field(r, "named") else "no"),
            (
                "Why the kit thinks so",
                f"the cue \u201c{get_field(r, 'cue')}\u201d pins a claim on this source",
            ),
            ("Sentence", get_field(r, "sentence")),
        ]
    elif ann.layer == "figures":
        value = get_field(r, "value")
        title = "Figure"
        rows = [
            ("Words", excerpt),
            (
                "Value",
                "vague (no exact number)"
                if value is None
                else f"{value:g}"
                if isinstance(value, int | float)
                else value,
            ),
            ("What is counted", get_field(r, "what")),
            ("According to", get_field(r, "source") or "no source given in the sentence"),
        ]
    elif ann.layer == "terms":
        cat = get_field(r, "category") or ""
        title = "Loaded term"
        rows = [
            ("Words", excerpt),
            ("Lexicon category", f"{TERM_NAMES.get(cat, cat)}: {TERM_HELP.get(cat, '')}"),
            ("Lexicon entry", get_field(r, "lemma")),
            ("Note", get_field(r, "note")),
        ]
    elif ann.layer == "boilerplate":
        title = "Boilerplate"
        rows = [
            ("Kind", boilerplate_name(get_field(r, "kind"))),
            ("Why it is greyed", BOILERPLATE_HELP),
            ("Words", excerpt),
        ]
    else:
        title = "Shared passage"
        rows = [("Words", excerpt), ("Shared", get_field(r, "label"))]
    if ann.layer in ("quotes", "sources", "figures", "terms"):
        rows.append(("Checked", review_words(r)))
    rows.append(("Where", where))
    extra = "".join(f"<li>{esc(x)}</li>" for x in also)
    extra = f"<b>In other reports</b><ul>{extra}</ul>" if extra else ""
    return f'<div class="mk-detail"><b>{esc(title)}</b>{_dl(rows)}{extra}</div>'


# --------------------------------------------------------------------------- tables and helpers


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
    about: Any
    text: Any
    for n in getattr(getattr(analysis, "comparisons", None), "notes", None) or ():
        if isinstance(n, str):
            about, text = _note_topic(n), n
        else:
            about = next(
                (get_field(n, k) for k in ("about", "topic", "field", "kind") if get_field(n, k)),
                None,
            )
            text = next(
                (get_field(n, k) for k in ("text", "note", "message", "reason") if get_field(n, k)),
                None,
            )
        if not text:
            continue
        if wanted is not None and about and not any(t in str(about) for t in wanted):
            continue
        out.append(str(text))
    return out


_NOTE_WORDS = (
    ("claim", "claims"),
    ("figure", "figure_groups"),
    ("label", "labels"),
    ("passage", "shared_passages"),
    ("shared", "shared_passages"),
    ("source", "source_mix"),
    ("quote", "quotes"),
    ("term", "loaded_terms"),
)


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


__all__ = [
    "NOTE_TOPICS",
    "comparison_notes",
    "describe_html",
    "notes_html",
    "where_in_words",
]
