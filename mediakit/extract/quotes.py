"""Direct quotations (placeholder until the quote extractor lands)."""

from __future__ import annotations

from spacy.tokens import Doc

from ..records import Quote


def quotes(doc: Doc) -> list[Quote]:
    return []
