"""Same author, different stages: reports that come from one original author.

Evidence comes from what each copy says about itself ("Articles by: X", "The original source
of this article is X", "By X", "X reports…", "Continue this story at X", "Copyright © X") and
from the case metadata (``original_author`` and ``outlet`` in ``case.toml``).

When the metadata is missing (a plain folder of reports), :func:`report_names` reads both
names from the text: the original author from the lines above, the outlet from a dateline
("Global Research, February 03, 2020"), from the outlet's own web address in the page
furniture ("www.globalresearch.ca"), or from "told X" / "speaking to X" / "an X correspondent"
when the page furniture names X too (an outlet names itself there: "MEE's newsletters").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from ._common import name_key

if TYPE_CHECKING:
    from ..cases.case import Case, Report

_NAME = r"(?-i:[\[*_]*(?P<name>[A-Z0-9][\w.&'’-]*(?:[ \t]+(?:[A-Z0-9][\w.&'’-]*|of|for|the|and|de|al-\w+)){0,5}))"

# (how, pattern) -- the pattern has a group "name"; searched line by line
AUTHOR_PATTERNS: tuple[tuple[str, str], ...] = (
    ("articles by", r"^\W*articles?\s+by\s*:?\s*" + _NAME),
    ("original source", r"\boriginal source of this article is\s*:?\s*" + _NAME),
    ("byline", r"^\W*by\s+" + _NAME + r"[\])*_]*(?:\(#\))?\s*$"),
    (
        "reports line",
        r"^\W*" + _NAME + r"[\])*_]*(?:\(#\))?\s+(?:reports?|writes?)\s*(?:…|\.{2,}|:)?\s*$",
    ),
    ("continue at", r"\bcontinue (?:this story|reading)(?: at| on)?\s+" + _NAME),
    ("copyright", r"(?:\bcopyright\b|©)\s*(?:©\s*)?(?:\d{4}\s*)?" + _NAME),
    (
        "first published",
        r"\b(?:first|originally) (?:published|appeared) (?:by|at|on|in)\s+" + _NAME,
    ),
)

_CASE_SENSITIVE_HOWS = ("byline", "reports line")


@dataclass(frozen=True)
class SameAuthorGroup:
    """Reports that come from one original author, with the evidence for each."""

    author: str
    reports: tuple[str, ...]
    evidence: tuple[dict[str, Any], ...] = field(default_factory=tuple)
    role: str = "author"  # "author": wrote them; "publisher": only republished them

    def to_dict(self) -> dict[str, Any]:
        return {
            "author": self.author,
            "reports": list(self.reports),
            "role": self.role,
            "evidence": [dict(e) for e in self.evidence],
        }


def author_evidence(
    report: Report, *, patterns: Sequence[tuple[str, str]] = AUTHOR_PATTERNS
) -> list[dict[str, Any]]:
    """What a report says about who wrote it: [{how, author, text, start, end}]."""
    out = []
    text = report.text
    pos = 0
    for line in text.split("\n"):
        for how, pat in patterns:
            flags = 0 if how in _CASE_SENSITIVE_HOWS else re.IGNORECASE
            m = re.search(pat, line, flags)
            if not m:
                continue
            name = _clean(m.group("name"))
            if not name or len(name) < 2:
                continue
            out.append(
                {
                    "report": report.id,
                    "how": how,
                    "author": name,
                    "text": line.strip(),
                    "start": pos + m.start(),
                    "end": pos + m.end(),
                }
            )
        pos += len(line) + 1
    return out


_MONTHS = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?"
)
# (how, pattern) for the outlet that published this copy
OUTLET_PATTERNS: tuple[tuple[str, str], ...] = (
    (
        "dateline",
        r"^\W*"
        + _NAME
        + r"[\])*_]*(?:\(#\))?\s*[,|–-]\s*(?:\w+day,?\s+)?"
        + _MONTHS
        + r"\s+\d{1,2},?\s+\d{4}\W*$",
    ),
    # a bare address in the page furniture ("www.globalresearch.ca contains copyrighted
    # material"), not a link to another page ("https://www.patreon.com/...")
    (
        "web address",
        r"(?<![\w@./])www\.(?P<name>[a-z0-9-]+)\.[a-z]{2,6}(?:\.[a-z]{2,3})?(?![\w/.-])",
    ),
)
# "told X", "speaking to X", "an X correspondent": the outlet that gathered the words
SELF_NAME_PATTERNS: tuple[str, ...] = (
    r"\b(?:told|telling|speaking to|spoke to|talking to|in an interview with|in comments to)\s+"
    + _NAME,
    r"\b(?:an?|the)\s+" + _NAME + r"(?:['’]s)?\s+(?:correspondent|reporter|photojournalist|"
    r"journalist|crew|cameraman|photographer|stringer)\b",
)


@dataclass(frozen=True)
class ReportNames:
    """Who published a copy (``outlet``) and who wrote it first (``original_author``), from
    the case metadata or, when that is missing, from the text; ``evidence`` says how."""

    outlet: str | None = None
    original_author: str | None = None
    evidence: tuple[dict[str, Any], ...] = ()


def _furniture(report: Report, start: int, end: int) -> bool:
    if start < report.body.start or start >= report.body.end:
        return True
    return any(b.start <= start < b.end for b in report.boilerplate)


def _furniture_text(report: Report) -> str:
    parts = [report.text[: report.body.start], report.text[report.body.end :]]
    parts += [report.text[b.start : b.end] for b in report.boilerplate]
    return "\n".join(parts)


def _initials(name: str) -> str:
    return "".join(w[0] for w in re.findall(r"[A-Za-z][\w'’-]*", name) if w[0].isupper())


def report_names(
    report: Report,
    *,
    patterns: Sequence[tuple[str, str]] = AUTHOR_PATTERNS,
    outlet_patterns: Sequence[tuple[str, str]] = OUTLET_PATTERNS,
    self_patterns: Sequence[str] = SELF_NAME_PATTERNS,
) -> ReportNames:
    """The outlet and original author of a report: metadata first, else what the text says."""
    outlet, author = report.outlet, report.original_author
    evidence: list[dict[str, Any]] = []
    if author is None:
        found = [e for e in author_evidence(report, patterns=patterns) if e["how"] != "copyright"]
        if found:
            counts: dict[str, int] = {}
            for e in found:
                counts[name_key(e["author"])] = counts.get(name_key(e["author"]), 0) + 1
            best = max(counts, key=lambda k: counts[k])
            e = next(e for e in found if name_key(e["author"]) == best)
            author = e["author"]
            evidence.append({**e, "role": "original_author"})
    if outlet is None:
        outlet, ev = _outlet_from_text(report, outlet_patterns, self_patterns, author)
        if ev:
            evidence.append({**ev, "role": "outlet"})
    return ReportNames(outlet=outlet, original_author=author, evidence=tuple(evidence))


@lru_cache(maxsize=4096)
def names_of_report(report: Report) -> ReportNames:
    """:func:`report_names` with the default patterns, computed once per report."""
    return report_names(report)


def _outlet_from_text(
    report: Report,
    outlet_patterns: Sequence[tuple[str, str]],
    self_patterns: Sequence[str],
    author: str | None = None,
) -> tuple[str | None, dict[str, Any] | None]:
    """The first dateline; else a name the report gathered words for and names in its page
    furniture; else the last bare web address of the furniture (not the author's)."""
    text = report.text
    author_key = name_key(author) if author else ""
    found: dict[str, tuple[str, dict[str, Any]]] = {}
    pos = 0
    for line in text.split("\n"):
        for how, pat in outlet_patterns:
            flags = re.IGNORECASE if how == "web address" else 0
            for m in re.finditer(pat, line, flags):
                start = pos + m.start()
                if how == "web address" and not _furniture(report, start, start + 1):
                    continue
                name = _clean(m.group("name"))
                if len(name) < 2 or (how == "web address" and name_key(name) == author_key):
                    continue
                if how == "dateline" and how in found:
                    continue  # the first dateline; the last web address
                found[how] = (
                    name,
                    {
                        "report": report.id,
                        "how": how,
                        "author": name,
                        "text": line.strip(),
                        "start": start,
                        "end": pos + m.end(),
                    },
                )
        pos += len(line) + 1
    if "dateline" in found:
        return found["dateline"]
    furniture = _furniture_text(report)
    for pat in self_patterns:
        for m in re.finditer(pat, text, re.IGNORECASE):
            name = _clean(m.group("name"))
            if len(name) < 2 or _furniture(report, m.start(), m.end()):
                continue
            names = [name] + ([_initials(name)] if len(_initials(name)) >= 2 else [])
            if any(re.search(rf"(?<![\w-]){re.escape(n)}(?![\w-])", furniture) for n in names):
                return name, {
                    "report": report.id,
                    "how": "names itself",
                    "author": name,
                    "text": m.group().strip(),
                    "start": m.start(),
                    "end": m.end(),
                }
    if "web address" in found:
        return found["web address"]
    return None, None


def _clean(name: str) -> str:
    name = re.sub(r"[\[\]*_()#]+", " ", name)
    name = re.sub(r"\s+", " ", name).strip(" .,:;-")
    name = re.sub(r"\s+\d{4}$", "", name)
    return name


def _key(name: str, case: Case) -> str:
    f = name_key(name)
    for e in case.gazetteer:
        if any(name_key(v) == f for v in (e.name, *e.variants)):
            return name_key(e.name)
    return f


def same_author_groups(
    case: Case, *, patterns: Sequence[tuple[str, str]] = AUTHOR_PATTERNS
) -> list[SameAuthorGroup]:
    """Groups of two or more reports that come from one original author.

    Without outlet metadata, the outlet a copy names for itself counts (:func:`report_names`).
    """
    found: dict[str, dict[str, list[dict[str, Any]]]] = {}
    display: dict[str, str] = {}
    names = {r.id: report_names(r, patterns=patterns) for r in case.reports}
    for r in case.reports:
        outlet = names[r.id].outlet
        ev = []
        if r.original_author:
            ev.append(
                {
                    "report": r.id,
                    "how": "case.toml original_author",
                    "author": r.original_author,
                    "text": f'original_author = "{r.original_author}"',
                    "start": None,
                    "end": None,
                }
            )
        for e in author_evidence(r, patterns=patterns):
            # a copy that names its own outlet ("Copyright Global Research") says who published
            # it, not who wrote it, unless nothing else is known
            if outlet and name_key(e["author"]) == name_key(outlet) and e["how"] == "copyright":
                continue
            ev.append(e)
        if not ev and outlet:
            continue
        for e in ev:
            author = e["author"]
            if not author:
                continue
            k = _key(author, case)
            if not k:
                continue
            display.setdefault(k, author)
            found.setdefault(k, {}).setdefault(r.id, []).append(e)
    # an outlet that is itself an author (a report published by South Front directly)
    for r in case.reports:
        n = names[r.id]
        if n.outlet and not n.original_author:
            k = _key(n.outlet, case)
            if k in found and r.id not in found[k]:
                found[k][r.id] = [_outlet_evidence(r, n)]
    order = {r.id: i for i, r in enumerate(case.reports)}
    groups = []
    for k, per in found.items():
        if len(per) < 2:
            continue
        ids = tuple(sorted(per, key=order.__getitem__))
        evidence = tuple(e for rid in ids for e in per[rid])
        # prefer the metadata spelling of the name
        name = next((e["author"] for e in evidence if e["how"].startswith("case.toml")), display[k])
        groups.append(SameAuthorGroup(author=name, reports=ids, evidence=evidence))
    # one outlet republishing several reports of other authors: listed as a publisher, so it
    # is not mistaken for one more author
    by_outlet: dict[str, list[Report]] = {}
    for r in case.reports:
        if names[r.id].outlet:
            by_outlet.setdefault(_key(names[r.id].outlet or "", case), []).append(r)
    authors = {_key(g.author, case) for g in groups}
    for k, rs in by_outlet.items():
        if len(rs) < 2 or k in authors:
            continue
        if not any(
            names[r.id].original_author and _key(names[r.id].original_author or "", case) != k
            for r in rs
        ):
            continue
        evidence = tuple(_outlet_evidence(r, names[r.id]) for r in rs)
        # a spelled-out name ("Global Research") before a web address ("globalresearch")
        shown = min(evidence, key=lambda e: (e["how"] == "web address", order[e["report"]]))
        groups.append(
            SameAuthorGroup(
                author=shown["author"] or k,
                reports=tuple(r.id for r in rs),
                role="publisher",
                evidence=evidence,
            )
        )
    groups.sort(key=lambda g: (g.role != "author", -len(g.reports), order[g.reports[0]]))
    return groups


def _outlet_evidence(r: Report, n: ReportNames) -> dict[str, Any]:
    if r.outlet:
        return {
            "report": r.id,
            "how": "case.toml outlet",
            "author": r.outlet,
            "text": f'outlet = "{r.outlet}"',
            "start": None,
            "end": None,
        }
    ev = next((e for e in n.evidence if e.get("role") == "outlet"), None)
    if ev is not None:
        return {k: v for k, v in ev.items() if k != "role"}
    return {
        "report": r.id,
        "how": "text",
        "author": n.outlet,
        "text": "",
        "start": None,
        "end": None,
    }
