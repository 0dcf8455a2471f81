"""The whole pipeline for a case: parse every report, extract records, compare them.

``analyze(case)`` returns a :class:`CaseAnalysis`; ``CaseAnalysis.to_dict()`` is the JSON
contract of ``mediakit analyze`` (see docs/json-contract.md). Field names there are stable.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .cases.case import Case, Report, load_case
from .compare import Comparisons, compare
from .extract import attributions, figures, loaded_terms, quotes
from .nlp import load_pipeline, model_name, parse
from .records import ReportRecords

if TYPE_CHECKING:
    from spacy.tokens import Doc


def _keep(report: Report, start: int, end: int, *, allow: tuple[str, ...] = ()) -> bool:
    """True if [start, end) lies in the article body, or in a boilerplate region of an allowed kind."""
    if not report.in_boilerplate(start, end):
        return True
    return any(b.kind in allow and b.start <= start and end <= b.end for b in report.boilerplate)


def extract_report(
    doc: Doc,
    report: Report,
    *,
    lexicon: dict[str, Any] | None = None,
    kinds: dict[str, str] | None = None,
) -> ReportRecords:
    """Run every extractor on one parsed report and keep what lies in its body.

    Pull quotes sit in boilerplate-like display boxes but are quotes, so they are kept and
    marked ``pull_quote``.
    """
    qs = []
    for q in quotes(doc, kinds=kinds):
        if not _keep(report, q.start, q.end, allow=("pull_quote",)):
            continue
        if report.in_boilerplate(q.start, q.end) and not q.pull_quote:
            from dataclasses import replace

            q = replace(q, pull_quote=True)
        qs.append(q)
    atts = [a for a in attributions(doc, quotes=qs, kinds=kinds) if _keep(report, a.start, a.end)]
    figs = [f for f in figures(doc, attributions=atts) if _keep(report, f.start, f.end)]
    terms = [t for t in loaded_terms(doc, extra=lexicon) if _keep(report, t.start, t.end)]
    return ReportRecords(
        report_id=report.id,
        quotes=tuple(qs),
        attributions=tuple(atts),
        figures=tuple(figs),
        loaded_terms=tuple(terms),
    )


@dataclass
class CaseAnalysis:
    """A case with every report's records and the comparisons across reports."""

    case: Case
    model: dict[str, str]
    records: dict[str, ReportRecords]
    comparisons: Comparisons
    docs: dict[str, Doc] = field(default_factory=dict, repr=False)

    def report(self, key: str | int) -> Report:
        return self.case.report(key)

    def records_for(self, key: str | int) -> ReportRecords:
        return self.records[self.case.report(key).id]

    def to_dict(self) -> dict[str, Any]:
        reports = []
        for r in self.case.reports:
            rec = self.records[r.id]
            reports.append(
                {
                    "id": r.id,
                    "file": r.file,
                    "outlet": r.outlet,
                    "original_author": r.original_author,
                    "date": r.date,
                    "url": r.url,
                    "notes": r.notes,
                    "encoding": r.encoding,
                    "normalised": list(r.normalised),
                    "text": r.text,
                    "body": {"start": r.body.start, "end": r.body.end},
                    "headline": (
                        {"start": r.headline.start, "end": r.headline.end} if r.headline else None
                    ),
                    "boilerplate": [
                        {"start": b.start, "end": b.end, "kind": b.kind} for b in r.boilerplate
                    ],
                    "quotes": [q.to_dict() for q in rec.quotes],
                    "attributions": [a.to_dict() for a in rec.attributions],
                    "figures": [f.to_dict() for f in rec.figures],
                    "loaded_terms": [t.to_dict() for t in rec.loaded_terms],
                }
            )
        return {
            "case": {"id": self.case.id, "title": self.case.title, "summary": self.case.summary},
            "model": dict(self.model),
            "skipped": [{"file": f, "reason": why} for f, why in self.case.skipped],
            "reports": reports,
            "comparisons": self.comparisons.to_dict(),
        }

    def to_json(self, *, indent: int | None = 2) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)


def analyze(
    case: Case | str | Path,
    *,
    model: str | None = None,
    cache: bool = True,
    keep_docs: bool = True,
) -> CaseAnalysis:
    """Parse and analyse every report of a case (a Case, a shipped case id or a folder)."""
    if not isinstance(case, Case):
        case = load_case(case)
    nlp = load_pipeline(model, gazetteer=case.gazetteer)
    docs = parse([r.text for r in case.reports], nlp, cache=cache)
    records = {}
    # what the case's gazetteer says each named group is (media outlet, NGO...): source types
    kinds = {e.name: e.kind for e in case.gazetteer if e.kind}
    for r, doc in zip(case.reports, docs, strict=True):
        records[r.id] = extract_report(doc, r, lexicon=case.lexicon or None, kinds=kinds)
    comps = compare(case, records, docs=dict(zip((r.id for r in case.reports), docs, strict=True)))
    meta = {
        "name": f"{nlp.meta.get('lang', 'en')}_{nlp.meta.get('name', model_name(model))}",
        "package": model_name(model),
        "version": str(nlp.meta.get("version", "")),
        "spacy_version": str(nlp.meta.get("spacy_version", "")),
    }
    return CaseAnalysis(
        case=case,
        model=meta,
        records=records,
        comparisons=comps,
        docs=dict(zip((r.id for r in case.reports), docs, strict=True)) if keep_docs else {},
    )
