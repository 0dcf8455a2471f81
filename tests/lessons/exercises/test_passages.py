"""Passages and spans (passages.py): words without their punctuation, passages found across
no-break spaces."""

from __future__ import annotations

from exercise_helpers import EXERCISES

from mediakit.lessons.exercises import (
    check,
    key_answer,
    passage_for,
    tokenize,
)


def test_tokens_leave_out_punctuation():
    toks = tokenize("“We need a miracle,” he added. – (HTS)")
    words = [
        ("“We need a miracle,” he added. – (HTS)"[t.start : t.end], t.selectable) for t in toks
    ]
    assert ("We", True) in words and ("miracle", True) in words and ("HTS", True) in words
    assert ("–", False) in words


def test_passages_match_across_no_break_spaces():
    ex = EXERCISES["ex_05_03"]
    text = "x\n" + ex.passage.replace("forces loyal", "forces\u00a0loyal") + "\ny"
    p = passage_for(ex, text)
    assert "\u00a0" in p.text
    assert check(ex, key_answer(ex, p), passage=p).correct
