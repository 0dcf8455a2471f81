"""Small helpers for the comparison tests: hand-made cases and records."""

from __future__ import annotations

import json
from pathlib import Path

from mediakit import load_case
from mediakit.records import Attribution, Figure, Quote, ReportRecords

GOLD = Path(__file__).resolve().parent / "gold" / "comparisons.json"


def gold() -> dict:
    return json.loads(GOLD.read_text(encoding="utf-8"))


def case_from(make_case, files: dict[str, str], toml: str | None = None):
    return load_case(make_case(files, toml))


def span(text: str, part: str, nth: int = 0) -> tuple[int, int]:
    i = -1
    for _ in range(nth + 1):
        i = text.index(part, i + 1)
    return i, i + len(part)


def quote(text: str, words: str, speaker: str | None, nth: int = 0) -> Quote:
    s, e = span(text, words, nth)
    return Quote(
        text=words,
        start=s,
        end=e,
        speaker=speaker,
        speaker_type="anonymous_person",
        cue="said",
        partial=False,
    )


def figure(
    text: str, number: str, value: float | None, what: str, nth: int = 0, vague: bool = False
) -> Figure:
    s, e = span(text, number, nth)
    return Figure(text=number, start=s, end=e, value=value, what=what, source=None, vague=vague)


def attribution(
    text: str,
    source: str,
    source_type: str,
    named: bool,
    cue: str = "said",
    resolves_to: str | None = None,
) -> Attribution:
    s, e = span(text, source)
    return Attribution(
        source=source,
        start=s,
        end=e,
        source_type=source_type,
        named=named,
        cue=cue,
        sentence="",
        resolves_to=resolves_to,
    )


def records(rid: str, **kw) -> ReportRecords:
    return ReportRecords(report_id=rid, **{k: tuple(v) for k, v in kw.items()})
