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

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = ROOT / "notebooks"
LESSONS = sorted(NOTEBOOKS.glob("0[0-6]_*.ipynb"))


def test_there_are_seven_numbered_lessons():
    assert [p.name[:2] for p in LESSONS] == [f"{i:02d}" for i in range(7)]


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
    first = nb.cells[0]
    assert first.cell_type == "markdown" and "By the end of this lesson" in first.source
    assert any(c.cell_type == "markdown" and "## Recap" in c.source for c in nb.cells)


@pytest.mark.parametrize("path", LESSONS, ids=lambda p: p.stem)
def test_every_exercise_of_the_lesson_is_shown(path):
    from mediakit.exercises import load_lessons

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
    client = NotebookClient(nb, timeout=300, kernel_name="python3",
                            resources={"metadata": {"path": str(work)}})
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
        1 for cell in nb.cells for out in cell.get("outputs", [])
        if "application/vnd.jupyter.widget-view+json" in out.get("data", {})
    )
    assert shown >= 4, f"{path.name}: expected the exercises and views to display widgets"
