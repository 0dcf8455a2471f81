"""Speed of `mediakit analyze` against the floor of loading the pipeline and parsing.

    python bench/speed.py [--reports 500] [--repeat 3]
    python bench/speed.py --scale 2000      # only the scale run (see below)

Prints:
- floor: a fresh process that loads the English pipeline and parses the five seed texts;
- cold:  a fresh `mediakit analyze maarat-al-numan --json` with an empty parse cache
         (target: at most 2x the floor);
- warm:  the same with the caches filled: parses and the finished analysis (target: at most
         half the floor);
- warm, parses only: the parse cache filled but no cached analysis (extraction and comparisons
         run; the pipeline's models are not loaded);
- lesson: a fresh process that starts lesson 01 (``lesson.start``) and builds its first reader
         view, caches filled (what a learner waits for in a kernel, less the kernel's start);
- peak memory of a process analysing the seed case (target: under 500 MB, so a class of 30
  fits on a modest shared JupyterHub);
- extraction overhead on a synthetic case of N reports: extractors + comparisons time over
  nlp.pipe time (target: extraction under 25% of parsing).
- with --scale N: `mediakit analyze FOLDER --json` on N synthetic reports of about 600 words
  (and on N/4 of them, to show time grows linearly), each in a fresh process with an empty
  cache: seconds, CPU seconds, peak memory (target for 2,000 reports: under 1 GB) and the JSON's
  size and number of shared passages.
These are benchmarks, not tests: the numbers depend on the machine.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

FLOOR = """
import time, sys
t = time.perf_counter()
import spacy
from mediakit.cases import load_case
from mediakit.nlp import load_pipeline
case = load_case("maarat-al-numan")
nlp = load_pipeline(gazetteer=case.gazetteer)
docs = list(nlp.pipe([r.text for r in case.reports]))
"""


def _time(cmd: list[str], env: dict[str, str]) -> float:
    t = time.perf_counter()
    subprocess.run(cmd, env=env, check=True, stdout=subprocess.DEVNULL, cwd=ROOT)
    return time.perf_counter() - t


LESSON = """
from mediakit import lesson, views
analysis = lesson.start(case="maarat-al-numan", quiet=True)
reader = views.reader(analysis, reports=lesson.pick(analysis, "sputnik", "mee"), layers=["sources"])
"""


def process_times(repeat: int) -> dict[str, float]:
    times: dict[str, list[float]] = {
        k: [] for k in ("floor", "cold", "warm", "parses", "lesson", "first")
    }
    cmd = [sys.executable, "-m", "mediakit.cli", "analyze", "maarat-al-numan", "--json", os.devnull]
    for _ in range(repeat):
        with tempfile.TemporaryDirectory() as cache:
            env = dict(os.environ, MEDIAKIT_CACHE=cache, MEDIAKIT_SHIPPED_PARSES="0")
            times["floor"].append(_time([sys.executable, "-c", FLOOR], env))
            times["cold"].append(_time(cmd, env))  # nothing cached anywhere
            times["warm"].append(_time(cmd, env))  # the user's caches filled by the cold run
            times["lesson"].append(_time([sys.executable, "-c", LESSON], env))
            shutil.rmtree(Path(cache) / "analyses", ignore_errors=True)
            times["parses"].append(_time(cmd, env))  # parses cached, analysis computed
        with tempfile.TemporaryDirectory() as cache:
            # a learner's very first run: empty user cache, the parses shipped with the kit
            times["first"].append(_time(cmd, dict(os.environ, MEDIAKIT_CACHE=cache)))
    return {k: statistics.median(v) for k, v in times.items()}


MEMORY = """
import resource, mediakit
mediakit.analyze("maarat-al-numan")
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def peak_memory_mb() -> float:
    """Peak resident memory of a process that analyses the seed case (Linux: ru_maxrss in kB)."""
    out = subprocess.run(
        [sys.executable, "-c", MEMORY], check=True, capture_output=True, text=True, cwd=ROOT
    ).stdout
    return int(out.strip().splitlines()[-1]) / 1024


def synthetic_texts(n: int, seed: int = 1) -> list[str]:
    from mediakit.cases import load_case

    rng = random.Random(seed)
    case = load_case("maarat-al-numan")
    sentences = []
    for r in case.reports:
        body = r.text[r.body.start : r.body.end]
        sentences += [s.strip() for s in body.replace("\n", " ").split(". ") if len(s.split()) > 4]
    texts = []
    for _ in range(n):
        k = rng.randint(15, 40)
        texts.append(". ".join(rng.choice(sentences).rstrip(".") for _ in range(k)) + ".")
    return texts


def extraction_overhead(n: int) -> dict[str, float]:
    from mediakit.analysis import extract_report
    from mediakit.cases import Case, Report
    from mediakit.compare import compare
    from mediakit.nlp import load_pipeline
    from mediakit.records import Region

    texts = synthetic_texts(n)
    nlp = load_pipeline()
    t = time.perf_counter()
    docs = list(nlp.pipe(texts, batch_size=64))
    t_parse = time.perf_counter() - t
    reports = [
        Report(id=f"r{i}", file=f"r{i}.txt", text=tx, body=Region(0, len(tx)))
        for i, tx in enumerate(texts)
    ]
    t = time.perf_counter()
    records = {r.id: extract_report(d, r) for r, d in zip(reports, docs, strict=True)}
    t_extract = time.perf_counter() - t
    case = Case(id="synthetic", title="synthetic", path=None, reports=tuple(reports))
    t = time.perf_counter()
    compare(case, records)
    t_compare = time.perf_counter() - t
    words = sum(len(tx.split()) for tx in texts)
    return {
        "reports": n,
        "words": words,
        "parse": t_parse,
        "extract": t_extract,
        "compare": t_compare,
    }


def scale_texts(n: int, words: int = 600, seed: int = 2) -> list[str]:
    from mediakit.cases import load_case

    rng = random.Random(seed)
    case = load_case("maarat-al-numan")
    sentences = []
    for r in case.reports:
        body = r.text[r.body.start : r.body.end]
        sentences += [s.strip() for s in body.replace("\n", " ").split(". ") if len(s.split()) > 4]
    texts = []
    for _ in range(n):
        out: list[str] = []
        count = 0
        while count < words:
            s = rng.choice(sentences).rstrip(".")
            out.append(s)
            count += len(s.split())
        paras = [". ".join(out[i : i + 4]) + "." for i in range(0, len(out), 4)]
        texts.append("\n\n".join(paras) + "\n")
    return texts


SCALE = """
import resource, sys, time
from mediakit.cli import main
t, c = time.perf_counter(), time.process_time()
rc = main(["analyze", sys.argv[1], "--json", sys.argv[2]])
print(rc, time.perf_counter() - t, time.process_time() - c,
      resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
"""


def scale_run(n: int) -> dict[str, float]:
    import json

    texts = scale_texts(n)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "case"
        folder.mkdir()
        for i, t in enumerate(texts):
            (folder / f"r{i:05d}.txt").write_text(t, encoding="utf-8")
        out = Path(tmp) / "out.json"
        env = dict(
            os.environ,
            MEDIAKIT_CACHE=str(Path(tmp) / "cache"),
            MEDIAKIT_SHIPPED_PARSES="0",
            PYTHONPATH=str(ROOT),
        )
        res = subprocess.run(
            [sys.executable, "-c", SCALE, str(folder), str(out)],
            env=env,
            capture_output=True,
            text=True,
            cwd=ROOT,
        )
        if res.returncode != 0:
            raise SystemExit(res.stderr[-2000:])
        rc, wall, cpu, peak = res.stdout.split()[-4:]
        size = out.stat().st_size
        with open(out, encoding="utf-8") as fh:
            data = json.load(fh)
        comps = data["comparisons"]
        more = (comps.get("shared_passages_omitted") or {}).get("passages", 0)
        return {
            "reports": n,
            "words": sum(len(t.split()) for t in texts),
            "wall": float(wall),
            "cpu": float(cpu),
            "peak_mb": float(peak),
            "json_mb": size / 1e6,
            "passages": len(comps["shared_passages"]),
            "more": more,
        }


def scale(n: int) -> None:
    rows = [scale_run(max(2, n // 4)), scale_run(n)]
    for r in rows:
        print(
            f"{r['reports']:>6} reports ({r['words']:,} words): {r['wall']:.0f} s, cpu "
            f"{r['cpu']:.0f} s, peak {r['peak_mb']:.0f} MB, JSON {r['json_mb']:.1f} MB, "
            f"{r['passages']:,} shared passages shown, {r['more']:,} more counted",
            flush=True,
        )
    a, b = rows
    print(
        f"x{b['reports'] / a['reports']:.0f} reports: x{b['cpu'] / a['cpu']:.1f} CPU time "
        f"(linear: x{b['reports'] / a['reports']:.0f}); peak {b['peak_mb']:.0f} MB (target < 1,000 MB)"
    )


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--reports", type=int, default=500)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument(
        "--scale",
        type=int,
        default=0,
        metavar="N",
        help="only the scale run: N synthetic reports of 600 words (e.g. 2000)",
    )
    args = ap.parse_args()
    if args.scale:
        scale(args.scale)
        return 0
    p = process_times(args.repeat)
    print(f"floor (load pipeline + parse 5 seeds, fresh process): {p['floor']:.2f} s")
    print(
        f"cold  mediakit analyze (empty cache):                 {p['cold']:.2f} s"
        f"  ratio {p['cold'] / p['floor']:.2f} (target <= 2.0)"
    )
    print(
        f"warm  mediakit analyze (caches filled):               {p['warm']:.2f} s"
        f"  ratio {p['warm'] / p['floor']:.2f} (target <= 0.5)"
    )
    print(
        f"warm  mediakit analyze (parses cached, no analysis):  {p['parses']:.2f} s"
        f"  ratio {p['parses'] / p['floor']:.2f}"
    )
    print(
        f"lesson 01 start + first reader (caches filled):      {p['lesson']:.2f} s"
        f"  ratio {p['lesson'] / p['floor']:.2f} (target <= 0.5)"
    )
    print(
        f"first run on a new machine (shipped seed parses):    {p['first']:.2f} s"
        f"  ratio {p['first'] / p['floor']:.2f}"
    )
    mem = peak_memory_mb()
    print(
        f"peak memory of analysing the seed case:              {mem:.0f} MB (target < 500 MB:"
        " 30 learners on one 16 GB JupyterHub)"
    )
    e = extraction_overhead(args.reports)
    print(f"synthetic case: {e['reports']} reports, {e['words']} words")
    print(f"  nlp.pipe   {e['parse']:.2f} s")
    print(
        f"  extraction {e['extract']:.2f} s  overhead {e['extract'] / e['parse']:.1%} (target < 25%)"
    )
    print(
        f"  comparison {e['compare']:.2f} s  ratio to parsing {e['compare'] / e['parse']:.2f}"
        " (target < 1.0)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
