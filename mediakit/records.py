"""The records every extractor returns: frozen dataclasses with character offsets.

Offsets index the report's ``text`` (Python ``str`` indices, end exclusive). Renderers,
comparisons and the JSON export take these records, never spaCy objects.

Every mark (quote, attribution, figure, loaded term) carries ``review``: ``""`` when it was found
by the machine and no teacher has looked at it, ``"confirmed"`` or ``"corrected"`` when the case's
``review.toml`` says a teacher checked it (dropped marks are removed from the analysis).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal

SourceType = Literal[
    "named_person",
    "anonymous_person",
    "official_body",
    "media_outlet",
    "ngo",
    "partisan_unnamed",
    "unspecified",
]
SOURCE_TYPES: tuple[str, ...] = (
    "named_person",
    "anonymous_person",
    "official_body",
    "media_outlet",
    "ngo",
    "partisan_unnamed",
    "unspecified",
)

TERM_CATEGORIES: tuple[str, ...] = (
    "victory_framing",
    "violence_framing",
    "actor_labeling",
    "hedge",
    "intensifier",
    "scare_quotes",
    "loaded_verb",
    "evaluative",
    "doubt_casting",
    "dismissive",
)


@dataclass(frozen=True)
class Quote:
    """A direct quotation: ``text`` is the words inside the marks."""

    text: str
    start: int
    end: int
    speaker: str | None
    speaker_type: str
    cue: str | None
    partial: bool
    speaker_start: int | None = None
    speaker_end: int | None = None
    pull_quote: bool = False
    # how sure speaker_type is: "high" when a word list, a title or the gazetteer decided it,
    # "low" when only the language model's entity label did (or no speaker was found)
    type_confidence: str = "high"
    review: str = ""

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class Attribution:
    """A place where a claim is pinned on a source ("according to X", "X said")."""

    source: str
    start: int
    end: int
    source_type: str
    named: bool
    cue: str
    sentence: str
    sentence_start: int = 0
    sentence_end: int = 0
    resolves_to: str | None = None
    # "speech" (words: said, claimed, according to), "document" (a report, poll or filing as the
    # source: "the lawsuit alleges", "polls show") or "belief" (a view or intention: "X wants",
    # "X believes", "X backs")
    kind: str = "speech"
    # how sure source_type is: "high" when a word list, a title or the gazetteer decided it,
    # "low" when only the language model's entity label did
    type_confidence: str = "high"
    review: str = ""

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class Figure:
    """A count or amount: ``value`` is a number, or None for vague amounts ("several")."""

    text: str
    start: int
    end: int
    value: float | None
    what: str
    source: str | None
    vague: bool = False
    unit_start: int | None = None
    unit_end: int | None = None
    review: str = ""

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class LoadedTerm:
    """A word or phrase from the lexicon of loaded wording."""

    text: str
    start: int
    end: int
    category: str
    lemma: str = ""
    note: str = ""
    review: str = ""

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class Region:
    """A stretch of a report: the body, or a piece of boilerplate with its ``kind``."""

    start: int
    end: int
    kind: str = "body"

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class ReportRecords:
    """Everything extracted from one report."""

    report_id: str
    quotes: tuple[Quote, ...] = field(default_factory=tuple)
    attributions: tuple[Attribution, ...] = field(default_factory=tuple)
    figures: tuple[Figure, ...] = field(default_factory=tuple)
    loaded_terms: tuple[LoadedTerm, ...] = field(default_factory=tuple)
