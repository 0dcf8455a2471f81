"""Scoring the kit on real annotated news (PolNeAR), read from the shared corpora folder.

The corpora are for measuring only: nothing here copies their texts anywhere; error listings
print short excerpts to the developer's terminal.

PolNeAR (brat standoff, one or more annotators per article; the first annotation file in name
order is taken) gives, per attribution, a Source, a Cue and a Content span. Three measures:

- **direct quotes**: every Content fragment (a discontinuous span counts each piece) that opens
  with a quotation mark is a gold quote; the kit's quotes match them by span overlap (half of the
  shorter span, one to one), which gives precision, recall and F1;
- **speaker accuracy**: on matched quotes whose annotated Source is not a pronoun, the kit's
  speaker names the annotated source (``evaluation.same_speaker``);
- **attribution sources**: every distinct Source span (beliefs and intentions included, as
  PolNeAR annotates them) against the kit's attribution source spans.

A kit quote lying inside a Content span that does not open with a quotation mark (a quoted
fragment within indirect speech: 'Clinton called them "deplorables"') is neither a hit nor a
false alarm. A kit attribution with an
  unspecified source ("were reported", "allegedly") that falls on the cue of an attribution
  PolNeAR annotates without a source is neither a hit nor a false alarm.

    score_polnear(corpora_dir(), "dev")  -> {"reports": n, "scores": {...}, "run": {...}}
"""

from __future__ import annotations

import os
import re
import resource
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent

OPENERS = ("“", '"', "‘", "'", "«", "„")
PRONOUNS = frozenset(
    "i me my we us our you your he him his she her they them their it its who whom whose that "
    "which this these those one himself herself themselves itself".split()
)


def corpora_dir() -> Path:
    """Where the shared corpora are: $MEDIAKIT_CORPORA, else ../shared/corpora beside the repo."""
    env = os.environ.get("MEDIAKIT_CORPORA")
    return Path(env) if env else ROOT.parent / "shared" / "corpora"


@dataclass
class Span:
    start: int
    end: int
    text: str


@dataclass
class GoldArticle:
    name: str
    text: str
    quotes: list[tuple[Span, str | None]] = field(
        default_factory=list
    )  # (quote piece, source text)
    sources: list[Span] = field(default_factory=list)
    sourceless_cues: list[Span] = field(default_factory=list)
    other_content: list[Span] = field(default_factory=list)  # Content that is not a direct quote


def _pieces(offsets: str, text: str) -> list[Span]:
    out = []
    for part in offsets.split(";"):
        a, b = (int(x) for x in part.split())
        out.append(Span(a, b, text[a:b]))
    return out


def read_ann(text: str, ann: str) -> tuple[dict[str, tuple[str, list[Span]]], list[dict[str, str]]]:
    """Text-bound annotations by id (label, pieces) and events (role -> id) of a brat file."""
    spans: dict[str, tuple[str, list[Span]]] = {}
    events: list[dict[str, str]] = []
    for line in ann.splitlines():
        cols = line.split("\t")
        if line.startswith("T") and len(cols) >= 2:
            label, _, offsets = cols[1].partition(" ")
            spans[cols[0]] = (label, _pieces(offsets, text))
        elif line.startswith("E") and len(cols) >= 2:
            roles = {}
            for arg in cols[1].split():
                role, _, ref = arg.partition(":")
                roles[re.sub(r"\d+$", "", role)] = ref
            events.append(roles)
    return spans, events


def _strip(sp: Span) -> Span:
    """A span without surrounding white space and closing punctuation outside the words."""
    s, e = sp.start, sp.end
    t = sp.text
    lead = len(t) - len(t.lstrip())
    trail = len(t) - len(t.rstrip())
    return Span(s + lead, e - trail, t.strip())


def load_article(text_path: Path, ann_path: Path) -> GoldArticle:
    text = text_path.read_text(encoding="utf-8")
    spans, events = read_ann(text, ann_path.read_text(encoding="utf-8"))
    art = GoldArticle(text_path.stem, text)
    seen_q: set[tuple[int, int]] = set()
    seen_s: set[tuple[int, int]] = set()
    for ev in events:
        src_id = ev.get("Source")
        src_text = None
        if src_id and src_id in spans:
            pieces = spans[src_id][1]
            a, b = min(p.start for p in pieces), max(p.end for p in pieces)
            src = _strip(Span(a, b, text[a:b]))
            src_text = src.text
            if (src.start, src.end) not in seen_s and src.end > src.start:
                seen_s.add((src.start, src.end))
                art.sources.append(src)
        elif ev.get("Cue") in spans:
            art.sourceless_cues.extend(spans[ev["Cue"]][1])
        cid = ev.get("Content")
        if cid and cid in spans:
            for piece in spans[cid][1]:
                p = _strip(piece)
                if not p.text.startswith(OPENERS):
                    art.other_content.append(p)
                elif (p.start, p.end) not in seen_q:
                    seen_q.add((p.start, p.end))
                    art.quotes.append((p, src_text))
    return art


def articles(split: str, corpora: Path | None = None, *, every: int = 1) -> Iterator[GoldArticle]:
    """PolNeAR articles of ``split`` (train/dev) in name order; ``every`` > 1 takes a sample."""
    base = (corpora or corpora_dir()) / "polnear" / split
    anns: dict[str, Path] = {}
    for ann in sorted((base / "attributions").glob("*.ann")):
        name = re.sub(r"_[0-9a-f]+$", "", ann.stem)
        anns.setdefault(name, ann)  # several annotators: the first file in name order
    for k, (name, ann) in enumerate(sorted(anns.items())):
        if k % every:
            continue
        txt = base / "text" / f"{name}.txt"
        if txt.exists():
            yield load_article(txt, ann)


def available(split: str, corpora: Path | None = None) -> bool:
    return ((corpora or corpora_dir()) / "polnear" / split / "attributions").is_dir()


def _is_pronoun(s: str | None) -> bool:
    return bool(s) and s.strip().lower() in PRONOUNS


def extract(
    texts: list[str], *, model: str | None = None, cache: bool = True
) -> list[tuple[list, list]]:
    """(quotes, attributions) of each text, parsed with the kit's pipeline (parse cache on), a
    batch at a time: no more than one batch of parses is held at once."""
    from mediakit.extract import attributions, quotes
    from mediakit.nlp import iter_parse, load_pipeline

    nlp = load_pipeline(model)
    out = []
    for doc in iter_parse(texts, nlp, cache=cache):
        qs = quotes(doc)
        out.append((qs, attributions(doc, quotes=qs)))
    return out


def score_polnear(
    corpora: Path | None = None,
    split: str = "dev",
    *,
    every: int = 1,
    errors: bool = False,
    model: str | None = None,
) -> dict[str, Any] | None:
    """The three PolNeAR measures on ``split``, or None when the corpus is not there."""
    if not available(split, corpora):
        return None
    arts = list(articles(split, corpora, every=every))
    t0 = time.perf_counter()
    results = extract([a.text for a in arts], model=model)
    seconds = time.perf_counter() - t0
    res = score_articles(arts, results, errors=errors)
    res["run"] = {"seconds": round(seconds, 1), "peak_rss_mb": peak_rss_mb()}
    return res


def score_articles(
    arts: list[GoldArticle], results: list[tuple[list, list]], *, errors: bool = False
) -> dict[str, Any]:
    """Score (quotes, attributions) per article. Any records with ``start``, ``end``, ``text``
    and ``speaker`` (quotes) or ``start``, ``end``, ``source``, ``source_type`` and ``cue``
    (attributions) will do, so that bench/peers.py scores other tools the same way."""
    from mediakit.evaluation import Score, match, same_speaker

    q = [0, 0, 0]
    s = [0, 0, 0]
    spk_ok = spk_n = 0
    for art, (qs, atts) in zip(arts, results, strict=True):
        lines: list[str] = []
        gq = art.quotes
        m = match([(x.start, x.end) for x in qs], [(g.start, g.end) for g, _ in gq])
        # a quoted fragment inside indirect speech (Content that does not open with a mark:
        # 'Clinton called them "deplorables"') is no direct quote, and no false alarm either
        mi = {i for i, _ in m}
        partial = {
            i
            for i, x in enumerate(qs)
            if i not in mi and any(c.start <= x.start and x.end <= c.end for c in art.other_content)
        }
        q[0] += len(m)
        q[1] += len(qs) - len(m) - len(partial)
        q[2] += len(gq) - len(m)
        for i, j in m:
            src = gq[j][1]
            if src and not _is_pronoun(src):
                spk_n += 1
                ok = same_speaker(qs[i].speaker, src)
                spk_ok += ok
                if not ok:
                    lines.append(
                        f"  SPKR  quote {qs[i].text[:50]!r}: kit {qs[i].speaker!r}, gold {src!r}"
                    )
        if errors:
            mi, mj = {i for i, _ in m}, {j for _, j in m}
            lines += [
                f"  MISS  quote {g.text[:70]!r} ({src!r})"
                for j, (g, src) in enumerate(gq)
                if j not in mj
            ]
            lines += [
                f"  EXTRA quote {x.text[:70]!r} ({x.speaker!r})"
                for i, x in enumerate(qs)
                if i not in mi and i not in partial
            ]
        # sources: one prediction per span
        preds = list({(a.start, a.end): a for a in atts}.values())
        m = match([(a.start, a.end) for a in preds], [(g.start, g.end) for g in art.sources])
        mi = {i for i, _ in m}
        neutral = {
            i
            for i, a in enumerate(preds)
            if i not in mi
            and a.source_type == "unspecified"
            and any(c.start < a.end and a.start < c.end for c in art.sourceless_cues)
        }
        s[0] += len(m)
        s[1] += len(preds) - len(m) - len(neutral)
        s[2] += len(art.sources) - len(m)
        if errors:
            mj = {j for _, j in m}
            for j, g in enumerate(art.sources):
                if j not in mj:
                    lines.append(f"  MISS  source {g.text[:50]!r} | {_context(art.text, g)}")
            for i, a in enumerate(preds):
                if i not in mi and i not in neutral:
                    lines.append(
                        f"  EXTRA source {a.source[:50]!r} [{a.source_type}] cue={a.cue!r}"
                        f" | {_context(art.text, Span(a.start, a.end, a.source))}"
                    )
        if errors and lines:
            print(f"\n=== {art.name}")
            print("\n".join(lines))
    ratio = spk_ok / spk_n if spk_n else 1.0
    return {
        "reports": len(arts),
        "scores": {
            "quotes": Score("direct quotes", *q, extra=(("speaker_accuracy", ratio),)).to_dict(),
            "attributions": Score("attribution sources", *s).to_dict(),
        },
    }


def peak_rss_mb() -> float:
    """The peak resident memory of this process so far, in MB (Linux reports kB)."""
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def _context(text: str, sp: Span, width: int = 45) -> str:
    a = max(0, sp.start - width)
    b = min(len(text), sp.end + width)
    return (text[a : sp.start] + "[" + text[sp.start : sp.end] + "]" + text[sp.end : b]).replace(
        "\n", " "
    )
