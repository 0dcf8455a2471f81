"""The kit speaks in its own neutral voice: a side's label appears only as a quoted mention.

The kit's prose says "armed opposition groups", "government forces", "took the town". When it
needs one side's word ("rebels", "militants", "terrorists", "regime", "jihadists", "liberated"),
it puts it in quotation marks (or in italics, the other way Markdown mentions a word), so the
reader can see it is a source's word and not the kit's.

Linted: the lesson notebooks' Markdown (the builder's output), every prose field of the
exercises (prompts, options, feedback, hints, explanations, model answers, rubric criteria,
notes), the handouts, the teacher guide and the glossary. Not linted: code (cells, `inline`
and fenced), exercise passages and answers (they are the reports' own text), and rubric
keywords (matching data).
"""

from __future__ import annotations

import json
import re
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

LABELS = re.compile(
    r"(?<![\w-])(rebels?|militants?|terrorists?|terrorism|regime|jihadists?|extremists?|radicals?|"
    r"liberat(?:e|es|ed|ing|ion)|insurgents?|proxies)(?![\w-])",
    re.IGNORECASE,
)

# a quoted or italicised stretch: “…”, "…", ‘…’, '…' (an apostrophe inside a word does not
# open or close one) and *…* (not **bold**)
MENTIONS = [
    re.compile(r"“[^”]*”"),
    re.compile(r"‘.*?’(?!\w)"),
    re.compile(r'"[^"\n]*(?:\n[^"\n]*)?"'),  # a quotation may wrap onto a second line
    re.compile(r"(?<![\w'’])'(?=\S)(?:.|\n(?!\n))*?(?<=\S)'(?![\w])"),
    re.compile(r"(?<![*\w])\*(?!\*)(?=\S)[^*\n]+?(?<=\S)\*(?![*\w])"),
    re.compile(r"`[^`]*`"),
    # proper names that contain a label word are names, not labels
    re.compile(r"National Front for Liberation"),
]
FENCE = re.compile(r"```.*?```", re.DOTALL)
INDENTED_CODE = re.compile(r"^(?: {4}|\t)(?![-*|\d]).*$", re.MULTILINE)  # not list items or tables


def unquoted_labels(text: str) -> list[str]:
    """Side labels in ``text`` that are neither quoted, italicised nor code, with context."""
    text = FENCE.sub(lambda m: " " * len(m.group()), text)
    text = INDENTED_CODE.sub(lambda m: " " * len(m.group()), text)
    covered = [False] * len(text)
    for pat in MENTIONS:
        for m in pat.finditer(text):
            for i in range(m.start(), m.end()):
                covered[i] = True
    out = []
    for m in LABELS.finditer(text):
        if not covered[m.start()]:
            out.append(text[max(0, m.start() - 40) : m.end() + 25].replace("\n", " "))
    return out


PROSE_FIELDS = ("title", "prompt", "explanation", "model_answer", "teacher_note", "machine_note")


def exercise_prose() -> list[tuple[str, str]]:
    out = []
    for path in sorted((ROOT / "exercises").glob("*.toml")):
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        for ex in data.get("exercise", []):
            where = f"{path.name}:{ex.get('id')}"
            for f in PROSE_FIELDS:
                if ex.get(f):
                    out.append((f"{where}.{f}", ex[f]))
            for h in ex.get("hints", []):
                out.append((f"{where}.hints", h))
            for o in ex.get("option", []):
                out.append((f"{where}.option", o.get("text", "")))
                if o.get("feedback"):
                    out.append((f"{where}.feedback", o["feedback"]))
            for c in ex.get("rubric", []):
                out.append((f"{where}.rubric", c.get("criterion", "")))
                for lv in c.get("levels", []) if isinstance(c.get("levels"), list) else []:
                    out.append((f"{where}.rubric.levels", str(lv)))
    return out


def notebook_prose() -> list[tuple[str, str]]:
    out = []
    for path in sorted((ROOT / "notebooks").glob("*.ipynb")):
        nb = json.loads(path.read_text(encoding="utf-8"))
        for i, cell in enumerate(nb["cells"]):
            if cell["cell_type"] == "markdown":
                out.append((f"{path.name}[{i}]", "".join(cell["source"])))
    return out


def document_prose() -> list[tuple[str, str]]:
    paths = [
        *sorted((ROOT / "docs" / "handouts").glob("*.md")),
        ROOT / "docs" / "teacher-guide.md",
        ROOT / "docs" / "glossary.md",
    ]
    return [
        (p.relative_to(ROOT).as_posix(), p.read_text(encoding="utf-8")) for p in paths if p.exists()
    ]


def findings() -> list[str]:
    out = []
    for where, text in [*notebook_prose(), *exercise_prose(), *document_prose()]:
        out += [f"{where}: …{ctx}…" for ctx in unquoted_labels(text)]
    return out


def test_the_kit_never_uses_a_side_label_in_its_own_voice():
    found = findings()
    assert not found, f"{len(found)} unquoted side labels:\n" + "\n".join(found)


@pytest.mark.parametrize(
    "text",
    [
        "The rebels took the town.",
        "Government forces entered the town, and the militants withdrew.",
        "Sputnik calls them 'terrorist militants'; the regime says otherwise.",
        "The army liberated the village.",
    ],
)
def test_the_lint_finds_a_label_in_the_kit_voice(text):
    assert unquoted_labels(text)


@pytest.mark.parametrize(
    "text",
    [
        "Middle East Eye calls him “one rebel fighter”.",
        "Sputnik writes 'terrorist militants' and ‘moderate’ militia forces.",
        "The same groups are called *rebels*, *militants* or *terrorists*.",
        "South Front's 'they liberated the key town' is a claim.",
        "Run `plots.plot_loaded_terms()` to count 'rebels'.",
        "Armed opposition groups withdrew; government forces entered.",
    ],
)
def test_quoted_or_italic_mentions_and_neutral_terms_pass(text):
    assert unquoted_labels(text) == []
