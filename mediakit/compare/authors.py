"""Same author, different stages: reports that come from one original author.

Evidence comes from what each copy says about itself ("Articles by: X", "The original source
of this article is X", "By X", "X reports…", "Continue this story at X", "Copyright © X") and
from the case metadata (``original_author`` and ``outlet`` in ``case.toml``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ._common import fold

if TYPE_CHECKING:
    from ..case import Case, Report

_NAME = r"(?-i:[\[*_]*(?P<name>[A-Z0-9][\w.&'’-]*(?:[ \t]+(?:[A-Z0-9][\w.&'’-]*|of|for|the|and|de|al-\w+)){0,5}))"

# (how, pattern) -- the pattern has a group "name"; searched line by line
AUTHOR_PATTERNS: tuple[tuple[str, str], ...] = (
    ("articles by", r"^\W*articles?\s+by\s*:?\s*" + _NAME),
    ("original source", r"\boriginal source of this article is\s*:?\s*" + _NAME),
    ("byline", r"^\W*by\s+" + _NAME + r"[\])*_]*(?:\(#\))?\s*$"),
    ("reports line", r"^\W*" + _NAME + r"[\])*_]*(?:\(#\))?\s+(?:reports?|writes?)\s*(?:…|\.{2,}|:)?\s*$"),
    ("continue at", r"\bcontinue (?:this story|reading)(?: at| on)?\s+" + _NAME),
    ("copyright", r"(?:\bcopyright\b|©)\s*(?:©\s*)?(?:\d{4}\s*)?" + _NAME),
    ("first published", r"\b(?:first|originally) (?:published|appeared) (?:by|at|on|in)\s+" + _NAME),
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
        return {"author": self.author, "reports": list(self.reports), "role": self.role,
                "evidence": [dict(e) for e in self.evidence]}


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
            out.append({"report": report.id, "how": how, "author": name,
                        "text": line.strip(), "start": pos + m.start(), "end": pos + m.end()})
        pos += len(line) + 1
    return out


def _clean(name: str) -> str:
    name = re.sub(r"[\[\]*_()#]+", " ", name)
    name = re.sub(r"\s+", " ", name).strip(" .,:;-")
    name = re.sub(r"\s+\d{4}$", "", name)
    return name


def _key(name: str, case: Case) -> str:
    f = re.sub(r"[^\w]+", "", fold(name))
    for e in case.gazetteer:
        if any(re.sub(r"[^\w]+", "", fold(v)) == f for v in (e.name, *e.variants)):
            return re.sub(r"[^\w]+", "", fold(e.name))
    return f


def same_author_groups(
    case: Case, *, patterns: Sequence[tuple[str, str]] = AUTHOR_PATTERNS
) -> list[SameAuthorGroup]:
    """Groups of two or more reports that come from one original author."""
    found: dict[str, dict[str, list[dict[str, Any]]]] = {}
    display: dict[str, str] = {}
    for r in case.reports:
        ev = []
        if r.original_author:
            ev.append({"report": r.id, "how": "case.toml original_author",
                       "author": r.original_author, "text": f'original_author = "{r.original_author}"',
                       "start": None, "end": None})
        for e in author_evidence(r, patterns=patterns):
            # a copy that names its own outlet ("Copyright Global Research") says who published
            # it, not who wrote it, unless nothing else is known
            if r.outlet and fold(e["author"]) == fold(r.outlet) and e["how"] == "copyright":
                continue
            ev.append(e)
        if not ev and r.outlet:
            continue
        for e in ev:
            k = _key(e["author"], case)
            if not k:
                continue
            display.setdefault(k, e["author"])
            found.setdefault(k, {}).setdefault(r.id, []).append(e)
    # an outlet that is itself an author (a report published by South Front directly)
    for r in case.reports:
        if r.outlet and not r.original_author:
            k = _key(r.outlet, case)
            if k in found and r.id not in found[k]:
                found[k][r.id] = [{"report": r.id, "how": "case.toml outlet", "author": r.outlet,
                                   "text": f'outlet = "{r.outlet}"', "start": None, "end": None}]
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
        if r.outlet:
            by_outlet.setdefault(_key(r.outlet, case), []).append(r)
    authors = {_key(g.author, case) for g in groups}
    for k, rs in by_outlet.items():
        if len(rs) < 2 or k in authors:
            continue
        if not any(r.original_author and _key(r.original_author, case) != k for r in rs):
            continue
        groups.append(SameAuthorGroup(
            author=rs[0].outlet or k, reports=tuple(r.id for r in rs), role="publisher",
            evidence=tuple({"report": r.id, "how": "case.toml outlet", "author": r.outlet,
                            "text": f'outlet = "{r.outlet}"', "start": None, "end": None}
                           for r in rs),
        ))
    groups.sort(key=lambda g: (g.role != "author", -len(g.reports), order[g.reports[0]]))
    return groups
