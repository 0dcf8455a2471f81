"""mediakit: a Jupyter teaching kit for comparing news reports.

The public API is flat: load a case, analyse it, and work with the records.

    >>> import mediakit as mk
    >>> case = mk.load_case("maarat-al-numan")
    >>> analysis = mk.analyze(case)
"""

from .analysis import CaseAnalysis, analyze, extract_report
from .case import Case, Report, Side, load_case, shipped_cases
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

__version__ = "0.1.0"

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
