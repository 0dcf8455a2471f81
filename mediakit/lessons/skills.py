"""The skills check, before and after: matching items in lesson 00 and lesson 07.

Each item of the check is an exercise with a ``skill`` (``sourcing``, ``attribution``,
``figures``, ``wording``); lesson 00 holds one per skill (before the course), lesson 07 the
matching one on a new case (after). :func:`skills_check` reads a learner's progress and returns
the two scores, so that a teacher (or the class report) can see growth.

An item counts as right when it was right at the first try: the exercises let a learner try
again until right, and the later tries are learning, not the measure.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .exercises import load_lessons
from .exercises.model import SKILLS
from .progress import Progress

BEFORE, AFTER = "00", "07"


def skill_items(lesson_id: str) -> dict[str, str]:
    """The exercise id of each skill in one lesson's check: ``{"sourcing": "ex_00_08", ...}``."""
    lesson = load_lessons().get(lesson_id)
    if lesson is None:
        return {}
    return {ex.skill: ex.id for ex in lesson.exercises if ex.skill}


def _side(prog: Progress, lesson_id: str) -> dict[str, Any]:
    items: dict[str, Any] = {}
    right = answered = 0
    for skill, ex_id in skill_items(lesson_id).items():
        entry = prog.get(ex_id)
        status = entry.get("status") if entry else None
        tries = entry.get("tries") if entry else None
        done = entry is not None and status is not None
        first = bool(done and status == "correct" and tries == 1) if done else None
        answered += done
        right += bool(first)
        items[skill] = {
            "exercise": ex_id,
            "answered": done,
            "right_first_try": first,
            "status": status,
            "tries": tries,
        }
    out_of = len(items)
    return {
        "lesson": lesson_id,
        "items": items,
        "answered": answered,
        "right": right,
        "out_of": out_of,
        "complete": out_of > 0 and answered == out_of,
        "score": (right / out_of) if out_of and answered == out_of else None,
    }


def skills_check(progress: Progress | str | Path) -> dict[str, Any]:
    """The before/after scores of one learner's progress (a :class:`Progress` or its file).

    Returns::

        {
          "skills": ["sourcing", "attribution", "figures", "wording"],
          "before": {"lesson": "00", "answered": 4, "right": 2, "out_of": 4,
                     "complete": True, "score": 0.5,
                     "items": {"sourcing": {"exercise": "ex_00_08", "answered": True,
                                            "right_first_try": True, "status": "correct",
                                            "tries": 1}, ...}},
          "after":  {... the same for lesson "07" ...},
          "growth": 0.25,              # after score - before score; None unless both complete
          "by_skill": {"sourcing": {"before": True, "after": True}, ...},
        }

    ``right_first_try`` (and ``by_skill`` values) are None for an item not answered yet;
    ``score`` is None until every item of that side is answered.
    """
    prog = progress if isinstance(progress, Progress) else Progress(progress)
    before, after = _side(prog, BEFORE), _side(prog, AFTER)
    growth = (
        after["score"] - before["score"]
        if before["score"] is not None and after["score"] is not None
        else None
    )
    by_skill = {
        s: {
            "before": before["items"].get(s, {}).get("right_first_try"),
            "after": after["items"].get(s, {}).get("right_first_try"),
        }
        for s in SKILLS
    }
    return {
        "skills": list(SKILLS),
        "before": before,
        "after": after,
        "growth": growth,
        "by_skill": by_skill,
    }


def skills_check_html(progress: Progress) -> str:
    """The learner's own before/after table, in plain words (shown at the end of lesson 07)."""
    from ..views.render import esc

    res = skills_check(progress)
    word = {True: "✔ right first time", False: "✎ not first time", None: "○ not answered"}
    rows = "".join(
        f"<tr><td>{esc(s)}</td><td>{word[v['before']]}</td><td>{word[v['after']]}</td></tr>"
        for s, v in res["by_skill"].items()
    )
    b, a = res["before"], res["after"]
    line = (
        f"Before (lesson 00): {b['right']} of {b['out_of']} right first time; "
        f"after (lesson 07): {a['right']} of {a['out_of']}."
    )
    return (
        f"<p><strong>Your skills check.</strong> {esc(line)}</p>"
        f"<table><tr><th>skill</th><th>before</th><th>after</th></tr>{rows}</table>"
    )


__all__ = ["AFTER", "BEFORE", "skill_items", "skills_check", "skills_check_html"]
