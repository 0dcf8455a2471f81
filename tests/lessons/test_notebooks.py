"""Every lesson notebook executes top to bottom, as a learner would run it (marked slow).

Each notebook runs with nbclient on the python3 kernel, in a temporary copy of notebooks/ (so
the progress file and any outputs land there, not in the repository). The stored notebooks must
carry no outputs and name their kernel, so JupyterLab opens them without a dialog.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parents[2]
NOTEBOOKS = ROOT / "notebooks"
LESSONS = sorted(NOTEBOOKS.glob("0[0-7]_*.ipynb"))


def test_there_are_eight_numbered_lessons():
    assert [p.name[:2] for p in LESSONS] == [f"{i:02d}" for i in range(8)]


@pytest.mark.parametrize("path", LESSONS, ids=lambda p: p.stem)
def test_notebook_is_stored_clean(path):
    nb = nbformat.read(path, as_version=4)
    nbformat.validate(nb)
    assert nb.metadata["kernelspec"]["name"] == "python3"
    for cell in nb.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None, f"{path.name} has outputs"
            code = re.sub(r'"""(.|\n)*?"""', '""', cell.source)  # a report's text is data, not code
            assert len(code.splitlines()) <= 8, f"{path.name}: keep code cells short"
            # no line runs off the screen (lesson 06 ships its example reports as files)
            assert max(map(len, cell.source.splitlines() or [""])) <= 100, path.name
    first = nb.cells[0]
    assert first.cell_type == "markdown" and "By the end of this lesson" in first.source
    assert any(c.cell_type == "markdown" and "## Recap" in c.source for c in nb.cells)


@pytest.mark.parametrize("path", LESSONS, ids=lambda p: p.stem)
def test_every_exercise_of_the_lesson_is_shown(path):
    from mediakit.lessons.exercises import load_lessons

    text = path.read_text(encoding="utf-8")
    lesson = load_lessons()[path.name[:2]]
    missing = [ex.id for ex in lesson.exercises if f'lesson.exercise(\\"{ex.id}\\")' not in text]
    assert missing == []


@pytest.mark.slow
@pytest.mark.parametrize("path", LESSONS, ids=lambda p: p.stem)
def test_notebook_executes_top_to_bottom(path, tmp_path, monkeypatch):
    from nbclient import NotebookClient

    work = tmp_path / "notebooks"
    shutil.copytree(NOTEBOOKS, work, ignore=shutil.ignore_patterns(".*", "*.corrupt-*"))
    nb = nbformat.read(work / path.name, as_version=4)
    monkeypatch.delenv("MEDIAKIT_PROGRESS", raising=False)  # progress goes beside the notebook
    monkeypatch.setenv("MPLBACKEND", "Agg")
    client = NotebookClient(
        nb, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(work)}}
    )
    client.execute()
    errors = []
    for i, cell in enumerate(nb.cells):
        for out in cell.get("outputs", []):
            if out.get("output_type") == "error":
                errors.append(f"cell {i}: {out.get('ename')}: {out.get('evalue')}")
            text = json.dumps(out.get("data", {})) + out.get("text", "")
            if "mk-error" in text or "Traceback" in text:
                errors.append(f"cell {i}: shows an error box: {text[:300]}")
    assert errors == [], f"{path.name}:\n" + "\n".join(errors)
    shown = sum(
        1
        for cell in nb.cells
        for out in cell.get("outputs", [])
        if "application/vnd.jupyter.widget-view+json" in out.get("data", {})
    )
    assert shown >= 4, f"{path.name}: expected the exercises and views to display widgets"


# ---------------------------------------------------------------------------- another case

# A small case in another genre (a local business story), written by the test: three short
# invented reports, two from one outlet, one quote reused without credit, figures, a source.
OTHER_CASE = {
    "case.toml": """id = "harbour-bakery"
title = "A bakery closes on the harbour (an invented example)"
summary = "An invented bakery on an invented harbour front closes; three invented reports."
language = "en"

[[reports]]
file = "a_gazette_monday.txt"
id = "gazette-mon"
outlet = "Harbour Gazette (invented)"

[[reports]]
file = "b_gazette_tuesday.txt"
id = "gazette-tue"
outlet = "Harbour Gazette (invented)"

[[reports]]
file = "c_town_talk.txt"
id = "towntalk"
outlet = "Town Talk (invented)"
""",
    "a_gazette_monday.txt": """Crumb & Co bakery to close after 40 years

The Crumb & Co bakery on Quay Street will close at the end of the month, its owner said on Monday.

"We simply cannot pay a rent that has doubled in two years," said owner Rosa Marin. Twelve staff will lose their jobs, according to the shop workers' union.

The landlord, Quayside Estates, declined to comment.
""",
    "b_gazette_tuesday.txt": """Customers queue for last loaves at Crumb & Co

Hundreds of customers queued outside Crumb & Co on Tuesday, a day after the bakery said it would close.

"We simply cannot pay a rent that has doubled in two years," owner Rosa Marin told the Gazette. The council said it would meet the landlord.
""",
    "c_town_talk.txt": """Greedy landlord kills beloved bakery

Greedy landlords have killed off yet another beloved local shop, it seems.

"We simply cannot pay a rent that has doubled in two years," one baker said. Reportedly dozens of jobs are lost.
""",
}


def _run(path: Path, work: Path, monkeypatch, *, allow_errors: bool = False) -> list:
    from nbclient import NotebookClient

    nb = nbformat.read(work / path.name, as_version=4)
    monkeypatch.delenv("MEDIAKIT_PROGRESS", raising=False)
    monkeypatch.setenv("MPLBACKEND", "Agg")
    client = NotebookClient(
        nb,
        timeout=300,
        kernel_name="python3",
        allow_errors=allow_errors,
        resources={"metadata": {"path": str(work)}},
    )
    client.execute()
    return nb.cells


@pytest.mark.slow
@pytest.mark.parametrize("path", LESSONS[:6], ids=lambda p: p.stem)
def test_lessons_run_on_another_case(path, tmp_path, monkeypatch):
    """MEDIAKIT_LESSON_CASE points every lesson at another case: no cell may fail."""
    case = tmp_path / "harbour-bakery"
    case.mkdir()
    for name, text in OTHER_CASE.items():
        (case / name).write_text(text, encoding="utf-8")
    work = tmp_path / "notebooks"
    shutil.copytree(NOTEBOOKS, work, ignore=shutil.ignore_patterns(".*", "*.corrupt-*"))
    monkeypatch.setenv("MEDIAKIT_LESSON_CASE", str(case))
    cells = _run(path, work, monkeypatch)
    errors, texts = [], []
    for i, cell in enumerate(cells):
        for out in cell.get("outputs", []):
            if out.get("output_type") == "error":
                errors.append(f"cell {i}: {out.get('ename')}: {out.get('evalue')}")
            text = json.dumps(out.get("data", {})) + out.get("text", "")
            texts.append(text)
            if "mk-error" in text or "Traceback" in text:
                errors.append(f"cell {i}: shows an error box: {text[:300]}")
    assert errors == [], f"{path.name}:\n" + "\n".join(errors)
    shown = "\n".join(texts)
    assert "A bakery closes on the harbour" in shown  # the lesson loaded the other case
    assert "written for the seed case" in shown  # and the banner says the exercises stay on it


@pytest.mark.slow
def test_a_lesson_on_a_broken_case_shows_plain_boxes_not_tracebacks(tmp_path, monkeypatch):
    empty = tmp_path / "empty-case"
    empty.mkdir()
    work = tmp_path / "notebooks"
    shutil.copytree(NOTEBOOKS, work, ignore=shutil.ignore_patterns(".*", "*.corrupt-*"))
    monkeypatch.setenv("MEDIAKIT_LESSON_CASE", str(empty))
    cells = _run(NOTEBOOKS / "01_sourcing.ipynb", work, monkeypatch, allow_errors=True)
    outputs = [(i, out) for i, c in enumerate(cells) for out in c.get("outputs", [])]
    assert not [i for i, out in outputs if out.get("output_type") == "error"]
    everything = "\n".join(
        json.dumps(out.get("data", {})) + out.get("text", "") for _, out in outputs
    )
    assert "Traceback" not in everything and "AttributeError" not in everything
    assert (
        everything.count("Run the lesson.start(...) cell first") >= 3
    )  # reader, explorer, chart...
