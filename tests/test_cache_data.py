"""Nothing on disk is code: the kit's caches are data, read field by field, and a planted pickle
(or any other foreign file) in their place runs nothing and changes nothing."""

from __future__ import annotations

import ast
import json
import os
import pickle
from dataclasses import replace
from pathlib import Path

import pytest

from mediakit import analyze
from mediakit.plain import PlainDataError, from_plain
from mediakit.records import Figure, Quote, ReportRecords

PKG = Path(__file__).resolve().parent.parent / "mediakit"

# modules whose loading runs code named by the data
_CODE_MODULES = {"pickle", "_pickle", "cPickle", "marshal", "shelve", "dill", "cloudpickle"}
_CODE_MODULES |= {"joblib", "jsonpickle", "copyreg"}
_CODE_BUILTINS = {"eval", "exec", "compile", "__import__", "execfile", "breakpoint"}
# attribute calls that load code or pickles: yaml.load/unsafe_load, srsly's pickle readers,
# numpy.load (allow_pickle), pandas.read_pickle, torch.load
_CODE_ATTRIBUTES = {"unsafe_load", "full_load", "pickle_loads", "read_pickle", "run_path"}
_CODE_ATTRIBUTES |= {"run_module", "exec_module"}


def forbidden(source: str, name: str = "<source>") -> list[str]:
    """Every place in ``source`` that could run code read from a file: an import of a
    pickle-like module, a use of eval/exec/compile/__import__ (called or only named), a
    yaml/srsly/numpy/pandas loader of pickles or code."""
    found = []
    for node in ast.walk(ast.parse(source)):
        line = f"{name}:{getattr(node, 'lineno', '?')}"
        if isinstance(node, ast.Import):
            found += [f"{line} imports {a.name}" for a in node.names if _top(a.name)]
        elif isinstance(node, ast.ImportFrom):
            if node.module and _top(node.module):
                found.append(f"{line} imports from {node.module}")
            found += [f"{line} imports {a.name}" for a in node.names if a.name in _CODE_MODULES]
            found += [f"{line} imports {a.name}" for a in node.names if a.name in _CODE_BUILTINS]
        elif isinstance(node, ast.Name) and node.id in _CODE_BUILTINS:
            found.append(f"{line} uses {node.id}")
        elif isinstance(node, ast.Attribute):
            if node.attr in _CODE_BUILTINS and _base(node.value) in {"builtins", "__builtins__"}:
                found.append(f"{line} uses builtins.{node.attr}")
            elif node.attr in _CODE_ATTRIBUTES:
                found.append(f"{line} uses .{node.attr}")
            elif node.attr == "load" and _base(node.value) in {"yaml", "np", "numpy", "torch"}:
                found.append(f"{line} uses {_base(node.value)}.load")
        elif isinstance(node, ast.Constant) and node.value in _CODE_BUILTINS:
            found.append(f"{line} names {node.value!r} (getattr(builtins, ...)?)")
    return found


def _top(module: str) -> bool:
    return module.split(".")[0] in _CODE_MODULES


def _base(node: ast.AST) -> str:
    while isinstance(node, ast.Attribute):
        node = node.value
    return node.id if isinstance(node, ast.Name) else ""


def test_no_module_of_the_package_can_run_code_read_from_a_file():
    found = []
    files = sorted(PKG.rglob("*.py"))
    assert len(files) > 40  # the whole package, not an empty glob
    for path in files:
        found += forbidden(path.read_text(encoding="utf-8"), str(path.relative_to(PKG.parent)))
    assert not found, "code that could run what a file holds:\n" + "\n".join(found)


@pytest.mark.parametrize(
    "planted",
    [
        "import pickle\nx = pickle.loads(b'')",
        "from pickle import loads",
        "import _pickle as p",
        "import marshal",
        "import shelve",
        "eval('1')",
        "exec(open('f').read())",
        "f = eval",
        "code = compile('1', 'f', 'eval')",
        "import builtins\nbuiltins.exec('1')",
        "getattr(__builtins__, 'exec')('1')",
        "import yaml\nyaml.load(open('f'))",
        "import yaml\nyaml.unsafe_load(open('f'))",
        "import srsly\nsrsly.pickle_loads(b'')",
        "import numpy as np\nnp.load('f', allow_pickle=True)",
        "import pandas\npandas.read_pickle('f')",
        "import runpy\nrunpy.run_path('f')",
        "from builtins import exec",
    ],
)
def test_the_source_check_finds_a_planted_example(planted):
    assert forbidden(planted), planted


def test_the_source_check_leaves_plain_data_readers_alone():
    ok = (
        "import json, re, tomllib\n"
        "json.loads('{}'); tomllib.loads(''); re.compile('x')\n"
        "from spacy.tokens import Doc\n"
        "def f(vocab, b): return Doc(vocab).from_bytes(b)\n"
    )
    assert forbidden(ok) == []


# --------------------------------------------------------------------------- round trip


def test_records_and_comparisons_read_back_from_json_equal_the_computed_ones(seed_analysis):
    from mediakit.compare import Comparisons

    comps = seed_analysis.comparisons
    assert comps.shared_passages and comps.figure_groups and comps.claims  # something to read
    back = from_plain(Comparisons, json.loads(json.dumps(comps.to_dict())))
    assert back == comps
    for rec in seed_analysis.records.values():
        plain = {
            "report_id": rec.report_id,
            "quotes": [q.to_dict() for q in rec.quotes],
            "attributions": [a.to_dict() for a in rec.attributions],
            "figures": [f.to_dict() for f in rec.figures],
            "loaded_terms": [t.to_dict() for t in rec.loaded_terms],
        }
        assert from_plain(ReportRecords, json.loads(json.dumps(plain))) == rec


def test_a_teachers_review_mark_survives_the_cache(tmp_path, monkeypatch, seed_case):
    import mediakit.analysis as A
    from mediakit.nlp import pipeline

    monkeypatch.setenv("MEDIAKIT_CACHE", str(tmp_path / "cache"))
    computed = analyze(seed_case, keep_docs=False)
    rid, rec = next((k, r) for k, r in computed.records.items() if r.quotes and r.figures)
    reviewed = replace(
        rec,
        quotes=(replace(rec.quotes[0], review="confirmed"), *rec.quotes[1:]),
        figures=(replace(rec.figures[0], review="corrected"), *rec.figures[1:]),
    )
    changed = replace(computed, records={**computed.records, rid: reviewed})
    nlp = pipeline(None, gazetteer=seed_case.gazetteer)
    A._store_analysis(changed, nlp)
    back = A._cached_analysis(seed_case, nlp)
    assert back is not None
    assert back.records[rid].quotes[0].review == "confirmed"
    assert back.records[rid].figures[0].review == "corrected"
    assert back.records == changed.records and back.comparisons == changed.comparisons


@pytest.mark.parametrize(
    "data",
    [
        {
            "text": "x",
            "start": "0",
            "end": 1,
            "speaker": None,
            "speaker_type": "x",
            "cue": None,
            "partial": False,
        },
        {
            "text": "x",
            "start": 0,
            "end": 1,
            "speaker": None,
            "speaker_type": "x",
            "cue": None,
            "partial": "no",
        },
        {"text": "x", "start": 0, "end": 1},
        {
            "text": "x",
            "start": 0,
            "end": 1,
            "speaker": None,
            "speaker_type": "x",
            "cue": None,
            "partial": False,
            "__reduce__": "os.system",
        },
        ["x", 0, 1],
    ],
)
def test_data_of_the_wrong_shape_is_refused(data):
    with pytest.raises(PlainDataError):
        from_plain(Quote, data)


def test_a_number_keeps_its_kind_through_json():
    f = Figure(text="3", start=0, end=1, value=3.0, what="killed", source=None)
    assert from_plain(Figure, json.loads(json.dumps(f.to_dict()))).value.__class__ is float
    with pytest.raises(PlainDataError):
        from_plain(Figure, {**f.to_dict(), "value": True})


# --------------------------------------------------------------------------- foreign entries


def _count_extractions(monkeypatch):
    import mediakit.analysis as A

    calls = []
    real = A.extract_report

    def counting(*a, **k):
        calls.append(1)
        return real(*a, **k)

    monkeypatch.setattr(A, "extract_report", counting)
    return calls


def _entries(cache: Path) -> list[Path]:
    return sorted((cache / "analyses").glob("*.json"))


def _foreign(entry: dict) -> list[bytes]:
    """Entries the kit must not take: damaged, of another shape, not its own."""
    other_kit = dict(entry, kit="0-0000000000000000")
    other_case = dict(entry, case="0" * 64)
    bad_record = json.loads(json.dumps(entry))
    bad_record["records"][0]["quotes"] = [{"text": 1}]
    missing = {k: v for k, v in entry.items() if k != "comparisons"}
    stray_report = dict(entry, reports=[*entry["reports"], "not-a-report"])
    return [
        b"",
        b"not json at all",
        b"\xff\xfe\x00garbage",
        json.dumps(entry)[:500].encode(),  # cut short
        b"[1, 2, 3]",
        b'{"format": "mediakit-analysis"}',
        json.dumps(other_kit).encode(),
        json.dumps(other_case).encode(),
        json.dumps(bad_record).encode(),
        json.dumps(missing).encode(),
        json.dumps(stray_report).encode(),
        b"[" * 100_000,  # deeper than the JSON reader goes
        json.dumps(entry).replace('"similarity": ', '"similarity": NaN, "_": ', 1).encode(),
    ]


def test_a_corrupt_or_foreign_json_entry_is_computed_again(tmp_path, monkeypatch, seed_case):
    cache = tmp_path / "cache"
    monkeypatch.setenv("MEDIAKIT_CACHE", str(cache))
    expected = analyze(seed_case, cache=False).to_json()
    analyze(seed_case)
    (entry_file,) = _entries(cache)
    entry = json.loads(entry_file.read_bytes())
    assert entry["kit"] and entry["format"] == "mediakit-analysis"
    calls = _count_extractions(monkeypatch)
    for planted in _foreign(entry):
        entry_file.write_bytes(planted)
        calls.clear()
        again = analyze(seed_case)
        assert calls, f"a foreign entry was taken: {planted[:60]!r}"
        assert again.to_json() == expected
        # and written afresh: the next start reads it without extracting
        calls.clear()
        assert analyze(seed_case).to_json() == expected
        assert not calls


class _Planted:
    """Unpickling this writes the marker file and prints: proof that a pickle was loaded."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self):
        code = f"open({str(self.marker)!r}, 'w').write('ran'); print('PLANTED PICKLE RAN')"
        return (exec, (code,))


def test_a_crafted_pickle_in_place_of_every_cache_file_runs_nothing(
    tmp_path, monkeypatch, seed_case, capsys
):
    from mediakit.views import plots

    cache = tmp_path / "cache"
    monkeypatch.setenv("MEDIAKIT_CACHE", str(cache))
    monkeypatch.setenv("MEDIAKIT_SHIPPED_PARSES", "0")  # read the parses from this cache only
    expected = analyze(seed_case, cache=False)
    first = analyze(seed_case)
    plots.chart_png(plots.plot_source_mix, first)
    marker = tmp_path / "marker"
    evil = pickle.dumps(_Planted(marker))
    files = [f for f in cache.rglob("*") if f.is_file()]
    kinds = {f.parent.name if f.parent.name in ("analyses", "charts") else "parses" for f in files}
    assert kinds == {"analyses", "charts", "parses"}
    assert len(files) >= len(seed_case.reports) + 2
    import hashlib

    from mediakit.nlp import _ENTRY_MAGIC

    for f in files:
        if f.suffix == ".spacy":  # also one that passes the checksum: a pickle as the payload
            f.write_bytes(_ENTRY_MAGIC + hashlib.sha256(evil).digest() + evil)
        else:
            f.write_bytes(evil)
    # and the names an older kit used for its pickled analyses
    (cache / "analyses" / (files[0].stem + ".pickle")).write_bytes(evil)
    again = analyze(seed_case)
    png = plots.chart_png(plots.plot_source_mix, again)
    assert not marker.exists()
    assert "PLANTED" not in capsys.readouterr().out
    assert again.to_json() == expected.to_json()
    assert again.records == expected.records and again.comparisons == expected.comparisons
    assert png is not None and png.startswith(b"\x89PNG")
    # the planted files were replaced by the kit's own entries
    for f in files:
        assert f.read_bytes() != evil
    assert os.environ["MEDIAKIT_CACHE"] == str(cache)


def test_every_shipped_case_is_kept_in_the_cache_and_read_back_equal(tmp_path, monkeypatch):
    from mediakit import shipped_cases

    monkeypatch.setenv("MEDIAKIT_CACHE", str(tmp_path / "cache"))
    ids = [c if isinstance(c, str) else c.id for c in shipped_cases()]
    assert len(ids) >= 2
    for cid in ids:
        first = analyze(cid, keep_docs=False)
        calls = _count_extractions(monkeypatch)
        again = analyze(cid, keep_docs=False)
        assert not calls, f"{cid}: its analysis was not kept in the cache"
        assert again.to_json() == first.to_json()
        assert (again.records, again.comparisons) == (first.records, first.comparisons)
        monkeypatch.undo()
        monkeypatch.setenv("MEDIAKIT_CACHE", str(tmp_path / "cache"))


def test_a_case_with_a_report_past_the_budget_reads_back_with_it_skipped(
    tmp_path, monkeypatch, make_case
):
    import mediakit.analysis as A
    from mediakit import load_case

    monkeypatch.setenv("MEDIAKIT_CACHE", str(tmp_path / "cache"))
    monkeypatch.setattr(A, "MAX_TOKENS", 60)
    folder = make_case(
        {
            "short.txt": 'The mayor said: "The bridge opens on Monday." 30 people came.\n',
            "long.txt": "The council met again. " * 40,
        }
    )
    first = analyze(load_case(folder), keep_docs=False)
    assert [r.id for r in first.case.reports] == ["short"]
    assert [f for f, _ in first.case.skipped] == ["long.txt"]
    calls = _count_extractions(monkeypatch)
    again = analyze(load_case(folder), keep_docs=False)
    assert not calls
    assert again.case == first.case and again.records == first.records
    assert again.to_json() == first.to_json()


def _leaves(value, path=()):
    if isinstance(value, dict):
        for k, v in value.items():
            yield from _leaves(v, (*path, k))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from _leaves(v, (*path, i))
    yield path


def test_any_one_change_to_an_entry_gives_the_computed_analysis_or_none(
    tmp_path, monkeypatch, seed_case
):
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    import mediakit.analysis as A
    from mediakit.nlp import pipeline

    monkeypatch.setenv("MEDIAKIT_CACHE", str(tmp_path / "cache"))
    computed = analyze(seed_case, keep_docs=False)
    nlp = pipeline(None, gazetteer=seed_case.gazetteer)
    digest = A._case_digest(seed_case)
    entry = json.loads(json.dumps(A._entry(computed, nlp, digest)))
    paths = [p for p in _leaves(entry) if p]
    values = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False)
    values |= st.text(max_size=5) | st.lists(st.integers(), max_size=2)
    values |= st.dictionaries(st.text(max_size=3), st.integers(), max_size=2)

    @settings(max_examples=300, deadline=None, suppress_health_check=list(HealthCheck))
    @given(st.sampled_from(paths), values)
    def check(path, value):
        changed = json.loads(json.dumps(entry))
        node = changed
        for key in path[:-1]:
            node = node[key]
        node[path[-1]] = value
        back = A._from_entry(changed, seed_case, nlp, digest)  # never raises
        assert back is None or isinstance(back, A.CaseAnalysis)

    check()
