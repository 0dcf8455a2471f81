"""Issue 11, "Answers that last": a learner names themselves once and keeps their answers across
reloads, lessons and days, in JupyterLab and Voila alike."""

from __future__ import annotations

import json
import os
import re

import pytest

from mediakit.lessons import learner, lesson
from mediakit.lessons.learner import LearnerNameError, check_name, file_name
from mediakit.lessons.progress import Progress


@pytest.mark.parametrize(
    "name,tidy",
    [
        ("Ana", "Ana"),
        ("  Ana   B  ", "Ana B"),
        ("class-7B 12", "class-7B 12"),
        ("Zoë", "Zoë"),
        ("Мария", "Мария"),
        ("李雷", "李雷"),
    ],
)
def test_names_and_class_codes_that_are_accepted(name, tidy):
    assert check_name(name) == tidy


@pytest.mark.parametrize(
    "name,words",
    [
        ("", "first"),
        ("   ", "first"),
        ("../../etc/passwd", "letters, digits"),
        ("a/b", "letters, digits"),
        ("ana\x00", "letters, digits"),
        ("<script>", "letters, digits"),
        ("x" * 41, "at most 40"),
        (None, "as text"),
        ("C:\\temp", "letters, digits"),
    ],
)
def test_names_that_are_refused_in_plain_words(name, words):
    with pytest.raises(LearnerNameError, match=words):
        check_name(name)


def test_the_file_name_never_holds_the_raw_name_and_folds_case_and_spaces():
    for name in ("Ana", "Zoë Ünal", "Мария", "class 7B - Ana"):
        assert re.fullmatch(r"learner-([a-z0-9-]+-)?[0-9a-f]{12}\.json", file_name(name)), name
    assert file_name("Ana") == file_name(check_name(" ANA ")) == file_name("ana")
    assert file_name("Ana") != file_name("Ana B")
    assert file_name("Мария") != file_name("李雷")  # no ASCII slug: the hash still tells them apart


@pytest.fixture()
def voila_visit(tmp_path, monkeypatch):
    """A fresh Voila kernel in a served folder, answers in tmp/answers; call it again for the
    next page load (a new kernel: no state kept in memory)."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("MEDIAKIT_VOILA", "1")
    monkeypatch.setenv("MEDIAKIT_ANSWERS", str(tmp_path / "answers"))
    monkeypatch.setattr("mediakit.lessons.session._widgets", [])

    def visit():
        monkeypatch.setitem(lesson._state, "progress", None)
        monkeypatch.setitem(lesson._state, "session_path", None)
        return lesson.progress()

    return visit


def test_voila_answers_last_across_reloads_lessons_and_days(voila_visit, tmp_path):
    prog = voila_visit()  # lesson 00, before the learner says who they are
    assert prog.learner is None and "mediakit-voila-sessions" in str(prog.path)
    assert prog.record("ex_00_01", "Sputnik: headline", "recorded")
    name, message = lesson.identify("  Ana  ")
    assert name == "Ana" and "Ana" in message and "1 saved answer" in message
    files = list((tmp_path / "answers").iterdir())
    assert [f.name for f in files] == [file_name("Ana")]
    data = json.loads(files[0].read_text(encoding="utf-8"))
    assert data["learner"] == "Ana" and data["answers"]["ex_00_01"]["answer"] == "Sputnik: headline"
    assert prog.record("ex_00_02", "it names its sources", "submitted")
    # a reload (a new kernel): nothing is shown until the browser sends the name back ...
    voila_visit()
    assert "0 of" in lesson.summary("00").text
    lesson.identify("ana")  # ... which the learner box does from localStorage
    assert lesson.progress().learner == "Ana"  # the name as first typed is kept
    assert "2 of" in lesson.summary("00").text
    assert lesson.progress().answer("ex_00_02") == "it names its sources"
    # lesson 05, another day: the first impression is there
    voila_visit()
    lesson.identify("Ana")
    shown = lesson.first_impression()
    assert "Sputnik: headline" in shown.html and "it names its sources" in shown.html
    assert shown.widgets == []


def test_summary_counts_the_answers_given_on_the_page(voila_visit, seed_analysis, monkeypatch):
    voila_visit()
    lesson.identify("Ben")
    note = lesson.summary("01").widget  # what the notebook shows
    assert "0 of" in note.value
    first = lesson.exercises("01")[0]
    lesson.progress().record(first, "x", "correct")  # a save that no widget announced
    assert "1 of" in note.value  # drawn again after the save, no re-run of the cell


def test_first_impression_appears_when_the_learner_names_themselves(
    voila_visit, seed_analysis, monkeypatch
):
    label = lesson.report_label(seed_analysis.case.reports[0])
    voila_visit()
    lesson.identify("Cleo")
    lesson.progress().record("ex_00_01", label, "recorded")
    voila_visit()  # lesson 05 opened in Voila: nobody named yet
    monkeypatch.setitem(lesson._state, "analysis", seed_analysis)
    monkeypatch.setitem(lesson._analyses, "maarat-al-numan", seed_analysis)
    fi = lesson.first_impression()
    assert "No first impression" in fi.text and len(fi.widgets) == 2
    note = fi.widget  # what the page shows above the polls
    box = lesson.learner_box()
    box.request = "Cleo"  # what the browser sends from localStorage
    assert box.name == "Cleo" and box.request == "" and "Saving your answers as Cleo" in box.message
    assert seed_analysis.case.reports[0].label in note.value
    assert fi.widgets[0].answer == label  # the poll on the page shows it too


def test_the_learner_box_refuses_a_bad_name_and_keeps_the_session(voila_visit):
    prog = voila_visit()
    box = lesson.learner_box()
    box.request = "../../etc/passwd"
    assert box.name == "" and "letters, digits" in box.message
    assert "mediakit-voila-sessions" in str(prog.path)
    box.request = "Dana"
    assert box.name == "Dana" and prog.learner == "Dana"
    box.request = "\x00forget"  # "Not you? Change" on a shared computer
    assert box.name == "" and prog.learner is None and "mediakit-voila-sessions" in str(prog.path)
    assert prog.record("ex_01_01", "x", "wrong")
    assert "ex_01_01" not in Progress(learner.answers_path("Dana"))


def test_a_hub_names_the_learner_and_their_folder(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("MEDIAKIT_LEARNER", "Eli")
    monkeypatch.setenv("MEDIAKIT_ANSWERS", str(tmp_path / "hub" / "eli"))
    for voila in ("1", "0"):  # Voila and JupyterLab write the same file
        monkeypatch.setenv("MEDIAKIT_VOILA", voila)
        monkeypatch.setitem(lesson._state, "progress", None)
        prog = lesson.progress()
        assert prog.path == tmp_path / "hub" / "eli" / file_name("Eli") and prog.learner == "Eli"
        prog.record(f"ex_0{voila}_01", "a", "correct")
    assert set(Progress(tmp_path / "hub" / "eli" / file_name("Eli")).ids()) == {
        "ex_01_01",
        "ex_00_01",
    }


def test_jupyterlab_on_a_personal_server_saves_beside_the_work_for_the_os_user(
    tmp_path, monkeypatch
):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("MEDIAKIT_VOILA", "0")
    monkeypatch.setattr(learner.getpass, "getuser", lambda: "ana_b")
    monkeypatch.setitem(lesson._state, "progress", None)
    prog = lesson.progress()
    assert prog.path == tmp_path / ".mediakit-progress.json" and prog.learner == "ana-b"
    prog.record("ex_01_01", "a", "correct")
    assert json.loads(prog.path.read_text(encoding="utf-8"))["learner"] == "ana-b"


def test_the_kits_server_settings_shut_closed_pages_down_and_cull_idle_kernels(monkeypatch):
    from traitlets.config import Config

    from mediakit.lessons import serving

    c = Config()
    serving.configure(c)
    assert c.VoilaConfiguration.prelaunch_hook is serving.prelaunch
    assert c.MappingKernelManager.cull_idle_timeout == 900
    assert c.MappingKernelManager.cull_connected is False

    class Request:
        touched = False

        @property
        def xsrf_token(self):
            Request.touched = True  # tornado sets the _xsrf cookie when this is read
            return b"t"

    assert serving.prelaunch(Request(), None, None) is None and Request.touched
    monkeypatch.setenv("MEDIAKIT_CULL_IDLE", "0")
    c2 = Config()
    serving.configure(c2)
    assert "cull_idle_timeout" not in c2.MappingKernelManager


def test_page_only_sessions_of_nameless_visitors_do_not_pile_up(voila_visit, monkeypatch, tmp_path):
    import time

    monkeypatch.setattr("tempfile.gettempdir", lambda: str(tmp_path / "tmp"))
    folder = tmp_path / "tmp" / "mediakit-voila-sessions"
    folder.mkdir(parents=True)
    old, recent = folder / "session-old.json", folder / "session-recent.json"
    for f in (old, recent):
        f.write_text("{}", encoding="utf-8")
    os.utime(old, (time.time() - 3 * 86400,) * 2)
    voila_visit()
    assert not old.exists() and recent.exists()


def test_a_new_name_on_the_same_page_shows_that_learners_answers_only(voila_visit):
    voila_visit()
    w = lesson.exercise("ex_01_02")
    option = w.controls["answer"].options[1]
    lesson.identify("Fay")
    w.set_answer(option)
    w.check()
    assert lesson.progress().answer("ex_01_02") == option
    box = lesson.learner_box()
    box.request = "\x00forget"  # "Not you? Change": the next person at this computer
    assert w.answer is None and w.tries == 0 and w.controls["feedback"].value == ""
    box.request = "Fay"  # Fay again: her answer comes back
    assert w.answer == option and "saved answer" in w.controls["feedback"].value
    box.request = "Gus"  # another name straight away: Fay's answers do not move to Gus
    assert w.answer is None and "ex_01_02" not in lesson.progress()
    assert Progress(learner.answers_path("Fay")).answer("ex_01_02") == option
