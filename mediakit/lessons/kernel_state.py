"""What a lesson kernel remembers between cells: the case in use (from ``lesson.start``), the
analyses of the cases exercises are about, and the learner's progress.

One place, so every part of the notebook helper (:mod:`.session`, :mod:`.case_in_use`,
:mod:`.exercise_cells`, :mod:`.live`) reads the same state, and a test can set it.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, TypedDict

if TYPE_CHECKING:
    from ..analysis import CaseAnalysis
    from .progress import Progress


class KernelState(TypedDict, total=False):
    analysis: CaseAnalysis | None  # the case of lesson.start(...), None after a failed start
    progress: Progress | None  # the learner's saved answers (see session.progress)
    session_path: Path | None  # a Voila visitor's page-only answers, until they give a name


state: KernelState = {"analysis": None, "progress": None}
# analyses by case id: the case in use and the cases exercises are about
analyses: dict[str, CaseAnalysis] = {}

__all__ = ["KernelState", "analyses", "state"]
