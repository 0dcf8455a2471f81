"""How long a layer toggle takes on the kernel side, for a 2,000-word report.

Builds a 2,000-word report from the seed texts, marks it densely (every quotation, number and
"said"/"according to", and one loaded term in every eight words), then times:

- ``render_report`` with all layers and with one layer off (the pure renderer), and
- a click on a layer toggle of ``views.reader`` with that report beside a second one (the
  whole kernel-side update: observers, annotation list, both columns re-rendered).

Run: .venv/bin/python bench/toggle_speed.py [--seed]   (--seed: also the analysed seed case; prints milliseconds; target: well under 100 ms)
"""

from __future__ import annotations

import re
import statistics
import sys
import time

from mediakit import load_case, render, views
from mediakit.analysis import CaseAnalysis
from mediakit.cases import Case, Report
from mediakit.compare import Comparisons
from mediakit.records import Attribution, Figure, LoadedTerm, Quote, Region, ReportRecords


def big_report(words: int = 2000) -> Report:
    case = load_case("maarat-al-numan")
    text = "\n\n".join(r.body_text for r in case.reports)
    cut = [m.end() for m in re.finditer(r"\S+", text)][words - 1]
    text = text[:cut]
    return Report(
        id="big",
        file="big.txt",
        text=text,
        outlet="Bench outlet",
        body=Region(0, len(text)),
        boilerplate=(Region(0, 60, "caption"),),
    )


def dense_records(r: Report) -> ReportRecords:
    t = r.text
    quotes = [
        Quote(m.group(1), m.start(1), m.end(1), "someone", "named_person", "said", False)
        for m in re.finditer(r"[“\"]([^”\"]{3,400})[”\"]", t)
    ]
    atts = [
        Attribution(m.group(0), m.start(), m.end(), "unspecified", False, "said", "")
        for m in re.finditer(r"\b(according to|said|claimed|reported|warned)\b", t, re.I)
    ]
    figs = [
        Figure(m.group(0), m.start(), m.end(), float(m.group(0).replace(",", "")), "things", None)
        for m in re.finditer(r"\b\d[\d,]*\b", t)
    ]
    terms = [
        LoadedTerm(m.group(0), m.start(), m.end(), "intensifier")
        for i, m in enumerate(re.finditer(r"\b\w+\b", t))
        if i % 8 == 0
    ]
    return ReportRecords("big", tuple(quotes), tuple(atts), tuple(figs), tuple(terms))


def ms(fn, repeat: int = 30) -> tuple[float, float]:
    fn()  # warm up
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times), max(times)


def main() -> None:
    big = big_report()
    seed = load_case("maarat-al-numan")
    other = seed.reports[4]
    rec = dense_records(big)
    n_ann = len(rec.quotes) + len(rec.attributions) + len(rec.figures) + len(rec.loaded_terms)
    words = len(big.text.split())
    print(
        f"report: {words} words, {len(big.text)} characters, {n_ann} marks "
        f"({len(rec.quotes)} quotes, {len(rec.attributions)} sources, {len(rec.figures)} figures, "
        f"{len(rec.loaded_terms)} terms)"
    )

    med, worst = ms(lambda: render.render_report(big, rec))
    print(f"render_report, all layers:        median {med:6.2f} ms, max {worst:6.2f} ms")
    med, worst = ms(lambda: render.render_report(big, rec, layers=("quotes", "sources", "figures")))
    print(f"render_report, terms layer off:   median {med:6.2f} ms, max {worst:6.2f} ms")

    case = Case(id="bench", title="bench", path=None, reports=(big, other))
    analysis = CaseAnalysis(
        case=case,
        model={},
        records={"big": rec, other.id: ReportRecords(other.id)},
        comparisons=Comparisons(),
    )
    v = views.reader(analysis)
    toggle = v.controls["terms"]

    def click() -> None:
        toggle.value = not toggle.value

    med, worst = ms(click)
    print(
        f"reader toggle (terms), 2 columns: median {med:6.2f} ms, max {worst:6.2f} ms  "
        f"(target: well under 100 ms)"
    )
    options = v.controls["annotation"].options
    sel = v.controls["annotation"]
    values = [val for _, val in options[1:40]]
    i = iter(range(10**9))
    med, worst = ms(lambda: setattr(sel, "value", values[next(i) % len(values)]))
    print(f"reader select an annotation:      median {med:6.2f} ms, max {worst:6.2f} ms")

    if "--seed" in sys.argv:  # the real pipeline on the seed case, five columns
        from mediakit import analyze

        seed_an = analyze(seed)
        v = views.reader(seed_an)
        toggle = v.controls["terms"]
        med, worst = ms(click)
        marks = sum(
            len(r.quotes) + len(r.attributions) + len(r.figures) + len(r.loaded_terms)
            for r in seed_an.records.values()
        )
        print(
            f"seed case, 5 columns, {marks} marks, toggle: median {med:6.2f} ms, "
            f"max {worst:6.2f} ms"
        )


if __name__ == "__main__":
    main()
