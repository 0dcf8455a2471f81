"""The whole pipeline for a case: parse every report, extract records, compare them.

``analyze(case)`` returns a :class:`CaseAnalysis`; ``CaseAnalysis.to_dict()`` is the JSON
contract of ``mediakit analyze`` (see docs/json-contract.md). Field names there are stable.

A finished analysis is cached beside the parses (``<cache>/analyses/``), keyed by the case
(texts, metadata, gazetteer, lexicon), the pipeline's cache key and a fingerprint of the kit's
own code and data, so a lesson that was opened before starts without parsing or extracting,
and any change to the kit or the case computes it afresh. The entry is JSON data (never
pickle): see ``_entry`` and ``_from_entry``.
"""

from __future__ import annotations

import hashlib
import json
import re
import time
from collections import OrderedDict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from .cases.case import Case, Report, load_case
from .cases.review import ReviewOutcome, apply_review, review_groups
from .compare import Comparisons, compare
from .errors import CaseError
from .extract import attributions, figures, loaded_terms, quotes
from .nlp import (
    Pipeline,
    cache_dir,
    cache_used,
    cache_written,
    iter_parse,
    parse,
    pipeline,
    pipeline_key,
    write_atomic,
)
from .plain import PlainDataError, from_plain
from .records import ReportRecords
from .version import kit_fingerprint as _kit_fingerprint

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
    deadline: float | None = None,
) -> ReportRecords:
    """Run every extractor on one parsed report and keep what lies in its body.

    With a ``deadline`` (``time.monotonic()``), :class:`OverBudget` is raised between the
    extractors once it has passed.

    Pull quotes sit in boilerplate-like display boxes but are quotes, so they are kept and
    marked ``pull_quote``.
    """
    qs = []
    found = quotes(doc, kinds=kinds)
    _check(deadline, "the quotations")
    for q in found:
        if not _keep(report, q.start, q.end, allow=("pull_quote",)):
            continue
        if report.in_boilerplate(q.start, q.end) and not q.pull_quote:
            q = replace(q, pull_quote=True)
        qs.append(q)
    atts = [a for a in attributions(doc, quotes=qs, kinds=kinds) if _keep(report, a.start, a.end)]
    _check(deadline, "the sources")
    figs = [f for f in figures(doc, attributions=atts) if _keep(report, f.start, f.end)]
    _check(deadline, "the figures")
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
    docs: Mapping[str, Doc] = field(default_factory=dict, repr=False)
    # what the case's review.toml changed (None: no review, every mark is the machine's)
    review: ReviewOutcome | None = None

    def report(self, key: str | int) -> Report:
        return self.case.report(key)

    def records_for(self, key: str | int) -> ReportRecords:
        return self.records[self.case.report(key).id]

    def report_dict(self, r: Report) -> dict[str, Any]:
        rec = self.records[r.id]
        return {
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

    def _head(self) -> dict[str, Any]:
        return {
            "case": {"id": self.case.id, "title": self.case.title, "summary": self.case.summary},
            "model": dict(self.model),
            "skipped": [{"file": f, "reason": why} for f, why in self.case.skipped],
            "review": self.review.to_dict() if self.review else None,
        }

    def to_dict(self) -> dict[str, Any]:
        return {
            **self._head(),
            "reports": [self.report_dict(r) for r in self.case.reports],
            "comparisons": self.comparisons.to_dict(),
        }

    def to_json(self, *, indent: int | None = 2) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    def iter_json(self, *, indent: int = 2) -> Iterator[str]:
        """The JSON of :meth:`to_dict` in pieces, one report or one comparison at a time, so
        a case of thousands of reports is written without building it all in memory."""

        def dump(value: Any, level: int) -> str:
            text = json.dumps(value, ensure_ascii=False, indent=indent)
            pad = " " * (indent * level)
            return text.replace("\n", "\n" + pad)  # JSON strings hold no raw line breaks

        def items(key: str, values: Iterable[Any], level: int, last: bool) -> Iterator[str]:
            pad = " " * (indent * level)
            yield f"{pad}{json.dumps(key)}: ["
            first = True
            for v in values:
                yield ("\n" if first else ",\n") + pad + " " * indent + dump(v, level + 1)
                first = False
            yield ("\n" + pad if not first else "") + "]" + ("" if last else ",") + "\n"

        yield "{\n"
        for k, v in self._head().items():
            yield f"{' ' * indent}{json.dumps(k)}: {dump(v, 1)},\n"
        yield from items("reports", (self.report_dict(r) for r in self.case.reports), 1, False)
        yield f'{" " * indent}"comparisons": {{\n'
        c = self.comparisons
        lists = {
            "shared_passages": (x.to_dict() for x in c.shared_passages),
            "figure_groups": (x.to_dict() for x in c.figure_groups),
            "labels": (x.to_dict() for x in c.labels),
            "claims": (x.to_dict() for x in c.claims),
            "same_author_groups": (x.to_dict() for x in c.same_author_groups),
            "source_mix": (x.to_dict() for x in c.source_mix),
            "headline_vs_body": (dict(x) for x in c.headline_vs_body),
            "notes": iter(c.notes),
        }
        pad = " " * (2 * indent)
        names = list(lists)
        for i, name in enumerate(names):
            yield from items(name, lists[name], 2, i == len(names) - 1)
            if name == "shared_passages":
                yield f'{pad}"shared_passages_omitted": {dump(c.shared_passages_omitted, 2)},\n'

        yield f"{' ' * indent}}}\n}}"

    def write_json(self, fh: IO[str], *, indent: int = 2) -> None:
        for piece in self.iter_json(indent=indent):
            fh.write(piece)


class OverBudget(Exception):
    """A report that would take the kit past its time or size budget (the reason in words)."""


# Budgets: a report past one of them is skipped with a one-line reason, never left running.
# A news report has about 2,000 tokens; 300,000 characters of ordinary text about 60,000.
MAX_TOKENS = 250_000
REPORT_SECONDS = 180.0
# Up to this many reports every parse is kept in memory; above it (a class's worth of
# reports) the parses are read back from the cache when a comparison needs one.
KEEP_DOCS_UP_TO = 60

_TOKEN = re.compile(r"\w+|[^\w\s]")


def estimate_tokens(text: str) -> int:
    """About how many tokens the parser will make of ``text`` (words and punctuation marks)."""
    return sum(1 for _ in _TOKEN.finditer(text))


def over_budget(report: Report) -> str | None:
    """Why a report is beyond the kit's budget before parsing, or None."""
    n = estimate_tokens(report.text)
    if n > MAX_TOKENS:
        return (
            f"too dense to analyse in time: about {n:,} words and marks (the kit reads up to "
            f"{MAX_TOKENS:,}; a long news report has about 2,000); split it into shorter reports"
        )
    return None


def _check(deadline: float | None, stage: str) -> None:
    if deadline is not None and time.monotonic() > deadline:
        raise OverBudget(
            f"analysing it took over {REPORT_SECONDS:.0f} seconds (stopped after "
            f"{stage}); split it into shorter reports"
        )


class LazyDocs(Mapping[str, "Doc"]):
    """Report id -> Doc without holding every Doc: each is read back from the parse cache (or
    parsed again) when asked for, and the last few are kept."""

    def __init__(self, reports: Sequence[Report], nlp: Any, *, cache: bool, keep: int = 4) -> None:
        self._texts = {r.id: r.text for r in reports}
        self._nlp = nlp
        self._cache = cache
        self._keep = keep
        self._recent: OrderedDict[str, Doc] = OrderedDict()

    def __getitem__(self, key: str) -> Doc:
        if key not in self._texts:
            raise KeyError(key)
        doc = self._recent.get(key)
        if doc is None:
            (doc,) = parse([self._texts[key]], self._nlp, cache=self._cache)
            self._recent[key] = doc
            while len(self._recent) > self._keep:
                self._recent.popitem(last=False)
        else:
            self._recent.move_to_end(key)
        return doc

    def __iter__(self) -> Iterator[str]:
        return iter(self._texts)

    def __len__(self) -> int:
        return len(self._texts)


def analyze(
    case: Case | str | Path,
    *,
    model: str | None = None,
    cache: bool = True,
    keep_docs: bool = True,
) -> CaseAnalysis:
    """Parse and analyse every report of a case (a Case, a shipped case id or a folder).

    Reports are parsed in batches, so a case of thousands of reports never holds every parse
    at once (above ``KEEP_DOCS_UP_TO`` reports, ``docs`` reads them back from the cache). A
    report beyond the budget (``MAX_TOKENS``, ``REPORT_SECONDS``) is skipped with its reason
    in ``case.skipped``.
    """
    if not isinstance(case, Case):
        case = load_case(case)
    nlp = pipeline(model, gazetteer=case.gazetteer)
    given = case  # the cache is keyed by the case as given, before any report is skipped
    stored = _cached_analysis(case, nlp) if cache else None
    if stored is not None:
        if keep_docs:  # read from the parse cache only if someone asks for them
            stored.docs = LazyDocs(stored.case.reports, nlp, cache=cache)
        return stored
    skipped = list(case.skipped)
    todo = []
    for r in case.reports:
        why = over_budget(r)
        if why:
            skipped.append((r.file, why))
        else:
            todo.append(r)
    records: dict[str, ReportRecords] = {}
    # what the case's gazetteer says each named group is (media outlet, NGO...): source types
    kinds = {e.name: e.kind for e in case.gazetteer if e.kind}
    hold = len(todo) <= KEEP_DOCS_UP_TO
    held: dict[str, Doc] = {}
    for r, doc in zip(todo, iter_parse([r.text for r in todo], nlp, cache=cache), strict=True):
        try:
            records[r.id] = extract_report(
                doc,
                r,
                lexicon=case.lexicon or None,
                kinds=kinds,
                deadline=time.monotonic() + REPORT_SECONDS,
            )
        except OverBudget as exc:
            skipped.append((r.file, str(exc)))
            continue
        if hold:
            held[r.id] = doc
    if len(records) != len(case.reports):
        if not records:
            raise CaseError(
                "No report of the case could be analysed: "
                + "; ".join(f"{f}: {why}" for f, why in skipped[len(case.skipped) :])
            )
        case = replace(
            case, reports=tuple(r for r in case.reports if r.id in records), skipped=tuple(skipped)
        )
    docs: Mapping[str, Doc] = held if hold else LazyDocs(case.reports, nlp, cache=cache)
    # the teacher's review, between extraction and the comparisons (docs/review.md)
    records, reviewed = apply_review(case.review, case.reports, records)
    comps = compare(case, records, docs=docs)
    if case.review:
        groups, reviewed = review_groups(case.review, case.reports, comps.figure_groups, reviewed)
        comps = replace(comps, figure_groups=tuple(groups))
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
        docs=docs if keep_docs else {},
        review=reviewed,
    )
    if cache:
        _store_analysis(result, nlp, given)
    return result


# The analysis cache's format: a new number whenever the entries' shape changes.
ANALYSIS_SCHEMA = "3"


def kit_fingerprint() -> str:
    """A hash of the kit's own code and data and of the analysis cache's format (see
    :func:`mediakit.version.kit_fingerprint`): any edit to an extractor, a comparison or a
    lexicon gives a new fingerprint, so no stale analysis is ever reused."""
    return f"{ANALYSIS_SCHEMA}-{_kit_fingerprint()}"


def analysis_fingerprint(analysis: CaseAnalysis) -> str:
    """A hash of what an analysis holds (its case, records and comparisons) and of the kit's
    code: two analyses with one fingerprint draw the same charts. Views key their caches on it;
    an analysis changed in any way (or a kit edited) gives a new fingerprint."""

    content = asdict(replace(analysis, case=replace(analysis.case, path=None), docs={}))
    # JSON with sorted keys, not pickle: a pickle's bytes differ between an analysis just
    # computed and the same analysis read back from the cache
    h = hashlib.sha256(f"{kit_fingerprint()}|".encode())
    h.update(json.dumps(content, default=_plain, sort_keys=True).encode())
    return h.hexdigest()[:32]


def _plain(o: Any) -> Any:  # what json cannot write as it is (sets: in a fixed order)
    if isinstance(o, set | frozenset):
        return sorted(map(repr, o))
    return repr(o)


def _case_digest(case: Case) -> str:
    """A hash of everything a case holds (its folder aside): texts, metadata, gazetteer, lexicon."""
    content = asdict(replace(case, path=None))
    text = json.dumps(content, default=_plain, sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(text.encode()).hexdigest()


# An entry of the analysis cache is JSON data, never code: the kit's stamp, what it was made
# from, and the records and comparisons in their JSON form (the contract of `mediakit analyze
# --json`), read back field by field with mediakit.plain.from_plain. An entry that does not
# parse, is of another shape, or was not made by this kit from this case is ignored and the
# analysis computed again.
_CACHE_FORMAT = "mediakit-analysis"


def _analysis_file(case: Case, nlp: Pipeline, digest: str) -> Path:
    h = hashlib.sha256(f"{kit_fingerprint()}|{pipeline_key(nlp)}|{digest}".encode())
    return cache_dir() / "analyses" / f"{case.id[:40]}-{h.hexdigest()[:32]}.json"


def _entry(result: CaseAnalysis, nlp: Pipeline, digest: str) -> dict[str, Any]:
    return {
        "format": _CACHE_FORMAT,
        "kit": kit_fingerprint(),
        "pipeline": pipeline_key(nlp),
        "case": digest,
        "model": dict(result.model),
        "reports": [r.id for r in result.case.reports],
        "skipped": [[f, why] for f, why in result.case.skipped],
        "records": [
            {
                "report_id": rec.report_id,
                "quotes": [q.to_dict() for q in rec.quotes],
                "attributions": [a.to_dict() for a in rec.attributions],
                "figures": [f.to_dict() for f in rec.figures],
                "loaded_terms": [t.to_dict() for t in rec.loaded_terms],
            }
            for rec in result.records.values()
        ],
        "comparisons": result.comparisons.to_dict(),
        "review": result.review.to_dict() if result.review else None,
    }


def _from_entry(data: Any, case: Case, nlp: Pipeline, digest: str) -> CaseAnalysis | None:
    """The analysis an entry holds, or None if it is not this kit's entry for this case."""
    if not isinstance(data, dict) or data.get("format") != _CACHE_FORMAT:
        return None
    if (
        data.get("kit") != kit_fingerprint()
        or data.get("pipeline") != pipeline_key(nlp)
        or data.get("case") != digest
    ):
        return None
    try:
        model = from_plain(dict[str, str], data["model"])
        kept = from_plain(tuple[str, ...], data["reports"])
        skipped = from_plain(tuple[tuple[str, str], ...], data["skipped"])
        recs = from_plain(tuple[ReportRecords, ...], data["records"])
        comps = from_plain(Comparisons, data["comparisons"])
        reviewed = from_plain(ReviewOutcome | None, data["review"])  # type: ignore[arg-type]
    except (KeyError, PlainDataError):
        return None
    by_id = {r.id: r for r in case.reports}
    if any(k not in by_id for k in kept) or len(set(kept)) != len(kept):
        return None
    records = {rec.report_id: rec for rec in recs}
    if set(records) != set(kept) or len(records) != len(recs):
        return None
    if len(kept) != len(case.reports) or skipped != case.skipped:
        case = replace(case, reports=tuple(by_id[k] for k in kept), skipped=skipped)
    return CaseAnalysis(case=case, model=model, records=records, comparisons=comps, review=reviewed)


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a number the kit writes")


def _cached_analysis(case: Case, nlp: Pipeline) -> CaseAnalysis | None:
    try:
        digest = _case_digest(case)
        f = _analysis_file(case, nlp, digest)
        if not f.exists():
            return None
        data = json.loads(f.read_bytes(), parse_constant=_no_constant)
    except (OSError, ValueError, RecursionError):  # damaged: the analysis is computed again
        return None
    try:
        stored = _from_entry(data, case, nlp, digest)
    except Exception:  # an entry no reader expected must not stop a lesson: computed again
        return None
    if stored is not None:
        cache_used(f)
    return stored


def _store_analysis(result: CaseAnalysis, nlp: Pipeline, given: Case | None = None) -> None:
    """Keep ``result`` in the cache under the case as it was ``given`` to :func:`analyze`
    (before reports past the budget were left out; by default ``result.case``)."""
    given = result.case if given is None else given
    try:
        digest = _case_digest(given)
        entry = _entry(result, nlp, digest)
        data = json.dumps(entry, ensure_ascii=False, allow_nan=False).encode()
        # kept only if it reads back as the very analysis computed (a value the JSON form
        # cannot hold exactly is not cached: the analysis is simply computed next time)
        back = _from_entry(json.loads(data), given, nlp, digest)
        if back is None or (back.records, back.comparisons, back.model, back.case) != (
            result.records,
            result.comparisons,
            result.model,
            result.case,
        ):
            return
        if write_atomic(_analysis_file(given, nlp, digest), data):
            cache_written("analyses", len(data))
    except Exception:  # no cache (a read-only home, a full disk) is not a failure
        return
