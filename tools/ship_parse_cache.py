"""Write the parses of the shipped cases, of lesson 06's example case and of the exercises' own
short texts into the package (mediakit/data/parsecache/).

Run after changing the model, a shipped case's text or its gazetteer; tests/test_nlp.py fails
when the shipped parses no longer match, so they never go stale silently.

    .venv/bin/python tools/ship_parse_cache.py
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def _ship(out: Path, name: str, texts: list[str], gazetteer=()) -> None:
    from mediakit.nlp import _cache_name, entry_bytes, load_pipeline, pipeline_key

    nlp = load_pipeline(gazetteer=gazetteer)
    key = pipeline_key(nlp)
    (out / key).mkdir(parents=True, exist_ok=True)
    for text, doc in zip(texts, nlp.pipe(texts), strict=True):
        (out / key / _cache_name(key, text)).write_bytes(entry_bytes(doc))
    print(f"{name}: {len(texts)} parses under {key}")


def main() -> int:
    from mediakit.cases import load_case, shipped_cases
    from mediakit.lessons.exercises import load_lessons
    from mediakit.nlp import shipped_cache_dir

    out = shipped_cache_dir()
    if out.exists():
        shutil.rmtree(out)
    for cid in shipped_cases():
        case = load_case(cid)
        _ship(out, cid, [r.text for r in case.reports], case.gazetteer)
    # lesson 06's example case (with its case.toml, as the lesson builds it) and the short texts
    # of exercises that correct the machine: lessons as shipped never load the pipeline's models
    example = load_case(ROOT / "notebooks" / "example_case")
    _ship(out, "lesson 06 example case", [r.text for r in example.reports], example.gazetteer)
    inline = [
        ex.text
        for les in load_lessons().values()
        for ex in les.exercises
        if ex.text is not None and ex.machine
    ]
    if inline:
        _ship(out, "exercise texts", inline)
    return 0


if __name__ == "__main__":
    sys.exit(main())
