"""The example review of docs/review.md reads, applies and holds against its example report."""

from __future__ import annotations

import re
from pathlib import Path

from review_texts import DOC_EXAMPLE

from mediakit.analysis import analyze

DOC = Path(__file__).resolve().parents[2] / "docs" / "review.md"


def _blocks(lang: str) -> list[str]:
    return re.findall(rf"```{lang}\n(.*?)```", DOC.read_text(encoding="utf-8"), flags=re.S)


def test_the_documented_example_applies_to_its_report(tmp_path):
    (text,) = _blocks("text")
    assert text == DOC_EXAMPLE  # the report the doc shows is the one tested here
    folder = tmp_path / "example"
    folder.mkdir()
    (folder / "a.txt").write_text(DOC_EXAMPLE, encoding="utf-8")
    (folder / "review.toml").write_text(_blocks("toml")[0], encoding="utf-8")
    a = analyze(folder)
    assert a.review.stale == ()
    rec = a.records["a"]
    assert [q.speaker for q in rec.quotes] == ["Mayor Ana Ruiz", "Mayor Ana Ruiz", "Critics"]
    assert [q.review for q in rec.quotes] == ["corrected", "corrected", "confirmed"]
    who, she = (x for x in rec.attributions if x.source in ("who", "she"))
    # a source worded "who" or "she" keeps its words and stands for the teacher's source
    assert (who.source, who.resolves_to, who.review) == ("who", "Tom Hale", "corrected")
    assert (she.source, she.resolves_to) == ("she", "Mayor Ana Ruiz")
    assert [f.review for f in rec.figures] == ["confirmed"]
