"""Comparisons across the reports of a case (placeholder until the comparison stage lands)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ..records import ReportRecords

if TYPE_CHECKING:
    from ..case import Case


@dataclass(frozen=True)
class Comparisons:
    shared_passages: tuple[Any, ...] = field(default_factory=tuple)
    figure_groups: tuple[Any, ...] = field(default_factory=tuple)
    labels: tuple[Any, ...] = field(default_factory=tuple)
    claims: tuple[Any, ...] = field(default_factory=tuple)

    def to_dict(self) -> dict[str, Any]:
        return {
            "shared_passages": [x.to_dict() for x in self.shared_passages],
            "figure_groups": [x.to_dict() for x in self.figure_groups],
            "labels": [x.to_dict() for x in self.labels],
            "claims": [x.to_dict() for x in self.claims],
        }


def compare(case: Case, records: Mapping[str, ReportRecords]) -> Comparisons:
    return Comparisons()
