"""Stage 4, what learners see. Views only render what they are given:

- ``render.py`` re-exports the HTML renderers, split by view: ``common.py`` (names, escaping,
  tables), ``reader.py`` (the annotated side-by-side reader), ``tables.py`` (sources, figures,
  quotes, labels, terms) and ``explanations.py`` (what a mark means, where it is, notes);
- ``widgets.py``: the interactive views (reader, explorers) as thin ipywidgets/anywidget wiring;
- ``plots.py``: matplotlib charts (``ax=None`` in, the axes out);
- ``display.py``: friendly error boxes and the "not started" notice;
- ``static/``: the reader's stylesheet and script.

Notebooks use ``from mediakit import views`` and call ``views.reader(...)`` and the other
widgets, which this package re-exports.
"""

from .review_widget import review
from .widgets import (
    ReaderText,
    ReportChooser,
    View,
    figures_table,
    quote_tracer,
    reader,
    source_explorer,
    wording_view,
)

__all__ = [
    "ReaderText",
    "ReportChooser",
    "View",
    "figures_table",
    "quote_tracer",
    "reader",
    "review",
    "source_explorer",
    "wording_view",
]
