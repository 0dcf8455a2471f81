"""Figures (placeholder until the figures extractor lands)."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc

from ..records import Attribution, Figure


def figures(doc: Doc, *, attributions: Sequence[Attribution] = ()) -> list[Figure]:
    return []
