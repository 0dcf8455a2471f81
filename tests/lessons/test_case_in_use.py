"""The case a lesson is about (case_in_use.py): lesson.start, a failed start's plain boxes,
pick, the banner, report labels."""

from __future__ import annotations

import pytest

from mediakit import lesson
from mediakit.errors import MediakitError
from mediakit.lessons import case_in_use


def test_a_failed_start_gives_plain_boxes_everywhere(tmp_path, monkeypatch, capsys):
    from mediakit import plots, views
    from mediakit.views.display import NOT_STARTED, NoAnalysis

    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("MEDIAKIT_LESSON_CASE", raising=False)
    monkeypatch.setitem(lesson._state, "progress", None)
    monkeypatch.setitem(lesson._state, "analysis", None)
    analysis = lesson.start(tmp_path / "no-such-folder")
    assert isinstance(analysis, NoAnalysis) and not analysis
    out = capsys.readouterr().out
    assert "no-such-folder" in out and "Traceback" not in out
    for result in (lesson.outlets(analysis), lesson.outlets(None)):
        assert result.text == NOT_STARTED
    assert lesson.pick(analysis, "sputnik", "mee") == ["sputnik", "mee"]
    assert (
        NOT_STARTED
        in views.reader(analysis, reports=lesson.pick(analysis, "sputnik", "mee"))
        .controls["message"]
        .value
    )
    assert plots.plot_source_mix(analysis) is None
    assert NOT_STARTED in capsys.readouterr().out
    with pytest.raises(MediakitError, match="Run the lesson.start"):
        lesson.machine_spans(analysis, "mee", "quotes")


def test_kit_errors_in_a_cell_show_a_box_not_a_traceback(tmp_path, monkeypatch, capsys):
    from IPython.core.interactiveshell import InteractiveShell

    from mediakit.views.display import error_handler

    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("MEDIAKIT_LESSON_CASE", raising=False)
    monkeypatch.setitem(lesson._state, "progress", None)
    monkeypatch.setitem(lesson._state, "analysis", None)
    shell = InteractiveShell.instance()
    try:
        shell.set_custom_exc((), None)
        stub = lesson.start(tmp_path / "missing")  # registers the handler, even when it fails
        assert shell.custom_exceptions == (MediakitError,)
        capsys.readouterr()
        shell.user_ns["analysis"] = stub
        result = shell.run_cell('analysis.records_for("sputnik")')
        out = capsys.readouterr()
        assert isinstance(result.error_in_exec, MediakitError)
        assert "Problem: Run the lesson.start(...) cell first" in out.out
        assert "Traceback" not in out.out + out.err
        result = shell.run_cell("from mediakit import load_case\nload_case('no-such-case-id')")
        out = capsys.readouterr()
        assert "Problem:" in out.out and "Traceback" not in out.out + out.err
        result = shell.run_cell("1/0")  # a bug keeps its traceback
        assert isinstance(result.error_in_exec, ZeroDivisionError)
    finally:
        shell.set_custom_exc((), None)
        InteractiveShell.clear_instance()
    assert error_handler(None, MediakitError, MediakitError("x"), None) == []


def test_pick_falls_back_on_the_cases_own_reports(seed_case):
    from mediakit.analysis import CaseAnalysis
    from mediakit.cases import Case
    from mediakit.compare import Comparisons

    seed = CaseAnalysis(case=seed_case, model={}, records={}, comparisons=Comparisons())
    assert lesson.pick(seed, "sputnik", "mee") == ["sputnik", "mee"]
    assert lesson.pick_one(seed, "mee") == "mee"
    other_case = Case(id="o", title="o", path=None, reports=seed_case.reports[2:4])
    other = CaseAnalysis(case=other_case, model={}, records={}, comparisons=Comparisons())
    assert lesson.pick(other, "21wire", "mee") == [r.id for r in seed_case.reports[2:4]]
    assert lesson.pick_one(other, "mee") == seed_case.reports[2].id
    assert lesson.pick(other, "21wire", "mee", "x") == [r.id for r in seed_case.reports[2:4]]


def test_banner_says_where_answers_go_without_a_hidden_path(tmp_path, monkeypatch, seed_analysis):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("MEDIAKIT_PROGRESS", raising=False)
    for k in lesson.VOILA_ENV:
        monkeypatch.delenv(k, raising=False)
    monkeypatch.setitem(lesson._state, "progress", None)
    html = case_in_use.banner(seed_analysis, lesson.progress()).html
    assert "Your answers are saved automatically (in this folder)" in html
    assert ".mediakit-progress" not in html


def test_poll_label_of_a_copy_without_headline_says_so(seed_analysis):
    labels = [lesson.report_label(r) for r in seed_analysis.case.reports if r.headline is None]
    assert labels and all("(no headline in this copy) first line:" in x for x in labels)
