"""Write the parses of the shipped cases into the package (mediakit/data/parsecache/).

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


def main() -> int:
    from mediakit.cases import load_case, shipped_cases
    from mediakit.nlp import (
        _cache_name,
        entry_bytes,
        load_pipeline,
        pipeline_key,
        shipped_cache_dir,
    )

    out = shipped_cache_dir()
    if out.exists():
        shutil.rmtree(out)
    for cid in shipped_cases():
        case = load_case(cid)
        nlp = load_pipeline(gazetteer=case.gazetteer)
        key = pipeline_key(nlp)
        (out / key).mkdir(parents=True, exist_ok=True)
        for report, doc in zip(case.reports, nlp.pipe([r.text for r in case.reports]), strict=True):
            (out / key / _cache_name(key, report.text)).write_bytes(entry_bytes(doc))
        print(f"{cid}: {len(case.reports)} parses under {key}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
