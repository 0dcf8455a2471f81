"""How long the comparison stage takes next to parsing, on a synthetic case of 500 reports.

Not a test. Run: .venv/bin/python bench/compare_speed.py [--reports 500] [--seed 1]

The synthetic case is built from the seed reports' sentences, cut into clauses and
recombined: 60 invented "wire stories" of 12-24 sentences each; every report copies parts
of one or two stories (with small edits: a dropped word, another number, curly or straight
quotes, an ellipsis) and adds sentences of its own. So reports share wire text the way real
coverage does, and clauses recur across hundreds of reports as stock phrases.

Prints the time to parse (nlp.pipe, no cache), to extract records, and to compare, and the
ratio compare / parse. The comparison stage must take less time than parsing.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from mediakit import load_case, load_pipeline  # noqa: E402
from mediakit.analysis import extract_report  # noqa: E402
from mediakit.cases import Case, Report, find_headline, split_boilerplate  # noqa: E402  # noqa: E402
from mediakit.compare import compare  # noqa: E402
from mediakit.compare._common import sentences  # noqa: E402


def clauses_of(seed: Case) -> list[str]:
    out = []
    for r in seed.reports:
        for s, e in sentences(r.text, r.body.start, r.body.end):
            if r.in_boilerplate(s, e):
                continue
            for c in re.split(r",\s+|;\s+|\s+and\s+", r.text[s:e].rstrip(".!?")):
                c = c.strip()
                if len(c.split()) >= 3:
                    out.append(c)
    return out


def make_sentence(rng: random.Random, clauses: list[str]) -> str:
    parts = rng.sample(clauses, rng.randint(2, 3))
    s = ", ".join(parts)
    return s[0].upper() + s[1:] + "."


def edit(rng: random.Random, sentence: str) -> str:
    """A small edit a copy-editor might make."""
    words = sentence.split()
    roll = rng.random()
    if roll < 0.2 and len(words) > 6:
        del words[rng.randrange(1, len(words) - 1)]
    elif roll < 0.35:
        words = [str(rng.randint(2, 900)) if w.isdigit() else w for w in words]
    elif roll < 0.45:
        words.insert(rng.randrange(1, len(words)), "…")
    s = " ".join(words)
    if rng.random() < 0.3:
        s = s.replace("“", '"').replace("”", '"').replace("’", "'")
    return s


def synthetic_case(n: int, seed: int) -> Case:
    rng = random.Random(seed)
    base = load_case("maarat-al-numan")
    clauses = clauses_of(base)
    stories = [[make_sentence(rng, clauses) for _ in range(rng.randint(12, 24))] for _ in range(60)]
    outlets = [f"Outlet {i}" for i in range(40)]
    reports = []
    for i in range(n):
        paras = []
        for story in rng.sample(stories, rng.randint(1, 2)):
            start = rng.randrange(0, len(story) // 2)
            part = story[start : start + rng.randint(5, len(story) - start)]
            paras.extend(edit(rng, s) for s in part)
        for _ in range(rng.randint(3, 10)):
            paras.insert(rng.randrange(0, len(paras) + 1), make_sentence(rng, clauses))
        head = make_sentence(rng, clauses).rstrip(".")[:90]
        text = head + "\n\n" + "\n\n".join(paras) + "\n"
        if rng.random() < 0.3:
            text += "\nDisclaimer: The contents of this article are of sole responsibility of the author(s).\n"
        body, boiler = split_boilerplate(text)
        reports.append(
            Report(
                id=f"r{i:03d}",
                file=f"r{i:03d}.txt",
                text=text,
                outlet=rng.choice(outlets),
                body=body,
                boilerplate=tuple(boiler),
                headline=find_headline(text, body),
            )
        )
    return Case(
        id="synthetic",
        title=base.title,
        path=None,
        reports=tuple(reports),
        summary=base.summary,
        sides=base.sides,
        gazetteer=base.gazetteer,
    )


def main() -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--reports", type=int, default=500)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()

    case = synthetic_case(args.reports, args.seed)
    nchars = sum(len(r.text) for r in case.reports)
    nwords = sum(len(r.text.split()) for r in case.reports)
    print(f"synthetic case: {len(case.reports)} reports, {nwords:,} words, {nchars:,} characters")

    nlp = load_pipeline(gazetteer=case.gazetteer)
    t0 = time.perf_counter()
    docs = list(nlp.pipe([r.text for r in case.reports], batch_size=32))
    t_parse = time.perf_counter() - t0
    print(f"parse (nlp.pipe, no cache):   {t_parse:8.2f} s")

    t0 = time.perf_counter()
    records = {r.id: extract_report(d, r) for r, d in zip(case.reports, docs, strict=True)}
    t_extract = time.perf_counter() - t0
    print(f"extract records:              {t_extract:8.2f} s")

    by_id = {r.id: d for r, d in zip(case.reports, docs, strict=True)}
    t0 = time.perf_counter()
    comps = compare(case, records, docs=by_id)
    t_compare = time.perf_counter() - t0
    print(f"compare (all comparisons):    {t_compare:8.2f} s")

    from mediakit.compare import (
        claims,
        figure_groups,
        label_counts,
        same_author_groups,
        shared_passages,
        source_mix,
    )

    parts = [
        ("shared_passages", lambda: shared_passages(case, records)),
        ("figure_groups", lambda: figure_groups(case, records)),
        ("labels", lambda: label_counts(case, records)),
        ("claims", lambda: claims(case, records, docs=by_id)),
        ("same_author_groups", lambda: same_author_groups(case)),
        ("source_mix", lambda: source_mix(case, records)),
    ]
    for name, fn in parts:
        t0 = time.perf_counter()
        n = len(fn())
        print(f"  {name:20s} {time.perf_counter() - t0:8.2f} s  ({n:,} items)")
    d = comps.to_dict()
    print("items:", {k: len(v) for k, v in d.items()})
    ratio = t_compare / t_parse
    print(
        f"ratio compare / parse: {ratio:.3f}  ->  {'OK' if ratio < 1 else 'TOO SLOW'}: "
        f"comparisons {'faster' if ratio < 1 else 'slower'} than parsing"
    )


if __name__ == "__main__":
    main()
