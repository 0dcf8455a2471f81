"""The kit's version and the fingerprint of its own code and data.

They live here, at the bottom of the package, so that any layer can stamp what it writes (the
analysis cache) without importing the package's ``__init__`` (an upward import).
"""

from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path

__version__ = "0.1.0"

# kinds of file whose content is the kit's behaviour (code, word lists, settings, shipped data)
_FINGERPRINTED = (".py", ".toml", ".txt", ".json", ".csv")


@lru_cache(maxsize=1)
def kit_fingerprint() -> str:
    """A hash of the kit's version and its own code and data (parse caches aside): any edit to an
    extractor, a comparison or a lexicon gives a new fingerprint, so no stale cache entry made by
    another kit (or an earlier state of this one) is ever reused."""
    root = Path(__file__).resolve().parent
    h = hashlib.sha256(f"mediakit|{__version__}".encode())
    for f in sorted(root.rglob("*")):
        rel = f.relative_to(root).as_posix()
        if not f.is_file() or "__pycache__" in rel or rel.startswith("data/parsecache/"):
            continue
        if f.suffix not in _FINGERPRINTED:
            continue
        h.update(rel.encode() + b"\0" + f.read_bytes() + b"\0")
    return h.hexdigest()[:16]
