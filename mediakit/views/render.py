"""HTML renderers: records and report text in, HTML strings out (one import for all views).

Everything that comes from a report (its text, speakers, sources, outlet names) is untrusted
and goes through :func:`esc` (``html.escape`` with ``quote=True``) before it reaches HTML, in
element text and in attributes alike. The renderers need no spaCy model and no widgets.

The renderers are split by view; this module gathers their public names:

- :mod:`.common`: names of kinds and categories, :func:`esc`, :func:`table_html`, the stylesheet;
- :mod:`.reader`: the annotated reader (:func:`render_report`, :func:`render_side_by_side`);
- :mod:`.tables`: sources, figures, quote traces, labels and loaded terms;
- :mod:`.explanations`: what a mark means, where it is, the comparisons' notes.
"""

from .common import *  # noqa: F403
from .explanations import *  # noqa: F403
from .reader import *  # noqa: F403
from .tables import *  # noqa: F403
