"""Issue 12, "No answer lost": the learner's progress file under crowding, damage and odd input."""

from __future__ import annotations

import json
import multiprocessing
import os
import stat
import sys
from pathlib import Path

import pytest

from mediakit.lessons import lesson
from mediakit.lessons.progress import AnswerError, Progress

posix_only = pytest.mark.skipif(os.name != "posix", reason="file locks and modes are POSIX here")


def _writer(path: str, who: int, n: int, fresh_each_time: bool) -> None:
    prog = Progress(path)
    for i in range(n):
        if fresh_each_time:
            prog = Progress(path)
        ok = prog.record(f"w{who}_{i:04d}", {"n": i, "who": who}, "correct", tries=1)
        if not ok:
            raise SystemExit(f"writer {who}: save {i} returned False: {prog.messages}")


@posix_only
@pytest.mark.slow  # 2,000 saves, each flushed to disk: about a minute on a busy machine
def test_four_writers_times_500_answers_lose_none(tmp_path):
    path = tmp_path / ".mediakit-progress.json"
    ctx = multiprocessing.get_context("fork")
    procs = [ctx.Process(target=_writer, args=(str(path), w, 500, w % 2 == 1)) for w in range(4)]
    for p in procs:
        p.start()
    for p in procs:
        p.join(timeout=600)
    assert [p.exitcode for p in procs] == [0, 0, 0, 0]
    saved = Progress(path)
    assert len(saved) == 2000, f"{2000 - len(saved)} of 2000 answers lost"
    assert saved.answer("w3_0499") == {"n": 499, "who": 3}
    assert not [f for f in tmp_path.iterdir() if f.name.endswith(".tmp")]


def test_a_failed_save_returns_false_and_says_why(tmp_path, monkeypatch):
    import mediakit.lessons.progress as progress_mod

    p = Progress(tmp_path / "p.json")

    def full_disk(path, data):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(progress_mod, "_atomic_write", full_disk)
    assert p.record("ex_01_01", "a", "correct") is False
    assert "No space left on device" in p.messages[-1]


@pytest.mark.parametrize(
    "content",
    [
        b'{"schema": 1, "answers": {"ex_01_01": {"answer": "caf\xe9", "status": "correct"}}}',
        b"[" * 100_000 + b"]" * 100_000,
        b'{"answers": ' + b'{"a": ' * 50_000 + b"1" + b"}" * 50_001,
    ],
)
def test_undecodable_or_very_deep_progress_is_set_aside_not_raised(
    tmp_path, content, monkeypatch, seed_analysis
):
    path = tmp_path / ".mediakit-progress.json"
    path.write_bytes(content)
    p = Progress(path)
    aside = [f for f in tmp_path.iterdir() if ".corrupt-" in f.name]
    assert len(aside) == 1 and aside[0].read_bytes() == content
    assert p.messages and "damaged" in p.messages[0] and len(p) == 0
    assert p.record("ex_00_01", "a", "recorded") and Progress(path).answer("ex_00_01") == "a"
    # and through the lesson helper: start() shows the message instead of raising
    path.write_bytes(content)
    monkeypatch.setenv("MEDIAKIT_PROGRESS", str(path))
    monkeypatch.delenv("MEDIAKIT_LEARNER", raising=False)
    monkeypatch.setitem(lesson._state, "progress", None)
    analysis = lesson.start(seed_analysis.case, quiet=True)
    assert analysis and lesson.progress().messages


@pytest.mark.parametrize(
    "bad", [{"a", "b"}, b"bytes", {"spans": [{1, 2}]}, {1: "x"}, float("nan"), object()]
)
def test_an_unstorable_answer_is_refused_and_later_saves_still_work(tmp_path, bad):
    path = tmp_path / "p.json"
    p = Progress(path)
    with pytest.raises(AnswerError, match="cannot be saved"):
        p.record("ex_01_01", bad, "correct")
    assert "ex_01_01" not in p
    assert p.record("ex_01_02", ["ok"], "correct")
    assert Progress(path).ids() == ["ex_01_02"]


@posix_only
def test_saving_keeps_a_symlink_and_the_file_mode(tmp_path):
    real = tmp_path / "store" / "answers.json"
    real.parent.mkdir()
    Progress(real).record("ex_01_01", "a", "correct")
    os.chmod(real, 0o640)
    link = tmp_path / ".mediakit-progress.json"
    link.symlink_to(real)
    p = Progress(link)
    assert p.record("ex_01_02", "b", "wrong")
    assert link.is_symlink() and os.readlink(link) == str(real)
    assert stat.S_IMODE(os.stat(real).st_mode) == 0o640
    assert set(json.loads(real.read_text())["answers"]) == {"ex_01_01", "ex_01_02"}


def test_stale_temp_files_of_killed_saves_are_cleaned_on_the_next_open(tmp_path):
    path = tmp_path / ".mediakit-progress.json"
    Progress(path).record("ex_01_01", "a", "correct")
    stale = [tmp_path / f".{path.name}.abc{i}.tmp" for i in range(3)]
    for s in stale:
        s.write_text('{"half": ', encoding="utf-8")
    other = tmp_path / "notes.tmp"
    other.write_text("not ours", encoding="utf-8")
    p = Progress(path)
    assert p.answer("ex_01_01") == "a"
    assert not any(s.exists() for s in stale) and other.exists()


@posix_only
def test_a_killed_writer_leaves_nothing_behind_after_the_next_open(tmp_path):
    import signal
    import subprocess
    import time

    path = tmp_path / "p.json"
    code = (
        "import sys\nfrom mediakit.lessons.progress import Progress\n"
        "p = Progress(sys.argv[1])\nfor i in range(100000):\n"
        "    p.record(f'ex_{i}', 'x' * 2000, 'correct')\n"
        "    if i == 0: print('saving', flush=True)\n"
    )
    env = dict(os.environ, PYTHONPATH=str(Path(__file__).resolve().parents[2]))
    for k in range(3):
        proc = subprocess.Popen(
            [sys.executable, "-c", code, str(path)], env=env, stdout=subprocess.PIPE, text=True
        )
        assert proc.stdout.readline().strip() == "saving"
        time.sleep(0.05 * k)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
    before = len(Progress(path))
    assert before > 0
    assert not [f for f in tmp_path.iterdir() if f.name.endswith(".tmp")]


def test_the_first_try_is_kept_for_the_class_report(tmp_path):
    path = tmp_path / "p.json"
    p = Progress(path, learner="Ana")
    p.record("ex_01_01", "a", "wrong", tries=1)
    p.record("ex_01_01", "b", "correct", tries=2)
    again = Progress(path)
    assert again.get("ex_01_01")["first"] == {"answer": "a", "status": "wrong"}
    assert again.answer("ex_01_01") == "b" and again.learner == "Ana"
    assert again.learner_key == Progress(tmp_path / "q.json", learner=" ana ").learner_key


def test_progress_survives_a_restart_and_writes_atomically(tmp_path):
    path = tmp_path / "work" / ".mediakit-progress.json"
    p = Progress(path)
    assert len(p) == 0 and p.messages == []
    assert p.record("ex_01_01", {"spans": [[1, 5]], "nothing": False}, "correct", tries=3)
    assert p.record("ex_01_04", "2", "correct")
    again = Progress(path)
    assert again.answer("ex_01_01") == {"spans": [[1, 5]], "nothing": False}
    assert again.get("ex_01_01")["tries"] == 3 and again.done("ex_01_04")
    assert json.loads(path.read_text())["answers"].keys() == {"ex_01_01", "ex_01_04"}
    assert [f.name for f in path.parent.iterdir()] == [path.name]  # no temporary file left


def test_two_open_lessons_do_not_erase_each_other(tmp_path):
    path = tmp_path / "p.json"
    a, b = Progress(path), Progress(path)
    a.record("ex_01_01", "x", "correct")
    b.record("ex_02_01", "y", "wrong")
    assert set(Progress(path).ids()) == {"ex_01_01", "ex_02_01"}


@pytest.mark.parametrize("content", ["{not json", '{"answers": [1, 2]}', "[]", ""])
def test_corrupt_progress_is_set_aside_with_a_message(tmp_path, content):
    path = tmp_path / ".mediakit-progress.json"
    path.write_text(content, encoding="utf-8")
    p = Progress(path)
    aside = [f for f in tmp_path.iterdir() if ".corrupt-" in f.name]
    assert len(aside) == 1 and aside[0].read_text(encoding="utf-8") == content
    assert p.messages and aside[0].name in p.messages[0]
    assert len(p) == 0
    assert p.record("ex_00_01", "a", "recorded")
    assert Progress(path).answer("ex_00_01") == "a"
    # a second corrupt file does not overwrite the first one set aside
    path.write_text("{broken", encoding="utf-8")
    Progress(path)
    assert len([f for f in tmp_path.iterdir() if ".corrupt-" in f.name]) == 2


def test_unwritable_folder_keeps_answers_in_memory(tmp_path):
    # a file where the folder should be: no folder can be made there, even by root
    (tmp_path / "file").write_text("not a folder", encoding="utf-8")
    p = Progress(tmp_path / "file" / "p.json")
    assert p.record("ex_00_01", "a", "recorded") is False
    assert p.answer("ex_00_01") == "a" and p.messages and "cannot be saved" in p.messages[-1]
    assert (tmp_path / "file").read_text(encoding="utf-8") == "not a folder"


def test_unwritable_target_keeps_answers_in_memory(tmp_path):
    target = tmp_path / "p.json"
    target.mkdir()  # a folder where the file should be: writing must fail, in words
    p = Progress(target)
    assert p.record("ex_00_01", "a", "recorded") is False
    assert p.answer("ex_00_01") == "a"
    assert p.messages and "cannot" in p.messages[-1]


def test_bad_saved_answers_are_set_aside_and_the_good_ones_kept(tmp_path):
    path = tmp_path / ".mediakit-progress.json"
    good = {"answer": "b", "status": "correct", "tries": 2, "updated": "2024-01-01T00:00:00+00:00"}
    path.write_text(
        json.dumps(
            {
                "schema": 1,
                "answers": {
                    "ex_01_01": good,
                    "ex_01_02": {"answer": "a", "status": "wrong", "tries": "many"},
                    "ex_01_03": "not a table",
                    "ex_01_04": {"answer": 1, "status": 7},
                },
            }
        ),
        encoding="utf-8",
    )
    p = Progress(path)
    assert p.ids() == ["ex_01_01"] and p.answer("ex_01_01") == "b"
    aside = [f for f in tmp_path.iterdir() if ".bad-answers-" in f.name]
    assert len(aside) == 1
    kept = json.loads(aside[0].read_text(encoding="utf-8"))["answers"]
    assert kept["ex_01_02"]["tries"] == "many" and set(kept) == {"ex_01_02", "ex_01_03", "ex_01_04"}
    assert p.messages and aside[0].name in p.messages[0] and "'many'" in p.messages[0]
    # the progress file itself now holds only the good answer; reading it again is quiet
    again = Progress(path)
    assert again.ids() == ["ex_01_01"] and again.messages == []
    assert again.record("ex_01_02", "c", "correct")
    assert set(Progress(path).ids()) == {"ex_01_01", "ex_01_02"}
