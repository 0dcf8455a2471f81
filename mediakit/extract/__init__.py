"""Extractors: pure functions over a parsed spaCy Doc that return frozen records."""

from .attributions import attributions
from .figures import figures
from .quotes import quotes
from .wording import loaded_terms

__all__ = ["attributions", "figures", "loaded_terms", "quotes"]
