"""Write a short answer (text.py): a rubric that cannot be passed by keywords or the prompt,
the model answer after a real attempt, headline rewrites."""

from __future__ import annotations

import pytest
from exercise_helpers import EXERCISES

from mediakit.lessons.exercises import (
    Criterion,
    Exercise,
    check,
)

TEXT = sorted(i for i, ex in EXERCISES.items() if ex.type == "text")


def test_free_text_shows_rubric_and_model_answer_after_an_attempt():
    ex = EXERCISES["ex_02_06"]
    r = check(ex, "It is wrong.")
    assert not r.correct and r.model_answer is None  # not yet a real attempt
    assert len(r.rubric) == len(ex.rubric)
    r = check(
        ex,
        "The label is different from the one in the original report, which tells the "
        "reader something else about the man who spoke.",
    )
    assert r.model_answer == ex.model_answer  # a real attempt, even if it misses points
    good = check(
        ex,
        "Middle East Eye called him a rebel fighter and said he accused HTS of holding "
        "back; without the credit readers cannot check the original, and the label "
        "changes what the quote seems to show.",
    )
    assert good.correct and good.model_answer


@pytest.mark.parametrize("ex_id", TEXT)
def test_free_text_cannot_be_passed_by_keywords_or_the_prompt(ex_id):
    ex = EXERCISES[ex_id]
    keywords = [k for c in ex.rubric for k in c.keywords] or ["town"]
    listed = ", ".join(keywords * 3)
    one_per_line = "\n".join(keywords * 3)
    for attempt in (listed, one_per_line, ex.prompt, ex.prompt + " " + ex.prompt):
        r = check(ex, attempt)
        assert not r.correct, (ex_id, attempt[:60])
        assert r.model_answer is None, f"{ex_id}: the model answer waits for a real attempt"
    assert check(ex, ex.model_answer).correct


@pytest.mark.parametrize("ex_id", TEXT)
def test_every_criterion_has_levels_and_the_guide_has_a_sample_at_each(ex_id):
    ex = EXERCISES[ex_id]
    for c in ex.rubric:
        assert len(c.levels) == 3 and all(x.strip() for x in c.levels), (ex_id, c.criterion)
    assert sorted(s.level for s in ex.samples) == [0, 1, 2], ex_id
    for s in ex.samples:
        r = check(ex, s.text)
        if s.level == 0:
            assert not r.correct, (ex_id, s.text)
        if s.level == 2:
            assert r.correct, (ex_id, r.to_text())


def test_one_piece_of_evidence_counts_for_one_criterion_only():

    ex = Exercise(
        id="ex_09_01",
        lesson="09",
        type="text",
        prompt="Who is cited, and who is not?",
        model_answer="m",
        min_words=5,
        min_criteria=2,
        rubric=(
            Criterion("names a source", ("source",)),
            Criterion("names a missing source", ("source", "missing")),
        ),
    )
    once = "The report gives one source for the whole story about the town."
    assert [seen for _, seen in check(ex, once).rubric].count(True) == 1
    assert not check(ex, once).correct
    twice = "The report gives one source for the story, and the other side's source is missing."
    assert check(ex, twice).correct


def test_the_headline_rewrite_is_judged_by_what_it_dropped_and_kept():
    ex = next(
        e
        for e in EXERCISES.values()
        if e.type == "text" and any(c.where == "headline" for c in e.rubric)
    )
    long_but_loaded = (
        "Syrian Army Liberates Maarat Al-Numan, Key Militant Stronghold in Idlib, "
        "after a long battle.\nI did not take anything out, because every word of "
        "it is what the army did in the town and I kept the facts."
    )
    r = check(ex, long_but_loaded)
    assert not r.correct and "liberates" in r.message.lower()
    lost_facts = "Big news from the north tonight.\nI removed the loaded words and kept it short."
    assert not check(ex, lost_facts).correct
    short_and_plain = "Government forces take Maarat al-Numan.\nI replaced 'Liberates' with 'take'."
    r = check(ex, short_and_plain)
    assert r.correct, r.to_text()
    pinned = "Army says it liberated Maarat al-Numan.\nI pinned the claim on the army instead."
    assert check(ex, pinned).correct
