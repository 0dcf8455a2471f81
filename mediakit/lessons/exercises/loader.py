"""Loading ``exercises/*.toml``: one file per lesson, one ``[[exercise]]`` table per exercise.

The loader knows the keys every exercise has (:data:`~.exercise_type.COMMON_KEYS`); each type
declares the keys it reads (``KEYS``) and checks its own exercises (``validate``). Any other key
is an error naming the file, the exercise and the key, with the closest known one
("tolerence: did you mean tolerance?"), the way ``case.toml`` is read
(:func:`mediakit.cases.case.unknown_keys`): a teacher's typo never loads as a silent default.
"""

from __future__ import annotations

import os
import re
import tomllib
from dataclasses import fields
from pathlib import Path
from typing import Any

from ...cases.case import unknown_keys
from .exercise_type import COMMON_KEYS, ExerciseType
from .model import (
    ID_RE,
    LEVELS,
    SKILLS,
    Criterion,
    Exercise,
    ExerciseError,
    Lesson,
    Option,
    Sample,
    text_tuple,
)
from .registry import EXERCISE_TYPES, TYPES

# the keys at the top of a lesson file, and of the tables inside an exercise
LESSON_KEYS = ("lesson", "title", "case", "exercise")
OPTION_KEYS = ("text", "correct", "feedback")
RUBRIC_KEYS = ("criterion", "levels", "where", "keywords", "keep", "absent", "required")
SAMPLE_KEYS = ("level", "text")
SUB_TABLES = {"option": OPTION_KEYS, "rubric": RUBRIC_KEYS, "sample": SAMPLE_KEYS}

# keys that fill a field of Exercise of the same name; a type's other keys go to params
_FIELD_KEYS = {f.name for f in fields(Exercise)} | {"option", "sample"}


def exercises_dir() -> Path:
    """The folder of lesson TOML files: ``MEDIAKIT_EXERCISES``, else ``exercises/`` of the repo."""
    env = os.environ.get("MEDIAKIT_EXERCISES")
    if env:
        return Path(env)
    pkg = Path(__file__).resolve().parent
    while pkg.name != "mediakit" and pkg.parent != pkg:
        pkg = pkg.parent
    for cand in (
        pkg.parent / "exercises",
        pkg / "data" / "exercises",
        Path.cwd().parent / "exercises",
    ):
        if cand.is_dir():
            return cand
    raise ExerciseError(
        "The exercises folder cannot be found.",
        hint="Run the lessons from the mediakit folder (python3 kit.py lab) or set MEDIAKIT_EXERCISES.",
    )


def known_keys(kind: ExerciseType) -> tuple[str, ...]:
    """Every key an ``[[exercise]]`` of this type may have, sorted."""
    return tuple(sorted(COMMON_KEYS | kind.KEYS))


def key_problems(d: dict[str, Any], kind: ExerciseType, where: str) -> list[str]:
    """One line per key of an exercise (and of its options, rubric lines and samples) that the
    kit does not read, each with the closest known key; a key that belongs to another type
    says which."""
    known = known_keys(kind)
    problems: list[str] = []
    for key in d:
        if key in known:
            continue
        owners = [name for name, other in TYPES.items() if key in other.KEYS]
        if owners:
            problems.append(
                f"In {where}, the key '{key}' is not one a {kind.TYPE} exercise reads "
                f"(only {' and '.join(owners)} exercises do)"
            )
        else:
            problems += unknown_keys({key: d[key]}, known, where)
    for sub, sub_known in SUB_TABLES.items():
        items = d.get(sub) if sub in known else None
        for n, item in enumerate(items if isinstance(items, list) else [], 1):
            problems += unknown_keys(item, sub_known, f"{where}, [[exercise.{sub}]] number {n}")
    return problems


def exercise_from(d: dict[str, Any], *, lesson: str, case: str | None, where: str) -> Exercise:
    """One ``[[exercise]]`` table of the file ``where``, checked, as an :class:`Exercise`."""
    ex_id = d.get("id")
    match = ID_RE.match(ex_id) if isinstance(ex_id, str) else None
    if not isinstance(ex_id, str) or match is None:
        raise ExerciseError(
            f'In {where}, an exercise needs an id like "ex_{lesson}_01" (got {ex_id!r}).'
        )
    where = f"{where}, {ex_id}"
    etype = d.get("type")
    if not isinstance(etype, str) or etype not in TYPES:
        raise ExerciseError(
            f"In {where}, type must be one of {', '.join(EXERCISE_TYPES)} (got {etype!r})."
        )
    kind = TYPES[etype]
    problems = key_problems(d, kind, where)
    if problems:
        raise ExerciseError("\n".join(problems))
    if match.group(1) != lesson:
        raise ExerciseError(f"In {where}, the id does not belong to lesson {lesson}.")
    options = []
    for o in d.get("option", []) or []:
        if not isinstance(o, dict) or not isinstance(o.get("text"), str):
            raise ExerciseError(f'In {where}, every [[exercise.option]] needs text = "...".')
        options.append(
            Option(
                text=o["text"],
                correct=bool(o.get("correct", False)),
                feedback=str(o.get("feedback", "")),
            )
        )
    rubric = [criterion_from(r, where) for r in d.get("rubric", []) or []]
    samples = []
    for smp in d.get("sample", []) or []:
        level = smp.get("level") if isinstance(smp, dict) else None
        if (
            not isinstance(level, int)
            or isinstance(level, bool)
            or not 0 <= level < LEVELS
            or not isinstance(smp.get("text"), str)
            or not smp["text"].strip()
        ):
            raise ExerciseError(
                f'In {where}, every [[exercise.sample]] needs level = 0, 1 or 2 and text = "...".'
            )
        samples.append(Sample(level=level, text=" ".join(smp["text"].split())))
    ex = Exercise(
        id=ex_id,
        lesson=lesson,
        type=etype,
        prompt=str(d.get("prompt", "")).strip(),
        title=str(d.get("title", "")),
        options=tuple(options),
        options_from=d.get("options_from"),
        answer=kind.answer_from_file(d.get("answer"), where),
        accept=text_tuple(d.get("accept"), where, "accept"),
        tolerance=float(d.get("tolerance", 0.0)),
        unit=str(d.get("unit", "")),
        hints=text_tuple(d.get("hints"), where, "hints"),
        explanation=str(d.get("explanation", "")).strip(),
        rubric=tuple(rubric),
        samples=tuple(samples),
        model_answer=str(d.get("model_answer", "")).strip(),
        min_words=int(d.get("min_words", 0)),
        min_criteria=int(d.get("min_criteria", 1)),
        case=d.get("case", case),
        report=d.get("report"),
        passage=d.get("passage"),
        text=d.get("text"),
        match=str(d.get("match", "all")),
        machine=d.get("machine"),
        mode=str(d.get("mode", "both")),
        machine_note=str(d.get("machine_note", "")).strip(),
        teacher_note=str(d.get("teacher_note", "")).strip(),
        skill=str(d.get("skill", "")).strip(),
        params={k: v for k, v in d.items() if k in kind.KEYS and k not in _FIELD_KEYS},
    )
    validate(ex, where)
    return ex


def criterion_from(r: Any, where: str) -> Criterion:
    """One ``[[exercise.rubric]]`` line."""
    if not isinstance(r, dict) or not isinstance(r.get("criterion"), str):
        raise ExerciseError(f'In {where}, every [[exercise.rubric]] needs criterion = "...".')
    levels = text_tuple(r.get("levels"), where, "levels")
    if levels and len(levels) != LEVELS:
        raise ExerciseError(
            f"In {where}, the rubric line '{r['criterion']}' needs levels = "
            f"[three descriptions: 0, 1 and 2] (got {len(levels)})."
        )
    place = str(r.get("where", "answer"))
    if place not in ("answer", "headline"):
        raise ExerciseError(f'In {where}, where must be "answer" or "headline" (got {place!r}).')
    return Criterion(
        criterion=r["criterion"],
        keywords=text_tuple(r.get("keywords"), where, "keywords"),
        levels=levels,
        where=place,
        keep=text_tuple(r.get("keep"), where, "keep"),
        absent=text_tuple(r.get("absent"), where, "absent"),
        required=bool(r.get("required", False)),
    )


def validate(ex: Exercise, where: str) -> None:
    """Raise if ``ex`` is not well formed: what every exercise needs, then what its type needs."""
    if not ex.prompt:
        raise ExerciseError(f"In {where}, the prompt is empty.")
    if ex.skill and ex.skill not in SKILLS:
        raise ExerciseError(
            f"In {where}, skill must be one of {', '.join(SKILLS)} (got {ex.skill!r})."
        )
    if ex.type not in TYPES:
        raise ExerciseError(f"In {where}, type must be one of {', '.join(EXERCISE_TYPES)}.")
    TYPES[ex.type].validate(ex, where)


def load_lesson(path: Path) -> Lesson:
    """Read one lesson file (``exercises/02_attribution.toml``)."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise ExerciseError(f"'{path.name}' is not valid TOML: {exc}.", path=str(path)) from None
    except OSError as exc:
        raise ExerciseError(f"'{path}' cannot be read ({exc.strerror}).", path=str(path)) from None
    lesson = str(data.get("lesson", "")).zfill(2)
    if not re.fullmatch(r"\d\d", lesson):
        raise ExerciseError(f"'{path.name}' needs lesson = \"NN\" at the top.", path=str(path))
    problems = unknown_keys(data, LESSON_KEYS, path.name)
    if problems:
        raise ExerciseError("\n".join(problems), path=str(path))
    case = data.get("case")
    try:
        exs = tuple(
            exercise_from(d, lesson=lesson, case=case, where=path.name)
            for d in data.get("exercise", [])
        )
    except ExerciseError as exc:
        if exc.path is None:
            exc.path = str(path)
        raise
    return Lesson(id=lesson, title=str(data.get("title", "")), case=case, exercises=exs, path=path)


def load_lessons(folder: Path | None = None) -> dict[str, Lesson]:
    """Every lesson file in the exercises folder, by lesson number ("00" ... "07")."""
    folder = folder or exercises_dir()
    lessons: dict[str, Lesson] = {}
    seen: dict[str, str] = {}
    for p in sorted(folder.glob("*.toml")):
        lesson = load_lesson(p)
        if lesson.id in lessons:
            raise ExerciseError(
                f"Two files are lesson {lesson.id}: {lessons[lesson.id].path} and {p}."
            )
        for ex in lesson.exercises:
            if ex.id in seen:
                raise ExerciseError(f"The id {ex.id} is used twice ({seen[ex.id]} and {p.name}).")
            seen[ex.id] = p.name
        lessons[lesson.id] = lesson
    return lessons


def all_exercises(folder: Path | None = None) -> dict[str, Exercise]:
    """Every exercise of every lesson, by id."""
    return {ex.id: ex for lesson in load_lessons(folder).values() for ex in lesson.exercises}


def get_exercise(ex_id: str, folder: Path | None = None) -> Exercise:
    """One exercise by id (``ex_02_03``), or an error saying what an id looks like."""
    exs = all_exercises(folder)
    if ex_id not in exs:
        raise ExerciseError(
            f"There is no exercise '{ex_id}'.",
            hint="Exercise ids look like ex_02_03 (lesson 02, exercise 3).",
        )
    return exs[ex_id]


__all__ = [
    "LESSON_KEYS",
    "OPTION_KEYS",
    "RUBRIC_KEYS",
    "SAMPLE_KEYS",
    "all_exercises",
    "criterion_from",
    "exercise_from",
    "exercises_dir",
    "get_exercise",
    "key_problems",
    "known_keys",
    "load_lesson",
    "load_lessons",
    "validate",
]
