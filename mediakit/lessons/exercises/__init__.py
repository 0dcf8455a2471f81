"""Exercises: data in ``exercises/*.toml``, one module per exercise type.

Answer shapes (all JSON-serialisable, so progress can store them):

===============  ==========================================================================
type             answer
===============  ==========================================================================
choice           the text of one option
multi            a list of option texts
number           a number, or text such as ``"120,000"``
text             the learner's free text
poll             an option text (or free text when the poll has no options); never wrong
select_words     :class:`Selection`: spans of the passage the learner marked (``nothing``
                 is true when the learner says there is nothing to mark)
===============  ==========================================================================

Each type's module (``choice.py``, ``multi.py``, ``number.py``, ``text.py``, ``poll.py``,
``select_words.py``) holds, in one place, everything :class:`.exercise_type.ExerciseType`
declares: the keys it reads (``KEYS``), its checks of a loaded exercise (``validate``), its
checker (``check``), its answer key (``key_answer``), answers that must fail
(``wrong_answers``) and its widget logic (``build``, ``read``, ``write``). :data:`TYPES`
(:mod:`.registry`) maps a type name to its module; :func:`check` and the others dispatch on
it. Files are read by :mod:`.loader`; the widget frame every type shares is :mod:`.widget`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from .exercise_type import COMMON_KEYS, ExerciseType
from .loader import (
    all_exercises,
    exercises_dir,
    get_exercise,
    known_keys,
    load_lesson,
    load_lessons,
)
from .model import (
    ID_RE,
    MACHINE_LAYERS,
    MACHINE_MODES,
    STATUS_WORDS,
    CheckResult,
    Criterion,
    Exercise,
    ExerciseError,
    Lesson,
    Option,
    Passage,
    Selection,
    Span,
    Token,
    explanation_for,
    hint_for,
    options_for,
)
from .number import parse_number
from .passages import clip_spans, find_spans, locate, overlaps, passage_for, tokenize
from .registry import EXERCISE_TYPES, TYPE_LABELS, TYPES, type_of
from .select_words import Expected, expected, machine_marks_html
from .text import rubric_marks


def check(
    ex: Exercise,
    answer: Any,
    *,
    passage: Passage | None = None,
    tries: int = 1,
    report_labels: Sequence[str] = (),
) -> CheckResult:
    """Check a learner's answer. ``tries`` counts this attempt (1 = first), for the hints."""
    return type_of(ex).check(ex, answer, passage=passage, tries=tries, report_labels=report_labels)


def key_answer(
    ex: Exercise, passage: Passage | None = None, *, report_labels: Sequence[str] = ()
) -> Any:
    """The answer that the key says is right (for tests and for the teacher guide)."""
    return type_of(ex).key_answer(ex, passage, report_labels=report_labels)


def wrong_answers(ex: Exercise, passage: Passage | None = None) -> list[Any]:
    """Plausible wrong answers, each of which must fail the check (for tests)."""
    return type_of(ex).wrong_answers(ex, passage)


def validate_against_case(
    lesson_or_ex: Lesson | Exercise | Iterable[Exercise], case: Any
) -> list[str]:
    """Problems of exercises against a loaded case: unknown reports, passages not in the text."""
    if isinstance(lesson_or_ex, Lesson):
        exs: Iterable[Exercise] = lesson_or_ex.exercises
    elif isinstance(lesson_or_ex, Exercise):
        exs = [lesson_or_ex]
    else:
        exs = lesson_or_ex
    problems = []
    ids = {r.id for r in case.reports}
    for ex in exs:
        if ex.report is None or ex.text is not None:  # not about a passage of a report
            continue
        if ex.case not in (None, case.id):
            continue
        if ex.report not in ids:
            problems.append(f"{ex.id}: there is no report '{ex.report}' in case '{case.id}'.")
            continue
        if not locate(case.report(ex.report).text, ex.passage or ""):
            problems.append(f"{ex.id}: the passage is not in report '{ex.report}'.")
    return problems


def exercise_widget(*args: Any, **kwargs: Any) -> Any:
    """The widget for one exercise (see :mod:`.widget`); imported on first use, so that
    checking answers needs no widget library."""
    from .widget import exercise_widget as build

    return build(*args, **kwargs)


__all__ = [
    "COMMON_KEYS",
    "EXERCISE_TYPES",
    "ID_RE",
    "MACHINE_LAYERS",
    "MACHINE_MODES",
    "STATUS_WORDS",
    "TYPES",
    "TYPE_LABELS",
    "CheckResult",
    "Criterion",
    "Exercise",
    "ExerciseError",
    "ExerciseType",
    "Expected",
    "Lesson",
    "Option",
    "Passage",
    "Selection",
    "Span",
    "Token",
    "all_exercises",
    "check",
    "clip_spans",
    "exercise_widget",
    "exercises_dir",
    "expected",
    "explanation_for",
    "find_spans",
    "get_exercise",
    "hint_for",
    "key_answer",
    "known_keys",
    "load_lesson",
    "load_lessons",
    "locate",
    "machine_marks_html",
    "options_for",
    "overlaps",
    "parse_number",
    "passage_for",
    "rubric_marks",
    "tokenize",
    "type_of",
    "validate_against_case",
    "wrong_answers",
]
