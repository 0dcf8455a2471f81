"""Per-Doc caches shared by the extractors.

``Doc.ents`` and ``Doc.text`` rebuild its list of spans by walking every token on each access, so code that
asks for them once per mention turns linear work quadratic. These helpers compute them once per
Doc (the last few Docs are kept; a Doc is identified by ``id`` and kept alive while cached).
"""

from __future__ import annotations

from bisect import bisect_right
from collections import OrderedDict
from typing import TYPE_CHECKING, TypeGuard

if TYPE_CHECKING:  # spaCy is imported only where a text is parsed
    from spacy.tokens import Doc, Span, Token


_MAX = 8
_ENTS: OrderedDict[int, tuple[Doc, tuple[Span, ...], list[int]]] = OrderedDict()
_TEXT: OrderedDict[int, tuple[Doc, str]] = OrderedDict()


def doc_text(doc: Doc) -> str:
    """``doc.text``, which spaCy rebuilds from the tokens on every access, computed once."""
    key = id(doc)
    hit = _TEXT.get(key)
    if hit is not None and hit[0] is doc:
        return hit[1]
    text = doc.text
    _TEXT[key] = (doc, text)
    _TEXT.move_to_end(key)
    while len(_TEXT) > _MAX:
        _TEXT.popitem(last=False)
    return text


_MATCH: OrderedDict[int, tuple[Doc, str, bool]] = OrderedDict()
_SENTS: OrderedDict[int, tuple[Doc, tuple[tuple[int, int], ...]]] = OrderedDict()


def doc_matches(doc: Doc | None, text: str) -> TypeGuard[Doc]:
    """``doc.text == text``, remembered for the last few (Doc, text) pairs: the comparisons ask
    it once per figure or claim, and each ``doc.text`` walks every token."""
    if doc is None:
        return False
    key = id(doc)
    hit = _MATCH.get(key)
    if hit is not None and hit[0] is doc and hit[1] is text:
        return hit[2]
    same = len(doc_text(doc)) == len(text) and doc_text(doc) == text
    _MATCH[key] = (doc, text, same)
    while len(_MATCH) > _MAX:
        _MATCH.popitem(last=False)
    return same


def sentence_spans(doc: Doc) -> tuple[tuple[int, int], ...]:
    """(start_char, end_char) of every sentence of the parse, computed once per Doc."""
    key = id(doc)
    hit = _SENTS.get(key)
    if hit is not None and hit[0] is doc:
        return hit[1]
    spans = tuple((s.start_char, s.end_char) for s in doc.sents)
    _SENTS[key] = (doc, spans)
    while len(_SENTS) > _MAX:
        _SENTS.popitem(last=False)
    return spans


_SENT_TOKENS: OrderedDict[int, tuple[Doc, list[int], list[int]]] = OrderedDict()


def sent_of(tok: Token) -> Span:
    """``tok.sent`` (which walks back to the sentence start on every call), by binary search
    in the sentence starts, found once per Doc."""
    doc = tok.doc
    key = id(doc)
    hit = _SENT_TOKENS.get(key)
    if hit is None or hit[0] is not doc:
        starts, ends = [], []
        for s in doc.sents:
            starts.append(s.start)
            ends.append(s.end)
        hit = (doc, starts, ends)
        _SENT_TOKENS[key] = hit
        while len(_SENT_TOKENS) > _MAX:
            _SENT_TOKENS.popitem(last=False)
    _, starts, ends = hit
    k = bisect_right(starts, tok.i) - 1
    if k < 0 or tok.i >= ends[k]:
        return tok.sent
    return doc[starts[k] : ends[k]]


def _entry(doc: Doc) -> tuple[Doc, tuple[Span, ...], list[int]]:
    key = id(doc)
    hit = _ENTS.get(key)
    if hit is not None and hit[0] is doc:
        _ENTS.move_to_end(key)
        return hit
    ents = tuple(doc.ents)
    index = [-1] * len(doc)
    for k, e in enumerate(ents):
        for i in range(e.start, e.end):
            index[i] = k
    entry = (doc, ents, index)
    _ENTS[key] = entry
    while len(_ENTS) > _MAX:
        _ENTS.popitem(last=False)
    return entry


def doc_ents(doc: Doc) -> tuple[Span, ...]:
    """``doc.ents``, computed once per Doc."""
    return _entry(doc)[1]


def ents_within(doc: Doc, start: int, end: int) -> list[Span]:
    """The entities lying wholly inside tokens [start, end), by binary search (not a pass over
    every entity of the Doc per question)."""
    _, ents, index = _entry(doc)
    k = index[start] if start < len(index) else -1
    if k < 0:  # the first entity starting at or after start
        k = next((index[i] for i in range(start, min(end, len(index))) if index[i] >= 0), -1)
        if k < 0:
            return []
    out = []
    while k < len(ents) and ents[k].start < end:
        e = ents[k]
        if e.start >= start and e.end <= end:
            out.append(e)
        k += 1
    return out


def widen_to_ents(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Token range [start, end) widened to cover an entity cut in half at either edge (an
    entity that starts inside and runs past ``end`` only if it starts at or after ``start``).
    Only the entities holding the edge tokens can be cut, so no pass over all of them."""
    _, ents, index = _entry(doc)
    k = index[start] if 0 <= start < len(index) else -1
    if k >= 0 and ents[k].start < start and ents[k].end <= end:
        start = ents[k].start
    k = index[end] if 0 <= end < len(index) else -1
    if k >= 0 and ents[k].start < end and ents[k].start >= start:
        end = ents[k].end
    return start, end


def ent_of(tok: Token) -> Span | None:
    """The entity a token belongs to, or None."""
    _, ents, index = _entry(tok.doc)
    k = index[tok.i]
    return ents[k] if k >= 0 else None
