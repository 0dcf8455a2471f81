"""The whole pipeline for a case: parse every report, extract records, compare them.

``analyze(case)`` returns a :class:`CaseAnalysis`; ``CaseAnalysis.to_dict()`` is the JSON
contract of ``mediakit analyze`` (see docs/json-contract.md). Field names there are stable.

A finished analysis is cached beside the parses (``<cache>/analyses/``), keyed by the case
(texts, metadata, gazetteer, lexicon), the pipeline's cache key and a fingerprint of the kit's
own code and data, so a lesson that was opened before starts without parsing or extracting,
and any change to the kit or the case computes it afresh.
"""

from __future__ import annotations

import hashlib
import json
import os
import pickle
import tempfile
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .cases.case import Case, Report, load_case
from .compare import Comparisons, compare
from .extract import attributions, figures, loaded_terms, quotes
from .nlp import Pipeline, cache_dir, parse, pipeline, pipeline_key
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
    nlp = pipeline(model, gazetteer=case.gazetteer)
    stored = _cached_analysis(case, nlp) if cache else None
    if stored is not None:
        if keep_docs:  # read from the parse cache only if someone asks for them
            stored.docs = LazyDocs(case, nlp)
        return stored
    docs = parse([r.text for r in case.reports], nlp, cache=cache)
    records = {}
    # what the case's gazetteer says each named group is (media outlet, NGO...): source types
    kinds = {e.name: e.kind for e in case.gazetteer if e.kind}
    for r, doc in zip(case.reports, docs, strict=True):
        records[r.id] = extract_report(doc, r, lexicon=case.lexicon or None, kinds=kinds)
    comps = compare(case, records, docs=dict(zip((r.id for r in case.reports), docs, strict=True)))
    info = nlp.meta
    meta = {
        "name": f"{info.get('lang', 'en')}_{info.get('name', nlp.name)}",
        "package": nlp.name,
        "version": str(info.get("version", "")),
        "spacy_version": str(info.get("spacy_version", "")),
    }
    result = CaseAnalysis(
        case=case,
        model=meta,
        records=records,
        comparisons=comps,
        docs=dict(zip((r.id for r in case.reports), docs, strict=True)) if keep_docs else {},
    )
    if cache:
        _store_analysis(result, nlp)
    return result


class LazyDocs(Mapping):
    """The parsed reports of a cached analysis, read from the parse cache on first use."""

    def __init__(self, case: Case, nlp: Pipeline):
        self._ids = [r.id for r in case.reports]
        self._texts = [r.text for r in case.reports]
        self._nlp = nlp
        self._docs: dict[str, Doc] | None = None

    def _all(self) -> dict[str, Doc]:
        if self._docs is None:
            self._docs = dict(zip(self._ids, parse(self._texts, self._nlp), strict=True))
        return self._docs

    def __getitem__(self, key: str) -> Doc:
        return self._all()[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._ids)

    def __len__(self) -> int:
        return len(self._ids)


ANALYSIS_SCHEMA = "1"


@lru_cache(maxsize=1)
def kit_fingerprint() -> str:
    """A hash of the kit's own code and data (parse caches aside): any edit to an extractor, a
    comparison or a lexicon gives a new fingerprint, so no stale analysis is ever reused."""
    from . import __version__

    root = Path(__file__).resolve().parent
    h = hashlib.sha256(f"{ANALYSIS_SCHEMA}|{__version__}".encode())
    for f in sorted(root.rglob("*")):
        rel = f.relative_to(root).as_posix()
        if not f.is_file() or "__pycache__" in rel or rel.startswith("data/parsecache/"):
            continue
        if f.suffix not in (".py", ".toml", ".txt", ".json", ".csv"):
            continue
        h.update(rel.encode() + b"\0" + f.read_bytes() + b"\0")
    return h.hexdigest()[:16]


def _analysis_file(case: Case, nlp: Pipeline) -> Path:
    h = hashlib.sha256()
    h.update(f"{kit_fingerprint()}|{pipeline_key(nlp)}|".encode())
    h.update(pickle.dumps(replace(case, path=None), protocol=4))
    return cache_dir() / "analyses" / f"{case.id[:40]}-{h.hexdigest()[:32]}.pickle"


def _cached_analysis(case: Case, nlp: Pipeline) -> CaseAnalysis | None:
    try:
        f = _analysis_file(case, nlp)
        if not f.exists():
            return None
        stored = pickle.loads(f.read_bytes())
    except Exception:  # a damaged or foreign file: the analysis is simply computed again
        return None
    if not isinstance(stored, CaseAnalysis) or stored.case != replace(case, path=None):
        return None
    stored.case = case
    return stored


def _store_analysis(result: CaseAnalysis, nlp: Pipeline) -> None:
    try:
        f = _analysis_file(result.case, nlp)
        data = pickle.dumps(replace(result, case=replace(result.case, path=None), docs={}),
                            protocol=pickle.HIGHEST_PROTOCOL)
        f.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=f.parent, suffix=".tmp")
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, f)
    except Exception:  # no cache (read-only home, an unpicklable record) is not a failure
        return
