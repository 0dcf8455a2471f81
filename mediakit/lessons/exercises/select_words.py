"""Mark the words in the text: the learner selects words of a passage.

"Correct the machine" exercises are select-the-words exercises with a ``machine`` layer: the
answer key is *computed at run time* by comparing what a person marked (the exercise's
``answer``) with what the kit itself found in the passage (:class:`Passage.machine`). The
learner marks what the kit missed (``mode = "missed"``), what it marked wrongly
(``"wrong"``), or both. If the kit gets the passage right, the right answer is to say so.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ...views.render import esc
from .model import (
    MACHINE_LAYERS,
    MACHINE_MODES,
    CheckResult,
    Exercise,
    ExerciseError,
    Passage,
    Selection,
    Span,
    Token,
    explanation_for,
    hint_for,
    text_tuple,
)
from .passages import (
    EDGE_PUNCT,
    find_spans,
    is_function_word,
    locate_words,
    overlaps,
    passage_for,
    tokenize,
)

if TYPE_CHECKING:
    from .widget import ExerciseWidget

TYPE = "select_words"
LABEL = "Mark the words in the text"
BUTTON = "Check"
KEYS = frozenset(
    {
        "report",
        "passage",
        "text",
        "answer",
        "accept",
        "match",
        "machine",
        "mode",
        "machine_note",
        "hints",
    }
)
PASSAGE = True


def answer_from_file(value: Any, where: str) -> tuple[str, ...]:
    """``answer = ["words", ...]`` (or one phrase): the words to mark, as in the passage."""
    return text_tuple(value, where, "answer")


MARK_STYLE = "background:#F0E442;border-bottom:2px dashed #000;padding:0 1px;"


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
        m
        for m in machine
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
    return Expected(
        items=items, accept=accept, gold=gold, missed=missed, wrong=wrong, machine=machine
    )


def validate(ex: Exercise, where: str) -> None:
    if ex.text is None and (ex.report is None or ex.passage is None):
        raise ExerciseError(f"In {where}, give report and passage, or text.")
    if not ex.answer and ex.machine is None:
        raise ExerciseError(f'In {where}, a select_words exercise needs answer = ["words", ...].')
    passage = ex.text if ex.text is not None else ex.passage or ""
    for phrase in (*(ex.answer or ()), *ex.accept):
        if not locate_words(passage, phrase):
            raise ExerciseError(
                f"In {where}, '{phrase}' does not occur in the passage as whole words."
            )
    if ex.match not in ("all", "any"):
        raise ExerciseError(f'In {where}, match must be "all" or "any".')
    if ex.machine is not None:
        if ex.machine not in MACHINE_LAYERS:
            raise ExerciseError(f"In {where}, machine must be one of {', '.join(MACHINE_LAYERS)}.")
        if ex.mode not in MACHINE_MODES:
            raise ExerciseError(f"In {where}, mode must be one of {', '.join(MACHINE_MODES)}.")
    if not ex.hints:
        raise ExerciseError(f"In {where}, give at least one hint.")


def _quote_spans(passage: str, spans: Iterable[Span], limit: int = 8) -> str:
    words = [f"“{passage[s:e].strip()}”" for s, e in spans][:limit]
    return ", ".join(words) if words else "nothing"


def _selected_tokens(tokens: Sequence[Token], sel: Selection) -> list[Token]:
    return [
        t for t in tokens if t.selectable and any(overlaps((t.start, t.end), s) for s in sel.spans)
    ]


def item_found(tokens: Sequence[Token], item: Span, chosen: Sequence[Token]) -> bool:
    """Whether the learner found one phrase: at least half of its words, counting only the words
    that carry meaning ("the" of "the regime" is never a free mark). A phrase made only of
    function words must be marked whole."""
    item_tokens = [t for t in tokens if t.selectable and overlaps((t.start, t.end), item)]
    content = [t for t in item_tokens if not is_function_word(t.text)] or item_tokens
    hit = [t for t in content if t in chosen]
    return bool(content) and 2 * len(hit) >= len(content)


def _beside(tokens: Sequence[Token], tok: Token, allowed: Sequence[Span]) -> bool:
    """A function word right next to a phrase of the answer (or next to another such word that
    is): marking "the" with "regime" is not an error, only never a mark of its own."""
    if not is_function_word(tok.text):
        return False
    i = tokens.index(tok)
    for step in (-1, 1):
        j = i + step
        while 0 <= j < len(tokens):
            t = tokens[j]
            if not t.selectable:
                break
            if any(overlaps((t.start, t.end), a) for a in allowed):
                return True
            if not is_function_word(t.text):
                break
            j += step
    return False


LAYER_NOUNS = {
    "quotes": "words someone said",
    "quote_speakers": "a speaker",
    "attributions": "a source",
    "figures": "a figure",
    "loaded_terms": "loaded wording",
    "boilerplate": "boilerplate",
    "shared_passages": "text shared with another report",
}


def sentence_start(text: str, pos: int, n: int = 6) -> str:
    """The first few words of the sentence (or line) that contains ``pos``."""
    starts = [m.end() for m in re.finditer(r"[.!?…][\"'”’)]*\s+|\n+", text[:pos])]
    begin = starts[-1] if starts else 0
    ws = text[begin:].split()[:n]
    return " ".join(ws).rstrip(",;:") + ("…" if len(text[begin:].split()) > n else "")


def machine_hint(
    ex: Exercise,
    exp: Expected,
    text: str,
    tokens: Sequence[Token],
    chosen: Sequence[Token],
    unfound: Sequence[Span],
    tries: int,
) -> str:
    """A hint that points at the kit's actual error in this passage (one at a time), computed
    from the kit's marks and a person's: never the written list of the whole answer."""
    noun = LAYER_NOUNS.get(ex.machine or "", "a mark")
    right_marks = [m for m in (exp.machine or ()) if m not in exp.wrong]
    agreed = [
        t
        for t in chosen
        if any(overlaps((t.start, t.end), m) for m in right_marks)
        and not any(overlaps((t.start, t.end), i) for i in exp.items)
    ]
    if agreed:
        word = agreed[0].text.strip(EDGE_PUNCT)
        return (
            f"Your mark on “{word}”: the kit marked that too, and a person would agree. "
            "Mark only what the kit got wrong or missed."
        )
    if not exp.items:
        n = len(exp.machine or ())
        return (
            f"Compare each of the kit's {n} {'mark' if n == 1 else 'marks'} with the passage: "
            f"is any of them not {noun}, and is any {noun} left unmarked?"
        )
    target = unfound[0] if unfound else exp.items[0]
    if target in exp.wrong:
        word = " ".join(text[target[0] : target[1]].split())
        return f"The kit's mark on “{word}” is the one to check: is it really {noun}?"
    where = sentence_start(text, target[0])
    if tries <= 1:
        return f"Look at the sentence that starts “{where}”: the kit left {noun} there unmarked."
    before = [t for t in tokens if t.selectable and t.end <= target[0]]
    starts = [m.end() for m in re.finditer(r"[.!?…][\"'”’)]*\s+|\n+", text[: target[0]])]
    begin = starts[-1] if starts else 0
    before = [t for t in before if t.start >= begin][-2:]
    if not before:
        return f"In the sentence that starts “{where}”, the kit missed {noun} right at the start."
    after = " ".join(t.text for t in before)
    return f"In the sentence that starts “{where}”, the kit missed {noun} just after “{after}”."


def _check(ex: Exercise, answer: Any, passage: Passage, tries: int) -> CheckResult:
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
    found = [item_found(tokens, item, chosen) for item in exp.items]
    unfound = [i for i, f in zip(exp.items, found, strict=True) if not f]

    def hint() -> str | None:
        if ex.machine is None:
            return hint_for(ex, tries)
        return machine_hint(ex, exp, text, tokens, chosen, unfound, tries)

    if sel.nothing and chosen:
        return CheckResult(
            ex.id,
            "wrong",
            "You marked words and also said there is nothing to mark; choose one.",
            hint=hint(),
            tries=tries,
        )
    if sel.nothing:
        if not exp.items:
            return CheckResult(
                ex.id,
                "correct",
                "Right: this time the kit got this passage right.",
                explanation=explanation_for(ex),
                details=details,
                tries=tries,
            )
        return CheckResult(
            ex.id, "wrong", "There is something to mark here; look again.", hint=hint(), tries=tries
        )
    if not exp.items:
        return CheckResult(
            ex.id,
            "wrong",
            "Look again: compare each mark of the kit with the passage, word by word.",
            hint=hint(),
            tries=tries,
        )
    allowed = (*exp.items, *exp.accept)
    extra = [
        t
        for t in chosen
        if not any(overlaps((t.start, t.end), a) for a in allowed)
        and not _beside(tokens, t, allowed)
    ]
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
        return CheckResult(
            ex.id, "correct", msg, explanation=explanation_for(ex), details=details, tries=tries
        )
    parts = []
    if ex.match == "all":
        parts.append(f"You found {n_found} of {len(exp.items)}.")
    elif n_found == 0:
        parts.append("None of your marks is one of the words asked for.")
    if extra:
        words = ", ".join(f"“{t.text.strip(EDGE_PUNCT)}”" for t in extra[:6])
        parts.append(f"These marked words are not part of the answer: {words}.")
    return CheckResult(ex.id, "wrong", " ".join(parts), hint=hint(), tries=tries)


def check(
    ex: Exercise,
    answer: Any,
    *,
    passage: Passage | None = None,
    tries: int = 1,
    report_labels: Sequence[str] = (),
) -> CheckResult:
    if passage is None:
        passage = passage_for(ex) if ex.text is not None and ex.machine is None else None
    if passage is None:
        raise ExerciseError(f"Exercise {ex.id} needs its passage to be checked.")
    return _check(ex, answer, passage, tries)


def key_answer(
    ex: Exercise, passage: Passage | None = None, *, report_labels: Sequence[str] = ()
) -> Any:
    assert passage is not None, "select_words needs its passage"
    exp = expected(ex, passage)
    if not exp.items:
        return Selection(nothing=True)
    tokens = tokenize(passage.text)
    spans = tuple(
        (t.start, t.end)
        for t in tokens
        if t.selectable and any(overlaps((t.start, t.end), i) for i in exp.items)
    )
    return Selection(spans=spans)


def wrong_answers(ex: Exercise, passage: Passage | None = None) -> list[Any]:
    assert passage is not None
    tokens = [t for t in tokenize(passage.text) if t.selectable]
    exp = expected(ex, passage)
    everything = Selection(spans=tuple((t.start, t.end) for t in tokens))
    if not exp.items:
        return [everything, Selection(spans=((tokens[0].start, tokens[0].end),))]
    outside = [
        t
        for t in tokens
        if not any(overlaps((t.start, t.end), a) for a in (*exp.items, *exp.accept))
    ]
    out = [Selection(nothing=True)]
    if outside:
        out.append(everything)
        out.append(Selection(spans=((outside[0].start, outside[0].end),)))
    if ex.match == "all" and len(exp.items) > 1:
        first = exp.items[0]
        out.append(
            Selection(
                spans=tuple((t.start, t.end) for t in tokens if overlaps((t.start, t.end), first))
            )
        )
    return out


# --------------------------------------------------------------------------- widget


MACHINE_CLASS = "mk-machine"
# the kit's marks on the word buttons: a yellow tint and a dashed underline, kept when the learner
# marks the word too (then the button also shows its check mark), so the two never look alike
MACHINE_CSS = (
    ".mediakit-passage .mk-machine { background-image: linear-gradient(#F0E442, #F0E442) !important; "
    "background-size: 100% 100%; border-bottom: 3px dashed #000 !important; }"
    ".mediakit-passage .mk-machine.mod-warning { background-image: none !important; }"
)


def machine_marks_html(passage: Passage) -> str:
    """The key line above a correct-the-machine passage: the kit's own marks are shown once, on
    the word buttons themselves (see :func:`machine_words`), so this says how they look and how
    many there are, and lists them in words for screen readers and print."""
    text = passage.text
    # a mark inside another mark (a 'read more' line inside a longer boilerplate stretch) is
    # one stretch of tinted words on the page: list it once
    every = sorted(set(passage.machine or ()))
    spans = [m for m in every if not any(o != m and o[0] <= m[0] and m[1] <= o[1] for o in every)]
    n = len(spans)
    listed = "; ".join(f"\u2018{esc(' '.join(text[s:e].split()))}\u2019" for s, e in spans)
    return (
        f"<style>{MACHINE_CSS}</style>"
        f'<div class="mediakit-machine"><p><strong>What the kit marked</strong>: '
        f'the words with <span style="{MARK_STYLE}">a yellow tint and a dashed underline</span> '
        f"below ({n} {'mark' if n == 1 else 'marks'}"
        + (f": {listed}" if listed else "")
        + ").</p></div>"
    )


def machine_words(passage: Passage, tokens: Sequence[Token]) -> list[bool]:
    """For each token of the passage, whether it lies in one of the kit's marks."""
    spans = passage.machine or ()
    return [any(overlaps((t.start, t.end), m) for m in spans) for t in tokens]


def _on_toggle(change: dict[str, Any]) -> None:
    b = change["owner"]
    b.icon = "check" if change["new"] else ""
    b.button_style = "warning" if change["new"] else ""


def build(w: ExerciseWidget) -> list[Any]:
    import ipywidgets as W

    ex, passage = w.exercise, w.passage
    assert passage is not None, "a select-the-words exercise needs its passage"
    parts: list[Any] = []
    if ex.corrects_machine:
        w.controls["machine"] = W.HTML(machine_marks_html(passage))
        parts.append(w.controls["machine"])
    tokens = tokenize(passage.text)
    marked = machine_words(passage, tokens) if ex.corrects_machine else [False] * len(tokens)
    buttons: list[Any] = []
    children: list[Any] = []
    prev_end = 0
    for t, kit in zip(tokens, marked, strict=True):
        gap = passage.text[prev_end : t.start]
        if "\n" in gap and children:
            children.append(W.Box(layout=W.Layout(width="100%", height="2px")))
        prev_end = t.end
        if not t.selectable:
            style = f' style="{MARK_STYLE}"' if kit else ""
            children.append(
                W.HTML(f"<span{style}>{esc(t.text)}</span>", layout=W.Layout(margin="0 2px"))
            )
            continue
        b = W.ToggleButton(
            value=False,
            description=t.text,
            tooltip=(
                "the kit marked this word; click to mark it" if kit else "click to mark this word"
            ),
            layout=W.Layout(width="auto", margin="1px", padding="0 4px", height="auto"),
        )
        if kit:
            b.add_class(MACHINE_CLASS)
        b.span = (t.start, t.end)
        b.observe(_on_toggle, names="value")
        buttons.append(b)
        children.append(b)
    w.controls["tokens"] = buttons
    box = W.Box(
        children,
        layout=W.Layout(display="flex", flex_flow="row wrap", align_items="center", margin="4px 0"),
    )
    box.add_class("mediakit-passage")
    parts.append(
        W.HTML(
            "<p><small>Click a word to mark it (marked words show ✓); "
            "click again to unmark.</small></p>"
        )
    )
    parts.append(box)
    if ex.corrects_machine or ex.match == "any":
        label = (
            "Nothing to mark: the kit got this passage right"
            if ex.corrects_machine
            else "Nothing to mark here"
        )
        nothing = W.Checkbox(
            value=False, description=label, indent=False, layout=W.Layout(width="auto")
        )
        w.controls["nothing"] = nothing
        parts.append(nothing)
    return parts


def read(w: ExerciseWidget) -> Any:
    c = w.controls
    spans = tuple(b.span for b in c["tokens"] if b.value)
    nothing = bool(c["nothing"].value) if "nothing" in c else False
    return Selection(spans=spans, nothing=nothing)


def write(w: ExerciseWidget, answer: Any) -> None:
    c = w.controls
    sel = Selection.from_json(answer)
    for b in c["tokens"]:
        b.value = any(s <= b.span[0] and b.span[1] <= e for s, e in sel.spans)
    if "nothing" in c:
        c["nothing"].value = sel.nothing
