"""Quote marks: pair them up and tell quotations from scare quotes and titles.

``quoted_spans(text)`` needs only the text (no model), so any part of the kit can call it.
Marks are paired the way a careful reader does it:

- straight ``"`` and ``'``, curly ``“ ” ‘ ’``, low ``„ ‚`` and guillemets ``« »`` all count, and a
  pair may be mismatched (``“...."`` or ``"...”``) as real copy often is;
- whether a mark opens or closes comes from what stands on each side of it (space before and a
  letter after: it opens), the glyph decides only when the sides do not;
- an apostrophe inside a word (``country’s``, ``wasn't``, ``Ma’arat``) never opens or closes a
  quote, and a trailing one (``rebels'``) closes only a single quote that is open;
- a quote does not run across a paragraph, except that a paragraph which opens a quote and
  leaves it open continues into the next paragraph if that one opens again (the newspaper
  convention for long quotations).

Each span gets a ``kind``:

- ``"quote"``: someone's words. Evidence: the marked text reads like speech (a clause, several
  words, first or second person, sentence punctuation inside), stands on its own line (a pull
  quote), or sits next to a reporting verb ("said", "warned", "described as", "told").
- ``"scare"``: a short phrase of the reporter's own sentence set apart to keep a distance
  (the ‘moderate’ rebels, a 'humanitarian ceasefire'). When a report uses double marks for
  its quotations, short single-marked phrases are scare quotes.
- ``"title"``: the name of a work (a book, film, report, programme) in Title Case, after a word
  such as "titled", "book" or "film".
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from ._spans import Breaks, SpanIndex

QUOTE_KINDS: tuple[str, ...] = ("quote", "scare", "title")

DOUBLE_MARKS = '"“”„«»‟〝〞'
SINGLE_MARKS = "'‘’‚‹›‛"
OPENING_GLYPHS = "“„«‘‚‹‟‛〝"
CLOSING_GLYPHS = "”»’›〞"

_TITLE_CUES = frozenset(
    """titled entitled called named dubbed book books novel film films movie documentary
    song album single show series programme program episode play opera report article essay
    column headline poem painting exhibition campaign slogan motto hashtag""".split()
)
_SPEECH_PRONOUNS = frozenset("i i'm i’m we we're we’re me us my our ours you your yours".split())
_BE_FORMS = frozenset("is are was were be been being".split())
# words that open a noun phrase: single-marked words right after them are the reporter's own
# phrase held at a distance ("the next 'humanitarian ceasefire'"), not someone's words
_NOUN_PHRASE_OPENERS = frozenset(
    "the a an this that these those its their his her our your next new latest so-called".split()
)
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*|\d+", re.UNICODE)


@dataclass(frozen=True)
class QuotedSpan:
    """A pair of quote marks: ``start``/``end`` include the marks, ``inner_*`` exclude them."""

    start: int
    end: int
    inner_start: int
    inner_end: int
    kind: str
    text: str

    def to_dict(self) -> dict[str, object]:
        return {
            "start": self.start,
            "end": self.end,
            "inner_start": self.inner_start,
            "inner_end": self.inner_end,
            "kind": self.kind,
            "text": self.text,
        }


@lru_cache(maxsize=1)
def _default_cues() -> frozenset[str]:
    """Surface forms of the reporting verbs in the data file (say -> say, says, said, saying)."""
    from .speech import REPORTING_VERBS

    return frozenset(_inflect(REPORTING_VERBS))


@lru_cache(maxsize=1)
def _label_cues() -> frozenset[str]:
    """Surface forms of the label verbs ("dismissed", "hailed"), cues only before "as"."""
    from .speech import LABEL_VERBS

    return frozenset(_inflect(LABEL_VERBS))


_IRREGULAR = {
    "say": ["says", "said", "saying"],
    "tell": ["tells", "told", "telling"],
    "write": ["writes", "wrote", "written", "writing"],
    "speak": ["speaks", "spoke", "spoken"],
    "forecast": ["forecasts", "forecast"],
}


def _inflect(lemmas: Iterable[str]) -> list[str]:
    out: list[str] = []
    for lemma in lemmas:
        if " " in lemma:
            continue  # a phrasal verb ("point out"): its verb alone is no cue
        out.append(lemma)
        if lemma in _IRREGULAR:
            out.extend(_IRREGULAR[lemma])
            continue
        if re.fullmatch(r"[^aeiou]*[aeiou][bdgklmnprt]|.*(?:mit|fer|cur|pel)", lemma):
            # one-syllable verbs and stressed endings double the consonant (slammed, admitted);
            # the plain forms are kept too, for the exceptions (visited, offered)
            out += [
                lemma + "s",
                lemma + lemma[-1] + "ed",
                lemma + lemma[-1] + "ing",
                lemma + "ed",
                lemma + "ing",
            ]
            continue
        if lemma.endswith("e"):
            out += [lemma + "s", lemma + "d", lemma[:-1] + "ing"]
        elif lemma.endswith("y") and lemma[-2:-1] not in "aeiou":
            out += [lemma[:-1] + "ies", lemma[:-1] + "ied", lemma + "ing"]
        elif re.search(r"(s|sh|ch|x|z)$", lemma):
            out += [lemma + "es", lemma + "ed", lemma + "ing"]
        else:
            out += [lemma + "s", lemma + "ed", lemma + "ing"]
    out += ["according", "described", "quoted", "quoting", "calling", "called", "told", "asked"]
    return out


@dataclass
class _Mark:
    pos: int
    char: str
    double: bool
    can_open: bool
    can_close: bool
    possessive: bool = False


def _is_letter(ch: str) -> bool:
    return ch.isalnum()


def _classify_mark(text: str, i: int) -> _Mark | None:
    ch = text[i]
    double = ch in DOUBLE_MARKS
    before = text[i - 1] if i > 0 else "\n"
    after = text[i + 1] if i + 1 < len(text) else "\n"
    if not double:
        # apostrophes: inside a word (wasn't, country’s, Ma'arat), or an elision like '90s
        if _is_letter(before) and _is_letter(after):
            return None
    space_before = (
        before.isspace() or before in "([{—–-/:;" or (before in DOUBLE_MARKS + SINGLE_MARKS)
    )
    space_after = (
        after.isspace() or after in ")]}.,;:!?—–-…" or after in DOUBLE_MARKS + SINGLE_MARKS
    )
    can_open = space_before and not after.isspace()
    can_close = not before.isspace() and (space_after or not _is_letter(after))
    if can_open and can_close:
        # both sides are punctuation or a line edge: let the glyph decide
        if ch in OPENING_GLYPHS:
            can_close = False
        elif ch in CLOSING_GLYPHS:
            can_open = False
    if not can_open and not can_close:
        if ch in OPENING_GLYPHS:
            can_open = True
        elif ch in CLOSING_GLYPHS:
            can_close = True
        elif double:
            can_open = can_close = True
        else:
            return None
    # rebels' families: a plural possessive looks like a closing single mark
    possessive = (
        not double and before.lower() == "s" and after == " " and text[i + 2 : i + 3].isalpha()
    )
    return _Mark(i, ch, double, can_open, can_close, possessive)


def _pair(
    text: str, marks: list[_Mark], double: bool, breaks: Breaks | None = None
) -> list[tuple[int, int]]:
    """Pair marks of one family (double or single); returns (open_pos, close_pos) pairs."""
    breaks = breaks if breaks is not None else Breaks(text)
    pairs: list[tuple[int, int]] = []
    open_at: int | None = None
    family = [m for m in marks if m.double == double]
    later = _later_closes(family, breaks)
    for k, m in enumerate(family):
        if open_at is not None and breaks.within(open_at, m.pos):
            # a paragraph ended while a quote was open
            para_end = breaks.next(open_at)
            if m.can_open and double and _opens_paragraph(text, m.pos):
                # long quotation: this paragraph continues the quote; close the previous one
                pairs.append((open_at, -para_end))
                open_at = m.pos
                continue
            open_at = None
        if open_at is None:
            if m.can_open:
                open_at = m.pos
        elif m.can_close:
            if m.possessive and later[k]:
                continue  # "the rebels’ families": a possessive, the quote closes later
            pairs.append((open_at, m.pos))
            open_at = None
        elif m.can_open and not double:
            open_at = m.pos
    return pairs


def _later_closes(family: list[_Mark], breaks: Breaks) -> list[bool]:
    """For each mark: does a plain closing mark follow in the same paragraph before any opening
    one? (Possessive marks in between are passed over.) One backward pass over the family."""
    out = [False] * len(family)
    decisive: _Mark | None = None  # the next mark after k that is not a possessive closing one
    for k in range(len(family) - 1, -1, -1):
        m = family[k]
        if decisive is not None:
            plain_close = decisive.can_close and not decisive.possessive and not decisive.can_open
            out[k] = plain_close and not breaks.within(m.pos, decisive.pos)
        if m.can_open or not m.possessive:
            decisive = m
    return out


def _opens_paragraph(text: str, pos: int) -> bool:
    line_start = text.rfind("\n", 0, pos) + 1
    return text[line_start:pos].strip() == ""


def _words(s: str) -> list[str]:
    return _WORD.findall(s)


# How far the sentence around a pair of marks is read on each side: a news sentence is well
# under this, and a bound keeps a report without full stops (a pasted list) linear.
_CONTEXT = 1000
_SENTENCE_STOP = re.compile(r"\n|[.!?](?=\s|\Z)")


def _sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence (roughly) around [start, end): stops at . ! ? and line breaks."""
    left = start
    while left > 0:
        c = text[left - 1]
        if c == "\n" or (c in ".!?" and left < len(text) and text[left].isspace()):
            break
        left -= 1
    right = end
    while right < len(text):
        c = text[right]
        if c == "\n" or (c in ".!?" and (right + 1 >= len(text) or text[right + 1].isspace())):
            break
        right += 1
    return left, right


class _Sentences:
    """Where sentences (roughly) stop in a text: what :func:`_sentence_bounds` finds by
    scanning, found once for the whole text and then by binary search."""

    def __init__(self, text: str) -> None:
        self.n = len(text)
        self.stops = [m.start() for m in _SENTENCE_STOP.finditer(text)]

    def bounds(self, start: int, end: int) -> tuple[int, int]:
        k = bisect_right(self.stops, start - 1)  # a stop at start-1 ends the previous sentence
        left = self.stops[k - 1] + 1 if k > 0 else 0
        j = bisect_left(self.stops, end)
        right = self.stops[j] if j < len(self.stops) else self.n
        return left, right


def _own_line(text: str, o: int, c: int) -> bool:
    """Only white space before the opening mark on its line, only " .," after the closing one
    (scanning the white space next to the marks only, not the line)."""
    i = o - 1
    while i >= 0 and text[i] != "\n":
        if not text[i].isspace():
            return False
        i -= 1
    j = c + 1
    while j < len(text) and text[j] != "\n":
        if text[j] not in " .,":
            return False
        j += 1
    return True


def _kind(
    text: str,
    o: int,
    c: int,
    double: bool,
    cues: frozenset[str],
    doubles_quote: bool,
    sentences: _Sentences | None = None,
) -> str:
    inner = text[o + 1 : c]
    words = _words(inner)
    low = [w.lower() for w in words]
    own_line = _own_line(text, o, c)
    if sentences is not None:
        s_left, s_right = sentences.bounds(o, c + 1)
    else:
        s_left, s_right = _sentence_bounds(text, o, c + 1)
    before = text[max(s_left, o - _CONTEXT) : o]
    after = text[c + 1 : min(s_right, c + 1 + _CONTEXT)]
    before_words = [w.lower() for w in _words(before)]
    after_words = [w.lower() for w in _words(after)]
    cue_before = any(w in cues for w in before_words)
    cue_near_before = any(w in cues for w in before_words[-4:])
    cue_after = any(w in cues for w in after_words[:4])
    # titles: Title Case after a cue word like "book" or "titled"
    caps = [w for w in words if len(w) > 3]
    if (
        words
        and before_words
        and before_words[-1] in _TITLE_CUES
        and caps
        and all(w[0].isupper() for w in caps)
        and not inner.rstrip().endswith((",", "."))
        and not cue_after
    ):
        return "title"
    speechlike = (
        len(words) >= 6
        or any(w in _SPEECH_PRONOUNS for w in low)
        or bool(re.search(r"[.!?…,]\s*$", inner))
        or bool(re.search(r"[.!?]\s+\S", inner))
    )
    # "so-called": the writer's own distancing word, whatever follows it
    if re.search(r"\bso[- ]called\s*$", before, re.I):
        return "scare"
    if own_line and len(words) >= 2:
        return "quote"
    if speechlike and (len(words) >= 3 or cue_before or cue_after):
        return "quote"
    # a short phrase: a quote only when a reporting verb governs it nearby, and only in the
    # family of marks the report uses for quotations
    if not double and doubles_quote:
        return "scare"
    # "dismissed the figure as "fantasy"": a label verb with "as" pins the words on its
    # subject; a passive with no "by" ("were described as 'fees'") pins them on no one
    if before_words and before_words[-1] == "as":
        k = next(
            (
                i
                for i in range(len(before_words) - 2, max(-1, len(before_words) - 7), -1)
                if before_words[i] in _label_cues()
            ),
            None,
        )
        passive = k is not None and k > 0 and before_words[k - 1] in _BE_FORMS
        if k is not None and (not passive or re.search(r"\bby\b", after[:40])):
            return "quote"
    # "according to X" after a short phrase attributes the reporter's whole sentence, not the
    # marked words (the public "consultation", according to documents)
    if (
        cue_after
        and after_words[:1] == ["according"]
        and not speechlike
        and not before.rstrip().endswith((":", ","))
        and before.strip()
    ):
        cue_after = False
    if cue_after and re.match(r"^\s*[,:]?\s*\S", after):
        return "quote"
    # the family of marks the report quotes with: double marks, or single marks in a report
    # that quotes with single marks only ('deeply ashamed' after "insisted her client was")
    quoting_family = (
        double
        or not doubles_quote
        and not (before_words and before_words[-1] in _NOUN_PHRASE_OPENERS)
    )
    if quoting_family and (cue_near_before or (cue_before and len(words) >= 2)):
        return "quote"
    if double and re.search(r"\bby\s+(?:the|a|an|one)\b", after[:30]) and cue_before:
        return "quote"
    if before.rstrip().endswith(":") and cue_before:
        return "quote"
    return "scare"


def quoted_spans(text: str, *, cues: Iterable[str] | None = None) -> list[QuotedSpan]:
    """Every pair of quote marks in ``text``, in order, with its kind (quote, scare, title).

    ``cues`` are the word forms that count as reporting verbs (default: the kit's reporting
    verbs in every inflection). Nested single marks inside a double-marked quotation are a
    quote within the quote and are not listed.
    """
    cue_set = _default_cues() if cues is None else frozenset(c.lower() for c in cues)
    return list(_quoted_spans(text, cue_set))


_MARK_RE = re.compile("[" + re.escape(DOUBLE_MARKS + SINGLE_MARKS) + "]")


@lru_cache(maxsize=4)
def _quoted_spans(text: str, cue_set: frozenset[str]) -> tuple[QuotedSpan, ...]:
    """quoted_spans, remembered for the last few texts: several extractors ask for the same
    report's spans. Linear in the text (plus a logarithm): every look-around is bounded."""
    marks = [
        m
        for x in _MARK_RE.finditer(text)
        for m in [_classify_mark(text, x.start())]
        if m is not None
    ]
    breaks = Breaks(text)
    dpairs = _pair(text, marks, True, breaks)
    covered = SpanIndex((o + 1, abs(c)) for o, c in dpairs)  # strictly inside a double pair
    smarks = [m for m in marks if not m.double and not covered.covers(m.pos)]
    spairs = _pair(text, smarks, False, breaks)
    # which family does this report use for its quotations?
    doubles_quote = any(len(_words(text[o + 1 : abs(c)])) >= 4 for o, c in dpairs)
    sentences = _Sentences(text)
    out: list[QuotedSpan] = []
    for pairs, double in ((dpairs, True), (spairs, False)):
        for o, c in pairs:
            if c < 0:  # a paragraph of a long quotation, closed by the paragraph end
                end = -c
                inner_end = end
                while inner_end > o + 1 and text[inner_end - 1].isspace():
                    inner_end -= 1
                kind = "quote"
                outer_end = inner_end
            else:
                inner_end = c
                outer_end = c + 1
                kind = _kind(text, o, c, double, cue_set, doubles_quote, sentences)
            inner_start = o + 1
            if not text[inner_start:inner_end].strip():
                continue
            out.append(
                QuotedSpan(
                    start=o,
                    end=outer_end,
                    inner_start=inner_start,
                    inner_end=inner_end,
                    kind=kind,
                    text=text[inner_start:inner_end],
                )
            )
    out.sort(key=lambda q: q.start)
    return tuple(out)
