"""Mark the words in the text (select_words.py), and correct-the-machine: whole words, no free
marks, a key computed from the kit's own marks, hints that point at the kit's error."""

from __future__ import annotations

import pytest
from exercise_helpers import EXERCISES, gold_machine, seed_passage

from mediakit.lessons.exercises import (
    Exercise,
    ExerciseError,
    Passage,
    Selection,
    check,
    expected,
    find_spans,
    key_answer,
    passage_for,
    tokenize,
    wrong_answers,
)
from mediakit.lessons.exercises.widget import exercise_widget
from mediakit.lessons.progress import Progress

MACHINE = sorted(i for i, ex in EXERCISES.items() if ex.corrects_machine)


def _words_ex(text, answer, match="all", accept=()):
    return Exercise(
        id="ex_09_01",
        lesson="09",
        type="select_words",
        prompt="Mark it.",
        text=text,
        answer=tuple(answer),
        accept=tuple(accept),
        match=match,
        hints=("h",),
        explanation="why",
    )


def _mark(p, *words):
    toks = [t for t in tokenize(p.text) if t.selectable]
    spans = []
    for w in words:
        word, _, nth = w.partition("#")
        hits = [t for t in toks if p.text[t.start : t.end] == word]
        t = hits[int(nth or 0)]
        spans.append((t.start, t.end))
    return Selection(spans=tuple(spans))


def test_select_words_marks_most_of_a_phrase_and_nothing_else(seed_case):
    ex = EXERCISES["ex_01_01"]
    p = seed_passage(ex, seed_case)
    toks = {p.text[t.start : t.end]: (t.start, t.end) for t in tokenize(p.text)}
    two_of_three = Selection(spans=(toks["Syrian"], toks["source"]))
    assert check(
        ex, Selection(spans=(toks["military"], toks["source"], toks["a"])), passage=p
    ).correct
    assert check(
        ex, Selection(spans=(toks["Syrian"], toks["military"], toks["source"])), passage=p
    ).correct
    assert check(ex, two_of_three, passage=p).correct
    r = check(
        ex,
        Selection(spans=(toks["Syrian"], toks["military"], toks["source"], toks["troops"])),
        passage=p,
    )
    assert r.status == "wrong" and "troops" in r.message
    assert check(ex, Selection(spans=(toks["source"],)), passage=p).status == "wrong"


def test_select_words_matches_whole_words_not_parts_of_words():
    ex = _words_ex("Turkey and its key allies met in Keyport.", ["key"])
    p = passage_for(ex)
    assert find_spans(p.text, ["key"]) == [(15, 18)]  # not the "key" of Turkey
    assert check(ex, _mark(p, "key"), passage=p).correct
    r = check(ex, _mark(p, "Turkey"), passage=p)
    assert r.status == "wrong" and "Turkey" in r.message
    bad = ex.__class__(**{**ex.__dict__, "text": "Turkey's allies met."})
    from mediakit.lessons.exercises.loader import validate

    with pytest.raises(ExerciseError, match="whole words"):
        validate(bad, "a test")


def test_function_words_are_never_free_marks():
    ex = _words_ex("Government forces took the town from the regime, reports say.", ["the regime"])
    p = passage_for(ex)
    assert not check(ex, _mark(p, "the#1"), passage=p).correct  # "the" alone finds nothing
    assert check(ex, _mark(p, "regime"), passage=p).correct
    assert check(ex, _mark(p, "the#1", "regime"), passage=p).correct
    anyof = _words_ex(
        "A key town fell to a rebel army in the night.", ["a key town", "a rebel army"], match="any"
    )
    p = passage_for(anyof)
    assert not check(anyof, _mark(p, "a"), passage=p).correct
    assert not check(anyof, _mark(p, "A", "a"), passage=p).correct
    assert check(anyof, _mark(p, "rebel"), passage=p).correct


@pytest.mark.parametrize("ex_id", MACHINE)
def test_correct_the_machine_key_follows_what_the_kit_found(ex_id, seed_case):
    ex = EXERCISES[ex_id]
    # a kit that found nothing: the learner must mark what it missed
    blind = seed_passage(ex, seed_case, machine=[])
    exp = expected(ex, blind)
    assert exp.items and exp.missed == exp.items
    assert not check(ex, Selection(nothing=True), passage=blind).correct
    # a perfect kit: the right answer is to say so, and any mark is wrong
    p0 = seed_passage(ex, seed_case, machine=[])
    perfect = seed_passage(ex, seed_case, machine=gold_machine(ex, p0))
    assert expected(ex, perfect).items == ()
    assert key_answer(ex, perfect) == Selection(nothing=True)
    assert check(ex, Selection(nothing=True), passage=perfect).correct
    for w in wrong_answers(ex, perfect):
        assert not check(ex, w, passage=perfect).correct
    # a kit that marks a word no person would: the learner must mark it as wrong
    allowed = [*find_spans(p0.text, ex.answer), *find_spans(p0.text, ex.accept)]
    stray = next(
        t
        for t in tokenize(p0.text)
        if t.selectable and not any(s < t.end and t.start < e for s, e in allowed)
    )
    noisy = seed_passage(
        ex,
        seed_case,
        machine=gold_machine(ex, p0) + [(p0.offset + stray.start, p0.offset + stray.end)],
    )
    exp = expected(ex, noisy)
    assert exp.wrong == ((stray.start, stray.end),)
    assert not check(ex, Selection(nothing=True), passage=noisy).correct
    right = check(ex, Selection(spans=((stray.start, stray.end),)), passage=noisy)
    assert right.correct
    assert any("marked wrongly" in d and stray.text.strip(".,") in d for d in right.details)


def test_select_words_widget_and_restore_after_restart(tmp_path, seed_case):
    ex = EXERCISES["ex_01_01"]
    p = seed_passage(ex, seed_case)
    path = tmp_path / "p.json"
    w = exercise_widget(ex, passage=p, progress=Progress(path))
    tokens = w.controls["tokens"]
    by_word = {b.description.strip(",."): b for b in tokens}
    by_word["troops"].value = True
    w.controls["check"].click()
    assert w.result.status == "wrong" and "troops" in w.controls["feedback"].value
    by_word["troops"].value = False
    ((gs, ge),) = find_spans(p.text, ["Syrian military source"])
    for b in tokens:
        b.value = gs <= b.span[0] and b.span[1] <= ge
    w.controls["check"].click()
    assert w.result.correct, w.result.to_text()
    # a kernel restart: a new Progress object reads the file, a new widget restores the answer
    w2 = exercise_widget(ex, passage=p, progress=Progress(path))
    assert w2.answer == w.answer
    assert w2.result is not None and w2.result.correct
    assert "saved answer" in w2.controls["feedback"].value


def test_machine_widget_shows_the_kits_marks(seed_case):
    ex = EXERCISES["ex_03_07"]
    p0 = seed_passage(ex, seed_case, machine=[])
    p = seed_passage(ex, seed_case, machine=gold_machine(ex, p0)[:1])
    w = exercise_widget(ex, passage=p)
    # the passage is shown once: the kit's marks are a style on the word buttons themselves
    marked = [b.description for b in w.controls["tokens"] if "mk-machine" in b._dom_classes]
    assert marked == ["At", "least", "8"], marked
    assert (
        "At least 8" in w.controls["machine"].value
        and "dashed underline" in w.controls["machine"].value
    )
    assert "[" not in w.controls["machine"].value
    w.controls["nothing"].value = True
    w.controls["check"].click()
    assert w.result.status == "wrong"
    w.controls["nothing"].value = False
    w.set_answer(key_answer(ex, p))
    w.controls["check"].click()
    assert w.result.correct
    assert "The kit marked" in w.controls["feedback"].value


def test_a_mark_inside_another_is_listed_once():
    from mediakit.lessons.exercises.select_words import machine_marks_html

    text = "Continue this story at South Front. SUPPORT US"
    p = Passage(text=text, machine=((0, len(text)), (0, 34), (36, len(text))))
    html = machine_marks_html(p)
    assert "(1 mark:" in html and html.count("\u2018") == 1


MACHINE_SEED = sorted(i for i, ex in EXERCISES.items() if ex.corrects_machine and ex.lesson <= "06")


@pytest.mark.parametrize("ex_id", MACHINE_SEED)
def test_machine_hints_point_at_the_kits_actual_error(ex_id, seed_case):
    ex = EXERCISES[ex_id]

    def passage(machine):
        if ex.text is not None:
            return passage_for(ex, machine=machine)
        return passage_for(ex, seed_case.report(ex.report).text, machine=machine)

    p0 = passage([])
    gold = [(p0.offset + s, p0.offset + e) for s, e in find_spans(p0.text, ex.answer)]
    allowed = [*find_spans(p0.text, ex.answer), *find_spans(p0.text, ex.accept)]
    stray = next(
        t
        for t in tokenize(p0.text)
        if t.selectable
        and len(t.text) > 3
        and not any(s < t.end and t.start < e for s, e in allowed)
    )
    noisy = passage(gold + [(p0.offset + stray.start, p0.offset + stray.end)])
    r = check(ex, Selection(nothing=True), passage=noisy)
    word = p0.text[stray.start : stray.end]
    assert not r.correct and f"kit's mark on “{word}”" in r.hint, r.hint
    # a kit that missed everything: the hint names the sentence of one miss, not the answer list
    r = check(ex, Selection(nothing=True), passage=p0)
    assert "sentence that starts" in r.hint
    assert not all(a in r.hint for a in ex.answer) or len(ex.answer) == 1
    r2 = check(ex, Selection(nothing=True), passage=p0, tries=2)
    assert r2.hint != r.hint


def test_a_mark_the_kit_got_right_is_pointed_out(seed_case):
    ex = EXERCISES[MACHINE_SEED[0]]
    p0 = (
        passage_for(ex, seed_case.report(ex.report).text, machine=[])
        if ex.text is None
        else passage_for(ex, machine=[])
    )
    spans = find_spans(p0.text, ex.answer)
    first, rest = spans[0], spans[1:]
    kit = [(p0.offset + s, p0.offset + e) for s, e in [first]]
    p = (
        passage_for(ex, seed_case.report(ex.report).text, machine=kit)
        if ex.text is None
        else passage_for(ex, machine=kit)
    )
    if not rest:
        pytest.skip("needs two marks")
    tok = next(t for t in tokenize(p.text) if t.selectable and t.start >= first[0])
    r = check(ex, Selection(spans=((tok.start, tok.end),)), passage=p)
    assert not r.correct and "the kit marked that too" in r.hint
    assert expected(ex, p).missed
