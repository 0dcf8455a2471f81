"""Comparisons across the reports of a case: pure functions over the per-report records.

``compare(case, records)`` runs them all and returns :class:`Comparisons`, the
``comparisons`` part of the JSON contract:

- ``shared_passages``: text two reports share, where, how similar, and who credits whom
  (:mod:`.passages`);
- ``same_author_groups``: reports that come from one original author (:mod:`.authors`);
- ``figure_groups``: figures side by side by what they count, with a verdict (:mod:`.figures`);
- ``labels``: how each report names each side (:mod:`.labels`);
- ``claims``: what each report says happened in the central event, and how sure it is
  (:mod:`.claims`), with ``headline_vs_body`` per report;
- ``source_mix``: per report, sources by type and side, named or not (:mod:`.sources`);
- ``notes``: plain words on what could not be compared and why (e.g. no claims found).

:func:`side_of` is the kit's one resolver of the side a name or source belongs to.

Every function works on any case: sides, places and names come from the case, word lists
from ``mediakit/data/compare/lexicon.toml``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ..records import ReportRecords
from ._common import side_of, side_terms
from .authors import SameAuthorGroup, author_evidence, same_author_groups
from .claims import Claim, claims, event_verbs_of, find_claims, headline_vs_body, main_places
from .figures import FigureGroup, classify_figure, figure_groups
from .labels import LabelCount, label_counts
from .passages import SharedPassage, shared_passages
from .sources import SourceMix, source_mix

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from ..cases.case import Case

__all__ = [
    "Claim",
    "Comparisons",
    "FigureGroup",
    "LabelCount",
    "SameAuthorGroup",
    "SharedPassage",
    "SourceMix",
    "author_evidence",
    "cap_passages",
    "claims",
    "classify_figure",
    "compare",
    "event_verbs_of",
    "find_claims",
    "figure_groups",
    "headline_vs_body",
    "label_counts",
    "main_places",
    "same_author_groups",
    "shared_passages",
    "side_of",
    "source_mix",
]


@dataclass(frozen=True)
class Comparisons:
    """Everything compared across the reports of a case."""

    shared_passages: tuple[SharedPassage, ...] = field(default_factory=tuple)
    figure_groups: tuple[FigureGroup, ...] = field(default_factory=tuple)
    labels: tuple[LabelCount, ...] = field(default_factory=tuple)
    claims: tuple[Claim, ...] = field(default_factory=tuple)
    same_author_groups: tuple[SameAuthorGroup, ...] = field(default_factory=tuple)
    source_mix: tuple[SourceMix, ...] = field(default_factory=tuple)
    headline_vs_body: tuple[dict[str, Any], ...] = field(default_factory=tuple)
    notes: tuple[str, ...] = field(default_factory=tuple)
    # what the caps on shared passages left out (see cap_passages); None when nothing was
    shared_passages_omitted: dict[str, Any] | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "shared_passages": [x.to_dict() for x in self.shared_passages],
            "shared_passages_omitted": self.shared_passages_omitted,
            "figure_groups": [x.to_dict() for x in self.figure_groups],
            "labels": [x.to_dict() for x in self.labels],
            "claims": [x.to_dict() for x in self.claims],
            "same_author_groups": [x.to_dict() for x in self.same_author_groups],
            "source_mix": [x.to_dict() for x in self.source_mix],
            "headline_vs_body": [dict(x) for x in self.headline_vs_body],
            "notes": list(self.notes),
        }


# A learner reads a handful of shared passages per pair of reports, not thousands: past these
# caps the longest are kept and the rest counted (a case of thousands of similar reports would
# otherwise share hundreds of thousands of passages).
PASSAGES_PER_PAIR = 10
MAX_PASSAGES = 5_000


def cap_passages(
    passages: Sequence[SharedPassage],
    *,
    per_pair: int = PASSAGES_PER_PAIR,
    total: int = MAX_PASSAGES,
) -> tuple[list[SharedPassage], dict[str, Any] | None]:
    """The longest ``per_pair`` passages of each pair of reports and the longest ``total`` in
    all, in their order; and what was left out: {"passages", "per_pair_limit", "limit",
    "pairs": [{"a", "b", "passages"}] for pairs shown with fewer than they share,
    "other_pairs": pairs none of whose passages is shown}. None when nothing was left out."""
    by_pair: dict[tuple[str, str], list[int]] = {}
    for i, p in enumerate(passages):
        by_pair.setdefault((p.a, p.b), []).append(i)
    keep: list[int] = []
    for idx in by_pair.values():
        keep += sorted(idx, key=lambda i: (-passages[i].words, i))[:per_pair]
    if len(keep) > total:
        keep = sorted(keep, key=lambda i: (-passages[i].words, i))[:total]
    if len(keep) == len(passages):
        return list(passages), None
    kept = set(keep)
    pairs, other = [], 0
    for (a, b), idx in by_pair.items():
        shown = sum(1 for i in idx if i in kept)
        if not shown:
            other += 1
        elif shown < len(idx):
            pairs.append({"a": a, "b": b, "passages": len(idx) - shown})
    omitted = {
        "passages": len(passages) - len(keep),
        "per_pair_limit": per_pair,
        "limit": total,
        "pairs": pairs,
        "other_pairs": other,
    }
    return [passages[i] for i in sorted(keep)], omitted


def _omitted(
    kept: Sequence[SharedPassage], counts: Mapping[tuple[str, str], int], per_pair: int, total: int
) -> dict[str, Any] | None:
    """What the caps left out, from each pair's count before the caps (see cap_passages)."""
    found = sum(counts.values())
    if found == len(kept):
        return None
    shown: dict[tuple[str, str], int] = {}
    for p in kept:
        shown[(p.a, p.b)] = shown.get((p.a, p.b), 0) + 1
    pairs, other = [], 0
    for (a, b), k in counts.items():
        s = shown.get((a, b), 0)
        if not s:
            other += 1
        elif s < k:
            pairs.append({"a": a, "b": b, "passages": k - s})
    return {
        "passages": found - len(kept),
        "per_pair_limit": per_pair,
        "limit": total,
        "pairs": pairs,
        "other_pairs": other,
    }


def compare(
    case: Case,
    records: Mapping[str, ReportRecords],
    *,
    docs: Mapping[str, Doc] | None = None,
    include_boilerplate: bool = True,
) -> Comparisons:
    """Every comparison across the reports of ``case``.

    ``records`` maps report ids to their extracted records (missing reports count as having
    none). ``docs`` (report id -> spaCy Doc) is optional: with it, claims use the parser's
    sentences and parts of speech. Shared boilerplate passages are kept and flagged
    ``boilerplate`` unless ``include_boilerplate`` is false.
    """
    terms = side_terms(case)
    found_claims, why_none = find_claims(case, records, docs=docs)
    counts: dict[tuple[str, str], int] = {}
    passages = shared_passages(
        case,
        records,
        include_boilerplate=include_boilerplate,
        per_pair=PASSAGES_PER_PAIR,
        total=MAX_PASSAGES,
        counts=counts,
    )
    omitted = _omitted(passages, counts, PASSAGES_PER_PAIR, MAX_PASSAGES)
    return Comparisons(
        shared_passages=tuple(passages),
        shared_passages_omitted=omitted,
        figure_groups=tuple(figure_groups(case, records, terms=terms, docs=docs)),
        labels=tuple(label_counts(case, records, terms=terms, docs=docs)),
        claims=tuple(found_claims),
        same_author_groups=tuple(same_author_groups(case)),
        source_mix=tuple(source_mix(case, records, terms=terms)),
        headline_vs_body=tuple(headline_vs_body(case, found_claims)),
        notes=(why_none,) if why_none else (),
    )
