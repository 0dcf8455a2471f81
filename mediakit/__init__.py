"""mediakit: a Jupyter teaching kit for comparing news reports.

The public API is flat: load a case, analyse it, and work with the records.
The package is grouped by stage, and imports only run downward::

    cases/     a folder of reports in (case.py, boilerplate.py, authoring.py)
    nlp.py, analysis.py, records.py, errors.py    the pipeline and its records
    extract/   per-report extractors
    compare/   comparisons across reports
    views/     what learners see (renderers, widgets, charts)
    lessons/   the lesson helper, exercises, saved answers
    cli.py, evaluation.py

Notebooks use ``from mediakit import lesson, views, plots``.

    >>> import mediakit as mk
    >>> case = mk.load_case("maarat-al-numan")
    >>> analysis = mk.analyze(case)
"""

from .analysis import CaseAnalysis, analyze, extract_report
from .cases import Case, Report, Side, load_case, shipped_cases
from .errors import CaseError, MediakitError, ModelError, ReportError
from .evaluation import accuracy_summary
from .extract import attributions, figures, loaded_terms, quotes
from .nlp import load_pipeline, parse
from .records import (
    SOURCE_TYPES,
    TERM_CATEGORIES,
    Attribution,
    Figure,
    LoadedTerm,
    Quote,
    Region,
    ReportRecords,
)
from .version import __version__ as __version__

# Modules notebooks reach by their short names; imported on first use so that ``import
# mediakit`` (the command line, the pipeline) does not load the widget libraries.
_SHORT_NAMES = {
    "lesson": ".lessons.lesson",
    "plots": ".views.plots",
    "render": ".views.render",
    "display": ".views.display",
    "exercises": ".lessons.exercises",
    "progress": ".lessons.progress",
    "classreport": ".lessons.classreport",
}


def __getattr__(name: str):
    if name in _SHORT_NAMES:
        import importlib

        module = importlib.import_module(_SHORT_NAMES[name], __name__)
        globals()[name] = module
        return module
    raise AttributeError(f"module 'mediakit' has no attribute {name!r}")


__all__ = [
    "SOURCE_TYPES",
    "TERM_CATEGORIES",
    "Attribution",
    "Case",
    "CaseAnalysis",
    "CaseError",
    "Figure",
    "LoadedTerm",
    "MediakitError",
    "ModelError",
    "Quote",
    "Region",
    "Report",
    "ReportError",
    "ReportRecords",
    "Side",
    "accuracy_summary",
    "analyze",
    "attributions",
    "extract_report",
    "figures",
    "load_case",
    "load_pipeline",
    "loaded_terms",
    "parse",
    "quotes",
    "shipped_cases",
]
