"""Loaded wording (placeholder until the lexicon matcher lands)."""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc

from ..records import LoadedTerm


def loaded_terms(doc: Doc, *, extra: dict[str, Any] | None = None) -> list[LoadedTerm]:
    return []
