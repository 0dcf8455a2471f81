"""A thin helper for the lesson notebooks.

    from mediakit import lesson
    analysis = lesson.start(case="maarat-al-numan")   # loads and analyses the case
    lesson.exercise("ex_02_03")                       # the exercise as a widget

Everything here is glue: the analysis is :func:`mediakit.analyze`, exercises are
:mod:`mediakit.lessons.exercises` (one module per type, widget included), answers saved with
:mod:`mediakit.lessons.progress`. Problems a learner can meet are shown as a friendly box, never as a
traceback: :func:`start` makes IPython show every MediakitError that way, and when the case
cannot be loaded it returns :class:`~mediakit.views.display.NoAnalysis`, which every view, chart and
helper answers with "Run the lesson.start(...) cell first; it reported a problem above."

``MEDIAKIT_LESSON_CASE`` (a case folder or a shipped case id), when set, replaces the seed case
in every lesson's ``lesson.start(case="maarat-al-numan")``: the lessons then run on that case.
Code cells name seed reports through :func:`pick`, which falls back on the case's own reports.
"""

from __future__ import annotations

import os
import re
import sys
import tempfile
import uuid
import weakref
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..cases.case import Case, Report, load_case
from ..errors import MediakitError
from ..views.display import (
    HTML,
    NoAnalysis,
    NotStartedError,
    install_error_display,
    missing,
    not_started,
)
from ..views.display import show as _display
from ..views.display import show_error as _show_error
from ..views.render import esc, get_field
from . import learner as _learner
from .exercises import (
    Exercise,
    ExerciseError,
    Passage,
    get_exercise,
    load_lessons,
    passage_for,
)
from .learner import LearnerNameError, check_name
from .live import Live
from .progress import DEFAULT_NAME, SESSION_FOLDER, Progress

if TYPE_CHECKING:
    from ..analysis import CaseAnalysis
    from .exercises.widget import ExerciseWidget

SEED_CASE = "maarat-al-numan"
CASE_ENV = "MEDIAKIT_LESSON_CASE"

_state: dict[str, Any] = {"analysis": None, "progress": None}
_analyses: dict[str, CaseAnalysis] = {}
_inline: dict[str, Any] = {}

BOILERPLATE_KINDS = {
    "self_description": "the outlet describing itself",
    "donation": "asking readers for money or membership",
    "share_request": "asking readers to share",
    "newsletter": "newsletter sign-up",
    "read_more": "'read more' / 'continue' line",
    "disclaimer": "disclaimer or copyright notice",
    "byline_meta": "byline, date or tags",
    "contact": "contact details",
    "navigation": "website navigation",
    "caption": "photo caption",
    "pull_quote": "pull quote (a quote repeated in large type)",
    "media_link": "link to a video or image",
    "separator": "separator",
}


def show_error(exc: BaseException) -> None:
    """Show a problem as a friendly box (mediakit.views.display.show_error), never a traceback."""
    _show_error(exc)


# --------------------------------------------------------------------------- starting


VOILA_ENV = (
    "VOILA_KERNEL_ID",
    "VOILA_BASE_URL",
    "VOILA_SERVER_URL",
    "VOILA_REQUEST_URL",
    "VOILA_APP_PORT",
    "VOILA_APP_IP",
)
VOILA_FLAG = "MEDIAKIT_VOILA"


def in_voila() -> bool:
    """True when this kernel serves a Voilà page (a lesson shown as a web app, code hidden).

    Voilà starts each visitor's kernel with environment variables of its own
    (``VOILA_KERNEL_ID``, ``VOILA_BASE_URL``, ``VOILA_SERVER_URL``, ``VOILA_REQUEST_URL``, ...),
    both as the stand-alone ``voila`` command and as the ``/voila/render/`` page of a Jupyter
    server or hub; a kernel of JupyterLab has none of them. That is what is checked: it needs
    no import of Voilà (which is never imported inside the kernel) and no server connection.
    ``MEDIAKIT_VOILA=1`` (or ``0``) forces the answer, for a setup that hides those variables.
    """
    flag = os.environ.get(VOILA_FLAG, "").strip().lower()
    if flag in ("1", "true", "yes", "on"):
        return True
    if flag in ("0", "false", "no", "off"):
        return False
    return any(os.environ.get(k) for k in VOILA_ENV) or "voila" in sys.modules


def session_progress_path() -> Path:
    """Where a Voilà visitor's answers are kept until they say who they are: a file of this
    kernel's own, named by a random session id, in the system's temporary folder (never the
    served folder, so visitors never see each other's answers)."""
    path = _state.get("session_path")
    if path is None:
        folder = Path(tempfile.gettempdir()) / SESSION_FOLDER
        path = folder / f"session-{uuid.uuid4().hex}.json"
        _state["session_path"] = path
        _forget_old_sessions(folder)
    return path


SESSION_DAYS = 2


def _forget_old_sessions(folder: Path) -> None:
    """Page-only answers of visitors who never gave a name, untouched for two days, go."""
    import time

    try:
        old = [
            f
            for f in folder.glob("session-*.json")
            if time.time() - f.stat().st_mtime > SESSION_DAYS * 86400
        ]
    except OSError:
        return
    for f in old:
        try:
            f.unlink()
        except OSError:
            pass


def progress(path: str | Path | None = None) -> Progress:
    """The learner's progress. Where it is kept, first match wins:

    1. ``path``, or the file named by ``MEDIAKIT_PROGRESS``;
    2. the learner named by ``MEDIAKIT_LEARNER`` (a JupyterHub sets it per learner), or by
       :func:`identify` / the learner box: ``learner-<slug>-<hash>.json`` in ``MEDIAKIT_ANSWERS``
       (default: ``mediakit-answers`` beside the notebooks), the same file in JupyterLab and Voilà;
    3. in Voilà (see :func:`in_voila`), until the visitor types a name: a file of this page's own
       (:func:`session_progress_path`), so visitors never share answers;
    4. in JupyterLab: ``.mediakit-progress.json`` beside the notebooks, for the account's user.
    """
    current = _state.get("progress")
    if path is not None or current is None:
        name = None
        if path is None and not os.environ.get(_learner.PROGRESS_ENV):
            try:
                name = _learner.env_learner()
            except LearnerNameError as exc:
                show_error(LearnerNameError(f"{_learner.LEARNER_ENV} cannot be used: {exc}"))
            if name is not None:
                path = _learner.answers_path(name)
            elif in_voila():
                path = session_progress_path()
        current = Progress(path, learner=name)
        if current.learner is None and not in_voila() and current.path.name == DEFAULT_NAME:
            current.learner = _learner.os_user()
        _state["progress"] = current
    return current


def identify(name: str) -> tuple[str, str]:
    """Save this learner's answers under ``name`` (a name or class code) from now on.

    The name is checked (letters, digits, spaces and dashes; at most 40 characters), never used
    as a path; answers given before, in this session, move into the learner's file, and the
    exercises on the page show the learner's saved answers. Returns (the name, a message).
    """
    tidy = check_name(name)
    prog = progress()
    prog.adopt(_learner.answers_path(tidy), tidy)
    _restore_widgets()
    n = len(prog)
    saved = f"{n} saved answer{'s' if n != 1 else ''}" if n else "no saved answers yet"
    return prog.learner or tidy, f"Saving your answers as {prog.learner or tidy} ({saved})."


def forget() -> None:
    """Stop saving under the current name (a shared computer): a fresh page-only session."""
    _state["session_path"] = None
    progress().adopt(session_progress_path(), None)
    _restore_widgets()


def learner_box() -> Any:
    """The box where a Voilà visitor types their name or class code once (remembered by the
    browser), so their answers last across reloads, lessons and days."""
    from .learner_widget import LearnerBox

    prog = progress()
    named = prog.learner if prog.path != _state.get("session_path") else None
    message = (
        f"Saving your answers as {named}."
        if named
        else "Type your name or class code, so your answers are kept when you reload the page "
        "and in the next lessons."
    )
    return LearnerBox(identify, forget, name=named or "", message=message)


_widgets: list[weakref.ref] = []


def _restore_widgets() -> None:
    """Show the (new) learner's saved answers in every exercise already on the page, and empty
    the exercises they have not answered (nobody sees the previous learner's answers)."""
    prog = progress()
    alive = []
    for ref in _widgets:
        w = ref()
        if w is None:
            continue
        alive.append(ref)
        try:
            if prog.get(w.exercise.id) is None:
                w.set_answer(None)
                w.tries = 0
                w.controls["feedback"].value = ""
                w.controls["status"].value = ""
            else:
                (getattr(w, "restore", None) or w._restore)()
        except Exception:  # a stale answer must never stop the lesson
            pass
    _widgets[:] = alive


def start(
    case: str | Path | Case = SEED_CASE,
    *,
    progress_path: str | Path | None = None,
    quiet: bool = False,
) -> CaseAnalysis | NoAnalysis:
    """Load and analyse a case, say what was loaded, and return the analysis.

    When the case cannot be loaded, the problem is shown as a plain box and a
    :class:`~mediakit.views.display.NoAnalysis` is returned: every view, chart and lesson helper
    given it says "Run the lesson.start(...) cell first; it reported a problem above." instead
    of failing. Also makes IPython show any MediakitError of a later cell as a plain box.
    If ``MEDIAKIT_LESSON_CASE`` is set, it replaces the seed case (see the module docstring).
    """
    from ..analysis import analyze

    install_error_display()
    prog = progress(progress_path)
    override = os.environ.get(CASE_ENV, "").strip()
    from_env = bool(override) and isinstance(case, str) and case == SEED_CASE
    if from_env:
        case = Path(override).expanduser() if Path(override).expanduser().exists() else override
    try:
        loaded = case if isinstance(case, Case) else load_case(case)
        analysis = analyze(loaded)
    except MediakitError as exc:
        _state["analysis"] = None
        show_error(exc)
        return NoAnalysis(str(exc))
    _analyses[analysis.case.id] = analysis
    _state["analysis"] = analysis
    if not quiet:
        _display(_banner(analysis, prog, from_env=from_env))
    if in_voila() and prog.path == _state.get("session_path"):
        _display(learner_box())
    return analysis


def _banner(analysis: CaseAnalysis, prog: Progress, *, from_env: bool = False) -> HTML:
    e = esc
    c = analysis.case
    rows = "".join(
        f"<li><strong>{e(r.label)}</strong>"
        f"{' (first published by ' + e(r.original_author) + ')' if r.original_author else ''}"
        f"{': “' + e(headline(r)) + '”' if headline(r) else ''}</li>"
        for r in c.reports
    )
    skipped = "".join(f"<li>Skipped {e(f)}: {e(why)}</li>" for f, why in c.skipped)
    msgs = "".join(f"<p role='alert'>⚠ {e(m)}</p>" for m in prog.messages)
    saved = f"{len(prog)} saved answers" if len(prog) else "no saved answers yet"
    text = f"Case: {c.title} ({len(c.reports)} reports)"
    other = ""
    if from_env:
        other = (
            f"<p>This lesson was written for the seed case; your teacher set {CASE_ENV}, so "
            "it runs on the case above. The explanations still describe the seed case, and "
            "the exercises stay about it.</p>"
        )
    elif c.id != SEED_CASE and c.id not in _lesson_cases():
        other = (
            "<p>This is not the seed case the lessons were written about: the views follow "
            "it, and the exercises stay about the seed case.</p>"
        )
    return HTML(
        f"<div class='mediakit-banner' style='border-left:6px solid #0072B2;padding:4px 10px;'>"
        f"<p><strong>Case loaded:</strong> {e(c.title)} · {len(c.reports)} reports</p>"
        f"<ul>{rows}{skipped}</ul>{other}{msgs}"
        f"<p><small>{e(saved_where(prog))}; {saved}.</small></p></div>",
        text=text,
    )


def _lesson_cases() -> set[str]:
    """Cases a lesson of its own is written about (lesson 07's, say)."""
    try:
        return {les.case for les in load_lessons().values() if les.case}
    except MediakitError:
        return set()


def saved_where(prog: Progress | None = None) -> str:
    """Where answers go, in words for a learner (never a hidden file's path)."""
    prog = prog or progress()
    if prog.path == _state.get("session_path"):
        return (
            "Your answers are kept while this page is open; type your name or class code "
            "in the box below to keep them after a reload"
        )
    who = f" under the name {prog.learner}" if prog.learner else ""
    if prog.path.parent.resolve() == Path.cwd().resolve():
        return f"Your answers are saved automatically (in this folder){who}"
    return f"Your answers are saved automatically (in the folder {prog.path.parent.name}){who}"


def analysis_for(case_id: str | None = None) -> CaseAnalysis:
    """The analysis of a case: the one from :func:`start`, or the case an exercise is about."""
    from ..analysis import analyze

    current = _state.get("analysis")
    if case_id is None:
        if current is None:
            current = analyze(SEED_CASE)
            _analyses[current.case.id] = current
            _state["analysis"] = current
        return current
    if case_id not in _analyses:
        _analyses[case_id] = analyze(case_id)
    return _analyses[case_id]


def pick(
    analysis: CaseAnalysis | NoAnalysis | None, *wanted: str, n: int | None = None
) -> list[str]:
    """Report ids for a lesson's code cell: ``wanted`` if the case has them all, else its first.

    ``lesson.pick(analysis, "sputnik", "mee")`` is ``["sputnik", "mee"]`` on the seed case; on
    another case (see ``MEDIAKIT_LESSON_CASE``) it is that case's first two reports, so the same
    cell runs on any case. ``n`` (default: as many as asked, at least one) is how many to give;
    a case with fewer reports gives them all. Without an analysis it returns ``wanted`` as is
    (the view it is passed to then says to run ``lesson.start`` first).
    """
    count = n if n is not None else max(len(wanted), 1)
    if missing(analysis):
        return list(wanted)[:count]
    ids = analysis.case.report_ids  # type: ignore[union-attr]
    if wanted and all(w in ids for w in wanted):
        return list(wanted)[:count]
    return ids[:count]


def pick_one(analysis: CaseAnalysis | NoAnalysis | None, wanted: str) -> str:
    """One report id: ``wanted`` if the case has it, else the case's first report (see :func:`pick`)."""
    got = pick(analysis, wanted, n=1)
    return got[0] if got else wanted


def headline(report: Report) -> str:
    if report.headline is None:
        return ""
    return " ".join(report.text[report.headline.start : report.headline.end].split())


def report_label(report: Report) -> str:
    """How a report is named in polls: the outlet and the headline (or the id)."""
    h = headline(report)
    if h:
        h = h if len(h) <= 70 else h[:69] + "…"
        return f"{report.label}: “{h}”"
    first = " ".join(report.body_text.split()[:9])
    return f"{report.label}: (no headline in this copy) first line: “{first}…”"


# --------------------------------------------------------------------------- machine output


def machine_spans(analysis: CaseAnalysis, report_id: str, layer: str) -> list[tuple[int, int]]:
    """What the kit itself marked in one report for one layer, as (start, end) offsets."""
    if missing(analysis):
        raise NotStartedError()
    report = analysis.case.report(report_id)
    rec = analysis.records[report.id]
    if layer == "quotes":
        return [(q.start, q.end) for q in rec.quotes]
    if layer == "quote_speakers":
        return [
            (q.speaker_start, q.speaker_end)
            for q in rec.quotes
            if q.speaker_start is not None and q.speaker_end is not None
        ]
    if layer == "attributions":
        return [(a.start, a.end) for a in rec.attributions]
    if layer == "figures":
        return [(f.start, f.end) for f in rec.figures]
    if layer == "loaded_terms":
        return [(t.start, t.end) for t in rec.loaded_terms]
    if layer == "boilerplate":
        return _boilerplate_spans(report)
    if layer == "shared_passages":
        spans = []
        for p in getattr(analysis.comparisons, "shared_passages", ()) or ():
            if get_field(p, "a") == report.id:
                spans.append((int(get_field(p, "a_start")), int(get_field(p, "a_end"))))
            if get_field(p, "b") == report.id:
                spans.append((int(get_field(p, "b_start")), int(get_field(p, "b_end"))))
        return spans
    raise ExerciseError(f"The kit has no layer called '{layer}'.")


def _boilerplate_spans(report: Report) -> list[tuple[int, int]]:
    spans = [(b.start, b.end) for b in report.boilerplate]
    if report.body.start > 0:
        spans.append((0, report.body.start))
    if report.body.end < len(report.text):
        spans.append((report.body.end, len(report.text)))
    # whitespace-only stretches are not marks
    return [(s, e) for s, e in spans if report.text[s:e].strip()]


def inline_machine_spans(text: str, layer: str) -> list[tuple[int, int]]:
    """Run the kit on a short text of an exercise (not part of any case) and return its marks."""
    key = f"{layer}\x00{text}"
    if key in _inline:
        return _inline[key]
    from ..analysis import analyze
    from ..cases.boilerplate import split_boilerplate

    body, boiler = split_boilerplate(text)
    report = Report(
        id="exercise", file="exercise.txt", text=text, body=body, boilerplate=tuple(boiler)
    )
    # analysed as a one-report case, so the result is cached on disk like a case's: a lesson
    # opened before shows the kit's marks without parsing (or even loading spaCy)
    case = Case(id="exercise", title="exercise", path=None, reports=(report,))
    rec = analyze(case, keep_docs=False).records[report.id]
    if layer == "boilerplate":
        spans = _boilerplate_spans(report)
    elif layer == "quote_speakers":
        spans = [
            (q.speaker_start, q.speaker_end)
            for q in rec.quotes
            if q.speaker_start is not None and q.speaker_end is not None
        ]
    elif layer in ("quotes", "attributions", "figures", "loaded_terms"):
        spans = [(r.start, r.end) for r in getattr(rec, layer)]
    else:
        raise ExerciseError(f"The layer '{layer}' needs a whole case, not a single text.")
    _inline[key] = spans
    return spans


def passage(ex: Exercise) -> Passage:
    """The passage of a select-the-words exercise, with the kit's marks when it corrects the machine."""
    if ex.text is not None:
        machine = inline_machine_spans(ex.text, ex.machine) if ex.machine else None
        return passage_for(ex, machine=machine)
    analysis = analysis_for(ex.case)
    report = analysis.case.report(ex.report)  # type: ignore[arg-type]
    machine = machine_spans(analysis, report.id, ex.machine) if ex.machine else None
    return passage_for(ex, report.text, machine=machine, report=report.id)


# --------------------------------------------------------------------------- exercises


def exercise(ex_id: str) -> ExerciseWidget | None:
    """The exercise ``ex_id`` as a widget, with the learner's saved answer restored."""
    from .exercises.widget import exercise_widget

    try:
        ex = get_exercise(ex_id)
        p = passage(ex) if ex.type == "select_words" else None
        labels: list[str] = []
        note = ""
        if ex.type == "poll" and ex.options_from == "reports":
            labels = [report_label(r) for r in analysis_for(ex.case).case.reports]
        if p is not None and p.report is not None:
            rep = analysis_for(ex.case).case.report(p.report)
            note = f"From: {rep.label} (report '{rep.id}')."
        current = _state.get("analysis")
        if ex.case and current is not None and current.case.id != ex.case:
            about = analysis_for(ex.case).case.title if ex.case == SEED_CASE else ex.case
            note = f"This exercise is about the seed case ({about}), not the case loaded above." + (
                f" {note}" if note else ""
            )
        w = exercise_widget(
            ex, passage=p, progress=progress(), report_labels=labels, source_note=note
        )
        _widgets.append(weakref.ref(w))
        return w
    except MediakitError as exc:
        show_error(exc)
        return None


def exercises(lesson_id: str) -> list[str]:
    """The exercise ids of one lesson ("02")."""
    lessons = load_lessons()
    if lesson_id not in lessons:
        raise ExerciseError(f"There is no lesson {lesson_id}.")
    return [ex.id for ex in lessons[lesson_id].exercises]


STATUS_TEXT = {
    "correct": "✔ right",
    "recorded": "✔ saved",
    "submitted": "✔ saved",
    "revise": "✎ worth another look",
    "wrong": "✘ not yet right",
    None: "○ not tried",
}


def summary(lesson_id: str) -> Live:
    """A table of this lesson's exercises and where the learner stands on each: a live widget
    that updates whenever an answer is saved or the learner changes, without re-running the
    cell (see :mod:`.live`)."""
    return Live(lambda: summary_html(lesson_id), progress(), css_class="mediakit-summary")


def summary_html(lesson_id: str) -> HTML:
    """The summary of :func:`summary` as it stands now (plain HTML)."""
    prog = progress()
    prog.reload()
    e = esc
    lessons = load_lessons()
    lesson_obj = lessons.get(lesson_id)
    if lesson_obj is None:
        return HTML(f"<p>There is no lesson {e(lesson_id)}.</p>")
    rows, done = [], 0
    for ex in lesson_obj.exercises:
        st = prog.status(ex.id)
        done += prog.done(ex.id)
        rows.append(
            f"<tr><td>{e(ex.id)}</td><td>{e(ex.title or ex.type)}</td>"
            f"<td>{e(STATUS_TEXT.get(st, st or ''))}</td></tr>"
        )
    n = len(lesson_obj.exercises)
    return HTML(
        f"<p><strong>Lesson {e(lesson_id)}: {done} of {n} exercises done.</strong></p>"
        f"<table><tr><th>exercise</th><th>about</th><th>status</th></tr>{''.join(rows)}</table>",
        text=f"Lesson {lesson_id}: {done} of {n} exercises done.",
    )


def skills() -> HTML:
    """The learner's skills check, before (lesson 00) and after (lesson 07), as a small table."""
    from .skills import skills_check_html

    prog = progress()
    prog.reload()
    return HTML(skills_check_html(prog), text="Skills check")


def first_impression(ex_id: str = "ex_00_01", reason_id: str | None = "ex_00_02") -> Live:
    """What the learner answered in the first-impressions poll of lesson 00 (with the polls
    themselves when nothing is saved yet). Kept up to date: a learner who types their name
    below the lesson's start sees their lesson-00 answer appear."""
    prog = progress()
    prog.reload()
    polls: list[Any] = []
    if not prog.answer(ex_id) and not (reason_id and prog.answer(reason_id)):
        polls = [w for w in (exercise(i) for i in (ex_id, reason_id) if i) if w is not None]
    return Live(lambda: _first_impression(ex_id, reason_id), prog, polls)


def _first_impression(ex_id: str, reason_id: str | None) -> HTML:
    prog = progress()
    e = esc
    choice = prog.answer(ex_id)
    reason = prog.answer(reason_id) if reason_id else None
    if not choice and not reason:
        return HTML(
            "<div style='border-left:6px solid #E69F00;padding:4px 10px;'>"
            "<p>No first impression is saved yet (it is asked in lesson 00). You can answer it "
            "now, before you look back at the evidence:</p></div>",
            text="No first impression saved yet.",
        )
    parts = [
        "<div style='border-left:6px solid #0072B2;padding:4px 10px;'>",
        "<p><strong>In lesson 00 you said:</strong></p><ul>",
    ]
    if choice:
        parts.append(
            f"<li>The report you would trust most at first sight: <strong>{e(str(choice))}</strong></li>"
        )
    if reason:
        parts.append(f"<li>Why: <em>{e(str(reason))}</em></li>")
    parts.append("</ul></div>")
    return HTML("".join(parts), text=f"First impression: {choice} / {reason}")


# --------------------------------------------------------------------------- lesson 00 helpers


_CURRENT: Any = object()


def outlets(analysis: Any = _CURRENT, *, kinds: Iterable[str] | None = None) -> HTML:
    """Per report: who published it, who wrote it first, and what its own boilerplate says.

    The boilerplate is quoted, not judged: how an outlet describes itself is a claim to check
    by reading what others say about it. Without an argument: the case of :func:`start`;
    given None (a failed start), the "run lesson.start first" box.
    """
    if analysis is _CURRENT:
        analysis = analysis_for()
    if missing(analysis):
        return not_started()
    e = esc
    wanted = set(kinds) if kinds is not None else None
    cards = []
    for r in analysis.case.reports:
        lines = []
        for b in r.boilerplate:
            if wanted is not None and b.kind not in wanted:
                continue
            if b.kind in ("separator", "navigation", "caption", "pull_quote", "media_link"):
                continue
            snippet = plain_text(r.text[b.start : b.end])
            if len(snippet) > 400:
                snippet = snippet[:399] + "…"
            lines.append(
                f"<li><em>{e(BOILERPLATE_KINDS.get(b.kind, b.kind))}:</em> “{e(snippet)}”</li>"
            )
        meta = [f"<strong>Published by:</strong> {e(r.outlet or 'unknown')}"]
        meta.append(f"<strong>First written by:</strong> {e(r.original_author or 'not stated')}")
        meta.append(f"<strong>Date:</strong> {e(r.date or 'not stated in the copy')}")
        body = (
            "".join(lines)
            or "<li><em>(no boilerplate found: the copy says nothing about itself)</em></li>"
        )
        cards.append(
            f"<div style='border:1px solid #bbb;padding:6px 10px;margin:6px 0;'>"
            f"<p><strong>{e(report_label(r))}</strong> <small>(id: {e(r.id)})</small></p>"
            f"<p>{' · '.join(meta)}</p>"
            f"<p>What the page says about itself, word for word:</p><ul>{body}</ul></div>"
        )
    return HTML("".join(cards), text=f"{len(cards)} reports")


_FIELD_NAMES = {
    "kind": "kind of boilerplate",
    "text": "words",
    "source": "source",
    "source_type": "kind of source",
    "cue": "reporting word",
    "speaker": "speaker",
    "value": "value",
    "what": "what is counted",
    "category": "category",
}


def table(
    records: Iterable[Any], fields: Sequence[str], *, report: Report | None = None, limit: int = 80
) -> HTML:
    """Records of the kit as a readable table: one row per record, one column per field.

    ``lesson.table(analysis.records_for("mee").quotes, ["speaker", "cue", "text"])``. Kinds are
    shown in plain words; a record without ``text`` gets its words from ``report`` (for
    boilerplate regions); long words are cut at ``limit`` characters.
    """
    from ..views.render import SOURCE_TYPE_NAMES, TERM_NAMES, boilerplate_name, table_html

    rows = []
    for r in records:
        row = []
        for f in fields:
            v = getattr(r, f, None)
            if f == "text" and v is None and report is not None:
                v = report.text[r.start : r.end]
            if f == "kind":
                v = boilerplate_name(v)
            elif f in ("source_type", "speaker_type"):
                v = SOURCE_TYPE_NAMES.get(v or "", v)
            elif f == "category":
                v = TERM_NAMES.get(v or "", v)
            elif isinstance(v, float):
                v = f"{int(v):,}" if v.is_integer() else f"{v:,}"
            elif v is None:
                v = "—"
            v = " ".join(str(v).split())
            row.append(v if len(v) <= limit else v[: limit - 1] + "…")
        rows.append(row)
    head = [_FIELD_NAMES.get(f, f.replace("_", " ")) for f in fields]
    return HTML(
        table_html(head, rows, empty="The kit found nothing of this kind here."),
        text=f"{len(rows)} records",
    )


_MD_LINK = re.compile(r"!?\[([^\]]*)\]\((?:[^()\s]|\([^()]*\))*\)")
_MD_MARK = re.compile(r"(\*\*|__|(?<!\w)[*_](?=\S)|(?<=\S)[*_](?!\w))")


def plain_text(text: str) -> str:
    """Text for a summary, with Markdown link markup and emphasis stripped: "[South Front](#)"
    becomes "South Front". Only for summaries: the reader keeps the report's text verbatim."""
    out = _MD_LINK.sub(lambda m: m.group(1), text)
    out = _MD_MARK.sub("", out)
    return " ".join(out.split())


def accuracy() -> HTML:
    """How often the kit itself is wrong, as measured against a person's annotation."""
    from .. import accuracy_summary

    text = accuracy_summary()
    if "not been measured" in text:
        text += (
            " Until the numbers are in, assume the kit misses some quotes, sources and figures,"
            " and marks some words wrongly: every highlight is a suggestion to check."
        )
    return HTML(
        "<div style='border-left:6px solid #E69F00;padding:4px 10px;'>"
        "<p><strong>How often is the machine wrong?</strong></p>"
        f"<p>{esc(text)}</p></div>",
        text=text,
    )


__all__ = [
    "accuracy",
    "in_voila",
    "saved_where",
    "table",
    "analysis_for",
    "exercise",
    "exercises",
    "first_impression",
    "forget",
    "identify",
    "learner_box",
    "inline_machine_spans",
    "machine_spans",
    "outlets",
    "passage",
    "pick",
    "pick_one",
    "progress",
    "report_label",
    "show_error",
    "skills",
    "start",
    "summary",
]
