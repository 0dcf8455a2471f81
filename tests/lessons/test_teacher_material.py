"""The teacher guide and the handouts cover every lesson and every answer."""

from __future__ import annotations

from pathlib import Path

from mediakit.lessons.exercises import (
    load_lessons,
)

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
