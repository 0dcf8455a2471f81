"""Exercises as data: the model, loading ``exercises/*.toml``, and the result of a check.

Pure: no widgets and no spaCy here. One exercise, one id (``ex_02_03`` is lesson 02,
exercise 3); its prompt, answer key, hints, feedback and explanation live together in the
lesson's TOML file. Each exercise *type* (choice, multi, number, text, poll, select_words)
lives in its own module beside this one, with its checker, its answer key and its widget.
"""

from __future__ import annotations

import hashlib
import os
import random
import re
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ...cases.case import unknown_keys
from ...errors import MediakitError
from ...views.render import esc

# the skills of the before/after check (lesson 00 and lesson 07; see mediakit.lessons.skills)
SKILLS = ("sourcing", "attribution", "figures", "wording")
EXERCISE_TYPES = ("choice", "multi", "number", "text", "poll", "select_words")
MACHINE_LAYERS = (
    "quotes",
    "quote_speakers",
    "attributions",
    "figures",
    "loaded_terms",
    "boilerplate",
    "shared_passages",
)
MACHINE_MODES = ("missed", "wrong", "both")
ID_RE = re.compile(r"^ex_(\d\d)_(\d\d)$")


class ExerciseError(MediakitError):
    """An exercise file is broken or an exercise id is unknown."""


Span = tuple[int, int]


# --------------------------------------------------------------------------- the model


@dataclass(frozen=True)
class Option:
    text: str
    correct: bool = False
    feedback: str = ""


LEVELS = 3  # every rubric criterion is marked 0, 1 or 2


@dataclass(frozen=True)
class Criterion:
    """One line of a free-text rubric.

    ``keywords`` are a rough automatic check (any one, as the start of a word, in a sentence of
    the learner's own). ``levels`` describe, for the teacher, what an answer at 0, 1 and 2
    looks like on this criterion. ``where = "headline"`` judges the rewritten headline (the
    answer's first line or first sentence) instead of the whole answer: ``keep`` lists what it
    must still say (each entry one or more alternatives, "army|government|forces"), ``absent``
    what it must have dropped (unless the headline pins it on a source, "army says ...").
    ``required`` criteria must be met for the answer to count as done.
    """

    criterion: str
    keywords: tuple[str, ...] = ()
    levels: tuple[str, ...] = ()
    where: str = "answer"
    keep: tuple[str, ...] = ()
    absent: tuple[str, ...] = ()
    required: bool = False


@dataclass(frozen=True)
class Sample:
    """A sample answer of a free-text exercise at one level (0, 1 or 2), for the teacher guide;
    the tests check that the automatic check agrees with the level."""

    level: int
    text: str


@dataclass(frozen=True)
class Exercise:
    id: str
    lesson: str
    type: str
    prompt: str
    title: str = ""
    options: tuple[Option, ...] = ()
    options_from: str | None = None
    answer: Any = None
    accept: tuple[str, ...] = ()
    tolerance: float = 0.0
    unit: str = ""
    hints: tuple[str, ...] = ()
    explanation: str = ""
    rubric: tuple[Criterion, ...] = ()
    samples: tuple[Sample, ...] = ()
    model_answer: str = ""
    min_words: int = 0
    min_criteria: int = 1
    case: str | None = None
    report: str | None = None
    passage: str | None = None
    text: str | None = None
    match: str = "all"
    machine: str | None = None
    mode: str = "both"
    machine_note: str = ""
    teacher_note: str = ""
    skill: str = ""

    @property
    def corrects_machine(self) -> bool:
        return self.machine is not None

    @property
    def correct_options(self) -> tuple[str, ...]:
        return tuple(o.text for o in self.options if o.correct)


@dataclass(frozen=True)
class Lesson:
    id: str
    title: str
    case: str | None
    exercises: tuple[Exercise, ...]
    path: Path | None = None


@dataclass(frozen=True)
class Selection:
    """The spans of a passage a learner marked, or ``nothing=True`` ("nothing to mark")."""

    spans: tuple[Span, ...] = ()
    nothing: bool = False

    def to_json(self) -> dict[str, Any]:
        return {"spans": [list(s) for s in self.spans], "nothing": self.nothing}

    @classmethod
    def from_json(cls, data: Any) -> Selection:
        if isinstance(data, Selection):
            return data
        if not isinstance(data, dict):
            return cls()
        spans = tuple(
            (int(s[0]), int(s[1])) for s in data.get("spans", ()) if isinstance(s, list | tuple)
        )
        return cls(spans=spans, nothing=bool(data.get("nothing", False)))


@dataclass(frozen=True)
class Token:
    """A word of a passage. ``start``/``end`` cover the word without surrounding punctuation."""

    text: str
    start: int
    end: int
    selectable: bool = True


@dataclass(frozen=True)
class Passage:
    """The text a select-the-words exercise is about.

    ``offset`` is where it starts in the report's text; ``machine`` holds the spans (relative
    to the passage) the kit itself marked in the exercise's layer, or None if not computed.
    """

    text: str
    offset: int = 0
    machine: tuple[Span, ...] | None = None
    report: str | None = None


# --------------------------------------------------------------------------- loading


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


def _tuple_str(value: Any, where: str, key: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ExerciseError(f"In {where}, '{key}' should be a list of text.")
    return tuple(value)


# every key an exercise file may use: a misspelt one ("tolerence") is an error that names the
# closest of these, never a silent default (exercises/README.md lists what each key does)
LESSON_KEYS = ("lesson", "title", "case", "exercise")
EXERCISE_KEYS = (
    "id", "type", "prompt", "title", "option", "options_from", "answer", "accept", "tolerance",
    "unit", "hints", "explanation", "rubric", "sample", "model_answer", "min_words",
    "min_criteria", "case", "report", "passage", "text", "match", "machine", "mode",
    "machine_note", "teacher_note", "skill",
)  # fmt: skip
OPTION_KEYS = ("text", "correct", "feedback")
RUBRIC_KEYS = ("criterion", "levels", "where", "keywords", "keep", "absent", "required")
SAMPLE_KEYS = ("level", "text")


def _check_keys(d: dict[str, Any], where: str, path: str | None = None) -> None:
    """Raise one error listing every key of an exercise (and of its options, rubric lines and
    samples) that the kit does not read, each with the closest known key."""
    problems = unknown_keys(d, EXERCISE_KEYS, where)
    for sub, known in (("option", OPTION_KEYS), ("rubric", RUBRIC_KEYS), ("sample", SAMPLE_KEYS)):
        items = d.get(sub)
        for n, item in enumerate(items if isinstance(items, list) else [], 1):
            problems += unknown_keys(item, known, f"{where}, [[exercise.{sub}]] number {n}")
    if problems:
        raise ExerciseError("\n".join(problems), path=path)


def _exercise_from(d: dict[str, Any], *, lesson: str, case: str | None, where: str) -> Exercise:
    ex_id = d.get("id")
    if not isinstance(ex_id, str) or not ID_RE.match(ex_id):
        raise ExerciseError(
            f'In {where}, an exercise needs an id like "ex_{lesson}_01" (got {ex_id!r}).'
        )
    where = f"{where}, {ex_id}"
    _check_keys(d, where)
    if ID_RE.match(ex_id).group(1) != lesson:  # type: ignore[union-attr]
        raise ExerciseError(f"In {where}, the id does not belong to lesson {lesson}.")
    etype = d.get("type")
    if etype not in EXERCISE_TYPES:
        raise ExerciseError(
            f"In {where}, type must be one of {', '.join(EXERCISE_TYPES)} (got {etype!r})."
        )
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
    rubric = []
    for r in d.get("rubric", []) or []:
        if not isinstance(r, dict) or not isinstance(r.get("criterion"), str):
            raise ExerciseError(f'In {where}, every [[exercise.rubric]] needs criterion = "...".')
        rubric.append(_criterion_from(r, where))
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
    answer = d.get("answer")
    if etype == "select_words":
        answer = _tuple_str(answer, where, "answer")
    ex = Exercise(
        id=ex_id,
        lesson=lesson,
        type=etype,
        prompt=str(d.get("prompt", "")).strip(),
        title=str(d.get("title", "")),
        options=tuple(options),
        options_from=d.get("options_from"),
        answer=answer,
        accept=_tuple_str(d.get("accept"), where, "accept"),
        tolerance=float(d.get("tolerance", 0.0)),
        unit=str(d.get("unit", "")),
        hints=_tuple_str(d.get("hints"), where, "hints"),
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
    )
    _validate_shape(ex, where)
    return ex


def _criterion_from(r: Any, where: str) -> Criterion:
    if not isinstance(r, dict) or not isinstance(r.get("criterion"), str):
        raise ExerciseError(f'In {where}, every [[exercise.rubric]] needs criterion = "...".')
    levels = _tuple_str(r.get("levels"), where, "levels")
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
        keywords=_tuple_str(r.get("keywords"), where, "keywords"),
        levels=levels,
        where=place,
        keep=_tuple_str(r.get("keep"), where, "keep"),
        absent=_tuple_str(r.get("absent"), where, "absent"),
        required=bool(r.get("required", False)),
    )


def _validate_shape(ex: Exercise, where: str) -> None:
    if not ex.prompt:
        raise ExerciseError(f"In {where}, the prompt is empty.")
    if ex.type in ("choice", "multi"):
        if len(ex.options) < 2:
            raise ExerciseError(f"In {where}, a {ex.type} exercise needs at least two options.")
        n = len(ex.correct_options)
        if ex.type == "choice" and n != 1:
            raise ExerciseError(f"In {where}, exactly one option must be correct (found {n}).")
        if ex.type == "multi" and (n < 1 or n == len(ex.options)):
            raise ExerciseError(f"In {where}, some but not all options must be correct.")
        if not ex.hints and not all(o.feedback for o in ex.options if not o.correct):
            raise ExerciseError(f"In {where}, give hints or feedback for every wrong option.")
    if ex.type == "number" and not isinstance(ex.answer, int | float):
        raise ExerciseError(f"In {where}, a number exercise needs answer = a number.")
    if ex.type == "text":
        if not ex.model_answer or not ex.rubric:
            raise ExerciseError(
                f"In {where}, a free-text exercise needs a rubric and a model_answer."
            )
    if ex.type == "poll" and not ex.options and ex.options_from not in (None, "reports"):
        raise ExerciseError(f'In {where}, options_from can only be "reports".')
    if ex.type == "select_words":
        if ex.text is None and (ex.report is None or ex.passage is None):
            raise ExerciseError(f"In {where}, give report and passage, or text.")
        if not ex.answer and ex.machine is None:
            raise ExerciseError(
                f'In {where}, a select_words exercise needs answer = ["words", ...].'
            )
        passage = ex.text if ex.text is not None else ex.passage
        from .passages import locate_words  # passages builds on this module

        for phrase in (*ex.answer, *ex.accept):
            if not locate_words(passage, phrase):  # type: ignore[arg-type]
                raise ExerciseError(
                    f"In {where}, '{phrase}' does not occur in the passage as whole words."
                )
        if ex.match not in ("all", "any"):
            raise ExerciseError(f'In {where}, match must be "all" or "any".')
        if ex.machine is not None:
            if ex.machine not in MACHINE_LAYERS:
                raise ExerciseError(
                    f"In {where}, machine must be one of {', '.join(MACHINE_LAYERS)}."
                )
            if ex.mode not in MACHINE_MODES:
                raise ExerciseError(f"In {where}, mode must be one of {', '.join(MACHINE_MODES)}.")
    if ex.skill and ex.skill not in SKILLS:
        raise ExerciseError(
            f"In {where}, skill must be one of {', '.join(SKILLS)} (got {ex.skill!r})."
        )
    if ex.type in ("number", "select_words") and not ex.hints:
        raise ExerciseError(f"In {where}, give at least one hint.")


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
    exs = tuple(
        _exercise_from(d, lesson=lesson, case=case, where=path.name)
        for d in data.get("exercise", [])
    )
    return Lesson(id=lesson, title=str(data.get("title", "")), case=case, exercises=exs, path=path)


def load_lessons(folder: Path | None = None) -> dict[str, Lesson]:
    """Every lesson file in the exercises folder, by lesson number ("00" ... "06")."""
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
    return {ex.id: ex for lesson in load_lessons(folder).values() for ex in lesson.exercises}


def get_exercise(ex_id: str, folder: Path | None = None) -> Exercise:
    exs = all_exercises(folder)
    if ex_id not in exs:
        raise ExerciseError(
            f"There is no exercise '{ex_id}'.",
            hint="Exercise ids look like ex_02_03 (lesson 02, exercise 3).",
        )
    return exs[ex_id]


# --------------------------------------------------------------------------- results


STATUS_WORDS = {
    "correct": ("✔", "Right", "#009E73"),
    "wrong": ("✘", "Not yet", "#D55E00"),
    "incomplete": ("…", "No answer yet", "#0072B2"),
    "recorded": ("✔", "Saved", "#0072B2"),
    "submitted": ("✔", "Answer saved", "#009E73"),
    "revise": ("✎", "Saved; worth another look", "#E69F00"),
}


@dataclass(frozen=True)
class CheckResult:
    """The outcome of checking one answer; shows itself as HTML in a notebook."""

    exercise_id: str
    status: str
    message: str = ""
    hint: str | None = None
    explanation: str | None = None
    details: tuple[str, ...] = ()
    model_answer: str | None = None
    rubric: tuple[tuple[str, bool], ...] = ()
    tries: int = 0

    @property
    def correct(self) -> bool:
        """True when the answer counts as done (right, a saved poll, an adequate free text)."""
        return self.status in ("correct", "recorded", "submitted")

    def __bool__(self) -> bool:
        return self.correct

    def to_text(self) -> str:
        icon, word, _ = STATUS_WORDS.get(self.status, ("", self.status, "#000"))
        parts = [f"{icon} {word}: {self.message}".strip()]
        if self.hint:
            parts.append(f"Hint: {self.hint}")
        parts += list(self.details)
        if self.explanation:
            parts.append(f"Why: {self.explanation}")
        if self.model_answer:
            parts.append(f"Model answer: {self.model_answer}")
        return "\n".join(parts)

    def __str__(self) -> str:
        return self.to_text()

    def _repr_html_(self) -> str:
        e = esc
        icon, word, colour = STATUS_WORDS.get(self.status, ("", self.status, "#000000"))
        out = [
            f'<div class="mediakit-result mediakit-{e(self.status)}" '
            f'style="border-left:6px solid {colour};padding:6px 10px;margin:4px 0;">',
            f"<p><strong>{icon} {e(word)}</strong> {e(self.message)}</p>",
        ]
        if self.hint:
            out.append(f'<p class="mediakit-hint"><strong>Hint:</strong> {e(self.hint)}</p>')
        if self.rubric:
            out.append(
                "<p><strong>What a good answer covers</strong> (a rough automatic check; "
                'your teacher reads the rest):</p><ul class="mediakit-rubric">'
            )
            for crit, seen in self.rubric:
                mark = "✔ seen" if seen else "○ not seen yet"
                out.append(f"<li>{e(crit)} <em>({mark})</em></li>")
            out.append("</ul>")
        for d in self.details:
            out.append(f'<p class="mediakit-detail">{e(d)}</p>')
        if self.explanation:
            out.append(
                f'<p class="mediakit-explanation"><strong>Why:</strong> {e(self.explanation)}</p>'
            )
        if self.model_answer:
            out.append(
                '<p class="mediakit-model"><strong>A model answer:</strong> '
                f"{e(self.model_answer)}</p>"
            )
        out.append("</div>")
        return "".join(out)


# --------------------------------------------------------------------------- shared by the types


def options_for(ex: Exercise, report_labels: Sequence[str] = ()) -> tuple[str, ...]:
    """The options a learner chooses from (a poll may take them from the case's reports)."""
    if ex.options:
        return tuple(o.text for o in ex.options)
    if ex.options_from == "reports":
        return (*report_labels, "I can't tell yet")
    return ()


def learner_key(progress: Any) -> str:
    """The stable identity of a learner, for shuffling options: the one place that decides it.

    :attr:`Progress.learner_key` (from the learner's name when they gave one, else from the
    progress file's place: each learner's own folder on a hub); for other objects a ``learner``
    field or the file's full path; "" without progress (options in file order for a teacher
    previewing an exercise).
    """
    if progress is None:
        return ""
    key = getattr(progress, "learner_key", None)  # Progress: from the learner's name, else its file
    if isinstance(key, str) and key:
        return key
    for attr in ("learner", "learner_id", "identity"):
        value = getattr(progress, attr, None)
        if isinstance(value, str) and value.strip():
            return value.strip()
    path = getattr(progress, "path", None)
    if path is None:
        return ""
    try:
        return str(Path(path).expanduser().resolve())
    except OSError:
        return str(path)


def option_order(ex: Exercise, learner: str, options: Sequence[str] | None = None) -> list[str]:
    """The options of a choice or tick-all exercise in this learner's own order.

    The order is shuffled with a seed made of the learner's key and the exercise id, so it is
    the same for that learner every time the notebook is opened (and differs between learners
    and between exercises). Answers are stored as option texts, so the order never affects a
    saved answer. An empty key (no learner) keeps the file's order.
    """
    opts = list(options if options is not None else (o.text for o in ex.options))
    if not learner:
        return opts
    seed = hashlib.sha256(f"{learner}\x00{ex.id}".encode()).digest()
    rng = random.Random(int.from_bytes(seed[:8], "big"))
    rng.shuffle(opts)
    return opts


def hint_for(ex: Exercise, tries: int) -> str | None:
    if not ex.hints:
        return None
    return ex.hints[min(max(tries, 1), len(ex.hints)) - 1]


def explanation_for(ex: Exercise) -> str | None:
    parts = [p for p in (ex.explanation, ex.machine_note) if p]
    return " ".join(parts) or None
