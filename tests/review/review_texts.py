"""Two small reports written for the review tests (no corpus text), and their review.toml."""

from __future__ import annotations

from pathlib import Path

A = (
    "Council approves new bridge\n\nThe city council approved the bridge on Monday. "
    '"This bridge will change the town," said Mayor Ana Ruiz. Officials said 40 workers would '
    "build it over two years. Critics called the plan a reckless gamble.\n"
)
B = (
    'Bridge plan passes\n\n"We will keep the old ferry running," said council member Tom Hale. '
    "According to the council, 45 workers would build the bridge. The vote was apparently "
    "close.\n"
)
CASE_TOML = """\
id = "bridge"
title = "A bridge vote"

[[reports]]
file = "a.txt"
outlet = "Town Post"

[[reports]]
file = "b.txt"
outlet = "Valley Herald"
"""


def write_case(folder: Path, *, a: str = A, b: str = B) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "a.txt").write_text(a, encoding="utf-8")
    (folder / "b.txt").write_text(b, encoding="utf-8")
    (folder / "case.toml").write_text(CASE_TOML, encoding="utf-8")
    return folder


# the example of docs/review.md: the machine takes a whole clause for the speaker, and "who"
# and "she" for the wrong people
DOC_EXAMPLE = (
    "Council approves new bridge\n\nThe city council approved the bridge on Monday. Mayor Ana "
    "Ruiz thanked council member Tom Hale, who had opposed the plan for a year.\n\n"
    '"To put it plainly, this bridge will change the town, and I am grateful that he changed '
    'his mind," she said. "Or we could have waited another ten years."\n\nHale said 40 workers '
    'would build it. Critics called the plan a "reckless gamble".\n'
)
