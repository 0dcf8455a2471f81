"""The analysis cache: a second start reads the finished analysis, never a stale one."""

from __future__ import annotations

import shutil

from mediakit import analyze


def _copy_seed(tmp_path, seed_case):
    folder = tmp_path / "case"
    shutil.copytree(seed_case.path, folder)
    return folder


def test_a_second_analysis_comes_from_the_cache_and_equals_the_first(
    tmp_path, monkeypatch, seed_case
):
    monkeypatch.setenv("MEDIAKIT_CACHE", str(tmp_path / "cache"))
    first = analyze(seed_case)
    assert list((tmp_path / "cache" / "analyses").glob("*.json"))

    import mediakit.analysis as A

    def boom(*a, **k):
        raise AssertionError("extracted again instead of reading the cached analysis")

    monkeypatch.setattr(A, "extract_report", boom)
    second = analyze(seed_case)
    assert second.to_json() == first.to_json()
    assert second.case is seed_case
    # the parsed reports are still there for whoever asks
    assert second.docs[seed_case.reports[0].id].text == seed_case.reports[0].text


def test_an_edited_report_is_analysed_afresh(tmp_path, monkeypatch, seed_case):
    from mediakit import load_case

    monkeypatch.setenv("MEDIAKIT_CACHE", str(tmp_path / "cache"))
    folder = _copy_seed(tmp_path, seed_case)
    before = analyze(load_case(folder))
    target = sorted(folder.glob("*.txt"))[0]
    text = target.read_text(encoding="utf-8")
    target.write_text(
        text + "\n\nThe ministry said 999 civilians had left the town.\n", encoding="utf-8"
    )
    after = analyze(load_case(folder))
    values = [f.value for r in after.records.values() for f in r.figures]
    assert 999 in values
    assert after.to_json() != before.to_json()


def test_a_damaged_cached_analysis_is_computed_again(tmp_path, monkeypatch, seed_case):
    monkeypatch.setenv("MEDIAKIT_CACHE", str(tmp_path / "cache"))
    first = analyze(seed_case)
    for f in (tmp_path / "cache" / "analyses").glob("*.json"):
        f.write_bytes(b"not an analysis")
    again = analyze(seed_case)
    assert again.to_json() == first.to_json()
