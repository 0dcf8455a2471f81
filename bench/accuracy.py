"""Precision, recall and F1 of every extractor against hand-made annotations.

Four sets are scored:
- seeds:   the five seed reports (tests/gold/seeds.json);
- dev:     reports of other events and genres for making the rules general (tests/devset/);
- dev2:    more such reports (tests/dev2/; the first held-out set, retired after it was scored);
- heldout: reports of other events and genres, written and annotated without looking at the
           extractor code (tests/heldout/), standing in for a teacher's own case.

and, from real annotated news in the shared corpora folder ($MEDIAKIT_CORPORA, else
../shared/corpora beside the repository; see bench/realnews.py), when it is there:
- polnear_dev:   PolNeAR's dev split (84 articles): direct quotes, speakers, attribution sources;
- polnear_train: every 4th article of PolNeAR's train split, for developing rules (not stored);
- basil, babe:   loaded wording on BASIL and BABE (bench/realnews_bias.py).
When a corpus is missing the set is skipped with a one-line note (and --write keeps its stored
numbers).

    python bench/accuracy.py            print the seed table
    python bench/accuracy.py --set seeds --set heldout   print both
    python bench/accuracy.py --errors   also list every miss, false alarm and wrong label
    python bench/accuracy.py --write    store the numbers in mediakit/data/accuracy.json
                                        (what the lessons show learners as the kit's error rate)
    python bench/accuracy.py --set polnear_train --errors   misses and false alarms on real news
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.util
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SETS = {
    "seeds": ("maarat-al-numan", ROOT / "tests" / "gold" / "seeds.json"),
    "dev": (str(ROOT / "tests" / "devset" / "case"), ROOT / "tests" / "devset" / "gold.json"),
    "dev2": (str(ROOT / "tests" / "dev2" / "case"), ROOT / "tests" / "dev2" / "gold.json"),
    "heldout": (str(ROOT / "tests" / "heldout" / "case"), ROOT / "tests" / "heldout" / "gold.json"),
}
# Real-news sets: name -> (module file in bench/, function, keyword arguments). The function is
# called as fn(corpora_dir, errors=bool, **kwargs) and returns None when its corpus is missing,
# else {"reports": n, "scores": {extractor: {metric: value, ...}}, "run": {...}} where extractor
# is one of quotes / attributions / loaded_terms (so that markdown_table() shows it) and the
# metrics are those of evaluation.Score.to_dict() (tp, fp, fn, precision, recall, f1, extras).
REAL_SETS: dict[str, tuple[str, str, dict[str, Any]]] = {
    "polnear_dev": ("realnews.py", "score_polnear", {"split": "dev"}),
    "polnear_train": ("realnews.py", "score_polnear", {"split": "train", "every": 4}),
    "basil": ("realnews_bias.py", "score_basil", {}),
    "babe": ("realnews_bias.py", "score_babe", {}),
}
STORED = ["seeds", "dev", "dev2", "heldout", "polnear_dev", "basil", "babe"]
REAL_TARGETS = {
    "polnear_dev": {
        "quotes": {"f1": 0.96, "speaker_accuracy": 0.95},
        "attributions": {"recall": 0.70, "precision": 0.80},
    },
    "basil": {"loaded_terms": {"recall": 0.45}},
    "babe": {"loaded_terms": {"recall": 0.45, "precision": 0.35}},
}
# What the PolNeAR numbers depend on: if none of these changed since --write, they are current
# (tests/test_accuracy.py checks this without re-running the corpus).
POLNEAR_INPUTS = [
    "mediakit/extract/quotes.py",
    "mediakit/extract/attributions.py",
    "mediakit/extract/speech.py",
    "mediakit/extract/marks.py",
    "mediakit/extract/_doc.py",
    "mediakit/nlp.py",
    "mediakit/data/speech",
    "bench/realnews.py",
]
# the same for the wording sets (BASIL, BABE)
WORDING_INPUTS = [
    "mediakit/extract/wording.py",
    "mediakit/extract/marks.py",
    "mediakit/extract/_doc.py",
    "mediakit/nlp.py",
    "mediakit/data/lexicon",
    "bench/realnews_bias.py",
]
REAL_INPUTS = {
    "polnear_dev": POLNEAR_INPUTS,
    "polnear_train": POLNEAR_INPUTS,
    "basil": WORDING_INPUTS,
    "babe": WORDING_INPUTS,
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
        print(
            f"{sc.name:<26}{sc.precision:>7.3f}{sc.recall:>7.3f}{sc.f1:>7.3f}"
            f"{sc.tp:>6}{sc.fp:>6}{sc.fn:>6}  {other}"
        )
        d = sc.to_dict()
        for metric, target in TARGETS.get(key, {}).items():
            if d[metric] < target:
                print(f"    below the seed target: {metric} {d[metric]:.3f} < {target}")
    if errors:
        print_errors(analysis, gold)
    return {
        "model": analysis.model,
        "reports": len(analysis.case.reports),
        "scores": {k: v.to_dict() for k, v in scores.items()},
    }


def _bench_module(filename: str) -> Any | None:
    path = ROOT / "bench" / filename
    if not path.exists():
        return None
    key = f"bench_{path.stem}"
    if key in sys.modules:
        return sys.modules[key]
    spec = importlib.util.spec_from_file_location(key, path)
    mod = importlib.util.module_from_spec(spec)
    sys.modules[key] = mod  # (dataclasses look their module up there)
    spec.loader.exec_module(mod)
    return mod


def corpora_dir() -> Path:
    return _bench_module("realnews.py").corpora_dir()


def inputs_fingerprint(name: str = "polnear_dev") -> str:
    """A hash of the code and word lists a real-news set's numbers depend on, and the model."""
    from mediakit.nlp import model_name

    h = hashlib.sha256(model_name().encode())
    for rel in REAL_INPUTS[name]:
        p = ROOT / rel
        for f in sorted(p.rglob("*")) if p.is_dir() else [p]:
            if f.is_file() and "__pycache__" not in f.parts:
                h.update(f.relative_to(ROOT).as_posix().encode())
                h.update(f.read_bytes())
    return h.hexdigest()[:16]


def score_real(name: str, *, errors: bool = False) -> dict | None:
    """A real-news set scored by its module, or None (with a note) when it cannot be."""
    filename, fn_name, kwargs = REAL_SETS[name]
    mod = _bench_module(filename)
    fn: Callable[..., dict | None] | None = getattr(mod, fn_name, None) if mod else None
    if fn is None:
        print(f"({name}: skipped, no scorer bench/{filename})")
        return None
    res = fn(corpora_dir(), errors=errors, **kwargs)
    if res is None:
        print(f"({name}: skipped, corpus not found under {corpora_dir()})")
        return None
    print(
        f"\n{name}: {res['reports']} reports"
        + (
            f" (run {res['run']['seconds']} s, peak memory {res['run']['peak_rss_mb']} MB)"
            if "run" in res
            else ""
        )
    )
    print(f"{'extractor':<26}{'P':>7}{'R':>7}{'F1':>7}{'tp':>6}{'fp':>6}{'fn':>6}  other")
    for key, d in res["scores"].items():
        other = ", ".join(
            f"{k} {v:.3f}"
            for k, v in d.items()
            if k not in {"tp", "fp", "fn", "precision", "recall", "f1"}
        )
        print(
            f"{key:<26}{d.get('precision', 0):>7.3f}{d.get('recall', 0):>7.3f}{d.get('f1', 0):>7.3f}"
            f"{d.get('tp', 0):>6}{d.get('fp', 0):>6}{d.get('fn', 0):>6}  {other}"
        )
        for metric, target in REAL_TARGETS.get(name, {}).get(key, {}).items():
            if d.get(metric, 0) < target:
                print(f"    below the target: {metric} {d[metric]:.3f} < {target}")
    res["inputs"] = inputs_fingerprint(name)
    return res


def markdown_table() -> str:
    """The stored numbers (mediakit/data/accuracy.json) as a Markdown table for the README."""
    data = json.loads((ROOT / "mediakit" / "data" / "accuracy.json").read_text(encoding="utf-8"))
    names = [n for n in STORED if n in data]
    rows = [
        ("quotes", "precision"),
        ("quotes", "recall"),
        ("quotes", "speaker_accuracy"),
        ("attributions", "precision"),
        ("attributions", "recall"),
        ("attributions", "source_type_accuracy"),
        ("figures", "precision"),
        ("figures", "recall"),
        ("loaded_terms", "precision"),
        ("loaded_terms", "recall"),
        ("boilerplate", "recall"),
    ]
    head = (
        "| extractor | measure | "
        + " | ".join(f"{n} ({data[n]['reports']} reports)" for n in names)
        + " |"
    )
    out = [head, "|" + "---|" * (len(names) + 2)]
    for ext, metric in rows:
        cells = [
            f"{data[n]['scores'][ext][metric]:.2f}"
            if metric in data[n]["scores"].get(ext, {})
            else "–"
            for n in names
        ]
        out.append(
            f"| {ext.replace('_', ' ')} | {metric.replace('_', ' ')} | " + " | ".join(cells) + " |"
        )
    return "\n".join(out)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--write", action="store_true")
    ap.add_argument("--errors", action="store_true")
    ap.add_argument("--set", choices=sorted([*SETS, *REAL_SETS]), action="append")
    ap.add_argument(
        "--markdown",
        action="store_true",
        help="print the stored numbers as the README's table and stop",
    )
    args = ap.parse_args()
    if args.markdown:
        print(markdown_table())
        return 0
    results = {}
    # The held-out set measures generalisation: look at its errors only after a change is done,
    # never to tune a rule (that would turn it into a second training set).
    out = ROOT / "mediakit" / "data" / "accuracy.json"
    for name in args.set or (STORED if args.write else ["seeds", "dev", "dev2", "polnear_dev"]):
        res = (
            score_real(name, errors=args.errors)
            if name in REAL_SETS
            else score_set(name, errors=args.errors)
        )
        if res:
            results[name] = res
    if args.write:
        # a real-news set that could not be scored here (no corpus) keeps its stored numbers
        old = json.loads(out.read_text(encoding="utf-8")) if out.exists() else {}
        results = {n: results.get(n, old.get(n)) for n in STORED if n in results or n in old}
        out.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
        print(f"wrote {out.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
