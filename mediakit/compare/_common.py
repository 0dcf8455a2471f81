"""Helpers shared by the comparisons: word lists, words with offsets, sentences, side names."""

from __future__ import annotations

import re
import tomllib
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from ..cases.case import Case, Report


@lru_cache(maxsize=1)
def lexicon() -> dict[str, Any]:
    """The comparison word lists (``mediakit/data/compare/lexicon.toml``)."""
    raw = (resources.files("mediakit") / "data" / "compare" / "lexicon.toml").read_bytes()
    return tomllib.loads(raw.decode("utf-8"))


# --------------------------------------------------------------------------- words

_WORD = re.compile(r"\w+")


def fold(s: str) -> str:
    """Lower case without accents: 'Ma’arat' and 'Maarat' stay apart, 'É' becomes 'e'."""
    s = unicodedata.normalize("NFKD", s)
    return "".join(c for c in s if not unicodedata.combining(c)).casefold()


def norm(s: str) -> str:
    """The one text normaliser of the comparisons: folded words joined by single spaces.

    "Ma’arat al-Numan!" and "ma arat al numan" are the same.
    """
    return " ".join(_WORD.findall(fold(s)))


def name_key(s: str) -> str:
    """A name without spaces or punctuation, to compare names: 'Global Research',
    'GlobalResearch' and 'www.globalresearch.ca' (without 'www' and the domain) match."""
    return norm(s).replace(" ", "")


def words(text: str, start: int = 0, end: int | None = None) -> list[tuple[str, int, int]]:
    """The words of ``text[start:end]`` as (folded word, start, end) with offsets into ``text``.

    Punctuation, quote marks and ellipses are not words, so "weaponry …. We" and
    "weaponry," he said. "We" differ only by the inserted words.
    """
    end = len(text) if end is None else end
    return [(fold(m.group()), m.start(), m.end()) for m in _WORD.finditer(text, start, end)]


# --------------------------------------------------------------------------- sentences

_SENT_END = re.compile(r"(?<=[.!?…])[\"'”’)\]]*\s+(?=[\"'“‘(\[]?[A-Z0-9])|\n+")


def sentences(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Sentence spans of ``text[start:end]`` by punctuation and line breaks (no parser)."""
    end = len(text) if end is None else end
    spans = []
    pos = start
    for m in _SENT_END.finditer(text, start, end):
        spans.append((pos, m.start()))
        pos = m.end()
    spans.append((pos, end))
    out = []
    for s, e in spans:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            out.append((s, e))
    return out


def doc_sentences(doc: Doc) -> list[tuple[int, int]]:
    """Sentence spans of a parsed Doc, split again at line breaks."""
    from ..extract._doc import doc_text, sentence_spans

    text = doc_text(doc)
    out = []
    for start, end in sentence_spans(doc):
        out.extend(sentences(text, start, end))
    return out


def report_sentences(report: Report, doc: Doc | None = None) -> list[tuple[int, int]]:
    """Sentences of a report's body that are not boilerplate."""
    from ..extract._doc import doc_matches

    spans = (
        doc_sentences(doc)
        if doc_matches(doc, report.text)
        else sentences(report.text, report.body.start, report.body.end)
    )
    return [(s, e) for s, e in spans if not _mostly_boilerplate(report, s, e)]


def _mostly_boilerplate(report: Report, start: int, end: int) -> bool:
    if start < report.body.start or end > report.body.end:
        return True
    for b in report.boilerplate:
        if b.start <= start < b.end or b.start < end <= b.end:
            overlap = min(end, b.end) - max(start, b.start)
            if overlap * 2 >= end - start:
                return True
    return False


# --------------------------------------------------------------------------- patterns


def phrase_pattern(phrases: Iterable[str]) -> re.Pattern[str] | None:
    """One case-insensitive pattern for phrases on word boundaries, longest first.

    Hyphens count as part of a word ("pro-government forces" does not contain "government
    forces"); straight and curly apostrophes match each other; spaces match any white space.
    """
    alts = []
    for p in sorted({p.strip() for p in phrases if p.strip()}, key=len, reverse=True):
        alts.append(_phrase_regex(p))
    if not alts:
        return None
    return re.compile(r"(?<![\w-])(?:" + "|".join(alts) + r")(?![\w-])", re.IGNORECASE)


def _phrase_regex(p: str) -> str:
    out: list[str] = []
    for ch in p:
        if ch.isspace():
            if not out or out[-1] != r"\s+":
                out.append(r"\s+")
        elif ch in "'’‘":
            out.append("['’‘]")
        else:
            out.append(re.escape(ch))
    return "".join(out)


def find_cue(pattern: re.Pattern[str] | None, text: str) -> str | None:
    if pattern is None:
        return None
    m = pattern.search(text)
    return m.group() if m else None


@lru_cache(maxsize=64)
def _cached_pattern(phrases: tuple[str, ...]) -> re.Pattern[str] | None:
    return phrase_pattern(phrases)


def cue_pattern(phrases: Sequence[str]) -> re.Pattern[str] | None:
    return _cached_pattern(tuple(phrases))


# --------------------------------------------------------------------------- time windows


@lru_cache(maxsize=16)
def _time_regex(patterns: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)


def time_phrase(
    text: str, start: int, end: int, *, patterns: Sequence[str] | None = None
) -> str | None:
    """The first expression of time in ``text[start:end]`` ("On January 24", "last week")."""
    pats = tuple(patterns if patterns is not None else lexicon()["time_patterns"])
    if not pats:
        return None
    m = _time_regex(pats).search(text, start, end)
    return re.sub(r"\s+", " ", m.group()).strip() if m else None


def normalise_time(phrase: str | None) -> str | None:
    """A comparable form of a time phrase: 'On January 28' and 'january 28' are the same."""
    if not phrase:
        return None
    p = fold(phrase)
    p = re.sub(r"^(?:early|late)\s+", "", p)
    p = re.sub(r"^(?:on|the|evening of|morning of|night of)\s+", "", p)
    p = re.sub(r"^(?:the\s+)?(?:evening|morning|night) of\s+", "", p)
    return re.sub(r"\s+", " ", p).strip()


# --------------------------------------------------------------------------- sides


@dataclass(frozen=True)
class SideTerms:
    """Every name of every side of a case, ready for matching (longest names first)."""

    terms: tuple[tuple[str, str], ...]  # (term as written, side name)
    lookup: dict[str, tuple[str, str]]  # folded term -> (term, side)
    pattern: re.Pattern[str] | None
    heads: dict[str, str]  # a word that alone names a side ("government", "rebel") -> side

    def find(
        self, text: str, start: int = 0, end: int | None = None
    ) -> list[tuple[int, int, str, str]]:
        """Non-overlapping names in ``text[start:end]``: (start, end, term, side).

        Longer names claim their words first: all candidate matches of every term are
        collected and the longest win, so "Syrian Army forces" counts once.
        """
        if self.pattern is None:
            return []
        end = len(text) if end is None else end
        cands = []
        for t, side in self.terms:
            for m in _term_regex(t).finditer(text, start, end):
                cands.append((m.start(), m.end(), t, side))
        cands.sort(key=lambda c: (-(c[1] - c[0]), c[0]))
        taken: list[tuple[int, int]] = []
        chosen = []
        for c in cands:
            if any(c[0] < e and s < c[1] for s, e in taken):
                continue
            taken.append((c[0], c[1]))
            chosen.append(c)
        chosen.sort()
        return chosen

    def side_of(self, phrase: str) -> str | None:
        """The side a source phrase belongs to ("pro-government sources" -> government)."""
        found = self.find(phrase)
        if found:
            return found[0][3]
        low = fold(phrase)
        for m in re.finditer(r"\bpro-([\w-]+)|([\w-]+)\s+sources?\b", low):
            word = m.group(1) or m.group(2)
            if word in self.heads:
                return self.heads[word]
        return None


_TERMS_CACHE: dict[int, tuple[Any, SideTerms]] = {}


def case_side_terms(case: Case) -> SideTerms:
    """:func:`side_terms` of a case, computed once per case object."""
    hit = _TERMS_CACHE.get(id(case))
    if hit is not None and hit[0] is case:
        return hit[1]
    terms = side_terms(case)
    if len(_TERMS_CACHE) > 32:
        _TERMS_CACHE.clear()
    _TERMS_CACHE[id(case)] = (case, terms)
    return terms


def side_of(
    phrase: str | None,
    case: Case,
    *,
    resolves_to: str | None = None,
    terms: SideTerms | None = None,
) -> str | None:
    """The side of the case a name or source phrase belongs to, or None when the case does not say.

    The one resolver of sides in the kit: a gazetteer entry with a ``side`` that ``resolves_to``
    (the name a pronoun or title stands for) names; else the longest side name of the case in
    the phrase ("Syrian Army forces" before "Syrian Army"; gazetteer variants count); else
    "pro-X ..." or "X sources" where X alone names one side ("pro-government sources").
    """
    if resolves_to:
        f = fold(resolves_to)
        for e in case.gazetteer:
            if e.side and f in {fold(v) for v in (e.name, *e.variants)}:
                return e.side
    terms = terms or case_side_terms(case)
    for p in (resolves_to, phrase):
        if p:
            side = terms.side_of(p)
            if side:
                return side
    return None


@lru_cache(maxsize=1024)
def _term_regex(term: str) -> re.Pattern[str]:
    return re.compile(r"(?<![\w-])" + _phrase_regex(term) + r"(?![\w-])", re.IGNORECASE)


_GENERIC = {
    "forces",
    "troops",
    "groups",
    "group",
    "units",
    "fighters",
    "militants",
    "brigades",
    "soldiers",
    "army",
    "militias",
    "militia",
    "allies",
    "proxies",
}


def side_terms(case: Case) -> SideTerms:
    """The names of each side: ``case.sides`` terms plus gazetteer names with a ``side``."""
    seen: dict[str, tuple[str, str]] = {}
    for side in case.sides:
        for t in side.terms:
            seen.setdefault(fold(t.strip()), (t.strip(), side.name))
    for entry in case.gazetteer:
        if entry.side:
            for t in dict.fromkeys([entry.name, *entry.variants]):
                seen.setdefault(fold(t.strip()), (t.strip(), entry.side))
    terms = tuple(sorted(seen.values(), key=lambda ts: (-len(ts[0]), ts[0])))
    heads: dict[str, set[str]] = {}
    for t, side_name in terms:
        parts = [p for p in fold(t).split() if p not in ("the", "a", "an")]
        if not parts:
            continue
        if len(parts) == 1 or all(p in _GENERIC for p in parts[1:]):
            heads.setdefault(parts[0], set()).add(side_name)
    unique = {w: next(iter(s)) for w, s in heads.items() if len(s) == 1 and w not in _GENERIC}
    return SideTerms(
        terms=terms, lookup=seen, pattern=phrase_pattern(t for t, _ in terms), heads=unique
    )
