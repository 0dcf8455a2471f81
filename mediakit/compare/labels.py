"""Labels per side: how each report names each side of the conflict.

Which sides exist, and their names, come from the case: ``[[sides]]`` terms in ``case.toml``
and gazetteer entries with a ``side``. Matching is case-insensitive on word boundaries where a
hyphen belongs to the word ("pro-government forces" is not "government forces"), longer names
claim their words first ("Syrian Army forces" counts once, not also as "Syrian Army"), and
only the article body counts (boilerplate is skipped). A case with no sides falls back to the
loaded terms of category ``actor_labeling``, under the side "unspecified".

**A sense check, from the parse.** A one-word name that is a common noun names a side only
when it heads its own phrase. When another common noun classifies it ("a ceasefire regime",
"the sanctions regime", "fire fighters"), the phrase names a kind of thing, not the side, and
is not counted. A modifier that is itself a name of a side ("opposition fighters"), a proper
noun ("HTS militants", "Idlib militants") or an adjective ("the military regime") keeps the
label. Without a parse (no ``docs``) every match counts.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING, Any

from ..records import ReportRecords
from ._common import SideTerms, fold, side_terms

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from ..cases.case import Case, Report


@dataclass(frozen=True)
class LabelCount:
    """How often one report uses one name for one side; ``spans`` are the places."""

    report: str
    side: str
    term: str
    count: int
    spans: tuple[tuple[int, int], ...] = field(default_factory=tuple)

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["spans"] = [list(s) for s in self.spans]
        return d


def label_spans(
    report: Report, terms: SideTerms, doc: Doc | None = None
) -> list[tuple[int, int, str, str]]:
    """Every side name in a report's body: (start, end, term, side), longest names first.

    With the report's parse (``doc``), names that fail the sense check are left out.
    """
    found = terms.find(report.text, report.body.start, report.body.end)
    found = [f for f in found if not report.in_boilerplate(f[0], f[1])]
    if doc is not None and doc.text == report.text:
        found = [f for f in found if names_a_side(doc, f[0], f[1], terms)]
    return found


_MODIFIER_DEPS = frozenset({"compound", "amod", "nmod"})


def names_a_side(doc: Doc, start: int, end: int, terms: SideTerms) -> bool:
    """Whether the side name at ``doc.text[start:end]`` is used as a name of the side.

    False for a one-word common noun classified by another common noun that is not itself a
    name of a side: "ceasefire regime", "sanctions regime", "fire fighters".
    """
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) != 1:
        return True
    tok = span[0]
    if tok.pos_ != "NOUN":
        return True
    for ch in tok.children:
        if ch.i < tok.i and ch.dep_ in _MODIFIER_DEPS and ch.pos_ == "NOUN":
            word = fold(ch.text)
            if word in terms.lookup or word in terms.heads:
                continue
            return False
    return True


def label_counts(
    case: Case,
    records: Mapping[str, ReportRecords] | None = None,
    *,
    terms: SideTerms | None = None,
    skip_quotes: bool = True,
    docs: Mapping[str, Doc] | None = None,
) -> list[LabelCount]:
    """Per report, side and name: how many times the report uses that name.

    With ``skip_quotes`` (the default), names inside direct quotes are the speaker's words,
    not the outlet's, and are not counted (needs the quote records). With ``docs`` (report
    id -> parse), the sense check of :func:`names_a_side` drops "ceasefire regime" and the like.
    """
    docs = docs or {}
    records = records or {}
    terms = terms or side_terms(case)
    out: list[LabelCount] = []
    if terms.terms:
        side_order = {s.name: i for i, s in enumerate(case.sides)}
        for r in case.reports:
            groups: dict[tuple[str, str], list[tuple[int, int]]] = {}
            rec = records.get(r.id)
            quoted = (
                [(q.start, q.end) for q in rec.quotes] if rec is not None and skip_quotes else []
            )
            for s, e, t, side in label_spans(r, terms, docs.get(r.id)):
                if any(qs <= s and e <= qe for qs, qe in quoted):
                    continue
                groups.setdefault((side, t), []).append((s, e))
            for (side, t), spans in sorted(
                groups.items(),
                key=lambda kv: (
                    side_order.get(kv[0][0], len(side_order)),
                    -len(kv[1]),
                    fold(kv[0][1]),
                ),
            ):
                out.append(LabelCount(r.id, side, t, len(spans), tuple(spans)))
        return out
    # no sides in the case: the actor labels the wording extractor found
    for r in case.reports:
        rec = records.get(r.id)
        if rec is None:
            continue
        counts: Counter[str] = Counter()
        spans_by: dict[str, list[tuple[int, int]]] = {}
        shown: dict[str, str] = {}
        for term in rec.loaded_terms:
            if term.category != "actor_labeling" or r.in_boilerplate(term.start, term.end):
                continue
            key = fold(term.lemma or term.text)
            shown.setdefault(key, term.lemma or term.text.lower())
            counts[key] += 1
            spans_by.setdefault(key, []).append((term.start, term.end))
        for key, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
            out.append(LabelCount(r.id, "unspecified", shown[key], n, tuple(spans_by[key])))
    return out
