"""Exercises, their answer keys, the widgets that show them, and the learner's saved progress."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from mediakit import lesson
from mediakit.errors import MediakitError
from mediakit.lessons import case_in_use
from mediakit.lessons.exercises import (
    EXERCISE_TYPES,
    Exercise,
    ExerciseError,
    Option,
    Passage,
    Selection,
    all_exercises,
    check,
    expected,
    find_spans,
    get_exercise,
    key_answer,
    load_lesson,
    load_lessons,
    parse_number,
    passage_for,
    tokenize,
    validate_against_case,
    wrong_answers,
)
from mediakit.lessons.exercises.widget import exercise_widget
from mediakit.lessons.progress import Progress

LESSONS = [f"{i:02d}" for i in range(8)]
EXERCISES = all_exercises()
LABELS = ("Outlet A: “a headline”", "Outlet B: “another”")


def seed_passage(ex: Exercise, seed_case, machine=None) -> Passage | None:
    """The passage of an exercise in its own case (the seed case, or lesson 07's)."""
    if ex.type != "select_words":
        return None
    if ex.text is not None:
        return passage_for(ex, machine=machine)
    case = seed_case if ex.case in (None, seed_case.id) else _case(ex.case)
    return passage_for(ex, case.report(ex.report).text, machine=machine)


def _case(case_id):
    from mediakit.cases import load_case

    return load_case(case_id)


def gold_machine(ex: Exercise, p: Passage) -> list[tuple[int, int]]:
    """Machine spans (in report offsets) equal to a person's marks: a perfect kit."""
    return [(p.offset + s, p.offset + e) for s, e in find_spans(p.text, ex.answer)]


# --------------------------------------------------------------------------- the data


def test_every_lesson_has_at_least_four_exercises_and_one_that_corrects_the_machine():
    lessons = load_lessons()
    assert sorted(lessons) == LESSONS
    for lid, les in lessons.items():
        assert len(les.exercises) >= 4, lid
        assert any(ex.corrects_machine for ex in les.exercises), (
            f"lesson {lid} never corrects the machine"
        )
        assert les.title


def test_all_exercise_types_are_used():
    used = {ex.type for ex in EXERCISES.values()}
    assert used == set(EXERCISE_TYPES)


def test_first_impression_poll_exists_and_lesson_05_returns_to_it():
    assert EXERCISES["ex_00_01"].type == "poll"
    assert EXERCISES["ex_00_01"].options_from == "reports"
    back = [ex for ex in EXERCISES.values() if ex.lesson == "05" and "lesson 00" in ex.prompt]
    assert back, "lesson 05 should come back to the first impression"


def test_every_passage_is_in_the_seed_reports(seed_case):
    problems = validate_against_case(EXERCISES.values(), seed_case)
    assert problems == []
    for les in load_lessons().values():  # lesson 07's case, and any other lesson's own case
        if les.case and les.case != seed_case.id:
            assert validate_against_case(les, _case(les.case)) == [], les.id


def test_exercise_ids_are_unique_and_match_their_lesson():
    for ex_id, ex in EXERCISES.items():
        assert ex_id == ex.id
        assert ex_id.startswith(f"ex_{ex.lesson}_")


# --------------------------------------------------------------------------- keys and wrong answers


@pytest.mark.parametrize("ex_id", sorted(EXERCISES))
def test_answer_key_passes_and_wrong_answers_fail(ex_id, seed_case):
    ex = EXERCISES[ex_id]
    machine = [] if ex.corrects_machine else None  # a kit that found nothing: the key is the gold
    p = seed_passage(ex, seed_case, machine=machine)
    key = key_answer(ex, p, report_labels=LABELS)
    ok = check(ex, key, passage=p, report_labels=LABELS)
    assert ok.correct, (ex_id, ok.to_text())
    assert ok.explanation or ex.type in ("poll",), f"{ex_id}: no explanation once right"
    wrongs = wrong_answers(ex, p)
    if ex.type != "poll":
        assert wrongs, f"{ex_id} has no wrong answer to test"
    for w in wrongs:
        r = check(ex, w, passage=p, report_labels=LABELS)
        assert not r.correct, (ex_id, w)
        assert r.explanation is None, (
            f"{ex_id}: the explanation must wait until the answer is right"
        )
        assert "Traceback" not in r.to_text()


@pytest.mark.parametrize("ex_id", sorted(EXERCISES))
def test_untouched_answer_fails(ex_id, seed_case):
    ex = EXERCISES[ex_id]
    p = seed_passage(ex, seed_case, machine=[] if ex.corrects_machine else None)
    untouched = Selection() if ex.type == "select_words" else ([] if ex.type == "multi" else None)
    r = check(ex, untouched, passage=p, report_labels=LABELS)
    assert not r.correct
    assert r.status == "incomplete"
    assert r.message


def test_wrong_choice_gives_a_hint_that_changes_with_tries():
    ex = EXERCISES["ex_02_03"]
    wrong = wrong_answers(ex)[0]
    first = check(ex, wrong, tries=1)
    second = check(ex, wrong, tries=2)
    assert first.status == "wrong" and first.hint == ex.hints[0]
    assert second.hint == ex.hints[1]
    assert "Middle East Eye" in check(ex, key_answer(ex)).explanation


def test_number_answers_accept_what_learners_type():
    ex = EXERCISES["ex_03_04"]
    for typed in ("120,000", "120000", " 120 000 ", 120000):
        assert check(ex, typed).correct, typed
    r = check(ex, "lots")
    assert r.status == "incomplete" and "number" in r.message
    assert "too low" in check(ex, "12,000").message


def test_free_text_shows_rubric_and_model_answer_after_an_attempt():
    ex = EXERCISES["ex_02_06"]
    r = check(ex, "It is wrong.")
    assert not r.correct and r.model_answer is None  # not yet a real attempt
    assert len(r.rubric) == len(ex.rubric)
    r = check(
        ex,
        "The label is different from the one in the original report, which tells the "
        "reader something else about the man who spoke.",
    )
    assert r.model_answer == ex.model_answer  # a real attempt, even if it misses points
    good = check(
        ex,
        "Middle East Eye called him a rebel fighter and said he accused HTS of holding "
        "back; without the credit readers cannot check the original, and the label "
        "changes what the quote seems to show.",
    )
    assert good.correct and good.model_answer


def test_multi_feedback_names_the_problem():
    ex = EXERCISES["ex_00_03"]
    r = check(ex, ["21st Century Wire", "Sputnik"])
    assert r.status == "wrong"
    assert any("Sputnik" in d for d in r.details)
    assert "more" in r.message


# --------------------------------------------------------------------------- select the words


def test_tokens_leave_out_punctuation():
    toks = tokenize("“We need a miracle,” he added. – (HTS)")
    words = [
        ("“We need a miracle,” he added. – (HTS)"[t.start : t.end], t.selectable) for t in toks
    ]
    assert ("We", True) in words and ("miracle", True) in words and ("HTS", True) in words
    assert ("–", False) in words


def test_passages_match_across_no_break_spaces():
    ex = EXERCISES["ex_05_03"]
    text = "x\n" + ex.passage.replace("forces loyal", "forces\u00a0loyal") + "\ny"
    p = passage_for(ex, text)
    assert "\u00a0" in p.text
    assert check(ex, key_answer(ex, p), passage=p).correct


def test_select_words_marks_most_of_a_phrase_and_nothing_else(seed_case):
    ex = EXERCISES["ex_01_01"]
    p = seed_passage(ex, seed_case)
    toks = {p.text[t.start : t.end]: (t.start, t.end) for t in tokenize(p.text)}
    two_of_three = Selection(spans=(toks["Syrian"], toks["source"]))
    assert check(
        ex, Selection(spans=(toks["military"], toks["source"], toks["a"])), passage=p
    ).correct
    assert check(
        ex, Selection(spans=(toks["Syrian"], toks["military"], toks["source"])), passage=p
    ).correct
    assert check(ex, two_of_three, passage=p).correct
    r = check(
        ex,
        Selection(spans=(toks["Syrian"], toks["military"], toks["source"], toks["troops"])),
        passage=p,
    )
    assert r.status == "wrong" and "troops" in r.message
    assert check(ex, Selection(spans=(toks["source"],)), passage=p).status == "wrong"


MACHINE = sorted(i for i, ex in EXERCISES.items() if ex.corrects_machine)


@pytest.mark.parametrize("ex_id", MACHINE)
def test_correct_the_machine_key_follows_what_the_kit_found(ex_id, seed_case):
    ex = EXERCISES[ex_id]
    # a kit that found nothing: the learner must mark what it missed
    blind = seed_passage(ex, seed_case, machine=[])
    exp = expected(ex, blind)
    assert exp.items and exp.missed == exp.items
    assert not check(ex, Selection(nothing=True), passage=blind).correct
    # a perfect kit: the right answer is to say so, and any mark is wrong
    p0 = seed_passage(ex, seed_case, machine=[])
    perfect = seed_passage(ex, seed_case, machine=gold_machine(ex, p0))
    assert expected(ex, perfect).items == ()
    assert key_answer(ex, perfect) == Selection(nothing=True)
    assert check(ex, Selection(nothing=True), passage=perfect).correct
    for w in wrong_answers(ex, perfect):
        assert not check(ex, w, passage=perfect).correct
    # a kit that marks a word no person would: the learner must mark it as wrong
    allowed = [*find_spans(p0.text, ex.answer), *find_spans(p0.text, ex.accept)]
    stray = next(
        t
        for t in tokenize(p0.text)
        if t.selectable and not any(s < t.end and t.start < e for s, e in allowed)
    )
    noisy = seed_passage(
        ex,
        seed_case,
        machine=gold_machine(ex, p0) + [(p0.offset + stray.start, p0.offset + stray.end)],
    )
    exp = expected(ex, noisy)
    assert exp.wrong == ((stray.start, stray.end),)
    assert not check(ex, Selection(nothing=True), passage=noisy).correct
    right = check(ex, Selection(spans=((stray.start, stray.end),)), passage=noisy)
    assert right.correct
    assert any("marked wrongly" in d and stray.text.strip(".,") in d for d in right.details)


@pytest.mark.parametrize("ex_id", MACHINE)
def test_correct_the_machine_on_the_real_kit_output(ex_id, seed_analysis, monkeypatch):
    monkeypatch.setitem(lesson._analyses, "maarat-al-numan", seed_analysis)
    ex = EXERCISES[ex_id]
    p = lesson.passage(ex)  # lesson 07's case is analysed from its shipped parses
    assert p.machine is not None
    key = key_answer(ex, p)
    assert check(ex, key, passage=p).correct
    for w in wrong_answers(ex, p):
        assert not check(ex, w, passage=p).correct


# --------------------------------------------------------------------------- loading errors


def test_broken_exercise_files_fail_in_words(tmp_path):
    bad = tmp_path / "09_bad.toml"
    bad.write_text(
        'lesson = "09"\n[[exercise]]\nid = "ex_09_01"\ntype = "choice"\nprompt = "x"\n'
        '[[exercise.option]]\ntext = "a"\ncorrect = true\n',
        encoding="utf-8",
    )
    with pytest.raises(ExerciseError, match="at least two options"):
        load_lesson(bad)
    bad.write_text('lesson = "09"\n[[exercise\n', encoding="utf-8")
    with pytest.raises(ExerciseError, match="09_bad.toml"):
        load_lesson(bad)
    bad.write_text(
        'lesson = "09"\n[[exercise]]\nid = "ex_09_01"\ntype = "select_words"\n'
        'prompt = "x"\ntext = "one two"\nanswer = ["three"]\nhints = ["h"]\n',
        encoding="utf-8",
    )
    with pytest.raises(ExerciseError, match="does not occur"):
        load_lesson(bad)
    with pytest.raises(ExerciseError, match="no exercise"):
        get_exercise("ex_99_99")


def test_result_html_escapes_everything():
    ex = Exercise(
        id="ex_09_01",
        lesson="09",
        type="choice",
        prompt="p",
        options=(Option("<b>a</b>", True, "<script>x</script>"), Option("b", False, "no")),
        explanation="<img src=x onerror=alert(1)>",
    )
    html = check(ex, "<b>a</b>")._repr_html_()
    assert "<script>" not in html and "<img" not in html and "&lt;script&gt;" in html


# --------------------------------------------------------------------------- widgets


def test_choice_widget_wrong_then_right(tmp_path):
    ex = EXERCISES["ex_02_03"]
    prog = Progress(tmp_path / "p.json")
    w = exercise_widget(ex, progress=prog)
    w.controls["check"].click()
    assert w.result.status == "incomplete"
    w.controls["answer"].value = wrong_answers(ex)[0]
    w.controls["check"].click()
    fb = w.controls["feedback"].value
    assert w.result.status == "wrong" and "Hint:" in fb and "Not yet" in fb
    w.controls["answer"].value = key_answer(ex)
    w.controls["check"].click()
    fb = w.controls["feedback"].value
    assert w.result.correct and "Right" in fb and "Why:" in fb
    assert prog.status(ex.id) == "correct" and prog.get(ex.id)["tries"] == 2


def test_select_words_widget_and_restore_after_restart(tmp_path, seed_case):
    ex = EXERCISES["ex_01_01"]
    p = seed_passage(ex, seed_case)
    path = tmp_path / "p.json"
    w = exercise_widget(ex, passage=p, progress=Progress(path))
    tokens = w.controls["tokens"]
    by_word = {b.description.strip(",."): b for b in tokens}
    by_word["troops"].value = True
    w.controls["check"].click()
    assert w.result.status == "wrong" and "troops" in w.controls["feedback"].value
    by_word["troops"].value = False
    ((gs, ge),) = find_spans(p.text, ["Syrian military source"])
    for b in tokens:
        b.value = gs <= b.span[0] and b.span[1] <= ge
    w.controls["check"].click()
    assert w.result.correct, w.result.to_text()
    # a kernel restart: a new Progress object reads the file, a new widget restores the answer
    w2 = exercise_widget(ex, passage=p, progress=Progress(path))
    assert w2.answer == w.answer
    assert w2.result is not None and w2.result.correct
    assert "saved answer" in w2.controls["feedback"].value


def test_machine_widget_shows_the_kits_marks(seed_case):
    ex = EXERCISES["ex_03_07"]
    p0 = seed_passage(ex, seed_case, machine=[])
    p = seed_passage(ex, seed_case, machine=gold_machine(ex, p0)[:1])
    w = exercise_widget(ex, passage=p)
    # the passage is shown once: the kit's marks are a style on the word buttons themselves
    marked = [b.description for b in w.controls["tokens"] if "mk-machine" in b._dom_classes]
    assert marked == ["At", "least", "8"], marked
    assert (
        "At least 8" in w.controls["machine"].value
        and "dashed underline" in w.controls["machine"].value
    )
    assert "[" not in w.controls["machine"].value
    w.controls["nothing"].value = True
    w.controls["check"].click()
    assert w.result.status == "wrong"
    w.controls["nothing"].value = False
    w.set_answer(key_answer(ex, p))
    w.controls["check"].click()
    assert w.result.correct
    assert "The kit marked" in w.controls["feedback"].value


def test_text_and_poll_widgets(tmp_path):
    prog = Progress(tmp_path / "p.json")
    w = exercise_widget(EXERCISES["ex_04_06"], progress=prog)
    w.controls["answer"].value = "Army takes town"
    w.controls["check"].click()
    assert "A model answer" in w.controls["feedback"].value
    poll = exercise_widget(EXERCISES["ex_00_01"], progress=prog, report_labels=LABELS)
    assert list(poll.controls["answer"].options)[:2] == list(LABELS)
    poll.controls["answer"].value = LABELS[1]
    poll.controls["check"].click()
    assert poll.result.status == "recorded"
    assert Progress(tmp_path / "p.json").answer("ex_00_01") == LABELS[1]


# --------------------------------------------------------------------------- progress


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


def test_lesson_helper_uses_progress_beside_the_work(tmp_path, monkeypatch, seed_analysis):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("MEDIAKIT_PROGRESS", raising=False)
    monkeypatch.setitem(lesson._state, "progress", None)
    monkeypatch.setitem(lesson._state, "analysis", seed_analysis)
    monkeypatch.setitem(lesson._analyses, "maarat-al-numan", seed_analysis)
    w = lesson.exercise("ex_02_05")
    assert w is not None and w.passage.report == "mee"
    w.set_answer(key_answer(w.exercise, w.passage))
    w.controls["check"].click()
    assert w.result.correct
    assert (tmp_path / ".mediakit-progress.json").exists()
    assert "1 of" in lesson.summary("02").text
    assert "No first impression" in lesson.first_impression().text


def test_unknown_exercise_shows_a_friendly_error(monkeypatch):
    shown = []
    monkeypatch.setattr(
        "mediakit.lessons.exercise_cells.show_error", lambda exc: shown.append(str(exc))
    )
    assert lesson.exercise("ex_42_01") is None
    assert shown and "ex_42_01" in shown[0]


def test_replace_keeps_exercises_frozen():
    ex = EXERCISES["ex_01_04"]
    assert replace(ex, answer=3).answer == 3 and ex.answer == 2
    with pytest.raises(AttributeError):
        ex.answer = 5  # type: ignore[misc]


# --------------------------------------------------------------------------- teacher material

DOCS = Path(__file__).resolve().parents[2] / "docs"


def test_teacher_guide_has_every_lesson_and_every_answer():
    guide = (DOCS / "teacher-guide.md").read_text(encoding="utf-8")
    for lid, les in load_lessons().items():
        assert f"## Lesson {lid}" in guide
        for ex in les.exercises:
            assert f"**{ex.id}**" in guide, f"{ex.id} is missing from the teacher guide"
            if ex.type == "choice":
                assert ex.correct_options[0] in guide, ex.id
            if ex.type == "text":
                assert ex.model_answer.split(".")[0] in guide, ex.id
    for needed in ("JupyterHub", "Voilà", "Timing", "Discussion prompts", "Rubric"):
        assert needed in guide


def test_one_handout_per_lesson_and_the_lessons_table():
    handouts = sorted(p.stem for p in (DOCS / "handouts").glob("*.md"))
    notebooks = sorted(p.stem for p in (DOCS.parent / "notebooks").glob("0[0-7]_*.ipynb"))
    assert handouts == notebooks
    for name in handouts:
        assert (
            len((DOCS / "handouts" / f"{name}.md").read_text(encoding="utf-8").splitlines()) <= 70
        )
    table = (DOCS.parent / "README.md").read_text(encoding="utf-8")  # the README's lessons table
    assert all(f"notebooks/{n}.ipynb" in table for n in notebooks)


# --------------------------------------------------------------------------- hand-edited progress


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


def test_a_hand_edited_tries_count_does_not_break_the_exercise(
    tmp_path, monkeypatch, seed_analysis
):
    path = tmp_path / ".mediakit-progress.json"
    path.write_text(
        json.dumps(
            {
                "schema": 1,
                "answers": {"ex_02_05": {"answer": None, "status": "wrong", "tries": "many"}},
            }
        ),
        encoding="utf-8",
    )
    monkeypatch.setitem(lesson._state, "progress", Progress(path))
    monkeypatch.setitem(lesson._state, "analysis", seed_analysis)
    monkeypatch.setitem(lesson._analyses, "maarat-al-numan", seed_analysis)
    shown = []
    monkeypatch.setattr("mediakit.lessons.exercise_cells.show_error", lambda exc: shown.append(exc))
    w = lesson.exercise("ex_02_05")
    assert w is not None and shown == [] and w.tries == 0
    assert lesson.progress().messages and "could not be read" in lesson.progress().messages[0]


# --------------------------------------------------------------------------- a failed start


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


def test_an_exercise_says_so_when_it_is_about_the_seed_case_not_the_loaded_one(
    monkeypatch, seed_analysis, tmp_path
):
    from dataclasses import replace as dc_replace

    other = dc_replace(seed_analysis, case=dc_replace(seed_analysis.case, id="other-case"))
    monkeypatch.setitem(lesson._state, "progress", Progress(tmp_path / "p.json"))
    monkeypatch.setitem(lesson._state, "analysis", other)
    monkeypatch.setitem(lesson._analyses, "maarat-al-numan", seed_analysis)
    w = lesson.exercise("ex_02_05")
    assert w is not None
    assert "This exercise is about the seed case" in w.controls["prompt"].value
    monkeypatch.setitem(lesson._state, "analysis", seed_analysis)
    assert "about the seed case" not in lesson.exercise("ex_02_05").controls["prompt"].value


# --------------------------------------------------------------------------- teacher walk-through fixes


@pytest.mark.parametrize(
    "typed,value",
    [
        ("3.5 million", 3_500_000),
        ("120 thousand", 120_000),
        ("120,000", 120_000),
        ("1.2m", 1_200_000),
        ("120k", 120_000),
        ("about 300", 300),
        ("12", 12),
    ],
)
def test_number_box_reads_numbers_as_people_write_them(typed, value):
    assert parse_number(typed) == value
    assert parse_number("12 apples") is None
    ex = EXERCISES["ex_03_04"]
    assert check(ex, "120 thousand").correct and check(ex, "120,000").correct


def test_tick_all_option_text_is_the_checkbox_label():
    ex = next(e for e in EXERCISES.values() if e.type == "multi")
    w = exercise_widget(ex)
    boxes = w.controls["options"]
    assert [b.description for b in boxes] == [o.text for o in ex.options]
    assert all(not b.indent for b in boxes)  # clicking the words ticks the box


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


def test_banner_says_where_answers_go_without_a_hidden_path(tmp_path, monkeypatch, seed_analysis):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("MEDIAKIT_PROGRESS", raising=False)
    for k in lesson.VOILA_ENV:
        monkeypatch.delenv(k, raising=False)
    monkeypatch.setitem(lesson._state, "progress", None)
    html = case_in_use.banner(seed_analysis, lesson.progress()).html
    assert "Your answers are saved automatically (in this folder)" in html
    assert ".mediakit-progress" not in html


def test_lesson_05_shows_the_poll_when_lesson_00_was_not_answered(
    tmp_path, monkeypatch, seed_analysis
):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("MEDIAKIT_PROGRESS", raising=False)
    monkeypatch.setitem(lesson._state, "progress", None)
    monkeypatch.setitem(lesson._state, "analysis", seed_analysis)
    monkeypatch.setitem(lesson._analyses, "maarat-al-numan", seed_analysis)
    shown = lesson.first_impression()
    assert "No first impression" in shown.text
    assert [w.exercise.id for w in shown.widgets] == ["ex_00_01", "ex_00_02"]


def test_poll_label_of_a_copy_without_headline_says_so(seed_analysis):
    labels = [lesson.report_label(r) for r in seed_analysis.case.reports if r.headline is None]
    assert labels and all("(no headline in this copy) first line:" in x for x in labels)


def test_at_least_three_correct_the_machine_passages_are_not_a_free_tick(
    seed_analysis, monkeypatch
):
    monkeypatch.setitem(lesson._state, "analysis", seed_analysis)
    monkeypatch.setitem(lesson._analyses, "maarat-al-numan", seed_analysis)
    erring = []
    for ex in EXERCISES.values():
        if ex.machine and ex.text is None:
            p = lesson.passage(ex)
            if expected(ex, p).items:
                erring.append(ex.lesson)
    # the key is computed at run time; when this was written the kit erred in 01, 02, 03, 04
    assert len(set(erring)) >= 3, erring


def test_multiple_choice_options_do_not_give_the_answer_away_by_length():
    for ex in (EXERCISES["ex_00_05"], EXERCISES["ex_01_05"]):
        if ex.type == "choice" and len(ex.options) >= 3:
            right = len(ex.correct_options[0])
            others = sorted(len(o.text) for o in ex.options if not o.correct)
            assert right <= 1.6 * others[-1], ex.id


def test_correct_the_machine_prompts_describe_the_marks_as_they_are_shown():
    """The kit's marks are a tint on the word buttons (no brackets since the passage is shown once);
    a prompt that says they are 'shown [in brackets]' sends the learner looking for brackets."""
    stale = [ex.id for ex in EXERCISES.values() if "[in brackets]" in (ex.prompt or "")]
    assert stale == []


def test_a_mark_inside_another_is_listed_once():
    from mediakit.lessons.exercises.select_words import machine_marks_html

    text = "Continue this story at South Front. SUPPORT US"
    p = Passage(text=text, machine=((0, len(text)), (0, 34), (36, len(text))))
    html = machine_marks_html(p)
    assert "(1 mark:" in html and html.count("\u2018") == 1
