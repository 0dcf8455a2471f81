"""A teacher's review of the machine's marks, kept in the case folder as ``review.toml``.

The file is plain text a teacher can read, edit by hand and share with the case. Each entry
names one mark by its passage (the report, the mark's words, where they start and a few words
either side) and says what the teacher decided: ``confirm`` (the machine is right),
``correct`` (with the corrected fields) or ``drop`` (it is not a mark at all)::

    [[quote]]
    report = "fox"
    text = "To put this in stark contrast ..."
    at = 1234
    before = "the words just before "
    after = " the words just after"
    decision = "correct"
    speaker = "Bruce Braley"

The kinds are ``quote`` (speaker, speaker_type), ``attribution`` (source, source_type),
``figure`` (value, vague, what, source), ``term`` (category) and ``figure_group`` (confirm or
drop; its ``members`` are the figures' passages). docs/review.md describes the format.

:func:`load_review` reads the file (TOML data through ``tomllib``, never code) and raises a
:class:`ReviewError` in plain words naming the file and the entry for anything it cannot use;
:func:`review_toml` writes one. :func:`apply_review` applies a review to the records of a
case: a passage is found again only where its words stand with the same words around them, so
an entry whose passage was edited away is reported in one line (``stale``) and never applied to
another place.
"""

from __future__ import annotations

import difflib
import tomllib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import CaseError
from ..records import SOURCE_TYPES, TERM_CATEGORIES, ReportRecords

if TYPE_CHECKING:
    from .case import Report

REVIEW_FILE = "review.toml"
MAX_REVIEW_BYTES = 2_000_000
# how many characters either side of a mark's words the file keeps to find it again
CONTEXT = 30

DECISIONS = ("confirm", "correct", "drop")
# decision -> the value of a mark's ``review`` field
REVIEWED = {"confirm": "confirmed", "correct": "corrected"}
# the kinds of entry, the key of their array of tables, and the fields a correction may set
KINDS: dict[str, tuple[str, ...]] = {
    "quote": ("speaker", "speaker_type"),
    "attribution": ("source", "source_type"),
    "figure": ("value", "vague", "what", "source"),
    "term": ("category",),
    "figure_group": (),
}
KIND_NAMES = {
    "quote": "quote",
    "attribution": "source",
    "figure": "figure",
    "term": "loaded term",
    "figure_group": "figure group",
}
ANCHOR_KEYS = ("report", "text", "at", "before", "after")
TOP_KEYS = ("reviewer", "note", *KINDS)


class ReviewError(CaseError):
    """The case's ``review.toml`` cannot be used (the message names the file and the entry)."""


@dataclass(frozen=True)
class Anchor:
    """Where a mark stands: the report, the mark's words, their start and the words around."""

    report: str
    text: str
    at: int = 0
    before: str = ""
    after: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "report": self.report,
            "text": self.text,
            "at": self.at,
            "before": self.before,
            "after": self.after,
        }


@dataclass(frozen=True)
class ReviewEntry:
    """One decision: ``kind`` is a key of :data:`KINDS`; ``fields`` the corrected values."""

    kind: str
    decision: str
    anchor: Anchor | None = None
    members: tuple[Anchor, ...] = ()
    fields: tuple[tuple[str, Any], ...] = ()
    note: str = ""

    @property
    def corrections(self) -> dict[str, Any]:
        return dict(self.fields)

    def label(self, number: int | None = None) -> str:
        """The entry in words for a message: 'quote 2 ("To put this ..." in fox)'."""
        n = f" {number}" if number is not None else ""
        a = self.anchor or (self.members[0] if self.members else None)
        if a is None:
            return f"{KIND_NAMES[self.kind]}{n}"
        words = " ".join(a.text.split())
        words = words if len(words) <= 40 else words[:37] + "..."
        return f"{KIND_NAMES[self.kind]}{n} (\u201c{words}\u201d in {a.report})"


@dataclass(frozen=True)
class Review:
    """The entries of a ``review.toml``, in the order of the file."""

    entries: tuple[ReviewEntry, ...] = ()
    reviewer: str = ""
    note: str = ""
    file: str = REVIEW_FILE

    def __bool__(self) -> bool:
        return bool(self.entries)


@dataclass(frozen=True)
class ReviewOutcome:
    """What applying a review did: counts of decisions applied, and one line per entry that
    could not be applied (its passage is no longer in the report, or no longer marked)."""

    file: str = REVIEW_FILE
    reviewer: str = ""
    confirmed: int = 0
    corrected: int = 0
    dropped: int = 0
    stale: tuple[str, ...] = ()

    @property
    def applied(self) -> int:
        return self.confirmed + self.corrected + self.dropped

    def to_dict(self) -> dict[str, Any]:
        return {
            "file": self.file,
            "reviewer": self.reviewer,
            "confirmed": self.confirmed,
            "corrected": self.corrected,
            "dropped": self.dropped,
            "stale": list(self.stale),
        }


# --------------------------------------------------------------------------- reading


def _where(file: str, kind: str, i: int) -> str:
    return f"{file}, [[{kind}]] entry {i}"


def _unknown(table: Mapping[str, Any], known: Sequence[str], where: str) -> list[str]:
    out = []
    for key in table:
        if key in known:
            continue
        near = difflib.get_close_matches(str(key), known, n=1, cutoff=0.6)
        hint = f"; did you mean '{near[0]}'?" if near else f" (the keys are: {', '.join(known)})."
        out.append(f"In {where}, the key '{key}' is not one the kit reads{hint}")
    return out


def _text(table: Mapping[str, Any], key: str, where: str, problems: list[str]) -> str:
    value = table.get(key, "")
    if not isinstance(value, str):
        problems.append(f"In {where}, '{key}' should be text in quotes, not {value!r}.")
        return ""
    return value


def _anchor(table: Any, where: str, problems: list[str], *, extra: Sequence[str]) -> Anchor | None:
    if not isinstance(table, dict):
        problems.append(f"In {where}, expected a table of keys, not {table!r}.")
        return None
    problems.extend(_unknown(table, (*ANCHOR_KEYS, *extra), where))
    n = len(problems)
    report = _text(table, "report", where, problems)
    text = _text(table, "text", where, problems)
    at = table.get("at", 0)
    if isinstance(at, bool) or not isinstance(at, int) or at < 0:
        problems.append(
            f"In {where}, 'at' should be a whole number of characters (0 or more), not {at!r}."
        )
        at = 0
    before = _text(table, "before", where, problems)
    after = _text(table, "after", where, problems)
    if len(problems) == n:
        if not report.strip():
            problems.append(f"In {where}, 'report' is missing: name the report (its id or file).")
        if not text:
            problems.append(f"In {where}, 'text' is missing: give the mark's words.")
    if len(problems) > n:
        return None
    return Anchor(report=report.strip(), text=text, at=at, before=before, after=after)


def _fields(table: Mapping[str, Any], kind: str, where: str, problems: list[str]) -> dict:
    out: dict[str, Any] = {}
    for key in KINDS[kind]:
        if key not in table:
            continue
        value = table[key]
        if key == "value":
            if isinstance(value, bool) or not isinstance(value, int | float):
                problems.append(
                    f"In {where}, 'value' should be a number (like 12 or 3.5), not {value!r}; "
                    "for a vague amount write vague = true instead."
                )
                continue
            out[key] = float(value)
        elif key == "vague":
            if not isinstance(value, bool):
                problems.append(f"In {where}, 'vague' should be true or false, not {value!r}.")
                continue
            out[key] = value
        elif not isinstance(value, str):
            problems.append(f"In {where}, '{key}' should be text in quotes, not {value!r}.")
        elif key in ("speaker_type", "source_type") and value not in SOURCE_TYPES:
            problems.append(
                f"In {where}, '{key}' is '{value}', which is not a kind the kit knows "
                f"(the kinds are: {', '.join(SOURCE_TYPES)})."
            )
        elif key == "category" and value not in TERM_CATEGORIES:
            problems.append(
                f"In {where}, 'category' is '{value}', which is not a category the kit knows "
                f"(the categories are: {', '.join(TERM_CATEGORIES)})."
            )
        elif not value.strip() and not (kind == "figure" and key == "source"):
            problems.append(f"In {where}, '{key}' is empty: write the corrected {key}.")
        else:
            out[key] = value.strip()
    return out


def parse_review(data: Mapping[str, Any], *, file: str = REVIEW_FILE) -> Review:
    """A :class:`Review` from the tables of a parsed ``review.toml``; every problem is collected
    and raised at once as a :class:`ReviewError`, one line each."""
    problems = _unknown(data, TOP_KEYS, file)
    reviewer = data.get("reviewer", "")
    if not isinstance(reviewer, str):
        problems.append(f"In {file}, 'reviewer' should be text in quotes, not {reviewer!r}.")
        reviewer = ""
    top_note = data.get("note", "")
    if not isinstance(top_note, str):
        problems.append(f"In {file}, 'note' should be text in quotes, not {top_note!r}.")
        top_note = ""
    entries: list[ReviewEntry] = []
    seen: dict[tuple[Any, ...], str] = {}
    for kind, fields in KINDS.items():
        tables = data.get(kind, [])
        if isinstance(tables, dict):
            tables = [tables]
        if not isinstance(tables, list):
            problems.append(
                f"In {file}, '{kind}' should be entries written [[{kind}]], not {tables!r}."
            )
            continue
        for i, table in enumerate(tables, 1):
            where = _where(file, kind, i)
            if not isinstance(table, dict):
                problems.append(f"In {where}, expected a table of keys, not {table!r}.")
                continue
            n = len(problems)
            extra = ("decision", "note", *fields, *(("members",) if kind == "figure_group" else ()))
            decision = table.get("decision")
            if decision not in DECISIONS or (kind == "figure_group" and decision == "correct"):
                allowed = ("confirm", "drop") if kind == "figure_group" else DECISIONS
                problems.append(
                    f"In {where}, 'decision' is {decision!r}; it should be one of "
                    + ", ".join(f'"{d}"' for d in allowed)
                    + "."
                )
            note = _text(table, "note", where, problems)
            anchor: Anchor | None = None
            members: list[Anchor] = []
            if kind == "figure_group":
                problems.extend(_unknown(table, extra, where))
                raw = table.get("members")
                if not isinstance(raw, list) or len(raw) < 2:
                    problems.append(
                        f"In {where}, 'members' should list the group's figures (two or more), "
                        'like members = [{report = "a", text = "12", at = 40}, ...].'
                    )
                else:
                    for j, m in enumerate(raw, 1):
                        a = _anchor(m, f"{where}, member {j}", problems, extra=())
                        if a is not None:
                            members.append(a)
            else:
                anchor = _anchor(table, where, problems, extra=extra)
            corrections = _fields(table, kind, where, problems)
            if decision == "correct" and not corrections and len(problems) == n:
                problems.append(
                    f'In {where}, the decision is "correct" but no corrected field is given '
                    f"(write one of: {', '.join(fields)})."
                )
            if len(problems) > n:
                continue
            entry = ReviewEntry(
                kind=kind,
                decision=str(decision),
                anchor=anchor,
                members=tuple(members),
                fields=tuple(corrections.items()),
                note=note,
            )
            key = (kind, anchor, tuple(members))
            if key in seen:
                problems.append(
                    f"In {file}, {entry.label(i)} reviews the same mark as {seen[key]}: keep one."
                )
                continue
            seen[key] = entry.label(i)
            entries.append(entry)
    if problems:
        raise ReviewError("\n".join(problems), path=file)
    return Review(entries=tuple(entries), reviewer=reviewer.strip(), note=top_note, file=file)


def load_review(folder: str | Path) -> Review | None:
    """The review kept in a case folder, or None when the folder has no ``review.toml``."""
    from .case import read_limited

    path = Path(folder) / REVIEW_FILE
    if not path.exists():
        return None
    try:
        raw = read_limited(path, MAX_REVIEW_BYTES, "review file", ReviewError)
    except OSError as exc:
        raise ReviewError(f"'{path}' cannot be read ({exc.strerror}).", path=str(path)) from None
    try:
        data = tomllib.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise ReviewError(
            f"'{REVIEW_FILE}' is not UTF-8 text.", path=str(path), hint="Save it as UTF-8."
        ) from None
    except tomllib.TOMLDecodeError as exc:
        raise ReviewError(
            f"'{REVIEW_FILE}' is not valid TOML: {exc}.",
            path=str(path),
            hint='Check quotes and brackets on that line; text values need "double quotes".',
        ) from None
    return parse_review(data, file=REVIEW_FILE)


# --------------------------------------------------------------------------- writing


def toml_string(value: str) -> str:
    """``value`` as a TOML basic string: quotes, backslashes and every control character
    escaped, so any report text (line breaks, tabs, stray control bytes) round-trips."""
    out = ['"']
    for ch in value:
        o = ord(ch)
        if ch == '"':
            out.append('\\"')
        elif ch == "\\":
            out.append("\\\\")
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\t":
            out.append("\\t")
        elif o < 0x20 or o == 0x7F:
            out.append(f"\\u{o:04X}")
        elif 0xD800 <= o <= 0xDFFF:  # a lone surrogate cannot be written as UTF-8
            out.append("\\uFFFD")
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


def _toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return str(int(value)) + ".0" if value.is_integer() else repr(value)
    return toml_string(str(value))


def _inline(anchor: Anchor) -> str:
    return "{ " + ", ".join(f"{k} = {_toml_value(v)}" for k, v in anchor.to_dict().items()) + " }"


HEADER = """\
# The teacher's review of the machine's marks for this case (see docs/review.md).
# One entry per checked mark: [[quote]], [[attribution]], [[figure]], [[term]], [[figure_group]].
# report, text, at, before and after say where the mark stands; the kit applies an entry only
# where those words still stand with the same words around them.
# decision: "confirm" (the machine is right), "correct" (use the fields given below it) or
# "drop" (it is not a mark). A figure group is confirmed or dropped.
"""


def review_toml(review: Review) -> str:
    """The text of a ``review.toml`` for ``review`` (read back the same by :func:`parse_review`)."""
    lines = [HEADER.rstrip("\n")]
    if review.reviewer:
        lines.append(f"reviewer = {toml_string(review.reviewer)}")
    if review.note:
        lines.append(f"note = {toml_string(review.note)}")
    for kind in KINDS:
        for e in review.entries:
            if e.kind != kind:
                continue
            lines.append(f"\n[[{kind}]]")
            if e.anchor is not None:
                for k, v in e.anchor.to_dict().items():
                    lines.append(f"{k} = {_toml_value(v)}")
            lines.append(f"decision = {toml_string(e.decision)}")
            for k, v in e.fields:
                lines.append(f"{k} = {_toml_value(v)}")
            if e.note:
                lines.append(f"note = {toml_string(e.note)}")
            if e.members:
                lines.append("members = [")
                lines.extend(f"  {_inline(m)}," for m in e.members)
                lines.append("]")
    return "\n".join(lines) + "\n"


def save_review(review: Review, folder: str | Path) -> Path:
    """Write ``review.toml`` into the case folder (whole or not at all) and return its path."""
    import os
    import tempfile

    path = Path(folder) / REVIEW_FILE
    text = review_toml(review)
    parse_review(tomllib.loads(text))  # never write a file the kit would refuse
    try:
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".review-", suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
        os.replace(tmp, path)
    except OSError as exc:
        raise ReviewError(
            f"Cannot write '{path}' ({exc.strerror}); the review was not saved.", path=str(path)
        ) from None
    return path


# --------------------------------------------------------------------------- anchoring


def anchor_for(report: Report, start: int, end: int) -> Anchor:
    """The anchor of the stretch [start, end) of a report, with :data:`CONTEXT` characters of
    surrounding words either side."""
    text = report.text
    return Anchor(
        report=report.id,
        text=text[start:end],
        at=start,
        before=text[max(0, start - CONTEXT) : start],
        after=text[end : end + CONTEXT],
    )


def locate(anchor: Anchor, text: str) -> tuple[int, int] | None:
    """Where the anchor's words stand in ``text`` with the same words around them, or None.

    Every occurrence of the words is tried, the one at ``at`` first; an occurrence counts only
    if the ``before`` words end right where it starts and the ``after`` words follow it, so an
    edited passage is never matched to the same words somewhere else."""
    words = anchor.text
    if not words:
        return None
    found = []
    i = text.find(words)
    while i >= 0:
        j = i + len(words)
        if text[max(0, i - len(anchor.before)) : i] == anchor.before and (
            text[j : j + len(anchor.after)] == anchor.after
        ):
            found.append(i)
        i = text.find(words, i + 1)
    if not found:
        return None
    best = min(found, key=lambda s: abs(s - anchor.at))
    return best, best + len(words)


# --------------------------------------------------------------------------- applying


def _reports_by_name(reports: Iterable[Report]) -> dict[str, Report]:
    out: dict[str, Report] = {}
    for r in reports:
        out.setdefault(r.file, r)
        out[r.id] = r
    return out


_LAYER = {
    "quote": "quotes",
    "attribution": "attributions",
    "figure": "figures",
    "term": "loaded_terms",
}


def _corrected(kind: str, mark: Any, fix: Mapping[str, Any]) -> Any:
    changes: dict[str, Any] = {"review": "corrected"}
    if kind == "quote":
        if "speaker" in fix:
            changes.update(speaker=fix["speaker"], speaker_start=None, speaker_end=None)
        if "speaker_type" in fix:
            changes["speaker_type"] = fix["speaker_type"]
        changes["type_confidence"] = "high"
    elif kind == "attribution":
        if "source" in fix and mark.resolves_to:
            # "he", "who": kept as the report words it, standing for the teacher's source
            changes["resolves_to"] = fix["source"]
        elif "source" in fix:
            changes["source"] = fix["source"]
        if "source_type" in fix:
            changes["source_type"] = fix["source_type"]
            changes["named"] = fix["source_type"] == "named_person" or (
                fix["source_type"] in ("official_body", "media_outlet", "ngo")
            )
        changes["type_confidence"] = "high"
    elif kind == "figure":
        if fix.get("vague"):
            changes.update(value=None, vague=True)
        elif "value" in fix:
            changes.update(value=fix["value"], vague=False)
        if "what" in fix:
            changes["what"] = fix["what"]
        if "source" in fix:
            changes["source"] = fix["source"] or None
    elif kind == "term":
        changes["category"] = fix["category"]
    return replace(mark, **changes)


@dataclass
class _Tally:
    confirmed: int = 0
    corrected: int = 0
    dropped: int = 0
    stale: list[str] = field(default_factory=list)

    def count(self, decision: str) -> None:
        if decision == "confirm":
            self.confirmed += 1
        elif decision == "correct":
            self.corrected += 1
        else:
            self.dropped += 1


def _stale(file: str, entry: ReviewEntry, number: int, why: str) -> str:
    return f"{file}: {entry.label(number)}: {why}; not applied."


def _numbered(review: Review) -> list[tuple[int, ReviewEntry]]:
    counter: dict[str, int] = {}
    out = []
    for e in review.entries:
        counter[e.kind] = counter.get(e.kind, 0) + 1
        out.append((counter[e.kind], e))
    return out


def apply_review(
    review: Review | None,
    reports: Sequence[Report],
    records: Mapping[str, ReportRecords],
) -> tuple[dict[str, ReportRecords], ReviewOutcome | None]:
    """The records with the review's mark decisions applied (confirmed and corrected marks get
    their ``review`` field, dropped marks are removed) and what was done. Figure groups are
    applied after the comparisons, by :func:`review_groups`. Without a review, the records are
    returned as they are and the outcome is None."""
    out = dict(records)
    if review is None:
        return out, None
    by_name = _reports_by_name(reports)
    tally = _Tally()
    # report id -> layer -> {(start, end): decision, fixes}
    todo: dict[str, dict[str, dict[tuple[int, int], ReviewEntry]]] = {}
    for number, e in _numbered(review):
        if e.kind == "figure_group" or e.anchor is None:
            continue
        report = by_name.get(e.anchor.report)
        if report is None or report.id not in records:
            tally.stale.append(
                _stale(review.file, e, number, f"the case has no report '{e.anchor.report}'")
            )
            continue
        span = locate(e.anchor, report.text)
        if span is None:
            tally.stale.append(
                _stale(
                    review.file,
                    e,
                    number,
                    "its words are no longer in the report as they were (the text was edited)",
                )
            )
            continue
        layer = _LAYER[e.kind]
        marks = getattr(records[report.id], layer)
        if not any((m.start, m.end) == span for m in marks):
            tally.stale.append(
                _stale(review.file, e, number, "the machine no longer marks these words")
            )
            continue
        todo.setdefault(report.id, {}).setdefault(layer, {})[span] = e
        tally.count(e.decision)
    for rid, layers in todo.items():
        rec = out[rid]
        changes: dict[str, Any] = {}
        for layer, decided in layers.items():
            kept = []
            for m in getattr(rec, layer):
                d = decided.get((m.start, m.end))
                if d is None:
                    kept.append(m)
                elif d.decision == "confirm":
                    kept.append(replace(m, review="confirmed"))
                elif d.decision == "correct":
                    kept.append(_corrected(d.kind, m, d.corrections))
            changes[layer] = tuple(kept)
        out[rid] = replace(rec, **changes)
    outcome = ReviewOutcome(
        file=review.file,
        reviewer=review.reviewer,
        confirmed=tally.confirmed,
        corrected=tally.corrected,
        dropped=tally.dropped,
        stale=tuple(tally.stale),
    )
    return out, outcome


def group_key(members: Iterable[Mapping[str, Any]]) -> frozenset[tuple[str, int, int]]:
    """A figure group's members as a set of (report id, start, end)."""
    return frozenset((str(m["report"]), int(m["start"]), int(m["end"])) for m in members)


def review_groups(
    review: Review | None,
    reports: Sequence[Report],
    groups: Sequence[Any],
    outcome: ReviewOutcome | None,
) -> tuple[list[Any], ReviewOutcome | None]:
    """The figure groups (any records with ``members`` and a ``review`` field) with the review's
    figure-group decisions applied: a confirmed group gets ``review = "confirmed"``, a dropped
    one is left out. An entry applies only to a group of exactly its members."""
    if not review or not any(e.kind == "figure_group" for e in review.entries):
        return list(groups), outcome
    by_name = _reports_by_name(reports)
    tally = _Tally()
    decided: dict[frozenset[tuple[str, int, int]], str] = {}
    keys = [group_key(g.members) for g in groups]
    for number, e in _numbered(review):
        if e.kind != "figure_group":
            continue
        spans = []
        for m in e.members:
            report = by_name.get(m.report)
            span = locate(m, report.text) if report is not None else None
            if report is None or span is None:
                why = (
                    f"the case has no report '{m.report}'"
                    if report is None
                    else f"the words \u201c{m.text}\u201d are no longer in {m.report} as they were"
                )
                tally.stale.append(_stale(review.file, e, number, why))
                break
            spans.append((report.id, *span))
        else:
            key = frozenset(spans)
            if key not in keys:
                tally.stale.append(
                    _stale(review.file, e, number, "the machine no longer groups these figures")
                )
                continue
            decided[key] = e.decision
            tally.count(e.decision)
    out = []
    for g, key in zip(groups, keys, strict=True):
        d = decided.get(key)
        if d == "drop":
            continue
        out.append(replace(g, review="confirmed") if d == "confirm" else g)
    base = outcome or ReviewOutcome(file=review.file, reviewer=review.reviewer)
    return out, replace(
        base,
        confirmed=base.confirmed + tally.confirmed,
        dropped=base.dropped + tally.dropped,
        stale=base.stale + tuple(tally.stale),
    )
