"""Loading exercise files (loader.py): a broken file fails in words, and a misspelt key is an
error that names the file, the exercise and the key, with the closest key the kit reads; it never
loads with a silent default."""

from __future__ import annotations

from pathlib import Path

import pytest

from mediakit.lessons.exercises import ExerciseError, get_exercise, load_lesson

NUMBER = """lesson = "03"
title = "Figures"

[[exercise]]
id = "ex_03_01"
type = "number"
prompt = "How many villages does the report say were taken?"
answer = 12
hints = ["Count the villages in the second paragraph."]
{extra}
"""


def _write(tmp_path: Path, text: str, name: str = "03_figures.toml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_a_misspelt_tolerance_is_an_error_naming_file_exercise_key_and_the_right_key(
    tmp_path: Path,
) -> None:
    path = _write(tmp_path, NUMBER.format(extra="tolerence = 5"))
    with pytest.raises(ExerciseError) as err:
        load_lesson(path)
    msg = str(err.value)
    assert "03_figures.toml" in msg and "ex_03_01" in msg
    assert "'tolerence'" in msg and "did you mean 'tolerance'?" in msg


def test_the_right_spelling_loads_with_its_value(tmp_path: Path) -> None:
    ex = load_lesson(_write(tmp_path, NUMBER.format(extra="tolerance = 5"))).exercises[0]
    assert ex.tolerance == 5.0


def test_a_misspelt_key_in_an_option_of_a_choice_exercise(tmp_path: Path) -> None:
    text = """lesson = "02"
[[exercise]]
id = "ex_02_01"
type = "choice"
prompt = "Who is quoted?"
hints = ["Look for the verb of saying."]
[[exercise.option]]
text = "The mayor"
corect = true
[[exercise.option]]
text = "The governor"
"""
    with pytest.raises(ExerciseError) as err:
        load_lesson(_write(tmp_path, text, "02_attribution.toml"))
    msg = str(err.value)
    assert "ex_02_01" in msg and "[[exercise.option]] number 1" in msg
    assert "'corect'" in msg and "did you mean 'correct'?" in msg


def test_an_unknown_top_level_key_is_named(tmp_path: Path) -> None:
    with pytest.raises(ExerciseError) as err:
        load_lesson(_write(tmp_path, "titel = 'x'\n" + NUMBER.format(extra="")))
    assert "'titel'" in str(err.value) and "did you mean 'title'?" in str(err.value)


def test_a_key_far_from_any_known_one_lists_the_keys(tmp_path: Path) -> None:
    with pytest.raises(ExerciseError) as err:
        load_lesson(_write(tmp_path, NUMBER.format(extra="zzz = 1")))
    assert "'zzz'" in str(err.value) and "tolerance" in str(err.value)


def test_a_skill_outside_the_four_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(ExerciseError) as err:
        load_lesson(_write(tmp_path, NUMBER.format(extra='skill = "spelling"')))
    assert "skill must be one of" in str(err.value)


def test_a_key_of_another_type_says_which_types_read_it(tmp_path: Path) -> None:
    text = """lesson = "02"
[[exercise]]
id = "ex_02_01"
type = "choice"
prompt = "Who is quoted?"
tolerance = 2
hints = ["Look for the verb of saying."]
[[exercise.option]]
text = "The mayor"
correct = true
[[exercise.option]]
text = "The governor"
"""
    with pytest.raises(ExerciseError) as err:
        load_lesson(_write(tmp_path, text, "02_attribution.toml"))
    msg = str(err.value)
    assert "ex_02_01" in msg and "'tolerance' is not one a choice exercise reads" in msg
    assert "only number exercises do" in msg


def test_a_poll_reads_no_hints(tmp_path: Path) -> None:
    text = """lesson = "00"
[[exercise]]
id = "ex_00_01"
type = "poll"
prompt = "Which report would you trust most?"
options_from = "reports"
hints = ["There is no wrong answer."]
"""
    with pytest.raises(ExerciseError, match="'hints' is not one a poll exercise reads"):
        load_lesson(_write(tmp_path, text, "00_start.toml"))


@pytest.mark.parametrize("skill", ["sourcing", "attribution", "figures", "wording"])
def test_each_of_the_four_skills_loads(tmp_path: Path, skill: str) -> None:
    ex = load_lesson(_write(tmp_path, NUMBER.format(extra=f'skill = "{skill}"'))).exercises[0]
    assert ex.skill == skill


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


def test_rubric_levels_must_be_three(tmp_path):
    bad = tmp_path / "09_bad.toml"
    bad.write_text(
        'lesson = "09"\n[[exercise]]\nid = "ex_09_01"\ntype = "text"\nprompt = "x"\n'
        'model_answer = "y"\n[[exercise.rubric]]\ncriterion = "c"\n'
        'levels = ["only", "two"]\n',
        encoding="utf-8",
    )
    with pytest.raises(ExerciseError, match="three descriptions"):
        load_lesson(bad)
