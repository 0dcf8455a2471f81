"""Passages and spans: the words of a passage, where a phrase occurs in a report, and the
passage of an exercise inside a report's text."""

from __future__ import annotations

import re
from collections.abc import Iterable

from .model import Exercise, ExerciseError, Passage, Span, Token

# --------------------------------------------------------------------------- passages & spans


EDGE_PUNCT = "\"'“”‘’«»()[]{}<>,.;:!?…*–—-/|#"


def tokenize(passage: str) -> list[Token]:
    """Split a passage into words; each word's span leaves out surrounding punctuation.

    A chunk made only of punctuation ("–", "….", "*") is kept as a non-selectable token so
    that the passage can be shown whole.
    """
    tokens = []
    for m in re.finditer(r"\S+", passage):
        chunk = m.group()
        lead = len(chunk) - len(chunk.lstrip(EDGE_PUNCT))
        core = chunk.strip(EDGE_PUNCT)
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


def locate_words(text: str, phrase: str) -> list[Span]:
    """Every occurrence of ``phrase`` in ``text`` as whole words, never inside a longer word:
    "key" is found in "a key town" but not in "Turkey", "Idlib" not in "Idlibs"."""
    if not phrase.strip():
        return []
    pattern = _ws_pattern(phrase).pattern
    if re.match(r"\w", phrase.strip()[0]):
        pattern = r"(?<!\w)" + pattern
    if re.match(r"\w", phrase.strip()[-1]):
        pattern += r"(?!\w)"
    return [(m.start(), m.end()) for m in re.finditer(pattern, text)]


def find_spans(passage: str, phrases: Iterable[str]) -> list[Span]:
    """Every occurrence of every phrase in the passage, as whole words, as (start, end) spans."""
    spans: list[Span] = []
    for ph in phrases:
        spans += locate_words(passage, ph)
    return sorted(set(spans))


# Words that carry no meaning of their own: marking one is never a mark for the phrase it sits
# in ("the" of "the regime" finds nothing), and one left over beside a phrase is not an error.
FUNCTION_WORDS = frozenset(
    """
a an the this that these those some any each every no
of in on at to for from by with without about into onto over under after before between
through during against among across along around near off out up down than as per via
and or but nor so yet if then because while whether though although
i me my we us our you your he him his she her it its they them their one ones
is am are was were be been being do does did has have had will would shall should can could
may might must not
""".split()
)


def is_function_word(word: str) -> bool:
    return word.strip(EDGE_PUNCT).lower().replace("’", "'") in FUNCTION_WORDS


def overlaps(a: Span, b: Span) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def clip_spans(spans: Iterable[Span], start: int, end: int) -> tuple[Span, ...]:
    """Spans of a whole text that touch [start, end), clipped and made relative to ``start``."""
    out = []
    for s, e in spans:
        if s < end and start < e:
            out.append((max(s, start) - start, min(e, end) - start))
    return tuple(sorted(set(out)))


def passage_for(
    ex: Exercise,
    text: str | None = None,
    *,
    machine: Iterable[Span] | None = None,
    report: str | None = None,
) -> Passage:
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
    return Passage(
        text=body,
        offset=offset,
        machine=None if machine is None else tuple(machine),
        report=report or ex.report,
    )
