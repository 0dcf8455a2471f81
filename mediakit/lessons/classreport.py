"""The class report: what a class answered, read from the learners' saved answer files.

    report = class_report("answers/")        # a folder of answer files (any depth)
    report.exercises[0].first_try_share      # share right at the first try
    report.learners[0].skills                # the before/after skills check, if the kit has it
    to_csv(report)                           # a grade book export

Only reads: the files are never changed, moved or sent anywhere. A file that is not a mediakit
answers file (another JSON file, broken JSON, bad bytes, too large) is listed in
``report.skipped`` with a one-line reason and the rest of the class still counts. The page and
the chart are drawn by :mod:`mediakit.views.classreport` from what is computed here.
"""

from __future__ import annotations

import csv
import io
import json
import os
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import MediakitError
from .exercises import load_lessons
from .progress import DEFAULT_NAME, Progress, entry_problem

MAX_FILE = 5_000_000
CHECKED = ("correct", "wrong")  # statuses of exercises with a key (polls and free text have none)
DONE = ("correct", "recorded", "submitted")


@dataclass
class ExerciseRow:
    id: str
    lesson: str
    title: str
    type: str
    answered: int = 0
    first_try_right: int = 0
    first_try_known: int = 0  # learners whose first try of a checked exercise is known
    wrong_answers: list[tuple[str, int]] = field(default_factory=list)

    @property
    def first_try_share(self) -> float | None:
        return self.first_try_right / self.first_try_known if self.first_try_known else None


@dataclass
class LearnerRow:
    name: str
    file: str
    done: int
    total: int
    by_lesson: dict[str, tuple[int, int]]
    first_try_right: int
    skills: dict[str, Any] | None = None

    @property
    def share_done(self) -> float:
        return self.done / self.total if self.total else 0.0


@dataclass
class ClassReport:
    folder: str
    learners: list[LearnerRow]
    exercises: list[ExerciseRow]
    skipped: list[tuple[str, str]]
    skills_available: bool = False


def answer_text(answer: Any, limit: int = 80) -> str:
    """An answer in a few plain words, to count and show the common wrong answers."""
    if isinstance(answer, dict) and "spans" in answer:
        spans = answer.get("spans") or []
        return (
            "nothing marked"
            if answer.get("nothing") or not spans
            else f"{len(spans)} passage(s) marked"
        )
    if isinstance(answer, list):
        text = " + ".join(sorted(str(a) for a in answer)) or "(none ticked)"
    elif answer is None:
        text = "(no answer)"
    else:
        text = " ".join(str(answer).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def read_answers_file(path: Path) -> tuple[str | None, dict[str, dict[str, Any]]]:
    """(learner name, answers) of one file, read only; raises ValueError with a plain reason."""
    try:
        st = path.stat()
    except OSError as exc:
        raise ValueError(f"cannot be read ({exc.strerror})") from None
    if not path.is_file():
        raise ValueError("not a regular file")
    if st.st_size > MAX_FILE:
        raise ValueError(f"too large for an answers file ({st.st_size:,} bytes)")
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ValueError(f"cannot be read ({exc.strerror})") from None
    try:
        data = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise ValueError(f"not UTF-8 text (a bad byte at position {exc.start})") from None
    except RecursionError:
        raise ValueError("damaged: nested too deep") from None
    except ValueError as exc:
        raise ValueError(f"damaged JSON ({str(exc).split(':')[0]})") from None
    if not isinstance(data, dict) or not isinstance(data.get("answers"), dict):
        raise ValueError("not a mediakit answers file (no table of answers)")
    answers = data["answers"]
    good = {k: v for k, v in answers.items() if entry_problem(k, v) is None}
    if answers and not good:
        raise ValueError("none of its answers can be read")
    who = data.get("learner")
    return (who if isinstance(who, str) and who.strip() else None), good


def answer_files(folder: Path) -> list[Path]:
    """Every candidate answers file under ``folder`` (``*.json``, hidden ones included), sorted."""
    out = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if d not in ("__pycache__", ".ipynb_checkpoints"))
        for f in sorted(files):
            if f.endswith(".json"):
                out.append(Path(root) / f)
    return out


def _name_for(path: Path, folder: Path) -> str:
    """A learner without a name inside the file: named by the file, or by its folder for the
    default file name (one folder per learner, as a hub collects them)."""
    if path.name == DEFAULT_NAME:
        rel = path.parent.relative_to(folder)
        return str(rel) if str(rel) != "." else folder.name
    return path.stem


def _skills(prog: Progress) -> dict[str, Any] | None:
    """The before/after skills check of one learner, where the kit has one (lessons.skills)."""
    try:
        from .skills import skills_check
    except ImportError:
        return None
    try:
        return skills_check(prog)
    except Exception:  # a check that cannot read one learner must not stop the report
        return None


def class_report(folder: str | Path, *, wrong_shown: int = 3) -> ClassReport:
    """Read every answers file under ``folder`` and count, per exercise and per learner."""
    root = Path(folder).expanduser()
    if not root.is_dir():
        raise MediakitError(f"'{folder}' is not a folder of answer files.")
    lessons = load_lessons()
    order = [ex for les in lessons.values() for ex in les.exercises]
    known = {ex.id for ex in order}
    rows = {
        ex.id: ExerciseRow(ex.id, ex.id.split("_")[1], ex.title or ex.type, ex.type) for ex in order
    }
    wrong: dict[str, Counter[str]] = {ex.id: Counter() for ex in order}
    learners: list[LearnerRow] = []
    skipped: list[tuple[str, str]] = []
    skills_seen = False
    for path in answer_files(root):
        shown = str(path.relative_to(root))
        try:
            name, answers = read_answers_file(path)
        except ValueError as exc:
            skipped.append((shown, str(exc)))
            continue
        answers = {k: v for k, v in answers.items() if k in known}
        if not answers:
            skipped.append((shown, "no answers to any exercise of the kit"))
            continue
        name = name or _name_for(path, root)
        first_right = 0
        for ex_id, entry in answers.items():
            row = rows[ex_id]
            status = entry.get("status")
            row.answered += 1
            first = entry.get("first")
            if not isinstance(first, dict):  # older files: the last try, if it was the only one
                first = entry if entry.get("tries") == 1 else None
            if first is not None and first.get("status") in CHECKED:
                row.first_try_known += 1
                if first.get("status") == "correct":
                    row.first_try_right += 1
                    first_right += 1
                else:
                    wrong[ex_id][answer_text(first.get("answer"))] += 1
            elif first is None and status == "wrong":
                wrong[ex_id][answer_text(entry.get("answer"))] += 1
        by_lesson = {}
        for lid, les in lessons.items():
            ids = [ex.id for ex in les.exercises]
            by_lesson[lid] = (sum(answers.get(i, {}).get("status") in DONE for i in ids), len(ids))
        prog = Progress.from_entries(answers, learner=name, path=path)
        skills = _skills(prog)
        skills_seen = skills_seen or skills is not None
        learners.append(
            LearnerRow(
                name=name,
                file=shown,
                done=sum(d for d, _ in by_lesson.values()),
                total=len(order),
                by_lesson=by_lesson,
                first_try_right=first_right,
                skills=skills,
            )
        )
    for ex_id, counts in wrong.items():
        rows[ex_id].wrong_answers = counts.most_common(wrong_shown)
    learners.sort(key=lambda r: r.name.casefold())
    return ClassReport(
        folder=str(root),
        learners=learners,
        exercises=list(rows.values()),
        skipped=skipped,
        skills_available=skills_seen,
    )


def _score(skills: dict[str, Any] | None, side: str) -> str:
    if not skills:
        return ""
    part = skills.get(side) or {}
    if part.get("out_of") and part.get("answered"):
        return f"{part.get('right', 0)}/{part['out_of']}"
    return ""


def to_csv(report: ClassReport) -> str:
    """One row per learner for a grade book: progress per lesson and the skills check.

    Cells that a spreadsheet would run as a formula (starting with =, +, - or @) get a leading
    apostrophe, so a learner's name can never become one."""
    lesson_ids = sorted({lid for r in report.learners for lid in r.by_lesson})
    head = [
        "learner",
        "file",
        "exercises done",
        "exercises",
        "right at first try",
        *[f"lesson {lid} done" for lid in lesson_ids],
        "skills before",
        "skills after",
    ]
    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerow(head)
    for r in report.learners:
        w.writerow(
            [
                _cell(r.name),
                _cell(r.file),
                r.done,
                r.total,
                r.first_try_right,
                *[
                    f"{r.by_lesson[lid][0]}/{r.by_lesson[lid][1]}" if lid in r.by_lesson else ""
                    for lid in lesson_ids
                ],
                _score(r.skills, "before"),
                _score(r.skills, "after"),
            ]
        )
    return buf.getvalue()


def _cell(value: str) -> str:
    return "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value


def class_report_view(folder: str | Path) -> Any:
    """The class report in a notebook: the same page as ``mediakit class-report``."""
    from ..views.classreport import class_report_html
    from ..views.display import HTML

    report = class_report(folder)
    return HTML(
        class_report_html(report, standalone=False),
        text=f"Class report: {len(report.learners)} learners, {len(report.skipped)} files skipped",
    )


__all__ = [
    "ClassReport",
    "ExerciseRow",
    "LearnerRow",
    "answer_text",
    "class_report",
    "class_report_view",
    "read_answers_file",
    "to_csv",
]
