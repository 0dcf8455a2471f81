"""Exercises as data: the model and the result of a check (loading the files is
:mod:`.loader`, the types are :mod:`.registry`).

Pure: no widgets and no spaCy here. One exercise, one id (``ex_02_03`` is lesson 02,
exercise 3); its prompt, answer key, hints, feedback and explanation live together in the
lesson's TOML file. Each exercise *type* (choice, multi, number, text, poll, select_words)
lives in its own module beside this one, with its checker, its answer key and its widget.
"""

from __future__ import annotations

import hashlib
import random
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ...errors import MediakitError
from ...views.render import esc

# the skills of the before/after check (lesson 00 and lesson 07; see mediakit.lessons.skills)
SKILLS = ("sourcing", "attribution", "figures", "wording")
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
    # keys a type reads that are not fields above (see ExerciseType.KEYS): a new type's own
    params: Mapping[str, Any] = field(default_factory=dict, hash=False, compare=False)

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


# --------------------------------------------------------------------------- reading values


def text_tuple(value: Any, where: str, key: str) -> tuple[str, ...]:
    """A key that holds one text or a list of texts (``hints``, ``accept``...), as a tuple."""
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ExerciseError(f"In {where}, '{key}' should be a list of text.")
    return tuple(value)


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
