"""Attributions (placeholder until the attribution extractor lands)."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc

from ..records import Attribution, Quote


def attributions(doc: Doc, *, quotes: Sequence[Quote] = ()) -> list[Attribution]:
    return []
