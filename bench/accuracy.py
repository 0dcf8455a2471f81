"""Precision, recall and F1 of every extractor against hand-made annotations.

Four sets are scored:
- seeds:   the five seed reports (tests/gold/seeds.json);
- dev:     reports of other events and genres for making the rules general (tests/devset/);
- dev2:    more such reports (tests/dev2/; the first held-out set, retired after it was scored);
- heldout: reports of other events and genres, written and annotated without looking at the
           extractor code (tests/heldout/), standing in for a teacher's own case.

    python bench/accuracy.py            print the seed table
    python bench/accuracy.py --set seeds --set heldout   print both
    python bench/accuracy.py --errors   also list every miss, false alarm and wrong label
    python bench/accuracy.py --write    store the numbers in mediakit/data/accuracy.json
                                        (what the lessons show learners as the kit's error rate)
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SETS = {
    "seeds": ("maarat-al-numan", ROOT / "tests" / "gold" / "seeds.json"),
    "dev": (str(ROOT / "tests" / "devset" / "case"), ROOT / "tests" / "devset" / "gold.json"),
    "dev2": (str(ROOT / "tests" / "dev2" / "case"), ROOT / "tests" / "dev2" / "gold.json"),
    "heldout": (str(ROOT / "tests" / "heldout" / "case"), ROOT / "tests" / "heldout" / "gold.json"),
}
TARGETS = {
    "quotes": {"f1": 0.95, "speaker_accuracy": 0.9},
    "attributions": {"recall": 0.85, "precision": 0.7},
    "figures": {"f1": 0.9},
    "loaded_terms": {"recall": 0.85},
}


def score_set(name: str, *, errors: bool = False) -> dict | None:
    import mediakit as mk
    from mediakit.evaluation import evaluate, load_gold, print_errors

    case, gold_path = SETS[name]
    if not Path(gold_path).exists():
        print(f"({name}: no annotation at {gold_path})")
        return None
    analysis = mk.analyze(case)
    gold = load_gold(gold_path)
    scores = evaluate(analysis, gold)
    print(f"\n{name}: {len(analysis.case.reports)} reports")
    print(f"{'extractor':<26}{'P':>7}{'R':>7}{'F1':>7}{'tp':>6}{'fp':>6}{'fn':>6}  other")
    for key, sc in scores.items():
        other = ", ".join(f"{k} {v:.3f}" for k, v in sc.extra)
        print(f"{sc.name:<26}{sc.precision:>7.3f}{sc.recall:>7.3f}{sc.f1:>7.3f}"
              f"{sc.tp:>6}{sc.fp:>6}{sc.fn:>6}  {other}")
        d = sc.to_dict()
        for metric, target in TARGETS.get(key, {}).items():
            if d[metric] < target:
                print(f"    below the seed target: {metric} {d[metric]:.3f} < {target}")
    if errors:
        print_errors(analysis, gold)
    return {"model": analysis.model, "reports": len(analysis.case.reports),
            "scores": {k: v.to_dict() for k, v in scores.items()}}


def markdown_table() -> str:
    """The stored numbers (mediakit/data/accuracy.json) as a Markdown table for the README."""
    data = json.loads((ROOT / "mediakit" / "data" / "accuracy.json").read_text(encoding="utf-8"))
    names = [n for n in SETS if n in data]
    rows = [("quotes", "precision"), ("quotes", "recall"), ("quotes", "speaker_accuracy"),
            ("attributions", "precision"), ("attributions", "recall"),
            ("attributions", "source_type_accuracy"), ("figures", "precision"),
            ("figures", "recall"), ("loaded_terms", "precision"), ("loaded_terms", "recall"),
            ("boilerplate", "recall")]
    head = "| extractor | measure | " + " | ".join(
        f"{n} ({data[n]['reports']} reports)" for n in names) + " |"
    out = [head, "|" + "---|" * (len(names) + 2)]
    for ext, metric in rows:
        cells = [f"{data[n]['scores'][ext].get(metric, float('nan')):.2f}" for n in names]
        out.append(f"| {ext.replace('_', ' ')} | {metric.replace('_', ' ')} | " + " | ".join(cells) + " |")
    return "\n".join(out)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--write", action="store_true")
    ap.add_argument("--errors", action="store_true")
    ap.add_argument("--set", choices=sorted(SETS), action="append")
    ap.add_argument("--markdown", action="store_true",
                    help="print the stored numbers as the README's table and stop")
    args = ap.parse_args()
    if args.markdown:
        print(markdown_table())
        return 0
    results = {}
    # The held-out set measures generalisation: look at its errors only after a change is done,
    # never to tune a rule (that would turn it into a second training set).
    for name in args.set or (list(SETS) if args.write else ["seeds", "dev", "dev2"]):
        res = score_set(name, errors=args.errors)
        if res:
            results[name] = res
    if args.write:
        out = ROOT / "mediakit" / "data" / "accuracy.json"
        out.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
        print(f"wrote {out.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
