"""Long reports: `mediakit.analyze` on a one-report case of 10k to 300k characters.

    python bench/long_reports.py [--sizes 10000,40000,160000,300000] [--kinds text,quotes,numbers]
                                 [--timeout 120]

Three kinds of synthetic report, generated here:
- text:    ordinary news prose (sentences of the shipped case, shuffled);
- quotes:  a text made mostly of quote marks (straight and curly, single and double);
- numbers: a pasted table, number-dense ("2019 | 1,204 | 35.5% | 12 killed").

Each run is a fresh process with an empty parse cache (so parsing is included); it prints the
seconds (wall clock, and the CPU time of the process, which a busy machine disturbs less)
and the peak resident memory. Target: 300,000 characters of any kind in under 30 s, and
time linear in the length. A run that exceeds --timeout is reported as such (it is killed).
These are benchmarks, not tests: the numbers depend on the machine.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

KINDS = ("text", "quotes", "numbers")

CHILD = """
import json, resource, sys, time
import mediakit
t, c = time.perf_counter(), time.process_time()
a = mediakit.analyze(sys.argv[1])
dt, dc = time.perf_counter() - t, time.process_time() - c
print(json.dumps({"seconds": dt, "cpu": dc, "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                  "reports": len(a.case.reports), "skipped": [r for _, r in a.case.skipped]}))
"""


def _seed_sentences() -> list[str]:
    from mediakit.cases import load_case

    case = load_case("maarat-al-numan")
    out = []
    for r in case.reports:
        body = r.text[r.body.start : r.body.end]
        for para in body.split("\n"):
            out += [s.strip() for s in para.split(". ") if len(s.split()) > 4]
    return out


def make_text(kind: str, n: int, seed: int = 1) -> str:
    """A synthetic report of about ``n`` characters (never more)."""
    rng = random.Random(seed)
    parts: list[str] = []
    size = 0
    if kind == "text":
        sentences = _seed_sentences()
        while size < n:
            para = (
                ". ".join(rng.choice(sentences).rstrip(".") for _ in range(rng.randint(2, 5))) + "."
            )
            parts.append(para + "\n\n")
            size += len(para) + 2
    elif kind == "quotes":
        marks = ['"', "\u201c", "\u201d", "'", "\u2018", "\u2019", "\u00ab", "\u00bb"]
        while size < n:
            k = rng.randint(1, 6)
            chunk = "".join(rng.choice(marks) for _ in range(k))
            chunk += rng.choice([" ", " ", " said ", ". ", "\n", " a "])
            parts.append(chunk)
            size += len(chunk)
    elif kind == "numbers":
        while size < n:
            row = (
                " | ".join(
                    [
                        str(rng.randint(1990, 2024)),
                        f"{rng.randint(1, 99_999):,}",
                        f"{rng.randint(0, 999) / 10}%",
                        f"{rng.randint(1, 500)} killed",
                        f"{rng.randint(1, 9)}.{rng.randint(0, 9)} million",
                    ]
                )
                + "\n"
            )
            parts.append(row)
            size += len(row)
    else:
        raise ValueError(kind)
    return "".join(parts)[:n]


def run_one(kind: str, n: int, timeout: float) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "case"
        folder.mkdir()
        (folder / "report.txt").write_text(make_text(kind, n), encoding="utf-8")
        cache = Path(tmp) / "cache"
        env = dict(
            os.environ, MEDIAKIT_CACHE=str(cache), MEDIAKIT_SHIPPED_PARSES="0", PYTHONPATH=str(ROOT)
        )
        t = time.perf_counter()
        try:
            out = subprocess.run(
                [sys.executable, "-c", CHILD, str(folder)],
                env=env,
                capture_output=True,
                text=True,
                timeout=timeout,
                cwd=ROOT,
            )
        except subprocess.TimeoutExpired:
            return {"seconds": None, "wall": time.perf_counter() - t, "error": f"> {timeout:.0f} s"}
        if out.returncode != 0:
            return {
                "seconds": None,
                "wall": time.perf_counter() - t,
                "error": (out.stderr.strip().splitlines() or ["?"])[-1],
            }
        res = json.loads(out.stdout.strip().splitlines()[-1])
        res["wall"] = time.perf_counter() - t
        return res


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", default="10000,40000,160000,300000")
    ap.add_argument("--kinds", default=",".join(KINDS))
    ap.add_argument("--timeout", type=float, default=120)
    args = ap.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    kinds = args.kinds.split(",")
    print(
        f"{'kind':8} {'chars':>8} {'analyze s':>10} {'cpu s':>7} {'process s':>10} {'peak MB':>8}  note"
    )
    for kind in kinds:
        for n in sizes:
            r = run_one(kind, n, args.timeout)
            if r.get("seconds") is None:
                print(
                    f"{kind:8} {n:>8,} {'-':>10} {'-':>7} {r['wall']:>10.1f} {'-':>8}  {r['error']}",
                    flush=True,
                )
                continue
            note = "; ".join(r["skipped"]) if r["skipped"] else ""
            ok = "" if r["seconds"] < 30 else "  (over the 30 s target)"
            print(
                f"{kind:8} {n:>8,} {r['seconds']:>10.1f} {r['cpu']:>7.1f} {r['wall']:>10.1f} "
                f"{r['peak_mb']:>8.0f}  {note[:90]}{ok}",
                flush=True,
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
