"""The caches are bounded: past their size the least recently used entries go, oldest first."""

from __future__ import annotations

import hashlib
import os
import time
from pathlib import Path

import pytest

import mediakit.nlp as N
from mediakit import analyze

KEY = "0123456789abcdef"  # a pipeline key's folder


def _name(kind: str, i: int | str) -> str:
    """A file name of the kit's naming for a ``kind`` cache entry."""
    h = hashlib.sha256(str(i).encode()).hexdigest()
    return {
        "parses": f"{h}.spacy",
        "analyses": f"case-{h[:32]}.json",
        "charts": f"plot_source_mix-{h[:32]}.png",
    }[kind]


def _entry(path: Path, size: int, age_days: float) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"x" * size)
    t = time.time() - age_days * 86400
    os.utime(path, (t, t))
    return path


@pytest.fixture()
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv("MEDIAKIT_CACHE", str(tmp_path / "cache"))
    monkeypatch.setattr(N, "_written", {})  # as in a fresh process
    return tmp_path / "cache"


@pytest.mark.parametrize("kind", ["parses", "analyses", "charts"])
def test_a_cache_past_its_size_loses_its_oldest_entries_first(cache, monkeypatch, kind):
    folder = cache / (KEY if kind == "parses" else kind)
    files = [_entry(folder / _name(kind, i), 100_000, age_days=10 - i) for i in range(10)]
    monkeypatch.setenv(N.CACHE_LIMIT_VARS[kind], "0.45")  # 450 kB: room for four
    removed = N.prune_cache(kind)
    assert sorted(removed) == sorted(files[:6])  # the six oldest
    assert [f.exists() for f in files] == [False] * 6 + [True] * 4
    assert sum(f.stat().st_size for f in N.cache_entries(kind)) <= 450_000


def test_pruning_one_cache_leaves_the_others_alone(cache, monkeypatch):
    parse = _entry(cache / KEY / _name("parses", 1), 100_000, age_days=30)
    chart = _entry(cache / "charts" / _name("charts", 1), 100_000, age_days=30)
    old = _entry(cache / "analyses" / _name("analyses", 1), 100_000, age_days=30)
    # files the kit did not name are never removed, whatever their age
    theirs = [
        _entry(cache / "analyses" / "notes.json", 100_000, age_days=99),
        _entry(cache / "charts" / "holiday.png", 100_000, age_days=99),
        _entry(cache / KEY / "mine.spacy", 100_000, age_days=99),
        _entry(cache / "photos" / _name("parses", 2), 100_000, age_days=99),
    ]
    monkeypatch.setenv("MEDIAKIT_ANALYSIS_CACHE_MB", "0")
    assert N.prune_cache("analyses") == [old]
    assert parse.exists() and chart.exists()
    monkeypatch.setenv("MEDIAKIT_CHART_CACHE_MB", "0")
    monkeypatch.setenv("MEDIAKIT_PARSE_CACHE_MB", "0")
    assert N.prune_cache("charts") == [chart] and N.prune_cache("parses") == [parse]
    assert all(f.exists() for f in theirs)


def test_an_entry_read_again_is_kept_before_a_newer_one_never_read(cache, monkeypatch):
    used = _entry(cache / "charts" / _name("charts", "used"), 100_000, age_days=20)
    unused = _entry(cache / "charts" / _name("charts", "unused"), 100_000, age_days=5)
    N.cache_used(used)  # a lesson opened again today
    monkeypatch.setenv("MEDIAKIT_CHART_CACHE_MB", "0.15")
    assert N.prune_cache("charts") == [unused]
    assert used.exists()


def test_the_default_size_holds_when_the_variable_is_not_a_size(monkeypatch):
    for raw in ("", "lots", "-5"):
        monkeypatch.setenv("MEDIAKIT_PARSE_CACHE_MB", raw)
        assert N.cache_limit("parses") == int(N.CACHE_LIMITS_MB["parses"] * 1_000_000)
    monkeypatch.setenv("MEDIAKIT_PARSE_CACHE_MB", "2.5")
    assert N.cache_limit("parses") == 2_500_000


def test_analysing_a_case_prunes_the_caches_it_writes(cache, monkeypatch, seed_case):
    monkeypatch.setenv("MEDIAKIT_SHIPPED_PARSES", "0")
    old_parses = [
        _entry(cache / KEY / _name("parses", i), 400_000, age_days=60 - i) for i in range(3)
    ]
    old_analysis = _entry(cache / "analyses" / _name("analyses", "x"), 400_000, age_days=60)
    monkeypatch.setenv("MEDIAKIT_PARSE_CACHE_MB", "1")
    monkeypatch.setenv("MEDIAKIT_ANALYSIS_CACHE_MB", "0.3")
    result = analyze(seed_case, keep_docs=False)
    # the five new parses (about 0.5 MB) and the newest old one fit; the two oldest went
    assert [f.exists() for f in old_parses] == [False, False, True]
    assert not old_analysis.exists()
    # a cache passes its size by at most a tenth between prunes
    assert sum(f.stat().st_size for f in N.cache_entries("parses")) <= 1_100_000
    # what this analysis wrote is kept (and read back on the next start)
    assert len(N.cache_entries("parses")) == len(seed_case.reports) + 1
    assert len(N.cache_entries("analyses")) == 1
    assert analyze(seed_case, keep_docs=False).to_json() == result.to_json()


def test_drawing_a_chart_prunes_the_chart_cache(cache, monkeypatch, seed_analysis):
    from mediakit.views import plots

    old = [_entry(cache / "charts" / _name("charts", i), 200_000, age_days=90) for i in range(3)]
    monkeypatch.setenv("MEDIAKIT_CHART_CACHE_MB", "0.1")  # room for the new chart alone
    png = plots.chart_png(plots.plot_source_mix, seed_analysis)
    assert png is not None and png.startswith(b"\x89PNG")
    assert not any(f.exists() for f in old)
    assert len(N.cache_entries("charts")) == 1
