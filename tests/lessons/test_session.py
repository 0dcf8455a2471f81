"""The learner's session (session.py): where answers go in JupyterLab and in Voila."""

from __future__ import annotations

from mediakit import lesson


def test_voila_keeps_answers_per_session_not_in_the_served_folder(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("MEDIAKIT_PROGRESS", raising=False)
    monkeypatch.delenv("MEDIAKIT_VOILA", raising=False)
    monkeypatch.setitem(lesson._state, "progress", None)
    monkeypatch.setitem(lesson._state, "session_path", None)
    assert not lesson.in_voila()
    monkeypatch.setenv("VOILA_KERNEL_ID", "abc")
    assert lesson.in_voila()
    prog = lesson.progress()
    prog.record("ex_00_01", "Sputnik", "recorded")
    assert not (tmp_path / ".mediakit-progress.json").exists()
    assert prog.path.parent != tmp_path and prog.path.exists()
    assert "kept while this page is open" in lesson.saved_where(prog)
    # a second visitor (a new kernel) gets a session of its own and sees nothing of the first
    monkeypatch.setitem(lesson._state, "progress", None)
    monkeypatch.setitem(lesson._state, "session_path", None)
    other = lesson.progress()
    assert other.path != prog.path and other.answer("ex_00_01") is None
    monkeypatch.setenv("MEDIAKIT_VOILA", "0")
    assert not lesson.in_voila()
