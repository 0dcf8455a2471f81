"""Stage 5, the lessons: the notebook helper (``lesson.py``, which gathers the names cells call
from ``case_in_use.py``, ``session.py``, ``exercise_cells.py``, ``machine_marks.py``,
``live.py`` and ``case_tables.py``), exercises as data with one module per exercise type
(``exercises/``: each type's checker and its widget in one place) and the learner's saved
answers (``progress.py``).

Notebooks use ``from mediakit import lesson``; this package sits on top of :mod:`mediakit.views`.
"""
