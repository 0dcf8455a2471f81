"""Shared passages and lifted quotes: text two reports have in common, and who credits whom.

How it works (never quadratic in text length):

1. Every report becomes a list of folded words with offsets; punctuation, quote-mark style
   and ellipses are not words, so they cannot hide a copy.
2. Every run of ``shingle`` words is hashed. Runs found in two reports are seeds; runs found
   in many reports or many times in one report are stock phrases and are ignored.
3. Seeds on the same diagonal join into runs; runs that follow each other with small gaps
   (an inserted "he said", a changed word, "…." joining two segments) join into passages.
4. Each passage gets a similarity (rapidfuzz ratio of the two word sequences), a kind
   ("quote" when it sits inside quotation marks in either report), a boilerplate flag, the
   speakers the quote records give on both sides, and who it seems to come from and whether
   the copy credits it.
"""

from __future__ import annotations

import heapq
import re
from array import array
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING, Any

from rapidfuzz.fuzz import ratio

from ..records import Quote, ReportRecords
from ._common import fold, norm, words
from .authors import names_of_report

if TYPE_CHECKING:
    from ..cases.case import Case, Report

_OPEN_QUOTES = "\"'“‘«„"
_CLOSE_QUOTES = "\"'”’»“"
_PRONOUNS = {"he", "she", "they", "it", "we", "i", "him", "her", "them", "who"}

# Words that say a report gathered the words itself: "told MEE", "speaking to Middle East Eye",
# "a Sputnik photojournalist". NAME is replaced by the outlet's names.
SELF_SOURCE_PATTERNS: tuple[str, ...] = (
    r"\b(?:told|telling|speaking to|spoke to|speaks to|said to|talking to|talked to|"
    r"in an interview with|interviewed by|in comments to|wrote to)\s+(?:the\s+)?NAME\b",
    r"\bNAME(?:['’]s)?\s+(?:correspondent|reporter|photojournalist|journalist|crew|team|"
    r"cameraman|photographer|stringer)\b",
    r"\bNAME\s+(?:has\s+)?(?:learned|learnt|obtained|seen|verified|spoken)\b",
)


@dataclass(frozen=True)
class SharedPassage:
    """Text two reports share: where in both, how similar, and who credits whom.

    ``origin`` is the report the words seem to come from and ``copy`` the one repeating
    them (None when the reports do not say); ``credited`` is true when the copy names the
    origin (its outlet or original author). ``a_speakers``/``b_speakers`` are the speakers
    the quote records give on each side, so a relabelled quote shows.
    """

    a: str
    a_start: int
    a_end: int
    b: str
    b_start: int
    b_end: int
    similarity: float
    credited: bool
    words: int = 0
    kind: str = "text"
    boilerplate: bool = False
    a_text: str = ""
    b_text: str = ""
    origin: str | None = None
    copy: str | None = None
    credit: str | None = None
    credit_start: int | None = None
    credit_end: int | None = None
    a_speakers: tuple[str, ...] = field(default_factory=tuple)
    b_speakers: tuple[str, ...] = field(default_factory=tuple)
    relabelled: bool = False
    reason: str = ""

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["a_speakers"] = list(self.a_speakers)
        d["b_speakers"] = list(self.b_speakers)
        return d


def shared_passages(
    case: Case,
    records: Mapping[str, ReportRecords] | None = None,
    *,
    shingle: int = 5,
    min_words: int = 12,
    min_quote_words: int = 5,
    max_gap: int = 8,
    max_reports_per_shingle: int | None = None,
    max_repeats: int = 3,
    include_boilerplate: bool = True,
    self_source_patterns: Sequence[str] = SELF_SOURCE_PATTERNS,
    per_pair: int | None = None,
    total: int | None = None,
    counts: dict[tuple[str, str], int] | None = None,
) -> list[SharedPassage]:
    """Every passage two reports of ``case`` share, longest and most similar first per pair.

    ``min_words`` is the shortest shared text worth showing; quotes may be shorter
    (``min_quote_words``). A run of words found in more than ``max_reports_per_shingle``
    reports (default: half the reports, at least 8 and at most 50) or more than ``max_repeats`` times in one
    report is a stock phrase and starts no passage. Passages that lie in boilerplate
    (disclaimers, donation appeals) are flagged ``boilerplate`` and dropped when
    ``include_boilerplate`` is false.

    ``per_pair`` and ``total`` keep only the longest passages of each pair and in all while
    they are found (a case of thousands of similar reports shares hundreds of thousands);
    ``counts`` then receives how many each pair of report ids shares before the caps.
    """
    records = records or {}
    reports = list(case.reports)
    if len(reports) < 2:
        return []
    n = max(2, shingle)
    cap = max_reports_per_shingle or max(8, min(len(reports) // 2, 50))
    # compact per report: word ids and offsets (a case of thousands of reports would hold
    # millions of (word, start, end) tuples otherwise)
    vocab: dict[str, int] = {}
    seqs: list[array[int]] = []
    starts: list[array[int]] = []
    ends: list[array[int]] = []
    for r in reports:
        t = words(r.text)
        seqs.append(array("l", (vocab.setdefault(w, len(vocab)) for w, _, _ in t)))
        starts.append(array("l", (a for _, a, _ in t)))
        ends.append(array("l", (b for _, _, b in t)))
    spelled = list(vocab)

    index: dict[tuple[int, ...], list[tuple[int, int]]] = defaultdict(list)
    for ri, seq in enumerate(seqs):
        for p in range(len(seq) - n + 1):
            index[tuple(seq[p : p + n])].append((ri, p))

    # the shingles that may seed a passage, with their positions per report
    usable: dict[tuple[int, ...], dict[int, list[int]]] = {}
    for key, occ in index.items():
        if len(occ) < 2 or occ[0][0] == occ[-1][0]:
            continue
        by_r: dict[int, list[int]] = defaultdict(list)
        for ri, p in occ:
            by_r[ri].append(p)
        if len(by_r) > cap or any(len(v) > max_repeats for v in by_r.values()):
            continue
        usable[key] = by_r
    del index

    names = [_names_of(case, r) for r in reports]
    out: list[SharedPassage] = []
    heap: list[tuple[int, int, SharedPassage]] = []
    serial = 0
    # one report at a time against the later ones: only its seeds are held, never every pair's
    for ra, seq in enumerate(seqs):
        hits: dict[int, list[tuple[int, int]]] = defaultdict(list)
        done: set[tuple[int, ...]] = set()
        for p in range(len(seq) - n + 1):
            key = tuple(seq[p : p + n])
            seen_in = usable.get(key)
            if seen_in is None or key in done:
                continue
            done.add(key)
            for rb, pbs in seen_in.items():
                if rb > ra:
                    bucket = hits[rb]
                    for pa in seen_in[ra]:
                        for pb in pbs:
                            bucket.append((pa, pb))
        for rb, pairs in sorted(hits.items()):
            found = _passages_of_pair(
                case,
                records,
                reports,
                names,
                ra,
                rb,
                pairs,
                seqs,
                starts,
                ends,
                spelled,
                n=n,
                max_gap=max_gap,
                min_words=min_words,
                min_quote_words=min_quote_words,
                include_boilerplate=include_boilerplate,
                self_source_patterns=self_source_patterns,
            )
            if counts is not None and found:
                counts[(reports[ra].id, reports[rb].id)] = len(found)
            if per_pair is not None and len(found) > per_pair:
                best = sorted(range(len(found)), key=lambda i: (-found[i].words, i))[:per_pair]
                found = [found[i] for i in sorted(best)]
            if total is None:
                out.extend(found)
                continue
            for sp in found:  # the longest ``total`` in all, the earlier found first on a tie
                serial += 1
                item = (sp.words, -serial, sp)
                if len(heap) < total:
                    heapq.heappush(heap, item)
                elif item[:2] > heap[0][:2]:
                    heapq.heapreplace(heap, item)
    if total is not None:
        out = [p for _, _, p in heap]
    order = {r.id: i for i, r in enumerate(reports)}
    out.sort(key=lambda p: (p.boilerplate, order[p.a], order[p.b], p.a_start, p.b_start))
    return out


# --------------------------------------------------------------------------- seeds to passages


def _passages_of_pair(
    case: Case,
    records: Mapping[str, ReportRecords],
    reports: list[Report],
    names: list[Any],
    ra: int,
    rb: int,
    pairs: list[tuple[int, int]],
    seqs: list[array[int]],
    starts: list[array[int]],
    ends: list[array[int]],
    spelled: list[str],
    *,
    n: int,
    max_gap: int,
    min_words: int,
    min_quote_words: int,
    include_boilerplate: bool,
    self_source_patterns: Sequence[str],
) -> list[SharedPassage]:
    out = []
    for a0, a1, b0, b1 in _chains(pairs, n, max_gap):
        nw = min(a1 - a0, b1 - b0)
        if nw < min(min_words, min_quote_words):
            continue
        A, B = reports[ra], reports[rb]
        a_start, a_end = starts[ra][a0], ends[ra][a1 - 1]
        b_start, b_end = starts[rb][b0], ends[rb][b1 - 1]
        qa = _quotes_over(records.get(A.id), a_start, a_end)
        qb = _quotes_over(records.get(B.id), b_start, b_end)
        is_quote = (
            bool(qa or qb) or _in_marks(A.text, a_start, a_end) or _in_marks(B.text, b_start, b_end)
        )
        if nw < (min_quote_words if is_quote else min_words):
            continue
        boiler = _boilerplate(A, a_start, a_end) or _boilerplate(B, b_start, b_end)
        if boiler and not include_boilerplate:
            continue
        sim = ratio(
            " ".join(spelled[w] for w in seqs[ra][a0:a1]),
            " ".join(spelled[w] for w in seqs[rb][b0:b1]),
        )
        out.append(
            _describe(
                case,
                A,
                B,
                names[ra],
                names[rb],
                a_start,
                a_end,
                b_start,
                b_end,
                similarity=round(sim / 100, 3),
                nwords=nw,
                kind="quote" if is_quote else "text",
                boilerplate=boiler,
                qa=qa,
                qb=qb,
                self_source_patterns=self_source_patterns,
            )
        )
    return out


def _chains(pairs: list[tuple[int, int]], n: int, max_gap: int) -> list[tuple[int, int, int, int]]:
    """Join seed positions into passages: token ranges (a0, a1, b0, b1), end exclusive."""
    pairs.sort(key=lambda ab: (ab[0] - ab[1], ab[0]))
    runs: list[list[int]] = []
    for pa, pb in pairs:
        if runs:
            r = runs[-1]
            if pa - pb == r[0] - r[2] and pa <= r[1]:
                r[1] = max(r[1], pa + n)
                r[3] = max(r[3], pb + n)
                continue
        runs.append([pa, pa + n, pb, pb + n])
    runs.sort()
    chains: list[list[int]] = []
    for a0, a1, b0, b1 in runs:
        best = None
        best_gap = None
        for c in chains:
            ga, gb = a0 - c[1], b0 - c[3]
            if -n < ga <= max_gap and -n < gb <= max_gap and a1 > c[1] and b1 > c[3]:
                gap = max(ga, 0) + max(gb, 0)
                if best_gap is None or gap < best_gap:
                    best, best_gap = c, gap
        if best is not None:
            best[1], best[3] = max(best[1], a1), max(best[3], b1)
        else:
            chains.append([a0, a1, b0, b1])
    return [tuple(c) for c in chains]  # type: ignore[misc]


# --------------------------------------------------------------------------- describing


def _quotes_over(rec: ReportRecords | None, start: int, end: int) -> list[Quote]:
    if rec is None:
        return []
    out = []
    for q in rec.quotes:
        overlap = min(end, q.end) - max(start, q.start)
        if overlap > 0 and overlap * 2 >= min(end - start, q.end - q.start):
            out.append(q)
    return out


def _in_marks(text: str, start: int, end: int) -> bool:
    i = start - 1
    while i >= 0 and text[i].isspace():
        i -= 1
    if i >= 0 and text[i] in _OPEN_QUOTES:
        return True
    j = end
    while j < len(text) and text[j] in ".,;:!?… ":
        j += 1
    return j < len(text) and text[j] in _CLOSE_QUOTES


def _boilerplate(report: Report, start: int, end: int) -> bool:
    """True if most of [start, end) is outside the body or in boilerplate (pull quotes aside)."""
    size = max(1, end - start)
    outside = max(0, min(end, report.body.start) - start) + max(
        0, end - max(start, report.body.end)
    )
    inside = 0
    for b in report.boilerplate:
        if b.kind == "pull_quote":
            continue
        inside += max(0, min(end, b.end) - max(start, b.start))
    return (outside + inside) * 2 >= size


def _speaker(q: Quote) -> str | None:
    return q.speaker.strip() if q.speaker and q.speaker.strip() else None


def _outlet(report: Report) -> str | None:
    return names_of_report(report).outlet


def _author(report: Report) -> str | None:
    return names_of_report(report).original_author


def _label(report: Report) -> str:
    return _outlet(report) or report.label


def _names_of(case: Case, report: Report) -> dict[str, list[str]]:
    """The names a report goes by: its outlet and its original author (from the case metadata,
    else from what the copy says about itself), with gazetteer variants."""
    out: dict[str, list[str]] = {}
    for key in (_outlet(report), _author(report)):
        if not key:
            continue
        variants = {key}
        fk = fold(key)
        for e in case.gazetteer:
            allnames = [e.name, *e.variants]
            if any(fold(x) == fk for x in allnames):
                variants.update(allnames)
        out[key] = sorted(variants, key=len, reverse=True)
    return out


def _name_regex(variants: Sequence[str]) -> str:
    alts = "|".join(re.escape(v).replace(r"\ ", r"\s+") for v in variants)
    return rf"(?:{alts})"


def _mention(text: str, variants: Sequence[str]) -> re.Match[str] | None:
    if not variants:
        return None
    return re.search(rf"(?<![\w-]){_name_regex(variants)}(?![\w-])", text)


def _self_sourced(
    report: Report, names: dict[str, list[str]], start: int, end: int, patterns: Sequence[str]
) -> re.Match[str] | None:
    """'told MEE', 'speaking to Middle East Eye' near the passage, naming the report's own outlet."""
    outlet = _outlet(report)
    if not outlet or outlet not in names:
        return None
    window = report.text[max(0, start - 800) : min(len(report.text), end + 200)]
    rx = _name_regex(names[outlet])
    for p in patterns:
        m = re.search(p.replace("NAME", rx), window, re.IGNORECASE)
        if m:
            return m
    return None


def _credit(
    copy: Report, origin: Report, names_origin: dict[str, list[str]]
) -> re.Match[str] | None:
    """Where the copy names the origin's outlet or original author, if anywhere."""
    for key in (_outlet(origin), _author(origin)):
        if key and key in names_origin and key != _outlet(copy):
            m = _mention(copy.text, names_origin[key])
            if m:
                return m
    return None


def _line_at(text: str, m: re.Match[str]) -> tuple[str, int, int]:
    s = text.rfind("\n", 0, m.start()) + 1
    e = text.find("\n", m.end())
    e = len(text) if e < 0 else e
    if e - s > 160:
        s, e = max(s, m.start() - 60), min(e, m.end() + 60)
    return text[s:e].strip(), s, e


def _describe(
    case: Case,
    A: Report,
    B: Report,
    names_a: dict[str, list[str]],
    names_b: dict[str, list[str]],
    a_start: int,
    a_end: int,
    b_start: int,
    b_end: int,
    *,
    similarity: float,
    nwords: int,
    kind: str,
    boilerplate: bool,
    qa: list[Quote],
    qb: list[Quote],
    self_source_patterns: Sequence[str],
) -> SharedPassage:
    la, lb = _label(A), _label(B)
    origin: Report | None = None
    copy: Report | None = None
    why = ""
    # 1. a report that says the words were given to it is where they come from
    if kind == "quote":
        sa = _self_sourced(A, names_a, a_start, a_end, self_source_patterns)
        sb = _self_sourced(B, names_b, b_start, b_end, self_source_patterns)
        if sa and not sb:
            origin, copy, why = A, B, f"{la} says it gathered these words itself ('{sa.group()}')"
        elif sb and not sa:
            origin, copy, why = B, A, f"{lb} says it gathered these words itself ('{sb.group()}')"
    # 2. a report that names the other's outlet is the copy
    credit_m: re.Match[str] | None = None
    if origin is None:
        ca = _credit(A, B, names_b)
        cb = _credit(B, A, names_a)
        if ca and not cb:
            origin, copy, credit_m = B, A, ca
            why = f"{la} names {_match_name(ca)}"
        elif cb and not ca:
            origin, copy, credit_m = A, B, cb
            why = f"{lb} names {_match_name(cb)}"
    # 3. dates from the case metadata
    if origin is None and A.date and B.date and A.date != B.date:
        origin, copy = (A, B) if A.date < B.date else (B, A)
        why = f"{_label(origin)} is dated {origin.date}, {_label(copy)} {copy.date}"

    credited = False
    credit_text: str | None = None
    credit_span: tuple[int, int] | None = None
    if origin is not None and copy is not None:
        names_o = names_a if origin is A else names_b
        credit_m = credit_m or _credit(copy, origin, names_o)
        if credit_m:
            credited = True
            credit_text, cs, ce = _line_at(copy.text, credit_m)
            credit_span = (cs, ce)
            reason = (
                f"{_label(copy)} repeats text from {_label(origin)} ({why}) and credits it: "
                f"'{credit_text}'."
            )
        else:
            reason = (
                f"{_label(copy)} repeats words from {_label(origin)} ({why}) without naming "
                f"{_label(origin)}."
            )
    else:
        common = _common_author(A, B)
        ma = _mention(A.text, names_a.get(common, [common])) if common else None
        mb = _mention(B.text, names_b.get(common, [common])) if common else None
        if common and ma and mb:
            credited = True
            credit_text, cs, ce = _line_at(A.text, ma)
            credit_span = None
            reason = (
                f"Both reports come from {common} and both name it; the reports do not "
                "say which copy came first."
            )
        else:
            reason = (
                "Neither report names the other, and the reports do not say which came "
                "first: the words may come from a third source."
            )
    sp_a = tuple(dict.fromkeys(s for q in qa if (s := _speaker(q))))
    sp_b = tuple(dict.fromkeys(s for q in qb if (s := _speaker(q))))
    na = {_speaker_key(s) for s in sp_a} - _PRONOUNS
    nb = {_speaker_key(s) for s in sp_b} - _PRONOUNS
    relabelled = bool(na and nb and not (na & nb))
    if kind == "quote" and na and nb and (na & nb) and not credited and origin is None:
        # both quote the same speaker by the same name: each credits the speaker, and
        # nothing shows that one report copied the other
        credited = True
        reason = (
            f"Both reports give these words to the same speaker ({sorted(sp_a)[0]}); "
            "nothing shows that one copied the other (they may share a wire report)."
        )
    if kind == "quote" and (sp_a or sp_b):
        who_a = ", ".join(sp_a) or "no speaker found"
        who_b = ", ".join(sp_b) or "no speaker found"
        reason += f" Speaker in {la}: {who_a}; in {lb}: {who_b}."
    if boilerplate:
        reason = "Boilerplate (page furniture shared by the two outlets). " + reason
    return SharedPassage(
        a=A.id,
        a_start=a_start,
        a_end=a_end,
        b=B.id,
        b_start=b_start,
        b_end=b_end,
        similarity=similarity,
        credited=credited,
        words=nwords,
        kind=kind,
        boilerplate=boilerplate,
        a_text=A.text[a_start:a_end],
        b_text=B.text[b_start:b_end],
        origin=origin.id if origin else None,
        copy=copy.id if copy else None,
        credit=credit_text,
        credit_start=credit_span[0] if credit_span else None,
        credit_end=credit_span[1] if credit_span else None,
        a_speakers=sp_a,
        b_speakers=sp_b,
        relabelled=relabelled,
        reason=reason,
    )


def _speaker_key(s: str) -> str:
    return " ".join(x for x in norm(s).split() if x not in ("the", "a", "an", "one"))


def _match_name(m: re.Match[str]) -> str:
    return re.sub(r"\s+", " ", m.group())


def _common_author(A: Report, B: Report) -> str | None:
    for x in (_author(A), _outlet(A)):
        for y in (_author(B), _outlet(B)):
            if x and y and fold(x) == fold(y):
                return x
    return None
