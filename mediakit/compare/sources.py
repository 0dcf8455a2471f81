"""Source mix: per report, how many sources of each type and side, named versus anonymous.

A source's side comes from :func:`mediakit.compare.side_of`, the kit's one side resolver (the
side names of the case found in the source phrase: "a Syrian military source" -> government;
"pro-opposition sources" -> fighters), else "unknown". A
source cited twice counts once in ``count``; ``citations`` counts every attribution.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING, Any

from ..records import SOURCE_TYPES, ReportRecords
from ._common import SideTerms, fold, side_of, side_terms

if TYPE_CHECKING:
    from ..cases.case import Case


@dataclass(frozen=True)
class SourceMix:
    """How many distinct sources of one type and side a report cites."""

    report: str
    source_type: str
    side: str
    named: bool
    count: int
    citations: int = 0
    sources: tuple[str, ...] = field(default_factory=tuple)

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["sources"] = list(self.sources)
        return d


def source_side(
    phrase: str, case: Case, *, terms: SideTerms | None = None, resolves_to: str | None = None
) -> str:
    """The side a source belongs to, or "unknown" (:func:`side_of` with a default)."""
    return side_of(phrase, case, resolves_to=resolves_to, terms=terms) or "unknown"


def source_mix(
    case: Case,
    records: Mapping[str, ReportRecords],
    *,
    terms: SideTerms | None = None,
) -> list[SourceMix]:
    """Per report: distinct sources by type, side and named/anonymous."""
    terms = terms or side_terms(case)
    side_order = {s.name: i for i, s in enumerate(case.sides)}
    type_order = {t: i for i, t in enumerate(SOURCE_TYPES)}
    out: list[SourceMix] = []
    for r in case.reports:
        rec = records.get(r.id)
        if rec is None:
            continue
        cells: dict[tuple[str, str, bool], dict[str, int]] = {}
        shown: dict[str, str] = {}
        for a in rec.attributions:
            side = source_side(a.source, case, terms=terms, resolves_to=a.resolves_to)
            key = (a.source_type, side, bool(a.named))
            ident = fold(a.resolves_to or a.source).strip()
            for art in ("the ", "a ", "an "):
                if ident.startswith(art):
                    ident = ident[len(art) :]
            shown.setdefault(ident, a.source)
            cell = cells.setdefault(key, {})
            cell[ident] = cell.get(ident, 0) + 1
        for (stype, side, named), cell in sorted(
            cells.items(),
            key=lambda kv: (
                type_order.get(kv[0][0], 99),
                side_order.get(kv[0][1], 98),
                not kv[0][2],
            ),
        ):
            out.append(
                SourceMix(
                    report=r.id,
                    source_type=stype,
                    side=side,
                    named=named,
                    count=len(cell),
                    citations=sum(cell.values()),
                    sources=tuple(shown[i] for i in cell),
                )
            )
    return out
