"""Exercises as data: loading them from ``exercises/*.toml`` and checking answers.

Pure: no widgets and no spaCy here. One exercise, one id (``ex_02_03`` is lesson 02,
exercise 3); its prompt, answer key, hints, feedback and explanation live together in the
lesson's TOML file. :func:`check` takes an exercise and a learner's answer and returns a
:class:`CheckResult`, which renders itself as HTML in a notebook.

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

"Correct the machine" exercises are ``select_words`` exercises with a ``machine`` layer: the
answer key is *computed at run time* by comparing what a person marked (the exercise's
``answer``) with what the kit itself found in the passage (:class:`Passage.machine`). The
learner marks what the kit missed (``mode = "missed"``), what it marked wrongly
(``"wrong"``), or both. If the kit gets the passage right, the right answer is to say so.
"""

from __future__ import annotations

import os
import re
import tomllib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import MediakitError
from .render import esc

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


@dataclass(frozen=True)
class Criterion:
    """One line of a free-text rubric; ``keywords`` are a rough automatic check (any one)."""

    criterion: str
    keywords: tuple[str, ...] = ()


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
    here = Path(__file__).resolve().parent
    for cand in (here.parent / "exercises", here / "data" / "exercises", Path.cwd().parent / "exercises"):
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


def _exercise_from(d: dict[str, Any], *, lesson: str, case: str | None, where: str) -> Exercise:
    ex_id = d.get("id")
    if not isinstance(ex_id, str) or not ID_RE.match(ex_id):
        raise ExerciseError(f"In {where}, an exercise needs an id like \"ex_{lesson}_01\" (got {ex_id!r}).")
    where = f"{where}, {ex_id}"
    if ID_RE.match(ex_id).group(1) != lesson:  # type: ignore[union-attr]
        raise ExerciseError(f"In {where}, the id does not belong to lesson {lesson}.")
    etype = d.get("type")
    if etype not in EXERCISE_TYPES:
        raise ExerciseError(f"In {where}, type must be one of {', '.join(EXERCISE_TYPES)} (got {etype!r}).")
    options = []
    for o in d.get("option", []) or []:
        if not isinstance(o, dict) or not isinstance(o.get("text"), str):
            raise ExerciseError(f"In {where}, every [[exercise.option]] needs text = \"...\".")
        options.append(Option(text=o["text"], correct=bool(o.get("correct", False)),
                              feedback=str(o.get("feedback", ""))))
    rubric = []
    for r in d.get("rubric", []) or []:
        if not isinstance(r, dict) or not isinstance(r.get("criterion"), str):
            raise ExerciseError(f"In {where}, every [[exercise.rubric]] needs criterion = \"...\".")
        rubric.append(Criterion(criterion=r["criterion"],
                                keywords=_tuple_str(r.get("keywords"), where, "keywords")))
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
    )
    _validate_shape(ex, where)
    return ex


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
            raise ExerciseError(f"In {where}, a free-text exercise needs a rubric and a model_answer.")
    if ex.type == "poll" and not ex.options and ex.options_from not in (None, "reports"):
        raise ExerciseError(f"In {where}, options_from can only be \"reports\".")
    if ex.type == "select_words":
        if ex.text is None and (ex.report is None or ex.passage is None):
            raise ExerciseError(f"In {where}, give report and passage, or text.")
        if not ex.answer and ex.machine is None:
            raise ExerciseError(f"In {where}, a select_words exercise needs answer = [\"words\", ...].")
        passage = ex.text if ex.text is not None else ex.passage
        for phrase in (*ex.answer, *ex.accept):
            if not locate(passage, phrase):  # type: ignore[arg-type]
                raise ExerciseError(f"In {where}, '{phrase}' does not occur in the passage.")
        if ex.match not in ("all", "any"):
            raise ExerciseError(f"In {where}, match must be \"all\" or \"any\".")
        if ex.machine is not None:
            if ex.machine not in MACHINE_LAYERS:
                raise ExerciseError(f"In {where}, machine must be one of {', '.join(MACHINE_LAYERS)}.")
            if ex.mode not in MACHINE_MODES:
                raise ExerciseError(f"In {where}, mode must be one of {', '.join(MACHINE_MODES)}.")
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
    case = data.get("case")
    exs = tuple(
        _exercise_from(d, lesson=lesson, case=case, where=path.name) for d in data.get("exercise", [])
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
            raise ExerciseError(f"Two files are lesson {lesson.id}: {lessons[lesson.id].path} and {p}.")
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
        raise ExerciseError(f"There is no exercise '{ex_id}'.",
                            hint="Exercise ids look like ex_02_03 (lesson 02, exercise 3).")
    return exs[ex_id]


# --------------------------------------------------------------------------- passages & spans


_EDGE_PUNCT = "\"'“”‘’«»()[]{}<>,.;:!?…*–—-/|#"


def tokenize(passage: str) -> list[Token]:
    """Split a passage into words; each word's span leaves out surrounding punctuation.

    A chunk made only of punctuation ("–", "….", "*") is kept as a non-selectable token so
    that the passage can be shown whole.
    """
    tokens = []
    for m in re.finditer(r"\S+", passage):
        chunk = m.group()
        lead = len(chunk) - len(chunk.lstrip(_EDGE_PUNCT))
        core = chunk.strip(_EDGE_PUNCT)
        if not core:
            tokens.append(Token(chunk, m.start(), m.end(), selectable=False))
            continue
        s = m.start() + lead
        tokens.append(Token(chunk, s, s + len(core)))
    return tokens


def _ws_pattern(phrase: str) -> re.Pattern[str]:
    """A pattern for a phrase in which any run of white space matches any other (a no-break
    space in a saved web page matches a plain space typed in an exercise file)."""
    parts = [re.escape(p) for p in phrase.split()]
    return re.compile(r"\s+".join(parts))


def locate(text: str, phrase: str) -> list[Span]:
    """Every occurrence of ``phrase`` in ``text`` (white space matched loosely), as spans."""
    if not phrase.strip():
        return []
    return [(m.start(), m.end()) for m in _ws_pattern(phrase).finditer(text)]


def find_spans(passage: str, phrases: Iterable[str]) -> list[Span]:
    """Every occurrence of every phrase in the passage, as (start, end) spans."""
    spans: list[Span] = []
    for ph in phrases:
        spans += locate(passage, ph)
    return sorted(set(spans))


def overlaps(a: Span, b: Span) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def clip_spans(spans: Iterable[Span], start: int, end: int) -> tuple[Span, ...]:
    """Spans of a whole text that touch [start, end), clipped and made relative to ``start``."""
    out = []
    for s, e in spans:
        if s < end and start < e:
            out.append((max(s, start) - start, min(e, end) - start))
    return tuple(sorted(set(out)))


def passage_for(ex: Exercise, text: str | None = None, *, machine: Iterable[Span] | None = None,
                report: str | None = None) -> Passage:
    """The passage of an exercise inside a report's ``text`` (offsets of ``machine`` index ``text``).

    For an exercise with inline ``text`` the passage is that text itself.
    """
    if ex.text is not None:
        body = ex.text
        offset = 0
        if machine is not None:
            machine = clip_spans(machine, 0, len(body))
    else:
        if text is None:
            raise ExerciseError(f"Exercise {ex.id} needs the text of report '{ex.report}'.")
        assert ex.passage is not None
        found = locate(text, ex.passage)
        if not found:
            raise ExerciseError(
                f"The passage of exercise {ex.id} is not in report '{ex.report}'.",
                hint="The report file may have changed; the exercise needs updating.",
            )
        offset, end = found[0]
        body = text[offset:end]
        if machine is not None:
            machine = clip_spans(machine, offset, end)
    return Passage(text=body, offset=offset,
                   machine=None if machine is None else tuple(machine), report=report or ex.report)


@dataclass(frozen=True)
class Expected:
    """What the learner should mark in a select-the-words exercise, with the reasons."""

    items: tuple[Span, ...]
    accept: tuple[Span, ...]
    gold: tuple[Span, ...]
    missed: tuple[Span, ...] = ()
    wrong: tuple[Span, ...] = ()
    machine: tuple[Span, ...] | None = None


def expected(ex: Exercise, passage: Passage) -> Expected:
    """The spans the learner must mark; for a machine exercise, computed from the kit's marks."""
    gold = tuple(find_spans(passage.text, ex.answer or ()))
    accept = tuple(find_spans(passage.text, ex.accept))
    if ex.machine is None:
        return Expected(items=gold, accept=accept, gold=gold)
    machine = passage.machine
    if machine is None:
        raise ExerciseError(
            f"Exercise {ex.id} compares your answer with the kit's own output, "
            "which has not been computed.",
            hint="Run the cell with lesson.start(...) first.",
        )
    missed = tuple(g for g in gold if not any(overlaps(g, m) for m in machine))
    wrong = tuple(
        m for m in machine
        if not any(overlaps(m, g) for g in gold)
        and not any(a[0] <= m[0] and m[1] <= a[1] for a in accept)
        and any(t.selectable and overlaps((t.start, t.end), m) for t in tokenize(passage.text))
    )
    if ex.mode == "missed":
        items = missed
    elif ex.mode == "wrong":
        items = wrong
    else:
        items = tuple(sorted(set(missed) | set(wrong)))
    return Expected(items=items, accept=accept, gold=gold, missed=missed, wrong=wrong, machine=machine)


def _quote_spans(passage: str, spans: Iterable[Span], limit: int = 8) -> str:
    words = [f"“{passage[s:e].strip()}”" for s, e in spans][:limit]
    return ", ".join(words) if words else "nothing"


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
            f'<p><strong>{icon} {e(word)}</strong> {e(self.message)}</p>',
        ]
        if self.hint:
            out.append(f'<p class="mediakit-hint"><strong>Hint:</strong> {e(self.hint)}</p>')
        if self.rubric:
            out.append('<p><strong>What a good answer covers</strong> (a rough automatic check; '
                       'your teacher reads the rest):</p><ul class="mediakit-rubric">')
            for crit, seen in self.rubric:
                mark = "✔ seen" if seen else "○ not seen yet"
                out.append(f"<li>{e(crit)} <em>({mark})</em></li>")
            out.append("</ul>")
        for d in self.details:
            out.append(f'<p class="mediakit-detail">{e(d)}</p>')
        if self.explanation:
            out.append(f'<p class="mediakit-explanation"><strong>Why:</strong> {e(self.explanation)}</p>')
        if self.model_answer:
            out.append('<p class="mediakit-model"><strong>A model answer:</strong> '
                       f'{e(self.model_answer)}</p>')
        out.append("</div>")
        return "".join(out)


# --------------------------------------------------------------------------- checking


def options_for(ex: Exercise, report_labels: Sequence[str] = ()) -> tuple[str, ...]:
    """The options a learner chooses from (a poll may take them from the case's reports)."""
    if ex.options:
        return tuple(o.text for o in ex.options)
    if ex.options_from == "reports":
        return (*report_labels, "I can't tell yet")
    return ()


def _hint(ex: Exercise, tries: int) -> str | None:
    if not ex.hints:
        return None
    return ex.hints[min(max(tries, 1), len(ex.hints)) - 1]


_SCALES = {"k": 1e3, "thousand": 1e3, "thousands": 1e3, "m": 1e6, "mn": 1e6, "million": 1e6,
           "millions": 1e6, "b": 1e9, "bn": 1e9, "billion": 1e9, "billions": 1e9,
           "hundred": 1e2, "hundreds": 1e2, "dozen": 12.0}


def parse_number(value: Any) -> float | None:
    """A learner's number: 12, "12", "1,200", "120 000", "3.5", "3.5 million", "120 thousand",
    "1.2m", "120k", "about 300"; None if it is not a number."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return float(value)
    if not isinstance(value, str):
        return None
    s = value.strip().replace("\u00a0", " ").lower()
    s = re.sub(r"^(?:about|around|some|approximately|roughly|over|at least|nearly|almost|~)\s*", "", s)
    s = re.sub(r"(?<=\d)[ ,](?=\d{3}\b)", "", s)
    m = re.fullmatch(r"([-+]?\d+(?:\.\d+)?|\.\d+)\s*([a-z]+)?\.?", s)
    if m is None:
        return None
    scale = 1.0
    if m.group(2):
        if m.group(2) not in _SCALES:
            return None
        scale = _SCALES[m.group(2)]
    return float(m.group(1)) * scale


def _words(text: str) -> list[str]:
    return re.findall(r"[\w'’-]+", text)


def rubric_marks(ex: Exercise, text: str) -> tuple[tuple[str, bool], ...]:
    low = text.lower()
    marks = []
    for c in ex.rubric:
        seen = any(re.search(r"\b" + re.escape(k.lower()), low) for k in c.keywords) if c.keywords else False
        marks.append((c.criterion, seen))
    return tuple(marks)


def check(ex: Exercise, answer: Any, *, passage: Passage | None = None, tries: int = 1,
          report_labels: Sequence[str] = ()) -> CheckResult:
    """Check a learner's answer. ``tries`` counts this attempt (1 = first), for the hints."""
    if ex.type == "choice":
        return _check_choice(ex, answer, tries)
    if ex.type == "multi":
        return _check_multi(ex, answer, tries)
    if ex.type == "number":
        return _check_number(ex, answer, tries)
    if ex.type == "text":
        return _check_text(ex, answer, tries)
    if ex.type == "poll":
        return _check_poll(ex, answer, tries, report_labels)
    if ex.type == "select_words":
        if passage is None:
            passage = passage_for(ex) if ex.text is not None and ex.machine is None else None
        if passage is None:
            raise ExerciseError(f"Exercise {ex.id} needs its passage to be checked.")
        return _check_select(ex, answer, passage, tries)
    raise ExerciseError(f"Exercise {ex.id} has an unknown type {ex.type!r}.")


def _check_choice(ex: Exercise, answer: Any, tries: int) -> CheckResult:
    if answer is None or answer == "":
        return CheckResult(ex.id, "incomplete", "Choose one of the options, then press Check.",
                           tries=tries)
    opt = next((o for o in ex.options if o.text == answer), None)
    if opt is None:
        return CheckResult(ex.id, "incomplete", "That is not one of the options.", tries=tries)
    if opt.correct:
        return CheckResult(ex.id, "correct", opt.feedback or "That's it.",
                           explanation=ex.explanation or None, tries=tries)
    return CheckResult(ex.id, "wrong", opt.feedback or "That's not the best answer.",
                       hint=_hint(ex, tries), tries=tries)


def _check_multi(ex: Exercise, answer: Any, tries: int) -> CheckResult:
    chosen = set(answer or ())
    if not chosen:
        return CheckResult(ex.id, "incomplete", "Tick every option that applies, then press Check.",
                           tries=tries)
    right = set(ex.correct_options)
    known = {o.text for o in ex.options}
    chosen &= known
    if chosen == right:
        return CheckResult(ex.id, "correct", "You found all of them and nothing else.",
                           explanation=ex.explanation or None, tries=tries)
    extra = [o for o in ex.options if o.text in chosen and not o.correct]
    missing = len(right - chosen)
    parts = []
    if extra:
        parts.append(f"{len(extra)} of your ticks {'does' if len(extra) == 1 else 'do'} not apply.")
    if missing:
        parts.append(f"{missing} more {'option applies' if missing == 1 else 'options apply'}.")
    details = tuple(o.feedback for o in extra if o.feedback)
    return CheckResult(ex.id, "wrong", " ".join(parts), hint=_hint(ex, tries), details=details,
                       tries=tries)


def _check_number(ex: Exercise, answer: Any, tries: int) -> CheckResult:
    if answer is None or (isinstance(answer, str) and not answer.strip()):
        return CheckResult(ex.id, "incomplete", "Type a number, then press Check.", tries=tries)
    value = parse_number(answer)
    if value is None:
        return CheckResult(ex.id, "incomplete",
                           f"'{answer}' is not a number I can read; type digits, such as 12, 1,200 or 3.5 million.",
                           tries=tries)
    target = float(ex.answer)
    if abs(value - target) <= ex.tolerance:
        return CheckResult(ex.id, "correct", f"{_fmt(target)} {ex.unit}".strip() + " is right.",
                           explanation=ex.explanation or None, tries=tries)
    direction = "too high" if value > target else "too low"
    return CheckResult(ex.id, "wrong", f"{_fmt(value)} is {direction}.", hint=_hint(ex, tries),
                       tries=tries)


def _fmt(x: float) -> str:
    return f"{int(x):,}" if float(x).is_integer() else f"{x:,}"


def _check_text(ex: Exercise, answer: Any, tries: int) -> CheckResult:
    text = answer if isinstance(answer, str) else ""
    n = len(_words(text))
    if n == 0:
        return CheckResult(ex.id, "incomplete", "Write your answer in the box, then press Save.",
                           tries=tries)
    marks = rubric_marks(ex, text)
    if n < ex.min_words:
        return CheckResult(
            ex.id, "revise",
            f"Your answer has {n} words; say a little more (about {ex.min_words} or more).",
            hint=_hint(ex, tries), rubric=marks, model_answer=ex.model_answer, tries=tries,
        )
    seen = sum(1 for _, s in marks if s)
    if seen >= ex.min_criteria:
        return CheckResult(ex.id, "submitted", "Compare it with the model answer below.",
                           rubric=marks, model_answer=ex.model_answer,
                           explanation=ex.explanation or None, tries=tries)
    return CheckResult(
        ex.id, "revise",
        "Saved. Check your answer against the points below and the model answer.",
        hint=_hint(ex, tries), rubric=marks, model_answer=ex.model_answer, tries=tries,
    )


def _check_poll(ex: Exercise, answer: Any, tries: int, report_labels: Sequence[str]) -> CheckResult:
    if answer is None or (isinstance(answer, str) and not answer.strip()):
        what = "Choose an option" if options_for(ex, report_labels) else "Write a few words"
        return CheckResult(ex.id, "incomplete", f"{what}, then press Save. There is no wrong answer.",
                           tries=tries)
    return CheckResult(ex.id, "recorded",
                       "Your answer is saved; a later lesson comes back to it.",
                       explanation=ex.explanation or None, tries=tries)


def _selected_tokens(tokens: Sequence[Token], sel: Selection) -> list[Token]:
    return [t for t in tokens if t.selectable and any(overlaps((t.start, t.end), s) for s in sel.spans)]


def _check_select(ex: Exercise, answer: Any, passage: Passage, tries: int) -> CheckResult:
    sel = Selection.from_json(answer) if not isinstance(answer, Selection) else answer
    exp = expected(ex, passage)
    tokens = tokenize(passage.text)
    chosen = _selected_tokens(tokens, sel)
    text = passage.text
    details: tuple[str, ...] = ()
    if ex.machine is not None:
        details = (
            f"A person marked: {_quote_spans(text, exp.gold)}.",
            f"The kit marked: {_quote_spans(text, exp.machine or ())}.",
            f"So the kit missed: {_quote_spans(text, exp.missed)}; "
            f"and marked wrongly: {_quote_spans(text, exp.wrong)}.",
        )
    if not chosen and not sel.nothing:
        msg = "Click the words in the passage to mark them, then press Check."
        if ex.machine is not None:
            msg += " If there is nothing to mark, tick the box that says so."
        return CheckResult(ex.id, "incomplete", msg, tries=tries)
    if sel.nothing and chosen:
        return CheckResult(ex.id, "wrong",
                           "You marked words and also said there is nothing to mark; choose one.",
                           hint=_hint(ex, tries), tries=tries)
    if sel.nothing:
        if not exp.items:
            return CheckResult(ex.id, "correct", "Right: this time the kit got this passage right.",
                               explanation=_explanation(ex), details=details, tries=tries)
        return CheckResult(ex.id, "wrong", "There is something to mark here; look again.",
                           hint=_hint(ex, tries), tries=tries)
    if not exp.items:
        return CheckResult(
            ex.id, "wrong",
            "Look again: compare each mark of the kit with the passage, word by word.",
            hint=_hint(ex, tries), tries=tries,
        )
    found = []
    for item in exp.items:
        item_tokens = [t for t in tokens if t.selectable and overlaps((t.start, t.end), item)]
        hit = [t for t in item_tokens if t in chosen]
        found.append(bool(item_tokens) and 2 * len(hit) >= len(item_tokens))
    allowed = (*exp.items, *exp.accept)
    extra = [t for t in chosen if not any(overlaps((t.start, t.end), a) for a in allowed)]
    n_found = sum(found)
    if ex.match == "any":
        ok = n_found >= 1 and not extra
    else:
        ok = all(found) and not extra
    if ok:
        if ex.match == "any" or len(exp.items) == 1:
            msg = "Yes, that's it."
        else:
            msg = f"You marked all {len(exp.items)}."
        return CheckResult(ex.id, "correct", msg, explanation=_explanation(ex), details=details,
                           tries=tries)
    parts = []
    if ex.match == "all":
        parts.append(f"You found {n_found} of {len(exp.items)}.")
    elif n_found == 0:
        parts.append("None of your marks is one of the words asked for.")
    if extra:
        words = ", ".join(f"“{t.text.strip(_EDGE_PUNCT)}”" for t in extra[:6])
        parts.append(f"These marked words are not part of the answer: {words}.")
    return CheckResult(ex.id, "wrong", " ".join(parts), hint=_hint(ex, tries), tries=tries)


def _explanation(ex: Exercise) -> str | None:
    parts = [p for p in (ex.explanation, ex.machine_note) if p]
    return " ".join(parts) or None


# --------------------------------------------------------------------------- answer keys


def key_answer(ex: Exercise, passage: Passage | None = None, *, report_labels: Sequence[str] = ()) -> Any:
    """The answer that the key says is right (for tests and for the teacher guide)."""
    if ex.type == "choice":
        return ex.correct_options[0]
    if ex.type == "multi":
        return list(ex.correct_options)
    if ex.type == "number":
        return ex.answer
    if ex.type == "text":
        return ex.model_answer
    if ex.type == "poll":
        opts = options_for(ex, report_labels)
        return opts[0] if opts else "A first impression in a few words."
    assert passage is not None, "select_words needs its passage"
    exp = expected(ex, passage)
    if not exp.items:
        return Selection(nothing=True)
    tokens = tokenize(passage.text)
    spans = tuple(
        (t.start, t.end) for t in tokens
        if t.selectable and any(overlaps((t.start, t.end), i) for i in exp.items)
    )
    return Selection(spans=spans)


def wrong_answers(ex: Exercise, passage: Passage | None = None) -> list[Any]:
    """Plausible wrong answers, each of which must fail the check (for tests)."""
    if ex.type == "choice":
        return [o.text for o in ex.options if not o.correct]
    if ex.type == "multi":
        right = list(ex.correct_options)
        out: list[Any] = [[o.text for o in ex.options]]
        if len(right) > 1:
            out.append(right[:-1])
        out.append([o.text for o in ex.options if not o.correct][:1])
        return out
    if ex.type == "number":
        return [float(ex.answer) + ex.tolerance + 1, float(ex.answer) - ex.tolerance - 1]
    if ex.type == "text":
        return ["I don't know.", "ok"]
    if ex.type == "poll":
        return []
    assert passage is not None
    tokens = [t for t in tokenize(passage.text) if t.selectable]
    exp = expected(ex, passage)
    everything = Selection(spans=tuple((t.start, t.end) for t in tokens))
    if not exp.items:
        return [everything, Selection(spans=((tokens[0].start, tokens[0].end),))]
    outside = [t for t in tokens if not any(overlaps((t.start, t.end), a) for a in (*exp.items, *exp.accept))]
    out = [Selection(nothing=True)]
    if outside:
        out.append(everything)
        out.append(Selection(spans=((outside[0].start, outside[0].end),)))
    if ex.match == "all" and len(exp.items) > 1:
        first = exp.items[0]
        out.append(Selection(spans=tuple((t.start, t.end) for t in tokens if overlaps((t.start, t.end), first))))
    return out


def validate_against_case(lesson_or_ex: Lesson | Exercise | Iterable[Exercise], case: Any) -> list[str]:
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
        if ex.type != "select_words" or ex.text is not None:
            continue
        if ex.case not in (None, case.id):
            continue
        if ex.report not in ids:
            problems.append(f"{ex.id}: there is no report '{ex.report}' in case '{case.id}'.")
            continue
        if not locate(case.report(ex.report).text, ex.passage or ""):
            problems.append(f"{ex.id}: the passage is not in report '{ex.report}'.")
    return problems


__all__ = [
    "CheckResult",
    "Criterion",
    "Exercise",
    "ExerciseError",
    "Expected",
    "Lesson",
    "Option",
    "Passage",
    "Selection",
    "Token",
    "all_exercises",
    "check",
    "expected",
    "exercises_dir",
    "find_spans",
    "locate",
    "get_exercise",
    "key_answer",
    "load_lesson",
    "load_lessons",
    "options_for",
    "parse_number",
    "passage_for",
    "tokenize",
    "validate_against_case",
    "wrong_answers",
]
