"""Per-Doc caches shared by the extractors.

``Doc.ents`` and ``Doc.text`` rebuild its list of spans by walking every token on each access, so code that
asks for them once per mention turns linear work quadratic. These helpers compute them once per
Doc (the last few Docs are kept; a Doc is identified by ``id`` and kept alive while cached).
"""

from __future__ import annotations

from collections import OrderedDict
from typing import TYPE_CHECKING

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
    while len(_TEXT) > _MAX:
        _TEXT.popitem(last=False)
    return text


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


def ent_of(tok: Token) -> Span | None:
    """The entity a token belongs to, or None."""
    _, ents, index = _entry(tok.doc)
    k = index[tok.i]
    return ents[k] if k >= 0 else None
