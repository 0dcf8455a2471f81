"""Figures: the counts and amounts a report gives, with what is counted and who says so.

A figure is a count or an amount: people, casualties, vehicles, villages, airstrikes, money,
percentages, including vague amounts ("several", "a few", "thousands", "hundreds of
thousands"). Not figures: dates, years, times, durations ("12 days", "months-long"), ages,
ordinals ("third", "4th"), numbers inside names ("25th Division", "M5 highway", "OTR-21"),
identifiers ("Article 5", "Route 66") and "one" used like an article ("one rebel fighter",
"one of the").

How it decides, in order (every word list is data: ``mediakit/data/figures/quantities.toml``):

1. **Reading the amount.** A number (spaCy's ``like_num``, digits such as ``8,000`` / ``3.5`` /
   ``1.2bn``, number words) with the magnitude words after it ("3.5 million", "3 dozens"), or
   a vague quantity word ("several", "a few", "hundreds of thousands"). Bounds before it
   ("at least", "some", "over") and currency marks ("$") become part of the text; "%" /
   "percent" after it too.
2. **Ruling out what is not a count.** spaCy's entity recogniser says DATE, TIME or ORDINAL,
   or puts the number inside a name (ORG, PRODUCT, FAC, ...); the number is glued to letters
   (``OTR-21``); it is a year (1000-2100 written without a comma, unless it counts a plural
   noun); the thing counted is a unit of time (a duration); it follows the noun it numbers
   ("Article 5"); a hyphen joins it to a word ("three-day", "12-year-old": a modifier; but
   "a 5,000-strong force" is a count); "one" with no bound and no event.
3. **What is counted.** The noun the number modifies in the dependency parse (``nummod``), or
   the noun after "of" ("dozens of airstrikes"), or X in "the number of X was 8,000", or, for
   an elided noun ("40 killed, with 80 more wounded"; "20 others"), the noun of the figure
   before it in the same sentence. Its compound and adjective modifiers are kept ("Syrian Army
   servicemen"), generic ones dropped ("other", "more", comparatives). When the noun is the
   subject of a passive event verb, its object, or the subject of an intransitive one, the
   event is added: "militants killed or injured", "people fled", "villages liberated".
4. **Who says so.** The attribution records whose sentence holds the figure; without one, the
   sentence's own "according to X" / "X said / reported / claimed".

Scores ("won 2-1", "a 3-2 win") are amounts: they are kept as one figure whose ``what`` is
"score" and whose ``value`` is None (a score is two numbers, not one). A range between two
numbers ("10-15 people") is a figure whose value is the lower number.

``value`` is the representative lower bound: "over 3 dozens" -> 36, "hundreds of thousands"
-> 100000, "thousands" -> 1000, "3.5 million" -> 3500000, "several" -> None. ``vague`` is
True when the amount is a word such as "several", "dozens" or "thousands" rather than a
number; bounds such as "at least" do not make a figure vague.
"""

from __future__ import annotations

import re
import tomllib
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING

from ..records import Attribution, Figure
from ._doc import doc_text, sent_of, sentence_spans

if TYPE_CHECKING:  # spaCy is imported only where a text is parsed
    from spacy.tokens import Doc, Span, Token

__all__ = ["FigureWords", "default_words", "figures"]

# Entity labels whose numbers are not counts: dates, times, ordinals and names.
NOT_COUNT_LABELS = frozenset(
    {
        "DATE", "TIME", "ORDINAL", "PERSON", "NORP", "FAC", "ORG", "GPE", "LOC", "PRODUCT",
        "EVENT", "WORK_OF_ART", "LAW", "LANGUAGE",
    }
)  # fmt: skip
_DIGITS = re.compile(r"^(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?$")
_SUFFIXED = re.compile(r"^(\d+(?:\.\d+)?)(k|m|mn|bn|tn)$", re.IGNORECASE)
_ORDINAL = re.compile(r"^\d+(st|nd|rd|th)$", re.IGNORECASE)
_RANGE = re.compile(r"^(\d+)-(\d+)$")


@dataclass(frozen=True)
class VagueWord:
    value: float | None
    needs_of: bool = False
    plural_noun: bool = False
    exact: bool = False


@dataclass(frozen=True)
class FigureWords:
    """The word lists the figures extractor uses (see ``quantities.toml`` and its README)."""

    vague: dict[tuple[str, ...], VagueWord]
    magnitudes: dict[str, float]
    number_words: dict[str, float]
    bounds: tuple[tuple[str, ...], ...]
    currency: frozenset[str]
    time_units: frozenset[str]
    hyphen_counts: frozenset[str]
    drop_modifiers: frozenset[str]
    count_nouns: frozenset[str]
    elliptic: frozenset[str]
    events: dict[str, str]
    intransitive: frozenset[str]
    event_nouns: dict[str, str]
    score_nouns: frozenset[str]
    reporting_verbs: frozenset[str]
    source_nouns: frozenset[str]
    percent_words: frozenset[str]
    identifier_cues: frozenset[str]

    @classmethod
    def from_toml(cls, data: dict) -> FigureWords:
        lists = data.get("lists", {})
        vague = {}
        for words, e in data.get("vague", {}).items():
            v = e.get("value", -1)
            vague[tuple(words.lower().split())] = VagueWord(
                value=None if v is None or v < 0 else float(v),
                needs_of=bool(e.get("needs_of", False)),
                plural_noun=bool(e.get("plural_noun", False)),
                exact=bool(e.get("exact", False)),
            )
        bounds = sorted(
            {tuple(b.lower().split()) for b in lists.get("bounds", [])}, key=len, reverse=True
        )
        return cls(
            vague=vague,
            magnitudes={k.lower(): float(v) for k, v in data.get("magnitudes", {}).items()},
            number_words={k.lower(): float(v) for k, v in data.get("number_words", {}).items()},
            bounds=tuple(bounds),
            currency=frozenset(c.lower() for c in lists.get("currency", [])),
            time_units=frozenset(u.lower() for u in lists.get("time_units", [])),
            hyphen_counts=frozenset(w.lower() for w in lists.get("hyphen_counts", [])),
            drop_modifiers=frozenset(w.lower() for w in lists.get("drop_modifiers", [])),
            count_nouns=frozenset(w.lower() for w in lists.get("count_nouns", [])),
            elliptic=frozenset(w.lower() for w in lists.get("elliptic", [])),
            events={k.lower(): v for k, v in data.get("events", {}).items()},
            intransitive=frozenset(
                w.lower() for w in data.get("event_kinds", {}).get("intransitive", [])
            ),
            event_nouns={k.lower(): v for k, v in data.get("event_nouns", {}).items()},
            score_nouns=frozenset(w.lower() for w in lists.get("score_nouns", [])),
            reporting_verbs=frozenset(w.lower() for w in lists.get("reporting_verbs", [])),
            source_nouns=frozenset(w.lower() for w in lists.get("source_nouns", [])),
            percent_words=frozenset(w.lower() for w in lists.get("percent_words", [])),
            identifier_cues=frozenset(w.lower() for w in lists.get("identifier_cues", [])),
        )


@lru_cache(maxsize=1)
def default_words() -> FigureWords:
    """The shipped word lists (``mediakit/data/figures/quantities.toml``)."""
    ref = resources.files("mediakit").joinpath("data/figures/quantities.toml")
    return FigureWords.from_toml(tomllib.loads(ref.read_text(encoding="utf-8")))


@dataclass
class _Amount:
    start: int  # token index where the figure's text starts (bound / currency included)
    core_start: int
    core_end: int  # token index after the number or vague word (magnitudes included)
    end: int  # token index after the figure's text (percent sign included)
    value: float | None
    vague: bool
    score: bool = False
    hyphen_word: Token | None = None


def _number(tok: Token, words: FigureWords) -> float | None:
    low = tok.lower_
    m = _DIGITS.match(low)
    if m:
        return float(low.replace(",", ""))
    m = _SUFFIXED.match(low)
    if m:
        return float(m.group(1)) * words.magnitudes[m.group(2).lower()]
    if low in words.number_words:
        return words.number_words[low]
    return None


def _seq(doc: Doc, i: int, words: tuple[str, ...]) -> bool:
    if i < 0 or i + len(words) > len(doc):
        return False
    return all(doc[i + k].lower_ == w for k, w in enumerate(words))


_VAGUE_INDEX: dict[int, tuple[FigureWords, dict[str, list[tuple[str, ...]]]]] = {}


def _vague_starting(words: FigureWords, first: str) -> list[tuple[str, ...]]:
    """The vague-amount phrases that begin with ``first``, longest first (indexed once)."""
    hit = _VAGUE_INDEX.get(id(words))
    if hit is None or hit[0] is not words:
        index: dict[str, list[tuple[str, ...]]] = {}
        for key in sorted(words.vague, key=len, reverse=True):
            if key:
                index.setdefault(key[0], []).append(key)
        hit = (words, index)
        _VAGUE_INDEX[id(words)] = hit
    return hit[1].get(first, [])


def _read_core(doc: Doc, i: int, words: FigureWords) -> tuple[int, float | None, bool] | None:
    """Read a number or vague amount starting at token i: (end, value, vague)."""
    n = len(doc)
    for key in _vague_starting(words, doc[i].lower_):
        if not _seq(doc, i, key):
            continue
        entry = words.vague[key]
        j = i + len(key)
        nxt = doc[j] if j < n else None
        if entry.needs_of and (nxt is None or nxt.lower_ != "of"):
            continue
        if entry.plural_noun and not (
            (nxt is not None and nxt.lower_ == "of") or doc[j - 1].head.tag_ in ("NNS", "NNPS")
        ):
            continue
        value = entry.value
        # "hundreds of thousands", "tens of millions"
        if (
            value is not None
            and j + 1 < n
            and doc[j].lower_ == "of"
            and doc[j + 1].lower_ in words.magnitudes
            and doc[j + 1].lower_.endswith("s")
        ):
            value *= words.magnitudes[doc[j + 1].lower_]
            j += 2
        return j, value, not entry.exact
    value = _number(doc[i], words)
    if value is None:
        return None
    j = i + 1
    while j < n:
        t = doc[j]
        low = t.lower_
        if low in words.magnitudes and (len(low) > 2 or doc[j - 1].whitespace_ == ""):
            value *= words.magnitudes[low]
            j += 1
            continue
        # twenty-five; two hundred and fifty
        if (
            low == "-"
            and j + 1 < n
            and doc[j - 1].whitespace_ == ""
            and t.whitespace_ == ""
            and doc[j - 1].lower_ in words.number_words
            and doc[j + 1].lower_ in words.number_words
        ):
            value += words.number_words[doc[j + 1].lower_]
            j += 2
            continue
        if (
            low == "and"
            and j + 1 < n
            and doc[j - 1].lower_ in ("hundred", "thousand")
            and doc[j + 1].lower_ in words.number_words
        ):
            value += words.number_words[doc[j + 1].lower_]
            j += 2
            continue
        break
    return j, value, False


def _read_amount(doc: Doc, i: int, words: FigureWords) -> _Amount | None:
    core = _read_core(doc, i, words)
    if core is None:
        return None
    core_end, value, vague = core
    n = len(doc)
    end = core_end
    score = False
    # "2-1", "10-15": one figure across the hyphen
    if (
        not vague
        and end + 1 < n
        and doc[end].text in ("-", "–")
        and doc[end - 1].whitespace_ == ""
        and doc[end].whitespace_ == ""
        and _DIGITS.match(doc[end + 1].text)
    ):
        end += 2
        score = True
    else:
        m = _RANGE.match(doc[i].text)
        if m and core_end == i + 1:
            value = float(m.group(1))
            score = True
    if end < n and (doc[end].text == "%" or doc[end].lower_ in words.percent_words):
        end += 1
    elif end + 1 < n and doc[end].lower_ == "per" and doc[end + 1].lower_ == "cent":
        end += 2
    start = i
    if start > 0 and doc[start - 1].lower_ in words.currency:
        start -= 1
    for b in words.bounds:
        if _seq(doc, start - len(b), b):
            start -= len(b)
            break
    hyphen_word = None
    if (
        end + 1 < n
        and doc[end].text == "-"
        and doc[end - 1].whitespace_ == ""
        and doc[end].whitespace_ == ""
        and doc[end + 1].is_alpha
    ):
        hyphen_word = doc[end + 1]
    return _Amount(start, i, core_end, end, value, vague, score, hyphen_word)


def _excluded(doc: Doc, a: _Amount, words: FigureWords) -> bool:
    core = doc[a.core_start : a.core_end]
    text = doc_text(doc)
    score_shape = a.score and all(len(t.text) <= 2 for t in doc[a.core_start : a.end] if t.like_num)
    for t in core:
        if t.ent_type_ in NOT_COUNT_LABELS and not (
            score_shape and t.ent_type_ not in ("DATE", "TIME", "ORDINAL")
        ):
            return True
        if _ORDINAL.match(t.text):
            return True
    first = core[0]
    # glued to letters: OTR-21, F-16, M4-
    cs = first.idx
    if cs > 0:
        before = text[cs - 1]
        if before.isalpha() or (before in "-/" and cs > 1 and text[cs - 2].isalpha()):
            return True
    last = doc[a.end - 1]
    ce = last.idx + len(last.text)
    if ce < len(text) and text[ce].isalpha() and a.hyphen_word is None:
        return True
    if a.hyphen_word is not None and a.hyphen_word.lower_ not in words.hyphen_counts:
        return True
    # years
    if (
        len(core) == 1
        and re.fullmatch(r"\d{4}", first.text)
        and 1000 <= int(first.text) <= 2100
        and not (first.dep_ == "nummod" and first.head.tag_ in ("NNS", "NNPS"))
    ):
        return True
    if a.score and re.fullmatch(r"\d{4}", first.text):
        return True  # 2019-2020
    # identifiers: the number follows the noun it numbers (Article 5, Route 66, No. 10)
    if a.start == a.core_start and a.core_start > 0 and not score_shape:
        prev = doc[a.core_start - 1]
        if prev.lower_ in words.identifier_cues:
            return True
        if (
            prev.pos_ in ("PROPN", "NOUN")
            and prev.whitespace_
            and (first.head.i == prev.i or prev.head.i == first.i)
            and first.dep_ in ("nummod", "appos", "compound", "npadvmod", "ROOT")
            and first.head.i <= first.i
        ):
            return True
    return False


def _definite(doc: Doc, a: _Amount) -> bool:
    """True if a bare number follows "the" or a possessive: it names a known set, not a count."""
    if a.start != a.core_start or a.start == 0 or a.vague:
        return False
    prev = doc[a.start - 1]
    return prev.lower_ in ("the", "these", "those", "both") or prev.tag_ in ("POS", "PRP$")


def _phrase_head(doc: Doc, a: _Amount) -> Token:
    """The token of the amount whose syntactic head lies outside it."""
    toks = list(doc[a.core_start : a.end])
    idx = {t.i for t in toks}
    for t in reversed(toks):
        if t.head.i not in idx or t.head.i == t.i:
            return t
    return toks[-1]


def _glued(tok: Token) -> Token:
    """The last token of a hyphenated word: "counter-attacks" from "counter"."""
    doc = tok.doc
    j = tok.i
    while (
        j + 2 < len(doc)
        and doc[j].whitespace_ == ""
        and doc[j + 1].text == "-"
        and doc[j + 1].whitespace_ == ""
        and doc[j + 2].is_alpha
    ):
        j += 2
    return doc[j]


def _line_end(tok: Token) -> bool:
    """True if the token ends a line (a headline or a crosshead)."""
    doc = tok.doc
    return tok.i + 1 >= len(doc) or "\n" in doc[tok.i + 1].text or "\n" in tok.whitespace_


def _unit(doc: Doc, a: _Amount, words: FigureWords) -> Token | None:
    """The counted noun of an amount, or None when the parse gives none."""
    n = len(doc)
    inside = set(range(a.start, a.end))
    of_i = a.end if a.end < n and doc[a.end].lower_ == "of" else None
    if of_i is None and doc[a.end - 1].lower_ == "of":  # "a number of"
        of_i = a.end - 1
    if of_i is not None:
        of = doc[of_i]
        pobj = [c for c in of.children if c.dep_ == "pobj"]
        cand = pobj[0] if pobj else None
        if cand is None:
            for t in doc[of_i + 1 : min(n, of_i + 6)]:
                if t.pos_ in ("NOUN", "PROPN", "PRON"):
                    cand = t
                    break
        if cand is not None:
            # "hundreds of thousands of people": skip over another quantity
            while (
                cand.lower_ in words.magnitudes
                and cand.i + 1 < n
                and doc[cand.i + 1].lower_ == "of"
            ):
                nxt = [c for c in doc[cand.i + 1].children if c.dep_ == "pobj"]
                if not nxt:
                    break
                cand = nxt[0]
            if cand.pos_ in ("NOUN", "PROPN"):
                return _glued(cand)
            return None
    if a.hyphen_word is not None:
        h = a.hyphen_word.head
        if h.pos_ in ("NOUN", "PROPN") and h.i not in inside:
            return _glued(h)
    head = _phrase_head(doc, a)
    seen = 0
    h = head
    while h.i in inside and seen < 5:
        if h.head.i == h.i:
            break
        h = h.head
        seen += 1
    if (
        h.i not in inside
        and h.pos_ in ("NOUN", "PROPN")
        and head.dep_
        in ("nummod", "quantmod", "amod", "compound", "det", "nmod", "advmod", "npadvmod")
        and h.i > head.i
    ):
        return _glued(h)
    # "the number of X was 8,000"; "turnout was 67 percent"
    for anc in head.ancestors:
        if anc.pos_ in ("VERB", "AUX"):
            for c in anc.children:
                if c.dep_ in ("nsubj", "nsubjpass") and c.lemma_.lower() in words.count_nouns:
                    for p in c.children:
                        if p.dep_ == "prep" and p.lower_ == "of":
                            objs = [o for o in p.children if o.dep_ == "pobj"]
                            if objs and objs[0].pos_ in ("NOUN", "PROPN"):
                                return objs[0]
                elif (
                    c.dep_ == "nsubj"
                    and anc.lemma_ == "be"
                    and head.dep_ == "attr"
                    and head.head.i == anc.i
                    and c.pos_ == "NOUN"
                ):
                    return c
            break
    return None


def _noun_phrase(doc: Doc, unit: Token, a: _Amount, words: FigureWords) -> tuple[int, int]:
    """Token span [start, unit+1) of the counted noun with its compound/adjective modifiers."""
    mods: list[Token] = []

    def collect(t: Token) -> None:
        for c in t.lefts:
            if c.dep_ in ("compound", "amod", "nmod", "punct"):
                mods.append(c)
                collect(c)
            elif c.dep_ == "npadvmod" and t.dep_ == "amod":
                mods.append(c)
                collect(c)

    collect(unit)
    # a hyphenated noun ("counter-attacks"): its parts are modifiers of the last one
    j = unit.i
    while (
        j - 2 >= 0
        and doc[j - 1].text == "-"
        and doc[j - 2].whitespace_ == ""
        and doc[j - 1].whitespace_ == ""
    ):
        mods.extend([doc[j - 1], doc[j - 2]])
        collect(doc[j - 2])
        j -= 2
    floor = a.end if unit.i >= a.end else 0
    if a.hyphen_word is not None and unit.i > a.hyphen_word.i:
        floor = a.hyphen_word.i + 1  # "a 5,000-strong crowd": the crowd
    mods = [m for m in mods if m.i >= floor and not (a.start <= m.i < a.end)]
    start = min([m.i for m in mods] + [unit.i])
    # only a contiguous stretch of modifiers counts
    ids = {m.i for m in mods}
    k = unit.i
    while k - 1 >= start and (k - 1) in ids:
        k -= 1
    start = k
    while start < unit.i and (
        doc[start].lower_ in words.drop_modifiers
        or doc[start].tag_ in ("JJR", "JJS", "RBR", "RBS")
        or doc[start].is_punct
        or doc[start].pos_ == "DET"
    ):
        start += 1
    return start, unit.i + 1


def _event(tok: Token, words: FigureWords) -> str | None:
    """The event label for a counted noun (or a bare amount) from its place in the parse."""

    def label(v: Token) -> str | None:
        lem = v.lemma_.lower()
        if lem in words.events:
            return words.events[lem]
        low = v.lower_
        if low in words.events.values():
            return low
        return None

    def with_conj(v: Token, first: str) -> str:
        parts = [first]
        cc = ""
        for c in v.children:
            if c.dep_ == "cc":
                cc = c.lower_
            own_subject = any(g.dep_ in ("nsubj", "nsubjpass", "dobj") for g in c.children)
            if c.dep_ == "conj" and c.pos_ in ("VERB", "ADJ") and not own_subject:
                lab = label(c)
                if lab:
                    parts.append(lab)
        if len(parts) == 1:
            return first
        return f" {cc or 'and'} ".join(parts)

    while (
        tok.dep_ in ("conj", "appos")
        and tok.head.i != tok.i
        and tok.head.pos_ in ("NOUN", "PROPN", "NUM")
    ):
        tok = tok.head  # "8 tanks, 15 vehicles and 49 trucks": the first conjunct's place
    dep = tok.dep_
    v = tok.head
    if dep == "nsubjpass":
        lab = label(v)
        if lab:
            return with_conj(v, lab)
        for c in v.children:  # "were reported killed"
            if c.dep_ in ("xcomp", "oprd", "ccomp", "acomp") and label(c):
                return with_conj(c, label(c) or "")
        return None
    if dep == "nsubj":
        lab = label(v)
        if lab and (
            v.tag_ in ("VBN", "JJ") or v.lemma_.lower() in words.intransitive
        ):  # "with 80 more wounded": a participle, often tagged as an adjective
            return with_conj(v, lab)
        if v.lemma_.lower() == "be":  # "were killed" parsed as be + acomp
            for c in v.children:
                if c.dep_ in ("acomp", "attr") and label(c):
                    return with_conj(c, label(c) or "")
        return None
    if dep in ("dobj", "dative"):
        lab = label(v)
        if lab and v.lemma_.lower() not in words.intransitive:
            return with_conj(v, lab)
        for c in tok.children:  # "sent 100,000 people fleeing"
            if c.dep_ in ("acl", "relcl", "oprd", "xcomp") and label(c):
                return label(c)
        for c in v.children:
            if c.dep_ in ("oprd", "xcomp", "ccomp") and c.i > tok.i and label(c):
                return label(c)
        return None
    for c in tok.children:
        if c.dep_ in ("acl", "relcl") and c.i > tok.i and label(c) and c.tag_ in ("VBN", "VBG"):
            return label(c)
    if dep == "pobj" and v.lower_ == "of" and v.head.lemma_.lower() in words.event_nouns:
        return words.event_nouns[v.head.lemma_.lower()]
    return None


def _phrase_text(tok: Token) -> str:
    """The words of a source's noun phrase, without appositions and relative clauses."""
    cut = [c for c in tok.rights if c.dep_ in ("appos", "relcl", "acl", "punct") or c.lower_ == ","]
    end = min([c.left_edge.i for c in cut] + [tok.right_edge.i + 1])
    return _span_text(tok.doc[tok.left_edge.i : end])


def _span_text(span: Span) -> str:
    toks = list(span)
    while toks and (toks[-1].is_punct or toks[-1].is_space):
        toks = toks[:-1]
    while toks and toks[0].lower_ in ("the", "a", "an"):
        toks = toks[1:]
    if not toks:
        return span.text
    return doc_text(span.doc)[toks[0].idx : toks[-1].idx + len(toks[-1].text)]


def _according_to(sent: Span) -> str | None:
    """The first "according to X" of a sentence."""
    for t in sent:
        if t.lower_ == "according" and t.i + 1 < sent.end and t.doc[t.i + 1].lower_ == "to":
            to = t.doc[t.i + 1]
            objs = [c for c in to.children if c.dep_ == "pobj"]
            if objs:
                return _phrase_text(objs[0])
    return None


def _source_in_sentence(
    sent: Span,
    tok: Token,
    words: FigureWords,
    memo: dict[tuple[int, int], str | None] | None = None,
) -> str | None:
    """A fallback source: "according to X", or the subject of a reporting verb above the figure.
    ``memo`` keeps each sentence's "according to" (a table of figures is one long sentence)."""
    if memo is None:
        found = _according_to(sent)
    else:
        key = (sent.start, sent.end)
        if key not in memo:
            memo[key] = _according_to(sent)
        found = memo[key]
    if found is not None:
        return found
    for anc in [tok, *tok.ancestors]:
        if anc.pos_ in ("VERB", "AUX") and anc.lemma_.lower() not in words.reporting_verbs:
            # "reports appeared that ...", "sources say" handled below
            subj = [c for c in anc.children if c.dep_ == "nsubj"]
            if (
                subj
                and subj[0].lemma_.lower() in words.source_nouns
                and any(c.dep_ in ("ccomp", "advcl") and c.i <= tok.i for c in anc.children)
            ):
                return _phrase_text(subj[0])
        if anc.pos_ == "VERB" and anc.lemma_.lower() in words.reporting_verbs:
            subj = [c for c in anc.children if c.dep_ == "nsubj"]
            if subj and subj[0].pos_ != "PRON":
                return _phrase_text(subj[0])
            agent = [c for c in anc.children if c.dep_ == "agent"]
            for ag in agent:
                objs = [c for c in ag.children if c.dep_ == "pobj"]
                if objs:
                    return _phrase_text(objs[0])
    return None


def _sentence_span(doc: Doc, a: Attribution) -> tuple[int, int]:
    if a.sentence_end > a.sentence_start:
        return a.sentence_start, a.sentence_end
    spans = sentence_spans(doc)
    k = bisect_right([s for s, _ in spans], a.start) - 1
    if k >= 0 and a.start < spans[k][1]:
        return spans[k]
    return a.start, a.end


class _BySentence:
    """The attributions of a report by the span of their sentence, to find the ones whose
    sentence holds a position by binary search (not by a pass over all of them per figure)."""

    def __init__(self, doc: Doc, atts: Sequence[Attribution]) -> None:
        spans = sorted(((*_sentence_span(doc, a), k) for k, a in enumerate(atts)))
        self.atts = atts
        self.according: dict[tuple[int, int], str | None] = {}
        self.spans = spans
        self.starts = [s for s, _, _ in spans]
        self.max_end: list[int] = []
        best = -1
        for _, e, _ in spans:
            best = max(best, e)
            self.max_end.append(best)

    def holding(self, pos: int) -> Iterable[Attribution]:
        j = bisect_right(self.starts, pos) - 1
        found = []
        while j >= 0 and self.max_end[j] > pos:
            s, e, k = self.spans[j]
            if s <= pos < e:
                found.append(k)
            j -= 1
        return [self.atts[k] for k in sorted(found)]


def _source(
    doc: Doc, tok: Token, start: int, atts: Sequence[Attribution] | _BySentence, words: FigureWords
) -> str | None:
    best: tuple[int, str] | None = None
    if not isinstance(atts, _BySentence):
        atts = _BySentence(doc, atts)
    for a in atts.holding(start):
        dist = abs(a.start - start)
        if best is None or dist < best[0]:
            best = (dist, a.resolves_to or a.source)  # "she said" -> who she is
    if best is not None:
        return best[1]
    return _source_in_sentence(sent_of(tok), tok, words, atts.according)


def _amounts(doc: Doc, words: FigureWords) -> Iterable[_Amount]:
    i = 0
    n = len(doc)
    while i < n:
        a = _read_amount(doc, i, words)
        if a is None:
            i += 1
            continue
        yield a
        i = max(a.end, i + 1)


def figures(
    doc: Doc,
    *,
    attributions: Sequence[Attribution] = (),
    words: FigureWords | None = None,
) -> list[Figure]:
    """Every count or amount in ``doc``, in text order (see the module docstring for the rules).

    ``attributions`` are the report's attribution records; a figure takes its ``source`` from
    the one whose sentence holds it. ``words`` replaces the shipped word lists.
    """
    words = words or default_words()
    by_sentence = _BySentence(doc, attributions)
    out: list[Figure] = []
    last_in_sent: dict[int, tuple[str, int | None, int | None]] = {}
    for a in _amounts(doc, words):
        if _excluded(doc, a, words):
            continue
        head = _phrase_head(doc, a)
        unit = _unit(doc, a, words)
        is_one = a.core_end - a.core_start == 1 and doc[a.core_start].lower_ == "one"
        if is_one and a.end < len(doc) and doc[a.end].lower_ == "of":
            continue
        if unit is not None and unit.lemma_.lower() in words.time_units:
            continue  # a duration
        if unit is not None and unit.i > a.end - 1 and _definite(doc, a):
            continue  # a fixed, named set: "Syria's two largest cities", "the two arteries"
        if a.score and (unit is None or unit.lemma_.lower() in words.score_nouns):
            what = "score"
            value = None
            ustart = uend = None
            if unit is not None:
                ustart, uend = unit.idx, unit.idx + len(unit.text)
        else:
            value = a.value
            sent_key = sent_of(head).start
            elliptic = (
                unit is None
                or unit.lower_ in words.elliptic
                or (a.core_end < len(doc) and doc[a.core_end].lower_ in words.elliptic)
            )
            noun = ""
            ustart = uend = None
            event_tok = unit if unit is not None else head
            if unit is not None and unit.lower_ not in words.elliptic:
                s, e = _noun_phrase(doc, unit, a, words)
                noun = doc_text(doc)[doc[s].idx : unit.idx + len(unit.text)]
                ustart, uend = doc[s].idx, unit.idx + len(unit.text)
            elif elliptic and sent_key in last_in_sent:
                noun, ustart, uend = last_in_sent[sent_key]
            event = _event(event_tok, words)
            if event is None and unit is not None:
                event = _event(head, words)
            if (
                unit is not None
                and event is None
                and unit.lemma_.lower() in words.events
                and not any(c.dep_ in ("det", "poss") for c in unit.children)
                and (unit.dep_ == "ROOT" or _line_end(unit))
            ):
                # a headline verb tagged as a noun: "Thousands flee"
                event = words.events[unit.lemma_.lower()]
                noun, ustart, uend = "", None, None
            if is_one and event is None and a.start == a.core_start:
                continue  # "one" as an article: "one rebel fighter"
            if (
                not noun
                and not event
                and doc[a.start : a.core_start].text.lower() in words.currency
            ):
                noun = "money"
            what = " ".join(p for p in (noun, event) if p)
            if noun:
                last_in_sent[sent_key] = (noun, ustart, uend)
        start = doc[a.start].idx
        last = doc[a.end - 1]
        end = last.idx + len(last.text)
        out.append(
            Figure(
                text=doc_text(doc)[start:end],
                start=start,
                end=end,
                value=value,
                what=what,
                source=_source(doc, head, start, by_sentence, words),
                vague=a.vague,
                unit_start=ustart,
                unit_end=uend,
            )
        )
    return out
