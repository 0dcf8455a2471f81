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

from collections.abc import Mapping
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

    def to_dict(self) -> dict[str, Any]:
        return {
            "shared_passages": [x.to_dict() for x in self.shared_passages],
            "figure_groups": [x.to_dict() for x in self.figure_groups],
            "labels": [x.to_dict() for x in self.labels],
            "claims": [x.to_dict() for x in self.claims],
            "same_author_groups": [x.to_dict() for x in self.same_author_groups],
            "source_mix": [x.to_dict() for x in self.source_mix],
            "headline_vs_body": [dict(x) for x in self.headline_vs_body],
            "notes": list(self.notes),
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
    return Comparisons(
        shared_passages=tuple(shared_passages(case, records, include_boilerplate=include_boilerplate)),
        figure_groups=tuple(figure_groups(case, records, terms=terms, docs=docs)),
        labels=tuple(label_counts(case, records, terms=terms, docs=docs)),
        claims=tuple(found_claims),
        same_author_groups=tuple(same_author_groups(case)),
        source_mix=tuple(source_mix(case, records, terms=terms)),
        headline_vs_body=tuple(headline_vs_body(case, found_claims)),
        notes=(why_none,) if why_none else (),
    )
