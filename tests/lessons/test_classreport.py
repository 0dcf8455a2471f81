"""Issue 11, "A class report for the teacher": per exercise and per learner, from saved answers."""

from __future__ import annotations

import csv
import io
import json
import os

import pytest

from mediakit.cli import main
from mediakit.lessons.classreport import class_report, class_report_view, to_csv
from mediakit.lessons.learner import file_name
from mediakit.lessons.progress import Progress
from mediakit.views.classreport import class_report_html, plot_first_try


@pytest.fixture()
def class_folder(tmp_path):
    folder = tmp_path / "answers"
    folder.mkdir()
    # three learners: two answer ex_01_01 wrongly first with the same answer, one right
    ana = Progress(folder / file_name("Ana"), learner="Ana")
    ana.record("ex_01_01", "b", "wrong", tries=1)
    ana.record("ex_01_01", "a", "correct", tries=2)
    ana.record("ex_00_01", "Sputnik", "recorded")
    ben = Progress(
        folder / file_name("Ben <script>alert(1)</script>"[:3]), learner="<script>alert(1)</script>"
    )
    ben.record("ex_01_01", "b", "wrong", tries=1)
    cleo_dir = folder / "cleo"
    cleo_dir.mkdir()
    cleo = Progress(cleo_dir / ".mediakit-progress.json")  # a hub's per-learner folder
    cleo.record("ex_01_01", "a", "correct", tries=1)
    # damaged and foreign files: listed, never fatal
    (folder / "broken.json").write_text("{not json", encoding="utf-8")
    (folder / "latin1.json").write_bytes(b'{"answers": {"ex_01_01": "caf\xe9"}}')
    (folder / "deep.json").write_bytes(b"[" * 100_000 + b"]" * 100_000)
    (folder / "package.json").write_text('{"name": "x", "version": "1"}', encoding="utf-8")
    (folder / "other-kit.json").write_text(
        '{"answers": {"q1": {"status": "correct"}}}', encoding="utf-8"
    )
    return folder


def test_per_exercise_first_try_share_and_common_wrong_answers(class_folder):
    before = {p: p.read_bytes() for p in class_folder.rglob("*") if p.is_file()}
    report = class_report(class_folder)
    assert {p: p.read_bytes() for p in class_folder.rglob("*") if p.is_file()} == before
    ex = {r.id: r for r in report.exercises}["ex_01_01"]
    assert ex.answered == 3 and (ex.first_try_right, ex.first_try_known) == (1, 3)
    assert ex.wrong_answers == [("b", 2)]
    assert [r.name for r in report.learners] == ["<script>alert(1)</script>", "Ana", "cleo"]
    ana = {r.name: r for r in report.learners}["Ana"]
    assert ana.by_lesson["01"][0] == 1 and ana.by_lesson["00"][0] == 1 and ana.done == 2
    skipped = dict(report.skipped)
    assert set(skipped) == {
        "broken.json",
        "latin1.json",
        "deep.json",
        "package.json",
        "other-kit.json",
    }
    assert "damaged JSON" in skipped["broken.json"] and "position" in skipped["latin1.json"]
    assert "not a mediakit answers file" in skipped["package.json"]


def test_the_page_escapes_names_and_loads_nothing(class_folder):
    page = class_report_html(class_report(class_folder))
    assert "<script>alert" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "src=" not in page and 'href="http' not in page and "<link" not in page
    assert "default-src 'none'" in page  # and the page forbids any request even so
    assert "<svg" in page and "broken.json" in page and "33%" in page


def test_csv_for_a_grade_book_cannot_smuggle_a_formula(tmp_path):
    folder = tmp_path / "a"
    Progress(folder / file_name("Eve"), learner="=HYPERLINK(1)"[1:]).record(
        "ex_01_01", "a", "correct"
    )
    Progress(folder / "x.json", learner="-2+3").record("ex_01_01", "a", "correct")
    rows = list(csv.reader(io.StringIO(to_csv(class_report(folder)))))
    assert rows[0][:3] == ["learner", "file", "exercises done"]
    names = sorted(r[0] for r in rows[1:])
    assert names == ["'-2+3", "HYPERLINK(1)"]


def test_cli_writes_html_and_csv_and_lists_skipped_files(class_folder, tmp_path, capsys):
    out_html, out_csv = tmp_path / "report.html", tmp_path / "out.csv"
    assert (
        main(["class-report", str(class_folder), "--html", str(out_html), "--csv", str(out_csv)])
        == 0
    )
    err = capsys.readouterr().err
    assert "skipped broken.json" in err and "Traceback" not in err
    assert out_html.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert len(out_csv.read_text(encoding="utf-8").splitlines()) == 4
    assert main(["class-report", str(tmp_path / "nowhere")]) == 2
    assert "not a folder" in capsys.readouterr().err


def test_notebook_view_and_chart_follow_the_kits_conventions(class_folder):
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from mediakit import classreport

    assert classreport.class_report_view is class_report_view
    view = class_report_view(class_folder)
    assert "3 learners" in view.text and "5 files skipped" in view.text
    fig, ax = plt.subplots()
    assert plot_first_try(class_report(class_folder), ax=ax) is ax
    assert [t.get_text() for t in ax.get_yticklabels()] == ["ex_01_01"]
    plt.close(fig)


def test_an_unreadable_file_is_listed_not_fatal(class_folder):
    if os.name != "posix" or os.geteuid() == 0:
        pytest.skip("root reads every file")
    f = class_folder / "locked.json"
    f.write_text(json.dumps({"answers": {}}), encoding="utf-8")
    f.chmod(0)
    assert "locked.json" in dict(class_report(class_folder).skipped)


def test_the_skills_check_shows_when_the_kit_has_one(class_folder, monkeypatch):
    import sys
    import types

    fake = types.ModuleType("mediakit.lessons.skills")
    seen = []

    def skills_check(prog):
        seen.append(prog.learner)
        right = 1 if prog.learner == "Ana" else 0
        return {
            "before": {"answered": 4, "right": right, "out_of": 4, "complete": True},
            "after": {"answered": 0, "right": 0, "out_of": 4, "complete": False},
        }

    fake.skills_check = skills_check
    monkeypatch.setitem(sys.modules, "mediakit.lessons.skills", fake)
    report = class_report(class_folder)
    assert report.skills_available and sorted(seen) == sorted(r.name for r in report.learners)
    page = class_report_html(report)
    assert "skills check before" in page and "1 of 4 right first time" in page
    assert "not taken" in page
    rows = list(csv.reader(io.StringIO(to_csv(report))))
    assert rows[0][-2:] == ["skills before", "skills after"]
    assert [{r[0]: r for r in rows[1:]}["Ana"][i] for i in (-2, -1)] == ["1/4", ""]
