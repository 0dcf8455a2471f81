"""Measuring the extractors against a hand-made gold annotation.

The gold format (see tests/gold/README.md): per report file, lists of items whose ``text`` is an
exact substring of the report and ``occurrence`` picks which copy (0-based). A predicted record
matches a gold item when their character spans overlap by at least half of the shorter span;
matching is one-to-one, best overlap first. The kit uses this to print precision, recall and F1
(bench/accuracy.py), to hold the targets in a test, and to tell learners its own error rate.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class Score:
    """Precision, recall and F1 of one extractor, with the raw counts."""

    name: str
    tp: int
    fp: int
    fn: int
    extra: tuple[tuple[str, float], ...] = ()

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": round(self.precision, 3),
            "recall": round(self.recall, 3),
            "f1": round(self.f1, 3),
        }
        d.update({k: round(v, 3) for k, v in self.extra})
        return d


def locate(text: str, needle: str, occurrence: int = 0) -> tuple[int, int]:
    """Offsets of the ``occurrence``-th exact copy of ``needle`` in ``text``."""
    pos = -1
    for _ in range(occurrence + 1):
        pos = text.find(needle, pos + 1)
        if pos < 0:
            raise ValueError(f"gold text not found (occurrence {occurrence}): {needle[:60]!r}")
    return pos, pos + len(needle)


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> float:
    inter = min(a[1], b[1]) - max(a[0], b[0])
    if inter <= 0:
        return 0.0
    return inter / max(1, min(a[1] - a[0], b[1] - b[0]))


def match(
    pred: Sequence[tuple[int, int]], gold: Sequence[tuple[int, int]], *, threshold: float = 0.5
) -> list[tuple[int, int]]:
    """One-to-one matching of predicted to gold spans, best overlap first: (pred_i, gold_j)."""
    pairs = []
    for i, p in enumerate(pred):
        for j, g in enumerate(gold):
            ov = _overlap(p, g)
            if ov >= threshold:
                pairs.append((ov, i, j))
    pairs.sort(reverse=True)
    used_p: set[int] = set()
    used_g: set[int] = set()
    out = []
    for _, i, j in pairs:
        if i in used_p or j in used_g:
            continue
        used_p.add(i)
        used_g.add(j)
        out.append((i, j))
    return out


_ARTICLES = re.compile(r"^(the|a|an|one|some)\s+", re.I)


def norm_name(s: str | None) -> str:
    if not s:
        return ""
    s = s.replace("’", "'").lower()
    s = re.sub(r"[^\w' -]+", " ", s)
    s = re.sub(r"\s+", " ", s).strip()
    return _ARTICLES.sub("", s)


def same_speaker(pred: str | None, gold: str | None, alts: Iterable[str] = ()) -> bool:
    """A predicted speaker is right when it names the gold speaker (or an accepted variant)."""
    p = norm_name(pred)
    golds = [norm_name(g) for g in [gold, *alts] if g]
    if not golds:
        return not p
    if not p:
        return False
    return any(p == g or (len(p) > 3 and p in g) or (len(g) > 3 and g in p) for g in golds)


def same_type(pred: str | None, gold: str | None) -> bool:
    """Source types agree. The dev set's annotator used "organisation" for companies and unions,
    which the kit's seven types file under official_body (or ngo for non-profits)."""
    if gold == "organisation":
        return pred in ("official_body", "ngo")
    return pred == gold


def load_gold(path: str | Path | None = None) -> dict[str, Any]:
    if path is None:
        path = Path(__file__).resolve().parent.parent / "tests" / "gold" / "seeds.json"
    return json.loads(Path(path).read_text(encoding="utf-8"))


def _scored_reports(analysis: Any, gold: dict[str, Any]) -> Iterator[tuple[Any, dict, str, Any]]:
    """(report, its gold, its text, its records within the annotated stretch) per annotated report."""
    for report in analysis.case.reports:
        g = gold.get(report.file)
        if g is not None:
            yield report, g, report.text, _in_scope(analysis.records[report.id], g, report.text)


def evaluate(analysis: Any, gold: dict[str, Any]) -> dict[str, Score]:
    """Score every extractor of ``analysis`` (a CaseAnalysis) against ``gold``."""
    counts: dict[str, list[int]] = {
        k: [0, 0, 0] for k in ("quotes", "attributions", "figures", "loaded_terms", "boilerplate")
    }
    speaker_ok = speaker_n = stype_ok = stype_n = cat_ok = cat_n = val_ok = val_n = 0
    for report, g, text, rec in _scored_reports(analysis, gold):

        def spans(items: list[dict], key: str = "text", text: str = text) -> list[tuple[int, int]]:
            return [locate(text, it[key], it.get("occurrence", 0)) for it in items]

        # quotes
        gq = g.get("quotes", [])
        pq = list(rec.quotes)
        m = match([(q.start, q.end) for q in pq], spans(gq))
        _add(counts["quotes"], len(m), len(pq), _n_required(gq, m))
        for i, j in m:
            speaker_n += 1
            speaker_ok += same_speaker(
                pq[i].speaker, gq[j].get("speaker"), gq[j].get("speaker_alts", [])
            )
        # attributions
        ga = g.get("attributions", [])
        pa = _speech(rec.attributions)
        m = match([(a.start, a.end) for a in pa], spans(ga, "source"))
        _add(counts["attributions"], len(m), len(pa), _n_required(ga, m))
        for i, j in m:
            stype_n += 1
            stype_ok += same_type(pa[i].source_type, ga[j].get("source_type"))
        # figures
        gf = g.get("figures", [])
        pf = list(rec.figures)
        m = match([(f.start, f.end) for f in pf], spans(gf))
        _add(counts["figures"], len(m), len(pf), _n_required(gf, m))
        for i, j in m:
            gv = gf[j].get("value")
            if gv is not None:
                val_n += 1
                val_ok += pf[i].value is not None and abs(float(pf[i].value) - float(gv)) < 1e-6
        # loaded terms
        gt = g.get("loaded_terms", [])
        pt = list(rec.loaded_terms)
        m = match([(t.start, t.end) for t in pt], spans(gt))
        _add(counts["loaded_terms"], len(m), len(pt), _n_required(gt, m))
        for i, j in m:
            cat_n += 1
            cat_ok += pt[i].category == gt[j].get("category")
        # boilerplate, character level. The kit keeps the headline as content (lesson 5 compares
        # headline and body), while the gold calls it a page title: title lines are not scored.
        gold_bp = _charset(spans([b for b in g.get("boilerplate", []) if b.get("kind") != "title"]))
        titles = _charset(spans([b for b in g.get("boilerplate", []) if b.get("kind") == "title"]))
        pred_bp = _charset([(b.start, b.end) for b in report.boilerplate])
        pred_bp |= set(range(0, report.body.start)) | set(range(report.body.end, len(text)))
        visible = {i for i, ch in enumerate(text) if not ch.isspace()} - titles
        gold_bp &= visible
        pred_bp &= visible
        _add(counts["boilerplate"], len(gold_bp & pred_bp), len(pred_bp), len(gold_bp))

    def ratio(a: int, b: int) -> float:
        return a / b if b else 1.0

    def _tp_fp_fn(c: list[int]) -> tuple[int, int, int]:
        return c[0], c[1], c[2]

    return {
        "quotes": Score(
            "quotes",
            *_tp_fp_fn(counts["quotes"]),
            extra=(("speaker_accuracy", ratio(speaker_ok, speaker_n)),),
        ),
        "attributions": Score(
            "attributions",
            *_tp_fp_fn(counts["attributions"]),
            extra=(("source_type_accuracy", ratio(stype_ok, stype_n)),),
        ),
        "figures": Score(
            "figures",
            *_tp_fp_fn(counts["figures"]),
            extra=(("value_accuracy", ratio(val_ok, val_n)),),
        ),
        "loaded_terms": Score(
            "loaded_terms",
            *_tp_fp_fn(counts["loaded_terms"]),
            extra=(("category_accuracy", ratio(cat_ok, cat_n)),),
        ),
        "boilerplate": Score("boilerplate (characters)", *_tp_fp_fn(counts["boilerplate"])),
    }


def gold_scope(gold_report: dict[str, Any], text: str) -> tuple[int, int]:
    """The stretch of a report the gold annotates: from the body's first to its last words."""
    b = gold_report["body"]
    start = locate(text, b["first"], b.get("first_occurrence", 0))[0]
    end = locate(text, b["last"], b.get("last_occurrence", 0))[1]
    return start, end


def _in_scope(rec: Any, gold_report: dict[str, Any], text: str) -> Any:
    """Only records inside the gold's annotated stretch are scored (the headline is not)."""
    from dataclasses import replace

    lo, hi = gold_scope(gold_report, text)

    def keep(items: Iterable[Any]) -> tuple[Any, ...]:
        return tuple(x for x in items if lo <= x.start and x.end <= hi)

    return replace(
        rec,
        quotes=keep(rec.quotes),
        attributions=keep(rec.attributions),
        figures=keep(rec.figures),
        loaded_terms=keep(rec.loaded_terms),
    )


def _speech(atts: Iterable[Any]) -> list[Any]:
    """The attributions the hand-made annotation covers: claims pinned on a source (words, or a
    document's findings). Views and intentions ("X wants", "X believes", kind "belief") are
    outside its guideline (tests/gold/README.md) and are scored on PolNeAR instead."""
    return [a for a in atts if getattr(a, "kind", "speech") != "belief"]


def _n_required(gold_items: list[dict], matches: list[tuple[int, int]]) -> int:
    """Gold items a perfect kit must find: matched ones plus unmatched non-borderline ones.

    Items the annotator marked ``borderline`` count when found and are not held against the
    kit when missed.
    """
    matched = {j for _, j in matches}
    return len(matched) + sum(
        1 for j, it in enumerate(gold_items) if j not in matched and not it.get("borderline")
    )


def _add(c: list[int], matched: int, n_pred: int, n_gold: int) -> None:
    c[0] += matched
    c[1] += n_pred - matched
    c[2] += n_gold - matched


def _charset(spans: Iterable[tuple[int, int]]) -> set[int]:
    out: set[int] = set()
    for s, e in spans:
        out.update(range(s, e))
    return out


def stored_accuracy() -> dict[str, Any]:
    """The numbers last measured by bench/accuracy.py on the seed case (shipped with the kit)."""
    f = resources.files("mediakit") / "data" / "accuracy.json"
    if not f.is_file():
        return {}
    return json.loads(f.read_text(encoding="utf-8"))


_NUMBER_WORDS = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen "
    "fourteen fifteen sixteen seventeen eighteen nineteen twenty"
).split()


def _one_in(share: float) -> str:
    """A share in words: 0.12 -> "about one in eight", 0.38 -> "about two in five", 0.7 ->
    "about seven in ten"; "almost none" below one in twenty."""
    if share < 0.05:
        return "almost none"
    if share <= 0.3:
        return f"about one in {_NUMBER_WORDS[min(20, round(1 / share))]}"
    k, n = min(
        ((k, n) for n in (2, 3, 4, 5, 10) for k in range(1, n)),
        key=lambda kn: (abs(kn[0] / kn[1] - share), kn[1]),
    )
    return f"about {_NUMBER_WORDS[k]} in {_NUMBER_WORDS[n]}"


def expect_wrong_sentence(acc: dict[str, Any] | None = None) -> str:
    """The README's and the learner's "Expect the kit to be wrong ..." sentence, computed from
    the stored real-news numbers (PolNeAR dev for sources and speakers, BABE for loaded words);
    "" when they were not measured."""
    acc = stored_accuracy() if acc is None else acc
    pol = acc.get("polnear_dev", {}).get("scores", {})
    babe = acc.get("babe", {}).get("scores", {}).get("loaded_terms")
    if not pol or babe is None:
        return ""
    src, q = pol["attributions"], pol["quotes"]
    return (
        f"Expect the kit to be wrong now and then on real news: on expert-annotated political "
        f"reporting it misses {_one_in(1 - src['recall'])} of the sources, names the wrong speaker "
        f"for {_one_in(1 - q['speaker_accuracy'])} of the quotations, and misses "
        f"{_one_in(1 - babe['recall'])} of the words media-bias experts call loaded."
    )


def reviewed_sentence(analysis: Any) -> str:
    """What a teacher's review of the case changes about those rates, in plain words: how many
    marks a teacher checked (their rate is the teacher's reading, not the machine's) and how
    many are the machine's alone (the measured rates apply to them); "" when nobody reviewed
    the case."""
    if analysis is None or getattr(analysis, "review", None) is None:
        return ""
    checked = total = 0
    for rec in analysis.records.values():
        for m in (*rec.quotes, *rec.attributions, *rec.figures, *rec.loaded_terms):
            total += 1
            checked += m.review in ("confirmed", "corrected")
    dropped = analysis.review.dropped
    return (
        f"On the case loaded here ({analysis.case.title}) your teacher checked {checked} of "
        f"its {total} marks"
        + (f" (and removed {dropped} that were not marks at all)" if dropped else "")
        + ": those say \u201cchecked by your teacher\u201d, and they are as right as your "
        f"teacher's reading. The other {total - checked} were found by the machine alone; "
        "the rates above are what to expect of them (a mark the machine missed is missed "
        "either way)."
    )


def accuracy_summary(analysis: Any = None) -> str:
    """A plain paragraph on how often the kit is wrong, for learners: first on real news
    annotated by trained people (what to expect on a new case), then on this case's own
    reports (a best case: the rules were written while reading them). Given the analysis of
    a case a teacher reviewed, it ends by telling the teacher's checked marks from the
    machine's (:func:`reviewed_sentence`)."""
    acc = stored_accuracy()
    if "seeds" not in acc:
        text = "The kit's accuracy has not been measured yet."
        extra = reviewed_sentence(analysis)
        return text + (" " + extra if extra else "")

    def pct(x: float) -> str:
        return f"{round(100 * x)}%"

    text = ""
    pol = acc.get("polnear_dev")
    if pol:
        q, a = pol["scores"]["quotes"], pol["scores"]["attributions"]
        text += (
            f"Measured on {pol['reports']} real news articles annotated by trained people "
            f"(PolNeAR): the kit finds {pct(q['recall'])} of the quotations ({pct(q['precision'])} "
            f"of its finds are right) and names the right speaker {pct(q['speaker_accuracy'])} of "
            f"the time; it finds {pct(a['recall'])} of the sources a claim or a view is pinned on "
            f"({pct(a['precision'])} of its finds are right)."
        )
        babe = acc.get("babe", {}).get("scores", {}).get("loaded_terms")
        basil = acc.get("basil", {}).get("scores", {}).get("loaded_terms")
        if babe:
            text += (
                f" Of the words media-bias experts marked as biased (BABE) it flags "
                f"{pct(babe['recall'])}, and {pct(babe['precision'])} of the words it flags are "
                f"ones the experts marked"
            )
            text += (
                f"; it touches {pct(basil['recall'])} of the word-choice bias spans in BASIL."
                if basil
                else "."
            )
        sentence = expect_wrong_sentence(acc)
        if sentence:
            text += " " + sentence
        text += " "
    s = acc["seeds"]["scores"]
    q, a, f, t = s["quotes"], s["attributions"], s["figures"], s["loaded_terms"]
    text += (
        f"On the five reports of this case (a best case: the rules were written while reading "
        f"them) the kit finds {pct(q['recall'])} of the quotations, and {pct(q['precision'])} of "
        f"what it marks as a quotation really is one; it names the right speaker "
        f"{pct(q['speaker_accuracy'])} of the time. It finds {pct(a['recall'])} of the places "
        f"where a claim is pinned on a source ({pct(a['precision'])} of its finds are right), "
        f"{pct(f['recall'])} of the figures ({pct(f['precision'])} right) and {pct(t['recall'])} "
        f"of the loaded words ({pct(t['precision'])} right)."
    )
    if "heldout" in acc:
        h = acc["heldout"]["scores"]
        text += (
            f" On {acc['heldout']['reports']} reports about other events, which its makers did not "
            f"tune it on, it finds {pct(h['quotes']['recall'])} of the quotations (right speaker "
            f"{pct(h['quotes']['speaker_accuracy'])}), {pct(h['attributions']['recall'])} of the "
            f"sources, {pct(h['figures']['recall'])} of the figures and "
            f"{pct(h['loaded_terms']['recall'])} of the loaded words."
        )
    extra = reviewed_sentence(analysis)
    if extra:
        return text + " " + extra + " Treat every other highlight as a suggestion to check."
    return text + " Treat every highlight as a suggestion to check, not as a fact."


def print_errors(analysis: Any, gold: dict[str, Any]) -> None:
    """Print every miss, false alarm and wrong label, report by report (for developers)."""
    for report, g, text, rec in _scored_reports(analysis, gold):
        print(f"\n=== {report.id} ({report.file})")
        kinds = (
            ("quotes", rec.quotes, "text", lambda r: f"{r.text[:60]!r} speaker={r.speaker!r}"),
            (
                "attributions",
                _speech(rec.attributions),
                "source",
                lambda r: f"{r.source!r} [{r.source_type}] cue={r.cue!r}",
            ),
            (
                "figures",
                rec.figures,
                "text",
                lambda r: f"{r.text!r} value={r.value} what={r.what!r}",
            ),
            ("loaded_terms", rec.loaded_terms, "text", lambda r: f"{r.text!r} [{r.category}]"),
        )
        for name, preds, key, show in kinds:
            items = g.get(name, [])
            gspans = [locate(text, it[key], it.get("occurrence", 0)) for it in items]
            preds = list(preds)
            m = match([(p.start, p.end) for p in preds], gspans)
            mp = {i for i, _ in m}
            mg = {j for _, j in m}
            for j, it in enumerate(items):
                if j not in mg:
                    tag = "miss?" if it.get("borderline") else "MISS "
                    print(f"  {tag} {name:<13} {it[key][:60]!r} {_gold_info(it)}")
            for i, p in enumerate(preds):
                if i not in mp:
                    print(f"  EXTRA {name:<13} {show(p)}")
            for i, j in m:
                p, it = preds[i], items[j]
                if name == "quotes" and not same_speaker(
                    p.speaker, it.get("speaker"), it.get("speaker_alts", [])
                ):
                    print(f"  SPKR  {p.text[:40]!r}: kit {p.speaker!r}, gold {it.get('speaker')!r}")
                if name == "attributions" and not same_type(p.source_type, it.get("source_type")):
                    print(
                        f"  TYPE  {p.source!r}: kit {p.source_type}, gold {it.get('source_type')}"
                    )
                if name == "loaded_terms" and p.category != it.get("category"):
                    print(f"  CAT   {p.text!r}: kit {p.category}, gold {it.get('category')}")


def _gold_info(it: dict[str, Any]) -> str:
    keys = ("speaker", "source_type", "category", "what", "value")
    return " ".join(f"{k}={it[k]!r}" for k in keys if k in it)
