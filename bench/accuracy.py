"""Precision, recall and F1 of every extractor on the seed case, against tests/gold/seeds.json.

    python bench/accuracy.py            print the table
    python bench/accuracy.py --write    also store the numbers in mediakit/data/accuracy.json
                                        (what lessons show learners as the kit's error rate)
    python bench/accuracy.py --errors   list every miss and false alarm
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

TARGETS = {
    "quotes": {"f1": 0.95, "speaker_accuracy": 0.9},
    "attributions": {"recall": 0.85, "precision": 0.7},
    "figures": {"f1": 0.9},
    "loaded_terms": {"recall": 0.85},
}


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--write", action="store_true")
    ap.add_argument("--errors", action="store_true")
    args = ap.parse_args()
    import mediakit as mk
    from mediakit.evaluation import evaluate, load_gold

    analysis = mk.analyze("maarat-al-numan")
    gold = load_gold(ROOT / "tests" / "gold" / "seeds.json")
    scores = evaluate(analysis, gold)
    print(f"{'extractor':<26}{'P':>7}{'R':>7}{'F1':>7}{'tp':>6}{'fp':>6}{'fn':>6}  other")
    ok = True
    for key, sc in scores.items():
        other = ", ".join(f"{k} {v:.3f}" for k, v in sc.extra)
        print(f"{sc.name:<26}{sc.precision:>7.3f}{sc.recall:>7.3f}{sc.f1:>7.3f}"
              f"{sc.tp:>6}{sc.fp:>6}{sc.fn:>6}  {other}")
        d = sc.to_dict()
        for metric, target in TARGETS.get(key, {}).items():
            if d[metric] < target:
                ok = False
                print(f"    below target: {metric} {d[metric]:.3f} < {target}")
    if args.errors:
        from mediakit.evaluation import print_errors

        print_errors(analysis, gold)
    if args.write:
        out = ROOT / "mediakit" / "data" / "accuracy.json"
        data = {
            "case": "maarat-al-numan",
            "model": analysis.model,
            "scores": {k: v.to_dict() for k, v in scores.items()},
        }
        out.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
        print(f"wrote {out.relative_to(ROOT)}")
    print("all targets met" if ok else "some targets not met")
    return 0


if __name__ == "__main__":
    sys.exit(main())
