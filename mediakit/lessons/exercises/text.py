"""Write a short answer: free text, saved, with a rubric as a rough automatic check and a
model answer to compare with.

The automatic check cannot be passed without writing: evidence counts only in sentences of the
learner's own (a list of keywords is not a sentence; words copied from the prompt are not the
learner's), each piece of evidence counts for one rubric line only, and the model answer is
shown only after a real attempt. A headline rewrite (rubric lines with ``where = "headline"``)
is judged by what the new headline dropped and kept, not by its length.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from .model import CheckResult, Criterion, Exercise, ExerciseError, Passage, hint_for
from .passages import is_function_word

if TYPE_CHECKING:
    from .widget import ExerciseWidget

TYPE = "text"
LABEL = "Write a short answer"
BUTTON = "Save"
KEYS = frozenset({"rubric", "sample", "model_answer", "min_words", "min_criteria", "hints"})
PASSAGE = False


def answer_from_file(value: Any, where: str) -> Any:
    return value


def validate(ex: Exercise, where: str) -> None:
    if not ex.model_answer or not ex.rubric:
        raise ExerciseError(f"In {where}, a free-text exercise needs a rubric and a model_answer.")


def words(text: str) -> list[str]:
    return re.findall(WORD, text)


WORD = r"[\w'’-]+"
COPY_RUN = 5  # this many words in a row, as in the prompt, are the prompt copied, not evidence
ATTRIBUTION = re.compile(
    r"\b(says|said|say|claims?|claimed|according to|reports?|reported)\b", re.I
)


@dataclass(frozen=True)
class Reading:
    """What the checker made of a free-text answer (before the rubric)."""

    words: int  # the learner's own words (the prompt copied does not count)
    copied: float  # share of the answer's words that repeat the prompt
    sentences: tuple[tuple[int, int], ...]  # spans of real sentences of the learner's own
    headline: str  # the rewritten headline: the first line, or the first sentence


def _copied_spans(text: str, prompt: str) -> list[tuple[int, int]]:
    """Stretches of ``text`` that repeat COPY_RUN or more words of the prompt in a row."""
    ws = [(m.start(), m.end(), m.group().lower()) for m in re.finditer(WORD, text)]
    pw = [w.lower() for w in re.findall(WORD, prompt)]
    grams = {tuple(pw[i : i + COPY_RUN]) for i in range(len(pw) - COPY_RUN + 1)}
    hit = [False] * len(ws)
    for i in range(len(ws) - COPY_RUN + 1):
        if tuple(w for _, _, w in ws[i : i + COPY_RUN]) in grams:
            for j in range(i, i + COPY_RUN):
                hit[j] = True
    return [(ws[i][0], ws[i][1]) for i in range(len(ws)) if hit[i]]


def _is_sentence(chunk: str) -> bool:
    """A real sentence: four or more words, at least one of them a function word ("the", "is",
    "of"), and not a list of one- or two-word items separated by commas."""
    ws = words(chunk)
    if len(ws) < 4 or not any(is_function_word(w) for w in ws):
        return False
    parts = [p for p in re.split(r"[,;/|•·]|\s-\s|\s–\s", chunk) if words(p)]
    return sum(len(words(p)) for p in parts) / len(parts) >= 3


def _sentence_spans(text: str) -> list[tuple[int, int]]:
    spans, pos = [], 0
    for m in re.finditer(r"(?<=[.!?])[\"'”’)]*\s+|\n+", text):
        spans.append((pos, m.start()))
        pos = m.end()
    spans.append((pos, len(text)))
    return [(s, e) for s, e in spans if text[s:e].strip()]


def headline_of(text: str) -> str:
    """The headline in a rewrite answer: the first line if the answer has several; else the text
    inside opening quotation marks; else the first sentence (up to a dash or a full stop)."""
    lines = [ln.strip() for ln in text.strip().splitlines() if ln.strip()]
    first = lines[0] if lines else ""
    m = re.match(r"""^\s*(["“‘']|&quot;)(.+?)["”’'](?=\s|$|[.,;:!?])""", first)
    if m:
        return m.group(2).strip()
    if len(lines) > 1:
        return first
    cut = re.split(r"(?<=[.!?])\s|\s[-–—]\s", first, maxsplit=1)[0]
    return cut.strip()


def is_headline(text: str) -> bool:
    """Three or more words that are not a list of single words ("take, army, town")."""
    parts = [p for p in re.split(r"[,;/|•·]", text) if words(p)]
    return len(words(text)) >= 3 and sum(len(words(p)) for p in parts) / len(parts) >= 2.5


def read_answer(ex: Exercise, text: str) -> Reading:
    copied = _copied_spans(text, ex.prompt)
    total = len(words(text))
    own = total - len(copied)
    sentences = []
    for s, e in _sentence_spans(text):
        chunk = text[s:e]
        n = len(words(chunk))
        n_copied = sum(1 for cs, ce in copied if s <= cs and ce <= e)
        if n and n_copied * 2 < n and _is_sentence(chunk):
            sentences.append((s, e))
    return Reading(
        words=own,
        copied=(len(copied) / total) if total else 0.0,
        sentences=tuple(sentences),
        headline=headline_of(text),
    )


def _hits(keyword: str, text: str) -> list[tuple[int, int]]:
    return [
        (m.start(), m.end()) for m in re.finditer(r"\b" + re.escape(keyword.lower()), text.lower())
    ]


def _headline_ok(c: Criterion, headline: str) -> tuple[bool, str]:
    """A headline criterion: what it keeps and what it dropped. Returns (met, why not)."""
    low = headline.lower()
    for alt in c.keep:
        options = [a.strip() for a in alt.split("|") if a.strip()]
        if not any(_hits(a, low) for a in options):
            return False, f"your headline no longer says {' or '.join(repr(a) for a in options)}"
    pinned = bool(ATTRIBUTION.search(headline))  # "army says it liberated ..." is fair
    if c.absent and not pinned:
        still = [a for a in c.absent if _hits(a, low)]
        if still:
            word = next(re.finditer(r"\b" + re.escape(still[0].lower()) + r"[\w'’-]*", low)).group()
            return False, f"your headline still says '{word}'"
    if c.keywords and not pinned and not any(_hits(k, low) for k in c.keywords):
        return False, "look at the verb of your headline"
    return True, ""


def assess(ex: Exercise, text: str) -> tuple[Reading, tuple[tuple[str, bool], ...], list[str]]:
    """Read an answer and mark each rubric line as seen or not, with reasons for headline lines.

    Evidence counts only in sentences of the learner's own (not in a list of words, not in the
    prompt copied), and each piece of evidence counts for one rubric line only: a keyword that
    two lines share cannot tick both.
    """
    reading = read_answer(ex, text)
    low = text.lower()
    reasons: list[str] = []
    seen: dict[int, bool] = {}
    candidates: dict[int, list[tuple[int, int]]] = {}
    for i, c in enumerate(ex.rubric):
        if c.where == "headline":
            ok, why = (
                _headline_ok(c, reading.headline)
                if is_headline(reading.headline) and reading.copied < 0.5
                else (False, "")
            )
            seen[i] = ok
            if why:
                reasons.append(why)
            continue
        spans = [
            h
            for k in c.keywords
            for h in _hits(k, low)
            if any(s <= h[0] and h[1] <= e for s, e in reading.sentences)
        ]
        candidates[i] = sorted(set(spans))
    used: list[tuple[int, int]] = []
    for i in sorted(candidates, key=lambda k: len(candidates[k])):
        free = [h for h in candidates[i] if not any(h[0] < u[1] and u[0] < h[1] for u in used)]
        seen[i] = bool(free)
        if free:
            used.append(free[0])
    marks = tuple((c.criterion, seen.get(i, False)) for i, c in enumerate(ex.rubric))
    return reading, marks, reasons


def rubric_marks(ex: Exercise, text: str) -> tuple[tuple[str, bool], ...]:
    return assess(ex, text)[1]


def real_attempt(ex: Exercise, reading: Reading) -> bool:
    """An attempt that earns the model answer: in the learner's own words (mostly not the prompt
    copied), with at least one real sentence (a headline, for a rewrite), and long enough."""
    if reading.copied >= 0.5:
        return False
    has_headline = any(c.where == "headline" for c in ex.rubric) and is_headline(reading.headline)
    if not reading.sentences and not has_headline:
        return False
    return reading.words >= (3 if has_headline else max(4, ex.min_words // 2))


def check(
    ex: Exercise,
    answer: Any,
    *,
    passage: Passage | None = None,
    tries: int = 1,
    report_labels: Sequence[str] = (),
) -> CheckResult:
    text = answer if isinstance(answer, str) else ""
    if not words(text):
        return CheckResult(
            ex.id, "incomplete", "Write your answer in the box, then press Save.", tries=tries
        )
    reading, marks, reasons = assess(ex, text)
    real = real_attempt(ex, reading)
    model = ex.model_answer if real else None
    later = "" if real else " The model answer appears once you have written your own."
    hint = hint_for(ex, tries)
    if reading.copied >= 0.5:
        return CheckResult(
            ex.id,
            "revise",
            "Saved, but most of it repeats the question. Answer it in your own words." + later,
            hint=hint,
            rubric=marks,
            tries=tries,
        )
    headline = any(c.where == "headline" for c in ex.rubric)
    if not reading.sentences and not (headline and real) and reading.words >= 4:
        return CheckResult(
            ex.id,
            "revise",
            "Saved. Write your answer in sentences: a list of words is not yet an answer." + later,
            hint=hint,
            rubric=marks,
            tries=tries,
        )
    if reading.words < ex.min_words:
        return CheckResult(
            ex.id,
            "revise",
            f"Your answer has {reading.words} words of your own; say a little more (about "
            f"{ex.min_words} or more)." + later,
            hint=hint,
            rubric=marks,
            model_answer=model,
            tries=tries,
        )
    missing = [
        c for (c, ok), crit in zip(marks, ex.rubric, strict=True) if crit.required and not ok
    ]
    seen = sum(1 for _, ok in marks if ok)
    if not missing and seen >= ex.min_criteria:
        return CheckResult(
            ex.id,
            "submitted",
            "Compare it with the model answer below.",
            rubric=marks,
            model_answer=ex.model_answer,
            explanation=ex.explanation or None,
            tries=tries,
        )
    msg = "Saved. Check your answer against the points below and the model answer."
    if headline:
        msg = f"Saved. I read your headline as: '{reading.headline.rstrip('.!?;:')}'."
        if reasons:
            why = "; ".join(reasons)
            msg += " " + why[0].upper() + why[1:] + "."
    return CheckResult(
        ex.id, "revise", msg + later, hint=hint, rubric=marks, model_answer=model, tries=tries
    )


def key_answer(
    ex: Exercise, passage: Passage | None = None, *, report_labels: Sequence[str] = ()
) -> Any:
    return ex.model_answer


def wrong_answers(ex: Exercise, passage: Passage | None = None) -> list[Any]:
    """Answers that must not count as done: too short, the prompt copied back, and the rubric's
    keywords listed (padded to the length asked for) with no sentence around them."""
    keywords = [k for c in ex.rubric for k in c.keywords[:2]] or ["answer"]
    listed = ", ".join(keywords)
    while len(words(listed)) < max(ex.min_words, 8):
        listed += ", " + ", ".join(keywords)
    return ["I don't know.", "ok", ex.prompt, listed]


# --------------------------------------------------------------------------- widget


def text_area(w: ExerciseWidget) -> list[Any]:
    """A box for a few lines of text (shared with polls that have no options)."""
    import ipywidgets as W

    area = W.Textarea(
        value="", placeholder="Write here…", layout=W.Layout(width="100%", height="7em")
    )
    w.controls["answer"] = area
    return [area]


def build(w: ExerciseWidget) -> list[Any]:
    return text_area(w)


def read(w: ExerciseWidget) -> Any:
    return w.controls["answer"].value


def write(w: ExerciseWidget, answer: Any) -> None:
    w.controls["answer"].value = answer or ""
